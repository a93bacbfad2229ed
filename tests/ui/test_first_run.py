"""The welcome at the first start: asked once (Esc included), the answers kept, the demo loaded
into an empty database when chosen, and the home municipality used by the window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mapper.geo.reference import municipalities
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from tests.conftest import MakeDatabase
from tests.ui.danish import RecordingDanish, danish
from ui import app as app_module
from ui.first_run import (
    ANSWERED_KEY,
    NO_WELCOME,
    WelcomeDialog,
    home_municipality,
    maybe_welcome,
    welcome_answered,
)
from ui.main_window import MainWindow
from ui.tabs.common import editor_input

ESBJERG, AARHUS = "0561", "0751"


@pytest.fixture(autouse=True)
def welcome_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NO_WELCOME, raising=False)


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[RecordingDanish]:
    with danish("WelcomeDialog", "FirstRun") as recording:
        yield recording
    assert not recording.missing


def open_window(qtbot: QtBot, url: str) -> MainWindow:
    window = app_module.build_main_window(url)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.data_loaded, timeout=10_000):
        window.show()
    window.actor_editor.confirm = lambda: QMessageBox.StandardButton.Discard
    return window


def demo_database(make_database: MakeDatabase) -> str:
    """A new database holding the demo landscape."""
    url = make_database("w")
    database = open_database(url)
    LandscapeService(database).load_demo()
    database.close()
    return url


def welcome_of(window: MainWindow) -> WelcomeDialog:
    dialog = window.findChild(WelcomeDialog)
    assert isinstance(dialog, WelcomeDialog) and dialog.isVisible()
    return dialog


def test_the_welcome_asks_in_danish_once_and_keeps_the_answers(
    qtbot: QtBot, translator: RecordingDanish, make_database: MakeDatabase
) -> None:
    window = open_window(qtbot, make_database("w"))
    assert maybe_welcome(window)
    dialog = welcome_of(window)
    assert dialog.windowTitle() == "Velkommen til Frivillighedskortet"
    assert dialog.start_button.text() == "Kom i gang"
    assert dialog.skip_button.text() == "Spring over"
    assert dialog.demo_check.text() == "Indlæs demolandskabet, så jeg kan prøve programmet"
    assert dialog.demo_check.isVisibleTo(dialog)  # the database is empty
    combo = dialog.municipality_combo
    assert combo.itemText(0) == "Ingen bestemt kommune"
    assert combo.count() == 1 + len(municipalities())  # every one of the reference list
    assert dialog.name_edit.text() == app_module.user_name()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "Esbjerg")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter: Kom i gang
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted
    assert welcome_answered() and home_municipality() == ESBJERG
    # The window uses it at once: a new actor starts in Esbjerg, unsaved but not "changed".
    assert window.actor_editor.values()["location.municipality_code"] == ESBJERG
    assert window.problem_editor.values()["municipality_code"] == ESBJERG
    assert not window.actor_editor.is_dirty()
    assert not maybe_welcome(window)  # never again
    assert not welcome_of_visible(window)


def welcome_of_visible(window: MainWindow) -> bool:
    dialog = window.findChild(WelcomeDialog)
    return dialog is not None and dialog.isVisible()


def test_part_of_a_name_and_enter_choose_the_one_municipality_it_names(
    qtbot: QtBot, translator: RecordingDanish, make_database: MakeDatabase
) -> None:
    """Seen under Xvfb: "Esbj" + Enter kept the text and the welcome stored no municipality."""
    window = open_window(qtbot, make_database("w"))
    assert maybe_welcome(window)
    dialog = welcome_of(window)
    combo = dialog.municipality_combo
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "esbj")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert combo.currentText() == "Esbjerg"
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted
    assert home_municipality() == ESBJERG


def test_a_text_that_names_no_single_municipality_is_asked_again(
    qtbot: QtBot, translator: RecordingDanish, make_database: MakeDatabase
) -> None:
    window = open_window(qtbot, make_database("w"))
    assert maybe_welcome(window)
    dialog = welcome_of(window)
    combo = dialog.municipality_combo
    for typed in ("Atlantis", "s"):  # none, and many ("Esbjerg", "Slagelse", …)
        combo.lineEdit().selectAll()
        qtbot.keyClicks(combo.lineEdit(), typed)
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # not accepted
        assert dialog.municipality_error.isVisibleTo(dialog)
        assert f"»{typed}«" in dialog.municipality_error.text()
        assert "passer ikke på netop én kommune" in dialog.municipality_error.text()
    assert not welcome_answered()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "Aarhus")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and home_municipality() == AARHUS


def test_escape_skips_and_counts_as_answered(
    qtbot: QtBot, translator: RecordingDanish, make_database: MakeDatabase
) -> None:
    window = open_window(qtbot, make_database("w"))
    assert maybe_welcome(window)
    dialog = welcome_of(window)
    qtbot.keyClicks(dialog.name_edit, " og en til")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == WelcomeDialog.DialogCode.Rejected
    assert QSettings().value(ANSWERED_KEY) in (True, "true")
    assert home_municipality() is None
    assert QSettings().value("user/name") is None  # nothing of the skipped form is kept
    assert not maybe_welcome(window)


def test_no_welcome_where_the_environment_says_so(
    qtbot: QtBot, make_database: MakeDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NO_WELCOME, "1")
    window = open_window(qtbot, make_database("w"))
    assert not maybe_welcome(window)
    assert not welcome_of_visible(window)
    assert not welcome_answered()


def test_the_demo_loads_when_chosen_and_the_register_starts_at_home(
    qtbot: QtBot, translator: RecordingDanish, make_database: MakeDatabase
) -> None:
    window = open_window(qtbot, make_database("w"))
    maybe_welcome(window)
    dialog = welcome_of(window)
    dialog.municipality_combo.setCurrentIndex(dialog.municipality_combo.findData(ESBJERG))
    dialog.demo_check.setChecked(True)
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        dialog.start_button.click()
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: window.actor_model.total() > 50, timeout=10_000)
    assert window.municipality_filter.currentData() == ESBJERG
    shown = window.actor_model.rowCount()
    assert 0 < shown < window.actor_model.total()
    window.municipality_filter.setCurrentIndex(0)  # "All municipalities" stays a choice
    assert window.actor_model.rowCount() == window.actor_model.total()
    # The partner map starts at Esbjerg; the whole landscape is one choice away.
    assert window.map_tab.area_combo.currentData() == ESBJERG
    assert window.map_tab.area_combo.itemData(0) is None
    # So does the overview.
    assert window.overview_tab.municipality_code() == ESBJERG


def test_the_demo_is_not_offered_for_a_database_with_data(
    qtbot: QtBot, make_database: MakeDatabase
) -> None:
    url = demo_database(make_database)
    window = open_window(qtbot, url)
    maybe_welcome(window)
    dialog = welcome_of(window)
    assert not dialog.demo_check.isVisibleTo(dialog)
    dialog.demo_check.setChecked(True)  # even if it were ticked somehow
    assert not dialog.answers().load_demo
    dialog.reject()


def test_a_new_actor_gets_the_home_municipality_until_a_postcode_says_otherwise(
    qtbot: QtBot, make_database: MakeDatabase
) -> None:
    QSettings().setValue("user/municipality", ESBJERG)
    window = open_window(qtbot, make_database("w"))
    window.new_actor()
    editor = window.actor_editor
    assert editor.values()["location.municipality_code"] == ESBJERG
    qtbot.keyClicks(editor_input(editor, "location.postcode"), "8000")
    assert editor.values()["location.municipality_code"] == AARHUS
    editor.undo()
    assert editor.values()["location.municipality_code"] == ESBJERG
    # A municipality chosen by the user is never overwritten by a later default.
    editor.push_field("location.municipality_code", AARHUS)
    window.apply_home_municipality("0101")
    assert editor.values()["location.municipality_code"] == AARHUS


def test_a_new_name_opens_the_window_anew_with_it_as_the_author(
    qtbot: QtBot, make_database: MakeDatabase
) -> None:
    window = app_module.build_main_window(make_database("w"))  # replaced: not qtbot's to close
    with qtbot.waitSignal(window.data_loaded, timeout=10_000):
        window.show()
    # A window another test left in the list of open windows is not the one opened anew.
    before = app_module.current_window()
    maybe_welcome(window)
    dialog = welcome_of(window)
    dialog.name_edit.setText("Anne Koordinator")
    dialog.demo_check.setChecked(True)
    dialog.start_button.click()
    qtbot.waitUntil(
        lambda: app_module.current_window() not in (None, window, before), timeout=20_000
    )
    new = app_module.current_window()
    assert new is not None
    qtbot.addWidget(new)
    assert new.context.landscape.author == "Anne Koordinator"
    assert app_module.user_name() == "Anne Koordinator"
    qtbot.waitUntil(lambda: new.actor_model.total() > 50, timeout=10_000)  # the demo is there


def test_match_and_the_problem_map_start_at_a_problem_of_the_home_municipality(
    qtbot: QtBot, make_database: MakeDatabase
) -> None:
    url = demo_database(make_database)
    odense = "0461"
    QSettings().setValue("user/municipality", odense)
    QSettings().setValue(ANSWERED_KEY, True)
    window = open_window(qtbot, url)
    qtbot.waitUntil(lambda: window.match_view.problem_combo.count() > 0, timeout=10_000)
    rows = {p.id: p for p in window.problems_tab.rows()}
    first_by_title = window.match_view.problem_combo.itemData(0)
    assert rows[first_by_title].municipality_code != odense  # else this proves nothing
    own = [
        pid for pid, _ in window.problems_tab.matchable() if rows[pid].municipality_code == odense
    ]
    assert own
    assert window.match_view.current_problem_id() == own[0]
    assert window.map_tab.problem_combo.currentData() == own[0]
    # Without a home municipality the first by title is shown, as before.
    assert window.problems_tab.first_matchable_in(None) is None
