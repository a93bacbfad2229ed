"""The map inside the application: QtWebEngine, QWebChannel and selection kept in sync."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import MakeDatabase
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
def window(qtbot: QtBot, make_database: MakeDatabase) -> MainWindow:
    w = build_main_window(make_database("map"), demo_if_empty=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.actor_model.rowCount() > 0, timeout=10_000)
    return w


def test_map_tab_shows_the_public_partner_map(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        window.tabs.setCurrentIndex(window.map_tab_index)
    expected = len(window.context.maps.partner_map().actors)
    assert js(qtbot, window.map_view, "partnerMap.markerCount()") == expected
    assert window.map_view.page_file.exists()


def test_clicking_a_marker_selects_the_actor_and_selecting_pans(
    window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(window.map_view.map_ready, timeout=60_000):
        window.tabs.setCurrentIndex(window.map_tab_index)
    with qtbot.waitSignal(window.map_view.actor_clicked, timeout=10_000) as blocker:
        js(qtbot, window.map_view, "partnerMap.onSelect('esb-sammen-om-sindet'); true")
    assert blocker.args == ["esb-sammen-om-sindet"]
    assert window.selected_actor_id() == "esb-sammen-om-sindet"
    assert "Sammen om Sindet Esbjerg" in window.map_detail.toPlainText()

    assert window.select_actor("esb-patriciahuset")
    qtbot.waitUntil(
        lambda: (
            "Patriciahuset"
            in (
                js(
                    qtbot,
                    window.map_view,
                    "(document.querySelector('.leaflet-popup-content') || {}).textContent || ''",
                )
                or ""
            )
        ),
        timeout=10_000,
    )


def test_without_webengine_the_view_says_why(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.map_view as module

    monkeypatch.setattr(module, "WEBENGINE_ERROR", "libnss3.so: cannot open shared object file")
    view = MapView()
    qtbot.addWidget(view)
    assert not view.available
    assert view.unavailable is not None
    assert "libnss3.so" in view.unavailable.text()
    view.select_actor("anything")  # does nothing, raises nothing
