"""The title grammar: HEAD + organisation phrase, read forward from a head word.

    title  := prefix* head qualifier* tail
    tail   := ( known-org | org-head | unit place? | closing-org | abbreviation
              | capitalised org word | lower-case complement )*

The tail ends at punctuation (except inside a known organisation name such as "Sở Văn hóa,
Thể thao và Du lịch" or "Ban Kinh tế - Ngân sách"), at a predicate ("chủ trì", "cho biết"),
at a lower-case word after a complete organisation ("UBND tỉnh | chủ trì"), at a line break
(unless the title is visibly unfinished: "Trưởng Ban chỉ đạo về⏎Chuyển đổi số tỉnh"), at the
next title, or at a personal name: a capitalised run after the organisation, cut by
``names.split_run`` into the place the title ends with and the name that follows
("UBND huyện Mèo Vạc | Thào Mí Páo").
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .evidence import Evidence
from .lexicon import Head, Lexicon, Org, Unit
from .names import split_run
from .runs import is_abbreviation, is_separator, org_follows, run_end, starts_title
from .syllables import Tok, adjacent

MAX_TAIL = 24  # tokens after the head; longer tails are cut at the last complete organisation
_SPACES = regex.compile(r"\s+")
_DETERMINERS = frozenset({"một", "các", "những", "nhiều", "mọi"})
_COMPLETE = frozenset({"unit", "place", "closing", "known"})  # states after which lower case ends a title
_OPEN = frozenset({"org", "free", "open"})  # states inside an organisation phrase


@dataclass
class Title:
    """One title as written, with what the grammar found inside it."""

    start: int  # first token
    end: int  # token after the last title token
    head: Head
    head_start: int
    head_end: int
    prefix: str  # "Phó", "Quyền"… as written, or ""
    qualifier: str  # "Thường trực", "phụ trách"… as written, or ""
    org: Org | None
    org_start: int | None
    org_end: int | None  # token after the organisation's head or known name
    unit: Unit | None
    unit_start: int | None
    place: str | None  # place name the title ends with ("Bát Xát")
    place_span: tuple[int, int] | None
    name: tuple[int, int] | None  # tokens of the personal name written right after the title
    text: str  # as written, whitespace collapsed
    start_char: int
    end_char: int
    plural: bool = False  # "các Phó Chủ tịch UBND tỉnh …": a list of names may follow
    colon: bool = False  # "Phó Chủ tịch UBND tỉnh: A, B"


class _Tail:
    """Reads the organisation phrase after a head, one token at a time (one instance per title)."""

    def __init__(self, lex: Lexicon, tokens: list[Tok], text: str, evidence: Evidence, start: int,
                 head_end: int, j: int) -> None:
        self.lex, self.tokens, self.text, self.evidence = lex, tokens, text, evidence
        self.head_end = head_end
        self.j = j
        self.state = "head"  # head | org | open | known | unit | place | closing | free
        self.org: Org | None = None
        self.org_start: int | None = None
        self.org_end: int | None = None
        self.unit: Unit | None = None
        self.unit_start: int | None = None
        self.place: str | None = None
        self.place_span: tuple[int, int] | None = None
        self.name: tuple[int, int] | None = None
        self.last_good = j  # end of the title read so far
        self.last_complete = j  # end of the last complete organisation
        self.places_follow = False
        self.private = False
        # written after its holder ("Tẩn Láo Lở, Chủ tịch UBND huyện …"): a name is unlikely to follow
        self.chain = start >= 2 and is_separator(tokens[start - 1]) and tokens[start - 2].is_word \
            and tokens[start - 2].name_shape

    def read(self) -> None:
        while self.j < len(self.tokens) and not self.private:
            if self.j - self.head_end > MAX_TAIL:
                self.last_good = self.last_complete
                return
            if not self._step(self.tokens[self.j]):
                return

    # -- transitions --------------------------------------------------------

    def _advance(self, n: int, state: str, complete: bool = False) -> bool:
        self.j += n
        self.last_good = self.j
        if complete:
            self.last_complete = self.j
        self.state = state
        return True

    def _take_org(self, org: Org, n: int, state: str = "org") -> bool:
        if self.org is None:
            self.org, self.org_start, self.org_end = org, self.j, self.j + n
        self.places_follow = org.places_follow or org.known or state == "closing"
        return self._advance(n, state, complete=True)

    def _step(self, tok: Tok) -> bool:
        lex, tokens, text, j = self.lex, self.tokens, self.text, self.j
        if tok.is_break:
            if self._continues():
                self.j += 1
                return True
            return False
        if j > self.head_end and "\n" not in text[tokens[j - 1].end : tok.start] \
                and not adjacent(tokens, j, text):
            return False
        known = lex.orgs.match(tokens, j, text)  # punctuation included ("Ban Kinh tế - Ngân sách")
        if known and (tok.cap or self.state in ("head", "org")):
            return self._take_org(known[1], known[0], "open" if known[1].open else "known")
        if tok.kind == "p":
            return False
        if tok.text[0].isdigit():  # "Đề án 06"
            return self.state in _OPEN and self._advance(1, self.state)
        if (self.state == "head" and tok.key in _DETERMINERS) or (
                tok.key not in _DETERMINERS and lex.private_markers.match(tokens, j, text)):
            self.private = True  # "Giám đốc một doanh nghiệp tư nhân", "Công ty TNHH": not an office
            return False
        if self.state in _COMPLETE and self._continuation(tok):
            return True
        closing = lex.closing.match(tokens, j, text) if tok.cap else None
        if closing:  # "Tỉnh ủy" before "tỉnh": the unit word starts it too
            head = lex.org_heads.match(tokens, j, text)
            org = head[1] if head and head[0] == closing[0] else \
                Org(" ".join(t.text for t in tokens[j : j + closing[0]]), None, "party", True)
            return self._take_org(org, closing[0], "closing")
        # right after the head, "thôn" may be one word with it ("Trưởng thôn"): still the unit
        unit = lex.unit_at(tokens, j, text, self.evidence.token_inside if j > self.head_end else None)
        if unit and (not tok.cap or tok.key in ("tp", "tp.") or self.state in ("org", "known", "open")):
            self.unit, self.unit_start = unit[1], j
            return self._advance(unit[0], "unit", complete=True)
        return self._lower(tok) if not tok.cap else self._capital(tok)

    def _continuation(self, tok: Tok) -> bool:
        """"chi nhánh", "của Quốc hội" after a complete organisation."""
        lex, tokens, text, j = self.lex, self.tokens, self.text, self.j
        cont = lex.continuations.match(tokens, j, text)
        if cont and not tok.cap:
            return self._advance(cont[0], "org")
        if tok.key == "của" and org_follows(tokens, j + 1, text, lex):
            self.j += 1
            self.state = "org"
            return True
        return False

    def _lower(self, tok: Tok) -> bool:
        lex, tokens, text, j = self.lex, self.tokens, self.text, self.j
        if tok.key == "và" and self.state in (*_OPEN, "known") and self._and_continues():
            self.j += 1  # "Vụ Kết cấu hạ tầng và đô thị Lê Tuấn Phong"
            self.state = "free"
            return True
        if tok.key == "các" and self.state in ("org", "open", "free") and self._plural_continues():
            return self._advance(1, "free")  # "Ban Chỉ đạo các Chương trình mục tiêu quốc gia"
        if self._predicate(j) or lex.title_stops.match(tokens, j, text):
            return False
        head = lex.org_heads.match(tokens, j, text)
        if head and self.state in ("head", "free", "org", "open"):
            return self._take_org(head[1], head[0])
        if self.state in _COMPLETE or self.state == "head":
            return False
        return self._advance(1, "free")  # "chuyển đổi số", "về", "phụ trách", "chi nhánh"

    def _capital(self, tok: Tok) -> bool:
        lex, tokens, text, j = self.lex, self.tokens, self.text, self.j
        if self.state == "unit" or self.places_follow:
            extra = lex.places_extra.match(tokens, j, text)
            if extra and extra[0] > 1 and any(t.kind == "p" for t in tokens[j : j + extra[0]]):
                self.place = text[tok.start : tokens[j + extra[0] - 1].end]  # "Bà Rịa - Vũng Tàu"
                self.place_span = (j, j + extra[0])
                return self._advance(extra[0], "place", complete=True)
        if starts_title(tokens, j, text, lex):
            return False  # the next title begins ("… UBND tỉnh Trưởng Ban …")
        if is_abbreviation(tok):
            head = lex.org_heads.match(tokens, j, text)
            if head:
                return self._take_org(head[1], head[0])
            return self._advance(1, "org", complete=True)
        if tok.name_shape:
            return self._run()
        return self._advance(1, "free" if self.state != "head" else "org")  # "TT&TT", "06-NQ/TU"

    def _run(self) -> bool:
        """A run of capitals: words of the organisation, a place, and/or the holder's name."""
        lex, tokens, text, j = self.lex, self.tokens, self.text, self.j
        end = run_end(tokens, j, text, lex)
        n = end - j
        if end < len(tokens) and tokens[end].is_word and not tokens[end].cap and adjacent(tokens, end, text) \
                and self._word_continues(end, n):
            n -= 1  # "Dân tộc", "Giám sát": a capitalised word of the organisation's name
        head = lex.org_heads.match(tokens, j, text)
        if n == 0:
            if head:
                return self._take_org(head[1], head[0])
            return self._advance(1, "free")
        if head and self.unit is None and self.state in ("head", "org", "free", "open") \
                and (head[0] >= 2 or n == 1 or (tokens[j].key,) not in lex.surnames.entries):
            return self._take_org(head[1], head[0])  # "Sở", "Hội", "Viettel" written with a capital
        split = split_run(tokens[j : j + n], lex, self.evidence, self.unit if self.state == "unit" else None,
                          self.places_follow, self.chain, level=self.org.level if self.org else None)
        if split.place:
            self.place = " ".join(t.text for t in tokens[j : j + split.place])
            self.place_span = (j, j + split.place)
            self._advance(split.place, "place", complete=True)
        if split.name:
            self.name = (self.j, self.j + split.name)
            return False
        return True

    # -- look-ahead ---------------------------------------------------------

    def _and_continues(self) -> bool:
        """"và" inside an organisation name: lower-case words, then the holder's name."""
        lex, tokens, text = self.lex, self.tokens, self.text
        k = self.j + 1
        if k + 1 < len(tokens) and tokens[k].name_shape and not starts_title(tokens, k, text, lex) \
                and tokens[k + 1].is_word and not tokens[k + 1].cap and adjacent(tokens, k + 1, text) \
                and not lex.predicates.match(tokens, k + 1, text) \
                and not lex.honorifics.match(tokens, k, text):
            return True  # "Cục Kinh tế số và Xã hội số", "Chi cục Trồng trọt và Bảo vệ thực vật"
        while k < len(tokens) and k - self.j <= 6 and tokens[k].is_word and not tokens[k].cap:
            if tokens[k].key == "các" and k == self.j + 1:
                k += 1
                continue
            if lex.predicates.match(tokens, k, text) or lex.title_stops.match(tokens, k, text) \
                    or lex.honorifics.match(tokens, k, text) or lex.ranks.match(tokens, k, text):
                return False
            k += 1
        if k == self.j + 1 or k >= len(tokens) or not tokens[k].name_shape:
            return False
        if lex.heads.match(tokens, k, text) or lex.honorifics.match(tokens, k, text):
            return False
        return run_end(tokens, k, text, lex) - k >= lex.min_name

    def _predicate(self, k: int) -> bool:
        """A predicate starts at ``k`` — unless underthesea reads it as part of a longer word
        ("việc làm", "giao thông": not the verbs "làm", "giao")."""
        m = self.lex.predicates.match(self.tokens, k, self.text)
        if not m:
            return False
        inside = self.evidence.token_inside
        after = k + m[0]
        return not (self.tokens[k].start in inside
                    or (after < len(self.tokens) and self.tokens[after].start in inside))

    def _plural_continues(self) -> bool:
        """"các" + a noun of the organisation's name, not "các huyện", "các cấp", "các sở"."""
        lex, tokens, text = self.lex, self.tokens, self.text
        k = self.j + 1
        if k >= len(tokens) or not tokens[k].is_word or not adjacent(tokens, k, text):
            return False
        return not (lex.unit_at(tokens, k, text) or lex.org_heads.match(tokens, k, text)
                    or lex.plural_stops.match(tokens, k, text) or lex.predicates.match(tokens, k, text)
                    or lex.title_stops.match(tokens, k, text) or starts_title(tokens, k, text, lex))

    def _word_continues(self, k: int, run_length: int) -> bool:
        """Lower-case token ``k`` continues the capitalised word before it ("Dân | tộc")."""
        lex, tokens, text = self.lex, self.tokens, self.text
        if lex.predicates.match(tokens, k, text) or lex.title_stops.match(tokens, k, text) \
                or lex.units.match(tokens, k, text) or lex.connectors.match(tokens, k, text):
            return False
        return tokens[k].start in self.evidence.token_inside or run_length == 1

    def _continues(self) -> bool:
        """A line break inside a title: the title so far is visibly unfinished."""
        nxt = self.j + 1
        if nxt >= len(self.tokens) or not self.tokens[nxt].is_word or self.last_good != self.j:
            return False
        if self.lex.connectors.match(self.tokens, self.j - 1, self.text):
            return True  # "… Ban chỉ đạo về⏎Chuyển đổi số tỉnh"
        return self.state == "head" and org_follows(self.tokens, nxt, self.text, self.lex)


