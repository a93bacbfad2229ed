"""Whole workflows in the main window, as a coordinator does them with the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import MakeDatabase
from ui.app import build_main_window
from ui.main_window import MainWindow
from ui.tabs.common import editor_input

PATRICIA = "esb-p-patriciahuset-brobygning"


@pytest.fixture
def window(qtbot: QtBot, make_database: MakeDatabase) -> MainWindow:
    w = build_main_window(make_database("flow"), demo_if_empty=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.actor_model.total() > 0, timeout=10_000)
    # Closing at the end of a test must not stop at "Save changes?" dialogs.
    w.actor_editor.confirm = lambda: QMessageBox.StandardButton.Discard
    w.problem_editor.confirm = discard_choice(w.problem_editor)
    return w


def discard_choice(editor: object) -> object:
    """The editor's "Discard" answer (the form editors use QMessageBox buttons)."""
    if hasattr(editor, "inputs"):
        return lambda: QMessageBox.StandardButton.Discard
    return lambda: "discard"


def names(window: MainWindow) -> set[str]:
    return {window.actor_model.row_at(r).name for r in range(window.actor_model.rowCount())}


def test_create_an_actor_from_the_window_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New actor
    editor = window.actor_editor
    assert window.actor_pane.currentWidget() is editor
    qtbot.keyClicks(editor.inputs["name"], "Lektiecafeen Kvaglund")
    kind = editor.inputs["kind"]
    kind.setCurrentIndex(kind.findData("local_association"))
    qtbot.keyClicks(editor.inputs["profile.we_are"], "Frivillige hjaelper med lektier.")
    with qtbot.waitSignal(window.landscape_tab.actors_updated, timeout=10_000) as updated:
        qtbot.keyClick(editor.inputs["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (actor_id,) = updated.args[0]
    assert "Lektiecafeen Kvaglund" in names(window)
    assert window.selected_actor_id() == actor_id  # the new row is selected
    assert "Lektiecafeen Kvaglund" in window.statusBar().currentMessage()
    saved = window.context.landscape.list_actors(kind="local_association")
    assert any(a.name == "Lektiecafeen Kvaglund" for a in saved)


def test_edit_a_profile_and_undo_from_the_edit_menu(window: MainWindow, qtbot: QtBot) -> None:
    assert window.select_actor("esb-sammen-om-sindet")
    editor = window.actor_editor
    assert editor.current_actor_id() == "esb-sammen-om-sindet"
    field = editor.inputs["profile.best_at"]
    before = field.toPlainText()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, " Og kaffe.")
    assert editor.is_dirty() and field.toPlainText().endswith("Og kaffe.")
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert field.toPlainText() == before
    assert not editor.is_dirty()
    window.redo_action.trigger()
    assert field.toPlainText().endswith("Og kaffe.")


def test_write_a_problem_then_find_partners(window: MainWindow, qtbot: QtBot) -> None:
    window.new_problem_action.trigger()
    editor = window.problem_editor
    assert window.tabs.currentIndex() == 1
    qtbot.keyClicks(editor_input(editor, "title"), "Besoegsvenner til ensomme i Esbjerg")
    qtbot.keyClicks(editor_input(editor, "description"), "Mange sidder alene i lejligheden.")
    with qtbot.waitSignal(editor.problem_saved, timeout=10_000) as saved:
        window.save_action.trigger()
    problem_id = saved.args[0]
    assert window.selected_problem_id() == problem_id  # listed and selected at once
    assert "Besoegsvenner til ensomme i Esbjerg" in window.statusBar().currentMessage()
    # A draft is not matched yet: it says why, and stays where it is.
    assert not window.open_match(problem_id)
    assert window.tabs.currentIndex() == 1
    assert not window.find_partners_button.isEnabled()
    assert editor.change_status("open_for_input")
    assert window.find_partners_button.isEnabled()
    with qtbot.waitSignal(window.match_view.ranked, timeout=20_000):
        editor.match_requested.emit(problem_id)
    assert window.tabs.currentIndex() == window.match_tab_index
    assert window.match_view.current_problem_id() == problem_id


def test_propose_then_move_the_partnership_through_stages(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.match_view.ranked, timeout=20_000):
        window.open_match(PATRICIA)
    window.match_view.propose_button.click()
    message = window.statusBar().currentMessage()
    assert "Sammen om Sindet Esbjerg" in message and "esb-sammen-om-sindet" not in message
    assert window.context.landscape.get_problem(PATRICIA).title in message
    with qtbot.waitSignal(window.partnerships_view.loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    view = window.partnerships_view
    assert view.select(PATRICIA, "esb-sammen-om-sindet")
    view.stage_combo.setCurrentIndex(view.stage_combo.findData("contacted"))
    assert view.change_stage()
    service = window.context.partnerships
    detail = service.get(PATRICIA, "esb-sammen-om-sindet")
    assert detail.stage == "contacted"
    assert [h.stage for h in detail.history] == ["proposed", "contacted"]
    window.undo_action.trigger()  # the partnerships area's undo stack is the active one
    assert service.get(PATRICIA, "esb-sammen-om-sindet").stage == "proposed"


def test_every_area_is_reachable_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    for number, index in (
        (1, 0),
        (2, 1),
        (3, window.match_tab_index),
        (5, window.partnerships_tab_index),
    ):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.tabs.currentIndex() == index
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0 and window.search_edit.hasFocus()


def test_enter_on_a_problem_opens_its_match(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.problem_view
    view.setFocus()
    assert window.problems_tab.select_problem(PATRICIA)  # seeking partners
    expected = window.selected_problem_id()
    with qtbot.waitSignal(window.match_view.ranked, timeout=20_000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == window.match_tab_index
    assert window.match_view.current_problem_id() == expected
