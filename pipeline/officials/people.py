"""Mentions merged into one ``Official`` per person.

A person exists when the body gives a full name (2-5 syllables) an office. Every other
mention then attaches to a known person: the same name ("ông Lý Seo Dìn"), or a unique end
of it ("ông Dìn", "bà Quỳnh Giao", "Chủ tịch UBND tỉnh Bình"); bare repetitions of the full
name count too. Titles are kept in order of first appearance, one per office: a title that is
a shorter or longer writing of one already kept ("giám đốc sở" after "Giám đốc Sở Thông tin
và Truyền thông") is the same office. The main title (the first state, party or mass-body
office, else the first title) gives the organisation, canonical title and province.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from ..records import Official
from .lexicon import Lexicon
from .mentions import Mention
from .roles import mention_roles, precedence
from .syllables import Tok, display, fold
from .titles import Title, TitleScanner, same_office, title_key

_MAIN_KINDS = ("state", "party", "mass", "enterprise", "village")
_BYLINE_SPLIT = regex.compile(r"[-–,;/()|]|\s{2,}")


@dataclass
class Person:
    key: str
    words: list[str]
    mentions: list[Mention] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return self.key.split()


def _byline_keys(byline: str | None) -> set[str]:
    if not byline:
        return set()
    return {fold(part).strip() for part in _BYLINE_SPLIT.split(byline) if part.strip()}


def _best_words(mentions: list[Mention]) -> list[str]:
    """The spelling to report: a mixed-case writing over an all-caps one."""
    for m in mentions:
        if len(m.words) >= 2 and not all(w.isupper() and len(w) > 1 for w in m.words):
            return m.words
    return next(m.words for m in mentions if len(m.words) >= 2)


def _resolve(m: Mention, persons: dict[str, Person]) -> Person | None:
    if m.key in persons:
        return persons[m.key]
    keys = m.key.split()
    found = [p for p in persons.values() if len(p.keys) > len(keys) and p.keys[-len(keys):] == keys]
    return found[0] if len(found) == 1 else None


def build_officials(mentions: list[Mention], tokens: list[Tok], text: str, lex: Lexicon,
                    scanner: TitleScanner, province: str | None, byline: str | None) -> list[Official]:
    """One ``Official`` per person named in the body with an office."""
    bylines = _byline_keys(byline)
    persons: dict[str, Person] = {}
    for m in mentions:
        if len(m.words) < lex.min_name or not m.titles or m.zone != "body":
            continue
        if m.key in lex.never_officials or m.key in bylines:
            continue
        person = persons.setdefault(m.key, Person(m.key, m.words))
        person.mentions.append(m)
    used = {id(m) for p in persons.values() for m in p.mentions}
    for m in mentions:
        if id(m) in used:
            continue
        person = _resolve(m, persons)
        if person is not None:
            if m.zone != "body":
                m.titles = []
            person.mentions.append(m)
            used.add(id(m))
    _add_repetitions(persons, text)
    roles = mention_roles(mentions, tokens, text, lex)
    role_of = {id(m): roles[i] for i, m in enumerate(mentions) if i in roles}
    ranks = precedence(lex)
    out: list[Official] = []
    for person in persons.values():
        person.mentions.sort(key=lambda m: m.start)
        titles = _titles(person, lex)
        if not titles:
            continue
        main = _main_title(titles, tokens, scanner)
        meaning = scanner.describe(main, tokens)
        place = meaning.province
        if place is None:
            place = None if meaning.level == "national" else province
        found = [role_of[id(m)] for m in person.mentions if id(m) in role_of]
        role = min(found, key=lambda r: ranks.get(r, 99)) if found else None
        first = person.mentions[0]
        out.append(Official(
            name=display(_best_words(person.mentions)),
            titles=[t.text for t in titles],
            start_char=first.start,
            end_char=first.end,
            organization=meaning.organization,
            canonical_title=meaning.canonical,
            province=place,
            role=role,
            mentions=sorted({(m.start, m.end) for m in person.mentions}),
        ))
    out.sort(key=lambda o: o.start_char)
    return out


def _main_title(titles: list[Title], tokens: list[Tok], scanner: TitleScanner) -> Title:
    """The office that defines the person: a party secretary (not deputy), else the first state
    office, else the first party, mass-body, enterprise or village post, else the first title."""
    kinds = [scanner.describe(t, tokens).kind for t in titles]
    for t, kind in zip(titles, kinds, strict=True):
        if kind == "party" and t.head.canonical == "Bí thư" and not t.prefix:
            return t
    for wanted in (("state",), _MAIN_KINDS):
        for t, kind in zip(titles, kinds, strict=True):
            if kind in wanted:
                return t
    return titles[0]


def _titles(person: Person, lex: Lexicon) -> list[Title]:
    kept: list[Title] = []
    keys: list[tuple[str, ...]] = []
    seen: set[int] = set()
    for m in person.mentions:
        for t in sorted(m.titles, key=lambda t: t.start_char):
            if id(t) in seen:
                continue
            seen.add(id(t))
            key = title_key(t.text, lex)
            if not key or any(same_office(key, k) for k in keys):
                continue
            kept.append(t)
            keys.append(key)
    return kept


def _add_repetitions(persons: dict[str, Person], text: str) -> None:
    """Bare repetitions of a known full name ("… đồng ý với Nguyễn Tuấn Hà …") are mentions too."""
    for person in persons.values():
        spans = {(m.start, m.end) for m in person.mentions}
        inside = {pos for s, e in spans for pos in range(s, e)}
        words = [regex.escape(unicodedata.normalize("NFC", w)) for w in person.mentions[0].words]
        pattern = regex.compile(r"(?<![\p{L}\p{M}])" + r"\s+".join(words) + r"(?![\p{L}\p{M}])",
                                regex.IGNORECASE)
        for match in pattern.finditer(text):
            span = (match.start(), match.end())
            if span in spans or span[0] in inside:
                continue
            mention = Mention(-1, -1, span[0], span[1], match.group().split(), person.key, "repeat")
            person.mentions.append(mention)
            spans.add(span)
            inside.update(range(span[0], span[1]))
