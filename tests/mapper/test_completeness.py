"""Profile completeness: the weighted share of what matching needs, and what to fill in next."""

from __future__ import annotations

from dataclasses import replace

from mapper.domain.completeness import PARTS, completeness
from mapper.domain.model import Actor, Location, Profile, Resource


def test_an_actor_with_a_name_only_is_empty_and_should_add_target_groups_first() -> None:
    found = completeness(Actor(id="a", name="Gjesing IF", kind="local_association"))
    assert found.share == 0.0 and found.percent == 0
    assert found.missing[0] == "target_groups"
    assert set(found.missing) == {path for path, _ in PARTS}


def test_filled_parts_count_by_weight_and_leave_the_list_of_missing() -> None:
    sparse = Actor(
        id="a",
        name="Gjesing IF",
        kind="local_association",
        location=Location(postcode="6700"),
        profile=Profile(we_are="Fodbold for alle"),
    )
    found = completeness(sparse)
    assert 0.0 < found.share < 0.5
    assert "location.postcode" not in found.missing and "profile.we_are" not in found.missing
    assert found.missing[:2] == ("target_groups", "resources_offered")
    coded = replace(
        sparse,
        target_groups=("children_vulnerable",),
        resources_offered=(Resource(kind="volunteers"),),
    )
    assert completeness(coded).share > found.share
    assert completeness(coded).missing[0] == "roles"


def test_blank_text_is_not_filled_in() -> None:
    blank = Actor(id="a", name="X", kind="local_association", profile=Profile(we_are="   "))
    assert "profile.we_are" in completeness(blank).missing
