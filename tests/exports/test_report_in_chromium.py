"""The demo landscape's committee report opened in a real headless Chromium without network."""

from __future__ import annotations

from pathlib import Path

from exports.report import collect_report, write_report
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from tests.exports.conftest import Browser


def test_demo_report_opens_offline_with_its_charts_and_map(
    browser: Browser, database: Database, tmp_path: Path
) -> None:
    landscape = LandscapeService(database)
    landscape.load_demo()
    path = tmp_path / "rapport.html"
    write_report(collect_report(landscape, "0561"), path)
    page = browser.page
    page.goto(path.as_uri())
    page.wait_for_load_state("load")

    charts = page.locator("svg.chart")
    assert charts.count() >= 6
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 10
    # Bars are drawn: the largest bar of the first chart has a real width on screen.
    widths = page.eval_on_selector_all(
        "svg.chart rect", "rects => rects.map(r => r.getBoundingClientRect().width)"
    )
    assert max(widths) > 100
    assert page.locator("table.matrix td.white-spot").count() >= 1
    # What the partnerships achieved, and a drawn timeline under each listed partnership.
    assert page.locator("#partnership_effect h2").is_visible()
    timelines = page.locator("svg.timeline")
    assert timelines.count() >= 1
    box = timelines.first.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 10

    # The partner map runs inside its frame and shows the municipality's organisations.
    frame = page.frame_locator("iframe.map")
    frame.locator("html[data-partner-map='ready']").wait_for(timeout=60_000)
    assert frame.locator(".leaflet-marker-icon, .leaflet-interactive").count() > 0

    assert browser.requests == [] and browser.errors == [] and browser.dialogs == []
