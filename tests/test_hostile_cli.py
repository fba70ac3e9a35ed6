"""The whole hostile corpus through ``vnmetrics extract``: every article accounted for, bounded time."""

import json
import time

import pandas as pd

from pipeline.cli import main

from .conftest import CORPORA

HOSTILE = CORPORA / "hostile"


def test_every_hostile_article_is_accounted_for(tmp_path, capsys):
    expected = json.loads((HOSTILE / "EXPECTED.json").read_text(encoding="utf-8"))["files"]
    want_articles = sum(f["articles"] for f in expected.values())
    want_errors: dict[str, int] = {}
    for spec in expected.values():
        for kind, n in spec["errors"].items():
            want_errors[kind] = want_errors.get(kind, 0) + n
    started = time.perf_counter()
    code = main(["extract", str(HOSTILE / "input"), "--out", str(tmp_path), "--format", "parquet", "--workers", "2"])
    seconds = time.perf_counter() - started
    assert code == 0
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    errors = pd.read_parquet(tmp_path / "errors.parquet")
    assert len(articles) == want_articles
    assert articles["doc_id"].is_unique or articles["source"].is_unique
    # one error row per failed article, each with stage, type and a message
    assert set(errors["doc_id"]) == set(articles.loc[articles["status"] == "error", "doc_id"])
    assert errors[["stage", "type", "message"]].notna().all().all()
    ingest_errors = errors[errors["stage"] == "ingest"]["type"].value_counts().to_dict()
    assert ingest_errors == want_errors
    # nothing beyond ingest fails: the pipeline itself survives every hostile text
    assert set(errors["stage"]) <= {"ingest"}, errors[errors["stage"] != "ingest"].to_dict("records")
    summary = capsys.readouterr().out
    assert f"articles: {want_articles} (ok {want_articles - len(errors)}, errors {len(errors)}" in summary
    assert seconds < 300


def test_fail_on_error_over_the_hostile_corpus(tmp_path):
    assert main(["extract", str(HOSTILE / "input"), "--out", str(tmp_path), "--format", "jsonl",
                 "--fail-on-error", "-q"]) == 1
