"""PLACEHOLDER for the quantities component — being written; sets doc._.quantities to an empty list."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Placeholder:
    def __init__(self, **settings: object) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        if doc._.quantities is None:
            doc._.quantities = []
        return doc


@Language.factory("vnm_quantities", default_config={"units": "units.json"})
def make(nlp: Language, name: str, units: str) -> Placeholder:
    return Placeholder(units=units)
