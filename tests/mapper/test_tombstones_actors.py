"""Deleting an actor leaves a tombstone: the row stays (deleted_at/by, version + 1) so that a
copy elsewhere can learn of the deletion, but no read shows it any more, and creating the id
again revives the row. Everything goes through the services the editors and the CLI use."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from exports.geojson import write_geojson
from mapper.domain.errors import ConflictError, NotFoundError, ValidationError
from mapper.domain.model import Actor, Contact, Location, Profile, Resource
from mapper.persistence.database import Database
from mapper.persistence.store import ACTORS
from mapper.services.actors import ActorEditService, ActorInUseError
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapService
from mapper.services.matching import MatchingService
from tests.conftest import small_landscape

MENTORS = "esb-mentorforeningen-vest"
PROBLEM = "esb-p-bro"


def mentor_association(actor_id: str = MENTORS, name: str = "Mentorforeningen Vest") -> Actor:
    """A public association in Esbjerg whose volunteers bridge people into communities."""
    return Actor(
        id=actor_id,
        name=name,
        kind="voluntary_organisation",
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
        target_groups=("youth_crime", "youth_vulnerable", "mental_illness"),
        resources_offered=(Resource("volunteer_hours", "Faste mentorer", 30.0, None),),
        roles=("bridge_builder", "volunteer_provider"),
        prevention_levels=("early",),
        profile=Profile(
            we_are="En forening af voksne mentorer.",
            best_at="Mentorer for unge",
            success_examples=("Mentor på skolen",),
            evidence_level="case_study",
        ),
        contact=Contact(name="Ole", email="ole@example.dk", website="https://mentor.example.dk"),
        verified_on=dt.date(2026, 5, 1),
        public=True,
    )


@pytest.fixture
def landscape(service: LandscapeService) -> LandscapeService:
    service.import_document(small_landscape())
    return service


@pytest.fixture
def edit(database: Database, landscape: LandscapeService) -> ActorEditService:
    return ActorEditService(database, author="Anna")


def stored_row(database: Database, actor_id: str) -> dict[str, object]:
    with database.unit_of_work() as session:
        row = session.execute(select(ACTORS).where(ACTORS.c.uid == actor_id)).one()
        return dict(row._mapping)


def create_and_delete(edit: ActorEditService) -> int:
    """The mentors are created, then deleted again; returns the version they were saved at."""
    version = edit.save(mentor_association(), expected_version=None)
    ActorEditService(edit.database, author="Bo").delete(MENTORS, version)
    return version


def test_a_deleted_actor_leaves_every_register_read(
    edit: ActorEditService, landscape: LandscapeService
) -> None:
    before_counts = landscape.counts()
    edit.save(mentor_association(), expected_version=None)
    assert MENTORS in [a.id for a in landscape.list_actors()]
    assert landscape.counts().actors == before_counts.actors + 1

    version = edit.load(MENTORS)[1]
    edit.delete(MENTORS, version)

    assert MENTORS not in [a.id for a in landscape.list_actors()]
    assert MENTORS not in [a.id for a in landscape.list_actors(municipality_code="0561")]
    assert landscape.list_actors(target_group="youth_crime") == [
        a for a in landscape.list_actors(target_group="youth_crime") if a.id != MENTORS
    ]
    assert landscape.actor_summaries([MENTORS, "esb-sind"])[0].id == "esb-sind"
    assert len(landscape.actor_summaries([MENTORS])) == 0
    assert landscape.counts() == before_counts
    for read in (landscape.get_actor, edit.load, edit.load_meta):
        with pytest.raises(NotFoundError) as caught:
            read(MENTORS)
        assert caught.value.record_id == MENTORS
    exported = landscape.export_document(personal_data=True)
    assert MENTORS not in [a["id"] for a in exported["actors"]]
    assert len(exported["actors"]) == before_counts.actors


def test_the_row_stays_as_a_tombstone_naming_who_deleted_it(edit: ActorEditService) -> None:
    version = create_and_delete(edit)
    row = stored_row(edit.database, MENTORS)
    assert row["deleted_at"] is not None
    assert row["deleted_by"] == "Bo"
    assert row["updated_by"] == "Bo"
    assert row["created_by"] == "Anna"
    assert row["version"] == version + 1
    assert row["name"] == "Mentorforeningen Vest"


def test_a_deleted_actor_is_no_candidate_and_on_no_map(
    edit: ActorEditService, database: Database
) -> None:
    matching = MatchingService(database)
    maps = MapService(database)
    version = edit.save(mentor_association(), expected_version=None)
    assert MENTORS in [
        m.actor_id for m in matching.rank_actors_for_problem(PROBLEM, top=50).matches
    ]
    assert MENTORS in [a.id for a in maps.partner_map().actors]
    considered = matching.rank_actors_for_problem(PROBLEM, top=50).considered

    edit.delete(MENTORS, version)

    ranking = matching.rank_actors_for_problem(PROBLEM, top=50)
    assert MENTORS not in [m.actor_id for m in ranking.matches]
    assert ranking.considered == considered - 1
    with pytest.raises(NotFoundError):
        matching.rank_problems_for_actor(MENTORS)
    for scope, value in (("all", None), ("municipality", "0561"), ("problem", PROBLEM)):
        shown = maps.partner_map(scope=scope, value=value, top=50)
        assert MENTORS not in [a.id for a in shown.actors], scope
    out = io.StringIO()
    write_geojson(maps.partner_map(), out)
    features = json.loads(out.getvalue())["features"]
    assert features and MENTORS not in [f["id"] for f in features]


def test_creating_the_id_again_revives_the_tombstone(edit: ActorEditService) -> None:
    version = create_and_delete(edit)
    reborn = replace(mentor_association(), name="Mentorforeningen Vest og Syd")
    carl = ActorEditService(edit.database, author="Carl")

    new_version = carl.save(reborn, expected_version=None)

    assert new_version == version + 2  # saved, deleted, created again
    assert carl.load(MENTORS) == (reborn, new_version)
    row = stored_row(edit.database, MENTORS)
    assert row["deleted_at"] is None and row["deleted_by"] is None
    assert row["created_by"] == "Carl" and row["updated_by"] == "Carl"
    assert carl.load_meta(MENTORS).created_by == "Carl"
    # The uid stays unique: one row, not a second one.
    with edit.database.unit_of_work() as session:
        assert len(session.execute(select(ACTORS.c.pk).where(ACTORS.c.uid == MENTORS)).all()) == 1


def test_a_deleted_actor_cannot_be_changed_or_deleted_again(edit: ActorEditService) -> None:
    version = create_and_delete(edit)
    with pytest.raises(NotFoundError):
        edit.save(mentor_association(), expected_version=version + 1)
    with pytest.raises(NotFoundError):
        edit.delete(MENTORS, version + 1)
    assert stored_row(edit.database, MENTORS)["version"] == version + 1


def test_a_stale_delete_conflicts_and_keeps_the_actor(edit: ActorEditService) -> None:
    version = edit.save(mentor_association(), expected_version=None)
    edit.save(replace(mentor_association(), volunteers=13), expected_version=version)
    with pytest.raises(ConflictError):
        edit.delete(MENTORS, version)
    assert stored_row(edit.database, MENTORS)["deleted_at"] is None


def test_importing_a_deleted_id_revives_it(
    edit: ActorEditService, landscape: LandscapeService
) -> None:
    create_and_delete(edit)
    doc = small_landscape()
    doc["actors"] = [a for a in doc["actors"] if a["id"] == "esb-bank"]
    bank = dict(doc["actors"][0], id=MENTORS, name="Mentorforeningen Vest")
    doc["actors"] = [bank]
    doc["problems"] = []
    doc["partnerships"] = []

    report = landscape.import_document(doc)

    assert (report.actors.created, report.actors.updated) == (1, 0)
    assert landscape.get_actor(MENTORS).name == "Mentorforeningen Vest"


def test_a_reference_to_a_deleted_actor_is_refused_naming_it(
    edit: ActorEditService,
) -> None:
    create_and_delete(edit)
    child = replace(mentor_association("esb-mentor-syd", "Mentor Syd"), parent_id=MENTORS)
    problems = edit.check(child)
    assert problems == []  # without the database the parent is taken to exist
    with pytest.raises(ValidationError) as caught:
        edit.save(child, expected_version=None)
    assert [(p.field, p.value) for p in caught.value.problems] == [("parent_id", MENTORS)]


def test_an_actor_others_refer_to_is_still_not_deleted(edit: ActorEditService) -> None:
    sind, version = edit.load("esb-sind")
    with pytest.raises(ActorInUseError):
        edit.delete("esb-sind", version)
    assert edit.load("esb-sind") == (sind, version)
    assert stored_row(edit.database, "esb-sind")["deleted_at"] is None


def test_a_new_id_is_never_a_deleted_actors_id(edit: ActorEditService) -> None:
    create_and_delete(edit)
    assert edit.new_actor_id("Mentorforeningen Vest", "0561") == f"{MENTORS}-2"


@pytest.mark.postgres
def test_delete_and_revive_on_postgresql(pg_database: Database) -> None:
    landscape = LandscapeService(pg_database)
    landscape.import_document(small_landscape())
    edit = ActorEditService(pg_database, author="Anna")
    actors_before = landscape.counts().actors
    version = create_and_delete(edit)

    assert landscape.counts().actors == actors_before
    assert MENTORS not in [a.id for a in landscape.list_actors()]
    with pytest.raises(NotFoundError):
        landscape.get_actor(MENTORS)
    row = stored_row(pg_database, MENTORS)
    assert row["deleted_by"] == "Bo" and row["version"] == version + 1
    assert isinstance(row["deleted_at"], dt.datetime) and row["deleted_at"].tzinfo is not None

    assert edit.save(mentor_association(), expected_version=None) == version + 2
    assert stored_row(pg_database, MENTORS)["deleted_at"] is None
    assert landscape.get_actor(MENTORS) == mentor_association()
