"""Length, NUL and overflow limits: the same clear refusal on SQLite and PostgreSQL.

PostgreSQL refuses a name over its column's length, a NUL character in any text and an integer
beyond 32 bits with a DataError, where SQLite stores them; validation refuses them first, on both
back ends alike, naming record, field and limit, and nothing is stored."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Integer, String

from mapper.domain import limits
from mapper.domain.authors import MAX_AUTHOR
from mapper.domain.errors import InputProblem, ValidationError
from mapper.domain.model import Resource
from mapper.persistence import orm
from mapper.persistence.database import Database
from mapper.services.actors import ActorEditService
from mapper.services.geo import GeoService
from mapper.services.landscape import LandscapeService
from mapper.services.partnerships import PartnershipService
from mapper.services.problems import ProblemEditService
from tests.conftest import small_landscape


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    """The small landscape on each back end."""
    name = "database" if request.param == "sqlite" else "pg_database"
    database: Database = request.getfixturevalue(name)
    LandscapeService(database).import_document(small_landscape())
    return database


def refused(action: Callable[[], object]) -> list[InputProblem]:
    with pytest.raises(ValidationError) as caught:
        action()
    return caught.value.problems


def only(problems: list[InputProblem]) -> tuple[str, str, str, dict[str, object]]:
    assert len(problems) == 1, problems
    p = problems[0]
    return p.record, p.field, p.code, dict(p.params)


# ------------------------------------------------------------------- the limits are the columns


COLUMNS = {
    "actor": (
        orm.ActorRecord,
        {
            "id": "uid",
            "registry_ids.*": orm.ActorRegistryId.__table__.c.value,
            "target_groups": orm.ActorCode.__table__.c.code,
            "roles": orm.ActorCode.__table__.c.code,
            "prevention_levels": orm.ActorCode.__table__.c.code,
            "seeking.resources": orm.ActorCode.__table__.c.code,
            "seeking.roles": orm.ActorCode.__table__.c.code,
            "seeking.target_groups": orm.ActorCode.__table__.c.code,
            "resources_offered.kind": orm.ActorResource.__table__.c.kind,
            "review_notes.field": orm.ActorReviewNote.__table__.c.field,
            "review_notes.reason": orm.ActorReviewNote.__table__.c.reason,
        },
    ),
    "problem": (
        orm.ProblemRecord,
        {
            "id": "uid",
            "municipality_code": "problem_municipality_code",
            "target_groups": orm.ProblemCode.__table__.c.code,
            "seeking.resources.kind": orm.ProblemResource.__table__.c.kind,
            "seeking.required_resources": orm.ProblemCode.__table__.c.code,
            "seeking.roles": orm.ProblemCode.__table__.c.code,
            "seeking.actor_kinds": orm.ProblemCode.__table__.c.code,
            "seeking.excluded_actor_kinds": orm.ProblemCode.__table__.c.code,
        },
    ),
    "partnership": (
        orm.PartnershipRecord,
        {"success_factors": orm.PartnershipSuccessFactor.__table__.c.code},
    ),
    "boundary": (orm.BoundaryRecord, {}),
}


def _column(record: Any, field: str, special: dict[str, Any]) -> Any:
    found = special.get(field, field)
    if not isinstance(found, str):
        return found
    name = found.split(".")[-1]
    if field.startswith("contact."):
        name = f"contact_{name}"
    elif field.startswith("location.") and name == "precision":
        name = "location_precision"
    return record.__table__.c[name]


@pytest.mark.parametrize("kind", sorted(limits.TEXT_LIMITS))
def test_the_text_limits_are_the_column_lengths(kind: str) -> None:
    record, special = COLUMNS[kind]
    for field, limit in limits.TEXT_LIMITS[kind].items():
        column = _column(record, field, special)
        assert isinstance(column.type, String), field
        assert column.type.length == limit, field


def test_every_limited_column_has_its_limit() -> None:
    """A new String column of a record that the interchange fields fill is named here too."""
    for kind, (record, special) in COLUMNS.items():
        named = {_column(record, f, special).name for f in limits.TEXT_LIMITS[kind]}
        own = {
            c.name
            for c in record.__table__.c
            if isinstance(c.type, String) and c.type.length is not None
        }
        own -= {"created_by", "updated_by", "deleted_by"}  # the author, cut to MAX_AUTHOR
        assert own <= named, kind
    assert limits.KEY_LIMITS["actor"]["registry_ids"] == (
        orm.ActorRegistryId.__table__.c.scheme.type.length
    )
    assert orm.AUTHOR_LENGTH == MAX_AUTHOR


def test_the_integer_fields_are_the_integer_columns() -> None:
    integers = {
        c.name
        for c in orm.ActorRecord.__table__.c
        if isinstance(c.type, Integer) and not c.primary_key and not c.foreign_keys
    }
    assert integers - {"version"} == set(limits.INTEGER_FIELDS["actor"])


# --------------------------------------------------------------------------- the editors' services

LONG_NAME = "N" * 501


def test_a_name_over_500_characters_is_refused_naming_record_field_and_limit(db: Database) -> None:
    edits = ActorEditService(db)
    actor, version = edits.load("esb-sind")
    problems = refused(lambda: edits.save(replace(actor, name=LONG_NAME), expected_version=version))
    assert only(problems) == ("actor esb-sind", "name", "too_long", {"limit": 500, "length": 501})
    assert "at most 500" in str(problems[0])
    assert edits.load("esb-sind") == (actor, version)  # nothing stored


def test_values_at_the_limits_are_stored_on_both_back_ends(db: Database) -> None:
    edits = ActorEditService(db)
    actor, version = edits.load("esb-sind")
    at_limit = replace(
        actor,
        name="N" * 500,
        employees=limits.MAX_INTEGER,
        contact=replace(actor.contact, phone="1" * 100),
        resources_offered=(Resource("volunteer_hours", "x" * 100_000, float(2**53)),),
    )
    new_version = edits.save(at_limit, expected_version=version)
    assert edits.load("esb-sind") == (at_limit, new_version)


def test_2_to_the_31_employees_is_refused(db: Database) -> None:
    edits = ActorEditService(db)
    actor, version = edits.load("esb-sind")
    problems = refused(
        lambda: edits.save(replace(actor, employees=2**31), expected_version=version)
    )
    assert only(problems) == ("actor esb-sind", "employees", "too_large", {"limit": 2**31 - 1})
    assert edits.load("esb-sind") == (actor, version)


def test_a_huge_hours_value_is_refused(db: Database) -> None:
    edits = ActorEditService(db)
    actor, version = edits.load("esb-sind")
    huge = replace(actor, resources_offered=(Resource("volunteer_hours", None, 10**30),))
    problems = refused(lambda: edits.save(huge, expected_version=version))
    assert only(problems) == (
        "actor esb-sind",
        "resources_offered[0].hours_per_month",
        "too_large",
        {"limit": 2**53},
    )
    assert edits.check(huge) == problems  # the editor's check finds it too


def test_a_nul_character_in_a_description_is_refused(db: Database) -> None:
    edits = ProblemEditService(db)
    problem, version = edits.load("esb-p-bro")
    bad = replace(problem, description="Vi søger\x00 frivillige")
    problems = refused(lambda: edits.save(bad, expected_version=version))
    assert only(problems) == ("problem esb-p-bro", "description", "nul_character", {})
    assert edits.check(bad) == problems
    assert edits.load("esb-p-bro") == (problem, version)


def test_a_title_over_500_characters_is_refused_when_created(db: Database) -> None:
    edits = ProblemEditService(db)
    problem, _ = edits.load("esb-p-bro")
    new = replace(problem, id="esb-p-ny", title="T" * 600)
    problems = refused(lambda: edits.save(new, expected_version=None))
    assert only(problems) == (
        "problem esb-p-ny",
        "title",
        "too_long",
        {"limit": 500, "length": 600},
    )
    assert LandscapeService(db).counts().problems == 1


def test_a_nul_character_in_profile_text_is_refused(db: Database) -> None:
    edits = ActorEditService(db)
    actor, version = edits.load("esb-sind")
    bad = replace(actor, profile=replace(actor.profile, we_are="a\x00b"))
    problems = refused(lambda: edits.save(bad, expected_version=version))
    assert only(problems) == ("actor esb-sind", "profile.we_are", "nul_character", {})


def test_partnership_notes_a_long_one_is_kept_a_nul_is_refused(db: Database) -> None:
    partnerships = PartnershipService(db)
    before = partnerships.get("esb-p-bro", "esb-sind")
    long_note = "Møde hver uge. " * 10_000
    after = partnerships.update(
        "esb-p-bro", "esb-sind", notes=long_note, expected_version=before.version
    )
    assert partnerships.get("esb-p-bro", "esb-sind").notes == long_note.strip()
    label = "partnership esb-p-bro ↔ esb-sind"
    problems = refused(
        lambda: partnerships.update(
            "esb-p-bro", "esb-sind", notes="a\x00b", expected_version=after.version
        )
    )
    assert only(problems) == (label, "notes", "nul_character", {})
    problems = refused(
        lambda: partnerships.change_stage(
            "esb-p-bro", "esb-sind", "dialogue", note="\x00", expected_version=after.version
        )
    )
    assert only(problems) == (label, "note", "nul_character", {})
    assert partnerships.get("esb-p-bro", "esb-sind") == after  # nothing stored


# --------------------------------------------------------------------------- import


def _doc_with(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    doc = small_landscape()
    change(doc)
    return doc


def _actor(doc: dict[str, Any], actor_id: str = "esb-sind") -> dict[str, Any]:
    return next(a for a in doc["actors"] if a["id"] == actor_id)


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target = _actor(doc)
        *parents, last = path.split(".")
        for key in parents:
            target = target.setdefault(key, {})
        target[last] = value

    return change


BAD_DOCUMENTS = {
    "long name": (
        _set("name", LONG_NAME),
        ("actor esb-sind", "name", "too_long", {"limit": 500, "length": 501}),
    ),
    "2^31 employees": (
        _set("employees", 2**31),
        ("actor esb-sind", "employees", "too_large", {"limit": 2**31 - 1}),
    ),
    "NUL in a description": (
        _set("seeking.description", "a\x00"),
        ("actor esb-sind", "seeking.description", "nul_character", {}),
    ),
    "long register id": (
        _set("registry_ids", {"cvr": "1" * 101}),
        ("actor esb-sind", "registry_ids.cvr", "too_long", {"limit": 100, "length": 101}),
    ),
    "huge hours": (
        lambda doc: _actor(doc)["resources_offered"][0].update(hours_per_month=1e300),
        (
            "actor esb-sind",
            "resources_offered[0].hours_per_month",
            "too_large",
            {"limit": 2**53},
        ),
    ),
    "NUL in partnership notes": (
        lambda doc: doc["partnerships"][0].update(notes="\x00"),
        ("partnership esb-p-bro ↔ esb-sind", "notes", "nul_character", {}),
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_DOCUMENTS))
def test_an_imported_document_beyond_the_limits_is_refused(db: Database, case: str) -> None:
    change, expected = BAD_DOCUMENTS[case]
    service = LandscapeService(db)
    before = service.export_document()
    doc = _doc_with(change)
    problems = refused(lambda: service.import_document(doc))
    assert only(problems) == expected
    assert service.export_document() == before  # nothing stored


def test_an_imported_file_with_a_nul_escape_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "landscape.json"
    path.write_text(json.dumps(_doc_with(_set("name", "Sammen\x00"))), "utf-8")
    assert "\\u0000" in path.read_text("utf-8")
    problems = refused(lambda: LandscapeService(db).import_file(path))
    assert only(problems) == ("actor esb-sind", "name", "nul_character", {})


# --------------------------------------------------------------------------- boundaries


def test_boundary_names_are_cut_and_cleaned_of_nul(db: Database, tmp_path: Path) -> None:
    square = [[[8.4, 55.4], [8.5, 55.4], [8.5, 55.5], [8.4, 55.5], [8.4, 55.4]]]
    features = [
        {
            "type": "Feature",
            "properties": {"kode": code, "navn": name},
            "geometry": {"type": "Polygon", "coordinates": square},
        }
        for code, name in (("0561", "Esb\x00jerg"), ("0573", "V" * 300))
    ]
    path = tmp_path / "kommuner.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    geo = GeoService(db)
    geo.import_file(path, "municipalities", code_field="kode", name_field="navn")
    names = geo.municipality_names()
    assert "\x00" not in names["0561"]
    assert names["0561"].startswith("Esb")
    assert names["0573"] == "V" * 200
