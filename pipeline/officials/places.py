"""Place names from underthesea's administrative data: they look like personal names.

"Chủ tịch UBND huyện Mèo Vạc Thào Mí Páo" is a run of five capitalised syllables; only the
gazetteer says that "Mèo Vạc" is the district and "Thào Mí Páo" the person. The data ships
with underthesea (provinces before and after the 2025 merger, districts, old and new wards)
and is read once per process. Names are kept by level, because the unit word before a run
says which level to look at: after "tỉnh" only a province can follow ("Phó Chủ tịch UBND tỉnh
Hồ Thị Thanh Bình" is not the ward "Hồ" + a name).
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
    provinces: dict[str, str]  # folded province name → its short name ("bắc kạn" → "Bắc Kạn")
    old_provinces: frozenset[str]  # the 63 provinces before the 2025 merger (folded)
    districts: frozenset[str]  # folded district names
    wards: frozenset[str]  # folded commune/ward names

    def has(self, key: str, level: str | None = None) -> bool:
        """Whether ``key`` (folded) names a place of ``level`` (any level when None)."""
        if level in ("province",):
            return key in self.provinces
        if level in ("city",):
            return key in self.provinces or key in self.districts
        if level == "district":
            return key in self.districts
        if level == "commune":
            return key in self.wards
        if level == "village":
            return False
        return key in self.provinces or key in self.districts or key in self.wards


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
        return Gazetteer({}, frozenset(), frozenset(), frozenset())
    provinces: dict[str, str] = {}
    for table in ("old_province_names", "province_names"):
        for row in data.get(table, {}).values():
            provinces[fold(row["short"])] = row["short"]
    old = frozenset(fold(row["short"]) for row in data.get("old_province_names", {}).values())
    districts: set[str] = set()
    wards: set[str] = set()
    for row in data.get("ward_mapping", []):
        short = _short(row.get("old_district"))
        if short and not short.isdigit():
            districts.add(fold(short))
        for column in ("old_ward", "new_ward"):
            short = _short(row.get(column))
            if short and not short.isdigit():
                wards.add(fold(short))
    return Gazetteer(provinces, old, frozenset(districts), frozenset(wards))
