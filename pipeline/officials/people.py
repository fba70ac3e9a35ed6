"""Mentions merged into one ``Official`` per person.

A person exists when the body gives a full name (2-5 syllables) an office. Every other
mention then attaches to a known person: the same name ("ông Lý Seo Dìn"), or a unique end
of it ("ông Dìn", "bà Quỳnh Giao", "Chủ tịch UBND tỉnh Bình"), the honorific's gender
breaking ties ("bà Hà" is not "Nguyễn Văn Hà"); bare repetitions of the full name count too.
Titles are kept in order of first appearance, one per office: a title that is a shorter or
longer writing of one already kept ("giám đốc sở" after "Giám đốc Sở Thông tin và Truyền
thông") is the same office, and an office held no longer ("nguyên Bí thư") is not reported.
The main title gives the organisation, canonical title and province.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from ..records import Official
from .lexicon import Lexicon
from .meaning import describe, same_office, title_key
from .mentions import Mention
from .roles import mention_roles, precedence
from .syllables import Tok, display, fold, tokenize
from .titles import Title

_MAIN_KINDS = ("state", "party", "mass", "enterprise", "village")
_BYLINE_SPLIT = regex.compile(r"[-–,;/()|]|\s{2,}")
_FEMALE = frozenset({"bà", "chị", "cô"})
_MALE = frozenset({"ông", "anh", "chú"})


@dataclass
class Person:
    key: str  # folded full name
    mentions: list[Mention] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return self.key.split()


def build_officials(mentions: list[Mention], tokens: list[Tok], text: str, lex: Lexicon,
                    province: str | None, byline: str | None) -> list[Official]:
    """One ``Official`` per person named in the body with an office, in order of first mention."""
    persons = _persons(mentions, lex, _byline_keys(byline))
    _attach(mentions, persons)
    _add_repetitions(persons, text)
    roles = mention_roles(mentions, tokens, text, lex)
    role_of = {id(m): roles[i] for i, m in enumerate(mentions) if i in roles}
    out = [o for p in persons.values() if (o := _official(p, tokens, lex, province, role_of)) is not None]
    return sorted(out, key=lambda o: o.start_char)


def _byline_keys(byline: str | None) -> set[str]:
    if not byline:
        return set()
    return {fold(part).strip() for part in _BYLINE_SPLIT.split(byline) if part.strip()}


def _persons(mentions: list[Mention], lex: Lexicon, bylines: set[str]) -> dict[str, Person]:
    """People the body names in full with a title."""
    persons: dict[str, Person] = {}
    for m in mentions:
        if len(m.words) < lex.min_name or not m.titles or m.zone != "body":
            continue
        if m.key in lex.never_officials or m.key in bylines:
            continue
        persons.setdefault(m.key, Person(m.key)).mentions.append(m)
    return persons


def _attach(mentions: list[Mention], persons: dict[str, Person]) -> None:
    """Every other mention joins the person it refers to, when that person is unambiguous."""
    used = {id(m) for p in persons.values() for m in p.mentions}
    for m in mentions:
        if id(m) in used:
            continue
        person = _resolve(m, persons)
        if person is None:
            continue
        if m.zone != "body":
            m.titles = []  # a headline or a link may refer to a person, not tell their offices
        person.mentions.append(m)


def _resolve(m: Mention, persons: dict[str, Person]) -> Person | None:
    if m.key in persons:
        return persons[m.key]
    keys = m.key.split()
    found = [p for p in persons.values() if len(p.keys) > len(keys) and p.keys[-len(keys):] == keys]
    if len(found) > 1 and m.honorific:
        honorific = fold(m.honorific.split()[0])
        if honorific in _FEMALE:
            found = [p for p in found if "thị" in p.keys]
        elif honorific in _MALE:
            found = [p for p in found if "thị" not in p.keys]
    return found[0] if len(found) == 1 else None


def _occurrences(name: str, text: str, lowered: str) -> list[tuple[int, int]]:
    """Where ``name`` stands in ``text`` as whole words, case-insensitively.

    A plain search in the lower-cased text (the normalised text has single spaces): compiling
    a pattern per person per article cost more than the rest of the component.
    """
    if len(lowered) != len(text):  # lower-casing changed lengths: fall back to a pattern
        words = [regex.escape(w) for w in name.split()]
        pattern = regex.compile(r"(?<![\p{L}\p{M}])" + r"[ \t]+".join(words) + r"(?![\p{L}\p{M}])",
                                regex.IGNORECASE)
        return [m.span() for m in pattern.finditer(text)]
    needle = name.lower()
    found = []
    at = lowered.find(needle)
    while at >= 0:
        end = at + len(needle)
        before = text[at - 1] if at > 0 else " "
        after = text[end] if end < len(text) else " "
        if not _is_letter(before) and not _is_letter(after):
            found.append((at, end))
        at = lowered.find(needle, at + 1)
    return found


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM"


def _add_repetitions(persons: dict[str, Person], text: str) -> None:
    """Bare repetitions of a known full name ("… đồng ý với Nguyễn Tuấn Hà …") are mentions too."""
    lowered = text.lower()
    for person in persons.values():
        spans = {(m.start, m.end) for m in person.mentions}
        inside = {pos for s, e in spans for pos in range(s, e)}
        name = " ".join(unicodedata.normalize("NFC", w) for w in person.mentions[0].words)
        for span in _occurrences(name, text, lowered):
            if span in spans or span[0] in inside:
                continue
            repeat = Mention(-1, -1, span[0], span[1], text[span[0]:span[1]].split(), person.key, "repeat")
            person.mentions.append(repeat)
            spans.add(span)
            inside.update(range(*span))


def _official(person: Person, tokens: list[Tok], lex: Lexicon, province: str | None,
              role_of: dict[int, str]) -> Official | None:
    person.mentions.sort(key=lambda m: m.start)
    titles = _titles(person, lex)
    if not titles:
        return None
    meaning = describe(_main_title(titles, tokens, lex), tokens, lex)
    place = meaning.province or (None if meaning.level == "national" else province)
    ranks = precedence(lex)
    found = [role_of[id(m)] for m in person.mentions if id(m) in role_of]
    first = person.mentions[0]
    return Official(
        name=display(_best_words(person.mentions)),
        titles=[t.text for t in titles],
        start_char=first.start,
        end_char=first.end,
        organization=meaning.organization,
        canonical_title=meaning.canonical,
        province=place,
        role=min(found, key=lambda r: ranks.get(r, 99)) if found else None,
        mentions=sorted({(m.start, m.end) for m in person.mentions}),
    )


def _best_words(mentions: list[Mention]) -> list[str]:
    """The spelling to report: a mixed-case writing over an all-caps one."""
    full = [m.words for m in mentions if len(m.words) >= 2]
    return next((w for w in full if not all(x.isupper() and len(x) > 1 for x in w)), full[0])


def _titles(person: Person, lex: Lexicon) -> list[Title]:
    """The person's offices in order of first appearance, one title per office."""
    kept: list[Title] = []
    keys: list[tuple[str, ...]] = []
    seen: set[int] = set()
    for m in person.mentions:
        for t in sorted(m.titles, key=lambda t: t.start_char):
            if id(t) in seen:
                continue
            seen.add(id(t))
            if t.prefix and lex.former.match(tokenize(t.prefix), 0):
                continue  # "nguyên Bí thư Tỉnh ủy": no longer held
            key = title_key(t.text, lex)
            same = next((n for n, k in enumerate(keys) if same_office(key, k)), None)
            if same is None and key:
                kept.append(t)
                keys.append(key)
            elif same is not None and kept[same].org is None and kept[same].unit is None \
                    and len(key) > len(keys[same]):
                kept[same], keys[same] = t, key  # "Bộ trưởng" … "Bộ trưởng Bộ Giao thông vận tải"
    return kept


def _main_title(titles: list[Title], tokens: list[Tok], lex: Lexicon) -> Title:
    """The office that defines the person: a party secretary (not a deputy), else the first
    state office, else the first party, mass-body, enterprise or village post, else the first."""
    kinds = [describe(t, tokens, lex).kind for t in titles]
    for t, kind in zip(titles, kinds, strict=True):
        if kind == "party" and t.head.canonical == "Bí thư" and not t.prefix:
            return t
    for wanted in (("state",), _MAIN_KINDS):
        for t, kind in zip(titles, kinds, strict=True):
            if kind in wanted:
                return t
    return titles[0]
