"""Denmark out of the box: without an imported municipality layer, maps draw the built-in
simplified municipality shapes (DAGI 2014) with the attribution; an imported layer replaces
them."""

from __future__ import annotations

from pathlib import Path

from exports.partner_map import write_partner_map
from mapper.geo.reference import ATTRIBUTION
from mapper.persistence.database import Database
from mapper.services.geo import GeoService
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapService
from tests.exports.conftest import Browser
from tests.mapper.geo import shapes


def test_an_empty_boundary_table_gives_the_built_in_municipalities(database: Database) -> None:
    maps = MapService(database)
    assert GeoService(database).layers()["municipalities"] == 0
    every = maps.boundaries_for()
    assert len(every) == 99
    assert {b.layer for b in every} == {"municipalities"}
    assert ("0561", "Esbjerg") in {(b.code, b.name) for b in every}
    [esbjerg] = maps.boundaries_for("municipality", "561")
    assert (esbjerg.code, esbjerg.name) == ("0561", "Esbjerg")
    assert esbjerg.geometry["type"] in ("Polygon", "MultiPolygon")


def test_an_imported_layer_replaces_the_built_in_one(database: Database, tmp_path: Path) -> None:
    geo = GeoService(database)
    geo.import_file(shapes.write(shapes.municipalities(), tmp_path / "k.geojson"), "municipalities")
    every = MapService(database).boundaries_for()
    assert [(b.code, b.name) for b in every] == [("0101", "København"), ("0147", "Frederiksberg")]
    assert MapService(database).boundaries_for("municipality", "0561") == []


def test_a_fresh_install_map_shows_land_and_municipality_lines_in_chromium(
    browser: Browser, database: Database, tmp_path: Path
) -> None:
    LandscapeService(database).load_demo()
    maps = MapService(database)
    data = maps.partner_map(boundaries=maps.boundaries_for())
    path = tmp_path / "fresh.html"
    report = write_partner_map(data, path)
    assert report.boundaries == 99
    assert report.bytes < 2_000_000
    browser.open(path)
    page = browser.page
    assert page.evaluate("partnerMap.markerCount()") == len(data.actors)
    assert page.locator(".leaflet-overlay-pane path").count() >= 50
    assert ATTRIBUTION in page.locator(".leaflet-control-attribution").inner_text()
    assert browser.requests == [] and browser.errors == [] and browser.dialogs == []
