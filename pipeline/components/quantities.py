"""Every figure an article reports: percentages, counts, fractions, ranks, money.

A figure is a number plus what the words around it make of it: a unit ("%", "tỷ đồng", "7/11",
"xếp thứ 13/63"), a comparator ("trên 95%", "từ 50% trở lên", "gần 1000"), and whether it is a
change or a level ("tăng 5,2%", "giảm còn 1,05%"). Most numbers in an article are NOT figures:
dates and years, document numbers ("Quyết định số 685/QĐ-UBND"), ordinals ("phiên thứ 2"),
clock times, ages ("từ 15 tuổi trở lên"), scores ("60,14 điểm"), multipliers ("gấp 4,4 lần"),
counts of other provinces ("1 trong 23 tỉnh") and counts that only name a structure
("3 trụ cột") or the meeting itself ("48 đại biểu"). The rules that tell them apart read the
syllables right around the number; every word they use is data (``models/units.json``).

Input: ``doc.text``, ``doc.sents``, the words of the tokenizer (to tell the currency "đồng"
from "đồng bào") and ``doc._.dates`` (numbers inside a date mention are skipped when the dates
component found them; the own date guards here make that an optimisation, not a dependency).
Output: ``doc._.quantities``, a list of ``pipeline.records.Quantity`` in text order.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..numbers import parse_vi_number, scale
from ..records import Quantity
from ..resources import load_json
from ..segment import doc_text, doc_words, sentence_spans

# Pieces of a sentence: a number (digits with inner "." / ","), a run of letters, or one other
# non-space character. Bounded repetitions, no overlapping alternatives: linear on any input.
_PIECE = regex.compile(r"\d{1,20}(?:[.,]\d{1,20}){0,8}|[\p{L}\p{M}]{1,60}|[^\s\p{L}\p{M}\d]")
_DIGITS = regex.compile(r"\d")
_CLAUSE_END = frozenset(";.:!?")
_PER_REACH = 4  # pieces after a counted noun where "/vạn dân" is looked for
_PER_BACK_REACH = 20  # pieces of the clause before a number where "…/vạn dân" is looked for
_MAX_SENTENCE = 20_000  # characters of one sentence that are read (hostile input guard)


@dataclass(slots=True)
class Piece:
    text: str
    low: str
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


_last_text: tuple[str, dict[tuple[int, int], list[Piece]]] = ("", {})
_MAX_CACHED = 4096  # sentences of one text kept


def pieces_of(text: str, start: int = 0, end: int | None = None) -> list[Piece]:
    """The pieces of ``text[start:end]`` with absolute offsets.

    The figures, indicators and metrics components all read the same sentences of the same
    text: the pieces of the last text seen are kept and SHARED — callers must not mutate the
    list or its pieces (none does; slice to get a list of your own)."""
    global _last_text
    end = len(text) if end is None else end
    cached_text, cache = _last_text
    if cached_text is not text:
        cache = {}
        _last_text = (text, cache)
    found = cache.get((start, end))
    if found is None:
        found = [
            Piece(m.group(), m.group().casefold(), m.start(), m.end())
            for m in _PIECE.finditer(text, start, end)
        ]
        if len(cache) < _MAX_CACHED:
            cache[(start, end)] = found
    return found


class PhraseTable(dict):
    """Phrases by length, with what ``ends_with``/``starts_with`` need precomputed: lengths longest
    first, and the syllables that can end / begin a phrase (most lookups fail on that test)."""

    __slots__ = ("desc", "firsts", "lasts")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.desc = sorted(self, reverse=True)
        self.firsts = frozenset(k[0] for keys in self.values() for k in keys)
        self.lasts = frozenset(k[-1] for keys in self.values() for k in keys)


def _table(phrases: dict) -> dict:
    """``phrases`` as a ``PhraseTable`` (a plain dict — e.g. a ``{}`` default — is converted)."""
    return phrases if isinstance(phrases, PhraseTable) else PhraseTable(phrases)


def _phrases(words: Iterable[str]) -> dict[int, set[tuple[str, ...]]]:
    """Phrases split into piece tuples, grouped by length (for suffix/prefix matching)."""
    out: dict[int, set[tuple[str, ...]]] = {}
    for word in words:
        key = tuple(p.low for p in pieces_of(word.casefold()))
        if key:
            out.setdefault(len(key), set()).add(key)
    return PhraseTable(out)


def _phrase_map(table: dict[str, str]) -> dict[int, dict[tuple[str, ...], str]]:
    out: dict[int, dict[tuple[str, ...], str]] = {}
    for word, value in table.items():
        key = tuple(p.low for p in pieces_of(word.casefold()))
        if key:
            out.setdefault(len(key), {})[key] = value
    return PhraseTable(out)


def ends_with(pieces: Sequence[Piece], end: int, phrases: dict[int, set[tuple[str, ...]]] | dict) -> int:
    """Length of the longest phrase that ends just before index ``end`` (0 when none)."""
    if not isinstance(phrases, PhraseTable):
        phrases = _table(phrases)
    if end <= 0 or end > len(pieces) or pieces[end - 1].low not in phrases.lasts:
        return 0
    for length in phrases.desc:
        if length <= end:
            if length == 1:
                if (pieces[end - 1].low,) in phrases[1]:
                    return 1
            elif tuple([p.low for p in pieces[end - length : end]]) in phrases[length]:
                return length
    return 0


def starts_with(
    pieces: Sequence[Piece], begin: int, phrases: dict[int, set[tuple[str, ...]]] | dict
) -> int:
    """Length of the longest phrase that starts at index ``begin`` (0 when none)."""
    if not isinstance(phrases, PhraseTable):
        phrases = _table(phrases)
    n = len(pieces)
    if begin < 0:  # a negative index slices from the end: kept as it always read
        for length in phrases.desc:
            if begin + length <= n and tuple(p.low for p in pieces[begin : begin + length]) in phrases[length]:
                return length
        return 0
    if begin >= n or pieces[begin].low not in phrases.firsts:
        return 0
    for length in phrases.desc:
        if begin + length <= n:
            if length == 1:
                if (pieces[begin].low,) in phrases[1]:
                    return 1
            elif tuple([p.low for p in pieces[begin : begin + length]]) in phrases[length]:
                return length
    return 0


def _lookup(
    pieces: Sequence[Piece], end: int, table: dict[int, dict[tuple[str, ...], str]]
) -> tuple[int, str | None]:
    desc = table.desc if isinstance(table, PhraseTable) else sorted(table, reverse=True)
    for length in desc:
        if length <= end:
            key = tuple(p.low for p in pieces[end - length : end])
            if key in table[length]:
                return length, table[length][key]
    return 0, None


def _lookup_forward(
    pieces: Sequence[Piece], begin: int, table: dict[int, dict[tuple[str, ...], str]]
) -> tuple[int, str | None]:
    desc = table.desc if isinstance(table, PhraseTable) else sorted(table, reverse=True)
    for length in desc:
        key = tuple(p.low for p in pieces[begin : begin + length])
        if len(key) == length and key in table[length]:
            return length, table[length][key]
    return 0, None


@dataclass
class Lexicon:
    """``models/units.json`` compiled into phrase tables."""

    scales: dict[str, float]
    currencies: dict[int, dict[tuple[str, ...], str]]
    percent: dict[int, set[tuple[str, ...]]]
    comparators_before: dict[int, dict[tuple[str, ...], str]]
    comparators_after: dict[int, dict[tuple[str, ...], str]]
    range_middle: dict[int, set[tuple[str, ...]]]
    from_to_change: dict[int, set[tuple[str, ...]]]
    change_before: dict[int, dict[tuple[str, ...], str]]
    rank_cues: dict[int, set[tuple[str, ...]]]
    rank_steps: dict[int, set[tuple[str, ...]]]
    date_cues: dict[int, set[tuple[str, ...]]]
    blocked_before: dict[int, set[tuple[str, ...]]]
    blocked_after: dict[int, set[tuple[str, ...]]]
    multiplier_before: dict[int, set[tuple[str, ...]]]
    score_nouns: dict[int, set[tuple[str, ...]]]
    structure_nouns: dict[int, set[tuple[str, ...]]]
    structure_exempt_before: dict[int, set[tuple[str, ...]]]
    structure_counted: dict[int, set[tuple[str, ...]]]
    blocked_before_exempt: dict[int, set[tuple[str, ...]]]
    meeting_nouns: list[str]
    other_group_words: dict[int, set[tuple[str, ...]]]
    named_lists: list[tuple[tuple[str, ...], frozenset[float]]]
    measures: dict[int, set[tuple[str, ...]]]
    linking_verbs: dict[int, set[tuple[str, ...]]]
    dong_compounds: frozenset[str] = frozenset()
    labels_unless_unit: dict[int, set[tuple[str, ...]]] = field(default_factory=dict)
    measure_units: dict[int, dict[tuple[str, ...], str]] = field(default_factory=dict)
    attendance_openers: dict[int, set[tuple[str, ...]]] = field(default_factory=dict)
    per_population: dict[int, set[tuple[str, ...]]] = field(default_factory=dict)
    attendance_of: dict[int, set[tuple[str, ...]]] = field(default_factory=dict)
    attendance_verbs: dict[int, set[tuple[str, ...]]] = field(default_factory=dict)
    _meeting_re: regex.Pattern = field(init=False, repr=False)

    def __post_init__(self) -> None:
        words = sorted(self.meeting_nouns, key=len, reverse=True)
        self._meeting_re = (
            regex.compile(
                r"(?<![\p{L}\p{M}])(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}\p{M}])",
                regex.IGNORECASE,
            )
            if words
            else regex.compile(r"(?!)")
        )

    @classmethod
    def load(cls, name: str) -> Lexicon:
        data = load_json(name)
        return cls(
            scales={k.casefold(): float(v) for k, v in data.get("scales", {}).items()},
            currencies=_phrase_map(data.get("currencies", {})),
            percent=_phrases(data.get("percent_words", ["%"])),
            comparators_before=_phrase_map(data.get("comparators_before", {})),
            comparators_after=_phrase_map(data.get("comparators_after", {})),
            range_middle=_phrases(data.get("range_middle", [])),
            from_to_change=_phrases(data.get("from_to_change", [])),
            change_before=_phrase_map(data.get("change_before", {})),
            rank_cues=_phrases(data.get("rank_cues", [])),
            rank_steps=_phrases(data.get("rank_steps", [])),
            date_cues=_phrases(data.get("date_cues", [])),
            blocked_before=_phrases(data.get("blocked_before", [])),
            blocked_after=_phrases(data.get("blocked_after", [])),
            multiplier_before=_phrases(data.get("multiplier_before", [])),
            score_nouns=_phrases(data.get("score_nouns", [])),
            structure_nouns=_phrases(data.get("structure_nouns", [])),
            structure_exempt_before=_phrases(data.get("structure_exempt_before", [])),
            structure_counted=_phrases(data.get("structure_counted", [])),
            blocked_before_exempt=_phrases(data.get("blocked_before_exempt", [])),
            meeting_nouns=list(data.get("meeting_nouns", [])),
            other_group_words=_phrases(data.get("other_group_words", [])),
            named_lists=[
                (
                    tuple(p.low for p in pieces_of(item["noun"].casefold())),
                    frozenset(float(c) for c in item.get("counts", [])),
                )
                for item in data.get("named_lists", [])
            ],
            measures=_phrases(data.get("measures", [])),
            linking_verbs=_phrases(data.get("linking_verbs", [])),
            dong_compounds=frozenset(w.casefold() for w in data.get("dong_compounds", [])),
            labels_unless_unit=_phrases(data.get("labels_unless_unit", [])),
            measure_units=_phrase_map(data.get("measure_units", {})),
            attendance_openers=_phrases(data.get("attendance_openers", [])),
            per_population=_phrases(data.get("per_population", [])),
            attendance_of=_phrases(data.get("attendance_of", [])),
            attendance_verbs=_phrases(data.get("attendance_verbs", [])),
        )

    def mentions_meeting(self, text: str) -> bool:
        return bool(self._meeting_re.search(text))


@dataclass
class _Figure:
    """Working state for one number while its reading is decided."""

    first: int  # index of the first piece of the figure (comparator included)
    last: int  # index of the last piece (unit included)
    value: float
    unit: str
    comparator: str = "="
    denominator: float | None = None
    value_max: float | None = None
    change: str | None = None
    noun: str | None = None


def _adjacent(a: Piece, b: Piece) -> bool:
    return a.end == b.start


class QuantityFinder:
    """Finds the figures of one text; pure, reusable, built once per component."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._words: Mapping[int, str] | None = None
        self._label = False  # the last number refused was a label (identifier, level, year)
        self._attendees: tuple[int, int] | None = None  # pieces [a, b) naming attendees, read when first asked

    # -- the public entry -------------------------------------------------------------------
    def find(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        skip_spans: Sequence[tuple[int, int]] = (),
        words: Mapping[int, str] | None = None,
    ) -> list[Quantity]:
        """All figures of ``text``; ``sentences`` are (start, end) spans, ``skip_spans`` are date
        mentions, ``words`` the tokenizer's words by start offset (so "đồng" alone is the currency,
        not the first syllable of "đồng bào", and a counted noun is named by its whole word)."""
        self._words = words
        spans = sorted(skip_spans)
        starts = [s for s, _ in spans]
        out: list[Quantity] = []
        for s_start, s_end in sentences:
            if not _DIGITS.search(text, s_start, min(s_end, s_start + _MAX_SENTENCE)):
                continue
            pieces = pieces_of(text, s_start, min(s_end, s_start + _MAX_SENTENCE))
            out.extend(self._sentence(text, pieces, spans, starts, words))
        return out

    # -- one sentence -----------------------------------------------------------------------
    def _sentence(
        self,
        text: str,
        pieces: list[Piece],
        spans: Sequence[tuple[int, int]],
        starts: Sequence[int],
        words: Mapping[int, str] | None,
    ) -> list[Quantity]:
        found: list[Quantity] = []
        consumed: set[int] = set()
        refused: set[int] = set()
        quoted = _quoted_names(pieces)
        self._attendees = None
        for i, piece in enumerate(pieces):
            if i in consumed or not piece.is_number or i in quoted:
                continue
            if _inside(piece.start, spans, starts):
                continue
            # a list continuing a refused number ("mức độ 3, 4", "năm 2022 và 2023") is refused too
            if (
                i >= 2
                and (i - 2) in refused
                and pieces[i - 1].low in {",", "và", "hoặc", "-", "–"}
                and not (i + 1 < len(pieces) and pieces[i + 1].text == "%")
            ):
                refused.add(i)
                continue
            self._label = False
            figure = self._read(pieces, i, consumed, words)
            if figure is None:
                if self._label:
                    refused.add(i)
                continue
            first, last = pieces[figure.first], pieces[figure.last]
            found.append(
                Quantity(
                    text=text[first.start : last.end],
                    value=figure.value,
                    unit=figure.unit,
                    start_char=first.start,
                    end_char=last.end,
                    comparator=figure.comparator,
                    denominator=figure.denominator,
                    value_max=figure.value_max,
                    change=figure.change,
                    noun=figure.noun,
                )
            )
        return found

    def _read(
        self, pieces: list[Piece], i: int, consumed: set[int], words: Mapping[int, str] | None
    ) -> _Figure | None:
        """Decide what the number at ``pieces[i]`` is; None when it is no figure."""
        lex = self.lex
        piece = pieces[i]
        prev = pieces[i - 1] if i > 0 else None
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        # glued to letters ("3G", "h30", "COVID-19", "Hue-S 2") or to a clock time ("15:57")
        if prev is not None and _adjacent(prev, piece) and (prev.is_word or prev.text in ":-/_.#"):
            return None
        if nxt is not None and _adjacent(piece, nxt) and (nxt.is_word or nxt.text in ":_#"):
            return None
        value = parse_vi_number(piece.text)
        if value is None:
            return None
        # multipliers, identifiers, ordinals, level names
        if ends_with(pieces, i, lex.multiplier_before):
            return None
        rank_cue = ends_with(pieces, i, lex.rank_cues)
        if (
            not rank_cue
            and ends_with(pieces, i, lex.blocked_before)
            and not ends_with(pieces, i, lex.blocked_before_exempt)
            and not (nxt is not None and starts_with(pieces, i + 1, lex.percent))
        ):
            # "Kế hoạch 120/KH-UBND" is a document; "so với kế hoạch 75%" is the plan's level
            self._label = True
            return None
        if (
            not rank_cue
            and ends_with(pieces, i, lex.labels_unless_unit)
            and not (nxt is not None and (nxt.is_word or starts_with(pieces, i + 1, lex.percent)))
        ):
            self._label = True
            return None
        if self._range_of_labels(pieces, i):
            self._label = True
            return None
        # "a/b": date, document number, rank or fraction; "a-b": date, span or identifier
        denominator: float | None = None
        last = i
        if nxt is not None and _adjacent(piece, nxt) and nxt.text in "/-":
            after = pieces[i + 2] if i + 2 < len(pieces) else None
            if after is None or not _adjacent(nxt, after) or not after.is_number:
                return None  # "685/QĐ-UBND", "06-NQ", a trailing slash
            third = pieces[i + 4] if i + 4 < len(pieces) else None
            if (
                i + 3 < len(pieces) and _adjacent(after, pieces[i + 3]) and pieces[i + 3].text in "/-."
            ) and (third is not None and third.is_number):
                consumed.update({i + 2, i + 4})
                return None  # d/m/y, d-m-y
            consumed.add(i + 2)
            second = parse_vi_number(after.text)
            if nxt.text == "-":
                return self._dash_range(pieces, i, value, second, consumed)
            if second is None or second <= 0:
                return None
            year = after.text.isdigit() and len(after.text) == 4 and 1900 <= second <= 2100
            if ends_with(pieces, i, lex.date_cues) or year:
                return None  # "ngày 7/3", "tháng 4/2025"
            if value > second:
                return None  # "24/7"
            following = pieces[i + 3] if i + 3 < len(pieces) else None
            if (
                not rank_cue
                and value <= 31
                and 1 <= second <= 12
                and not (following is not None and following.is_word)
            ):
                return None  # a bare "d/m"
            denominator = second
            last = i + 2
        elif self._year_like(piece, value, pieces, i):
            self._label = True
            return None
        if rank_cue:
            return _Figure(
                first=i,
                last=last,
                value=value,
                unit="rank",
                denominator=denominator,
                comparator=self._comparator_before(pieces, i - rank_cue)[1],
            )
        figure = self._unit(pieces, i, last, value, denominator, words)
        if figure is None:
            return None
        consumed.update(range(i + 1, figure.last + 1))
        if figure.value == 0 and figure.unit != "%":
            return None  # "tour 0 đồng", "0 trường hợp": nothing was counted
        self._comparator(pieces, figure, consumed)
        return figure

    # -- helpers ------------------------------------------------------------------------------
    def _range_of_labels(self, pieces: list[Piece], i: int) -> bool:
        """ "từ 6 đến 14 tuổi", "từ 1 đến 3 sao": a range of ages or ratings is no figure."""
        n = starts_with(pieces, i + 1, self.lex.range_middle)
        if not n or i + 1 + n >= len(pieces) or not pieces[i + 1 + n].is_number:
            return False
        return bool(starts_with(pieces, i + 2 + n, self.lex.blocked_after))

    def _year_like(self, piece: Piece, value: float, pieces: list[Piece], i: int) -> bool:
        """A bare four-digit year ("năm 2023", "2022 và 2023") — unless a noun is counted after it."""
        if not (len(piece.text) == 4 and piece.text.isdigit() and 1900 <= value <= 2100):
            return False
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if nxt is None or not nxt.is_word:
            return True
        if ends_with(pieces, i, _YEAR_BEFORE):
            return True
        return bool(starts_with(pieces, i + 1, self.lex.blocked_after))

    def _dash_range(
        self, pieces: list[Piece], i: int, low: float, high: float | None, consumed: set[int]
    ) -> _Figure | None:
        """ "70-80%": a range of percentages; any other "a-b" (dates, year spans, ids) is none."""
        j = i + 3
        if high is None or j >= len(pieces) or starts_with(pieces, j, self.lex.percent) == 0 or high <= low:
            return None
        n = starts_with(pieces, j, self.lex.percent)
        figure = _Figure(first=i, last=j + n - 1, value=low, unit="%", comparator=">=", value_max=high)
        self._comparator(pieces, figure, consumed, keep_range=True)
        return figure

    def _unit(
        self,
        pieces: list[Piece],
        i: int,
        last: int,
        value: float,
        denominator: float | None,
        words: Mapping[int, str] | None,
    ) -> _Figure | None:
        lex = self.lex
        j = last + 1
        if denominator is not None:
            noun = _noun_at(pieces, j)
            if noun is not None and starts_with(pieces, j, lex.score_nouns):
                return None  # "8,5/10 điểm": a score
            if noun is None and not ends_with(pieces, i, lex.linking_verbs):
                # a bare "a/b" after no verb is more often a date or a code than a fraction
                return None
            return _Figure(
                first=i, last=last, value=value, unit="fraction", denominator=denominator, noun=noun
            )
        n = starts_with(pieces, j, lex.percent)
        if n:
            return _Figure(first=i, last=j + n - 1, value=value, unit="%")
        m = starts_with(pieces, j, lex.range_middle)
        if (
            m
            and j + m + 1 < len(pieces)
            and pieces[j + m].is_number
            and starts_with(pieces, j + m + 1, lex.percent)
        ):
            high = parse_vi_number(pieces[j + m].text)
            if high is not None and high > value:  # "từ 90 - 95%"
                p = starts_with(pieces, j + m + 1, lex.percent)
                return _Figure(
                    first=i, last=j + m + p, value=value, unit="%", comparator=">=", value_max=high
                )
        shared = self._shared_scale_range(pieces, i, j, value)
        if shared is not None:
            return shared
        # scale words, then a currency or a counted noun
        k = j
        scale_words: list[str] = []
        while k < len(pieces) and pieces[k].low in lex.scales and len(scale_words) < 3:
            scale_words.append(pieces[k].low)
            k += 1
        amount = scale(value, scale_words, lex.scales)
        n, currency = _lookup_forward(pieces, k, lex.currencies)
        if currency and (pieces[k].low != "đồng" or self._is_dong(pieces, k, bool(scale_words))):
            if (
                n == 1
                and pieces[k].low in {"đ"}
                and k + 1 < len(pieces)
                and _adjacent(pieces[k], pieces[k + 1])
            ):
                return None
            return _Figure(first=i, last=k + n - 1, value=amount, unit=currency)
        measure = self._measure(pieces, k)
        if measure is not None:
            if self._named_list(pieces, k, amount):
                return None  # "Đề án … 1 triệu ha chuyên canh lúa …": the name of a programme
            return _Figure(first=i, last=measure[1], value=amount, unit=measure[0])
        return self._count(pieces, i, k, amount, scale_words)

    def _shared_scale_range(self, pieces: list[Piece], i: int, j: int, low: float) -> _Figure | None:
        """ "từ 7.800 đến 8.200 đồng/kg", "từ 3,5 - 4 triệu lượt khách": a range whose unit (and scale
        word) is written once, after its upper bound — one figure at the lower bound, comparator ">="."""
        lex = self.lex
        m = starts_with(pieces, j, lex.range_middle)
        h = j + m
        if not m or h >= len(pieces) or not pieces[h].is_number or not ends_with(pieces, i, _FROM):
            return None
        if h + 1 < len(pieces) and _adjacent(pieces[h], pieces[h + 1]) and not pieces[h + 1].is_word:
            return None  # "từ 1 đến 15/3": a date, "từ 2 - 3%" is read by the percent rule
        high = parse_vi_number(pieces[h].text)
        if high is None or high <= low:
            return None
        k = h + 1
        scale_words: list[str] = []
        while k < len(pieces) and pieces[k].low in lex.scales and len(scale_words) < 3:
            scale_words.append(pieces[k].low)
            k += 1
        n, currency = _lookup_forward(pieces, k, lex.currencies)
        figure: _Figure | None = None
        if currency and (pieces[k].low != "đồng" or self._is_dong(pieces, k, bool(scale_words))):
            figure = _Figure(first=i, last=k + n - 1, value=scale(low, scale_words, lex.scales), unit=currency)
        elif (measure := self._measure(pieces, k)) is not None:
            figure = _Figure(first=i, last=measure[1], value=scale(low, scale_words, lex.scales), unit=measure[0])
        elif k < len(pieces) and pieces[k].is_word:
            figure = self._count(pieces, h, k, scale(low, scale_words, lex.scales), scale_words)
            if figure is not None:
                figure.first = i
        if figure is None:
            return None
        figure.comparator, figure.value_max = ">=", scale(high, scale_words, lex.scales)
        return figure

    def _measure(self, pieces: list[Piece], k: int) -> tuple[str, int] | None:
        """The physical unit written at ``k`` ("tấn", "ha", "tấn/ha") and the index of its last piece.

        A measure word that the tokenizer made the first syllable of a longer word is none ("300
        tấn công mạng"); "X/Y" with two measures is a rate ("7,6 tấn/ha")."""
        n, unit = _lookup_forward(pieces, k, self.lex.measure_units)
        if not unit or not self._own_word(pieces, k, n):
            return None
        last = k + n - 1
        slash = last + 1
        if (
            slash + 1 < len(pieces)
            and pieces[slash].text == "/"
            and _adjacent(pieces[last], pieces[slash])
            and _adjacent(pieces[slash], pieces[slash + 1])
        ):
            m, per = _lookup_forward(pieces, slash + 1, self.lex.measure_units)
            if per and self._own_word(pieces, slash + 1, m):
                return f"{unit}/{per}", slash + m
        return unit, last

    def _own_word(self, pieces: list[Piece], k: int, n: int) -> bool:
        """Do pieces [k, k+n) end where the tokenizer's word at ``k`` ends (no words: assumed so)?"""
        word = (self._words or {}).get(pieces[k].start)
        if word is None:
            return True
        return pieces[k].start + len(word) <= pieces[k + n - 1].end + (
            1 if k + n < len(pieces) and pieces[k + n].text == "/" else 0
        )

    def _named_list(self, pieces: list[Piece], k: int, amount: float) -> bool:
        """Is ``amount`` + the noun at ``k`` the name of a national list or programme?"""
        return any(
            amount in counts and tuple(p.low for p in pieces[k : k + len(noun)]) == noun
            for noun, counts in self.lex.named_lists
        )

    def _is_dong(self, pieces: list[Piece], k: int, scaled: bool) -> bool:
        """Is "đồng" at ``k`` the currency? After a scale word always ("1.250 tỷ đồng vốn …");
        otherwise when the tokenizer made it a word of its own, or (no tokens) when the next
        syllable does not make another word of it ("đồng bào")."""
        if scaled:
            return True
        word = (self._words or {}).get(pieces[k].start)
        if word is not None:
            return word.casefold() == "đồng"
        nxt = pieces[k + 1].low if k + 1 < len(pieces) else ""
        return nxt not in self.lex.dong_compounds

    def _count(
        self, pieces: list[Piece], i: int, k: int, amount: float, scale_words: list[str]
    ) -> _Figure | None:
        """A count of things: the noun after it decides whether it is a figure at all."""
        lex = self.lex
        last = k - 1
        if k >= len(pieces) or not pieces[k].is_word:
            # no noun: only a figure when a linking verb announces it ("lên hơn 9.800")
            back = i - self._comparator_before(pieces, i)[0]
            if ends_with(pieces, back, lex.linking_verbs) and not _is_decimal(pieces[i].text):
                return _Figure(first=i, last=last, value=amount, unit="count")
            return None
        if starts_with(pieces, k, lex.blocked_after):
            return None
        if starts_with(pieces, k, lex.score_nouns) and (
            _is_decimal(pieces[i].text) or _ends_clause(pieces, k + 1)
        ):
            return None
        steps = starts_with(pieces, k, lex.rank_steps)
        back = i - self._comparator_before(pieces, i)[0]
        if steps:
            n, change = _lookup(pieces, back, lex.change_before)
            if change in {"increase", "decrease"}:
                return _Figure(
                    first=i,
                    last=k + steps - 1,
                    value=amount,
                    unit="count",
                    change=change,
                    noun=" ".join(p.text for p in pieces[k : k + steps]),
                )
            return None
        if (
            starts_with(pieces, k, lex.structure_nouns)
            and not ends_with(pieces, back, lex.structure_exempt_before)
            and not starts_with(pieces, k, lex.structure_counted)
        ):
            return None
        if (
            ends_with(pieces, i, lex.other_group_words)
            and i >= 2
            and pieces[i - 1 - ends_with(pieces, i, lex.other_group_words)].is_number
        ):
            return None  # "1 trong 23 tỉnh": the 23
        n = starts_with(pieces, k, lex.other_group_words)
        if n and k + n < len(pieces) and pieces[k + n].is_number:
            return None  # "1 trong 23 tỉnh": the 1
        if self._named_list(pieces, k, amount):
            return None
        clause = _clause_text(pieces, i)
        if self._attendees is None:  # only sentences with a count get this far: scan them only
            self._attendees = attendee_span(pieces, lex)
        if lex.mentions_meeting(clause) or self._attendees[0] <= i < self._attendees[1]:
            return None
        noun = (self._words or {}).get(pieces[k].start) or pieces[k].text
        if (
            not scale_words
            and _is_decimal(pieces[i].text)
            and not starts_with(pieces, k, lex.measures)
            and not self._per_population(pieces, i, k)
        ):
            return None  # "1,5 người" is no count; decimals count only with a scale, a measure or a rate
        return _Figure(first=i, last=last, value=amount, unit="count", noun=noun)

    def _per_population(self, pieces: list[Piece], i: int, k: int) -> bool:
        """ "11,7 bác sĩ/vạn dân", "Số giường bệnh/vạn dân … đạt 36,2 giường": a rate per population,
        written after the noun or in the clause before the number — a count that may be a decimal."""
        per = self.lex.per_population
        if not per:
            return False
        for j in range(k, min(len(pieces) - 1, k + _PER_REACH)):
            if pieces[j].text in _CLAUSE_END or pieces[j].text == ",":
                break
            if pieces[j].text == "/" and starts_with(pieces, j + 1, per):
                return True
        j = i - 1
        while j > 0 and i - j <= _PER_BACK_REACH and pieces[j].text not in _CLAUSE_END and pieces[j].text != ",":
            if pieces[j].text == "/" and starts_with(pieces, j + 1, per):
                return True
            j -= 1
        return False

    def _comparator_before(self, pieces: list[Piece], i: int) -> tuple[int, str]:
        n, comparator = _lookup(pieces, i, self.lex.comparators_before)
        return (n, comparator) if comparator else (0, "=")

    def _comparator(
        self, pieces: list[Piece], figure: _Figure, consumed: set[int], keep_range: bool = False
    ) -> None:
        """Comparator, range and change words around the figure (mutates ``figure``)."""
        lex = self.lex
        i = figure.first
        n, comparator = self._comparator_before(pieces, i)
        if n:
            figure.first = i - n
            figure.comparator = comparator if not keep_range else figure.comparator
        if comparator == ">=" and pieces[figure.first].low == "từ" and figure.value_max is None:
            upper = self._range_end(pieces, figure)
            if upper is not None:
                figure.value_max, figure.last = upper[0], upper[1]
                consumed.update(range(figure.last + 1 - upper[2], figure.last + 1))
                figure.comparator = ">="
            elif (
                self._from_to(pieces, figure.last + 1)
                or _lookup(pieces, figure.first, lex.change_before)[1]
            ):
                figure.comparator = "="  # "giảm từ 36,06% … xuống còn 31,55%": a starting level
            elif not self._from_is_bound(pieces, figure):
                figure.comparator = "="  # "kết nối dữ liệu từ 28 sở, ngành": a source, not a bound
                figure.first += 1
        after_n, after = _lookup_forward(pieces, figure.last + 1, lex.comparators_after)
        if after and figure.unit != "count":
            figure.comparator = after
            figure.last += after_n
        elif after and figure.unit == "count":
            figure.comparator = after
        _, change = _lookup(pieces, figure.first, lex.change_before)
        if change:
            figure.change = change

    def _from_is_bound(self, pieces: list[Piece], figure: _Figure) -> bool:
        """ "từ" is a lower bound after a linking verb ("đạt từ 70%"), at the head of a clause, or with
        "trở lên" after the figure (or its counted noun); after any other verb it is a source."""
        k = figure.first
        if k == 0 or pieces[k - 1].text in _CLAUSE_END or pieces[k - 1].text in {",", "(", "-"}:
            return True
        if ends_with(pieces, k, self.lex.linking_verbs) or figure.unit == "%":
            return True
        for j in range(figure.last + 1, min(len(pieces), figure.last + 8)):
            if _lookup_forward(pieces, j, self.lex.comparators_after)[1]:
                return True
            if pieces[j].text in _CLAUSE_END or pieces[j].text == ",":
                break
        return False

    def _range_end(self, pieces: list[Piece], figure: _Figure) -> tuple[float, int, int] | None:
        """ "từ 70% đến 80%": the upper bound, the index of its last piece, and its piece count."""
        j = figure.last + 1
        n = starts_with(pieces, j, self.lex.range_middle)
        if not n:
            return None
        j += n
        if j < len(pieces) and pieces[j].low in self.lex.comparators_before.get(1, {}):
            j += 1
        if j >= len(pieces) or not pieces[j].is_number:
            return None
        high = parse_vi_number(pieces[j].text)
        if high is None:
            return None
        if figure.unit == "%":
            p = starts_with(pieces, j + 1, self.lex.percent)
            if not p:
                return None
            return high, j + p, j + p - figure.last
        if figure.unit in {"VND", "USD"}:
            k = j + 1
            words: list[str] = []
            while k < len(pieces) and pieces[k].low in self.lex.scales:
                words.append(pieces[k].low)
                k += 1
            c, currency = _lookup_forward(pieces, k, self.lex.currencies)
            if currency != figure.unit:
                return None
            return scale(high, words, self.lex.scales), k + c - 1, k + c - 1 - figure.last
        return None

    def _from_to(self, pieces: list[Piece], j: int) -> bool:
        """A "lên"/"xuống còn" later in the clause: "từ X" was a starting level, not a bound."""
        for k in range(j, min(len(pieces), j + 14)):
            if pieces[k].text in _CLAUSE_END or pieces[k].text == ",":
                return False
            if starts_with(pieces, k, self.lex.from_to_change):
                return True
        return False


