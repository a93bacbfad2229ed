"""Filer → Indstillinger: every setting stored and shown again, a bad period refused naming its
field, the language asked about on closing, a new user name the author of the next change."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from mapper.persistence.database import sqlite_file
from mapper.services.privacy import PrivacyService
from tests.conftest import MakeDatabase
from tests.ui.danish import RecordingDanish, danish
from ui import app as app_module
from ui.first_run import home_municipality
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog, kept_backups

ESBJERG = "0561"
SIND = "esb-sammen-om-sindet"


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[RecordingDanish]:
    with danish("SettingsDialog", "FirstRun", "WindowActions", "ErrorText") as recording:
        yield recording
    assert not {m for m in recording.missing if m[0] != "ErrorText"}


@pytest.fixture
def window(qtbot: QtBot, make_database: MakeDatabase) -> Iterator[MainWindow]:
    w = app_module.build_main_window(make_database("w"), demo_if_empty=True)
    with qtbot.waitSignal(w.data_loaded, timeout=10_000):
        w.show()
    w.actor_editor.confirm = lambda: QMessageBox.StandardButton.Discard
    yield w
    if isValid(w):  # not replaced by a window opened anew (not given to qtbot for that)
        w.close()
        w.deleteLater()


def open_settings(window: MainWindow, qtbot: QtBot) -> SettingsDialog:
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitUntil(dialog.retention_edit.isEnabled, timeout=5_000)  # periods read
    return dialog


def retype(qtbot: QtBot, edit: object, text: str) -> None:
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, text)


def reopened(window: MainWindow, qtbot: QtBot) -> MainWindow:
    new = app_module.current_window()
    assert new is not None and new is not window
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: new.actor_model.total() > 0, timeout=10_000)
    return new


def test_the_menu_opens_the_settings_in_danish(
    window: MainWindow, qtbot: QtBot, translator: RecordingDanish
) -> None:
    window.menuBar().clear()  # the menus again, now in Danish
    window.commands = type(window.commands)(window)
    window.commands.fill_menus(window.menuBar())
    action = window.settings_action
    assert action.text() == "Ind&stillinger…"
    assert action.shortcut() == QKeySequence("Ctrl+,")
    assert action in window.shortcut_actions()
    before = app_module.current_window()
    action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Indstillinger"
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["Database", "Sikkerhedskopier", "Sprog", "Bruger", "Kommune", "Opbevaring"]
    assert dialog.municipality_combo.itemText(0) == "Ingen bestemt kommune"
    for widget in (
        dialog.location_edit,
        dialog.switch_button,
        dialog.keep_spin,
        dialog.backup_folder,
        dialog.language_combo,
        dialog.name_edit,
        dialog.municipality_combo,
        dialog.verify_edit,
        dialog.retention_edit,
    ):
        assert widget.accessibleName(), widget.objectName()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc: Annuller
    assert dialog.result() == SettingsDialog.DialogCode.Rejected
    assert app_module.current_window() is before  # nothing replaced the window


def test_each_setting_is_stored_and_shown_again(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_settings(window, qtbot)
    database = window.context.landscape.database
    # The file a SQLite database lives in; a server by its address without the password.
    expected = sqlite_file(database.url)
    shown = dialog.location_edit.text()
    assert shown == (str(expected) if expected is not None else database.display_url)
    dialog.keep_spin.setValue(14)
    dialog.municipality_combo.lineEdit().selectAll()
    qtbot.keyClicks(dialog.municipality_combo.lineEdit(), "Esbjerg")
    retype(qtbot, dialog.verify_edit, "6")
    retype(qtbot, dialog.retention_edit, "36")
    with qtbot.waitSignal(dialog.applied, timeout=5_000):
        dialog.apply_button.click()
    assert dialog.isVisible()  # Apply keeps it open
    assert kept_backups() == 14 and QSettings().value("backups/keep") in (14, "14")
    assert home_municipality() == ESBJERG
    stored = PrivacyService(database, window.context.vocabulary).settings()
    assert (stored.verify_months, stored.retention_months) == (6, 36)
    # Applied to the window at once: the register's filter and the partner map's area.
    assert window.municipality_filter.currentData() == ESBJERG
    assert window.map_tab.area_combo.currentData() == ESBJERG
    dialog.reject()

    again = open_settings(window, qtbot)
    assert again.keep_spin.value() == 14
    assert again.municipality_combo.currentData() == ESBJERG
    assert (again.verify_edit.text(), again.retention_edit.text()) == ("6", "36")
    again.reject()


def test_a_bad_period_is_refused_naming_its_field(
    window: MainWindow, qtbot: QtBot, translator: RecordingDanish
) -> None:
    dialog = open_settings(window, qtbot)
    for bad in ("nul", "0", "241", "2,5"):
        retype(qtbot, dialog.retention_edit, bad)
        dialog.ok_button.click()
        assert dialog.isVisible()
        assert dialog.message.text() == (
            "Intet blev gemt. Foreslå inaktive personer til sletning efter (måneder) "
            "skal være mellem 1 og 240."
        )
        assert dialog.tabs.currentIndex() == dialog.tabs.count() - 1  # Opbevaring shown
    privacy = PrivacyService(window.context.landscape.database, window.context.vocabulary)
    assert privacy.settings().retention_months == 24  # the stored value is kept
    retype(qtbot, dialog.retention_edit, "30")
    with qtbot.waitSignal(dialog.finished, timeout=5_000):
        qtbot.keyClick(dialog.retention_edit, Qt.Key.Key_Return)  # Enter: OK
    assert privacy.settings().retention_months == 30


def test_a_language_chosen_is_offered_as_a_restart_on_closing(
    window: MainWindow, qtbot: QtBot
) -> None:
    asked: list[str] = []
    window.ask_restart = lambda lang: asked.append(lang) or False  # "Later"
    dialog = open_settings(window, qtbot)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.apply_button.click()
    assert asked == []  # nothing replaces the window while the dialog is open
    dialog.ok_button.click()
    assert asked == ["en"]
    assert app_module.ui_language() == "en"
    assert window.language_actions["en"].isChecked()


def test_a_language_restart_from_the_settings(
    window: MainWindow, qtbot: QtBot, qapp: QApplication
) -> None:
    window.ask_restart = lambda lang: True
    dialog = open_settings(window, qtbot)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    try:
        with qtbot.waitSignal(window.restart_requested, timeout=5_000) as blocker:
            dialog.ok_button.click()
        assert blocker.args == ["en"]
        new = reopened(window, qtbot)
        assert new.context.lang == "en"
    finally:
        app_module.install_translator(qapp, "en")


def test_a_new_user_name_is_the_author_of_the_next_change(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_settings(window, qtbot)
    retype(qtbot, dialog.name_edit, "Anne Koordinator")
    dialog.ok_button.click()
    assert app_module.user_name() == "Anne Koordinator"
    new = reopened(window, qtbot)  # new services, writing the new name
    edits = new.context.actor_edit
    actor, version = edits.load(SIND)
    edits.save(replace(actor, name=actor.name + " (ny)"), expected_version=version)
    assert edits.load_meta(SIND).updated_by == "Anne Koordinator"


def test_switch_database_closes_the_settings_and_asks_as_the_file_menu(
    window: MainWindow, qtbot: QtBot
) -> None:
    asked: list[bool] = []
    window.ask_switch_database = lambda: asked.append(True)  # type: ignore[method-assign]
    dialog = open_settings(window, qtbot)
    dialog.keep_spin.setValue(3)
    dialog.switch_button.click()
    assert not dialog.isVisible() and asked == [True]
    assert kept_backups() == 3  # what was changed was stored first
