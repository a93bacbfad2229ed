"""The limits every stored value keeps, the same on SQLite and PostgreSQL.

SQLite stores any length and any integer; PostgreSQL refuses a name over its column's length, a
NUL character in any text and an integer beyond 32 bits. So that a landscape that works on a
laptop can move to a shared server, records are checked against these limits when they are
validated (import and editors alike), and a value beyond them is refused with a problem naming
record, field and limit. tests/mapper/test_limits.py keeps TEXT_LIMITS equal to the column
lengths of mapper/persistence/orm.py.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, Final

from mapper.domain.errors import InputProblem

MAX_INTEGER: Final = 2**31 - 1
"""Largest value of an integer field (a 32-bit ``integer`` column on PostgreSQL)."""
MAX_WHOLE_NUMBER: Final = 2**53
"""Largest whole number a decimal field takes: beyond it a float cannot hold it exactly, and
SQLite cannot bind an integer past 64 bits at all."""

_LOCATION = {
    "location.address": 500,
    "location.postcode": 20,
    "location.city": 200,
    "location.municipality_code": 4,
    "location.precision": 20,
}

TEXT_LIMITS: Final[Mapping[str, Mapping[str, int]]] = MappingProxyType(
    {
        "actor": MappingProxyType(
            {
                "id": 200,
                "name": 500,
                "kind": 64,
                "registry_ids.*": 100,
                **_LOCATION,
                "contact.name": 300,
                "contact.email": 300,
                "contact.phone": 100,
                "contact.website": 500,
                "target_groups": 64,
                "roles": 64,
                "prevention_levels": 64,
                "seeking.resources": 64,
                "seeking.roles": 64,
                "seeking.target_groups": 64,
                "resources_offered.kind": 64,
                "profile.evidence_level": 64,
                "review_notes.field": 64,
                "review_notes.reason": 32,
            }
        ),
        "problem": MappingProxyType(
            {
                "id": 200,
                "title": 500,
                "municipality_code": 4,
                **_LOCATION,
                "concreteness": 20,
                "prevention_level": 64,
                "status": 20,
                "target_groups": 64,
                "seeking.resources.kind": 64,
                "seeking.required_resources": 64,
                "seeking.roles": 64,
                "seeking.actor_kinds": 64,
                "seeking.excluded_actor_kinds": 64,
            }
        ),
        "partnership": MappingProxyType(
            {"stage": 32, "type": 64, "success_factors": 64, "evidence_level": 64},
        ),
        "boundary": MappingProxyType(
            {"layer": 20, "code": 20, "name": 200, "parent_code": 20},
        ),
    }
)
"""The longest text (in characters) of each field, by record kind and interchange path (list
indices left out; ``registry_ids.*`` is any register's id). Texts not named here (descriptions,
profile texts, notes) have no length limit."""

KEY_LIMITS: Final[Mapping[str, Mapping[str, int]]] = MappingProxyType(
    {"actor": MappingProxyType({"registry_ids": 32})}
)
"""The longest key of an object whose keys are data: a register's name (e.g. 'cvr')."""

INTEGER_FIELDS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {"actor": frozenset({"employees", "volunteers"})}
)
"""The fields stored as integers (at most MAX_INTEGER); every other number is a decimal."""


def text_problems(
    label: str, field: str, value: str, limit: int | None = None
) -> list[InputProblem]:
    """What is wrong with one text: a NUL character (no database text holds one), more than
    ``limit`` characters."""
    found = []
    if "\x00" in value:
        found.append(
            InputProblem(
                label,
                field,
                _shown(value),
                "the text holds a NUL character (\\x00), which cannot be stored",
                "remove the character",
                code="nul_character",
            )
        )
    if limit is not None and len(value) > limit:
        found.append(
            InputProblem(
                label,
                field,
                _shown(value),
                f"too long: {len(value)} characters, at most {limit}",
                code="too_long",
                params={"limit": limit, "length": len(value)},
            )
        )
    return found


def number_problems(label: str, field: str, value: float, *, integer: bool) -> list[InputProblem]:
    """What is wrong with one number: not finite, or beyond what the field's column holds."""
    if isinstance(value, float) and not math.isfinite(value):
        return [InputProblem(label, field, value, "not a finite number", code="not_a_number")]
    limit = MAX_INTEGER if integer else MAX_WHOLE_NUMBER
    if abs(value) > limit:
        return [
            InputProblem(
                label,
                field,
                value,
                f"too large: at most {limit}",
                code="too_large",
                params={"limit": limit},
            )
        ]
    return []


