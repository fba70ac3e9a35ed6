"""The small public API the CLI, the notebooks and the engines sit on.

    import pipeline
    tables = pipeline.extract(["corpora/samples"])      # five DataFrames
    tables.metrics.head()
    pipeline.extract_text("Tỷ lệ hộ gia đình có cáp quang đạt 76,6%.")

``run`` is the streaming form the CLI uses: it writes each article's rows to a sink (DuckDB
store or files) as they come, so memory does not grow with the archive.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .annotate import Limits
from .engines import local
from .ingest import Article, ReadOptions, iter_articles
from .tables import Rows, Tables, gold_record


@dataclass
class Summary:
    """What a run did: counts, and the errors by stage/type."""

    articles: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    officials: int = 0
    dates: int = 0
    metrics: int = 0
    seconds: float = 0.0
    error_types: dict[str, int] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)

    def add(self, rows: Rows) -> None:
        self.articles += 1
        article = rows["articles"][0]
        if article["status"] == "ok":
            self.ok += 1
        else:
            self.errors += 1
            for error in rows["errors"]:
                key = f"{error['stage']}/{error['type']}"
                self.error_types[key] = self.error_types.get(key, 0) + 1
        self.officials += len(rows["officials"])
        self.dates += len(rows["dates"])
        self.metrics += len(rows["metrics"])

    def lines(self) -> list[str]:
        rate = self.articles / self.seconds if self.seconds else 0.0
        out = [f"articles: {self.articles} (ok {self.ok}, errors {self.errors}, "
               f"skipped as already stored {self.skipped})",
               f"rows: officials {self.officials}, dates {self.dates}, metrics {self.metrics}",
               f"time: {self.seconds:.1f}s ({rate:.1f} articles/s)"]
        out += [f"  error {key}: {n}" for key, n in sorted(self.error_types.items())]
        out += [f"wrote: {path}" for path in self.outputs]
        return out


def iter_rows(paths: Iterable[str | Path], *, workers: int = 1, config: str | None = None,
              with_tokens: bool = False, options: ReadOptions | None = None,
              limits: Limits | None = None, skip: Callable[[Article], bool] | None = None,
              on_skip: Callable[[Article], None] | None = None) -> Iterator[Rows]:
    """Each article's rows, lazily and in input order."""
    articles: Iterable[Article] = iter_articles(paths, options)
    if skip is not None:
        articles = _filtered(articles, skip, on_skip)
    settings = local.Settings(config=config, with_tokens=with_tokens, limits=limits or Limits())
    yield from local.run(articles, settings, workers=workers)


def _filtered(articles: Iterable[Article], skip: Callable[[Article], bool],
              on_skip: Callable[[Article], None] | None) -> Iterator[Article]:
    for article in articles:
        if skip(article):
            if on_skip:
                on_skip(article)
            continue
        yield article


def extract(paths: str | Path | Iterable[str | Path], **kwargs) -> Tables:
    """Extract every article under ``paths`` into five DataFrames (see ``iter_rows`` for options)."""
    if isinstance(paths, str | Path):
        paths = [paths]
    return Tables.from_rows(iter_rows(paths, **kwargs))


def extract_text(text: str, doc_id: str = "text", config: str | None = None) -> dict:
    """One text → its record in the gold format (handy in notebooks and tests)."""
    article = Article(doc_id=doc_id, source="<text>", text=text, meta={"format": "text"})
    rows = local.process_article(article, local.Settings(config=config))
    return gold_record(rows)


def run(paths: Iterable[str | Path], sink, *, workers: int = 1, skip_stored: bool = True,
        progress: Callable[[Rows], None] | None = None, **kwargs) -> Summary:
    """Stream every article into ``sink`` (a store or file sink); return the run's summary."""
    summary = Summary()
    started = time.perf_counter()
    known = sink.known_hashes() if skip_stored else set()

    def skip(article: Article) -> bool:
        return bool(article.content_hash) and article.content_hash in known and not article.error

    def count_skip(_: Article) -> None:
        summary.skipped += 1

    try:
        for rows in iter_rows(paths, workers=workers, skip=skip, on_skip=count_skip, **kwargs):
            sink.write(rows)
            summary.add(rows)
            if progress:
                progress(rows)
    finally:
        summary.outputs = [str(p) for p in sink.close()]
        summary.seconds = time.perf_counter() - started
    return summary
