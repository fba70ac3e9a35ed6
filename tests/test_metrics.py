"""Context of metrics (pipeline.components.metrics): kind, province, level, period, catalogue id."""

from __future__ import annotations

import json

import pytest

from pipeline.components.metrics import Catalogue, Context, kind_of
from pipeline.components.quantities import pieces_of
from pipeline.resources import load_json, resource_path

from .conftest import CORPORA


@pytest.fixture(scope="module")
def context():
    return Context.load("metric_context.json")


@pytest.fixture(scope="module")
def catalogue():
    return Catalogue.load("indicators.json")


def kind(context, text):
    pieces = pieces_of(text)
    at = next(
        i
        for i, p in enumerate(pieces)
        if p.is_number and not (len(p.text) == 4 and p.text[:2] in {"19", "20"})
    )
    return kind_of(pieces, at, context)


# -- actual / target --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2024, tỉnh phấn đấu tốc độ tăng trưởng GRDP từ 8% trở lên",
        "mục tiêu tăng trưởng GRDP năm 2023 đạt 5%",
        "Các chỉ tiêu về xã hội gồm: tỷ lệ hộ nghèo giảm còn dưới 0,9%",
        "Hoàn thành chỉ tiêu 100% đảng viên có tài khoản",
        "Kế hoạch cũng xác định rõ từng mục tiêu, cụ thể: 100% thủ tục hành chính; 50% số dịch vụ",
        "Theo kế hoạch, đến cuối năm 2022, tỷ lệ hộ gia đình có cáp quang đạt 75%",
        "quý IV toàn tỉnh cần tăng trưởng khoảng 12%",
        "tỉnh sẽ lắp đặt thêm 60 trạm BTS",
        "tỷ lệ giải ngân vốn đầu tư công phải đạt từ 70% đến 80%",
    ],
)
def test_target(context, text):
    assert kind(context, text) == "target"


@pytest.mark.parametrize(
    "text",
    [
        "tỷ lệ hộ gia đình có cáp quang đạt 76,6%",
        "tốc độ tăng trưởng kinh tế (GRDP) của tỉnh ước đạt 10,2%",
        "Theo báo cáo của Sở Kế hoạch và Đầu tư, GRDP tăng 2,18%",
        "thực hiện Kế hoạch số 120/KH-UBND, các sở đã hoàn thành 14/22 nhiệm vụ",
        "giải ngân vốn đầu tư công đạt 38,6% kế hoạch vốn, cao hơn bình quân; 11/18 chủ đầu tư",
        "huyện đã thành lập 22 Tổ Công nghệ số cộng đồng",
    ],
)
def test_actual(context, text):
    assert kind(context, text) == "actual"


def test_plan_level_after_so_voi_is_a_target_but_a_share_of_the_plan_is_not(context):
    pieces = pieces_of("tỷ lệ lúa chất lượng cao đạt 81% so với kế hoạch 80%")
    at = [i for i, p in enumerate(pieces) if p.is_number]
    assert [kind_of(pieces, i, context) for i in at] == ["actual", "target"]
    # "kế hoạch" followed by a number without "%" is a document's name, no target cue
    pieces = pieces_of("theo Kế hoạch 80 của tỉnh, đã hoàn thành 12 nhiệm vụ")
    assert kind_of(pieces, [i for i, p in enumerate(pieces) if p.is_number][-1], context) == "actual"


def test_deadline_before_the_value_makes_a_target(context):
    pieces = pieces_of("đến năm 2025 tỷ lệ đạt 20%")
    assert kind_of(pieces, 5, context, deadline_at=2) == "target"


# -- catalogue --------------------------------------------------------------------------------


def test_catalogue_has_at_least_40_documented_indicators():
    data = load_json("indicators.json")
    assert data["_doc"]
    ids = [e["id"] for e in data["indicators"]]
    assert len(ids) >= 40 and len(ids) == len(set(ids))
    for entry in data["indicators"]:
        assert entry["name"] and entry["units"] and entry["patterns"]


