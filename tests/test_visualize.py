"""displaCy rendering of one article: entity choice, overlap resolution, escaping."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import visualize
from pipeline.tables import TABLES, Tables, frame

from .test_report import TEXT, synthetic_rows


def tables_of(batches) -> Tables:
    return Tables.from_rows(batches)


@pytest.mark.parametrize(("text", "value", "expected"), [
    ("tỷ lệ đạt 76,6% năm 2022", 76.6, "76,6%"),
    ("đạt 76,6 % năm 2022", 76.6, "76,6 %"),
    ("thu 2,5 nghìn tỷ đồng", 2.5e12, "2,5"),
    ("có 8/10 huyện hoàn thành", 8.0, "8/10"),
    ("1.393 Tổ công nghệ số", 1393.0, "1.393"),
    ("năm 2023 có 05 trạm BTS", 5.0, "05"),
])
def test_value_span_finds_the_number_that_reads_as_the_value(text, value, expected):
    span = visualize.value_span(text, 0, len(text), value)
    assert span is not None and text[span[0]:span[1]] == expected


@pytest.mark.parametrize(("text", "value"), [
    ("tỷ lệ đạt 76,6%", 76.0),  # no partial match inside a decimal
    ("1.234 hồ sơ", 1.0),  # nor inside a grouped number
    ("không có số nào", 3.0),
    ("", 1.0),
])
def test_value_span_refuses_what_does_not_fit(text, value):
    assert visualize.value_span(text, 0, len(text), value) is None


def test_value_span_stays_inside_the_given_span():
    text = "đạt 50% và 50%"
    assert visualize.value_span(text, 8, len(text), 50.0) == (11, 14)


def test_value_span_is_linear_on_hostile_input():
    text = "1" * 200_000 + "%" * 100_000
    assert visualize.value_span(text, 0, len(text), 7.0) is None


def test_resolve_prefers_values_then_dates_then_officials_then_whole_spans():
    ents = [{"start": 0, "end": 30, "label": "FIGURE", "rank": 3},
            {"start": 5, "end": 9, "label": "DATE", "rank": 1},
            {"start": 20, "end": 25, "label": "FIGURE", "rank": 0},
            {"start": 22, "end": 28, "label": "OFFICIAL", "rank": 2},
            {"start": 40, "end": 50, "label": "OFFICIAL", "rank": 2}]
    assert visualize.resolve(ents) == [{"start": 5, "end": 9, "label": "DATE"},
                                       {"start": 20, "end": 25, "label": "FIGURE"},
                                       {"start": 40, "end": 50, "label": "OFFICIAL"}]


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 15), st.integers(0, 3)), max_size=12))
def test_resolve_returns_sorted_disjoint_input_spans(spans):
    ents = [{"start": s, "end": s + n, "label": "DATE", "rank": r} for s, n, r in spans]
    out = visualize.resolve(ents)
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(out))
    assert {(e["start"], e["end"]) for e in out} <= {(e["start"], e["end"]) for e in ents}
    if ents:
        assert out  # something is always drawn


def test_manual_data_from_tables_draws_values_dates_and_officials():
    data = visualize.manual_data(tables_of(synthetic_rows()), "a1")
    drawn = [(e["label"], data["text"][e["start"]:e["end"]]) for e in data["ents"]]
    assert drawn == [("DATE", "15/6/2022"), ("OFFICIAL", "Nguyễn Đăng Bình"), ("DATE", "năm 2022"),
                     ("FIGURE", "76,6%"), ("DATE", "năm 2025"), ("TARGET", "100%")]
    assert data["text"] == TEXT and "&lt;/script&gt;" in data["title"]


def test_manual_data_from_one_articles_rows_and_default_article():
    rows = synthetic_rows()[0]
    assert visualize.manual_data(rows)["ents"] == visualize.manual_data(tables_of([rows]), "a1")["ents"]
    # without doc_id the first article with text is drawn, not the failed one
    assert visualize.manual_data(tables_of(synthetic_rows()[::-1]))["text"] == TEXT


def test_rows_without_clean_offsets_draw_nothing_but_still_render():
    rows = synthetic_rows()[0]
    for name in ("officials", "dates", "metrics"):
        for row in rows[name]:
            row["clean_start"] = row["clean_end"] = None
    assert visualize.manual_data(rows)["ents"] == []
    assert "Nguyễn Đăng Bình" in visualize.render(rows)


def test_a_clean_value_span_on_the_row_wins():
    rows = synthetic_rows()[0]
    start = TEXT.index("76,6")
    rows["metrics"][0] |= {"clean_value_start": start, "clean_value_end": start + 4}
    drawn = [TEXT[e["start"]:e["end"]] for e in visualize.manual_data(rows)["ents"] if e["label"] == "FIGURE"]
    assert drawn == ["76,6"]


def test_render_escapes_everything_and_labels_in_colour():
    out = visualize.render(tables_of(synthetic_rows()), "a1")
    assert "<script>" not in out and "<img" not in out and "&lt;img src=x" in out
    for label in ("OFFICIAL", "DATE", "FIGURE", "TARGET"):
        assert re.search(rf'<mark class="entity" style="background: {visualize.COLORS[label]};', out), label
    page = visualize.render(tables_of(synthetic_rows()), "a1", page=True)
    assert page.startswith("<!DOCTYPE html>") and 'lang="vi"' in page


def test_unknown_article_is_an_error():
    with pytest.raises(ValueError, match="no article"):
        visualize.render(tables_of(synthetic_rows()), "nope")
    with pytest.raises(ValueError, match="no article with text"):
        visualize.render(Tables(**{name: frame(name, []) for name in TABLES}))


def test_show_displays_html():
    ipython = pytest.importorskip("IPython.display")
    shown = []
    original = ipython.display
    try:
        ipython.display = shown.append
        visualize.show(tables_of(synthetic_rows()), "a1")
    finally:
        ipython.display = original
    assert len(shown) == 1 and "FIGURE" in shown[0].data


def test_render_from_a_processed_doc(annotate_text):
    doc = annotate_text("Ngày 15/6/2022, đồng chí Nguyễn Đăng Bình - Chủ tịch UBND tỉnh chủ trì phiên họp. "
                        "Tỷ lệ hộ gia đình có cáp quang đạt 76,6%.")
    data = visualize.manual_data(doc)
    assert data["text"] == doc.text
    for ent in data["ents"]:
        assert ent["label"] in visualize.LABELS and 0 <= ent["start"] < ent["end"] <= len(doc.text)
    labels = {e["label"] for e in data["ents"]}
    assert ("DATE" in labels) == bool(doc._.dates)
    assert (labels & {"FIGURE", "TARGET"} != set()) == bool(doc._.metrics)
    assert "entities" in visualize.render(doc)
