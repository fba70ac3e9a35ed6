"""pipeline.pos: the one-pass feature builder gives underthesea's own tags."""

from __future__ import annotations

import pytest

from pipeline.pos import pos_tag, shared_tagger

SENTENCES = [
    "Tỷ lệ hộ gia đình có cáp quang đạt 76,6%.",
    "Chỉ số SIPAS năm 2020, Nghệ An đạt 87,92%, xếp thứ 33/63, tăng 14 bậc.",
    "UBND tỉnh Bắc Kạn tổ chức 14 lớp tập huấn cho gần 900 lượt hộ sản xuất.",
    "Đến nay, 100% cơ sở khám, chữa bệnh (31/31 cơ sở) đã triển khai bệnh án điện tử.",
    "A",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tags_equal_underthesea(sentence):
    underthesea = pytest.importorskip("underthesea")
    assert pos_tag(sentence) == underthesea.pos_tag(sentence)


def test_empty_input_has_no_tags():
    assert shared_tagger().tag([]) == []
    assert shared_tagger().features([]) == []
