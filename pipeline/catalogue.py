"""The indicator catalogue (``models/indicators.json``) as a table, with row counts from a store.

``vnmetrics indicators`` prints it: each canonical indicator, its units, how many metric rows
the store holds for it (actual and target), and in how many provinces.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .resources import load_json


def catalogue_frame(resource: str = "indicators.json") -> pd.DataFrame:
    entries = load_json(resource)["indicators"]
    return pd.DataFrame({
        "indicator_id": [e["id"] for e in entries],
        "name": [e["name"] for e in entries],
        "units": [", ".join(e.get("units", [])) for e in entries],
    })


def catalogue_counts(db: str | Path | None = None, resource: str = "indicators.json") -> pd.DataFrame:
    """The catalogue with ``rows``, ``actual``, ``target`` and ``provinces`` counted in the store."""
    table = catalogue_frame(resource)
    counts = pd.DataFrame(columns=["indicator_id", "rows", "actual", "target", "provinces"])
    if db is not None and Path(db).exists():
        import duckdb

        with duckdb.connect(str(db), read_only=True) as con:
            counts = con.execute(
                "SELECT indicator_id, count(*) AS rows, count(*) FILTER (WHERE kind = 'actual') AS actual, "
                "count(*) FILTER (WHERE kind = 'target') AS target, count(DISTINCT province) AS provinces "
                "FROM metrics WHERE indicator_id IS NOT NULL GROUP BY indicator_id").df()
    table = table.merge(counts, on="indicator_id", how="left")
    for column in ("rows", "actual", "target", "provinces"):
        table[column] = table[column].fillna(0).astype(int)
    return table.sort_values(["rows", "indicator_id"], ascending=[False, True]).reset_index(drop=True)
