"""The officials component: who holds an office, with which titles (positive and negative cases)."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.components.officials import OfficialsFinder
from pipeline.records import Official

from .conftest import CORPORA


@pytest.fixture(scope="module")
def finder() -> OfficialsFinder:
    return OfficialsFinder()


def people(finder: OfficialsFinder, text: str, **kwargs) -> dict[str, Official]:
    return {o.name: o for o in finder.find(text, **kwargs)}


# -- where the titles are written --------------------------------------------------------


def test_title_before_name(finder):
    found = people(finder, "Sáng 7/3, Phó Chủ tịch UBND tỉnh Phạm Duy Hưng chủ trì hội nghị.")
    assert list(found) == ["Phạm Duy Hưng"]
    assert found["Phạm Duy Hưng"].titles == ["Phó Chủ tịch UBND tỉnh"]


def test_chain_after_name_with_dashes_and_commas(finder):
    text = ("Đồng chí Nguyễn Phi Long – Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng ban chỉ đạo và "
            "đồng chí Lâm Hải Giang - Phó Chủ tịch UBND tỉnh, Phó trưởng ban chỉ đạo đồng chủ trì cuộc họp.")
    found = people(finder, text)
    long_, giang = found["Nguyễn Phi Long"], found["Lâm Hải Giang"]
    assert long_.titles == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Trưởng ban chỉ đạo"]
    assert giang.titles == ["Phó Chủ tịch UBND tỉnh", "Phó trưởng ban chỉ đạo"]
    assert long_.role == giang.role == "chủ trì"


def test_mixed_chain_before_name(finder):
    text = ("Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy Lê Đức Thọ, Phó bí thư Tỉnh ủy - Chủ tịch UBND tỉnh "
            "Trần Ngọc Tam và Phó chủ tịch UBND tỉnh Nguyễn Thị Bé Mười chủ trì cuộc họp.")
    found = people(finder, text)
    assert found["Lê Đức Thọ"].titles == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]
    assert found["Trần Ngọc Tam"].titles == ["Phó bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]
    assert found["Nguyễn Thị Bé Mười"].titles == ["Phó chủ tịch UBND tỉnh"]
    assert {o.role for o in found.values()} == {"chủ trì"}


def test_title_split_across_a_caption_line_break(finder):
    text = ("Đ/c Nguyễn Đăng Bình, Chủ tịch UBND tỉnh, Trưởng Ban chỉ đạo về\n\n"
            "Chuyển đổi số tỉnh phát biểu tại cuộc họp.")
    official = people(finder, text)["Nguyễn Đăng Bình"]
    assert official.titles == ["Chủ tịch UBND tỉnh", "Trưởng Ban chỉ đạo về Chuyển đổi số tỉnh"]
    assert official.role == "phát biểu"


def test_head_alone_at_end_of_line_continues_with_its_organisation(finder):
    text = ("Đồng chí Hà Trung Kiên, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch\n"
            "UBND tỉnh giải trình tại phiên họp.")
    titles = people(finder, text)["Hà Trung Kiên"].titles
    assert titles == ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"]


def test_later_mention_adds_titles_and_shorter_rewrites_are_the_same_office(finder):
    text = ("Đồng chí Nguyễn Đăng Bình - Phó Bí thư Tỉnh ủy - Chủ tịch UBND tỉnh chủ trì phiên họp. "
            "Phát biểu kết luận, đồng chí Nguyễn Đăng Bình - Chủ tịch UBND tỉnh - Trưởng Ban chỉ đạo "
            "về Chuyển đổi số tỉnh nhấn mạnh: cần đẩy nhanh tiến độ. "
            "Chủ tịch UBND tỉnh Nguyễn Đăng Bình cũng yêu cầu các sở tập trung.")
    found = finder.find(text)
    assert len(found) == 1
    assert found[0].titles == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh",
                               "Trưởng Ban chỉ đạo về Chuyển đổi số tỉnh"]
    assert len(found[0].mentions) == 3


def test_short_references_resolve_to_the_full_person(finder):
    text = ("Báo cáo với đoàn, ông Lý Seo Dìn cho biết huyện đã kiện toàn Ban Chỉ đạo. "
            "Tiếp đoàn có Chủ tịch UBND huyện Lý Seo Dìn. Ông Dìn đề nghị tỉnh quan tâm. "
            "Phó Chủ tịch UBND tỉnh Tôn Nữ Thị Quỳnh Giao dự. "
            "Kết luận, bà Quỳnh Giao đề nghị các cấp vào cuộc.")
    found = people(finder, text)
    assert set(found) == {"Lý Seo Dìn", "Tôn Nữ Thị Quỳnh Giao"}
    din = found["Lý Seo Dìn"]
    assert din.start_char == text.index("Lý Seo Dìn")  # the first mention, before any title
    assert len(din.mentions) == 3
    assert len(found["Tôn Nữ Thị Quỳnh Giao"].mentions) == 2


def test_plural_title_with_a_list_of_names(finder):
    found = people(finder, "Cùng dự có các Phó Chủ tịch UBND tỉnh Đàng Thị Hải Yến, Trịnh Minh Khôi.")
    assert found["Đàng Thị Hải Yến"].titles == found["Trịnh Minh Khôi"].titles == ["Phó Chủ tịch UBND tỉnh"]
    text = ("Cùng dự có các đồng chí Phó Chủ tịch UBND tỉnh: Lương Văn Páo, Vi Thị Hạnh Nga; "
            "lãnh đạo các sở, ngành.")
    assert set(people(finder, text)) == {"Lương Văn Páo", "Vi Thị Hạnh Nga"}


# -- names ----------------------------------------------------------------------------------

_NAMES = [
    ("Đ/c Lô Quang Tuyến - Phó Giám đốc Sở Thông tin và Truyền thông báo cáo.", "Lô Quang Tuyến"),
    ("Đồng chí Hầu A Lềnh, Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc làm việc với tỉnh.", "Hầu A Lềnh"),
    ("Phó chủ tịch UBND tỉnh Nguyễn Thị Bé Mười chủ trì.", "Nguyễn Thị Bé Mười"),
    ("Ông Y Giang Gry Niê Knơng, Phó Chủ tịch Hội đồng Dân tộc của Quốc hội cho biết.",
     "Y Giang Gry Niê Knơng"),
    ("Ông Điểu K'Ré, Trưởng bon Bu Dăr, cho biết bà con đã quen dùng điện thoại.", "Điểu K'Ré"),
    ("Bà Ksor Phước Hà - Phó Chủ tịch UBND huyện Ia Pa phát biểu.", "Ksor Phước Hà"),
    ("Phó Giám đốc Sở Thông tin và Truyền thông H'Năng Mlô Duôn Du thông tin.", "H'Năng Mlô Duôn Du"),
]


@pytest.mark.parametrize("text, name", _NAMES)
def test_ethnic_minority_and_long_names(finder, text, name):
    assert list(people(finder, text)) == [name]


def test_honorifics_and_ranks_are_dropped(finder):
    text = ("Cùng chủ trì có Đại tá Trần Công Vịnh, Giám đốc Công an tỉnh, Phó Trưởng ban Thường trực "
            "Ban Chỉ đạo. Thượng tá Vì Văn Sáng, Phó Giám đốc Công an tỉnh báo cáo.")
    found = people(finder, text)
    vinh = found["Trần Công Vịnh"]
    assert vinh.titles == ["Giám đốc Công an tỉnh", "Phó Trưởng ban Thường trực Ban Chỉ đạo"]
    assert found["Vì Văn Sáng"].titles == ["Phó Giám đốc Công an tỉnh"]
    assert not any("tá" in t.split() for o in found.values() for t in o.titles)


def test_rank_between_title_and_name(finder):
    found = people(finder, "Dự có Bộ trưởng Bộ Công an, Đại tướng Tô Lâm.")
    assert found["Tô Lâm"].titles == ["Bộ trưởng Bộ Công an"]


def test_all_caps_name_is_normalised(finder):
    found = people(finder, "Sáng 5/3, đồng chí NGUYỄN VĂN AN, Chủ tịch UBND tỉnh chủ trì hội nghị.")
    assert list(found) == ["Nguyễn Văn An"]


_PLACE_THEN_NAME = [
    ("Chủ tịch UBND huyện Mèo Vạc Thào Mí Páo kiến nghị Bộ quan tâm.", "Thào Mí Páo",
     "Chủ tịch UBND huyện Mèo Vạc"),
    ("Tiếp đoàn có Bí thư Huyện ủy Bát Xát Tẩn Láo Lở.", "Tẩn Láo Lở", "Bí thư Huyện ủy Bát Xát"),
    ("Chủ tịch UBND xã Sì Lở Lầu Tẩn A Pao nêu khó khăn.", "Tẩn A Pao", "Chủ tịch UBND xã Sì Lở Lầu"),
    ("Chủ tịch UBND huyện Cao Lộc Lộc Văn Sình kiến nghị.", "Lộc Văn Sình", "Chủ tịch UBND huyện Cao Lộc"),
    ("Phó Chủ tịch UBND tỉnh Hồ Văn Bốn chủ trì hội nghị.", "Hồ Văn Bốn", "Phó Chủ tịch UBND tỉnh"),
    ("Phó Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu Nguyễn Công Vinh dự lễ.", "Nguyễn Công Vinh",
     "Phó Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu"),
]


@pytest.mark.parametrize("text, name, title", _PLACE_THEN_NAME)
def test_place_written_before_the_name_belongs_to_the_title(finder, text, name, title):
    found = people(finder, text)
    assert list(found) == [name]
    assert found[name].titles == [title]


# -- what a title means ---------------------------------------------------------------------


def test_organization_canonical_title_and_province(finder):
    text = ("Đồng chí Vương Đình Trọng - Phó Giám đốc Sở Thông tin và Truyền thông tỉnh Lai Châu dự. "
            "Đồng chí Nguyễn Phi Long – Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì. "
            "Dự có Bộ trưởng Bộ Thông tin và Truyền thông Trương Hải Phong.")
    found = people(finder, text, province="Bình Định")
    trong = found["Vương Đình Trọng"]
    assert trong.canonical_title == "Phó Giám đốc Sở Thông tin và Truyền thông"
    assert trong.organization == "Sở Thông tin và Truyền thông tỉnh Lai Châu"
    assert trong.province == "Lai Châu"  # the title names another province
    long_ = found["Nguyễn Phi Long"]
    assert long_.canonical_title == "Chủ tịch UBND tỉnh"
    assert (long_.organization, long_.province) == ("UBND tỉnh", "Bình Định")
    assert found["Trương Hải Phong"].province is None  # a minister is national
    assert found["Trương Hải Phong"].role == "dự"


def test_district_and_village_titles(finder):
    text = ("Ông Sùng Seo Chu, Trưởng thôn Lao Chải, chia sẻ kinh nghiệm. "
            "Chủ tịch UBND xã Y Tý Ly Giờ Chà cho biết, đến nay 9/10 thôn đã có sóng.")
    found = people(finder, text)
    assert found["Sùng Seo Chu"].titles == ["Trưởng thôn Lao Chải"]
    assert found["Sùng Seo Chu"].canonical_title == "Trưởng thôn"
    assert found["Ly Giờ Chà"].canonical_title == "Chủ tịch UBND xã"
    assert found["Ly Giờ Chà"].organization == "UBND xã Y Tý"


# -- never officials ------------------------------------------------------------------------


def test_byline_credit_and_name_alone_on_a_line(finder):
    text = ("Chủ tịch UBND tỉnh Nguyễn Phi Long chỉ đạo tại cuộc họp. Ảnh: HỒNG HÀ\n\n"
            "Các sở, ngành cần tập trung triển khai các nhiệm vụ được giao trong năm nay.\n\nHỒNG HÀ")
    assert list(people(finder, text, meta={"byline": "HỒNG HÀ"})) == ["Nguyễn Phi Long"]


def test_related_headline_after_the_body_is_not_an_official(finder):
    text = ("Phó Chủ tịch UBND tỉnh Phan Đình Khôi kiểm tra hoạt động của Bộ phận một cửa xã Y Tý.\n\n"
            "THU HÀ\n\n- Phó Chủ tịch UBND tỉnh Hầu Minh Lợi kiểm tra vùng lõm sóng tại Xín Mần\n"
            "- Hà Giang: 100% xã có điểm bưu điện văn hóa")
    assert list(people(finder, text)) == ["Phan Đình Khôi"]


def test_headline_alone_does_not_make_an_official(finder):
    headline = "Chủ tịch UBND tỉnh Lục Văn Thanh kiểm tra tiến độ dự án"
    text = headline + "\nNgày 5/6, đoàn công tác đã kiểm tra dự án."
    assert people(finder, text, meta={"title": headline}) == {}


_NOT_OFFICIALS = [
    "Bến Tre: Châu Bình tập trung xây dựng vùng nguyên liệu dừa.",
    "Tại Mèo Vạc, Chủ tịch UBND huyện cho biết huyện còn nhiều khó khăn.",
    "Ông Nguyễn Văn Bình, người dân xã Tân Hòa, cho biết nhà ông đã có internet.",
    "Ông Trần Văn Tư, Giám đốc Công ty TNHH Minh Phát đề xuất ý kiến.",
    "Ông Trần Văn Hòa, Giám đốc một doanh nghiệp tư nhân chế biến thủy sản, đề xuất đơn giản hóa thủ tục.",
    "Anh Lò Văn Chư, chủ một cơ sở sản xuất chè Shan tuyết, chia sẻ kinh nghiệm bán hàng.",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Chủ tịch Hồ Chí Minh.",
    "Sở Thông tin và Truyền thông phối hợp với Ban Quản lý Khu kinh tế Đồng Đăng - Lạng Sơn.",
    "Đoàn công tác Ban Chỉ đạo Chuyển đổi số tỉnh Lào Cai làm việc với huyện Bát Xát.",
    "Ông Tùng cho biết năm nay tỉnh phấn đấu đạt 80%.",
    "chủ tịch UBND các huyện, thị xã, thành phố cần tích cực, chủ động.",
]


@pytest.mark.parametrize("text", _NOT_OFFICIALS)
def test_not_officials(finder, text):
    assert finder.find(text) == []


# -- robustness -----------------------------------------------------------------------------

_ALPHABET = list("ĐđAaUBNDHQTôngbàChủtịchPhóSởỦyviên,.-–:;()\n 'H")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=300))
def test_arbitrary_text_never_raises_and_spans_are_valid(finder, text):
    for official in finder.find(text):
        assert 2 <= len(official.name.split()) <= 5
        assert official.titles
        for start, end in official.mentions:
            assert 0 <= start < end <= len(text)


def test_hostile_inputs_are_cheap(finder):
    for text in ("%" * 100_000, "7" * 1_000_000, "Chủ tịch " * 20_000, "\n" * 50_000, "Nguyễn " * 30_000):
        started = time.perf_counter()
        assert finder.find(text) == []
        assert time.perf_counter() - started < 10


# -- the seeds through the whole pipeline ---------------------------------------------------


def test_seed_articles_match_their_gold(annotate_text):
    """Every seed official, with every title, by the project's scorer (held equal to the reference one)."""
    from pipeline.evaluate import _name_key, pair_up, same_title

    for path in sorted((CORPORA / "samples").glob("*.txt")):
        gold = json.loads((CORPORA / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        doc = annotate_text(path.read_text(encoding="utf-8"))
        predicted = {_name_key(o.name): o.titles for o in doc._.officials}
        expected = {_name_key(o["name"]): o["titles"] for o in gold["officials"]}
        assert set(predicted) == set(expected), path.stem
        for key, titles in expected.items():
            pairs = pair_up(predicted[key], titles, same_title)
            assert len(pairs) == len(titles) == len(predicted[key]), (path.stem, key, predicted[key])


def test_head_of_a_named_delegation_in_a_chain_is_a_title(finder):
    found = people(finder, "Đoàn giám sát do đồng chí Trương Quốc Bảo – Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh, "
                           "Trưởng đoàn giám sát dẫn đầu đã làm việc với UBND thành phố.")
    assert found["Trương Quốc Bảo"].titles == ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh", "Trưởng đoàn giám sát"]
    # leading the visit ("làm trưởng đoàn") is a role at the event, not an office
    found = people(finder, "Đồng chí Nguyễn Văn An – Phó Chủ tịch UBND tỉnh làm trưởng đoàn công tác đã kiểm tra.")
    assert found["Nguyễn Văn An"].titles == ["Phó Chủ tịch UBND tỉnh"]


def test_a_school_named_after_a_place_or_person_keeps_its_name(finder):
    found = people(finder, 'Cô Nguyễn Thị Thu Hà, Hiệu trưởng Trường THPT Chuyên Bắc Ninh chia sẻ: "Chúng tôi vui."')
    assert list(found) == ["Nguyễn Thị Thu Hà"]
    assert found["Nguyễn Thị Thu Hà"].titles == ["Hiệu trưởng Trường THPT Chuyên Bắc Ninh"]
    found = people(finder, "Thầy Lê Văn Nam, Hiệu trưởng Trường THPT Lê Quý Đôn cho biết.")
    assert found["Lê Văn Nam"].titles == ["Hiệu trưởng Trường THPT Lê Quý Đôn"]
    # the holder's name right after the school's name is still found
    found = people(finder, "Hiệu trưởng Trường THPT Nguyễn Du Trần Văn Bình phát biểu.")
    assert found["Trần Văn Bình"].titles == ["Hiệu trưởng Trường THPT Nguyễn Du"]
