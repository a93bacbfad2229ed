"""A database file from every earlier release opens: it is upgraded to the newest schema with
every record intact (the frozen files in tests/fixtures/databases, made by its make.py)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from mapper.domain.errors import NotFoundError
from mapper.domain.model import ReviewNote
from mapper.persistence.database import (
    Database,
    current_revision,
    head_revision,
    known_revisions,
    open_database,
)
from mapper.services.actors import ActorEditService
from mapper.services.geo import GeoService
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from mapper.services.partnerships import PartnershipService
from tests.fixtures.databases.make import REVISIONS, fixture_path


@pytest.fixture(params=REVISIONS)
def upgraded(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Database]:
    revision: str = request.param
    copy = tmp_path / "landscape.sqlite"
    shutil.copyfile(fixture_path(revision), copy)
    database = open_database(str(copy))
    request.addfinalizer(database.close)
    return revision, database


def test_every_earlier_revision_has_a_frozen_database() -> None:
    earlier = set(known_revisions()) - {head_revision()}
    assert earlier <= set(REVISIONS), "add the revision to make.py's REVISIONS and run it"
    for revision in REVISIONS:
        assert fixture_path(revision).is_file(), "run: python -m tests.fixtures.databases.make"


def test_the_database_is_upgraded_to_the_newest_schema(upgraded: tuple[str, Database]) -> None:
    revision, database = upgraded
    assert current_revision(database.engine) == head_revision()
    if revision == head_revision():
        assert database.backup is None
    else:  # the file as it was, beside itself
        assert database.backup is not None
        assert database.backup.name.startswith(f"landscape.sqlite.bak-{revision}-")
        conn = sqlite3.connect(database.backup)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        conn.close()


def test_actors_are_intact(upgraded: tuple[str, Database]) -> None:
    revision, database = upgraded
    service = LandscapeService(database)
    assert {a.id for a in service.list_actors()} == {
        "esb-frivilligcenter",
        "esb-lektiecafe",
        "esb-anna-frivillig",
    }
    centre = service.get_actor("esb-frivilligcenter")
    assert centre.name == "Frivilligcenter Esbjerg – Ældre & Børn"
    assert centre.kind == "volunteer_centre"
    assert centre.registry_ids == (("cvr", "12345678"),)
    assert centre.location.municipality_code == "0561"  # padded by 0004 where typed short
    assert (centre.location.address, centre.location.postcode) == ("Kirkegade 12", "6700")
    assert (centre.location.lat, centre.location.lon) == (55.4669, 8.4517)
    assert centre.location.precision == "address"
    assert (centre.service_area_km, centre.employees, centre.volunteers) == (25.5, 4, 120)
    assert centre.target_groups == ("socially_vulnerable_adults", "mental_illness")
    assert centre.roles == ("volunteer_provider",)
    assert centre.prevention_levels == ("early",)
    assert [
        (r.kind, r.description, r.hours_per_month, r.amount_dkk) for r in centre.resources_offered
    ] == [
        ("volunteer_hours", "Frivillige til lektiehjælp", 40.0, None),
        ("funding", None, None, 25000.0),
    ]
    assert centre.profile.success_examples == ("Ældre hjælper ældre", "Lektiecafé i Kvaglund")
    assert centre.profile.we_are == "Vi formidler frivillige i hele kommunen."
    assert centre.profile.evidence_level == "case_study"
    assert centre.contact.name == "Søren Østergaard"
    assert centre.contact.website == "https://www.frivilligesbjerg.dk"
    assert centre.verified_on == dt.date(2026, 9, 1)
    assert (centre.public, centre.active) == (True, True)
    if revision >= "0005":
        assert centre.seeking.description == "Lokaler til en aftencafé"
        assert centre.seeking.resources == ("premises",)
        assert centre.seeking.roles == ("operator",)
        assert centre.seeking.target_groups == ("youth_vulnerable",)
    else:
        assert centre.seeking.description is None and centre.seeking.resources == ()

    cafe = service.get_actor("esb-lektiecafe")
    assert (cafe.name, cafe.parent_id, cafe.active) == (
        "Lektiecaféen i Kvaglund",
        "esb-frivilligcenter",
        False,
    )
    assert cafe.target_groups == ("children_vulnerable",)

    anna = service.get_actor("esb-anna-frivillig")
    assert (anna.name, anna.kind, anna.public) == ("Anna Æbelø", "volunteer_person", False)
    assert anna.consent.given_on == dt.date(2026, 8, 15)
    assert anna.consent.purpose == "Matching med lokale indsatser"
    assert anna.location.municipality_code is None
    kept = (("target_groups", "Skilsmissebørn", "unknown_code"),) if revision >= "0007" else ()
    assert tuple((n.field, n.value, n.reason) for n in centre.review_notes) == kept
    assert (cafe.review_notes, anna.review_notes) == ((), ())


def test_authors_and_tombstones_are_intact(upgraded: tuple[str, Database]) -> None:
    revision, database = upgraded
    meta = ActorEditService(database).load_meta("esb-frivilligcenter")
    if revision >= "0006":
        assert (meta.created_by, meta.updated_by) == ("Karen Kirk", "Ole Olsen")
    else:  # nobody knows who wrote it
        assert (meta.created_by, meta.updated_by) == (None, None)
    service = LandscapeService(database)
    with pytest.raises(NotFoundError):  # a tombstone stays invisible
        service.get_actor("esb-nedlagt")


def test_problems_are_intact(upgraded: tuple[str, Database]) -> None:
    revision, database = upgraded
    service = LandscapeService(database)
    assert {p.id for p in service.list_problems()} == {"esb-p-ensomhed", "esb-p-kladde"}
    problem = service.get_problem("esb-p-ensomhed")
    assert problem.title == "Ensomhed blandt ældre i Esbjerg Ø"
    assert problem.owner_id == "esb-frivilligcenter"
    assert problem.municipality_code == "0561"
    assert (problem.status, problem.concreteness, problem.prevention_level) == (
        "seeking",
        "concrete",
        "early",
    )
    assert problem.target_groups == ("socially_vulnerable_adults",)
    assert problem.seeking.required_resources == ("volunteer_hours",)
    assert problem.seeking.roles == ("volunteer_provider",)
    assert problem.seeking.actor_kinds == ("local_association",)
    assert problem.seeking.excluded_actor_kinds == ("municipal_unit",)
    assert problem.seeking.max_distance_km == 15.0
    assert problem.seeking.must_not == "Ingen pleje."
    assert [(r.kind, r.description) for r in problem.seeking.resources] == [
        ("volunteer_hours", "Besøgsvenner")
    ]
    assert (problem.location.postcode, problem.location.lat) == ("6705", 55.48)
    draft = service.get_problem("esb-p-kladde")
    assert (draft.title, draft.owner_id, draft.status) == ("Kladde uden ejer", None, "draft")
    assert draft.involves_statutory_task is True
    weights = MatchingService(database).saved_weights("esb-p-ensomhed")
    if revision >= "0002":
        assert weights == {"target_groups": 2.0, "distance": 0.5}
    else:
        assert weights == {}


def test_partnerships_are_intact(upgraded: tuple[str, Database]) -> None:
    _revision, database = upgraded
    service = PartnershipService(database, LandscapeService(database).vocabulary)
    assert {p.key for p in service.list_partnerships()} == {
        ("esb-p-ensomhed", "esb-lektiecafe"),
        ("esb-p-ensomhed", "esb-anna-frivillig"),
    }
    detail = service.get("esb-p-ensomhed", "esb-lektiecafe")
    assert (detail.stage, detail.type, detail.notes) == (
        "dialogue",
        "mutual_exchange",
        "Møde aftalt i december.",
    )
    assert detail.success_factors == ("clear_goals", "open_communication")
    assert detail.updated_on == dt.date(2026, 11, 30)
    assert (detail.effect, detail.evidence_level) == (None, None)  # none documented before 0011
    assert detail.version == 2
    assert [(h.stage, h.changed_at.replace(tzinfo=None), h.note) for h in detail.history] == [
        ("proposed", dt.datetime(2026, 11, 24, 10, 0), None),
        ("dialogue", dt.datetime(2026, 11, 30, 14, 15, 16), "Første møde"),
    ]
    proposed = service.get("esb-p-ensomhed", "esb-anna-frivillig")
    assert (proposed.stage, proposed.type, proposed.success_factors) == ("proposed", None, ())


def test_boundaries_are_intact(upgraded: tuple[str, Database]) -> None:
    revision, database = upgraded
    geo = GeoService(database)
    if revision < "0003":
        assert set(geo.layers().values()) == {0}
        return
    assert geo.layers() == {"municipalities": 1, "regions": 0, "postcodes": 1}
    (esbjerg,) = geo.boundaries("municipalities")
    assert (esbjerg.code, esbjerg.name) == ("0561", "Esbjerg")
    assert esbjerg.geometry["type"] == "Polygon"
    assert esbjerg.geometry["coordinates"][0][1] == [8.6, 55.4]
    (postcode,) = geo.boundaries("postcodes")
    assert (postcode.code, postcode.name) == ("6705", "Esbjerg Ø")


def test_the_upgraded_database_takes_new_records(upgraded: tuple[str, Database]) -> None:
    _revision, database = upgraded
    service = LandscapeService(database)
    note = {"field": "target_groups", "value": "Ældre m. demens", "reason": "unmapped_code"}
    report = service.import_document(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                {
                    "id": "esb-ny",
                    "name": "Ny forening",
                    "kind": "local_association",
                    "review_notes": [note],
                }
            ],
        }
    )
    assert report.actors.created == 1
    assert service.counts().actors == 4
    assert service.get_actor("esb-ny").review_notes == (
        ReviewNote("target_groups", "Ældre m. demens", "unmapped_code"),
    )
