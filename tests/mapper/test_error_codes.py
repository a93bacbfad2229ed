"""The core speaks in codes: every error class has its own stable code, every InputProblem and
cause code used in mapper/ is registered (so the UI can render it), and the raising sites set
the specific codes."""

from __future__ import annotations

import importlib
import io
import pkgutil
import re
from pathlib import Path

import pytest

import mapper
from mapper.domain.errors import (
    DATABASE_CAUSES,
    GEO_IMPORT_CAUSES,
    OUTPUT_FILE_CAUSES,
    PROBLEM_CODES,
    ConflictError,
    DatabaseError,
    GeoImportError,
    InputProblem,
    MapperError,
    ValidationError,
)
from mapper.geo.boundaries import read_boundaries
from mapper.io import interchange
from mapper.persistence.database import open_database, resolve_url
from mapper.services.partnerships import PartnershipService
from tests.conftest import MakeDatabase

MAPPER = Path(mapper.__file__).parent


def all_error_classes() -> list[type[MapperError]]:
    for module in pkgutil.walk_packages([str(MAPPER)], "mapper."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
    found: list[type[MapperError]] = []
    todo: list[type[MapperError]] = [MapperError]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def literal_codes(keyword: str) -> set[str]:
    pattern = re.compile(rf"\b{keyword}\s*=\s*\"([a-z_]+)\"")
    return {m for path in MAPPER.rglob("*.py") for m in pattern.findall(path.read_text("utf-8"))}


def test_every_error_class_has_a_code_of_its_own() -> None:
    classes = all_error_classes()
    assert {c.__name__ for c in classes} >= {"NotFoundError", "ActorInUseError", "Cancelled"}
    codes = [c.code for c in classes]
    missing = [c.__name__ for c in classes if "code" not in vars(c)]
    assert missing == []
    assert len(set(codes)) == len(codes), codes


def test_params_are_the_dataclass_fields() -> None:
    error = ConflictError("actor", "a-1", 2, 3)
    assert error.code == "conflict"
    assert error.params == {
        "kind": "actor",
        "record_id": "a-1",
        "expected_version": 2,
        "actual_version": 3,
    }


def test_input_problem_keeps_its_positional_fields_and_defaults_to_invalid() -> None:
    problem = InputProblem("actor a", "name", "", "the name is blank")
    assert (problem.code, dict(problem.params)) == ("invalid", {})
    assert str(problem) == "actor a: name = '': the name is blank"


def test_every_code_used_in_mapper_is_registered() -> None:
    used = literal_codes("code") | set(interchange._SCHEMA_CODES.values())
    assert {"unknown_code", "required", "not_one_of"} <= used
    assert used - set(PROBLEM_CODES) == set()
    causes = literal_codes("cause")
    assert {"no_such_file", "not_a_url"} <= causes
    assert causes - set(GEO_IMPORT_CAUSES) - set(DATABASE_CAUSES) - set(OUTPUT_FILE_CAUSES) == set()


def test_unknown_stage_carries_code_facet_and_nearest(make_database: MakeDatabase) -> None:
    service = PartnershipService(open_database(make_database("db")))
    with pytest.raises(ValidationError) as caught:
        service.list_partnerships(stage="agred")
    problem = caught.value.problems[0]
    assert problem.code == "unknown_code"
    assert problem.params == {"facet": "partnership_stages", "nearest": "agreed"}


def test_missing_boundary_file_carries_its_cause(tmp_path: Path) -> None:
    with pytest.raises(GeoImportError) as caught:
        read_boundaries(tmp_path / "nowhere.geojson", "municipalities")
    assert caught.value.cause == "no_such_file"
    assert caught.value.code == "geo_import"


def test_boundary_column_named_but_absent_carries_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "k.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", '
        '"properties": {"kode": "0561"}, "geometry": {"type": "Polygon", '
        '"coordinates": [[[8, 55], [8.1, 55], [8.1, 55.1], [8, 55]]]}}]}'
    )
    with pytest.raises(GeoImportError) as caught:
        read_boundaries(path, "municipalities", code_field="kommunekode")
    assert caught.value.cause == "no_such_column"
    assert caught.value.cause_params["column"] == "kommunekode"
    assert caught.value.cause_params["columns"] == ("kode",)


def test_bad_database_url_carries_its_cause() -> None:
    with pytest.raises(DatabaseError) as caught:
        resolve_url("postgresql+psycopg://[::1")
    assert caught.value.cause == "not_a_url"


def test_schema_problems_carry_codes_by_keyword() -> None:
    doc = {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            {"id": "a", "name": "", "kind": "local_association", "location": {"lat": 91}},
            {"id": "b", "kind": "local_association", "location": {"precision": "adress"}},
        ],
    }
    problems = {(p.record, p.field): p for p in interchange.validate_document(doc)}
    assert problems[("actor a", "name")].code == "required"
    assert problems[("actor a", "location.lat")].code == "out_of_range"
    assert problems[("actor a", "location.lat")].params == {"max": 90}
    assert problems[("actor b", "name")].code == "required"
    precision = problems[("actor b", "location.precision")]
    assert (precision.code, precision.params["nearest"]) == ("not_one_of", "address")


def test_references_and_codes_in_a_document_carry_codes() -> None:
    doc = {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            {"id": "a", "name": "A", "kind": "local_asociation", "parent_id": "bb"},
            {"id": "b", "name": "B", "kind": "local_association", "location": {"lat": 55.0}},
        ],
    }
    problems = {p.field: p for p in interchange.validate_document(doc)}
    assert (problems["kind"].code, problems["kind"].params) == (
        "unknown_code",
        {"facet": "actor_kinds", "nearest": "local_association"},
    )
    assert (problems["parent_id"].code, problems["parent_id"].params) == (
        "unknown_reference",
        {"kind": "actor", "nearest": "b"},
    )
    assert problems["location.lon"].code == "both_or_neither"


def test_malformed_json_carries_line_and_column() -> None:
    with pytest.raises(ValidationError) as caught:
        interchange.read_document(io.BytesIO(b'{"format":\n  oops}'))
    problem = caught.value.problems[0]
    assert (problem.code, problem.params) == ("not_json", {"line": 2, "column": 3})
