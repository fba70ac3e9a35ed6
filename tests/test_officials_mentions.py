"""Mentions, zones, roles and merging into people (mentions, zones, roles, people)."""

from __future__ import annotations

import pytest

from pipeline.officials.evidence import collect
from pipeline.officials.lexicon import Lexicon
from pipeline.officials.mentions import MentionFinder
from pipeline.officials.people import build_officials
from pipeline.officials.roles import mention_roles
from pipeline.officials.syllables import tokenize
from pipeline.officials.zones import zones


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def finder(lex) -> MentionFinder:
    return MentionFinder(lex)


def mentions_of(finder, lex, text, title=None):
    tokens = tokenize(text)
    evidence = collect(tokens, text, lex)
    return finder.find(tokens, text, evidence, zones(text, title)), tokens


def test_zones_headline_body_tail_and_caps():
    text = ("Chủ tịch UBND tỉnh kiểm tra dự án\n"
            "Ngày 5/6, đoàn công tác của tỉnh đã kiểm tra tiến độ dự án tại huyện Bát Xát.\n"
            "TIN VÀ ẢNH: PHÓNG VIÊN THƯỜNG TRÚ\n"
            "- Phó Chủ tịch UBND tỉnh Hầu Minh Lợi kiểm tra vùng lõm sóng")
    layout = zones(text, "Chủ tịch UBND tỉnh kiểm tra dự án")
    assert layout.at(0) == "headline"
    assert layout.at(text.index("Ngày")) == "body"
    assert layout.at(text.index("TIN")) == "caps"
    assert layout.at(text.index("Hầu")) == "tail"
    assert zones("", None).at(0) == "body"


def test_mention_kinds_and_chains(finder, lex):
    text = ("Đồng chí Phạm Thị Thu Hiền, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh; "
            "Đỗ Mạnh Quân, Phó Chủ tịch UBND tỉnh. Bí thư Huyện ủy Bát Xát Tẩn Láo Lở, Chủ tịch UBND huyện "
            "Lý Seo Dìn cùng dự. Ông Dìn phát biểu.")
    found, _ = mentions_of(finder, lex, text)
    by_name = {" ".join(m.words): m for m in found}
    assert by_name["Phạm Thị Thu Hiền"].kind == "honorific"
    assert [t.text for t in by_name["Phạm Thị Thu Hiền"].titles] == [
        "Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực UBND tỉnh"]
    assert by_name["Đỗ Mạnh Quân"].kind == "bare"
    assert [t.text for t in by_name["Tẩn Láo Lở"].titles] == ["Bí thư Huyện ủy Bát Xát"]
    assert [t.text for t in by_name["Lý Seo Dìn"].titles] == ["Chủ tịch UBND huyện"]
    assert by_name["Dìn"].titles == []


def test_a_title_named_by_reference_is_not_chained(finder, lex):
    text = ("Dịp này, thừa ủy quyền của Chủ tịch UBND thành phố, "
            "Phó Chủ tịch UBND thành phố Nguyễn Đức Phong trao Bằng khen cho các tập thể.")
    found, _ = mentions_of(finder, lex, text)
    assert [t.text for t in found[0].titles] == ["Phó Chủ tịch UBND thành phố"]


def test_roles_after_and_before_the_mention(finder, lex):
    text = ("Dự hội nghị có đồng chí Phạm Duy Hưng - Tỉnh ủy viên - Phó Chủ tịch UBND tỉnh. "
            "Phát biểu kết luận, Chủ tịch UBND tỉnh Nguyễn Đăng Bình nhấn mạnh nhiều nội dung. "
            "Giám đốc Sở Thông tin và Truyền thông Trịnh Minh Châu báo cáo kết quả. "
            "Bí thư Tỉnh ủy Lê Đức Thọ, Chủ tịch UBND tỉnh Trần Ngọc Tam và "
            "Phó Chủ tịch UBND tỉnh Nguyễn Thị Bé Mười chủ trì cuộc họp.")
    found, tokens = mentions_of(finder, lex, text)
    roles = mention_roles(found, tokens, text, lex)
    by_name = {" ".join(m.words): roles.get(i) for i, m in enumerate(found)}
    assert by_name == {
        "Phạm Duy Hưng": "dự", "Nguyễn Đăng Bình": "kết luận", "Trịnh Minh Châu": "báo cáo",
        "Lê Đức Thọ": "chủ trì", "Trần Ngọc Tam": "chủ trì", "Nguyễn Thị Bé Mười": "chủ trì",
    }


def test_people_merge_resolve_and_order(finder, lex):
    text = ("Ông Mùa A Vảng chia sẻ cách làm của huyện. Chủ tịch UBND tỉnh Lường Văn Đôi chủ trì. "
            "Đồng chí biểu dương Chủ tịch UBND huyện Tủa Chùa Mùa A Vảng. Ông Vảng cảm ơn. Anh Lò Văn Chư "
            "chia sẻ. Lường Văn Đôi cũng đề nghị các ngành vào cuộc.")
    found, tokens = mentions_of(finder, lex, text)
    officials = build_officials(found, tokens, text, lex, "Điện Biên", None)
    assert [o.name for o in officials] == ["Mùa A Vảng", "Lường Văn Đôi"]
    vang, doi = officials
    assert vang.start_char == text.index("Mùa A Vảng")
    assert vang.titles == ["Chủ tịch UBND huyện Tủa Chùa"]
    assert len(vang.mentions) == 3
    assert len(doi.mentions) == 2  # the bare repetition counts
    assert doi.province == vang.province == "Điện Biên"


def test_bylines_and_historical_figures_are_never_officials(finder, lex):
    text = "Chủ tịch Hồ Chí Minh luôn căn dặn. Ông Thu Hà, Giám đốc Sở Nội vụ cho biết."
    found, tokens = mentions_of(finder, lex, text)
    assert build_officials(found, tokens, text, lex, None, "THU HÀ") == []
