"""What an actor itself seeks (Vi søger …): stored, migrated, exchanged and validated."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from mapper.domain.errors import ValidationError
from mapper.domain.model import Actor, ActorSeeking
from mapper.domain.vocabulary import read_data_json
from mapper.io.interchange import actor_from_dict, actor_to_dict, validate_document
from mapper.persistence import store
from mapper.persistence.database import Database, make_engine, open_database, upgrade
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from tests.conftest import small_landscape

SEEKS = ActorSeeking(
    description="Vi søger lokaler til vores cafémøder og en virksomhed, der vil bygge bro.",
    resources=("premises", "funding"),
    roles=("bridge_builder",),
    target_groups=("elderly_lonely", "relatives"),
)


def association(**changes: Any) -> Actor:
    actor = Actor(
        id="esb-cafe",
        name="Café Fællesskab Esbjerg",
        kind="local_association",
        target_groups=("elderly_lonely",),
        roles=("community_builder",),
        seeking=SEEKS,
    )
    return replace(actor, **changes)


def stored(database: Database, actor_id: str) -> Actor:
    with database.unit_of_work() as session:
        keys = store.actor_keys(session, [actor_id])
        return store.load_actors(session, list(keys.values()))[0][1]


# --------------------------------------------------------------------------- domain


def test_an_actor_seeks_nothing_unless_it_says_so() -> None:
    assert Actor(id="a", name="A", kind="company").seeking == ActorSeeking()
    assert ActorSeeking().is_empty
    assert ActorSeeking(description="  ").is_empty
    assert not ActorSeeking(roles=("referrer",)).is_empty
    assert not SEEKS.is_empty


# --------------------------------------------------------------------------- storage


def _round_trip(database: Database) -> None:
    with database.unit_of_work() as session:
        counts = store.save_actors(session, [association()])
    assert counts.created == 1
    assert stored(database, "esb-cafe").seeking == SEEKS

    # A changed wish replaces the old one; the actor's own codes are untouched.
    less = ActorSeeking(resources=("volunteer_hours",))
    with database.unit_of_work() as session:
        counts = store.save_actors(session, [association(seeking=less)])
    assert counts.updated == 1
    again = stored(database, "esb-cafe")
    assert again.seeking == less
    assert again.target_groups == ("elderly_lonely",) and again.roles == ("community_builder",)

    with database.unit_of_work() as session:
        counts = store.save_actors(session, [association(seeking=less)])
    assert counts.unchanged == 1


def test_seeking_is_stored_and_read_back_on_sqlite(database: Database) -> None:
    _round_trip(database)


@pytest.mark.postgres
def test_seeking_is_stored_and_read_back_on_postgresql(pg_database: Database) -> None:
    _round_trip(pg_database)


def test_upgrading_from_0004_keeps_existing_actors_and_they_seek_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0004")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO actors (pk, uid, name, kind, public, active, version, created_at,"
                " updated_at) VALUES (1, 'esb-old', 'Gammel forening', 'local_association',"
                " 1, 1, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO actor_codes (actor_pk, facet, position, code)"
                " VALUES (1, 'target_group', 0, 'elderly_lonely'), (1, 'role', 0, 'advocate')"
            )
        )
    engine.dispose()

    database = open_database(str(path))  # migrates to head
    try:
        old = stored(database, "esb-old")
        assert old.seeking == ActorSeeking()
        assert old.target_groups == ("elderly_lonely",) and old.roles == ("advocate",)
        with database.unit_of_work() as session:
            store.save_actors(session, [replace(old, seeking=SEEKS)])
        assert stored(database, "esb-old").seeking == SEEKS
    finally:
        database.close()


def test_downgrading_0005_forgets_the_wish_but_keeps_the_actor(tmp_path: Path) -> None:
    from alembic import command

    from mapper.persistence.database import _alembic_config

    database = open_database(str(tmp_path / "down.sqlite"))
    with database.unit_of_work() as session:
        store.save_actors(session, [association()])
    command.downgrade(_alembic_config(database.engine), "0004")
    with database.engine.connect() as conn:
        facets = conn.execute(text("SELECT facet, code FROM actor_codes ORDER BY facet")).all()
        columns = [r[1] for r in conn.execute(text("PRAGMA table_info(actors)"))]
    assert [tuple(f) for f in facets] == [
        ("role", "community_builder"),
        ("target_group", "elderly_lonely"),
    ]
    assert "seeking_description" not in columns
    database.close()


# --------------------------------------------------------------------------- interchange


def test_seeking_is_exported_only_when_stated() -> None:
    assert "seeking" not in actor_to_dict(association(seeking=ActorSeeking()))
    exported = actor_to_dict(association())
    assert exported["seeking"] == {
        "description": SEEKS.description,
        "resources": ["premises", "funding"],
        "roles": ["bridge_builder"],
        "target_groups": ["elderly_lonely", "relatives"],
    }
    assert actor_from_dict(exported) == association()
    partial = actor_to_dict(association(seeking=ActorSeeking(roles=("referrer",))))
    assert partial["seeking"] == {"roles": ["referrer"]}


def test_seeking_round_trips_through_a_database(service: LandscapeService) -> None:
    doc = small_landscape()
    doc["actors"][0]["seeking"] = {
        "description": "Vi søger lokaler og en virksomhed, der kan bygge bro.",
        "resources": ["premises"],
        "roles": ["bridge_builder"],
        "target_groups": ["relatives"],
    }
    service.import_document(doc)
    exported = service.export_document(personal_data=True)
    by_id = {a["id"]: a for a in exported["actors"]}
    assert by_id["esb-sind"]["seeking"] == doc["actors"][0]["seeking"]
    assert all("seeking" not in a for i, a in by_id.items() if i != "esb-sind")
    assert not service.import_document(exported).changed_anything


BAD_SEEKING: dict[str, tuple[Any, str, object, str]] = {
    # case: (seeking, field, value, words in message or hint)
    "resource code": (
        {"resources": ["premises", "lokaler"]},
        "seeking.resources[1]",
        "lokaler",
        "premises",  # the Danish synonym points at its code
    ),
    "role code": (
        {"roles": ["bridgebuilder"]},
        "seeking.roles[0]",
        "bridgebuilder",
        "bridge_builder",
    ),
    "target group code": (
        {"target_groups": ["elderly_lonley"]},
        "seeking.target_groups[0]",
        "elderly_lonley",
        "elderly_lonely",
    ),
    "not an object": (["premises"], "seeking", ["premises"], "expected object"),
    "codes not a list": ({"roles": "referrer"}, "seeking.roles", "referrer", "expected array"),
    "code not a string": ({"resources": [3]}, "seeking.resources[0]", 3, "expected string"),
    "description not text": ({"description": 5}, "seeking.description", 5, "expected string"),
    "unknown field": ({"role": ["referrer"]}, "seeking.role", None, "roles"),
}


@pytest.mark.parametrize("case", sorted(BAD_SEEKING))
def test_a_bad_seeking_names_record_field_and_nearest(case: str, service: LandscapeService) -> None:
    seeking, field, value, words = BAD_SEEKING[case]
    doc = small_landscape()
    doc["actors"][3]["seeking"] = seeking
    with pytest.raises(ValidationError) as caught:
        service.import_document(doc)
    problems = caught.value.problems
    assert [(p.record, p.field, p.value) for p in problems] == [("actor esb-bank", field, value)]
    assert words in f"{problems[0].message} {problems[0].hint}"
    assert service.counts().actors == 0


@pytest.mark.parametrize(
    ("seeking", "code", "params"),
    [
        (["premises"], "wrong_type", {"expected": "object"}),
        ({"roles": "referrer"}, "wrong_type", {"expected": "array"}),
        ({"resources": [3]}, "wrong_type", {"expected": "string"}),
        ({"role": ["referrer"]}, "unknown_field", {"nearest": "roles"}),
    ],
)
def test_a_bad_seeking_shape_carries_a_code_for_the_ui(
    seeking: Any, code: str, params: dict[str, object]
) -> None:
    doc = small_landscape()
    doc["actors"][3]["seeking"] = seeking
    problem = validate_document(doc)[0]
    assert (problem.code, dict(problem.params)) == (code, params)


def test_a_bad_resource_code_hints_at_the_nearest_code(service: LandscapeService) -> None:
    doc = small_landscape()
    doc["actors"][3]["seeking"] = {"resources": ["premise"]}
    with pytest.raises(ValidationError) as caught:
        service.import_document(doc)
    assert "premises" in (caught.value.problems[0].hint or "")


def test_the_actor_editor_check_covers_the_sought_codes(database: Database) -> None:
    edit = ActorEditService(database)
    assert edit.check(association()) == []
    bad = association(seeking=replace(SEEKS, roles=("bridge_builder", "brobygger")))
    problems = edit.check(bad)
    assert [(p.record, p.field, p.value) for p in problems] == [
        ("actor esb-cafe", "seeking.roles[1]", "brobygger")
    ]
    with pytest.raises(ValidationError):
        edit.save(bad, expected_version=None)
    version = edit.save(association(), expected_version=None)
    assert edit.load("esb-cafe") == (association(), version)


# --------------------------------------------------------------------------- demo


def test_several_demo_actors_state_what_they_seek() -> None:
    seekers = [a for a in read_data_json("demo_landscape.json")["actors"] if a.get("seeking")]
    assert 5 <= len(seekers) <= 8
    for a in seekers:
        s = a["seeking"]
        assert s["description"] and (s.get("resources") or s.get("roles")), a["id"]


def test_demo_actor_to_actor_match_follows_what_the_actor_seeks(
    service: LandscapeService, database: Database
) -> None:
    service.load_demo()
    # Grønne Hænder seeks premises, funding and referrers for lonely elderly people: the
    # housing association in Esbjerg that offers all of that comes first.
    ranking = MatchingService(database).rank_actors_for_actor("esb-groenne-haender", top=3)
    assert ranking.matches[0].actor_id == "esb-boligforeningen-vestparken"


@pytest.mark.postgres
def test_down_to_0004_and_up_again_on_postgresql(pg_database: Database) -> None:
    from alembic import command

    from mapper.persistence.database import _alembic_config

    with pg_database.unit_of_work() as session:
        store.save_actors(session, [association()])
    command.downgrade(_alembic_config(pg_database.engine), "0004")
    upgrade(pg_database.engine)
    again = stored(pg_database, "esb-cafe")
    assert again.seeking == ActorSeeking()
    assert again.target_groups == ("elderly_lonely",) and again.roles == ("community_builder",)
