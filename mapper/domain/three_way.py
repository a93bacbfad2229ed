"""The field-by-field three-way merge of offline sync: two changed copies of one record and
the version both started from give one merged record, or the fields changed on both sides to
different values (conflicts).

Records are interchange dicts. Their fields are the top-level keys, and one level down in
the nested objects (``location.city``, ``profile.we_are``, ``contact.email``): two people
changing the city and the e-mail of the same actor do not collide. Lists (target groups,
resources) are one field each: their items have no identity of their own to merge by.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Side = Literal["local", "server"]

DELETED = "(deleted)"
"""The pseudo field of a record deleted on one side and changed on the other."""


@dataclass(frozen=True)
class FieldConflict:
    """One field changed on both sides to different values (None: the field is empty)."""

    field: str
    base: Any
    local: Any
    server: Any


def flatten(record: Mapping[str, Any] | None) -> dict[str, Any]:
    """The record's fields by path; an empty value (None, "", [], {}) is left out, so that a
    field missing on one side equals an empty one on the other."""
    fields: dict[str, Any] = {}
    for key, value in (record or {}).items():
        if isinstance(value, Mapping):
            for inner, part in value.items():
                if not _empty(part):
                    fields[f"{key}.{inner}"] = part
        elif not _empty(value):
            fields[key] = value
    return fields


def unflatten(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The record of ``flatten``'s fields (empty values left out)."""
    record: dict[str, Any] = {}
    for path, value in sorted(fields.items()):
        if _empty(value):
            continue
        key, _, inner = path.partition(".")
        if inner:
            record.setdefault(key, {})[inner] = value
        else:
            record[key] = value
    return record


def merge(
    base: Mapping[str, Any] | None,
    local: Mapping[str, Any],
    server: Mapping[str, Any],
    decisions: Mapping[str, Side] | None = None,
) -> tuple[dict[str, Any], list[FieldConflict]]:
    """Merge field by field: a field changed on one side only takes that side's value; on
    both sides to the same value, that value; on both to different values, the side in
    ``decisions`` (by field path) or, without a decision, a conflict (the merged record then
    keeps the local value there, and must not be written while conflicts remain).

    ``base`` None (the record is new on both sides) compares against an empty record."""
    b, mine_fields, s = flatten(base), flatten(local), flatten(server)
    chosen = decisions or {}
    merged: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for path in sorted(b.keys() | mine_fields.keys() | s.keys()):
        was, mine, theirs = b.get(path), mine_fields.get(path), s.get(path)
        if mine == theirs or theirs == was:
            value = mine
        elif mine == was:
            value = theirs
        elif path in chosen:
            value = mine if chosen[path] == "local" else theirs
        else:
            conflicts.append(FieldConflict(path, was, mine, theirs))
            value = mine
        if not _empty(value):
            merged[path] = value
    return unflatten(merged), conflicts


def changed_fields(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[str]:
    """The field paths whose values differ between two versions of a record."""
    b, a = flatten(before), flatten(after)
    return sorted(p for p in b.keys() | a.keys() if b.get(p) != a.get(p))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}