def record_problems(kind: str, label: str, record: Mapping[str, Any]) -> list[InputProblem]:
    """Every value of one interchange record (as a dict) beyond the limits of ``kind``
    ('actor', 'problem', 'partnership', 'boundary'). Values of a shape the schema refuses are
    passed over: the schema reports them."""
    texts = TEXT_LIMITS.get(kind, {})
    keys = KEY_LIMITS.get(kind, {})
    integers = INTEGER_FIELDS.get(kind, frozenset())
    found: list[InputProblem] = []
    for field, plain, value in _leaves(record, "", "", keys):
        if isinstance(value, str):
            found += text_problems(label, field, value, texts.get(plain))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            found += number_problems(label, field, value, integer=plain in integers)
    for parent, limit in keys.items():
        inner = record.get(parent)
        if isinstance(inner, Mapping):
            for key in inner:
                if isinstance(key, str):
                    found += text_problems(label, parent, key, limit)
    return found


def _leaves(
    value: Any, path: str, plain: str, keys: Mapping[str, int]
) -> Iterator[tuple[str, str, Any]]:
    """(field path, path without indices, value) of every scalar below ``value``."""
    if isinstance(value, Mapping):
        for key, inner in value.items():
            name = str(key)
            inner_plain = f"{plain}.*" if plain in keys else (f"{plain}.{name}" if plain else name)
            yield from _leaves(inner, f"{path}.{name}" if path else name, inner_plain, keys)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]", plain, keys)
    else:
        yield path, plain, value


SHOWN_CHARACTERS: Final = 80


def _shown(value: str) -> str:
    """A long value cut short for messages (the whole text would drown them)."""
    return value if len(value) <= SHOWN_CHARACTERS else value[:SHOWN_CHARACTERS] + "…"


NO_NUL: Final = "^[^\\x00]*$"
"""A text without a NUL character, as a JSON Schema pattern."""


def limits_schema() -> dict[str, Any]:
    """The limits as one JSON Schema over an interchange document, for a fast screen.

    A document this schema accepts has no value beyond the limits; one it refuses is walked
    with ``record_problems`` to name each record, field and limit. The screen may refuse more
    than the walk finds (it also forbids NUL in every key), never less.
    """
    clean = {
        "pattern": NO_NUL,
        "maximum": MAX_WHOLE_NUMBER,
        "minimum": -MAX_WHOLE_NUMBER,
        "propertyNames": {"pattern": NO_NUL},
        "items": {"$ref": "#/$defs/clean"},
        "additionalProperties": {"$ref": "#/$defs/clean"},
    }
    defs: dict[str, Any] = {"clean": clean}

    def bounded(name: str, rule: dict[str, Any]) -> dict[str, Any]:
        # The walk ignores list nesting ('name': [['…']] is still the name), so the rule
        # applies through lists of any depth.
        defs[name] = {**rule, "items": {"$ref": f"#/$defs/{name}"}}
        return {"$ref": f"#/$defs/{name}"}

    collections = {}
    for kind, collection in (
        ("actor", "actors"),
        ("problem", "problems"),
        ("partnership", "partnerships"),
    ):
        record: dict[str, Any] = {}
        for path, limit in TEXT_LIMITS[kind].items():
            rule = bounded(f"text{limit}", {"maxLength": limit})
            _leaf(record, path).setdefault("allOf", []).append(rule)
        for path in INTEGER_FIELDS.get(kind, ()):
            rule = bounded("integer", {"maximum": MAX_INTEGER, "minimum": -MAX_INTEGER})
            _leaf(record, path).setdefault("allOf", []).append(rule)
        for path, limit in KEY_LIMITS.get(kind, {}).items():
            _leaf(record, path)["propertyNames"] = {"maxLength": limit}
        collections[collection] = {"items": {"allOf": [{"$ref": "#/$defs/clean"}, record]}}
    return {"$defs": defs, "properties": collections}


def _leaf(record: dict[str, Any], path: str) -> dict[str, Any]:
    """The schema node of a dotted path; each step applies to an object and to the objects of
    a list alike ('resources_offered.kind' is the kind of every offered resource)."""
    node = record
    for part in path.split("."):
        if part == "*":
            child = node.setdefault("additionalProperties", {})
            node.setdefault("items", {})["additionalProperties"] = child
            node = child
            continue
        properties = node.setdefault("properties", {})
        node.setdefault("items", {})["properties"] = properties
        node = properties.setdefault(part, {})
    return node
