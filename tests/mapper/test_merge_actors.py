"""Merging two records of one actor field by field (the pure merge, without a database)."""

from __future__ import annotations

import datetime as dt

import pytest

from mapper.domain.errors import ValidationError
from mapper.domain.merge import LIST_FIELDS, MERGE_FIELDS, SCALAR_FIELDS, merge_actors
from mapper.domain.model import (
    Actor,
    ActorSeeking,
    Consent,
    Contact,
    Location,
    Profile,
    Resource,
    ReviewNote,
)


def roklub() -> Actor:
    """The register's record: a name, a postcode, a CVR number and two target groups."""
    return Actor(
        id="esb-roklub",
        name="Esbjerg Roklub",
        kind="local_association",
        registry_ids=(("cvr", "61126228"),),
        location=Location(postcode="6700", city="Esbjerg", municipality_code="0561"),
        target_groups=("youth_vulnerable", "general_population"),
        resources_offered=(Resource("premises", "Bådhal", 10.0),),
        profile=Profile(we_are="En roklub ved havnen", success_examples=("Ro for alle",)),
        contact=Contact(email="formand@roklub.dk"),
        volunteers=40,
    )


def imported() -> Actor:
    """The same club from a spreadsheet: another spelling, an address, more codes."""
    return Actor(
        id="imp-17",
        name="Esbjerg Roklubben",
        kind="voluntary_organisation",
        registry_ids=(("cvr", "61126228"), ("conventus", "4411")),
        location=Location(
            address="Havnevej 3",
            postcode="6700",
            city="Esbjerg C",
            municipality_code="0561",
            lat=55.46,
            lon=8.44,
            precision="address",
        ),
        target_groups=("general_population", "elderly_lonely"),
        resources_offered=(Resource("premises", "Klubhus"), Resource("volunteer_hours")),
        profile=Profile(
            we_are="Roklub",
            best_at="Motion på vandet",
            success_examples=("Ro for alle", "Kajakskole"),
        ),
        seeking=ActorSeeking(roles=("bridge_builder",)),
        contact=Contact(email="info@roklub.dk", phone="75 12 34 56", website="roklub.dk"),
        volunteers=None,
        employees=2,
        review_notes=(ReviewNote("target_groups", "Roere", "unmapped_code"),),
    )


def test_every_non_empty_field_is_kept_and_the_survivor_wins_where_both_have_one() -> None:
    merged, fields = merge_actors(roklub(), imported())
    assert merged.id == "esb-roklub"
    assert merged.name == "Esbjerg Roklub"
    assert merged.kind == "local_association"
    assert merged.contact == Contact(
        email="formand@roklub.dk", phone="75 12 34 56", website="roklub.dk"
    )
    assert merged.volunteers == 40 and merged.employees == 2
    assert merged.profile.we_are == "En roklub ved havnen"
    assert merged.profile.best_at == "Motion på vandet"
    assert fields["name"] == "survivor"
    assert fields["contact.phone"] == "merged"
    assert fields["employees"] == "merged"
    assert "public" not in fields  # the same on both sides


def test_lists_are_united_in_order_without_repeats() -> None:
    merged, fields = merge_actors(roklub(), imported())
    assert merged.target_groups == ("youth_vulnerable", "general_population", "elderly_lonely")
    assert merged.registry_ids == (("conventus", "4411"), ("cvr", "61126228"))
    assert merged.resources_offered == (
        Resource("premises", "Bådhal", 10.0),
        Resource("volunteer_hours"),
    )
    assert merged.profile.success_examples == ("Ro for alle", "Kajakskole")
    assert merged.seeking.roles == ("bridge_builder",)
    assert merged.review_notes == (ReviewNote("target_groups", "Roere", "unmapped_code"),)
    assert fields["target_groups"] == "merged"


def test_the_address_comes_with_its_point_where_the_postcode_agrees() -> None:
    merged, fields = merge_actors(roklub(), imported())
    assert merged.location == Location(
        address="Havnevej 3",
        postcode="6700",
        city="Esbjerg",
        municipality_code="0561",
        lat=55.46,
        lon=8.44,
        precision="address",
    )
    assert fields["location.address"] == "merged"
    assert fields["location.city"] == "survivor"


