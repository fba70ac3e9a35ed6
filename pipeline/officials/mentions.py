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

from .lexicon import Lexicon
from .names import Evidence, is_name_like, name_score
from .syllables import Tok, adjacent
from .titles import Title, TitleScanner, is_separator, run_end
from .zones import Zones

_LOCATIVES = {"tại", "ở", "thuộc", "về", "đến", "từ", "qua", "khắp", "trên", "với", "và", "cho", "các", "hai",
              "ba", "toàn", "những", "vùng", "địa", "bàn", "sang", "tới", "giữa"}
_CLAUSE_OPENERS = {",", ";", ":", "(", "-", "–", "—", "“", "\""}


@dataclass
class Mention:
    """One written reference to a person."""

    start_tok: int
    end_tok: int
    start: int  # characters of the name
    end: int
    words: list[str]
    key: str
    kind: str  # titled | honorific | bare | list
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

    @property
    def short(self) -> bool:
        return len(self.words) < 2


def collect_evidence(tokens: list[Tok], text: str, lex: Lexicon, evidence: Evidence) -> Evidence:
    """Names written after honorifics and places written after unit words, anywhere in the text."""
    for i in range(len(tokens)):
        if not tokens[i].is_word:
            continue
        j = _after_honorific(tokens, i, text, lex)
        if j is not None and j < len(tokens) and tokens[j].name_shape and not _title_at(tokens, j, text, lex):
            end = run_end(tokens, j, text, lex)
            keys = [t.key for t in tokens[j:end]]
            if len(keys) >= 2:
                evidence.full_names.add(" ".join(keys))
            if 1 <= len(keys) <= 2:
                evidence.short_refs.add(" ".join(keys))
        um = lex.unit_at(tokens, i, text, evidence.token_inside)
        if um and not tokens[i].cap and i + um[0] < len(tokens):
            before = tokens[i - 1] if i else None
            if before is not None and not (before.is_break or before.text in ",;:(" or before.key in _LOCATIVES):
                continue  # "UBND huyện …", "Ban Dân tộc tỉnh …": a title, where a name may follow
            j = i + um[0]
            end = run_end(tokens, j, text, lex)
            if 1 <= end - j <= 4:
                evidence.places.add(" ".join(t.key for t in tokens[j:end]))
    return evidence


def _title_at(tokens: list[Tok], j: int, text: str, lex: Lexicon) -> bool:
    if tokens[j].key not in lex.title_starts:
        return False
    m = lex.prefixes.match(tokens, j, text)
    return bool(lex.heads.match(tokens, j + (m[0] if m else 0), text))


def _after_honorific(tokens: list[Tok], i: int, text: str, lex: Lexicon) -> int | None:
    """Token after an honorific/rank/degree sequence starting at ``i`` ("đồng chí Đại tá …")."""
    j = i
    found = False
    for _ in range(3):
        if j >= len(tokens):
            break
        for table in (lex.honorifics, lex.ranks, lex.academic):
            m = table.match(tokens, j, text)
            if m:
                j += m[0]
                found = True
                break
        else:
            break
    return j if found else None


