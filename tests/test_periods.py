"""The date/period grammar: every supported form, the negatives, and the governing-period helpers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.periods import (
    PeriodGrammar,
    Reference,
    deadline_for,
    expand_macros,
    extract,
    governing_period,
    parse_explicit_day,
    place_partial,
)
from pipeline.records import DateMention

GRAMMAR = PeriodGrammar.from_resource()
REF = Reference.of(dt.date(2023, 6, 8))
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def values(text: str, ref: Reference = REF, hint: str | None = None) -> list[str]:
    if hint is None:
        return [m.value for m in extract(text, ref, GRAMMAR)]
    from pipeline.periods import Normaliser

    normaliser = Normaliser(GRAMMAR)
    return [m.value for raw in GRAMMAR.find(text) for m in normaliser.normalise(raw, ref, hint)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ngày 15/6/2022, Ban Chỉ đạo họp", ["2022-06-15"]),
    ("07/03/2023", ["2023-03-07"]),
    ("Ngày 7-6-2023, Ban chỉ đạo họp", ["2023-06-07"]),
    ("Sáng 18.2.2022, tỉnh họp", ["2022-02-18"]),
    ("Ngày 16 tháng 2 năm 2024, Ban Chỉ đạo", ["2024-02-16"]),
    ("Sáng 18.2, Ban chỉ đạo họp", ["2023-02-18"]),
    ("sáng 26/1, hội nghị", ["2023-01-26"]),
    ("Chiều 27-9, hội nghị", ["2023-09-27"]),
    ("Thứ Hai (5/6), tỉnh họp", ["2023-06-05"]),
    ("ngày 16 tháng 2, tỉnh", ["2023-02-16"]),
    ("Đến ngày 30/6, toàn tỉnh giải ngân", ["2023-06-30"]),
    ("Đến 30/6, toàn tỉnh giải ngân", ["2023-06-30"]),
    ("tổ chức vào ngày 8/6 và 9/6", ["2023-06-08", "2023-06-09"]),
    ("ban hành trong tháng 4", ["2023-04"]),
    ("riêng trong tháng 12/2023 hệ thống", ["2023-12"]),
    ("tháng 7 năm 2022", ["2022-07"]),
    ("Báo cáo quý II năm 2022 của Ban", ["2022-Q2"]),
    ("quý III/2023", ["2023-Q3"]),
    ("quý 4/2023", ["2023-Q4"]),
    ("nhiệm vụ quý IV", ["2023-Q4"]),
    ("6 tháng đầu năm 2023", ["2023-H1"]),
    ("6 tháng cuối năm", ["2023-H2"]),
    ("6 tháng còn lại của năm 2023", ["2023-H2"]),
    ("6 tháng còn lại", ["2023-H2"]),
    ("nửa đầu năm 2024", ["2024-H1"]),
    ("9 tháng năm 2023", ["2023-01-01/2023-09-30"]),
    ("9 tháng đầu năm 2024", ["2024-01-01/2024-09-30"]),
    ("10 tháng năm 2025", ["2025-01-01/2025-10-31"]),
    ("2 tháng đầu năm 2024", ["2024-01-01/2024-02-29"]),
    ("3 tháng cuối năm 2023", ["2023-10-01/2023-12-31"]),
    ("9 tháng đầu năm", ["2023-01-01/2023-09-30"]),
    ("chín tháng năm 2023", ["2023-01-01/2023-09-30"]),
    ("năm 2023", ["2023"]),
    ("Năm 2023, tỉnh", ["2023"]),
    ("năm 2022 và 2023", ["2022", "2023"]),
    ("các năm 2021, 2022 và 2023", ["2021", "2022", "2023"]),
    ("năm nay", ["2023"]),
    ("năm trước", ["2022"]),
    ("năm ngoái", ["2022"]),
    ("năm tới", ["2024"]),
    ("năm sau", ["2024"]),
    ("cuối năm nay", ["2023"]),
    ("giai đoạn 2022-2025", ["2022/2025"]),
    ("2021 - 2025", ["2021/2025"]),
    ("nhiệm kỳ 2021 – 2026", ["2021/2026"]),
    ("từ năm 2021 đến năm 2025", ["2021/2025"]),
    ("giai đoạn 2021 - 4/2025", ["2021-01-01/2025-04-30"]),
    ("giai đoạn 2021 - 6/2024", ["2021-01-01/2024-06-30"]),
    ("đến năm 2030", ["2030"]),
    ("cuối năm 2021", ["2021"]),
    ("đầu năm 2022", ["2022"]),
    ("trước ngày 16/2/2024", ["2024-02-16"]),
    ("từ ngày 1/3 đến ngày 15/3/2024", ["2024-03-01/2024-03-15"]),
    ("từ ngày 12 đến hết ngày 14/12", ["2023-12-12/2023-12-14"]),
    ("từ ngày 15/11 đến ngày 15/12/2023", ["2023-11-15/2023-12-15"]),
    ("từ ngày 20/12/2023 đến ngày 10/1/2024", ["2023-12-20/2024-01-10"]),
    ("từ đầu năm đến ngày 29/2/2024", ["2024-01-01/2024-02-29"]),
    ("năm dữ liệu số quốc gia 2023.", ["2023"]),
    ("Năm Du lịch quốc gia 2024 - Điện Biên", ["2024"]),
    ("Trong 2 ngày 12 và 13/12, HĐND tỉnh họp", ["2023-12-12", "2023-12-13"]),
    ("Sáng ngày 5, 6/10/2022", ["2022-10-05", "2022-10-06"]),
    ("ngày 28 - 29/9", ["2023-09-28/2023-09-29"]),
    ("phân bổ vốn ngay trong quý đầu năm", ["2023-Q1"]),
    ("quý cuối năm 2022", ["2022-Q4"]),
    ("vụ Đông Xuân 2022 - 2023", ["2022/2023"]),
    ("ngày 10.10, tỉnh", ["2023-10-10"]),
    ("Sáng 10.10, tỉnh", ["2023-10-10"]),
])
def test_forms(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "Nghị quyết 06/TU của Tỉnh ủy",
    "Nghị quyết số 06-NQ/TU",
    "Quyết định số 685/QĐ-UBND",
    "Nghị định 42/2022/NĐ-CP",
    "Kế hoạch số 2024/KH-UBND",
    "hoàn thành 7/11 nhiệm vụ",
    "xếp thứ 13/63",
    "đạt 12/12 huyện",
    "từ 7/11 nhiệm vụ",
    "lúc 14h30",
    "10:13:21 AM",
    "phiên thứ 2",
    "từ 15 tuổi trở lên",
    "tăng 2,93%",
    "đạt 10.5%",
    "mạng 3G/4G",
    "đạt 10.10 điểm",
    "những năm qua",
    "thời gian tới",
    "những năm trước",
    "trong 5 năm tới",
    "năm trước đó",
    "Sơ kết 6 tháng thực hiện Đề án",
    "trong 8 tháng, hệ thống",
    "mỗi tháng 2 lần",
    "có 2023 hồ sơ",
    "ngày 31/2/2023",
    "quý V/2023",
    "tháng 13/2023",
    "giai đoạn 2025-2021",
])
def test_not_dates(text):
    assert values(text) == []


def test_document_number_keeps_only_its_date():
    assert values("Kế hoạch số 120/KH-UBND ngày 5/4/2023 của UBND tỉnh") == ["2023-04-05"]


def test_offsets_and_surface():
    text = "Theo báo cáo, quý II năm 2022 và năm 2022 và 2023 đều tốt."
    for mention in extract(text, REF, GRAMMAR):
        assert text[mention.start_char:mention.end_char] == mention.text
    assert [m.text for m in extract(text, REF, GRAMMAR)] == ["quý II năm 2022", "năm 2022", "2023"]


def test_granularity_and_bounds():
    (q,) = extract("quý II năm 2022", REF, GRAMMAR)
    assert (q.granularity, q.start, q.end, q.year_inferred) == ("quarter", "2022-04-01", "2022-06-30", False)
    (h,) = extract("6 tháng cuối năm", REF, GRAMMAR)
    assert (h.granularity, h.start, h.end, h.year_inferred) == ("half", "2023-07-01", "2023-12-31", True)
    (s,) = extract("giai đoạn 2022-2025", REF, GRAMMAR)
    assert (s.granularity, s.start, s.end) == ("year_span", "2022-01-01", "2025-12-31")


def test_partial_dates_need_a_year():
    nothing = Reference()
    assert values("Sáng 7/3, tháng 4, quý IV, năm nay, 6 tháng đầu năm", nothing) == []
    assert values("Sáng 7/3, năm 2023", nothing) == ["2023"]
    assert values("Sáng 7/3", Reference(2022)) == ["2022-03-07"]


def test_turn_of_the_year():
    january = Reference.of(dt.date(2024, 1, 26))
    assert values("trong tháng 12", january) == ["2023-12"]
    assert values("Sáng 28/12, tỉnh", january) == ["2023-12-28"]
    assert values("tháng 12", january, hint="future") == ["2024-12"]
    december = Reference.of(dt.date(2023, 12, 13))
    assert values("trước ngày 31/1", december, hint="future") == ["2024-01-31"]
    assert values("ngày 31/1", december) == ["2023-01-31"]
    assert place_partial(9, 30, Reference.of(dt.date(2023, 7, 5))) == 2023
    assert place_partial(2, 29, Reference(2023)) == 2023  # the day itself is checked later


def test_dateparser_reads_explicit_days():
    assert parse_explicit_day("15/6/2022") == dt.date(2022, 6, 15)
    assert parse_explicit_day("16 tháng 2 năm 2024") == dt.date(2024, 2, 16)
    assert parse_explicit_day("31/2/2023") is None


def test_macros_leave_unicode_classes_alone():
    assert expand_macros(r"\p{L}{A}{Z}", {"A": "x{B}", "B": "y"}) == r"\p{L}xy{Z}"


# --------------------------------------------------------------------------------------------
# governing_period / deadline_for


def mention(value: str, start: int, end: int, role: str = "period", granularity: str = "year") -> DateMention:
    return DateMention(value, value, start, end, granularity, value, value, role)


def test_governing_period_prefers_the_period_before_in_the_sentence():
    dates = [mention("2021", 0, 8), mention("2022", 20, 28), mention("2023", 60, 68),
             mention("2022-06-15", 10, 19, role="event", granularity="day")]
    assert governing_period(dates, 40, 45, (15, 80), (0, 100)).value == "2022"


def test_governing_period_after_then_paragraph_then_none():
    dates = [mention("2021", 0, 8), mention("2023", 60, 68)]
    assert governing_period(dates, 40, 45, (30, 80), (0, 100)).value == "2023"
    assert governing_period(dates, 40, 45, (30, 50), (0, 100)).value == "2021"
    assert governing_period(dates, 40, 45, (30, 50), None) is None
    assert governing_period(dates, 40, 45, (30, 50), (30, 55)) is None
    assert governing_period([], 0, 1, (0, 5)) is None
    assert governing_period(None, 0, 1, (0, 5)) is None


def test_governing_period_ignores_comparisons_and_deadlines():
    dates = [mention("2022", 50, 58, role="reference"), mention("2030", 0, 8, role="deadline")]
    assert governing_period(dates, 40, 45, (0, 80), (0, 80)) is None


def test_deadline_for():
    dates = [mention("2025", 70, 78, role="deadline"), mention("2030", 30, 38, role="deadline"),
             mention("2023", 10, 18)]
    assert deadline_for(dates, (0, 100)).value == "2030"
    assert deadline_for(dates, (0, 20)) is None
    assert deadline_for(None, (0, 20)) is None


# --------------------------------------------------------------------------------------------
# property tests: every form with random valid values

PREFIX = st.sampled_from(["", "Theo báo cáo, ", "Tỉnh cho biết: ", "(BĐ) - "])
SUFFIX = st.sampled_from(["", ", toàn tỉnh đạt kết quả tốt.", ". Hội nghị kết thúc", "; đồng thời"])
YEARS = st.integers(min_value=1950, max_value=2060)


def roundtrip(expr: str, prefix: str, suffix: str, ref: Reference = REF, hint: str | None = None,
              ) -> list[str]:
    return values(f"{prefix}{expr}{suffix}", ref, hint)


@settings(max_examples=150)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)), st.sampled_from("/-."), st.booleans(),
       st.sampled_from(["", "ngày ", "Ngày ", "Sáng ", "chiều "]), PREFIX, SUFFIX)
def test_property_explicit_days(day, sep, padded, cue, prefix, suffix):
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if padded else (str(day.day), str(day.month))
    assert roundtrip(f"{cue}{d}{sep}{m}{sep}{day.year}", prefix, suffix) == [day.isoformat()]


@settings(max_examples=100)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)), PREFIX, SUFFIX)
def test_property_day_in_words(day, prefix, suffix):
    assert roundtrip(f"ngày {day.day} tháng {day.month} năm {day.year}", prefix, suffix) == [day.isoformat()]


@settings(max_examples=150)
@given(st.dates(dt.date(1951, 1, 1), dt.date(2089, 12, 31)), st.integers(0, 120),
       st.sampled_from(["Sáng ", "Chiều ", "Tối ", "Ngày ", "ngày "]), st.sampled_from("/-."), SUFFIX)
def test_property_partial_event_days(day, days_before_ref, cue, sep, suffix):
    ref = Reference.of(day + dt.timedelta(days=days_before_ref))
    assert roundtrip(f"{cue}{day.day}{sep}{day.month}", "", suffix, ref) == [day.isoformat()]


@settings(max_examples=100)
@given(st.dates(dt.date(1951, 1, 1), dt.date(2089, 12, 31)), st.integers(0, 120), SUFFIX)
def test_property_partial_deadline_days(day, days_after_ref, suffix):
    ref = Reference.of(day - dt.timedelta(days=days_after_ref))
    assert roundtrip(f"trước ngày {day.day}/{day.month}", "", suffix, ref, "future") == [day.isoformat()]


@settings(max_examples=100)
@given(st.integers(1, 12), YEARS, st.sampled_from(["{m}/{y}", "{m} năm {y}", "{m}-{y}", "{m}, năm {y}"]),
       PREFIX, SUFFIX)
def test_property_months(month, year, form, prefix, suffix):
    expr = "tháng " + form.format(m=month, y=year)
    assert roundtrip(expr, prefix, suffix) == [f"{year}-{month:02d}"]


@settings(max_examples=100)
@given(st.integers(1, 12), st.dates(dt.date(1951, 1, 1), dt.date(2089, 12, 31)), SUFFIX)
def test_property_partial_months(month, ref_day, suffix):
    ref = Reference.of(ref_day)
    delta = (dt.date(ref_day.year, month, 1) - ref_day).days
    year = ref_day.year - 1 if delta > 240 else ref_day.year + 1 if delta < -330 else ref_day.year
    assert roundtrip(f"trong tháng {month}", "", suffix, ref) == [f"{year}-{month:02d}"]


@settings(max_examples=100)
@given(st.integers(1, 4), YEARS, st.booleans(), st.sampled_from(["/{y}", " năm {y}", " - {y}", ""]), PREFIX,
       SUFFIX)
def test_property_quarters(quarter, year, roman, tail, prefix, suffix):
    expr = f"quý {ROMAN[quarter] if roman else quarter}{tail.format(y=year)}"
    expected_year = year if tail else REF.year
    assert roundtrip(expr, prefix, suffix) == [f"{expected_year}-Q{quarter}"]


@settings(max_examples=100)
@given(st.sampled_from([("6 tháng đầu năm", 1), ("6 tháng cuối năm", 2), ("6 tháng còn lại của năm", 2),
                        ("nửa đầu năm", 1), ("nửa cuối năm", 2), ("sáu tháng đầu năm", 1)]),
       st.one_of(st.none(), YEARS), PREFIX, SUFFIX)
def test_property_halves(form, year, prefix, suffix):
    words, half = form
    expr = f"{words} {year}" if year else words
    assert roundtrip(expr, prefix, suffix) == [f"{year or REF.year}-H{half}"]


@settings(max_examples=100)
@given(st.integers(1, 12).filter(lambda n: n != 6), YEARS, st.sampled_from(["", "đầu "]), PREFIX, SUFFIX)
def test_property_n_months(n, year, head, prefix, suffix):
    last = dt.date(year + (n == 12), n % 12 + 1, 1) - dt.timedelta(days=1)
    assert roundtrip(f"{n} tháng {head}năm {year}", prefix, suffix) == [f"{year}-01-01/{last.isoformat()}"]


@settings(max_examples=100)
@given(YEARS, st.sampled_from(["năm {y}", "cuối năm {y}", "đầu năm {y}", "đến năm {y}", "Năm {y}"]),
       PREFIX, SUFFIX)
def test_property_years(year, form, prefix, suffix):
    assert roundtrip(form.format(y=year), prefix, suffix) == [str(year)]


@settings(max_examples=100)
@given(st.lists(YEARS, min_size=2, max_size=5, unique=True), PREFIX, SUFFIX)
def test_property_year_lists(years, prefix, suffix):
    expr = "năm " + ", ".join(map(str, years[:-1])) + f" và {years[-1]}"
    assert roundtrip(expr, prefix, suffix) == [str(y) for y in years]


@settings(max_examples=100)
@given(YEARS, st.integers(1, 30), st.sampled_from(["giai đoạn {a}-{b}", "giai đoạn {a} - {b}", "{a} – {b}",
                                                  "nhiệm kỳ {a} - {b}", "từ năm {a} đến năm {b}"]),
       PREFIX, SUFFIX)
def test_property_year_spans(first, length, form, prefix, suffix):
    last = first + length
    assert roundtrip(form.format(a=first, b=last), prefix, suffix) == [f"{first}/{last}"]


@settings(max_examples=100)
@given(YEARS, st.integers(1, 10), st.integers(1, 12), PREFIX, SUFFIX)
def test_property_year_to_month_spans(first, length, month, prefix, suffix):
    last_year = first + length
    end = dt.date(last_year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    expr = f"giai đoạn {first} - {month}/{last_year}"
    assert roundtrip(expr, prefix, suffix) == [f"{first}-01-01/{end.isoformat()}"]


@settings(max_examples=150)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 11, 30)), st.integers(1, 60), PREFIX, SUFFIX)
def test_property_day_spans(first, length, prefix, suffix):
    last = first + dt.timedelta(days=length)
    expr = f"từ ngày {first.day}/{first.month} đến ngày {last.day}/{last.month}/{last.year}"
    assert roundtrip(expr, prefix, suffix) == [f"{first.isoformat()}/{last.isoformat()}"]


@settings(max_examples=60)
@given(st.dates(dt.date(1951, 1, 1), dt.date(2089, 12, 31)),
       st.sampled_from([("năm nay", 0), ("năm trước", -1), ("năm ngoái", -1), ("năm tới", 1),
                        ("năm sau", 1)]),
       SUFFIX)
def test_property_relative_years(ref_day, form, suffix):
    words, offset = form
    assert roundtrip(f"trong {words}", "", suffix, Reference.of(ref_day)) == [str(ref_day.year + offset)]


DATEISH = st.lists(st.sampled_from([*"0123456789/.-–,:%() hnHN\n", "năm ", "tháng ", "quý ", "ngày ",
                                    "Sáng ", "từ ", "đến ", "giai đoạn ", "IV", "II", "nay", "tới", "2023",
                                    "12/2023"]),
                   max_size=80).map("".join)


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=300), DATEISH))
def test_property_never_raises_and_offsets_hold(text):
    for ref in (REF, Reference(), Reference(2000)):
        for found in extract(text, ref, GRAMMAR):
            assert text[found.start_char:found.end_char] == found.text
            assert found.start <= found.end


def test_reporting_period_is_the_most_written_period_else_the_year():
    from pipeline.periods import reporting_period
    from pipeline.records import DateMention

    def m(value, start, role="period"):
        return DateMention(value, value, start, start + 4, "year", value, value, role)

    dates = [m("2023-H1", 10), m("2023", 50), m("2023-H1", 90), m("2024-02-16", 120, "deadline")]
    assert reporting_period(dates, 2023) == "2023-H1"
    assert reporting_period([m("2022", 5), m("2023", 40)], 2023) == "2022"  # a tie: the first written
    assert reporting_period([m("2024-02-16", 1, "deadline")], 2024) == "2024"
    assert reporting_period([], None) is None
