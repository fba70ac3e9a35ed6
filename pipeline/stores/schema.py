"""Column types of the five tables, shared by the Parquet and DuckDB writers."""

from __future__ import annotations

import pyarrow as pa

from ..tables import COLUMNS

_STRING_LIST = pa.list_(pa.string())
_TYPES: dict[str, pa.DataType] = {
    "n_chars": pa.int64(), "n_officials": pa.int64(), "n_dates": pa.int64(), "n_metrics": pa.int64(),
    "reference_year": pa.int64(), "person": pa.int64(), "metric": pa.int64(), "n_mentions": pa.int64(),
    "start_char": pa.int64(), "end_char": pa.int64(), "value_start_char": pa.int64(),
    "value_end_char": pa.int64(), "clean_start": pa.int64(), "clean_end": pa.int64(),
    "clean_value_start": pa.int64(), "clean_value_end": pa.int64(), "value": pa.float64(), "value_max": pa.float64(),
    "denominator": pa.float64(), "year_inferred": pa.bool_(), "titles": _STRING_LIST,
}

DUCKDB_TYPES = {pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN",
                pa.string(): "VARCHAR", _STRING_LIST: "VARCHAR[]"}


# "value" is a number in metrics but a normalised date string in dates
_STRING_IN = {("dates", "value")}


def column_type(table: str, column: str) -> pa.DataType:
    if (table, column) in _STRING_IN:
        return pa.string()
    return _TYPES.get(column, pa.string())


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c, column_type(table, c)) for c in COLUMNS[table]])


def duckdb_columns(table: str) -> str:
    return ", ".join(f'"{c}" {DUCKDB_TYPES[column_type(table, c)]}' for c in COLUMNS[table])


def arrow_table(table: str, rows: list[dict]) -> pa.Table:
    schema = arrow_schema(table)
    return pa.Table.from_pylist([{c: row.get(c) for c in schema.names} for row in rows], schema=schema)
