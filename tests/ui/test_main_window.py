"""The main window on a real SQLite database holding the demo landscape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from pytestqt.qtbot import QtBot

from mapper.domain.text import danish_sort_key
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from tests.conftest import MakeDatabase, small_landscape
from ui.app import build_context, build_main_window, install_translator
from ui.main_window import MainWindow
from ui.models.actor_table import ActorTableModel

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo_landscape.json"


def demo_doc() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def shown_names(window: MainWindow) -> set[str]:
    model = window.actor_model
    return {model.index(r, ActorTableModel.COL_NAME).data() for r in range(model.rowCount())}


@pytest.fixture
def window(qtbot: QtBot, make_database: MakeDatabase) -> MainWindow:
    w = build_main_window(make_database("demo"), demo_if_empty=True, lang="da")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.actor_model.rowCount() > 0, timeout=10000)
    return w


def test_main_window_shows_the_demo_landscape(window: MainWindow) -> None:
    doc = demo_doc()
    assert window.actor_model.rowCount() == len(doc["actors"])
    assert shown_names(window) == {a["name"] for a in doc["actors"]}
    assert window.problem_proxy.rowCount() == len(doc["problems"])
    titles = {
        window.problem_proxy.index(r, 0).data() for r in range(window.problem_proxy.rowCount())
    }
    assert titles == {p["title"] for p in doc["problems"]}
    assert f"{len(doc['actors'])} " in window.count_label.text()


def test_search_filters_the_register_as_you_type(window: MainWindow, qtbot: QtBot) -> None:
    doc = demo_doc()
    target = next(a["name"] for a in doc["actors"] if a["id"] == "esb-patriciahuset")
    qtbot.keyClicks(window.search_edit, "Patricia")
    qtbot.waitUntil(lambda: shown_names(window) == {target}, timeout=2000)
    window.search_edit.clear()
    qtbot.waitUntil(lambda: window.actor_model.rowCount() == len(doc["actors"]), timeout=2000)


def test_search_tolerates_misspellings(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search_edit, "Patriciahuzet")  # z for s
    qtbot.waitUntil(lambda: len(shown_names(window)) < 5, timeout=2000)
    assert "Patriciahuset" in shown_names(window)


def test_filters_by_target_group_resource_and_municipality(window: MainWindow) -> None:
    doc = demo_doc()
    window.group_filter.setCurrentIndex(window.group_filter.findData("mental_illness"))
    assert shown_names(window) == {
        a["name"] for a in doc["actors"] if "mental_illness" in a.get("target_groups", [])
    }
    window.group_filter.setCurrentIndex(0)
    window.resource_filter.setCurrentIndex(window.resource_filter.findData("premises"))
    assert shown_names(window) == {
        a["name"]
        for a in doc["actors"]
        if any(r["kind"] == "premises" for r in a.get("resources_offered", []))
    }
    window.resource_filter.setCurrentIndex(0)
    window.municipality_filter.setCurrentIndex(window.municipality_filter.findData("0400"))
    assert shown_names(window) == {
        a["name"] for a in doc["actors"] if a["location"].get("municipality_code") == "0400"
    }
    assert "af 67" in window.filter_label.text() or "of 67" in window.filter_label.text()


def test_the_municipality_filter_names_municipalities_by_their_official_name(
    window: MainWindow,
) -> None:
    box = window.municipality_filter
    labels = [box.itemText(i) for i in range(1, box.count())]
    # The demo's Aarhus actors live in Brabrand, Viby J …; Esbjerg's in Esbjerg N, Ø …: the
    # filter says which municipality, not the town of the first actor found.
    assert "Aarhus (0751)" in labels
    assert "Esbjerg (0561)" in labels
    assert labels == sorted(labels, key=danish_sort_key)
    assert box.itemData(labels.index("Esbjerg (0561)") + 1) == "0561"


def test_kind_filter_shows_only_that_kind(window: MainWindow, qtbot: QtBot) -> None:
    companies = [a for a in demo_doc()["actors"] if a["kind"] == "company"]
    window.kind_filter.setCurrentIndex(window.kind_filter.findData("company"))
    assert shown_names(window) == {a["name"] for a in companies}
    window.kind_filter.setCurrentIndex(0)
    assert window.actor_model.rowCount() == len(demo_doc()["actors"])


def test_selecting_an_actor_shows_its_dating_profile(window: MainWindow) -> None:
    doc = demo_doc()
    actor = next(a for a in doc["actors"] if a["id"] == "esb-patriciahuset")
    assert window.select_actor(actor["id"])
    text = window.actor_detail.toPlainText()
    assert actor["name"] in text
    assert actor["profile"]["we_are"] in text


def test_user_text_is_shown_as_text_not_markup(qtbot: QtBot, make_database: MakeDatabase) -> None:
    db = open_database(make_database("xss"))
    doc = small_landscape()
    doc["actors"][0]["name"] = "<b>Fed</b> & <img src=x onerror=alert(1)>"
    LandscapeService(db).import_document(doc)
    w = MainWindow(build_context(db))
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.actor_model.rowCount() == 5, timeout=10000)
    w.search_edit.setText("Fed")
    qtbot.waitUntil(lambda: w.actor_model.rowCount() == 1, timeout=2000)
    w.actor_view.selectRow(0)
    assert "<b>Fed</b> & <img src=x onerror=alert(1)>" in w.actor_detail.toPlainText()
    db.close()


def test_interface_is_danish_by_default(qapp, window: MainWindow) -> None:
    translator = install_translator(qapp, "da")
    try:
        assert translator is not None
        fresh = MainWindow(window.context)
        try:
            assert fresh.tabs.tabText(0) == "Landskab"
            assert fresh.actor_model.headerData(0, Qt.Orientation.Horizontal) == "Navn"
            assert fresh.kind_filter.itemText(1) == "Frivillig person"
        finally:
            fresh.deleteLater()
    finally:
        qapp.removeTranslator(translator)


def test_table_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    qtmodeltester.check(window.actor_model)
    qtmodeltester.check(window.problem_model)
    window.search_edit.setText("forening")
    qtmodeltester.check(window.actor_model)


def test_language_choice_is_remembered(window: MainWindow) -> None:
    from PySide6.QtCore import QSettings

    from ui.app import ui_language

    assert ui_language() == "da"
    asked: list[str] = []
    window.ask_restart = lambda lang: asked.append(lang) or False  # "Later"
    window.language_actions["en"].trigger()
    assert asked == ["en"]
    assert "started again" in window.statusBar().currentMessage()
    assert QSettings().value("ui/language") == "en" and ui_language() == "en"
    assert window.language_actions["en"].isChecked()
    assert not window.language_actions["da"].isChecked()


def test_redo_answers_ctrl_y_and_ctrl_shift_z_outside_a_text_field(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Both of the platform's redo keys: before, only the first binding (Ctrl+Y) was set."""
    keys = {k.toString() for k in window.redo_action.shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= keys
    assert "Ctrl+Z" in {k.toString() for k in window.undo_action.shortcuts()}
    done: list[str] = []

    class Step(QUndoCommand):
        def redo(self) -> None:
            done.append("redo")

        def undo(self) -> None:
            done.append("undo")

    window.tabs.setCurrentWidget(window.partnerships_view)
    window.partnerships_view.undo_stack.push(Step("step"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.partnerships_view.table
    table.setFocus()
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(table, Qt.Key.Key_Z, ctrl)
    qtbot.keyClick(table, Qt.Key.Key_Z, ctrl | shift)
    assert done == ["redo", "undo", "redo"]
