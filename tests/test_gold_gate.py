"""Golden-file test and evaluation gate: extraction on corpora/gold must not fall below the floors."""

import json
from pathlib import Path

import pytest

from pipeline.api import iter_rows
from pipeline.gate import check, evaluate_subsets, gold_articles, load_floors, subsets
from pipeline.tables import gold_record

from .conftest import CORPORA

FLOORS = CORPORA / "floors.json"


@pytest.fixture(scope="module")
def predictions():
    articles = gold_articles(CORPORA)
    records = {}
    for rows in iter_rows(sorted(articles.values())):
        record = gold_record(rows)
        records[record["doc_id"]] = record
    return articles, records


def test_every_gold_file_has_its_article(predictions):
    articles, records = predictions
    stems = {p.stem for p in (CORPORA / "gold").glob("*.json")}
    assert stems == set(articles)
    assert all(records[d]["status"] == "ok" for d in stems)


def test_scores_hold_their_floors(predictions, tmp_path):
    articles, records = predictions
    current = evaluate_subsets(CORPORA / "gold", records, subsets(articles, CORPORA))
    (tmp_path / "scores.json").write_text(json.dumps(current, indent=2))
    failures = check(current, load_floors(FLOORS))
    assert not failures, "below the floor:\n" + "\n".join(failures) + f"\nscores: {json.dumps(current)}"


def test_floors_cover_every_corpus_folder_with_gold():
    floors = load_floors(FLOORS)
    assert set(floors) == set(subsets(gold_articles(CORPORA), CORPORA))
    assert all(len(v) == 10 for v in floors.values())


def test_gate_logic():
    from pipeline.gate import raised

    floors = {"all": {"dates_f1": 0.9}}
    assert check({"all": {"dates_f1": 0.89}}, floors) == ["all.dates_f1: 0.89 < floor 0.9"]
    assert check({"all": {"dates_f1": 0.95}}, floors) == []
    assert raised({"all": {"dates_f1": 0.95}}, floors) == {"all": {"dates_f1": 0.95}}
    assert raised({"all": {"dates_f1": 0.5}}, floors) == {"all": {"dates_f1": 0.9}}
    assert Path(FLOORS).name == "floors.json"
