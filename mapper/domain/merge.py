"""Merging two records of the same actor, field by field (pure: no database).

By default every non-empty field is kept: where both have a value the survivor's wins, code
lists, registry ids, resources and review notes are united. ``choices`` take a field from one
side instead. The place (address, postcode, town, municipality, point) is filled from the other
record only where it agrees with the survivor's postcode, so no address is paired with another
town's postcode; the point follows the postcode.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, Final

from mapper.domain.errors import InputProblem, ValidationError
from mapper.domain.ids import nearest_id
from mapper.domain.model import Actor, Location, Resource

SURVIVOR: Final = "survivor"
MERGED: Final = "merged"
CHOICE_VALUES: Final = (SURVIVOR, MERGED, "other")
"""What a choice may say: keep the survivor's value, or take the merged (other) record's."""

_NESTED: Final = ("profile", "seeking", "contact")
_LOCATION_PARTS: Final = ("address", "postcode", "city", "municipality_code")
_FIXED: Final = ("id", "location")


def _field_paths() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(scalar paths, list paths) of Actor: every field the merge decides on."""
    scalars: list[str] = []
    lists: list[str] = []
    defaults = Actor(id="", name="", kind="")
    for field in dataclasses.fields(Actor):
        if field.name in _FIXED:
            continue
        value = getattr(defaults, field.name)
        if field.name in _NESTED:
            for inner in dataclasses.fields(value):
                path = f"{field.name}.{inner.name}"
                kind = lists if isinstance(getattr(value, inner.name), tuple) else scalars
                kind.append(path)
        elif isinstance(value, tuple):
            lists.append(field.name)
        else:
            scalars.append(field.name)
    scalars[2:2] = [f"location.{part}" for part in _LOCATION_PARTS]
    return tuple(scalars), tuple(lists)


SCALAR_FIELDS, LIST_FIELDS = _field_paths()
"""The fields one side wins (name, kind, location.postcode, contact.email, profile.we_are, …)
and the lists that are united (target_groups, registry_ids, resources_offered, …)."""
MERGE_FIELDS: Final = (*SCALAR_FIELDS, *LIST_FIELDS)
"""Every field ``choices`` may name."""


