"""`mapper stats`, driven as a script would: Danish lines, JSON with --json in the shape the
module docstring and the README document, and a clear message for a municipality code that
is none."""

from __future__ import annotations

import io
import json

import pytest

from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from mapper.services.partnerships import PartnershipService
from tests.conftest import MakeDatabase, small_landscape
from ui.cli import main

TOP_LEVEL = {
    "municipality_code",
    "municipality_name",
    "generated_at",
    "actors",
    "persons",
    "problems",
    "partnerships",
    "by_kind",
    "by_sector",
    "by_area",
    "coverage",
    "resources",
    "completeness",
    "funnel",
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(make_database: MakeDatabase) -> str:
    """The small landscape: an association, a unit and a volunteer in Esbjerg, a national
    body and a company without a place, one partnership."""
    path = make_database("stats")
    database = open_database(path)
    try:
        LandscapeService(database).import_document(small_landscape())
    finally:
        database.close()
    return path


def test_lines_in_danish(db: str) -> None:
    code, out, err = run("--db", db, "stats")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Overblik: hele landskabet"
    assert lines[1] == ("Aktører: 5 (heraf 1 enkeltperson), problemstillinger: 1, partnerskaber: 1")
    assert "Efter aktørtype:" in lines and "Efter sektor:" in lines
    assert any(line.split() == ["0561", "Esbjerg", "3"] for line in lines)
    assert "  uden kommune: 2" in lines
    assert "Hvide pletter: 0 af 2 felter" in lines
    assert "  Frivillige kræfter og frivilligtimer: 1 aktør, 120 timer/md." in lines
    assert "  0-24 %: 3, 25-49 %: 1, 50-74 %: 0, 75-99 %: 1, 100 %: 0" in lines
    assert any(line.startswith("Ikke verificeret i 12 måneder: ") for line in lines)
    assert "Partnerskaber efter fase: Foreslået match 1" in lines
    # the volunteer is counted, never named
    assert "Mette" not in out


def test_one_municipality_by_postcode(db: str) -> None:
    code, out, _ = run("--db", db, "stats", "--municipality", "561")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Overblik: Esbjerg Kommune (0561)"
    assert "Efter postnummer:" in lines
    assert any(line.split() == ["6700", "Esbjerg", "3"] for line in lines)


def test_json_shape(db: str) -> None:
    code, out, err = run("--db", db, "stats", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == TOP_LEVEL
    assert data["municipality_code"] is None and data["municipality_name"] is None
    assert (data["actors"], data["persons"], data["problems"], data["partnerships"]) == (
        5,
        1,
        1,
        1,
    )
    assert data["by_kind"][0] == {"code": "voluntary_organisation", "count": 2}
    assert data["by_area"] == [{"code": "0561", "name": "Esbjerg", "count": 3}]
    coverage = data["coverage"]
    assert set(coverage) == {
        "level",
        "white_spot_ratio",
        "unplaced",
        "areas",
        "target_groups",
        "cells",
    }
    assert (coverage["level"], coverage["white_spot_ratio"], coverage["unplaced"]) == (
        "municipality",
        0.34,
        2,
    )
    assert coverage["areas"] == [{"code": "0561", "name": "Esbjerg"}]
    assert coverage["target_groups"] == ["mental_illness", "socially_vulnerable_adults"]
    assert coverage["cells"][0] == {
        "target_group": "mental_illness",
        "area": "0561",
        "actors": 2,
        "expected": 2.0,
        "white_spot": False,
    }
    hours = next(r for r in data["resources"] if r["kind"] == "volunteer_hours")
    assert hours == {
        "kind": "volunteer_hours",
        "actors": 1,
        "hours_per_month": 120.0,
        "amount_dkk": 0.0,
    }
    completeness = data["completeness"]
    assert [b["band"] for b in completeness["bands"]] == ["0-24", "25-49", "50-74", "75-99", "100"]
    assert sum(b["count"] for b in completeness["bands"]) == 5
    assert 0 < completeness["average"] < 1 and completeness["stale_months"] == 12
    funnel = data["funnel"]
    assert set(funnel) == {
        "by_stage",
        "by_type",
        "success_factors",
        "with_effect",
        "by_evidence",
    }
    assert funnel["by_stage"][0] == {"code": "proposed", "count": 1}
    assert {"code": "clear_goals", "count": 1} in funnel["success_factors"]
    assert funnel["with_effect"] == 0
    assert funnel["by_evidence"][0] == {"code": "systematic_review", "count": 0}


def test_what_partnerships_achieved(db: str) -> None:
    """A partnership whose effect is documented, at the case-study step of the ladder."""
    database = open_database(db)
    try:
        service = PartnershipService(database)
        stored = service.get("esb-p-bro", "esb-sind")
        service.update(
            "esb-p-bro",
            "esb-sind",
            effect="Færre ensomme ved opfølgningen efter tre måneder.",
            evidence_level="case_study",
            expected_version=stored.version,
        )
    finally:
        database.close()
    code, out, _ = run("--db", db, "stats", "--json")
    assert code == 0
    funnel = json.loads(out)["funnel"]
    assert funnel["with_effect"] == 1
    assert [c["code"] for c in funnel["by_evidence"]][:2] == ["systematic_review", "rct"]
    assert {"code": "case_study", "count": 1} in funnel["by_evidence"]
    code, out, _ = run("--db", db, "stats")
    lines = out.splitlines()
    assert "Med dokumenteret effekt: 1" in lines
    assert "Efter evidensniveau: Casestudie 1" in lines


def test_json_of_one_municipality_at_postcode_level(db: str) -> None:
    code, out, _ = run("--db", db, "stats", "--municipality", "0561", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["municipality_code"], data["municipality_name"]) == ("0561", "Esbjerg")
    assert data["coverage"]["level"] == "postcode"
    assert data["by_area"] == [{"code": "6700", "name": "Esbjerg", "count": 3}]


def test_postcode_level_over_the_landscape(db: str) -> None:
    code, out, _ = run("--db", db, "stats", "--level", "postcode", "--json")
    assert code == 0
    assert json.loads(out)["coverage"]["level"] == "postcode"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9999", "'9999': no Danish municipality has this code (nearest known code: "),
        ("Esbjerg", "a municipality code is four digits, e.g. 0561 (nearest known code: 0561"),
    ],
)
def test_a_bad_municipality_code_is_refused(db: str, value: str, expected: str) -> None:
    code, out, err = run("--db", db, "stats", "--municipality", value)
    assert (code, out) == (2, "")
    assert err.startswith("mapper stats: argument --municipality: ")
    assert expected in err


def test_a_bad_level_is_refused(db: str) -> None:
    code, out, err = run("--db", db, "stats", "--level", "region")
    assert (code, out) == (2, "")
    assert "argument --level: invalid choice: 'region'" in err