@pytest.mark.parametrize(
    ("indicator", "unit", "expected"),
    [
        ("tỷ lệ hộ gia đình có cáp quang", "%", "fibre_households"),
        ("tỷ lệ người dân có điện thoại thông minh", "%", "smartphone_ownership"),
        ("tỷ lệ phủ sóng băng rộng di động tới thôn/bản", "%", "mobile_broadband_coverage"),
        ("hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng", "%", "work_records_online"),
        ("Chỉ số chuyển đổi số cấp tỉnh (DTI)", "rank", "dti_rank"),
        ("Chỉ số CCHC (PAR INDEX)", "rank", "par_index"),
        ("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2022", "rank", "pci"),
        ("tốc độ tăng trưởng kinh tế (GRDP)", "%", "grdp_growth"),
        ("GRDP bình quân đầu người", "VND", "grdp_per_capita"),
        ("Tổng thu ngân sách nhà nước trên địa bàn", "VND", "budget_revenue"),
        ("tỷ lệ giải ngân vốn đầu tư công", "%", "public_investment_disbursement"),
        ("Kim ngạch xuất khẩu", "USD", "exports"),
        ("vốn đầu tư trực tiếp nước ngoài (FDI)", "USD", "fdi_capital"),
        ("Tỷ lệ hộ nghèo theo chuẩn đa chiều", "%", "poverty_rate"),
        ("tỷ lệ dân số tham gia bảo hiểm y tế", "%", "health_insurance_coverage"),
        ("xã đạt chuẩn nông thôn mới nâng cao", "count", "new_rural_advanced_communes"),
        ("doanh nghiệp thành lập mới", "count", "new_enterprises"),
        ("lượt khách du lịch", "count", "tourists"),
        ("thành viên Tổ Công nghệ số cộng đồng cấp xã", "count", "community_digital_team_members"),
        ("Tổ Công nghệ số cộng đồng cấp xã", "count", "community_digital_teams"),
        ("lỗ hổng bảo mật mức độ nghiêm trọng", "count", "security_vulnerabilities"),
        ("tài khoản định danh điện tử mức độ 2 được kích hoạt", "count", "vneid_activations"),
        ("tỷ lệ DVCTT toàn trình", "%", "dvctt_full_process"),
    ],
)
def test_catalogue_matches(catalogue, indicator, unit, expected):
    assert catalogue.match(indicator, unit) == expected


@pytest.mark.parametrize(
    ("indicator", "unit"),
    [
        ("đội hình tình nguyện", "count"),
        ("", "%"),
        ("tỷ lệ hộ gia đình có cáp quang", "rank"),
        ("máy tính bảng được trao tặng", "count"),
    ],
)
def test_no_id_rather_than_a_wrong_one(catalogue, indicator, unit):
    assert catalogue.match(indicator, unit) is None


def test_every_seed_percentage_gets_the_right_id(nlp, catalogue):
    """The seed gold's percentages, read by the catalogue, get the id a person would give them."""
    expected = [  # (start of the gold indicator, id)
        ("tỷ lệ phủ sóng băng rộng di động tới thôn/bản", "mobile_broadband_coverage"),
        ("tỷ lệ hộ gia đình có cáp quang", "fibre_households"),
        ("tỷ lệ người dân có điện thoại thông minh", "smartphone_ownership"),
        ("thủ tục hành chính có đủ điều kiện được cung cấp dịch vụ công", "dvctt_full_process"),
        (
            "số dịch vụ công trực tuyến toàn trình của tỉnh được tích hợp",
            "dvctt_national_portal_integration",
        ),
        ("hồ sơ công việc tại cấp", "work_records_online"),
        ("tỷ lệ số hóa, kết quả giải quyết thủ tục hành chính", "digitised_records"),
        ("dịch vụ công trực tuyến toàn trình đủ điều kiện được cung cấp", "dvctt_full_process"),
        (
            "tỷ lệ người dân từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng",
            "bank_account_ownership",
        ),
        ("đảng viên, cán bộ, công chức, viên chức", "officials_public_service_accounts"),
        ("sở ngành và UBND cấp huyện đã có cổng/trang thông tin điện tử", "web_portals"),
        ("tỷ lệ trao đổi văn bản điện tử trong cơ quan nhà nước", "e_document_exchange"),
    ]
    seen = 0
    for path in sorted((CORPORA / "gold").glob("00*.json")):
        for m in json.loads(path.read_text(encoding="utf-8"))["metrics"]:
            if m["unit"] == "%":
                want = next(
                    i for start, i in expected if m["indicator"].casefold().startswith(start.casefold())
                )
                assert catalogue.match(m["indicator"], "%") == want, m["indicator"]
                seen += 1
    assert seen == 15


# -- the component ------------------------------------------------------------------------------


