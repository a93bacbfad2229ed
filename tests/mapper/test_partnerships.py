"""The partnership service on a real SQLite file (and once on PostgreSQL): a socio-psychiatric
unit in Esbjerg and the association proposed as its partner, followed through the stages."""

from __future__ import annotations

import datetime as dt

import pytest

from mapper.domain.errors import (
    ConflictError,
    NotFoundError,
    PartnershipExistsError,
    ValidationError,
)
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.persistence.repositories import partnerships as partnership_rows
from mapper.services.history import HistoryService
from mapper.services.landscape import LandscapeService
from mapper.services.partnerships import PartnershipDetail, PartnershipService
from tests.conftest import small_landscape

PROBLEM = "esb-p-bro"
ASSOCIATION = "esb-sind"  # already proposed in the small landscape
VOLUNTEER = "esb-vol-1"


@pytest.fixture
def partnerships(service: LandscapeService, database: Database) -> PartnershipService:
    service.import_document(small_landscape())
    return PartnershipService(database)


def revision(database: Database) -> tuple[object, ...]:
    with database.unit_of_work() as session:
        return store.change_stamp(session)


def stored(partnerships: PartnershipService) -> tuple[object, ...]:
    """Everything stored about partnerships, to show that a rejected call changed nothing."""
    return (
        tuple(partnerships.list_partnerships()),
        tuple(partnerships.get(p.problem_id, p.actor_id) for p in partnerships.list_partnerships()),
    )


# --------------------------------------------------------------------------- reading


def test_lists_the_partnership_with_names_and_counts(partnerships: PartnershipService) -> None:
    [row] = partnerships.list_partnerships()
    assert (row.problem_id, row.problem_title) == (PROBLEM, "Brobygning til fællesskaber")
    assert (row.actor_id, row.actor_name, row.actor_kind) == (
        ASSOCIATION,
        "Sammen om Sindet Esbjerg",
        "voluntary_organisation",
    )
    assert (row.stage, row.type, row.updated_on) == (
        "proposed",
        "project_based",
        dt.date(2026, 4, 1),
    )
    assert (row.version, row.success_factor_count) == (1, 1)
    assert row.key == (PROBLEM, ASSOCIATION)


def test_get_returns_fields_factors_and_history(partnerships: PartnershipService) -> None:
    detail = partnerships.get(PROBLEM, ASSOCIATION)
    assert detail.success_factors == ("clear_goals",)
    assert [(h.stage, h.note) for h in detail.history] == [("proposed", "import")]
    assert detail.history[0].changed_at.tzinfo is not None
    # The register says the partnership stood at its stage on 1 April 2026: that is when the
    # imported stage was reached, not the day of the import.
    assert detail.history[0].changed_at == dt.datetime(2026, 4, 1, 12, tzinfo=dt.UTC)
    assert detail.version == 1
    assert detail.summary == partnerships.list_partnerships()[0]


def test_demo_list_is_in_stage_order_then_title(database: Database) -> None:
    LandscapeService(database).load_demo()
    service = PartnershipService(database)
    rows = service.list_partnerships()
    assert len(rows) == 15
    order = [t.code for t in service.vocabulary.terms("partnership_stages")]
    keys = [(order.index(r.stage), r.problem_title.casefold()) for r in rows]
    assert keys == sorted(keys)
    proposed = service.list_partnerships(stage="proposed")
    assert {r.stage for r in proposed} == {"proposed"}
    assert len(proposed) == sum(r.stage == "proposed" for r in rows) == 3


def test_an_imported_stage_dated_today_or_later_is_stamped_now(
    service: LandscapeService, database: Database
) -> None:
    document = small_landscape()
    future = dt.date.today() + dt.timedelta(days=30)
    document["partnerships"][0]["updated_on"] = future.isoformat()
    before = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    service.import_document(document)
    [change] = PartnershipService(database).get(PROBLEM, ASSOCIATION).history
    assert before <= change.changed_at <= dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)


