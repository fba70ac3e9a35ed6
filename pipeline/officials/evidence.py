"""What the article itself says about names and places, gathered before titles are read.

A run of capitals after a title is cut into place + name with the help of the rest of the
article: the names it writes after an honorific ("ông Mùa A Vảng"), the short references it
uses ("ông Páo", "bà Quỳnh Giao"), the places it writes after a unit word in a locative
phrase ("tại huyện Tủa Chùa"), and underthesea's word boundaries ("Bát Xát | Tẩn Láo Lở").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon
from .runs import after_honorific, run_end, starts_title
from .syllables import Tok

# words after which a unit word names a place, not the body of a title ("tại huyện Bát Xát")
_LOCATIVES = frozenset({"tại", "ở", "thuộc", "về", "đến", "từ", "qua", "khắp", "trên", "với", "và", "cho",
                        "các", "hai", "ba", "toàn", "những", "vùng", "địa", "bàn", "sang", "tới", "giữa"})


@dataclass
class Evidence:
    full_names: set[str] = field(default_factory=set)  # folded names written after an honorific
    short_refs: set[str] = field(default_factory=set)  # folded 1-2 syllable references ("páo")
    places: set[str] = field(default_factory=set)  # folded runs written after a unit word
    token_starts: set[int] = field(default_factory=set)  # where an underthesea word starts
    token_inside: set[int] = field(default_factory=set)  # syllable starts inside a multi-syllable word


def collect(tokens: list[Tok], text: str, lex: Lexicon, evidence: Evidence | None = None) -> Evidence:
    """Fill ``evidence`` (segmentation facts may already be in it) from the whole text."""
    evidence = evidence or Evidence()
    for i, tok in enumerate(tokens):
        if not tok.is_word:
            continue
        _honorific_name(tokens, i, text, lex, evidence)
        _place(tokens, i, text, lex, evidence)
    return evidence


def _honorific_name(tokens: list[Tok], i: int, text: str, lex: Lexicon, evidence: Evidence) -> None:
    j = after_honorific(tokens, i, text, lex)
    if j is None or j >= len(tokens) or not tokens[j].name_shape or starts_title(tokens, j, text, lex):
        return
    keys = [t.key for t in tokens[j : run_end(tokens, j, text, lex)]]
    if len(keys) >= 2:
        evidence.full_names.add(" ".join(keys))
    if 1 <= len(keys) <= 2:
        evidence.short_refs.add(" ".join(keys))


def _place(tokens: list[Tok], i: int, text: str, lex: Lexicon, evidence: Evidence) -> None:
    unit = lex.unit_at(tokens, i, text, evidence.token_inside)
    if not unit or tokens[i].cap or i + unit[0] >= len(tokens):
        return
    before = tokens[i - 1] if i else None
    if before is not None and not (before.is_break or before.text in ",;:(" or before.key in _LOCATIVES):
        return  # "UBND huyện …", "Ban Dân tộc tỉnh …": a title, where a name may follow the place
    j = i + unit[0]
    end = run_end(tokens, j, text, lex)
    if 1 <= end - j <= 4:
        evidence.places.add(" ".join(t.key for t in tokens[j:end]))
