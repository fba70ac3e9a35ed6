"""The review page: reading stores back, highlighting, escaping, and the page as a browser renders it.

The browser tests drive Debian's ``chromium`` through its command line and skip when it is
not installed (``apt-get install -y chromium``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import struct
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.report import (
    Item,
    browser_dom,
    browser_screenshot,
    build_html,
    figure,
    find_browser,
    fold,
    highlight,
    load_tables,
    locate,
    number,
    write_report,
)
from pipeline.stores import DuckDBStore, FileSink
from pipeline.tables import COLUMNS, TABLES, Tables, empty_rows

from .conftest import ROOT

needs_browser = pytest.mark.skipif(find_browser() is None, reason="chromium not installed")

HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'
TEXT = ("Ngày 15/6/2022, đồng chí Nguyễn Đăng Bình - Chủ tịch UBND tỉnh chủ trì phiên họp.\n\n"
        "Tỷ lệ hộ gia đình có cáp quang năm 2022 đạt 76,6%; phấn đấu đến năm 2025 đạt 100%.\n"
        f"Văn bản lạ: {HOSTILE} & hết.")


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _row(table: str, **values) -> dict:
    return {c: None for c in COLUMNS[table]} | values


def synthetic_rows() -> list[dict]:
    """Two articles: one with overlapping items and hostile text, one that failed."""
    rows = empty_rows()
    doc = "a1"
    o = _span(TEXT, "Nguyễn Đăng Bình")
    d1, d2, d3 = _span(TEXT, "15/6/2022"), _span(TEXT, "năm 2022"), _span(TEXT, "năm 2025")
    m1 = _span(TEXT, "Tỷ lệ hộ gia đình có cáp quang năm 2022 đạt 76,6%")
    m2 = _span(TEXT, "hộ gia đình có cáp quang năm 2022 đạt 76,6%; phấn đấu đến năm 2025 đạt 100%")
    rows["articles"].append(_row(
        "articles", doc_id=doc, source="a1.txt", status="ok", title=f"Bắc Kạn họp {HOSTILE}",
        province="Bắc Kạn", published="2022-06-15", content_hash="h1", n_chars=len(TEXT), text=TEXT,
        n_officials=1, n_dates=3, n_metrics=3, warnings=""))
    rows["officials"].append(_row(
        "officials", doc_id=doc, person=0, name="Nguyễn Đăng Bình", titles=["Chủ tịch UBND tỉnh", HOSTILE],
        clean_start=o[0], clean_end=o[1], start_char=o[0], end_char=o[1], n_mentions=1))
    for (s, e), value, role in ((d1, "2022-06-15", "event"), (d2, "2022", "period"),
                                (d3, "2025", "deadline")):
        rows["dates"].append(_row("dates", doc_id=doc, text=TEXT[s:e], value=value, role=role,
                                  granularity="day", clean_start=s, clean_end=e, start_char=s, end_char=e,
                                  year_inferred=False))
    metric = {"doc_id": doc, "indicator": "tỷ lệ hộ gia đình có cáp quang",
              "indicator_id": "fiber_households", "unit": "%", "comparator": "=", "province": "Bắc Kạn"}
    rows["metrics"] += [
        _row("metrics", **metric, metric=0, value=76.6, kind="actual", period="2022", text=TEXT[m1[0]:m1[1]],
             clean_start=m1[0], clean_end=m1[1], start_char=m1[0], end_char=m1[1]),
        _row("metrics", **metric, metric=1, value=100.0, kind="target", deadline="2025",
             text=TEXT[m2[0]:m2[1]], clean_start=m2[0], clean_end=m2[1], start_char=m2[0], end_char=m2[1]),
        _row("metrics", **(metric | {"indicator": HOSTILE, "unit": "count", "province": None}), metric=2,
             value=3.0, kind="actual", text="x", clean_start=None, clean_end=None),  # not located
    ]
    bad = empty_rows()
    bad["articles"].append(_row("articles", doc_id=f"b<{HOSTILE}", source="b.html", status="error",
                                content_hash="", n_chars=0, warnings=""))
    bad["errors"].append({"doc_id": f"b<{HOSTILE}", "source": "b.html", "stage": "ingest", "type": "decode",
                          "message": f"not text {HOSTILE}"})
    return [rows, bad]


def write_all(sink, batches: list[dict]) -> None:
    for rows in batches:
        sink.write(rows)
    sink.close()


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "s.duckdb"
    write_all(DuckDBStore(path), synthetic_rows())
    return path


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory) -> Path:
    """The real pipeline over the five seed articles, in a DuckDB store."""
    from pipeline.api import run

    path = tmp_path_factory.mktemp("samples") / "samples.duckdb"
    here = Path.cwd()
    os.chdir(ROOT)  # sources are recorded as given: keep them relative, as in the README screenshot
    try:
        run([Path("corpora/samples")], DuckDBStore(path), workers=1)
    finally:
        os.chdir(here)
    return path


# --- DOM reading ---------------------------------------------------------------------------------


class Page(HTMLParser):
    """What the tests need from a page: highlights per article, table rows, a few attributes."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[tuple[int, list[str], str]] = []  # (article index, ids, text)
        self.mark_attrs: list[dict] = []
        self.texts: dict[int, str] = {}
        self.tables: dict[str, list[dict]] = {}
        self.attrs: dict[str, dict] = {}  # element id → attributes
        self.scripts: list[str] = []
        self.elements: Counter = Counter()
        self.detail = ""
        self._article, self._in_text, self._mark = -1, False, None
        self._table, self._row, self._cell = None, None, None
        self._script, self._in_detail = None, 0
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements[tag] += 1
        if a.get("id"):
            self.attrs[a["id"]] = a
        if tag == "body":
            self.attrs["<body>"] = a
        if tag == "article":
            self._article = int(a["id"].removeprefix("doc-"))
            self.texts[self._article] = ""
        elif tag == "div" and a.get("class") == "text":
            self._in_text = True
        elif tag == "div" and a.get("id") == "detail-body":
            self._in_detail = 1
        elif tag == "div" and self._in_detail:
            self._in_detail += 1
        elif tag == "mark" and self._in_text:
            self._mark = [a["data-ids"].split(), ""]
            self.mark_attrs.append(a)
        elif tag == "table":
            self._table = a.get("id")
            self.tables.setdefault(self._table, [])
        elif tag == "tr" and self._table and self._row is None:
            self._row = {"attrs": a, "cells": [], "cell_attrs": []}
        elif tag == "td" and self._row is not None:
            self._row["cells"].append("")
            self._row["cell_attrs"].append(a)
            self._cell = True
        elif tag == "script":
            self._script = ""

    def handle_endtag(self, tag):
        if tag == "div" and self._in_detail:
            self._in_detail -= 1
        elif tag == "div" and self._in_text:
            self._in_text = False
        elif tag == "mark" and self._mark is not None:
            self.marks.append((self._article, self._mark[0], self._mark[1]))
            self._mark = None
        elif tag == "td":
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row["cells"]:
                self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None
        elif tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script += data
            return
        if self._in_text:
            self.texts[self._article] += data
        if self._mark is not None:
            self._mark[1] += data
        if self._cell and self._row is not None:
            self._row["cells"][-1] += data
        if self._in_detail:
            self.detail += data + " "

    def item_texts(self) -> dict[str, tuple[int, str]]:
        """Each highlighted item's article and its text (its marks joined in order)."""
        out: dict[str, tuple[int, str]] = {}
        for article, ids, text in self.marks:
            for key in ids:
                doc, so_far = out.get(key, (article, ""))
                assert doc == article
                out[key] = (article, so_far + text)
        return out


