"""The "Report…" dialog (Filer → Rapport…): the committee report of a municipality and period
as an offline HTML file, and a PDF to print, written in the background."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mapper.services.landscape import LandscapeService
from ui.error_text import describe_error
from ui.operations import run_in_background

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.report_pdf import PdfPrinter

FOLDER_KEY = "report/folder"
DEFAULT_FILE = "udvalgsrapport.html"
STEPS = 6
"""Collecting (4 steps), writing the HTML, printing the PDF."""


class ReportDialog(QDialog):
    """Choose municipality, period, language and file; write the report and offer to open it."""

    written = Signal(str, str)
    """(HTML path, PDF path or "") once everything asked for is written."""
    failed = Signal(str)
    """The reason, when the report could not be written."""

    def __init__(
        self,
        landscape: LandscapeService,
        municipalities: list[tuple[str, str]],
        lang: str = "da",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Committee report"))
        self.setObjectName("reportDialog")
        self._landscape = landscape
        self._printer: PdfPrinter | None = None
        self._html_path = ""

        self.municipality = QComboBox()
        self.municipality.setAccessibleName(self.tr("Municipality"))
        for code, name in municipalities:
            self.municipality.addItem(f"{name} ({code})", code)
        self.whole_period = QCheckBox(self.tr("The whole period"))
        self.whole_period.setChecked(True)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addYears(-1))
        self.date_to = QDateEdit(today)
        for edit, name in (
            (self.date_from, self.tr("From")),
            (self.date_to, self.tr("To")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        period = QHBoxLayout()
        period.addWidget(self.whole_period)
        period.addWidget(QLabel(self.tr("From")))
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("To")))
        period.addWidget(self.date_to)
        self.language = QComboBox()
        self.language.addItem("Dansk", "da")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "da" else 1)
        self.language.setAccessibleName(self.tr("Language of the report"))
        folder = Path(str(QSettings().value(FOLDER_KEY, "") or Path.home()))
        self.path_edit = QLineEdit(str(folder / DEFAULT_FILE))
        self.path_edit.setAccessibleName(self.tr("HTML file to write"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.with_pdf = QCheckBox(self.tr("Also a PDF for printing (beside the HTML file)"))

        form = QFormLayout()
        form.addRow(self.tr("Municipality"), self.municipality)
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("File"), path_row)
        form.addRow("", self.with_pdf)

        note = QLabel(
            self.tr(
                "The figures are as of today; the period chooses the partnerships listed. "
                "No individual volunteer and no contact person is named in the report."
            )
        )
        note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, STEPS)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.write_button = self.buttons.addButton(
            self.tr("Write report"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.write_button.setEnabled(self.municipality.count() > 0)
        self.open_button = self.buttons.addButton(
            self.tr("Open report"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_report)
        self.buttons.accepted.connect(self.write)
        self.buttons.rejected.connect(self.reject)
        if not municipalities:
            self.status.setText(self.tr("The register has no municipality to report on yet."))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.whole_period.toggled.connect(self._period_toggled)
        self._period_toggled(True)
        self.resize(560, 320)

    # ----------------------------------------------------------------- choices

    def _period_toggled(self, whole: bool) -> None:
        self.date_from.setEnabled(not whole)
        self.date_to.setEnabled(not whole)

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        if self.whole_period.isChecked():
            return None, None
        return _date(self.date_from.date()), _date(self.date_to.date())

    def pdf_path(self) -> str:
        return str(Path(self.path_edit.text().strip()).with_suffix(".pdf"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Committee report"), self.path_edit.text(), self.tr("Web pages (*.html)")
        )
        if path:
            self.path_edit.setText(path if path.endswith(".html") else f"{path}.html")

    # ----------------------------------------------------------------- writing

    def write(self) -> None:
        path = self.path_edit.text().strip()
        code = self.municipality.currentData()
        if not path or not code:
            return
        start, end = self.period()
        if start is not None and end is not None and end < start:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        lang = self.language.currentData()
        QSettings().setValue(FOLDER_KEY, str(Path(path).parent))
        self.write_button.setEnabled(False)
        self.open_button.setVisible(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Writing the report…"))
        landscape = self._landscape

        def work(progress: Any) -> str:
            from exports.report import collect_report, write_report

            data = collect_report(
                landscape, code, period_from=start, period_to=end, lang=lang, progress=progress
            )
            write_report(data, path, lang=lang)
            progress(STEPS - 1, STEPS)
            return path

        run_in_background(
            self,
            work,
            on_success=self._html_written,
            on_failure=lambda error, _details: self._failed(describe_error(error)),
            on_progress=lambda done, _total: self.progress.setValue(done),
        )

    def _html_written(self, path: str) -> None:
        self._html_path = path
        if not self.with_pdf.isChecked():
            self._finished("")
            return
        from ui.report_pdf import PdfError, PdfPrinter

        self.status.setText(self.tr("Printing the PDF…"))
        try:
            self._printer = PdfPrinter(self)
            self._printer.finished.connect(self._pdf_finished)
            self._printer.print_file(path, self.pdf_path())
        except PdfError as exc:
            self._failed(self.tr("The PDF could not be printed (%1).").replace("%1", str(exc)))

    def _pdf_finished(self, pdf: str, ok: bool, reason: str) -> None:
        # One page per print: a web page kept alive until exit outlives its profile.
        if self._printer is not None:
            self._printer.deleteLater()
            self._printer = None
        if ok:
            self._finished(pdf)
        else:
            self._failed(self.tr("The PDF could not be printed (%1).").replace("%1", reason))

    def _finished(self, pdf: str) -> None:
        self.progress.setValue(STEPS)
        text = self.tr("Written to %1").replace("%1", self._html_path)
        if pdf:
            text += "\n" + self.tr("PDF: %1").replace("%1", pdf)
        self.status.setText(text)
        self.write_button.setEnabled(True)
        self.open_button.setVisible(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.written.emit(self._html_path, pdf)

    def _failed(self, reason: str) -> None:
        self.progress.setVisible(False)
        self.status.setText(reason)
        self.write_button.setEnabled(True)
        self.failed.emit(reason)

    def open_report(self) -> None:
        if self._html_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._html_path))


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def open_report_dialog(window: MainWindow) -> ReportDialog:
    """The window's "Report…" command (not modal), on the municipality the register list is
    filtered to when there is one."""
    landscape = window.context.landscape
    dialog = ReportDialog(landscape, landscape.municipalities(), window.context.lang, window)
    chosen = window.municipality_filter.currentData()
    if chosen:
        dialog.municipality.setCurrentIndex(max(0, dialog.municipality.findData(chosen)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
