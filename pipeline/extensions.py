"""The custom attributes through which components talk: ``doc._.*``.

Registered once on import. Each component reads what earlier ones left and adds its own;
nothing is passed through globals. Lists hold the plain records of ``pipeline.records``.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRIBUTES: dict[str, object] = {
    "doc_id": None,  # stable article id
    "source": None,  # where the article came from (path, path#row, warc record)
    "sentence_spans": None,  # [(start_char, end_char)] of each sentence, set by the tokenizer
    "text": None,  # doc.text, kept by the tokenizer: spaCy re-joins every token on each doc.text access
    "words": None,  # [(start_char, text)] of each word token (no whitespace tokens), set by the tokenizer
    "limits_hit": None,  # [str]: limits a stage hit on this article (reported in articles.warnings)
    "meta": None,  # dict: title, header (dateline text), byline, html published date …
    "province": None,  # article province, without "tỉnh"/"thành phố"
    "published": None,  # ISO date or None
    "published_reason": None,  # why ``published`` is what it is
    "reference_year": None,  # year used to complete partial dates
    "reference_year_source": None,  # published | header | context
    "reporting_period": None,  # value of the period the article reports on (fallback period of a figure)
    "dates": None,  # list[DateMention]
    "officials": None,  # list[Official]
    "quantities": None,  # list[Quantity]
    "metrics": None,  # list[Metric]
}


def register() -> None:
    """Register every ``doc._`` attribute (idempotent)."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
