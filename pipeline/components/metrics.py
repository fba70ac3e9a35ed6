"""Context of each metric: actual or target, province, level, period, deadline, catalogue id.

The indicators component left ``doc._.metrics`` with indicator, value and unit; this component
reads what surrounds each one:

- ``kind``: the nearest cue before the value in its sentence decides — a goal, plan or
  requirement ("mục tiêu", "phấn đấu", "kế hoạch", "cần", "sẽ", a figure in a plan's list of
  goals after "cụ thể:") makes it a ``target``, a reported level ("đã", "ước đạt", "hiện")
  an ``actual``; cues are data (``models/metric_context.json``);
- ``province``: the article's, unless the sentence names another province before the value;
- ``level``: tỉnh/huyện/xã/thôn when the indicator or the figure's text states it;
- ``period``/``deadline``: from ``doc._.dates`` through ``pipeline.periods.governing_period`` and
  ``deadline_for``; a figure with no period of its own in its sentence or paragraph takes the
  article's reporting period (``doc._.reporting_period``, set by the dates component);
- ``indicator_id``: the first entry of the catalogue (``models/indicators.json``) whose unit fits
  and whose patterns match the indicator; none fits → no id.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import periods
from ..records import DateMention, Metric
from ..resources import load_json
from ..segment import doc_text, doc_words, sentence_spans
from .province import finder as province_finder
from .quantities import Piece, _phrases, ends_with, pieces_of, quoted_pieces, starts_with

Phr = dict[int, set[tuple[str, ...]]]

# "… của tỉnh Hưng Yên", "… của Hải Dương": a possessive naming a place closes an indicator
_OWN_PLACE = regex.compile(
    r"\s+của\s+(?:(?:tỉnh|thành phố|TP\.?)\s+)?(?P<name>\p{Lu}[\p{L}\p{M}\-–]*(?:\s+\p{Lu}[\p{L}\p{M}\-–]*){0,4})$"
)


@dataclass
class CatalogueEntry:
    id: str
    name: str
    units: tuple[str, ...]
    patterns: list[regex.Pattern]
    exclude: list[regex.Pattern]


class Catalogue:
    """``models/indicators.json``: canonical indicators, matched in order."""

    def __init__(self, data: dict) -> None:
        self._memo: dict[tuple[str, str], str | None] = {}
        self.abbreviations = {k.casefold(): v for k, v in data.get("_abbreviations", {}).items()}
        self._abbr = (
            regex.compile(
                r"(?<![\p{L}\p{M}])(?:"
                + "|".join(regex.escape(k) for k in sorted(self.abbreviations, key=len, reverse=True))
                + r")(?![\p{L}\p{M}])"
            )
            if self.abbreviations
            else None
        )
        self.entries = [
            CatalogueEntry(
                id=e["id"],
                name=e.get("name", e["id"]),
                units=tuple(e.get("units", [])),
                patterns=[regex.compile(p) for p in e.get("patterns", [])],
                exclude=[regex.compile(p) for p in e.get("exclude", [])],
            )
            for e in data.get("indicators", [])
        ]

    @classmethod
    def load(cls, name: str) -> Catalogue:
        return cls(load_json(name))

    def fold(self, indicator: str) -> str:
        text = regex.sub(r"\s+", " ", indicator.casefold()).strip()
        if self._abbr is not None:
            text = self._abbr.sub(lambda m: self.abbreviations[m.group()], text)
        return text

    def match(self, indicator: str, unit: str) -> str | None:
        """The id of the first entry that fits ``unit`` and ``indicator``, else None (memoised:
        the same indicator recurs across figures and articles)."""
        key = (indicator, unit)
        if key in self._memo:
            return self._memo[key]
        found = self._match(indicator, unit)
        if len(self._memo) >= 50_000:
            self._memo.clear()
        self._memo[key] = found
        return found

    def _match(self, indicator: str, unit: str) -> str | None:
        text = self.fold(indicator)
        if not text:
            return None
        for entry in self.entries:
            if entry.units and unit not in entry.units:
                continue
            if any(p.search(text) for p in entry.patterns) and not any(
                p.search(text) for p in entry.exclude
            ):
                return entry.id
        return None


@dataclass
class Context:
    """``models/metric_context.json`` compiled."""

    target: Phr
    actual: Phr
    not_after_target: Phr
    document_nouns: Phr
    levels: list[tuple[str, regex.Pattern]]
    org_prefixes: Phr = None  # type: ignore[assignment]
    base_markers: Phr = None  # type: ignore[assignment]
    adjacent_plan_markers: Phr = None  # type: ignore[assignment]
    percent: Phr = None  # type: ignore[assignment]  # the quantities' percent words (units.json)

    @classmethod
    def load(cls, name: str) -> Context:
        d = load_json(name)
        levels = []
        for level, words in d.get("levels", {}).items():
            alternation = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
            levels.append(
                (
                    level,
                    regex.compile(
                        rf"(?<![\p{{L}}\p{{M}}])(?:{alternation})(?![\p{{L}}\p{{M}}])", regex.IGNORECASE
                    ),
                )
            )
        return cls(
            _phrases(d.get("target_cues", [])),
            _phrases(d.get("actual_cues", [])),
            _phrases(d.get("not_after_target", [])),
            _phrases(d.get("document_nouns", [])),
            levels,
            _phrases(d.get("org_prefixes", [])),
            _phrases(d.get("base_markers", [])),
            _phrases(d.get("adjacent_plan_markers", [])),
            _phrases(load_json("units.json").get("percent_words", ["%"])),
        )


def kind_of(
    pieces: Sequence[Piece],
    value_at: int,
    context: Context,
    deadline_at: int | None = None,
    word_starts: set[int] | None = None,
    quoted: set[int] | None = None,
) -> str:
    """ "target" or "actual" from the nearest cue before piece ``value_at``.

    A cue must begin a word (``word_starts``: piece start offsets of the tokenizer's words) and not
    be part of an organisation's name, the base of a ratio ("đạt 38,6% kế hoạch") or a quoted name
    (``quoted``: pieces inside quotes — "quy trình "1 phải 5 giảm"" states no requirement)."""
    for end in range(value_at, 0, -1):
        if deadline_at is not None and end <= deadline_at:
            return "target"
        if quoted and (end - 1) in quoted:
            continue
        n = ends_with(pieces, end, context.actual)
        if n and _word_start(pieces, end - n, word_starts):
            return "actual"
        n = ends_with(pieces, end, context.target)
        if not n or not _word_start(pieces, end - n, word_starts):
            continue
        if ends_with(pieces, end, context.document_nouns) and _followed_by(
            pieces, end, context.not_after_target, context.percent
        ):
            continue
        if context.org_prefixes and ends_with(pieces, end - n, context.org_prefixes):
            continue
        # "vượt 5% kế hoạch": the plan is the base of a ratio; "vượt chỉ tiêu 80%": the plan's level
        plan_level = bool(
            context.adjacent_plan_markers
            and end == value_at
            and ends_with(pieces, end - n, context.adjacent_plan_markers)
        )
        if (
            context.base_markers
            and not plan_level
            and any(ends_with(pieces, end - n - k, context.base_markers) for k in (0, 1))
        ):
            continue
        return "target"
    return "actual"


def _word_start(pieces: Sequence[Piece], i: int, word_starts: set[int] | None) -> bool:
    return word_starts is None or pieces[i].start in word_starts


def _followed_by(pieces: Sequence[Piece], at: int, phrases: Phr, percent: Phr | None = None) -> bool:
    if starts_with(pieces, at, phrases):
        return True
    # "Kế hoạch 120/KH-UBND" names a document; "kế hoạch 75%" states the plan's level
    return at < len(pieces) and pieces[at].is_number and not (percent and starts_with(pieces, at + 1, percent))


def level_of(metric: Metric, context: Context) -> str | None:
    """The administrative level the indicator (else the figure's text) states."""
    for text in (metric.indicator, metric.text):
        found = [
            (m.start(), level) for level, pattern in context.levels for m in pattern.finditer(text or "")
        ]
        if found:
            return min(found)[1]
    return None


class MetricsComponent:
    """spaCy component: completes every ``doc._.metrics`` record with its context."""

    def __init__(self, catalogue: str, context: str, provinces: str) -> None:
        self.catalogue = Catalogue.load(catalogue)
        self.context = Context.load(context)
        self.provinces = province_finder(provinces)

    def __call__(self, doc: Doc) -> Doc:
        metrics = doc._.metrics
        if metrics is None:
            doc._.metrics = []
            return doc
        if not metrics:
            return doc
        text = doc_text(doc)
        sentences = sentence_spans(doc)
        starts = [s for s, _ in sentences]
        paragraphs = _paragraphs(text)
        dates: list[DateMention] = list(doc._.dates or [])
        self._word_starts = {start for start, _ in doc_words(doc)}
        self._pieces: dict[tuple[int, int], tuple[list[Piece], list[int], set[int]]] = {}
        for metric in metrics:
            try:
                self._complete(text, doc._.province, metric, sentences, starts, paragraphs, dates)
                metric.period = metric.period or doc._.reporting_period  # else the article's period
            except Exception:
                continue
        self._pieces = {}
        return doc

    def _complete(
        self,
        text: str,
        article_province: str | None,
        metric: Metric,
        sentences: list[tuple[int, int]],
        starts: list[int],
        paragraphs: list[tuple[int, int]],
        dates: list[DateMention],
    ) -> None:
        value_start = metric.value_start_char if metric.value_start_char >= 0 else metric.start_char
        value_end = metric.value_end_char if metric.value_end_char >= 0 else metric.end_char
        k = bisect.bisect_right(starts, value_start) - 1
        sentence = sentences[k] if k >= 0 else (0, len(text))
        cached = self._pieces.get(sentence)  # one reading per sentence, however many figures
        if cached is None:
            read = pieces_of(text, sentence[0], sentence[1])
            inside = {k for span in quoted_pieces(read) for k in span}
            cached = self._pieces[sentence] = (read, [p.start for p in read], inside)
        pieces, piece_starts, quoted = cached
        value_at = bisect.bisect_left(piece_starts, value_start)
        deadline = _safe(periods.deadline_for, dates, sentence)
        deadline_at = None
        if deadline is not None and deadline.start_char < value_start:
            deadline_at = bisect.bisect_right(piece_starts, deadline.start_char)
        metric.kind = kind_of(pieces, value_at, self.context, deadline_at, self._word_starts, quoted)
        metric.province = self._province(text, article_province, sentence, value_start)
        metric.indicator = self._without_own_province(metric.indicator, article_province)
        metric.level = level_of(metric, self.context)
        paragraph = next(((a, b) for a, b in paragraphs if a <= value_start < b), None)
        period = _safe(periods.governing_period, dates, value_start, value_end, sentence, paragraph)
        metric.period = period.value if period is not None else None
        metric.deadline = deadline.value if deadline is not None and metric.kind == "target" else None
        metric.indicator_id = self.catalogue.match(metric.indicator, metric.unit)

    def _without_own_province(self, indicator: str, article: str | None) -> str:
        """ "tổng sản phẩm trên địa bàn (GRDP) của tỉnh Hưng Yên" in an article about Hưng Yên: the
        article's own province is the metric's ``province``, not part of what is measured. Another
        place ("tỷ lệ giải ngân của Long An" in a national review, "của huyện Bảo Lâm") stays."""
        if not article or "của" not in indicator:
            return indicator
        m = _OWN_PLACE.search(indicator)
        if m is None or m.start() == 0 or self.provinces.names.get(m.group("name")) != article:
            return indicator
        return indicator[: m.start()]

    def _province(self, text: str, article: str | None, sentence: tuple[int, int], value_start: int) -> str | None:
        """The article province, unless the sentence names another one before the value."""
        named = None
        for match in self.provinces._mention.finditer(text, sentence[0], value_start):
            named = self.provinces.names.get(match.group("name"))
        return named or article


def _safe(function, *args):
    try:
        return function(*args)
    except Exception:
        return None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in regex.finditer(r"[^\n]+", text)]


@Language.factory(
    "vnm_metrics",
    default_config={
        "catalogue": "indicators.json",
        "context": "metric_context.json",
        "provinces": "provinces.json",
    },
)
def make(nlp: Language, name: str, catalogue: str, context: str, provinces: str) -> MetricsComponent:
    return MetricsComponent(catalogue, context, provinces)
