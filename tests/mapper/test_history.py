"""The change history: every save through the services leaves one row per record changed with
the fields that changed (old and new), by whom and when; a refused save leaves none; imports,
deletions, revivals and merges are recorded; values can be erased for privacy. SQLite and the
real PostgreSQL server alike."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

import pytest

from mapper.domain.errors import ConflictError, NotFoundError
from mapper.domain.model import Profile
from mapper.persistence.database import Database
from mapper.persistence.repositories import history as history_rows
from mapper.services.actors import ActorEditService
from mapper.services.history import HistoryService, partnership_uid
from mapper.services.landscape import LandscapeService
from mapper.services.merge import MergeService
from mapper.services.partnerships import PartnershipService
from mapper.services.problems import ProblemEditService
from tests.conftest import small_landscape


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    """The small Esbjerg landscape, imported by Karen, on SQLite and on PostgreSQL."""
    name = "database" if request.param == "sqlite" else "pg_database"
    database: Database = request.getfixturevalue(name)
    LandscapeService(database, author="Karen").import_document(small_landscape(), source="t")
    return database


def actions(db: Database, kind: str, uid: str) -> list[str]:
    return [e.action for e in HistoryService(db).history(kind, uid)]


def test_an_import_records_new_records_without_their_values(db: Database) -> None:
    (entry,) = HistoryService(db).history("actor", "esb-sind")
    assert (entry.action, entry.version, entry.changed_by) == ("imported", 1, "Karen")
    assert entry.changes == () and not entry.values_kept
    assert actions(db, "problem", "esb-p-bro") == ["imported"]
    assert actions(db, "partnership", partnership_uid("esb-p-bro", "esb-sind")) == ["imported"]


def test_importing_the_same_document_again_records_nothing(db: Database) -> None:
    LandscapeService(db, author="Karen").import_document(small_landscape(), source="t")
    assert actions(db, "actor", "esb-sind") == ["imported"]


def test_a_reimport_records_only_the_fields_that_changed(db: Database) -> None:
    doc = small_landscape()
    doc["actors"][0]["name"] = "Sammen om Sindet Sydvest"
    doc["actors"][0]["target_groups"] = ["mental_illness"]
    LandscapeService(db, author="Ole").import_document(doc, source="t")
    newest = HistoryService(db).history("actor", "esb-sind")[0]
    assert (newest.action, newest.version, newest.changed_by) == ("imported", 2, "Ole")
    fields = {c.field: (c.old, c.new) for c in newest.changes}
    assert fields["name"] == ("Sammen om Sindet Esbjerg", "Sammen om Sindet Sydvest")
    assert fields["target_groups"][1] == ["mental_illness"]
    assert set(fields) == {"name", "target_groups"}
    assert actions(db, "actor", "dk-sind") == ["imported"]  # unchanged: nothing new


def test_an_edit_records_old_and_new_value_with_danish_labels(db: Database) -> None:
    service = ActorEditService(db, author="Anna")
    actor, version = service.load("esb-sind")
    edited = replace(
        actor,
        name="Sammen om Sindet",
        profile=replace(actor.profile, we_are="Vi er frivillige."),
    )
    new_version = service.save(edited, expected_version=version)
    newest = HistoryService(db).history("actor", "esb-sind")[0]
    assert (newest.action, newest.version, newest.changed_by) == ("changed", new_version, "Anna")
    by_field = {c.field: c for c in newest.changes}
    assert set(by_field) == {"name", "profile.we_are"}
    assert (by_field["name"].old, by_field["name"].new) == (
        "Sammen om Sindet Esbjerg",
        "Sammen om Sindet",
    )
    assert by_field["name"].label == "Navn"
    assert by_field["profile.we_are"].label == "Hvem vi er"
    assert by_field["profile.we_are"].new == "Vi er frivillige."
    assert newest.changed_at.tzinfo is not None


def test_saving_unchanged_values_records_nothing(db: Database) -> None:
    service = ActorEditService(db, author="Anna")
    actor, version = service.load("esb-sind")
    service.save(actor, expected_version=version)
    assert actions(db, "actor", "esb-sind") == ["imported"]


def test_a_refused_compare_and_swap_save_records_nothing(db: Database) -> None:
    first, second = ActorEditService(db, author="Anna"), ActorEditService(db, author="Bo")
    actor, version = first.load("esb-sind")
    first.save(replace(actor, name="Anna's navn"), expected_version=version)
    with pytest.raises(ConflictError):
        second.save(replace(actor, name="Bo's navn"), expected_version=version)
    entries = HistoryService(db).history("actor", "esb-sind")
    assert [(e.action, e.changed_by) for e in entries] == [
        ("changed", "Anna"),
        ("imported", "Karen"),
    ]
    assert entries[0].changes[0].new == "Anna's navn"


def test_a_conflict_inside_the_store_rolls_the_history_back(db: Database) -> None:
    """The version moved between the service's check and the store's UPDATE: the store's
    compare-and-swap fails, and the history row written in the same unit of work goes too."""
    service = LandscapeService(db, author="Karen")
    actor = service.get_actor("esb-sind")
    from mapper.persistence.repositories.actors import ActorRepository

    with pytest.raises(ConflictError), db.unit_of_work() as session:
        ActorRepository(session).save(
            [replace(actor, name="Forkert")], expected_versions={"esb-sind": 7}, author="X"
        )
    assert actions(db, "actor", "esb-sind") == ["imported"]


def test_problem_edits_and_status_moves_are_recorded(db: Database) -> None:
    service = ProblemEditService(db, author="Anna")
    problem, version = service.load("esb-p-bro")
    version = service.save(replace(problem, title="Brobygning"), expected_version=version)
    service.set_status("esb-p-bro", "closed", expected_version=version)
    entries = HistoryService(db).history("problem", "esb-p-bro")
    assert [e.action for e in entries] == ["changed", "changed", "imported"]
    assert [(c.field, c.new) for c in entries[0].changes] == [("status", "closed")]
    assert entries[0].changes[0].label == "Status"
    assert [(c.field, c.old, c.new) for c in entries[1].changes] == [
        ("title", "Brobygning til fællesskaber", "Brobygning")
    ]


def test_creating_deleting_and_reviving_an_actor_are_recorded(db: Database) -> None:
    service = ActorEditService(db, author="Anna")
    actor, _ = service.load("esb-bank")
    fresh = replace(actor, id="esb-ny", name="Ny forening", registry_ids=())
    version = service.save(fresh, expected_version=None)
    created = HistoryService(db).history("actor", "esb-ny")[0]
    assert created.action == "created" and created.version == 1
    assert {c.field: c.new for c in created.changes}["name"] == "Ny forening"
    assert all(c.old is None for c in created.changes)
    service.delete("esb-ny", version)
    service.save(replace(fresh, name="Ny forening igen"), expected_version=None)
    entries = HistoryService(db).history("actor", "esb-ny")
    assert [(e.action, e.version) for e in entries] == [
        ("revived", 3),
        ("deleted", 2),
        ("created", 1),
    ]
    assert {c.field: c.new for c in entries[0].changes}["name"] == "Ny forening igen"


def test_deleting_and_reviving_a_problem_are_recorded(db: Database) -> None:
    service = ProblemEditService(db, author="Anna")
    problem, _ = service.load("esb-p-bro")
    fresh = replace(problem, id="esb-p-ny", title="Ny problemstilling")
    version = service.save(fresh, expected_version=None)
    service.delete("esb-p-ny", version)
    service.save(fresh, expected_version=None)
    assert actions(db, "problem", "esb-p-ny") == ["revived", "deleted", "created"]


def test_partnership_stages_and_fields_are_recorded(db: Database) -> None:
    service = PartnershipService(db, author="Anna")
    uid = partnership_uid("esb-p-bro", "esb-sind")
    detail = service.get("esb-p-bro", "esb-sind")
    detail = service.change_stage(
        "esb-p-bro", "esb-sind", "dialogue", expected_version=detail.version
    )
    detail = service.update(
        "esb-p-bro", "esb-sind", notes="Møde i marts", expected_version=detail.version
    )
    service.remove("esb-p-bro", "esb-sind", expected_version=detail.version)
    service.propose("esb-p-bro", "esb-sind")
    entries = HistoryService(db).history("partnership", uid)
    assert [e.action for e in entries] == ["revived", "deleted", "changed", "changed", "imported"]
    assert [(c.field, c.old, c.new) for c in entries[3].changes] == [
        ("stage", "proposed", "dialogue")
    ]
    assert [(c.field, c.old, c.new) for c in entries[2].changes] == [
        ("notes", None, "Møde i marts")
    ]
    assert [e.version for e in entries] == sorted((e.version for e in entries), reverse=True)


def test_a_merge_is_recorded_on_both_actors(db: Database) -> None:
    result = MergeService(db, author="Anna").merge("esb-sind", "esb-patriciahuset")
    survivor = HistoryService(db).history("actor", "esb-sind")[0]
    assert (survivor.action, survivor.version) == ("merged", result.version)
    other = HistoryService(db).history("actor", "esb-patriciahuset")[0]
    assert other.action == "merged"
    assert [(c.field, c.new) for c in other.changes] == [("merged_into", "esb-sind")]


def test_a_deleted_record_keeps_its_history(db: Database) -> None:
    service = ActorEditService(db, author="Anna")
    _, version = service.load("esb-vol-1")
    service.delete("esb-vol-1", version)
    assert actions(db, "actor", "esb-vol-1") == ["deleted", "imported"]


def test_an_unknown_id_names_the_nearest(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        HistoryService(db).history("actor", "esb-sindd")
    assert "esb-sind" in str(caught.value)


def test_an_unknown_record_type_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="record type 'aktør'"):
        HistoryService(db).history("aktør", "esb-sind")


def test_erasing_values_keeps_what_was_done_and_when(db: Database) -> None:
    service = ActorEditService(db, author="Anna")
    actor, version = service.load("esb-vol-1")
    service.save(replace(actor, name="Mette F."), expected_version=version)
    with db.unit_of_work() as session:
        assert history_rows.erase_values(session, "actor", "esb-vol-1") == 1
    entries = HistoryService(db).history("actor", "esb-vol-1")
    assert [(e.action, e.changed_by, e.values_kept, e.changes) for e in entries] == [
        ("changed", "Anna", False, ()),
        ("imported", "Karen", False, ()),
    ]
    # Other records keep theirs.
    assert actions(db, "actor", "esb-sind") == ["imported"]


def test_diffs_name_nested_and_list_fields_by_interchange_path() -> None:
    from mapper.domain.model import Actor, Resource

    before = Actor(id="a", name="A", kind="local_association")
    after = replace(
        before,
        profile=Profile(we_are="Vi", success_examples=("Sommerlejr",)),
        resources_offered=(Resource(kind="volunteers", hours_per_month=4.0),),
    )
    changes = history_rows.diff(before, after)
    assert changes == {
        "resources_offered": [
            [],
            [
                {
                    "kind": "volunteers",
                    "description": None,
                    "hours_per_month": 4.0,
                    "amount_dkk": None,
                }
            ],
        ],
        "profile.we_are": [None, "Vi"],
        "profile.success_examples": [[], ["Sommerlejr"]],
    }


def _many(n: int) -> dict[str, Any]:
    doc = small_landscape()
    template = doc["actors"][2]
    doc["actors"] += [
        {**copy.deepcopy(template), "id": f"esb-many-{i}", "name": f"Forening {i}"}
        for i in range(n)
    ]
    return doc


def test_an_import_in_several_batches_records_each_new_actor_once(database: Database) -> None:
    service = LandscapeService(database, author="Karen")
    service.batch_size = 7
    service.import_document(_many(40), source="t")
    with database.unit_of_work() as session:
        rows = [history_rows.entries(session, "actor", f"esb-many-{i}") for i in range(40)]
    assert all([r.action for r in found] == ["imported"] for found in rows)