class TitleScanner:
    """Reads titles forward from head words; one instance per lexicon (no per-document state)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def scan(self, tokens: list[Tok], i: int, text: str, evidence: Evidence) -> Title | None:
        """The title starting at token ``i``, or None when no title starts there."""
        lex = self.lex
        j, prefix = self._prefixes(tokens, i, text)
        hm = lex.heads.match(tokens, j, text)
        if not hm or not self._head_allowed(tokens, i, j, hm[0], hm[1], bool(prefix), text):
            return None
        head_start, head_end = j, j + hm[0]
        j, qualifier = self._qualifiers(tokens, head_end, text)
        if hm[1].needs_org and not org_follows(tokens, j, text, lex):
            return None
        if not tokens[head_start].cap and not prefix and hm[0] < 2 \
                and not (lex.org_heads.match(tokens, j, text) or lex.unit_at(tokens, j, text)):
            return None  # a lower-case one-word head needs its organisation ("trưởng ban")
        tail = _Tail(lex, tokens, text, evidence, i, head_end, j)
        tail.read()
        if tail.private:
            return None
        return self._title(tokens, text, i, hm[1], head_start, head_end, prefix, qualifier, tail)

    def _prefixes(self, tokens: list[Tok], i: int, text: str) -> tuple[int, str]:
        j, parts = i, []
        for _ in range(2):
            m = self.lex.prefixes.match(tokens, j, text)
            if not m or not self.lex.heads.match(tokens, j + m[0], text):
                break
            parts.append(" ".join(t.text for t in tokens[j : j + m[0]]))
            j += m[0]
        return j, " ".join(parts)

    def _head_allowed(self, tokens: list[Tok], i: int, j: int, hlen: int, head: Head, prefixed: bool,
                      text: str) -> bool:
        if head.cap_only and not tokens[j].cap:
            return False
        if not tokens[i].cap and not prefixed and (head.cap_only or (hlen < 2 and not head.needs_org)):
            return False
        return not (i > 0 and self.lex.blockers.match(tokens, i - 1, text) and adjacent(tokens, i, text))

    def _qualifiers(self, tokens: list[Tok], j: int, text: str) -> tuple[int, str]:
        start, parts = j, []
        while j < len(tokens):
            m = self.lex.qualifiers.match(tokens, j, text)
            if not m or (j > start and not adjacent(tokens, j, text)):
                break
            parts.append(" ".join(t.text for t in tokens[j : j + m[0]]))
            j += m[0]
        return j, " ".join(parts)

    def _title(self, tokens: list[Tok], text: str, i: int, head: Head, head_start: int, head_end: int,
               prefix: str, qualifier: str, tail: _Tail) -> Title:
        end = tail.last_good
        while end > head_end and tokens[end - 1].is_word:
            m = self.lex.connectors.match(tokens, end - 1, text)
            if not m or m[0] != 1:
                break
            end -= 1  # "… Ban Chỉ đạo về" without what it is about
        name = tail.name if tail.name is not None and tail.name[0] == end else None
        start_char, end_char = tokens[i].start, tokens[end - 1].end
        return Title(
            start=i, end=end, head=head, head_start=head_start, head_end=head_end, prefix=prefix,
            qualifier=qualifier, org=tail.org, org_start=tail.org_start, org_end=tail.org_end, unit=tail.unit,
            unit_start=tail.unit_start, place=tail.place, place_span=tail.place_span, name=name,
            text=_SPACES.sub(" ", text[start_char:end_char]).strip(), start_char=start_char,
            end_char=end_char, colon=end < len(tokens) and tokens[end].text == ":",
        )
