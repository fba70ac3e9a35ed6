"""Reading numbers the way Vietnamese press writes them.

Vietnamese uses "." to group thousands and "," as the decimal mark: "20.000" is twenty thousand,
"76,6" is 76.6, "1.234,5" is 1234.5; a leading zero is only padding ("05" trạm BTS = 5). Babel's
``parse_decimal(..., locale="vi", strict=True)`` implements exactly that grammar and refuses the
ambiguous forms ("1.5", "12.3456"), which is what we want: a string that is not a well-formed
Vietnamese number is not read at all rather than read wrong.

Large amounts are written with scale words ("2,5 nghìn tỷ đồng", "9,6 triệu lượt"); ``scale``
multiplies them out. The words and their factors come from ``models/units.json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex
from babel import Locale
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

# A number as written: grouped thousands with an optional decimal part, or plain digits with an
# optional decimal part. Bounded repetitions keep it linear on hostile input (a megabyte of digits).
NUMBER_PATTERN = r"\d{1,3}(?:\.\d{3}){1,6}(?:,\d{1,6})?|\d{1,15}(?:,\d{1,6})?"
_NUMBER = regex.compile(rf"(?:{NUMBER_PATTERN})")

DEFAULT_SCALES: dict[str, float] = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_VI = Locale.parse("vi")  # parsed once: babel re-parses a locale name on every call


@lru_cache(maxsize=16384)
def parse_vi_number(text: str) -> float | None:
    """Vietnamese number text → float, or None when it is not a well-formed Vietnamese number.

    "76,6" → 76.6, "20.000" → 20000.0, "1.234,5" → 1234.5, "05" → 5.0; "1.5" → None (ambiguous:
    an English decimal or a date "18.2" — never guessed). Memoised: the same figures recur.
    """
    text = (text or "").strip()
    if not text or len(text) > 40 or not _NUMBER.fullmatch(text):
        return None
    try:
        value = parse_decimal(text, locale=_VI, strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        return None
    return float(value)


def scale(value: float, words: Iterable[str], scales: Mapping[str, float] | None = None) -> float:
    """Multiply ``value`` by the scale words that follow it ("nghìn", "tỷ" → × 10^12).

    Unknown words stop the multiplication, so the caller may pass the words after the number
    without cutting them first.
    """
    table = scales if scales is not None else DEFAULT_SCALES
    factor = 1.0
    for word in words:
        step = table.get(word.casefold())
        if step is None:
            break
        factor *= step
    return _tidy(value * factor)


def _tidy(value: float) -> float:
    """Drop binary noise from a scaled decimal (2,15 × 10^9 is 2150000000, not 2150000000.0000002)."""
    return round(value, 6)


def format_vi_number(value: float | Decimal, decimals: int = 0) -> str:
    """The Vietnamese written form of ``value`` ("1.234,5"): the inverse of ``parse_vi_number``."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale="vi", decimal_quantization=True)
