"""One normaliser for municipality codes: '561' and '0561' are the same municipality."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapper.domain.municipality import MunicipalityCodeError, normalise_municipality_code
from mapper.geo.reference import municipalities

KNOWN = sorted(municipalities())


@pytest.mark.parametrize(
    ("text", "code"), [("561", "0561"), (" 0561 ", "0561"), ("0561", "0561"), ("101", "0101")]
)
def test_short_and_padded_codes_become_four_digits(text: str, code: str) -> None:
    assert normalise_municipality_code(text) == code


@given(st.sampled_from(KNOWN), st.text(" \t", max_size=2), st.text(" \t", max_size=2))
def test_every_spelling_of_a_known_code_normalises_to_it(code: str, left: str, right: str) -> None:
    short = code.lstrip("0")
    assert normalise_municipality_code(left + code + right) == code
    assert normalise_municipality_code(left + short + right) == code


@given(st.text(max_size=8))
def test_anything_else_is_refused_or_is_a_known_code(text: str) -> None:
    try:
        code = normalise_municipality_code(text)
    except MunicipalityCodeError as exc:
        assert exc.value == text
        assert exc.message
    else:
        assert code in KNOWN
        assert int(text) == int(code)


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("Esbjerg", "four digits", "0561 (Esbjerg)"),
        ("05610", "at most four digits", None),
        ("0562", "no Danish municipality has this code", "0561 (Esbjerg)"),
        ("", "four digits", None),
    ],
)
def test_a_refused_code_says_why_and_names_the_nearest_municipality(
    text: str, message: str, hint: str | None
) -> None:
    with pytest.raises(MunicipalityCodeError) as info:
        normalise_municipality_code(text)
    assert message in info.value.message
    if hint is not None:
        assert info.value.hint is not None
        assert hint in info.value.hint
    problem = info.value.problem("actor esb-x", "location.municipality_code")
    assert (problem.record, problem.field, problem.value) == (
        "actor esb-x",
        "location.municipality_code",
        text,
    )
