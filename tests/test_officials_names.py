"""Names, places and the evidence that splits a run of capitals (names, places, evidence)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.officials.evidence import Evidence, collect
from pipeline.officials.lexicon import Lexicon, Unit
from pipeline.officials.names import is_name_like, name_score, split_run, surname_length
from pipeline.officials.places import gazetteer
from pipeline.officials.syllables import tokenize


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def keys(text: str) -> list[str]:
    return [t.key for t in tokenize(text)]


def test_gazetteer_levels():
    places = gazetteer()
    assert places.has("bắc kạn", "province") and not places.has("mèo vạc", "province")
    assert places.has("mèo vạc", "district") and places.has("y tý", "commune")
    assert places.provinces["bắc kạn"] == "Bắc Kạn"


def test_one_syllable_places_do_not_eat_family_names(lex):
    assert not lex.is_place("hồ") and not lex.is_place("phan")
    assert lex.is_place("huế")  # listed in models/names.json


def test_surnames_are_a_signal_not_a_gate(lex):
    assert surname_length(keys("Nguyễn Văn A"), lex) == 1
    assert surname_length(keys("Rơ Mah Khuyên"), lex) == 2
    assert surname_length(keys("H'Năng Mlô"), lex) == 1
    assert surname_length(keys("Pờ Ma Chải"), lex) == 1 or surname_length(keys("Bát Xát"), lex) == 0
    # a name without a listed family name still passes when nothing speaks against it
    assert name_score(keys("Liêng Jrang Ha Thơi"), lex, Evidence()) > -1.5


def test_place_like_runs_are_not_names(lex):
    assert not is_name_like(keys("Châu Bình"), lex, Evidence(places={"châu bình"}))
    assert not is_name_like(keys("Đắk Long"), lex, Evidence())
    assert not is_name_like(keys("Hồ Chí Minh"), lex, Evidence())
    assert is_name_like(keys("Trần Ngọc Tam"), lex, Evidence())


@pytest.mark.parametrize("run, unit, place, name", [
    ("Mèo Vạc Thào Mí Páo", "huyện", 2, 3),
    ("Sì Lở Lầu Tẩn A Pao", "xã", 3, 3),
    ("Trần Văn Thời Lâm Văn Bé", "huyện", 3, 3),
    ("Nguyễn Đăng Bình", "tỉnh", 0, 3),
    ("Hồ Văn Bốn", "tỉnh", 0, 3),
    ("Lai Châu", "tỉnh", 2, 0),
    ("Lao Chải", "thôn", 2, 0),
    ("Pờ Ma Chải", "bản", 3, 0),
])
def test_split_after_a_unit(lex, run, unit, place, name):
    unit_info = lex.units.entries[tuple(keys(unit))]
    assert isinstance(unit_info, Unit)
    split = split_run(tokenize(run), lex, Evidence(), unit_info)
    assert (split.place, split.name) == (place, name)


def test_evidence_from_the_article_decides_a_split(lex):
    run = tokenize("Tuy Đức Điểu Klưm")
    evidence = Evidence(full_names={"điểu klưm"})
    unit = lex.units.entries[("huyện",)]
    assert (split_run(run, lex, evidence, unit).place, split_run(run, lex, evidence, unit).name) == (2, 2)


def test_collect_reads_honorific_names_and_locative_places(lex):
    text = ("Tại hội nghị, ông Mùa A Vảng chia sẻ. Ông Páo cho biết. Công an huyện Tủa Chùa và xã Sính Phình "
            "được khen. Chủ tịch UBND huyện Mèo Vạc Thào Mí Páo dự. Ban Dân tộc tỉnh Thạch Sà Rây.")
    evidence = collect(tokenize(text), text, lex)
    assert "mùa a vảng" in evidence.full_names
    assert "páo" in evidence.short_refs
    assert "sính phình" in evidence.places
    assert "mèo vạc thào mí páo" not in evidence.places  # after "UBND huyện": a title, not a place
    assert "thạch sà rây" not in evidence.places


@given(st.lists(st.sampled_from(["Nguyễn", "Văn", "Bát", "Xát", "Lò", "Thị", "Mai", "Y", "Tý", "Đắk"]),
                min_size=1, max_size=8))
def test_split_is_always_a_valid_cut(words):
    lex = Lexicon.load()
    split = split_run(tokenize(" ".join(words)), lex, Evidence(), lex.units.entries[("xã",)])
    assert split.place + split.name == len(words)
    assert split.name == 0 or lex.min_name <= split.name <= lex.max_name or split.name == len(words) == 1
