"""Editing single actors through ActorEditService on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from mapper.domain.errors import ConflictError, NotFoundError, ValidationError
from mapper.domain.ids import MAX_SLUG, slugify
from mapper.domain.model import Actor, Consent, Contact, Location, Profile, Resource
from mapper.persistence.database import Database
from mapper.persistence.store import change_stamp
from mapper.services.actors import ActorEditService, ActorInUseError
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape


@pytest.fixture
def edit(database: Database, service: LandscapeService) -> ActorEditService:
    service.import_document(small_landscape())
    return ActorEditService(database)


def revision(database: Database) -> tuple[object, ...]:
    with database.unit_of_work() as session:
        return change_stamp(session)


def refused(
    edit: ActorEditService, actor_id: str, attempt: Callable[[], object], error: type[Exception]
) -> Exception:
    """Run a save that must fail; the stored record and the register stay as they were."""
    before = edit.load(actor_id)
    rev = revision(edit.database)
    with pytest.raises(error) as info:
        attempt()
    assert edit.load(actor_id) == before
    assert revision(edit.database) == rev
    return info.value


def fields(error: Exception) -> dict[str, tuple[str, object, str | None]]:
    assert isinstance(error, ValidationError)
    return {p.field: (p.record, p.value, p.hint) for p in error.problems}


def mentor_association(actor_id: str) -> Actor:
    return Actor(
        id=actor_id,
        name="Mentorforeningen Vest",
        kind="local_association",
        location=Location(
            address="Torvegade 3",
            postcode="6700",
            city="Esbjerg",
            municipality_code="0561",
            lat=55.47,
            lon=8.45,
            precision="address",
        ),
        volunteers=12,
        target_groups=("youth_crime", "youth_vulnerable"),
        resources_offered=(Resource("mentoring", "Faste mentorer", 30.0, None),),
        roles=("volunteer_provider",),
        prevention_levels=("early",),
        profile=Profile(
            we_are="En forening af voksne mentorer.",
            success_examples=("Mentor på skolen", "Fodbold om fredagen"),
            evidence_level="case_study",
        ),
        contact=Contact(name="Ole", email="ole@example.dk", website="https://mentor.example.dk"),
        verified_on=dt.date(2026, 5, 1),
    )


# --------------------------------------------------------------------------- create and update


def test_a_new_association_is_created_with_a_readable_id(edit: ActorEditService) -> None:
    actor_id = edit.new_actor_id("Mentorforeningen Vest", "0561")
    assert actor_id == "esb-mentorforeningen-vest"
    actor = mentor_association(actor_id)
    assert edit.save(actor, expected_version=None) == 1
    assert edit.load(actor_id) == (actor, 1)


def test_an_update_needs_the_version_it_was_read_at_and_returns_the_next(
    edit: ActorEditService,
) -> None:
    actor, version = edit.load("esb-sind")
    changed = replace(actor, volunteers=45, profile=replace(actor.profile, worst_at="Økonomi"))
    new_version = edit.save(changed, expected_version=version)
    assert new_version == version + 1
    assert edit.load("esb-sind") == (changed, new_version)
    # Saving what is stored changes nothing, not even the version.
    assert edit.save(changed, expected_version=new_version) == new_version


def test_a_save_over_someone_elses_change_is_a_conflict(edit: ActorEditService) -> None:
    mine, version = edit.load("esb-sind")
    theirs = replace(mine, volunteers=50)
    edit.save(theirs, expected_version=version)
    error = refused(
        edit,
        "esb-sind",
        lambda: edit.save(replace(mine, volunteers=41), expected_version=version),
        ConflictError,
    )
    assert isinstance(error, ConflictError)
    assert (error.record_id, error.expected_version, error.actual_version) == (
        "esb-sind",
        version,
        version + 1,
    )
    assert edit.load("esb-sind")[0].volunteers == 50


def test_creating_an_id_that_exists_is_refused_with_a_free_id(edit: ActorEditService) -> None:
    copy = replace(edit.load("esb-sind")[0], name="Someone else")
    error = refused(edit, "esb-sind", lambda: edit.save(copy, expected_version=None), Exception)
    assert fields(error)["id"] == ("actor esb-sind", "esb-sind", "a free id: esb-sind-2")


def test_updating_an_actor_that_is_gone_is_not_found(edit: ActorEditService) -> None:
    with pytest.raises(NotFoundError) as info:
        edit.save(mentor_association("esb-sindd"), expected_version=1)
    assert info.value.hint == "esb-sind"
    with pytest.raises(NotFoundError):
        edit.load("nobody")


# --------------------------------------------------------------------------- validation


def test_a_volunteer_without_consent_is_refused_naming_record_and_field(
    edit: ActorEditService,
) -> None:
    volunteer, version = edit.load("esb-vol-1")
    assert volunteer.public is False
    without = replace(volunteer, consent=Consent(given_on=None, purpose="  "))
    error = refused(
        edit, "esb-vol-1", lambda: edit.save(without, expected_version=version), ValidationError
    )
    problems = fields(error)
    assert set(problems) == {"consent.given_on", "consent.purpose"}
    assert problems["consent.given_on"][0] == "actor esb-vol-1"


def test_a_new_volunteer_without_consent_is_not_stored(edit: ActorEditService) -> None:
    person = Actor(id="esb-jens", name="Jens", kind="volunteer_person", public=False)
    with pytest.raises(ValidationError) as info:
        edit.save(person, expected_version=None)
    assert {p.field for p in info.value.problems} == {"consent.given_on", "consent.purpose"}
    with pytest.raises(NotFoundError):
        edit.load("esb-jens")


def test_a_public_volunteer_is_refused(edit: ActorEditService) -> None:
    volunteer, version = edit.load("esb-vol-1")
    error = refused(
        edit,
        "esb-vol-1",
        lambda: edit.save(replace(volunteer, public=True), expected_version=version),
        ValidationError,
    )
    assert fields(error) == {"public": ("actor esb-vol-1", True, "public = false")}


def test_an_unknown_code_is_refused_with_the_nearest_valid_code(edit: ActorEditService) -> None:
    actor, version = edit.load("esb-sind")
    bad = replace(
        actor,
        target_groups=("mental_ilness",),
        resources_offered=(Resource("volunter_hours"),),
    )
    error = refused(
        edit, "esb-sind", lambda: edit.save(bad, expected_version=version), ValidationError
    )
    assert fields(error) == {
        "target_groups[0]": (
            "actor esb-sind",
            "mental_ilness",
            "nearest valid code: mental_illness",
        ),
        "resources_offered[0].kind": (
            "actor esb-sind",
            "volunter_hours",
            "nearest valid code: volunteer_hours",
        ),
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"contact": Contact(email="anne(at)example.dk")}, "contact.email"),
        ({"contact": Contact(website="www.example.dk")}, "contact.website"),
        ({"location": Location(lat=55.5)}, "location.lon"),
        ({"location": Location(lat=95.0, lon=8.4)}, "location.lat"),
        ({"location": Location(municipality_code="Esbjerg")}, "location.municipality_code"),
        ({"parent_id": "dk-sinnd"}, "parent_id"),
        ({"employees": -1}, "employees"),
    ],
)
def test_bad_fields_are_refused_and_named(
    edit: ActorEditService, change: dict[str, object], field: str
) -> None:
    actor, version = edit.load("esb-sind")
    bad = replace(actor, **change)  # type: ignore[arg-type]
    error = refused(
        edit, "esb-sind", lambda: edit.save(bad, expected_version=version), ValidationError
    )
    assert list(fields(error)) == [field]


def test_check_finds_field_problems_without_the_database(edit: ActorEditService) -> None:
    actor = mentor_association("x")
    assert edit.check(actor) == []
    bad = replace(actor, contact=Contact(email="ole@"), location=Location(lon=8.4))
    assert [p.field for p in edit.check(bad)] == ["location.lat", "contact.email"]


# --------------------------------------------------------------------------- ids


def test_ids_are_ascii_slugs_and_unique(edit: ActorEditService) -> None:
    first = edit.new_actor_id("Søren's Café & Værested", "0561")
    assert first == "esb-soerens-cafe-vaerested"
    edit.save(replace(mentor_association(first), name="Søren's Café"), expected_version=None)
    second = edit.new_actor_id("Søren's Café & Værested", "0561")
    assert second == "esb-soerens-cafe-vaerested-2"
    edit.save(replace(mentor_association(second), name="Søren's Café"), expected_version=None)
    assert edit.new_actor_id("Søren's Café & Værested", "0561").endswith("-3")
    assert edit.new_actor_id("Vestbanken A/S") == "vestbanken-a-s"
    # A municipality without a prefix convention yet: its code.
    assert edit.new_actor_id("Ældresagen", "0101") == "0101-aeldresagen"
    assert edit.new_actor_id("!!!") == "actor"
    assert slugify("Å" * 100) == "aa" * (MAX_SLUG // 2)


# --------------------------------------------------------------------------- delete


def test_a_new_actor_can_be_deleted_again(edit: ActorEditService) -> None:
    actor = mentor_association("esb-mentorforeningen-vest")
    version = edit.save(actor, expected_version=None)
    rev = revision(edit.database)
    with pytest.raises(ConflictError):
        edit.delete(actor.id, version + 1)
    edit.delete(actor.id, version)
    with pytest.raises(NotFoundError):
        edit.load(actor.id)
    assert revision(edit.database) != rev
    # Creating the id again revives the tombstone: saved 1, deleted 2, created again 3.
    assert edit.save(actor, expected_version=None) == 3
    assert edit.load(actor.id) == (actor, 3)


@pytest.mark.parametrize(
    ("actor_id", "text"),
    [
        ("esb-patriciahuset", "it owns problem statements esb-p-bro"),
        ("esb-sind", "it is a partner on esb-p-bro"),
        ("dk-sind", "it is the parent of esb-sind"),
    ],
)
def test_an_actor_others_refer_to_cannot_be_deleted(
    edit: ActorEditService, actor_id: str, text: str
) -> None:
    before = edit.load(actor_id)
    with pytest.raises(ActorInUseError) as info:
        edit.delete(actor_id, before[1])
    assert text in str(info.value)
    assert edit.load(actor_id) == before


@pytest.mark.postgres
def test_create_update_conflict_and_delete_on_postgresql(pg_database: Database) -> None:
    LandscapeService(pg_database).import_document(small_landscape())
    edit = ActorEditService(pg_database)
    actor = mentor_association(edit.new_actor_id("Mentorforeningen Vest", "0561"))
    assert edit.save(actor, expected_version=None) == 1
    assert edit.save(replace(actor, volunteers=13), expected_version=1) == 2
    with pytest.raises(ConflictError):
        edit.save(replace(actor, volunteers=14), expected_version=1)
    with pytest.raises(ActorInUseError):
        edit.delete("esb-sind", edit.load("esb-sind")[1])
    edit.delete(actor.id, 2)
    with pytest.raises(NotFoundError):
        edit.load(actor.id)


def test_an_actor_saved_without_a_kind_is_told_the_kind_is_required(
    database: Database,
) -> None:
    from mapper.domain.errors import ValidationError
    from mapper.domain.model import Actor

    edits = ActorEditService(database)
    with pytest.raises(ValidationError) as caught:
        edits.save(Actor(id="x", name="Uden type", kind=""), expected_version=None)
    assert [(p.field, p.code) for p in caught.value.problems] == [("kind", "required")]
