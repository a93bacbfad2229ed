"""Codes of the boundary layers: zero padding and Copenhagen's postcode ranges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapper.geo.layers import normalise_code, postcode_range


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("101", "0101"),
        (101, "0101"),
        (101.0, "0101"),
        (" 0561 ", "0561"),
        ("1000 - 1499", "1000-1499"),
        ("800-899", "0800-0899"),
        ("DK-A", "DK-A"),
        ("", None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_codes_are_text_and_numbers_are_padded(value: object, expected: str | None) -> None:
    assert normalise_code(value) == expected


@given(st.integers(min_value=0, max_value=9999))
def test_any_number_pads_to_four_digits_and_keeps_its_value(number: int) -> None:
    code = normalise_code(number)
    assert code is not None and len(code) == 4 and int(code) == number
    assert normalise_code(code) == code == normalise_code(str(number))


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=0, max_value=9999))
def test_a_range_covers_both_ends(a: int, b: int) -> None:
    covered = postcode_range(f"{a}-{b}")
    assert covered == (min(a, b), max(a, b))


def test_postcode_ranges() -> None:
    assert postcode_range("6700") == (6700, 6700)
    assert postcode_range("1000-1499") == (1000, 1499)
    assert postcode_range("København") is None
