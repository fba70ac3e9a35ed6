"""PLACEHOLDER for the officials component — being written; sets doc._.officials to an empty list."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Placeholder:
    def __init__(self, **settings: object) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        if doc._.officials is None:
            doc._.officials = []
        return doc


@Language.factory("vnm_officials", default_config={"titles": "titles.json"})
def make(nlp: Language, name: str, titles: str) -> Placeholder:
    return Placeholder(titles=titles)
