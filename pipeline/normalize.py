"""Unicode and whitespace normalisation with an offset map back to the original text.

Every later stage works on the normalised text; every row the tables write carries offsets
into the *original* text. ``MappedText`` keeps, for each normalised character, the index of
the original character it came from, through every substitution made here and in
``boilerplate``.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass

import regex

from .text import TONE_FOLD

# Zero-width and invisible characters that break word matching; the soft hyphen too.
_INVISIBLE = regex.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]+")
# runs of horizontal space, or any single one that is not a plain space
_SPACE_CLASS = r"[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]"
_HSPACE = regex.compile(rf"{_SPACE_CLASS}{{2,}}|(?! ){_SPACE_CLASS}")
_LINE_EDGES = regex.compile(r"(?m)^ +| +$")
_NEWLINES = regex.compile(r"\r\n?|\u2028|\u2029|\x85")
_BLANK_RUN = regex.compile(r"\n{3,}")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]+")

# Old-style tone placement ("hoà", "thuỷ") → the new style ("hòa", "thủy") used by the gold
# scorer. Only at the end of a syllable: inside "hoàng" the tone already sits where both
# styles put it. "qu" + y ("quý") is a consonant cluster, not the "uy" rhyme.
_OLD_TONES = dict(TONE_FOLD)
_OLD_TONES.update({k.upper(): v.upper() for k, v in list(_OLD_TONES.items())})
_OLD_TONES.update({k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in list(_OLD_TONES.items())})
_OLD_TONE_RE = regex.compile(
    r"(?<![qQ])(" + "|".join(sorted(map(regex.escape, _OLD_TONES), key=len, reverse=True)) + r")(?!\p{L})"
)


@dataclass
class MappedText:
    """Text plus, for each character, the original span ``[origin[i], origin_end[i])`` it came from."""

    text: str
    origin: array
    origin_end: array

    @classmethod
    def of(cls, text: str) -> MappedText:
        return cls(text, array("l", range(len(text))), array("l", range(1, len(text) + 1)))

    def _slice(self, start: int, end: int) -> MappedText:
        return MappedText(self.text[start:end], self.origin[start:end], self.origin_end[start:end])

    def sub(self, pattern: regex.Pattern, repl: str | Callable[[regex.Match], str]) -> MappedText:
        """``pattern.sub`` that keeps the map: a rewritten match maps, as a whole, to its source."""
        pieces: list[str] = []
        origin, origin_end = array("l"), array("l")
        last = 0
        for match in pattern.finditer(self.text):
            start, end = match.span()
            pieces.append(self.text[last:start])
            origin.extend(self.origin[last:start])
            origin_end.extend(self.origin_end[last:start])
            new = repl if isinstance(repl, str) else repl(match)
            if new:
                if len(new) == end - start:  # same length: character for character
                    origin.extend(self.origin[start:end])
                    origin_end.extend(self.origin_end[start:end])
                else:
                    first = self.origin[start] if start < len(self.origin) else self._end()
                    last_end = self.origin_end[end - 1] if end > start else first
                    origin.extend([first] * len(new))
                    origin_end.extend([last_end] * len(new))
                pieces.append(new)
            last = end
        if not pieces:
            return self
        pieces.append(self.text[last:])
        origin.extend(self.origin[last:])
        origin_end.extend(self.origin_end[last:])
        return MappedText("".join(pieces), origin, origin_end)

    def delete_spans(self, spans: list[tuple[int, int]]) -> MappedText:
        """Remove the given (start, end) spans of the current text."""
        if not spans:
            return self
        pieces: list[str] = []
        origin, origin_end = array("l"), array("l")
        last = 0
        for start, end in sorted(spans):
            start = max(start, last)
            if end <= start:
                continue
            pieces.append(self.text[last:start])
            origin.extend(self.origin[last:start])
            origin_end.extend(self.origin_end[last:start])
            last = end
        pieces.append(self.text[last:])
        origin.extend(self.origin[last:])
        origin_end.extend(self.origin_end[last:])
        return MappedText("".join(pieces), origin, origin_end)

    def strip(self) -> MappedText:
        """Without leading and trailing whitespace."""
        lead = len(self.text) - len(self.text.lstrip())
        stripped = self.text.strip()
        if len(stripped) == len(self.text):
            return self
        return self._slice(lead, lead + len(stripped))

    def truncate(self, length: int) -> MappedText:
        return self._slice(0, length)

    def _end(self) -> int:
        return self.origin_end[-1] if len(self.origin_end) else 0

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        if not len(self.origin):
            return 0, 0
        start = min(max(start, 0), len(self.origin) - 1)
        end = min(max(end, start + 1), len(self.origin))
        return int(self.origin[start]), int(self.origin_end[end - 1])


def nfc(mapped: MappedText) -> MappedText:
    """Compose decomposed characters (NFD input, combining tone marks typed separately)."""
    if unicodedata.is_normalized("NFC", mapped.text):
        return mapped
    return mapped.sub(regex.compile(r"\P{M}\p{M}+|\p{M}+"), lambda m: unicodedata.normalize("NFC", m.group()))


def unify_tones(mapped: MappedText) -> MappedText:
    """Old-style tone placement to the new style, character for character."""
    return mapped.sub(_OLD_TONE_RE, lambda m: _OLD_TONES[m.group()])


def clean_whitespace(mapped: MappedText) -> MappedText:
    """Unify line breaks, drop invisible and control characters, collapse spaces and blank runs."""
    mapped = mapped.sub(_NEWLINES, "\n")
    mapped = mapped.sub(_INVISIBLE, "")
    mapped = mapped.sub(_CONTROL, " ")
    mapped = mapped.sub(_HSPACE, " ")
    mapped = mapped.sub(_LINE_EDGES, "")
    mapped = mapped.sub(_BLANK_RUN, "\n\n")
    return mapped


def normalize_text(text: str) -> MappedText:
    """NFC, tone placement, whitespace: the character-level normalisation."""
    mapped = MappedText.of(text)
    mapped = clean_whitespace(unify_tones(nfc(mapped)))
    return mapped.strip()
