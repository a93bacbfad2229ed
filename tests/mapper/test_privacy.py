"""Privacy by design: a person (individual volunteer) is kept only with consent, gets their
data on request and is erased for real — from the record, other records, the history, the
app's backups and the free space of the database file.

The canary landscape: Vibeke Kanariefugl Østergaard, a volunteer with distinctive name,
e-mail, phone and home point, who is also the contact person of an association, owns a problem
statement without a place of its own and is in a partnership whose notes name her.
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from mapper.domain.errors import NotFoundError, ValidationError
from mapper.domain.model import Actor, Consent, Contact, Location
from mapper.persistence.database import Database, open_database, sqlite_file
from mapper.persistence.repositories.analysis import ANALYSIS, TERMS
from mapper.persistence.repositories.privacy import (
    ERASED_NAME,
    MERGES,
    erased_uid,
    history_of,
    history_table,
)
from mapper.persistence.store import ACTORS, PARTNERSHIPS, PROBLEMS
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from mapper.services.merge import MergeService
from mapper.services.privacy import (
    NotAPersonError,
    PrivacyService,
    log_personal_export,
    read_export_log,
)
from mapper.services.register_import import RegisterImportService

NAME = "Vibeke Kanariefugl Østergaard"
EMAIL = "vibeke.kanariefugl@example.dk"
PHONE = "+45 29 87 65 43"
LAT, LON = 55.123456, 8.654321
PERSON = "esb-person-vibeke"
CANARIES = (NAME, EMAIL, PHONE, "29876543", "11 22 33 44", "Vibeke K. Østergaard")

ESBJERG = {
    "postcode": "6700",
    "city": "Esbjerg",
    "municipality_code": "0561",
    "lat": 55.4765,
    "lon": 8.4594,
    "precision": "address",
}


def canary_landscape() -> dict[str, Any]:
    person = {
        "id": PERSON,
        "name": NAME,
        "kind": "volunteer_person",
        "public": False,
        "consent": {"given_on": "2026-05-01", "purpose": "Matchning til frivillige opgaver"},
        "location": {
            "address": "Kanarievej 7",
            "postcode": "6700",
            "city": "Esbjerg",
            "municipality_code": "0561",
            "lat": LAT,
            "lon": LON,
            "precision": "manual",
        },
        "contact": {"name": NAME, "email": EMAIL, "phone": PHONE},
        "target_groups": ["elderly_lonely"],
        "roles": ["volunteer_provider"],
        "profile": {"we_are": f"Jeg hedder {NAME} og går ture med ensomme ældre."},
    }
    return copy.deepcopy(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                person,
                {
                    "id": "esb-venner",
                    "name": "Kanariefuglens Venner",
                    "kind": "local_association",
                    "location": {**ESBJERG, "address": "Torvet 1"},
                    "target_groups": ["elderly_lonely"],
                    "roles": ["volunteer_provider"],
                    "resources_offered": [{"kind": "volunteer_hours"}],
                    "profile": {"we_are": "Besøgsvenner for ensomme ældre i Esbjerg."},
                    "contact": {"name": NAME, "email": EMAIL, "phone": PHONE},
                },
                {
                    "id": "esb-aeldresagen",
                    "name": "Ældre Sagen Esbjerg",
                    "kind": "voluntary_organisation",
                    "location": {**ESBJERG, "lat": 55.47, "lon": 8.45},
                    "target_groups": ["elderly_lonely"],
                    "roles": ["volunteer_provider"],
                    "resources_offered": [{"kind": "volunteer_hours"}],
                    "profile": {"we_are": "Frivillige der går ture med ældre."},
                    "consent": {"given_on": "2026-01-01", "purpose": "Kontakt om samarbejde"},
                    "contact": {"name": "Hans Hansen", "email": "hans@example.dk"},
                },
            ],
            "problems": [
                {
                    "id": "esb-p-gaatur",
                    "title": "Gåture for ensomme naboer",
                    "owner_id": PERSON,
                    "description": f"{NAME} vil samle naboer til gåture.",
                    "target_groups": ["elderly_lonely"],
                    "seeking": {"description": "Frivillige der går ture med ældre"},
                    "status": "seeking",
                },
                {
                    "id": "esb-p-bes",
                    "title": "Besøg hos ældre",
                    "owner_id": "esb-aeldresagen",
                    "target_groups": ["elderly_lonely"],
                    "seeking": {"description": "Besøgsvenner"},
                    "status": "seeking",
                },
            ],
            "partnerships": [
                {
                    "problem_id": "esb-p-bes",
                    "actor_id": PERSON,
                    "stage": "proposed",
                    "notes": f"Ring til {NAME} på {PHONE}.",
                }
            ],
        }
    )


def load_canaries(database: Database) -> None:
    LandscapeService(database).import_document(canary_landscape())


def sqlite_copy(source: Path, target: Path) -> None:
    """A copy as the app makes it (the SQLite backup API)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()