def test_no_address_from_another_postcode() -> None:
    other = imported()
    moved = Location(address="Storegade 1", postcode="6800", city="Varde", lat=55.6, lon=8.5)
    merged, fields = merge_actors(roklub(), Actor(**{**other.__dict__, "location": moved}))
    assert merged.location == roklub().location
    assert "location.address" in fields and fields["location.address"] == "survivor"


def test_choices_take_a_whole_field_from_one_side() -> None:
    merged, fields = merge_actors(
        roklub(),
        imported(),
        {"name": "other", "target_groups": "other", "contact.email": "merged", "kind": "survivor"},
    )
    assert merged.name == "Esbjerg Roklubben"
    assert merged.target_groups == ("general_population", "elderly_lonely")
    assert merged.contact.email == "info@roklub.dk"
    assert merged.kind == "local_association"
    assert fields["name"] == fields["target_groups"] == fields["contact.email"] == "merged"
    assert fields["kind"] == "survivor"


def test_choosing_the_other_postcode_brings_its_point_and_keeps_a_survivor_address_honest() -> None:
    survivor = Actor(
        id="a",
        name="X",
        kind="local_association",
        location=Location(
            address="Torvet 1", postcode="6700", lat=55.4, lon=8.4, precision="address"
        ),
    )
    other = Actor(
        id="b",
        name="X",
        kind="local_association",
        location=Location(postcode="6705", lat=55.5, lon=8.5, precision="postcode"),
    )
    merged, _ = merge_actors(survivor, other, {"location.postcode": "other"})
    assert merged.location.postcode == "6705"
    assert (merged.location.lat, merged.location.lon) == (55.5, 8.5)
    assert merged.location.precision == "postcode"
    merged, _ = merge_actors(other, survivor, {"location.address": "other"})
    # The address came without its postcode and point: the point is the postcode's.
    assert merged.location.address == "Torvet 1"
    assert merged.location.precision == "postcode"


def test_consent_is_kept_whole_and_booleans_stay_the_survivors() -> None:
    survivor = Actor(id="a", name="Anna", kind="volunteer_person", public=False)
    other = Actor(
        id="b",
        name="Anna Jensen",
        kind="volunteer_person",
        public=True,
        consent=Consent(dt.date(2024, 5, 1), "Frivilligformidling"),
    )
    merged, fields = merge_actors(survivor, other)
    assert merged.public is False
    assert merged.consent == Consent(dt.date(2024, 5, 1), "Frivilligformidling")
    assert fields["public"] == "survivor"
    assert fields["consent"] == "merged"


def test_a_parent_merged_with_its_child_is_nobodys_parent() -> None:
    parent = Actor(id="p", name="DN", kind="voluntary_organisation", parent_id="dn-dk")
    child = Actor(id="c", name="DN Esbjerg", kind="voluntary_organisation", parent_id="p")
    merged, _ = merge_actors(child, parent)
    assert merged.parent_id == "dn-dk"
    merged, _ = merge_actors(parent, child)
    assert merged.parent_id == "dn-dk"
    merged, _ = merge_actors(
        Actor(id="c", name="x", kind="company", parent_id="p"),
        Actor(id="p", name="x", kind="company"),
    )
    assert merged.parent_id is None


def test_merging_a_record_with_itself_changes_nothing() -> None:
    merged, fields = merge_actors(roklub(), roklub())
    assert merged == roklub()
    assert fields == {}


def test_bad_choices_name_every_field_and_the_nearest() -> None:
    with pytest.raises(ValidationError) as raised:
        merge_actors(roklub(), imported(), {"nmae": "other", "kind": "theirs", "id": "other"})
    problems = {p.field: p for p in raised.value.problems}
    assert problems["nmae"].code == "unknown_field"
    assert problems["nmae"].params["nearest"] == "name"
    assert problems["kind"].code == "not_one_of"
    assert problems["id"].code == "unknown_field"  # the survivor's id is never chosen


def test_every_field_of_an_actor_is_decided() -> None:
    assert set(MERGE_FIELDS) == set(SCALAR_FIELDS) | set(LIST_FIELDS)
    assert {"name", "location.postcode", "contact.email", "profile.we_are"} <= set(SCALAR_FIELDS)
    assert {"target_groups", "registry_ids", "review_notes"} <= set(LIST_FIELDS)
