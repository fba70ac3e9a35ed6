"""HTML pages (".html", ".htm", gzipped, or WARC responses) → the article's main text.

trafilatura finds the main text and the metadata (title, publication date). Figure captions
often name the officials in the photo, and trafilatura drops ``<figure>``, so figures are
turned into plain blocks first. The Article text is ``title\\n\\n[dateline\\n\\n]body`` so the
layout logic downstream sees the title first and the dateline next, whatever the page layout.
The dateline is the page's visible one: from the first lines of the extracted body, else from
the first date-marked element after the headline (extractors drop it with the share buttons
around it). It is never made up from metadata, which goes to ``meta["published_meta"]``.
When trafilatura finds nothing (tiny pages, pathological nesting), a flat, non-recursive
tag stripper takes over. Parsing never fetches anything: no external entities, no DTDs, no
network (lxml's HTML parser and the standard library's ``html.parser`` resolve neither).
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from .base import Article, compose_text, failed, sha1_hex, text_id
from .encodings import charset_from_content_type, declared_charset, decode_bytes, repair_text

# Figures become plain blocks and captions paragraphs, attributes dropped: trafilatura discards
# <figure>, and also blocks whose class says "image" or "caption".
_FIGURE_REWRITES = (
    (re.compile(r"<figure\b[^>]{0,2000}>", re.IGNORECASE), "<div>"),
    (re.compile(r"</figure\s*>", re.IGNORECASE), "</div>"),
    (re.compile(r"<figcaption\b[^>]{0,2000}>", re.IGNORECASE), "<p>"),
    (re.compile(r"</figcaption\s*>", re.IGNORECASE), "</p>"),
)
# A visible dateline among the first lines of the body: "19:54 | 08/06/2023", "Thứ Năm, 08/06/2023 10:13".
_DATELINE = re.compile(
    r"^[^\n\d]{0,40}?(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|SA|CH)?\s*[,|\-–]?\s*)?(?:ngày\s+)?"
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}[^\n]{0,30}$",
    re.IGNORECASE,
)
_DATELINE_SEARCH_LINES = 3
# Publication date from the page's markup and URL only: htmldate's "extensive search" guesses
# from any year in the text ("năm 2023" → 2023-01-01), which is worse than no date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_DATELINE_MAX_CHARS = 80

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def article_from_html(
    raw: bytes,
    doc_id: str | None,
    source: str,
    *,
    url: str | None = None,
    content_type: str | None = None,
    fmt: str = "html",
) -> Article:
    """One page's bytes → its Article (``doc_id`` None: a hash of the extracted text)."""
    meta: dict = {"format": fmt}
    if url:
        meta["url"] = url
    declared = charset_from_content_type(content_type) or declared_charset(raw)
    decoded = decode_bytes(raw, declared)
    meta["encoding"] = decoded.encoding
    fallback_id = doc_id or text_id(source)
    if decoded.error:
        return failed(fallback_id, source, meta, *decoded.error, raw=raw)
    assert decoded.text is not None
    title, date, body, extractor = extract(decoded.text, url)
    meta["extractor"] = extractor
    body, _ = repair_text(body)
    if title:
        title, _ = repair_text(title)
        meta["title"] = title
    if date:
        meta["published_meta"] = date
    if not body.strip():
        return failed(fallback_id, source, meta, "empty", "no article text found in the page", raw=raw)
    dateline, body = _split_dateline(body)
    if dateline is None:
        dateline = page_dateline(decoded.text)
    text = compose_text(title, dateline, body)
    return Article(
        doc_id=doc_id or text_id(text), source=source, text=text, meta=meta, content_hash=sha1_hex(raw)
    )


def extract(html: str, url: str | None = None) -> tuple[str | None, str | None, str, str]:
    """(title, ISO date, main text, extractor name) of a page."""
    import trafilatura

    prepared = html
    for pattern, replacement in _FIGURE_REWRITES:
        prepared = pattern.sub(replacement, prepared)
    try:
        doc = trafilatura.bare_extraction(
            prepared,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # third-party parsing of hostile markup: fall back, never fail
        doc = None
    if doc is not None and (doc.text or "").strip():
        return _clean(doc.title), _clean(doc.date), doc.text, "trafilatura"
    title, body = flat_text(html)
    date = _clean(doc.date) if doc is not None else None
    return (_clean(doc.title) if doc is not None else None) or title, date, body, "fallback"


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _split_dateline(body: str) -> tuple[str | None, str]:
    """Take a visible dateline out of the first lines of the body (it goes after the title)."""
    lines = body.split("\n")
    for i, line in enumerate(lines[:_DATELINE_SEARCH_LINES]):
        stripped = line.strip()
        if len(stripped) <= _DATELINE_MAX_CHARS and _DATELINE.match(stripped):
            return stripped, "\n".join(lines[:i] + lines[i + 1 :])
    return None, body


# -- the visible dateline, which extractors often drop with the page furniture around it ------

_DATE_ATTR = re.compile(r"date|time|publish|posted|ngay", re.IGNORECASE)
_HAS_DATE = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{4}-\d{2}-\d{2}")
_DATELINE_SCAN_CHARS = 1_000_000
_DATELINE_SCAN_TAGS = 40  # elements after the headline: a date further down is not the dateline


class _Found(Exception):
    pass


class _DatelineFinder(HTMLParser):
    """The first element after the ``<h1>`` that is marked as a date (``<time>``, or a class/id
    naming a date or time) and holds one: its visible text is the page's dateline."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.after_title = False
        self.tags_after = 0
        self.capture: str | None = None
        self.depth = 0
        self.chunks: list[str] = []
        self.found: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if not self.after_title:
            return
        self.tags_after += 1
        if self.capture:
            self.depth += tag == self.capture
            return
        if self.tags_after > _DATELINE_SCAN_TAGS:
            raise _Found
        marks = " ".join(value or "" for name, value in attrs if name in ("class", "id"))
        if tag == "time" or _DATE_ATTR.search(marks):
            self.capture, self.depth, self.chunks = tag, 1, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self.after_title = True
        elif self.capture and tag == self.capture:
            self.depth -= 1
            if self.depth == 0:
                text = " ".join("".join(self.chunks).split())
                self.capture = None
                if len(text) <= _DATELINE_MAX_CHARS and _HAS_DATE.search(text):
                    self.found = text
                    raise _Found

    def handle_data(self, data: str) -> None:
        if self.capture:
            self.chunks.append(data)


def page_dateline(html: str) -> str | None:
    """The page's visible dateline ("Thứ Ba, 12/09/2023 08:15 (GMT+7)"), if it marks one."""
    finder = _DatelineFinder()
    try:
        finder.feed(html[:_DATELINE_SCAN_CHARS])
        finder.close()
    except _Found:
        pass
    except (AssertionError, ValueError):
        return None
    return finder.found


# -- the fallback: a flat tag stripper -----------------------------------------------------

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "select", "textarea"}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dd",
    "dt",
    "figure",
    "figcaption",
    "hr",
    "td",
}


class _Flat(HTMLParser):
    """Collects text outside scripts/styles; a block tag ends a line. Keeps no tree (no recursion)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skipping = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def flat_text(html: str) -> tuple[str | None, str]:
    """(title, text) of a page without building a tree: robust to any nesting depth."""
    parser = _Flat()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken declarations
        pass
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return _clean("".join(parser.title)), "\n".join(line for line in lines if line)
