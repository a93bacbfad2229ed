"""The HSDS 3.0 package: the real validators (frictionless, JSON Schema of the official compiled
organization), privacy, escaping, stable ids, atomic writing, and hsds.json imported back."""

from __future__ import annotations

import copy
import csv
import json
import shutil
import subprocess
import sys
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from exports.hsds import (
    DESCRIPTOR_FILE,
    JSON_FILE,
    PACKAGE_STEPS,
    descriptor,
    write_hsds_package,
)
from mapper.domain.errors import Cancelled, OutputFileError, ValidationError
from mapper.domain.model import Actor
from mapper.io.hsds import NAMESPACE, hsds_to_document, is_hsds
from mapper.persistence.database import Database, open_database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from tests.conftest import MakeDatabase

SPEC = Path(__file__).parents[2].parent / "shared" / "spec" / "hsds-3.0"
needs_spec = pytest.mark.skipif(
    not SPEC.is_dir(), reason=f"the HSDS 3.0 specification is not at {SPEC} (../shared)"
)

HOSTILE = '<img src=x onerror=alert(1)>; "Klub", =HYPERLINK("http://x")\nlinje 2'
VALID_CVR = "12345674"
ESBJERG = {"postcode": "6700", "city": "Esbjerg", "municipality_code": "0561"}


def register() -> dict[str, Any]:
    """A small Esbjerg register: publishable organisations (one with consent to show its
    contact person, one without a street, one with a hostile name), and everything a public
    export must leave out: an individual volunteer, a hidden and a closed association."""
    return copy.deepcopy(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                {
                    "id": "esb-sind",
                    "name": "Sammen om Sindet Esbjerg",
                    "kind": "voluntary_organisation",
                    "parent_id": "dk-sind",
                    "registry_ids": {"cvr": VALID_CVR},
                    "location": {
                        **ESBJERG,
                        "address": "Kirkegade 12",
                        "lat": 55.4765,
                        "lon": 8.4594,
                        "precision": "address",
                    },
                    "target_groups": ["mental_illness", "socially_vulnerable_adults"],
                    "resources_offered": [
                        {
                            "kind": "volunteer_hours",
                            "description": "Besøgsvenner",
                            "hours_per_month": 120,
                        },
                        {"kind": "network_bridging"},
                    ],
                    "roles": ["bridge_builder", "volunteer_provider"],
                    "prevention_levels": ["rehabilitation"],
                    "profile": {"we_are": "En forening for psykisk sårbare & pårørende."},
                    "contact": {
                        "name": "Anne Jensen",
                        "email": "anne@sind.example.dk",
                        "phone": "+45 12 34 56 78",
                        "website": "https://sind.example.dk",
                    },
                    "consent": {"given_on": "2026-01-15", "purpose": "Kontakt på kortet"},
                },
                {
                    "id": "dk-sind",
                    "name": "Sammen om Sindet Danmark",
                    "kind": "voluntary_organisation",
                    "contact": {"name": "Bo Hansen", "email": "bo@sind.example.dk"},
                },
                {
                    "id": "esb-klub",
                    "name": "Ribe Gå-klub",
                    "kind": "local_association",
                    "location": {
                        "postcode": "6760",
                        "city": "Ribe",
                        "municipality_code": "0561",
                        "lat": 55.33,
                        "lon": 8.76,
                        "precision": "postcode",
                    },
                    "target_groups": ["elderly_lonely"],
                },
                {
                    "id": "esb-hostile",
                    "name": HOSTILE,
                    "kind": "company",
                    "location": {**ESBJERG, "address": "Havnegade 1"},
                    "profile": {"we_are": "<script>alert(1)</script> & co"},
                    "contact": {"website": "https://x.example.dk/?a=1&b=2"},
                },
                {
                    "id": "esb-vol",
                    "name": "Mette Frivillig",
                    "kind": "volunteer_person",
                    "public": False,
                    "consent": {"given_on": "2026-02-01", "purpose": "Matchning"},
                    "contact": {"email": "mette@example.dk"},
                    "location": {**ESBJERG, "lat": 55.47, "lon": 8.45},
                },
                {
                    "id": "esb-hidden",
                    "name": "Skjult Forening",
                    "kind": "local_association",
                    "public": False,
                    "location": ESBJERG,
                },
                {
                    "id": "esb-closed",
                    "name": "Lukket Forening",
                    "kind": "local_association",
                    "active": False,
                    "location": ESBJERG,
                },
            ],
        }
    )