# --- units -----------------------------------------------------------------------------------------


def test_highlight_cuts_overlaps_into_marks_and_escapes():
    text = "a <b> 2022 & 76,6% c"
    items = [Item("m0", "metric", 2, 18), Item("d0", "date", 6, 10)]
    out = highlight(text, items)
    assert "<b>" not in out and "&lt;b&gt;" in out
    page = Page(f'<article id="doc-0"><div class="text">{out}</div></article>')
    assert page.texts[0] == text
    assert page.item_texts() == {"m0": (0, text[2:18]), "d0": (0, "2022")}
    assert 'class="hl k-date k-metric"' in out
    assert out.count('id="hl-m0"') == 1 and out.count('id="hl-d0"') == 1


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\nđộ5%")), min_size=1, max_size=60),
       spans=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20), st.sampled_from(["metric", "date"])),
                      max_size=6))
def test_highlight_keeps_the_text_and_every_item(text, spans):
    items = [Item(f"{k[0]}{i}", k, s, min(s + n, len(text))) for i, (s, n, k) in enumerate(spans)
             if s < len(text)]
    page = Page(f'<article id="doc-0"><div class="text">{highlight(text, items)}</div></article>')
    assert page.texts.get(0, "") == text
    found = page.item_texts()
    assert set(found) == {i.key for i in items}
    for item in items:
        assert found[item.key][1] == text[item.start:item.end]


