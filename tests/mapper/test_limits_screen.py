"""The fast limits screen (a JSON Schema run by jsonschema-rs) never lets through what the
per-value walk refuses: for every limited field, in every shape the field can take, and for
random JSON-like values."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.domain.limits import (
    INTEGER_FIELDS,
    MAX_INTEGER,
    MAX_WHOLE_NUMBER,
    TEXT_LIMITS,
    limits_schema,
    record_problems,
)

SCREEN = jsonschema_rs.validator_for(limits_schema())
COLLECTIONS = {"actor": "actors", "problem": "problems", "partnership": "partnerships"}


def shapes(path: str, value: Any) -> list[Any]:
    """The value at a dotted path, with each step an object or a list of objects."""
    parts = ["cvr" if p == "*" else p for p in path.split(".")]
    found = []
    for as_list in range(2 ** len(parts)):
        node: Any = value
        for i, part in reversed(list(enumerate(parts))):
            node = {part: node}
            if as_list >> i & 1 and i > 0:
                node = [node]
        found.append(node)
        found.append(_wrap_leaf(parts, value, as_list))
    return found


def _wrap_leaf(parts: list[str], value: Any, as_list: int) -> Any:
    node: Any = [value]  # a list of codes
    for i, part in reversed(list(enumerate(parts))):
        node = {part: node}
        if as_list >> i & 1 and i > 0:
            node = [node]
    return node


def screened(kind: str, record: Any) -> bool:
    return bool(SCREEN.is_valid({COLLECTIONS[kind]: [record]}))


def walked(kind: str, record: Any) -> bool:
    return not record_problems(kind, "r", record) if isinstance(record, dict) else True


CASES = [
    (kind, path, "x" * (limit + 1))
    for kind, limits in TEXT_LIMITS.items()
    if kind in COLLECTIONS
    for path, limit in limits.items()
] + [
    (kind, path, value)
    for kind, fields in INTEGER_FIELDS.items()
    for path in fields
    for value in (MAX_INTEGER + 1, -MAX_INTEGER - 1)
]


@pytest.mark.parametrize(("kind", "path", "value"), CASES)
def test_every_limit_is_in_the_screen(kind: str, path: str, value: Any) -> None:
    for record in shapes(path, value):
        if not walked(kind, record):
            assert not screened(kind, record), (path, record)


@pytest.mark.parametrize("value", ["a\x00b", MAX_WHOLE_NUMBER + 1, -(MAX_WHOLE_NUMBER + 1)])
def test_nul_and_huge_numbers_anywhere(value: Any) -> None:
    record = {"profile": {"success_examples": ["ok", value]}, "deep": [{"x": value}]}
    assert not walked("actor", record)
    assert not screened("actor", record)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(["name", "notes", "employees", "x"]), json_values))
def test_random_records_the_walk_refuses_the_screen_refuses(record: dict[str, Any]) -> None:
    for kind in COLLECTIONS:
        if not walked(kind, record):
            assert not screened(kind, record)
