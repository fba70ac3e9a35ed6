"""A visual review page: one self-contained HTML file over a store or an output folder.

    vnmetrics report vnmetrics.duckdb -o report.html
    vnmetrics report out/ -o report.html            # a folder written by --out DIR --format parquet|csv

Reviewers read each article with every extracted item highlighted where it was found
(officials, dates, figures in different colours; hovering or clicking a highlight shows its
row), filter the metrics table, and see which articles failed. The page is one file with
inline CSS and JS and a Content-Security-Policy that forbids any network access, so it can be
mailed around or opened offline. Article text is untrusted: every string is HTML-escaped,
the row data travels as JSON in a non-executed ``<script type="application/json">`` block,
and the script only writes it back through ``textContent``.

Highlights use the ``clean_start``/``clean_end`` columns (offsets into ``articles.text``).
Overlapping items (a date inside a figure's span) are rendered by cutting the text at every
item boundary: each piece is one ``<mark>`` listing all the items covering it.

``browser_dom`` / ``browser_screenshot`` drive a headless Chromium through its command line
(no WebDriver); the tests and ``vnmetrics report --screenshot`` use them.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import math
import os
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any

import pandas as pd

from .tables import COLUMNS, TABLES, Tables

TEMPLATE = Path(__file__).with_name("templates") / "report.html"
KINDS = ("official", "date", "metric")
PREFIX = {"official": "o", "date": "d", "metric": "m"}
DEFAULT_MAX_ARTICLES = 500
MAX_ERROR_ROWS = 5000

# The fields a highlight's detail panel shows, per kind, in this order.
DETAIL_FIELDS: dict[str, tuple[str, ...]] = {
    "official": ("name", "titles", "canonical_title", "organization", "province", "role", "n_mentions"),
    "date": ("text", "value", "role", "granularity", "start", "end", "year_inferred"),
    "metric": ("indicator", "indicator_id", "figure", "value", "value_max", "unit", "denominator",
               "comparator", "kind", "change", "province", "level", "period", "deadline", "text"),
}
METRIC_COLUMNS = ("doc_id", "province", "indicator_id", "indicator", "comparator", "value", "unit", "kind",
                  "period", "deadline", "level", "change", "text")
ERROR_COLUMNS = ("doc_id", "source", "stage", "type", "message")
OFFICIAL_COLUMNS = ("doc_id", "name", "titles", "canonical_title", "organization", "role")


# ---------------------------------------------------------------------------------------------
# Reading tables back


def _fill_columns(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """The table's documented columns, in order; columns an older store lacks come back empty."""
    for column in COLUMNS[name]:
        if column not in df.columns:
            df[column] = None
    return df[COLUMNS[name]].reset_index(drop=True)


def _read_duckdb(path: Path) -> dict[str, pd.DataFrame]:
    import duckdb

    frames = {}
    if path.suffix.lower() in (".parquet", ".csv", ".jsonl", ".xlsx"):
        raise ValueError(f"{path} is one table file: give the folder that holds the tables")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise ValueError(f"cannot open {path} as a DuckDB store: {exc}") from exc
    try:
        present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        for name in TABLES:
            frames[name] = con.execute(f"SELECT * FROM {name}").df() if name in present else pd.DataFrame()
    finally:
        con.close()
    return frames


def _csv_frame(name: str, path: Path) -> pd.DataFrame:
    """A CSV table with its column types back (the CSV writer joined lists with " | ")."""
    from .stores.schema import arrow_schema

    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    df = df.astype(object).where(df.notna(), None)
    for fld in arrow_schema(name):
        if fld.name not in df.columns:
            continue
        kind = str(fld.type)
        if kind in ("int64", "double"):
            df[fld.name] = pd.to_numeric(df[fld.name], errors="coerce")
            if kind == "int64":
                df[fld.name] = df[fld.name].astype("Int64")
        elif kind == "bool":
            df[fld.name] = df[fld.name].map({"True": True, "False": False, "true": True, "false": False})
        elif kind.startswith("list"):
            df[fld.name] = df[fld.name].map(lambda v: [] if v is None else str(v).split(" | "))
    return df


