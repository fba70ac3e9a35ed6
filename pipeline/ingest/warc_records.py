"""Web archives (".warc", ".warc.gz"): each HTML response record is one article.

warcio streams the archive record by record (per-record gzip included), so an archive of any
size is read in constant memory. Requests, metadata, redirects and non-HTML responses
(images, scripts) are not articles and are passed over. The record's target URI is kept as
``meta["url"]`` and its crawl date as ``meta["warc_date"]``; it is never opened or fetched.
A truncated or corrupt archive yields the records read so far, then one error Article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .base import Article, ReadOptions, failed, text_id
from .gzip_stream import GZIP_ERRORS, gzip_error
from .html_page import article_from_html
from .sources import Source

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read(source: Source, options: ReadOptions) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = 0
    truncated = "truncated_gzip" if source.path.name.lower().endswith(".gz") else "truncated_warc"
    try:
        with open(source.path, "rb") as stream:
            iterator = ArchiveIterator(stream, arc2warc=True)
            complete = _watch_last_member(iterator)
            last = None
            for record in iterator:
                records += 1
                last = record
                if record.rec_type is None or record.rec_headers.get_header("Content-Length") is None:
                    yield _end_error(
                        source, records - 1, truncated, "the archive ends inside a record's headers"
                    )
                    return
                if _is_html_response(record):
                    article = _record_article(record, source, options, records)
                    yield article
                    if article.error and article.error["type"] == truncated:
                        return
            cut_payload = last is not None and getattr(last.raw_stream, "limit", 0) > 0
            cut_header = bool(getattr(iterator, "next_line", None))  # a record began but never parsed
            if not complete() or cut_payload or cut_header:
                yield _end_error(source, records, truncated, "the archive is cut short (truncated file)")
    except GZIP_ERRORS as exc:
        yield _end_error(source, records, *gzip_error(exc))
    except ArchiveLoadFailed as exc:
        yield _end_error(source, records, "malformed_warc", f"not a readable WARC archive: {str(exc)[:300]}")
    except (ValueError, OSError) as exc:
        yield _end_error(source, records, "malformed_warc", f"{type(exc).__name__}: {str(exc)[:300]}")


def _record_article(record, source: Source, options: ReadOptions, number: int) -> Article:
    limit = options.max_article_bytes
    record_id = record.rec_headers.get_header("WARC-Record-ID") or f"<record {number}>"
    where = f"{source.label}#record={record_id.strip('<>')}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    meta = {"format": "warc", "url": url}
    raw = record.content_stream().read(limit + 1)
    if len(raw) > limit:
        return failed(
            text_id(where),
            where,
            meta,
            "too_large",
            f"the response body is over the limit of {limit:,} bytes per article",
        )
    if getattr(record.raw_stream, "limit", 0) > 0:  # the record ended before its Content-Length
        kind = "truncated_gzip" if source.path.name.lower().endswith(".gz") else "truncated_warc"
        return failed(
            text_id(where),
            where,
            meta,
            kind,
            "the archive ends inside this record (truncated file); the records before it were read",
        )
    content_type = record.http_headers.get_header("Content-Type")
    article = article_from_html(raw, None, where, url=url, content_type=content_type, fmt="warc")
    warc_date = record.rec_headers.get_header("WARC-Date")
    if warc_date:
        article.meta["warc_date"] = warc_date
    return article


def _watch_last_member(iterator) -> Callable[[], bool]:
    """warcio stops quietly at a truncated gzip member; note whether the last member was whole.

    The iterator closes its decompressor when it is done: just before, ``eof`` tells whether
    the member's end marker was reached.
    """
    reader = iterator.reader
    state = {"complete": True}
    close = reader.close_decompressor

    def close_noting() -> None:
        decompressor = reader.decompressor
        if decompressor is not None and not getattr(decompressor, "eof", True):
            state["complete"] = False
        close()

    reader.close_decompressor = close_noting
    return lambda: state["complete"]


def _end_error(source: Source, records: int, kind: str, message: str) -> Article:
    where = f"{source.label}#after={records}"
    return failed(
        text_id(where),
        source.label,
        {"format": "warc"},
        kind,
        f"{message} (after {records} record(s); those were read)",
    )


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(_HTML_TYPES) or (not content_type and _looks_html(record))


def _looks_html(record) -> bool:
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").lower().split("?")[0]
    return uri.endswith((".html", ".htm", "/"))
