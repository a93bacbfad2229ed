"""Numbers written and read as the interface language does: Danish comma, English point."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from ui.locale_format import format_number, parse_number, substitute

LANGS = st.sampled_from(["da", "en"])
VALUES = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)


@pytest.fixture
def danish_default() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("lang", "text", "number"),
    [
        ("da", "250.000", 250000.0),
        ("da", "2,5", 2.5),
        ("da", "1.234.567,89", 1234567.89),
        ("da", "-3,25", -3.25),
        ("da", "\u22123", -3.0),  # the typographic minus sign
        ("da", "+4", 4.0),
        ("da", " 12 ", 12.0),
        ("da", "250 000", 250000.0),
        ("da", "250\u00a0000,5", 250000.5),
        ("da", ",5", 0.5),
        ("da", "250,000", 250.0),  # Danish: a comma is the decimal separator
        ("en", "250,000", 250000.0),
        ("en", "2.5", 2.5),
        ("en", "1,234,567.89", 1234567.89),
        ("en", "250 000", 250000.0),
        ("en", "250.000", 250.0),
    ],
)
def test_reads_numbers_as_the_language_writes_them(lang: str, text: str, number: float) -> None:
    assert parse_number(text, lang=lang) == number


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_blank_is_no_number(text: str) -> None:
    assert parse_number(text, lang="da") is None


@pytest.mark.parametrize(
    ("lang", "text", "message"),
    [
        ("da", "2.5", '"2.5": write decimals with ",", e.g. 2,5'),
        ("da", "12.50", '"12.50": write decimals with ",", e.g. 12,50'),
        ("en", "2,5", '"2,5": write decimals with ".", e.g. 2.5'),
        ("da", "abc", '"abc" is not a number; write it like 1.234,5'),
        ("en", "abc", '"abc" is not a number; write it like 1,234.5'),
        ("da", "1.2.3", '"1.2.3" is not a number'),
        ("da", "1,234.5", '"1,234.5" is not a number'),
        ("da", "1,2,3", '"1,2,3" is not a number'),
        ("da", "1.000 000", '"1.000 000" is not a number'),  # two kinds of grouping
        ("da", "12 kr.", '"12 kr." is not a number'),
        ("da", "1e5", '"1e5" is not a number'),
        ("da", "nan", '"nan" is not a number'),
        ("da", "inf", '"inf" is not a number'),
        ("da", "--5", '"--5" is not a number'),
        ("da", "-", '"-" is not a number'),
        ("da", ",", '"," is not a number'),
        ("da", "\u0663", '"\u0663" is not a number'),  # Arabic-Indic three: digits are 0-9
        ("da", "9" * 400, f'"{"9" * 29}…" is too large a number'),
    ],
)
def test_refuses_what_is_not_a_number_and_says_how_to_write_it(
    lang: str, text: str, message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        parse_number(text, lang=lang)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("lang", "value", "decimals", "text"),
    [
        ("da", 250000, 0, "250.000"),
        ("da", 2.5, 1, "2,5"),
        ("da", -1234567.891, 2, "-1.234.567,89"),
        ("en", 250000, 0, "250,000"),
        ("en", 2.5, 1, "2.5"),
        ("en", 0.126, 2, "0.13"),
        ("da", -0.25, 0, "0"),
    ],
)
def test_writes_numbers_as_the_language_does(
    lang: str, value: float, decimals: int, text: str
) -> None:
    assert format_number(value, decimals, lang=lang) == text


def test_refuses_to_write_what_is_not_a_number() -> None:
    with pytest.raises(ValueError, match="nan"):
        format_number(math.nan)
    with pytest.raises(ValueError, match="decimals"):
        format_number(1.0, -1)


def test_without_a_language_follows_the_interface_locale(danish_default: None) -> None:
    assert format_number(2.5, 1) == "2,5"
    assert parse_number("250.000") == 250000.0


def test_placeholders_are_filled_in_one_pass() -> None:
    assert substitute("%1 and %2", "100%2", "x") == "100%2 and x"
    assert substitute("%1 of %3", "a") == "a of %3"


@given(VALUES, st.integers(min_value=0, max_value=4), LANGS)
def test_reading_back_what_was_written_gives_the_rounded_number(
    value: float, decimals: int, lang: str
) -> None:
    text = format_number(value, decimals, lang=lang)
    parsed = parse_number(text, lang=lang)
    assert parsed is not None
    assert abs(parsed - value) <= 0.5 * 10**-decimals + abs(value) * 1e-15
    assert format_number(parsed, decimals, lang=lang) == text


@given(st.integers(min_value=-(2**53), max_value=2**53), LANGS)
def test_whole_numbers_survive_their_thousands_separators(number: int, lang: str) -> None:
    assert parse_number(format_number(number, 0, lang=lang), lang=lang) == number


@given(st.text(max_size=20), LANGS)
def test_any_text_is_a_number_nothing_or_a_clear_refusal(text: str, lang: str) -> None:
    try:
        result = parse_number(text, lang=lang)
    except ValueError as error:  # the message quotes what was typed
        assert str(error).startswith(f'"{text.strip()[:20]}')
    else:
        assert result is None or math.isfinite(result)


@given(
    st.text(alphabet="0123456789.,- ", min_size=1, max_size=12),
    LANGS,
)
def test_digits_and_separators_parse_or_are_refused_never_misread(text: str, lang: str) -> None:
    try:
        result = parse_number(text, lang=lang)
    except ValueError:
        return
    if result is None:
        assert not text.strip()
        return
    # Whatever was accepted is the number the digits say: remove the grouping, read the rest.
    point = "," if lang == "da" else "."
    group = "." if lang == "da" else ","
    plain = text.strip().replace(group, "").replace(" ", "").replace(point, ".")
    assert result == float(plain)
