"""One article's extraction drawn with displaCy: officials, dates and figures highlighted.

    from pipeline import visualize
    visualize.show(tables, "001_195cca2149ea4db1")       # in a notebook
    html = visualize.render(doc)                          # a spaCy Doc from pipeline.load()

The entity style cannot draw overlapping spans, so each item is reduced to its most telling
span and overlaps are resolved by priority: a figure is drawn on its value ("76,6%"), not on
the whole indicator sentence, so the dates and officials around it stay visible. Labels:
OFFICIAL, DATE, FIGURE (an achieved value) and TARGET (a planned one).

Works from a ``Doc`` (offsets in ``doc._.*`` records) or from the tables (``clean_start`` /
``clean_end`` columns, into ``articles.text``). For table rows the value's own span is
found inside the figure's span when the row does not carry it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
import regex
from spacy import displacy

from .numbers import NUMBER_PATTERN, parse_vi_number

LABELS = ("OFFICIAL", "DATE", "FIGURE", "TARGET")
COLORS = {"OFFICIAL": "#b2f2bb", "DATE": "#a5d8ff", "FIGURE": "#ffd43b", "TARGET": "#eebefa"}
# Lower is drawn first when spans overlap; a whole-sentence figure span (value not found) comes last.
_PRIORITY = {"value": 0, "DATE": 1, "OFFICIAL": 2, "span": 3}
_NUMBER = regex.compile(rf"(?<![\d.,])(?:{NUMBER_PATTERN})(?![\d]|[.,]\d)(?:/\d{{1,6}}|\s{{0,2}}%)?")
_SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)


def _int(value: Any) -> int | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return None
    return int(value)


def _valid(start: int | None, end: int | None, length: int) -> bool:
    return start is not None and end is not None and 0 <= start < end <= length


def value_span(text: str, start: int, end: int, value: float) -> tuple[int, int] | None:
    """The value's own span inside ``text[start:end]``: the number that reads as ``value``.

    A number followed by scale words ("2,5 nghìn tỷ") is accepted when ``value`` is that number
    times a power of a thousand; a trailing "%" is included. None when no number fits.
    """
    for match in _NUMBER.finditer(text, start, end):
        number = parse_vi_number(match.group().split("/")[0].rstrip("% \u00a0"))
        if number is None:
            continue
        if any(abs(number * scale - value) <= 1e-9 * max(1.0, abs(value)) for scale in _SCALES):
            return match.start(), match.end()
    return None


def _figure_label(kind: Any) -> str:
    return "TARGET" if kind == "target" else "FIGURE"


def entities_from_rows(text: str, officials: Iterable[Mapping], dates: Iterable[Mapping],
                       metrics: Iterable[Mapping]) -> list[dict]:
    """Candidate entities (possibly overlapping) from one article's rows, offsets into ``text``."""
    ents: list[dict] = []
    for label, rows in (("OFFICIAL", officials), ("DATE", dates)):
        for row in rows:
            start, end = _int(row.get("clean_start")), _int(row.get("clean_end"))
            if _valid(start, end, len(text)):
                ents.append({"start": start, "end": end, "label": label, "rank": _PRIORITY[label]})
    for row in metrics:
        start, end = _int(row.get("clean_start")), _int(row.get("clean_end"))
        if not _valid(start, end, len(text)):
            continue
        label = _figure_label(row.get("kind"))
        vstart, vend = _int(row.get("clean_value_start")), _int(row.get("clean_value_end"))
        span = (vstart, vend) if _valid(vstart, vend, len(text)) else None
        if span is None and row.get("value") is not None and not pd.isna(row.get("value")):
            span = value_span(text, start, end, float(row["value"]))
        if span is not None:
            ents.append({"start": span[0], "end": span[1], "label": label, "rank": _PRIORITY["value"]})
        else:
            ents.append({"start": start, "end": end, "label": label, "rank": _PRIORITY["span"]})
    return ents