def canaries_in(data: bytes) -> list[str]:
    return [c for c in CANARIES if c.encode("utf-8") in data]


# --------------------------------------------------------------------------- consent


def test_a_volunteer_without_consent_is_refused_by_the_editor(database: Database) -> None:
    actor = Actor(
        id="esb-person-ny",
        name="Ny Frivillig",
        kind="volunteer_person",
        public=False,
        contact=Contact(email="ny@example.dk", phone="12345678"),
        location=Location(address="Vej 1", postcode="6700"),
    )
    with pytest.raises(ValidationError) as caught:
        ActorEditService(database).save(actor, expected_version=None)
    fields = {(p.record, p.field, p.code) for p in caught.value.problems}
    assert ("actor esb-person-ny", "consent.given_on", "consent_required") in fields
    assert ("actor esb-person-ny", "consent.purpose", "purpose_required") in fields
    assert LandscapeService(database).counts().actors == 0
    consented = replace(actor, consent=Consent(dt.date(2026, 5, 1), "Matchning"))
    assert ActorEditService(database).save(consented, expected_version=None) == 1


def test_an_import_without_consent_stores_nothing_and_names_the_field(
    database: Database,
) -> None:
    doc = canary_landscape()
    del doc["actors"][0]["consent"]
    with pytest.raises(ValidationError) as caught:
        LandscapeService(database).import_document(doc)
    message = str(caught.value)
    assert f"actor {PERSON}: consent.given_on" in message
    assert f"actor {PERSON}: consent.purpose" in message
    assert LandscapeService(database).counts().actors == 0


