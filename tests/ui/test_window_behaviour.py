"""How the window behaves for a coordinator: focus, Cancel, filters, toolbar, columns, names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QToolButton
from pytestqt.qtbot import QtBot

from mapper.matching.statuses import matchable_statuses
from ui import app as app_module
from ui.app import build_main_window, install_translator
from ui.context import PRODUCT_NAME
from ui.main_window import MainWindow
from ui.tabs.common import editor_input

PATRICIA = "esb-patriciahuset"
SIND = "esb-sammen-om-sindet"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    w = build_main_window(str(tmp_path / "w.sqlite"), demo_if_empty=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.actor_model.total() > 0, timeout=10_000)
    w.actor_editor.confirm = lambda: QMessageBox.StandardButton.Discard
    return w


@pytest.fixture
def danish(qapp: QApplication) -> Iterator[None]:
    install_translator(qapp, "da")
    yield
    install_translator(qapp, "en")  # removes what it installed


def focus_in(window: MainWindow) -> object:
    window.activateWindow()
    return QApplication.focusWidget()


def test_ctrl_n_puts_the_cursor_in_the_name(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(window.map_tab_index - 1)  # somewhere else first
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.new_actor_action.trigger()
    name = editor_input(window.actor_editor, "name")
    assert window.tabs.currentWidget() is window.landscape_tab
    assert window.actor_pane.currentWidget() is window.actor_editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name, timeout=5_000)


def test_ctrl_shift_n_puts_the_cursor_in_the_title(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.new_problem_action.trigger()
    title = editor_input(window.problem_editor, "title")
    assert window.tabs.currentWidget() is window.problems_tab
    assert window.problem_pane.currentWidget() is window.problem_editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title, timeout=5_000)


def test_cancel_in_save_changes_keeps_the_record_being_edited(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.select_actor(SIND)
    editor = window.actor_editor
    field = editor_input(editor, "profile.best_at")
    qtbot.keyClicks(field, " Og kaffe.")
    assert editor.is_dirty()
    asked: list[bool] = []
    editor.confirm = lambda: asked.append(True) or QMessageBox.StandardButton.Cancel
    window.select_actor(PATRICIA)
    qtbot.waitUntil(lambda: window.selected_actor_id() == SIND, timeout=5_000)
    assert asked == [True]
    assert editor.current_actor_id() == SIND and editor.is_dirty()
    assert "Sammen om Sindet Esbjerg" in window.actor_detail.toPlainText()
    editor.confirm = lambda: QMessageBox.StandardButton.Discard  # let the window close


def test_the_profile_pane_never_shows_an_actor_the_filter_hides(window: MainWindow) -> None:
    assert window.select_actor(PATRICIA)
    assert "Patriciahuset" in window.actor_detail.toPlainText()
    window.kind_filter.setCurrentIndex(window.kind_filter.findData("company"))
    assert window.selected_actor_id() is None
    assert window.actor_detail.toPlainText() == ""
    window.kind_filter.setCurrentIndex(window.kind_filter.findData("public_institution"))
    assert window.select_actor(PATRICIA, clear_filters=False)
    assert "Patriciahuset" in window.actor_detail.toPlainText()


@pytest.mark.usefixtures("danish")
def test_the_toolbar_fits_at_1280_pixels(qtbot: QtBot, tmp_path: Path) -> None:
    w = build_main_window(str(tmp_path / "t.sqlite"), lang="da")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    toolbar = w.toolbar
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert len(actions) >= 8
    for action in actions:
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        assert toolbar.rect().contains(button.geometry()), action.text()
        assert not action.icon().isNull(), action.text()
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()


def narrow_columns(view: QTableView) -> list[str]:
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    narrow = []
    for column in range(view.model().columnCount()):
        text = str(view.model().headerData(column, Qt.Orientation.Horizontal))
        if header.sectionSize(column) < metrics.horizontalAdvance(text) + 12:
            narrow.append(f"{text}: {header.sectionSize(column)} px")
    return narrow


@pytest.mark.usefixtures("danish")
@pytest.mark.parametrize("size", [(1200, 760), (1280, 800)])
def test_columns_are_never_narrower_than_their_header(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int]
) -> None:
    w = build_main_window(str(tmp_path / "c.sqlite"), demo_if_empty=True, lang="da")
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitUntil(lambda: w.actor_model.total() > 0, timeout=10_000)
    assert narrow_columns(w.actor_view) == []
    w.tabs.setCurrentIndex(1)
    qtbot.waitExposed(w.problem_view)
    assert narrow_columns(w.problem_view) == []


def test_one_product_name_everywhere(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    assert PRODUCT_NAME == "Frivillighedskortet"
    assert QGuiApplication.applicationDisplayName() == PRODUCT_NAME
    assert window.windowTitle().endswith(PRODUCT_NAME)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.append((title, text)))
    window.about_action.trigger()
    ((title, text),) = shown
    assert PRODUCT_NAME in title and text.startswith(PRODUCT_NAME)
    assert PRODUCT_NAME in window.about_action.text()


def test_only_problems_that_seek_partners_are_offered_for_matching(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: window.problem_model.rowCount() > 0, timeout=10_000)
    matchable = {p.id for p in window.problems_tab.rows() if p.status in matchable_statuses()}
    combo = window.match_view.problem_combo
    assert {combo.itemData(i) for i in range(combo.count())} == matchable
    matched = next(p for p in window.problems_tab.rows() if p.status == "matched")
    assert window.problems_tab.select_problem(matched.id)
    assert not window.find_partners_button.isEnabled()
    assert not window.open_match(matched.id)
    assert matched.title in window.statusBar().currentMessage()
    assert window.tabs.currentIndex() != window.match_tab_index


def test_language_restart_rebuilds_the_window_in_the_new_language(
    qtbot: QtBot, tmp_path: Path, qapp: QApplication
) -> None:
    old = build_main_window(str(tmp_path / "l.sqlite"), lang="da")
    with qtbot.waitSignal(old.data_loaded, timeout=10_000):
        old.show()
    old.ask_restart = lambda lang: True
    try:
        with qtbot.waitSignal(old.restart_requested, timeout=5_000) as blocker:
            old.language_actions["en"].trigger()
        assert blocker.args == ["en"]
        new = app_module.current_window()
        assert new is not None and new is not old
        qtbot.addWidget(new)
        assert new.isVisible() and new.context.lang == "en"
        assert new.tabs.tabText(0) == "Landscape"
        assert new.context.landscape is old.context.landscape  # the same services
        assert new.language_actions["en"].isChecked()
    finally:
        install_translator(qapp, "en")


def test_language_restart_waits_for_unsaved_work(window: MainWindow, qtbot: QtBot) -> None:
    assert window.select_actor(SIND)
    qtbot.keyClicks(editor_input(window.actor_editor, "profile.best_at"), " Og kaffe.")
    window.actor_editor.confirm = lambda: QMessageBox.StandardButton.Cancel
    window.ask_restart = lambda lang: True
    with qtbot.assertNotEmitted(window.restart_requested):
        window.language_actions["en"].trigger()
    assert window.isVisible() and window.actor_editor.is_dirty()
    window.actor_editor.confirm = lambda: QMessageBox.StandardButton.Discard


def test_a_new_actor_like_an_existing_one_offers_to_open_that_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Typing a name close to a registered one ('Sammen om Sindet', no town) warns before
    saving, and one click opens the existing actor instead (the unsaved new one is let go)."""
    window.new_actor_action.trigger()
    editor = window.actor_editor
    name = editor_input(editor, "name")
    name.setText("Foreningen Sammen om Sindet")
    warning = editor.duplicates
    qtbot.waitUntil(warning.isVisible, timeout=5_000)
    shown = [s.actor_id for s in warning.shown()]
    assert SIND in shown
    line = shown.index(SIND)
    qtbot.mouseClick(warning.buttons[line], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.selected_actor_id() == SIND, timeout=5_000)
    assert editor.current_actor_id() == SIND
    assert editor_input(editor, "name").text() == "Sammen om Sindet Esbjerg"
    assert not warning.isVisible()  # the existing actor is not its own duplicate


def test_a_saved_new_actor_is_not_its_own_duplicate(window: MainWindow, qtbot: QtBot) -> None:
    """Saving right after typing the name (before the look-up ran) must not then show the
    actor just saved as 'like an existing one' (seen under Xvfb)."""
    window.new_actor_action.trigger()
    editor = window.actor_editor
    editor_input(editor, "name").setText("Ribe Naboskab")
    kind = editor_input(editor, "kind")
    kind.setCurrentIndex(kind.findData("local_association"))
    assert editor.save()
    qtbot.wait(editor.duplicates.DELAY_MS * 2)
    assert not editor.duplicates.isVisible()
    assert editor.duplicates.shown() == []
