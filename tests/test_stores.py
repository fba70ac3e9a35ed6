import csv
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.stores import DuckDBStore, FileSink, open_sink
from pipeline.tables import COLUMNS, TABLES, empty_rows


def article_rows(doc_id: str, content_hash: str, metrics: int = 1):
    rows = empty_rows()
    rows["articles"].append({c: None for c in COLUMNS["articles"]} | {
        "doc_id": doc_id, "source": f"{doc_id}.txt", "status": "ok", "content_hash": content_hash,
        "n_chars": 10, "text": "văn bản"})
    rows["officials"].append({c: None for c in COLUMNS["officials"]} | {
        "doc_id": doc_id, "person": 0, "name": "Nguyễn Văn An", "titles": ["Chủ tịch UBND tỉnh", "Bí thư"]})
    for i in range(metrics):
        rows["metrics"].append({c: None for c in COLUMNS["metrics"]} | {
            "doc_id": doc_id, "metric": i, "indicator": "tỷ lệ", "value": 76.6, "unit": "%"})
    return rows


def test_duckdb_accumulates_without_duplicates(tmp_path):
    path = tmp_path / "v.duckdb"
    store = DuckDBStore(path)
    store.write(article_rows("a", "h1"))
    store.close()
    store = DuckDBStore(path)
    assert store.known_hashes() == {"h1"}
    store.write(article_rows("a", "h2", metrics=2))  # same article, new content: replaced
    store.write(article_rows("b", "h3"))
    store.close()
    store = DuckDBStore(path)
    assert sorted(store.read("articles")["doc_id"]) == ["a", "b"]
    assert len(store.read("metrics").query("doc_id == 'a'")) == 2
    assert list(store.read("officials")["titles"][0]) == ["Chủ tịch UBND tỉnh", "Bí thư"]
    store.close()


def test_duckdb_treats_hostile_ids_as_data(tmp_path):
    store = DuckDBStore(tmp_path / "v.duckdb")
    store.write(article_rows("x'); DROP TABLE articles; --", "h"))
    store.close()
    store = DuckDBStore(tmp_path / "v.duckdb")
    assert store.read("articles")["doc_id"].tolist() == ["x'); DROP TABLE articles; --"]
    store.close()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "xlsx"])
def test_file_formats_write_every_table(tmp_path, fmt):
    sink = FileSink(tmp_path, fmt)
    sink.write(article_rows("a", "h1"))
    sink.write(article_rows("b", "h2"))
    written = sink.close()
    assert not list(tmp_path.glob(".*partial"))
    if fmt == "parquet":
        assert {p.name for p in written} == {f"{t}.parquet" for t in TABLES}
        assert pq.read_table(tmp_path / "metrics.parquet").num_rows == 2
        assert pq.read_table(tmp_path / "errors.parquet").num_rows == 0
    elif fmt == "csv":
        with (tmp_path / "officials.csv").open(encoding="utf-8") as f:
            row = next(csv.DictReader(f))
        assert row["titles"] == "Chủ tịch UBND tỉnh | Bí thư"
    else:
        sheets = pd.read_excel(written[0], sheet_name=None)
        assert set(sheets) == set(TABLES) and len(sheets["metrics"]) == 2


def test_jsonl_is_one_gold_record_per_article(tmp_path):
    sink = open_sink(out=tmp_path, fmt="jsonl")
    sink.write(article_rows("a", "h1"))
    sink.close()
    records = [json.loads(line) for line in (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records[0]["doc_id"] == "a"
    assert records[0]["officials"][0]["titles"] == ["Chủ tịch UBND tỉnh", "Bí thư"]
    assert records[0]["metrics"][0]["value"] == 76.6


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        FileSink(tmp_path, "docx")
