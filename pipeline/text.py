"""Small text primitives shared by every stage: tone-placement folding and syllable overlap.

Vietnamese writes the tone of "oa", "oe", "uy" on either vowel ("hoà"/"hòa", "thuỷ"/"thủy").
``TONE_FOLD`` maps the old placement to the new one; the normaliser applies it at syllable
ends, and ``fold`` applies it everywhere, as the gold scorer does, to compare strings.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

TONE_FOLD: dict[str, str] = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_WORDS = regex.compile(r"\w+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and spelling-insensitive form: NFC, casefold, "ð" as "đ", old tone placement folded
    (memoised: called for every syllable of every article, over a small vocabulary)."""
    folded = unicodedata.normalize("NFC", text).casefold().replace("ð", "đ")
    for old, new in TONE_FOLD.items():
        if old in folded:
            folded = folded.replace(old, new)
    return folded


def syllables(text: str) -> list[str]:
    """The folded syllables (word characters) of ``text``."""
    return _WORDS.findall(fold(text))


def syllable_f1(a: str, b: str) -> float:
    """Syllable-overlap F1 of two indicator phrases, a leading "tỷ lệ" ignored (the gold's measure)."""
    x, y = syllables(a), syllables(b)
    if x[:2] == ["tỷ", "lệ"]:
        x = x[2:]
    if y[:2] == ["tỷ", "lệ"]:
        y = y[2:]
    if not x or not y:
        return 0.0
    common = sum(min(x.count(w), y.count(w)) for w in set(x))
    if not common:
        return 0.0
    precision, recall = common / len(x), common / len(y)
    return 2 * precision * recall / (precision + recall)
