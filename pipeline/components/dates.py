"""Dates: every calendar reference, the publication date, and the year partial dates belong to.

The grammar (``pipeline.periods`` + ``models/date_patterns.json``) finds and normalises the
mentions; this component decides what the grammar cannot know on its own:

1. the dateline date (``meta["header"]``/``"header_span"``, or ``meta["published_meta"]`` for
   HTML) and whether it is the publication date: an event the article reports as past that
   happens after it rejects it (``doc._.published`` is then ``None``, the reason kept);
2. the reference year partial dates ("Sáng 7/3", "tháng 4", "quý IV") are completed from: the
   accepted dateline, else the article's own context — an explicit event day, the year of the
   reported N-month/quarter periods, or the reviewed/planned years ("tổng kết năm 2021, triển
   khai nhiệm vụ năm 2022" held in February is 2022);
3. each mention's role: ``published`` (the accepted dateline), ``event`` (the day the reported
   meeting happens), ``deadline`` ("trước ngày 16/2/2024", "đến năm 2030" ahead of the article),
   ``period`` (years, quarters, halves, N months, spans a figure can report on), ``reference``
   (comparison bases, document dates, "as of" days, a rejected dateline).

Every mention is kept (a value written three times is three mentions); ``tables`` dedups.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..periods import (
    PERIOD_GRANULARITIES,
    Normaliser,
    PeriodGrammar,
    RawDate,
    Reference,
    expand_macros,
    safe_date,
)
from ..records import DateMention
from ..resources import load_json

_SENTENCE_END = regex.compile(r"(?:[.!?;](?=\s)|\n)")


def _compile_all(patterns: list[str]) -> list[regex.Pattern]:
    return [regex.compile(p, regex.IGNORECASE) for p in patterns]


def text_before(text: str, start: int, window: int) -> str:
    """The text right before ``start`` in the same sentence (at most ``window`` characters)."""
    chunk = text[max(0, start - window):start]
    cut = 0
    for match in _SENTENCE_END.finditer(chunk):
        cut = match.end()
    return chunk[cut:]


def text_after(text: str, end: int, window: int) -> str:
    """The text right after ``end`` up to the end of its sentence (at most ``window`` characters)."""
    chunk = text[end:end + window]
    match = _SENTENCE_END.search(chunk)
    return chunk[: match.start()] if match else chunk


@dataclass
class Candidate:
    """A grammar match with the cue that precedes it, before normalisation."""

    raw: RawDate
    cue: str | None  # deadline_always | deadline_if_future | comparison | event | None
    in_header: bool


class DateAnnotator:
    """Finds the dates of a ``Doc`` and sets ``doc._.dates``, ``published``, ``reference_year``."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.grammar = PeriodGrammar(spec)
        self.normaliser = Normaliser(self.grammar)
        roles = spec["roles"]
        self.window = int(roles.get("window", 48))
        self.cues = {name: _compile_all(roles[name])
                     for name in ("deadline_always", "deadline_if_future", "comparison", "not_event")}
        self.line_start = regex.compile(roles["event_line_start"], regex.IGNORECASE)
        macros = {k: v for k, v in spec["macros"].items() if not k.startswith("_")}
        self.daypart = regex.compile(expand_macros(r"^(?:{DAYPART})(?![\p{L}])", macros), regex.IGNORECASE)
        context = spec["context"]
        self.context_window = int(context.get("window", 80))
        self.plan = _compile_all(context["plan"])
        self.plan_after = _compile_all(context["plan_after"])
        self.past = _compile_all(context["past"])
        self.review_month = int(context.get("review_month", 10))
        self.period_slack = int(context.get("period_slack_days", 45))
        published = spec["published"]
        self.event_tolerance = int(published.get("event_tolerance_days", 0))
        self.period_tolerance = int(published.get("period_tolerance_days", 31))
        self.max_event_age = int(published.get("max_event_age_days", 400))

    # ---------------------------------------------------------------- candidates and cues

    def cue_of(self, text: str, raw: RawDate) -> str | None:
        """What the words right before a mention make of it (see ``roles`` in date_patterns.json)."""
        before = text_before(text, raw.start, self.window)
        for name in ("deadline_always", "comparison", "deadline_if_future"):
            if any(p.search(before) for p in self.cues[name]):
                return name
        if raw.kind == "day" and not any(p.search(before) for p in self.cues["not_event"]) \
                and (self.daypart.search(raw.text) or self.line_start.match(before)):
            return "event"
        return None

    def candidates(self, text: str, header_span: tuple[int, int] | None) -> list[Candidate]:
        out = []
        for raw in self.grammar.find(text):
            in_header = bool(header_span and header_span[0] <= raw.start and raw.end <= header_span[1])
            out.append(Candidate(raw, None if in_header else self.cue_of(text, raw), in_header))
        return out

    # ---------------------------------------------------------------- the dateline

    def header_date(self, cands: list[Candidate], header: str | None) -> dt.date | None:
        """The first explicit day in the dateline (from the text, else from the header string)."""
        raws = [c.raw for c in cands if c.in_header]
        if not raws and header:
            raws = self.grammar.find(header)
        for raw in raws:
            if raw.kind == "day" and raw.fields.get("y"):
                found = self.normaliser.normalise(raw, Reference())
                if found:
                    return dt.date.fromisoformat(found[0].value)
        return None

    # ---------------------------------------------------------------- context year

    def year_class(self, text: str, raw: RawDate, prev_end: int = 0) -> str | None:
        """'plan' or 'past' for a period mention: the first cue between the previous date mention
        (or the sentence start) and it — the head of its phrase — else the first strong cue after it."""
        before = text_before(text, raw.start, self.context_window)
        before = before[max(0, len(before) - (raw.start - prev_end)):]
        first = _first_cue(before, (("plan", self.plan), ("past", self.past)))
        if first:
            return first
        after = text_after(text, raw.end, self.context_window)
        return _first_cue(after, (("plan", self.plan_after), ("past", self.past)))

    def context_reference(self, text: str, cands: list[Candidate]) -> Reference:
        """The year the article is plainly set in, from its own content (no usable dateline).

        In order: an explicit event day ("Ngày 15/6/2022, Ban Chỉ đạo … họp"); the reported
        sub-year periods ("7 tháng đầu năm 2023", "quý III/2023"), which the event follows; the
        reviewed and planned years ("tổng kết năm 2021, triển khai nhiệm vụ năm 2022"); the
        latest year written. ``Reference()`` when the text has no year at all.
        """
        body = [c for c in cands if not c.in_header]
        prev_end = {id(c): (body[i - 1].raw.match_end if i else 0) for i, c in enumerate(body)}
        for c in body:
            if c.cue == "event" and c.raw.kind == "day" and c.raw.fields.get("y"):
                found = self.normaliser.normalise(c.raw, Reference())
                if found:
                    return Reference.of(dt.date.fromisoformat(found[0].value))
        event = next(((int(c.raw.fields["m"]), int(c.raw.fields["d"])) for c in body
                      if c.raw.kind == "day" and c.cue == "event" and not c.raw.fields.get("y")), None)
        ends: list[dt.date] = []
        for c in body:
            if c.raw.kind in ("n_months", "quarter", "half", "month", "ytd_span") and c.raw.fields.get("y") \
                    and c.cue is None and self.year_class(text, c.raw, prev_end[id(c)]) != "plan":
                ends.extend(_day(m.end) for m in self.normaliser.normalise(c.raw, Reference()))
        if ends:
            anchor = max(ends)
            year = anchor.year
            if event is not None:
                held = safe_date(year, event[0], min(event[1], 28))
                if held is not None and held < anchor - dt.timedelta(self.period_slack):
                    year += 1
            return Reference(year)
        past: list[int] = []
        plan: list[int] = []
        written: list[int] = []
        for c in body:
            if c.raw.kind not in ("year", "year_list") or c.cue in ("deadline_always", "deadline_if_future"):
                continue
            values = [y for y, _, _ in c.raw.years] if c.raw.years else [int(c.raw.fields["y"])]
            written.extend(values)
            kind = "past" if c.cue == "comparison" else self.year_class(text, c.raw, prev_end[id(c)])
            if kind == "past":
                past.extend(values)
            elif kind == "plan":
                plan.extend(values)
        late_in_year = event is not None and event[0] >= self.review_month
        if past:
            return Reference(max(past) if late_in_year else max(past) + 1)
        if plan:
            return Reference(min(plan) - 1 if late_in_year else min(plan))
        return Reference(max(written)) if written else Reference()

    # ---------------------------------------------------------------- roles

    def role(self, c: Candidate, m: DateMention, now: dt.date | None, ref: Reference,
             published: dt.date | None) -> str:
        if c.in_header:
            return "published" if published is not None else "reference"
        if c.cue == "deadline_always":
            return "deadline"
        if c.cue == "comparison":
            return "reference"
        if c.cue == "deadline_if_future":
            end = dt.date.fromisoformat(m.end)
            future = end > now if now is not None else (ref.year is not None and end.year > ref.year)
            if future:
                return "deadline"
        if c.cue == "event":
            return "event"
        return "period" if m.granularity in PERIOD_GRANULARITIES else "reference"

    # ---------------------------------------------------------------- the whole document

    def annotate(self, doc: Doc) -> Doc:
        text = doc.text
        meta = doc._.meta if isinstance(doc._.meta, dict) else {}
        span = meta.get("header_span")
        header_span = (int(span[0]), int(span[1])) if isinstance(span, list | tuple) and len(span) == 2 else None
        header = meta.get("header") if isinstance(meta.get("header"), str) else None
        cands = self.candidates(text, header_span)

        published: dt.date | None = None
        reason = "no dateline"
        source: str | None = None
        candidate = self.header_date(cands, header)
        origin = "dateline"
        if candidate is None and meta.get("published_meta"):
            candidate, origin = _iso_date(meta.get("published_meta")), "page metadata"
        rejected_by_explicit = False
        if candidate is not None:
            published, reason = candidate, f"{origin} {candidate.isoformat()}"
            explicit = [(m, c) for c in cands if c.cue == "event" and not c.in_header
                        and c.raw.kind == "day" and c.raw.fields.get("y")
                        for m in self.normaliser.normalise(c.raw, Reference())]
            late = [(m, c) for m, c in explicit if _day(m.start) > candidate + dt.timedelta(self.event_tolerance)]
            if late:
                m, c = late[0]
                published, rejected_by_explicit = None, True
                reason = (f"{origin} {candidate.isoformat()} is earlier than the event {m.value} "
                          f"({c.raw.text!r}) the article reports")
            elif explicit and max(_day(m.end) for m, _ in explicit) < candidate - dt.timedelta(self.max_event_age):
                published, rejected_by_explicit = None, True
                reason = f"{origin} {candidate.isoformat()} is long after every event the article reports"

        if published is not None:
            ref, source = Reference.of(published), "published"
        else:
            ref = self.context_reference(text, cands)
            source = "context" if ref.year is not None else None
            if candidate is not None and ref.year is None and not rejected_by_explicit:
                ref, source = Reference.of(candidate), "header"

        mentions: list[tuple[Candidate, DateMention]] = []
        for c in cands:
            hint = "future" if c.cue in ("deadline_always", "deadline_if_future") else None
            for m in self.normaliser.normalise(c.raw, ref, hint):
                mentions.append((c, m))

        if published is not None:
            for c, m in mentions:
                if c.in_header:
                    continue
                late_event = c.cue == "event" and _day(m.start) > published + dt.timedelta(self.event_tolerance)
                late_period = (c.raw.kind == "n_months" and m.granularity == "day_span" and c.cue is None
                               and _day(m.end) > published + dt.timedelta(self.period_tolerance))
                if late_event or late_period:
                    what = "the event" if late_event else "the reported period"
                    reason = (f"{origin} {published.isoformat()} is earlier than {what} {m.value} "
                              f"({m.text!r}) the article reports")
                    published, source = None, "header"
                    break

        events = [_day(m.start) for c, m in mentions if c.cue == "event" and not c.in_header]
        now = published or (max(events) if events else ref.date)
        dates = []
        for c, m in mentions:
            m.role = self.role(c, m, now, ref, published)
            dates.append(m)
        doc._.dates = dates
        doc._.published = published.isoformat() if published else None
        doc._.published_reason = reason
        doc._.reference_year = ref.year
        doc._.reference_year_source = source if ref.year is not None else None
        return doc

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self.annotate(doc)
        except Exception as exc:  # noqa: BLE001 - odd input must pass through; say why dates are missing
            doc._.dates = doc._.dates or []
            doc._.published_reason = f"dates failed: {type(exc).__name__}: {exc}"[:300]
            return doc


def _first_cue(text: str, lists: tuple[tuple[str, list[regex.Pattern]], ...]) -> str | None:
    """The name of the list whose cue occurs first in ``text``."""
    best: tuple[int, str] | None = None
    for name, patterns in lists:
        for pattern in patterns:
            match = pattern.search(text)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), name)
    return best[1] if best else None


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso[:10])


def _iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


@Language.factory("vnm_dates", default_config={"patterns": "date_patterns.json"})
def make(nlp: Language, name: str, patterns: str) -> DateAnnotator:
    return DateAnnotator(load_json(patterns))