_FROM = _phrases(["từ"])  # a range with its unit written once opens with "từ"
_YEAR_BEFORE = _phrases(
    [
        "năm",
        "giai đoạn",
        "đến",
        "từ",
        "cuối",
        "đầu",
        "và",
        "trước",
        "sau",
        "niên độ",
        "niên khóa",
        "mùa",
        "vụ",
        "kỳ",
    ]
)


_QUOTES = {'"': '"', "“": "”", "«": "»"}
_MAX_QUOTED_NAME = 10  # pieces between the quotes of a quoted name


def quoted_pieces(pieces: Sequence[Piece]) -> list[range]:
    """Index ranges of the pieces inside each short quotation ("1 phải 5 giảm", "Năm dữ liệu số")."""
    out: list[range] = []
    if not any(p.text in _QUOTES for p in pieces):
        return out
    i = 0
    while i < len(pieces):
        close = _QUOTES.get(pieces[i].text)
        if close is None:
            i += 1
            continue
        stop = min(len(pieces), i + _MAX_QUOTED_NAME + 2)
        j = next((k for k in range(i + 1, stop) if pieces[k].text == close), None)
        if j is None:
            i += 1
            continue
        out.append(range(i + 1, j))
        i = j + 1
    return out


def _quoted_names(pieces: Sequence[Piece]) -> set[int]:
    """Indices of the numbers inside a short quoted name ("1 phải 5 giảm", "3 không", "Năm 2024 …"):
    a slogan or a title, no figure — unless a percent sign is quoted with it."""
    out: set[int] = set()
    for inner in quoted_pieces(pieces):
        if not any(pieces[k].text == "%" for k in inner):
            out.update(k for k in inner if pieces[k].is_number)
    return out


