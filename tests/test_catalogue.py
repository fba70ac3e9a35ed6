from pipeline.catalogue import catalogue_counts, catalogue_frame
from pipeline.cli import main

from .conftest import CORPORA


def test_catalogue_has_at_least_40_indicators_with_unique_ids():
    table = catalogue_frame()
    assert len(table) >= 40
    assert table["indicator_id"].is_unique
    assert (table["name"].str.len() > 0).all()


def test_counts_from_a_store(tmp_path, capsys):
    db = tmp_path / "v.duckdb"
    assert main(["extract", str(CORPORA / "samples"), "--db", str(db), "-q", "--workers", "1"]) == 0
    table = catalogue_counts(db)
    assert table["rows"].sum() > 0
    assert table.iloc[0]["rows"] >= table.iloc[-1]["rows"]
    assert main(["indicators", "--db", str(db)]) == 0
    assert "indicator_id" in capsys.readouterr().out


def test_without_a_store_every_count_is_zero(tmp_path):
    assert catalogue_counts(tmp_path / "none.duckdb")["rows"].sum() == 0
