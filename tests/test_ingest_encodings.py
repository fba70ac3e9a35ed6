"""pipeline.ingest.encodings / legacy: every encoding round-trips, nothing decodes to garbage."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.encodings import decode_bytes, repair_text, sniff_binary
from pipeline.ingest.legacy import encode_cp1258, tables

# Capital letters carry no tone here: TCVN3 cannot write those.
TEXT = (
    "Chủ tịch UBND tỉnh Nguyễn Đăng Bình phát biểu tại hội nghị tổng kết.\n"
    "Năm 2023, tỷ lệ hồ sơ trực tuyến đạt 76,6%; người dân, doanh nghiệp hưởng ứng.\n"
    "Phó Giám đốc Sở Thông tin và Truyền thông Lô Quang Tuyến báo cáo quyết định số 12."
)


def nfc(text: str | None) -> str | None:
    return None if text is None else unicodedata.normalize("NFC", text)


def mojibake(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="vnm_latin1_fallback")


ROUND_TRIPS = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8 BOM": (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
    "utf-16 BOM": (lambda t: t.encode("utf-16"), "utf-16"),
    "utf-16-be BOM": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16"),
    "utf-16-le no BOM": (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    "windows-1258": (encode_cp1258, "cp1258"),
    "mojibake": (lambda t: mojibake(t).encode("utf-8"), "utf-8+mojibake"),
    "NFD": (lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), "utf-8"),
    "tcvn3": (lambda t: tables().encode(t, "tcvn3").encode("latin-1"), "tcvn3"),
    "tcvn3 in utf-8": (lambda t: tables().encode(t, "tcvn3").encode("utf-8"), "utf-8+tcvn3"),
    "vni": (lambda t: tables().encode(t, "vni").encode("cp1252"), "vni"),
    "vni in utf-8": (lambda t: tables().encode(t, "vni").encode("utf-8"), "utf-8+vni"),
}


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
def test_round_trip(name: str) -> None:
    encode, label = ROUND_TRIPS[name]
    decoded = decode_bytes(encode(TEXT))
    assert decoded.error is None
    assert decoded.encoding == label
    assert nfc(decoded.text) == TEXT


def test_legacy_text_looks_like_the_known_garbage() -> None:
    """The tables reproduce what such files really look like (guards against a wrong table)."""
    assert tables().encode("Chủ tịch tỉnh Đăng", "tcvn3") == "Chñ tÞch tØnh §¨ng"
    assert tables().encode("Chủ tịch tỉnh Đăng", "vni") == "Chuû tòch tænh Ñaêng"
    assert mojibake("Chủ tịch") == "Chá»§ tá»‹ch"


def test_mojibake_of_the_brief_is_repaired() -> None:
    assert repair_text("Chá»§ tá»‹ch UBND tá»‰nh") == ("Chủ tịch UBND tỉnh", "mojibake")


def test_lossy_mojibake_of_d_with_stroke_is_restored() -> None:
    lossy = mojibake("Nguyễn Đăng Bình").replace("\x90", "\ufffd")  # the converter dropped the byte
    assert "\ufffd" in lossy
    assert repair_text(lossy) == ("Nguyễn Đăng Bình", "mojibake")


def test_mixed_page_converts_only_the_legacy_paragraph() -> None:
    good = "Người dân hưởng ứng chuyển đổi số."
    legacy = tables().encode("Chủ tịch tỉnh phát biểu tại hội nghị.", "tcvn3")
    text, repair = repair_text(f"{good}\n{legacy}\n{good}")
    assert repair == "tcvn3"
    assert text == f"{good}\nChủ tịch tỉnh phát biểu tại hội nghị.\n{good}"


def test_cut_inside_last_character_keeps_the_rest() -> None:
    decoded = decode_bytes(TEXT.encode("utf-8") + "ạ".encode()[:2])
    assert decoded.error is None and decoded.text == TEXT


def test_utf8_with_a_stray_byte_keeps_the_text() -> None:
    data = (TEXT * 3).encode("utf-8").replace(b"76,6%", b"76,6\x96%", 1)
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8+replaced" and decoded.text is not None
    assert decoded.text.count("\ufffd") == 1 and "Nguyễn Đăng Bình" in decoded.text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b" \r\n\t\n", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        ("\ufeff  \n".encode("utf-16"), "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "binary"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary"),
        (b"PK\x03\x04\x14\x00" + bytes(50), "binary"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary"),
        (b"some text\x00\x00 with NULs", "binary"),
        (bytes(range(0x80, 0x100)) * 8, "decode"),
    ],
)
def test_refusals_say_why(data: bytes, kind: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text is None
    assert decoded.error is not None and decoded.error[0] == kind and decoded.error[1]


def test_sniff_binary_passes_text() -> None:
    assert sniff_binary(TEXT.encode("utf-8")) is None
    assert sniff_binary(b"a\tb\r\nc\x0c") is None
    assert "PNG" in (sniff_binary(b"\x89PNG\r\n\x1a\nxxxx") or "")


def test_latin1_french_is_not_passed_as_vietnamese_garbage() -> None:
    decoded = decode_bytes("Le café est très bon, déjà vu à Paris, où l'été.".encode("latin-1"))
    assert decoded.text is None and decoded.error is not None and decoded.error[0] == "decode"


def test_ascii_8bit_with_a_symbol_is_accepted() -> None:
    data = ("The report covers 2023 in full detail " * 20).encode() + b"\xa9 2023"
    decoded = decode_bytes(data)
    assert decoded.error is None and decoded.text is not None and decoded.text.endswith("© 2023")


def test_declared_multibyte_charset_is_trusted() -> None:
    text = "東京 " * 20
    decoded = decode_bytes(text.encode("shift_jis"), declared="shift_jis")
    assert decoded.error is None and decoded.text == text


def test_syllable_score() -> None:
    legacy = tables()
    assert legacy.score(TEXT).ratio == 1.0
    assert legacy.score(tables().encode(TEXT, "tcvn3")).ratio < 0.3
    assert legacy.score("only ascii words").total == 0
    for word in ("người", "nghiêng", "quốc", "khuyết", "giữ", "Nguyễn", "thuở", "oái", "Ủy"):
        assert legacy.score(word).valid == 1, word
    for word in ("tÞch", "chñ", "ñaêng", "áá", "xyzé", "ngườii"):
        assert legacy.score(word).valid == 0, word


# -- properties ---------------------------------------------------------------------------

VI_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
vi_words = st.text(alphabet=VI_LETTERS, min_size=1, max_size=7)
vi_text = st.lists(vi_words, min_size=1, max_size=30).map(" ".join)


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_decode_never_raises(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text is None) == (decoded.error is not None)


@given(st.text(max_size=500))
@settings(max_examples=300, deadline=None)
def test_repair_never_raises(text: str) -> None:
    repaired, repair = repair_text(text)
    assert isinstance(repaired, str)
    assert (repair is None) == (repaired == text)


@given(vi_text, st.sampled_from(["", ",", ".", " 12,5%", "\n", ' "Bắc Kạn"', " – ", " (UBND)"]))
@settings(max_examples=300, deadline=None)
def test_correct_vietnamese_is_never_altered(words: str, tail: str) -> None:
    text = unicodedata.normalize("NFC", words + tail + words.upper())
    assert repair_text(text) == (text, None)
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded.text == text and decoded.encoding == "utf-8"


SYLLABLES = (
    "chủ tịch tỉnh người dân hưởng ứng quyết định số của ủy ban phát biểu hội nghị tổng kết năm đạt tỷ lệ "
    "nguyễn đăng bình giám đốc sở thông tin truyền phó bí thư trưởng chỉ đạo chuyển đổi khuya "
    "thuở giữ gìn quốc gia nghiêng ngả xã huyện thị trấn doanh nghiệp kinh tế"
)
real_syllables = st.sampled_from(SYLLABLES.split(" "))


@given(
    st.lists(real_syllables, min_size=3, max_size=40, unique=True).map(" ".join),
    st.sampled_from(["tcvn3", "vni"]),
)
@settings(max_examples=300, deadline=None)
def test_legacy_round_trip_on_any_sentence(sentence: str, scheme: str) -> None:
    """Converted back exactly, or (a few ambiguous words) refused: never wrong text."""
    legacy = tables()
    encoded = legacy.encode(sentence, scheme)
    assert legacy.convert(encoded, scheme) == sentence
    decoded = decode_bytes(encoded.encode("latin-1" if scheme == "tcvn3" else "cp1252"))
    if len(sentence.split()) >= 8:
        assert decoded.text is not None
    assert decoded.text is None or nfc(decoded.text) == sentence