def _read_folder(folder: Path) -> dict[str, pd.DataFrame]:
    frames: dict[str, pd.DataFrame] = {}
    xlsx = folder / "tables.xlsx"
    for name in TABLES:
        parquet, csv, parts = folder / f"{name}.parquet", folder / f"{name}.csv", folder / name
        if parquet.is_file():
            frames[name] = pd.read_parquet(parquet)
        elif parts.is_dir() and any(parts.glob("*.parquet")):  # the dask engine's partitioned output
            frames[name] = pd.read_parquet(parts)
        elif csv.is_file():
            frames[name] = _csv_frame(name, csv)
        elif xlsx.is_file():
            frames[name] = _csv_frame_from_xlsx(name, xlsx)
    if not frames:
        hint = " (JSONL output holds no article text: write parquet or csv)" if (
            folder / "articles.jsonl").exists() else ""
        raise ValueError(f"no tables in {folder}{hint}")
    if "articles" not in frames:
        raise ValueError(f"no articles table in {folder}")
    return frames


def _csv_frame_from_xlsx(name: str, path: Path) -> pd.DataFrame:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"{name}.csv"
        pd.read_excel(path, sheet_name=name, dtype=str).to_csv(target, index=False)
        return _csv_frame(name, target)


def load_tables(source: str | Path) -> Tables:
    """The five tables from a DuckDB store file or a folder of parquet/csv (or dask-partitioned) files."""
    path = Path(source)
    if path.is_dir():
        frames = _read_folder(path)
    elif path.is_file():
        frames = _read_duckdb(path)
    else:
        raise FileNotFoundError(f"no such store or folder: {path}")
    return Tables(**{name: _fill_columns(name, frames.get(name, pd.DataFrame())) for name in TABLES})


# ---------------------------------------------------------------------------------------------
# Plain values


def plain(value: Any) -> Any:
    """A cell as a JSON-able Python value: NaN/NA → None, numpy scalars and arrays → Python."""
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def number(value: Any) -> str:
    """A figure for display: integers without a decimal part, others without trailing zeros."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def figure(row: dict[str, Any]) -> str:
    """Comparator, value (or range, or fraction) and unit as one string: "> 95 %", "3/12 fraction"."""
    value = number(row.get("value"))
    if plain(row.get("value_max")) is not None:
        value += f"–{number(row.get('value_max'))}"
    unit = plain(row.get("unit")) or ""
    if plain(row.get("denominator")) is not None:
        value += f"/{number(row.get('denominator'))}"
    comparator = plain(row.get("comparator"))
    prefix = "" if comparator in (None, "=") else f"{comparator} "
    return f"{prefix}{value} {unit}".strip()


def fold(text: str) -> str:
    """Lower-case without diacritics ("Tỷ lệ Đạt" → "ty le dat"): what the search box compares."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in df.to_dict("records")]


# ---------------------------------------------------------------------------------------------
# Highlighting


@dataclass(frozen=True)
class Item:
    """One extracted row located in the article text."""

    key: str  # "m12": kind prefix + row number in its table
    kind: str  # official | date | metric
    start: int
    end: int


def locate(row: dict[str, Any], text_length: int) -> tuple[int, int] | None:
    """The row's span in the cleaned text, or None when its offsets are missing or out of range."""
    start, end = plain(row.get("clean_start")), plain(row.get("clean_end"))
    if not isinstance(start, int | float) or not isinstance(end, int | float):
        return None
    start, end = int(start), int(end)
    if 0 <= start < end <= text_length:
        return start, end
    return None


def highlight(text: str, items: Sequence[Item]) -> str:
    """Escaped ``text`` with every item wrapped in ``<mark>`` pieces, overlaps included.

    The text is cut at every item boundary; a piece covered by items becomes
    ``<mark class="hl k-metric k-date" data-ids="m3 d1">…</mark>``. An empty ``<span>`` anchor
    (``id="hl-m3"``) marks where each item starts, so tables can link to it.
    """
    bounds = sorted({0, len(text), *(i.start for i in items), *(i.end for i in items)})
    starts: dict[int, list[Item]] = {}
    for item in items:
        starts.setdefault(item.start, []).append(item)
    active: list[Item] = []
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        active = [i for i in active if i.end > a]
        for item in starts.get(a, ()):
            active.append(item)
            out.append(f'<span class="anchor" id="hl-{item.key}"></span>')
        piece = html.escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        kinds = " ".join(f"k-{k}" for k in KINDS if any(i.kind == k for i in active))
        ids = " ".join(i.key for i in active)
        out.append(f'<mark class="hl {kinds}" data-ids="{ids}">{piece}</mark>')
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# The page


