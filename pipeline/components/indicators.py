"""PLACEHOLDER for the indicators component — being written; sets doc._.metrics to an empty list."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Placeholder:
    def __init__(self, **settings: object) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        if doc._.metrics is None:
            doc._.metrics = []
        return doc


@Language.factory("vnm_indicators", default_config={"cues": "indicator_cues.json"})
def make(nlp: Language, name: str, cues: str) -> Placeholder:
    return Placeholder(cues=cues)
