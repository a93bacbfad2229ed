"""CVR numbers: eight digits with the modulus-11 control, as written in registers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapper.domain.cvr import normalise_cvr, valid_cvr

# Danske Bank's CVR number: 6·2 + 1·7 + 1·6 + 2·5 + 6·4 + 2·3 + 2·2 + 8·1 = 77 = 7·11.
VALID = "61126228"


def test_a_number_with_the_control_is_valid() -> None:
    assert valid_cvr(VALID)
    assert valid_cvr("10000009")  # 1·2 + 9·1 = 11
    assert not valid_cvr("10000008")


@pytest.mark.parametrize(
    "text",
    [
        "61126229",  # one digit off: the control fails
        "6112622",  # seven digits
        "611262280",  # nine digits
        "6112622x",
        "06112622",  # a CVR number never starts with 0
        "",
        "٦١١٢٦٢٢٨",  # Arabic-Indic digits are digits to Python, not to the register
        " 61126228",  # valid_cvr takes the bare number; normalise_cvr strips
    ],
)
def test_anything_else_is_invalid(text: str) -> None:
    assert valid_cvr(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "61126228",
        " 61126228 ",
        "DK61126228",
        "dk 61 12 62 28",
        "DK-61126228",
        "CVR: 61126228",
        "CVR-nr. 61.12.62.28",
        "cvr nr 61-12-62-28",
    ],
)
def test_written_forms_are_normalised(text: str) -> None:
    assert normalise_cvr(text) == VALID


@pytest.mark.parametrize("text", [None, "", "DK", "61126229", "tlf. 61126228 9", "SE61126228"])
def test_no_valid_number_gives_none(text: str | None) -> None:
    assert normalise_cvr(text) is None


@given(st.integers(min_value=10_000_000, max_value=99_999_999))
def test_exactly_one_in_eleven_changes_of_the_last_digit_is_valid(number: int) -> None:
    base = str(number)[:7]
    valid = [d for d in "0123456789" if valid_cvr(base + d)]
    # The last weight is 1: at most one last digit makes the sum divisible by 11.
    assert len(valid) <= 1
    for d in valid:
        weights = (2, 7, 6, 5, 4, 3, 2, 1)
        assert sum(int(c) * w for c, w in zip(base + d, weights, strict=True)) % 11 == 0


@given(st.text(max_size=30))
def test_normalise_never_fails_and_gives_a_valid_number_or_none(text: str) -> None:
    found = normalise_cvr(text)
    assert found is None or valid_cvr(found)
