"""The register import wizard with real widgets, a real SQLite file and real CSV/XLSX files:
file → columns → check → import, the saved mapping, rejected rows, Back, Cancel and bad files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QComboBox, QWizard
from pytestqt.qtbot import QtBot

from mapper.persistence.database import Database, open_database
from tests.conftest import MakeDatabase
from ui.app import build_context
from ui.context import AppContext
from ui.import_wizard import ImportWizard

ROWS = [
    ["Foreningsnavn", "Type", "Adresse", "Postnr.", "By", "E-mail", "Målgrupper"],
    ["Gjesing IF", "Idrætsforening", "Gjesingvej 1", "6700", "Esbjerg", "info@gjesing.dk", "Børn"],
    ["Kvaglund Lektiecafé", "forening", "Kvaglundvej 5", "6705", "Esbjerg Ø", "", "Unge"],
    ["Strandens Venner", "forening", "", "6710", "Esbjerg V", "", "Sårbare fiskere"],
    ["", "forening", "", "6700", "", "", ""],  # no name: rejected
]


def _csv_cp1252(path: Path) -> Path:
    with path.open("w", encoding="cp1252", newline="") as fh:
        fh.write("Foreningsliste fra Conventus, udtrukket 1.12.2026\r\n\r\n")
        csv.writer(fh, delimiter=";").writerows(ROWS)
    return path


def _xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Foreninger"
    sheet.append(["Foreningsliste"])
    for row in ROWS:
        sheet.append([int(v) if v.isdigit() else v for v in row])
    book.save(path)
    return path


@pytest.fixture
def database(make_database: MakeDatabase) -> Database:
    db = open_database(make_database("w"))
    return db


@pytest.fixture
def context(database: Database) -> AppContext:
    return build_context(database)


def _wizard(qtbot: QtBot, context: AppContext, path: Path) -> ImportWizard:
    wizard = ImportWizard(context, path=str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _next(qtbot: QtBot, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    if wizard.currentPage() is wizard.check:
        button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled(), f"{type(wizard.currentPage()).__name__}: next is disabled"
    button.click()


def _to_checked(qtbot: QtBot, wizard: ImportWizard) -> None:
    _next(qtbot, wizard)  # → columns
    _next(qtbot, wizard)  # → check
    qtbot.waitUntil(lambda: wizard.check.plan is not None, timeout=20_000)


def _import(qtbot: QtBot, wizard: ImportWizard) -> None:
    _to_checked(qtbot, wizard)
    with qtbot.waitSignal(wizard.imported, timeout=20_000):
        _next(qtbot, wizard)  # Import: the run page


def test_a_danish_excel_csv_is_read_mapped_checked_and_imported(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, context, _csv_cp1252(tmp_path / "conventus.csv"))
    source = wizard.source
    assert source.preview is not None
    assert source.preview.info.encoding == "cp1252"
    assert source.preview.info.delimiter == ";"
    assert source.preview.info.header_line == 3  # below the title line and a blank line
    assert "Windows-1252" in source.info.text()
    assert source.table.rowCount() == 4
    assert source.table.item(1, 0).text() == "Kvaglund Lektiecafé"

    _next(qtbot, wizard)
    mapping = wizard.columns.mapping()
    assert mapping["Foreningsnavn"] == "name"
    assert mapping["Postnr."] == "postcode"
    assert mapping["E-mail"] == "email"
    assert wizard.columns.isComplete()

    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.check.plan is not None, timeout=20_000)
    check = wizard.check
    assert "4 rows read: 3 new actors" in check.summary.text()
    assert "1 rejected" in check.summary.text()
    assert check.rejected.rowCount() == 1
    assert check.rejected.item(0, 0).text() == "7"  # the file's own line number
    # "Sårbare fiskere" is no target group: kept for review, never dropped.
    kept = [check.unmapped.item(r, 1).text() for r in range(check.unmapped.rowCount())]
    assert "Sårbare fiskere" in kept
    assert context.landscape.counts().actors == 0, "the check stored something"

    with qtbot.waitSignal(wizard.imported, timeout=20_000) as imported:
        _next(qtbot, wizard)
    summary = imported.args[0]
    assert (summary.created, summary.rejected, summary.read) == (3, 1, 4)
    assert summary.accounted
    assert "3 new actors" in wizard.run_page.result.text()
    # Whichever actors' words suggest codes, the wizard says how many (and only then).
    said = f"For {len(summary.suggested_ids)} actors" in wizard.run_page.result.text()
    assert said == bool(summary.suggested_ids)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert context.landscape.counts().actors == 3
    exported = {a["name"] for a in context.landscape.export_document()["actors"]}
    assert exported == {"Gjesing IF", "Kvaglund Lektiecafé", "Strandens Venner"}


def test_the_same_list_as_xlsx_after_the_csv_adds_nothing_and_reuses_the_mapping(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    first = _wizard(qtbot, context, _csv_cp1252(tmp_path / "liste.csv"))
    # A choice of one's own: the e-mail column left out; remembered for the source.
    _next(qtbot, first)
    combo = first.columns.table.cellWidget(5, 2)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(0)
    _next(qtbot, first)
    qtbot.waitUntil(lambda: first.check.plan is not None, timeout=20_000)
    with qtbot.waitSignal(first.imported, timeout=20_000):
        _next(qtbot, first)
    first.close()
    assert context.landscape.counts().actors == 3

    again = _wizard(qtbot, context, _xlsx(tmp_path / "liste.xlsx"))
    assert again.source.preview is not None
    assert again.source.preview.saved
    _next(qtbot, again)
    assert "last import from this source" in again.columns.subTitle()
    assert again.columns.mapping()["E-mail"] is None
    _next(qtbot, again)
    qtbot.waitUntil(lambda: again.check.plan is not None, timeout=20_000)
    summary = again.check.plan.summary() if again.check.plan else None
    assert summary is not None and summary.created == 0
    with qtbot.waitSignal(again.imported, timeout=20_000) as imported:
        _next(qtbot, again)
    assert imported.args[0].created == 0
    assert context.landscape.counts().actors == 3


def test_rejected_rows_are_saved_as_csv_with_line_and_reason(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, context, _csv_cp1252(tmp_path / "liste.csv"))
    _to_checked(qtbot, wizard)
    target = tmp_path / "afviste.csv"
    wizard.check.save_rejected_to(str(target))
    text = target.read_text(encoding="utf-8-sig")
    assert "7" in text.splitlines()[1]
    assert "afviste.csv" in wizard.check.summary.text()


def test_without_a_name_column_the_wizard_does_not_go_on(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, context, _csv_cp1252(tmp_path / "liste.csv"))
    _next(qtbot, wizard)
    combo = wizard.columns.table.cellWidget(0, 2)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(0)  # the name column: not imported
    assert not wizard.columns.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.columns.hint.isVisible()
    combo.setCurrentIndex(combo.findData("name"))
    assert wizard.columns.isComplete()


def test_a_utf16_file_is_named_and_cannot_be_imported(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "unicode.csv"
    path.write_text("Navn;Postnr.\r\nGjesing IF;6700\r\n", encoding="utf-16")
    wizard = _wizard(qtbot, context, path)
    assert wizard.source.preview is None
    assert wizard.source.error.isVisible()
    assert "unicode.csv" in wizard.source.error.text() or "UTF-16" in wizard.source.error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_changing_the_delimiter_rereads_the_file(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, context, _csv_cp1252(tmp_path / "liste.csv"))
    assert wizard.source.table.columnCount() == 7
    combo = wizard.source.delimiter
    combo.setCurrentIndex(combo.findData(","))
    assert wizard.source.preview is None or wizard.source.table.columnCount() != 7
    combo.setCurrentIndex(combo.findData(None))
    assert wizard.source.table.columnCount() == 7


def test_back_from_the_check_and_a_new_choice_checks_again(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, context, _csv_cp1252(tmp_path / "liste.csv"))
    _to_checked(qtbot, wizard)
    wizard.back()
    kind = wizard.columns.kind
    kind.setCurrentIndex(kind.findData(None))  # rows without a kind are rejected now
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.check.plan is not None, timeout=20_000)
    assert wizard.check.plan is not None
    assert wizard.check.plan.options.default_kind is None


def test_cancel_on_the_check_page_stores_nothing(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, context, _csv_cp1252(tmp_path / "liste.csv"))
    _to_checked(qtbot, wizard)
    wizard.reject()
    assert not wizard.isVisible()
    assert context.landscape.counts().actors == 0


def test_the_file_menu_opens_the_wizard_and_the_register_shows_the_import(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.commands.import_register_action in file_menu.actions()
    assert window.commands.import_register_action.shortcut().toString() == "Ctrl+Shift+I"
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    wizard = window.files.ask_import_register(str(_csv_cp1252(tmp_path / "liste.csv")))
    try:
        assert wizard.isVisible() and wizard.parent() is window
        _import(qtbot, wizard)
        qtbot.waitUntil(lambda: window.actor_model.rowCount() == 3, timeout=10_000)
        assert any("3 new and 0 updated actors" in m for m in messages), messages
    finally:
        wizard.close()
