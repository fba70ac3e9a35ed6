"""The ingest contract (``Article``, ``ReadOptions``) and the small helpers every reader shares.

Readers never raise for bad input: they build an ``Article`` with ``error`` set through
``failed``. Identifiers are stable across runs (file stem, the row's id column, or a hash of
the text) so that a re-run updates rather than duplicates.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime

DEFAULT_EXTENSIONS = (".txt", ".html", ".htm", ".jsonl", ".csv", ".warc", ".warc.gz", ".gz", ".json")


@dataclass
class Article:
    """One article as read from disk, before any language processing."""

    doc_id: str
    source: str
    text: str | None
    meta: dict
    error: dict | None = None
    content_hash: str = ""


@dataclass
class ReadOptions:
    """How to read tabular inputs and how much one article may weigh."""

    text_column: str = "text"
    id_column: str | None = "id"
    title_column: str | None = "title"
    date_column: str | None = "published"
    url_column: str | None = "url"
    max_article_bytes: int = 5_000_000
    extensions: tuple = DEFAULT_EXTENSIONS


def sha1_hex(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def text_id(text: str) -> str:
    """The fallback doc_id: 16 hex digits of the sha1 of the text."""
    return sha1_hex(text.encode("utf-8", "surrogatepass"))[:16]


_UNSAFE_ID = re.compile(r"[^\w.\-]+")


def safe_id(value: object) -> str | None:
    """An id column value as a doc_id that is safe as a file name (ids may be written as paths later).

    Runs of characters outside letters, digits, ``_.-`` become ``_``; leading dots are dropped;
    very long ids keep a prefix plus a hash so they stay unique.
    """
    if value is None or isinstance(value, bool | dict | list):
        return None
    raw = str(value).strip()
    if not raw:
        return None
    cleaned = _UNSAFE_ID.sub("_", raw).lstrip(".")
    if not cleaned.strip("_"):
        return text_id(raw)
    if len(cleaned) > 120:
        cleaned = cleaned[:100] + "_" + text_id(raw)
    return cleaned


def error_dict(kind: str, message: str) -> dict:
    return {"stage": "ingest", "type": kind, "message": message[:500]}


def failed(
    doc_id: str, source: str, meta: dict, kind: str, message: str, raw: bytes | None = None
) -> Article:
    """An error Article: text is None, the error says what went wrong in words a user can act on."""
    return Article(
        doc_id=doc_id,
        source=source,
        text=None,
        meta=meta,
        error=error_dict(kind, message),
        content_hash=sha1_hex(raw) if raw is not None else "",
    )


def compose_text(title: str | None, dateline: str | None, body: str) -> str:
    """``title\\n\\n[dateline\\n\\n]body``: the shape the layout logic expects (a title line first).

    The title is not repeated when the body already starts with it.
    """
    body = body.strip("\n")
    title = (title or "").strip()
    if title and _same_line(body.split("\n", 1)[0], title):
        body = body.split("\n", 1)[1].lstrip("\n") if "\n" in body else ""
    parts = [part for part in (title, (dateline or "").strip(), body) if part]
    return "\n\n".join(parts)


def _same_line(line: str, title: str) -> bool:
    return " ".join(line.split()).casefold() == " ".join(title.split()).casefold()


_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_YMD = re.compile(r"^\s*(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?!\d)")


def iso_date(value: object) -> str | None:
    """A publication date column value as ISO ``YYYY-MM-DD``, or None when it is not a date.

    Accepts ISO dates/datetimes, Vietnamese day-first ``dd/mm/yyyy`` (also with ``-`` or ``.``),
    and ``date``/``datetime`` objects. Never guesses month-first.
    """
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for pattern, order in ((_YMD, (0, 1, 2)), (_DMY, (2, 1, 0))):
        match = pattern.match(text)
        if match:
            parts = match.groups()
            year, month, day = (int(parts[i]) for i in order)
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return None
    return None
