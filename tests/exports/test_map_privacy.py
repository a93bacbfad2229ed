"""A public map never locates a person: a problem statement owned by an individual volunteer,
without a place of its own, is shown at its municipality without a point; the volunteer's
home coordinates, name, e-mail and phone appear nowhere in what is written. The canary
landscape (tests/mapper/test_privacy.py) has distinctive values to search the files for.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from exports.geojson import write_geojson
from exports.hsds import write_hsds_package
from exports.partner_map import map_payload, write_partner_map
from exports.tabular import register_table, write_csv
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapService
from mapper.services.privacy import read_export_log
from tests.exports.conftest import Browser
from tests.mapper.test_privacy import EMAIL, LAT, LON, NAME, PHONE, load_canaries
from ui.cli import main

# The person's point in every spelling a file could hold it (JSON rounds to six decimals).
CANARIES = (str(LAT), str(LON), "55.12345", "8.65432", NAME, EMAIL, PHONE, "29 87 65 43")


def leaked(text: str) -> list[str]:
    escaped = json.dumps(text)  # a name may be JSON-escaped (\u00d8)
    return [c for c in CANARIES if c in text or json.dumps(c)[1:-1] in escaped]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def canaries(database: Database) -> Database:
    load_canaries(database)
    return database


def test_the_problem_of_a_person_is_shown_at_its_municipality_without_a_point(
    canaries: Database, tmp_path: Path
) -> None:
    maps = MapService(canaries)
    data = maps.partner_map(
        scope="problem", value="esb-p-gaatur", boundaries=maps.boundaries_for("problem")
    )
    assert data.problem is not None
    assert (data.problem.lat, data.problem.lon) == (None, None)
    assert (data.problem.municipality_code, data.problem.municipality) == ("0561", "Esbjerg")
    assert data.actors, "the ranked partners are still drawn"
    payload = map_payload(data)
    assert payload["problem"]["lat"] is None and payload["problem"]["municipality"] == "Esbjerg"
    path = tmp_path / "problem.html"
    write_partner_map(data, path)
    page = path.read_text("utf-8")
    assert leaked(page) == []
    assert "Gåture for ensomme naboer" in page  # the problem itself is named


def test_a_problem_of_an_organisation_keeps_the_owners_point(canaries: Database) -> None:
    data = MapService(canaries).partner_map(scope="problem", value="esb-p-bes")
    assert data.problem is not None
    assert (data.problem.lat, data.problem.lon) == (55.47, 8.45)  # Ældre Sagen's address


def test_cli_problem_map_and_geojson_hold_no_trace_of_the_person(
    canaries: Database, tmp_path: Path
) -> None:
    db = canaries.url
    html, geo = tmp_path / "kort.html", tmp_path / "kort.geojson"
    code, _, err = run("--db", db, "export", "map", str(html), "--problem", "esb-p-gaatur")
    assert code == 0, err
    assert leaked(html.read_text("utf-8")) == []
    code, _, err = run("--db", db, "export", "geojson", str(geo), "--problem", "esb-p-gaatur")
    assert code == 0, err
    assert leaked(geo.read_text("utf-8")) == []
    everyone = tmp_path / "alle.html"
    assert run("--db", db, "export", "map", str(everyone))[0] == 0
    assert leaked(everyone.read_text("utf-8")) == []


def test_public_exports_leave_out_the_person_and_unconsented_contact_persons(
    canaries: Database, tmp_path: Path
) -> None:
    """The association whose contact person is the volunteer has not consented: its contact
    fields stay out of the map, GeoJSON, HSDS and the public register."""
    actors = list(LandscapeService(canaries).export_landscape().actors)
    maps = MapService(canaries)
    out = tmp_path / "exports"
    out.mkdir()
    write_partner_map(maps.partner_map(), out / "map.html")
    write_geojson(maps.partner_map(), out / "map.geojson")
    write_hsds_package(actors, out / "hsds")
    write_csv(register_table(actors), out / "register.csv")
    files = [f for f in out.rglob("*") if f.is_file()]
    assert len(files) > 5
    for file in files:
        assert leaked(file.read_bytes().decode("utf-8-sig", "replace")) == [], file
    assert "Kanariefuglens Venner" in (out / "register.csv").read_text("utf-8-sig")


def test_the_internal_register_is_an_explicit_choice_and_is_logged(
    canaries: Database, tmp_path: Path
) -> None:
    target = tmp_path / "internt.csv"
    code, _, err = run("--db", canaries.url, "export", "csv", str(target))
    assert code == 0, err
    assert leaked(target.read_text("utf-8-sig")) == [] and read_export_log(canaries) == []
    code, _, err = run("--db", canaries.url, "export", "csv", str(target), "--internal")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig")), delimiter=";"))
    assert any(NAME in row for row in rows)
    (entry,) = read_export_log(canaries)
    assert entry["what"] == "register_internal" and entry["target"] == str(target)
    assert entry["rows"] == len(rows) - 1 and entry["format"] == "csv"


def test_problem_map_in_chromium_names_the_municipality(
    browser: Browser, canaries: Database, tmp_path: Path
) -> None:
    maps = MapService(canaries)
    data = maps.partner_map(
        scope="problem", value="esb-p-gaatur", boundaries=maps.boundaries_for("problem")
    )
    path = tmp_path / "problem.html"
    write_partner_map(data, path)
    browser.open(path)
    note = browser.page.locator(".pm-problem-note").inner_text()
    assert "Gåture for ensomme naboer" in note and "Esbjerg" in note
    assert browser.page.locator("path[stroke='#b00020']").count() == 1  # its outline
    assert browser.errors == [] and browser.requests == []
