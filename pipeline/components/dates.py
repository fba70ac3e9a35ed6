"""PLACEHOLDER for the dates component — being written; sets doc._.dates to an empty list."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Placeholder:
    def __init__(self, **settings: object) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        if doc._.dates is None:
            doc._.dates = []
        return doc


@Language.factory("vnm_dates", default_config={"patterns": "date_patterns.json"})
def make(nlp: Language, name: str, patterns: str) -> Placeholder:
    return Placeholder(patterns=patterns)
