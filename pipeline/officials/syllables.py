"""The text as syllable tokens, with the casing facts that names and titles depend on.

Vietnamese writes one syllable per space-separated chunk; a personal name is a run of
syllables that all start with a capital ("Nguyễn Thị Bé Mười", "H'Năng Mlô Duôn Du"), while
an organisation name capitalises only its first syllables ("Sở Thông tin và Truyền thông").
The grammar in ``titles``/``mentions`` therefore works on syllables, not on underthesea's
words: a syllable token keeps its character offsets into ``doc.text``, and line breaks are
tokens of their own so that nothing silently crosses a paragraph.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text import fold as text_fold

# a line break (with the blank space around it), a word (letters/digits joined by & ' ’ / . -
# without spaces: "H'Năng", "TT&TT", "Đ/c", "06-NQ/TU", "PGS.TS"), or one other character.
_TOKEN = regex.compile(r"\n\s*|[\p{L}\p{M}\p{N}]+(?:[&'’/.\-][\p{L}\p{M}\p{N}]+){0,8}|\S")
_VALID_SYLLABLE = regex.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$"
)
_NAME_SHAPE = regex.compile(r"^(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]*$")
_UPPER_SHAPE = regex.compile(r"^(?:\p{Lu}['’])?\p{Lu}[\p{Lu}\p{M}]*$")


def fold(text: str) -> str:
    """``pipeline.text.fold``, with the typographic apostrophe as the plain one ("K’Ré" = "K'Ré")."""
    return text_fold(text.replace("’", "'"))


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """True for a possible Vietnamese syllable ("HÀ", "Nguyễn"), false for "UBND", "HĐND", "VNPT"."""
    base = unicodedata.normalize("NFD", fold(word).split("'")[-1]).replace("đ", "d")
    base = "".join(ch for ch in base if not unicodedata.combining(ch))
    return bool(_VALID_SYLLABLE.match(base))


@dataclass(slots=True)
class Tok:
    """One syllable, punctuation mark or line break of the text."""

    text: str
    start: int
    end: int
    kind: str  # w (word) | p (punctuation) | br (line break)
    key: str  # folded text
    cap: bool  # starts with a capital letter
    name_shape: bool  # "Nguyễn", "H'Năng", "A", "Y": a syllable a name can be made of
    upper: bool  # written in capitals throughout ("HỒNG", "UBND")

    @property
    def is_word(self) -> bool:
        return self.kind == "w"

    @property
    def is_break(self) -> bool:
        return self.kind == "br"


@lru_cache(maxsize=65536)
def _facts(piece: str) -> tuple[str, str, bool, bool, bool]:
    """(kind, key, cap, name_shape, upper) of one token text: memoised, because an article is a few
    hundred distinct syllables repeated, and these tests (fold, shape regexes) are the scanner's cost."""
    is_word = piece[0].isalnum()
    cap = piece[0].isupper()
    name_shape = is_word and bool(_NAME_SHAPE.match(piece))
    upper = is_word and len(piece) > 1 and bool(_UPPER_SHAPE.match(piece))
    if upper and is_vietnamese_syllable(piece):  # "HỒNG HÀ": a name written in capitals
        name_shape = True
    return "w" if is_word else "p", fold(piece), cap, name_shape, upper


def tokenize(text: str) -> list[Tok]:
    """Syllable tokens of ``text`` (linear: one regex pass, bounded repetitions)."""
    out: list[Tok] = []
    for match in _TOKEN.finditer(text):
        piece = match.group()
        start, end = match.span()
        if piece[0] == "\n":
            out.append(Tok(piece, start, end, "br", "\n", False, False, False))
            continue
        out.append(Tok(piece, start, end, *_facts(piece)))
    return out


def adjacent(tokens: list[Tok], i: int, text: str) -> bool:
    """True when token ``i`` follows token ``i-1`` after plain spaces only (no break, no mark)."""
    if i <= 0:
        return False
    gap = text[tokens[i - 1].end : tokens[i].start]
    return "\n" not in gap and len(gap) <= 3


def syllable_case(word: str) -> str:
    """"HỒNG" → "Hồng", "H'NĂNG" → "H'Năng"; a syllable already in name case is kept."""
    if not word or not any(ch.isupper() for ch in word[1:]):
        return word
    parts = regex.split(r"(['’])", word)
    return "".join(part[:1].upper() + part[1:].lower() if part not in ("'", "’") else part for part in parts)


def display(words: list[str]) -> str:
    """A name as it should be reported: syllables in name case, single spaces, NFC."""
    return unicodedata.normalize("NFC", " ".join(syllable_case(w) for w in words))
