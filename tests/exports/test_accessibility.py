"""The exported partner map meets WCAG 2.1 AA in a real headless Chromium: axe-core finds no
serious or critical violation (colour contrast included), the actors are also a table under the
same search and filters, and search, filters, list and markers work from the keyboard."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from exports.partner_map import write_partner_map
from mapper.persistence.database import open_database
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
