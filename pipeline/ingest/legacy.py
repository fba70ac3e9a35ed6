"""Legacy Vietnamese encodings (TCVN3/ABC, VNI-Windows) and the syllable check that judges a decoding.

Before Unicode, Vietnamese text was typed in 8-bit font encodings. Their bytes, read as
Latin-1, give text like "Chñ tÞch" (TCVN3) or "Chuû tòch" (VNI) for "Chủ tịch". Such text
still reaches us, as raw 8-bit files or pasted into UTF-8 pages. The mapping tables are data
(``models/legacy_encodings.json``); this module applies them and scores the result: the
share of non-ASCII words that are possible Vietnamese syllables. A conversion is kept only
when that share rises, which is what keeps us from turning good text into garbage.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json

RESOURCE = "legacy_encodings.json"

# A "word" for scoring: a run of anything but whitespace, ASCII digits/punctuation and the
# General Punctuation block. Latin-1 symbols stay inside words on purpose: in TCVN3 "§¨ng"
# the symbols are letters.
_WORD = re.compile(r"[^\s\x00-\x40\x5b-\x60\x7b-\x7f\u2000-\u206f\u3000-\u303f]+")
_SAMPLE_CHARS = 20_000
_MAX_SYLLABLE = 12


@dataclass(frozen=True)
class Score:
    """``valid`` of ``total`` non-ASCII words are possible Vietnamese syllables."""

    valid: int
    total: int
    common: int = 0  # words among the frequent press syllables: breaks ties between readings

    @property
    def ratio(self) -> float:
        return self.valid / self.total if self.total else 1.0


class Legacy:
    """The compiled tables of ``models/legacy_encodings.json``."""

    def __init__(self, data: dict) -> None:
        self._tcvn3_map = data["tcvn3"]["map"]
        self._tcvn3 = str.maketrans(self._tcvn3_map)
        vni = data["vni"]["map"]
        self._vni_map = vni
        self._vni_re = re.compile("|".join(re.escape(k) for k in sorted(vni, key=len, reverse=True)))
        syl = data["syllable"]
        onset, nucleus = _alt(syl["onsets"]), _alt(syl["nuclei"])
        coda, open_nucleus = _alt(syl["codas"]), _alt(syl["open_nuclei"])
        self._syllable = re.compile(f"(?:{onset})?(?:(?:{nucleus})(?:{coda})?|(?:{open_nucleus}))")
        self._tones = frozenset(syl["tone_marks"])
        self._common = frozenset(unicodedata.normalize("NFC", w) for w in syl["common"])
        vietnamese = set(data["vietnamese_latin1"]["chars"])
        self._foreign = frozenset(chr(c) for c in range(0xA1, 0x100) if chr(c) not in vietnamese)
        self.telltale_re = re.compile("[" + re.escape("".join(sorted(self._foreign))) + "]")
        self.mojibake_re = re.compile(data["mojibake"]["pattern"])
        self.mojibake_lossy: dict[str, str] = data["mojibake"].get("lossy", {})
        self._valid = lru_cache(maxsize=65_536)(self._is_syllable)
        self._inverse = {"tcvn3": _inverse(self._tcvn3_map), "vni": _inverse(vni)}

    # -- conversion -------------------------------------------------------------------------
    def convert(self, text: str, scheme: str) -> str:
        """Text in the legacy scheme (as Latin-1 characters) → Unicode."""
        if scheme == "tcvn3":
            return text.translate(self._tcvn3)
        if scheme == "vni":
            return self._vni_re.sub(lambda m: self._vni_map[m.group()], text)
        raise ValueError(f"unknown legacy scheme {scheme!r}")

    def encode(self, text: str, scheme: str) -> str:
        """Unicode → the legacy scheme (as Latin-1 characters): the inverse of ``convert``.

        Used to build test fixtures and the hostile corpus. Characters the scheme cannot
        write (capitals with a tone in TCVN3) are written lowercase, as the fonts did.
        """
        inverse = self._inverse[scheme]
        text = unicodedata.normalize("NFC", text)
        return "".join(inverse.get(ch) or inverse.get(ch.lower()) or ch for ch in text)

    def has_telltales(self, text: str) -> bool:
        """Latin-1 characters Vietnamese never uses (ñ Þ § ¨ ...) are present."""
        return self.telltale_re.search(text) is not None

    # -- scoring ----------------------------------------------------------------------------
    def score(self, text: str, limit: int = _SAMPLE_CHARS) -> Score:
        """How Vietnamese the text reads: non-ASCII words that are possible syllables."""
        valid = total = common = 0
        for match in _WORD.finditer(text, 0, min(len(text), limit)):
            word = match.group()
            if word.isascii():
                continue
            total += 1
            valid += self._valid(word)
            common += self._is_common(word)
        return Score(valid, total, common)

    def _is_common(self, word: str) -> bool:
        return unicodedata.normalize("NFC", word).lower() in self._common

    def _is_syllable(self, word: str) -> bool:
        decomposed = unicodedata.normalize("NFD", word)
        tones = sum(1 for ch in decomposed if ch in self._tones)
        if tones > 1:
            return False
        bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in self._tones)).lower()
        if len(bare) > _MAX_SYLLABLE:
            return False
        return self._syllable.fullmatch(bare) is not None


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Unicode → Windows-1258 bytes, as Vietnamese Windows wrote them (test fixtures, hostile corpus).

    Windows-1258 has few precomposed toned letters: a toned vowel is written as the vowel
    (with its circumflex/breve/horn) followed by a combining tone byte.
    """
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
        out += (base + tones).encode("cp1258", errors="replace")
    return bytes(out)


def _inverse(table: dict[str, str]) -> dict[str, str]:
    """Unicode → legacy sequence; where several sequences give one letter, prefer a single-case one."""
    inverse: dict[str, str] = {}
    for key, value in sorted(
        table.items(), key=lambda kv: (kv[0] not in (kv[0].lower(), kv[0].upper()), kv[0])
    ):
        inverse.setdefault(value, key)
    return inverse


def _alt(items: list[str]) -> str:
    """A regex alternation, longest first (so "ngh" wins over "ng")."""
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def tables() -> Legacy:
    """The process-wide compiled tables (loaded once)."""
    return Legacy(load_json(RESOURCE))
