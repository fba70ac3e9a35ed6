"""The title grammar: HEAD + organisation phrase, read forward from a head word.

    title  := prefix* head qualifier* tail
    tail   := ( known-org | org-head | unit place? | closing-org | abbreviation
              | capitalised org word | lower-case complement )*

The tail ends at punctuation (except inside a known organisation name such as "Sở Văn hóa,
Thể thao và Du lịch" or "Ban Kinh tế - Ngân sách"), at a predicate ("chủ trì", "cho biết"),
at a lower-case word after a complete organisation ("UBND tỉnh | chủ trì"), at a line break
(unless the title is visibly unfinished: "Trưởng Ban chỉ đạo về⏎Chuyển đổi số tỉnh"), or at a
personal name: a capitalised run after the organisation, cut by ``names.split_run`` into the
place the title ends with and the name that follows ("UBND huyện Mèo Vạc | Thào Mí Páo").

``describe`` turns a title into what it means: canonical title, organisation, level and
province; ``title_key``/``same_office`` compare two titles the way the gold does (a shorter or
longer writing of the same office is the same office).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from .lexicon import Head, Lexicon, Org, Unit
from .names import Evidence, split_run
from .syllables import Tok, adjacent, is_vietnamese_syllable

MAX_TAIL = 24  # tokens after the head; longer tails are cut at the last complete organisation
_SEPARATORS = {",", "-", "–", "—"}
_SPACES = regex.compile(r"\s+")
_DETERMINERS = {"một", "các", "những", "nhiều", "mọi"}


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
    unit: Unit | None
    place: str | None  # place name the title ends with ("Bát Xát")
    name: tuple[int, int] | None  # tokens of the personal name written right after the title
    text: str  # as written, whitespace collapsed
    start_char: int
    end_char: int
    plural: bool = False  # "các Phó Chủ tịch UBND tỉnh …": a list of names may follow
    colon: bool = False  # "Phó Chủ tịch UBND tỉnh: A, B"


@dataclass(frozen=True)
class Meaning:
    canonical: str
    organization: str | None
    level: str | None
    kind: str | None
    province: str | None  # a province the title itself names


def _is_abbreviation(tok: Tok) -> bool:
    return tok.is_word and tok.upper and not is_vietnamese_syllable(tok.text)


def run_end(tokens: list[Tok], i: int, text: str, lex: Lexicon, limit: int = 10) -> int:
    """End of the run of name-shaped syllables starting at ``i`` (stops before a title word)."""
    j = i
    while j < len(tokens) and j - i < limit:
        tok = tokens[j]
        if not (tok.is_word and tok.name_shape) or (j > i and not adjacent(tokens, j, text)):
            break
        if j > i and _starts_title_word(tokens, j, text, lex):
            break
        j += 1
    return j


def _starts_title_word(tokens: list[Tok], j: int, text: str, lex: Lexicon) -> bool:
    """A capitalised syllable that opens a multi-syllable title/honorific ("Chủ tịch", "Phó Chủ tịch")."""
    for table in (lex.heads, lex.honorifics, lex.ranks, lex.closing):
        m = table.match(tokens, j, text)
        if m and m[0] >= 2:
            return True
    m = lex.prefixes.match(tokens, j, text)
    return bool(m and lex.heads.match(tokens, j + m[0], text))


def _starts_title(tokens: list[Tok], j: int, text: str, lex: Lexicon) -> bool:
    m = lex.prefixes.match(tokens, j, text)
    return bool(lex.heads.match(tokens, j + (m[0] if m else 0), text))


def _glued(tokens: list[Tok], j: int, evidence: Evidence) -> bool:
    """Token ``j`` (lower case) is written in one underthesea word with the capital before it."""
    return tokens[j].start in evidence.token_inside


def _org_follows(tokens: list[Tok], j: int, text: str, lex: Lexicon) -> bool:
    if j >= len(tokens):
        return False
    head = lex.org_heads.match(tokens, j, text)
    return bool(lex.orgs.match(tokens, j, text) or (head and not head[1].weak)
                or lex.unit_at(tokens, j, text) or lex.closing.match(tokens, j, text)
                or _is_abbreviation(tokens[j]))


class TitleScanner:
    """Reads titles forward from head words; one instance per lexicon (no per-doc state)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def scan(self, tokens: list[Tok], i: int, text: str, evidence: Evidence) -> Title | None:
        """The title starting at token ``i``, or None when no head starts there."""
        lex = self.lex
        j = i
        prefix_parts: list[str] = []
        for _ in range(2):
            m = lex.prefixes.match(tokens, j, text)
            if m and lex.heads.match(tokens, j + m[0], text):
                prefix_parts.append(" ".join(t.text for t in tokens[j : j + m[0]]))
                j += m[0]
            else:
                break
        hm = lex.heads.match(tokens, j, text)
        if not hm:
            return None
        hlen, head = hm
        head_start, head_end = j, j + hlen
        if not tokens[i].cap and not prefix_parts and (head.cap_only or hlen < 2 and not head.needs_org):
            return None
        if head.cap_only and not tokens[head_start].cap:
            return None
        j = head_end
        qualifier_parts: list[str] = []
        while j < len(tokens):
            m = lex.qualifiers.match(tokens, j, text)
            if not m or (j > head_end and not adjacent(tokens, j, text)):
                break
            qualifier_parts.append(" ".join(t.text for t in tokens[j : j + m[0]]))
            j += m[0]
        if head.needs_org and not _org_follows(tokens, j, text, lex):
            return None
        if i > 0 and lex.blockers.match(tokens, i - 1, text) and adjacent(tokens, i, text):
            return None
        if not tokens[head_start].cap and not prefix_parts and hlen < 2 and not lex.org_heads.match(tokens, j, text) \
                and not lex.unit_at(tokens, j, text):
            return None
        return self._tail(tokens, i, j, text, evidence, head, head_start, head_end,
                          " ".join(prefix_parts), " ".join(qualifier_parts))

    def _tail(self, tokens: list[Tok], i: int, j: int, text: str, evidence: Evidence, head: Head,
              head_start: int, head_end: int, prefix: str, qualifier: str) -> Title | None:
        lex = self.lex
        # written after its holder ("Tẩn Láo Lở, Chủ tịch UBND huyện …"): a name is unlikely to follow
        chain = i >= 2 and is_separator(tokens[i - 1]) and tokens[i - 2].is_word and tokens[i - 2].name_shape
        state = "head"  # head | org | open | known | unit | place | closing | free
        org: Org | None = None
        org_start: int | None = None
        unit: Unit | None = None
        place: str | None = None
        name: tuple[int, int] | None = None
        last_good = j
        last_complete = j
        places_follow = False

        def take_org(found: Org, at: int) -> None:
            nonlocal org, org_start
            if org is None:
                org, org_start = found, at

        while j < len(tokens):
            if j - head_end > MAX_TAIL:
                last_good = last_complete
                break
            tok = tokens[j]
            if tok.is_break:
                if self._continues(tokens, j, last_good, state, text):
                    j += 1
                    continue
                break
            if j > head_end and last_good == j and not tok.is_break and "\n" not in text[tokens[j - 1].end : tok.start] \
                    and not adjacent(tokens, j, text):
                break
            # a known organisation name, punctuation included ("Ban Kinh tế - Ngân sách")
            km = lex.orgs.match(tokens, j, text)
            if km and (tok.cap or state in ("head", "org")):
                take_org(km[1], j)
                j += km[0]
                last_good = last_complete = j
                state = "open" if km[1].kind == "committee" else "known"
                places_follow = True
                continue
            if tok.kind == "p":
                break
            if tok.kind == "w" and tok.text[0].isdigit():
                if state in ("org", "open", "free"):
                    j += 1
                    last_good = j
                    continue
                break
            if state == "head" and tok.key in _DETERMINERS:
                return None  # "Giám đốc một doanh nghiệp tư nhân": not an office
            pm = lex.private_markers.match(tokens, j, text)
            if pm and tok.key not in _DETERMINERS:
                return None
            if state in ("known", "closing", "place"):
                cont = lex.continuations.match(tokens, j, text)
                if cont and not tok.cap:
                    j += cont[0]
                    last_good = j
                    state = "org"
                    continue
                if tok.key == "của" and _org_follows(tokens, j + 1, text, lex):
                    j += 1
                    state = "org"
                    continue
            um = lex.unit_at(tokens, j, text, evidence.token_inside)
            if um and (not tok.cap or tok.key in ("tp", "tp.") or state in ("org", "known", "open")):
                unit = um[1]
                j += um[0]
                last_good = last_complete = j
                state = "unit"
                continue
            if not tok.cap:
                if tok.key == "và" and state in ("free", "org", "open") and self._and_continues(tokens, j, text):
                    j += 1  # "Vụ Kết cấu hạ tầng và đô thị Lê Tuấn Phong"
                    state = "free"
                    continue
                if lex.predicates.match(tokens, j, text) or lex.title_stops.match(tokens, j, text):
                    break
                om = lex.org_heads.match(tokens, j, text)
                if om and state in ("head", "free", "org", "open"):
                    take_org(om[1], j)
                    j += om[0]
                    last_good = last_complete = j
                    state = "org"
                    places_follow = om[1].places_follow
                    continue
                if state in ("unit", "place", "closing", "known", "head"):
                    break
                j += 1
                last_good = j
                state = "free"
                continue
            # capitalised word
            if state == "unit" or places_follow:
                pm = lex.places_extra.match(tokens, j, text)
                if pm and pm[0] > 1 and any(t.kind == "p" for t in tokens[j : j + pm[0]]):
                    place = text[tok.start : tokens[j + pm[0] - 1].end]  # "Bà Rịa - Vũng Tàu"
                    j += pm[0]
                    last_good = last_complete = j
                    state = "place"
                    continue
            if tok.key in lex.title_starts and _starts_title(tokens, j, text, lex):
                break  # the next title begins ("… UBND tỉnh Trưởng Ban …")
            cm = lex.closing.match(tokens, j, text)
            if cm:
                take_org(Org(" ".join(t.text for t in tokens[j : j + cm[0]]), None, "party", True), j)
                j += cm[0]
                last_good = last_complete = j
                state = "closing"
                places_follow = True
                continue
            if _is_abbreviation(tok):
                om = lex.org_heads.match(tokens, j, text)
                if om:
                    take_org(om[1], j)
                    places_follow = om[1].places_follow
                j += om[0] if om else 1
                last_good = last_complete = j
                state = "org"
                continue
            if tok.name_shape:
                r_end = run_end(tokens, j, text, lex)
                n = r_end - j
                if r_end < len(tokens) and tokens[r_end].is_word and not tokens[r_end].cap \
                        and adjacent(tokens, r_end, text) and self._word_continues(tokens, r_end, n, evidence, text):
                    n -= 1  # "Dân tộc", "Giám sát": a capitalised word of the organisation's name
                if n == 0:
                    om = lex.org_heads.match(tokens, j, text)
                    if om:
                        take_org(om[1], j)
                        places_follow = om[1].places_follow
                    j += om[0] if om else 1
                    last_good = j
                    state = "org" if om else "free"
                    continue
                if unit is None and state in ("head", "org", "free", "open"):
                    om = lex.org_heads.match(tokens, j, text)
                    if om and (om[0] >= 2 or n == 1 or (tok.key,) not in lex.surnames.entries):
                        take_org(om[1], j)  # "Sở", "Hội", "Viettel" written with a capital
                        j += om[0]
                        last_good = last_complete = j
                        state = "org"
                        places_follow = om[1].places_follow
                        continue
                split = split_run(tokens[j : j + n], lex, evidence, unit if state == "unit" else None,
                                  places_follow or state in ("known", "closing"), chain,
                                  level=org.level if org is not None else None)
                if split.place:
                    place = " ".join(t.text for t in tokens[j : j + split.place])
                    j += split.place
                    last_good = last_complete = j
                    state = "place"
                if split.name:
                    name = (j, j + split.name)
                    break
                continue
            # capitalised but not a name syllable ("TT&TT", "06-NQ/TU")
            j += 1
            last_good = j
            state = "free" if state != "head" else "org"
        end = last_good
        while end > head_end and tokens[end - 1].is_word and lex.connectors.match(tokens, end - 1, text) \
                and lex.connectors.match(tokens, end - 1, text)[0] == 1:
            end -= 1
        if name is not None and end != name[0]:
            name = None  # a connector between title and name: the name belongs elsewhere
        start_char, end_char = tokens[i].start, tokens[end - 1].end
        return Title(
            start=i, end=end, head=head, head_start=head_start, head_end=head_end, prefix=prefix,
            qualifier=qualifier, org=org, org_start=org_start, unit=unit, place=place, name=name,
            text=_SPACES.sub(" ", text[start_char:end_char]).strip(), start_char=start_char, end_char=end_char,
            colon=end < len(tokens) and tokens[end].text == ":",
        )

    def _and_continues(self, tokens: list[Tok], j: int, text: str) -> bool:
        """"và" inside an organisation name: lower-case words, then the holder's name."""
        lex = self.lex
        k = j + 1
        while k < len(tokens) and k - j <= 6 and tokens[k].is_word and not tokens[k].cap:
            if lex.predicates.match(tokens, k, text) or lex.title_stops.match(tokens, k, text) \
                    or lex.honorifics.match(tokens, k, text) or lex.ranks.match(tokens, k, text):
                return False
            k += 1
        if k == j + 1 or k >= len(tokens) or not tokens[k].name_shape:
            return False
        if lex.heads.match(tokens, k, text) or lex.honorifics.match(tokens, k, text):
            return False
        return run_end(tokens, k, text, lex) - k >= lex.min_name

    def _word_continues(self, tokens: list[Tok], j: int, run_length: int, evidence: Evidence, text: str) -> bool:
        """Lower-case token ``j`` continues the capitalised word before it ("Dân | tộc")."""
        lex = self.lex
        if lex.predicates.match(tokens, j, text) or lex.title_stops.match(tokens, j, text) \
                or lex.units.match(tokens, j, text) or lex.connectors.match(tokens, j, text):
            return False
        return _glued(tokens, j, evidence) or run_length == 1

    def _continues(self, tokens: list[Tok], j: int, last_good: int, state: str, text: str) -> bool:
        """A line break inside a title: the title so far is visibly unfinished."""
        nxt = j + 1
        if nxt >= len(tokens) or not tokens[nxt].is_word or last_good == 0:
            return False
        last = tokens[last_good - 1]
        if last_good == j and self.lex.connectors.match(tokens, last_good - 1, text):
            return True
        return last_good == j and state == "head" and _org_follows(tokens, nxt, text, self.lex)

    # ------------------------------------------------------------------ meaning

    def describe(self, title: Title, tokens: list[Tok]) -> Meaning:
        """Canonical title, organisation, level and province of a title."""
        lex = self.lex
        head = title.head
        parts = [title.prefix.capitalize() if title.prefix else "", head.canonical]
        if title.qualifier and title.qualifier.casefold() == "thường trực":
            parts.append("Thường trực")
        organization = None
        level = head.level
        kind = head.kind
        if title.org_start is not None and title.org is not None:
            org_end = title.end
            if title.place:
                org_end = title.end
            organization = _SPACES.sub(" ", " ".join(t.text for t in tokens[title.org_start:org_end]
                                                     if not t.is_break)).strip()
            organization = regex.sub(r"\s+([,])", r"\1", organization)
            canon = title.org.canonical
            if title.org.known or not title.org.canonical:
                canon = title.org.canonical
            elif title.org.kind in ("committee",) or title.org.canonical in ("Ban", "Tổ", "Trung tâm", "Phòng"):
                canon = organization
                if title.place:
                    canon = canon.replace(title.place, "").strip()
            if title.unit is not None and title.unit.level not in ("village",) and not title.org.known:
                canon = f"{canon} {title.unit.form}"
            elif title.unit is not None and title.unit.level == "village":
                canon = f"{canon} {title.unit.form}" if canon else title.unit.form
            parts.append(canon)
            level = title.org.level or level
            kind = kind or title.org.kind
        elif title.unit is not None:  # "Trưởng thôn Lao Chải"
            parts.append(title.unit.form)
            kind = kind or "village"
        elif head.org:
            organization = head.org
        if title.unit is not None:
            level = {"city": "province"}.get(title.unit.level, title.unit.level)
        if level is None and title.start < title.end:
            for k in range(title.start, title.end):
                if lex.national_markers.match(tokens, k):
                    level = "national"
                    break
        canonical = unicodedata.normalize("NFC", _SPACES.sub(" ", " ".join(p for p in parts if p)).strip())
        if canonical:
            canonical = canonical[0].upper() + canonical[1:]
        province = None
        if title.place:
            province = lex.province_of(_fold_place(title.place))
        return Meaning(canonical, organization, level, kind or ("state" if head.level else None), province)


def _fold_place(place: str) -> str:
    from .syllables import fold

    return fold(_SPACES.sub(" ", place).strip())


def title_key(text: str, lex: Lexicon) -> tuple[str, ...]:
    """Folded syllables of a title with abbreviations expanded ("UBND" → "ủy ban nhân dân")."""
    from .syllables import fold

    out: list[str] = []
    for word in regex.findall(r"[\p{L}\p{M}\p{N}&]+", fold(text)):
        out.extend(lex.expand(word))
    return tuple(out)


def same_office(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two titles name the same office when one is a prefix of the other (as the gold compares)."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_[: len(short)] == short


def is_separator(tok: Tok) -> bool:
    return tok.kind == "p" and tok.text in _SEPARATORS
