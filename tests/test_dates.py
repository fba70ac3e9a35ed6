"""The dates component: dateline and publication date, reference year, roles, robustness."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

import pipeline.extensions  # noqa: F401  (doc._ attributes)
from pipeline.components.dates import DateAnnotator, text_before
from pipeline.resources import load_json

VOCAB = Vocab()


@pytest.fixture(scope="module")
def dates() -> DateAnnotator:
    return DateAnnotator(load_json("date_patterns.json"))


def make_doc(text: str, header: str | None = None, **meta) -> Doc:
    """A Doc over ``text`` (one token is enough: the component reads doc.text and doc._)."""
    doc = Doc(VOCAB, words=[text], spaces=[False])
    span = None
    if header is not None:
        at = text.index(header)
        span = (at, at + len(header))
    doc._.meta = {"title": None, "header": header, "header_span": span, **meta}
    return doc


def run(dates: DateAnnotator, text: str, header: str | None = None, **meta) -> Doc:
    return dates(make_doc(text, header, **meta))


def by_text(doc: Doc) -> dict[str, tuple[str, str]]:
    return {m.text: (m.value, m.role) for m in doc._.dates}


def test_dateline_is_the_publication_date(dates):
    text = ("Triển khai nhiệm vụ chuyển đổi số\n15:57, 26/01/2024\nSáng 26/1, Ban Chỉ đạo tổ chức hội nghị "
            "tổng kết năm 2023. Các đơn vị hoàn thành kế hoạch năm 2024 trước ngày 16/2/2024.")
    doc = run(dates, text, "15:57, 26/01/2024")
    assert doc._.published == "2024-01-26"
    assert "dateline" in doc._.published_reason
    assert (doc._.reference_year, doc._.reference_year_source) == (2024, "published")
    found = by_text(doc)
    assert found["26/01/2024"] == ("2024-01-26", "published")
    assert found["Sáng 26/1"] == ("2024-01-26", "event")
    assert found["ngày 16/2/2024"] == ("2024-02-16", "deadline")
    assert found["năm 2023"] == ("2023", "period")
    assert next(m for m in doc._.dates if m.text == "Sáng 26/1").year_inferred


def test_dateline_before_an_explicit_event_is_rejected(dates):
    text = ("Thứ 5 Ngày 14/5/2020, 10:13:21 AM\n\nNgày 15/6/2022, Ban Chỉ đạo Chuyển đổi số tỉnh họp phiên "
            "thứ 2. Lãnh đạo Sở báo cáo kết quả hoạt động quý II của Ban Chỉ đạo; mục tiêu đến năm 2030.")
    doc = run(dates, text, "Thứ 5 Ngày 14/5/2020, 10:13:21 AM")
    assert doc._.published is None
    assert "2020-05-14" in doc._.published_reason and "2022-06-15" in doc._.published_reason
    assert (doc._.reference_year, doc._.reference_year_source) == (2022, "context")
    found = by_text(doc)
    assert found["Ngày 14/5/2020"] == ("2020-05-14", "reference")  # the header date is still a date
    assert found["Ngày 15/6/2022"] == ("2022-06-15", "event")
    assert found["quý II"] == ("2022-Q2", "period")
    assert found["năm 2030"] == ("2030", "deadline")
    assert "phiên thứ 2" not in found


def test_dateline_before_a_partial_event_is_rejected_but_gives_the_year(dates):
    text = ("Ngày đăng: 03/10/2022\n\nSáng 14/10, Thường trực HĐND tỉnh tổ chức phiên giải trình. "
            "Đến hết tháng 9, tỷ lệ giải ngân mới đạt 31,2%.")
    doc = run(dates, text, "Ngày đăng: 03/10/2022")
    assert doc._.published is None
    assert "2022-10-14" in doc._.published_reason
    assert (doc._.reference_year, doc._.reference_year_source) == (2022, "header")
    assert by_text(doc)["Sáng 14/10"] == ("2022-10-14", "event")
    assert by_text(doc)["tháng 9"][0] == "2022-09"


def test_page_metadata_date(dates):
    doc = run(dates, "Ngày 7/6, Ban chỉ đạo họp đánh giá 6 tháng đầu năm.", published_meta="2023-06-08")
    assert doc._.published == "2023-06-08"
    assert "page metadata" in doc._.published_reason
    assert [(m.value, m.role) for m in doc._.dates] == [("2023-06-08", "published"), ("2023-06-07", "event"),
                                                        ("2023-H1", "period")]
    assert (doc._.dates[0].start_char, doc._.dates[0].end_char) == (0, 0)


def test_no_dateline_year_from_reviewed_and_planned_years(dates):
    text = ("(BĐ) - Sáng 18.2, Ban chỉ đạo họp đánh giá tình hình, kết quả triển khai chuyển đổi số của tỉnh "
            "trong năm 2021. Năm 2021, Ban chỉ đạo đã triển khai nhiều nhiệm vụ. Để triển khai hiệu quả "
            "chuyển đổi số năm 2022, đồng chí đề nghị các sở tập trung.")
    doc = run(dates, text)
    assert doc._.published is None and doc._.published_reason == "no dateline"
    assert (doc._.reference_year, doc._.reference_year_source) == (2022, "context")
    event = next(m for m in doc._.dates if m.text == "Sáng 18.2")
    assert (event.value, event.role, event.year_inferred) == ("2022-02-18", "event", True)


def test_no_dateline_year_from_a_reported_period(dates):
    text = ("(BLC) - Ngày 5/12, Ban Chỉ đạo huyện tổ chức hội nghị sơ kết năm 2022 và triển khai nhiệm vụ "
            "năm 2023. Theo báo cáo, 11 tháng năm 2022, huyện đã ban hành 14 văn bản.")
    doc = run(dates, text)
    assert by_text(doc)["Ngày 5/12"] == ("2022-12-05", "event")
    assert doc._.reference_year == 2022


def test_event_after_the_reviewed_period_moves_to_the_next_year(dates):
    text = "Sáng 26/1, Sở báo cáo: riêng trong tháng 12/2023 hệ thống đã tiếp nhận 21.340 hồ sơ."
    assert by_text(run(dates, text))["Sáng 26/1"][0] == "2024-01-26"


def test_relative_years_need_a_known_year(dates):
    doc = run(dates, "Năm tới, tỉnh phấn đấu tăng trưởng cao hơn năm nay.")
    assert doc._.dates == [] and doc._.reference_year is None
    text = "Thứ Ba, 04/11/2025 | 08:30\nNăm tới, tỉnh phấn đấu tăng trưởng cao hơn năm nay."
    found = by_text(run(dates, text, "Thứ Ba, 04/11/2025 | 08:30"))
    assert found["Năm tới"][0] == "2026" and found["năm nay"][0] == "2025"


def test_turn_of_the_year_and_plans(dates):
    text = ("09:42, 24/01/2024\nTrong tháng 12, toàn tỉnh tiếp nhận 500 hồ sơ. Tỉnh phấn đấu đến tháng 12 "
            "đạt 90%.")
    doc = run(dates, text, "09:42, 24/01/2024")
    assert [(m.value, m.role) for m in doc._.dates][1:] == [("2023-12", "period"), ("2024-12", "deadline")]


def test_roles_comparison_and_as_of(dates):
    text = ("Thứ Ba, 03/10/2023, 07:45\nĐến ngày 30/9, toàn tỉnh giải ngân 60%, tăng 5% so với cùng kỳ năm "
            "2022. Đến ngày 31/12/2023, giải ngân phải đạt 95%.")
    found = by_text(run(dates, text, "Thứ Ba, 03/10/2023, 07:45"))
    assert found["ngày 30/9"] == ("2023-09-30", "reference")  # an "as of" day
    assert found["năm 2022"] == ("2022", "reference")
    assert found["ngày 31/12/2023"] == ("2023-12-31", "deadline")


def test_every_mention_is_kept(dates):
    text = "Năm 2023, tỉnh đạt 10%. Trong năm 2023, tỉnh có 5 xã. Kế hoạch năm 2023 đã xong."
    assert [m.value for m in run(dates, text)._.dates] == ["2023", "2023", "2023"]


def test_not_dates_in_a_document(dates):
    text = ("07/03/2023\nThực hiện Nghị quyết 06/TU và Kế hoạch số 120/KH-UBND ngày 5/4/2023, tỉnh "
            "hoàn thành 7/11 nhiệm vụ, xếp thứ 13/63; lúc 14h30, tỷ lệ đạt 2,93%, mạng 3G/4G phủ 10.5% "
            "diện tích; người từ 15 tuổi; phiên thứ 2.")
    doc = run(dates, text, "07/03/2023")
    assert [m.value for m in doc._.dates] == ["2023-03-07", "2023-04-05"]
    assert doc._.dates[1].role == "reference"


def test_a_future_event_does_not_reject_the_dateline(dates):
    text = ("Thứ Ba, 14/11/2023 - 16:40\n(HPTV) - Sáng 14/11, UBND thành phố tổ chức lễ phát động. "
            "Tháng hành động diễn ra từ ngày 15/11 đến ngày 15/12/2023. Kỳ thi sẽ tổ chức vào ngày 8/12.")
    doc = run(dates, text, "Thứ Ba, 14/11/2023 - 16:40")
    assert doc._.published == "2023-11-14"
    assert by_text(doc)["từ ngày 15/11 đến ngày 15/12/2023"][0] == "2023-11-15/2023-12-15"


def test_text_before_stops_at_the_sentence():
    assert text_before("Năm 2022 xong. Trước ngày ", 26, 40) == " Trước ngày "
    assert text_before("abc\nSáng ", 9, 40) == "Sáng "


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=30)),
       st.one_of(st.none(), st.tuples(st.integers(-5, 500), st.integers(-5, 500)), st.just("bad")),
       st.one_of(st.none(), st.text(max_size=12), st.just("2023-02-30"), st.just(20230101)))
def test_never_raises(text, header, span, published_meta):
    annotator = _ANNOTATOR
    doc = Doc(VOCAB, words=[text or " "], spaces=[False])
    doc._.meta = {"header": header, "header_span": span, "published_meta": published_meta}
    doc = annotator(doc)
    assert isinstance(doc._.dates, list)
    assert doc._.published is None or len(doc._.published) == 10
    for mention in doc._.dates:
        if mention.start_char == mention.end_char == 0:  # the page-metadata date, not in the text
            assert mention.text == str(published_meta)
        else:
            assert doc.text[mention.start_char:mention.end_char] == mention.text


_ANNOTATOR = DateAnnotator(load_json("date_patterns.json"))


def test_pipeline_factory_is_registered():
    from spacy.language import Language

    import pipeline.components.dates  # noqa: F401

    assert Language.has_factory("vnm_dates")


def test_a_planned_lead_day_is_no_event(dates):
    text = "Thứ Hai, 12/06/2023 08:15\nNgày 20/6 tới, tỉnh sẽ tổ chức hội nghị tổng kết."
    doc = run(dates, text, "Thứ Hai, 12/06/2023 08:15")
    assert doc._.published == "2023-06-12"
    assert by_text(doc)["Ngày 20/6"] == ("2023-06-20", "reference")


def test_a_year_reviewed_after_the_dateline_rejects_it(dates):
    text = ("08/01/2023 09:30:00\n\nSáng 6/1, Sở Du lịch tổ chức hội nghị tổng kết công tác năm 2023, triển "
            "khai nhiệm vụ năm 2024. Lễ hội diễn ra từ ngày 24 đến 26/5.")
    doc = run(dates, text, "08/01/2023 09:30:00")
    assert doc._.published is None and "reviews" in doc._.published_reason
    assert (doc._.reference_year, doc._.reference_year_source) == (2024, "context")
    assert by_text(doc)["Sáng 6/1"][0] == "2024-01-06"
    assert by_text(doc)["từ ngày 24 đến 26/5"][0] == "2024-05-24/2024-05-26"


def test_a_dateline_long_after_the_lead_event_is_rejected(dates):
    text = "Thứ Hai, 12/06/2023 08:15\nNgày 12/3/2021, UBND tỉnh tổ chức hội nghị."
    doc = run(dates, text, "Thứ Hai, 12/06/2023 08:15")
    assert doc._.published is None and "long after" in doc._.published_reason
    assert doc._.reference_year == 2021


def test_a_compared_previous_year_is_the_year_before_the_one_reported(dates):
    text = "10/01/2024\nTổng lượt khách năm 2023 đạt gần 7,5 triệu, tăng 57% so với năm trước."
    assert by_text(run(dates, text, "10/01/2024"))["năm trước"][0] == "2022"
    # without a year before it in the sentence, "năm trước" is the year before the article's
    text = "10/01/2024\nNăm nay tỉnh đạt 5%, năm trước đạt 4%."
    assert by_text(run(dates, text, "10/01/2024"))["năm trước"][0] == "2023"