def test_a_stage_changed_by_a_later_import_is_stamped_at_the_import(
    service: LandscapeService, database: Database
) -> None:
    document = small_landscape()
    service.import_document(document)
    document["partnerships"][0]["stage"] = "dialogue"
    document["partnerships"][0]["updated_on"] = "2026-05-01"
    before = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    service.import_document(document)
    history = PartnershipService(database).get(PROBLEM, ASSOCIATION).history
    assert [h.stage for h in history] == ["proposed", "dialogue"]
    # Appended history stays in time order: the new stage is stamped by the import.
    assert history[1].changed_at >= before > history[0].changed_at


def test_listing_an_unknown_stage_names_the_nearest(partnerships: PartnershipService) -> None:
    with pytest.raises(ValidationError) as caught:
        partnerships.list_partnerships(stage="agred")
    assert caught.value.problems[0].hint == "nearest valid code: agreed"


def test_get_unknown_ids_raise_not_found_with_nearest_id(partnerships: PartnershipService) -> None:
    with pytest.raises(NotFoundError) as caught:
        partnerships.get("esb-p-bor", ASSOCIATION)
    assert (caught.value.kind, caught.value.hint) == ("problem", "esb-p-bro")
    with pytest.raises(NotFoundError) as caught:
        partnerships.get(PROBLEM, "esb-sin")
    assert (caught.value.kind, caught.value.hint) == ("actor", "esb-sind")
    with pytest.raises(NotFoundError) as caught:
        partnerships.get(PROBLEM, VOLUNTEER)  # both exist, but are not partners
    assert caught.value.kind == "partnership"
    assert PROBLEM in str(caught.value) and VOLUNTEER in str(caught.value)


# --------------------------------------------------------------------------- propose


def test_propose_creates_a_proposed_partnership_with_history(
    partnerships: PartnershipService, database: Database
) -> None:
    before = revision(database)
    detail = partnerships.propose(PROBLEM, VOLUNTEER, note="  Foreslået af SSP ")
    assert (detail.stage, detail.version, detail.type, detail.success_factors) == (
        "proposed",
        1,
        None,
        (),
    )
    assert [(h.stage, h.note) for h in detail.history] == [("proposed", "Foreslået af SSP")]
    assert detail.updated_on == dt.date.today()
    assert partnerships.get(PROBLEM, VOLUNTEER) == detail
    assert len(partnerships.list_partnerships()) == 2
    assert revision(database) != before  # fair rotation counts proposals


def test_proposing_twice_names_both_ids_and_keeps_the_first(
    partnerships: PartnershipService,
) -> None:
    before = stored(partnerships)
    with pytest.raises(PartnershipExistsError) as caught:
        partnerships.propose(PROBLEM, ASSOCIATION, note="igen")
    assert PROBLEM in str(caught.value) and ASSOCIATION in str(caught.value)
    assert caught.value.stage == "proposed"
    assert stored(partnerships) == before


def test_proposing_with_unknown_ids_stores_nothing(partnerships: PartnershipService) -> None:
    before = stored(partnerships)
    with pytest.raises(NotFoundError) as caught:
        partnerships.propose("esb-p-broo", VOLUNTEER)
    assert (caught.value.kind, caught.value.record_id, caught.value.hint) == (
        "problem",
        "esb-p-broo",
        "esb-p-bro",
    )
    with pytest.raises(NotFoundError) as caught:
        partnerships.propose(PROBLEM, "esb-vol-9")
    assert caught.value.kind == "actor"
    assert stored(partnerships) == before


# --------------------------------------------------------------------------- stages