def _get(actor: Actor, path: str) -> Any:
    value: Any = actor
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _empty(value: Any) -> bool:
    if value is None or value == () or (isinstance(value, str) and not value.strip()):
        return True
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return all(_empty(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False


def filled_fields(actor: Actor) -> int:
    """How many of the merge's fields the actor has filled in (the fuller record is the
    better survivor when nothing else tells them apart)."""
    return sum(not _empty(_get(actor, path)) for path in MERGE_FIELDS)


def _united(path: str, first: tuple[Any, ...], second: tuple[Any, ...]) -> tuple[Any, ...]:
    """``first`` then what ``second`` adds; by scheme for registry ids, by kind for resources."""
    key: Callable[[Any], Any] = lambda item: item  # noqa: E731
    if path == "registry_ids":
        key = lambda item: item[0].casefold()  # noqa: E731
    elif path == "resources_offered":
        key = lambda item: item.kind if isinstance(item, Resource) else item  # noqa: E731
    seen = {key(item) for item in first}
    added = []
    for item in second:
        if key(item) not in seen:
            seen.add(key(item))
            added.append(item)
    united = (*first, *added)
    return tuple(sorted(united)) if path == "registry_ids" else united


def _check_choices(survivor: Actor, choices: Mapping[str, str]) -> dict[str, str]:
    problems = []
    checked: dict[str, str] = {}
    for field, side in choices.items():
        if field not in MERGE_FIELDS:
            nearest = nearest_id(field, MERGE_FIELDS)
            problems.append(
                InputProblem(
                    survivor.id,
                    field,
                    side,
                    "not a field that can be merged",
                    f"nearest field: {nearest}" if nearest else None,
                    code="unknown_field",
                    params={"nearest": nearest},
                )
            )
        elif side not in CHOICE_VALUES:
            problems.append(
                InputProblem(
                    survivor.id,
                    field,
                    side,
                    "a merge choice is 'survivor' or 'other'",
                    "survivor, other",
                    code="not_one_of",
                    params={"choices": list(CHOICE_VALUES), "nearest": None},
                )
            )
        else:
            checked[field] = SURVIVOR if side == SURVIVOR else MERGED
    if problems:
        raise ValidationError(problems, source="merge")
    return checked


def _merged_location(
    survivor: Location, other: Location, choices: Mapping[str, str]
) -> tuple[Location, dict[str, str]]:
    """The place, part by part; parts the survivor lacks come from the other record when its
    postcode agrees (or is missing); the point and its precision follow the postcode."""
    taken: dict[str, str] = {}

    def side_for(part: str, compatible: bool) -> str:
        chosen = choices.get(f"location.{part}")
        if chosen is not None:
            return chosen
        mine, theirs = getattr(survivor, part), getattr(other, part)
        return MERGED if _empty(mine) and not _empty(theirs) and compatible else SURVIVOR

    taken["postcode"] = side_for("postcode", True)
    postcode = other.postcode if taken["postcode"] == MERGED else survivor.postcode
    compatible = not other.postcode or other.postcode == postcode
    values: dict[str, Any] = {"postcode": postcode}
    for part in ("address", "city", "municipality_code"):
        taken[part] = side_for(part, compatible)
        values[part] = getattr(other if taken[part] == MERGED else survivor, part)
    point_from = other if taken["postcode"] == MERGED else survivor
    if not point_from.has_point:
        spare = survivor if point_from is other else other
        if spare.has_point and (not spare.postcode or spare.postcode == postcode):
            point_from = spare
    precision = point_from.precision
    address_from = other if taken["address"] == MERGED else survivor
    if precision == "address" and address_from is not point_from:
        precision = "postcode" if postcode else "municipality"
    location = Location(
        **values,
        lat=point_from.lat,
        lon=point_from.lon,
        precision=precision if point_from.has_point else None,
    )
    fields = {
        f"location.{part}": side
        for part, side in taken.items()
        if getattr(survivor, part) != getattr(other, part)
    }
    return location, fields


def merge_actors(
    survivor: Actor, other: Actor, choices: Mapping[str, str] | None = None
) -> tuple[Actor, dict[str, str]]:
    """The two records as one, with the survivor's id, and where each differing field came
    from: field → 'survivor' or 'merged' ('merged' when anything of the other record's value
    was taken, also into a united list). ``choices`` maps a field of MERGE_FIELDS to 'survivor'
    or 'other'/'merged' (the whole value from that side); a bad choice raises ValidationError."""
    chosen = _check_choices(survivor, choices or {})
    location, fields = _merged_location(survivor.location, other.location, chosen)
    top: dict[str, Any] = {"location": location}
    nested: dict[str, dict[str, Any]] = {name: {} for name in _NESTED}
    for path in MERGE_FIELDS:
        if path.startswith("location."):
            continue
        mine, theirs = _get(survivor, path), _get(other, path)
        if mine == theirs:
            continue
        side = chosen.get(path)
        if path in LIST_FIELDS:
            if side is None:
                value = _united(path, mine, theirs)
            else:
                value = theirs if side == MERGED else mine
        elif side is None:
            value = theirs if _empty(mine) and not _empty(theirs) else mine
        else:
            value = theirs if side == MERGED else mine
        fields[path] = SURVIVOR if value == mine else MERGED
        head, _, tail = path.partition(".")
        if tail:
            nested[head][tail] = value
        else:
            top[path] = value
    for name, changes in nested.items():
        if changes:
            top[name] = dataclasses.replace(getattr(survivor, name), **changes)
    merged = dataclasses.replace(survivor, **top)
    if merged.parent_id in (survivor.id, other.id):
        # One was the other's parent: the merged actor keeps the parent's own parent.
        spare = other.parent_id if merged.parent_id == survivor.parent_id else survivor.parent_id
        parent = spare if spare not in (survivor.id, other.id) else None
        merged = dataclasses.replace(merged, parent_id=parent)
    return merged, fields
