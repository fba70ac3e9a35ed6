"""Tables as files in an output folder: one file per table, written atomically.

Each file is written under a temporary name and renamed into place by ``close()``, so a run
that dies leaves either the previous file or the new complete one, never half a file.
``jsonl`` writes one object per article in the gold format (``articles.jsonl``).
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from ..tables import COLUMNS, TABLES, Rows, frame, gold_record
from .schema import arrow_schema, arrow_table

FORMATS = ("parquet", "csv", "jsonl", "xlsx")


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return " | ".join(map(str, value))
    return value


class FileSink:
    def __init__(self, out_dir: Path, fmt: str = "parquet") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.fmt = fmt
        self._pending: dict[str, Path] = {}
        self._handles: dict[str, Any] = {}
        self._buffer: dict[str, list[dict]] = {name: [] for name in TABLES}
        self._workbook: dict[str, list[dict]] = {name: [] for name in TABLES}  # xlsx is written whole

    def _temp(self, name: str, suffix: str) -> Path:
        temp = self.out_dir / f".{name}.{suffix}.partial"
        self._pending[name] = temp
        return temp

    def known_hashes(self) -> set[str]:
        return set()

    def write(self, rows: Rows) -> None:
        if self.fmt == "jsonl":
            handle = self._handles.get("articles")
            if handle is None:
                handle = self._handles["articles"] = self._temp("articles", "jsonl").open("w", encoding="utf-8")
            handle.write(json.dumps(gold_record(rows), ensure_ascii=False) + "\n")
            return
        for name in TABLES:
            if rows[name]:
                self._buffer[name].extend(rows[name])
                if len(self._buffer[name]) >= 2000:
                    self._flush(name)

    def _flush(self, name: str) -> None:
        batch, self._buffer[name] = self._buffer[name], []
        if self.fmt == "xlsx":
            self._workbook[name].extend(batch)
            return
        handle = self._handles.get(name)
        if self.fmt == "parquet":
            if handle is None:
                handle = self._handles[name] = pq.ParquetWriter(self._temp(name, "parquet"), arrow_schema(name))
            if batch:
                handle.write_table(arrow_table(name, batch))
        elif self.fmt == "csv":
            if handle is None:
                f = self._temp(name, "csv").open("w", encoding="utf-8", newline="")
                writer = csv.DictWriter(f, fieldnames=COLUMNS[name], extrasaction="ignore")
                writer.writeheader()
                handle = self._handles[name] = (f, writer)
            handle[1].writerows({k: _cell(v) for k, v in row.items()} for row in batch)

    def close(self) -> list[Path]:
        """Finish every file and move it into place; return the written paths."""
        if self.fmt != "jsonl":
            for name in TABLES:
                self._flush(name)  # also creates the file of an empty table, with its header/schema
        if self.fmt == "xlsx":
            temp = self._temp("tables", "xlsx")
            with pd.ExcelWriter(temp, engine="openpyxl") as writer:
                for name in TABLES:
                    frame(name, self._workbook[name]).map(_cell).to_excel(writer, sheet_name=name, index=False)
        if self.fmt == "jsonl" and "articles" not in self._handles:
            self._handles["articles"] = self._temp("articles", "jsonl").open("w", encoding="utf-8")
        for handle in self._handles.values():
            if isinstance(handle, tuple):
                handle[0].close()
            else:
                handle.close()
        written = []
        for temp in self._pending.values():
            final = temp.with_name(temp.name[1:].removesuffix(".partial"))
            os.replace(temp, final)
            written.append(final)
        self._handles.clear()
        self._pending.clear()
        return written
