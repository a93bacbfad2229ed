"""Tombstones of problem statements and partnerships: a deleted one stays in the database as a
tombstone (deleted_at/_by) that every read leaves out, and creating it again revives it.

The story: Patriciahuset in Esbjerg seeks partners for "Brobygning" and has proposed SIND; a
coordinator adds a walking club problem, thinks better of it and deletes it; a proposal to a
volunteer is taken back and made again."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select

from mapper.domain.errors import ConflictError, NotFoundError, PartnershipExistsError
from mapper.domain.model import ProblemStatement
from mapper.persistence.database import Database
from mapper.persistence.repositories import partnerships as partnership_rows
from mapper.persistence.repositories import problems as problem_rows
from mapper.persistence.store import PARTNERSHIP_HISTORY, PARTNERSHIPS, PROBLEMS, actor_keys
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from mapper.services.partnerships import PartnershipService
from mapper.services.problems import ProblemEditService
from tests.conftest import small_landscape

PROBLEM = "esb-p-bro"
NEW = "esb-p-gaaklub"
ASSOCIATION = "esb-sind"
VOLUNTEER = "esb-vol-1"


@pytest.fixture
def edits(database: Database, service: LandscapeService) -> ProblemEditService:
    service.import_document(small_landscape())
    return ProblemEditService(database, author="Mette")


def walking_club(edits: ProblemEditService) -> ProblemStatement:
    problem, _ = edits.load(PROBLEM)
    return replace(problem, id=NEW, title="Gå-klub for beboere", status="draft")


def deleted_walking_club(edits: ProblemEditService) -> tuple[ProblemStatement, int]:
    """The walking club, created and deleted again; its version after the deletion."""
    problem = walking_club(edits)
    version = edits.save(problem, expected_version=None)
    edits.delete(NEW, version)
    return problem, version + 1


def tombstone_of(database: Database, uid: str) -> tuple[int, dt.datetime | None, str | None]:
    with database.unit_of_work() as session:
        row = session.execute(
            select(PROBLEMS.c.version, PROBLEMS.c.deleted_at, PROBLEMS.c.deleted_by).where(
                PROBLEMS.c.uid == uid
            )
        ).one()
    return int(row.version), row.deleted_at, row.deleted_by


# --------------------------------------------------------------------------- problems


def test_deleting_a_problem_keeps_a_tombstone_naming_who_and_when(
    edits: ProblemEditService, database: Database
) -> None:
    _, version = deleted_walking_club(edits)
    stored_version, deleted_at, deleted_by = tombstone_of(database, NEW)
    assert (stored_version, deleted_by) == (version, "Mette")
    assert deleted_at is not None
    assert abs(deleted_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_a_deleted_problem_vanishes_from_lists_counts_and_lookups(
    edits: ProblemEditService, service: LandscapeService
) -> None:
    counted = service.counts().problems
    deleted_walking_club(edits)
    assert [p.id for p in service.list_problems()] == [PROBLEM]
    assert [p.id for p in service.list_problems(status="draft")] == []
    assert service.problem_summaries([NEW, PROBLEM])[0].id == PROBLEM
    assert len(service.problem_summaries([NEW])) == 0
    assert service.counts().problems == counted
    for load in (edits.load, edits.load_meta, service.get_problem):
        with pytest.raises(NotFoundError) as caught:
            load(NEW)
        assert (caught.value.kind, caught.value.record_id) == ("problem", NEW)
        assert caught.value.hint != NEW  # a tombstone is never offered as the nearest id


def test_a_deleted_problem_is_not_exported(
    edits: ProblemEditService, service: LandscapeService
) -> None:
    deleted_walking_club(edits)
    exported = service.export_document()
    assert [p["id"] for p in exported["problems"]] == [PROBLEM]


def test_a_deleted_problem_cannot_be_ranked_or_changed(
    edits: ProblemEditService, database: Database
) -> None:
    problem, version = deleted_walking_club(edits)
    with pytest.raises(NotFoundError):
        MatchingService(database).rank_actors_for_problem(NEW)
    with pytest.raises(NotFoundError):
        edits.save(replace(problem, title="Ændret"), expected_version=version)
    with pytest.raises(NotFoundError):
        edits.set_status(NEW, "open_for_input", expected_version=version)
    with pytest.raises(NotFoundError):
        edits.delete(NEW, version)
    with pytest.raises(NotFoundError):
        PartnershipService(database).propose(NEW, ASSOCIATION)


def test_creating_a_deleted_problem_again_revives_its_row(
    edits: ProblemEditService, database: Database, service: LandscapeService
) -> None:
    problem, version = deleted_walking_club(edits)
    with database.unit_of_work() as session:
        pk = session.execute(select(PROBLEMS.c.pk).where(PROBLEMS.c.uid == NEW)).scalar_one()
    revived = replace(problem, title="Gå-klub, anden udgave")
    reviver = ProblemEditService(database, author="Jonas")
    assert reviver.save(revived, expected_version=None) == version + 1
    assert reviver.load(NEW) == (revived, version + 1)
    meta = reviver.load_meta(NEW)
    assert (meta.created_by, meta.updated_by) == ("Jonas", "Jonas")
    assert tombstone_of(database, NEW)[1:] == (None, None)
    with database.unit_of_work() as session:
        assert problem_rows.problem_keys(session, [NEW]) == {NEW: pk}  # the same row
    assert [p.id for p in service.list_problems(status="draft")] == [NEW]


def test_importing_a_deleted_problem_revives_it_and_counts_it_created(
    edits: ProblemEditService, service: LandscapeService
) -> None:
    problem, _ = deleted_walking_club(edits)
    doc = small_landscape()
    doc["problems"][0].update(id=NEW, title=problem.title, status="draft")
    doc["partnerships"] = []
    report = service.import_document(doc)
    assert (report.problems.created, report.problems.updated) == (1, 0)
    assert service.get_problem(NEW).title == problem.title


def test_deleting_from_a_stale_version_conflicts_and_keeps_the_problem(
    edits: ProblemEditService,
) -> None:
    problem = walking_club(edits)
    version = edits.save(problem, expected_version=None)
    edits.save(replace(problem, title="Ændret"), expected_version=version)
    with pytest.raises(ConflictError):
        edits.delete(NEW, version)
    assert edits.load(NEW)[1] == version + 1


def test_deleting_a_problem_tombstones_its_removed_partnerships_too(
    edits: ProblemEditService, database: Database
) -> None:
    partnerships = PartnershipService(database)
    problem = walking_club(edits)
    version = edits.save(problem, expected_version=None)
    proposed = partnerships.propose(NEW, ASSOCIATION)
    partnerships.remove(NEW, ASSOCIATION, expected_version=proposed.version)
    edits.delete(NEW, version)
    with database.unit_of_work() as session:
        rows = session.execute(
            select(PARTNERSHIPS.c.deleted_at)
            .join(PROBLEMS, PROBLEMS.c.pk == PARTNERSHIPS.c.problem_pk)
            .where(PROBLEMS.c.uid == NEW)
        ).all()
    # Kept as a tombstone, not removed by ON DELETE CASCADE.
    assert len(rows) == 1
    assert rows[0].deleted_at is not None


def test_the_repository_tombstones_a_problems_live_partnerships_with_it(
    edits: ProblemEditService, database: Database, service: LandscapeService
) -> None:
    with database.unit_of_work() as session:
        stored = problem_rows.stored_problem(session, PROBLEM)
        assert stored is not None
        assert problem_rows.tombstone(session, stored.pk, stored.version, "Mette") is not None
    assert PartnershipService(database).list_partnerships() == []
    assert service.export_landscape().partnerships == ()
    assert service.counts().partnerships == 0
    with pytest.raises(NotFoundError):
        PartnershipService(database).get(PROBLEM, ASSOCIATION)


# --------------------------------------------------------------------------- partnerships


def test_removing_a_partnership_tombstones_it_and_proposing_again_revives_it(
    edits: ProblemEditService, database: Database, service: LandscapeService
) -> None:
    partnerships = PartnershipService(database, author="Mette")
    proposed = partnerships.propose(PROBLEM, VOLUNTEER, note="Første forslag")
    partnerships.remove(PROBLEM, VOLUNTEER, expected_version=proposed.version)
    with database.unit_of_work() as session:
        pk, version, deleted_by = session.execute(
            select(PARTNERSHIPS.c.pk, PARTNERSHIPS.c.version, PARTNERSHIPS.c.deleted_by)
            .join(PROBLEMS, PROBLEMS.c.pk == PARTNERSHIPS.c.problem_pk)
            .where(PARTNERSHIPS.c.deleted_at.is_not(None))
        ).one()
        history = session.execute(
            select(PARTNERSHIP_HISTORY.c.pk).where(PARTNERSHIP_HISTORY.c.partnership_pk == pk)
        ).all()
    assert (version, deleted_by, history) == (proposed.version + 1, "Mette", [])
    assert [p.actor_id for p in partnerships.list_partnerships()] == [ASSOCIATION]
    assert [p.actor_id for p in service.export_landscape().partnerships] == [ASSOCIATION]
    assert service.counts().partnerships == 1
    with pytest.raises(NotFoundError):
        partnerships.get(PROBLEM, VOLUNTEER)
    with pytest.raises(NotFoundError):
        partnerships.change_stage(PROBLEM, VOLUNTEER, "contacted", expected_version=version)
    with pytest.raises(NotFoundError):
        partnerships.remove(PROBLEM, VOLUNTEER, expected_version=version)

    again = PartnershipService(database, author="Jonas").propose(PROBLEM, VOLUNTEER)
    assert again.version == version + 1
    assert (again.stage, again.type, again.notes, again.success_factors) == (
        "proposed",
        None,
        None,
        (),
    )
    assert [(h.stage, h.note) for h in again.history] == [("proposed", None)]
    with database.unit_of_work() as session:
        problem_pk = problem_rows.problem_keys(session, [PROBLEM])[PROBLEM]
        actor_pk = actor_keys(session, [VOLUNTEER])[VOLUNTEER]
        found = partnership_rows.find(session, problem_pk, actor_pk)
    assert found == partnership_rows.StoredPartnership(pk, "proposed", version + 1, False)
    with pytest.raises(PartnershipExistsError):
        partnerships.propose(PROBLEM, VOLUNTEER)


def test_importing_a_removed_partnership_revives_it(
    edits: ProblemEditService, database: Database, service: LandscapeService
) -> None:
    partnerships = PartnershipService(database)
    partnerships.remove(PROBLEM, ASSOCIATION, expected_version=1)
    assert service.counts().partnerships == 0
    report = service.import_document(small_landscape())
    assert report.partnerships.created == 1
    detail = partnerships.get(PROBLEM, ASSOCIATION)
    assert (detail.stage, detail.success_factors, detail.version) == (
        "proposed",
        ("clear_goals",),
        3,
    )
    assert [h.stage for h in detail.history] == ["proposed"]


# --------------------------------------------------------------------------- versions


def test_every_partnership_write_states_the_version_it_read(database: Database) -> None:
    partnerships = PartnershipService(database)
    for call in (
        lambda: partnerships.change_stage(PROBLEM, ASSOCIATION, "contacted"),  # type: ignore[call-arg]
        lambda: partnerships.update(PROBLEM, ASSOCIATION, notes="x"),  # type: ignore[call-arg]
        lambda: partnerships.remove(PROBLEM, ASSOCIATION),  # type: ignore[call-arg]
    ):
        with pytest.raises(TypeError, match="expected_version"):
            call()


def test_a_stage_change_is_stamped_by_the_database_clock_and_its_author(
    edits: ProblemEditService, database: Database
) -> None:
    long_ago = dt.datetime(2001, 1, 1, tzinfo=dt.UTC)
    partnerships = PartnershipService(database, clock=lambda: long_ago, author="Mette")
    detail = partnerships.change_stage(PROBLEM, ASSOCIATION, "contacted", expected_version=1)
    assert abs(detail.history[-1].changed_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    with database.unit_of_work() as session:
        authors = session.execute(
            select(PARTNERSHIP_HISTORY.c.changed_by).order_by(PARTNERSHIP_HISTORY.c.pk)
        ).scalars()
        assert list(authors)[-1] == "Mette"


# --------------------------------------------------------------------------- PostgreSQL


@pytest.mark.postgres
def test_delete_and_revive_on_postgresql(pg_database: Database) -> None:
    service = LandscapeService(pg_database)
    service.import_document(small_landscape())
    edits = ProblemEditService(pg_database, author="Mette")
    problem, version = deleted_walking_club(edits)
    _, deleted_at, deleted_by = tombstone_of(pg_database, NEW)
    assert deleted_by == "Mette"
    assert deleted_at is not None and deleted_at.tzinfo is not None
    assert [p.id for p in service.list_problems()] == [PROBLEM]
    with pytest.raises(NotFoundError):
        MatchingService(pg_database).rank_actors_for_problem(NEW)
    assert edits.save(problem, expected_version=None) == version + 1
    assert edits.load(NEW) == (problem, version + 1)

    partnerships = PartnershipService(pg_database)
    proposed = partnerships.propose(PROBLEM, VOLUNTEER)
    partnerships.remove(PROBLEM, VOLUNTEER, expected_version=proposed.version)
    assert [p.actor_id for p in partnerships.list_partnerships()] == [ASSOCIATION]
    again = partnerships.propose(PROBLEM, VOLUNTEER)
    assert (again.version, len(again.history)) == (proposed.version + 2, 1)
