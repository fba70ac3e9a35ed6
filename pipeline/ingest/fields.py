"""One tabular record (a JSONL line, a JSON array item, a CSV row) → one Article.

The columns are named by ``ReadOptions``. The text is repaired like a file's (mojibake,
TCVN3/VNI pasted into the export) and shaped like an HTML page's (title line first), so every
format reaches the pipeline in the same shape.
"""

from __future__ import annotations

from .base import Article, ReadOptions, compose_text, failed, iso_date, safe_id, text_id
from .encodings import repair_text


def row_source(label: str, row: int) -> str:
    return f"{label}#row={row}"


def error_id(fields: dict | None, options: ReadOptions, source: str) -> str:
    """doc_id of a record that failed: its id column if readable, else a hash of where it is."""
    if isinstance(fields, dict) and options.id_column:
        found = safe_id(fields.get(options.id_column))
        if found:
            return found
    return text_id(source)


def article_from_fields(
    fields: object, options: ReadOptions, source: str, fmt: str, encoding: str, content_hash: str
) -> Article:
    """Build the Article of one record, or an error Article saying which field is wrong."""
    meta: dict = {"format": fmt, "encoding": encoding}
    if not isinstance(fields, dict):
        kind = type(fields).__name__
        return _failed(
            None,
            options,
            source,
            meta,
            "malformed_json",
            f"the record is a JSON {kind}, not an object",
            content_hash,
        )
    text = fields.get(options.text_column)
    if text is None:
        names = ", ".join(sorted(map(str, fields))[:20]) or "none"
        return _failed(
            fields,
            options,
            source,
            meta,
            "missing_text",
            f"no {options.text_column!r} field (fields: {names})",
            content_hash,
        )
    if not isinstance(text, str):
        return _failed(
            fields,
            options,
            source,
            meta,
            "bad_text",
            f"the {options.text_column!r} field is a {type(text).__name__}, not a string",
            content_hash,
        )
    if (
        len(text) > options.max_article_bytes
        or len(text.encode("utf-8", "surrogatepass")) > options.max_article_bytes
    ):
        return _failed(
            fields,
            options,
            source,
            meta,
            "too_large",
            f"the text is over the limit of {options.max_article_bytes:,} bytes per article",
            content_hash,
        )
    if not text.strip():
        return _failed(
            fields,
            options,
            source,
            meta,
            "empty",
            f"the {options.text_column!r} field is empty",
            content_hash,
        )
    text, repair = repair_text(text)
    if repair:
        meta["encoding"] = f"{encoding}+{repair}"
    title = _string(fields, options.title_column)
    if title:
        title, _ = repair_text(title)
        meta["title"] = title
    published = fields.get(options.date_column) if options.date_column else None
    if published not in (None, ""):
        iso = iso_date(published)
        if iso:
            meta["published_meta"] = iso
        else:
            meta["published_raw"] = str(published)[:100]
    url = _string(fields, options.url_column)
    if url:
        meta["url"] = url
    doc_id = (safe_id(fields.get(options.id_column)) if options.id_column else None) or text_id(text)
    return Article(
        doc_id=doc_id,
        source=source,
        text=compose_text(title, None, text),
        meta=meta,
        content_hash=content_hash,
    )


def _string(fields: dict, column: str | None) -> str | None:
    if not column:
        return None
    value = fields.get(column)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        value = " ".join(str(value).split())
        return value or None
    return None


def _failed(
    fields: dict | None,
    options: ReadOptions,
    source: str,
    meta: dict,
    kind: str,
    message: str,
    content_hash: str,
) -> Article:
    article = failed(error_id(fields, options, source), source, meta, kind, message)
    article.content_hash = content_hash
    return article
