"""The Vietnamese date and period grammar: finding calendar references and normalising them.

Every surface form lives in ``models/date_patterns.json`` (regex patterns built from shared
macros); this module compiles them once, finds the candidates in a text (leftmost-longest,
non-overlapping) and turns each into ``DateMention`` values in the GUIDE.md format:

    YYYY-MM-DD  day              "15/6/2022", "ngày 7-6-2023", "Sáng 18.2" (year inferred)
    YYYY-MM     month            "tháng 12/2023", "tháng 4" (year inferred)
    YYYY-Qn     quarter          "quý II năm 2022", "quý III/2023"
    YYYY-Hn     half             "6 tháng đầu năm 2023", "6 tháng còn lại"
    YYYY        year             "năm 2023", "cuối năm 2021", "năm nay" (reference year known)
    YYYY/YYYY   year_span        "giai đoạn 2022-2025", "2021 - 2025"
    A/B         day_span         "từ ngày 1/3 đến ngày 15/3/2024", "9 tháng năm 2024",
                                 "giai đoạn 2021 - 4/2025"

Explicit day dates ("15/6/2022", "ngày 16 tháng 2 năm 2024") are read by ``dateparser`` (the
candidates are found here, never by ``search_dates``). Partial dates take their year from a
``Reference`` (the dateline, or the year the article is set in): choosing it is the dates
component's job, placing a partial date once it is known is this module's.

``governing_period`` and ``deadline_for`` are the small pure helpers other components use to
tie a figure to the period it reports on or the deadline it must meet.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from .records import DateMention
from .resources import load_json

_MACRO = regex.compile(r"(?<!\\p)\{([A-Z]+)\}")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
PERIOD_GRANULARITIES = frozenset({"month", "quarter", "half", "year", "year_span", "day_span"})


# --------------------------------------------------------------------------------------------
# Finding candidates


@dataclass(frozen=True, slots=True)
class RawDate:
    """One grammar match before its year is known: the pattern's kind and its named groups."""

    kind: str
    pattern: str
    start: int  # surface span (group "t" when the pattern has one)
    end: int
    match_start: int  # whole match, cue words included (used to resolve overlaps)
    match_end: int
    text: str
    fields: dict[str, str | None]
    years: tuple[tuple[int, int, int], ...] = ()  # year_list: (year, start, end) per year


