"""Where articles come from: walking folders in a fixed order and naming each file's format.

Folder walks are recursive and sorted by name at every level, so two runs over the same tree
yield the same articles in the same order (doc_ids and outputs are then reproducible). Hidden
entries (".git", ".DS_Store") are not inputs; symlinked folders are not followed (no loops).
The format comes from the name only; the content is never executed or trusted.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

FORMATS = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".warc": "warc",
}


@dataclass(frozen=True)
class Source:
    """One input file: its path on disk, the label Articles carry, its format and stem."""

    path: Path
    label: str
    fmt: str
    compressed: bool  # gzip around the format (".jsonl.gz"); ".warc.gz" is read by warcio itself
    stem: str

    def open(self) -> BinaryIO:
        """A binary stream of the (decompressed) content; read it in bounded pieces."""
        if self.compressed:
            return gzip.open(self.path, "rb")  # type: ignore[return-value]
        return open(self.path, "rb")

    def disk_size(self) -> int:
        return self.path.stat().st_size


def detect(name: str) -> tuple[str, bool, str] | None:
    """(format, gzip-wrapped, stem) for a file name, or None when no reader handles it."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return "warc", False, name[: -len(".warc.gz")]
    compressed = lower.endswith(".gz")
    inner, inner_lower = (name[:-3], lower[:-3]) if compressed else (name, lower)
    for ext, fmt in FORMATS.items():
        if inner_lower.endswith(ext) and len(inner_lower) > len(ext):
            return fmt, compressed, inner[: -len(ext)]
    return None


def stem_of(name: str) -> str:
    """The doc_id of a single-article file: its name without the format extensions."""
    found = detect(name)
    if found:
        return found[2]
    return name[:-3] if name.lower().endswith(".gz") else Path(name).stem


def source_for(path: Path) -> Source | None:
    found = detect(path.name)
    if found is None:
        return None
    fmt, compressed, stem = found
    return Source(path=path, label=str(path), fmt=fmt, compressed=compressed, stem=stem)


def wanted(name: str, extensions: tuple) -> bool:
    lower = name.lower()
    return any(lower.endswith(ext.lower()) for ext in extensions)


def walk(folder: Path, extensions: tuple) -> Iterator[Path]:
    """Files under ``folder`` whose name ends with one of ``extensions``, recursively, sorted.

    A folder that cannot be listed is yielded itself, so the reader reports it as an error.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        yield folder
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(Path(entry.path), extensions)
        elif entry.is_file() and wanted(entry.name, extensions):
            yield Path(entry.path)
