"""Reading articles from disk: files and folders in, ``Article`` objects out, lazily.

    from pipeline.ingest import iter_articles, ReadOptions
    for article in iter_articles(["corpora/samples", "export.jsonl.gz"]):
        ...

Formats (by file name): ``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.json``, ``.csv``,
``.warc``/``.warc.gz``, and any of them gzipped (``.jsonl.gz``). A folder is walked
recursively in sorted order. Nothing is read before it is needed and no archive is held in
memory whole. A bad file, line or record becomes an Article with ``error`` set; nothing is
skipped silently and nothing raises, except a path that does not exist (FileNotFoundError,
raised before any article is yielded). See ``encodings`` for what text encodings are
recognised, and ``sources`` for how folders are walked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import csv_rows, html_page, json_rows, text_file, warc_records
from .base import DEFAULT_EXTENSIONS, Article, ReadOptions, failed, sha1_hex
from .gzip_stream import read_bounded
from .sources import Source, source_for, stem_of, walk

__all__ = ["DEFAULT_EXTENSIONS", "Article", "ReadOptions", "iter_articles", "read_path"]


def _read_html(source: Source, options: ReadOptions) -> Iterator[Article]:
    raw, problem = read_bounded(source, options.max_article_bytes)
    if problem:
        yield failed(source.stem, source.label, {"format": "html"}, *problem)
        return
    assert raw is not None
    yield html_page.article_from_html(raw, source.stem, source.label)


READERS: dict[str, Callable[[Source, ReadOptions], Iterator[Article]]] = {
    "txt": text_file.read,
    "html": _read_html,
    "jsonl": json_rows.read_jsonl,
    "json": json_rows.read_json,
    "csv": csv_rows.read,
    "warc": warc_records.read,
}


def iter_articles(
    paths: Iterable[str | Path] | str | Path, options: ReadOptions | None = None
) -> Iterator[Article]:
    """Every article under ``paths`` (files or folders), in a deterministic order.

    Raises FileNotFoundError, before yielding anything, when a path does not exist.
    """
    options = options or ReadOptions()
    if isinstance(paths, str | Path):
        paths = [paths]
    resolved = [Path(p) for p in paths]
    for path in resolved:
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
    return _iter(resolved, options)


def _iter(paths: list[Path], options: ReadOptions) -> Iterator[Article]:
    for path in paths:
        if path.is_dir():
            for found in walk(path, options.extensions):
                yield from read_path(found, options)
        else:
            yield from read_path(path, options)


def read_path(path: Path, options: ReadOptions | None = None) -> Iterator[Article]:
    """The articles of one file (never raises: failures are error Articles)."""
    options = options or ReadOptions()
    label = str(path)
    if path.is_dir():
        yield failed(path.name, label, {"format": None}, "unreadable", "the folder cannot be listed")
        return
    source = source_for(path)
    if source is None:
        yield failed(
            stem_of(path.name),
            label,
            {"format": None},
            "unknown_format",
            f"no reader for {path.name!r}: expected one of {', '.join(DEFAULT_EXTENSIONS)}",
        )
        return
    produced = 0
    try:
        for article in READERS[source.fmt](source, options):
            produced += 1
            yield article
    except Exception as exc:
        where = label if not produced else f"{label}#after={produced}"
        yield failed(
            source.stem if not produced else sha1_hex(where.encode())[:16],
            where,
            {"format": source.fmt},
            "read_error",
            f"{type(exc).__name__}: {str(exc)[:300]}",
        )
