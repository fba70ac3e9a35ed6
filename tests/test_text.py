from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize import normalize_text
from pipeline.text import TONE_FOLD, fold, syllable_f1, syllables


def test_fold_unifies_case_composition_and_tone_placement():
    assert fold("Thuỷ Lợi") == fold("thủy lợi") == "thủy lợi"
    assert fold("HOÀ BÌNH") == "hòa bình"
    assert fold("ð") == "đ"


def test_every_old_placement_folds_to_its_new_one_and_the_normaliser_agrees():
    for old, new in TONE_FOLD.items():
        assert fold("kh" + old) == "kh" + new
        assert normalize_text("kh" + old).text == "kh" + new  # at a syllable end


def test_syllable_f1_ignores_a_leading_rate_and_case():
    assert syllables("Tỷ lệ hộ, gia đình") == ["tỷ", "lệ", "hộ", "gia", "đình"]
    assert syllable_f1("Tỷ lệ hộ gia đình có cáp quang", "hộ gia đình có cáp quang") == 1.0
    assert syllable_f1("cáp quang", "điện thoại") == 0.0
    assert syllable_f1("", "cáp quang") == 0.0


@given(st.text(max_size=60), st.text(max_size=60))
def test_syllable_f1_is_symmetric_and_bounded(a, b):
    assert 0.0 <= syllable_f1(a, b) == syllable_f1(b, a) <= 1.0
