"""Run articles through the pipeline on this machine, in one process or a pool.

Output order equals input order whatever the number of workers (``imap`` keeps it), so a
run with ``--workers 4`` writes the same rows as a run with one. Each worker process loads
the pipeline once, in its initializer.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..annotate import Limits, annotate
from ..language import shared
from ..tables import Rows, article_rows


@dataclass(frozen=True)
class Settings:
    config: str | None = None
    with_tokens: bool = False
    limits: Limits = field(default_factory=Limits)


_SETTINGS: Settings | None = None


def process_article(article, settings: Settings) -> Rows:
    """One article → its rows; never raises."""
    if article.error or article.text is None:
        return article_rows(article, None)
    try:
        nlp = shared(settings.config)
    except Exception as exc:
        article.error = {"stage": "load", "type": type(exc).__name__, "message": str(exc)[:500]}
        return article_rows(article, None)
    result = annotate(nlp, article.text, article.doc_id, article.source, article.meta, settings.limits)
    try:
        return article_rows(article, result, settings.with_tokens)
    except Exception as exc:
        result.error = {"stage": "tables", "type": type(exc).__name__, "message": str(exc)[:500]}
        return article_rows(article, result)


def _init_worker(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings
    shared(settings.config)


def _work(article) -> Rows:
    assert _SETTINGS is not None
    return process_article(article, _SETTINGS)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run(articles: Iterable, settings: Settings, workers: int = 1, chunksize: int = 4) -> Iterator[Rows]:
    """Yield each article's rows, in input order."""
    if workers <= 1:
        for article in articles:
            yield process_article(article, settings)
        return
    context = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.imap(_work, articles, chunksize=chunksize)
