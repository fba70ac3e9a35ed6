from pipeline.engines.local import Settings, process_article
from pipeline.ingest.base import Article
from pipeline.tables import COLUMNS, TABLES, Tables, gold_record

TEXT = ("Tiêu đề bài\n15:57, 26/01/2024\n\n"
        "Sáng 26/1, Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì hội nghị tổng kết năm 2023 của tỉnh Đắk Lắk. "
        "Tỷ\u00a0lệ hộ gia đình có cáp quang đạt 76,6%.\nThống kê: 323.775\n")


def rows_for(text=TEXT, **kwargs):
    article = Article(doc_id="a1", source="a1.txt", text=text, meta={"format": "txt"}, content_hash="h1")
    return process_article(article, Settings(**kwargs))


def test_every_table_has_its_columns():
    rows = rows_for()
    tables = Tables.from_rows([rows])
    for name in TABLES:
        assert list(getattr(tables, name).columns) == COLUMNS[name]
    assert tables.articles.loc[0, "status"] == "ok"
    assert "323.775" not in tables.articles.loc[0, "text"]


def test_offsets_point_into_the_original_text():
    rows = rows_for()
    for table in ("officials", "dates", "metrics"):
        for row in rows[table]:
            assert 0 <= row["start_char"] < row["end_char"] <= len(TEXT)
            cleaned = rows["articles"][0]["text"]
            assert cleaned[row["clean_start"]:row["clean_end"]].replace(" ", "") == \
                TEXT[row["start_char"]:row["end_char"]].replace("\u00a0", " ").replace(" ", "")


def test_tokens_column_on_request():
    assert rows_for()["articles"][0]["tokens"] is None
    tokens = rows_for(with_tokens=True)["articles"][0]["tokens"]
    assert "Chủ_tịch" in tokens and "gia_đình" in tokens


def test_failed_article_is_one_article_row_and_one_error_row():
    article = Article(doc_id="bad", source="bad.bin", text=None, meta={},
                      error={"stage": "ingest", "type": "binary", "message": "binary file"})
    rows = process_article(article, Settings())
    assert rows["articles"][0]["status"] == "error"
    assert rows["errors"] == [{"doc_id": "bad", "source": "bad.bin", "stage": "ingest", "type": "binary",
                               "message": "binary file"}]
    assert gold_record(rows)["error"]["type"] == "binary"


def test_empty_after_cleaning_is_an_error():
    rows = rows_for("Thống kê: 323.775\nOnline: 32\n")
    assert rows["articles"][0]["status"] == "error"
    assert rows["errors"][0]["type"] == "empty"


def test_gold_record_lists_each_date_value_once():
    rows = rows_for()
    record = gold_record(rows)
    values = [d["value"] for d in record["dates"]]
    assert len(values) == len(set(values))
    assert set(record) >= {"doc_id", "province", "published", "officials", "dates", "metrics"}
