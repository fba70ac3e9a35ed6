"""Token-level recognisers shared by the grammar: separators, abbreviations, capital runs,
honorific sequences and where a title starts.

They answer local questions ("does a title start here?", "where does this run of capitals
end?") and keep no state, so evidence gathering, the title scanner and the mention finder
agree on them.
"""

from __future__ import annotations

from .lexicon import Lexicon
from .syllables import Tok, adjacent, is_vietnamese_syllable

SEPARATORS = frozenset({",", "-", "–", "—"})


def is_separator(tok: Tok) -> bool:
    """"," or a dash: what joins the titles of a chain ("A - Phó Bí thư Tỉnh ủy - Chủ tịch …")."""
    return tok.kind == "p" and tok.text in SEPARATORS


def is_abbreviation(tok: Tok) -> bool:
    """"UBND", "HĐND", "VNPT": capitals that are not a Vietnamese syllable."""
    return tok.is_word and tok.upper and not is_vietnamese_syllable(tok.text)


def starts_title(tokens: list[Tok], j: int, text: str, lex: Lexicon) -> bool:
    """A head (after optional prefixes: "Phó Chủ tịch") starts at token ``j``."""
    if j >= len(tokens) or tokens[j].key not in lex.title_starts:
        return False
    m = lex.prefixes.match(tokens, j, text)
    return bool(lex.heads.match(tokens, j + (m[0] if m else 0), text))


def opens_phrase(tokens: list[Tok], j: int, text: str, lex: Lexicon) -> bool:
    """A capitalised syllable opening a multi-syllable title or honorific ("Chủ tịch", "Đại tá")."""
    for table in (lex.heads, lex.honorifics, lex.ranks, lex.closing):
        m = table.match(tokens, j, text)
        if m and m[0] >= 2:
            return True
    m = lex.prefixes.match(tokens, j, text)
    return bool(m and lex.heads.match(tokens, j + m[0], text))


def run_end(tokens: list[Tok], i: int, text: str, lex: Lexicon, limit: int = 10) -> int:
    """End of the run of name-shaped syllables starting at ``i`` (stops before a title word)."""
    j = i
    while j < len(tokens) and j - i < limit:
        tok = tokens[j]
        if not (tok.is_word and tok.name_shape) or (j > i and not adjacent(tokens, j, text)):
            break
        if j > i and opens_phrase(tokens, j, text, lex):
            break
        j += 1
    return j


def after_honorific(tokens: list[Tok], i: int, text: str, lex: Lexicon) -> int | None:
    """Token after an honorific/rank/degree sequence starting at ``i`` ("đồng chí Đại tá …")."""
    if i >= len(tokens) or tokens[i].key not in lex.honorific_starts:  # called for every token
        return None
    j = i
    found = False
    for _ in range(3):
        if j >= len(tokens):
            break
        key = tokens[j].key
        for table in (lex.honorifics, lex.ranks, lex.academic):
            m = table.match(tokens, j, text) if key in table.first else None
            if m:
                j += m[0]
                found = True
                break
        else:
            break
    return j if found else None


def org_follows(tokens: list[Tok], j: int, text: str, lex: Lexicon) -> bool:
    """An organisation (or unit) starts at ``j``: what a head like "Trưởng" or "Ủy viên" needs."""
    if j >= len(tokens):
        return False
    head = lex.org_heads.match(tokens, j, text)
    return bool(lex.orgs.match(tokens, j, text) or (head and not head[1].weak)
                or lex.unit_at(tokens, j, text) or lex.closing.match(tokens, j, text)
                or is_abbreviation(tokens[j]))
