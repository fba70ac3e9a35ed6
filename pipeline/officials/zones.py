"""Where a line sits in the article: body, headline, or the tail of links after it.

Boilerplate removal cuts most page furniture, but a "Xem thêm:" list or a related headline
can survive ("- Phó Chủ tịch UBND tỉnh Hầu Minh Lợi kiểm tra vùng lõm sóng tại Xín Mần").
Such lines name office holders who are not in the article. A person may only be *created*
from a body line; the headline and the tail can only add mentions to people the body names.
The tail is what follows the last body paragraph (a line of 8+ words ending like a sentence);
lines written in capitals throughout are headings, never body.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

_SENTENCE_END = regex.compile(r"[.!?…:;\"”»)\]]\s*$")
_WORD = regex.compile(r"\S+")
_LETTER = regex.compile(r"\p{L}")
_UPPER = regex.compile(r"\p{Lu}")


@dataclass
class Zones:
    starts: list[int]  # line start offsets
    kinds: list[str]  # body | headline | tail | caps

    def at(self, offset: int) -> str:
        if not self.starts:
            return "body"
        return self.kinds[max(0, bisect.bisect_right(self.starts, offset) - 1)]


_ASCII_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")


def _is_caps(line: str) -> bool:
    if (len(line) - len(line.translate(_ASCII_LOWER))) * 5 > len(line):
        return False  # over a fifth of the line is a-z: below 80% capitals whatever the rest (fast exit)
    letters = len(_LETTER.findall(line))
    return letters >= 12 and len(_UPPER.findall(line)) >= 0.8 * letters


def zones(text: str, title: str | None = None) -> Zones:
    """Classify every line of ``text`` (``title``: the article headline, from ``doc._.meta``)."""
    starts, lines = [], []
    pos = 0
    for chunk in text.split("\n"):
        starts.append(pos)
        lines.append(chunk)
        pos += len(chunk) + 1
    kinds = ["body"] * len(lines)
    last_body = -1
    for idx, line in enumerate(lines):
        if len(_WORD.findall(line)) >= 8 and _SENTENCE_END.search(line):
            last_body = idx
    first = next((idx for idx, line in enumerate(lines) if line.strip()), None)
    for idx, line in enumerate(lines):
        stripped = line.strip()
        if _is_caps(stripped):
            kinds[idx] = "caps"
        elif idx == first and title and stripped == title.strip():
            kinds[idx] = "headline"
        elif last_body >= 0 and idx > last_body:
            kinds[idx] = "tail"
    return Zones(starts, kinds)
