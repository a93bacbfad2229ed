"""The exported partner map and the committee report meet WCAG 2.1 AA in a real headless
Chromium: axe-core finds no serious or critical violation (colour contrast included). On the
map the actors are also a table under the same search and filters, and search, filters, list
and markers work from the keyboard. In the report every table has a caption and header cells,
every chart a name and its figures as a table, and the contents links work from the keyboard."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from exports import report
from exports.partner_map import write_partner_map
from exports.report import collect_report, write_report
from mapper.persistence.database import Database, open_database
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapService, PartnerMapData
from tests.conftest import DatabaseFactory
from tests.exports.conftest import Browser

PROBLEM = "aar-p-i-gang-mentorer"  # Aarhus, 15 ranked partners, a 15 km ring
READY = 'document.documentElement.getAttribute("data-partner-map") === "ready"'
SHOWN_ROWS = ".pm-table tbody tr:not([hidden])"


@dataclass(frozen=True)
class RenderedMap:
    path: Path
    data: PartnerMapData
    lang: str


@pytest.fixture(scope="module")
def maps(
    database_factory: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, RenderedMap]:
    """The demo landscape's map in Danish and English and one problem's map, rendered once."""
    folder = tmp_path_factory.mktemp("a11y")
    database = open_database(database_factory.url("a11y", folder=folder))
    try:
        LandscapeService(database).load_demo()
        service = MapService(database)
        demo = service.partner_map(boundaries=service.boundaries_for())
        problem = service.partner_map(
            scope="problem", value=PROBLEM, boundaries=service.boundaries_for("problem", PROBLEM)
        )
    finally:
        database.close()
    rendered = {
        "demo": RenderedMap(folder / "demo.html", demo, "da"),
        "demo-en": RenderedMap(folder / "demo-en.html", demo, "en"),
        "problem": RenderedMap(folder / "problem.html", problem, "da"),
    }
    for item in rendered.values():
        write_partner_map(item.data, item.path, lang=item.lang)
    return rendered


@pytest.fixture(scope="module")
def axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("axe-playwright-python is required in CI (the test extras)")
        pytest.skip("axe-playwright-python is not installed (pip install axe-playwright-python)")
    return Axe()


def open_map(browser: Browser, rendered: RenderedMap) -> Any:
    browser.open(rendered.path)
    return browser.page


def serious(results: dict[str, Any]) -> list[str]:
    """The serious and critical violations, one readable line per element."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {node['target']}: "
        + " ".join(node.get("failureSummary", "").split())
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
    ]


def rules_run(results: dict[str, Any]) -> set[str]:
    return {
        rule["id"]
        for kind in ("violations", "passes", "incomplete", "inapplicable")
        for rule in results[kind]
    }


def popup_shown(page: Any) -> None:
    """Waits until the popup has faded in (colours are measured as they are drawn)."""
    page.locator(".leaflet-popup-content").wait_for()
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'"
    )


def shown_rows(page: Any) -> int:
    return int(page.locator(SHOWN_ROWS).count())


# --------------------------------------------------------------------------- axe-core


@pytest.mark.parametrize("name", ["demo", "demo-en", "problem"])
def test_axe_finds_no_serious_or_critical_violation(
    name: str, maps: dict[str, RenderedMap], browser: Browser, axe: Any
) -> None:
    page = open_map(browser, maps[name])
    results = axe.run(page).response
    assert "color-contrast" in rules_run(results)  # contrast is checked, never switched off
    assert serious(results) == [], "\n".join(serious(results))
    # With the list open and an actor's popup shown from it (the table, the popup, the
    # focus in it) as well.
    page.locator(".pm-list-toggle").click()
    page.locator(".pm-show").first.click()
    popup_shown(page)
    results = axe.run(page).response
    assert "color-contrast" in rules_run(results)
    assert serious(results) == [], "\n".join(serious(results))
    assert browser.errors == [] and browser.requests == []


# --------------------------------------------------------------------------- the page


