"""Indicators of figures (pipeline.components.indicators): both orders and the constructions
that carry an indicator across figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.components.indicators import _replace_level, dedupe
from pipeline.records import Metric


@pytest.fixture(scope="module")
def metrics_of(annotate_text):
    def run(text: str) -> list[Metric]:
        return annotate_text("Tiêu đề bài viết\n" + text).__getattribute__("_").metrics

    return run


def by_value(metrics, value, unit=None):
    found = [m for m in metrics if m.value == value and (unit is None or m.unit == unit)]
    assert found, [(m.value, m.indicator) for m in metrics]
    return found[0]


def test_indicator_before_the_value(metrics_of):
    ms = metrics_of(
        "Tỷ lệ phủ sóng băng rộng di động tới thôn/bản đạt 96%; tỷ lệ hộ gia đình có cáp quang đạt 76,6%."
    )
    assert by_value(ms, 96).indicator == "Tỷ lệ phủ sóng băng rộng di động tới thôn/bản"
    m = by_value(ms, 76.6)
    assert m.indicator == "tỷ lệ hộ gia đình có cáp quang"
    assert m.text == "tỷ lệ hộ gia đình có cáp quang đạt 76,6%"


def test_indicator_after_the_value_to_the_end_of_its_clause(metrics_of):
    ms = metrics_of(
        "Kế hoạch xác định mục tiêu, cụ thể: 100% thủ tục hành chính có đủ điều kiện được cung cấp "
        "dịch vụ công trực tuyến toàn trình trên Cổng Dịch vụ công của tỉnh; 50% số dịch vụ công "
        "trực tuyến toàn trình của tỉnh được tích hợp với Cổng Dịch vụ công quốc gia."
    )
    assert by_value(ms, 100).indicator == (
        "thủ tục hành chính có đủ điều kiện được cung cấp dịch vụ công trực "
        "tuyến toàn trình trên Cổng Dịch vụ công của tỉnh"
    )
    assert by_value(ms, 50).indicator.startswith(
        "số dịch vụ công trực tuyến toàn trình của tỉnh được tích hợp"
    )


def test_comparator_words_and_verb_are_not_in_the_indicator(metrics_of):
    m = by_value(metrics_of("Tỷ lệ hồ sơ trực tuyến cấp xã mới đạt trên 30%."), 30)
    assert m.indicator == "Tỷ lệ hồ sơ trực tuyến cấp xã"
    assert m.comparator == ">"


def test_shared_predicate_is_distributed(metrics_of):
    ms = metrics_of(
        "Trên 95% hồ sơ công việc tại cấp tỉnh, 75% hồ sơ công việc tại cấp huyện và 40% hồ sơ "
        "công việc tại cấp xã được xử lý trên môi trường mạng."
    )
    assert [m.indicator for m in ms] == [
        "hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng",
        "hồ sơ công việc tại cấp huyện được xử lý trên môi trường mạng",
        "hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng",
    ]
    assert [m.comparator for m in ms] == [">", "=", "="]


def test_elliptic_head_noun(metrics_of):
    ms = metrics_of("Tính đến nay đã có 71 Tổ Công nghệ số cộng đồng cấp xã với 687 thành viên.")
    assert by_value(ms, 71).indicator == "Tổ Công nghệ số cộng đồng cấp xã"
    assert by_value(ms, 687).indicator == "thành viên Tổ Công nghệ số cộng đồng cấp xã"


def test_verb_phrase_given_to_the_counted_things(metrics_of):
    ms = metrics_of(
        "Công an tỉnh đã thực hiện kiểm tra, rà quét lỗ hổng bảo mật cho 08 huyện, thành phố, 02 sở, ngành."
    )
    assert by_value(ms, 8).indicator == "huyện, thành phố được kiểm tra, rà quét lỗ hổng bảo mật"
    assert by_value(ms, 2).indicator == "sở, ngành được kiểm tra, rà quét lỗ hổng bảo mật"


def test_rank_names_what_is_ranked_not_the_group(metrics_of):
    m = by_value(
        metrics_of("Kết quả, Bình Định được xếp thứ 13/63 tỉnh thành về Chỉ số về chuyển đổi số năm 2020."),
        13,
        "rank",
    )
    assert m.indicator == "Chỉ số về chuyển đổi số năm 2020"
    assert m.denominator == 63


def test_rank_change_follows_the_rank(metrics_of):
    ms = metrics_of(
        "Năm 2022 Nghệ An xếp thứ 24/63 về Chỉ số chuyển đổi số cấp tỉnh, tăng 9 bậc so với năm 2021."
    )
    step = by_value(ms, 9, "count")
    assert step.indicator == "thứ hạng Chỉ số chuyển đổi số cấp tỉnh"
    assert step.change == "increase"


def test_ratio_and_change_of_the_figure_just_named(metrics_of):
    ms = metrics_of(
        "Thu ngân sách nhà nước đạt 24.860 tỷ đồng, bằng 80,5% dự toán. "
        "Kim ngạch xuất khẩu ước đạt 6,2 tỷ USD, tăng 4,3% so với năm trước."
    )
    assert by_value(ms, 24_860_000_000_000, "VND").indicator == "Thu ngân sách nhà nước"
    assert by_value(ms, 80.5).indicator == "Thu ngân sách nhà nước so với dự toán"
    assert by_value(ms, 4.3).indicator == "Kim ngạch xuất khẩu"


def test_level_replaced_in_elliptic_subjects(metrics_of):
    ms = metrics_of(
        "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại cấp tỉnh đạt 89%, cấp huyện "
        "đạt 76% và cấp xã mới đạt 41,5%."
    )
    assert (
        by_value(ms, 89).indicator
        == "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại cấp tỉnh"
    )
    assert by_value(ms, 76).indicator.endswith("tại cấp huyện")
    assert by_value(ms, 41.5).indicator.endswith("tại cấp xã")


def test_no_figure_no_metric(metrics_of):
    assert metrics_of("Đồng chí Chủ tịch UBND tỉnh phát biểu chỉ đạo hội nghị.") == []


def test_text_holds_indicator_and_value(metrics_of):
    for m in metrics_of("Toàn huyện hiện có 97 trạm BTS; tỷ lệ hồ sơ trực tuyến cấp xã đạt 45,3%."):
        assert str(int(m.value)) in m.text.replace(",", "").replace(".", "") or "," in m.text
        assert m.start_char <= m.value_start_char < m.value_end_char <= m.end_char


def test_replace_level():
    assert _replace_level("hồ sơ tại cấp tỉnh", "cấp huyện", None) == "hồ sơ tại cấp huyện"
    assert _replace_level("tỷ lệ hồ sơ", "ở cấp xã", None) == "tỷ lệ hồ sơ ở cấp xã"


def test_repeated_figure_is_one_metric():
    def metric(indicator, start):
        return Metric(
            indicator=indicator, value=8.0, unit="%", text="", start_char=start, end_char=start + 5
        )

    kept = dedupe([metric("tăng trưởng GRDP", 3), metric("tốc độ tăng trưởng GRDP", 100)], title_end=50)
    assert [m.start_char for m in kept] == [100]
    different = dedupe([metric("tỷ lệ hộ nghèo", 100), metric("hồ sơ trực tuyến", 200)])
    assert len(different) == 2


@settings(max_examples=25, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("abc đạt tỷ lệ 0123456789%,.;:/()-và với cho về")), max_size=200)
)
def test_arbitrary_text_never_raises(annotate_text, text):
    doc = annotate_text("Tiêu đề\n" + text + " x")
    for m in doc._.metrics or []:
        assert 0 <= m.start_char <= m.end_char <= len(doc.text)


def test_parenthetical_figure_shares_the_phrase_and_the_predicate(metrics_of):
    ms = metrics_of("Toàn tỉnh có 1.965 trường (94,2%) đã triển khai học bạ số.")
    assert by_value(ms, 1965).indicator == "trường đã triển khai học bạ số"
    m = by_value(ms, 94.2)
    assert m.indicator == "trường đã triển khai học bạ số"
    assert m.text.endswith("đã triển khai học bạ số")
    ms = metrics_of("Có 3.412/4.206 hộ (đạt 81,1%) có ít nhất một thành viên sử dụng điện thoại thông minh.")
    assert by_value(ms, 81.1).indicator == "hộ có ít nhất một thành viên sử dụng điện thoại thông minh"
    ms = metrics_of("Đến nay, 100% cơ sở khám, chữa bệnh (31/31 cơ sở) đã triển khai bệnh án điện tử.")
    assert by_value(ms, 31, "fraction").indicator == by_value(ms, 100).indicator
    assert by_value(ms, 100).indicator.endswith("đã triển khai bệnh án điện tử")


def test_parenthetical_figure_without_a_predicate_keeps_its_noun(metrics_of):
    ms = metrics_of("Toàn tỉnh có 1.965 trường (94,2%), 120 trung tâm (5,8%).")
    assert by_value(ms, 1965).indicator == "trường"
    assert by_value(ms, 120).indicator == "trung tâm"


def test_fronted_topic_names_the_indicator_not_the_place(metrics_of):
    ms = metrics_of("Chỉ số SIPAS năm 2020, Nghệ An đạt 87,92%, xếp thứ 33/63, tăng 14 bậc.")
    assert by_value(ms, 87.92).indicator == "Chỉ số SIPAS năm 2020"
    assert by_value(ms, 33, "rank").indicator == "Chỉ số SIPAS năm 2020"
    assert "Nghệ An" not in by_value(ms, 14, "count").indicator
    # a list of nouns after the comma is no place
    ms = metrics_of("Tỷ lệ hộ nghèo, cận nghèo đạt 12%.")
    assert by_value(ms, 12).indicator == "Tỷ lệ hộ nghèo, cận nghèo"


def test_rate_noun_before_the_value_names_the_indicator(metrics_of):
    assert by_value(metrics_of("Tỉnh đạt tỷ lệ bao phủ 87,6% dân số."), 87.6).indicator == (
        "tỷ lệ bao phủ dân số"
    )
    assert by_value(metrics_of("Tỷ lệ bao phủ BHYT đạt 92,5%."), 92.5).indicator == "Tỷ lệ bao phủ BHYT"
    # the value-first reading stays when no rate noun precedes
    ms = metrics_of("Có 87,6% dân số tham gia bảo hiểm y tế.")
    assert by_value(ms, 87.6).indicator == "dân số tham gia bảo hiểm y tế"


def test_counted_noun_goes_on_past_a_complement_with_a_figure(metrics_of):
    ms = metrics_of("Sở đã tổ chức 14 lớp tập huấn kỹ năng bán hàng trực tuyến cho gần 900 lượt hộ sản xuất.")
    assert by_value(ms, 14).indicator == "lớp tập huấn kỹ năng bán hàng trực tuyến"
    assert by_value(ms, 900).indicator == "lượt hộ sản xuất được tập huấn kỹ năng bán hàng trực tuyến"
    ms = metrics_of(
        "Có 286 sản phẩm nông sản của 112 hợp tác xã trên địa bàn được đưa lên các sàn thương mại điện tử."
    )
    assert by_value(ms, 286).indicator == "sản phẩm nông sản được đưa lên các sàn thương mại điện tử"
    # no figure after "cho": the phrase is the counted noun with its complement, no passive rewrite
    ms = metrics_of("Huyện đã tổ chức 36 lớp tập huấn cho cán bộ cơ sở về quản lý dự án cộng đồng.")
    assert by_value(ms, 36).indicator == "lớp tập huấn cho cán bộ cơ sở về quản lý dự án cộng đồng"
    # a real action on the counted things keeps the passive reading
    assert by_value(metrics_of("Tỉnh đã hỗ trợ 1.200 hộ cài đặt ứng dụng."), 1200).indicator == (
        "hộ được hỗ trợ cài đặt ứng dụng"
    )


def test_verb_with_manner_word_before_a_count_reads_as_passive(metrics_of):
    ms = metrics_of(
        "Năm 2023, toàn tỉnh tiếp nhận 132.500 hồ sơ, trong đó tiếp nhận trực tuyến 98.215 hồ sơ, chiếm 74,1%."
    )
    assert by_value(ms, 98215).indicator == "hồ sơ được tiếp nhận trực tuyến"
    assert by_value(ms, 74.1).indicator == "hồ sơ được tiếp nhận trực tuyến"
    assert by_value(ms, 132500).indicator == "hồ sơ được tỉnh tiếp nhận"


def test_exceeded_plan_is_the_target_of_the_figure_before(metrics_of):
    ms = metrics_of("Tỷ lệ thi hành xong về việc đạt 82,6%, vượt chỉ tiêu 80% được giao.")
    m = by_value(ms, 80)
    assert (m.indicator, m.kind) == ("Tỷ lệ thi hành xong về việc", "target")
    assert by_value(ms, 82.6).kind == "actual"
    m = by_value(metrics_of("Thu ngân sách đạt 3.200 tỷ đồng, vượt chỉ tiêu 94,1%."), 94.1)
    assert (m.indicator, m.kind) == ("Thu ngân sách", "target")
    m = by_value(metrics_of("Doanh thu đạt 500 tỷ đồng, vượt 5% kế hoạch."), 5)
    assert m.kind == "actual"


def test_date_span_closing_a_subject_is_the_period_not_the_indicator(metrics_of):
    ms = metrics_of(
        "Theo báo cáo, giải ngân vốn đầu tư công từ đầu năm đến ngày 31/3/2024 đạt 1.250 tỷ đồng, bằng 12,4% kế hoạch."
    )
    assert by_value(ms, 1250000000000).indicator == "giải ngân vốn đầu tư công"
    # "từ" opening a phrase with no date keeps its place in the indicator
    m = by_value(metrics_of("Tỷ lệ hồ sơ từ cấp xã được giải quyết đúng hạn đạt 97,5%."), 97.5)
    assert m.indicator == "Tỷ lệ hồ sơ từ cấp xã được giải quyết đúng hạn"


def test_bare_verb_subject_takes_the_plan_it_is_a_share_of(metrics_of):
    m = by_value(metrics_of("Các chủ đầu tư phải giải ngân đạt tối thiểu 65% kế hoạch vốn."), 65)
    assert (m.indicator, m.comparator, m.kind) == ("giải ngân so với kế hoạch vốn", ">=", "target")
    # a subject that names the measure itself keeps it alone
    m = by_value(metrics_of("Đến nay, giải ngân vốn đầu tư công đạt 42,3% kế hoạch."), 42.3)
    assert m.indicator == "giải ngân vốn đầu tư công"


def test_short_parallel_subject_swaps_in_for_the_tail_of_the_indicator_before(metrics_of):
    ms = metrics_of(
        "Năm 2024, tỷ lệ học sinh đăng ký dự thi trực tuyến vào lớp 10 đạt 88,1%, vào lớp 6 đạt 90,2%."
    )
    assert by_value(ms, 90.2).indicator == "tỷ lệ học sinh đăng ký dự thi trực tuyến vào lớp 6"
    ms = metrics_of("Mức độ cơ giới hóa khâu làm đất đạt 100%, khâu thu hoạch 97%, khâu sấy 70%.")
    assert by_value(ms, 97).indicator == "Mức độ cơ giới hóa khâu thu hoạch"
    assert by_value(ms, 70).indicator == "Mức độ cơ giới hóa khâu sấy"
    # a subject opening with a word the indicator before does not hold is a measure of its own
    ms = metrics_of("Tỷ lệ che phủ rừng đạt 45%, sản xuất nông nghiệp tăng 3,2%.")
    assert by_value(ms, 3.2).indicator == "sản xuất nông nghiệp"


def test_clause_without_subject_continues_the_clause_before(metrics_of):
    m = by_value(
        metrics_of("UBND tỉnh yêu cầu các sở đẩy nhanh giải ngân, đến ngày 30/9/2024 phải đạt trên 60% kế hoạch vốn."),
        60,
    )
    assert (m.indicator, m.comparator, m.kind) == ("giải ngân so với kế hoạch vốn", ">", "target")
    m = by_value(metrics_of("Thị trường khách Hàn Quốc mở cửa chậm, mới đạt khoảng 40% so với năm 2019."), 40)
    assert m.indicator == "Thị trường khách Hàn Quốc"
    # a clause opening with a person names no measure
    assert metrics_of("Ông Nguyễn Văn An cho biết, đạt trên 60% so với cùng kỳ.") == []


def test_figure_after_a_comparative_is_the_level_compared_with(metrics_of):
    ms = metrics_of("Tốc độ tăng trưởng GRDP của tỉnh ước đạt 7,2%, cao hơn mức tăng 6,1% của cùng kỳ năm 2023.")
    assert by_value(ms, 6.1).indicator == "Tốc độ tăng trưởng GRDP của tỉnh cùng kỳ năm 2023"
    ms = metrics_of(
        "Giải ngân vốn đầu tư công đạt 45,2% kế hoạch, cao hơn mức giải ngân bình quân cả nước (khoảng 33,1%)."
    )
    assert by_value(ms, 33.1).indicator == "mức giải ngân bình quân cả nước"
    assert by_value(ms, 45.2).indicator == "Giải ngân vốn đầu tư công"
    # a comparative inside a subject is no comparison clause
    m = by_value(metrics_of("Tỷ lệ hộ có thu nhập cao hơn mức bình quân đạt 21%."), 21)
    assert m.indicator == "Tỷ lệ hộ có thu nhập cao hơn mức bình quân"


def test_this_rate_names_the_measure_just_before(metrics_of):
    ms = metrics_of("Đến năm 2025, kinh tế số chiếm 25% GRDP; đến năm 2030, tỷ trọng này đạt 35%.")
    assert by_value(ms, 35).indicator == "tỷ trọng kinh tế số"
    # a count before is no measure of a rate
    ms = metrics_of("Toàn tỉnh có 120 hợp tác xã; tỷ lệ này đạt 35%.")
    assert by_value(ms, 35).indicator == "tỷ lệ này"


def test_deadline_after_a_value_first_phrase_is_not_the_indicator(metrics_of):
    m = by_value(metrics_of("Phấn đấu giải ngân 100% vốn được giao trước 31/12/2025."), 100)
    assert m.indicator == "vốn được giao"
    # "trước" with no date stays in the phrase
    m = by_value(metrics_of("Phấn đấu 100% hồ sơ được giải quyết trước hạn."), 100)
    assert m.indicator == "hồ sơ được giải quyết trước hạn"


def test_measure_unit_never_leaks_into_the_indicator(metrics_of):
    ms = metrics_of("Vụ Đông Xuân, toàn tỉnh xuống giống 187.600 ha; sản lượng ước đạt trên 1,42 triệu tấn lúa.")
    area, output = by_value(ms, 187600, "ha"), by_value(ms, 1420000, "tấn")
    assert area.indicator == "diện tích xuống giống"
    assert output.indicator == "sản lượng"
    assert "tấn" not in output.indicator


def test_measure_head_not_added_when_a_measure_is_named(metrics_of):
    ms = metrics_of("Năng suất lúa bình quân đạt 7,6 tấn/ha.")
    assert by_value(ms, 7.6, "tấn/ha").indicator == "Năng suất lúa bình quân"


def test_respectively_pairs_figures_with_the_list_items(metrics_of):
    ms = metrics_of(
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng ở cấp tỉnh, huyện, xã lần lượt đạt 98%, 90% và 70%."
    )
    assert by_value(ms, 98).indicator.endswith("ở cấp tỉnh")
    assert by_value(ms, 90).indicator == "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng ở cấp huyện"
    assert by_value(ms, 70).indicator.endswith("ở cấp xã")


def test_no_respectively_no_pairing(metrics_of):
    ms = metrics_of("Tỷ lệ hộ nghèo đạt 3,2%, tỷ lệ hộ cận nghèo là 5,1%.")
    assert by_value(ms, 5.1).indicator.casefold() == "tỷ lệ hộ cận nghèo"


def test_economy_with_a_growth_verb_is_economic_growth(metrics_of):
    ms = metrics_of("Kinh tế Bạc Liêu năm 2023 tăng 6,79%; kinh tế số tăng 12%.")
    assert by_value(ms, 6.79).indicator == "tăng trưởng kinh tế"
    assert by_value(ms, 12).indicator.casefold() == "kinh tế số"


def test_goal_setter_before_growth_is_not_the_indicator(metrics_of):
    ms = metrics_of("Bạc Liêu đặt mục tiêu tăng trưởng từ 7% đến 7,5%.")
    assert by_value(ms, 7).indicator == "tăng trưởng"
    ms = metrics_of("Tốc độ tăng trưởng kinh tế đạt 7%.")
    assert by_value(ms, 7).indicator == "Tốc độ tăng trưởng kinh tế"


def test_new_subject_after_a_causative_verb(metrics_of):
    ms = metrics_of("Vốn ngoại tăng cao giúp kinh tế Hải Dương 6 tháng đầu năm 2024 tăng trưởng 9,01%.")
    assert by_value(ms, 9.01).indicator == "tăng trưởng kinh tế"


def test_comparison_after_a_comma_ends_the_base_of_a_ratio(metrics_of):
    ms = metrics_of("Toàn tỉnh đã giải ngân 3.580 tỷ đồng, đạt 55,7% kế hoạch, cao hơn mức bình quân cả nước.")
    assert "cao hơn" not in by_value(ms, 55.7).indicator


def test_title_figure_naming_only_a_place_is_the_body_figure():
    def metric(indicator, start):
        return Metric(indicator=indicator, value=9.0, unit="count", text="", start_char=start, end_char=start + 5)

    kept = dedupe([metric("Sơn La", 3), metric("Chỉ số chuyển đổi số", 100)], title_end=50)
    assert [m.start_char for m in kept] == [100]
    kept = dedupe([metric("giải ngân vốn đầu tư công", 3), metric("hồ sơ trực tuyến", 100)], title_end=50)
    assert len(kept) == 2



def test_lower_case_word_glued_to_a_name_is_its_own_word(metrics_of):
    # the segmenter writes "I ước", "Hưng Yên ước": "ước" is the estimate adverb, not the name's
    ms = metrics_of("Kim ngạch xuất khẩu quý I ước đạt 1,64 tỷ USD.")
    assert not by_value(ms, 1_640_000_000).indicator.endswith("ước")
    # a word capitalised only because it opens the sentence stays one word ("Thực hiện" ≠ "hiện")
    ms = metrics_of("Thực hiện đạt 95% kế hoạch vốn.")
    assert "hiện" in by_value(ms, 95).indicator


def test_comma_then_a_verb_governing_a_figure_opens_a_new_clause(metrics_of):
    ms = metrics_of(
        "Thu ngân sách nhà nước trên địa bàn đạt 5.960 tỷ đồng, bằng 73,1% dự toán Trung ương giao, "
        "tăng 6% so với cùng kỳ."
    )
    assert by_value(ms, 73.1).indicator == "Thu ngân sách nhà nước trên địa bàn so với dự toán Trung ương giao"
    # the growth is of the revenue itself, not of its ratio to the plan
    assert by_value(ms, 6).indicator == "Thu ngân sách nhà nước trên địa bàn"
    # parallel verbs with no figure right after them stay one predicate
    ms = metrics_of("Hơn 300 hồ sơ được tiếp nhận, xử lý trực tuyến trong quý.")
    assert "xử lý" in by_value(ms, 300).indicator


def test_new_subject_after_a_goal_verb(metrics_of):
    ms = metrics_of("Chúng tôi tham mưu UBND tỉnh phấn đấu năm 2024 DTI của tỉnh tăng ít nhất 5 bậc.")
    assert by_value(ms, 5).indicator == "DTI của tỉnh"
    # a goal verb opening the clause leaves the indicator as it was
    ms = metrics_of("Tỉnh phấn đấu tỷ lệ hộ nghèo giảm 1,5%.")
    assert by_value(ms, 1.5).indicator == "tỷ lệ hộ nghèo"


def test_percentage_and_fraction_coordinated_share_one_predicate(metrics_of):
    ms = metrics_of(
        "Trong khu vực công, 100% bệnh viện tuyến tỉnh và 11/11 trung tâm y tế huyện đã triển khai "
        "thu viện phí không dùng tiền mặt."
    )
    assert by_value(ms, 100).indicator == "bệnh viện tuyến tỉnh đã triển khai thu viện phí không dùng tiền mặt"
    # a count coordinated with a percentage does not take its predicate
    ms = metrics_of("Toàn tỉnh có 120 xã và 45% hộ dân đã sử dụng nước sạch.")
    assert "nước sạch" not in by_value(ms, 120).indicator


# -- figures whose measure is named by the sentences before ------------------------------------


def test_list_rows_take_the_headings_measure_with_their_label(metrics_of):
    ms = metrics_of(
        "Tỷ lệ hộ dân nông thôn sử dụng nước sạch theo từng huyện như sau:\n"
        "- Huyện Châu Thành: 81,2%\n- Huyện Chợ Lách: 74,5%\n"
    )
    assert by_value(ms, 81.2).indicator == "Tỷ lệ hộ dân nông thôn sử dụng nước sạch huyện Châu Thành"
    assert by_value(ms, 74.5).indicator.endswith("huyện Chợ Lách")


def test_list_heading_without_a_measure_takes_the_sentence_before(metrics_of):
    ms = metrics_of(
        "Toàn tỉnh có 437/697 trường công lập đạt chuẩn quốc gia (62,7%). Cụ thể theo từng cấp học:\n"
        "- Mầm non: 118/214 trường (55,1%)\n"
    )
    assert by_value(ms, 118, "fraction").indicator == "trường mầm non công lập đạt chuẩn quốc gia"
    assert by_value(ms, 55.1).indicator == "trường mầm non công lập đạt chuẩn quốc gia"


def test_list_rows_naming_their_own_measure_keep_it(metrics_of):
    ms = metrics_of(
        "Kết quả một số chỉ tiêu chủ yếu năm 2022:\n- Xã đạt chuẩn nông thôn mới trong năm: 14 xã;\n"
        "- Tỷ lệ bao phủ bảo hiểm y tế: 93,2%;\n"
    )
    assert by_value(ms, 14).indicator == "Xã đạt chuẩn nông thôn mới trong năm"
    assert by_value(ms, 93.2).indicator == "Tỷ lệ bao phủ bảo hiểm y tế"


def test_rows_without_a_heading_are_left_alone(metrics_of):
    ms = metrics_of("Tỷ lệ hộ có nước sạch đạt 70%.\n- Huyện Châu Thành: 81,2%\n")
    assert "nước sạch" not in by_value(ms, 81.2).indicator


def test_subject_of_place_names_takes_the_measure_named_before(metrics_of):
    ms = metrics_of(
        "Cả nước có 26/63 tỉnh đạt tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi từ 95% trở lên. Một số "
        "tỉnh như Hà Giang, Kon Tum đạt dưới 80%; riêng Gia Lai chỉ đạt 74,2%."
    )
    assert by_value(ms, 80).indicator == "tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi ở Kon Tum"
    assert by_value(ms, 74.2).indicator == "tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi ở Gia Lai"


def test_acronym_subject_or_a_new_paragraph_takes_no_measure_from_before(metrics_of):
    ms = metrics_of("Tỷ lệ hộ nghèo giảm còn 2,1%. GRDP tăng 6,08%.\nHà Giang đạt 80%.")
    assert by_value(ms, 6.08).indicator == "GRDP"
    assert by_value(ms, 80).indicator == "Hà Giang"


def test_area_subject_swaps_in_for_the_area_of_the_figure_before(metrics_of):
    ms = metrics_of(
        "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt 98,5%, ở khu vực nông thôn đạt "
        "khoảng 80%."
    )
    assert by_value(ms, 80).indicator == "Tỷ lệ chất thải rắn sinh hoạt ở khu vực nông thôn được thu gom, xử lý"


def test_sector_subject_is_no_area(metrics_of):
    ms = metrics_of("Khu vực công nghiệp - xây dựng tăng 8,2%, khu vực dịch vụ tăng 7,15%.")
    assert by_value(ms, 7.15).indicator == "khu vực dịch vụ"


def test_colon_inside_a_code_does_not_end_the_indicator(metrics_of):
    m = by_value(metrics_of("Tỷ lệ hộ sử dụng nước sạch đạt chuẩn QCVN 01-1:2018/BYT đạt 62,4%."), 62.4)
    assert m.indicator == "Tỷ lệ hộ sử dụng nước sạch đạt chuẩn QCVN 01-1:2018/BYT"


def test_colon_between_words_still_ends_the_clause(metrics_of):
    m = by_value(metrics_of("Kết quả năm 2023: tỷ lệ bao phủ bảo hiểm y tế đạt 93,2%."), 93.2)
    assert m.indicator == "tỷ lệ bao phủ bảo hiểm y tế"


def test_rate_per_population_after_the_value_names_the_measure(metrics_of):
    ms = metrics_of("Năm 2024, ngành Y tế phấn đấu đạt 37 giường bệnh/vạn dân và 12,5 bác sĩ/vạn dân.")
    assert by_value(ms, 37).indicator == "giường bệnh/vạn dân"
    assert by_value(ms, 12.5).indicator == "bác sĩ/vạn dân"


def test_rate_per_time_after_the_value_keeps_the_subject(metrics_of):
    m = by_value(metrics_of("Lượng phương tiện qua cửa khẩu bình quân đạt 1.100 lượt xe/ngày."), 1100)
    assert "phương tiện" in m.indicator


def test_respectively_with_long_list_items(metrics_of):
    ms = metrics_of(
        "Tỷ lệ tốt nghiệp của các trường THPT công lập, trường THPT ngoài công lập và trung tâm giáo dục "
        "nghề nghiệp - giáo dục thường xuyên lần lượt đạt 99,87%, 98,9% và 97,35%."
    )
    assert by_value(ms, 99.87).indicator == "Tỷ lệ tốt nghiệp của các trường THPT công lập"
    assert by_value(ms, 98.9).indicator == "Tỷ lệ tốt nghiệp của các trường THPT ngoài công lập"
    assert by_value(ms, 97.35).indicator == (
        "Tỷ lệ tốt nghiệp của trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên"
    )


def test_respectively_with_short_levels_keeps_the_level_word(metrics_of):
    ms = metrics_of("Tỷ lệ hồ sơ được xử lý trên môi trường mạng ở cấp tỉnh, huyện, xã lần lượt đạt 98%, 90% và 70%.")
    assert by_value(ms, 90).indicator == "Tỷ lệ hồ sơ được xử lý trên môi trường mạng ở cấp huyện"


def test_list_of_place_names_closes_a_long_subject(metrics_of):
    m = by_value(
        metrics_of("Tỷ lệ thu gom rác thải tại các xã vùng cao của huyện Võ Nhai, Định Hóa dao động từ 55% đến 65%."),
        55,
    )
    assert m.indicator.startswith("Tỷ lệ thu gom rác thải tại các xã vùng cao của huyện Võ Nhai")


def test_clause_after_a_long_subject_is_no_list_of_names(metrics_of):
    m = by_value(
        metrics_of("Tỷ lệ thu gom rác thải tại các xã vùng cao của huyện Võ Nhai còn thấp, tỷ lệ tái chế đạt 12%."),
        12,
    )
    assert m.indicator == "tỷ lệ tái chế"


def test_reduction_verb_ending_in_a_link_reads_the_value_first(metrics_of):
    m = by_value(metrics_of("Mục tiêu năm 2024 là kéo giảm ít nhất 5% số vụ phạm tội về trật tự xã hội."), 5)
    assert m.indicator.startswith("số vụ phạm tội về trật tự xã hội")


def test_change_of_a_count_belongs_to_the_subject_counting_the_same_noun(metrics_of):
    ms = metrics_of("Về trật tự an toàn giao thông, số người chết giảm 6 người; số người bị thương tăng 3 người.")
    assert by_value(ms, 6).indicator == "số người chết giảm"
    m = by_value(ms, 3)
    assert m.indicator == "số người bị thương tăng"
    assert m.text == "số người bị thương tăng 3 người"


def test_change_of_a_count_without_such_a_subject_names_the_noun_after_it(metrics_of):
    m = by_value(metrics_of("Sau sắp xếp, số sở giảm 4 phòng chuyên môn."), 4)
    assert m.indicator.startswith("phòng chuyên môn")


def test_action_and_its_object_before_a_counted_noun_make_a_passive(metrics_of):
    m = by_value(metrics_of("Năm 2023, đoàn kiểm tra đã xử phạt vi phạm hành chính 37 cơ sở."), 37)
    assert m.indicator == "cơ sở bị xử phạt vi phạm hành chính"
    assert m.text == "xử phạt vi phạm hành chính 37 cơ sở"
    m = by_value(metrics_of("Năm 2023, tỉnh đã tiếp nhận hồ sơ 500 doanh nghiệp."), 500)
    assert m.indicator == "doanh nghiệp được tiếp nhận hồ sơ"


def test_no_passive_without_an_action_verb_before_the_counted_noun(metrics_of):
    m = by_value(metrics_of("Toàn tỉnh hiện có 37 cơ sở đạt chuẩn."), 37)
    assert m.indicator == "cơ sở đạt chuẩn"
    m = by_value(metrics_of("Huyện đã trồng mới được 1.450 cây hồi ghép."), 1450)
    assert "được được" not in m.indicator


def test_copula_after_a_short_head_names_the_kind_counted(metrics_of):
    m = by_value(metrics_of("Tỉnh có khoảng 46% dân số là đồng bào dân tộc thiểu số."), 46)
    assert m.indicator == "dân số là đồng bào dân tộc thiểu số"


def test_copula_before_names_or_a_verb_ends_the_phrase(metrics_of):
    m = by_value(metrics_of("Toàn tỉnh còn 2 huyện là Trà Ôn và Tam Bình có tỷ lệ hộ nghèo cao."), 2)
    assert not m.indicator.startswith("huyện là")
    m = by_value(metrics_of("Tỷ lệ hộ nghèo giảm còn 5% là nhờ các chính sách hỗ trợ."), 5)
    assert m.indicator == "Tỷ lệ hộ nghèo"


def test_list_of_levels_after_a_value_shares_the_predicate(metrics_of):
    m = by_value(
        metrics_of("Đến nay, 100% cơ quan nhà nước cấp tỉnh, cấp huyện sử dụng hệ thống quản lý văn bản."), 100
    )
    assert m.indicator == "cơ quan nhà nước cấp tỉnh, cấp huyện sử dụng hệ thống quản lý văn bản"


def test_two_kinds_after_a_value_share_the_predicate(metrics_of):
    m = by_value(metrics_of("Năm 2023, 100% trường học, cơ sở y tế công lập thu phí không dùng tiền mặt."), 100)
    assert m.indicator == "trường học, cơ sở y tế công lập thu phí không dùng tiền mặt"


def test_new_clause_after_a_value_and_comma_is_not_a_second_kind(metrics_of):
    m = by_value(metrics_of("Tỷ lệ bao phủ đạt 95% dân số, người dân tích cực tham gia."), 95)
    assert m.indicator == "Tỷ lệ bao phủ"
    m = by_value(metrics_of("Tỷ lệ hồ sơ đúng hạn đạt 98%, hồ sơ trễ hạn giảm mạnh."), 98)
    assert m.indicator == "Tỷ lệ hồ sơ đúng hạn"


def test_respective_shares_name_the_whole_they_are_parts_of(metrics_of):
    ms = metrics_of(
        "Khách Hàn Quốc và Trung Quốc lần lượt chiếm 52% và 21% tổng lượng khách quốc tế, "
        "khách Nga xếp thứ 3 với khoảng 96.000 lượt."
    )
    assert by_value(ms, 52).indicator == "Khách Hàn Quốc trong tổng lượng khách quốc tế"
    assert by_value(ms, 21).indicator == "Khách Trung Quốc trong tổng lượng khách quốc tế"


def test_respective_levels_against_no_whole_stay_bare(metrics_of):
    ms = metrics_of("Tỷ lệ hồ sơ trực tuyến ở cấp tỉnh, huyện và xã lần lượt đạt 98%, 90% và 70%.")
    assert by_value(ms, 90).indicator == "Tỷ lệ hồ sơ trực tuyến ở cấp huyện"
    assert by_value(ms, 70).indicator == "Tỷ lệ hồ sơ trực tuyến ở cấp xã"


def test_disbursement_without_object_takes_the_fund_named_before(metrics_of):
    ms = metrics_of(
        "Kế hoạch vốn đầu tư công năm 2024 của thành phố là 5.930 tỷ đồng; đến ngày 20/9, thành phố đã "
        "giải ngân 2.780 tỷ đồng, đạt 46,9% kế hoạch."
    )
    assert "giải ngân vốn đầu tư công" in by_value(ms, 46.9).indicator
    ms = metrics_of(
        "Tổng vốn thực hiện chương trình năm 2024 được giao là 412,6 tỷ đồng. Đến ngày 31/7/2024, các chủ "
        "đầu tư đã giải ngân 187,3 tỷ đồng, đạt 45,4% kế hoạch."
    )
    assert by_value(ms, 45.4).indicator.startswith("giải ngân vốn thực hiện chương trình")


def test_disbursement_keeps_its_own_object_and_needs_a_named_fund(metrics_of):
    ms = metrics_of("Kế hoạch trung hạn của tỉnh có tổng vốn 23.560 tỷ đồng; đến nay đã giải ngân 61,2%.")
    assert "vốn" not in by_value(ms, 61.2).indicator
    ms = metrics_of("Nguồn vốn ODA còn chậm. Tỉnh đã giải ngân vốn đầu tư công đạt 41,8%.")
    assert by_value(ms, 41.8).indicator == "giải ngân vốn đầu tư công"


def test_cause_and_topic_words_end_a_phrase_after_the_value(metrics_of):
    m = by_value(
        metrics_of("Năm 2023 huyện có 96,4% hồ sơ được giải quyết đúng hạn nhờ giao chỉ tiêu cho từng công chức."),
        96.4,
    )
    assert m.indicator == "hồ sơ được giải quyết đúng hạn"
    m = by_value(metrics_of("Khi 95,2% dân số tham gia BHYT thì quỹ bảo hiểm sẽ được cân đối."), 95.2)
    assert m.indicator == "dân số tham gia BHYT"


def test_phrase_after_the_value_goes_on_without_a_cause_or_topic_word(metrics_of):
    m = by_value(metrics_of("Năm 2023 huyện có 96,4% hồ sơ được giải quyết đúng hạn và trước hạn."), 96.4)
    assert m.indicator == "hồ sơ được giải quyết đúng hạn và trước hạn"
