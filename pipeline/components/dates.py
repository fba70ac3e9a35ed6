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

Every mention is kept (a value written three times is three mentions); ``tables`` dedups. The
date of a page whose text has no dateline (``meta["published_meta"]``) is a mention too, with the
metadata string as its text and the empty span ``(0, 0)``: the gold lists the page's date.
"""

from __future__ import annotations

import datetime as dt
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
    reporting_period,
    safe_date,
)
from ..records import DateMention
from ..resources import load_json
from ..segment import doc_text, sentence_spans

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
                     for name in ("deadline_always", "deadline_if_future", "comparison", "not_event",
                                  "not_event_after")}
        self.line_start = regex.compile(roles["event_line_start"], regex.IGNORECASE)
        macros = {k: v for k, v in spec["macros"].items() if not k.startswith("_")}
        self.daypart = regex.compile(expand_macros(r"^(?:{DAYPART})(?![\p{L}])", macros), regex.IGNORECASE)
        context = spec["context"]
        self.context_window = int(context.get("window", 80))
        self.plan = _compile_all(context["plan"])
        self.plan_after = _compile_all(context["plan_after"])
        self.past = _compile_all(context["past"])
        self.compared = regex.compile(context.get("compared", r"(?!)"), regex.IGNORECASE)
        self.review_month = int(context.get("review_month", 10))
        self.period_slack = int(context.get("period_slack_days", 45))
        published = spec["published"]
        self.event_tolerance = int(published.get("event_tolerance_days", 0))
        self.period_tolerance = int(published.get("period_tolerance_days", 31))
        self.max_event_age = int(published.get("max_event_age_days", 400))
        self.review = _compile_all(published.get("review", []))
        self.review_tolerance = int(published.get("review_tolerance_days", 61))

    # ---------------------------------------------------------------- candidates and cues

    def cue_of(self, text: str, raw: RawDate) -> str | None:
        """What the words right before a mention make of it (see ``roles`` in date_patterns.json)."""
        before = text_before(text, raw.start, self.window)
        for name in ("deadline_always", "comparison", "deadline_if_future"):
            if any(p.search(before) for p in self.cues[name]):
                return name
        opens = self.daypart.search(raw.text) or self.line_start.match(before)
        if raw.kind in ("day", "day_pair") and opens:
            after = text_after(text, raw.end, self.window)
            planned = any(p.search(before) for p in self.cues["not_event"]) \
                or any(p.search(after) for p in self.cues["not_event_after"])
            return None if planned else "event"
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

    def phrase_before(self, text: str, raw: RawDate, prev_end: int) -> str:
        """The words leading to a mention: back to the previous date mention or the sentence start."""
        before = text_before(text, raw.start, self.context_window)
        return before[max(0, len(before) - (raw.start - prev_end)):]

    def year_class(self, text: str, raw: RawDate, prev_end: int = 0) -> str | None:
        """'plan' or 'past' for a period mention: the first cue between the previous date mention
        (or the sentence start) and it — the head of its phrase — else the first strong cue after it."""
        before = self.phrase_before(text, raw, prev_end)
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
            if c.cue == "event" and c.raw.fields.get("y"):
                found = self.normaliser.normalise(c.raw, Reference())
                if found:
                    return Reference.of(dt.date.fromisoformat(found[0].value))
        # the month of the event (else of the first undated day) places it around the reviewed year
        undated = [c for c in body if c.raw.kind in ("day", "day_pair") and not c.raw.fields.get("y")
                   and c.cue not in ("deadline_always", "deadline_if_future")]
        undated.sort(key=lambda c: c.cue != "event")
        event = next(((int(c.raw.fields["m"]), int(c.raw.fields.get("d") or c.raw.fields["d1"]))
                      for c in undated), None)
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

    def dateline(self, cands: list[Candidate], meta: dict[str, Any]) -> tuple[dt.date | None, str]:
        """The candidate publication date and where it comes from."""
        header = meta.get("header") if isinstance(meta.get("header"), str) else None
        found = self.header_date(cands, header)
        if found is not None:
            return found, "dateline"
        return _iso_date(meta.get("published_meta")), "page metadata"

    def contradiction(self, text: str, cands: list[Candidate], when: dt.date, origin: str) -> str | None:
        """Why the article's explicit content contradicts a dateline ``when``, or ``None``.

        An explicit event day after it ("Ngày 15/6/2022, … họp" under a 14/5/2020 dateline), a lead
        event written with its year long before it, or a year the article reviews as complete that
        ends well after it ("tổng kết công tác năm 2023" under 08/01/2023).
        """
        body = [c for c in cands if not c.in_header]
        events = [(m, c) for c in body if c.cue == "event" and c.raw.fields.get("y")
                  for m in self.normaliser.normalise(c.raw, Reference())]
        for m, c in events:
            if _day(m.start) > when + dt.timedelta(self.event_tolerance):
                return (f"{origin} {when.isoformat()} is earlier than the event {m.value} ({c.raw.text!r}) "
                        f"the article reports")
        lead = next((c for c in body if c.cue == "event"), None)
        if lead is not None and lead.raw.fields.get("y"):
            found = self.normaliser.normalise(lead.raw, Reference())
            if found and _day(found[-1].end) < when - dt.timedelta(self.max_event_age):
                return (f"{origin} {when.isoformat()} is long after the event {found[0].value} "
                        f"({lead.raw.text!r}) the article reports")
        for i, c in enumerate(body):
            # only a plain "năm 2023": "vụ Hè Thu 2022", "cuối năm 2022" are not the year's review
            if c.raw.pattern not in ("year", "year_list") or c.cue is not None or c.raw.fields.get("edge"):
                continue
            before = self.phrase_before(text, c.raw, body[i - 1].raw.match_end if i else 0)
            cues = (("review", self.review), ("plan", self.plan), ("past", self.past))
            if _first_cue(before, cues) != "review":
                continue
            years = [y for y, _, _ in c.raw.years] if c.raw.years else [int(c.raw.fields["y"])]
            year = max(years)
            if dt.date(year, 12, 31) > when + dt.timedelta(self.review_tolerance):
                return (f"{origin} {when.isoformat()} is earlier than the end of {year}, which the article "
                        f"reviews ({c.raw.text!r})")
        return None

    def late_mention(self, mentions: list[tuple[Candidate, DateMention]], when: dt.date, origin: str,
                     ) -> str | None:
        """Why a completed partial event or a reported N-month period contradicts ``when``, or ``None``."""
        for c, m in mentions:
            if c.in_header:
                continue
            late_event = c.cue == "event" and _day(m.start) > when + dt.timedelta(self.event_tolerance)
            late_period = (c.raw.kind == "n_months" and m.granularity == "day_span" and c.cue is None
                           and _day(m.end) > when + dt.timedelta(self.period_tolerance))
            if late_event or late_period:
                what = "the event" if late_event else "the reported period"
                return (f"{origin} {when.isoformat()} is earlier than {what} {m.value} ({m.text!r}) "
                        f"the article reports")
        return None

    def compared_year(self, text: str, c: Candidate, cands: list[Candidate], sentences: list[tuple[int, int]],
                      ref: Reference) -> Reference:
        """The reference for "so với năm trước": the year before the one the sentence reports on.

        "Tổng lượt khách năm 2023 đạt 7,5 triệu, tăng 57% so với năm trước" compares with 2022
        whatever the article's date; a relative year compares with the last explicit year written
        before it in its sentence. Any other candidate keeps the article's reference."""
        if c.raw.kind != "relative_year" or not self.compared.search(text_before(text, c.raw.match_start, 40)):
            return ref
        start = next((a for a, b in sentences if a <= c.raw.start < b), 0)
        years = [int(o.raw.fields["y"]) for o in cands
                 if start <= o.raw.start < c.raw.start and o.raw.fields.get("y") and not o.in_header]
        return Reference(years[-1]) if years else ref

    def annotate(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        meta = doc._.meta if isinstance(doc._.meta, dict) else {}
        cands = self.candidates(text, _span(meta.get("header_span")))

        candidate, origin = self.dateline(cands, meta)
        published: dt.date | None = None
        reason = "no dateline"
        if candidate is not None:
            contradiction = self.contradiction(text, cands, candidate, origin)
            published = None if contradiction else candidate
            reason = contradiction or f"{origin} {candidate.isoformat()}"

        if published is not None:
            ref, source = Reference.of(published), "published"
        else:
            ref, source = self.context_reference(text, cands), "context"
        sentences = sentence_spans(doc)
        mentions = [(c, m) for c in cands
                    for m in self.normaliser.normalise(c.raw, self.compared_year(text, c, cands, sentences, ref),
                                                       _hint(c))]
        if published is not None:
            late = self.late_mention(mentions, published, origin)
            if late:  # the dateline is not the publication date, but its year still dates the text
                published, reason, source = None, late, "header"

        events = [_day(m.start) for c, m in mentions if c.cue == "event" and not c.in_header]
        now = published or (max(events) if events else ref.date)
        for c, m in mentions:
            m.role = self.role(c, m, now, ref, published)
        doc._.dates = [m for _, m in mentions]
        if candidate is not None and origin == "page metadata":  # a dated page whose text has no dateline
            day = candidate.isoformat()
            doc._.dates.insert(0, DateMention(str(meta.get("published_meta")), day, 0, 0, "day", day, day,
                                              "published" if published else "reference"))
        doc._.published = published.isoformat() if published else None
        doc._.published_reason = reason
        doc._.reference_year = ref.year
        doc._.reference_year_source = source if ref.year is not None else None
        doc._.reporting_period = reporting_period(doc._.dates, ref.year)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self.annotate(doc)
        except Exception as exc:  # odd input must pass through; say why dates are missing
            doc._.dates = doc._.dates or []
            doc._.published_reason = f"dates failed: {type(exc).__name__}: {exc}"[:300]
            return doc


def _hint(c: Candidate) -> str | None:
    """A deadline is a plan: near the turn of the year its partial date lies ahead."""
    return "future" if c.cue in ("deadline_always", "deadline_if_future") else None


def _first_cue(text: str, lists: tuple[tuple[str, list[regex.Pattern]], ...]) -> str | None:
    """The name of the list whose cue occurs first in ``text``."""
    best: tuple[int, str] | None = None
    for name, patterns in lists:
        for pattern in patterns:
            match = pattern.search(text)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), name)
    return best[1] if best else None


def _span(value: object) -> tuple[int, int] | None:
    """``meta["header_span"]`` as a pair of ints, or ``None`` when absent or malformed."""
    if isinstance(value, list | tuple) and len(value) == 2:
        try:
            return int(value[0]), int(value[1])
        except (TypeError, ValueError):
            return None
    return None


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
