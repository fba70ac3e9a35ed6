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


def _corpus_words(limit: int) -> list[list[str]]:
    from underthesea import sent_tokenize

    from pipeline.wordseg import shared_segmenter

    from .conftest import CORPORA

    out = []
    for path in sorted((CORPORA / "dev").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            out.extend(shared_segmenter()(s) for s in sent_tokenize(line) if s.strip())
    return [w for w in out if w][:limit]


def test_unrolled_features_equal_the_template_builder_on_the_corpus():
    tagger = shared_tagger()
    assert tagger.unrolled, "underthesea changed its POS templates: the unrolled builder is off"
    for words in [*_corpus_words(3000), ["A"], ["A", "b"], ["A", "b", "c"]]:
        assert tagger.features(words) == tagger.generic_features(words)


def test_tags_equal_underthesea_on_corpus_sentences():
    from underthesea import pos_tag as underthesea_pos_tag

    for words in _corpus_words(300):
        sentence = " ".join(words)
        assert pos_tag(sentence) == underthesea_pos_tag(sentence)
