"""The embedded default store: one DuckDB file that accumulates runs.

An article already stored (same content hash) is skipped before it is processed; an article
whose doc_id is stored with another content is replaced. Each article's rows go in inside
one transaction, so a run killed at any moment leaves no partial article. Data only ever
enters through registered Arrow tables and bound parameters, never through SQL text.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from ..tables import TABLES, Rows
from .schema import arrow_table, duckdb_columns


class DuckDBStore:
    def __init__(self, path: Path, batch_articles: int = 200) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path))
        for name in TABLES:
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({duckdb_columns(name)})")
        self.batch_articles = batch_articles
        self._batch: list[Rows] = []

    def known_hashes(self) -> set[str]:
        """Content hashes of the articles stored with status ok (errors are retried)."""
        rows = self.con.execute(
            "SELECT content_hash FROM articles WHERE status = 'ok' AND content_hash <> ''").fetchall()
        return {r[0] for r in rows}

    def write(self, rows: Rows) -> None:
        self._batch.append(rows)
        if len(self._batch) >= self.batch_articles:
            self.flush()

    def flush(self) -> None:
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        doc_ids = [r["articles"][0]["doc_id"] for r in batch]
        self.con.execute("BEGIN TRANSACTION")
        try:
            ids = arrow_table("errors", [{"doc_id": d} for d in doc_ids]).select(["doc_id"])
            self.con.register("incoming_ids", ids)
            for name in TABLES:
                self.con.execute(f"DELETE FROM {name} WHERE doc_id IN (SELECT doc_id FROM incoming_ids)")
                table = arrow_table(name, [row for rows in batch for row in rows[name]])
                if table.num_rows:
                    self.con.register("incoming", table)
                    self.con.execute(f"INSERT INTO {name} SELECT * FROM incoming")
                    self.con.unregister("incoming")
            self.con.unregister("incoming_ids")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def close(self) -> list[Path]:
        self.flush()
        self.con.close()
        return [self.path]

    def read(self, table: str) -> pd.DataFrame:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        return self.con.execute(f"SELECT * FROM {table}").df()