@dataclass
class ReportStats:
    """What went into a page: the numbers the tests check against the store."""

    articles: int = 0
    articles_total: int = 0
    located: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    unlocated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    metrics: int = 0
    errors: int = 0


def _esc(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return html.escape("; ".join(map(str, value)))
    return html.escape(str(value))


def _json_script(data: Any) -> str:
    """JSON safe inside a ``<script type="application/json">`` block (no "</script>" can close it)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def _select_articles(tables: Tables, max_articles: int, doc_ids: Iterable[str] | None) -> pd.DataFrame:
    articles = tables.articles.sort_values("doc_id", kind="stable")
    if doc_ids:
        wanted = set(doc_ids)
        articles = articles[articles["doc_id"].isin(wanted)]
    if max_articles and len(articles) > max_articles:
        articles = articles.head(max_articles)
    return articles.reset_index(drop=True)


def _options(values: Iterable[Any]) -> str:
    distinct = sorted({str(v) for v in values if plain(v) is not None})
    return "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in distinct)


def _article_index(articles: list[dict], errors_by_doc: dict[str, int]) -> str:
    rows = []
    for i, a in enumerate(articles):
        status = _esc(a["status"])
        n_errors = errors_by_doc.get(a["doc_id"], 0)
        rows.append(
            f'<tr class="status-{status}"><td><a href="#doc-{i}">{_esc(a["doc_id"])}</a></td>'
            f'<td>{_esc(a["title"])}</td><td>{_esc(a["province"])}</td><td>{_esc(a["published"])}</td>'
            f'<td>{status}</td><td class="num">{a["_n"]["official"]}</td>'
            f'<td class="num">{a["_n"]["date"]}</td><td class="num">{a["_n"]["metric"]}</td>'
            f'<td class="num">{n_errors or ""}</td></tr>')
    return "".join(rows)


def _article_card(i: int, article: dict, body: str, unlocated: list[str], errors: list[dict]) -> str:
    meta = " · ".join(part for part in (
        f"<b>{_esc(article['doc_id'])}</b>",
        f"province: {_esc(article['province'])}" if plain(article.get("province")) else "",
        f"published: {_esc(article['published'])}" if plain(article.get("published")) else "",
        f"status: {_esc(article['status'])}", f"source: {_esc(article['source'])}") if part)
    counts = (f'<span class="chip k-official">{article["_n"]["official"]} officials</span>'
              f'<span class="chip k-date">{article["_n"]["date"]} dates</span>'
              f'<span class="chip k-metric">{article["_n"]["metric"]} figures</span>')
    title = _esc(article.get("title")) or _esc(article["doc_id"])
    parts = [f'<article class="doc" id="doc-{i}" data-doc="{_esc(article["doc_id"])}">',
             f"<h3>{title}</h3>", f'<p class="meta">{meta}</p>', f'<p class="counts">{counts}</p>']
    if plain(article.get("header")):
        parts.append(f'<p class="meta">dateline: {_esc(article["header"])}</p>')
    for error in errors:
        parts.append(f'<p class="error">error at {_esc(error["stage"])}: {_esc(error["type"])}: '
                     f'{_esc(error["message"])}</p>')
    if plain(article.get("warnings")):
        parts.append(f'<p class="warning">{_esc(article["warnings"])}</p>')
    parts.append(f'<div class="text">{body}</div>' if body else '<p class="empty">no text</p>')
    if unlocated:
        buttons = " ".join(f'<button class="item" data-ids="{k}">{k}</button>' for k in unlocated)
        parts.append(f'<p class="unlocated">not located in the text: {buttons}</p>')
    parts.append("</article>")
    return "".join(parts)


def _metric_rows(metrics: list[dict], doc_index: dict[str, int]) -> str:
    rows = []
    for m in metrics:
        key = m["_key"]
        cells = []
        for column in METRIC_COLUMNS:
            value = m.get(column)
            if column == "doc_id":
                cells.append(f'<td><a href="#hl-{key}" data-ids="{key}" class="jump">{_esc(value)}</a></td>')
            elif column == "value":
                cells.append(f'<td class="num" data-sort="{_esc(value)}">{_esc(figure(m))}</td>')
            elif column == "text":
                cells.append(f'<td class="snippet">{_esc(value)}</td>')
            else:
                cells.append(f"<td>{_esc(value)}</td>")
        attrs = " ".join(f'data-{c}="{_esc(m.get(c))}"' for c in ("kind", "unit", "province"))
        doc = doc_index.get(m["doc_id"], -1)
        rows.append(f'<tr id="row-{key}" data-key="{key}" data-docidx="{doc}" {attrs}>{"".join(cells)}</tr>')
    return "".join(rows)


def _simple_rows(records: list[dict], columns: Sequence[str]) -> str:
    return "".join("<tr>" + "".join(f"<td>{_esc(r.get(c))}</td>" for c in columns) + "</tr>" for r in records)


def build_html(tables: Tables, *, title: str = "vnmetrics report", max_articles: int = DEFAULT_MAX_ARTICLES,
               doc_ids: Iterable[str] | None = None) -> tuple[str, ReportStats]:
    """The page and what it holds. ``max_articles`` (0 = all) bounds the articles shown, in doc_id order."""
    stats = ReportStats(articles_total=len(tables.articles))
    articles = _records(_select_articles(tables, max_articles, doc_ids))
    stats.articles = len(articles)
    shown = {a["doc_id"] for a in articles}
    doc_index = {a["doc_id"]: i for i, a in enumerate(articles)}

    data: dict[str, dict[str, Any]] = {}
    per_doc: dict[str, dict[str, list[dict]]] = {a["doc_id"]: {k: [] for k in KINDS} for a in articles}
    table_of = {"official": tables.officials, "date": tables.dates, "metric": tables.metrics}
    for kind, df in table_of.items():
        subset = df[df["doc_id"].isin(shown)] if len(df) else df
        for n, row in enumerate(_records(subset)):
            row["_key"] = f"{PREFIX[kind]}{n}"
            per_doc[row["doc_id"]][kind].append(row)
            entry = {"type": kind, "doc": row["doc_id"], "docidx": doc_index[row["doc_id"]]}
            for name in DETAIL_FIELDS[kind]:
                entry[name] = figure(row) if name == "figure" else row.get(name)
            data[row["_key"]] = entry

    errors = _records(tables.errors)
    errors_by_doc: dict[str, list[dict]] = {}
    for e in errors:
        errors_by_doc.setdefault(e["doc_id"], []).append(e)

    cards = []
    metrics: list[dict] = []
    for i, article in enumerate(articles):
        text = plain(article.get("text")) or ""
        items, unlocated = [], []
        article["_n"] = {k: len(per_doc[article["doc_id"]][k]) for k in KINDS}
        for kind in KINDS:
            for row in per_doc[article["doc_id"]][kind]:
                span = locate(row, len(text))
                if span is None:
                    unlocated.append(row["_key"])
                    stats.unlocated[kind] += 1
                else:
                    items.append(Item(row["_key"], kind, *span))
                    stats.located[kind] += 1
        metrics.extend(per_doc[article["doc_id"]]["metric"])
        cards.append(_article_card(i, article, highlight(text, items) if text else "", unlocated,
                                   errors_by_doc.get(article["doc_id"], [])))
    stats.metrics = len(metrics)
    officials = [row for a in articles for row in per_doc[a["doc_id"]]["official"]]
    stats.errors = min(len(errors), MAX_ERROR_ROWS)

    page = Template(TEMPLATE.read_text(encoding="utf-8"))
    style, script = _assets()
    truncated = ""
    if stats.articles < stats.articles_total:
        truncated = (f'<p class="warning">Showing {stats.articles} of {stats.articles_total} articles '
                     f"(in doc_id order; see <code>--max-articles</code> and <code>--doc-id</code>).</p>")
    n_errors = {k: len(v) for k, v in errors_by_doc.items()}
    csp = (f"default-src 'none'; img-src data:; style-src {_csp_hash(style)}; "
           f"script-src {_csp_hash(script)}; base-uri 'none'; form-action 'none'")
    result = page.substitute(
        title=html.escape(title), csp=csp, style=style, script=script, data=_json_script(data),
        n_articles=stats.articles, n_articles_total=stats.articles_total,
        n_ok=sum(1 for a in articles if a["status"] == "ok"),
        n_officials=len(officials), n_dates=sum(a["_n"]["date"] for a in articles), n_metrics=len(metrics),
        n_errors=len(errors), truncated=truncated,
        article_index=_article_index(articles, n_errors), articles="".join(cards),
        metric_rows=_metric_rows(metrics, doc_index),
        kind_options=_options(m.get("kind") for m in metrics),
        unit_options=_options(m.get("unit") for m in metrics),
        province_options=_options(m.get("province") for m in metrics),
        official_rows=_simple_rows(officials, OFFICIAL_COLUMNS),
        error_rows=_simple_rows(errors[:MAX_ERROR_ROWS], ERROR_COLUMNS),
    )
    return result, stats


def _assets() -> tuple[str, str]:
    """The inline CSS and JS (kept next to the template, read once per page)."""
    css, js = ((TEMPLATE.parent / f"report.{ext}").read_text(encoding="utf-8") for ext in ("css", "js"))
    return css, js


def write_report(source: str | Path | Tables, out: str | Path, **kwargs: Any) -> ReportStats:
    """Read a store/folder (or take ``Tables``), write the page to ``out``; return what it holds."""
    tables = source if isinstance(source, Tables) else load_tables(source)
    if "title" not in kwargs and not isinstance(source, Tables):
        kwargs["title"] = f"vnmetrics report — {Path(source).name}"
    page, stats = build_html(tables, **kwargs)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(f".{out.name}.partial")
    temp.write_text(page, encoding="utf-8")
    os.replace(temp, out)
    return stats


# ---------------------------------------------------------------------------------------------
# Headless Chromium (tests and screenshots)

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", "--mute-audio")


def find_browser() -> str | None:
    """A Chromium-family binary on PATH (``$VNMETRICS_BROWSER`` first), or None."""
    for name in (os.environ.get("VNMETRICS_BROWSER"), *BROWSERS):
        if name and (found := shutil.which(name)):
            return found
    return None


def _browse(page: str | Path, extra: Sequence[str], fragment: str = "", timeout: float = 90) -> str:
    browser = find_browser()
    if browser is None:
        raise FileNotFoundError("no chromium found (apt-get install chromium)")
    url = Path(page).resolve().as_uri() + (f"#{fragment}" if fragment else "")
    with tempfile.TemporaryDirectory(prefix="vnm-chromium-") as profile:
        done = subprocess.run([browser, *BROWSER_FLAGS, f"--user-data-dir={profile}", *extra, url],
                              capture_output=True, timeout=timeout, check=False)
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace")[-800:]
        raise RuntimeError(f"chromium failed ({done.returncode}): {detail}")
    return done.stdout.decode("utf-8", errors="replace")


def browser_dom(page: str | Path, fragment: str = "") -> str:
    """The page's DOM after its scripts ran, serialised by headless Chromium."""
    return _browse(page, ["--dump-dom", "--virtual-time-budget=3000"], fragment)


def browser_screenshot(page: str | Path, png: str | Path, size: tuple[int, int] = (1280, 2000),
                       fragment: str = "") -> Path:
    """A PNG of the page's top ``size`` pixels as headless Chromium renders it."""
    png = Path(png).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    _browse(page, [f"--screenshot={png}", f"--window-size={size[0]},{size[1]}", "--virtual-time-budget=3000"],
            fragment)
    if not png.is_file():
        raise RuntimeError(f"chromium wrote no screenshot to {png}")
    return png
