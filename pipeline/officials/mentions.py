"""Person mentions anchored by a title or an honorific, with the titles each one carries.

A person is never guessed from capitals alone. The anchors, in Vietnamese press order:

- title before the name: "Phó Chủ tịch UBND tỉnh Phạm Duy Hưng", with the titles chained
  before it by "-", "–" or "," ("Phó bí thư Tỉnh ủy - Chủ tịch UBND tỉnh Trần Ngọc Tam");
- name, then titles: "Nguyễn Phi Long – Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng ban
  chỉ đạo", the name usually after an honorific ("đồng chí", "Đ/c", "ông", "bà") or a rank;
- one title for a list: "các Phó Chủ tịch UBND tỉnh Đàng Thị Hải Yến, Trịnh Minh Khôi";
- an honorific before a name ("ông Lý Seo Dìn", "bà Quỳnh Giao"): a mention, which becomes
  an official only if the article gives that person an office somewhere.

Who owns a chain of titles between two names ("A, T1, T2 B")? When A was itself introduced
by a title, the chain belongs to B (a list of "title name" items); otherwise to A.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .evidence import Evidence
from .lexicon import Lexicon
from .names import is_name_like, name_score
from .runs import after_honorific, is_separator, run_end, starts_title
from .syllables import Tok, adjacent
from .titles import Title, TitleScanner
from .zones import Zones

_CLAUSE_OPENERS = frozenset({",", ";", ":", "(", "-", "–", "—", "“", "\""})
_LIST_OPENERS = frozenset({"có", "và", "cùng"})
_PLACE_BEFORE = frozenset({"tại", "ở", "của", "với", "từ"})


@dataclass
class Mention:
    """One written reference to a person."""

    start_tok: int
    end_tok: int
    start: int  # characters of the name
    end: int
    words: list[str]
    key: str  # folded name
    kind: str  # titled | honorific | bare | list | repeat
    titles: list[Title] = field(default_factory=list)
    pre_title: bool = False  # a title is written right before the name
    honorific: str | None = None
    rank_start: int | None = None  # token where a military/police rank before the name starts
    zone: str = "body"

    @property
    def chain_start(self) -> int:
        return min([self.start] + [t.start_char for t in self.titles])

    @property
    def chain_end(self) -> int:
        return max([self.end] + [t.end_char for t in self.titles])


@dataclass
class _Doc:
    """One text while its mentions are found."""

    tokens: list[Tok]
    text: str
    evidence: Evidence
    zones: Zones
    titles: list[Title]
    by_start: dict[int, Title] = field(default_factory=dict)
    by_end: dict[int, Title] = field(default_factory=dict)
    covered: set[int] = field(default_factory=set)  # tokens inside a title
    named: set[int] = field(default_factory=set)  # tokens inside a mention's name
    mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)
    owned: set[int] = field(default_factory=set)  # ids of titles given to a person

    def __post_init__(self) -> None:
        for t in self.titles:
            self.by_start[t.start] = t
            self.by_end[t.end] = t
            self.covered.update(range(t.start, t.end))

    def mention(self, start: int, end: int, kind: str) -> Mention:
        """The mention of tokens ``start:end`` (created once)."""
        found = self.mentions.get((start, end))
        if found is not None:
            return found
        toks = self.tokens[start:end]
        m = Mention(start, end, toks[0].start, toks[-1].end, [t.text for t in toks],
                    " ".join(t.key for t in toks), kind, zone=self.zones.at(toks[0].start))
        self.mentions[(start, end)] = m
        self.named.update(range(start, end))
        return m

    def free(self, start: int, end: int) -> bool:
        """No title and no other mention covers tokens ``start:end``."""
        return not any(k in self.covered or k in self.named for k in range(start, end))


class MentionFinder:
    """All person mentions of one text (no state across documents)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.scanner = TitleScanner(lex)

    def titles(self, tokens: list[Tok], text: str, evidence: Evidence) -> list[Title]:
        """Every title of the text, left to right, without overlaps."""
        out: list[Title] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            title = self.scanner.scan(tokens, i, text, evidence) \
                if tok.is_word and tok.key in self.lex.title_starts else None
            if title is None:
                i += 1
                continue
            title.plural = self._plural_before(tokens, i, text)
            out.append(title)
            i = max(title.name[1] if title.name else title.end, i + 1)
        return out

    def find(self, tokens: list[Tok], text: str, evidence: Evidence, zones: Zones) -> list[Mention]:
        """Mentions in text order, each with the titles written with it."""
        doc = _Doc(tokens, text, evidence, zones, self.titles(tokens, text, evidence))
        for t in doc.titles:
            if t.name is not None:
                doc.mention(*t.name, "titled").pre_title = True
        self._honorific_mentions(doc)
        self._ranked_after_title(doc)
        for t in doc.titles:
            self._bare_before(doc, t)
        ordered = sorted(doc.mentions.values(), key=lambda m: m.start_tok)
        for m in ordered:  # "đồng chí A - T1 - T2": A owns its chain first
            if not m.pre_title:
                self._after_chain(doc, m)
        for t in doc.titles:  # "T1 - T2 Name": titles chained before the one next to the name
            if t.name is not None:
                m = doc.mentions[t.name]
                chain = self._before_chain(doc, t)
                m.titles = chain + [x for x in m.titles if x not in chain]
        for m in ordered:  # "T Name - T2"
            if m.pre_title:
                self._after_chain(doc, m)
        for t in doc.titles:
            if t.plural or t.colon:
                self._list(doc, t)
        return sorted(doc.mentions.values(), key=lambda m: m.start)

    # -- anchors ------------------------------------------------------------

    def _plural_before(self, tokens: list[Tok], i: int, text: str) -> bool:
        for back in (1, 2, 3):
            k = i - back
            if k < 0:
                break
            m = self.lex.plural_markers.match(tokens, k, text)
            if m and k + m[0] == i:
                return True
        return False

    def _honorific_mentions(self, doc: _Doc) -> None:
        """"ông Lý Seo Dìn", "Đại tá Trần Công Vịnh", "bà Quỳnh Giao"."""
        lex, tokens, text = self.lex, doc.tokens, doc.text
        for i, tok in enumerate(tokens):
            if not tok.is_word:
                continue
            j = after_honorific(tokens, i, text, lex)
            if j is None or j >= len(tokens) or j in doc.covered or not tokens[j].name_shape:
                continue
            if not adjacent(tokens, j, text) or starts_title(tokens, j, text, lex):
                continue
            end = run_end(tokens, j, text, lex)
            if end - j > lex.max_name + 1 or (j, end) in doc.mentions or not doc.free(j, end):
                continue
            m = doc.mention(j, end, "honorific")
            m.honorific = text[tok.start : tokens[j - 1].end]
            if lex.ranks.match(tokens, i, text):
                m.rank_start = i

    def _ranked_after_title(self, doc: _Doc) -> None:
        """"Bộ trưởng Bộ Công an, Đại tướng Tô Lâm", "Theo Giám đốc Sở Y tế, ông Nguyễn Văn A":
        an honorific or rank between a title and the name it introduces."""
        tokens = doc.tokens
        for m in list(doc.mentions.values()):
            r = m.rank_start if m.rank_start is not None else m.start_tok - self._honorific_length(doc, m)
            if m.kind != "honorific" or r < 2 or not is_separator(tokens[r - 1]):
                continue
            t = doc.by_end.get(r - 1)
            if t is None or t.name is not None or self._blocked(doc, t.start):
                continue  # "Thừa ủy quyền của Chủ tịch nước, đồng chí …": the office is someone else's
            if t.start >= 2 and is_separator(tokens[t.start - 1]) and tokens[t.start - 2].name_shape:
                continue  # "ông A, Giám đốc Sở X, ông B …": the title is A's
            t.name = (m.start_tok, m.end_tok)
            m.pre_title = True
            m.kind = "titled"

    def _honorific_length(self, doc: _Doc, m: Mention) -> int:
        """Tokens of the honorific written before ``m`` ("đồng chí" → 2), 0 when none."""
        for back in (1, 2, 3):
            k = m.start_tok - back
            if k >= 0 and after_honorific(doc.tokens, k, doc.text, self.lex) == m.start_tok:
                return back
        return 0

    def _bare_before(self, doc: _Doc, t: Title) -> None:
        """A name written without honorific before a separator and a title ("A, Giám đốc …")."""
        lex, tokens, text = self.lex, doc.tokens, doc.text
        end = t.start - 1
        if end < 1 or not (is_separator(tokens[end]) or tokens[end].text == "("):
            return
        start = end
        while start > 0 and end - start < 8 and tokens[start - 1].is_word and tokens[start - 1].name_shape \
                and (start == end or adjacent(tokens, start, text)):
            start -= 1
        while start < end and (tokens[start].key in lex.non_name_words
                               or lex.honorifics.match(tokens, start, text)):
            start += 1
        if not lex.min_name <= end - start <= lex.max_name or not doc.free(start, end):
            return
        before = tokens[start - 1] if start else None
        if before is not None and before.is_word and (
                lex.unit_at(tokens, start - 1, text) or lex.org_heads.match(tokens, start - 1, text)
                or before.key in _PLACE_BEFORE):
            return  # "huyện Mèo Vạc, …": a place
        opener = before is None or before.is_break or before.text in _CLAUSE_OPENERS \
            or before.key in _LIST_OPENERS
        if is_name_like([tok.key for tok in tokens[start:end]], lex, doc.evidence, 0.5 if opener else 2.0):
            doc.mention(start, end, "bare")

    # -- chains -------------------------------------------------------------

    def _chain_step(self, doc: _Doc, k: int, m: Mention, first: bool) -> int | None:
        """Token where the next chained title should start after token ``k``, or None."""
        lex, tokens, text = self.lex, doc.tokens, doc.text
        tok = tokens[k]
        if is_separator(tok) or tok.text == "(":
            step = k + 1
        elif lex.chain_links.match(tokens, k, text):
            step = k + lex.chain_links.match(tokens, k, text)[0]
        elif first and lex.name_links.match(tokens, k, text):
            step = k + lex.name_links.match(tokens, k, text)[0]  # "do ông Sơn Phước Hòa làm Hiệu trưởng"
        elif first and m.kind == "honorific" and k in doc.by_start:
            step = k  # "đồng chí Nguyễn Văn A Chủ tịch UBND tỉnh"
        else:
            return None
        link = lex.chain_links.match(tokens, step, text) if step < len(tokens) else None
        return step + link[0] if link else step

    def _after_chain(self, doc: _Doc, m: Mention) -> None:
        """Titles written after the name, joined by "-", "–", ",", "kiêm" or in brackets."""
        tokens = doc.tokens
        k, first = m.end_tok, True
        while k < len(tokens):
            if tokens[k].text == "(" and (k + 1) not in doc.by_start:
                close = next((x for x in range(k + 1, min(k + 10, len(tokens)))
                              if tokens[x].text == ")"), None)
                if close is None:
                    return
                k = close + 1  # "ông Nguyễn Văn A (56 tuổi), Trưởng thôn …"
                continue
            step = self._chain_step(doc, k, m, first)
            t = doc.by_start.get(step) if step is not None else None
            if t is None or id(t) in doc.owned or t.name is not None:
                return
            doc.owned.add(id(t))
            m.titles.append(t)
            k = t.end + (1 if t.end < len(tokens) and tokens[t.end].text == ")" else 0)
            first = False

    def _before_chain(self, doc: _Doc, t: Title) -> list[Title]:
        """Titles chained before a title that directly precedes its name."""
        chain = [t]
        doc.owned.add(id(t))
        k = t.start
        while k > 0:
            prev_end = self._link_before(doc, k)
            prev = doc.by_end.get(prev_end) if prev_end is not None else None
            if prev is None or id(prev) in doc.owned or prev.name is not None:
                break
            if prev.start > 0 and self._blocked(doc, prev.start):
                break  # "thừa ủy quyền của Chủ tịch UBND thành phố, …": an office, not this person's
            doc.owned.add(id(prev))
            chain.insert(0, prev)
            k = prev.start
        return chain

    def _link_before(self, doc: _Doc, k: int) -> int | None:
        """Where the title before token ``k`` must end for the two to be chained ("T1 - T2", "T1 kiêm T2")."""
        tokens = doc.tokens
        if is_separator(tokens[k - 1]):
            return k - 1
        for back in (1, 2, 3):
            s = k - back
            m = self.lex.chain_links.match(tokens, s, doc.text) if s >= 0 else None
            if m and m[0] == back:
                return s - 1 if s > 0 and is_separator(tokens[s - 1]) else s
        return None

    def _blocked(self, doc: _Doc, start: int) -> bool:
        for back in (1, 2):
            k = start - back
            m = self.lex.chain_blockers.match(doc.tokens, k, doc.text) if k >= 0 else None
            if m and k + m[0] == start:
                return True
        return False

    # -- lists --------------------------------------------------------------

    def _list(self, doc: _Doc, t: Title) -> None:
        """Names sharing one plural title: "các Phó Chủ tịch UBND tỉnh: A, B"."""
        tokens, text, lex = doc.tokens, doc.text, self.lex
        if t.name is not None:
            k = t.name[1]
        elif t.colon:
            k = t.end + 1
            end = run_end(tokens, k, text, lex) if k < len(tokens) else k
            if not self._listed(doc, k, end):
                return
            m = doc.mention(k, end, "list")
            m.titles.append(t)
            k = end
        else:
            return
        for _ in range(8):
            if k >= len(tokens) or not (tokens[k].text == "," or tokens[k].key == "và"):
                return
            j = k + 1
            end = run_end(tokens, j, text, lex) if j < len(tokens) else j
            if not self._listed(doc, j, end) or any(x in doc.covered for x in range(j, end)):
                return
            if end + 1 < len(tokens) and is_separator(tokens[end]) \
                    and starts_title(tokens, end + 1, text, lex):
                return  # "…, B, Giám đốc Sở …": B has titles of its own
            m = doc.mention(j, end, "list")
            if t not in m.titles:
                m.titles.insert(0, t)
            k = end

    def _listed(self, doc: _Doc, start: int, end: int) -> bool:
        keys = [tok.key for tok in doc.tokens[start:end]]
        return self.lex.min_name <= len(keys) <= self.lex.max_name \
            and name_score(keys, self.lex, doc.evidence) > -1.0
