"""A run killed at any moment (SIGKILL) and started again ends with every article exactly once."""

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb

from .conftest import CORPORA


def run(args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", *args, "-q"],
                            start_new_session=True, **kwargs)


def table_counts(db):
    with duckdb.connect(str(db), read_only=True) as con:
        per_article = con.execute("SELECT doc_id, count(*) FROM articles GROUP BY doc_id").fetchall()
        metrics = con.execute("SELECT doc_id, count(*) FROM metrics GROUP BY doc_id ORDER BY doc_id").fetchall()
    return per_article, metrics


def test_kill_and_resume_loses_and_duplicates_nothing(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in sorted((CORPORA / "dev").glob("*.txt"))[:60]:
        shutil.copy(path, corpus / path.name)
    reference_db, db = tmp_path / "reference.duckdb", tmp_path / "killed.duckdb"
    started = time.perf_counter()
    assert run([str(corpus), "--db", str(reference_db), "--workers", "1"]).wait() == 0
    full_run = time.perf_counter() - started

    stored_after_kill = []
    for fraction in (0.5, 0.4):  # killed at two points of its run
        process = run([str(corpus), "--db", str(db), "--workers", "1", "--commit-every", "3"])
        time.sleep(full_run * fraction)
        if process.poll() is not None:
            continue  # finished first (the rerun has less left to do): nothing to kill
        os.killpg(os.getpgid(process.pid), signal.SIGKILL)
        process.wait()
        stored_after_kill.append(len(table_counts(db)[0]) if db.exists() else 0)
    assert stored_after_kill and stored_after_kill[0] < 60  # the first kill did cut the run short
    assert run([str(corpus), "--db", str(db), "--workers", "2"]).wait() == 0

    articles, metrics = table_counts(db)
    assert len(articles) == 60 and all(n == 1 for _, n in articles)
    assert metrics == table_counts(reference_db)[1]
