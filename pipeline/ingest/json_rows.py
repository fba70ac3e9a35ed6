"""JSON Lines (one article per line) and JSON (an array of articles, or one article).

Both are streamed: a line, or an array item, is the most ever held in memory, and a line
longer than ``max_article_bytes`` is skipped over in pieces without being kept. A bad line
becomes an error Article and the next line is read as usual. ``json`` is the standard
library's parser: nothing is evaluated; absurd nesting or numbers are errors, not crashes.
Blank lines are not records. Row numbers are 1-based line numbers (JSONL) or item numbers.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO

from .base import Article, ReadOptions, failed, safe_id, sha1_hex, text_id
from .encodings import decode_bytes, sniff_binary
from .fields import article_from_fields, row_source
from .gzip_stream import GZIP_ERRORS, gzip_error, head_of
from .sources import Source

_SKIP_CHUNK = 1 << 20
_JSON_CHUNK = 1 << 16
_DECODER = json.JSONDecoder()


def read_jsonl(source: Source, options: ReadOptions) -> Iterator[Article]:
    limit = options.max_article_bytes
    row = 0
    try:
        with source.open() as stream:
            reason = _binary(stream)
            if reason:
                yield failed(source.stem, source.label, {"format": "jsonl"}, "binary", reason)
                return
            while True:
                line = stream.readline(limit + 1)
                if not line:
                    break
                row += 1
                where = row_source(source.label, row)
                if len(line) > limit and not line.endswith(b"\n"):
                    _skip_rest_of_line(stream)
                    yield failed(
                        text_id(where),
                        where,
                        {"format": "jsonl"},
                        "too_large",
                        f"the line is over the limit of {limit:,} bytes per article",
                    )
                    continue
                if not line.strip():
                    continue
                yield _line_article(line, options, where)
    except GZIP_ERRORS as exc:
        where = row_source(source.label, row + 1)
        yield failed(text_id(where), where, {"format": "jsonl"}, *_after(gzip_error(exc), row))
    except OSError as exc:
        yield failed(
            source.stem, source.label, {"format": "jsonl"}, "unreadable", f"cannot read the file: {exc}"
        )


def _binary(stream: BinaryIO) -> str | None:
    """Why the stream is not text (one error for the file, not one per "line"); rewinds it."""
    return sniff_binary(head_of(stream))


def _after(problem: tuple[str, str], row: int) -> tuple[str, str]:
    kind, message = problem
    return kind, f"{message} (after {row} complete line(s); those were read)"


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _line_article(line: bytes, options: ReadOptions, where: str) -> Article:
    meta = {"format": "jsonl"}
    encoding = "utf-8"
    try:
        try:
            record = json.loads(line)
        except UnicodeDecodeError:
            decoded = decode_bytes(line)
            if decoded.error or decoded.text is None:
                kind, message = decoded.error or ("decode", "undecodable line")
                return failed(
                    text_id(where), where, {**meta, "encoding": decoded.encoding}, kind, message, raw=line
                )
            encoding = decoded.encoding
            record = json.loads(decoded.text)
    except RecursionError:
        return failed(
            text_id(where), where, meta, "malformed_json", "the line nests JSON too deeply", raw=line
        )
    except ValueError as exc:  # JSONDecodeError, and int/float conversion limits
        return failed(
            text_id(where), where, meta, "malformed_json", f"invalid JSON: {str(exc)[:200]}", raw=line
        )
    return article_from_fields(record, options, where, "jsonl", encoding, sha1_hex(line))


# -- .json: a top-level array, streamed item by item; or a single object -------------------


def read_json(source: Source, options: ReadOptions) -> Iterator[Article]:
    meta = {"format": "json"}
    try:
        with source.open() as stream:
            reason = _binary(stream)
            if reason:
                yield failed(source.stem, source.label, meta, "binary", reason)
                return
            yield from _json_items(stream, source, options)
    except GZIP_ERRORS as exc:
        yield failed(source.stem, source.label, meta, *gzip_error(exc))
    except OSError as exc:
        yield failed(source.stem, source.label, meta, "unreadable", f"cannot read the file: {exc}")


class _Text:
    """Incrementally decoded UTF-8 text of a stream, with a read position."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
        self.buf = ""
        self.pos = 0
        self.eof = False

    def more(self, size: int) -> bool:
        if self.eof:
            return False
        data = self.stream.read(size)
        if not data:
            self.eof = True
            self.buf += self.decoder.decode(b"", final=True)
            return False
        self.buf = self.buf[self.pos :] + self.decoder.decode(data)
        self.pos = 0
        return True

    def skip(self, chars: str) -> str | None:
        """Skip ``chars``; the next character (None at the end)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in chars:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more(_JSON_CHUNK):
                return None


def _json_items(stream: BinaryIO, source: Source, options: ReadOptions) -> Iterator[Article]:
    text = _Text(stream)
    limit = options.max_article_bytes
    try:
        first = text.skip(" \t\r\n")
    except UnicodeDecodeError as exc:
        yield failed(source.stem, source.label, {"format": "json"}, "decode", f"JSON must be UTF-8: {exc}")
        return
    if first is None:
        yield failed(source.stem, source.label, {"format": "json"}, "empty", "the file is empty")
        return
    single = first != "["
    if not single:
        text.pos += 1
    item = 0
    while True:
        try:
            nxt = text.skip(" \t\r\n,") if not single else first
            if nxt is None or (nxt == "]" and not single):
                if nxt is None and not single:
                    where = row_source(source.label, item + 1)
                    yield failed(
                        text_id(where),
                        where,
                        {"format": "json"},
                        "malformed_json",
                        "the JSON array is not closed (truncated file?)",
                    )
                return
            item += 1
            where = source.label if single else row_source(source.label, item)
            value, raw = _next_value(text, limit)
        except UnicodeDecodeError as exc:
            where = row_source(source.label, item)
            yield failed(text_id(where), where, {"format": "json"}, "decode", f"JSON must be UTF-8: {exc}")
            return
        except _TooLarge:
            yield failed(
                text_id(where),
                where,
                {"format": "json"},
                "too_large",
                f"the item is over the limit of {limit:,} bytes per article",
            )
            return
        except (ValueError, RecursionError) as exc:
            yield failed(
                text_id(where),
                where,
                {"format": "json"},
                "malformed_json",
                f"invalid JSON: {str(exc)[:200]} (the rest of the file cannot be read)",
            )
            return
        article = article_from_fields(value, options, where, "json", "utf-8", sha1_hex(raw.encode("utf-8")))
        if single and not (
            options.id_column and isinstance(value, dict) and safe_id(value.get(options.id_column))
        ):
            article.doc_id = source.stem  # a one-article file is named by its stem, like a .txt
        yield article
        if single:
            return


class _TooLarge(Exception):
    pass


def _next_value(text: _Text, limit: int) -> tuple[object, str]:
    """Decode the value at the read position, reading more (doubling) until it is complete."""
    size = _JSON_CHUNK
    while True:
        try:
            value, end = _DECODER.raw_decode(text.buf, text.pos)
        except json.JSONDecodeError as exc:
            if len(text.buf) - text.pos > limit:
                raise _TooLarge from None
            incomplete = exc.pos >= len(text.buf) - 8 or exc.msg.startswith("Unterminated string")
            if incomplete and text.more(size):
                size = min(size * 2, 1 << 24)
                continue
            raise
        raw = text.buf[text.pos : end]
        at_end = end == len(text.buf) and not text.eof
        if at_end and isinstance(value, int | float) and text.more(size):
            continue  # a number at the end of the buffer may go on in the next chunk
        text.pos = end
        return value, raw
