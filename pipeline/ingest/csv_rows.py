"""CSV exports: a header row, then one article per row, streamed.

The encoding is decided once from the first bytes (BOM, UTF-8, else the Vietnamese 8-bit
candidates); each row's text is then repaired on its own. The delimiter is the one among
``, ; TAB |`` that splits the header into a list containing the text column. The reader is
strict: a broken quote is an error row (it may swallow the lines up to where the parser
notices), rows with the wrong number of fields are error rows, and reading goes on after
either. Row numbers count records after the header, from 1.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from .base import Article, ReadOptions, failed, sha1_hex, text_id
from .encodings import SNIFF_BYTES, decode_bytes, sniff_binary
from .fields import article_from_fields, row_source
from .gzip_stream import GZIP_ERRORS, gzip_error, head_of
from .legacy import tables
from .sources import Source

_DELIMITERS = (",", ";", "\t", "|")
# codec used to read the stream, by the label ``decode_bytes`` gives a sample
_STREAM_CODEC = {"tcvn3": "latin-1", "vni": "cp1252"}


def read(source: Source, options: ReadOptions) -> Iterator[Article]:
    meta = {"format": "csv"}
    try:
        with source.open() as stream:
            head = head_of(stream)
            label, problem = _stream_codec(head)
            codec, scheme = _STREAM_CODEC.get(label, label), label if label in _STREAM_CODEC else None
            if problem:
                yield failed(source.stem, source.label, {**meta, "encoding": label}, *problem, raw=head)
                return
            text = io.TextIOWrapper(
                stream,
                encoding=codec,
                errors="vnm_latin1_fallback" if codec == "cp1252" else "replace",
                newline="",
            )
            yield from _rows(text, source, options, codec, scheme)
    except GZIP_ERRORS as exc:
        yield failed(text_id(source.label + "#gzip"), source.label, meta, *gzip_error(exc))
    except OSError as exc:
        yield failed(source.stem, source.label, meta, "unreadable", f"cannot read the file: {exc}")


def _stream_codec(head: bytes) -> tuple[str, tuple[str, str] | None]:
    """The codec to stream the file with, judged on its first bytes."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", None
    if not head.strip():
        return "utf-8", ("empty", "the file is empty")
    reason = sniff_binary(head)
    if reason:
        return "", ("binary", reason)
    try:
        head.decode("utf-8")
        return "utf-8", None
    except UnicodeDecodeError as exc:
        cut = (
            len(head) == SNIFF_BYTES and exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
        )
        if cut and not head[: exc.start].isascii():  # UTF-8, and the sample ends inside a character
            return "utf-8", None
    decoded = decode_bytes(head)
    if decoded.error:
        return decoded.encoding, decoded.error
    return decoded.encoding.split("+")[0], None


def _rows(
    text: io.TextIOWrapper, source: Source, options: ReadOptions, codec: str, scheme: str | None
) -> Iterator[Article]:
    """The records; ``scheme`` (tcvn3/vni) when the file is in a legacy font encoding: every field
    is converted, on the evidence of the whole sample rather than of each short field."""
    limit = options.max_article_bytes
    if csv.field_size_limit() < limit + 1:
        csv.field_size_limit(limit + 1)
    first = text.readline(limit + 1)
    delimiter = _delimiter(first, options.text_column)
    header = next(csv.reader([first], delimiter=delimiter), [])
    header = [name.strip().lstrip("\ufeff") for name in header]
    meta = {"format": "csv", "encoding": scheme or codec}
    if options.text_column not in header:
        yield failed(
            source.stem,
            source.label,
            meta,
            "missing_text",
            f"no {options.text_column!r} column in the header ({', '.join(header[:20]) or 'empty'})",
        )
        return
    lines = _BoundedLines(text, limit)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    row = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except (csv.Error, _LineTooLong) as exc:
            row += 1
            where = row_source(source.label, row)
            too_large = isinstance(exc, _LineTooLong) or "field limit" in str(exc)
            message = (
                f"the row is over the limit of {limit:,} bytes per article"
                if too_large
                else f"unreadable CSV row (near line {reader.line_num + 1}): {exc}"
            )
            yield failed(text_id(where), where, meta, "too_large" if too_large else "malformed_csv", message)
            continue
        if not values or (len(values) == 1 and not values[0].strip()):
            continue  # a blank line is not a record
        row += 1
        where = row_source(source.label, row)
        raw = "\x1f".join(values).encode("utf-8", "surrogatepass")
        if len(values) != len(header):
            yield failed(
                text_id(where),
                where,
                meta,
                "malformed_csv",
                f"the row has {len(values)} fields, the header {len(header)}",
                raw=raw,
            )
            continue
        if scheme:
            values = [tables().convert(value, scheme) for value in values]
        yield article_from_fields(
            dict(zip(header, values, strict=True)), options, where, "csv", scheme or codec, sha1_hex(raw)
        )


class _LineTooLong(Exception):
    pass


class _BoundedLines:
    """The lines of a text stream, none longer than ``limit``: an over-long line is skipped in
    pieces (never held whole) and reported by raising ``_LineTooLong`` once; iteration then
    goes on with the next line."""

    def __init__(self, text: io.TextIOBase, limit: int) -> None:
        self.text = text
        self.limit = limit

    def __iter__(self) -> _BoundedLines:
        return self

    def __next__(self) -> str:
        line = self.text.readline(self.limit + 1)
        if not line:
            raise StopIteration
        if len(line) > self.limit and not line.endswith("\n"):
            while True:
                rest = self.text.readline(1 << 20)
                if not rest or rest.endswith("\n"):
                    break
            raise _LineTooLong
        return line


def _delimiter(header_line: str, text_column: str) -> str:
    for delimiter in _DELIMITERS:
        names = next(csv.reader([header_line], delimiter=delimiter), [])
        if text_column in (name.strip().lstrip("\ufeff") for name in names):
            return delimiter
    return ","
