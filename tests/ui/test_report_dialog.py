"""Filer → Rapport…: the committee report written from the window, in Danish, in the
background, with a PDF on request, and offered to be opened."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from tests.conftest import MakeDatabase, small_landscape
from tests.ui.danish import RecordingDanish, danish
from ui.app import build_main_window
from ui.report_dialog import ReportDialog

CONTEXTS = ("ReportDialog", "WindowActions")


@pytest.fixture
def in_danish(qapp: object) -> Iterator[RecordingDanish]:
    with danish(*CONTEXTS) as found:
        yield found
    assert found.missing == set()  # every string of ours has its Danish


@pytest.fixture
def landscape(make_database: MakeDatabase) -> Iterator[LandscapeService]:
    database = open_database(make_database("report-dialog"))
    service = LandscapeService(database)
    service.import_document(small_landscape())
    yield service
    database.close()


def make_dialog(qtbot: QtBot, landscape: LandscapeService, path: Path) -> ReportDialog:
    dialog = ReportDialog(landscape, landscape.municipalities())
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(path))
    return dialog


def test_writes_the_html_report_for_the_whole_period_and_offers_to_open_it(
    qtbot: QtBot,
    landscape: LandscapeService,
    tmp_path: Path,
    in_danish: RecordingDanish,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = make_dialog(qtbot, landscape, tmp_path / "rapport.html")
    assert dialog.windowTitle() == "Udvalgsrapport"
    assert dialog.municipality.currentText() == "Esbjerg (0561)"
    assert dialog.whole_period.text() == "Hele perioden" and dialog.whole_period.isChecked()
    assert not dialog.date_from.isEnabled() and dialog.period() == (None, None)
    assert dialog.write_button.text() == "Skriv rapport"

    with qtbot.waitSignal(dialog.written, timeout=30_000) as blocker:
        dialog.write_button.click()
    assert blocker.args == [str(tmp_path / "rapport.html"), ""]
    page = (tmp_path / "rapport.html").read_text("utf-8")
    assert "Esbjerg Kommune" in page and "hele perioden" in page
    assert dialog.status.text().startswith("Skrevet til ")
    assert dialog.progress.value() == dialog.progress.maximum()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert not dialog.open_button.isHidden() and dialog.open_button.text() == "Åbn rapport"
    dialog.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "rapport.html"))]


def test_a_period_in_english_with_a_pdf(
    qtbot: QtBot, landscape: LandscapeService, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, landscape, tmp_path / "report.html")
    dialog.whole_period.setChecked(False)
    dialog.date_from.setDate(QDate(2026, 3, 1))
    dialog.date_to.setDate(QDate(2026, 4, 30))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.with_pdf.setChecked(True)
    with qtbot.waitSignal(dialog.written, timeout=60_000) as blocker:
        dialog.write_button.click()
    assert blocker.args == [str(tmp_path / "report.html"), str(tmp_path / "report.pdf")]
    page = (tmp_path / "report.html").read_text("utf-8")
    assert "1 March 2026 – 30 April 2026" in page and "Brobygning til fællesskaber" in page
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_a_period_that_ends_before_it_starts_is_refused(
    qtbot: QtBot, landscape: LandscapeService, tmp_path: Path, in_danish: RecordingDanish
) -> None:
    dialog = make_dialog(qtbot, landscape, tmp_path / "rapport.html")
    dialog.whole_period.setChecked(False)
    dialog.date_from.setDate(QDate(2026, 5, 1))
    dialog.date_to.setDate(QDate(2026, 4, 1))
    with qtbot.assertNotEmitted(dialog.written, wait=200):
        dialog.write_button.click()
    assert dialog.status.text() == "Perioden slutter, før den begynder."
    assert not (tmp_path / "rapport.html").exists()


def test_a_file_in_a_missing_folder_says_so_and_can_be_retried(
    qtbot: QtBot, landscape: LandscapeService, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, landscape, tmp_path / "mangler" / "rapport.html")
    with qtbot.waitSignal(dialog.failed, timeout=30_000) as blocker:
        dialog.write_button.click()
    assert blocker.args[0] == dialog.status.text() != ""
    assert dialog.write_button.isEnabled() and dialog.open_button.isHidden()


def test_the_file_menu_opens_the_dialog_on_the_chosen_municipality(
    qtbot: QtBot, tmp_path: Path, in_danish: RecordingDanish
) -> None:
    window = build_main_window(str(tmp_path / "demo.sqlite"), demo_if_empty=True)
    qtbot.addWidget(window)
    action = window.commands.report_action
    assert action.text() == "&Rapport…"
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()  # type: ignore[union-attr]
    box = window.municipality_filter
    qtbot.waitUntil(lambda: box.findData("0751") >= 0, timeout=10_000)
    box.setCurrentIndex(box.findData("0751"))
    action.trigger()
    dialog = window.findChild(ReportDialog)
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    assert dialog.municipality.currentData() == "0751"
    codes = [dialog.municipality.itemData(i) for i in range(dialog.municipality.count())]
    assert codes == ["0169", "0265", "0400", "0461", "0561", "0751"]
    dialog.close()
