"""Municipality codes through import and the database: "561" is Esbjerg ("0561"), not a
municipality of its own that drops out of Esbjerg's filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from mapper.domain.errors import ValidationError
from mapper.persistence.database import Database, make_engine, open_database, upgrade
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape


def test_an_imported_three_digit_code_is_stored_as_four(service: LandscapeService) -> None:
    doc = small_landscape()
    doc["actors"][0]["location"]["municipality_code"] = "561"
    doc["problems"][0]["municipality_code"] = "561"
    doc["problems"][0]["location"] = {"postcode": "6700", "municipality_code": "561"}
    service.import_document(doc)
    esbjerg = {a.id for a in service.list_actors(municipality_code="0561")}
    assert "esb-sind" in esbjerg
    problem = service.get_problem("esb-p-bro")
    assert problem.municipality_code == problem.location.municipality_code == "0561"


@pytest.mark.parametrize(
    ("where", "code", "field"),
    [
        ("actor", "0562", "location.municipality_code"),
        ("problem", "9999", "municipality_code"),
        ("problem_location", "0999", "location.municipality_code"),
    ],
)
def test_an_unknown_code_is_refused_naming_the_nearest(
    service: LandscapeService, where: str, code: str, field: str
) -> None:
    doc: dict[str, Any] = small_landscape()
    if where == "actor":
        doc["actors"][0]["location"]["municipality_code"] = code
        record = "actor esb-sind"
    elif where == "problem":
        doc["problems"][0]["municipality_code"] = code
        record = "problem esb-p-bro"
    else:
        # (the small landscape's problem shares its location dict with an actor)
        doc["problems"][0]["location"] = {"postcode": "6700", "municipality_code": code}
        record = "problem esb-p-bro"
    with pytest.raises(ValidationError) as info:
        service.import_document(doc)
    [problem] = info.value.problems
    assert (problem.record, problem.field, problem.value) == (record, field, code)
    assert problem.hint is not None
    assert "nearest known code" in problem.hint
    assert service.counts().actors == 0


def test_migration_0004_pads_stored_short_codes(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0003")
    now = "2026-01-01 00:00:00"
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO actors (pk, uid, name, kind, municipality_code, public, active,"
                " version, created_at, updated_at) VALUES"
                " (1, 'a-ribe', 'Ribe Forening', 'local_association', '561', 1, 1, 1, :now, :now),"
                " (2, 'a-esb', 'Esbjerg Forening', 'local_association', '0561', 1, 1, 1,"
                " :now, :now),"
                " (3, 'a-none', 'Uden kommune', 'local_association', NULL, 1, 1, 1, :now, :now)"
            ),
            {"now": now},
        )
        conn.execute(
            sa.text(
                "INSERT INTO problems (pk, uid, title, problem_municipality_code,"
                " municipality_code, status, involves_statutory_task, version, created_at,"
                " updated_at) VALUES (1, 'p-ribe', 'Ribe', '561', '101', 'draft', 0, 1, :now, :now)"
            ),
            {"now": now},
        )
    engine.dispose()
    database: Database = open_database(str(path))  # upgrades to the head
    try:
        with database.unit_of_work() as session:
            rows = session.execute(sa.text("SELECT uid, municipality_code FROM actors"))
            actors = {uid: code for uid, code in rows}
            problem = session.execute(
                sa.text("SELECT problem_municipality_code, municipality_code FROM problems")
            ).one()
        assert actors == {"a-ribe": "0561", "a-esb": "0561", "a-none": None}
        assert tuple(problem) == ("0561", "0101")
        esbjerg = LandscapeService(database).list_actors(municipality_code="0561")
        assert {a.id for a in esbjerg} == {"a-ribe", "a-esb"}
    finally:
        database.close()