class MentionFinder:
    """All person mentions of one text (stateless across documents)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.scanner = TitleScanner(lex)

    def titles(self, tokens: list[Tok], text: str, evidence: Evidence) -> list[Title]:
        """Every title of the text, left to right, without overlaps."""
        out: list[Title] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.is_word and tok.key in self.lex.title_starts:
                title = self.scanner.scan(tokens, i, text, evidence)
                if title is not None:
                    title.plural = self._plural_before(tokens, i, text)
                    out.append(title)
                    i = max(title.name[1] if title.name else title.end, i + 1)
                    continue
            i += 1
        return out

    def _plural_before(self, tokens: list[Tok], i: int, text: str) -> bool:
        for back in (1, 2, 3):
            k = i - back
            if k < 0:
                break
            m = self.lex.plural_markers.match(tokens, k, text)
            if m and k + m[0] == i:
                return True
        return False

    def find(self, tokens: list[Tok], text: str, evidence: Evidence, zones: Zones) -> list[Mention]:
        lex = self.lex
        titles = self.titles(tokens, text, evidence)
        by_start = {t.start: t for t in titles}
        by_end = {t.end: t for t in titles}
        covered: set[int] = set()
        for t in titles:
            covered.update(range(t.start, t.end))
        mentions: dict[tuple[int, int], Mention] = {}
        named: set[int] = set()  # tokens inside some mention's name

        def add(m: Mention) -> Mention:
            key = (m.start_tok, m.end_tok)
            if key in mentions:
                old = mentions[key]
                old.pre_title = old.pre_title or m.pre_title
                return old
            m.zone = zones.at(m.start)
            mentions[key] = m
            named.update(range(m.start_tok, m.end_tok))
            return m

        for t in titles:
            if t.name is not None:
                m = add(self._mention(tokens, text, t.name[0], t.name[1], "titled"))
                m.pre_title = True
        honorific_at: dict[int, str] = {}
        for i in range(len(tokens)):
            j = _after_honorific(tokens, i, text, lex)
            if j is None or j >= len(tokens) or j in covered or not tokens[j].name_shape:
                continue
            if not adjacent(tokens, j, text) or _title_at(tokens, j, text, lex):
                continue
            end = run_end(tokens, j, text, lex)
            if (j, end) in mentions or end - j > lex.max_name + 1:
                continue
            if any(k in covered for k in range(j, end)):
                continue
            m = add(self._mention(tokens, text, j, end, "honorific"))
            m.honorific = text[tokens[i].start : tokens[j - 1].end]
            if lex.ranks.match(tokens, i, text):
                m.rank_start = i
            honorific_at[j] = m.honorific
        for m in list(mentions.values()):  # "Bộ trưởng Bộ Công an, Đại tướng Tô Lâm"
            if m.kind == "honorific" and m.rank_start is not None and m.rank_start >= 2 \
                    and tokens[m.rank_start - 1].text == ",":
                t = by_end.get(m.rank_start - 1)
                if t is not None and t.name is None:
                    t.name = (m.start_tok, m.end_tok)
                    m.pre_title = True
                    m.kind = "titled"
        for t in titles:  # a bare name written before a separator and a title
            self._bare_before(tokens, text, t, (covered, named), mentions, add, evidence)
        owned: set[int] = set()
        ordered = sorted(mentions.values(), key=lambda m: m.start_tok)
        for m in ordered:
            if not m.pre_title:
                self._after_chain(tokens, text, m, by_start, owned)
        for t in titles:
            if t.name is not None:
                m = mentions[t.name]
                chain = self._before_chain(tokens, text, t, by_end, owned)
                m.titles = chain + [x for x in m.titles if x not in chain]
        for m in ordered:
            if m.pre_title:
                self._after_chain(tokens, text, m, by_start, owned)
        for t in titles:
            if t.plural or t.colon:
                self._list(tokens, text, t, mentions, covered, add, evidence)
        return sorted(mentions.values(), key=lambda m: m.start)

    # ---------------------------------------------------------------- pieces

    def _mention(self, tokens: list[Tok], text: str, start: int, end: int, kind: str) -> Mention:
        words = [t.text for t in tokens[start:end]]
        return Mention(start, end, tokens[start].start, tokens[end - 1].end, words,
                       " ".join(t.key for t in tokens[start:end]), kind)

    def _bare_before(self, tokens: list[Tok], text: str, t: Title, covered: tuple[set[int], set[int]],
                     mentions: dict[tuple[int, int], Mention], add, evidence: Evidence) -> None:  # noqa: ANN001
        sep = t.start - 1
        if sep < 1 or not (is_separator(tokens[sep]) or tokens[sep].text == "("):
            return
        end = sep
        start = end
        while start > 0 and end - start < 8 and tokens[start - 1].is_word and tokens[start - 1].name_shape \
                and (start == end or adjacent(tokens, start, text)):
            start -= 1
        while start < end and (tokens[start].key in self.lex.non_name_words
                               or self.lex.honorifics.match(tokens, start, text)):
            start += 1
        if end - start < self.lex.min_name or end - start > self.lex.max_name:
            return
        if any(k in covered[0] or k in covered[1] for k in range(start, end)) or (start, end) in mentions:
            return
        before = tokens[start - 1] if start else None
        if before is not None and before.is_word and (self.lex.unit_at(tokens, start - 1, text)
                                                      or self.lex.org_heads.match(tokens, start - 1, text)
                                                      or before.key in ("tại", "ở", "của", "với", "từ")):
            return  # "huyện Mèo Vạc, …": a place
        keys = [tok.key for tok in tokens[start:end]]
        threshold = 0.5 if (before is None or before.is_break or before.text in _CLAUSE_OPENERS
                            or before.key in ("có", "và", "cùng")) else 2.0
        if not is_name_like(keys, self.lex, evidence, threshold):
            return
        add(self._mention(tokens, text, start, end, "bare"))

    def _after_chain(self, tokens: list[Tok], text: str, m: Mention, by_start: dict[int, Title],
                     owned: set[int]) -> None:
        """Titles written after the name, joined by "-", "–", ",", "kiêm" or in brackets."""
        k = m.end_tok
        first = True
        while k < len(tokens):
            step = None
            tok = tokens[k]
            if tok.text == "(" and (k + 1) not in by_start:
                close = next((x for x in range(k + 1, min(k + 10, len(tokens))) if tokens[x].text == ")"), None)
                if close is None:
                    break
                k = close + 1  # "ông Nguyễn Văn A (56 tuổi), Trưởng thôn …"
                continue
            if is_separator(tok) or tok.text == "(":
                step = k + 1
            else:
                cl = self.lex.chain_links.match(tokens, k, text)
                nl = self.lex.name_links.match(tokens, k, text) if first else None
                if cl:
                    step = k + cl[0]
                elif nl:
                    step = k + nl[0]  # "do ông Sơn Phước Hòa làm Hiệu trưởng"
                elif first and m.kind == "honorific" and k in by_start:
                    step = k
            if step is None:
                break
            cl = self.lex.chain_links.match(tokens, step, text) if step < len(tokens) else None
            if cl:
                step += cl[0]
            t = by_start.get(step)
            if t is None or id(t) in owned or t.name is not None:
                break
            owned.add(id(t))
            m.titles.append(t)
            k = t.end
            if k < len(tokens) and tokens[k].text == ")":
                k += 1
            first = False

    def _before_chain(self, tokens: list[Tok], text: str, t: Title, by_end: dict[int, Title],
                      owned: set[int]) -> list[Title]:
        """Titles chained before a title that directly precedes its name."""
        chain = [t]
        owned.add(id(t))
        k = t.start
        while k > 0:
            s = k - 1
            if is_separator(tokens[s]):
                prev_end = s
            else:
                cl = None
                for back in (1, 2, 3):
                    if s - back + 1 >= 0:
                        cl = self.lex.chain_links.match(tokens, s - back + 1, text)
                        if cl and cl[0] == back:
                            break
                        cl = None
                if not cl:
                    break
                prev_end = s - cl[0] + 1
                if prev_end > 0 and is_separator(tokens[prev_end - 1]):
                    prev_end -= 1
            prev = by_end.get(prev_end)
            if prev is None or id(prev) in owned or prev.name is not None:
                break
            if prev.start > 0 and self._blocked(tokens, prev.start, text):
                break  # "thừa ủy quyền của Chủ tịch UBND thành phố, …": an office, not this person's
            owned.add(id(prev))
            chain.insert(0, prev)
            k = prev.start
        return chain

    def _blocked(self, tokens: list[Tok], start: int, text: str) -> bool:
        for back in (1, 2):
            k = start - back
            if k >= 0:
                m = self.lex.chain_blockers.match(tokens, k, text)
                if m and k + m[0] == start:
                    return True
        return False

    def _list(self, tokens: list[Tok], text: str, t: Title, mentions: dict[tuple[int, int], Mention],
              covered: set[int], add, evidence: Evidence) -> None:  # noqa: ANN001
        """Names sharing one plural title: "các Phó Chủ tịch UBND tỉnh: A, B"."""
        if t.name is not None:
            k = t.name[1]
        elif t.colon:
            k = t.end + 1
            end = run_end(tokens, k, text, self.lex) if k < len(tokens) else k
            if not self._listed(tokens, k, end, evidence):
                return
            m = add(self._mention(tokens, text, k, end, "list"))
            m.titles.append(t)
            k = end
        else:
            return
        for _ in range(8):
            if k >= len(tokens) or not (tokens[k].text == "," or tokens[k].key == "và"):
                break
            j = k + 1
            end = run_end(tokens, j, text, self.lex) if j < len(tokens) else j
            if not self._listed(tokens, j, end, evidence) or any(x in covered for x in range(j, end)):
                break
            if end < len(tokens) and is_separator(tokens[end]) and end + 1 < len(tokens) \
                    and _title_at(tokens, end + 1, text, self.lex):
                break  # "…, B, Giám đốc Sở …": B has titles of its own
            m = add(self._mention(tokens, text, j, end, "list"))
            if t not in m.titles:
                m.titles.insert(0, t)
            k = end

    def _listed(self, tokens: list[Tok], start: int, end: int, evidence: Evidence) -> bool:
        keys = [tok.key for tok in tokens[start:end]]
        return self.lex.min_name <= len(keys) <= self.lex.max_name and name_score(keys, self.lex, evidence) > -1.0