@pytest.mark.parametrize(("row", "expected"), [
    ({"clean_start": 0, "clean_end": 3}, (0, 3)),
    ({"clean_start": 2.0, "clean_end": 5.0}, (2, 5)),
    ({"clean_start": None, "clean_end": 3}, None),
    ({"clean_start": float("nan"), "clean_end": 3}, None),
    ({"clean_start": 3, "clean_end": 3}, None),
    ({"clean_start": 4, "clean_end": 11}, None),  # past the end of the text
    ({"clean_start": -1, "clean_end": 2}, None),
    ({}, None),
])
def test_locate_accepts_only_spans_inside_the_text(row, expected):
    assert locate(row, 10) == expected


def test_display_helpers():
    assert number(76.6) == "76.6" and number(100.0) == "100" and number(2.5e12) == "2500000000000"
    assert number(None) == "" and number(float("nan")) == ""
    assert figure({"value": 95.0, "unit": "%", "comparator": ">"}) == "> 95 %"
    fraction = {"value": 3.0, "unit": "fraction", "denominator": 12.0, "comparator": "="}
    assert figure(fraction) == "3/12 fraction"
    assert figure({"value": 70.0, "value_max": 80.0, "unit": "%", "comparator": None}) == "70–80 %"
    assert fold("Tỷ lệ ĐẠT Đồng") == "ty le dat dong"


# --- reading stores back --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["duckdb", "parquet", "csv", "xlsx"])
def test_every_output_reads_back_the_same(tmp_path, kind):
    pytest.importorskip("openpyxl") if kind == "xlsx" else None
    target = tmp_path / ("s.duckdb" if kind == "duckdb" else "out")
    write_all(DuckDBStore(target) if kind == "duckdb" else FileSink(target, kind), synthetic_rows())
    tables = load_tables(target)
    assert [len(getattr(tables, t)) for t in TABLES] == [2, 1, 3, 3, 1]
    for name in TABLES:
        assert list(getattr(tables, name).columns) == COLUMNS[name]
    article = tables.articles.set_index("doc_id").loc["a1"]
    assert article["text"] == TEXT and article["title"].endswith(HOSTILE)
    assert list(tables.officials["titles"][0]) == ["Chủ tịch UBND tỉnh", HOSTILE]
    metrics = tables.metrics.sort_values("metric")
    assert metrics["value"].tolist() == [76.6, 100.0, 3.0]
    assert int(metrics["clean_start"].iloc[0]) == TEXT.index("Tỷ lệ")
    assert tables.errors["message"][0] == f"not text {HOSTILE}"


def test_dask_partitioned_folder_reads_back(tmp_path):
    from pipeline.stores.schema import arrow_table

    for name in TABLES:
        (tmp_path / name).mkdir()
        for part, rows in enumerate(synthetic_rows()):
            import pyarrow.parquet as pq

            pq.write_table(arrow_table(name, rows[name]), tmp_path / name / f"part-0-{part}.parquet")
    tables = load_tables(tmp_path)
    assert [len(getattr(tables, t)) for t in TABLES] == [2, 1, 3, 3, 1]


