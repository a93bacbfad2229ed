"""The "Gennemgang af data" dialog and the landscape export's question about personal data,
driven as a coordinator would: the menu, a double-click, the question before erasing, the
check box before exporting."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from mapper.persistence.database import open_database
from mapper.persistence.store import ACTORS, PARTNERSHIPS
from mapper.services.privacy import PrivacyService, PrivacySettings, read_export_log
from tests.mapper.test_privacy import CANARIES, NAME, PERSON, load_canaries
from tests.ui.danish import RecordingDanish, danish
from ui.app import build_main_window
from ui.main_window import MainWindow
from ui.privacy_review_dialog import PrivacyReviewDialog

CONTEXTS = (
    "PrivacyReviewDialog",
    "UnverifiedTableModel",
    "ErasureProposalTableModel",
    "WindowActions",
    "FileOperations",
)
LONG_AGO = dt.datetime(2020, 1, 15, tzinfo=dt.UTC)


@pytest.fixture
def db(tmp_path: Path) -> str:
    """The canary landscape; the volunteer's record and partnership last changed in
    January 2020."""
    path = str(tmp_path / "landscape.sqlite")
    database = open_database(path)
    load_canaries(database)
    with database.engine.begin() as connection:
        connection.execute(update(ACTORS).where(ACTORS.c.uid == PERSON).values(updated_at=LONG_AGO))
        connection.execute(update(PARTNERSHIPS).values(updated_at=LONG_AGO))
    database.close()
    return path


@pytest.fixture
def translator() -> Iterator[RecordingDanish]:
    with danish(*CONTEXTS) as found:
        yield found
    assert found.missing == set()  # every string of ours has its Danish


@pytest.fixture
def window(qtbot: QtBot, db: str, translator: RecordingDanish) -> MainWindow:
    w = build_main_window(db)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.data_loaded, timeout=10_000):
        w.show()
    return w


def stored_settings(db: str) -> PrivacySettings:
    database = open_database(db)
    try:
        return PrivacyService(database).settings()
    finally:
        database.close()


def open_review(window: MainWindow, qtbot: QtBot) -> PrivacyReviewDialog:
    window.commands.privacy_review_action.trigger()
    dialog = window.findChild(PrivacyReviewDialog)
    assert isinstance(dialog, PrivacyReviewDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.unverified_model.rowCount() > 0, timeout=10_000)
    return dialog


def test_the_edit_menu_opens_the_data_review(window: MainWindow, qtbot: QtBot) -> None:
    action = window.commands.privacy_review_action
    assert action.text().replace("&", "") == "Gennemgang af data…"
    edit_menu = window.menuBar().actions()[1].menu()
    assert action in edit_menu.actions()  # type: ignore[union-attr]
    dialog = open_review(window, qtbot)
    assert dialog.windowTitle() == "Gennemgang af data"
    assert [dialog.tabs.tabText(i) for i in range(2)] == [
        "Ikke verificeret",
        "Foreslået til sletning",
    ]
    assert dialog.verify_months.value() == 12 and dialog.retention_months.value() == 24
    assert "3 aktører er ikke verificeret i 12 måneder" in dialog.summary.text()
    assert [r.name for r in dialog.proposal_model.rows()] == [NAME]
    model = dialog.proposal_model
    assert model.data(model.index(0, model.COL_REASON)) == (
        "Intet ændret, verificeret eller samarbejdet om"
    )


def test_a_double_click_opens_the_actor_in_the_editor(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(1)
    dialog = open_review(window, qtbot)
    table = dialog.unverified_table
    source = dialog.unverified_model.row_of("esb-venner")
    assert source is not None
    center = table.visualRect(
        dialog.unverified_proxy.mapFromSource(dialog.unverified_model.index(source, 0))
    ).center()
    # A double-click is a press, a release and a second press (the view checks the first).
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    with qtbot.waitSignal(dialog.actor_requested, timeout=5_000) as blocker:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert blocker.args == ["esb-venner"]
    assert window.tabs.currentWidget() is window.landscape_tab
    assert window.selected_actor_id() == "esb-venner"
    qtbot.waitUntil(lambda: window.actor_editor.current_actor_id() == "esb-venner", timeout=10_000)


def test_deleting_a_proposed_person_asks_naming_them_then_erases_in_the_background(
    window: MainWindow, qtbot: QtBot, db: str
) -> None:
    dialog = open_review(window, qtbot)
    qtbot.waitUntil(lambda: dialog.proposal_model.rowCount() == 1, timeout=10_000)
    assert not dialog.erase_button.isEnabled()  # nobody chosen yet
    dialog.tabs.setCurrentIndex(1)
    dialog.proposal_table.selectRow(0)
    assert dialog.erase_button.isEnabled()
    assert dialog.erase_button.text() == "Slet person…"

    # Cancel: nothing happens.
    box = dialog.ask_erase()
    assert isinstance(box, QMessageBox)
    assert f"{NAME} ({PERSON})" in box.text() and "Det kan ikke fortrydes" in box.text()
    with qtbot.assertNotEmitted(dialog.person_erased, wait=200):
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.proposal_model.rowCount() == 1
    assert window.actor_model.row_of(PERSON) is not None

    box = dialog.ask_erase()
    assert box is not None
    with qtbot.waitSignal(dialog.person_erased, timeout=20_000) as blocker:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert blocker.args == [PERSON]
    qtbot.waitUntil(lambda: dialog.proposal_model.rowCount() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.actor_model.row_of(PERSON) is None, timeout=10_000)
    assert NAME not in [r.name for r in dialog.unverified_model.rows()]


def test_the_months_are_saved_as_settings_and_the_lists_follow(
    window: MainWindow, qtbot: QtBot, db: str
) -> None:
    dialog = open_review(window, qtbot)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.verify_months.setValue(6)
    assert stored_settings(db).verify_months == 6
    assert "i 6 måneder" in dialog.summary.text()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000) as blocker:
        dialog.retention_months.setValue(240)  # nothing is that old
    assert blocker.args[1] == 0
    assert stored_settings(db).retention_months == 240


# --------------------------------------------------------------------------- export


def test_the_landscape_export_asks_and_leaves_personal_data_out_by_default(
    window: MainWindow, qtbot: QtBot, db: str, tmp_path: Path
) -> None:
    target = tmp_path / "landskab.json"
    box = window.files.ask_personal_data(str(target))
    check = box.checkBox()
    assert isinstance(check, QCheckBox)
    assert check.text() == "Medtag personoplysninger (frivillige og kontaktpersoner)"
    assert not check.isChecked()
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as blocker:
        box.button(QMessageBox.StandardButton.Ok).click()
    assert blocker.args == [True]
    data = target.read_bytes()
    assert [c for c in CANARIES if c.encode() in data] == []
    assert b"Hans Hansen" not in data and b"hans@example.dk" not in data
    assert PERSON not in [a["id"] for a in json.loads(data)["actors"]]
    assert read_export_log(db) == []  # nothing personal: nothing logged


def test_an_export_with_personal_data_is_chosen_and_logged(
    window: MainWindow, qtbot: QtBot, db: str, tmp_path: Path
) -> None:
    target = tmp_path / "med-personer.json"
    box = window.files.ask_personal_data(str(target))
    box.checkBox().setChecked(True)
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        box.button(QMessageBox.StandardButton.Ok).click()
    assert NAME in target.read_text("utf-8")
    assert [(e["what"], e["target"]) for e in read_export_log(db)] == [("landscape", str(target))]


def test_cancel_exports_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "aldrig.json"
    box = window.files.ask_personal_data(str(target))
    with qtbot.assertNotEmitted(window.export_finished, wait=200):
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert not target.exists()
