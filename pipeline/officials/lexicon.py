"""``models/titles.json`` and ``models/names.json`` compiled once into phrase tables.

Every list in those files is a list of phrases ("Chủ tịch", "Ủy ban nhân dân", "đồng chí",
"Sở Văn hóa, Thể thao và Du lịch"); a ``PhraseTable`` finds the longest one starting at a
token, case-insensitively, in time bounded by the longest phrase. Callers decide what casing
they accept. Nothing here knows the grammar; it only answers "which phrase starts here".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from ..resources import load_json
from .places import Gazetteer, gazetteer
from .syllables import Tok, fold, tokenize


@dataclass
class PhraseTable:
    """Longest-match lookup of folded token sequences."""

    entries: dict[tuple[str, ...], Any] = field(default_factory=dict)
    longest: int = 0
    prefixes: set[tuple[str, ...]] = field(default_factory=set)  # every proper prefix of an entry
    first: set[str] = field(default_factory=set)  # first syllables, for a quick "no"

    def add(self, phrase: str, value: Any = True) -> None:
        key = tuple(t.key for t in tokenize(phrase) if not t.is_break)
        if key and key not in self.entries:
            self.entries[key] = value
            self.longest = max(self.longest, len(key))
            self.first.add(key[0])
            for n in range(1, len(key)):
                self.prefixes.add(key[:n])

    def match(self, tokens: list[Tok], i: int, text: str | None = None) -> tuple[int, Any] | None:
        """(length in tokens, value) of the longest phrase starting at token ``i``, or None.

        With ``text``, the tokens of a phrase must be separated by spaces only (no line break).
        """
        if i >= len(tokens) or tokens[i].key not in self.first:
            return None
        best = None
        limit = min(self.longest, len(tokens) - i)
        key: list[str] = []
        for n in range(limit):
            tok = tokens[i + n]
            if tok.is_break:
                break
            if n and text is not None and "\n" in text[tokens[i + n - 1].end : tok.start]:
                break
            key.append(tok.key)
            current = tuple(key)
            value = self.entries.get(current)
            if value is not None:
                best = (n + 1, value)
            if current not in self.prefixes:
                break
        return best

    def __contains__(self, phrase: str) -> bool:
        return tuple(t.key for t in tokenize(phrase)) in self.entries


@dataclass(frozen=True)
class Head:
    canonical: str
    level: str | None = None
    kind: str | None = None
    org: str | None = None
    needs_org: bool = False
    cap_only: bool = False


@dataclass(frozen=True)
class Org:
    canonical: str
    level: str | None = None
    kind: str | None = None
    places_follow: bool = False
    known: bool = False  # a full known name (not just a head word)
    weak: bool = False  # too generic to make a title by itself ("đoàn")
    open: bool = False  # takes a complement after its name ("Ban Chỉ đạo chuyển đổi số tỉnh")


@dataclass(frozen=True)
class Unit:
    form: str
    level: str
    place_required: bool = False
    canonical: str = ""  # spelling in canonical titles ("TP" → "thành phố")


@dataclass(frozen=True)
class Role:
    role: str
    after: PhraseTable
    before: list[regex.Pattern]


def _table(phrases: list[str], value: Any = True) -> PhraseTable:
    table = PhraseTable()
    for phrase in phrases:
        table.add(phrase, value)
    return table


@dataclass
class Lexicon:
    """All phrase tables of the officials grammar."""

    prefixes: PhraseTable
    former: PhraseTable
    qualifiers: PhraseTable
    heads: PhraseTable
    org_heads: PhraseTable
    orgs: PhraseTable
    closing: PhraseTable
    units: PhraseTable
    false_units: PhraseTable
    connectors: PhraseTable
    continuations: PhraseTable
    blockers: PhraseTable
    chain_links: PhraseTable
    chain_blockers: PhraseTable
    plural_stops: PhraseTable
    name_links: PhraseTable
    private_markers: PhraseTable
    national_markers: PhraseTable
    abbreviations: dict[str, list[str]]
    honorifics: PhraseTable
    office_honorifics: PhraseTable
    ranks: PhraseTable
    academic: PhraseTable
    surnames: PhraseTable
    minority_prefixes: frozenset[str]
    place_prefixes: frozenset[str]
    middle_names: frozenset[str]
    non_name_words: frozenset[str]
    never_officials: frozenset[str]
    predicates: PhraseTable
    title_stops: PhraseTable
    plural_markers: PhraseTable
    roles: list[Role]
    role_skip: PhraseTable
    places: Gazetteer
    places_extra: PhraseTable
    min_name: int = 2
    max_name: int = 5
    title_starts: frozenset[str] = frozenset()  # first syllables of heads and prefixes
    honorific_starts: frozenset[str] = frozenset()  # first syllables of honorifics, ranks, degrees

    @classmethod
    def load(cls, titles: str = "titles.json", names: str = "names.json") -> Lexicon:
        t, n = load_json(titles), load_json(names)
        heads = PhraseTable()
        for h in t["heads"]:
            heads.add(h["form"], Head(h["canonical"], h.get("level"), h.get("kind"), h.get("org"),
                                      bool(h.get("needs_org")), bool(h.get("cap_only"))))
        org_heads = PhraseTable()
        for o in t["org_heads"]:
            org_heads.add(o["form"], Org(o["canonical"], o.get("level"), o.get("kind"),
                                         bool(o.get("places_follow")), False, bool(o.get("weak"))))
        orgs = PhraseTable()
        for o in t["orgs"]:
            orgs.add(o["form"], Org(o["canonical"], o.get("level"), o.get("kind"), False, True,
                                    open=bool(o.get("open"))))
        for name in t["departments"]["names"]:
            orgs.add(f"Sở {name}", Org(f"Sở {name}", "province", "state", False, True))
            orgs.add(f"Bộ {name}", Org(f"Bộ {name}", "national", "state", False, True))
            orgs.add(f"Phòng {name}", Org(f"Phòng {name}", "district", "state", True, True))
        units = PhraseTable()
        for form, info in t["units"].items():
            if not form.startswith("_"):
                units.add(form, Unit(form, info["level"], bool(info.get("place_required")),
                                     info.get("canonical", form)))
        abbreviations = {fold(k): [tok.key for tok in tokenize(v)] for k, v in t["abbreviations"].items()}
        roles = [Role(r["role"], _table(r.get("after", [])),
                      [regex.compile(p) for p in r.get("before", [])]) for r in n["roles"]]
        exceptions = {fold(w) for w in n.get("non_name_exceptions", [])}
        lex = cls(
            prefixes=_table(t["prefixes"]),
            former=_table(t.get("former_prefixes", [])),
            qualifiers=_table(t["qualifiers"]),
            heads=heads,
            org_heads=org_heads,
            orgs=orgs,
            closing=_table(t["closing_orgs"]),
            units=units,
            false_units=_table(t.get("false_units", [])),
            connectors=_table(t["connectors"]),
            continuations=_table(t.get("org_continuations", [])),
            blockers=_table(t.get("blockers", [])),
            chain_links=_table(t["chain_links"]),
            chain_blockers=_table(t.get("chain_blockers", [])),
            plural_stops=_table(t.get("plural_stops", [])),
            name_links=_table(t.get("name_links", [])),
            private_markers=_table(t["private_markers"]),
            national_markers=_table(t["national_markers"]),
            abbreviations=abbreviations,
            honorifics=_table(n["honorifics"]),
            office_honorifics=_table(n["office_honorifics"]),
            ranks=_table(n["ranks"]),
            academic=_table(n["academic"]),
            surnames=_table(n["surnames"]),
            minority_prefixes=frozenset(fold(w) for w in n["minority_prefixes"]),
            place_prefixes=frozenset(fold(w) for w in n.get("place_prefixes", [])),
            middle_names=frozenset(fold(w) for w in n.get("middle_names", [])),
            non_name_words=frozenset(fold(w) for w in n["non_name_words"]) - exceptions,
            never_officials=frozenset(fold(w) for w in n["never_officials"]),
            predicates=_table(n["predicates"]),
            title_stops=_table(n["title_stops"]),
            plural_markers=_table(n["plural_markers"]),
            roles=roles,
            role_skip=_table(n.get("role_skip", [])),
            places=gazetteer(),
            places_extra=_table(n["places_extra"]),
            min_name=int(n.get("min_name_syllables", 2)),
            max_name=int(n.get("max_name_syllables", 5)),
        )
        lex.title_starts = frozenset(k[0] for table in (lex.heads, lex.prefixes) for k in table.entries)
        lex.honorific_starts = frozenset().union(lex.honorifics.first, lex.ranks.first, lex.academic.first)
        return lex

    def expand(self, key: str) -> list[str]:
        """A folded syllable with its abbreviation expanded ("ubnd" → ["ủy", "ban", "nhân", "dân"])."""
        return self.abbreviations.get(key, [key])

    def is_place(self, key: str, level: str | None = None) -> bool:
        """A folded run of syllables ("bát xát") that names a place (of ``level`` when given).

        Without a level a one-syllable name counts only as a province or district: wards
        named "Hồ" or "Phan" must not eat a family name.
        """
        if tuple(key.split()) in self.places_extra.entries:
            return True
        if level is None and " " not in key:
            return self.places.has(key, "city")
        return self.places.has(key, level)

    def unit_at(self, tokens: list[Tok], i: int, text: str,
                inside: set[int] | None = None) -> tuple[int, Unit] | None:
        """The unit word starting at token ``i`` ("huyện", "thị xã"), unless it is part of a
        common word ("nông thôn", "xã hội"): listed, or one underthesea word with its neighbour."""
        if i >= len(tokens) or tokens[i].key not in self.units.first:  # asked for every token: answer fast
            return None
        m = self.units.match(tokens, i, text)
        if not m:
            return None
        if i > 0 and self.false_units.match(tokens, i - 1, text):
            return None
        if self.false_units.match(tokens, i, text):
            return None
        if inside and tokens[i].start in inside:
            return None
        return m

    def province_of(self, key: str) -> str | None:
        return self.places.provinces.get(key)