@pytest.mark.parametrize(("name", "lang"), [("demo", "da"), ("demo-en", "en"), ("problem", "da")])
def test_language_title_main_landmark_and_heading(
    name: str, lang: str, maps: dict[str, RenderedMap], browser: Browser
) -> None:
    rendered = maps[name]
    page = open_map(browser, rendered)
    assert page.get_attribute("html", "lang") == lang
    assert page.title() == rendered.data.title
    assert page.locator("main").count() == 1
    assert page.locator("h1").all_inner_texts() == [rendered.data.title]
    assert page.locator("main .folium-map[role=region]").get_attribute("aria-label")


def test_every_control_has_a_name_in_the_page_language(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    page = open_map(browser, maps["demo"])
    names = {
        ".leaflet-control-zoom-in": "Zoom ind",
        ".leaflet-control-zoom-out": "Zoom ud",
        ".leaflet-control-layers-toggle": "Kortlag",
        ".pm-search input": "Søg efter aktør…",
        'select[data-filter="tg"]': "Alle målgrupper",
        'select[data-filter="res"]': "Alle ressourcer",
        ".pm-toggle": "Skjul signaturforklaringen",
    }
    for selector, name in names.items():
        assert page.get_attribute(selector, "aria-label") == name, selector
    assert page.locator(".pm-list-toggle").inner_text() == "Vis som liste"
    # Each kind's check box is named by its label (the box wraps it).
    for box in page.locator(".pm-kind-row").all():
        assert box.locator("input[type=checkbox]").count() == 1 and box.inner_text().strip()
    english = open_map(browser, maps["demo-en"])
    assert english.get_attribute(".leaflet-control-zoom-in", "aria-label") == "Zoom in"
    assert english.locator(".pm-list-toggle").inner_text() == "Show as list"


def test_the_kind_shows_by_mark_as_well_as_by_colour(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    page = open_map(browser, maps["problem"])
    kinds = page.evaluate(
        "JSON.parse(document.getElementById('partner-map-data').textContent).kinds"
    )
    marks = {k["label"]: k["mark"] for k in kinds}
    assert len(set(marks.values())) == len(marks)
    # The legend gives each kind its mark, not only its colour.
    for row in page.locator(".pm-kind-row").all():
        label = row.locator("span").last.inner_text().rsplit(" (", 1)[0]
        assert row.locator(".pm-swatch").inner_text() == marks[label]
    # Each ranked partner shows its number and its kind's mark, and is named with both.
    actors = {a.name: a for a in maps["problem"].data.actors}
    icons = page.locator(".leaflet-marker-pane .pm-marker:not(.pm-problem-marker)")
    assert icons.count() == len(actors)
    for icon in icons.all():
        name = icon.get_attribute("aria-label")
        assert name and name.startswith("Nr. ")
        actor = actors[icon.get_attribute("title")]
        kind = next(k for k in kinds if k["code"] == actor.kind)
        assert name == f"Nr. {actor.rank}: {actor.name}, {kind['label']}"
        assert icon.locator(".pm-rank").inner_text() == str(actor.rank)
        assert icon.locator(".pm-badge").inner_text() == kind["mark"]


# --------------------------------------------------------------------------- the list


def test_tab_reaches_the_skip_link_first_and_then_the_list_toggle(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    page = open_map(browser, maps["demo"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "pm-skip"
    assert page.evaluate("document.activeElement.textContent") == "Gå til listen over aktører"
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.className"))
        if reached[-1] == "pm-list-toggle":
            break
    assert reached[-1] == "pm-list-toggle", reached
    assert page.get_attribute(".pm-list-toggle", "aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.get_attribute(".pm-list-toggle", "aria-expanded") == "true"
    assert page.locator("#pm-list").is_visible()
    assert page.locator(".pm-list-toggle").inner_text() == "Skjul listen"


def test_the_skip_link_opens_the_list_and_moves_the_focus_there(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    page = open_map(browser, maps["demo"])
    assert page.locator("#pm-list").is_hidden()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.locator("#pm-list").is_visible()
    assert page.evaluate("document.activeElement.id") == "pm-list"
    assert page.locator("#pm-list").get_attribute("aria-labelledby") == "pm-list-heading"
    page.keyboard.press("Tab")  # the first row's button
    assert page.evaluate("document.activeElement.className") == "pm-show"


def test_the_table_is_a_table_with_a_caption_and_headers(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    rendered = maps["problem"]
    page = open_map(browser, rendered)
    page.locator(".pm-list-toggle").click()
    table = page.locator(".pm-table")
    assert rendered.data.title in table.locator("caption").inner_text()
    headers = table.locator("thead th[scope=col]").all_inner_texts()
    assert headers[:3] == ["Nr.", "Navn", "Type"] and "Score" in headers
    names = table.locator("tbody th[scope=row]").all_inner_texts()
    ranked = sorted(rendered.data.actors, key=lambda a: a.rank or 0)
    assert names == [a.name for a in ranked]  # in rank order
    first = table.locator("tbody tr").first.locator("button")
    assert first.get_attribute("aria-label") == f"Vis på kortet: {ranked[0].name}"


def test_the_rows_follow_the_map_through_search_and_filters(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    rendered = maps["demo"]
    page = open_map(browser, rendered)
    # With the list closed the legend's count is spoken; with it open, the list's alone.
    assert page.get_attribute(".pm-counter", "aria-live") == "polite"
    page.locator(".pm-list-toggle").click()
    assert page.get_attribute(".pm-counter", "aria-live") == "off"
    live = page.locator("#pm-live")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    total = len(rendered.data.actors)
    assert shown_rows(page) == page.evaluate("partnerMap.visibleCount()") == total
    assert live.inner_text() == f"{total} aktører vist"

    page.fill(".pm-search input", "sammen")
    expected = sum("sammen" in a.name.lower() for a in rendered.data.actors)
    assert 1 < expected < total
    assert shown_rows(page) == page.evaluate("partnerMap.visibleCount()") == expected
    assert live.inner_text() == f"{expected} aktører vist"
    assert all("sammen" in n.lower() for n in page.locator(f"{SHOWN_ROWS} th").all_inner_texts())

    page.fill(".pm-search input", "")
    page.select_option('select[data-filter="tg"]', index=1)
    filtered = page.evaluate("partnerMap.visibleCount()")
    assert 0 < filtered < total
    assert shown_rows(page) == filtered and live.inner_text() == f"{filtered} aktører vist"

    page.select_option('select[data-filter="tg"]', index=0)
    kind = rendered.data.actors[0].kind
    page.uncheck(f'input[data-kind="{kind}"]')
    left = total - sum(a.kind == kind for a in rendered.data.actors)
    assert shown_rows(page) == page.evaluate("partnerMap.visibleCount()") == left
    assert live.inner_text() == f"{left} aktører vist"

    page.fill(".pm-search input", "zzzz-ingen")
    assert shown_rows(page) == 0 and live.inner_text() == "0 aktører vist"
    assert page.locator(".pm-list-empty").is_visible()


def test_choosing_an_actor_in_the_list_shows_it_on_the_map(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    page = open_map(browser, maps["demo"])
    page.locator(".pm-list-toggle").click()
    row = page.locator(SHOWN_ROWS).nth(3)
    name = row.locator("th").inner_text()
    button = row.locator("button")
    button.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("h2").inner_text() == name
    page.wait_for_function("document.activeElement.classList.contains('leaflet-popup-content')")
    page.keyboard.press("Escape")  # closes the popup, the focus returns to the row
    page.wait_for_function("document.activeElement.classList.contains('pm-show')")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        f"Vis på kortet: {name}"
    )
    page.locator(".leaflet-popup").wait_for(state="detached")


def test_the_list_is_in_english_on_the_english_map(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    page = open_map(browser, maps["demo-en"])
    page.locator(".pm-list-toggle").click()
    total = len(maps["demo-en"].data.actors)
    assert page.locator("#pm-live").inner_text() == f"{total} actors shown"
    assert page.locator("#pm-list-heading").inner_text() == "The actors on the map"


# --------------------------------------------------------------------------- keyboard


def test_enter_on_a_focused_marker_opens_its_popup(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    rendered = maps["problem"]
    page = open_map(browser, rendered)
    first = min((a for a in rendered.data.actors if a.rank), key=lambda a: a.rank or 0)
    marker = page.locator(f'.leaflet-marker-icon[title="{first.name}"]')
    assert marker.get_attribute("tabindex") == "0" and marker.get_attribute("role") == "button"
    marker.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).boxShadow") != "none"
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("h2").inner_text() == first.name
    close = page.locator(".leaflet-popup-close-button")
    assert close.get_attribute("aria-label") == "Luk"


def test_a_cluster_is_a_named_button_that_zooms_in_on_enter(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    page = open_map(browser, maps["demo"])
    cluster = page.locator(".marker-cluster").first
    count = cluster.locator("span").first.inner_text()
    assert cluster.get_attribute("role") == "button" and cluster.get_attribute("tabindex") == "0"
    # Seen: the number; heard: the number and what the button does.
    assert cluster.text_content() == f"{count} aktører – vælg for at zoome ind"
    zoom = page.evaluate("partnerMap.map.getZoom()")
    cluster.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"partnerMap.map.getZoom() > {zoom}")
    # The focus goes on to the cluster's first actor (or the smaller cluster holding it), not
    # back to the map: Tab and Enter carry on from there.
    page.wait_for_function(
        "document.activeElement.classList.contains('leaflet-marker-icon')", timeout=5000
    )
    name = page.evaluate(
        "document.activeElement.getAttribute('aria-label') || document.activeElement.textContent"
    )
    # An actor's marker is named "name, kind"; a smaller cluster "N aktører – vælg …".
    assert name.endswith("vælg for at zoome ind") or ", " in name, name


def test_the_keyboard_focus_is_visible(maps: dict[str, RenderedMap], browser: Browser) -> None:
    page = open_map(browser, maps["demo"])
    for _ in range(5):  # skip link, map, zoom in, zoom out, search
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "search"
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineColor, s.boxShadow]; })()"
    )
    # A white ring inside a black one: visible on the light panel and on the dark sea alike.
    assert style[0] == "solid" and style[1] == "rgb(255, 255, 255)"
    assert "rgb(0, 0, 0)" in style[2]


def test_the_list_and_popups_load_nothing_from_the_network(
    maps: dict[str, RenderedMap], browser: Browser
) -> None:
    page = open_map(browser, maps["problem"])
    page.locator(".pm-list-toggle").click()
    page.locator(".pm-show").first.click()
    page.locator(".leaflet-popup-content").wait_for()
    assert browser.requests == [] and browser.errors == [] and browser.dialogs == []


# --------------------------------------------------------------------------- the report

REPORT_MUNICIPALITY = "0751"  # Aarhus: white spots, partnerships with effects and timelines
MARKS = {"da": "hvid plet", "en": "white spot"}


@pytest.fixture(scope="module")
def reports(
    database_factory: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The demo landscape's committee report of Aarhus in Danish and English, written once."""
    folder = tmp_path_factory.mktemp("a11y-report")
    database = open_database(database_factory.url("a11y-report", folder=folder))
    try:
        landscape = LandscapeService(database)
        landscape.load_demo()
        paths = {}
        for lang in ("da", "en"):
            data = collect_report(landscape, REPORT_MUNICIPALITY, lang=lang)
            assert data.partnerships and any(p.effect for p in data.partnerships)
            assert any(c.white_spot for c in data.overview.coverage.cells)
            paths[lang] = folder / f"rapport-{lang}.html"
            write_report(data, paths[lang], lang=lang)
    finally:
        database.close()
    return paths


def open_report(browser: Browser, path: Path) -> Any:
    page = browser.page
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.frame_locator("iframe.map").locator("html[data-partner-map='ready']").wait_for(
        timeout=60_000
    )
    return page


def axe_in_every_frame(page: Any, axe: Any) -> tuple[list[str], list[dict[str, Any]]]:
    """axe-core run in the report and in the partner map's frame. The frame is sandboxed
    (an opaque origin), which axe's messaging between frames does not reliably reach, so
    each frame is checked on its own; the lines name the frame."""
    found, results = [], []
    for frame in page.frames:
        frame.evaluate(axe.axe_script)
        result = frame.evaluate("axe.run(document, {iframes: false}).then(r => r)")
        where = frame.evaluate("document.title")
        found += [f"[{where}] {line}" for line in serious(result)]
        results.append(result)
    return found, results


def contrast(colour: str, background: tuple[int, int, int] = (255, 255, 255)) -> float:
    """The WCAG contrast ratio of a computed ``rgb(…)`` colour against ``background``."""
    channels = [int(c) for c in re.findall(r"\d+", colour)[:3]]

    def luminance(rgb: Sequence[int]) -> float:
        lin = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    light, dark = sorted((luminance(channels), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_report_axe_finds_no_serious_or_critical_violation(
    lang: str, reports: dict[str, Path], browser: Browser, axe: Any
) -> None:
    page = open_report(browser, reports[lang])
    found, results = axe_in_every_frame(page, axe)
    assert len(results) == 2  # the report and the partner map in its frame
    for result in results:
        assert "color-contrast" in rules_run(result)
    assert found == [], "\n".join(found)
    # With every chart's table unfolded as well.
    for summary in page.locator("details.chart-data summary").all():
        summary.click()
    found, _ = axe_in_every_frame(page, axe)
    assert found == [], "\n".join(found)
    assert browser.errors == [] and browser.requests == []


@pytest.mark.parametrize("lang", ["da", "en"])
def test_report_language_landmark_and_heading_order(
    lang: str, reports: dict[str, Path], browser: Browser
) -> None:
    page = open_report(browser, reports[lang])
    assert page.get_attribute("html", "lang") == lang
    assert page.frame_locator("iframe.map").locator("html").get_attribute("lang") == lang
    assert page.locator("main").count() == 1
    assert page.locator("h1").count() == 1
    levels = page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "hs => hs.map(h => +h.tagName[1])")
    assert levels[0] == 1
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert jumps == []  # never a level skipped on the way down


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_report_table_has_a_caption_and_scoped_header_cells(
    lang: str, reports: dict[str, Path], browser: Browser
) -> None:
    page = open_report(browser, reports[lang])
    tables = page.eval_on_selector_all(
        "table",
        """ts => ts.map(t => ({
            cls: t.className,
            name: (t.caption ? t.caption.textContent : t.getAttribute('aria-label') || '').trim(),
            cols: t.querySelectorAll('thead th[scope=col]').length,
            unscoped: [...t.querySelectorAll('th')].filter(
                th => !['col', 'row'].includes(th.getAttribute('scope'))).length,
            rowHeaders: t.querySelectorAll('tbody th[scope=row]').length,
        }))""",
    )
    kinds = {t["cls"] for t in tables}
    assert {"matrix", "list", "list partnerships"} <= kinds  # coverage, resources, partnerships
    for table in tables:
        assert table["name"], table
        assert table["cols"] >= 2 and table["unscoped"] == 0 and table["rowHeaders"] >= 1, table
    names = [t["name"] for t in tables]
    assert len(names) == len(set(names))  # each table tells which it is


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_chart_has_a_name_and_its_figures_as_text(
    lang: str, reports: dict[str, Path], browser: Browser
) -> None:
    page = open_report(browser, reports[lang])
    charts = page.eval_on_selector_all(
        "svg.chart",
        """ss => ss.map(s => {
            const figure = s.closest('figure');
            const table = figure && figure.querySelector('details.chart-data table');
            return {
                role: s.getAttribute('role'),
                name: s.getAttribute('aria-label'),
                caption: figure && figure.querySelector('figcaption').textContent,
                bars: [...s.querySelectorAll('g')].map(g => g.querySelector('title').textContent),
                rows: table ? [...table.tBodies[0].rows].map(
                    r => r.cells[0].textContent + ': ' + r.cells[1].textContent) : null,
                tableName: table && table.caption.textContent,
            };
        })""",
    )
    assert len(charts) >= 6
    for chart in charts:
        assert chart["role"] == "img" and chart["name"], chart
        assert chart["caption"] and chart["caption"] in chart["name"]
        # The table gives each bar's full label and value (what its tooltip says).
        assert chart["rows"] == chart["bars"] and chart["tableName"] == chart["caption"], chart
    timelines = page.eval_on_selector_all(
        "svg.timeline",
        """ss => ss.map(s => ({hidden: s.getAttribute('aria-hidden'),
            tip: s.querySelector('title').textContent,
            text: s.nextElementSibling && s.nextElementSibling.matches('p.timeline-text')
                ? s.nextElementSibling.textContent : null}))""",
    )
    assert timelines
    for timeline in timelines:
        # Read once: the words under the drawing are read, the drawing (same words) is not.
        assert timeline["hidden"] == "true" and timeline["text"], timeline
        assert timeline["tip"].endswith(timeline["text"]), timeline
    still = page.locator("svg.map-picture")  # the paper's map: named, its legend in words
    assert still.get_attribute("role") == "img" and still.get_attribute("aria-label")
    assert page.locator(".map-still .map-legend li").count() >= 1
    frame = page.locator("iframe.map")
    assert frame.get_attribute("title")


def test_white_spots_are_marked_by_a_sign_and_words_not_colour_alone(
    reports: dict[str, Path], browser: Browser
) -> None:
    for lang, path in reports.items():
        page = open_report(browser, path)
        spots = page.locator("table.matrix td.white-spot")
        assert spots.count() >= 1
        for cell in spots.all():
            assert cell.inner_text().startswith("○")  # seen on screen and paper alike
            assert cell.locator(".visually-hidden").text_content() == f"{MARKS[lang]}:"
            assert cell.locator('[aria-hidden="true"]').text_content() == "○"


def test_report_text_contrast_includes_the_chart_labels(
    reports: dict[str, Path], browser: Browser
) -> None:
    """axe leaves text inside SVG as "incomplete" (it cannot tell the background): the
    labels of the bars and timelines are measured here against the page's white."""
    page = open_report(browser, reports["da"])
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") in (
        "rgba(0, 0, 0, 0)",
        "rgb(255, 255, 255)",
    )
    fills = page.eval_on_selector_all(
        "svg.chart text, svg.timeline text", "ts => ts.map(t => getComputedStyle(t).fill)"
    )
    assert fills
    weak = {fill: round(contrast(fill), 2) for fill in fills if contrast(fill) < 4.5}
    assert weak == {}
    summary = page.locator("details.chart-data summary").first
    assert contrast(summary.evaluate("e => getComputedStyle(e).color")) >= 4.5


def test_the_contents_links_work_from_the_keyboard_with_a_visible_focus(
    reports: dict[str, Path], browser: Browser
) -> None:
    page = open_report(browser, reports["da"])
    links = page.locator("nav a")
    targets = [href.lstrip("#") for href in links.evaluate_all("as => as.map(a => a.hash)")]
    assert len(targets) == 9
    for target in targets:
        assert page.locator(f"section#{target} h2").count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hash") == "#key_figures"
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.outlineColor]; })()"
    )
    assert style[0] == "solid" and style[1] == "3px" and contrast(style[2]) >= 3
    for _ in range(2):  # to "Coverage"
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hash") == "#coverage"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#coverage'")
    top = page.evaluate("document.getElementById('coverage').getBoundingClientRect().top")
    assert abs(top) < 2  # the section is scrolled to the top of the window
    # The next Tab goes on from the section reached, not from the contents.
    page.keyboard.press("Tab")
    page.wait_for_function("document.activeElement && document.activeElement !== document.body")
    tag, section = page.evaluate(
        "(() => { const a = document.activeElement, s = a.closest('section');"
        " return [a.tagName, s ? s.id : null]; })()"
    )
    assert section != "title-page" and tag != "BODY", (tag, section)


def test_the_chart_tables_unfold_on_screen_and_stay_off_paper(
    reports: dict[str, Path], browser: Browser
) -> None:
    page = open_report(browser, reports["en"])
    details = page.locator("details.chart-data").first
    table = details.locator("table")
    assert table.is_hidden()
    details.locator("summary").focus()
    page.keyboard.press("Enter")
    assert table.is_visible()
    assert details.locator("summary").inner_text() == "Show the figures as a table"
    page.emulate_media(media="print")
    assert page.locator("details.chart-data").first.is_hidden()
    assert page.locator("iframe.map-live").is_hidden()
    assert page.locator(".map-still svg.map-picture").is_visible()
    # Hidden captions take no room on paper either.
    box = page.locator("table.matrix caption").first.bounding_box()
    assert box is not None and box["height"] <= 1 and box["width"] <= 1


def test_each_part_of_a_split_coverage_matrix_has_a_caption_of_its_own(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    landscape = LandscapeService(database)
    landscape.load_demo()
    data = collect_report(landscape, REPORT_MUNICIPALITY, lang="en")
    areas = len(data.overview.coverage.areas)
    monkeypatch.setattr(report, "MATRIX_COLUMNS", 3)
    page = report.render_report(data, lang="en")
    captions = re.findall(r'<table class="matrix"><caption[^>]*>([^<]*)</caption>', page)
    assert len(captions) == -(-areas // 3) >= 2
    assert captions[0] == f"Actors by target group and area, areas 1–3 of {areas}"
    assert captions[-1].endswith(f"–{areas} of {areas}")


@pytest.mark.parametrize("reduced", [True, False], ids=["less-motion", "motion"])
def test_maps_do_not_glide_for_a_reader_who_asked_for_less_motion(
    browser: Browser,
    maps: dict[str, RenderedMap],
    database: Database,
    tmp_path: Path,
    reduced: bool,
) -> None:
    """WCAG 2.3.3: where the system asks for reduced motion, zooming and clusters jump to
    their new state instead of animating; elsewhere they still animate."""
    from exports.coverage_map import write_coverage_map
    from mapper.services.coverage_map import CoverageMapService

    page = browser.page
    page.emulate_media(reduced_motion="reduce" if reduced else "no-preference")
    page = open_map(browser, maps["demo"])
    assert page.evaluate("partnerMap.map.options.zoomAnimation") is not reduced
    assert page.evaluate("partnerMap.cluster.options.animate") is not reduced
    # Without animation a zoom has landed when zoomIn returns; with it, the new zoom is only
    # reached in the animation's frames (read in the same script turn: no timing involved).
    before, landed = page.evaluate(
        "() => { const z = partnerMap.map.getZoom(); partnerMap.map.zoomIn(1);"
        " return [z, partnerMap.map.getZoom()]; }"
    )
    assert landed == (before + 1 if reduced else before)

    LandscapeService(database).load_demo()
    coverage = CoverageMapService(database).coverage_map("socially_vulnerable_adults")
    path = tmp_path / "dækning.html"
    write_coverage_map(coverage, path)
    page.goto(path.as_uri())
    page.wait_for_function(
        'document.documentElement.getAttribute("data-coverage-map") === "ready"', timeout=60_000
    )
    assert page.evaluate("coverageMap.map.options.zoomAnimation") is not reduced
    assert browser.errors == [] and browser.requests == []
