"""Place names from underthesea's administrative data: they look like personal names.

"Chủ tịch UBND huyện Mèo Vạc Thào Mí Páo" is a run of five capitalised syllables; only the
gazetteer says that "Mèo Vạc" is the district and "Thào Mí Páo" the person. The data ships
with underthesea (provinces before and after the 2025 merger, districts, old and new wards)
and is read once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from .syllables import fold

_UNIT_PREFIX = regex.compile(r"^(?:Tỉnh|Thành phố|Huyện|Thị xã|Quận|Xã|Phường|Thị trấn|Đặc khu)\s+")


@dataclass(frozen=True)
class Gazetteer:
    names: frozenset[str]  # folded place names of every level
    provinces: dict[str, str]  # folded province name → its short name ("bắc kạn" → "Bắc Kạn")


def _short(name: str | None) -> str:
    return _UNIT_PREFIX.sub("", name or "").strip()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Every province, district and ward name of the underthesea address data (folded)."""
    try:
        import underthesea.address as address

        path = Path(address.__file__).parent / "data" / "mapping.json"
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ImportError, OSError, ValueError):  # the data is a signal; without it names still work
        return Gazetteer(frozenset(), {})
    provinces: dict[str, str] = {}
    for table in ("old_province_names", "province_names"):
        for row in data.get(table, {}).values():
            provinces[fold(row["short"])] = row["short"]
    names: set[str] = set(provinces)
    for row in data.get("ward_mapping", []):
        for column in ("old_district", "old_ward", "new_ward"):
            short = _short(row.get(column))
            if short and not short.isdigit():
                names.add(fold(short))
    return Gazetteer(frozenset(names), provinces)
