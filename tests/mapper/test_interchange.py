"""Import and export of interchange documents through the landscape service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import select

from mapper.domain.errors import ValidationError
from mapper.io.interchange import read_document
from mapper.persistence.database import Database
from mapper.persistence.store import ACTORS, PARTNERSHIP_HISTORY
from mapper.services.landscape import LandscapeService
from tests.conftest import SHARED, MakeDatabase, small_landscape

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "data" / "landscape.schema.json"


def schema_validator() -> Draft202012Validator:
    """The shared spec when it is beside the project, else the copy shipped in data/."""
    shared = SHARED / "spec" / "landscape.schema.json"
    path = shared if shared.exists() else SCHEMA_PATH
    return Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))


def versions(database: Database) -> dict[str, tuple[int, Any]]:
    with database.unit_of_work() as s:
        return {
            r.uid: (r.version, r.updated_at)
            for r in s.execute(select(ACTORS.c.uid, ACTORS.c.version, ACTORS.c.updated_at))
        }


def test_export_is_valid_against_the_schema(
    service: LandscapeService, landscape_doc: dict[str, Any]
) -> None:
    service.import_document(landscape_doc)
    exported = service.export_document(personal_data=True)
    errors = list(schema_validator().iter_errors(exported))
    assert errors == []
    assert {a["id"] for a in exported["actors"]} == {a["id"] for a in landscape_doc["actors"]}


def test_round_trip_through_an_empty_database_gives_an_equal_document(
    make_database: MakeDatabase, service: LandscapeService, landscape_doc: dict[str, Any]
) -> None:
    from mapper.persistence.database import open_database

    service.import_document(landscape_doc)
    first = service.export_document()
    other = open_database(make_database("other"))
    try:
        LandscapeService(other).import_document(first)
        second = LandscapeService(other).export_document()
    finally:
        other.close()
    assert second == first
    # Nothing of the original was lost on the way.
    sind = next(a for a in first["actors"] if a["id"] == "esb-sind")
    assert sind["parent_id"] == "dk-sind"
    assert sind["resources_offered"][0] == {
        "kind": "volunteer_hours",
        "description": "Besøgsvenner",
        "hours_per_month": 120,
    }
    assert sind["profile"]["success_examples"] == ["Gå-klubben", "Fællesspisning"]
    assert first["problems"][0]["seeking"]["excluded_actor_kinds"] == ["company"]


def test_a_partnerships_effect_goes_round_and_stays_valid_against_the_shared_schema(
    make_database: MakeDatabase, service: LandscapeService, landscape_doc: dict[str, Any]
) -> None:
    """How we know it works (sådan ved vi, at det virker) and the step on the evidence ladder
    are ours beyond the shared spec, whose partnerships stay open to them."""
    from mapper.persistence.database import open_database

    landscape_doc["partnerships"][0].update(
        effect="Færre ensomme ved opfølgningen efter tre måneder.",
        evidence_level="case_study",
    )
    service.import_document(landscape_doc)
    first = service.export_document()
    assert first["partnerships"][0]["effect"] == (
        "Færre ensomme ved opfølgningen efter tre måneder."
    )
    assert first["partnerships"][0]["evidence_level"] == "case_study"
    assert list(schema_validator().iter_errors(first)) == []
    other = open_database(make_database("other"))
    try:
        LandscapeService(other).import_document(first)
        second = LandscapeService(other).export_document()
    finally:
        other.close()
    assert second == first
    # a partnership without them exports neither field
    landscape_doc["partnerships"][0].pop("effect")
    landscape_doc["partnerships"][0].pop("evidence_level")
    service.import_document(landscape_doc)
    assert {"effect", "evidence_level"}.isdisjoint(service.export_document()["partnerships"][0])


def test_importing_twice_changes_nothing(
    service: LandscapeService, database: Database, landscape_doc: dict[str, Any]
) -> None:
    first = service.import_document(landscape_doc)
    assert first.actors.created == 5 and first.problems.created == 1
    before = versions(database)
    exported = service.export_document()

    second = service.import_document(landscape_doc)

    assert not second.changed_anything
    assert second.actors.unchanged == 5
    assert versions(database) == before
    assert service.export_document() == exported


def test_a_changed_record_is_updated_and_its_version_bumped(
    service: LandscapeService, database: Database, landscape_doc: dict[str, Any]
) -> None:
    service.import_document(landscape_doc)
    landscape_doc["actors"][0]["name"] = "Sammen om Sindet, Esbjerg afdeling"
    landscape_doc["actors"][0]["target_groups"] = ["mental_illness"]
    landscape_doc["partnerships"][0]["stage"] = "contacted"

    report = service.import_document(landscape_doc)

    assert (report.actors.updated, report.actors.unchanged) == (1, 4)
    assert versions(database)["esb-sind"][0] == 2
    actor = service.get_actor("esb-sind")
    assert actor.name == "Sammen om Sindet, Esbjerg afdeling"
    assert actor.target_groups == ("mental_illness",)
    assert actor.parent_id == "dk-sind"
    with database.unit_of_work() as s:
        stages = (
            s.execute(select(PARTNERSHIP_HISTORY.c.stage).order_by(PARTNERSHIP_HISTORY.c.pk))
            .scalars()
            .all()
        )
    assert stages == ["proposed", "contacted"]


def test_references_may_point_at_records_already_stored(
    service: LandscapeService, landscape_doc: dict[str, Any]
) -> None:
    service.import_document(landscape_doc)
    later = {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            {
                "id": "esb-sind-ungdom",
                "name": "Sammen om Sindet Ung",
                "kind": "voluntary_organisation",
                "parent_id": "dk-sind",
            }
        ],
        "partnerships": [
            {"problem_id": "esb-p-bro", "actor_id": "esb-sind-ungdom", "stage": "proposed"}
        ],
    }
    service.import_document(later)
    assert service.get_actor("esb-sind-ungdom").parent_id == "dk-sind"
    assert service.counts().partnerships == 2


def test_individual_volunteers_default_to_not_public(
    service: LandscapeService, landscape_doc: dict[str, Any]
) -> None:
    service.import_document(landscape_doc)
    assert service.get_actor("esb-vol-1").public is False
    assert service.get_actor("esb-bank").public is True


# --------------------------------------------------------------------------- bad input


def _bad(mutate: Any) -> dict[str, Any]:
    doc = small_landscape()
    mutate(doc)
    return doc


BAD_DOCUMENTS = {
    "unknown target group": (
        lambda d: d["actors"][0]["target_groups"].append("mental_ilness"),
        "actor esb-sind",
        "target_groups[2]",
        "mental_ilness",
        "mental_illness",
    ),
    "unknown actor kind": (
        lambda d: d["actors"][3].update(kind="firma"),
        "actor esb-bank",
        "kind",
        "firma",
        None,
    ),
    "unknown resource kind": (
        lambda d: d["problems"][0]["seeking"]["resources"][0].update(kind="volunter_hours"),
        "problem esb-p-bro",
        "seeking.resources[0].kind",
        "volunter_hours",
        "volunteer_hours",
    ),
    "missing name": (
        lambda d: d["actors"][2].pop("name"),
        "actor esb-patriciahuset",
        "name",
        None,
        None,
    ),
    "latitude out of range": (
        lambda d: d["actors"][0]["location"].update(lat=155.5),
        "actor esb-sind",
        "location.lat",
        155.5,
        None,
    ),
    "latitude without longitude": (
        lambda d: d["actors"][0]["location"].pop("lon"),
        "actor esb-sind",
        "location.lon",
        None,
        None,
    ),
    "coordinate as text": (
        lambda d: d["actors"][0]["location"].update(lon="8,45"),
        "actor esb-sind",
        "location.lon",
        "8,45",
        None,
    ),
    "unknown status": (
        lambda d: d["problems"][0].update(status="seekin"),
        "problem esb-p-bro",
        "status",
        "seekin",
        "seeking",
    ),
    "unknown owner": (
        lambda d: d["problems"][0].update(owner_id="esb-patricia"),
        "problem esb-p-bro",
        "owner_id",
        "esb-patricia",
        "esb-patriciahuset",
    ),
    "duplicate id": (
        lambda d: d["actors"].append({"id": "esb-bank", "name": "Twin", "kind": "company"}),
        "actor esb-bank",
        "id",
        "esb-bank",
        None,
    ),
    "partnership to unknown actor": (
        lambda d: d["partnerships"][0].update(actor_id="esb-sin"),
        "partnership esb-p-bro ↔ esb-sin",
        "actor_id",
        "esb-sin",
        "esb-sind",
    ),
    "unknown evidence level": (
        lambda d: d["partnerships"][0].update(evidence_level="case_studie"),
        "partnership esb-p-bro ↔ esb-sind",
        "evidence_level",
        "case_studie",
        "case_study",
    ),
    "effect that is no text": (
        lambda d: d["partnerships"][0].update(effect=["Virker"]),
        "partnership esb-p-bro ↔ esb-sind",
        "effect",
        '["Virker"]',  # the value as JSON text
        None,
    ),
    "effect with a NUL character": (
        lambda d: d["partnerships"][0].update(effect="Virker\x00"),
        "partnership esb-p-bro ↔ esb-sind",
        "effect",
        "Virker\x00",
        None,
    ),
    "bad date": (
        lambda d: d["actors"][0].update(verified_on="2026-13-45"),
        "actor esb-sind",
        "verified_on",
        "2026-13-45",
        None,
    ),
    "negative hours": (
        lambda d: d["actors"][0]["resources_offered"][0].update(hours_per_month=-5),
        "actor esb-sind",
        "resources_offered[0].hours_per_month",
        -5,
        None,
    ),
    "own parent": (
        lambda d: d["actors"][1].update(parent_id="dk-sind"),
        "actor dk-sind",
        "parent_id",
        "dk-sind",
        None,
    ),
    "wrong format": (
        lambda d: d.update(format="something-else"),
        "document",
        "format",
        "something-else",
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_DOCUMENTS))
def test_a_bad_record_imports_nothing_and_names_record_field_and_value(
    case: str, service: LandscapeService, database: Database
) -> None:
    mutate, record, field, value, nearest = BAD_DOCUMENTS[case]
    # What is already stored must survive a failed import untouched.
    service.import_document(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                {"id": "kept", "name": "Allerede gemt forening", "kind": "local_association"}
            ],
        }
    )
    before = service.export_document()

    with pytest.raises(ValidationError) as caught:
        service.import_document(_bad(mutate), source="bad.json")

    matching = [p for p in caught.value.problems if p.record == record and p.field == field]
    assert matching, f"no problem naming {record} / {field} in: {caught.value}"
    problem = matching[0]
    assert problem.value == value
    if nearest:
        assert nearest in (problem.hint or "")
    message = str(caught.value)
    assert record in message and field in message and "nothing was stored" in message
    assert service.export_document() == before
    assert service.counts().actors == 1


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "mapper-landscape",\n  "actors": [,]\n}', encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        read_document(path)
    assert caught.value.problems[0].field == "line 3, column 14"
    assert str(path) in str(caught.value)


def test_a_document_that_is_not_an_object_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValidationError, match="expected a JSON object"):
        read_document(path)


def test_every_problem_is_reported_not_only_the_first(service: LandscapeService) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["actors"][0]["kind"] = "forening"
        d["actors"][3]["target_groups"] = ["nobody"]
        d["problems"][0]["prevention_level"] = "late"

    with pytest.raises(ValidationError) as caught:
        service.import_document(_bad(mutate))
    fields = {(p.record, p.field) for p in caught.value.problems}
    assert fields == {
        ("actor esb-sind", "kind"),
        ("actor esb-bank", "target_groups[0]"),
        ("problem esb-p-bro", "prevention_level"),
    }
    kind_problem = next(p for p in caught.value.problems if p.field == "kind")
    assert "local_association" in (kind_problem.hint or "")


def test_shipped_spec_copies_match_the_shared_spec() -> None:
    shared = SHARED / "spec"
    if not shared.exists():
        pytest.skip("../shared/spec is not beside the project")
    data = Path(__file__).resolve().parents[2] / "data"
    for name in ("landscape.schema.json", "vocabulary.json"):
        assert json.loads((data / name).read_text(encoding="utf-8")) == json.loads(
            (shared / name).read_text(encoding="utf-8")
        ), name


def test_a_cancelled_import_stores_nothing(service: LandscapeService) -> None:
    from mapper.domain.errors import Cancelled

    steps: list[int] = []

    def progress(done: int, total: int) -> None:
        steps.append(done)
        if done == 3:  # after actors and problems were written, before partnerships
            raise Cancelled()

    with pytest.raises(Cancelled):
        service.import_document(small_landscape(), progress=progress)
    assert steps == [0, 1, 2, 3]
    assert service.counts().actors == 0 and service.counts().problems == 0
