"""What a personal name looks like, and where a run of capitals splits into place + name.

A name is a run of 2-5 syllables that all start with a capital. Family names are a strong
signal ("Nguyễn", "Lò", "Giàng", "Ksor", "Điểu", the "Y"/"H'" of Ê Đê names), but only a
signal: "Y Giang Gry Niê Knơng" or "Pơloong Thị Hươi" must pass without being listed.

The hard case is a title whose organisation ends in a place name written right before the
person: "Chủ tịch UBND huyện Tủa Chùa Mùa A Vảng", "Bí thư Huyện ủy Bát Xát Tẩn Láo Lở".
``split_run`` scores every cut of the run with the evidence at hand: the gazetteer and the
places the article names elsewhere, the names it writes after an honorific ("ông Mùa A
Vảng"), the short references it uses ("ông Páo"), the family-name list, and underthesea's
word boundaries (it segments "Bát Xát | Tẩn Láo Lở").
"""

from __future__ import annotations

from dataclasses import dataclass

from .evidence import Evidence
from .lexicon import Lexicon, Unit
from .syllables import Tok

_LENGTH_BONUS = {2: 0.0, 3: 0.5, 4: 0.3, 5: -0.5}


@dataclass(frozen=True)
class Split:
    """A run cut in two: ``place`` syllables belong to the title, then ``name`` syllables."""

    place: int
    name: int
    score: float


def surname_length(keys: list[str], lex: Lexicon) -> int:
    """Syllables of the family name the run starts with (0 when none is known)."""
    for n in (2, 1):
        if len(keys) >= n and tuple(keys[:n]) in lex.surnames.entries:
            return n
    first = keys[0] if keys else ""
    if "'" in first and first.split("'")[0] + "'" in lex.minority_prefixes:
        return 1
    return 0


def name_score(keys: list[str], lex: Lexicon, evidence: Evidence) -> float:
    """How much a run of folded syllables looks like a personal name (around 0 = undecided)."""
    if not keys:
        return -10.0
    joined = " ".join(keys)
    if joined in lex.never_officials:
        return -10.0
    score = _LENGTH_BONUS.get(len(keys), -2.0)
    if joined in evidence.full_names:
        score += 3.0
    if keys[-1] in evidence.short_refs or " ".join(keys[-2:]) in evidence.short_refs:
        score += 1.0
    has_surname = surname_length(keys, lex) > 0
    score += 1.5 if has_surname else -1.0
    if not has_surname and keys[0] in lex.place_prefixes:
        score -= 2.0
    if has_surname and len(keys) >= 3 and keys[1] in lex.middle_names:
        score += 1.0  # "Hoàng Văn …", "Lò Thị …", "Sùng Seo …"
    if keys[0] in lex.non_name_words:
        score -= 3.0
    if lex.is_place(joined) or joined in evidence.places:
        score -= 1.5 if has_surname else 3.0
    elif not has_surname and len(keys) >= 3 and lex.is_place(" ".join(keys[-2:])):
        score -= 2.0  # "Chuyên Bắc Ninh" in "Trường THPT Chuyên Bắc Ninh": a name ends in a place, no surname
    return score


def is_name_like(keys: list[str], lex: Lexicon, evidence: Evidence, threshold: float = 0.5) -> bool:
    return lex.min_name <= len(keys) <= lex.max_name and name_score(keys, lex, evidence) >= threshold


def split_run(run: list[Tok], lex: Lexicon, evidence: Evidence, unit: Unit | None = None,
              places_follow: bool = False, chain: bool = False, level: str | None = None) -> Split:
    """Best cut of a capitalised run that follows a title's organisation phrase.

    ``unit`` is the administrative word before the run ("huyện"), ``places_follow`` says the
    organisation takes a place name ("Huyện ủy", "Viễn thông"), ``chain`` that the title is
    written after its holder (so a name is unlikely to follow it), ``level`` which level of
    place may follow (from the unit or the organisation).
    """
    level = unit.level if unit is not None else level
    keys = [t.key for t in run]
    n = len(keys)
    best = Split(n, 0, -99.0)
    for k in range(n + 1):
        m = n - k
        if m and not (lex.min_name <= m <= lex.max_name) and not (m == 1 and n == 1):
            continue
        known = k > 0 and (lex.is_place(" ".join(keys[:k]), level) or " ".join(keys[:k]) in evidence.places)
        score = _place_score(keys, k, known, lex, unit, places_follow) if k else 0.0
        if k and m:  # underthesea's words agree with the cut, or run across it
            score += 0.5 if run[k].start in evidence.token_starts else \
                -0.7 if run[k].start in evidence.token_inside else 0.0
        if k >= 4 and not m and not known:
            score -= 1.0  # place names are short; a long unknown run hides a name
        if m:
            score += _name_part_score(keys, k, known, lex, evidence, unit) - (2.0 if chain else 0.0)
        if score > best.score:
            best = Split(k, m, score)
    return best


def _place_score(keys: list[str], k: int, known: bool, lex: Lexicon, unit: Unit | None,
                 places_follow: bool) -> float:
    """How well the first ``k`` syllables read as the place the title ends with."""
    if known:
        return 3.0
    looks_like_place = keys[0] in lex.place_prefixes
    if unit is not None and unit.place_required:  # "thôn …": a place always follows
        return 0.5 if looks_like_place else 0.0
    if unit is not None or places_follow:
        return 1.0 if looks_like_place else -1.0 * k
    return -3.0 * k  # no unit: only a known place may stand there


def _name_part_score(keys: list[str], k: int, known: bool, lex: Lexicon, evidence: Evidence,
                     unit: Unit | None) -> float:
    """How well the syllables after the cut read as the holder's name."""
    if len(keys) - k == 1:  # a short reference ("Chủ tịch UBND tỉnh Bình") the article also writes "ông Bình"
        score = -0.5 if keys[k] in evidence.short_refs and not lex.is_place(keys[k]) else -5.0
    else:
        score = name_score(keys[k:], lex, evidence)
    place_required = unit is not None and unit.place_required
    if place_required and k == 0:
        score -= 3.0
    if k and not known and score < 2.5:  # an unknown place, then a name nothing else confirms
        score -= 3.0 if place_required else 1.5 if unit is None else 0.0
    return score
