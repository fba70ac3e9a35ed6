"""Vietnamese number reading (pipeline.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.numbers import DEFAULT_SCALES, format_vi_number, parse_vi_number, scale


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("76,6", 76.6),
        ("20.000", 20000.0),
        ("1.234,5", 1234.5),
        ("05", 5.0),
        ("08", 8.0),
        ("1.027.416", 1027416.0),
        ("0,5862", 0.5862),
        ("100", 100.0),
        (" 96 ", 96.0),
        ("2,18", 2.18),
    ],
)
def test_vietnamese_separators(text, value):
    assert parse_vi_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["1.5", "18.2", "12.3456", "4.0", "", "abc", "1,2,3", "7/11", "3G", "1 000", "-5"]
)
def test_ambiguous_or_malformed_numbers_are_not_read(text):
    assert parse_vi_number(text) is None


def test_hostile_input_is_refused_quickly():
    assert parse_vi_number("1" * 1_000_000) is None
    assert parse_vi_number("%" * 100_000) is None


@pytest.mark.parametrize(
    ("value", "words", "expected"),
    [
        (1.250, ["tỷ", "đồng"], 1.25e9),
        (1250, ["tỷ"], 1.25e12),
        (320, ["triệu", "đồng"], 3.2e8),
        (2.5, ["nghìn", "tỷ", "đồng"], 2.5e12),
        (2.5, ["ngàn", "tỷ"], 2.5e12),
        (9.6, ["triệu", "lượt"], 9.6e6),
        (2.15, ["tỷ", "USD"], 2.15e9),
        (71, ["Tổ"], 71.0),
        (48.6, ["Tỷ"], 48.6e9),
    ],
)
def test_scale_words(value, words, expected):
    assert scale(value, words) == pytest.approx(expected)


def test_scale_stops_at_the_first_other_word():
    assert scale(3, ["triệu", "lượt", "tỷ"]) == 3e6
    assert scale(3, [], DEFAULT_SCALES) == 3


def test_scaled_money_has_no_float_noise():
    assert scale(2.15, ["tỷ"]) == 2150000000
    assert scale(1.12, ["tỷ"]) == 1120000000


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip(n):
    assert parse_vi_number(format_vi_number(n)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(d):
    written = format_vi_number(d, decimals=2)
    assert "," in written
    assert parse_vi_number(written) == pytest.approx(float(d))


@given(st.integers(min_value=1000, max_value=10**9))
def test_grouped_thousands_are_never_decimals(n):
    written = format_vi_number(n)
    assert "." in written
    assert parse_vi_number(written) == n
    assert parse_vi_number(written.replace(".", ",", 1)) != n  # a comma is a decimal mark


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=9))
def test_single_decimal_place(whole, tenth):
    assert parse_vi_number(f"{whole},{tenth}") == pytest.approx(whole + tenth / 10)


def test_format_is_vietnamese():
    assert format_vi_number(Decimal("1234.5"), decimals=1) == "1.234,5"
    assert format_vi_number(20000) == "20.000"
