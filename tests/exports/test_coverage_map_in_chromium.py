"""The coverage map opened in a real headless Chromium without network: the demo's areas are
drawn and coloured, white spots outlined, names on the map, the legend folds away."""

from __future__ import annotations

from pathlib import Path

from exports.coverage_map import WHITE_SPOT, write_coverage_map
from mapper.persistence.database import Database
from mapper.services.coverage_map import CoverageArea, CoverageMap, CoverageMapService
from mapper.services.landscape import LandscapeService
from tests.exports.conftest import Browser, square

XSS = "<img src=x onerror=alert(1)>"


def open_page(browser: Browser, path: Path) -> None:
    browser.page.goto(path.as_uri())
    browser.page.wait_for_function(
        'document.documentElement.getAttribute("data-coverage-map") === "ready"', timeout=60_000
    )


def test_demo_coverage_draws_every_area_offline(
    browser: Browser, database: Database, tmp_path: Path
) -> None:
    LandscapeService(database).load_demo()
    data = CoverageMapService(database).coverage_map("socially_vulnerable_adults")
    path = tmp_path / "dækning.html"
    write_coverage_map(data, path)
    open_page(browser, path)
    page = browser.page
    assert page.evaluate("coverageMap.areaCount()") == len(data.areas) > 90
    assert page.evaluate("coverageMap.drawn()") == len(data.areas)
    spots = [a for a in data.areas if a.white_spot]
    assert spots
    outlined = page.locator(f'#map path[stroke="{WHITE_SPOT}"]').count()
    assert outlined == len(spots)
    coloured = {
        page.locator("#map path.leaflet-interactive").nth(i).get_attribute("fill")
        for i in range(len(data.areas))
    }
    assert len(coloured) >= 3  # no actors, and at least two classes
    labels = page.locator(".cm-label").all_inner_texts()
    assert "Esbjerg 9" in labels
    assert "DAGI" in page.locator(".leaflet-control-attribution").inner_text()
    assert browser.requests == [] and browser.errors == [] and browser.dialogs == []


def test_the_legend_folds_away_and_back(browser: Browser, tmp_path: Path) -> None:
    data = CoverageMap(
        target_group=None,
        level="municipality",
        municipality_code=None,
        municipality_name=None,
        areas=(
            CoverageArea("0561", XSS, square(55.4, 8.4, 0.2), 3, 4, 1.0, False),
            CoverageArea("0573", "Varde", square(55.4, 8.6, 0.2), 0, 4, 1.5, True),
        ),
        boundary_source="imported",
        placed_by_point=8,
        placed_by_code=0,
        disagreeing=0,
        unplaced=0,
    )
    path = tmp_path / "fold.html"
    write_coverage_map(data, path)
    open_page(browser, path)
    page = browser.page
    body = page.locator("#cm-legend-body")
    assert body.is_visible()
    page.locator("#cm-legend button").click()
    assert not body.is_visible()
    assert page.locator("#cm-legend button").get_attribute("aria-expanded") == "false"
    page.locator("#cm-legend button").click()
    assert body.is_visible()
    # The hostile name is shown as text and runs nothing.
    assert f"{XSS} 3" in page.locator(".cm-label").all_inner_texts()
    assert page.locator("#map img").count() == 0
    assert browser.requests == [] and browser.errors == [] and browser.dialogs == []