def test_bad_sources_are_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_tables(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no tables"):
        load_tables(tmp_path / "empty")
    (tmp_path / "jsonl").mkdir()
    (tmp_path / "jsonl" / "articles.jsonl").write_text("{}\n")
    with pytest.raises(ValueError, match="JSONL"):
        load_tables(tmp_path / "jsonl")
    (tmp_path / "x.txt").write_text("not a database")
    with pytest.raises(ValueError, match="DuckDB"):
        load_tables(tmp_path / "x.txt")


# --- the page as written ------------------------------------------------------------------------


def test_page_is_self_contained_escaped_and_locked_down(synthetic_store):
    page, stats = build_html(load_tables(synthetic_store))
    assert stats.located == {"official": 1, "date": 3, "metric": 2}
    assert stats.unlocated == {"official": 0, "date": 0, "metric": 1}
    assert stats.metrics == 3 and stats.errors == 1
    # nothing from the untrusted strings survives as markup
    markup = re.sub(r'<script type="application/json" id="vnm-data">.*?</script>', "", page, flags=re.S)
    assert "<script>alert" not in markup and "<img" not in markup and "&lt;img src=x" in markup
    parsed = Page(page)
    data = json.loads(next(s for s in parsed.scripts if s.lstrip().startswith("{")))
    assert data["o0"]["titles"] == ["Chủ tịch UBND tỉnh", HOSTILE]
    assert {v["indicator"] for k, v in data.items() if k.startswith("m")} >= {HOSTILE}
    # no network: no external resource of any kind, and a CSP that forbids it anyway
    tags = " ".join(re.findall(r"<[^>]*>", markup))  # escaped text holds no "<": these are the real tags
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', tags))
    tags = re.sub(r'"[^"]*"', '""', tags)  # attribute values are escaped data
    assert not re.search(r"<(link|iframe|img|object|embed)\b|\b(src|action|srcset)=", tags)
    assert not re.search(r"@import|url\(", page)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    script = parsed.scripts[-1]

    def digest(s: str) -> str:
        return base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()

    assert f"style-src 'sha256-{digest(style)}'" in csp and f"script-src 'sha256-{digest(script)}'" in csp
    assert '<meta charset="utf-8">' in page and "DejaVu Sans" in style and "Noto Sans" in style


def test_article_selection(synthetic_store):
    tables = load_tables(synthetic_store)
    page, stats = build_html(tables, max_articles=1)
    assert (stats.articles, stats.articles_total) == (1, 2) and "Showing 1 of 2 articles" in page
    page, stats = build_html(tables, doc_ids=["a1"], max_articles=0)
    assert stats.articles == 1 and stats.metrics == 3
    page, stats = build_html(tables, doc_ids=["none"])
    assert stats.articles == 0 and stats.metrics == 0


def test_empty_tables_make_a_page():
    from pipeline.tables import frame

    page, stats = build_html(Tables(**{name: frame(name, []) for name in TABLES}))
    assert stats.articles == 0 and "0 of 0 figures" in page


def test_cli_report(tmp_path, synthetic_store, capsys):
    out = tmp_path / "r" / "report.html"
    assert main(["report", str(synthetic_store), "-o", str(out)]) == 0
    assert out.is_file() and "2 of 2 articles" in capsys.readouterr().out
    folder = tmp_path / "pq"
    write_all(FileSink(folder, "parquet"), synthetic_rows())
    assert main(["report", str(folder), "-o", str(out), "--doc-id", "a1", "--title", "Xem lại"]) == 0
    assert "<title>Xem lại</title>" in out.read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "nope"), "-o", str(out)]) == 2
    assert "no such store or folder" in capsys.readouterr().err


# --- in a real browser ------------------------------------------------------------------------------


def _store_rows(path: Path) -> dict[str, list[dict]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t}").df().to_dict("records") for t in TABLES}
    finally:
        con.close()


