"""Doc → rows → DataFrames: the five tables analysts get.

``article_rows`` turns one annotated article into plain rows (dicts) for every table, with
offsets mapped back to the original text; rows travel between processes as they are.
``Tables`` gathers rows into pandas DataFrames once, at the end (never row-by-row appends).
``gold_record`` writes one article in the gold format of GUIDE.md, with extra fields.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .annotate import Annotated
from .segment import doc_text, segmented_text, sentence_spans

TABLES = ("articles", "officials", "dates", "metrics", "errors")

COLUMNS: dict[str, list[str]] = {
    "articles": ["doc_id", "source", "status", "title", "province", "published", "published_reason",
                 "reference_year", "header", "byline", "format", "encoding", "url", "content_hash",
                 "n_chars", "n_officials", "n_dates", "n_metrics", "warnings", "text", "tokens"],
    "officials": ["doc_id", "person", "name", "titles", "canonical_title", "organization", "province",
                  "role", "n_mentions", "start_char", "end_char", "clean_start", "clean_end", "sentence"],
    "dates": ["doc_id", "text", "value", "granularity", "start", "end", "role", "year_inferred",
              "start_char", "end_char", "clean_start", "clean_end", "sentence"],
    "metrics": ["doc_id", "metric", "indicator", "indicator_id", "value", "value_max", "unit", "denominator",
                "comparator", "kind", "change", "province", "level", "period", "deadline", "text",
                "start_char", "end_char", "value_start_char", "value_end_char", "clean_start", "clean_end",
                "clean_value_start", "clean_value_end", "sentence"],
    "errors": ["doc_id", "source", "stage", "type", "message"],
}

Rows = dict[str, list[dict[str, Any]]]


class _Sentences:
    """Sentence lookup by character offset (bisect over sentence starts)."""

    def __init__(self, doc) -> None:
        self.spans = sentence_spans(doc)
        self.starts = [s for s, _ in self.spans]
        self.text = doc_text(doc)

    def around(self, start: int) -> str:
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0:
            return ""
        s, e = self.spans[i]
        return self.text[s:e].strip()


def empty_rows() -> Rows:
    return {name: [] for name in TABLES}


def article_rows(article, result: Annotated | None, with_tokens: bool = False) -> Rows:
    """All rows of one article; an article that failed gives an ``articles`` row and an ``errors`` row."""
    rows = empty_rows()
    meta = article.meta or {}
    error = article.error or (result.error if result else None)
    doc = result.doc if result else None
    base = {
        "doc_id": article.doc_id, "source": article.source, "status": "error" if error else "ok",
        "title": meta.get("title"), "format": meta.get("format"), "encoding": meta.get("encoding"),
        "url": meta.get("url"), "content_hash": getattr(article, "content_hash", "") or "",
        "province": None, "published": None, "published_reason": None, "reference_year": None,
        "header": None, "byline": None, "n_chars": 0, "n_officials": 0, "n_dates": 0, "n_metrics": 0,
        "warnings": "; ".join(result.warnings or []) if result else "", "text": None, "tokens": None,
    }
    if result and result.mapped is not None:
        base["text"] = result.mapped.text
        base["n_chars"] = len(result.mapped.text)
    if result and result.layout is not None:
        base["title"] = base["title"] or result.layout.title
        base["header"], base["byline"] = result.layout.header, result.layout.byline
    if error:
        rows["errors"].append({"doc_id": article.doc_id, "source": article.source, **error})
    if doc is None or error:
        rows["articles"].append(base)
        return rows

    mapped = result.mapped
    sentences = _Sentences(doc)

    def original(start: int, end: int) -> tuple[int, int]:
        return mapped.original_span(start, end)

    for i, person in enumerate(doc._.officials or []):
        start, end = original(person.start_char, person.end_char)
        rows["officials"].append({
            "doc_id": article.doc_id, "person": i, "name": person.name, "titles": list(person.titles),
            "canonical_title": person.canonical_title, "organization": person.organization,
            "province": person.province, "role": person.role, "n_mentions": max(1, len(person.mentions)),
            "start_char": start, "end_char": end, "clean_start": person.start_char, "clean_end": person.end_char,
            "sentence": sentences.around(person.start_char)})
    for mention in doc._.dates or []:
        start, end = original(mention.start_char, mention.end_char)
        rows["dates"].append({
            "doc_id": article.doc_id, "text": mention.text, "value": mention.value,
            "granularity": mention.granularity, "start": mention.start, "end": mention.end,
            "role": mention.role, "year_inferred": mention.year_inferred,
            "start_char": start, "end_char": end, "clean_start": mention.start_char,
            "clean_end": mention.end_char, "sentence": sentences.around(mention.start_char)})
    for i, metric in enumerate(doc._.metrics or []):
        start, end = original(metric.start_char, metric.end_char)
        vstart, vend = (original(metric.value_start_char, metric.value_end_char)
                        if metric.value_start_char >= 0 else (start, end))
        rows["metrics"].append({
            "doc_id": article.doc_id, "metric": i, "indicator": metric.indicator,
            "indicator_id": metric.indicator_id, "value": float(metric.value), "value_max": metric.value_max,
            "unit": metric.unit, "denominator": metric.denominator, "comparator": metric.comparator,
            "kind": metric.kind, "change": metric.change, "province": metric.province, "level": metric.level,
            "period": metric.period, "deadline": metric.deadline, "text": metric.text,
            "start_char": start, "end_char": end, "value_start_char": vstart, "value_end_char": vend,
            "clean_start": metric.start_char, "clean_end": metric.end_char,
            "clean_value_start": metric.value_start_char if metric.value_start_char >= 0 else None,
            "clean_value_end": metric.value_end_char if metric.value_start_char >= 0 else None,
            "sentence": sentences.around(metric.start_char)})
    base.update({
        "province": doc._.province, "published": doc._.published, "published_reason": doc._.published_reason,
        "reference_year": doc._.reference_year,
        "n_officials": len(rows["officials"]), "n_dates": len(rows["dates"]), "n_metrics": len(rows["metrics"]),
    })
    if with_tokens:
        base["tokens"] = segmented_text(doc)
    rows["articles"].append(base)
    return rows


def gold_record(rows: Rows) -> dict[str, Any]:
    """One article's rows in the gold format of GUIDE.md (plus extra fields the scorer ignores)."""
    article = rows["articles"][0]
    seen_values: set[str] = set()
    dates = []
    for d in rows["dates"]:
        if d["value"] and d["value"] not in seen_values:
            seen_values.add(d["value"])
            dates.append({"text": d["text"], "value": d["value"], "role": d["role"]})
    metrics = []
    for m in rows["metrics"]:
        record = {k: m[k] for k in ("indicator", "value", "unit", "comparator", "kind", "text")}
        if m["denominator"] is not None:
            record["denominator"] = m["denominator"]
        record.update({k: m[k] for k in ("indicator_id", "change", "level", "period", "deadline", "value_max")
                       if m[k] is not None})
        metrics.append(record)
    record: dict[str, Any] = {
        "doc_id": article["doc_id"], "source": article["source"], "status": article["status"],
        "province": article["province"], "published": article["published"],
        "officials": [{"name": o["name"], "titles": o["titles"], "canonical_title": o["canonical_title"],
                       "organization": o["organization"], "role": o["role"]} for o in rows["officials"]],
        "dates": dates, "metrics": metrics,
    }
    if rows["errors"]:
        record["error"] = {k: rows["errors"][0][k] for k in ("stage", "type", "message")}
    return record


@dataclass
class Tables:
    """The five tables as pandas DataFrames (columns documented in the README)."""

    articles: pd.DataFrame
    officials: pd.DataFrame
    dates: pd.DataFrame
    metrics: pd.DataFrame
    errors: pd.DataFrame
    extras: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, batches: Iterable[Rows]) -> Tables:
        merged = empty_rows()
        for rows in batches:
            for name in TABLES:
                merged[name].extend(rows[name])
        return cls(**{name: frame(name, merged[name]) for name in TABLES})

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        return [(name, getattr(self, name)) for name in TABLES]


def frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame with the table's columns in their documented order, even when empty."""
    df = pd.DataFrame.from_records(rows, columns=COLUMNS[name])
    return df