def entities_from_doc(doc) -> list[dict]:
    """Candidate entities from a processed Doc: every official mention, dates, figure values."""
    n = len(doc.text)
    ents: list[dict] = []
    for person in doc._.officials or []:
        for start, end in (person.mentions or [(person.start_char, person.end_char)]):
            if _valid(start, end, n):
                ents.append({"start": start, "end": end, "label": "OFFICIAL", "rank": _PRIORITY["OFFICIAL"]})
    for mention in doc._.dates or []:
        if _valid(mention.start_char, mention.end_char, n):
            ents.append({"start": mention.start_char, "end": mention.end_char, "label": "DATE",
                         "rank": _PRIORITY["DATE"]})
    for metric in doc._.metrics or []:
        label = _figure_label(metric.kind)
        if _valid(metric.value_start_char, metric.value_end_char, n):
            ents.append({"start": metric.value_start_char, "end": metric.value_end_char, "label": label,
                         "rank": _PRIORITY["value"]})
        elif _valid(metric.start_char, metric.end_char, n):
            ents.append({"start": metric.start_char, "end": metric.end_char, "label": label,
                         "rank": _PRIORITY["span"]})
    return ents


def resolve(ents: Iterable[dict]) -> list[dict]:
    """Non-overlapping entities in text order: by priority, then shorter first, then earlier."""
    kept: list[dict] = []
    for ent in sorted(ents, key=lambda e: (e["rank"], e["end"] - e["start"], e["start"])):
        if all(ent["end"] <= k["start"] or ent["start"] >= k["end"] for k in kept):
            kept.append(ent)
    return [{"start": e["start"], "end": e["end"], "label": e["label"]}
            for e in sorted(kept, key=lambda e: (e["start"], e["end"]))]


def _pick_article(articles: pd.DataFrame, doc_id: str | None) -> dict:
    if doc_id is not None:
        chosen = articles[articles["doc_id"] == doc_id]
        if chosen.empty:
            raise ValueError(f"no article {doc_id!r} in the tables")
    else:
        chosen = articles[articles["text"].notna()] if "text" in articles else articles
        if chosen.empty:
            raise ValueError("no article with text in the tables")
    return chosen.iloc[0].to_dict()


def _rows(df: pd.DataFrame, doc_id: str) -> list[dict]:
    return df[df["doc_id"] == doc_id].to_dict("records") if len(df) else []


def manual_data(source: Any, doc_id: str | None = None) -> dict:
    """displaCy's manual input ``{"text", "ents", "title"}`` for a Doc, a ``Tables`` or one article's rows."""
    if hasattr(source, "_") and hasattr(source, "text"):  # a spaCy Doc
        meta = source._.meta or {}
        return {"text": source.text, "ents": resolve(entities_from_doc(source)),
                "title": _title(meta.get("title"), source._.doc_id), "settings": {"lang": "vi"}}
    if isinstance(source, Mapping):  # one article's Rows (lists of dicts)
        frames = {name: pd.DataFrame(source.get(name) or [], columns=None)
                  for name in ("articles", "officials", "dates", "metrics")}
    else:
        frames = {name: getattr(source, name) for name in ("articles", "officials", "dates", "metrics")}
    article = _pick_article(frames["articles"], doc_id)
    text = article.get("text") or ""
    if not isinstance(text, str):
        text = ""
    key = article["doc_id"]
    ents = entities_from_rows(text, _rows(frames["officials"], key), _rows(frames["dates"], key),
                              _rows(frames["metrics"], key))
    return {"text": text, "ents": resolve(ents), "title": _title(article.get("title"), key),
            "settings": {"lang": "vi"}}


def _title(title: Any, doc_id: Any) -> str:
    """The heading, escaped here: displaCy puts the title into its markup as it is."""
    text = title if isinstance(title, str) and title.strip() else str(doc_id or "")
    return html.escape(text)


def render(source: Any, doc_id: str | None = None, *, page: bool = False) -> str:
    """The article as displaCy entity HTML (a string; ``page=True`` for a standalone page)."""
    data = manual_data(source, doc_id)
    return displacy.render(data, style="ent", manual=True, page=page, jupyter=False,
                           options={"ents": list(LABELS), "colors": COLORS})


def show(source: Any, doc_id: str | None = None) -> None:
    """Display the article in a notebook (IPython); prints nothing elsewhere."""
    from IPython.display import HTML, display

    display(HTML(render(source, doc_id)))