def test_change_stage_appends_history_and_bumps_the_version(
    partnerships: PartnershipService, database: Database
) -> None:
    before = revision(database)
    moment = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
    clocked = PartnershipService(database, clock=lambda: moment)
    detail = clocked.change_stage(
        PROBLEM, ASSOCIATION, "contacted", note="Mail sendt", expected_version=1
    )
    assert (detail.stage, detail.version) == ("contacted", 2)
    assert detail.updated_on == moment.astimezone().date()
    # The record's timestamps and its stage changes come from the database clock, not the
    # service's, and name who made them.
    assert abs(detail.updated_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert [(h.stage, h.note) for h in detail.history][1:] == [("contacted", "Mail sendt")]
    assert abs(detail.history[-1].changed_at - detail.updated_at) < dt.timedelta(seconds=5)
    assert detail.history[0].stage == "proposed"  # oldest first
    assert (detail.type, detail.success_factors) == ("project_based", ("clear_goals",))
    assert revision(database) != before
    again = partnerships.change_stage(PROBLEM, ASSOCIATION, "dialogue", expected_version=2)
    assert [h.stage for h in again.history] == ["proposed", "contacted", "dialogue"]
    assert again.version == 3
    assert again.history[-1].changed_at >= detail.history[-1].changed_at


def test_unknown_stage_is_rejected_with_the_nearest_code(partnerships: PartnershipService) -> None:
    before = stored(partnerships)
    with pytest.raises(ValidationError) as caught:
        partnerships.change_stage(
            PROBLEM, ASSOCIATION, "contaced", note="kept?", expected_version=1
        )
    [problem] = caught.value.problems
    assert (problem.record, problem.field, problem.value) == (
        f"partnership {PROBLEM} ↔ {ASSOCIATION}",
        "stage",
        "contaced",
    )
    assert problem.hint == "nearest valid code: contacted"
    assert stored(partnerships) == before


def test_stale_version_conflicts_and_changes_nothing(partnerships: PartnershipService) -> None:
    # someone else: version 2
    partnerships.change_stage(PROBLEM, ASSOCIATION, "contacted", expected_version=1)
    before = stored(partnerships)
    with pytest.raises(ConflictError) as caught:
        partnerships.change_stage(PROBLEM, ASSOCIATION, "declined", expected_version=1)
    assert (caught.value.expected_version, caught.value.actual_version) == (1, 2)
    assert caught.value.record_id == f"{PROBLEM} ↔ {ASSOCIATION}"
    assert stored(partnerships) == before


def test_change_stage_of_unknown_partnership(partnerships: PartnershipService) -> None:
    before = stored(partnerships)
    with pytest.raises(NotFoundError) as caught:
        partnerships.change_stage(PROBLEM, VOLUNTEER, "contacted", expected_version=1)
    assert caught.value.kind == "partnership"
    with pytest.raises(NotFoundError):
        partnerships.change_stage("nope", ASSOCIATION, "contacted", expected_version=1)
    assert stored(partnerships) == before


def test_stage_changes_are_what_the_export_shows(
    partnerships: PartnershipService, service: LandscapeService
) -> None:
    partnerships.change_stage(
        PROBLEM, ASSOCIATION, "agreed", note="Aftale underskrevet", expected_version=1
    )
    [exported] = service.export_landscape().partnerships
    assert exported.stage == "agreed"
    assert [h.note for h in exported.history] == ["import", "Aftale underskrevet"]


# --------------------------------------------------------------------------- other fields


def test_update_changes_only_what_is_given(
    partnerships: PartnershipService, database: Database
) -> None:
    before = revision(database)
    detail = partnerships.update(
        PROBLEM,
        ASSOCIATION,
        notes="Første møde holdt.\n",
        success_factors=["open_communication", "clear_goals", "open_communication"],
        expected_version=1,
    )
    assert detail.notes == "Første møde holdt."
    assert detail.success_factors == ("open_communication", "clear_goals")
    assert (detail.type, detail.stage, len(detail.history)) == ("project_based", "proposed", 1)
    assert detail.version == 2
    assert detail.updated_on == dt.date.today()
    assert revision(database) != before
    cleared = partnerships.update(
        PROBLEM, ASSOCIATION, type=None, notes="  ", success_factors=[], expected_version=2
    )
    assert (cleared.type, cleared.notes, cleared.success_factors) == (None, None, ())
    assert partnerships.list_partnerships()[0].success_factor_count == 0


def test_update_with_what_is_stored_changes_nothing(
    partnerships: PartnershipService, database: Database
) -> None:
    before = revision(database)
    detail = partnerships.update(
        PROBLEM,
        ASSOCIATION,
        type="project_based",
        success_factors=["clear_goals"],
        expected_version=1,
    )
    assert detail == partnerships.get(PROBLEM, ASSOCIATION)
    assert detail.version == 1
    assert revision(database) == before


def test_update_names_every_unknown_code_and_stores_nothing(
    partnerships: PartnershipService,
) -> None:
    before = stored(partnerships)
    with pytest.raises(ValidationError) as caught:
        partnerships.update(
            PROBLEM,
            ASSOCIATION,
            type="philantropic",
            notes="not stored",
            success_factors=["clear_goals", "leadership_suport"],
            expected_version=1,
        )
    assert [(p.field, p.value, p.hint) for p in caught.value.problems] == [
        ("type", "philantropic", "nearest valid code: philanthropic"),
        ("success_factors[1]", "leadership_suport", "nearest valid code: leadership_support"),
    ]
    assert stored(partnerships) == before


def test_update_stores_the_effect_and_its_step_on_the_evidence_ladder(
    partnerships: PartnershipService, database: Database
) -> None:
    detail = partnerships.update(
        PROBLEM,
        ASSOCIATION,
        effect="  Trivselsmålingen efter tre måneder viser færre ensomme.\n",
        evidence_level="case_study",
        expected_version=1,
    )
    assert detail.effect == "Trivselsmålingen efter tre måneder viser færre ensomme."
    assert detail.evidence_level == "case_study"
    assert (detail.version, detail.notes, detail.type) == (2, None, "project_based")
    assert partnerships.get(PROBLEM, ASSOCIATION) == detail
    # the export carries it (sådan ved vi, at det virker)
    exported = LandscapeService(database).export_landscape().partnerships
    assert [(p.effect, p.evidence_level) for p in exported] == [(detail.effect, "case_study")]
    # not given: kept as stored; None: cleared
    kept = partnerships.update(PROBLEM, ASSOCIATION, notes="Noter", expected_version=2)
    assert (kept.effect, kept.evidence_level) == (detail.effect, "case_study")
    cleared = partnerships.update(
        PROBLEM, ASSOCIATION, effect=" ", evidence_level=None, expected_version=3
    )
    assert (cleared.effect, cleared.evidence_level, cleared.notes) == (None, None, "Noter")


def test_the_change_history_records_effect_and_evidence_level(
    partnerships: PartnershipService, database: Database
) -> None:
    partnerships.update(
        PROBLEM,
        ASSOCIATION,
        effect="Færre ensomme.",
        evidence_level="expert_assessment",
        expected_version=1,
    )
    partnerships.update(PROBLEM, ASSOCIATION, evidence_level="rct", expected_version=2)
    entries = HistoryService(database).history("partnership", f"{PROBLEM}:{ASSOCIATION}")
    newest, earlier = entries[0], entries[1]
    assert [(c.field, c.old, c.new) for c in newest.changes] == [
        ("evidence_level", "expert_assessment", "rct")
    ]
    assert [(c.field, c.old, c.new) for c in earlier.changes] == [
        ("effect", None, "Færre ensomme."),
        ("evidence_level", None, "expert_assessment"),
    ]


def test_an_unknown_evidence_level_is_refused_with_the_nearest_code(
    partnerships: PartnershipService,
) -> None:
    before = stored(partnerships)
    with pytest.raises(ValidationError) as caught:
        partnerships.update(
            PROBLEM,
            ASSOCIATION,
            effect="not stored",
            evidence_level="case_studie",
            expected_version=1,
        )
    [problem] = caught.value.problems
    assert (problem.record, problem.field, problem.value, problem.code) == (
        f"partnership {PROBLEM} ↔ {ASSOCIATION}",
        "evidence_level",
        "case_studie",
        "unknown_code",
    )
    assert problem.message == "unknown code in evidence_levels"
    assert problem.hint == "nearest valid code: case_study"
    assert stored(partnerships) == before


def test_an_effect_with_a_nul_character_is_refused(partnerships: PartnershipService) -> None:
    before = stored(partnerships)
    with pytest.raises(ValidationError) as caught:
        partnerships.update(PROBLEM, ASSOCIATION, effect="Virker\x00", expected_version=1)
    assert [(p.field, p.code) for p in caught.value.problems] == [("effect", "nul_character")]
    assert stored(partnerships) == before


def test_update_with_a_stale_version_conflicts(partnerships: PartnershipService) -> None:
    partnerships.update(PROBLEM, ASSOCIATION, notes="Their notes", expected_version=1)
    before = stored(partnerships)
    with pytest.raises(ConflictError) as caught:
        partnerships.update(PROBLEM, ASSOCIATION, notes="My notes", expected_version=1)
    assert (caught.value.expected_version, caught.value.actual_version) == (1, 2)
    assert stored(partnerships) == before


# --------------------------------------------------------------------------- remove


def test_remove_tombstones_the_partnership_without_its_history(
    partnerships: PartnershipService, database: Database
) -> None:
    proposed = partnerships.propose(PROBLEM, VOLUNTEER)
    before = revision(database)
    partnerships.remove(PROBLEM, VOLUNTEER, expected_version=proposed.version)
    assert [p.actor_id for p in partnerships.list_partnerships()] == [ASSOCIATION]
    with database.unit_of_work() as session:
        kept = partnership_rows.load_partnerships(session)
    assert [p.actor_id for _, p in kept] == [ASSOCIATION]
    assert revision(database) != before
    # Proposing again starts afresh.
    assert len(partnerships.propose(PROBLEM, VOLUNTEER).history) == 1


def test_remove_refuses_stale_versions_and_unknown_partnerships(
    partnerships: PartnershipService,
) -> None:
    partnerships.change_stage(PROBLEM, ASSOCIATION, "contacted", expected_version=1)
    before = stored(partnerships)
    with pytest.raises(ConflictError):
        partnerships.remove(PROBLEM, ASSOCIATION, expected_version=1)
    with pytest.raises(NotFoundError):
        partnerships.remove(PROBLEM, VOLUNTEER, expected_version=1)
    assert stored(partnerships) == before


# --------------------------------------------------------------------------- PostgreSQL


@pytest.mark.postgres
def test_round_trip_on_postgresql(pg_database: Database) -> None:
    LandscapeService(pg_database).import_document(small_landscape())
    service = PartnershipService(pg_database)
    service.propose(PROBLEM, VOLUNTEER, note="Forslag")
    service.change_stage(PROBLEM, VOLUNTEER, "contacted", expected_version=1)
    detail: PartnershipDetail = service.update(
        PROBLEM,
        VOLUNTEER,
        type="ad_hoc",
        notes="Æbleskiver og kaffe",
        success_factors=["joint_value", "clear_goals"],
        expected_version=2,
    )
    assert detail == service.get(PROBLEM, VOLUNTEER)
    assert (detail.stage, detail.version, detail.notes) == ("contacted", 3, "Æbleskiver og kaffe")
    assert detail.success_factors == ("joint_value", "clear_goals")
    assert [(h.stage, h.note) for h in detail.history] == [
        ("proposed", "Forslag"),
        ("contacted", None),
    ]
    assert all(h.changed_at.tzinfo is not None for h in detail.history)
    assert [r.actor_id for r in service.list_partnerships()] == [ASSOCIATION, VOLUNTEER]
    with pytest.raises(ConflictError):
        service.change_stage(PROBLEM, VOLUNTEER, "declined", expected_version=2)
    with pytest.raises(PartnershipExistsError):
        service.propose(PROBLEM, VOLUNTEER)
    service.remove(PROBLEM, VOLUNTEER, expected_version=3)
    assert [r.actor_id for r in service.list_partnerships()] == [ASSOCIATION]
