"""Gzip around any format (".txt.gz", ".jsonl.gz", ...): bounded reads and readable failures.

Decompression is streamed: nothing decompresses more than one article (plus one byte) into
memory, which also defuses gzip bombs. A truncated archive yields what could be read, then an
error Article for the rest. The name stored inside a gzip header is never used: the inner
format and the stem come from the outer file name.
"""

from __future__ import annotations

import gzip
import zlib
from typing import BinaryIO

from .encodings import SNIFF_BYTES
from .sources import Source

GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def gzip_error(exc: BaseException) -> tuple[str, str]:
    """(error type, message) for an exception raised while decompressing."""
    if isinstance(exc, EOFError):
        return "truncated_gzip", f"the gzip stream ends before its end marker (truncated file): {exc}"
    if isinstance(exc, gzip.BadGzipFile) and "not a gzipped file" in str(exc).lower():
        return "bad_gzip", f"not a gzip file: {exc}"
    return "corrupt_gzip", f"corrupt gzip data: {exc}"


def read_bounded(source: Source, limit: int) -> tuple[bytes | None, tuple[str, str] | None]:
    """The whole content of a single-article source, or (None, (type, message)).

    A plain file larger than ``limit`` is refused from its size alone, without reading it; a
    compressed one is decompressed up to ``limit + 1`` bytes.
    """
    try:
        if not source.compressed:
            size = source.disk_size()
            if size > limit:
                return None, ("too_large", f"{size:,} bytes, over the limit of {limit:,} bytes per article")
        with source.open() as stream:
            data = stream.read(limit + 1)
    except GZIP_ERRORS as exc:
        return None, gzip_error(exc)
    except OSError as exc:
        return None, ("unreadable", f"cannot read the file: {exc}")
    if len(data) > limit:
        return None, ("too_large", f"decompressed content exceeds the limit of {limit:,} bytes per article")
    return data, None


def head_of(stream: BinaryIO, size: int = SNIFF_BYTES) -> bytes:
    """The first bytes of a stream for sniffing, then rewind it.

    Read in small pieces so a truncated gzip still shows what it has; the error itself is left
    for the real read to report, after the articles before it.
    """
    chunks: list[bytes] = []
    total = 0
    try:
        while total < size:
            chunk = stream.read(min(1024, size - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except GZIP_ERRORS:
        pass
    stream.seek(0)
    return b"".join(chunks)
