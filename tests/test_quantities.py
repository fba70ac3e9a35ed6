"""Figures in text (pipeline.components.quantities): what is a figure, and what is not."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.components.quantities import Lexicon, QuantityFinder
from pipeline.numbers import format_vi_number


@pytest.fixture(scope="module")
def finder():
    return QuantityFinder(Lexicon.load("units.json"))


def figures(finder, text):
    return finder.find(text, [(0, len(text))])


def one(finder, text):
    found = figures(finder, text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


# -- percentages, counts, fractions, ranks, money -----------------------------------------------


def test_percentage(finder):
    q = one(finder, "tỷ lệ hộ gia đình có cáp quang đạt 76,6%")
    assert (q.value, q.unit, q.comparator, q.text) == (76.6, "%", "=", "76,6%")


def test_count_with_padding_zero_and_its_noun(finder):
    q = one(finder, "xây dựng 05 trạm BTS đảm bảo vùng phủ sóng")
    assert (q.value, q.unit, q.noun) == (5, "count", "trạm")


def test_grouped_count(finder):
    q = one(finder, "kích hoạt 214.733 tài khoản định danh điện tử")
    assert (q.value, q.unit) == (214733, "count")


def test_fraction(finder):
    q = one(finder, "toàn tỉnh triển khai thực hiện 7/11 nhiệm vụ CĐS")
    assert (q.value, q.denominator, q.unit) == (7, 11, "fraction")


@pytest.mark.parametrize(
    ("text", "value", "denominator"),
    [
        ("Bình Định được xếp thứ 13/63 tỉnh thành về Chỉ số", 13, 63),
        ("tăng trưởng đạt 10,5%, đứng thứ 5 cả nước", 5, None),
        ("Chỉ số PAR INDEX xếp hạng 19/63", 19, 63),
    ],
)
def test_ranks(finder, text, value, denominator):
    ranks = [q for q in figures(finder, text) if q.unit == "rank"]
    assert len(ranks) == 1
    assert (ranks[0].value, ranks[0].denominator) == (value, denominator)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("bố trí 1.250 tỷ đồng cho chuyển đổi số", 1_250_000_000_000, "VND"),
        ("hỗ trợ 320 triệu đồng từ Chương trình", 320_000_000, "VND"),
        ("tổng vốn 2,5 nghìn tỷ đồng", 2_500_000_000_000, "VND"),
        ("thu hút được 1,12 tỷ USD vốn FDI", 1_120_000_000, "USD"),
        ("giải ngân 1.250 tỷ đồng vốn Chương trình", 1_250_000_000_000, "VND"),
    ],
)
def test_money(finder, text, value, unit):
    q = one(finder, text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_scaled_counts(finder):
    q = one(finder, "Du lịch phục hồi với 9,6 triệu lượt khách")
    assert (q.value, q.unit, q.noun) == (9_600_000, "count", "lượt")


def test_dong_bao_is_no_currency(finder):
    assert [q.unit for q in figures(finder, "hỗ trợ 3 đồng bào khó khăn")] != ["VND"]


# -- comparators and ranges -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("đạt gần 88%", "~"),
        ("khoảng 1,1 triệu lượt khách", "~"),
        ("xấp xỉ 50%", "~"),
        ("Trên 95% hồ sơ", ">"),
        ("hơn 62.000 lượt người dân", ">"),
        ("vượt 5%", ">"),
        ("đạt từ 70%", ">="),
        ("ít nhất 10 bản lõm sóng", ">="),
        ("đạt từ 50% trở lên", ">="),
        ("tối thiểu 50%", ">="),
        ("dưới 2%", "<"),
        ("tối đa 0,5%", "<="),
        ("không quá 3%", "<="),
        ("đạt 76,6%", "="),
    ],
)
def test_comparators(finder, text, comparator):
    assert one(finder, text).comparator == comparator


def test_range(finder):
    q = one(finder, "tỷ lệ giải ngân phải đạt từ 70% đến 80% kế hoạch")
    assert (q.value, q.value_max, q.comparator) == (70, 80, ">=")


def test_dash_range(finder):
    q = one(finder, "tỷ lệ lao động tham gia BHXH từ 90 - 95%")
    assert (q.value, q.value_max, q.unit) == (90, 95, "%")


def test_from_to_change_is_two_levels_not_a_range(finder):
    found = figures(finder, "giảm từ 36,06% đầu năm xuống còn 31,55% cuối năm")
    assert [(q.value, q.comparator) for q in found] == [(36.06, "="), (31.55, "=")]
    assert found[1].change == "level"


# -- changes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "change", "unit"),
    [
        ("tăng 5,2% so với cùng kỳ", "increase", "%"),
        ("giảm 1,6%", "decrease", "%"),
        ("tỷ lệ hộ nghèo giảm còn 3,1%", "level", "%"),
        ("tăng 28 bậc so với năm 2022", "increase", "count"),
        ("tăng 5 xã so với năm 2020", "increase", "count"),
    ],
)
def test_changes(finder, text, change, unit):
    q = one(finder, text)
    assert (q.change, q.unit) == (change, unit)


def test_level_without_change_word(finder):
    assert one(finder, "đạt 76,6%").change is None


# -- never figures --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 15/6/2022, Ban Chỉ đạo họp",  # a date
        "Sáng 7/3, Chủ tịch chủ trì",  # a partial date
        "Ngày 7-6-2023, hội nghị diễn ra",  # a dashed date
        "trong năm 2023 và giai đoạn 2022 - 2025",  # years
        "đến hết tháng 4/2025",  # month/year
        "Quyết định số 685/QĐ-UBND phê duyệt",  # document number
        "Nghị quyết số 06-NQ/TU của Tỉnh ủy",  # document number
        "Kế hoạch 120/KH-UBND",  # document number
        "họp phiên thứ 2 để đánh giá",  # ordinal
        "lần thứ 3 liên tiếp",  # ordinal
        "Kỳ họp thứ 15 HĐND tỉnh",  # ordinal
        "phủ sóng 3G/4G/5G tại các khu công nghiệp",  # network generations
        "Hội nghị bắt đầu lúc 14h30",  # time
        "Cập nhật: 10:25",  # time
        "người dân từ 15 tuổi trở lên có tài khoản",  # age
        "trẻ em từ 6 đến 14 tuổi",  # age range
        "PCI đạt 60,14 điểm",  # a score
        "cao gấp 4,4 lần bình quân",  # multiplier
        "là 1 trong 23 tỉnh dẫn đầu",  # other provinces
        "xây dựng 3 trụ cột chuyển đổi số",  # a structure
        "hệ thống hội nghị truyền hình 4 cấp",  # a structure
        "nhất là 53 dịch vụ công thiết yếu",  # a national list's name
        "kết nối tới 10 điểm cầu cấp huyện",  # the meeting itself
        "có 48 đại biểu HĐND tỉnh dự",  # the meeting itself
        "dịch vụ công trực tuyến mức độ 3, 4",  # level names
        "bão số 3 gây thiệt hại",  # a name
        "6 tháng đầu năm",  # a duration
        "Chợ 4.0 thanh toán không dùng tiền mặt",  # a name
        "cơ sở lưu trú từ 3 sao trở lên",  # a rating
        "đạt 8,5/10 điểm",  # a score as a fraction
        "Online: 32",  # a widget number with no noun
    ],
)
def test_not_figures(finder, text):
    assert figures(finder, text) == []


def test_percentage_after_a_document_noun_is_the_plans_level(finder):
    found = figures(finder, "tỷ lệ lúa chất lượng cao đạt 81% so với kế hoạch 80%")
    assert [(f.value, f.unit) for f in found] == [(81, "%"), (80, "%")]
    # a document number after the same noun stays no figure
    assert figures(finder, "thực hiện Kế hoạch 80 của UBND tỉnh") == []


def test_percentage_points_are_percentages_but_points_alone_are_scores(finder):
    q = one(finder, "tỷ lệ tốt nghiệp tăng 0,42 điểm phần trăm so với năm trước")
    assert (q.value, q.unit, q.change) == (0.42, "%", "increase")
    assert figures(finder, "Chỉ số PAPI đạt 42,15 điểm") == []


def test_date_spans_are_skipped(finder):
    text = "đạt 12 hồ sơ"
    assert figures(finder, text)
    assert finder.find(text, [(0, len(text))], skip_spans=[(4, 6)]) == []


def test_component_in_the_pipeline(annotate_text):
    doc = annotate_text(
        "Tiêu đề bài\nNgày 15/6/2022, tỉnh đã xây dựng 05 trạm BTS; tỷ lệ hộ gia đình có cáp quang đạt 76,6%."
    )
    assert [(q.value, q.unit) for q in doc._.quantities] == [(5, "count"), (76.6, "%")]
    assert doc.text[doc._.quantities[1].start_char : doc._.quantities[1].end_char] == "76,6%"


# -- properties -------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=9))
def test_any_written_percentage_is_read_back(whole, tenth):
    finder = QuantityFinder(Lexicon.load("units.json"))
    written = f"{format_vi_number(whole)},{tenth}" if tenth else format_vi_number(whole)
    q = one(finder, f"tỷ lệ đạt {written}%")
    assert q.value == pytest.approx(whole + tenth / 10)
    assert q.unit == "%"


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=10**7).filter(lambda n: not 1900 <= n <= 2100))
def test_any_written_count_is_read_back(n):
    finder = QuantityFinder(Lexicon.load("units.json"))
    q = one(finder, f"toàn tỉnh có {format_vi_number(n)} hộ gia đình")
    assert (q.value, q.unit) == (n, "count")


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text):
    finder = QuantityFinder(Lexicon.load("units.json"))
    for q in finder.find(text, [(0, len(text))]):
        assert 0 <= q.start_char < q.end_char <= len(text)


def test_hostile_input_is_linear(finder):
    for text in ["%" * 100_000, "1" * 1_000_000, "1,1," * 50_000, "12/" * 50_000, "tỷ " * 50_000 + "5"]:
        started = time.perf_counter()
        finder.find(text, [(0, len(text))])
        assert time.perf_counter() - started < 5


def test_classes_held_are_counted_but_layers_of_a_structure_are_not(finder):
    q = one(finder, "Sở đã tổ chức 14 lớp tập huấn kỹ năng bán hàng trực tuyến")
    assert (q.value, q.unit) == (14, "count")
    assert figures(finder, "Hệ thống có 4 lớp bảo mật") == []


def test_online_before_a_count_is_no_route_number(finder):
    q = one(finder, "trong đó tiếp nhận trực tuyến 98.215 hồ sơ")
    assert (q.value, q.unit, q.text) == (98215, "count", "98.215")
    assert figures(finder, "Xe buýt tuyến 05 hoạt động ổn định") == []


def test_phrase_tables_match_like_plain_dicts():
    from pipeline.components.quantities import _phrases, ends_with, pieces_of, starts_with

    table = _phrases(["tỷ lệ", "tỷ lệ hộ", "đạt"])
    pieces = pieces_of("tỷ lệ hộ nghèo đạt 5%")
    plain = {k: set(v) for k, v in table.items()}
    for i in range(-3, len(pieces) + 2):
        assert starts_with(pieces, i, table) == starts_with(pieces, i, plain)
        assert ends_with(pieces, i, table) == ends_with(pieces, i, plain)
    assert starts_with(pieces, 0, table) == 3
    assert ends_with(pieces, 5, table) == 1
    assert ends_with(pieces, 0, table) == 0
    assert starts_with(pieces, 0, {}) == 0


def test_pieces_of_a_sentence_are_read_once_and_equal_a_fresh_reading():
    from pipeline.components.quantities import pieces_of

    text = "Tỷ lệ đạt 76,6%. Có 71 Tổ."
    first = pieces_of(text, 0, 16)
    assert pieces_of(text, 0, 16) is first
    other = "".join(["Tỷ lệ đạt 76,6%. Có 71 Tổ."])  # an equal but distinct text is read afresh
    assert [(p.text, p.start) for p in pieces_of(other, 0, 16)] == [(p.text, p.start) for p in first]


# -- physical measures ---------------------------------------------------------------------------


def test_measure_unit_scaled_and_kept_out_of_the_noun(finder):
    q = one(finder, "sản lượng ước đạt trên 1,42 triệu tấn lúa")
    assert (q.value, q.unit, q.comparator, q.text) == (1420000, "tấn", ">", "trên 1,42 triệu tấn")
    assert one(finder, "xuống giống 187.600 ha").unit == "ha"
    assert one(finder, "công suất 120 MW").unit == "MW"


def test_measure_per_measure_is_a_rate(finder):
    q = one(finder, "năng suất đạt 7,6 tấn/ha")
    assert (q.value, q.unit, q.text) == (7.6, "tấn/ha", "7,6 tấn/ha")


def test_price_per_measure_stays_money_and_heads_stay_counts(finder):
    assert one(finder, "lợi nhuận khoảng 32 triệu đồng/ha").unit == "VND"
    assert one(finder, "tổng đàn lợn 1.200 con").unit == "count"


def test_measure_word_inside_a_longer_word_is_no_measure(finder):
    words = {0: "ngăn chặn", 10: "300", 14: "tấn công mạng"}
    text = "ngăn chặn 300 tấn công mạng"
    found = finder.find(text, [(0, len(text))], (), words)
    assert all(q.unit != "tấn" for q in found)


def test_programme_name_with_a_measure_is_no_figure(finder):
    assert not figures(finder, "Đề án phát triển bền vững 1 triệu ha chuyên canh lúa chất lượng cao")


# -- ranges with the unit written once, quoted names ---------------------------------------------


def test_range_with_the_unit_after_its_upper_bound(finder):
    q = one(finder, "giá lúa dao động từ 7.800 đến 8.200 đồng/kg")
    assert (q.value, q.unit, q.comparator, q.value_max) == (7800, "VND", ">=", 8200)
    q = one(finder, "phấn đấu đón từ 3,5 - 4 triệu lượt khách")
    assert (q.value, q.unit, q.comparator, q.value_max) == (3500000, "count", ">=", 4000000)


def test_range_needs_from_and_no_date(finder):
    assert all(q.value_max is None for q in figures(finder, "đón 3,5 - 4 triệu lượt khách"))
    assert all(q.value_max is None for q in figures(finder, "từ 1 đến 15/3 sẽ kiểm tra"))


def test_numbers_inside_a_quoted_name_are_no_figures(finder):
    found = figures(finder, 'diện tích áp dụng quy trình "1 phải 5 giảm" chiếm 78% tổng diện tích')
    assert [(q.value, q.unit) for q in found] == [(78, "%")]
    assert one(finder, 'chỉ tiêu "đạt 95%" đã hoàn thành').unit == "%"


@pytest.mark.parametrize(
    "text",
    [
        "Dự hội nghị có đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh; lãnh đạo các sở và hơn 200 doanh nghiệp.",
        "UBND tỉnh tổ chức hội nghị với sự tham dự của hơn 400 doanh nghiệp trong và ngoài nước.",
        "Hơn 120 cán bộ kỹ thuật của các sở, ngành và 8 huyện tham gia diễn tập xử lý tình huống mã độc.",
    ],
)
def test_counts_of_attendees_are_not_figures(finder, text):
    assert figures(finder, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dự kiến năm 2024 tỉnh có 120 doanh nghiệp thành lập mới.",  # "Dự kiến" opens no list of attendees
        "Lễ hội thu hút 550.000 lượt người tham gia.",  # visitors of an event the article reports
        "Tỉnh tổ chức 5 cuộc diễn tập; 300 cán bộ tham gia diễn tập.",  # the drills held are a result
    ],
)
def test_counts_near_attendance_words_stay_figures(finder, text):
    assert [q.value for q in figures(finder, text)][:1] in ([120], [550_000], [5])


def test_decimal_count_per_population_is_a_figure(finder):
    assert one(finder, "Phấn đấu đạt 12,5 bác sĩ/vạn dân.").value == 12.5
    q = figures(finder, "Số giường bệnh/vạn dân đạt 36,2 giường.")
    assert [f.value for f in q] == [36.2]


def test_decimal_count_without_a_rate_is_no_figure(finder):
    assert figures(finder, "Bình quân mỗi hộ có 1,5 người đi làm.") == []
    assert figures(finder, "Số giường bệnh tăng, đạt 36,2 giường.") == []
