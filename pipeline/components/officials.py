"""Office holders named in the article → ``doc._.officials`` (``pipeline.records.Official``).

Each person is anchored by a title ("Phó Chủ tịch UBND tỉnh Phạm Duy Hưng", "Nguyễn Phi Long –
Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh") or by an honorific before a name the article gives an
office elsewhere; capitals alone never make an official. The grammar lives in
``pipeline.officials`` and its vocabulary in ``models/titles.json`` (title heads, organisations,
units, the catalogue behind ``canonical_title``) and ``models/names.json`` (honorifics, ranks,
family names, predicates, role cues). Both are compiled once per component instance.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..officials.evidence import Evidence, collect
from ..officials.lexicon import Lexicon
from ..officials.mentions import MentionFinder
from ..officials.people import build_officials
from ..officials.syllables import tokenize
from ..officials.zones import zones
from ..records import Official
from ..segment import doc_text, doc_words


def segmentation_evidence(doc: Doc) -> Evidence:
    """Where underthesea's words start, and which syllables sit inside a multi-syllable word."""
    evidence = Evidence()
    for start, text in doc_words(doc):
        evidence.token_starts.add(start)
        for pos, ch in enumerate(text[:-1]):
            if ch == " ":
                evidence.token_inside.add(start + pos + 1)
    return evidence


class OfficialsFinder:
    """The spaCy component: text → list of ``Official``."""

    def __init__(self, titles: str = "titles.json", names: str = "names.json") -> None:
        self.lexicon = Lexicon.load(titles, names)
        self.finder = MentionFinder(self.lexicon)

    def find(self, text: str, evidence: Evidence | None = None, province: str | None = None,
             meta: dict | None = None) -> list[Official]:
        """Officials of a plain text (``evidence`` adds underthesea word boundaries when known)."""
        meta = meta or {}
        tokens = tokenize(text)
        evidence = collect(tokens, text, self.lexicon, evidence)
        layout = zones(text, meta.get("title"))
        mentions = self.finder.find(tokens, text, evidence, layout)
        return build_officials(mentions, tokens, text, self.lexicon, province, meta.get("byline"))

    def __call__(self, doc: Doc) -> Doc:
        doc._.officials = self.find(doc_text(doc), segmentation_evidence(doc), doc._.province, doc._.meta or {})
        return doc


@Language.factory("vnm_officials", default_config={"titles": "titles.json", "names": "names.json"})
def make(nlp: Language, name: str, titles: str, names: str) -> OfficialsFinder:
    return OfficialsFinder(titles=titles, names=names)
