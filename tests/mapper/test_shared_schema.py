"""The schema for a shared server: authors, database CHECKs, migration 0006 on a database that
holds data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mapper.domain.authors import current_author
from mapper.persistence.database import Database, make_engine, open_database, upgrade
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.partnerships import PartnershipService
from mapper.services.problems import ProblemEditService


def test_authors_are_recorded_on_create_update_and_stage_change(
    database: Database, landscape_doc: dict[str, Any]
) -> None:
    LandscapeService(database, author="Importøren").import_document(landscape_doc)
    anne = ActorEditService(database, author="Anne")
    meta = anne.load_meta("esb-sind")
    assert (meta.created_by, meta.updated_by) == ("Importøren", "Importøren")
    actor, version = anne.load("esb-sind")
    anne.save(replace(actor, name="Sammen om Sindet"), expected_version=version)
    meta = anne.load_meta("esb-sind")
    assert (meta.created_by, meta.updated_by, meta.version) == ("Importøren", "Anne", 2)

    problems = ProblemEditService(database)  # no author given: the OS login
    problem, version = problems.load("esb-p-bro")
    problems.save(replace(problem, title="Ny titel"), expected_version=version)
    assert problems.load_meta("esb-p-bro").updated_by == current_author()

    bo = PartnershipService(database, author="Bo")
    bo.change_stage("esb-p-bro", "esb-sind", "contacted", expected_version=1)
    with database.unit_of_work() as session:
        rows = session.execute(
            text("SELECT stage, changed_by FROM partnership_stage_history ORDER BY pk")
        ).all()
        updated_by = session.execute(text("SELECT updated_by FROM partnerships")).scalar()
    assert [tuple(r) for r in rows] == [("proposed", "Importøren"), ("contacted", "Bo")]
    assert updated_by == "Bo"


def _public_volunteer_refused(database: Database) -> None:
    refused = (
        ("volunteer_not_public", "UPDATE actors SET public = true WHERE uid = 'esb-vol-1'"),
        ("lat_range", "UPDATE actors SET lat = 91 WHERE uid = 'esb-sind'"),
        ("status", "UPDATE problems SET status = 'done'"),
    )
    for check, statement in refused:
        with pytest.raises(IntegrityError, match=check), database.engine.begin() as conn:
            conn.execute(text(statement))
    assert ActorEditService(database).load("esb-vol-1")[0].public is False


def test_the_database_refuses_a_public_volunteer_on_sqlite(
    database: Database, landscape_doc: dict[str, Any]
) -> None:
    LandscapeService(database).import_document(landscape_doc)
    _public_volunteer_refused(database)


@pytest.mark.postgres
def test_the_database_refuses_a_public_volunteer_on_postgresql(
    pg_database: Database, landscape_doc: dict[str, Any]
) -> None:
    LandscapeService(pg_database).import_document(landscape_doc)
    _public_volunteer_refused(pg_database)


OLD_ROWS = (
    "INSERT INTO actors (pk, uid, name, kind, public, active, version, created_at, updated_at, "
    "lat, lon, location_precision) VALUES "
    "(1, 'esb-sind', 'Sammen om Sindet', 'voluntary_organisation', 1, 1, 3, "
    "'2026-01-01 10:00:00.000000', '2026-01-02 10:00:00.000000', 55.4, 8.4, 'address'), "
    "(2, 'esb-vol-1', 'Mette', 'volunteer_person', 1, 1, 1, "
    "'2026-01-01 10:00:00.000000', '2026-01-01 10:00:00.000000', NULL, NULL, NULL)",
    "INSERT INTO actor_codes (actor_pk, facet, position, code) VALUES "
    "(1, 'target_group', 0, 'mental_illness'), (1, 'role', 0, 'bridge_builder')",
    "INSERT INTO problems (pk, uid, title, owner_pk, status, involves_statutory_task, version, "
    "created_at, updated_at) VALUES (1, 'esb-p-bro', 'Brobygning', 1, 'seeking', 0, 2, "
    "'2026-01-01 10:00:00.000000', '2026-01-01 10:00:00.000000')",
    "INSERT INTO problem_codes (problem_pk, facet, position, code) VALUES "
    "(1, 'target_group', 0, 'mental_illness')",
    "INSERT INTO partnerships (pk, problem_pk, actor_pk, stage, version, created_at, "
    "updated_at) VALUES (1, 1, 1, 'proposed', 1, '2026-01-03 10:00:00.000000', "
    "'2026-01-03 10:00:00.000000')",
    "INSERT INTO partnership_stage_history (partnership_pk, stage, changed_at) VALUES "
    "(1, 'proposed', '2026-01-03 10:00:00.000000')",
)
TABLES = (
    "actors",
    "actor_codes",
    "problems",
    "problem_codes",
    "partnerships",
    "partnership_stage_history",
)


def test_migration_0006_keeps_every_record(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0005")
    with engine.begin() as conn:  # written by release 0005, with a volunteer it let be public
        for statement in OLD_ROWS:
            conn.execute(text(statement))
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}
    engine.dispose()

    db = open_database(str(path))
    try:
        with db.engine.connect() as conn:
            assert {
                t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES
            } == counts
        actors = ActorEditService(db)
        sind, version = actors.load("esb-sind")
        assert (sind.name, version, sind.target_groups) == (
            "Sammen om Sindet",
            3,
            ("mental_illness",),
        )
        meta = actors.load_meta("esb-sind")
        assert meta.created_by is None  # nobody knows who wrote it
        assert meta.updated_at.isoformat() == "2026-01-02T10:00:00+00:00"
        assert actors.load("esb-vol-1")[0].public is False  # made private by the migration
        assert ProblemEditService(db).load("esb-p-bro")[0].owner_id == "esb-sind"
        assert PartnershipService(db).get("esb-p-bro", "esb-sind").stage == "proposed"
    finally:
        db.close()
