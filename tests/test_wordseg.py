"""The fast word segmenter must equal ``underthesea.word_tokenize`` word for word."""

from hypothesis import given, settings
from hypothesis import strategies as st
from underthesea import sent_tokenize, word_tokenize

from pipeline.wordseg import TEMPLATES, is_title, shared_segmenter

from .conftest import CORPORA


def _corpus_sentences() -> list[str]:
    out = []
    for path in sorted(CORPORA.rglob("*.txt")):
        if "hostile" in path.parts:
            continue
        for line in path.read_text(encoding="utf-8").split("\n"):
            out.extend(sent_tokenize(line) if line.strip() else [])
    return out


def test_the_model_still_has_the_unrolled_templates():
    assert shared_segmenter().dictionary is not None, "underthesea changed its templates: Python features are off"
    assert len(TEMPLATES) == 43


def test_words_equal_underthesea_on_every_corpus_sentence():
    sentences = _corpus_sentences()
    assert len(sentences) > 2000
    segment = shared_segmenter()
    assert [s for s in sentences if segment(s) != word_tokenize(s)] == []


def test_python_features_equal_underthesea_core_features():
    segment = shared_segmenter()
    for sentence in _corpus_sentences()[:400]:
        tokens = segment.tokens(sentence)
        if tokens:
            assert segment.features(tokens) == segment.rust_features.process([[[t] for t in tokens]])[0]


def test_sentences_outside_the_alphabet_use_underthesea_core_features():
    segment = shared_segmenter()
    tokens = segment.tokens("Ζ Σίσυφος đạt 76,6% ｢全角｣")
    assert segment.features(tokens) == segment.rust_features.process([[[t] for t in tokens]])[0]
    assert segment("Ζ Σίσυφος đạt 76,6%") == word_tokenize("Ζ Σίσυφος đạt 76,6%")


def test_istitle_reads_like_underthesea_core():
    assert is_title("UBND") and is_title("76,6") and is_title("%") and is_title("Hà Nội")
    assert not is_title("uBND") and not is_title("Hà nội")


_ALPHABET = list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạòỏõóọùủũúụỳỷỹýỵÐðĐ AUBNDHTQ,.%/:;-–()\"'@&_\n0123456789")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120))
def test_words_equal_underthesea_on_any_text(text):
    assert shared_segmenter()(text) == word_tokenize(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_words_equal_underthesea_on_any_unicode(text):
    assert shared_segmenter()(text) == word_tokenize(text)


def test_a_different_model_falls_back_to_underthesea_core_features(tmp_path):
    from pipeline.wordseg import _dictionary

    assert _dictionary(tmp_path) is None  # no model files there: underthesea_core builds the features
