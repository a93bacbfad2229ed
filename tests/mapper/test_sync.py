"""Offline checkout and sync against the real PostgreSQL server: changes travel both ways,
fields merge, conflicts overwrite nothing until decided, deletions and erasures travel, and a
sync cut off half-way is simply run again."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mapper.domain.model import Actor
from mapper.persistence.database import Database, open_database
from mapper.persistence.repositories import sync as sync_rows
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.partnerships import PartnershipService
from mapper.services.privacy import PrivacyService
from mapper.services.problems import ProblemEditService
from mapper.services.sync import SyncError, SyncService
from tests.conftest import small_landscape

AARHUS = {"municipality_code": "0751", "city": "Aarhus", "lat": 56.15, "lon": 10.2}


def landscape() -> dict[str, Any]:
    doc = small_landscape()
    doc["actors"].append(
        {
            "id": "aar-klub",
            "name": "Aarhus Klubben",
            "kind": "local_association",
            "location": AARHUS,
        }
    )
    return doc


@pytest.fixture
def server(pg_database: Database) -> Database:
    LandscapeService(pg_database, author="server-anna").import_document(landscape())
    return pg_database


@pytest.fixture
def copy(server: Database, tmp_path: Path) -> Iterator[Database]:
    SyncService.checkout(server.url, tmp_path / "copy.sqlite", "561", author="laptop-bo")
    database = open_database(str(tmp_path / "copy.sqlite"))
    yield database
    database.close()


def edit_actor(database: Database, actor_id: str, **changes: Any) -> Actor:
    service = ActorEditService(database, author="editor")
    actor, version = service.load(actor_id)
    changed = replace(actor, **changes)
    service.save(changed, expected_version=version)
    return changed


def actor(database: Database, actor_id: str) -> Actor:
    return ActorEditService(database).load(actor_id)[0]


def actor_ids(database: Database) -> set[str]:
    return {a.id for a in LandscapeService(database).list_actors()}


def sync(copy: Database) -> Any:
    return SyncService(copy, author="laptop-bo").sync()


def test_checkout_copies_the_municipality_whole_and_remembers_the_server(
    server: Database, copy: Database
) -> None:
    ids = actor_ids(copy)
    # The municipality's actors, the national parent and the problem's partner; not Aarhus.
    assert {"esb-sind", "dk-sind", "esb-patriciahuset", "esb-vol-1"} <= ids
    assert "aar-klub" not in ids
    assert [p.id for p in LandscapeService(copy).list_problems()] == ["esb-p-bro"]
    assert len(PartnershipService(copy).list_partnerships()) == 1
    origin = SyncService(copy).origin()
    assert origin is not None and origin.municipality_code == "0561"
    assert origin.server_url.endswith(server.url.rsplit("/", 1)[1])
    # Nothing changed anywhere: nothing moves.
    report = sync(copy)
    assert report.moved == () and report.conflicts == ()


def test_checkout_never_stores_the_password(server: Database, tmp_path: Path) -> None:
    url = server.url.replace("postgres@", "postgres:hemmeligt-kodeord@")
    SyncService.checkout(url, tmp_path / "c.sqlite", "0561")
    assert b"hemmeligt-kodeord" not in (tmp_path / "c.sqlite").read_bytes()


def test_checkout_refuses_an_existing_file_and_leaves_it(server: Database, tmp_path: Path) -> None:
    target = tmp_path / "mine.sqlite"
    target.write_bytes(b"precious")
    with pytest.raises(SyncError) as caught:
        SyncService.checkout(server.url, target, "0561")
    assert caught.value.cause == "target_exists" and str(target) in str(caught.value)
    assert target.read_bytes() == b"precious"


def test_a_database_that_is_no_copy_is_refused(database: Database) -> None:
    with pytest.raises(SyncError) as caught:
        SyncService(database).sync()
    assert caught.value.cause == "not_checkout"
    assert "sync checkout" in str(caught.value)


def test_changes_travel_both_ways(server: Database, copy: Database) -> None:
    edit_actor(copy, "esb-sind", volunteers=55)
    edit_actor(server, "esb-patriciahuset", employees=21)
    report = sync(copy)
    moved = {(m.direction, m.record_id, m.fields) for m in report.moved}
    assert moved == {
        ("push", "esb-sind", ("volunteers",)),
        ("pull", "esb-patriciahuset", ("employees",)),
    }
    assert actor(server, "esb-sind").volunteers == 55
    assert actor(copy, "esb-patriciahuset").employees == 21
    assert sync(copy).moved == ()
    # The server's history names whose change it was.
    meta = ActorEditService(server).load_meta("esb-sind")
    assert meta.updated_by == "laptop-bo"


def test_different_fields_of_one_record_merge_without_asking(
    server: Database, copy: Database
) -> None:
    edit_actor(copy, "esb-sind", volunteers=55)
    edit_actor(server, "esb-sind", name="Sammen om Sindet Esbjerg og Fanø")
    report = sync(copy)
    assert report.conflicts == ()
    for side in (server, copy):
        merged = actor(side, "esb-sind")
        assert (merged.name, merged.volunteers) == ("Sammen om Sindet Esbjerg og Fanø", 55)
    assert sync(copy).moved == ()


def test_the_same_field_changed_on_both_sides_is_a_conflict_until_decided(
    server: Database, copy: Database
) -> None:
    edit_actor(copy, "esb-sind", name="Lokalt navn", volunteers=41)
    edit_actor(server, "esb-sind", name="Servernavn")
    report = sync(copy)
    assert [(c.record_id, c.field, c.local, c.server) for c in report.conflicts] == [
        ("esb-sind", "name", "Lokalt navn", "Servernavn")
    ]
    # Nothing overwritten on either side, not even the field without conflict.
    assert (actor(copy, "esb-sind").name, actor(copy, "esb-sind").volunteers) == ("Lokalt navn", 41)
    assert (actor(server, "esb-sind").name, actor(server, "esb-sind").volunteers) == (
        "Servernavn",
        40,
    )
    # Asking again lists it again (stored), still without writing.
    assert [c.field for c in sync(copy).conflicts] == ["name"]
    assert [c.field for c in SyncService(copy).conflicts()] == ["name"]

    SyncService(copy).resolve("esb-sind", "name", "local")
    report = sync(copy)
    assert report.conflicts == ()
    for side in (server, copy):
        assert (actor(side, "esb-sind").name, actor(side, "esb-sind").volunteers) == (
            "Lokalt navn",
            41,
        )
    assert SyncService(copy).conflicts() == []


def test_deciding_for_the_server_takes_its_value(server: Database, copy: Database) -> None:
    edit_actor(copy, "esb-sind", name="Lokalt navn")
    edit_actor(server, "esb-sind", name="Servernavn")
    sync(copy)
    SyncService(copy).resolve("esb-sind", "name", "server")
    assert sync(copy).conflicts == ()
    assert actor(copy, "esb-sind").name == actor(server, "esb-sind").name == "Servernavn"


def test_resolving_what_is_not_open_names_the_open_ones(server: Database, copy: Database) -> None:
    edit_actor(copy, "esb-sind", name="Lokalt navn")
    edit_actor(server, "esb-sind", name="Servernavn")
    sync(copy)
    with pytest.raises(SyncError) as caught:
        SyncService(copy).resolve("esb-sind", "volunteers", "local")
    assert caught.value.cause == "no_conflict"
    assert "esb-sind name" in str(caught.value)


def test_a_decision_is_dropped_when_a_side_changes_again(server: Database, copy: Database) -> None:
    edit_actor(copy, "esb-sind", name="Lokalt navn")
    edit_actor(server, "esb-sind", name="Servernavn")
    sync(copy)
    SyncService(copy).resolve("esb-sind", "name", "server")
    edit_actor(server, "esb-sind", name="Servernavn 2")
    report = sync(copy)
    # The user chose a value that is no longer there: asked again, nothing written.
    assert [(c.server, c.resolution) for c in report.conflicts] == [("Servernavn 2", None)]
    assert actor(copy, "esb-sind").name == "Lokalt navn"


def test_new_records_travel_both_ways(server: Database, copy: Database) -> None:
    new_here = ActorEditService(copy)
    base = actor(copy, "esb-patriciahuset")
    new_here.save(replace(base, id="esb-ny-lokal", name="Ny forening"), expected_version=None)
    ActorEditService(server).save(
        replace(base, id="esb-ny-server", name="Ny på serveren"), expected_version=None
    )
    ActorEditService(server).save(
        replace(actor(server, "aar-klub"), id="aar-ny", name="Ny i Aarhus"), expected_version=None
    )
    report = sync(copy)
    assert {(m.direction, m.record_id, m.action) for m in report.moved} == {
        ("push", "esb-ny-lokal", "created"),
        ("pull", "esb-ny-server", "created"),
    }
    assert actor(server, "esb-ny-lokal").name == "Ny forening"
    assert actor(copy, "esb-ny-server").name == "Ny på serveren"


def test_deletions_travel_as_tombstones(server: Database, copy: Database) -> None:
    version = PartnershipService(copy).get("esb-p-bro", "esb-sind").version
    PartnershipService(copy).remove("esb-p-bro", "esb-sind", expected_version=version)
    report = sync(copy)
    assert [(m.direction, m.record_type, m.action) for m in report.moved] == [
        ("push", "partnership", "deleted")
    ]
    assert PartnershipService(server).list_partnerships() == []
    # And from the server: the problem statement, now without partners.
    problems = ProblemEditService(server)
    problems.delete("esb-p-bro", problems.load("esb-p-bro")[1])
    report = sync(copy)
    assert [(m.direction, m.record_id, m.action) for m in report.moved] == [
        ("pull", "esb-p-bro", "deleted")
    ]
    assert LandscapeService(copy).list_problems() == []


def test_deleted_on_one_side_and_changed_on_the_other_is_a_conflict(
    server: Database, copy: Database
) -> None:
    edit_actor(server, "esb-vol-1", name="Mette F. Frivillig")
    service = ActorEditService(copy)
    service.delete("esb-vol-1", service.load("esb-vol-1")[1])
    report = sync(copy)
    assert [(c.record_id, c.field, c.local, c.server) for c in report.conflicts] == [
        ("esb-vol-1", "(deleted)", "deleted", "changed")
    ]
    assert actor(server, "esb-vol-1").name == "Mette F. Frivillig"  # nothing overwritten
    SyncService(copy).resolve("esb-vol-1", "(deleted)", "server")
    assert sync(copy).conflicts == ()
    assert actor(copy, "esb-vol-1").name == "Mette F. Frivillig"


def test_an_erasure_on_the_server_erases_the_person_in_the_copy(
    server: Database, copy: Database, tmp_path: Path
) -> None:
    PrivacyService(server).erase_person("esb-vol-1")
    report = sync(copy)
    assert ("pull", "erased") in {(m.direction, m.action) for m in report.moved}
    copy.close()
    data = (tmp_path / "copy.sqlite").read_bytes()
    assert b"Mette Frivillig" not in data
    assert b"esb-vol-1" not in data


def test_an_erasure_in_the_copy_travels_to_the_server(
    server: Database, copy: Database, tmp_path: Path
) -> None:
    PrivacyService(copy).erase_person("esb-vol-1")
    # Gone from the copy at once, the sync bookkeeping (bases, snapshots) included.
    data = (tmp_path / "copy.sqlite").read_bytes()
    assert b"Mette Frivillig" not in data and b"esb-vol-1" not in data
    report = sync(copy)
    assert ("push", "erased") in {(m.direction, m.action) for m in report.moved}
    assert "esb-vol-1" not in actor_ids(server)
    assert sync(copy).moved == ()


def test_a_sync_cut_off_after_the_server_wrote_is_simply_run_again(
    server: Database, copy: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_actor(copy, "esb-sind", volunteers=77)
    edit_actor(server, "esb-patriciahuset", employees=30)

    def power_cut(*_args: Any) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(SyncService, "_write_local", power_cut)
        with pytest.raises(KeyboardInterrupt):
            sync(copy)
    assert actor(server, "esb-sind").volunteers == 77  # the server's half committed
    assert actor(copy, "esb-patriciahuset").employees == 17  # the copy's did not
    # Working on meanwhile, the same field again: the server holds what was sent, so this
    # is a change on the copy's side only, no conflict.
    edit_actor(copy, "esb-sind", volunteers=78)
    report = sync(copy)
    assert report.conflicts == ()
    assert actor(copy, "esb-patriciahuset").employees == 30
    assert actor(server, "esb-sind").volunteers == 78
    assert sync(copy).moved == ()
    with copy.unit_of_work() as session:
        assert sync_rows.bases(session, "actor")["esb-sind"].snapshot["volunteers"] == 78
        assert sync_rows.pending(session) == {}
