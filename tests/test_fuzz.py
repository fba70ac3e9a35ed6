"""Arbitrary text through the whole pipeline: nothing escapes, every offset stays inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.engines.local import Settings, process_article
from pipeline.ingest.base import Article

# Vietnamese press material the extractors react to, mixed with arbitrary characters.
FRAGMENTS = ["Chủ tịch UBND tỉnh ", "Nguyễn Văn An", " - ", "Phó Bí thư Tỉnh ủy", ", ", "ông ", "đạt ",
             "76,6%", "1.250 tỷ đồng", "7/11", "xếp thứ 13/63", "trên ", "gần ", "từ ", "ngày 15/6/2022",
             "quý II năm 2022", "Sáng 18.2", "giai đoạn 2021 - 2025", "tháng 4", "\n", "\n\n", ". ", "(", ")",
             "%", "/", "Thống kê: 323.775", "Ảnh: HỒNG HÀ", "tỷ lệ hộ gia đình có cáp quang", "100% hồ sơ",
             "Tin liên quan", "9 tháng đầu năm", "năm nay", "\u200b", "\u0301", "Đ/c ", "–", "3G/4G"]
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map("".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_no_exception_escapes_and_offsets_stay_in_the_text(text):
    article = Article(doc_id="fuzz", source="<fuzz>", text=text, meta={"format": "text"})
    rows = process_article(article, Settings())
    article_row = rows["articles"][0]
    assert article_row["status"] in ("ok", "error")
    if article_row["status"] == "error":
        # an empty text is the only reason an arbitrary string may be refused
        assert rows["errors"][0]["type"] == "empty", rows["errors"]
        return
    cleaned = article_row["text"]
    for table in ("officials", "dates", "metrics"):
        for row in rows[table]:
            assert 0 <= row["start_char"] <= row["end_char"] <= len(text)
            assert 0 <= row["clean_start"] <= row["clean_end"] <= len(cleaned)
