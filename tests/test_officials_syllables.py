"""Syllable tokens, folding and name casing (pipeline.officials.syllables)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.officials.syllables import display, fold, is_vietnamese_syllable, syllable_case, tokenize


def test_tokens_keep_offsets_and_casing():
    text = "Đ/c Lô Quang Tuyến - Phó Giám đốc Sở TT&TT\n\nbáo cáo; H'Năng và UBND."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    by_text = {t.text: t for t in tokens}
    assert "Đ/c" in by_text and "TT&TT" in by_text and "H'Năng" in by_text
    assert by_text["Lô"].name_shape and by_text["H'Năng"].name_shape
    assert not by_text["UBND"].name_shape and by_text["UBND"].upper
    assert not by_text["báo"].cap
    assert [t.kind for t in tokens].count("br") == 1


def test_names_written_in_capitals_are_name_shaped_but_abbreviations_are_not():
    tokens = {t.text: t for t in tokenize("HỒNG HÀ HĐND MTTQ")}
    assert tokens["HỒNG"].name_shape and tokens["HÀ"].name_shape
    assert not tokens["HĐND"].name_shape and not tokens["MTTQ"].name_shape


def test_fold_merges_case_and_old_tone_placement():
    assert fold("Thanh Hoá") == fold("thanh hóa")
    assert fold("Tỉnh Uỷ") == fold("tỉnh ủy")
    assert fold("ÐÀ") == "đà"


def test_syllable_validity():
    assert all(is_vietnamese_syllable(w) for w in ("Nguyễn", "HÀ", "nghiêng", "Quỳnh"))
    assert not any(is_vietnamese_syllable(w) for w in ("UBND", "HĐND", "VNPT", "MTTQ"))


def test_name_case():
    assert syllable_case("HỒNG") == "Hồng"
    assert syllable_case("H'NĂNG") == "H'Năng"
    assert syllable_case("Nguyễn") == "Nguyễn"
    assert display(["NGUYỄN", "VĂN", "AN"]) == "Nguyễn Văn An"


@given(st.text(max_size=200))
def test_tokenize_is_total_and_offsets_are_exact(text):
    tokens = tokenize(text)
    last = 0
    for tok in tokens:
        assert last <= tok.start < tok.end <= len(text)
        assert text[tok.start : tok.end] == tok.text
        last = tok.end


@given(st.lists(st.text(alphabet="AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYaăâbcdđeêghiklmnoôơpqrstuưvxy'", min_size=1,
                        max_size=8), min_size=1, max_size=5))
def test_display_is_idempotent(words):
    once = display(words)
    assert display(once.split()) == once
