"""The merge use case on real databases (SQLite file and the PostgreSQL server): Esbjerg Roklub
came into the register twice, once from the municipality's booking system with its
partnerships, once from a volunteer centre's list with a problem statement and a youth branch.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from mapper.domain.changes import Changes
from mapper.domain.errors import ConflictError, NotFoundError, ValidationError
from mapper.domain.model import Actor, Consent
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.persistence.repositories import partnerships as partnership_rows
from mapper.persistence.repositories import problems as problem_rows
from mapper.persistence.repositories.merges import DISTINCT, MERGES
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.merge import MergeService
from mapper.services.partnerships import PartnershipService

ESBJERG = {"postcode": "6700", "city": "Esbjerg", "municipality_code": "0561"}
SURVIVOR, OTHER = "esb-roklub", "imp-roklub"


def register() -> dict[str, Any]:
    """Two records of one rowing club, a kayak club that is another club, a youth branch of
    the second record, two problem statements and partnerships on them."""
    return copy.deepcopy(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                {
                    "id": SURVIVOR,
                    "name": "Esbjerg Roklub",
                    "kind": "local_association",
                    "registry_ids": {"cvr": "61126228"},
                    "location": ESBJERG,
                    "target_groups": ["youth_vulnerable"],
                    "volunteers": 40,
                },
                {
                    "id": OTHER,
                    "name": "Esbjerg Roklubben",
                    "kind": "local_association",
                    "location": {**ESBJERG, "address": "Havnevej 3"},
                    "target_groups": ["elderly_lonely"],
                    "contact": {"email": "info@roklub.dk", "phone": "75 12 34 56"},
                },
                {
                    "id": "imp-roklub-ung",
                    "name": "Esbjerg Roklub Ungdom",
                    "kind": "local_association",
                    "parent_id": OTHER,
                },
                {
                    "id": "esb-kajak",
                    "name": "Esbjerg Kajakklub",
                    "kind": "local_association",
                    "location": ESBJERG,
                },
                {
                    "id": "esb-kommune",
                    "name": "Esbjerg Kommune, Socialafdelingen",
                    "kind": "municipal_unit",
                    "location": ESBJERG,
                },
            ],
            "problems": [
                {
                    "id": "esb-p-unge",
                    "title": "Unge på vandet",
                    "owner_id": "esb-kommune",
                    "municipality_code": "0561",
                    "status": "seeking",
                },
                {
                    "id": "esb-p-ensom",
                    "title": "Ensomme ældre",
                    "owner_id": "esb-kommune",
                    "municipality_code": "0561",
                    "status": "seeking",
                },
                {
                    "id": "imp-p-roning",
                    "title": "Roning for alle",
                    "owner_id": OTHER,
                    "municipality_code": "0561",
                    "status": "draft",
                },
            ],
            "partnerships": [
                {
                    "problem_id": "esb-p-unge",
                    "actor_id": SURVIVOR,
                    "stage": "dialogue",
                    "success_factors": ["clear_goals"],
                    "notes": "Møde i marts",
                    "effect": "Tre unge i fritidsjob",
                    "evidence_level": "case_study",
                    "updated_on": "2026-03-01",
                },
                {
                    "problem_id": "esb-p-unge",
                    "actor_id": OTHER,
                    "stage": "agreed",
                    "type": "project_based",
                    "success_factors": ["clear_goals", "open_communication"],
                    "notes": "Aftale underskrevet",
                    "effect": "Evaluering fra SDU",
                    "evidence_level": "cohort",
                    "updated_on": "2026-04-01",
                },
                {
                    "problem_id": "esb-p-ensom",
                    "actor_id": OTHER,
                    "stage": "proposed",
                    "updated_on": "2026-02-01",
                },
            ],
        }
    )


HISTORY = {
    SURVIVOR: [("proposed", 1), ("dialogue", 3)],
    OTHER: [("proposed", 2), ("agreed", 4)],
}
"""The stage changes of the two partnerships on esb-p-unge (stage, month of 2026)."""


def add_history(database: Database) -> None:
    with database.unit_of_work() as session:
        [problem_pk] = problem_rows.problem_keys(session, ["esb-p-unge"]).values()
        for actor_id, changes in HISTORY.items():
            actor_pk = store.actor_keys(session, [actor_id])[actor_id]
            found = partnership_rows.find(session, problem_pk, actor_pk)
            assert found is not None
            for stage, month in changes:
                at = dt.datetime(2026, month, 1, 10, tzinfo=dt.UTC)
                partnership_rows.add_history(session, found.pk, stage, None, "import", at)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    database: Database = request.getfixturevalue(
        "database" if request.param == "sqlite" else "pg_database"
    )
    LandscapeService(database).import_document(register())
    add_history(database)
    yield database


@pytest.fixture
def merges(db: Database) -> MergeService:
    return MergeService(db, author="Karen Koordinator")


def stored(db: Database) -> tuple[Any, ...]:
    """Everything stored, to show that a refused merge changed nothing."""
    landscape = LandscapeService(db)
    with db.unit_of_work() as session:
        merges = session.execute(select(MERGES)).all()
        distinct = session.execute(select(DISTINCT)).all()
        stamp = store.change_stamp(session)
    return (landscape.export_document(), tuple(merges), tuple(distinct), stamp)


def test_the_two_records_are_a_candidate_pair_with_their_evidence(merges: MergeService) -> None:
    pairs = {(p.first_id, p.second_id): p for p in merges.candidates()}
    pair = pairs[SURVIVOR, OTHER]
    assert pair.decision == "merge"
    assert [e.field for e in pair.evidence][:1] == ["name"]
    assert ("esb-kajak", SURVIVOR) not in pairs


def test_merge_keeps_every_field_and_moves_every_reference(
    db: Database, merges: MergeService
) -> None:
    result = merges.merge(SURVIVOR, OTHER)
    actor, version = ActorEditService(db).load(SURVIVOR)
    assert version == result.version == 2
    assert actor.name == "Esbjerg Roklub"
    assert actor.location.address == "Havnevej 3"
    assert actor.contact.email == "info@roklub.dk"
    assert actor.target_groups == ("youth_vulnerable", "elderly_lonely")
    assert actor.registry_ids == (("cvr", "61126228"),)
    assert result.fields["location.address"] == "merged"
    assert result.fields["name"] == "survivor"
    # The other record is a tombstone.
    with pytest.raises(NotFoundError):
        ActorEditService(db).load(OTHER)
    # Its problem statement, its child and its partnerships are the survivor's.
    document = LandscapeService(db).export_document()
    problems = {p["id"]: p for p in document["problems"]}
    assert problems["imp-p-roning"]["owner_id"] == SURVIVOR
    children = {a["id"]: a for a in document["actors"]}
    assert children["imp-roklub-ung"]["parent_id"] == SURVIVOR
    assert OTHER not in children
    partners = {(p["problem_id"], p["actor_id"]) for p in document["partnerships"]}
    assert partners == {("esb-p-unge", SURVIVOR), ("esb-p-ensom", SURVIVOR)}
    assert result.moved.problems == ("imp-p-roning",)
    assert result.moved.children == ("imp-roklub-ung",)
    assert result.moved.partnerships == ("esb-p-ensom",)
    assert result.moved.joined == ("esb-p-unge",)
    assert result.changes.actors >= {SURVIVOR, OTHER, "imp-roklub-ung"}
    assert result.changes.problems == {"imp-p-roning"}
    assert ("esb-p-unge", SURVIVOR) in result.changes.partnerships


def test_a_partnership_on_the_same_problem_is_kept_once_with_the_more_advanced_stage(
    db: Database, merges: MergeService
) -> None:
    merges.merge(SURVIVOR, OTHER)
    joined = PartnershipService(db).get("esb-p-unge", SURVIVOR)
    assert joined.stage == "agreed"  # 'agreed' is further than 'dialogue'
    assert joined.type == "project_based"
    assert joined.success_factors == ("clear_goals", "open_communication")
    assert joined.notes == "Møde i marts\n\nAftale underskrevet"
    # Both effects are kept, and the stronger step of the evidence ladder.
    assert joined.effect == "Tre unge i fritidsjob\n\nEvaluering fra SDU"
    assert joined.evidence_level == "cohort"
    # Both histories (each with the stage it was imported at, dated by its updated_on), in
    # time order.
    times = [h.changed_at for h in joined.history]
    assert times == sorted(times)
    assert [(h.stage, h.changed_at.month) for h in joined.history] == [
        ("proposed", 1),
        ("proposed", 2),
        ("dialogue", 3),
        ("dialogue", 3),
        ("agreed", 4),
        ("agreed", 4),
    ]
    assert len(PartnershipService(db).list_partnerships()) == 2


def test_the_merge_is_in_the_history_with_its_choices_score_and_evidence(
    db: Database, merges: MergeService
) -> None:
    merges.merge(SURVIVOR, OTHER, {"name": "other"})
    [record] = merges.history(SURVIVOR)
    assert (record.survivor_id, record.merged_id) == (SURVIVOR, OTHER)
    assert record.merged_name == "Esbjerg Roklubben"
    assert record.fields["name"] == "merged"
    assert record.merged_by == "Karen Koordinator"
    assert record.score is not None and record.score >= 92
    assert record.evidence[0].field == "name"
    with db.unit_of_work() as session:
        row = session.execute(select(MERGES)).one()
    assert json.loads(row.fields)["name"] == "merged"
    actor, _ = ActorEditService(db).load(SURVIVOR)
    assert actor.name == "Esbjerg Roklubben"


def test_merged_pairs_are_no_candidates_any_more(merges: MergeService) -> None:
    merges.merge(SURVIVOR, OTHER)
    assert all(OTHER not in (p.first_id, p.second_id) for p in merges.candidates())


def test_not_the_same_is_never_proposed_again(merges: MergeService) -> None:
    before = merges.candidates(min_score=50)
    assert any({p.first_id, p.second_id} == {SURVIVOR, "esb-kajak"} for p in before)
    changes = merges.mark_distinct("esb-kajak", SURVIVOR)
    assert changes == Changes.of_actors(["esb-kajak", SURVIVOR])
    after = merges.candidates(min_score=50)
    assert not any({p.first_id, p.second_id} == {SURVIVOR, "esb-kajak"} for p in after)
    assert merges.mark_distinct(SURVIVOR, "esb-kajak") == Changes()  # already recorded


def test_a_decision_about_the_merged_actor_holds_for_the_survivor(merges: MergeService) -> None:
    merges.mark_distinct(OTHER, "esb-kajak")
    merges.merge(SURVIVOR, OTHER)
    pairs = merges.candidates(min_score=0)
    assert not any({p.first_id, p.second_id} == {SURVIVOR, "esb-kajak"} for p in pairs)


def test_a_change_meanwhile_is_a_conflict_and_changes_nothing(
    db: Database, merges: MergeService
) -> None:
    editor = ActorEditService(db)
    actor, version = editor.load(OTHER)
    editor.save(actor, expected_version=version)  # someone else saved it: version 2
    before = stored(db)
    with pytest.raises(ConflictError) as raised:
        merges.merge(SURVIVOR, OTHER, expected_versions={SURVIVOR: 1, OTHER: 1})
    assert (raised.value.record_id, raised.value.actual_version) == (OTHER, 2)
    assert stored(db) == before
    merges.merge(SURVIVOR, OTHER, expected_versions={SURVIVOR: 1, OTHER: 2})


@pytest.mark.parametrize(
    ("survivor", "other", "error"),
    [
        (SURVIVOR, SURVIVOR, ValidationError),
        (SURVIVOR, "imp-roklb", NotFoundError),
        ("nobody", OTHER, NotFoundError),
    ],
)
def test_bad_ids_are_refused_and_change_nothing(
    db: Database, merges: MergeService, survivor: str, other: str, error: type[Exception]
) -> None:
    before = stored(db)
    with pytest.raises(error):
        merges.merge(survivor, other)
    assert stored(db) == before


def test_an_unknown_id_names_the_nearest(merges: MergeService) -> None:
    with pytest.raises(NotFoundError) as raised:
        merges.merge(SURVIVOR, "imp-roklb")
    assert raised.value.hint == OTHER


def test_a_bad_choice_names_the_field_and_changes_nothing(
    db: Database, merges: MergeService
) -> None:
    before = stored(db)
    with pytest.raises(ValidationError) as raised:
        merges.merge(SURVIVOR, OTHER, {"nmae": "other"})
    assert raised.value.problems[0].params["nearest"] == "name"
    assert stored(db) == before


def test_two_different_cvr_numbers_are_never_merged(db: Database, merges: MergeService) -> None:
    editor = ActorEditService(db)
    actor, version = editor.load(OTHER)
    editor.save(
        dataclasses.replace(actor, registry_ids=(("cvr", "10000009"),)), expected_version=version
    )
    before = stored(db)
    with pytest.raises(ValidationError) as raised:
        merges.merge(SURVIVOR, OTHER)
    assert raised.value.problems[0].field == "registry_ids.cvr"
    assert stored(db) == before


def test_a_merged_actor_that_breaks_the_editors_rules_is_refused(
    db: Database, merges: MergeService
) -> None:
    """A volunteer merged into a public association must not make a public volunteer."""
    editor = ActorEditService(db)
    volunteer = Actor(
        id="esb-anna",
        name="Anna Roer",
        kind="volunteer_person",
        public=False,
        consent=Consent(dt.date(2026, 2, 1), "Matchning"),
    )
    editor.save(volunteer, expected_version=None)
    before = stored(db)
    with pytest.raises(ValidationError) as raised:
        merges.merge("esb-kajak", "esb-anna", {"kind": "other"})
    assert [p.code for p in raised.value.problems] == ["volunteer_public"]
    assert stored(db) == before


def test_preview_shows_both_sides_and_the_result_without_storing(
    db: Database, merges: MergeService
) -> None:
    before = stored(db)
    preview = merges.preview(SURVIVOR, OTHER, {"name": "other"})
    assert (preview.survivor.id, preview.other.id) == (SURVIVOR, OTHER)
    assert (preview.survivor_version, preview.other_version) == (1, 1)
    assert preview.merged.name == "Esbjerg Roklubben"
    assert preview.score is not None and preview.evidence
    assert stored(db) == before


def test_a_removed_partnership_of_the_survivor_comes_back_with_the_others(
    db: Database, merges: MergeService
) -> None:
    partnerships = PartnershipService(db)
    partnerships.propose("esb-p-ensom", SURVIVOR)
    proposed = partnerships.get("esb-p-ensom", SURVIVOR)
    partnerships.remove("esb-p-ensom", SURVIVOR, expected_version=proposed.version)
    other = partnerships.get("esb-p-ensom", OTHER)
    partnerships.change_stage("esb-p-ensom", OTHER, "contacted", expected_version=other.version)
    merges.merge(SURVIVOR, OTHER)
    revived = partnerships.get("esb-p-ensom", SURVIVOR)
    assert revived.stage == "contacted"
    assert [h.stage for h in revived.history][-1] == "contacted"


def test_a_declined_partnership_does_not_outrank_an_active_one(
    db: Database, merges: MergeService
) -> None:
    partnerships = PartnershipService(db)
    mine = partnerships.get("esb-p-unge", SURVIVOR)
    partnerships.change_stage("esb-p-unge", SURVIVOR, "active", expected_version=mine.version)
    theirs = partnerships.get("esb-p-unge", OTHER)
    partnerships.change_stage("esb-p-unge", OTHER, "declined", expected_version=theirs.version)
    merges.merge(SURVIVOR, OTHER)
    assert partnerships.get("esb-p-unge", SURVIVOR).stage == "active"


def test_the_survivor_proposed_is_the_record_in_use_then_the_fuller_one(
    merges: MergeService,
) -> None:
    # OTHER owns a problem statement, has two partnerships and a branch; SURVIVOR has one.
    assert merges.suggested_survivor(SURVIVOR, OTHER) == (OTHER, SURVIVOR)
    assert merges.suggested_survivor(OTHER, SURVIVOR) == (OTHER, SURVIVOR)
    # Neither in use: the record with more filled in (the kayak club has a place).
    assert merges.suggested_survivor("imp-roklub-ung", "esb-kajak") == (
        "esb-kajak",
        "imp-roklub-ung",
    )
    with pytest.raises(NotFoundError):
        merges.suggested_survivor(SURVIVOR, "no-such-actor")


def test_a_merge_that_would_close_a_parent_cycle_is_refused_and_changes_nothing(
    db: Database, merges: MergeService
) -> None:
    """The other's children move under the survivor: when one of them is the survivor's own
    parent the two would be each other's parent, so the merge is refused as a whole."""
    from mapper.services.actors import ActorEditService

    edit = ActorEditService(db, LandscapeService(db).vocabulary)
    survivor, version = edit.load(SURVIVOR)
    edit.save(replace(survivor, parent_id="imp-roklub-ung"), expected_version=version)
    before = stored(db)
    with pytest.raises(ValidationError) as refused:
        merges.merge(SURVIVOR, OTHER)
    (problem,) = refused.value.problems
    assert problem.code == "parent_cycle"
    assert SURVIVOR in problem.message and "imp-roklub-ung" in problem.message
    assert stored(db) == before
