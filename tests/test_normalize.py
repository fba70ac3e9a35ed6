import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize import MappedText, normalize_text


def test_nfd_is_composed_and_mapped_back():
    original = unicodedata.normalize("NFD", "Chủ tịch UBND tỉnh")
    mapped = normalize_text(original)
    assert mapped.text == "Chủ tịch UBND tỉnh"
    start, end = mapped.original_span(0, 3)  # "Chủ"
    assert unicodedata.normalize("NFC", original[start:end]) == "Chủ"


def test_old_tone_placement_unified_only_at_syllable_end():
    assert normalize_text("hoà bình, thuỷ lợi, khoẻ").text == "hòa bình, thủy lợi, khỏe"
    assert normalize_text("Hoàng, quý, hoạch").text == "Hoàng, quý, hoạch"
    assert normalize_text("HOÀ").text == "HÒA"


def test_whitespace_and_invisible_characters():
    mapped = normalize_text("  Tỷ\u200b lệ\u00a0\u00a0 đạt\t76,6%\r\n\r\n\r\n\r\nDòng  hai  ")
    assert mapped.text == "Tỷ lệ đạt 76,6%\n\nDòng hai"


def test_offsets_point_to_the_same_characters():
    original = "\ufeffTỷ lệ  hộ gia đình\u00adcó cáp quang đạt 76,6%"
    mapped = normalize_text(original)
    at = mapped.text.index("76,6%")
    start, end = mapped.original_span(at, at + 5)
    assert original[start:end] == "76,6%"


def test_delete_spans_keeps_map():
    mapped = MappedText.of("abc XYZ def")
    out = mapped.delete_spans([(4, 8)])
    assert out.text == "abc def"
    assert out.original_span(4, 7) == (8, 11)


@given(st.text(max_size=300))
def test_map_is_total_and_monotonic(text):
    mapped = normalize_text(text)
    assert len(mapped.origin) == len(mapped.text)
    assert all(0 <= o < len(text) for o in mapped.origin)
    assert list(mapped.origin) == sorted(mapped.origin)