def _inside(position: int, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    k = bisect.bisect_right(starts, position) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]


def _is_decimal(text: str) -> bool:
    return "," in text


def attendee_span(pieces: Sequence[Piece], lex: Lexicon) -> tuple[int, int]:
    """Pieces [a, b) of a sentence that name the people or bodies attending the event reported — a
    count there describes the meeting, not a result: after the "có" of a sentence opening with
    "Dự …"/"Tham dự …" ("Dự hội nghị có … và hơn 200 doanh nghiệp"), after "sự tham dự của", or
    before an attendance predicate in the same clause group ("Hơn 120 cán bộ … tham gia diễn tập").
    (0, 0) when there is none."""
    n = len(pieces)
    opener = starts_with(pieces, 0, lex.attendance_openers)
    if opener:
        for k in range(opener, min(n, opener + 8)):
            if pieces[k].text in _CLAUSE_END or pieces[k].text == ",":
                break
            if pieces[k].low == "có":
                return k + 1, n
    for k in range(n):
        m = starts_with(pieces, k, lex.attendance_of)
        if m:
            return k + m, n
        if starts_with(pieces, k, lex.attendance_verbs):
            a = k
            while a > 0 and pieces[a - 1].text not in _CLAUSE_END:
                a -= 1
            return a, k
    return 0, 0