PUBLISHED = {"esb-sind", "dk-sind", "esb-klub", "esb-hostile"}
LEFT_OUT = {
    "esb-vol": "Mette Frivillig",
    "esb-hidden": "Skjult Forening",
    "esb-closed": "Lukket Forening",
}


def org_uuid(actor_id: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"organization:{actor_id}"))


@pytest.fixture
def filled(service: LandscapeService) -> LandscapeService:
    service.import_document(register())
    return service


@pytest.fixture
def actors(filled: LandscapeService) -> tuple[Actor, ...]:
    return filled.export_landscape().actors


@pytest.fixture
def package(actors: tuple[Actor, ...], tmp_path: Path) -> Path:
    target = tmp_path / "hsds"
    write_hsds_package(actors, target)
    return target


def organizations(package: Path) -> list[dict[str, Any]]:
    data = json.loads((package / JSON_FILE).read_text("utf-8"))
    assert isinstance(data, list)
    return data


def csv_rows(package: Path, name: str) -> list[dict[str, str]]:
    with (package / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def frictionless(path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", str(path)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    report = json.loads(done.stdout)
    assert isinstance(report, dict)
    return report


def report_errors(report: dict[str, Any]) -> list[str]:
    found = [e.get("message", "") for e in report.get("errors", [])]
    for task in report.get("tasks", []):
        found += [f"{task.get('name')}: {e.get('message')}" for e in task.get("errors", [])]
    return found


# --------------------------------------------------------------------------- validators


def test_package_passes_frictionless(package: Path) -> None:
    report = frictionless(package / DESCRIPTOR_FILE)
    assert report["valid"], report_errors(report)
    names = {task["name"] for task in report["tasks"]}
    assert len(names) == 21 and {"organization", "service", "taxonomy_term"} <= names


@needs_spec
def test_csv_files_pass_the_official_descriptor(package: Path, tmp_path: Path) -> None:
    """Our CSV files under the official datapackage.json itself (copied into the test's own
    folder, never into the project)."""
    official = tmp_path / "official"
    shutil.copytree(package, official)
    shutil.copy(SPEC / "datapackage.json", official / DESCRIPTOR_FILE)
    report = frictionless(official / DESCRIPTOR_FILE)
    assert report["valid"], report_errors(report)


@needs_spec
def test_descriptor_follows_the_official_one() -> None:
    official = json.loads((SPEC / "datapackage.json").read_text("utf-8"))
    ours = descriptor()
    assert ours["profile"] == official["profile"] == "tabular-data-package"
    assert [r["name"] for r in ours["resources"]] == [r["name"] for r in official["resources"]]

    def shape(resource: dict[str, Any]) -> dict[str, Any]:
        schema = resource["schema"]
        return {
            "path": resource["path"],
            "primaryKey": schema.get("primaryKey"),
            "foreignKeys": sorted(
                json.dumps(k, sort_keys=True) for k in schema.get("foreignKeys", [])
            ),
            "fields": [
                (
                    f["name"],
                    f["type"],
                    f.get("format"),
                    f["constraints"].get("required"),
                    f["constraints"].get("unique"),
                    f["constraints"].get("enum"),
                )
                for f in schema["fields"]
            ],
        }

    for mine, theirs in zip(ours["resources"], official["resources"], strict=True):
        assert shape(mine) == shape(theirs), mine["name"]


@cache
def _organization_validator() -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    schema = json.loads((SPEC / "compiled" / "organization.json").read_text("utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


@needs_spec
def test_every_organization_is_valid_against_the_compiled_schema(package: Path) -> None:
    validator = _organization_validator()
    orgs = organizations(package)
    assert len(orgs) == len(PUBLISHED)
    for org in orgs:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(org)]
        assert not errors, (org["name"], errors)


def test_an_empty_register_gives_a_valid_empty_package(tmp_path: Path) -> None:
    report = write_hsds_package([], tmp_path / "empty")
    assert report.organizations == 0
    assert organizations(tmp_path / "empty") == []
    result = frictionless(tmp_path / "empty" / DESCRIPTOR_FILE)
    assert result["valid"], report_errors(result)
    # Our taxonomies are listed even so: a consumer can read the codes.
    assert len(csv_rows(tmp_path / "empty", "taxonomies.csv")) == 5


@needs_spec
def test_demo_landscape_package_is_valid(service: LandscapeService, tmp_path: Path) -> None:
    service.load_demo()
    report = write_hsds_package(service.export_landscape().actors, tmp_path / "demo")
    assert report.organizations > 50 and report.services > report.organizations
    result = frictionless(tmp_path / "demo" / DESCRIPTOR_FILE)
    assert result["valid"], report_errors(result)
    validator = _organization_validator()
    for org in organizations(tmp_path / "demo"):
        assert not list(validator.iter_errors(org)), org["name"]


# --------------------------------------------------------------------------- content


def test_organizations_carry_services_locations_and_target_groups(package: Path) -> None:
    orgs = {o["id"]: o for o in organizations(package)}
    sind = orgs[org_uuid("esb-sind")]
    assert sind["name"] == "Sammen om Sindet Esbjerg"
    assert sind["website"] == "https://sind.example.dk"
    assert sind["parent_organization_id"] == org_uuid("dk-sind")
    identifiers = {
        i["identifier_scheme"]: i["identifier"] for i in sind["organization_identifiers"]
    }
    assert identifiers == {"frivillighedskortet": "esb-sind", "DK-CVR": VALID_CVR}
    terms = {
        (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]) for a in sind["attributes"]
    }
    assert ("frivillighedskortet/target_groups", "mental_illness") in terms
    assert ("frivillighedskortet/actor_kinds", "voluntary_organisation") in terms
    (location,) = sind["locations"]
    assert (location["latitude"], location["longitude"]) == (55.4765, 8.4594)
    (address,) = location["addresses"]
    assert address["address_1"] == "Kirkegade 12"
    assert (address["postal_code"], address["city"], address["country"]) == (
        "6700",
        "Esbjerg",
        "DK",
    )
    assert address["state_province"] == "Esbjerg"
    services = {s["name"]: s for s in sind["services"]}
    assert set(services) == {"Besøgsvenner", "Netværk og brobygning til lokalsamfundet"}
    visits = services["Besøgsvenner"]
    assert visits["status"] == "active"
    assert visits["service_at_locations"][0]["location_id"] == location["id"]
    assert visits["attributes"][0]["taxonomy_term"]["code"] == "volunteer_hours"
    # The CSV tables say the same as hsds.json.
    assert {r["id"] for r in csv_rows(package, "services.csv")} >= {
        s["id"] for s in sind["services"]
    }
    links = {r["link_id"] for r in csv_rows(package, "attributes.csv")}
    assert sind["id"] in links and visits["id"] in links


def test_hsds_ids_are_stable_uuids_of_our_ids(actors: tuple[Actor, ...], tmp_path: Path) -> None:
    write_hsds_package(actors, tmp_path / "one")
    write_hsds_package(tuple(reversed(actors)), tmp_path / "two")
    ids_one = sorted(o["id"] for o in organizations(tmp_path / "one"))
    assert ids_one == sorted(o["id"] for o in organizations(tmp_path / "two"))
    assert ids_one == sorted(org_uuid(a) for a in PUBLISHED)
    for name in ("services.csv", "attributes.csv", "locations.csv", "addresses.csv"):
        one = sorted((tmp_path / "one" / name).read_text("utf-8").splitlines())
        assert one == sorted((tmp_path / "two" / name).read_text("utf-8").splitlines()), name


def test_actor_without_a_street_gets_its_town_as_first_line(package: Path) -> None:
    orgs = {o["id"]: o for o in organizations(package)}
    (address,) = orgs[org_uuid("esb-klub")]["locations"][0]["addresses"]
    assert address["address_1"] == "Ribe" and address["postal_code"] == "6760"
    # An actor with neither address nor point has no location at all.
    assert "locations" not in orgs[org_uuid("dk-sind")]
    # HSDS requires a description: kind and town stand in for a missing "we are".
    assert orgs[org_uuid("esb-klub")]["description"] == "Lokal forening i Ribe"


# --------------------------------------------------------------------------- privacy


def test_left_out_actors_appear_in_no_file(package: Path, actors: tuple[Actor, ...]) -> None:
    everything = "\n".join(p.read_text("utf-8") for p in sorted(package.iterdir()))
    for actor_id, name in LEFT_OUT.items():
        assert name not in everything
        assert org_uuid(actor_id) not in everything
        assert actor_id not in everything
    assert "mette@example.dk" not in everything


def test_left_out_counted_by_reason(actors: tuple[Actor, ...], tmp_path: Path) -> None:
    report = write_hsds_package(actors, tmp_path / "p")
    assert report.organizations == len(PUBLISHED)
    assert dict(report.left_out) == {"personal": 1, "not_public": 1, "inactive": 1}


def test_contact_persons_only_with_consent(package: Path) -> None:
    orgs = {o["id"]: o for o in organizations(package)}
    sind = orgs[org_uuid("esb-sind")]
    (contact,) = sind["contacts"]
    assert contact["name"] == "Anne Jensen" and contact["email"] == "anne@sind.example.dk"
    assert contact["phones"][0]["number"] == "+45 12 34 56 78"
    assert sind["email"] == "anne@sind.example.dk"
    national = orgs[org_uuid("dk-sind")]
    assert "contacts" not in national and "email" not in national
    everything = "\n".join(p.read_text("utf-8") for p in sorted(package.iterdir()))
    assert "Bo Hansen" not in everything and "bo@sind.example.dk" not in everything
    assert [r["name"] for r in csv_rows(package, "contacts.csv")] == ["Anne Jensen"]


def test_deleted_actor_is_not_exported(filled: LandscapeService, tmp_path: Path) -> None:
    edit = ActorEditService(filled.database)
    _actor, version = edit.load("esb-klub")
    edit.delete("esb-klub", version)
    write_hsds_package(filled.export_landscape().actors, tmp_path / "p")
    assert org_uuid("esb-klub") not in (tmp_path / "p" / JSON_FILE).read_text("utf-8")


def test_hostile_text_is_escaped_and_read_back_exactly(package: Path) -> None:
    orgs = {o["id"]: o for o in organizations(package)}
    hostile = orgs[org_uuid("esb-hostile")]
    assert hostile["name"] == HOSTILE  # JSON-encoded, parsed back byte for byte
    # Descriptions may hold markup for HSDS consumers: ours is escaped text.
    assert hostile["description"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    assert hostile["website"] == "https://x.example.dk/?a=1&b=2"
    rows = {r["id"]: r for r in csv_rows(package, "organizations.csv")}
    assert rows[hostile["id"]]["name"] == HOSTILE  # quotes, separators, line break survive
    raw = (package / "organizations.csv").read_text("utf-8")
    assert "<script" not in raw and "<script" not in (package / JSON_FILE).read_text("utf-8")


# --------------------------------------------------------------------------- writing


def test_an_earlier_package_is_replaced(actors: tuple[Actor, ...], package: Path) -> None:
    write_hsds_package([a for a in actors if a.id == "esb-klub"], package)
    assert [o["name"] for o in organizations(package)] == ["Ribe Gå-klub"]
    assert [p.name for p in package.parent.iterdir() if p.name.startswith("hsds.")] == []


def test_a_folder_holding_other_files_is_refused_untouched(
    actors: tuple[Actor, ...], tmp_path: Path
) -> None:
    target = tmp_path / "documents"
    target.mkdir()
    (target / "budget.xlsx").write_bytes(b"mine")
    with pytest.raises(OutputFileError, match=r"budget\.xlsx"):
        write_hsds_package(actors, target)
    assert [p.name for p in target.iterdir()] == ["budget.xlsx"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("documents.")] == []


def test_a_file_or_missing_folder_is_refused(actors: tuple[Actor, ...], tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputFileError, match="not a folder"):
        write_hsds_package(actors, tmp_path / "file")
    with pytest.raises(OutputFileError) as caught:
        write_hsds_package(actors, tmp_path / "missing" / "hsds")
    assert caught.value.cause == "no_folder"


@pytest.mark.parametrize("stop_at", [1, 10, PACKAGE_STEPS - 2])
def test_cancel_leaves_the_earlier_package_and_no_partial_one(
    actors: tuple[Actor, ...], package: Path, stop_at: int
) -> None:
    before = {p.name: p.read_bytes() for p in package.iterdir()}

    def progress(done: int, total: int) -> None:
        assert total == PACKAGE_STEPS
        if done >= stop_at:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_hsds_package([a for a in actors if a.id == "esb-klub"], package, progress=progress)
    assert {p.name: p.read_bytes() for p in package.iterdir()} == before
    assert [p.name for p in package.parent.iterdir() if p.name.startswith("hsds.")] == []


# --------------------------------------------------------------------------- import back


def _fresh(make_database: MakeDatabase, name: str) -> tuple[Database, LandscapeService]:
    database = open_database(make_database(name))
    return database, LandscapeService(database)


def test_round_trip_into_an_empty_database(
    actors: tuple[Actor, ...], package: Path, make_database: MakeDatabase
) -> None:
    data = json.loads((package / JSON_FILE).read_text("utf-8"))
    assert is_hsds(data)
    database, service = _fresh(make_database, "empty")
    try:
        report = service.import_document(hsds_to_document(data), source="hsds.json")
        assert report.actors.created == len(PUBLISHED)
        back = {a.id: a for a in service.export_landscape().actors}
        # Importing the same file again changes nothing.
        assert service.import_document(hsds_to_document(data)).actors.unchanged == len(PUBLISHED)
    finally:
        database.close()
    original = {a.id: a for a in actors if a.id in PUBLISHED}
    assert set(back) == set(original)  # our ids are restored
    for actor_id, before in original.items():
        after = back[actor_id]
        assert (after.name, after.kind) == (before.name, before.kind)
        assert after.target_groups == before.target_groups
        assert after.roles == before.roles and after.prevention_levels == before.prevention_levels
        assert after.registry_ids == before.registry_ids
        for part in ("address", "postcode", "city", "municipality_code", "lat", "lon"):
            assert getattr(after.location, part) == getattr(before.location, part), part
        assert after.contact.website == before.contact.website
        assert [(r.kind, r.description) for r in after.resources_offered] == [
            (r.kind, r.description) for r in before.resources_offered
        ]
        assert after.profile.we_are == before.profile.we_are
        assert after.public and after.active and not after.review_notes
    assert back["esb-sind"].contact.email == "anne@sind.example.dk"  # shown with consent
    assert back["esb-sind"].contact.name == "Anne Jensen"
    assert back["dk-sind"].contact.email is None  # never exported without it
    assert back["esb-sind"].parent_id == "dk-sind"


def third_party() -> list[dict[str, Any]]:
    """Two organizations from another directory: their own UUIDs and taxonomy, a website
    without its scheme, a CVR with 'DK', an API page around them."""
    return [
        {
            "id": "0b9cfe44-22de-4a38-9a4f-0a3cbd6ba3a1",
            "name": "Kirkens Korshær Esbjerg",
            "description": "Varmestue <b>og</b> rådgivning",
            "website": "www.korshaer.example.dk",
            "email": "esbjerg@korshaer.example.dk",
            "legal_status": "Forening",
            "organization_identifiers": [
                {
                    "id": "5b1c0a57-7a0e-4a5e-8a55-3bb1bfe1a7a2",
                    "identifier_type": "CVR-nummer",
                    "identifier": "DK 12 34 56 74",
                }
            ],
            "attributes": [
                {
                    "id": "8d0b9e39-0f4c-4b9e-9b7e-5d3fe0b1d2a1",
                    "taxonomy_term": {
                        "id": "a1b2c3d4-0000-4000-8000-000000000001",
                        "name": "Hjemløse",
                        "taxonomy": "openeligibility",
                    },
                },
                {
                    "id": "8d0b9e39-0f4c-4b9e-9b7e-5d3fe0b1d2a2",
                    "taxonomy_term": {
                        "id": "a1b2c3d4-0000-4000-8000-000000000002",
                        "name": "Veterans",
                        "taxonomy": "openeligibility",
                    },
                },
            ],
            "locations": [
                {
                    "id": "b3c1e0a4-1d5b-4d2c-9a0e-1c2d3e4f5a6b",
                    "location_type": "physical",
                    "latitude": 55.47,
                    "longitude": 8.45,
                    "addresses": [
                        {
                            "id": "c4d2f1b5-2e6c-4e3d-8b1f-2d3e4f5a6b7c",
                            "address_1": "Torvegade 5",
                            "city": "Esbjerg",
                            "state_province": "Region Syddanmark",
                            "postal_code": "6700",
                            "country": "DK",
                            "address_type": "physical",
                        }
                    ],
                }
            ],
            "services": [
                {
                    "id": "d5e3a2c6-3f7d-4f4e-9c2a-3e4f5a6b7c8d",
                    "name": "Varmestue",
                    "status": "active",
                    "attributes": [
                        {
                            "id": "e6f4b3d7-4a8e-4a5f-8d3b-4f5a6b7c8d9e",
                            "taxonomy_term": {"id": "x", "name": "Lokaler"},
                        }
                    ],
                },
                {"id": "f7a5c4e8-5b9f-4b6a-9e4c-5a6b7c8d9e0f", "name": "Sjælesorg"},
            ],
        },
        {"id": "org-2", "name": "Blå Kors Varde", "description": "Misbrugsbehandling"},
        {"id": "org-3", "name": "Andelskassen", "legal_status": "Kooperativ sparekasse"},
    ]


def test_third_party_organizations_import_with_review_notes(make_database: MakeDatabase) -> None:
    page = {"total_items": 3, "contents": third_party()}
    assert is_hsds(page) and is_hsds(third_party())
    doc = hsds_to_document(page)
    first, second, third = doc["actors"]
    assert first["id"] == "kirkens-korshaer-esbjerg-0b9cfe44"
    assert first["kind"] == "local_association"  # 'Forening' is a synonym
    assert first["registry_ids"] == {"cvr": VALID_CVR}
    assert first["contact"]["website"] == "https://www.korshaer.example.dk"
    assert first["target_groups"] == ["homeless"]
    assert first["location"]["municipality_code"] == "0561"  # from the postcode
    assert first["resources_offered"] == [{"kind": "premises", "description": "Varmestue"}]
    assert first["profile"]["we_are"] == "Varmestue <b>og</b> rådgivning"
    assert {(n["field"], n["value"]) for n in first["review_notes"]} == {
        ("target_groups", "Veterans"),
        ("resources_offered", "Sjælesorg"),
    }
    # No kind given: the default; a kind that maps to no code: the default and a note.
    assert second["kind"] == third["kind"] == "voluntary_organisation"
    assert "review_notes" not in second
    assert third["review_notes"] == [
        {"field": "kind", "value": "Kooperativ sparekasse", "reason": "unmapped_code"}
    ]
    database, service = _fresh(make_database, "third")
    try:
        service.import_document(doc, source="other.json")
        stored = service.get_actor(first["id"])
        assert {n.value for n in stored.review_notes} == {"Veterans", "Sjælesorg"}
        # Importing it again updates the same actors.
        assert service.import_document(hsds_to_document(page)).actors.created == 0
    finally:
        database.close()


def test_ids_from_us_are_restored_only_when_the_uuid_matches() -> None:
    org = {
        "id": str(uuid.uuid4()),
        "name": "Efterligning",
        "organization_identifiers": [
            {
                "id": str(uuid.uuid4()),
                "identifier_scheme": "frivillighedskortet",
                "identifier_type": "local_id",
                "identifier": "esb-sind",
            }
        ],
    }
    (actor,) = hsds_to_document([org])["actors"]
    assert actor["id"] != "esb-sind" and actor["id"].startswith("efterligning-")


def test_is_hsds_tells_our_document_apart() -> None:
    assert not is_hsds(register())
    assert is_hsds([]) and is_hsds(third_party()) and is_hsds(third_party()[0])
    assert not is_hsds([{"name": "no id"}]) and not is_hsds("text") and not is_hsds(None)


def _problems(data: Any) -> list[tuple[str, str, str]]:
    with pytest.raises(ValidationError) as caught:
        hsds_to_document(data, source="in.json")
    assert caught.value.source == "in.json"
    return [(p.record, p.field, p.code) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"name": ""}, ("organization[0] o-1", "name", "required")),
        ({"name": 7}, ("organization[0] o-1", "name", "wrong_type")),
        ({"website": "javascript:alert(1)"}, ("organization[0] o-1", "website", "not_website")),
        ({"email": "anne(at)example.dk"}, ("organization[0] o-1", "email", "not_email")),
        ({"services": {"id": "x"}}, ("organization[0] o-1", "services", "wrong_type")),
        (
            {"locations": [{"id": "l", "latitude": "55,4", "longitude": 8.4}]},
            ("organization[0] o-1", "locations[0].latitude", "wrong_type"),
        ),
        (
            {"locations": [{"id": "l", "latitude": 95.0, "longitude": 8.4}]},
            ("organization[0] o-1", "locations[0].latitude", "out_of_range"),
        ),
        (
            {"contacts": [{"id": "c", "email": "not-an-address"}]},
            ("organization[0] o-1", "contacts[0].email", "not_email"),
        ),
    ],
)
def test_bad_organizations_are_named_with_their_field(
    change: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    org = {"id": "o-1", "name": "Forening", **change}
    assert expected in _problems([org])


def test_bad_documents_name_index_and_id() -> None:
    assert _problems({"format": "mapper-landscape"}) == [("document", "(top level)", "wrong_type")]
    assert _problems("hello") == [("document", "(top level)", "wrong_type")]
    problems = _problems(
        [
            {"id": "a", "name": "A"},
            "not an object",
            {"name": "no id"},
            {"id": "a", "name": "twice"},
        ]
    )
    assert problems == [
        ("organization[1]", "(record)", "wrong_type"),
        ("organization[2]", "id", "required"),
        ("organization[3] a", "id", "duplicate_id"),
    ]


def test_bad_input_imports_nothing(service: LandscapeService) -> None:
    with pytest.raises(ValidationError):
        service.import_document(
            hsds_to_document([{"id": "a", "name": "A", "website": "ftp://x.dk"}])
        )
    assert service.counts().actors == 0


@pytest.mark.parametrize(
    ("state_province", "postcode", "code"),
    [
        ("Esbjerg", "6700", "0561"),
        ("Københavns Kommune", "1050", "0101"),
        ("Bornholms Regionskommune", "3700", "0400"),
        ("Region Syddanmark", "6760", "0561"),  # a region names no municipality: the postcode
    ],
)
def test_municipality_from_the_address(state_province: str, postcode: str, code: str) -> None:
    address = {
        "id": "a",
        "address_1": "Torvet 1",
        "city": "By",
        "state_province": state_province,
        "postal_code": postcode,
        "country": "DK",
        "address_type": "physical",
    }
    org = {"id": "o", "name": "N", "locations": [{"id": "l", "addresses": [address]}]}
    (actor,) = hsds_to_document([org])["actors"]
    assert actor["location"]["municipality_code"] == code