def test_a_register_row_of_a_volunteer_without_consent_is_rejected_with_its_line(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "frivillige.csv"
    path.write_text(
        "Navn;Type;Postnr.;E-mail;Telefon\r\n"
        "Strikkeklubben;forening;6700;;\r\n"
        f"{NAME};Frivillig person;6700;{EMAIL};{PHONE}\r\n",
        encoding="utf-8",
    )
    summary = RegisterImportService(database).import_file(path)
    assert (summary.created, summary.rejected) == (1, 1)
    codes = {(r.line, r.code) for r in summary.rejected_rows}
    assert (3, "consent_required") in codes
    with database.unit_of_work() as session:
        stored = set(session.execute(select(ACTORS.c.name)).scalars())
    assert stored == {"Strikkeklubben"}


def test_the_demo_landscape_keeps_the_consent_rule(database: Database) -> None:
    service = LandscapeService(database)
    service.load_demo()
    persons = [a for a in service.export_landscape().actors if a.kind == "volunteer_person"]
    assert persons and all(a.consent.given_on and a.consent.purpose for a in persons)


# --------------------------------------------------------------------------- export


def test_export_gives_the_person_everything_stored_about_them(database: Database) -> None:
    load_canaries(database)
    data = PrivacyService(database).export_person(PERSON)
    assert data["format"] == "mapper-person-export"
    assert data["person"]["name"] == NAME
    assert data["person"]["contact"] == {"name": NAME, "email": EMAIL, "phone": PHONE}
    assert data["person"]["location"]["lat"] == LAT
    assert data["record"]["version"] == 1 and data["record"]["deleted"] is False
    assert data["contact_on"] == [
        {
            "actor_id": "esb-venner",
            "actor_name": "Kanariefuglens Venner",
            "fields": ["contact.name", "contact.email", "contact.phone"],
        }
    ]
    assert [p["id"] for p in data["owned_problems"]] == ["esb-p-gaatur"]
    assert [(p["problem_id"], p["notes"]) for p in data["partnerships"]] == [
        ("esb-p-bes", f"Ring til {NAME} på {PHONE}.")
    ]


def test_export_and_erase_refuse_an_organisation_and_an_unknown_id(database: Database) -> None:
    load_canaries(database)
    service = PrivacyService(database)
    with pytest.raises(NotAPersonError) as caught:
        service.export_person("esb-venner")
    assert caught.value.code == "not_a_person"
    assert "esb-venner" in str(caught.value) and "local_association" in str(caught.value)
    with pytest.raises(NotAPersonError):
        service.erase_person("esb-venner")
    with pytest.raises(NotFoundError) as missing:
        service.erase_person("esb-person-vibek")
    assert missing.value.hint == PERSON
    with database.unit_of_work() as session:
        name = session.execute(select(ACTORS.c.name).where(ACTORS.c.uid == "esb-venner"))
        assert name.scalar_one() == "Kanariefuglens Venner"


def test_exports_with_personal_data_are_logged_beside_the_database(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="mapper.privacy"):
        path = log_personal_export(
            database, "register_internal", tmp_path / "r.csv", {"rows": 3}, author="Anna"
        )
    # Beside a SQLite file; for a server database in the user's data directory (conftest's).
    beside = tmp_path if sqlite_file(database.url) else tmp_path / "xdg-data" / "volunteer-mapper"
    assert path == beside / "export_log.jsonl"
    (entry,) = read_export_log(database)
    assert entry["what"] == "register_internal" and entry["by"] == "Anna"
    assert entry["target"] == str(tmp_path / "r.csv") and entry["rows"] == 3
    assert "export with personal data: register_internal" in caplog.text


# --------------------------------------------------------------------------- erase


def test_erase_leaves_the_person_nowhere_in_the_file_or_its_backups(tmp_path: Path) -> None:
    path = tmp_path / "landscape.sqlite"
    database = open_database(str(path))
    empty_copy = tmp_path / "backups" / "landscape-20260101-000000.sqlite"
    sqlite_copy(path, empty_copy)  # made before the person came: kept
    load_canaries(database)
    # Changes that the change history keeps with their old and new values.
    editor = ActorEditService(database)
    person, version = editor.load(PERSON)
    editor.save(
        replace(person, contact=replace(person.contact, phone="11 22 33 44")),
        expected_version=version,
    )
    editor.save(replace(person, name="Vibeke K. Østergaard"), expected_version=version + 1)
    editor.save(person, expected_version=version + 2)
    venner, version = editor.load("esb-venner")
    profile = replace(venner.profile, best_at=f"Gåture med {NAME}")
    editor.save(replace(venner, profile=profile), expected_version=version)
    MatchingService(database).rank_actors_for_problem("esb-p-bes")  # stores text analysis
    with database.unit_of_work() as session:
        pk = session.execute(select(ACTORS.c.pk).where(ACTORS.c.uid == PERSON)).scalar_one()
        assert session.execute(select(func.count()).where(TERMS.c.actor_pk == pk)).scalar()
    upgrade_copy = tmp_path / "landscape.sqlite.bak-0007-20261201T120000"
    sqlite_copy(path, upgrade_copy)
    rotated = tmp_path / "backups" / "landscape-20261201-120000.sqlite"
    sqlite_copy(path, rotated)
    archived = tmp_path / "backups" / "landscape-20261201-130000.sqlite.gz"
    archived.write_bytes(gzip.compress(upgrade_copy.read_bytes()))
    assert canaries_in(path.read_bytes() + Path(f"{path}-wal").read_bytes())

    report = PrivacyService(database).erase_person(PERSON)

    assert sorted(report.backups_removed) == sorted([upgrade_copy, rotated, archived])
    assert empty_copy.exists() and not upgrade_copy.exists()
    assert report.vacuumed and report.log_truncated
    assert report.partnerships == 1 and report.problems_unlinked == ("esb-p-gaatur",)
    assert report.contact_fields_cleared == 3
    database.close()
    for file in tmp_path.rglob("*"):
        if file.is_file():
            assert canaries_in(file.read_bytes()) == [], file
            assert "Østergaard".encode() not in file.read_bytes(), file

    database = open_database(str(path))
    try:
        with database.unit_of_work() as session:
            tomb = session.execute(select(ACTORS).where(ACTORS.c.pk == pk)).one()
            assert tomb.name == ERASED_NAME and tomb.uid == erased_uid(PERSON)
            assert tomb.deleted_at is not None and tomb.contact_email is None
            assert tomb.lat is None and tomb.address is None and tomb.we_are is None
            assert session.execute(select(func.count()).where(TERMS.c.actor_pk == pk)).scalar() == 0
            assert (
                session.execute(select(func.count()).where(ANALYSIS.c.actor_pk == pk)).scalar() == 0
            )
            venner = session.execute(select(ACTORS).where(ACTORS.c.uid == "esb-venner")).one()
            assert (venner.contact_name, venner.contact_email, venner.contact_phone) == (
                None,
                None,
                None,
            )
            assert venner.deleted_at is None and venner.version == 4
            problem = session.execute(select(PROBLEMS).where(PROBLEMS.c.uid == "esb-p-gaatur"))
            row = problem.one()
            assert (
                row.owner_pk is None and row.description == "[slettet] vil samle naboer til gåture."
            )
            live = session.execute(
                select(func.count()).where(
                    PARTNERSHIPS.c.actor_pk == pk, PARTNERSHIPS.c.deleted_at.is_(None)
                )
            ).scalar()
            assert live == 0
            assert session.execute(text("PRAGMA freelist_count")).scalar() == 0
            if history_table(session) is not None:  # the change history (migration 0009)
                kept = history_of(session, erased_uid(PERSON))
                assert len(kept) >= 4 and {h["changes"] for h in kept} == {None}
                assert report.history_rows >= len(kept)
        # The rest of the landscape still works.
        service = LandscapeService(database)
        assert {a.id for a in service.list_actors()} == {"esb-venner", "esb-aeldresagen"}
        ranking = MatchingService(database).rank_actors_for_problem("esb-p-bes")
        assert {m.actor_id for m in ranking.matches} <= {"esb-venner", "esb-aeldresagen"}
        with pytest.raises(NotFoundError):
            PrivacyService(database).erase_person(PERSON)
    finally:
        database.close()


def test_erase_of_an_already_deleted_person_still_clears_the_tombstone(
    database: Database,
) -> None:
    doc = canary_landscape()
    doc["problems"], doc["partnerships"] = doc["problems"][1:], []
    LandscapeService(database).import_document(doc)
    editor = ActorEditService(database)
    _, version = editor.load(PERSON)
    editor.delete(PERSON, version)
    PrivacyService(database).erase_person(PERSON)
    with database.unit_of_work() as session:
        names = set(session.execute(select(ACTORS.c.name)).scalars())
    assert NAME not in names and ERASED_NAME in names


def test_erase_also_erases_a_duplicate_merged_into_the_person(database: Database) -> None:
    doc = canary_landscape()
    twin = copy.deepcopy(doc["actors"][0])
    twin.update(id="esb-person-vibeke-2", name="Vibeke Østergaard")
    twin["contact"] = {"email": "vibeke.privat@example.dk", "phone": "40 50 60 70"}
    doc["actors"].append(twin)
    LandscapeService(database).import_document(doc)
    MergeService(database).merge(PERSON, "esb-person-vibeke-2")
    report = PrivacyService(database).erase_person(PERSON)
    assert report.actors == 2
    with database.unit_of_work() as session:
        stored = repr(session.execute(select(ACTORS)).all())
        merges = session.execute(select(func.count()).select_from(MERGES)).scalar()
    for value in ("Vibeke Østergaard", "vibeke.privat@example.dk", "40 50 60 70", NAME, EMAIL):
        assert value not in stored
    assert erased_uid("esb-person-vibeke-2") in stored and merges == 0


def test_erase_on_postgresql_leaves_no_row_with_the_person(pg_database: Database) -> None:
    load_canaries(pg_database)
    report = PrivacyService(pg_database).erase_person(PERSON)
    assert not report.vacuumed and report.backups_removed == ()
    with pg_database.unit_of_work() as session:
        for table in (ACTORS, PROBLEMS, PARTNERSHIPS):
            for row in session.execute(select(table)):
                assert not [c for c in CANARIES if c in repr(tuple(row))], (table.name, row)