def expand_macros(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    """Replace ``{NAME}`` placeholders (upper-case names, never ``\\p{L}``) recursively."""
    if depth > 8:
        raise ValueError(f"macro recursion too deep in {pattern[:60]!r}")

    def one(match: regex.Match) -> str:
        name = match.group(1)
        if name not in macros:
            return match.group(0)
        return expand_macros(macros[name], macros, depth + 1)

    return _MACRO.sub(one, pattern)


@dataclass
class PeriodGrammar:
    """The compiled grammar of ``date_patterns.json`` (compile once per component instance)."""

    spec: dict[str, Any]
    _patterns: list[tuple[str, str, regex.Pattern]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        macros = {k: v for k, v in self.spec["macros"].items() if not k.startswith("_")}
        self._patterns = []
        for item in self.spec["patterns"]:
            source = expand_macros(item["regex"], macros)
            compiled = regex.compile(source, regex.IGNORECASE | regex.V0)
            self._patterns.append((item["name"], item["kind"], compiled))
        limits = self.spec.get("limits", {})
        self.min_year = int(limits.get("min_year", 1900))
        self.max_year = int(limits.get("max_year", 2100))
        self.max_span_years = int(limits.get("max_span_years", 30))
        self.half_words = _table(self.spec, "half_words")
        self.number_words = _table(self.spec, "number_words")
        self.relative_years = _table(self.spec, "relative_years")
        window = self.spec.get("year_window", {})
        self.wrap_days = int(window.get("wrap_days", 240))
        self.wrap_back_days = int(window.get("wrap_back_days", 330))
        self.quarter_words = _table(self.spec, "quarter_words")

    @classmethod
    def from_resource(cls, name: str = "date_patterns.json") -> PeriodGrammar:
        return _grammar(name)

    def find(self, text: str) -> list[RawDate]:
        """Every candidate in ``text``: leftmost-longest, then earlier pattern first; no overlaps."""
        found: list[tuple[int, int, int, RawDate]] = []
        for order, (name, kind, pattern) in enumerate(self._patterns):
            for match in pattern.finditer(text, overlapped=True):
                if match.end() == match.start():
                    continue
                found.append((match.start(), -(match.end() - match.start()), order, _raw(name, kind, match)))
        found.sort(key=lambda item: item[:3])
        chosen: list[RawDate] = []
        last_end = -1
        for start, _, _, raw in found:
            if start >= last_end:
                chosen.append(raw)
                last_end = raw.match_end
        return chosen


def _table(spec: dict[str, Any], name: str) -> dict[str, int]:
    """A word → number table of the spec, without its ``_doc``."""
    return {k: v for k, v in spec.get(name, {}).items() if not k.startswith("_")}


@lru_cache(maxsize=8)
def _grammar(name: str) -> PeriodGrammar:
    return PeriodGrammar(load_json(name))


def _raw(name: str, kind: str, match: regex.Match) -> RawDate:
    fields = {key: value for key, value in match.groupdict().items()}
    start, end = match.span()
    if fields.get("t") is not None:
        start, end = match.span("t")
    years: tuple[tuple[int, int, int], ...] = ()
    if kind == "year_list":
        years = tuple((int(v), s, e) for v, (s, e) in zip(match.captures("y"), match.spans("y"), strict=True))
    return RawDate(kind, name, start, end, match.start(), match.end(), match.string[start:end], fields, years)


# --------------------------------------------------------------------------------------------
# Calendar helpers


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    from dateparser.date import DateDataParser

    # only the absolute-date parser: the candidates are explicit day dates, and skipping the
    # relative/timestamp parsers halves the cost of a call (one per article, for the dateline)
    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                "REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["absolute-time"]}
    return DateDataParser(languages=["vi"], settings=settings)


@lru_cache(maxsize=4096)
def parse_explicit_day(text: str) -> dt.date | None:
    """An explicit day date ("15/6/2022", "7-6-2023", "16 tháng 2 năm 2024") read by dateparser."""
    try:
        data = _dateparser().get_date_data(text)
    except Exception:  # dateparser may choke on odd input; then it is no date
        return None
    value = data.date_obj if data is not None else None
    return value.date() if value is not None else None


@dataclass(frozen=True)
class Reference:
    """What partial dates are completed from: a year, and if known the date the text speaks from."""

    year: int | None = None
    date: dt.date | None = None

    @classmethod
    def of(cls, when: dt.date | None = None, year: int | None = None) -> Reference:
        return cls(year if year is not None else (when.year if when else None), when)


def place_partial(month: int, day: int, ref: Reference, wrap_days: int = 240, hint: str | None = None,
                  wrap_back_days: int = 330) -> int | None:
    """The year for a day/month written without one.

    The reference year, except across a year boundary: a date more than ``wrap_days`` after the
    reference date belongs to the year before ("tháng 12" read on 2024-01-26 is 2023-12) unless
    the words around it make it a plan (``hint="future"``); a planned date more than
    ``wrap_days`` before it belongs to the year after ("trước ngày 31/1" read on 2023-12-13 is
    2024-01-31), and so does any date more than ``wrap_back_days`` before it ("từ tháng 1" read
    on 2023-12-27 is 2024-01). With only a year, that year; with neither, ``None``.
    """
    if ref.date is None:
        return ref.year
    base = ref.date
    when = safe_date(base.year, month, min(day, 28))
    if when is None:
        return None
    delta = (when - base).days
    if delta > wrap_days and hint != "future":
        return base.year - 1
    if delta < -wrap_back_days or (delta < -wrap_days and hint == "future"):
        return base.year + 1
    return base.year


# --------------------------------------------------------------------------------------------
# Normalisation


def _mention(raw: RawDate, value: str, granularity: str, start: dt.date, end: dt.date,
             inferred: bool, span: tuple[int, int] | None = None, text: str | None = None) -> DateMention:
    s, e = span if span else (raw.start, raw.end)
    return DateMention(text=text if text is not None else raw.text, value=value, start_char=s, end_char=e,
                       granularity=granularity, start=start.isoformat(), end=end.isoformat(),
                       year_inferred=inferred)


def day_mention(raw: RawDate, when: dt.date, inferred: bool) -> DateMention:
    return _mention(raw, when.isoformat(), "day", when, when, inferred)


def day_span_mention(raw: RawDate, first: dt.date, last: dt.date, inferred: bool) -> DateMention:
    return _mention(raw, f"{first.isoformat()}/{last.isoformat()}", "day_span", first, last, inferred)


def month_mention(raw: RawDate, year: int, month: int, inferred: bool) -> DateMention:
    return _mention(raw, f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1), month_end(year, month),
                    inferred)


def quarter_mention(raw: RawDate, year: int, quarter: int, inferred: bool) -> DateMention:
    first = dt.date(year, 3 * quarter - 2, 1)
    return _mention(raw, f"{year:04d}-Q{quarter}", "quarter", first, month_end(year, 3 * quarter), inferred)


def half_mention(raw: RawDate, year: int, half: int, inferred: bool) -> DateMention:
    first = dt.date(year, 1 if half == 1 else 7, 1)
    last = month_end(year, 6 if half == 1 else 12)
    return _mention(raw, f"{year:04d}-H{half}", "half", first, last, inferred)


def year_mention(raw: RawDate, year: int, inferred: bool, span: tuple[int, int] | None = None,
                 text: str | None = None) -> DateMention:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return _mention(raw, f"{year:04d}", "year", first, last, inferred, span, text)


class Normaliser:
    """Turns ``RawDate`` candidates into ``DateMention`` values given a ``Reference``."""

    def __init__(self, grammar: PeriodGrammar) -> None:
        self.g = grammar

    def _place(self, month: int, day: int, ref: Reference, hint: str | None) -> int | None:
        return place_partial(month, day, ref, self.g.wrap_days, hint, self.g.wrap_back_days)

    def _year_ok(self, year: int | None) -> bool:
        return year is not None and self.g.min_year <= year <= self.g.max_year

    def _tail_year(self, fields: dict[str, str | None], ref: Reference) -> tuple[int | None, bool]:
        """The year written after a month/quarter/half (digits or 'năm nay'…), else the reference year."""
        if fields.get("y"):
            return int(fields["y"]), False
        rel = (fields.get("rel") or "").lower()
        if rel:
            offset = self.g.relative_years.get(rel)
            if offset is None or ref.year is None:
                return None, True
            return ref.year + offset, True
        return ref.year, True

    def _number(self, text: str | None) -> int | None:
        if not text:
            return None
        text = text.lower()
        return int(text) if text.isdigit() else self.g.number_words.get(text)

    def normalise(self, raw: RawDate, ref: Reference, hint: str | None = None) -> list[DateMention]:
        """All mentions one candidate stands for (none when invalid or its year cannot be told).

        ``hint="future"`` marks a planned date (a deadline), which a partial date needs near the
        turn of the year (see ``place_partial``).
        """
        handler = getattr(self, f"_{raw.kind}", None)
        if handler is None:
            return []
        try:
            out = handler(raw, ref, hint)
        except (ValueError, TypeError, OverflowError):
            return []
        return [m for m in out if self._year_ok(int(m.start[:4])) and self._year_ok(int(m.end[:4]))]

    def _day(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        f = raw.fields
        day, month = int(f["d"]), int(f["m"])
        if f.get("y"):
            when = parse_explicit_day(_explicit_core(raw, f))
            if when is None or (when.day, when.month, when.year) != (day, month, int(f["y"])):
                return []  # dateparser rejects impossible days (31/2/2023)
            return [day_mention(raw, when, False)]
        year = self._place(month, day, ref, hint)
        when = safe_date(year, month, day) if year is not None else None
        return [day_mention(raw, when, True)] if when else []

    def _day_pair(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        f = raw.fields
        month = int(f["m"])
        out = []
        for key in ("d1", "d2"):
            day = int(f[key])
            if f.get("y"):
                when = parse_explicit_day(f"{day}/{month}/{f['y']}")
                inferred = False
            else:
                year = self._place(month, day, ref, hint)
                when, inferred = (safe_date(year, month, day) if year is not None else None), True
            if when is None:
                return []
            # the first day's surface runs from the cue to its number, the second's from its number on
            if key == "d1":
                rel = (0, raw.text.index(f["d1"]) + len(f["d1"]))
            else:
                rel = (_second_day_offset(raw.text, f["d2"]), len(raw.text))
            out.append(_mention(raw, when.isoformat(), "day", when, when, inferred,
                                (raw.start + rel[0], raw.start + rel[1]), raw.text[rel[0]:rel[1]]))
        return out

    def _day_span(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        f = raw.fields
        d1, d2, m2 = int(f["d1"]), int(f["d2"]), int(f["m2"])
        m1 = int(f["m1"]) if f.get("m1") else m2
        if f.get("y2"):
            y2, inferred = int(f["y2"]), False
        else:
            y2, inferred = self._place(m2, d2, ref, hint), True
            if y2 is None:
                return []
        y1 = int(f["y1"]) if f.get("y1") else (y2 - 1 if (m1, d1) > (m2, d2) else y2)
        first, last = safe_date(y1, m1, d1), safe_date(y2, m2, d2)
        if first is None or last is None or not first < last or (last - first).days > 366 * 2:
            return []
        return [day_span_mention(raw, first, last, inferred)]

    def _ytd_span(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        f = raw.fields
        day, month = int(f["d"]), int(f["m"])
        written = f.get("y") or f.get("y0")
        year = int(written) if written else self._place(month, day, ref, hint)
        last = safe_date(year, month, day) if year is not None else None
        if last is None or (last.month, last.day) == (1, 1):
            return []
        return [day_span_mention(raw, dt.date(year, 1, 1), last, not written)]

    def _month(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        f = raw.fields
        month = int(f["m"])
        if f.get("y") or f.get("rel"):
            year, inferred = self._tail_year(f, ref)
        else:
            year, inferred = self._place(month, 1, ref, hint), True
        return [month_mention(raw, year, month, inferred)] if year is not None else []

    def _quarter(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        q = raw.fields["q"]
        quarter = self.g.quarter_words.get(q.lower()) or _ROMAN.get(q.upper()) or int(q)
        year, inferred = self._tail_year(raw.fields, ref)
        return [quarter_mention(raw, year, quarter, inferred)] if year is not None else []

    def _half(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        half = self.g.half_words.get((raw.fields.get("h") or "").lower(), 1)
        year, inferred = self._tail_year(raw.fields, ref)
        return [half_mention(raw, year, half, inferred)] if year is not None else []

    def _n_months(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        n = self._number(raw.fields.get("n"))
        if n is None or not 1 <= n <= 12:
            return []
        year, inferred = self._tail_year(raw.fields, ref)
        if year is None:
            return []
        last_months = (raw.fields.get("h") or "").lower() == "cuối"
        if n == 6:
            return [half_mention(raw, year, 2 if last_months else 1, inferred)]
        if last_months:
            first, last = dt.date(year, 13 - n, 1), dt.date(year, 12, 31)
        else:
            first, last = dt.date(year, 1, 1), month_end(year, n)
        return [day_span_mention(raw, first, last, inferred)]

    def _span(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        f = raw.fields
        y1, y2 = int(f["y1"]), int(f["y2"])
        m1 = int(f["m1"]) if f.get("m1") else None
        m2 = int(f["m2"]) if f.get("m2") else None
        if m1 is None and m2 is None:
            if not 0 < y2 - y1 <= self.g.max_span_years:
                return []
            return [_mention(raw, f"{y1:04d}/{y2:04d}", "year_span", dt.date(y1, 1, 1), dt.date(y2, 12, 31),
                             False)]
        first = dt.date(y1, m1 or 1, 1)
        last = month_end(y2, m2 or 12)
        if not first < last or y2 - y1 > self.g.max_span_years:
            return []
        return [day_span_mention(raw, first, last, False)]

    def _year_list(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        out = []
        for i, (year, start, end) in enumerate(raw.years):
            if i == 0:  # the first keeps its "năm"
                span = (raw.start, end)
                text = raw.text[: end - raw.start]
            else:
                span = (start, end)
                text = str(year)
            out.append(year_mention(raw, year, False, span, text))
        return out

    def _year(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        return [year_mention(raw, int(raw.fields["y"]), False)]

    def _relative_year(self, raw: RawDate, ref: Reference, hint: str | None) -> list[DateMention]:
        offset = self.g.relative_years.get((raw.fields.get("rel") or "").lower())
        if offset is None or ref.year is None:
            return []
        return [year_mention(raw, ref.year + offset, True)]


def _second_day_offset(text: str, day: str) -> int:
    """Where the second day of "ngày 12 và 13/12" starts in the pair's surface text."""
    found = list(regex.finditer(rf"(?<!\d){regex.escape(day)}(?=[/.\-])", text))
    return found[-1].start() if found else 0


def _explicit_core(raw: RawDate, fields: dict[str, str | None]) -> str:
    """The part of an explicit date dateparser reads: "15/6/2022", "16 tháng 2 năm 2024"."""
    if raw.pattern.endswith("words"):
        return f"{int(fields['d'])} tháng {int(fields['m'])} năm {fields['y']}"
    sep = fields.get("s") or "/"
    return f"{fields['d']}{sep}{fields['m']}{sep}{fields['y']}"


def extract(text: str, ref: Reference, grammar: PeriodGrammar | None = None) -> list[DateMention]:
    """Every date mention in ``text`` with partial dates completed from ``ref`` (roles left default)."""
    grammar = grammar or PeriodGrammar.from_resource()
    normaliser = Normaliser(grammar)
    out: list[DateMention] = []
    for raw in grammar.find(text):
        out.extend(normaliser.normalise(raw, ref))
    return out


# --------------------------------------------------------------------------------------------
# Helpers for other components


def _inside(mention: DateMention, span: tuple[int, int]) -> bool:
    return span[0] <= mention.start_char and mention.end_char <= span[1]


def _nearest(candidates: Iterable[DateMention], start_char: int, end_char: int) -> DateMention | None:
    """The candidate right before the figure (Vietnamese puts time adverbials first), else after."""
    before = [m for m in candidates if m.end_char <= start_char]
    if before:
        return max(before, key=lambda m: m.end_char)
    after = [m for m in candidates if m.start_char >= end_char]
    if after:
        return min(after, key=lambda m: m.start_char)
    return None


def governing_period(dates: Sequence[DateMention] | None, start_char: int, end_char: int,
                     sentence_span: tuple[int, int], paragraph_span: tuple[int, int] | None = None,
                     ) -> DateMention | None:
    """The period a figure at ``[start_char, end_char)`` reports on, or ``None``.

    Candidates are the mentions with role ``"period"`` (years, quarters, halves, N-month spans,
    spans of years; not comparison bases such as "so với cùng kỳ năm 2022", not deadlines, not the
    dateline or the event day). The nearest one in the figure's sentence wins — the closest one
    before the figure, else the closest one after it ("tỷ lệ … đạt 76,6% trong năm 2022"); failing
    that, the same rule over the figure's paragraph; failing that, ``None``.
    """
    periods = [m for m in dates or () if m.role == "period"]
    if not periods:
        return None
    found = _nearest([m for m in periods if _inside(m, sentence_span)], start_char, end_char)
    if found is None and paragraph_span is not None:
        found = _nearest([m for m in periods if _inside(m, paragraph_span)], start_char, end_char)
    return found


def reporting_period(dates: Sequence[DateMention] | None, reference_year: int | None) -> str | None:
    """The period the article as a whole reports on: the fallback period of a figure.

    The period mention written most often in the article (the earliest on a tie: the lead
    usually names it: "… đánh giá kết quả 6 tháng đầu năm 2023"); with none, the article's
    reference year; else ``None``.
    """
    periods = [m for m in dates or () if m.role == "period"]
    if periods:
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for m in periods:
            counts[m.value] = counts.get(m.value, 0) + 1
            first.setdefault(m.value, m.start_char)
        return min(counts, key=lambda v: (-counts[v], first[v]))
    return str(reference_year) if reference_year else None


def deadline_for(dates: Sequence[DateMention] | None, sentence_span: tuple[int, int]) -> DateMention | None:
    """The deadline/target horizon stated in a sentence ("đến năm 2030", "trước ngày 16/2/2024").

    The first mention with role ``"deadline"`` inside ``sentence_span``, else ``None``; a target
    figure in that sentence is due by it.
    """
    for mention in sorted(dates or (), key=lambda m: m.start_char):
        if mention.role == "deadline" and _inside(mention, sentence_span):
            return mention
    return None
