"""Engines give the same tables whatever runs them: serial, a process pool, a Dask cluster."""

import pandas as pd
import pytest

from pipeline.api import extract

from .conftest import CORPORA

SAMPLES = CORPORA / "samples"
SOME_DEV = sorted((CORPORA / "dev").glob("*.txt"))[:6]


def comparable(df: pd.DataFrame) -> pd.DataFrame:
    df = df.astype(object).where(df.notna(), None)
    for column in df.columns:
        df[column] = df[column].map(lambda v: tuple(v) if hasattr(v, "__len__") and not isinstance(v, str) else v)
    return df.sort_values([c for c in ("doc_id", "start_char", "metric", "person") if c in df]).reset_index(drop=True)


def assert_same_tables(a, b):
    for (name, left), (_, right) in zip(a.items(), b.items(), strict=True):
        pd.testing.assert_frame_equal(comparable(left), comparable(right), check_dtype=False, obj=name)


def test_parallel_equals_serial():
    paths = [SAMPLES, *SOME_DEV]
    serial = extract(paths, workers=1)
    parallel = extract(paths, workers=2)
    assert len(serial.articles) == 5 + len(SOME_DEV)
    for name, df in serial.items():  # identical row for row, in the same order
        pd.testing.assert_frame_equal(df, getattr(parallel, name), obj=name)


def test_dask_local_cluster_equals_local(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    from pipeline.engines.dask import read_tables, run_dask

    paths = [SAMPLES, *SOME_DEV[:2]]
    local = extract(paths, workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        summary = run_dask(paths, tmp_path, client=client, partition_articles=2)
    assert summary.articles == len(local.articles) and summary.errors == 0
    assert len(list((tmp_path / "metrics").glob("part-*.parquet"))) >= 2
    assert_same_tables(local, read_tables(tmp_path))
