"""The province an article reports on.

Province and district names come from underthesea's administrative data (shipped with the
package, read once per process); ``models/provinces.json`` adds aliases and outlets. Each
mention scores for its province — more when it sits in the title or is written "tỉnh X" —
and a district mention ("huyện Ba Bể") scores for the province it belongs to. The article
province is the clear winner, or ``None`` for a national or many-province article.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import load_json
from ..segment import doc_text

_PREFIX = r"(?i:tỉnh|thành phố|tp\.?)\s+"
_DISTRICT_PREFIX = r"(?i:huyện(?:\s+ủy)?|thị xã|thị ủy|quận(?:\s+ủy)?|thành phố|thành ủy|tp\.?)\s+"
_DISTRICT_UNIT = regex.compile(r"^(Huyện|Thị xã|Quận|Thành phố)\s+")
_PROVINCE_UNIT = regex.compile(r"^(Tỉnh|Thành phố)\s+")


@lru_cache(maxsize=1)
def administrative_units() -> tuple[dict[str, str], dict[str, str]]:
    """(province short names → themselves, district short names → province) from underthesea."""
    import underthesea.address as address

    data = json.loads((Path(address.__file__).parent / "data" / "mapping.json").read_text(encoding="utf-8"))
    provinces = {p["short"]: p["short"] for p in data["old_province_names"].values()}
    provinces.update({p["short"]: p["short"] for p in data["province_names"].values()})
    districts: dict[str, str] = {}
    for row in data["ward_mapping"]:
        district = row.get("old_district") or ""
        short = _DISTRICT_UNIT.sub("", district)  # 10,000 rows: compiled once
        old_province = _PROVINCE_UNIT.sub("", row.get("old_province") or "")
        if short and old_province and not short.isdigit() and short not in provinces:
            districts.setdefault(short, old_province)
    return provinces, districts


@dataclass
class ProvinceFinder:
    """Scores province evidence in a text."""

    names: dict[str, str]  # surface form → province
    districts: dict[str, str]
    outlets: dict[str, str]
    weights: dict[str, float]
    min_score: float
    min_ratio: float
    national_cues: tuple[str, ...] = ()
    national: dict | None = None
    lead_codes: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # a headline or heading in capitals ("VĨNH LONG: TỶ LỆ HỘ NGHÈO …") names its province in capitals
        for form, province in list(self.names.items()):
            self.names.setdefault(form.upper(), province)
        forms = sorted(self.names, key=len, reverse=True)
        alternation = "|".join(regex.escape(f) for f in forms)
        # every name starts with a capital, so "(?=\p{Lu})" changes no match; it lets the scan skip
        # the long alternation at every lower-case position (about twice as fast)
        capital = r"(?=\p{Lu})" if all(f[:1].isupper() for f in forms) else ""
        self._mention = regex.compile(
            rf"(?<!\p{{L}})(?P<prefix>{_PREFIX})?{capital}(?P<name>{alternation})(?!\p{{L}})"
        )
        codes = "|".join(regex.escape(c) for c in sorted(self.lead_codes, key=len, reverse=True))
        self._lead_code = regex.compile(rf"(?m)^[ \t]*\(?(?P<code>{codes})\)?[ \t]*[-–—]") if codes else None
        self._slugs = {slug(p): p for p in set(self.names.values())}
        slugs = "|".join(sorted(self._slugs, key=len, reverse=True))
        self._web = regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}])bao(?P<slug>{slugs})(?![\p{{L}}\p{{N}}])")
        dforms = sorted(self.districts, key=len, reverse=True)
        self._district = regex.compile(
            rf"(?<!\p{{L}}){_DISTRICT_PREFIX}(?P<name>{'|'.join(regex.escape(f) for f in dforms)})(?!\p{{L}})"
        )

    def scores(self, text: str, title: str | None = None) -> Counter:
        score: Counter = Counter()
        for match in self._mention.finditer(text):
            province = self.names[match.group("name")]
            score[province] += self.weights["prefixed"] if match.group("prefix") else self.weights["bare"]
        if title:
            for match in self._mention.finditer(title):
                score[self.names[match.group("name")]] += self.weights["title"]
        for match in self._district.finditer(text):
            score[self.districts[match.group("name")]] += self.weights["district"]
        for marker, province in self.outlets.items():
            if marker in text:
                score[province] += self.weights["outlet"]
        outlets = {self._slugs[m.group("slug").lower()] for m in self._web.finditer(text)}
        if self._lead_code is not None:
            outlets |= {self.lead_codes[m.group("code")] for m in self._lead_code.finditer(text)}
        for province in outlets:  # a paper's web address or lead credit ("BHN - Ngày 10/9, …"), once
            score[province] += self.weights["outlet"]
        return score

    def is_national(self, text: str, title: str | None, best: str, best_score: float) -> bool:
        """Reporting from the centre that names provinces only as examples."""
        if not self.national or (title and best in title):
            return False
        cues = sum(text.count(cue) for cue in self.national_cues)
        return cues >= self.national["min_cues"] and best_score < self.national["max_province_score"]

    def find(self, text: str, title: str | None = None) -> str | None:
        ranked = self.scores(text, title).most_common(2)
        if not ranked or ranked[0][1] < self.min_score:
            return None
        if len(ranked) > 1 and ranked[0][1] < self.min_ratio * ranked[1][1]:
            return None
        if self.is_national(text, title, *ranked[0]):
            return None
        return ranked[0][0]


@lru_cache(maxsize=4)
def finder(resource: str) -> ProvinceFinder:
    config = load_json(resource)
    provinces, districts = administrative_units()
    names = dict(provinces)
    for province, aliases in config["aliases"].items():
        names[province] = province
        for alias in aliases:
            names[alias] = province
    return ProvinceFinder(names, districts, config["outlets"], config["weights"],
                          config["min_score"], config["min_ratio"],
                          tuple(config.get("national_cues", ())), config.get("national"),
                          config.get("lead_codes", {}))


def slug(name: str) -> str:
    """"Hà Nam" → "hanam", "Bà Rịa - Vũng Tàu" → "bariavungtau": how papers spell their web address."""
    folded = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    return "".join(ch for ch in folded if ch.isalnum() and not unicodedata.combining(ch))


class ProvinceComponent:
    def __init__(self, provinces: str) -> None:
        self.finder = finder(provinces)

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.meta or {}
        doc._.province = self.finder.find(doc_text(doc), meta.get("title"))
        return doc


@Language.factory("vnm_province", default_config={"provinces": "provinces.json"})
def make_province(nlp: Language, name: str, provinces: str) -> ProvinceComponent:
    return ProvinceComponent(provinces)
