"""Filer → Skift database…: a file or a shared server chosen in the window, the window opened
anew on it, and the choice (never its password) remembered for the next start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mapper.persistence.database import Database, open_database
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape
from tests.ui.danish import RecordingDanish, danish
from ui import app as app_module
from ui.database_dialog import (
    LAST_KEY,
    DatabaseDialog,
    note_recent,
    recent_databases,
    remember_database,
    remembered_database,
)


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[RecordingDanish]:
    with danish("DatabaseDialog", "ErrorText") as recording:
        yield recording
    assert not {m for m in recording.missing if m[0] == "DatabaseDialog"}


def test_the_choice_is_remembered_without_its_password(qapp: QApplication) -> None:
    remember_database("postgresql+psycopg://anna:hemmelig@server/landskab")
    remember_database("/data/a.sqlite")
    remember_database("postgresql+psycopg://anna:hemmelig@server/landskab")
    assert remembered_database() == "postgresql+psycopg://anna@server/landskab"
    assert recent_databases() == ["postgresql+psycopg://anna@server/landskab", "/data/a.sqlite"]
    assert "hemmelig" not in repr(QSettings().value(LAST_KEY))
    note_recent("/data/b.sqlite")  # offered, but not what the next start opens
    assert recent_databases()[0] == "/data/b.sqlite"
    assert remembered_database() == "postgresql+psycopg://anna@server/landskab"
    for i in range(12):
        remember_database(f"/data/{i}.sqlite")
    assert len(recent_databases()) == 8 and recent_databases()[0] == "/data/11.sqlite"


def test_a_file_typed_in_opens_and_is_remembered(
    qtbot: QtBot, translator: RecordingDanish, tmp_path: Path
) -> None:
    dialog = DatabaseDialog(str(tmp_path / "now.sqlite"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Vælg database"
    assert dialog.file_choice.isChecked()
    dialog.file_edit.clear()
    qtbot.keyClicks(dialog.file_edit, str(tmp_path / "andet.sqlite"))
    qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)
    assert dialog.result() == DatabaseDialog.DialogCode.Accepted
    assert dialog.database is not None
    assert dialog.database.url.endswith("andet.sqlite")
    dialog.database.close()
    assert remembered_database() == str(tmp_path / "andet.sqlite")


def test_a_bad_or_unreachable_server_is_named_and_the_dialog_stays(
    qtbot: QtBot, translator: RecordingDanish, tmp_path: Path
) -> None:
    dialog = DatabaseDialog(str(tmp_path / "now.sqlite"))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.server_edit, "ikke en adresse")
    assert dialog.server_choice.isChecked()
    dialog.open_button.click()
    assert dialog.message.text().startswith("Ikke en serveradresse: ikke en adresse.")
    dialog.server_edit.clear()
    qtbot.keyClicks(dialog.server_edit, "postgresql+psycopg://anna@127.0.0.1:1/landskab")
    qtbot.keyClicks(dialog.password_edit, "hemmelig")
    dialog.open_button.click()
    assert dialog.database is None and dialog.result() != DatabaseDialog.DialogCode.Accepted
    assert "127.0.0.1:1" in dialog.message.text()
    assert "hemmelig" not in dialog.message.text()
    assert remembered_database() is None


def test_the_window_opens_anew_on_the_chosen_database(
    qtbot: QtBot, translator: RecordingDanish, tmp_path: Path
) -> None:
    first = open_database(str(tmp_path / "first.sqlite"))
    window = app_module._window(app_module.build_context(first))
    other = open_database(str(tmp_path / "other.sqlite"))
    LandscapeService(other).import_document(small_landscape())
    window.database_chosen.emit(other)
    new = app_module.current_window()
    assert new is not None and new is not window
    qtbot.addWidget(new)
    assert new.context.landscape.database is other
    qtbot.waitUntil(lambda: new.actor_model.rowCount() == 5, timeout=10_000)
    assert window not in app_module._windows  # the old window is gone (deleted later)
    other.close()


def test_switching_waits_for_unsaved_work(qtbot: QtBot, tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "w.sqlite"))
    window = app_module._window(app_module.build_context(database))
    qtbot.addWidget(window)
    window.can_close = lambda: False  # type: ignore[method-assign]
    opened: list[Database] = []
    window.database_chosen.connect(opened.append)
    window.ask_switch_database()
    assert opened == []
    database.close()
