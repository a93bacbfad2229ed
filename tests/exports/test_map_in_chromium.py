"""Exported maps opened in a real headless Chromium without network."""

from __future__ import annotations

from pathlib import Path

from exports.partner_map import write_partner_map
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapActor, MapBoundary, MapService
from tests.exports.conftest import Browser, sample_map, square

XSS = "<img src=x onerror=alert(1)>"


def test_demo_map_shows_markers_clusters_and_boundaries_offline(
    browser: Browser, database: Database, tmp_path: Path
) -> None:
    LandscapeService(database).load_demo()
    data = MapService(database).partner_map(
        boundaries=(
            MapBoundary("municipalities", "0561", "Esbjerg", square(55.40, 8.35, 0.2)),
            MapBoundary("municipalities", "0751", "Aarhus", square(56.10, 10.05, 0.2)),
        )
    )
    path = tmp_path / "demo.html"
    write_partner_map(data, path)
    browser.open(path)
    page = browser.page
    assert page.evaluate("partnerMap.markerCount()") == len(data.actors) > 40
    assert page.evaluate("partnerMap.visibleCount()") == len(data.actors)
    assert page.locator(".marker-cluster").count() > 0
    assert page.locator(".leaflet-overlay-pane path").count() >= 2
    assert "DAGI" in page.locator(".leaflet-control-attribution").inner_text()
    assert browser.requests == [] and browser.errors == [] and browser.dialogs == []


def test_no_script_from_data_runs_and_the_name_shows_as_text(
    browser: Browser, tmp_path: Path
) -> None:
    evil = MapActor(
        "evil",
        XSS,
        "local_association",
        55.4765,
        8.4594,
        best_at="</script><script>window.pwned = 1</script>",
        website="javascript:alert(3)",
        city="<svg onload=alert(4)>",
    )
    data = sample_map(
        actors=(evil,),
        title="<script>alert(5)</script>",
        boundaries=(
            MapBoundary("municipalities", "x", "<img src=y onerror=alert(6)>", square(55.4, 8.4)),
        ),
    )
    path = tmp_path / "xss.html"
    write_partner_map(data, path)
    browser.open(path)
    page = browser.page
    assert page.evaluate("partnerMap.markerCount()") == 1
    assert page.evaluate("partnerMap.select('evil')")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert XSS in popup.inner_text()
    assert "<svg onload=alert(4)>" in popup.inner_text()
    assert popup.locator("a").count() == 0  # a javascript: website is not made a link
    page.fill(".pm-search input", "img src")
    assert page.locator(".pm-results li").first.inner_text() == XSS
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("img[src=x], img[src=y], svg[onload]").count() == 0
    assert browser.dialogs == [] and browser.errors == [] and browser.requests == []


def test_filters_by_kind_and_target_group(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "filters.html"
    write_partner_map(sample_map(), path)
    browser.open(path)
    page = browser.page
    assert page.evaluate("partnerMap.visibleCount()") == 3
    page.uncheck('input[data-kind="company"]')
    assert page.evaluate("partnerMap.visibleCount()") == 2
    page.check('input[data-kind="company"]')
    page.select_option('select[data-filter="tg"]', label="Psykisk sårbare og psykisk syge (1)")
    assert page.evaluate("partnerMap.visibleCount()") == 1
    assert "1 / 3" in page.locator(".pm-counter").inner_text()


def test_problem_map_shows_rank_numbers(
    browser: Browser, database: Database, tmp_path: Path
) -> None:
    LandscapeService(database).load_demo()
    data = MapService(database).partner_map(scope="problem", value="aar-p-virksomhedspraktik")
    path = tmp_path / "problem.html"
    write_partner_map(data, path)
    browser.open(path)
    ranks = browser.page.locator(".pm-rank").all_inner_texts()
    assert ranks and sorted(int(r) for r in ranks) == [a.rank for a in data.actors]
    assert browser.requests == []
