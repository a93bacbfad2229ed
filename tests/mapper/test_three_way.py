"""The three-way merge of offline sync, by example and by property (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mapper.domain.three_way import changed_fields, flatten, merge, unflatten

BASE = {
    "id": "a",
    "name": "Gå-klubben",
    "location": {"city": "Esbjerg", "postcode": "6700"},
    "target_groups": ["elderly_lonely"],
}


def test_one_sided_changes_merge_field_by_field_inside_nested_objects() -> None:
    local = {**BASE, "location": {"city": "Esbjerg V", "postcode": "6700"}}
    server = {**BASE, "location": {"city": "Esbjerg", "postcode": "6705"}, "volunteers": 4}
    merged, conflicts = merge(BASE, local, server)
    assert conflicts == []
    assert merged == {
        **BASE,
        "location": {"city": "Esbjerg V", "postcode": "6705"},
        "volunteers": 4,
    }


def test_the_same_field_changed_differently_is_a_conflict_naming_all_three_values() -> None:
    local = {**BASE, "name": "Gåklubben Esbjerg"}
    server = {**BASE, "name": "Gå-klubben Vest"}
    _merged, conflicts = merge(BASE, local, server)
    assert [(c.field, c.base, c.local, c.server) for c in conflicts] == [
        ("name", "Gå-klubben", "Gåklubben Esbjerg", "Gå-klubben Vest")
    ]
    assert merge(BASE, local, server, {"name": "server"}) == (server, [])
    assert merge(BASE, local, server, {"name": "local"}) == (local, [])


def test_a_list_is_one_field_and_emptying_a_field_is_a_change() -> None:
    local = {**BASE, "target_groups": ["elderly_lonely", "youth_vulnerable"]}
    server = {k: v for k, v in BASE.items() if k != "name"}
    merged, conflicts = merge(BASE, local, server)
    assert conflicts == []
    assert "name" not in merged
    assert merged["target_groups"] == ["elderly_lonely", "youth_vulnerable"]
    assert changed_fields(BASE, merged) == ["name", "target_groups"]


def test_new_on_both_sides_compares_with_nothing() -> None:
    _merged, conflicts = merge(None, {"id": "x", "name": "A"}, {"id": "x", "name": "B"})
    assert [c.field for c in conflicts] == ["name"]


values = st.one_of(
    st.none(), st.integers(-3, 3), st.text(max_size=3), st.lists(st.integers(0, 2), max_size=2)
)
records = st.dictionaries(
    st.sampled_from(["name", "kind", "volunteers"]), values, max_size=3
).flatmap(
    lambda top: st.dictionaries(st.sampled_from(["city", "postcode"]), values, max_size=2).map(
        lambda inner: {**top, "location": inner}
    )
)


@given(records, records, records)
def test_merge_properties(
    base: dict[str, Any], local: dict[str, Any], server: dict[str, Any]
) -> None:
    merged, conflicts = merge(base, local, server)
    fields = {c.field for c in conflicts}
    b, mine, theirs, out = flatten(base), flatten(local), flatten(server), flatten(merged)
    for path in b.keys() | mine.keys() | theirs.keys():
        if path in fields:
            # Both sides changed it differently: neither is lost, nothing chosen.
            assert mine.get(path) != theirs.get(path)
            assert b.get(path) not in (mine.get(path), theirs.get(path))
        elif mine.get(path) == b.get(path):
            assert out.get(path) == theirs.get(path)  # only the server changed it
        else:
            assert out.get(path) == mine.get(path)  # the copy changed it (the server agrees)
    # Symmetric: the same conflicts whichever side is which.
    assert {c.field for c in merge(base, server, local)[1]} == fields
    # Idempotent: nothing to do when one side is the base.
    assert merge(base, base, server) == (unflatten(flatten(server)), [])
    assert merge(base, local, base) == (unflatten(flatten(local)), [])
    # Every decision settles its conflict.
    for side in ("local", "server"):
        decided, left = merge(base, local, server, dict.fromkeys(fields, side))
        assert left == []
        chosen = flatten(local if side == "local" else server)
        assert all(flatten(decided).get(f) == chosen.get(f) for f in fields)
