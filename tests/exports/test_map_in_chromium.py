"""Exported maps opened in a real headless Chromium without network."""

from __future__ import annotations

import re
from pathlib import Path

from exports.partner_map import write_partner_map
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapActor, MapBoundary, MapProblem, MapService
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


# --------------------------------------------------------------------------- orientation

PROBLEM = "aar-p-i-gang-mentorer"  # Aarhus, 15 km


def open_problem_map(browser: Browser, database: Database, path: Path) -> MapProblem:
    LandscapeService(database).load_demo()
    maps = MapService(database)
    data = maps.partner_map(
        scope="problem", value=PROBLEM, boundaries=maps.boundaries_for("problem", PROBLEM)
    )
    write_partner_map(data, path)
    browser.open(path)
    assert data.problem is not None
    return data.problem


def test_problem_map_shows_its_place_its_ring_and_the_towns_around(
    browser: Browser, database: Database, tmp_path: Path
) -> None:
    problem = open_problem_map(browser, database, tmp_path / "problem.html")
    page = browser.page
    star = page.locator(".pm-problem[role=img]")
    assert star.count() == 1
    assert star.get_attribute("aria-label") == f"Problemstillingens sted: {problem.title}"
    assert page.locator(".pm-problem-marker").get_attribute("title").endswith(problem.title)
    assert page.locator(".pm-rank").count() == page.evaluate("partnerMap.markerCount()")
    assert page.evaluate("partnerMap.ring.getRadius()") == 15_000
    assert page.locator("path[stroke-dasharray='8 6']").count() == 1
    assert page.locator(".pm-ring-label").inner_text() == "15 km"
    # The first view holds the ring (and so the place and the partners), not one street.
    zoom = page.evaluate("partnerMap.map.getZoom()")
    assert 9 <= zoom <= 12
    assert page.evaluate("partnerMap.map.getBounds().contains(partnerMap.ring.getBounds())")
    labels = page.evaluate("partnerMap.labels()")
    assert {"Risskov", "Viby J", "Aarhus"} <= set(labels)  # districts and the municipality
    assert page.locator(".pm-municipality-label", has_text="Aarhus").count() == 1
    assert browser.requests == [] and browser.errors == []


def test_town_names_follow_the_zoom(browser: Browser, database: Database, tmp_path: Path) -> None:
    open_problem_map(browser, database, tmp_path / "problem.html")
    page = browser.page

    def towns_at(zoom: int) -> set[str]:
        page.evaluate(f"partnerMap.map.setZoom({zoom}, {{animate: false}})")
        return set(page.locator(".pm-town span").all_inner_texts())

    seven = towns_at(7)
    assert {"Aarhus", "Randers"} <= seven and not seven & {"Skanderborg", "Risskov"}
    nine = towns_at(9)
    assert {"Aarhus", "Skanderborg"} <= nine and "Risskov" not in nine
    eleven = towns_at(11)
    assert {"Aarhus", "Risskov", "Aarhus N"} <= eleven
    # Closer in, the city's name gives way to its districts'.
    twelve = towns_at(12)
    assert "Aarhus N" in twelve and "Aarhus" not in twelve
    assert page.locator(".pm-municipality-label", has_text="Aarhus").count() == 1
    assert browser.errors == []


def test_the_legend_folds_away_by_button_and_keyboard(
    browser: Browser, database: Database, tmp_path: Path
) -> None:
    open_problem_map(browser, database, tmp_path / "problem.html")
    page = browser.page
    toggle = page.locator(".pm-toggle")
    legend = page.locator(".pm-legend")
    assert toggle.get_attribute("aria-expanded") == "true" and legend.is_visible()
    assert toggle.get_attribute("aria-label") == "Skjul signaturforklaringen"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert legend.is_hidden() and page.locator(".pm-panel-body").is_hidden()
    assert toggle.get_attribute("aria-label") == "Vis signaturforklaringen"
    assert page.locator(".pm-title").is_visible()  # the title stays
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true" and legend.is_visible()
    # Nothing is remembered: a fresh page opens expanded again.
    toggle.click()
    page.reload()
    page.wait_for_function('document.documentElement.getAttribute("data-partner-map") === "ready"')
    assert page.locator(".pm-toggle").get_attribute("aria-expanded") == "true"


