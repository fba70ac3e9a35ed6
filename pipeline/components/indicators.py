"""Tie each figure to the indicator it measures: ``doc._.quantities`` → ``doc._.metrics``.

Vietnamese press writes an indicator in two orders, and the figure's neighbours tell which:
- indicator first, joined to the value by a linking verb: "tỷ lệ hộ gia đình có cáp quang đạt
  76,6%" — the indicator is the noun phrase before the verb, back to the start of its clause;
- value first: "100% thủ tục hành chính có đủ điều kiện … trên Cổng Dịch vụ công của tỉnh",
  "71 Tổ Công nghệ số cộng đồng cấp xã" — the indicator is the phrase after the value, up to
  the end of its clause.
On top of these two readings come the constructions that carry an indicator across figures:
coordinated figures sharing one predicate ("95% hồ sơ … cấp tỉnh, 75% … cấp huyện và 40% …
được xử lý trên môi trường mạng"), elliptic heads ("… với 687 thành viên", "91% tại cấp
huyện"), a verb phrase given to the counted things ("rà quét lỗ hổng bảo mật cho 08 huyện" →
"huyện được rà quét lỗ hổng bảo mật"), a change or ratio of the figure just named ("…, tăng
4,3%", "bằng 80,5% dự toán"), and ranks, whose indicator is what is ranked ("xếp thứ 13/63
về Chỉ số …").

Phrase edges come from the tokenizer's words, clause punctuation, the cue words of
``models/indicator_cues.json`` and, where a noun must be told from a verb (is this comma inside
a list of nouns, where does the predicate start), underthesea's POS tags — computed only for
the sentences that hold a figure. Never a fixed character window.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..records import Metric, Quantity
from ..resources import load_json
from ..segment import doc_text, doc_words, sentence_spans
from ..text import syllable_f1
from .quantities import _PIECE, Piece, _lookup_forward, _phrase_map, _phrases, ends_with, pieces_of, starts_with

_SPACES = regex.compile(r"\s+")
_EDGE_PUNCT = regex.compile(r"^[\s,;:.\-–—]+|[\s,;:.\-–—]+$")
_YEAR = regex.compile(r"^(?:19|20)\d\d$")
_VERSUS = regex.compile(r"\s+so với\s+")
_MAX_PIECES = 400  # pieces of one sentence read for indicators (hostile input guard)

Phr = dict[int, set[tuple[str, ...]]]


@dataclass
class Cues:
    """``models/indicator_cues.json`` compiled into phrase tables."""

    strong: frozenset[str]
    linking: dict[str, Phr]
    skip_before_value: Phr
    head_cues: Phr
    lead_strip: Phr
    time_words: Phr
    np_stops: Phr
    coordinators: Phr
    transfer_preps: Phr
    light_verbs: Phr
    passive: str
    no_passive_verbs: Phr
    passive_append: bool
    passive_max_syllables: int
    with_words: Phr
    ratio_verbs: dict[int, dict[tuple[str, ...], str]]
    locatives: Phr
    money_purpose_preps: Phr
    list_of_preps: frozenset[str]
    level_words: Phr
    rank_about: Phr
    rank_group_words: Phr
    rank_heads: Phr
    rank_change_prefix: str
    possessive: Phr
    place_words: Phr
    max_parenthetical: int
    aux_markers: Phr = field(default_factory=dict)
    growth_verbs: Phr = field(default_factory=dict)
    count_heads: Phr = field(default_factory=dict)
    plan_nouns: Phr = field(default_factory=dict)
    governing_verbs: Phr = field(default_factory=dict)
    not_links: Phr = field(default_factory=dict)
    adverbs_if_tagged: Phr = field(default_factory=dict)
    action_verbs: Phr = field(default_factory=dict)
    equivalence_words: Phr = field(default_factory=dict)
    verb_modifiers: Phr = field(default_factory=dict)
    exceed_words: Phr = field(default_factory=dict)
    contrast_openers: Phr = field(default_factory=dict)
    comparison_words: Phr = field(default_factory=dict)
    deadline_words: Phr = field(default_factory=dict)
    time_span_openers: Phr = field(default_factory=dict)
    time_span_words: Phr = field(default_factory=dict)
    same_period_words: Phr = field(default_factory=dict)
    change_words: Phr = field(default_factory=dict)
    measure_heads: dict[str, str] = field(default_factory=dict)
    respectively: Phr = field(default_factory=dict)
    economy_subjects: Phr = field(default_factory=dict)
    subject_openers: Phr = field(default_factory=dict)
    list_heading_cuts: Phr = field(default_factory=dict)
    list_heading_leads: Phr = field(default_factory=dict)
    area_words: Phr = field(default_factory=dict)
    area_openers: Phr = field(default_factory=dict)
    names_subject_leads: Phr = field(default_factory=dict)
    rate_bases: Phr = field(default_factory=dict)
    adverse_verbs: Phr = field(default_factory=dict)
    adverse_passive: str = "bị"
    identity_copulas: Phr = field(default_factory=dict)
    max_identity_head: int = 3
    implicit_objects: dict[tuple[str, ...], Phr] = field(default_factory=dict)
    implicit_object_stops: Phr = field(default_factory=dict)

    @classmethod
    def load(cls, name: str) -> Cues:
        d = load_json(name)
        return cls(
            strong=frozenset(d.get("strong_boundaries", [";", ":", "."])),
            linking={k: _phrases(v) for k, v in d.get("linking_verbs", {}).items()},
            skip_before_value=_phrases(d.get("skip_before_value", [])),
            head_cues=_phrases(d.get("head_cues", [])),
            lead_strip=_phrases(d.get("lead_strip", [])),
            time_words=_phrases(d.get("time_words", [])),
            np_stops=_phrases(d.get("np_stops", [])),
            coordinators=_phrases(d.get("coordinators", [])),
            transfer_preps=_phrases(d.get("transfer_preps", [])),
            light_verbs=_phrases(d.get("light_verbs", [])),
            passive=d.get("passive", "được"),
            adverse_verbs=_phrases(d.get("adverse_verbs", [])),
            adverse_passive=d.get("adverse_passive", "bị"),
            no_passive_verbs=_phrases(d.get("no_passive_verbs", [])),
            passive_append=bool(d.get("passive_append", True)),
            passive_max_syllables=int(d.get("passive_max_syllables", 5)),
            with_words=_phrases(d.get("with_words", [])),
            ratio_verbs=_phrase_map(d.get("ratio_verbs", {})),
            locatives=_phrases(d.get("locatives", [])),
            money_purpose_preps=_phrases(d.get("money_purpose_preps", [])),
            list_of_preps=frozenset(d.get("list_of_preps", [])),
            level_words=_phrases(d.get("level_words", [])),
            rank_about=_phrases(d.get("rank_about", ["về"])),
            rank_group_words=_phrases(d.get("rank_group_words", [])),
            rank_heads=_phrases(d.get("rank_heads", [])),
            rank_change_prefix=d.get("rank_change_prefix", "thứ hạng"),
            possessive=_phrases(d.get("possessive", ["của"])),
            place_words=_phrases(d.get("place_words", [])),
            max_parenthetical=int(d.get("max_parenthetical_syllables", 6)),
            aux_markers=_phrases(d.get("aux_markers", [])),
            growth_verbs=_phrases(d.get("growth_verbs", [])),
            count_heads=_phrases(d.get("count_heads", [])),
            plan_nouns=_phrases(d.get("plan_nouns", [])),
            governing_verbs=_phrases(d.get("governing_verbs", [])),
            not_links=_phrases(d.get("not_links", [])),
            adverbs_if_tagged=_phrases(d.get("adverbs_if_tagged", [])),
            action_verbs=_phrases(d.get("action_verbs", [])),
            equivalence_words=_phrases(d.get("equivalence_words", [])),
            verb_modifiers=_phrases(d.get("verb_modifiers", [])),
            exceed_words=_phrases(d.get("exceed_words", [])),
            contrast_openers=_phrases(d.get("contrast_openers", [])),
            comparison_words=_phrases(d.get("comparison_words", [])),
            deadline_words=_phrases(d.get("deadline_words", [])),
            time_span_openers=_phrases(d.get("time_span_openers", [])),
            time_span_words=_phrases(d.get("time_span_words", [])),
            same_period_words=_phrases(d.get("same_period_words", [])),
            change_words=_phrases(d.get("change_words", [])),
            measure_heads=dict(d.get("measure_heads", {})),
            respectively=_phrases(d.get("respectively", [])),
            economy_subjects=_phrases(d.get("economy_subjects", [])),
            subject_openers=_phrases(d.get("subject_openers", [])),
            list_heading_cuts=_phrases(d.get("list_heading_cuts", [])),
            list_heading_leads=_phrases(d.get("list_heading_leads", [])),
            area_words=_phrases(d.get("area_words", [])),
            area_openers=_phrases(d.get("area_openers", [])),
            names_subject_leads=_phrases(d.get("names_subject_leads", [])),
            rate_bases=_phrases(d.get("rate_bases", [])),
            identity_copulas=_phrases(d.get("identity_copulas", [])),
            max_identity_head=int(d.get("max_identity_head_syllables", 3)),
            implicit_objects={
                tuple(_syllables(verb)): _phrases(heads) for verb, heads in d.get("implicit_objects", {}).items()
            },
            implicit_object_stops=_phrases(d.get("implicit_object_stops", [])),
        )


@dataclass
class Draft:
    """One figure being tied to its indicator."""

    quantity: Quantity
    qa: int  # first piece of the figure (comparator included)
    qb: int  # last piece of the figure
    indicator: str = ""
    start: int = -1  # span of ``text``
    end: int = -1
    mode: str = ""  # subject | value | transfer | rank | step | elliptic
    np: tuple[int, int] | None = None  # value-first noun phrase pieces [a, b)
    np_end: str = ""  # why the value-first phrase ended: figure | boundary | stop
    verb_at: int | None = None  # first predicate piece inside ``np``
    subject: tuple[int, int] | None = None
    vp: str = ""  # verb phrase given to the counted things ("… được rà quét lỗ hổng bảo mật")


def _default_pos(text: str) -> list[tuple[str, str]]:
    from ..pos import pos_tag  # underthesea's tagger, features built in one pass

    return pos_tag(text)


@dataclass
class Sentence:
    """The pieces of one sentence, the figures in it, and lazily its POS tags."""

    text: str  # the whole document text
    start: int
    end: int
    pieces: list[Piece]
    tagger: Callable[[str], list[tuple[str, str]]]
    figure_ends: set[int] = field(default_factory=set)
    inner: set[int] = field(default_factory=set)  # pieces inside a tokenizer word (not its first syllable)
    _tags: list[str] | None = field(default=None, repr=False)

    def tag(self, i: int) -> str:
        if self._tags is None:
            self._tags = self._compute_tags()
        return self._tags[i] if 0 <= i < len(self._tags) else ""

    def _compute_tags(self) -> list[str]:
        sentence = self.text[self.start : self.end]
        try:
            tagged = self.tagger(sentence)
        except Exception:
            tagged = []
        spans: list[tuple[int, int, str]] = []
        cursor = 0
        for word, tag in tagged:
            at = sentence.find(word, cursor)
            if at < 0:
                continue
            spans.append((self.start + at, self.start + at + len(word), tag))
            cursor = at + len(word)
        starts = [s for s, _, _ in spans]
        tags: list[str] = []
        for p in self.pieces:
            k = bisect.bisect_right(starts, p.start) - 1
            tags.append(spans[k][2] if k >= 0 and spans[k][0] <= p.start < spans[k][1] else "")
        return tags

    def is_verb(self, i: int) -> bool:
        return self.tag(i).startswith("V")

    def is_nominal(self, i: int) -> bool:
        p = self.pieces[i]
        if p.text.isupper() and len(p.text) > 1:
            return True
        return self.tag(i) in {"N", "Np", "Nc", "Nu", "Ny", "Nb", "M", "X", "L"}

    def words(self, a: int, b: int) -> str:
        """Text of pieces [a, b) as written."""
        if a >= b:
            return ""
        return self.text[self.pieces[a].start : self.pieces[b - 1].end]


def _clean(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = _EDGE_PUNCT.sub("", text)
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")].rstrip(" ,")
    return text.strip()


def _syllables(text: str) -> list[str]:
    return regex.findall(r"\w+", text.casefold())


class IndicatorFinder:
    """Builds the metrics of one document from its figures."""

    def __init__(self, cues: Cues, tagger: Callable[[str], list[tuple[str, str]]] | None = None) -> None:
        self.c = cues
        self.tagger = tagger or _default_pos
        self._word_starts: set[int] | None = None
        self._words: list[tuple[int, str]] | None = None
        self._word_offsets: list[int] = []

    # -- document ------------------------------------------------------------------------
    def metrics(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        quantities: Sequence[Quantity],
        title_end: int = -1,
        word_starts: set[int] | None = None,
        words: list[tuple[int, str]] | None = None,
    ) -> list[Metric]:
        """Metrics of one text from its figures (``title_end``: figures before it are the title's;
        ``word_starts``: start offsets of the tokenizer's words; ``words``: the tokenizer's words,
        so that POS tags are computed on them rather than on a second segmentation)."""
        self._word_starts = word_starts
        self._words = words
        self._word_offsets = [start for start, _ in words] if words else []
        ordered = sorted(quantities, key=lambda q: q.start_char)
        starts = [q.start_char for q in ordered]
        out: list[Metric] = []
        context = _Context()
        for s_start, s_end in sentences:
            lo = bisect.bisect_left(starts, s_start)
            hi = bisect.bisect_left(starts, s_end)
            found: list[Metric] = []
            if lo < hi:
                try:
                    found = self._sentence(text, s_start, s_end, ordered[lo:hi])
                except Exception:
                    found = []
            self._in_context(text, s_start, s_end, found, context, title_end)
            out.extend(found)
        return dedupe(out, title_end)

    # -- figures whose measure is named by the sentences before -------------------------
    def _in_context(
        self, text: str, s_start: int, s_end: int, found: list[Metric], context: _Context, title_end: int
    ) -> None:
        """Sentences name a part and leave the measure to the ones before: the rows of a list under a
        heading ("Tỷ lệ hộ … sử dụng nước sạch theo từng huyện như sau:" / "- Huyện Châu Thành: 81,2%"),
        and subjects made only of place names ("Một số tỉnh như …, Kon Tum đạt dưới 80%; riêng Gia Lai
        chỉ đạt 74,2%") after a figure that names the measure in the same paragraph."""
        row = _LIST_ROW.match(text, s_start, s_end)
        if row is not None and context.heading is not None:
            label = _clean(row.group(1))
            for m in found:
                if not self._names_a_part_only(m.indicator, label):
                    continue
                measure = context.heading.get(m.unit) or context.heading.get("")
                if self._label_is_measure(label):
                    m.indicator = label  # "- Xã đạt chuẩn nông thôn mới trong năm: 14 xã"
                elif measure:
                    m.indicator = self._with_label(measure, m.indicator, label)
            return
        if not found and _ends_with_colon(text, s_start, s_end):
            context.heading = self._heading_measures(text, s_start, s_end, context.previous)
            return
        context.heading = None
        for m in found:
            if m.start_char < title_end or m.unit == "rank":
                continue
            names = self._names_subject(m.indicator)
            last = context.last.get(m.unit)
            if names is None:
                context.last[m.unit] = m
            elif last is not None and "\n" not in text[last.start_char : m.start_char]:
                m.indicator = f"{last.indicator} ở {names}"
        if found:
            context.previous = found

    def _heading_measures(
        self, text: str, s_start: int, s_end: int, previous: list[Metric]
    ) -> dict[str, str]:
        """What a list heading measures, by unit ("" for any): its words up to the first cut word; with
        none ("Cụ thể theo từng cấp học:"), the indicators of the sentence before, by unit."""
        pieces = pieces_of(text, s_start, s_end)
        a, b = 0, len(pieces)
        while b > a and not pieces[b - 1].is_word:
            b -= 1
        changed = True
        while changed and a < b and not starts_with(pieces, a, self.c.list_heading_cuts):
            n = starts_with(pieces, a, self.c.list_heading_leads) or starts_with(pieces, a, self.c.lead_strip)
            changed = bool(n) or not pieces[a].is_word
            a += n or (0 if pieces[a].is_word else 1)
        cut = next((k for k in range(a, b) if starts_with(pieces, k, self.c.list_heading_cuts)), b)
        words = [p for p in pieces[a:cut] if p.is_word]
        if len(words) >= 2:
            return {"": _clean(text[pieces[a].start : pieces[cut - 1].end])}
        measures: dict[str, str] = {}
        for m in previous:
            if m.indicator and m.unit not in measures:
                measures[m.unit] = m.indicator
        return measures

    def _names_a_part_only(self, indicator: str, label: str) -> bool:
        """A row's own indicator that names no measure: the row label's words, a place, one noun."""
        syl = _syllables(indicator)
        return not syl or len(syl) <= 1 or _only_names(indicator) or set(syl) <= set(_syllables(label))

    def _label_is_measure(self, label: str) -> bool:
        """A row label that is an indicator of its own ("Tỷ lệ bao phủ bảo hiểm y tế", "Xã đạt chuẩn
        nông thôn mới trong năm"), not a part (a place, a school level: at most four syllables)."""
        syl = _syllables(label)
        if _only_names(label) or (syl and (syl[0],) in self.c.place_words.get(1, ()) and _only_names(
            label.split(maxsplit=1)[-1]
        )):
            return False  # "Hà Nội", "Huyện Châu Thành": a place
        return len(syl) > _MAX_PART_SYLLABLES or bool(starts_with(_own_pieces(label), 0, self.c.head_cues))

    def _with_label(self, measure: str, own: str, label: str) -> str:
        """The heading's measure for the part the row label names ("… nước sạch huyện Châu Thành"); the
        label goes after the counted noun when the measure opens with it ("trường mầm non công lập …")."""
        first = _syllables(label)[:1]
        if label and (not _only_names(label) or (first and (first[0],) in self.c.place_words.get(1, ()))):
            label = label[:1].lower() + label[1:]
        own_syl, measure_syl = _syllables(own), _syllables(measure)
        if own_syl and measure_syl[: len(own_syl)] == own_syl and not _only_names(own):
            head = " ".join(measure.split()[: len(own_syl)])
            return _clean(f"{head} {label} {measure[len(head):]}")
        return _clean(f"{measure} {label}")

    def _names_subject(self, indicator: str) -> str | None:
        """The place names an indicator is made of once connectives are stripped ("riêng Gia Lai",
        "Trong khi đó, Hà Nội"); None when it names anything else."""
        if not indicator.rsplit(None, 1)[-1][:1].isupper():
            return None  # the last word of a place name is capitalised
        pieces = _own_pieces(indicator)
        a = 0
        while a < len(pieces):
            n = starts_with(pieces, a, self.c.names_subject_leads)
            if n:
                a += n
            elif pieces[a].text == ",":
                a += 1
            else:
                break
        rest = [p for p in pieces[a:] if p.text != "," and p.low != "và"]
        if not rest or not all(p.is_word and p.text[:1].isupper() and _not_acronym(p.text) for p in rest):
            return None
        return _clean(indicator[pieces[a].start :])

    # -- sentence ------------------------------------------------------------------------
    def _sentence(
        self, text: str, s_start: int, s_end: int, quantities: Sequence[Quantity]
    ) -> list[Metric]:
        pieces = pieces_of(text, s_start, s_end)[:_MAX_PIECES]
        if not pieces:
            return []
        if text.find(":", s_start, s_end) >= 0:
            pieces = [_code_colon(text, p) for p in pieces]
        sent = Sentence(text, s_start, s_end, pieces, self._tagger_for(s_start, s_end))
        piece_starts = [p.start for p in pieces]
        drafts: list[Draft] = []
        for q in quantities:
            qa = bisect.bisect_right(piece_starts, q.start_char) - 1
            qb = bisect.bisect_right(piece_starts, q.end_char - 1) - 1
            if qa < 0 or qb < qa or qb >= len(pieces):
                continue
            drafts.append(Draft(q, qa, qb))
        if self._word_starts is not None:
            sent.inner = {
                k
                for k, p in enumerate(pieces)
                if p.start not in self._word_starts
                and k > 0
                and pieces[k - 1].end + 1 == p.start
                and pieces[k - 1].is_word
                and p.is_word
                and not _name_then_word(pieces, k)
            }
        figure_starts = {d.qa for d in drafts}
        sent.figure_ends = {d.qb for d in drafts}
        for k, d in enumerate(drafts):
            self._read(sent, d, drafts[:k], figure_starts)
        self._parenthetical_figures(sent, drafts, figure_starts)
        self._complement_figures(sent, drafts)
        self._share_predicates(sent, drafts)
        self._respectively(sent, drafts)
        headed: dict[str, str] = {}
        for d in drafts:
            if d.indicator:
                raw, d.indicator = d.indicator, self._measure_head(d.indicator, d.quantity.unit)
                if d.indicator != raw:
                    headed[raw] = d.indicator
        for d in drafts:  # "xuống giống 187.600 ha, đạt 100,8% kế hoạch": the ratio is of the area too
            if d.mode == "elliptic" and (raw := next((r for r in headed if d.indicator.startswith(r)), None)):
                d.indicator = headed[raw] + d.indicator[len(raw) :]
        if self.c.implicit_objects:
            for d in drafts:
                if d.indicator:
                    d.indicator = self._implicit_object(sent, d)
        return [self._metric(d) for d in drafts if d.indicator]

    def _implicit_object(self, s: Sentence, d: Draft) -> str:
        """ "Kế hoạch vốn đầu tư công … là 5.930 tỷ đồng; … đã giải ngân 2.780 tỷ đồng, đạt 46,9%": the
        writer drops the object of "giải ngân" once the paragraph has named the fund, and the figure is
        the disbursement of that fund ("giải ngân vốn đầu tư công"). Only a bare verb (alone, or before
        "so với …") takes it; the nearest object noun phrase earlier in the paragraph is used."""
        syl = _syllables(d.indicator)
        for verb, heads in self.c.implicit_objects.items():
            n = len(verb)
            if tuple(syl[:n]) != verb or (len(syl) > n and tuple(syl[n : n + 2]) != ("so", "với")):
                continue
            end = d.start if d.start >= 0 else d.quantity.start_char
            obj = _nearest_object(s.text, s.text.rfind("\n", 0, end) + 1, end, heads, self.c.implicit_object_stops)
            if not obj:
                return d.indicator
            words = d.indicator.split(" ")
            return " ".join([*words[:n], obj, *words[n:]])
        return d.indicator

    def _measure_head(self, indicator: str, unit: str) -> str:
        """ "xuống giống 187.600 ha" measures an area: "diện tích xuống giống". An indicator that already
        names a measure ("năng suất", "sản lượng cá tra", any head cue) is kept."""
        head = self.c.measure_heads.get(unit)
        if not head:
            return indicator
        syl = _syllables(indicator)
        for length, phrases in self.c.head_cues.items():
            if any(tuple(syl[k : k + length]) in phrases for k in range(len(syl) - length + 1)):
                return indicator
        return f"{head} {indicator}"

    def _tagger_for(self, s_start: int, s_end: int) -> Callable[[str], list[tuple[str, str]]]:
        """The default tagger run on the sentence's words as the tokenizer cut them."""
        if not self._words or self.tagger is not _default_pos:
            return self.tagger
        lo = bisect.bisect_left(self._word_offsets, s_start)
        hi = bisect.bisect_left(self._word_offsets, s_end)
        words = [word for _, word in self._words[lo:hi]]

        def tag(_sentence: str) -> list[tuple[str, str]]:
            from ..pos import shared_tagger

            return list(zip(words, shared_tagger().tag(words), strict=True))

        return tag

    def _read(self, s: Sentence, d: Draft, before: list[Draft], figures: set[int]) -> None:
        q = d.quantity
        if q.unit == "rank":
            self._rank(s, d, before, figures)
            return
        if (
            q.unit == "count"
            and q.change in {"increase", "decrease"}
            and q.noun
            and starts_with([Piece(q.noun, q.noun.casefold(), 0, 0)], 0, _STEP)
            and self._rank_step(s, d, before)
        ):
            return
        kind = "count" if _counted(q.unit) else "percent"
        if self._planned_of_previous(s, d, before):
            return
        after = s.pieces[d.qb + 1].text if d.qb + 1 < len(s.pieces) else "."
        if (
            d.qa > 0
            and s.pieces[d.qa - 1].text == ":"
            and q.unit != "count"
            and (after in self.c.strong or after in {",", "(", ")"})
        ):
            # "Tỷ lệ bao phủ bảo hiểm y tế: 93,2%"
            self._subject_first(s, d, d.qa - 1, before, figures, link_at=None)
            if d.indicator:
                return
        verb_end = self._skip_back(s, d.qa, self.c.skip_before_value)
        link = ends_with(s.pieces, verb_end, self.c.linking.get(kind, {}))
        if link and ends_with(s.pieces, verb_end, self.c.not_links) > link:
            link = 0  # "cắt giảm 10% chi thường xuyên": "giảm" is part of the verb "cắt giảm"
        counted_subject = False
        if (
            link
            and q.unit == "count"
            and q.change in {"increase", "decrease"}
            and (noun := self._noun_after(s, d, figures))
        ):
            counted_subject = self._counted_subject(s, verb_end - link, noun)
            if not counted_subject:
                link = 0  # "giảm 4 sở và tương đương": a change of the count named after it
        if link and q.unit == "count" and self._rate_noun_after(s, d):
            link = 0  # "đạt 37 giường bệnh/vạn dân": the rate after the value names the measure
        if link and q.unit != "fraction":
            self._subject_first(s, d, verb_end - link, before, figures, link_at=verb_end - link)
            if counted_subject and d.indicator and d.mode == "subject":
                # "số người chết giảm 6 người" → "số người chết giảm": the change, not the count itself
                d.indicator = _clean(f"{d.indicator} {s.words(verb_end - link, verb_end)}")
                b, _ = self._np_end(s, d.qb + 1, figures)
                d.end = max(d.end, s.pieces[b - 1].end)
            return
        prep = ends_with(s.pieces, d.qa, self.c.transfer_preps)
        if prep and (_counted(q.unit) or q.unit == "%") and self._transfer(s, d, d.qa - prep, figures):
            return
        if self._with_phrase(s, d, before, figures, verb_end):
            return
        self._value_first(s, d, before, figures, verb_end)

    def _counted_subject(self, s: Sentence, link_at: int, noun: str) -> bool:
        """ "số vụ giảm 12 vụ", "số người bị thương tăng 3 người": the clause's subject counts the
        same noun the change is counted in, so the change belongs to that subject."""
        first = _syllables(noun)[:1]
        if not first:
            return False
        for k in range(link_at - 1, max(-1, link_at - 8), -1):
            p = s.pieces[k]
            if p.text in self.c.strong or p.text in {",", "(", ")"} or p.is_number:
                return False
            n = starts_with(s.pieces, k, self.c.count_heads)
            if n and k + n < link_at and _syllables(s.pieces[k + n].text)[:1] == first:
                return True
        return False

    def _rate_noun_after(self, s: Sentence, d: Draft) -> bool:
        """Is the counted noun a rate per something ("giường bệnh/vạn dân", "bác sĩ/vạn dân")?"""
        for j in range(d.qb + 2, min(len(s.pieces) - 1, d.qb + 5)):
            p = s.pieces[j]
            if p.text in self.c.strong or p.text in {",", "("} or p.is_number:
                return False
            if p.text == "/" and s.pieces[j - 1].is_word and starts_with(s.pieces, j + 1, self.c.rate_bases):
                return True
        return False

    def _planned_of_previous(self, s: Sentence, d: Draft, before: list[Draft]) -> bool:
        """ "… đạt 62% so với mục tiêu 65%", "(chỉ tiêu 92,5%)": the plan for the figure just named."""
        if not before or not before[-1].indicator:
            return False
        ref = before[-1]
        if any(s.pieces[k].text in self.c.strong for k in range(ref.qb, d.qa)):
            return False
        q = d.quantity
        if ends_with(s.pieces, d.qa, self.c.equivalence_words):
            pass  # "…, tương đương 11.970 tỷ đồng": the same figure in another unit
        elif q.unit == "count" and q.change in {"increase", "decrease"} and ref.quantity.unit == "count":
            # "146 doanh nghiệp thành lập mới, tăng 12 doanh nghiệp": a change of the count just named
            noun = self._noun_after(s, d, set())
            if noun and _syllables(noun)[:1] != _syllables(ref.indicator)[:1]:
                return False
        elif not (plan := ends_with(s.pieces, d.qa, self.c.plan_nouns)) or (
            ref.quantity.unit != q.unit and not ends_with(s.pieces, d.qa - plan, self.c.exceed_words)
        ):
            return False  # "…, vượt chỉ tiêu 94,1%": the plan of the figure just named, whatever its unit
        d.indicator, d.mode = ref.indicator, "elliptic"
        d.start, d.end = ref.start, s.pieces[d.qb].end
        return True

    def _with_phrase(
        self, s: Sentence, d: Draft, before: list[Draft], figures: set[int], verb_end: int
    ) -> bool:
        """ "65 dự án … với tổng vốn đăng ký 38.600 tỷ đồng": the figure belongs to the thing counted
        just before; "71 Tổ … với 687 thành viên": the counted noun belongs to it."""
        prev = next(
            (p for p in reversed(before) if p.quantity.unit in {"count", "fraction"} and p.indicator), None
        )
        if prev is None:
            return False
        k = verb_end
        lo = max(prev.qb + 1, verb_end - 8)
        while k > lo:
            p = s.pieces[k - 1]
            if p.text in self.c.strong or p.text == "," or (k - 1) in figures:
                return False
            n = ends_with(s.pieces, k, self.c.with_words)
            if n and not (k - n - 1 >= 0 and s.pieces[k - n - 1].low == "so"):
                words = _clean(s.words(k, verb_end))
                if not words:
                    a = d.qb + 1
                    b, why = self._np_end(s, a, figures)
                    words = _clean(self._phrase(s, a, b)) if a < b else ""
                    d.np, d.np_end = (a, b), why
                    end = s.pieces[b - 1].end if a < b else s.pieces[d.qb].end
                else:
                    end = s.pieces[d.qb].end
                if not words:
                    return False
                d.indicator = f"{words} {prev.indicator}"
                d.mode = "elliptic"
                d.start, d.end = prev.start, end
                return True
            k -= 1
        return False

    # -- readings ------------------------------------------------------------------------
    def _value_first(
        self, s: Sentence, d: Draft, before: list[Draft], figures: set[int], verb_end: int
    ) -> None:
        q = d.quantity
        a = d.qb + 1
        empty = (
            a >= len(s.pieces) or s.pieces[a].text in self.c.strong or s.pieces[a].text in {",", "/", ")"}
        )
        b, why = (a, "boundary") if empty else self._np_end(s, a, figures)
        if b - a >= 3 and q.comparator == ">=" and tuple(p.low for p in s.pieces[b - 2 : b]) in _OR_MORE:
            b -= 2  # "từ 450.000 lượt trở lên": the bound's words, not the indicator's
        d.np, d.np_end = (a, b), why
        d.mode = "value"
        if q.unit in {"VND", "USD"} and (a >= b or self._is_prep(s, a)):
            self._money(s, d, before, figures, verb_end, a, b)
            return
        if q.unit == "%" and a < b and self._rate_before(s, d, verb_end, a, b):
            return
        core = self._strip_lead(s, a, b) if a < b else b
        if core >= b or self._only_change_words(s, core, b) or starts_with(s.pieces, a, self.c.np_stops):
            self._subject_first(s, d, verb_end, before, figures, link_at=None, after_value=(a, b))
            return
        if (
            b - a == 1
            and verb_end > 0
            and s.is_nominal(verb_end - 1)
            and not s.pieces[verb_end - 1].is_number
            and (q.unit == "count" or _is_measure(q.unit))
        ):
            # "khách quốc tế 2,9 triệu lượt": the noun before, the classifier after
            self._subject_first(s, d, verb_end, before, figures, link_at=None)
            if d.indicator:
                return
            d.mode = "value"
        ref = before[-1] if before else None
        if (
            ref is not None
            and ref.mode == "subject"
            and ref.indicator
            and _clean(s.words(a, b)).casefold() == self._noun_after(s, ref, figures).casefold()
        ):
            # "tỷ trọng kinh tế số đạt 20% GRDP … và 30% GRDP": the same indicator again
            d.indicator, d.mode = ref.indicator, "elliptic"
            d.start, d.end = ref.start, s.pieces[b - 1].end
            return
        if starts_with(s.pieces, a, self.c.plan_nouns) and q.unit == "%":
            verb = self._verb_before(s, d.qa)
            if verb is not None:
                vtext = _clean(s.words(*verb))
                sa, sb = self._subject(s, verb[0])
                own = _clean(self._phrase(s, sa, sb)) if sa < sb else ""
                if own and starts_with(s.pieces, sa, self.c.head_cues):
                    # "thu ngân sách hoàn thành 100% dự toán" → "thu ngân sách so với dự toán"
                    d.indicator = _clean(f"{own} so với {self._phrase(s, a, b)}")
                    d.start, d.end = s.pieces[sa].start, s.pieces[b - 1].end
                    return
                same = next(
                    (p for p in reversed(before) if p.indicator.casefold().startswith(vtext.casefold())),
                    None,
                )
                d.indicator = (
                    same.indicator if same is not None else _clean(f"{vtext} {self._phrase(s, a, b)}")
                )
                d.start, d.end = s.pieces[verb[0]].start, s.pieces[b - 1].end
                return
            self._subject_first(s, d, verb_end, before, figures, link_at=None)
            if d.indicator:
                return
            d.mode = "value"
        np_text = s.words(a, b)
        if self._starts_level(s, a):
            ref = before[-1] if before else None
            if ref is not None and ref.indicator:
                d.indicator = _replace_level(ref.indicator, _clean(np_text), self.c)
                d.mode = "elliptic"
                d.start, d.end = s.pieces[d.qa].start, s.pieces[b - 1].end
                return
        d.verb_at = self._first_predicate(s, a, b)
        indicator = self._phrase(s, a, b)
        d.start, d.end = s.pieces[d.qa].start, s.pieces[b - 1].end
        verb = self._verb_before(s, d.qa)
        if (
            verb is not None
            and _counted(q.unit)
            and d.verb_at is not None
            and not starts_with(s.pieces, d.verb_at, self.c.aux_markers)
            and not self._noun_verb_compound(s, verb, a, d.verb_at)
        ):
            # "hỗ trợ hơn 145.000 lượt người dân cài đặt …" → "lượt người dân được hỗ trợ cài đặt …"
            head = _clean(s.words(a, d.verb_at))
            indicator = (
                f"{head} {self._passive(s, verb[0])} {_clean(s.words(*verb))} {_clean(self._phrase(s, d.verb_at, b))}"
            )
            d.start = s.pieces[verb[0]].start
        elif (
            verb is not None
            and self.c.passive_append
            and _counted(q.unit)
            and d.verb_at is None
            and len(_syllables(indicator)) <= self.c.passive_max_syllables
        ):
            agent = self._agent(s, verb[0])
            vtext = s.words(*verb)
            indicator = f"{indicator} {self._passive(s, verb[0])} {agent + ' ' if agent else ''}{vtext}"
            d.start = s.pieces[verb[0]].start
        elif (
            verb is None
            and self.c.passive_append
            and _counted(q.unit)
            and d.verb_at is None
            and len(_syllables(indicator)) <= 2
            and (vo := self._verb_object_before(s, d.qa, figures)) is not None
        ):
            # "xử phạt vi phạm hành chính 37 cơ sở" → "cơ sở được xử phạt vi phạm hành chính"
            v0, v1 = vo
            indicator = f"{indicator} {self._passive(s, v0)} {_clean(s.words(v0, v1))} {_clean(s.words(v1, d.qa))}"
            d.start = s.pieces[v0].start
        d.indicator = _clean(indicator)

    def _passive(self, s: Sentence, verb_at: int) -> str:
        """The passive marker for the verb at ``verb_at``: "bị" for an adverse action done to the counted
        things ("cơ sở bị xử phạt", "cuộc tấn công bị ngăn chặn"), "được" otherwise."""
        return self.c.adverse_passive if starts_with(s.pieces, verb_at, self.c.adverse_verbs) else self.c.passive

    def _verb_object_before(self, s: Sentence, qa: int, figures: set[int]) -> tuple[int, int] | None:
        """An action verb and its object right before a counted value ("xử phạt vi phạm hành chính
        37 cơ sở"): the counted things are what the action was done to. Returns (verb start, object
        start), or None when the words before the value are not a short noun object after such a verb."""
        for k in range(qa - 1, max(0, qa - 6), -1):
            p = s.pieces[k]
            if (
                not p.is_word
                or p.is_number
                or k in figures
                or k in s.figure_ends
                or not (s.is_nominal(k) or s.is_verb(k))
                or starts_with(s.pieces, k, self.c.no_passive_verbs)
                or starts_with(s.pieces, k, self.c.light_verbs)
                or starts_with(s.pieces, k, self.c.skip_before_value)
            ):
                return None
            n = ends_with(s.pieces, k, self.c.action_verbs)
            if n and (k - n) not in s.inner and k not in s.inner:
                return k - n, k
        return None

    def _rate_before(self, s: Sentence, d: Draft, verb_end: int, a: int, b: int) -> bool:
        """ "đạt tỷ lệ bao phủ 87,6% dân số": a rate noun right before the value names the indicator,
        the noun after it is its base ("tỷ lệ bao phủ dân số"), not the indicator itself."""
        if (
            b - a > 4
            or starts_with(s.pieces, a, self.c.np_stops)
            or self._only_change_words(s, a, b)
            or s.pieces[a].low in {"mỗi", "hằng", "hàng", "trở", "so"}
            or not s.is_nominal(a)
            or any(s.is_verb(k) for k in range(a, b))
        ):
            return False
        lo = max(0, verb_end - 8)
        for i in range(verb_end - 2, lo - 1, -1):
            p = s.pieces[i]
            if p.text in self.c.strong or p.text in {",", "(", ")"} or i in s.figure_ends:
                return False
            if not starts_with(s.pieces, i, _RATE_HEADS):
                continue
            if i > 0 and s.pieces[i - 1].low in {"của", "với", "so"}:
                return False
            head = _clean(s.words(i, verb_end))
            d.indicator = _clean(f"{head} {self._phrase(s, a, b)}")
            d.mode = "value"
            d.start, d.end = s.pieces[i].start, s.pieces[b - 1].end
            return True
        return False

    def _noun_verb_compound(self, s: Sentence, verb: tuple[int, int], a: int, verb_at: int) -> bool:
        """ "tổ chức 14 lớp tập huấn …": after a light verb, a verb right after the counted noun
        names a kind of it ("lớp tập huấn"), not what was done to it — no passive rewrite."""
        if starts_with(s.pieces, verb[0], self.c.light_verbs) != verb[1] - verb[0]:
            return False
        return (
            verb_at - a <= 2
            and bool(starts_with(s.pieces, verb_at, self.c.action_verbs))
            and all(s.is_nominal(k) and s.pieces[k].is_word for k in range(a, verb_at))
        )

    def _only_change_words(self, s: Sentence, a: int, b: int) -> bool:
        """A phrase after a value made only of time and change words ("năm 2021 lên")."""
        i = a
        while i < b:
            t = self._time_len(s, i, b)
            if t:
                i += t
                continue
            if s.pieces[i].low in {
                "lên",
                "xuống",
                "còn",
                "so",
                "với",
                "tăng",
                "giảm",
                "mức",
                "mỗi",
                "hằng",
                "hàng",
                "trở",
                "đến",
                "tới",
            }:
                i += 1
                continue
            return False
        return True

    def _agent(self, s: Sentence, verb_at: int) -> str:
        """The doer named before a verb ("Hệ thống thông tin … đã tiếp nhận", "tỉnh đón") — read after
        the last governing verb ("… đề nghị ngành tập trung tuyển dụng" has none)."""
        start = self._clause_start(s, verb_at)
        for i in range(verb_at - 1, start - 1, -1):
            n = ends_with(s.pieces, i + 1, self.c.governing_verbs)
            if n:
                start = i + 1
                break
        a = start
        while a < verb_at and (s.pieces[a].low in {"toàn", "cả", "các"}):
            a += 1
        a += starts_with(s.pieces, a, _IN_WHICH_LEAD)  # "trong đó tiếp nhận …": no doer
        a = self._strip_time(s, a, verb_at)
        b = self._strip_tail(s, a, verb_at)
        if a >= b:
            return ""
        text = _clean(self._phrase(s, a, b))
        syl = _syllables(text)
        if not syl or len(syl) > 14:
            return ""
        return text

    def _strip_time(self, s: Sentence, a: int, b: int) -> int:
        while a < b:
            t = self._time_len(s, a, b)
            if t:
                a += t
                continue
            if s.pieces[a].text in {",", "-", "–"} or s.pieces[a].low in {
                "trong",
                "riêng",
                "đến",
                "nay",
                "hiện",
            }:
                a += 1
                continue
            break
        return a

    def _money(
        self, s: Sentence, d: Draft, before: list[Draft], figures: set[int], verb_end: int, a: int, b: int
    ) -> None:
        """Money after a verb: "bố trí 312 tỷ đồng cho các nhiệm vụ …" → "bố trí cho các nhiệm vụ …"."""
        verb = self._verb_before(s, d.qa)
        if verb is not None and a < b:
            d.indicator = _clean(s.words(*verb) + " " + self._phrase(s, a, b))
            d.start, d.end = s.pieces[verb[0]].start, s.pieces[b - 1].end
            d.mode = "value"
            return
        self._subject_first(s, d, verb_end, before, figures, link_at=None, keep_verb=verb is not None)

    def _subject_first(
        self,
        s: Sentence,
        d: Draft,
        verb_at: int,
        before: list[Draft],
        figures: set[int],
        link_at: int | None,
        keep_verb: bool = False,
        after_value: tuple[int, int] | None = None,
    ) -> None:
        """Indicator before the (linking) verb at ``verb_at``."""
        d.mode = "subject"
        topic_at = -1  # start of a topic read from the clause before
        end = d.qa if keep_verb else verb_at
        if self._comparison(s, d, before, end, figures):
            return
        a, b = self._subject(s, end)
        subject = _clean(self._phrase(s, a, b)) if a < b else ""
        tail = self._trailing_locative(s, d, figures)
        q = d.quantity
        ratio_word = (
            _lookup_forward(s.pieces, link_at, self.c.ratio_verbs)[1] if link_at is not None else None
        )
        ref0 = before[-1] if before else None
        if ref0 is not None and ref0.indicator and subject:
            syl = _syllables(subject)
            if syl in (["tỷ", "lệ"], ["tỉ", "lệ"]):
                subject = (
                    f"{subject} {ref0.indicator}"  # "…, tỷ lệ 62,6%": the rate of what was just counted
                )
            elif a < b and ends_with(s.pieces, a, _IN_WHICH):
                subject = f"{ref0.indicator} {subject}"  # "…, trong đó có bằng cấp, chứng chỉ đạt 32,4%"
            elif (anaphor := self._anaphor(s, a, b)) and ref0.quantity.unit == q.unit:
                # "kinh tế số chiếm 20% GDP; đến năm 2030, tỷ trọng này đạt 30%"
                head = _clean(s.words(a, a + anaphor - 1))
                own = ref0.indicator if _syllables(ref0.indicator)[:2] == _syllables(head)[:2] else (
                    f"{head} {ref0.indicator}"
                )
                subject = _clean(f"{own} {s.words(a + anaphor, b)}")
            else:
                subject = self._parallel_subject(s, ref0, end) or subject
        ref = before[-1] if before else None
        growth = link_at is not None and starts_with(s.pieces, link_at, self.c.growth_verbs)
        if growth and a < b and ends_with(s.pieces, b, self.c.plan_nouns):
            subject = ""  # "Bạc Liêu đặt mục tiêu | tăng trưởng từ 7%": who set the goal, not what grows
        elif self._economy_grows(s, a, b, link_at):
            subject = "tăng trưởng kinh tế"  # "Kinh tế Bạc Liêu năm 2023 tăng 6,79%
        if not subject or self._only_level(subject):
            if growth and not subject:
                clause = self._clause_start(s, link_at)
                when = ""
                for i in range(clause, link_at):
                    t = self._time_len(s, i, link_at)
                    if t:
                        when = _clean(s.words(i, i + t))
                        break
                d.indicator = _clean(f"{s.words(link_at, link_at + growth)} {when}")
                d.start, d.end = s.pieces[clause].start, s.pieces[d.qb].end
                return
            if ref is not None and ref.indicator:
                if subject:
                    d.indicator = _replace_level(ref.indicator, subject, self.c)
                elif (
                    ratio_word
                    and self._noun_after(s, d, figures)
                    and (
                        ratio_word != "so với"
                        or starts_with(s.pieces, d.qb + 1, self.c.plan_nouns)
                        or s.pieces[link_at].low == "bằng"
                    )
                ):
                    d.indicator = f"{ref.indicator} {ratio_word} {self._noun_after(s, d, figures)}"
                elif link_at is not None and starts_with(s.pieces, link_at, self.c.change_words):
                    # "…, bằng 73,1% dự toán …, tăng 6% so với cùng kỳ": the measure grew, not its ratio
                    d.indicator = _VERSUS.split(ref.indicator, maxsplit=1)[0]
                else:
                    d.indicator = ref.indicator
                d.mode = "elliptic"
                d.start = min(ref.start, s.pieces[d.qa].start) if ref.start >= 0 else s.pieces[d.qa].start
                d.end = s.pieces[d.qb].end
                if tail:
                    d.indicator = _replace_level(d.indicator, tail, self.c)
                return
            prev = self._previous_clause_subject(s, a if a < b else end)
            if prev:
                subject = prev
        if not subject:
            if after_value is not None and after_value[0] < after_value[1]:
                subject = _clean(self._phrase(s, *after_value))
            if not subject and q.unit == "%" and not before:
                subject, topic_at = self._previous_clause_topic(s, a if a < b else end)
            if not subject:
                return
        if q.unit == "count" and (link_at is not None or after_value is None):
            noun = self._noun_after(s, d, figures)
            counted_head = a < b and ends_with(s.pieces, b, self.c.count_heads)
            if noun and counted_head and syllable_f1(noun, subject) < 0.5:
                subject = f"{subject} {noun}"  # "nâng tổng số lên 99 xã" → "tổng số xã"
            elif noun and len(_syllables(noun)) >= 2 and syllable_f1(noun, subject) < 0.5:
                subject = f"{noun} {subject}"  # "… đạt trên 56.000 lượt tải về" → "lượt tải về …"
        if tail:
            subject = f"{subject} {tail}"
        elif (
            q.unit == "%"
            and ratio_word == "so với"
            and starts_with(s.pieces, d.qb + 1, self.c.plan_nouns)
            and (base := self._noun_after(s, d, figures))
            and not ends_with(s.pieces, b, self.c.plan_nouns)
            and len(_syllables(subject)) <= 3
            and not all(w[:1].isupper() for w in subject.split())  # "Bù Gia Mập … đạt 71,2% kế hoạch"
        ):
            # "giải ngân đạt 60% kế hoạch vốn": a bare verb names no level of its own, the plan
            # completes it ("giải ngân so với kế hoạch vốn")
            subject = f"{subject} {ratio_word} {base}"
        d.indicator = _clean(subject)
        d.subject = (a, b)
        d.start = s.pieces[a].start if a < b else s.pieces[d.qa].start
        if topic_at >= 0:
            d.start = s.pieces[topic_at].start
        d.end = s.pieces[d.qb].end

    def _economy_grows(self, s: Sentence, a: int, b: int, link_at: int | None) -> bool:
        """ "Kinh tế Lào Cai 9 tháng tăng trưởng 6,82%": the economy (with its place and period only)
        before a growth or increase verb — the figure is the economic growth rate."""
        if link_at is None or a >= b or not (
            starts_with(s.pieces, link_at, self.c.growth_verbs) or s.pieces[link_at].low == "tăng"
        ):
            return False
        n = starts_with(s.pieces, a, self.c.economy_subjects)
        if not n:
            return False
        i = a + n
        while i < b:
            t = self._time_len(s, i, b)
            if t:
                i += t
            elif s.pieces[i].text[:1].isupper() or s.pieces[i].text in {"-", "–"} or starts_with(
                s.pieces, i, self.c.place_words
            ):
                i += 1
            else:
                return False
        return True

    def _anaphor(self, s: Sentence, a: int, b: int) -> int:
        """Pieces of "tỷ lệ này", "tỷ trọng này" opening a subject (a measure named just before), else 0."""
        n = starts_with(s.pieces, a, self.c.head_cues)
        return n + 1 if n and a + n < b and s.pieces[a + n].low == "này" else 0

    def _comparison(self, s: Sentence, d: Draft, before: list[Draft], end: int, figures: set[int]) -> bool:
        """ "…, cao hơn mức giải ngân bình quân cả nước (khoảng 29,4%)", "…, cao hơn mức tăng 5,8% của
        cùng kỳ năm 2023", "…, thấp hơn kế hoạch đề ra là tăng 7%": a figure after a comparative is the
        level compared with. Its indicator is the noun phrase after the comparative when that names a
        measure; when it names only a plan or an earlier period, the measure is the figure's just
        before, for that period ("tốc độ tăng trưởng kinh tế (GRDP) cùng kỳ năm 2023")."""
        start = self._clause_start(s, end)
        stop = end
        if start > 1 and s.pieces[start - 1].text == "(" and start >= end:
            stop = start - 1  # "cao hơn cùng kỳ năm 2023 (đạt 5,84%)"
            start = self._clause_start(s, stop)
        n = starts_with(s.pieces, start, self.c.comparison_words)
        if not n or (start > 0 and s.pieces[start - 1].text not in {",", ";"}):
            return False
        a = start + n
        b = self._strip_tail(s, a, stop)
        core = a + (a < b and s.pieces[a].low == "mức")
        while core < b and (
            n := starts_with(s.pieces, core, self.c.growth_verbs) or starts_with(s.pieces, core, self.c.change_words)
        ):
            core += n
        own = core < b and not starts_with(s.pieces, core, self.c.plan_nouns)
        if own and any(starts_with(s.pieces, k, self.c.head_cues) for k in range(core, b)):
            d.indicator = _clean(self._phrase(s, a, b))  # a measure of its own
        else:
            ref = before[-1] if before else None
            if ref is None or not ref.indicator:
                return False
            measure = regex.split(r"\s+so với\s+", ref.indicator, maxsplit=1)[0]
            where = self._phrase(s, core, b) if own else self._earlier_period(s, d, core, b, figures)
            d.indicator = _clean(f"{measure} {where}")
        d.mode = "elliptic"
        d.start, d.end = s.pieces[a].start, s.pieces[d.qb].end
        return bool(d.indicator)

    def _earlier_period(self, s: Sentence, d: Draft, a: int, b: int, figures: set[int]) -> str:
        """ "cùng kỳ năm 2023" written before the compared figure or after it ("5,8% của cùng kỳ …")."""
        for k in range(a, b):
            if starts_with(s.pieces, k, self.c.same_period_words):
                return _clean(s.words(k, b))
        k = d.qb + 1
        k += starts_with(s.pieces, k, self.c.possessive)
        if starts_with(s.pieces, k, self.c.same_period_words):
            e, _ = self._np_end(s, k, figures)
            return _clean(s.words(k, e))
        return ""

    def _parallel_subject(self, s: Sentence, ref: Draft, end: int) -> str:
        """ "tỷ lệ hồ sơ đăng ký trực tuyến vào lớp 1 đạt 94,3%, vào lớp 6 đạt 91,8%", "mức độ cơ giới
        hóa khâu làm đất đạt 100%, khâu thu hoạch 98%": a short subject right after the figure before
        it, opening with a word of that figure's indicator, swaps in for the indicator's tail from that
        word ("tỷ lệ hồ sơ đăng ký trực tuyến vào lớp 6"). "" when the subject is no such variant."""
        if ref.mode not in {"subject", "elliptic"} or ref.qb + 2 > end:
            return ""
        start = self._clause_start(s, end)
        for _ in range(3):  # back over the short items of a list ("án rất nghiêm trọng, đặc biệt …")
            if start - 2 == ref.qb or start < 2 or s.pieces[start - 1].text != ",":
                break
            prev = self._clause_start(s, start - 1)
            if start - 1 - prev > 5:
                return ""
            start = prev
        if start - 2 != ref.qb or s.pieces[start - 1].text != ",":
            return ""
        start += starts_with(s.pieces, start, self.c.contrast_openers)
        b = self._strip_tail(s, start, end)
        if not 0 < b - start <= 10 or starts_with(s.pieces, start, self.c.head_cues):
            return ""
        words = ref.indicator.split()
        first = s.pieces[start].low
        at = [i for i, w in enumerate(words) if i > 0 and w.casefold() == first]
        if not at:
            return ""
        return _clean(" ".join(words[: at[-1]]) + " " + s.words(start, b))

    def _transfer(self, s: Sentence, d: Draft, prep_at: int, figures: set[int]) -> bool:
        """ "VERB-PHRASE cho 08 huyện, thành phố" → "huyện, thành phố được VERB-PHRASE"."""
        a = d.qb + 1
        b, why = self._np_end(s, a, figures)
        if a >= b:
            return False
        start = self._clause_start(s, prep_at)
        while start >= 2 and s.pieces[start - 1].text == "," and s.is_verb(start - 2) and s.is_verb(start):
            start = self._clause_start(s, start - 1)  # "kiểm tra, rà quét …"
        # the verb phrase starts at the first verb after the subject, light verbs skipped
        vp_start = None
        i = start
        while i < prep_at:
            n = starts_with(s.pieces, i, self.c.light_verbs)
            if n:
                i += n
                vp_start = i
                continue
            if vp_start is not None or s.is_verb(i):
                vp_start = i
                break
            i += 1
        if vp_start is None or vp_start >= prep_at:
            return False
        vp = _clean(s.words(vp_start, prep_at))
        if not vp or len(_syllables(vp)) > 14:
            return False
        # the thing the action is about, when written as the subject ("sóng … đã phủ tới …",
        # "Vé tham quan điện tử đã được áp dụng tại …") — not the doer ("Công an tỉnh đã …")
        subj_a = self._strip_lead(s, start, vp_start)
        subj_b = self._strip_tail(s, subj_a, vp_start)
        passive = any(s.pieces[k].low == self.c.passive for k in range(subj_b, vp_start))
        subject = _clean(self._phrase(s, subj_a, subj_b)) if subj_a < subj_b else ""
        after_figure = subj_a > 0 and (subj_a - 1) in s.figure_ends  # the noun counted before, no subject
        if subject and not after_figure and (
            passive or (subject[:1].islower() and not starts_with(s.pieces, subj_a, self.c.place_words))
        ):
            vp = f"{vp} {subject}"
        np_text = self._phrase(s, a, b)
        d.vp = vp
        d.indicator = _clean(f"{_clean(np_text)} {self.c.passive} {vp}")
        d.mode = "transfer"
        d.np, d.np_end = (a, b), why
        d.start, d.end = s.pieces[vp_start].start, s.pieces[b - 1].end
        return True

    def _rank(self, s: Sentence, d: Draft, before: list[Draft], figures: set[int]) -> None:
        d.mode = "rank"
        verb = self._rank_verb(s, d.qa)
        # "… xếp thứ 13/63 tỉnh thành về Chỉ số …": what follows "về"
        j = d.qb + 1
        while j < len(s.pieces) and j - d.qb < 16:
            p = s.pieces[j]
            if p.text in self.c.strong or j in figures or p.is_number:
                break
            n = starts_with(s.pieces, j, self.c.rank_about)
            if n:
                b, _ = self._np_end(s, j + n, figures, rank=True)
                if b > j + n:
                    d.indicator = _clean(self._phrase(s, j + n, b))
                    subject_a, _ = self._subject(s, verb)
                    d.start = s.pieces[min(subject_a, d.qa)].start
                    d.end = s.pieces[b - 1].end
                    return
                break
            g = starts_with(s.pieces, j, self.c.rank_group_words)
            if not g:
                break
            j += g
        a, b = self._subject(s, verb)
        subject = self._drop_place(_clean(self._phrase(s, a, b))) if a < b else ""
        if subject:
            d.indicator = subject
            d.start, d.end = s.pieces[a].start, s.pieces[d.qb].end
            return
        clause = self._strong_start(s, verb)
        ref = before[-1] if before else None
        if ref is not None and ref.indicator and ref.qa >= clause:
            d.indicator = ref.indicator
            d.start, d.end = ref.start, s.pieces[d.qb].end
            return
        prev = self._previous_clause_subject(s, verb)
        if prev:
            d.indicator = self._drop_place(prev) or prev
            d.start, d.end = s.pieces[clause].start, s.pieces[d.qb].end
            return
        head = self._rank_head(s, clause, verb)
        if head is not None:
            d.indicator = _clean(self._phrase(s, *head))
            d.start, d.end = s.pieces[head[0]].start, s.pieces[d.qb].end

    def _strong_start(self, s: Sentence, end: int) -> int:
        for i in range(end - 1, -1, -1):
            if s.pieces[i].text in self.c.strong:
                return i + 1
        return 0

    def _rank_step(self, s: Sentence, d: Draft, before: list[Draft]) -> bool:
        """ "…, tăng 9 bậc": the rank named just before; "thứ hạng chung … tăng 5 bậc": its subject."""
        verb = self._skip_back(s, d.qa, self.c.skip_before_value)
        verb -= ends_with(s.pieces, verb, self.c.linking.get("count", {}))
        a, b = self._subject(s, verb)
        subject = _clean(self._phrase(s, a, b)) if a < b else ""
        if subject and not self._only_level(subject):
            d.indicator, d.mode = subject, "step"
            d.start, d.end = s.pieces[a].start, s.pieces[d.qb].end
            return True
        ref = next((p for p in reversed(before) if p.quantity.unit == "rank" and p.indicator), None)
        if ref is None:
            return False
        d.indicator = f"{self.c.rank_change_prefix} {ref.indicator}"
        d.mode = "step"
        d.start, d.end = ref.start, s.pieces[d.qb].end
        return True

    # -- a figure restated in parentheses ------------------------------------------------
    def _parenthetical_figures(self, s: Sentence, drafts: list[Draft], figures: set[int]) -> None:
        """ "1.965 trường (94,2%) đã triển khai học bạ số", "3.412/4.206 hộ (đạt 81,1%) có …",
        "100% cơ sở … (31/31 cơ sở) đã triển khai …": the parenthesis restates the figure before it in
        another unit, so both take the value-first noun phrase plus the predicate after the ")"."""
        for k, d in enumerate(drafts):
            if d.mode != "value" or d.np is None or d.np_end != "stop" or not d.indicator:
                continue
            open_at = d.np[1]
            if open_at >= len(s.pieces) or s.pieces[open_at].text != "(":
                continue
            close = _closing(s.pieces, open_at)
            if close is None or close - open_at - 1 > self.c.max_parenthetical:
                continue
            inside = [e for e in drafts[k + 1 :] if open_at < e.qa and e.qb < close]
            if len(inside) != 1:
                continue
            a = close + 1
            if a >= len(s.pieces) or not (
                starts_with(s.pieces, a, self.c.aux_markers) or self._verbish(s, a)
            ):
                continue
            b, why = self._np_end(s, a, figures)
            if b <= a:
                continue
            predicate = _clean(self._phrase(s, a, b))
            if not predicate:
                continue
            d.indicator = _clean(f"{d.indicator} {predicate}")
            d.end = s.pieces[b - 1].end
            d.np_end = why
            e = inside[0]
            e.indicator, e.mode = d.indicator, "elliptic"
            e.start, e.end = d.start, d.end

    # -- a figure inside the complement of another -----------------------------------------
    def _complement_figures(self, s: Sentence, drafts: list[Draft]) -> None:
        """ "286 sản phẩm nông sản của 112 hợp tác xã … được đưa lên các sàn …", "14 lớp tập huấn …
        cho gần 900 lượt hộ": the first phrase does not end on "của"/"cho" — the preposition goes,
        and a predicate written after the second figure ("được đưa lên …") is the first one's too."""
        for d, e in pairwise(drafts):
            if d.mode != "value" or d.np is None or d.np_end != "figure" or d.np[1] != e.qa:
                continue
            a, b = d.np
            prep = ends_with(s.pieces, b, self.c.possessive) or ends_with(s.pieces, b, self.c.transfer_preps)
            if not prep or b - prep <= a:
                continue
            own = _clean(self._phrase(s, a, b - prep))
            if not own or not d.indicator.startswith(own):
                continue
            predicate = ""
            if (
                ends_with(s.pieces, b, self.c.possessive)
                and e.mode == "value"
                and e.np is not None
                and e.verb_at is not None
                and starts_with(s.pieces, e.verb_at, self.c.aux_markers)
            ):
                predicate = _clean(s.words(e.verb_at, e.np[1]))
            d.indicator = _clean(f"{own} {predicate}") if predicate else own
            if predicate:
                d.end = s.pieces[e.np[1] - 1].end
                d.verb_at = e.verb_at  # its predicate is given: not to be shared again
            else:
                d.end = s.pieces[b - prep - 1].end

    # -- coordinated figures -------------------------------------------------------------
    def _share_predicates(self, s: Sentence, drafts: list[Draft]) -> None:
        """Give a predicate written once to every coordinated figure ("95% …, 75% … và 40% … được
        xử lý …"), and an elliptic figure ("91% tại cấp huyện") the head noun of the first."""
        group: list[Draft] = []
        for d in [*drafts, None]:
            if (
                d is not None
                and d.mode in {"value", "transfer", "elliptic"}
                and d.np is not None
                and (not group or group[-1].np_end == "figure")
            ):
                group.append(d)
                continue
            if len(group) >= 2:
                self._distribute(s, group)
            group = [d] if d is not None and d.mode in {"value", "transfer"} and d.np is not None else []

    def _distribute(self, s: Sentence, group: list[Draft]) -> None:
        first, last = group[0], group[-1]
        if first.mode == "transfer" and first.vp:
            for d in group[1:]:
                if (
                    d.mode == "value"
                    and d.np is not None
                    and d.verb_at is None
                    and d.quantity.unit == first.quantity.unit
                ):
                    d.indicator = _clean(f"{_clean(self._phrase(s, *d.np))} {self.c.passive} {first.vp}")
                    d.mode = "transfer"
            return
        if last.mode != "value" or last.verb_at is None or last.np is None:
            return
        if not starts_with(s.pieces, last.verb_at, self.c.aux_markers):
            return
        predicate = _clean(s.words(last.verb_at, last.np[1]))
        if not predicate:
            return
        for d in group[:-1]:
            if d.mode != "value" or d.verb_at is not None or d.np is None:
                continue
            if d.quantity.unit != last.quantity.unit and not _shares(d.quantity.unit, last.quantity.unit):
                continue
            d.indicator = _clean(f"{d.indicator} {predicate}")
        # elliptic members ("91% tại cấp huyện") take the first member's head noun
        if first.np is None:
            return
        head_end = self._head_end(s, *first.np)
        head_noun = _clean(s.words(first.np[0], head_end)) if head_end > first.np[0] else ""
        for d in group[1:]:
            if d.np is None or not head_noun or not self._starts_level(s, d.np[0]):
                continue
            own = _clean(s.words(d.np[0], d.verb_at if d.verb_at is not None else d.np[1]))
            d.indicator = _clean(f"{head_noun} {own} {predicate}")
            d.mode = "value"

    # -- "lần lượt": figures paired with the items of a list -------------------------------
    def _respectively(self, s: Sentence, drafts: list[Draft]) -> None:
        """ "Tỷ lệ hồ sơ … ở cấp tỉnh, huyện, xã lần lượt đạt 98%, 90% và 70%": the n figures after
        "lần lượt" + a linking verb take, in order, the n items that close the subject; a later item
        swaps in for the end of the first ("… ở cấp huyện"). Left alone when the list is not there."""
        k = 0
        while k < len(drafts):
            d = drafts[k]
            k += 1
            verb_end = self._skip_back(s, d.qa, self.c.skip_before_value)
            link = max((ends_with(s.pieces, verb_end, v) for v in self.c.linking.values()), default=0)
            r = ends_with(s.pieces, verb_end - link, self.c.respectively)
            if not r:
                continue
            group = [d]
            while k < len(drafts) and all(
                s.pieces[j].low == "," or starts_with(s.pieces, j, self.c.coordinators) == 1
                for j in range(group[-1].qb + 1, drafts[k].qa)
            ) and drafts[k].qa > group[-1].qb + 1:
                group.append(drafts[k])
                k += 1
            end = self._strip_tail(s, 0, verb_end - link - r)
            items = self._list_items(s, end, len(group))
            if items is None:
                continue
            (fa, fb), rest = items[0], items[1:]
            first = [s.pieces[j].text for j in range(fa, fb)]
            texts = [_clean(s.words(fa, fb))]
            for a, b in rest:
                own = [s.pieces[j].text for j in range(a, b)]
                at = [i for i, w in enumerate(first) if i > 0 and w.casefold() == own[0].casefold()]
                prep = [i + 1 for i, w in enumerate(first)
                        if 0 < i < len(first) - 1 and w.casefold() in self.c.list_of_preps]
                # "Tỷ lệ tốt nghiệp của các trường THPT …, trung tâm giáo dục …": after the preposition
                cut = at[-1] if at else max(1, len(first) - len(own))
                if not at and prep and cut < prep[-1]:
                    cut = prep[-1]
                texts.append(_clean(s.words(fa, fa + cut) + " " + s.words(a, b)))
            if whole := self._share_of(s, group, verb_end - link, {e.qa for e in drafts}):
                texts = [f"{t} {whole}" for t in texts]
            for e, text in zip(group, texts, strict=True):
                e.indicator, e.mode = text, "elliptic"
                e.start, e.end = s.pieces[fa].start, s.pieces[e.qb].end

    def _share_of(self, s: Sentence, group: list[Draft], link_at: int, figures: set[int]) -> str:
        """The whole the shares of a "lần lượt chiếm" list are parts of ("Khách Hàn Quốc và Trung Quốc lần lượt
        chiếm 52% và 21% tổng lượng khách quốc tế" → "… trong tổng lượng khách quốc tế"); "" when the verb
        is not a share verb or no noun follows the last figure. Ratios against a plan ("so với") are left
        to the subject reading."""
        word = _lookup_forward(s.pieces, link_at, self.c.ratio_verbs)[1]
        if not word or word == "so với" or group[-1].quantity.unit != "%":
            return ""
        a = group[-1].qb + 1
        b, _ = self._np_end(s, a, figures)
        b = next((j for j in range(a, b) if s.pieces[j].text == ","), b)  # a list after a comma is a new clause
        return f"{word} {_clean(self._phrase(s, a, b))}" if a < b else ""

    def _list_items(self, s: Sentence, end: int, n: int) -> list[tuple[int, int]] | None:
        """The last ``n`` items of the list ending at ``end`` ("A …, B, C" / "A … và B"), the first one
        back to its clause's start; None when the later items are not short nouns."""
        bounds: list[tuple[int, int]] = []
        b = end
        j = end - 1
        while j >= 0 and len(bounds) < n - 1:
            p = s.pieces[j]
            if p.text in self.c.strong or j in s.figure_ends or p.text in {"(", ")"}:
                return None
            if p.text == "," or p.low == "và":
                if not 0 < b - j - 1 <= (_MAX_LAST_ITEM if b == end else _MAX_ITEM):
                    return None
                bounds.append((j + 1, b))
                b = j
            j -= 1
        if len(bounds) < n - 1:
            return None
        a = b
        while a > 0 and s.pieces[a - 1].text not in self.c.strong and (a - 1) not in s.figure_ends:
            a -= 1
        a = self._strip_lead(s, a, b)
        for i in range(a, b):  # an indicator opener inside the clause wins
            if starts_with(s.pieces, i, self.c.head_cues):
                a = i
                break
        if b - a < 2:
            return None
        return [(a, b), *reversed(bounds)]

    # -- phrase edges --------------------------------------------------------------------
    def _np_end(self, s: Sentence, a: int, figures: set[int], rank: bool = False) -> tuple[int, str]:
        """End (exclusive) of the noun phrase read after a value, and why it ended."""
        seen_verb = False
        j = a
        n = len(s.pieces)
        while j < n:
            p = s.pieces[j]
            if j in figures and j != a:
                return j, "figure"
            if p.text == "(":
                close = _closing(s.pieces, j)
                if close is None:
                    return j, "boundary"
                if close - j - 1 > self.c.max_parenthetical or any(k in figures for k in range(j, close)):
                    return j, "stop"
                j = close + 1
                continue
            if p.text == ")" or p.text in self.c.strong:
                return j, "boundary"
            if (
                j > a
                and starts_with(s.pieces, j, self.c.np_stops)
                and not (s.pieces[j - 1].low == self.c.passive and starts_with(s.pieces, j, _PASSIVE_VERBS))
                and not self._identity(s, a, j)
            ):
                return j, "stop"
            if (
                j > a
                and starts_with(s.pieces, j, self.c.with_words)
                and any(k in figures for k in range(j + 1, j + 6))
            ):
                return j, "stop"
            if (
                j > a
                and (n_dl := starts_with(s.pieces, j, self.c.deadline_words))
                and j + n_dl < n
                and s.pieces[j + n_dl].is_number
            ):
                return j, "stop"  # "100% vốn được giao | trước 31/12/2024": the deadline, not the indicator
            if p.text == ",":
                if not self._comma_continues(s, a, j, figures, seen_verb, rank):
                    nxt = j + 1
                    return j, "figure" if nxt in figures else "stop"
                j += 1
                continue
            c = starts_with(s.pieces, j, self.c.coordinators)
            if c and j > a:
                if j + c in figures:
                    return j, "figure"
                if starts_with(s.pieces, j + c, self.c.aux_markers):
                    return j, "stop"  # "2/11 nhiệm vụ và chưa thực hiện …": a new predicate
            if j > a and s.is_verb(j) and s.is_nominal(j - 1):
                seen_verb = True
            j += 1
        return j, "boundary"

    def _identity(self, s: Sentence, a: int, j: int) -> bool:
        """Is the copula at ``j`` part of the phrase after a value ("46% dân số là đồng bào dân tộc thiểu số")?

        A short head noun then "là" and a noun names the share of a group that belongs to a kind, so
        the kind is part of what is counted; after a longer phrase, before a verb or before names "là" starts a
        comment or an apposition.
        """
        n = starts_with(s.pieces, j, self.c.identity_copulas)
        if not n or j + n >= len(s.pieces) or len(_syllables(s.words(a, j))) > self.c.max_identity_head:
            return False
        nxt = s.pieces[j + n]
        if not nxt.is_word or nxt.is_number or nxt.text[:1].isupper():
            return False  # "2 huyện là Trà Ôn và Tam Bình": names the items, not a kind
        return s.is_nominal(j + n) and not s.is_verb(j + n)

    def _comma_continues(
        self, s: Sentence, a: int, j: int, figures: set[int], seen_verb: bool, rank: bool
    ) -> bool:
        """Is the comma at ``j`` inside the phrase (a list "xã, phường, thị trấn", "tiếp nhận, xử lý")?"""
        nxt = j + 1
        n = len(s.pieces)
        if nxt >= n or nxt in figures or rank:
            return False
        if starts_with(s.pieces, nxt, self.c.np_stops) or s.pieces[nxt].text in self.c.strong:
            return False
        if starts_with(s.pieces, nxt, self.c.comparison_words):
            return False  # "đạt 55,7% kế hoạch, cao hơn mức bình quân …": a comparison, a clause of its own
        if nxt + 1 < n and s.pieces[nxt + 1].low == s.pieces[j - 1].low and s.pieces[j - 1].is_word:
            return True  # "khám bệnh, chữa bệnh": parallel compounds
        if any(k in figures for k in range(nxt + 1, min(n, nxt + 3))):
            return False  # "… dự toán Trung ương giao, tăng 6%", "…, đạt 90,2%": a new clause around a figure
        before_verb, after_verb = s.is_verb(j - 1), self._verbish(s, nxt)
        if before_verb and after_verb:
            return True
        if ends_with(s.pieces, j, self.c.level_words) and starts_with(s.pieces, nxt, self.c.level_words):
            return True  # "cơ quan nhà nước cấp tỉnh, cấp huyện sử dụng …": a list of levels ("cấp" tags as a verb)
        if seen_verb:
            return False
        # the list item after the comma: up to the next comma, coordinator, predicate or boundary
        k = nxt
        while k < n and k - nxt < 11:
            p = s.pieces[k]
            if p.text in {",", "(", ")"} or p.text in self.c.strong or k in figures:
                break
            if starts_with(s.pieces, k, self.c.coordinators) or starts_with(
                s.pieces, k, self.c.aux_markers
            ):
                break
            if k > nxt and self._verbish(s, k):
                break
            k += 1
        item = k - nxt
        if k in figures or (k < n and s.pieces[k].is_number):
            return False  # ", tăng 35%": a new clause around another figure
        segment_start = a
        for m in range(j - 1, a - 1, -1):
            if s.pieces[m].text == ",":
                segment_start = m + 1
                break
        if s.pieces[nxt].low == "cấp" or s.pieces[nxt].low == s.pieces[segment_start].low:
            return True
        if (
            any(s.pieces[m].low in {"trên", "tại", "ở", "của", "thuộc"} for m in range(nxt + 1, k))
            and item <= 9
        ):
            return True  # "cơ sở lưu trú, nhà hàng trên địa bàn thành phố đã …": an item with its place
        ends_list = k < n and (s.pieces[k].text == "," or starts_with(s.pieces, k, self.c.coordinators))
        if ends_list and item <= 10 and not after_verb:
            return True  # "cán bộ, công chức cấp huyện, cấp xã …"
        if j - segment_start <= 2 and item <= 2 and s.is_nominal(j - 1) and not after_verb:
            return True  # "thôn, buôn", "xã, phường"
        if j - segment_start <= 2 and segment_start > a and item <= 6 and not after_verb:
            return True  # inside a list of short nouns ("đảng viên, cán bộ, công chức, viên chức trên …")
        if (
            segment_start == a
            and j - a <= 2
            and item <= 6
            and not after_verb
            and s.is_nominal(nxt)
            and k < n
            and self._verbish(s, k)
            and not starts_with(s.pieces, k, self.c.aux_markers)
        ):
            return True  # "100% trường học, cơ sở y tế công lập thu phí …": two kinds sharing one predicate
        return 0 < item <= 4 and not after_verb

    def _verbish(self, s: Sentence, i: int) -> bool:
        """A verb by the tagger, or a verb the cue lists know (the tagger misses many)."""
        return s.is_verb(i) or bool(starts_with(s.pieces, i, self.c.action_verbs))

    def _subject(self, s: Sentence, end: int) -> tuple[int, int]:
        """Pieces [a, b) of the indicator written before the verb at ``end``."""
        end = self._skip_back(s, end, self.c.skip_before_value)
        start = self._clause_start(s, end)
        start = self._merge_segments(s, start, end)
        a, b = start, end
        for i in range(end - 1, start, -1):  # "… tăng cao giúp | kinh tế Hải Dương tăng trưởng 9,01%"
            n = ends_with(s.pieces, i, self.c.subject_openers)
            if n and (i - n) not in s.inner and i not in s.inner:
                a = i
                break
        # an indicator opener inside the clause wins ("phấn đấu tốc độ tăng trưởng …")
        for i in range(a, b):
            if starts_with(s.pieces, i, self.c.head_cues) and not (i > a and s.pieces[i - 1].low == "("):
                a = i
                break
        else:
            a = self._strip_lead(s, a, b)
        b = self._strip_tail(s, a, b)
        return a, self._drop_named_subject(s, a, b)

    def _drop_named_subject(self, s: Sentence, a: int, b: int) -> int:
        """ "Chỉ số SIPAS năm 2020, Nghệ An đạt 87,92%": a fronted topic opening with an indicator
        word, then the place as the grammatical subject — the indicator is the topic."""
        if b - a < 3 or not starts_with(s.pieces, a, self.c.head_cues):
            return b
        comma = next((k for k in range(b - 1, a, -1) if s.pieces[k].text == ","), None)
        if comma is None or b - comma - 1 > 6 or comma - a < 2:
            return b
        tail = s.pieces[comma + 1 : b]
        if tail and all(p.is_word and p.text[:1].isupper() and not p.text.isupper() for p in tail):
            return comma
        return b

    def _clause_start(self, s: Sentence, end: int) -> int:
        i = end - 1
        depth = 0
        while i >= 0:
            p = s.pieces[i]
            if p.text == ")":
                depth += 1
            elif p.text == "(":
                if depth == 0:
                    return i + 1
                depth -= 1
            elif (
                depth == 0
                and p.text == ","
                and 0 < i < len(s.pieces) - 1
                and s.pieces[i - 1].is_number
                and s.pieces[i + 1].is_number
            ):
                pass  # "mức độ 3, 4"
            elif (depth == 0 and (p.text in self.c.strong or p.text == ",")) or (
                depth == 0 and self._figure_end_at(s, i)
            ):
                return i + 1
            i -= 1
        return 0

    def _figure_end_at(self, s: Sentence, i: int) -> bool:
        """Is piece ``i`` the last piece of some figure (a subject never spans a figure)?"""
        return i in s.figure_ends

    def _merge_segments(self, s: Sentence, start: int, end: int | None = None) -> int:
        """Join comma segments of one noun phrase: "tỷ lệ số hóa, kết quả giải quyết …",
        "giá trị sản xuất nông, lâm, thủy sản của tỉnh": back across short list items to a segment
        that opens with an indicator word."""
        if (
            starts_with(s.pieces, start, self.c.head_cues)
            or starts_with(s.pieces, start, self.c.lead_strip)
            or self._starts_time(s, start)
        ):
            return start
        cursor = start
        for _ in range(6):
            if cursor < 2 or s.pieces[cursor - 1].text != ",":
                return start
            prev = self._clause_start(s, cursor - 1)
            if prev > 0 and (prev - 1) in s.figure_ends:
                return start
            if any(s.pieces[k].text in self.c.strong for k in range(prev, cursor - 1)):
                return start
            stripped = self._strip_lead(s, prev, cursor - 1)
            if starts_with(s.pieces, stripped, self.c.head_cues):
                limit = _MAX_NAMES_LIST_SEGMENT if self._names_go_on(s, cursor, end) else 12
                return prev if cursor - 1 - stripped <= limit else start
            if (
                end is not None
                and cursor == start
                and end - start <= 2
                and not s.pieces[start].text[:1].isupper()
                and 0 < cursor - 1 - stripped <= 3
                and not any(s.is_verb(k) for k in range(stripped, cursor - 1))
            ):
                return prev  # two short nouns: "bằng cấp, chứng chỉ đạt 32,4%", "thôn, bản …"
            if cursor - 1 - prev > 2:
                return start  # not a short list item: a clause of its own
            cursor = prev
        return start

    def _names_go_on(self, s: Sentence, cursor: int, end: int | None) -> bool:
        """ "… của huyện Võ Nhai, Định Hóa dao động …": the segment after the comma only adds a place
        name to the one closing the segment before — a list of names, not a clause of its own."""
        if end is None or end <= cursor or end - cursor > 4 or cursor < 2:
            return False
        before = s.pieces[cursor - 2]
        return before.is_word and before.text[:1].isupper() and all(
            s.pieces[k].is_word and s.pieces[k].text[:1].isupper() and _not_acronym(s.pieces[k].text)
            for k in range(cursor, end)
        )

    def _strip_lead(self, s: Sentence, a: int, b: int) -> int:
        changed = True
        while changed and a < b:
            changed = False
            n = starts_with(s.pieces, a, self.c.lead_strip)
            if n and a + n <= b:
                a += n
                changed = True
                continue
            t = self._time_len(s, a, b)
            if t:
                a += t
                changed = True
                continue
            if s.pieces[a].text in {",", "-", "–"}:
                a += 1
                changed = True
        return a

    def _strip_tail(self, s: Sentence, a: int, b: int) -> int:
        changed = True
        while changed and b > a:
            changed = False
            n = ends_with(s.pieces, b, self.c.skip_before_value)
            if n and b - n >= a and (b - n) not in s.inner:
                b -= n
                changed = True
                continue
            n = ends_with(s.pieces, b, self.c.adverbs_if_tagged)
            if n and b - n >= a and s.tag(b - n) == "R":
                b -= n
                changed = True
                continue
            if s.pieces[b - 1].text in {",", "-", "–"}:
                b -= 1
                changed = True
                continue
            cut = self._time_tail(s, a, b)
            if cut < b:
                b = cut
                changed = True
                continue
            # a trailing duration "9 tháng", "6 tháng đầu năm"
            for k in range(max(a, b - 5), b):
                if s.pieces[k].is_number and k + 1 < b and s.pieces[k + 1].low == "tháng":
                    if k > a:
                        b = k
                        changed = True
                    break
        return b

    def _time_tail(self, s: Sentence, a: int, b: int) -> int:
        """Start of a time span closing a subject ("giải ngân vốn đầu tư công | từ đầu năm đến ngày
        29/2/2024"): the figure's period, not part of what is measured; ``b`` when there is none."""
        for k in range(a + 1, b):
            if not starts_with(s.pieces, k, self.c.time_span_openers) or (k - 1) in s.inner:
                continue
            span = s.pieces[k:b]
            if any(p.is_number for p in span) and all(
                p.is_number or p.text in {"/", "-", "–", "."} or (p.low,) in self.c.time_span_words.get(1, ())
                for p in span
            ):
                return k
        return b

    def _time_len(self, s: Sentence, a: int, b: int) -> int:
        """Length of a time adverbial at ``a`` ("năm 2023", "6 tháng đầu năm", "quý I/2023")."""
        i = a
        p = s.pieces
        if i < b and p[i].is_number and i + 1 < b and p[i + 1].low in {"tháng", "năm", "quý"}:
            i += 2
        elif starts_with(p, i, self.c.time_words):
            i += starts_with(p, i, self.c.time_words)
        else:
            return 0
        while i < b and (
            p[i].is_number
            or p[i].text in {"/", "-", "–"}
            or p[i].low
            in {
                "đầu",
                "cuối",
                "năm",
                "qua",
                "nay",
                "này",
                "trước",
                "tới",
                "i",
                "ii",
                "iii",
                "iv",
                "đến",
                "hết",
                "tháng",
                "còn",
                "lại",
                "của",
                "tiên",
                "sau",
            }
        ):
            if p[i].low == "của" and not (i + 1 < b and p[i + 1].low == "năm"):
                break
            i += 1
        return i - a

    def _starts_time(self, s: Sentence, a: int) -> bool:
        return self._time_len(s, a, len(s.pieces)) > 0

    def _skip_back(self, s: Sentence, end: int, phrases: Phr) -> int:
        while end > 0:
            n = ends_with(s.pieces, end, phrases)
            if not n or (end - n) in s.inner:
                break  # "hiện" of "thực hiện" is no adverb
            end -= n
        return end

    def _is_prep(self, s: Sentence, a: int) -> bool:
        return starts_with(s.pieces, a, self.c.money_purpose_preps) > 0

    def _starts_level(self, s: Sentence, a: int) -> bool:
        if a >= len(s.pieces):
            return False
        n = starts_with(s.pieces, a, self.c.locatives)
        k = a + n
        return k < len(s.pieces) and s.pieces[k].low == "cấp"

    def _only_level(self, text: str) -> bool:
        """ "cấp huyện", "khu vực nông thôn": a level or an area alone, no measure — the figure is the
        one just named, for that level or area."""
        syl = _syllables(text)
        if syl and len(syl) <= 4 and self._is_area(text):
            return True
        return (
            bool(syl)
            and len(syl) <= 4
            and "cấp" in syl
            and syl[-1] in {"tỉnh", "huyện", "xã", "thôn", "trung", "ương", "cơ", "sở"}
        )

    def _is_area(self, text: str) -> bool:
        """ "khu vực nông thôn", "vùng cao", "đô thị": an area word, opened by an area noun or alone."""
        pieces = _own_pieces(text)
        a = starts_with(pieces, 0, self.c.area_openers)
        n = starts_with(pieces, a, self.c.area_words)
        return bool(n) and a + n == len(pieces)

    def _head_end(self, s: Sentence, a: int, b: int) -> int:
        """End of the head noun of a phrase: before its first locative ("văn bản đi, đến | tại cấp tỉnh")."""
        for i in range(a, b):
            if i > a and (starts_with(s.pieces, i, self.c.locatives) or s.pieces[i].low == "cấp"):
                return i
        return a

    def _first_predicate(self, s: Sentence, a: int, b: int) -> int | None:
        """First piece of the predicate inside a value-first phrase ("… cấp xã | được xử lý …")."""
        seen_noun = False
        for i in range(a, b):
            if s.pieces[i].low in {"được", "đã", "đang", "sẽ", "chưa", "bị"} and seen_noun:
                return i
            if s.is_verb(i) and seen_noun and i > a:
                return i
            if s.is_nominal(i):
                seen_noun = True
        return None

    def _verb_before(self, s: Sentence, qa: int) -> tuple[int, int] | None:
        """The verb (run of verb pieces) right before a value ("kích hoạt được 28.640 …")."""
        end = self._skip_back(s, qa, self.c.skip_before_value)
        if end <= 0:
            return None
        manner = ends_with(s.pieces, end, self.c.verb_modifiers)
        if manner and end - manner > 0 and (end - manner) not in s.inner:
            # "tiếp nhận trực tuyến 98.215 hồ sơ": the verb with its manner word
            verb = self._verb_at(s, end - manner)
            return (verb[0], end) if verb is not None else None
        return self._verb_at(s, end)

    def _verb_at(self, s: Sentence, end: int) -> tuple[int, int] | None:
        """The run of verb pieces ending just before ``end``."""
        if end <= 0:
            return None
        refused = ends_with(s.pieces, end, self.c.no_passive_verbs)
        if refused and (end - refused) not in s.inner:
            return None
        action = ends_with(s.pieces, end, self.c.action_verbs)
        if action and (end - action) not in s.inner:
            a = end - action
            while a > 1:
                n = ends_with(s.pieces, a, self.c.action_verbs)
                if n:
                    a -= n  # "triển khai thực hiện"
                elif s.pieces[a - 1].text == "," and ends_with(s.pieces, a - 1, self.c.action_verbs):
                    a -= 1 + ends_with(s.pieces, a - 1, self.c.action_verbs)  # "cắt giảm, đơn giản hóa"
                else:
                    break
            return a, end
        if not s.is_verb(end - 1):
            return None
        a = end - 1
        while a > 0:
            if (
                s.is_verb(a - 1)
                and not ends_with(s.pieces, a, self.c.light_verbs)
                and not ends_with(s.pieces, a, self.c.aux_markers)
            ):
                a -= 1
            elif a > 1 and s.pieces[a - 1].text == "," and s.is_verb(a - 2):
                a -= 1  # "tiếp nhận, xử lý 312.450 hồ sơ"
            else:
                break
        return a, end

    def _noun_after(self, s: Sentence, d: Draft, figures: set[int]) -> str:
        a = d.qb + 1
        b, _ = self._np_end(s, a, figures)
        return _clean(self._phrase(s, a, b)) if a < b else ""

    def _trailing_locative(self, s: Sentence, d: Draft, figures: set[int]) -> str:
        """ "đạt 81,6% ở cấp tỉnh" / "lên 85% tại khu vực đô thị": the place the figure is for."""
        a = d.qb + 1
        n = starts_with(s.pieces, a, self.c.locatives)
        if not n or s.pieces[a].low == "trên":
            return ""
        b, _ = self._np_end(s, a + n, figures)
        if b <= a + n:
            return ""
        return _clean(s.words(a, b))

    def _previous_clause_subject(self, s: Sentence, end: int) -> str:
        """The indicator of the clause before (", xếp thứ 12/63" after "Chỉ số … đạt 67,43 điểm")."""
        i = end - 1
        while i >= 0 and s.pieces[i].text != ",":
            if s.pieces[i].text in self.c.strong:
                return ""
            i -= 1
        if i <= 0:
            return ""
        for j in range(i - 1, -1, -1):
            if s.pieces[j].text in self.c.strong:
                break
            for kind in ("percent",):
                n = ends_with(s.pieces, j + 1, self.c.linking[kind]) if kind in self.c.linking else 0
                if n and j + 1 - n > 0:
                    a, b = self._subject(s, j + 1 - n)
                    text = _clean(self._phrase(s, a, b)) if a < b else ""
                    if text:
                        return text
        return ""

    def _previous_clause_topic(self, s: Sentence, end: int) -> tuple[str, int]:
        """ "… đẩy nhanh giải ngân, đến ngày 30/6 phải đạt trên 50% kế hoạch vốn", "thị trường khách
        Trung Quốc mở cửa trở lại chậm, mới đạt trên dưới 30%": a clause with no subject of its own
        continues the one before it; its indicator is what that clause is about — from an indicator
        word to the clause's end, else the clause's opening noun phrase, up to its verb; with the
        piece it starts at ("", -1 when there is none)."""
        i = self._clause_start(s, end)
        if i < 2 or s.pieces[i - 1].text != ",":
            return "", -1
        b = i - 1
        a = self._clause_start(s, b)
        if a > 0 and (a - 1) in s.figure_ends:
            return "", -1
        for k in range(a, b):
            n = starts_with(s.pieces, k, self.c.head_cues)
            if n:
                stop = next((j for j in range(k + n + 1, b) if s.is_verb(j)), b)
                return _clean(self._phrase(s, k, self._strip_tail(s, k, stop))), k
        a = self._strip_lead(s, a, b)
        if a >= b or (a > 0 and not s.pieces[a].text[:1].islower()) or not s.is_nominal(a):
            return "", -1
        if any(ends_with(s.pieces, j, self.c.governing_verbs) for j in range(a + 1, b + 1)):
            return "", -1  # "Ông … cho biết, …": a clause of speech, no topic
        verb = next((k for k in range(a + 1, b) if s.is_verb(k)), None)
        if verb is None or verb - a > 8:
            return "", -1
        return _clean(self._phrase(s, a, verb)), a

    def _rank_verb(self, s: Sentence, qa: int) -> int:
        n = ends_with(s.pieces, qa, self.c.linking.get("rank", {}))
        end = qa - n
        while end > 0 and s.pieces[end - 1].low in {"được", "đã", "vẫn", "tiếp", "tục"}:
            end -= 1
        return end

    def _rank_head(self, s: Sentence, start: int, end: int) -> tuple[int, int] | None:
        """The name of a ranked index written earlier in the clause ("Theo kết quả Bộ Chỉ số … (DTI)
        năm 2022 vừa được công bố, Bà Rịa - Vũng Tàu xếp thứ 6/63")."""
        for i in range(start, end):
            n = starts_with(s.pieces, i, self.c.rank_heads)
            if n:
                j = i + n
                while (
                    j < end
                    and s.pieces[j].text not in self.c.strong
                    and s.pieces[j].text != ","
                    and s.pieces[j].low not in {"vừa", "được", "do", "của", "đã", "mới"}
                ):
                    if s.pieces[j].text == "(":
                        close = _closing(s.pieces, j)
                        j = (close + 1) if close is not None else j + 1
                        continue
                    j += 1
                return i, j
        return None

    def _drop_place(self, subject: str) -> str:
        """ "Chỉ số … năm 2022 của Hải Dương" → without the possessive place; a bare place → ""."""
        m = regex.search(r"\s+của\s+(?:tỉnh|huyện|thành phố|TP\.?|\p{Lu}[\p{L}\s\-–]*)$", subject)
        if m:
            subject = subject[: m.start()]
        words = subject.split()
        if words and all(w[:1].isupper() or w in {"-", "–"} for w in words):
            return ""
        if subject.casefold() in {"tỉnh", "huyện", "thành phố", "tỉnh ta", "địa phương"}:
            return ""
        return subject

    def _phrase(self, s: Sentence, a: int, b: int) -> str:
        """Text of pieces [a, b) without long parentheticals ("(sau khi hoàn thành …)")."""
        parts: list[str] = []
        i = a
        seg = a
        while i < b:
            if s.pieces[i].text == "(":
                close = _closing(s.pieces, i)
                if close is not None and close < b and close - i - 1 > self.c.max_parenthetical:
                    parts.append(s.words(seg, i))
                    i = close + 1
                    seg = i
                    continue
            i += 1
        parts.append(s.words(seg, b))
        return " ".join(x for x in parts if x)

    def _metric(self, d: Draft) -> Metric:
        q = d.quantity
        start = min(d.start, q.start_char) if d.start >= 0 else q.start_char
        end = max(d.end, q.end_char)
        return Metric(
            indicator=d.indicator,
            value=q.value,
            unit=q.unit,
            text="",
            start_char=start,
            end_char=end,
            comparator=q.comparator,
            denominator=q.denominator,
            value_max=q.value_max,
            change=q.change,
            value_start_char=q.start_char,
            value_end_char=q.end_char,
        )


_NOT_MEASURES = frozenset({"%", "count", "fraction", "rank", "VND", "USD"})
# a row of a list: a bullet, a label with no figure, a colon ("- Huyện Châu Thành: 81,2%")
_AT = regex.compile(r"(?:ở|tại)\s+")  # a locative opening a level ("ở khu vực nông thôn")
_LIST_ROW = regex.compile(r"[\-+•*–]\s*([^:\d\n]{1,60}?)\s*:\s*\S")


_MAX_PART_SYLLABLES = 4
_MAX_ITEM = 6  # pieces of another item of such a list ("trường THPT ngoài công lập")
_MAX_LAST_ITEM = 12  # pieces of the last item of a "lần lượt" list ("trung tâm giáo dục nghề nghiệp - …")
_MAX_NAMES_LIST_SEGMENT = 20  # pieces of an indicator segment a list of place names may close


def _code_colon(text: str, p: Piece) -> Piece:
    """A colon with no space on either side is inside a code ("QCVN 01-1:2018/BYT"), no clause end:
    the piece is given another character (its offsets, and so the text read, are unchanged)."""
    if (
        p.text == ":"
        and p.start > 0
        and p.end < len(text)
        and text[p.start - 1].isalnum()
        and text[p.end].isalnum()
    ):
        return Piece("\u2236", "\u2236", p.start, p.end)
    return p


def _ends_with_colon(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` end with ":" (trailing spaces aside)? Read without a copy."""
    k = end - 1
    while k >= start and text[k].isspace():
        k -= 1
    return k >= start and text[k] == ":"


def _own_pieces(text: str) -> list[Piece]:
    """Pieces of a short string of our own (``pieces_of`` caches the document's; not this)."""
    return [Piece(m.group(), m.group().casefold(), m.start(), m.end()) for m in _PIECE.finditer(text)]


def _not_acronym(word: str) -> bool:
    """ "GRDP", "SIPAS" name a measure; "TP" (thành phố) opens a place name."""
    return not word.isupper() or len(word) <= 2


@dataclass
class _Context:
    """What the sentences read so far leave to the next ones (see ``IndicatorFinder._in_context``)."""

    heading: dict[str, str] | None = None  # after a list heading: its measure, by unit
    previous: list[Metric] = field(default_factory=list)  # the metrics of the last sentence with figures
    last: dict[str, Metric] = field(default_factory=dict)  # the last metric naming its measure, by unit


def _is_measure(unit: str) -> bool:
    """A physical unit ("tấn", "ha", "tấn/ha"): every unit that is no percentage, count, rank or money."""
    return unit not in _NOT_MEASURES


def _counted(unit: str) -> bool:
    """Counts, fractions and physical measures name what they count after the unit ("3 ha lúa …")."""
    return unit in {"count", "fraction"} or _is_measure(unit)


_SHARES = frozenset({"%", "fraction"})


def _shares(a: str, b: str) -> bool:
    """ "100% bệnh viện tuyến tỉnh và 11/11 trung tâm y tế … đã triển khai …": a percentage and a
    fraction both give the share of a group, so coordinated they share one predicate."""
    return a in _SHARES and b in _SHARES


_STEP = _phrases(["bậc", "hạng", "vị trí"])
_RATE_HEADS = _phrases(["tỷ lệ", "tỉ lệ"])
_IN_WHICH_LEAD = _phrases(["trong đó", "trong số đó"])
_PASSIVE_VERBS = _phrases(["đưa", "nâng"])  # clause-opening verbs that are a predicate after "được"
_OR_MORE = {("trở", "lên"), ("trở", "xuống")}
_IN_WHICH = _phrases(["trong đó có", "trong số đó có"])


def _name_then_word(pieces: Sequence[Piece], k: int) -> bool:
    """ "quý I ước đạt", "tỉnh Hưng Yên ước tăng": the segmenter glues a lower-case word to the
    capitalised name before it ("I ước", "Hưng Yên ước"); a name ends at its last capital, so the
    lower-case piece opens a word of its own. A capital that only opens the sentence ("Thực hiện")
    is no name."""
    prev, text = pieces[k - 1].text, pieces[k].text
    return text[:1].islower() and prev[:1].isupper() and (k > 1 or prev.isupper())


def _closing(pieces: Sequence[Piece], i: int) -> int | None:
    depth = 0
    for k in range(i, min(len(pieces), i + 60)):
        if pieces[k].text == "(":
            depth += 1
        elif pieces[k].text == ")":
            depth -= 1
            if depth == 0:
                return k
    return None


def _replace_level(indicator: str, level: str, cues: Cues | None) -> str:
    """Put ``level`` ("cấp huyện", "ở cấp xã") where ``indicator`` names its level, or append it."""
    level = level.strip()
    lvl = regex.sub(r"^(?:ở|tại|trên)\s+", "", level)
    matches = list(regex.finditer(r"(?:(?:ở|tại)\s+)?cấp\s+\p{L}+(?:,\s*cấp\s+\p{L}+)*", indicator))
    if matches:
        m = matches[-1]
        prefix = _AT.match(m.group())
        keep = prefix.group() if prefix and not _AT.match(level) else ""
        return indicator[: m.start()] + keep + level + indicator[m.end() :]
    if lvl and lvl.casefold() in indicator.casefold():
        return indicator
    if (area := _area_in(indicator, lvl, cues)) is not None:
        # "… chất thải rắn sinh hoạt đô thị được thu gom" for "khu vực nông thôn": the area swaps in
        at = level if _AT.match(level) else f"ở {level}"
        return indicator[: area.start()] + at + indicator[area.end() :]
    return f"{indicator} {level}"


def _area_in(indicator: str, level: str, cues: Cues | None) -> regex.Match | None:
    """Where ``indicator`` names an area other than ``level`` (only when ``level`` is an area)."""
    if cues is None:
        return None
    low = level.casefold()
    words = [" ".join(k) for n in cues.area_words.values() for k in n]
    if not any(w in low for w in words):
        return None
    for w in sorted(words, key=len, reverse=True):
        if w in low:
            continue
        m = regex.search(rf"(?<!\w)(?:(?:ở|tại)\s+)?(?:khu vực\s+)?{regex.escape(w)}(?!\w)", indicator, regex.I)
        if m:
            return m
    return None


def dedupe(metrics: list[Metric], title_end: int = -1) -> list[Metric]:
    """One metric per figure repeated in the title/sapo and the body (the body's is kept). A title is
    telegraphic ("Sơn La tăng 9 bậc Chỉ số chuyển đổi số"): a title figure whose indicator names only
    a place is the figure the body reports again with the same value and unit."""
    kept: list[Metric] = []
    for m in sorted(metrics, key=lambda m: (m.start_char < title_end, m.start_char)):
        in_title = m.start_char < title_end and _only_names(m.indicator)
        twin = next(
            (
                k
                for k in kept
                if k.unit == m.unit
                and abs(k.value - m.value) < 1e-9
                and (
                    k.denominator == m.denominator
                    or (in_title and m.denominator is None and k.unit == "rank")
                )
                and (in_title or syllable_f1(k.indicator, m.indicator) >= 0.5)
            ),
            None,
        )
        if twin is None:
            kept.append(m)
    return sorted(kept, key=lambda m: m.start_char)


_MAX_OBJECT_PIECES = 6


def _nearest_object(text: str, start: int, end: int, heads: Phr, stops: Phr) -> str:
    """The last noun phrase opened by one of ``heads`` in ``text[start:end]`` ("nguồn vốn kéo dài"),
    ended by a stop word, a number or punctuation; "" when none, or when the head stands alone
    ("tổng vốn 23.560 tỷ đồng" names no fund)."""
    pieces = pieces_of(text, start, end)
    for k in range(len(pieces) - 1, -1, -1):
        n = starts_with(pieces, k, heads)
        if not n:
            continue
        if k > 0 and starts_with(pieces, k - 1, heads) > n:
            k, n = k - 1, starts_with(pieces, k - 1, heads)
        j = k + n
        while (
            j < len(pieces)
            and j - k < _MAX_OBJECT_PIECES
            and pieces[j].is_word
            and not pieces[j].is_number
            and not starts_with(pieces, j, stops)
        ):
            j += 1
        return text[pieces[k].start : pieces[j - 1].end] if j > k + n else ""
    return ""


def _only_names(indicator: str) -> bool:
    """An indicator made only of capitalised words ("Sơn La", "Hậu Giang"): a place, no measure."""
    words = [w for w in indicator.split() if w not in {"-", "–"}]
    return bool(words) and all(w[:1].isupper() for w in words)


def finalize_text(text: str, metric: Metric) -> Metric:
    metric.text = text[metric.start_char : metric.end_char]
    return metric


class IndicatorsComponent:
    """spaCy component: ``doc._.metrics`` from ``doc._.quantities``."""

    def __init__(self, cues: str) -> None:
        self.cues = cues
        self.finder = IndicatorFinder(Cues.load(cues))

    def __call__(self, doc: Doc) -> Doc:
        quantities = doc._.quantities or []
        if not quantities or not len(doc):
            doc._.metrics = []
            return doc
        text = doc_text(doc)
        sentences = sentence_spans(doc)
        meta = doc._.meta or {}
        title = meta.get("title") if isinstance(meta, dict) else None
        title_end = len(title) if title and text.startswith(title) else -1
        words = doc_words(doc)
        word_starts = {start for start, _ in words}
        metrics = self.finder.metrics(text, sentences, quantities, title_end, word_starts, words)
        doc._.metrics = [finalize_text(text, m) for m in metrics]
        return doc


@Language.factory("vnm_indicators", default_config={"cues": "indicator_cues.json"})
def make(nlp: Language, name: str, cues: str) -> IndicatorsComponent:
    return IndicatorsComponent(cues)