def _ends_clause(pieces: Sequence[Piece], k: int) -> bool:
    return k >= len(pieces) or not pieces[k].is_word


def _noun_at(pieces: Sequence[Piece], k: int) -> str | None:
    return pieces[k].text if k < len(pieces) and pieces[k].is_word else None


def _clause_text(pieces: Sequence[Piece], i: int) -> str:
    """The text of the comma-free clause around piece ``i`` (to look for meeting nouns)."""
    a = i
    while a > 0 and pieces[a - 1].text not in _CLAUSE_END and pieces[a - 1].text != ",":
        a -= 1
    b = i
    while b + 1 < len(pieces) and pieces[b + 1].text not in _CLAUSE_END and pieces[b + 1].text != ",":
        b += 1
    return " ".join(p.text for p in pieces[a : b + 1])


def date_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the date mentions left by the dates component (may be empty)."""
    spans: list[tuple[int, int]] = []
    for mention in doc._.dates or []:
        start, end = getattr(mention, "start_char", None), getattr(mention, "end_char", None)
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            spans.append((start, end))
    return spans


def words_by_start(doc: Doc) -> dict[int, str]:
    """The tokenizer's words by start offset ("đồng" alone is the currency; "đồng bào" is not)."""
    return dict(doc_words(doc))


class QuantitiesComponent:
    """spaCy component: ``doc._.quantities``."""

    def __init__(self, units: str) -> None:
        self.units = units
        self.finder = QuantityFinder(Lexicon.load(units))

    def __call__(self, doc: Doc) -> Doc:
        sentences = sentence_spans(doc) if len(doc) else []
        doc._.quantities = self.finder.find(doc_text(doc), sentences, date_spans(doc), words_by_start(doc))
        return doc


@Language.factory("vnm_quantities", default_config={"units": "units.json"})
def make(nlp: Language, name: str, units: str) -> QuantitiesComponent:
    return QuantitiesComponent(units)
