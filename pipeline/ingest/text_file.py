"""Plain-text articles (".txt", ".txt.gz"): one file, one article, doc_id = the file stem."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Article, ReadOptions, failed, sha1_hex
from .encodings import decode_bytes
from .gzip_stream import read_bounded
from .sources import Source


def read(source: Source, options: ReadOptions) -> Iterator[Article]:
    meta: dict = {"format": "txt"}
    raw, problem = read_bounded(source, options.max_article_bytes)
    if problem:
        yield failed(source.stem, source.label, meta, *problem)
        return
    assert raw is not None
    decoded = decode_bytes(raw)
    meta["encoding"] = decoded.encoding
    if decoded.error:
        yield failed(source.stem, source.label, meta, *decoded.error, raw=raw)
        return
    yield Article(
        doc_id=source.stem, source=source.label, text=decoded.text, meta=meta, content_hash=sha1_hex(raw)
    )
