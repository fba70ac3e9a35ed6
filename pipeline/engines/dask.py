"""Run the extraction on a Dask cluster and write partitioned Parquet.

The client reads articles lazily and ships them in chunks; each chunk becomes a Dask bag
whose partitions are processed on the workers (each worker process loads the pipeline once,
through ``language.shared``) and written there as one Parquet file per table and partition:
``OUT/<table>/part-<chunk>-<partition>.parquet``. The output folder must therefore be
visible to every worker (a shared filesystem on a real cluster). Row order inside each
partition is input order, so reading a table back sorted by ``doc_id`` equals a local run.

    vnmetrics extract archive/ --engine dask --scheduler tcp://scheduler:8786 --out tables/
    pipeline.engines.dask.run_dask(paths, "tables/", client=Client("tcp://scheduler:8786"))
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable
from pathlib import Path

import pyarrow.parquet as pq

from ..api import Summary
from ..ingest import ReadOptions, iter_articles
from ..tables import TABLES, Rows
from . import local


def _process_partition(articles: list, settings: local.Settings) -> list[Rows]:
    return [local.process_article(article, settings) for article in articles]


def _write_partition(rows: list[Rows], out_dir: str, part: str) -> list[Rows]:
    from ..stores.schema import arrow_table

    for name in TABLES:
        table = arrow_table(name, [row for article_rows in rows for row in article_rows[name]])
        target = Path(out_dir) / name
        target.mkdir(parents=True, exist_ok=True)
        temp = target / f".part-{part}.parquet.partial"
        pq.write_table(table, temp)
        temp.replace(target / f"part-{part}.parquet")
    # only the article rows travel back, for the summary
    return [{"articles": r["articles"], "errors": r["errors"], "officials": [None] * len(r["officials"]),
             "dates": [None] * len(r["dates"]), "metrics": [None] * len(r["metrics"])} for r in rows]


def run_dask(paths: Iterable[str | Path], out_dir: str | Path, *, scheduler: str | None = None,
             client=None, options: ReadOptions | None = None, config: str | None = None,
             with_tokens: bool = False, chunk_articles: int = 2000, partition_articles: int = 50) -> Summary:
    """Extract on a Dask cluster (``client``, or one at ``scheduler``, or a local cluster)."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    started = time.perf_counter()
    own_client = client is None
    cluster = None
    if own_client:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(processes=True, threads_per_worker=1)
            client = Client(cluster)
    settings = local.Settings(config=config, with_tokens=with_tokens)
    out = str(Path(out_dir).resolve())
    summary = Summary()
    try:
        articles = iter_articles(paths, options)
        for chunk_index in itertools.count():
            chunk = list(itertools.islice(articles, chunk_articles))
            if not chunk:
                break
            bag = db.from_sequence(chunk, partition_size=partition_articles)
            parts = bag.map_partitions(_process_partition, settings)
            written = [
                _delayed_write(partition, out, f"{chunk_index:05d}-{i:05d}")
                for i, partition in enumerate(parts.to_delayed())
            ]
            for rows_list in client.compute(written, sync=True):
                for rows in rows_list:
                    summary.add(rows)
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
    summary.outputs = [str(Path(out) / name) for name in TABLES]
    summary.seconds = time.perf_counter() - started
    return summary


def _delayed_write(partition, out: str, part: str):
    from dask import delayed

    return delayed(_write_partition)(partition, out, part)


def read_tables(out_dir: str | Path):
    """Read a partitioned output back as ``Tables`` (rows in doc_id order)."""
    import pandas as pd

    from ..tables import Tables, frame

    frames = {}
    for name in TABLES:
        folder = Path(out_dir) / name
        files = sorted(folder.glob("part-*.parquet"))
        frames[name] = (pd.concat([pq.read_table(f).to_pandas() for f in files], ignore_index=True)
                        if files else frame(name, []))
    return Tables(**frames)
