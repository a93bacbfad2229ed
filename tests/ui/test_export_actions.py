"""The File menu's HSDS and register exports and the Match area's ranking export, used as a
person would: the menu action, the file dialog and the choice answered, the files read back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from mapper.services.privacy import read_export_log
from tests.conftest import MakeDatabase
from ui.app import build_main_window
from ui.main_window import MainWindow
from ui.match_view import MatchView


@pytest.fixture
def window(qtbot: QtBot, make_database: MakeDatabase) -> MainWindow:
    w = build_main_window(make_database("demo"), demo_if_empty=True, lang="da")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.actor_model.rowCount() > 0, timeout=10_000)
    return w


def answer(kind: type[QWidget], respond: Callable[[QWidget], None]) -> None:
    """Answer the next modal dialog of this kind once it is shown (as a person would)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            respond(dialog)
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


def choose_file(path: Path) -> Callable[[QWidget], None]:
    def respond(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(path))
        dialog.accept()

    return respond


def test_file_menu_offers_the_exports(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    actions = file_menu.actions()  # type: ignore[union-attr]
    commands = window.commands
    assert commands.export_hsds_action in actions
    assert commands.export_register_action in actions
    assert actions.index(commands.export_hsds_action) == (
        actions.index(commands.export_map_action) + 1
    )


def test_export_hsds_package_from_the_menu(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "hsds-pakke"
    answer(QFileDialog, choose_file(target))
    with qtbot.waitSignal(window.files.exchange_exported, timeout=30_000) as blocker:
        window.commands.export_hsds_action.trigger()
    assert blocker.args == [True]
    organizations = json.loads((target / "hsds.json").read_text("utf-8"))
    names = {o["name"] for o in organizations}
    assert "Sammen om Sindet Esbjerg" in names
    assert len(organizations) < window.actor_model.rowCount()  # volunteers, inactive left out
    assert (target / "datapackage.json").is_file()
    assert str(target) in window.statusBar().currentMessage()


def test_export_register_from_the_menu_internal_view(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "register.xlsx"

    def internal(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        items = dialog.comboBoxItems()
        assert len(items) == 2
        dialog.setTextValue(items[1])
        dialog.accept()

    def file_then_view(dialog: QWidget) -> None:
        answer(QInputDialog, internal)
        choose_file(target)(dialog)

    answer(QFileDialog, file_then_view)
    with qtbot.waitSignal(window.files.exchange_exported, timeout=30_000) as blocker:
        window.commands.export_register_action.trigger()
    assert blocker.args == [True]
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["ID", "Navn", "Type"] and "Kontaktperson" in header
    assert sheet.max_row - 1 == window.actor_model.rowCount()  # everyone, internally


def test_public_register_csv_leaves_out_what_may_not_be_published(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "register.csv"
    with qtbot.waitSignal(window.files.exchange_exported, timeout=30_000) as blocker:
        window.files.export_register(str(target))
    assert blocker.args == [True]
    text = target.read_text("utf-8-sig")
    assert text.startswith("ID;Navn;Type") and "Kontaktperson" not in text
    assert len(text.splitlines()) - 1 < window.actor_model.rowCount()


def test_a_failed_export_is_explained(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep")
    with qtbot.waitSignal(window.files.exchange_exported, timeout=30_000) as blocker:
        window.files.export_hsds(str(tmp_path))
    assert blocker.args == [False]
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and str(tmp_path) in boxes[0].text()
    for box in boxes:
        box.close()
    assert (tmp_path / "mine.txt").read_text() == "keep"


def test_export_ranking_from_the_match_area(
    qtbot: QtBot, tmp_path: Path, make_database: MakeDatabase
) -> None:
    database = open_database(make_database("demo"))
    LandscapeService(database).load_demo()
    view = MatchView(MatchingService(database), LandscapeService(database).vocabulary, "da")
    qtbot.addWidget(view)
    assert not view.export_button.isEnabled()
    view.set_problems([("aar-p-i-gang-mentorer", "I Gang: mentorer")])
    with qtbot.waitSignal(view.ranked, timeout=20_000) as ranked:
        view.rank()
    assert ranked.args[0] >= 1 and view.export_button.isEnabled()
    target = tmp_path / "rangering.xlsx"
    answer(QFileDialog, choose_file(target))
    view.export_button.click()
    # The ranking names an individual volunteer: asked first, unchecked by default.
    box = view.personal_data_box
    assert box is not None and box.isVisible()
    assert "2 individual volunteers (personal data)" in box.text()
    assert box.checkBox() is not None and not box.checkBox().isChecked()
    box.checkBox().setChecked(True)
    with qtbot.waitSignal(view.ranking_exported, timeout=20_000) as blocker:
        box.button(QMessageBox.StandardButton.Ok).click()
    assert blocker.args == [str(target)]
    book = load_workbook(target)
    assert book.properties.title == "I Gang: mentorer"
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Rang", "ID", "Aktør")
    assert [r[0] for r in rows[1:]] == list(range(1, ranked.args[0] + 1))
    assert [e["what"] for e in read_export_log(database)] == ["ranking"]
    # Left as it is, the box leaves the volunteer out and nothing is logged.
    plain = tmp_path / "uden.xlsx"
    answer(QFileDialog, choose_file(plain))
    view.export_button.click()
    box = view.personal_data_box
    assert box is not None
    with qtbot.waitSignal(view.ranking_exported, timeout=20_000):
        box.button(QMessageBox.StandardButton.Ok).click()
    kept = list(load_workbook(plain).active.iter_rows(values_only=True))
    assert len(kept) == len(rows) - 2
    assert [e["what"] for e in read_export_log(database)] == ["ranking"]
    database.close()