def _s(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _valid(row: dict, text: str) -> bool:
    s, e = row["clean_start"], row["clean_end"]
    return not pd.isna(s) and not pd.isna(e) and 0 <= s < e <= len(text)


def check_dom_against_store(dom: Page, store: Path) -> None:
    """Every highlight, table row and error in the rendered DOM matches the store."""
    rows = _store_rows(store)
    assert dom.attrs["<body>"].get("data-ready") == "1", "the page script did not run"
    articles = sorted(rows["articles"], key=lambda a: a["doc_id"])
    texts = {a["doc_id"]: _s(a["text"]) for a in articles}
    index_of = {a["doc_id"]: i for i, a in enumerate(articles)}
    for i, article in enumerate(articles):
        assert dom.texts.get(i, "") == texts[article["doc_id"]]
    found = dom.item_texts()
    for kind, prefix in (("officials", "o"), ("dates", "d"), ("metrics", "m")):
        expected = Counter(
            (index_of[r["doc_id"]], texts[r["doc_id"]][int(r["clean_start"]):int(r["clean_end"])])
            for r in rows[kind] if _valid(r, texts[r["doc_id"]]))
        got = Counter(v for k, v in found.items() if k.startswith(prefix))
        assert got == expected, kind
    table = dom.tables["metric-table"]
    assert len(table) == len(rows["metrics"])
    shown = Counter((r["cells"][0], r["cells"][3], r["cells"][7], r["cells"][6],
                     float(r["cell_attrs"][5]["data-sort"])) for r in table)
    stored = Counter((m["doc_id"], _s(m["indicator"]), _s(m["kind"]), _s(m["unit"]), m["value"])
                     for m in rows["metrics"])
    assert shown == stored
    count = dom.attrs["metric-count"]
    assert count["data-visible"] == count["data-total"] == str(len(rows["metrics"]))
    errors = dom.tables["error-table"]
    assert Counter((r["cells"][0], r["cells"][4]) for r in errors) == Counter(
        (e["doc_id"], e["message"]) for e in rows["errors"])


@needs_browser
def test_browser_renders_the_synthetic_store(tmp_path, synthetic_store):
    out = tmp_path / "report.html"
    write_report(synthetic_store, out)
    dom = Page(browser_dom(out))
    check_dom_against_store(dom, synthetic_store)
    assert dom.elements["img"] == 0 and dom.elements["script"] == 2  # nothing injected ran or parsed
    assert HOSTILE in dom.texts[0]
    # the dump is UTF-8 Vietnamese as stored
    assert "Bắc Kạn họp" in browser_dom(out, "q=ty+le")


@needs_browser
def test_browser_filters_follow_the_url_fragment(tmp_path, synthetic_store):
    out = tmp_path / "report.html"
    write_report(synthetic_store, out)

    def visible(fragment: str) -> tuple[int, list[str]]:
        dom = Page(browser_dom(out, fragment))
        rows = [r for r in dom.tables["metric-table"] if "hidden" not in r["attrs"]]
        assert int(dom.attrs["metric-count"]["data-visible"]) == len(rows)
        return len(rows), [r["cells"][7] for r in rows]

    assert visible("kind=target") == (1, ["target"])
    assert visible("unit=%25")[0] == 2
    assert visible("province=B%E1%BA%AFc+K%E1%BA%A1n&kind=actual") == (1, ["actual"])
    assert visible("q=cap+quang")[0] == 2  # accents optional: "cáp quang"
    assert visible("q=nothing+like+this")[0] == 0
    dom = Page(browser_dom(out, "sel=m1"))  # hovered and clicked: its row in the panel and a tooltip
    assert "tỷ lệ hộ gia đình có cáp quang" in dom.detail and "target" in dom.detail and "2025" in dom.detail
    hovered = [a for a in dom.mark_attrs if "title" in a]
    assert len(hovered) == 1 and "m1" in hovered[0]["data-ids"].split() and "sel" in hovered[0]["class"]
    assert "figure: tỷ lệ hộ gia đình có cáp quang = 100 % (target) [fiber_households]" in hovered[0]["title"]


@needs_browser
def test_browser_renders_the_pipeline_output_and_screenshots_it(tmp_path, samples_store):
    out = tmp_path / "report.html"
    stats = write_report(samples_store, out, title="vnmetrics — seed articles")
    assert stats.articles == 5
    dom = Page(browser_dom(out))
    check_dom_against_store(dom, samples_store)
    titles = [_s(a["title"]) for a in _store_rows(samples_store)["articles"]]
    assert [r["cells"][1] for r in dom.tables["article-index"]] == titles  # Vietnamese as stored
    png = browser_screenshot(out, ROOT / "artifacts" / "report.png", fragment="sel=m0")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    assert len(data) > 50_000  # a rendered page, not a blank one
