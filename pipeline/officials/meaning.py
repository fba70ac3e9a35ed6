"""What a title means: canonical title, organisation, level, province; and when two titles
name the same office.

The canonical title is composed from the catalogue in ``models/titles.json``: the head's
canonical spelling, "Thường trực" when written, and the organisation's canonical name (a
known body: "Sở Thông tin và Truyền thông", "Ủy ban MTTQ Việt Nam"; otherwise the words as
written with "Ủy ban nhân dân" → "UBND"), followed by its unit ("tỉnh", "huyện", "xã") and
without the place name: "Phó Chủ tịch UBND huyện A Lưới" → "Phó Chủ tịch UBND huyện".

Two titles are the same office when one is a prefix of the other once abbreviations are
expanded — how the gold compares them, and what "a shorter or longer writing of the same
office" means in practice ("Trưởng Ban chỉ đạo" … "Trưởng Ban chỉ đạo về Chuyển đổi số tỉnh").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from .lexicon import Lexicon
from .syllables import Tok, fold
from .titles import Title

_SPACES = regex.compile(r"\s+")
_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}&]+")
_LOCAL_KINDS = ("state", "mass", "enterprise", "party")


@dataclass(frozen=True)
class Meaning:
    canonical: str
    organization: str | None
    level: str | None  # national | province | district | commune | village
    kind: str | None  # state | party | membership | committee | mass | enterprise | village
    province: str | None  # a province the title itself names


def _clean(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    return regex.sub(r"\s+([,])", r"\1", text)


def _organization(title: Title, tokens: list[Tok]) -> str | None:
    if title.org_start is not None:
        return _clean(" ".join(t.text for t in tokens[title.org_start : title.end] if not t.is_break))
    if title.unit is not None:  # "Trưởng thôn Lao Chải" → "thôn Lao Chải"
        first = title.unit.form.split()[0]
        start = next((k for k in range(title.head_end, title.end) if tokens[k].key == first), title.head_end)
        return _clean(" ".join(t.text for t in tokens[start : title.end] if not t.is_break)) or None
    return title.head.org


def _org_canonical(title: Title, tokens: list[Tok]) -> str:
    """The organisation in catalogue spelling, then what the title adds to it, without the unit's
    own name: "Ban Pháp chế HĐND tỉnh", "UBND huyện", "Ngân hàng Nhà nước chi nhánh tỉnh"."""
    org = title.org
    parts = [org.canonical] if org is not None else []
    start = title.org_end if org is not None and title.org_end is not None else title.head_end
    skip = set(range(*title.place_span)) if title.place_span else set()
    unit = title.unit
    if unit is not None and title.unit_start is not None:
        skip.update(range(title.unit_start, title.unit_start + len(unit.form.split())))
    parts += [t.text for k, t in enumerate(tokens[start : title.end], start) if t.is_word and k not in skip]
    if unit is not None and (org is None or org.level is None or (title.unit_start or 0) < start):
        parts.append(unit.canonical or unit.form)
    return " ".join(parts)


def describe(title: Title, tokens: list[Tok], lex: Lexicon) -> Meaning:
    """Canonical title, organisation, level, kind and province of a title."""
    head = title.head
    parts = [title.prefix.capitalize() if title.prefix else "", head.canonical]
    if title.qualifier and title.qualifier.casefold() == "thường trực":
        parts.append("Thường trực")
    if head.org is None:
        parts.append(_org_canonical(title, tokens))
    canonical = unicodedata.normalize("NFC", _SPACES.sub(" ", " ".join(p for p in parts if p)).strip())
    canonical = canonical[:1].upper() + canonical[1:]
    kind = head.kind or (title.org.kind if title.org else None) or ("village" if title.unit else None)
    return Meaning(canonical, _organization(title, tokens), _level(title, tokens, lex), kind,
                   _province(title, lex))


def _province(title: Title, lex: Lexicon) -> str | None:
    """The province a title names ("… tỉnh Lai Châu", "VNPT Bình Phước"); not a city district
    that shares a province's name ("UBND thành phố Huế")."""
    if not title.place:
        return None
    key = fold(_SPACES.sub(" ", title.place).strip())
    if title.unit is not None and title.unit.level not in ("province", "city"):
        return None
    if title.unit is not None and title.unit.level == "city" and (
            key in lex.places.districts or key not in lex.places.old_provinces):
        return None
    return lex.province_of(key)


def _level(title: Title, tokens: list[Tok], lex: Lexicon) -> str | None:
    if title.head.level == "national" or (title.org is not None and title.org.level == "national"):
        return "national"
    if title.unit is not None:
        return {"city": "province"}.get(title.unit.level, title.unit.level)
    if title.org is not None and title.org.level:
        return title.org.level
    for k in range(title.head_end, title.end):  # "… Vụ Địa phương", "… của Chính phủ"
        if tokens[k].cap and lex.national_markers.match(tokens, k):
            return "national"
    return title.head.level


def title_key(text: str, lex: Lexicon) -> tuple[str, ...]:
    """Folded syllables of a title with abbreviations expanded ("UBND" → "ủy ban nhân dân")."""
    out: list[str] = []
    for word in _WORDS.findall(fold(text)):
        out.extend(lex.expand(word))
    return tuple(out)


def same_office(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two titles name the same office when one is a prefix of the other (as the gold compares)."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_[: len(short)] == short
