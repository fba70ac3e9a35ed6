"""The title grammar and what titles mean (titles, meaning, lexicon, runs)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.officials.evidence import Evidence
from pipeline.officials.lexicon import Lexicon, PhraseTable
from pipeline.officials.meaning import describe, same_office, title_key
from pipeline.officials.runs import is_abbreviation, run_end, starts_title
from pipeline.officials.syllables import tokenize
from pipeline.officials.titles import Title, TitleScanner


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def scanner(lex) -> TitleScanner:
    return TitleScanner(lex)


def scan(scanner: TitleScanner, text: str, at: int = 0) -> tuple[Title | None, list]:
    tokens = tokenize(text)
    return scanner.scan(tokens, at, text, Evidence()), tokens


def name_of(title: Title, tokens: list) -> str | None:
    return " ".join(t.text for t in tokens[title.name[0] : title.name[1]]) if title.name else None


def test_phrase_table_longest_match_is_case_insensitive():
    table = PhraseTable()
    table.add("Ban Chỉ đạo", "short")
    table.add("Ban Chỉ đạo về chuyển đổi số", "long")
    tokens = tokenize("ban chỉ đạo về Chuyển đổi số tỉnh")
    assert table.match(tokens, 0) == (7, "long")
    assert table.match(tokenize("Ban Chỉ huy"), 0) is None


@pytest.mark.parametrize("text, title, name", [
    ("Phó Chủ tịch UBND tỉnh Phạm Duy Hưng chủ trì", "Phó Chủ tịch UBND tỉnh", "Phạm Duy Hưng"),
    ("Giám đốc Sở Văn hóa, Thể thao và Du lịch Phạm Thị Mai Sương cho biết",
     "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Phạm Thị Mai Sương"),
    ("Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh, trình bày", "Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh", None),
    ("Phó Giám đốc phụ trách Sở Thông tin và Truyền thông Đậu Thị Kim Oanh bổ sung",
     "Phó Giám đốc phụ trách Sở Thông tin và Truyền thông", "Đậu Thị Kim Oanh"),
    ("Phó Thủ tướng Chính phủ Trần Minh Quang đã có buổi làm việc", "Phó Thủ tướng Chính phủ",
     "Trần Minh Quang"),
    ("Tổ trưởng Tổ công tác triển khai Đề án 06 của tỉnh, cho biết",
     "Tổ trưởng Tổ công tác triển khai Đề án 06 của tỉnh", None),
    ("Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Bắc Giang cho biết",
     "Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Bắc Giang", None),
    ("Chủ tịch UBND tỉnh chủ trì phiên họp", "Chủ tịch UBND tỉnh", None),
    ("Trưởng Ban chỉ đạo về\n\nChuyển đổi số tỉnh phát biểu",
     "Trưởng Ban chỉ đạo về Chuyển đổi số tỉnh", None),
    ("Vụ trưởng Vụ Kết cấu hạ tầng và đô thị Lê Tuấn Phong cho biết",
     "Vụ trưởng Vụ Kết cấu hạ tầng và đô thị", "Lê Tuấn Phong"),
    ("Giám đốc Trung tâm Dịch vụ việc làm tỉnh cho biết", "Giám đốc Trung tâm Dịch vụ việc", None),
])
def test_titles_end_where_the_grammar_says(scanner, text, title, name):
    found, tokens = scan(scanner, text)
    assert found is not None
    assert found.text == title
    assert name_of(found, tokens) == name


@pytest.mark.parametrize("text", [
    "Giám đốc một doanh nghiệp tư nhân chế biến thủy sản",
    "Giám đốc Công ty TNHH Minh Phát",
    "tốc độ tăng trưởng kinh tế",
    "Thủ trưởng các sở, ngành",
    "trưởng đoàn đã kiểm tra",
    "đại biểu dự hội nghị",
])
def test_not_titles(scanner, text):
    tokens = tokenize(text)
    assert all(scanner.scan(tokens, i, text, Evidence()) is None for i in range(len(tokens)))


def test_meaning_of_titles(scanner, lex):
    cases = {
        "Phó Chủ tịch Thường trực UBND tỉnh Quảng Ngãi Trần Hoàng Tuấn": (
            "Phó Chủ tịch Thường trực UBND tỉnh", "UBND tỉnh Quảng Ngãi", "province", "Quảng Ngãi"),
        "Chủ tịch Ủy ban nhân dân huyện A Lưới Kăn Thị Yên": (
            "Chủ tịch UBND huyện", "Ủy ban nhân dân huyện A Lưới", "district", None),
        "Bí thư Huyện ủy Bát Xát Tẩn Láo Lở": ("Bí thư Huyện ủy", "Huyện ủy Bát Xát", "district", None),
        "Bộ trưởng Bộ Thông tin và Truyền thông Trương Hải Phong": (
            "Bộ trưởng Bộ Thông tin và Truyền thông", "Bộ Thông tin và Truyền thông", "national", None),
        "Tỉnh ủy viên Phan Đình Khôi": ("Tỉnh ủy viên", "Tỉnh ủy", "province", None),
    }
    for text, expected in cases.items():
        found, tokens = scan(scanner, text)
        meaning = describe(found, tokens, lex)
        assert (meaning.canonical, meaning.organization, meaning.level, meaning.province) == expected, text


def test_same_office_compares_like_the_gold(lex):
    def key(text: str) -> tuple[str, ...]:
        return title_key(text, lex)

    assert same_office(key("Trưởng Ban chỉ đạo"), key("Trưởng Ban chỉ đạo về Chuyển đổi số tỉnh"))
    assert same_office(key("Chủ tịch UBND tỉnh"), key("Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn"))
    assert same_office(key("giám đốc sở"), key("Giám đốc Sở Thông tin và Truyền thông"))
    assert not same_office(key("Phó Chủ tịch UBND tỉnh"), key("Chủ tịch UBND tỉnh"))
    assert not same_office(key("Tỉnh ủy viên"), key("Ủy viên Ban Thường vụ Tỉnh ủy"))
    assert not same_office((), key("Chủ tịch"))


def test_runs_stop_before_titles_and_honorifics(lex):
    text = "Nguyễn Văn An Chủ tịch UBND tỉnh"
    tokens = tokenize(text)
    assert run_end(tokens, 0, text, lex) == 3
    assert starts_title(tokens, 3, text, lex)
    assert is_abbreviation(tokens[5]) and not is_abbreviation(tokens[0])


_PIECES = ["Phó", "Chủ tịch", "UBND", "tỉnh", "huyện", "Sở", "Nội vụ", "Nguyễn", "Văn", "Tám", ",", "-", "và",
           "các", "Ban", "Chỉ đạo", "về", "\n", "chủ trì", "Y", "Tý"]


@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_scanner_titles_are_substrings_and_names_follow_them(words):
    lex = Lexicon.load()
    scanner = TitleScanner(lex)
    text = " ".join(words)
    tokens = tokenize(text)
    for i in range(len(tokens)):
        title = scanner.scan(tokens, i, text, Evidence())
        if title is None:
            continue
        assert title.start == i < title.end <= len(tokens)
        assert " ".join(text[title.start_char : title.end_char].split()) == title.text
        if title.name is not None:
            assert title.name[0] == title.end and title.name[1] > title.name[0]
