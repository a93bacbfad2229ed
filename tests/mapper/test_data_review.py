"""The data review (gennemgang af data) and exports without personal data.

A small story in Esbjerg: an association verified last spring, another never verified, a
volunteer who walks with lonely neighbours (active through a partnership), one who stopped two
years ago and one who was marked inactive long ago; the canary landscape of test_privacy for
what a landscape export may not carry.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from mapper.domain.errors import ValidationError
from mapper.persistence.database import Database, open_database
from mapper.persistence.repositories.history import HISTORY
from mapper.persistence.repositories.privacy import PersonalValues
from mapper.persistence.store import ACTORS, PARTNERSHIPS
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.privacy import (
    LEFT_OUT,
    PersonalDataFilter,
    PrivacyService,
    PrivacySettings,
    months_before,
    read_export_log,
)
from tests.mapper.test_privacy import CANARIES, NAME, PERSON, canary_landscape, load_canaries

TODAY = dt.date(2030, 6, 15)
CONSENT = {"given_on": "2026-05-01", "purpose": "Matchning til frivillige opgaver"}


def _utc(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)


def esbjerg() -> dict[str, Any]:
    def volunteer(uid: str, name: str) -> dict[str, Any]:
        return {
            "id": uid,
            "name": name,
            "kind": "volunteer_person",
            "public": False,
            "consent": CONSENT,
            "location": {"municipality_code": "0561"},
        }

    return {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            {
                "id": "esb-verified",
                "name": "Verificeret Forening",
                "kind": "local_association",
                "location": {"municipality_code": "0561"},
                "verified_on": "2030-03-01",
            },
            {
                "id": "esb-old",
                "name": "Gammel Forening",
                "kind": "local_association",
                "location": {"municipality_code": "0561"},
                "verified_on": "2028-01-10",
            },
            {
                "id": "esb-never",
                "name": "Aldrig Verificeret",
                "kind": "local_association",
                "location": {"municipality_code": "0561"},
            },
            volunteer("esb-walker", "Gåtur Grethe"),
            volunteer("esb-gone", "Forsvundet Frede"),
            volunteer("esb-quit", "Stoppet Sigrid"),
        ],
        "problems": [
            {
                "id": "esb-p-walks",
                "title": "Gåture",
                "owner_id": "esb-verified",
                "status": "seeking",
            }
        ],
        "partnerships": [
            {"problem_id": "esb-p-walks", "actor_id": "esb-walker", "stage": "proposed"}
        ],
    }


def set_changed(database: Database, uid: str, day: str) -> None:
    with database.engine.begin() as connection:
        connection.execute(update(ACTORS).where(ACTORS.c.uid == uid).values(updated_at=_utc(day)))


@pytest.fixture
def review(database: Database) -> PrivacyService:
    LandscapeService(database).import_document(esbjerg())
    for uid in ("esb-verified", "esb-old", "esb-never", "esb-walker", "esb-gone", "esb-quit"):
        set_changed(database, uid, "2027-09-01")
    with database.engine.begin() as connection:
        connection.execute(update(PARTNERSHIPS).values(updated_at=_utc("2029-11-20")))
    return PrivacyService(database)


def test_months_before_keeps_the_day_or_takes_the_months_last() -> None:
    assert months_before(dt.date(2030, 6, 15), 12) == dt.date(2029, 6, 15)
    assert months_before(dt.date(2030, 3, 31), 1) == dt.date(2030, 2, 28)
    assert months_before(dt.date(2030, 1, 15), 13) == dt.date(2028, 12, 15)
    assert months_before(dt.date(2030, 6, 15), 240) == dt.date(2010, 6, 15)


def test_records_not_verified_within_the_period_are_listed_never_verified_first(
    review: PrivacyService,
) -> None:
    found = review.unverified_records(12, today=TODAY)
    never = [r.id for r in found if r.verified_on is None]
    assert sorted(never) == ["esb-gone", "esb-never", "esb-quit", "esb-walker"]
    assert [r.id for r in found][len(never) :] == ["esb-old"]
    old = found[-1]
    assert (old.name, old.kind, old.municipality_code) == (
        "Gammel Forening",
        "local_association",
        "0561",
    )
    assert old.verified_on == dt.date(2028, 1, 10)
    assert old.last_changed.date() == dt.date(2027, 9, 1)
    # A longer period lets the association verified in 2028 pass.
    assert "esb-old" not in [r.id for r in review.unverified_records(36, today=TODAY)]


def test_the_period_defaults_to_the_stored_setting(review: PrivacyService) -> None:
    assert review.settings() == PrivacySettings(verify_months=12, retention_months=24)
    assert "esb-verified" not in [r.id for r in review.unverified_records(today=TODAY)]
    review.save_settings(verify_months=3)
    assert review.settings() == PrivacySettings(verify_months=3, retention_months=24)
    assert "esb-verified" in [r.id for r in review.unverified_records(today=TODAY)]


def test_settings_are_kept_in_the_database_for_every_user(database: Database) -> None:
    PrivacyService(database, author="Mette").save_settings(verify_months=6, retention_months=36)
    again = PrivacyService(open_database(str(database.url)))
    try:
        assert again.settings() == PrivacySettings(verify_months=6, retention_months=36)
    finally:
        again.database.close()


@pytest.mark.parametrize("value", [0, 241, -5, True, 2.5])
def test_a_period_out_of_range_is_refused_naming_the_setting(
    database: Database, value: Any
) -> None:
    service = PrivacyService(database)
    with pytest.raises(ValidationError) as caught:
        service.save_settings(retention_months=value)
    [problem] = caught.value.problems
    assert (problem.field, problem.code) == ("retention_months", "out_of_range")
    assert problem.params == {"min": 1, "max": 240}
    assert "1 to 240" in problem.message
    assert service.settings() == PrivacySettings()  # nothing stored
    with pytest.raises(ValidationError):
        service.unverified_records(value)


def test_persons_inactive_beyond_the_retention_period_are_proposed_with_the_reason(
    review: PrivacyService, database: Database
) -> None:
    editor = ActorEditService(database)
    quit_, version = editor.load("esb-quit")
    editor.save(replace(quit_, active=False), expected_version=version)
    with database.engine.begin() as connection:  # marked inactive in 2027, touched since
        connection.execute(
            update(HISTORY)
            .where(HISTORY.c.record_uid == "esb-quit", HISTORY.c.action == "changed")
            .values(changed_at=_utc("2027-10-01"))
        )
    set_changed(database, "esb-quit", "2029-12-24")

    found = review.erasure_proposals(24, today=TODAY)
    assert [(p.id, p.reason, p.since) for p in found] == [
        ("esb-gone", "no_activity", dt.date(2027, 9, 1)),
        ("esb-quit", "inactive", dt.date(2027, 10, 1)),
    ]
    # The walker's partnership changed in November 2029: not proposed. No association is.
    assert found[0].name == "Forsvundet Frede" and found[0].kind == "volunteer_person"
    # Nothing was erased: proposals only.
    assert {a.id for a in LandscapeService(database).list_actors()} >= {"esb-gone", "esb-quit"}


def test_a_recent_verification_or_partnership_keeps_a_person(
    review: PrivacyService, database: Database
) -> None:
    with database.engine.begin() as connection:
        connection.execute(
            update(ACTORS).where(ACTORS.c.uid == "esb-gone").values(verified_on=dt.date(2029, 1, 5))
        )
    assert [p.id for p in review.erasure_proposals(24, today=TODAY)] == ["esb-quit"]
    # Over six months the walker's partnership (November 2029) is too old as well.
    proposed = {p.id: p.since for p in review.erasure_proposals(6, today=TODAY)}
    assert proposed == {
        "esb-gone": dt.date(2029, 1, 5),
        "esb-quit": dt.date(2027, 9, 1),
        "esb-walker": dt.date(2029, 11, 20),
    }


def test_a_person_marked_inactive_without_history_counts_from_the_last_change(
    review: PrivacyService, database: Database
) -> None:
    with database.engine.begin() as connection:
        connection.execute(update(ACTORS).where(ACTORS.c.uid == "esb-walker").values(active=False))
    found = {p.id: (p.reason, p.since) for p in review.erasure_proposals(24, today=TODAY)}
    assert found["esb-walker"] == ("inactive", dt.date(2027, 9, 1))


# --------------------------------------------------------------------------- exports


def test_a_landscape_export_leaves_personal_data_out_by_default(database: Database) -> None:
    load_canaries(database)
    service = LandscapeService(database)
    stream = io.StringIO()
    counts = service.export_file(stream)
    text = stream.getvalue()
    assert [c for c in CANARIES if c in text] == []
    assert "Hans Hansen" not in text and "hans@example.dk" not in text
    doc = json.loads(text)
    assert doc == service.export_document()
    assert [a["id"] for a in doc["actors"]] == ["esb-venner", "esb-aeldresagen"]
    assert all("contact" not in a for a in doc["actors"])
    assert doc["partnerships"] == []  # the only one was with the person
    owned = {p["id"]: p for p in doc["problems"]}["esb-p-gaatur"]
    assert "owner_id" not in owned
    assert owned["description"] == f"{LEFT_OUT} vil samle naboer til gåture."
    assert (counts.actors, counts.problems, counts.partnerships) == (2, 2, 0)
    assert read_export_log(database) == []  # nothing personal: nothing to log


def test_with_personal_data_everything_is_exported(database: Database) -> None:
    load_canaries(database)
    doc = LandscapeService(database).export_document(personal_data=True)
    assert PERSON in [a["id"] for a in doc["actors"]]
    assert NAME in json.dumps(doc, ensure_ascii=False)
    assert len(doc["partnerships"]) == len(canary_landscape()["partnerships"])


def test_an_export_without_personal_data_imports_into_an_empty_database(
    database: Database, tmp_path: Path
) -> None:
    load_canaries(database)
    target = tmp_path / "uden.json"
    LandscapeService(database).export_file(target)
    other = open_database(str(tmp_path / "other.sqlite"))
    try:
        report = LandscapeService(other).import_file(target)
        assert report.actors.created == 2 and report.problems.created == 2
    finally:
        other.close()


def test_the_filter_replaces_names_emails_and_phones_in_any_free_text() -> None:
    kept = PersonalDataFilter(
        PersonalValues(
            persons=frozenset({"p1"}),
            names=frozenset({"anne-marie østergaard", "hans hansen"}),
            emails=frozenset({"am@example.dk"}),
            phones=frozenset({"29876543"}),
        )
    )
    text = (
        "Ring til Anne-Marie  Østergaard på +45 29 87 65 43 eller AM@example.dk; "
        "Hans Hansens søster hjælper. Hans kommer også."
    )
    assert kept.text(text) == (
        f"Ring til {LEFT_OUT} på {LEFT_OUT} eller {LEFT_OUT}; "
        "Hans Hansens søster hjælper. Hans kommer også."
    )
    actor = {
        "id": "org",
        "name": "Hans Hansen ApS",
        "kind": "company",
        "parent_id": "p1",
        "contact": {"name": "Hans Hansen", "email": "h@x.dk", "website": "https://x.dk"},
        "consent": {"purpose": "Hans Hansen er kontakt"},
        "review_notes": [
            {"field": "contact.phone", "value": "ring 29 87 65 43", "reason": "invalid_value"},
            {"field": "volunteers", "value": "ca. 20", "reason": "invalid_value"},
        ],
    }
    assert kept.actor(actor) == {
        "id": "org",
        "name": "Hans Hansen ApS",  # the organisation's own name stays
        "kind": "company",
        "contact": {"website": "https://x.dk"},
        "consent": {"purpose": f"{LEFT_OUT} er kontakt"},
        "review_notes": [{"field": "volunteers", "value": "ca. 20", "reason": "invalid_value"}],
    }
    assert kept.actor({**actor, "id": "p1"}) is None
    problem = {"id": "p", "title": "Hjælp", "owner_id": "p1", "description": "Ring AM@example.dk"}
    assert kept.problem(problem) == {"id": "p", "title": "Hjælp", "description": f"Ring {LEFT_OUT}"}
    untouched = {"problem_id": "p", "actor_id": "org", "stage": "proposed", "notes": "God start"}
    assert kept.partnership(untouched) is untouched
    assert kept.partnership({**untouched, "actor_id": "p1"}) is None
