"""Web archives (".warc", ".warc.gz"): each HTML response record is one article.

warcio streams the archive record by record (per-record gzip included), so an archive of any
size is read in constant memory. Requests, metadata, redirects and non-HTML responses
(images, scripts) are not articles and are passed over. The record's target URI is kept as
``meta["url"]`` and its crawl date as ``meta["warc_date"]``; it is never opened or fetched.
A truncated or corrupt archive yields the records read so far, then one error Article.
"""

from __future__ import annotations

from collections.abc import Iterator

from .base import Article, ReadOptions, failed, text_id
from .gzip_stream import GZIP_ERRORS, gzip_error
from .html_page import article_from_html
from .sources import Source

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read(source: Source, options: ReadOptions) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = options.max_article_bytes
    records = 0
    meta = {"format": "warc"}
    try:
        with open(source.path, "rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                records += 1
                if not _is_html_response(record):
                    continue
                record_id = record.rec_headers.get_header("WARC-Record-ID") or f"<record {records}>"
                where = f"{source.label}#record={record_id.strip('<>')}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                raw = record.content_stream().read(limit + 1)
                if len(raw) > limit:
                    yield failed(
                        text_id(where),
                        where,
                        {**meta, "url": url},
                        "too_large",
                        f"the response body is over the limit of {limit:,} bytes per article",
                    )
                    continue
                content_type = record.http_headers.get_header("Content-Type")
                article = article_from_html(raw, None, where, url=url, content_type=content_type, fmt="warc")
                warc_date = record.rec_headers.get_header("WARC-Date")
                if warc_date:
                    article.meta["warc_date"] = warc_date
                yield article
    except GZIP_ERRORS as exc:
        kind, message = gzip_error(exc)
        yield failed(
            text_id(f"{source.label}#after={records}"),
            source.label,
            meta,
            kind,
            f"{message} (after {records} record(s); those were read)",
        )
    except ArchiveLoadFailed as exc:
        yield failed(
            text_id(f"{source.label}#after={records}"),
            source.label,
            meta,
            "malformed_warc",
            f"not a readable WARC archive after {records} record(s): {str(exc)[:300]}",
        )
    except (ValueError, OSError) as exc:
        yield failed(
            text_id(f"{source.label}#after={records}"),
            source.label,
            meta,
            "malformed_warc",
            f"{type(exc).__name__} after {records} record(s): {str(exc)[:300]}",
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
