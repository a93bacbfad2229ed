"""The Kort tab's Dækning mode: the switch between the partner map and the coverage map of a
target group, in the same web view, and the export of what is on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from exports.partner_map import network_links
from tests.conftest import MakeDatabase
from tests.ui.danish import RecordingDanish, danish
from ui.app import build_main_window
from ui.main_window import MainWindow
from ui.map_view import WEBENGINE_ERROR, MapView

pytestmark = pytest.mark.skipif(
    WEBENGINE_ERROR is not None, reason=f"QtWebEngine unavailable: {WEBENGINE_ERROR}"
)


def js(qtbot: QtBot, view: MapView, script: str) -> Any:
    result: list[Any] = []
    view.web.page().runJavaScript(script, 0, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=10_000)
    return result[0]


@pytest.fixture
def translator() -> Iterator[RecordingDanish]:
    with danish("MapTab", "MapView") as found:
        yield found
    assert found.missing == set()  # every string of ours has its Danish


@pytest.fixture
def window(qtbot: QtBot, make_database: MakeDatabase, translator: RecordingDanish) -> MainWindow:
    w = build_main_window(make_database("coverage"), demo_if_empty=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.actor_model.rowCount() > 0, timeout=10_000)
    with qtbot.waitSignal(w.map_view.map_ready, timeout=60_000):
        w.tabs.setCurrentIndex(w.map_tab_index)
    return w


def test_the_switch_shows_coverage_and_back_the_partners(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.map_tab
    assert (tab.partners_button.text(), tab.coverage_button.text()) == ("Partnere", "Dækning")
    assert tab.partners_button.isChecked()
    assert not tab.target_group.isVisible() and not tab.export_button.isVisible()

    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        qtbot.mouseClick(tab.coverage_button, _left())
    assert tab.showing == "coverage" and window.map_view.showing == "coverage"
    assert tab.target_group.isVisible() and tab.export_button.isEnabled()
    assert tab.target_group.currentText() == "Alle målgrupper"
    assert js(qtbot, window.map_view, "coverageMap.areaCount()") > 90
    assert js(qtbot, window.map_view, "document.title") == "Dækning: alle målgrupper"
    assert not tab.map_detail.isVisible()  # no actor to show beside a coverage map

    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        tab.target_group.setCurrentIndex(tab.target_group.findData("mental_illness"))
    assert js(qtbot, window.map_view, "document.title") == (
        "Dækning: Psykisk sårbare og psykisk syge"
    )
    assert tab.coverage_data is not None and tab.coverage_data.target_group == "mental_illness"
    # Selecting an actor in the register does not touch the coverage page.
    assert window.select_actor("esb-patriciahuset")

    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        qtbot.mouseClick(tab.partners_button, _left())
    assert window.map_view.showing == "partners"
    assert not tab.target_group.isVisible()
    expected = len(window.context.maps.partner_map().actors)
    assert js(qtbot, window.map_view, "partnerMap.markerCount()") == expected


def test_export_writes_the_coverage_on_screen(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    tab = window.map_tab
    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        tab.set_mode("coverage", "socially_vulnerable_adults")
    target = str(tmp_path / "dækning.html")
    with qtbot.waitSignal(tab.coverage_exported, timeout=30_000) as blocker:
        tab.export_coverage(target)
    assert blocker.args == [target]
    page = Path(target).read_text("utf-8")
    assert "<title>Dækning: Socialt udsatte voksne</title>" in page
    assert network_links(page) == []
    assert "qwebchannel" not in page  # the file is the CLI's, not the app's page


def test_a_failed_export_is_reported(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    tab = window.map_tab
    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        tab.set_mode("coverage")
    with qtbot.waitSignal(tab.failed, timeout=30_000) as blocker:
        tab.export_coverage(str(tmp_path / "no such folder" / "x.html"))
    assert type(blocker.args[0]).__name__ == "OutputFileError"
    # The window says so in Danish.
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    qtbot.waitUntil(lambda: any(b.isVisible() for b in boxes), timeout=5_000)
    box = next(b for b in boxes if b.isVisible())
    assert "no such folder" in box.text()
    box.close()


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_problem_statement_is_shown_on_its_own_map_from_match(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Match → "Vis på kort": the Kort area draws the problem's place (a distinct marker),
    the ring at its distance limit and as many ranked partners as Match shows."""
    tab, match = window.map_tab, window.match_view
    assert tab.problem_button.text() == "Problemstilling"
    assert tab.problem_button.isEnabled()  # the demo has matchable problem statements
    problem_id = tab.problem_combo.itemData(0)
    window.tabs.setCurrentWidget(match)
    with qtbot.waitSignal(match.ranked, timeout=60_000):
        assert window.open_match(problem_id)
    qtbot.waitUntil(match.map_button.isEnabled, timeout=10_000)
    assert match.map_button.text().replace("&", "") == "Vis på kort"
    match.top_spin.setValue(3)

    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        qtbot.mouseClick(match.map_button, _left())
    assert window.tabs.currentWidget() is tab
    assert tab.showing == "problem" and tab.problem_combo.currentData() == problem_id
    assert tab.problem_combo.isVisible() and not tab.target_group.isVisible()
    assert tab.problem_top.value() == 3
    assert js(qtbot, window.map_view, "partnerMap.problemMarker !== null") is True
    expected = window.context.maps.partner_map(scope="problem", value=problem_id, top=3)
    assert js(qtbot, window.map_view, "partnerMap.markerCount()") == len(expected.actors) <= 3
    assert js(qtbot, window.map_view, "document.title") == expected.title
    # The demo's first matchable problem statement has its own place and a distance limit.
    assert expected.problem is not None and expected.problem.max_distance_km
    assert js(qtbot, window.map_view, "partnerMap.ring !== null") is True

    # Another problem statement from the tab's own list redraws the map; the actor shown
    # beside the first one goes.
    assert tab.problem_combo.count() > 1
    tab.show_actor("esb-patriciahuset", "<p>Patriciahuset</p>")
    other = tab.problem_combo.itemData(1)
    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        tab.problem_combo.setCurrentIndex(1)
    assert tab.map_detail.toPlainText() == ""
    title = window.context.maps.partner_map(scope="problem", value=other, top=3).title
    assert js(qtbot, window.map_view, "document.title") == title

    # Back to all partners: the problem's controls go away.
    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        qtbot.mouseClick(tab.partners_button, _left())
    assert not tab.problem_combo.isVisible()
    assert js(qtbot, window.map_view, "partnerMap.problemMarker === null") is True


def test_without_matchable_problem_statements_the_problem_mode_is_off(
    window: MainWindow,
) -> None:
    tab = window.map_tab
    tab.set_problems([])
    assert not tab.problem_button.isEnabled()
    tab.set_mode("problem")
    assert tab.showing == "partners"
    assert not tab.show_problem("no-such-problem")


def test_the_problem_map_does_not_keep_an_actor_from_the_partner_map_beside_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    tab = window.map_tab
    tab.show_actor("esb-sammen-om-sindet", "<h2>Sammen om Sindet Esbjerg</h2>")
    assert "Sammen om Sindet" in tab.map_detail.toPlainText()
    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        tab.set_mode("problem")
    assert tab.map_detail.toPlainText() == ""