def test_component_completes_metrics(annotate_text):
    doc = annotate_text(
        "Bắc Kạn: họp Ban Chỉ đạo\n"
        "Ngày 15/6/2022, Ban Chỉ đạo chuyển đổi số tỉnh Bắc Kạn họp. Trong quý II năm 2022, "
        "tỷ lệ hộ gia đình có cáp quang đạt 76,6%; "
        "100% hồ sơ công việc cấp xã được xử lý trên môi trường mạng. "
        "Tỉnh phấn đấu đến năm 2025 có 90% người dân trưởng thành có điện thoại thông minh. "
        "Tỉnh Cao Bằng đạt 88% hộ gia đình có cáp quang."
    )
    by_value = {m.value: m for m in doc._.metrics}
    fibre = by_value[76.6]
    assert (fibre.kind, fibre.indicator_id, fibre.province) == ("actual", "fibre_households", "Bắc Kạn")
    assert by_value[100].level == "xã"
    assert fibre.level is None
    target = by_value[90]
    assert (target.kind, target.indicator_id) == ("target", "smartphone_ownership")
    assert by_value[88].province == "Cao Bằng"


def test_period_and_deadline_come_from_the_dates(annotate_text):
    doc = annotate_text(
        "Tiêu đề\n15:57, 26/01/2024\nNăm 2023, tỷ lệ hồ sơ trực tuyến đạt 52,7%. "
        "Tỉnh phấn đấu đến năm 2025 tỷ lệ hồ sơ trực tuyến đạt 80%."
    )
    by_value = {m.value: m for m in doc._.metrics}
    assert by_value[52.7].period == "2023"
    assert by_value[52.7].deadline is None
    assert by_value[80].kind == "target"
    assert by_value[80].deadline == "2025"


def test_context_file_is_documented():
    data = json.loads(resource_path("metric_context.json").read_text(encoding="utf-8"))
    assert data["_doc"] and data["target_cues"] and data["actual_cues"]


def test_metrics_without_indicators_component_pass_through(nlp):
    from pipeline.components.metrics import MetricsComponent

    doc = nlp.make_doc("Không có số liệu.")
    doc._.metrics = None
    assert MetricsComponent("indicators.json", "metric_context.json", "provinces.json")(doc)._.metrics == []


def test_plan_level_after_exceeded_is_a_target(context):
    assert kind(context, "tỷ lệ thi hành xong vượt chỉ tiêu 80% được giao") == "target"
    # exceeding the plan BY a margin is still an actual figure
    assert kind(context, "doanh thu vượt 5% kế hoạch") == "actual"


def test_every_metric_gets_a_period_the_article_period_as_fallback(annotate_text):
    doc = annotate_text("Tiêu đề\n15:57, 26/01/2024\nTrong 6 tháng đầu năm 2023, toàn tỉnh có 71 Tổ Công nghệ số "
                        "cộng đồng.\n\nTỷ lệ hộ gia đình có cáp quang đạt 76,6%.")
    periods = {m.indicator: m.period for m in doc._.metrics}
    assert periods and all(periods.values())
    assert set(periods.values()) == {"2023-H1"}


def test_the_articles_own_province_is_not_part_of_the_indicator(annotate_text):
    doc = annotate_text(
        "Hưng Yên: kinh tế quý I tăng trưởng khá\n"
        "Tỉnh Hưng Yên tổ chức hội nghị. Quý I/2024, tổng sản phẩm trên địa bàn (GRDP) của tỉnh Hưng Yên "
        "tăng 8,62% so với cùng kỳ năm trước. Tỷ lệ hộ nghèo của huyện Khoái Châu còn 1,2%; tỷ lệ giải ngân "
        "của Thái Bình đạt 60%."
    )
    by_value = {m.value: m for m in doc._.metrics}
    assert by_value[8.62].indicator == "tổng sản phẩm trên địa bàn (GRDP)"
    # a district, or another province, stays in the indicator
    assert by_value[1.2].indicator.endswith("của huyện Khoái Châu")
    assert by_value[60].indicator.endswith("của Thái Bình")


def test_goal_opened_by_voi_muc_tieu_is_a_target(context):
    assert kind(context, "Công an tỉnh đã phát động thi đua, với mục tiêu kéo giảm ít nhất 5% số vụ phạm tội") == (
        "target"
    )


def test_plan_after_so_voi_is_the_base_of_a_ratio_not_a_target(context):
    assert kind(context, "các sở đã giải ngân vốn so với kế hoạch vốn năm đạt 46,8%") == "actual"
