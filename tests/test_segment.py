import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.segment import UndertheseaTokenizer, align, segmented_text


def make_doc(text: str):
    return UndertheseaTokenizer(spacy.blank("xx").vocab)(text)


def test_doc_text_is_the_input_and_words_are_underthesea_words():
    text = "Tỷ lệ hộ gia đình có cáp quang đạt 76,6%.\n\nChủ tịch UBND tỉnh chủ trì."
    doc = make_doc(text)
    assert doc.text == text
    words = [t.text for t in doc if not t.is_space]
    assert "gia đình" in words and "cáp quang" in words and "Chủ tịch" in words


def test_sentences_never_cross_paragraphs():
    doc = make_doc("Dòng thứ nhất không có dấu chấm\nDòng thứ hai. Câu thứ ba.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Dòng thứ nhất không có dấu chấm", "Dòng thứ hai.", "Câu thứ ba."]


def test_segmented_text_joins_syllables_with_underscores():
    doc = make_doc("Chủ tịch UBND tỉnh Bắc Kạn")
    assert segmented_text(doc) == "Chủ_tịch UBND tỉnh Bắc_Kạn"


def test_align_falls_back_to_syllables_for_rewritten_pieces():
    spans = list(align("Bắc  Kạn nhé", ["Bắc Kạn", "nhé"]))
    assert spans == [(0, 3), (5, 8), (9, 12)]


def test_long_sentences_are_cut_into_chunks():
    tokenizer = UndertheseaTokenizer(spacy.blank("xx").vocab, max_sentence_chars=50)
    text = "một hai ba bốn năm " * 20
    doc = tokenizer(text.strip())
    assert doc.text == text.strip()


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ ,.%/\n0123456789")), max_size=200))
def test_any_text_round_trips(text):
    doc = make_doc(text)
    assert doc.text == text


def test_sentence_spans_match_doc_sents():
    from pipeline.segment import sentence_spans

    text = "Câu một có số 76,6%. Câu hai.\n\nĐoạn mới không chấm\nDòng cuối."
    doc = make_doc(text)
    expected = [(s.start_char, s.start_char + len(s.text.rstrip())) for s in doc.sents]
    assert doc._.sentence_spans == expected
    assert sentence_spans(doc) == expected


def test_cut_sentences_are_reported():
    tokenizer = UndertheseaTokenizer(spacy.blank("xx").vocab, max_sentence_chars=50)
    doc = tokenizer("một hai ba bốn năm " * 20)
    assert doc._.limits_hit and "max_sentence_chars" in doc._.limits_hit[0]
    assert make_doc("Câu ngắn.")._.limits_hit == []

