"""Where tables go: the embedded DuckDB store (default) or files (parquet, csv, jsonl, xlsx).

Both are *sinks*: ``write(rows)`` takes one article's rows at a time (so memory stays flat),
``close()`` makes the result final. ``open_sink`` picks one from the CLI options.
"""

from __future__ import annotations

from pathlib import Path

from .duckdb_store import DuckDBStore
from .files import FORMATS, FileSink

__all__ = ["FORMATS", "DuckDBStore", "FileSink", "open_sink"]


def open_sink(db: str | Path | None = None, out: str | Path | None = None, fmt: str = "parquet",
              commit_every: int = 200) -> DuckDBStore | FileSink:
    """A ``FileSink`` when ``out`` is given, else the DuckDB store at ``db`` (default ``vnmetrics.duckdb``)."""
    if out is not None:
        return FileSink(Path(out), fmt)
    return DuckDBStore(Path(db or "vnmetrics.duckdb"), batch_articles=max(1, commit_every))