def test_the_legend_starts_folded_on_a_narrow_screen(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "narrow.html"
    write_partner_map(sample_map(), path)
    browser.page.set_viewport_size({"width": 420, "height": 700})
    browser.open(path)
    assert browser.page.locator(".pm-toggle").get_attribute("aria-expanded") == "false"
    assert browser.page.locator(".pm-legend").is_hidden()


def test_a_popup_opens_clear_of_the_legend(
    browser: Browser, database: Database, tmp_path: Path
) -> None:
    open_problem_map(browser, database, tmp_path / "problem.html")
    page = browser.page
    panel = page.locator(".pm-panel").bounding_box()
    first = page.evaluate("partnerMap.cluster.getLayers()[0].actor.id")
    assert page.evaluate(f"partnerMap.select({first!r})")
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert panel is not None
    # The map pans the popup into view (an animation: however long a busy machine takes).
    page.wait_for_function(
        "x => document.querySelector('.leaflet-popup').getBoundingClientRect().right <= x",
        arg=panel["x"],
        timeout=10_000,
    )
    box = popup.bounding_box()
    assert box is not None and box["x"] + box["width"] <= panel["x"]


def test_the_printed_map_is_one_a4_landscape_page_with_title_legend_and_attribution(
    browser: Browser, database: Database, tmp_path: Path
) -> None:
    problem = open_problem_map(browser, database, tmp_path / "problem.html")
    page = browser.page
    page.locator(".pm-toggle").click()  # folded on screen, yet printed with its legend
    page.emulate_media(media="print")
    assert page.locator(".leaflet-control-zoom").is_hidden()
    assert page.locator(".pm-toggle").is_hidden() and page.locator(".pm-search").is_hidden()
    assert page.locator(".pm-legend").is_visible()
    assert page.locator(".pm-title").inner_text() == problem.title
    assert "DAGI" in page.locator(".leaflet-control-attribution").inner_text()
    assert page.evaluate("partnerMap.map.getBounds().contains(partnerMap.ring.getBounds())")
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    width, height = (float(v) for v in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)[0])
    assert round(width) == 843 and round(height) == 596  # A4 landscape in points
    assert browser.errors == [] and browser.requests == []


def test_a_map_in_a_frame_without_size_waits_for_its_size_before_it_is_ready(
    browser: Browser, tmp_path: Path
) -> None:
    """A report's map frame may run its script before the page gave it a size (a busy
    machine). Fitting then picks a wrong view with no markers drawn; the map must wait."""
    import html
    from dataclasses import replace

    base = sample_map()
    a1, a2, a3 = base.actors  # apart, so the first view is a wide one
    data = replace(
        base, actors=(a1, replace(a2, lat=55.40, lon=8.30), replace(a3, lat=55.55, lon=8.62))
    )
    map_path = tmp_path / "map.html"
    write_partner_map(data, map_path)
    page_path = tmp_path / "page.html"
    page_path.write_text(
        '<!doctype html><html><body style="margin:0">'
        '<iframe id="f" sandbox="allow-scripts" style="border:0;width:0;height:0" srcdoc="'
        + html.escape(map_path.read_text(encoding="utf-8"), quote=True)
        + '"></iframe></body></html>',
        encoding="utf-8",
    )
    page = browser.page
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.wait_for_function("typeof window.partnerMap === 'object'", timeout=60_000)
    page.wait_for_timeout(500)
    assert frame.evaluate("document.documentElement.getAttribute('data-partner-map')") is None
    # An actor chosen meanwhile (the application does so) is shown once the view is fitted.
    assert frame.evaluate("partnerMap.select('a1')") is True

    page.evaluate("document.getElementById('f').style.cssText = 'width:640px;height:480px'")
    frame.wait_for_function(
        'document.documentElement.getAttribute("data-partner-map") === "ready"', timeout=60_000
    )
    assert frame.evaluate("[partnerMap.map.getSize().x, partnerMap.map.getSize().y]") == [640, 480]
    # Every actor is drawn (alone or in a cluster) inside the view that was fitted to them.
    assert frame.locator(".leaflet-marker-icon").count() > 0
    assert frame.evaluate(
        "partnerMap.cluster.getLayers()"
        ".every(m => partnerMap.map.getBounds().contains(m.getLatLng()))"
    )
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert "Sammen om Sindet Esbjerg" in popup.inner_text()
    assert browser.requests == [] and browser.errors == [] and browser.dialogs == []


def test_an_actor_chosen_as_the_map_gets_ready_opens_in_its_cluster(
    browser: Browser, tmp_path: Path
) -> None:
    """The application selects an actor as soon as the map says it is ready, while the
    clusters may still be moving to the first view: the actor's popup must still open."""
    path = tmp_path / "map.html"
    write_partner_map(sample_map(), path)  # three actors close together: one cluster
    browser.open(path)
    page = browser.page
    assert page.evaluate("partnerMap.select('a1')") is True
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert "Sammen om Sindet Esbjerg" in popup.inner_text()
    assert browser.errors == []
