"""The register import wizard: a CSV or Excel list of associations into the landscape.

Four steps, each undoable until the last: the file (format detected, overridable, first rows
shown), the columns (the mapping saved for this source or the suggested one, field by field),
the check (every row accounted for: new, updated, unchanged, merged, rejected with line,
column and reason; values kept for review; possible duplicates) and the import itself, in one
transaction that Cancel rolls back. The wizard only drives ``RegisterImportService``; the CLI's
``mapper import FILE.csv`` does the same.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mapper.domain.errors import Cancelled, ConflictError, MapperError
from mapper.io.columns import column_config
from mapper.services.register_import import (
    ImportOptions,
    ImportPlan,
    ImportSummary,
    SourcePreview,
    write_rejected_rows,
)
from ui.context import AppContext
from ui.error_text import describe_error, describe_problem
from ui.operations import run_in_background
from ui.tabs.common import scaled_width
from ui.text_pieces import field_title_of, review_reason

SAMPLE_VALUES = 3
"""Example values shown beside each column on the mapping page."""

translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate's marker
    return text


def _tr(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP, translated at run time."""
    return translate("ImportWizard", text)


ENCODINGS = (
    (None, QT_TRANSLATE_NOOP("ImportWizard", "Detect automatically")),
    ("utf-8", QT_TRANSLATE_NOOP("ImportWizard", "UTF-8")),
    ("utf-8-sig", QT_TRANSLATE_NOOP("ImportWizard", "UTF-8 with BOM")),
    ("cp1252", QT_TRANSLATE_NOOP("ImportWizard", "Windows-1252 (Danish Excel)")),
    ("latin-1", QT_TRANSLATE_NOOP("ImportWizard", "Latin-1 (ISO 8859-1)")),
)
DELIMITERS = (
    (None, QT_TRANSLATE_NOOP("ImportWizard", "Detect automatically")),
    (";", QT_TRANSLATE_NOOP("ImportWizard", "Semicolon ;")),
    (",", QT_TRANSLATE_NOOP("ImportWizard", "Comma ,")),
    ("\t", QT_TRANSLATE_NOOP("ImportWizard", "Tab")),
    ("|", QT_TRANSLATE_NOOP("ImportWizard", "Vertical bar |")),
)


def _sub(text: str, *values: object) -> str:
    for i, value in enumerate(values, start=1):
        text = text.replace(f"%{i}", str(value))
    return text


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#a4262c"))
    label.setPalette(palette)
    label.hide()
    return label


def _read_only_table(headers: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[object]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setToolTip(item.text())
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


# --------------------------------------------------------------------------- the file


class SourcePage(QWizardPage):
    """Which file, how it is read, and its first rows."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._loading = True  # no reload while the widgets are built or filled
        self.preview: SourcePreview | None = None
        self.setTitle(translate("ImportWizard", "Choose the list"))
        self.setSubTitle(
            translate(
                "ImportWizard",
                "A CSV file or an Excel workbook from a booking or grants system or a volunteer "
                "centre's spreadsheet. The format is detected; change it here if the preview "
                "looks wrong.",
            )
        )
        self.path = QLineEdit()
        self.path.setObjectName("pathEdit")
        self.path.setPlaceholderText(translate("ImportWizard", "Path of a .csv or .xlsx file"))
        self.path.editingFinished.connect(self.reload)
        browse = QPushButton(translate("ImportWizard", "&Browse…"))
        browse.setObjectName("browseButton")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)

        self.encoding = self._combo("encodingCombo", ENCODINGS)
        self.delimiter = self._combo("delimiterCombo", DELIMITERS)
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheetCombo")
        self.sheet.currentIndexChanged.connect(self._changed)
        self.header_line = QSpinBox()
        self.header_line.setObjectName("headerLineSpin")
        self.header_line.setRange(0, 1000)
        self.header_line.setSpecialValueText(translate("ImportWizard", "Find automatically"))
        self.header_line.valueChanged.connect(self._changed)

        form = QFormLayout()
        file_label = QLabel(translate("ImportWizard", "&File:"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        form.addRow(translate("ImportWizard", "&Encoding:"), self.encoding)
        form.addRow(translate("ImportWizard", "&Delimiter:"), self.delimiter)
        form.addRow(translate("ImportWizard", "&Worksheet:"), self.sheet)
        form.addRow(translate("ImportWizard", "&Header line:"), self.header_line)
        self.info = QLabel()
        self.info.setObjectName("formatLabel")
        self.info.setWordWrap(True)
        self.error = _error_label()
        self.table = _read_only_table([], "previewTable")
        self.table.setAccessibleName(translate("ImportWizard", "First rows of the list"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self._loading = False

    def _combo(self, name: str, choices: Sequence[tuple[str | None, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for value, label in choices:
            combo.addItem(_tr(label), value)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("ImportWizard", "Import a register"),
            self.path.text(),
            translate("ImportWizard", "Registers (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if path:
            self.path.setText(path)
            self.reload()

    def _changed(self) -> None:
        if not self._loading:
            self.reload(keep_format=True)

    def reload(self, keep_format: bool = False) -> None:
        """Open the file again with the chosen format (detected where left automatic)."""
        text = self.path.text().strip()
        self.preview = None
        self.error.hide()
        if not text:
            self._show(None)
            return
        sheet = self.sheet.currentText() if keep_format and self.sheet.count() else None
        try:
            self.preview = self._wizard.service.preview(
                text,
                sheet=sheet or None,
                encoding=self.encoding.currentData(),
                delimiter=self.delimiter.currentData(),
                header_line=self.header_line.value() or None,
            )
        except (MapperError, OSError) as error:
            self.error.setText(describe_error(error))
            self.error.show()
        self._show(self.preview)

    def _show(self, preview: SourcePreview | None) -> None:
        self._loading = True
        try:
            self.sheet.clear()
            if preview is not None and preview.info.sheets:
                self.sheet.addItems(list(preview.info.sheets))
                self.sheet.setCurrentText(preview.info.sheet or "")
            self.sheet.setEnabled(self.sheet.count() > 1)
            csv = preview is not None and preview.info.format == "csv"
            self.encoding.setEnabled(csv)
            self.delimiter.setEnabled(csv)
        finally:
            self._loading = False
        if preview is None:
            self.info.clear()
            self.table.setColumnCount(0)
            self.table.setRowCount(0)
        else:
            self.info.setText(self._describe(preview))
            self.table.setColumnCount(len(preview.info.headers))
            self.table.setHorizontalHeaderLabels(list(preview.info.headers))
            _fill(self.table, [row.cells for row in preview.sample])
        self.completeChanged.emit()

    @staticmethod
    def _describe(preview: SourcePreview) -> str:
        info = preview.info
        if info.format == "xlsx":
            text = _sub(
                translate(
                    "ImportWizard", "Excel workbook · worksheet %1 · header in row %2 · %3 columns"
                ),
                info.sheet or "",
                info.header_line,
                len(info.headers),
            )
        else:
            encoding = dict((v, _tr(label)) for v, label in ENCODINGS).get(
                info.encoding, info.encoding or "?"
            )
            delimiter = dict((v, _tr(label)) for v, label in DELIMITERS).get(
                info.delimiter, info.delimiter or "?"
            )
            text = _sub(
                translate("ImportWizard", "CSV file · %1 · %2 · header in line %3 · %4 columns"),
                encoding,
                delimiter.lower(),
                info.header_line,
                len(info.headers),
            )
        if info.size_hint:
            text += " · " + _sub(translate("ImportWizard", "about %1 rows"), info.size_hint)
        return text

    def isComplete(self) -> bool:
        return self.preview is not None


# --------------------------------------------------------------------------- the columns


class MappingPage(QWizardPage):
    """Which field each column fills (saved per source for the next import)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Match the columns"))
        self.table = _read_only_table(
            [
                translate("ImportWizard", "Column in the file"),
                translate("ImportWizard", "Examples"),
                translate("ImportWizard", "Field"),
            ],
            "mappingTable",
        )
        self.table.setAccessibleName(translate("ImportWizard", "Columns and fields"))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.kind = QComboBox()
        self.kind.setObjectName("defaultKindCombo")
        self.merge = QCheckBox(
            translate(
                "ImportWizard", "&Merge sure duplicates (within the list and with the register)"
            )
        )
        self.merge.setObjectName("mergeCheck")
        self.merge.setChecked(True)
        self.hint = _error_label()
        form = QFormLayout()
        form.addRow(translate("ImportWizard", "&Kind of rows without one:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.merge)
        layout.addWidget(self.hint)
        self._combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        preview = self._wizard.source.preview
        assert preview is not None
        lang = self._wizard.context.lang
        self.setSubTitle(
            translate(
                "ImportWizard", "The columns are matched as at the last import from this source."
            )
            if preview.saved
            else translate(
                "ImportWizard",
                "The columns are matched by their names. Check each one; the choice is "
                "remembered for the next list from the same source.",
            )
        )
        fields = column_config().fields
        headers = preview.info.headers
        self.table.setRowCount(len(headers))
        self._combos = {}
        for r, header in enumerate(headers):
            samples = [row.cells[r] for row in preview.sample if r < len(row.cells)]
            shown = [s for s in samples if s][:SAMPLE_VALUES]
            self.table.setItem(r, 0, QTableWidgetItem(header))
            self.table.setItem(r, 1, QTableWidgetItem(" · ".join(shown)))
            combo = QComboBox()
            combo.setObjectName(f"fieldCombo{r}")
            combo.setAccessibleName(_sub(translate("ImportWizard", "Field for column %1"), header))
            combo.addItem(translate("ImportWizard", "— not imported —"), None)
            for name, column in fields.items():
                combo.addItem(column.label(lang), name)
            chosen = preview.mapping.get(header)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.currentIndexChanged.connect(self._check)
            self.table.setCellWidget(r, 2, combo)
            self._combos[header] = combo
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, scaled_width(self.table, 220))
        self.kind.clear()
        self.kind.addItem(translate("ImportWizard", "Reject the row"), None)
        vocabulary = self._wizard.context.vocabulary
        for term in vocabulary.terms("actor_kinds"):
            self.kind.addItem(term.label(lang), term.code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(preview.default_kind)))
        self._check()

    def mapping(self) -> dict[str, str | None]:
        return {header: combo.currentData() for header, combo in self._combos.items()}

    def options(self) -> ImportOptions:
        return ImportOptions(
            default_kind=self.kind.currentData(), merge_duplicates=self.merge.isChecked()
        )

    def _check(self) -> None:
        chosen = [f for f in self.mapping().values() if f]
        repeated = sorted(
            {f for f in chosen if chosen.count(f) > 1 and not column_config().fields[f].list}
        )
        problems = []
        if "name" not in chosen:
            problems.append(translate("ImportWizard", "Choose the column that holds the name."))
        if repeated:
            labels = [column_config().fields[f].label(self._wizard.context.lang) for f in repeated]
            problems.append(
                _sub(
                    translate("ImportWizard", "Each of these fields can take one column only: %1."),
                    ", ".join(labels),
                )
            )
        self.hint.setText(" ".join(problems))
        self.hint.setVisible(bool(problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.hint.text()


# --------------------------------------------------------------------------- the check


class CheckPage(QWizardPage):
    """Every row read and what will happen to it; nothing is stored yet."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.plan: ImportPlan | None = None
        self._stop: threading.Event | None = None
        self.setTitle(translate("ImportWizard", "Check before importing"))
        self.setSubTitle(translate("ImportWizard", "Nothing has been stored yet."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("ImportWizard", "&Import"))
        self.progress = QProgressBar()
        self.progress.setObjectName("planProgress")
        self.summary = QLabel()
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        self.error = _error_label()
        self.rejected = _read_only_table(
            [
                translate("ImportWizard", "Line"),
                translate("ImportWizard", "Column"),
                translate("ImportWizard", "Value"),
                translate("ImportWizard", "Reason"),
            ],
            "rejectedTable",
        )
        self.unmapped = _read_only_table(
            [
                translate("ImportWizard", "Field"),
                translate("ImportWizard", "Value"),
                translate("ImportWizard", "Why"),
                translate("ImportWizard", "Lines"),
            ],
            "unmappedTable",
        )
        self.pairs = _read_only_table(
            [
                translate("ImportWizard", "Actor"),
                translate("ImportWizard", "May be the same as"),
                translate("ImportWizard", "Score"),
                translate("ImportWizard", "Evidence"),
            ],
            "pairsTable",
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("checkTabs")
        self.tabs.setAccessibleName(translate("ImportWizard", "Check results"))
        self.rejected.setAccessibleName(translate("ImportWizard", "Rejected rows"))
        self.unmapped.setAccessibleName(translate("ImportWizard", "Values without a field"))
        self.pairs.setAccessibleName(translate("ImportWizard", "Possible duplicates"))
        rejected_tab = QWidget()
        rejected_layout = QVBoxLayout(rejected_tab)
        rejected_layout.addWidget(self.rejected, 1)
        self.save_rejected = QPushButton(translate("ImportWizard", "&Save rejected rows as CSV…"))
        self.save_rejected.setObjectName("saveRejectedButton")
        self.save_rejected.clicked.connect(self._save_rejected)
        rejected_layout.addWidget(self.save_rejected, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(rejected_tab, "")
        self.tabs.addTab(self.unmapped, "")
        self.tabs.addTab(self.pairs, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

    def initializePage(self) -> None:
        self.plan = None
        self.error.hide()
        self.summary.setText(translate("ImportWizard", "Reading every row…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.tabs.setEnabled(False)
        preview = self._wizard.source.preview
        assert preview is not None
        info = preview.info
        mapping = self._wizard.columns.mapping()
        options = self._wizard.columns.options()
        service = self._wizard.service
        stop = threading.Event()
        self._stop = stop

        def work(report: Callable[[int, int], None]) -> ImportPlan:
            def step(done: int, total: int) -> None:
                if stop.is_set():
                    raise Cancelled()
                report(done, total)

            return service.plan(
                info.path,
                mapping,
                options=options,
                progress=step,
                sheet=info.sheet,
                encoding=info.encoding,
                delimiter=info.delimiter,
                header_line=info.header_line,
            )

        def done(plan: ImportPlan) -> None:
            if stop is self._stop:
                self._show(plan)

        def failed(error: BaseException, _details: str) -> None:
            if stop is self._stop and not isinstance(error, Cancelled):
                self.progress.hide()
                self.summary.clear()
                self.error.setText(describe_error(error))
                self.error.show()

        def advanced(done: int, total: int) -> None:
            if stop is self._stop and total > 0:
                self.progress.setRange(0, total)
                self.progress.setValue(min(done, total))

        run_in_background(self, work, on_success=done, on_failure=failed, on_progress=advanced)

    def cleanupPage(self) -> None:  # Back
        self.stop()
        super().cleanupPage()

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None

    def _show(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.progress.hide()
        summary = plan.summary()
        self.summary.setText(
            _sub(
                translate(
                    "ImportWizard",
                    "%1 rows read: %2 new actors, %3 to update, %4 unchanged, %5 rows merged "
                    "into others, %6 rejected.",
                ),
                summary.read,
                summary.created,
                summary.updated,
                summary.unchanged,
                summary.merged,
                summary.rejected,
            )
        )
        _fill(
            self.rejected,
            [
                (
                    r.line,
                    r.column or "",
                    r.value if r.value is not None else "",
                    describe_problem(r.problem()),
                )
                for r in plan.rejected
            ],
        )
        _fill(
            self.unmapped,
            [
                (
                    field_title_of(u.field),
                    u.value,
                    review_reason(u.reason),
                    ", ".join(str(n) for n in u.lines),
                )
                for u in plan.unmapped
            ],
        )
        _fill(
            self.pairs,
            [
                (p.first_id, p.second_id, f"{p.score:.0f}", _evidence(p.evidence))
                for p in plan.review_pairs
            ],
        )
        self.tabs.setTabText(
            0, _sub(translate("ImportWizard", "Rejected rows (%1)"), len(plan.rejected))
        )
        self.tabs.setTabText(
            1, _sub(translate("ImportWizard", "Kept for review (%1)"), len(plan.unmapped))
        )
        self.tabs.setTabText(
            2, _sub(translate("ImportWizard", "Possible duplicates (%1)"), len(plan.review_pairs))
        )
        self.save_rejected.setEnabled(bool(plan.rejected))
        self.tabs.setEnabled(True)
        if plan.rejected:
            self.tabs.setCurrentIndex(0)
        elif plan.unmapped:
            self.tabs.setCurrentIndex(1)
        self.completeChanged.emit()

    def _save_rejected(self) -> None:
        plan = self.plan
        if plan is None:
            return
        stem = Path(plan.info.path).stem
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("ImportWizard", "Save rejected rows"),
            str(Path(plan.info.path).with_name(f"{stem}-afviste.csv")),
            translate("ImportWizard", "CSV files (*.csv)"),
        )
        if path:
            self.save_rejected_to(path)

    def save_rejected_to(self, path: str) -> None:
        plan = self.plan
        assert plan is not None
        try:
            count = write_rejected_rows(plan, plan.info.headers, path)
        except (MapperError, OSError) as error:
            self.error.setText(describe_error(error))
            self.error.show()
            return
        self.summary.setText(
            self.summary.text()
            + " "
            + _sub(translate("ImportWizard", "%1 rejected rows saved in %2."), count, path)
        )

    def isComplete(self) -> bool:
        return self.plan is not None


def _evidence(evidence: Sequence[Any]) -> str:
    return "; ".join(f"{'✓' if e.agrees else '✗'} {e.detail}" for e in evidence)


# --------------------------------------------------------------------------- the import


class RunPage(QWizardPage):
    """The import itself, in one transaction; Cancel rolls it back."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.summary: ImportSummary | None = None
        self.failed = False
        self._stop: threading.Event | None = None
        self.setTitle(translate("ImportWizard", "Importing"))
        self.setSubTitle(
            translate("ImportWizard", "In one go: Cancel leaves the register as it was.")
        )
        self.progress = QProgressBar()
        self.progress.setObjectName("runProgress")
        self.result = QLabel()
        self.result.setObjectName("runResult")
        self.result.setWordWrap(True)
        self.error = _error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        plan = self._wizard.check.plan
        assert plan is not None
        self.summary = None
        self.failed = False
        self.error.hide()
        self.result.setText(translate("ImportWizard", "Storing the actors…"))
        self.progress.setRange(0, 3)
        self.progress.setValue(0)
        service = self._wizard.service
        stop = threading.Event()
        self._stop = stop

        def work(report: Callable[[int, int], None]) -> ImportSummary:
            def step(done: int, total: int) -> None:
                if stop.is_set():
                    raise Cancelled()
                report(done, total)

            return service.run(plan, progress=step)

        def advanced(done: int, total: int) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

        run_in_background(
            self, work, on_success=self._done, on_failure=self._failed, on_progress=advanced
        )

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()

    def _done(self, summary: ImportSummary) -> None:
        self._stop = None
        self.summary = summary
        self.progress.setValue(self.progress.maximum())
        self.setTitle(translate("ImportWizard", "Imported"))
        self.result.setText(
            _sub(
                translate(
                    "ImportWizard",
                    "%1 rows read: %2 new actors, %3 updated, %4 unchanged, %5 rows merged, "
                    "%6 rejected.",
                ),
                summary.read,
                summary.created,
                summary.updated,
                summary.unchanged,
                summary.merged,
                summary.rejected,
            )
            + (
                " "
                + _sub(
                    translate("ImportWizard", "%1 values are kept on the actors for review."),
                    len(summary.unmapped),
                )
                if summary.unmapped
                else ""
            )
            + (
                " "
                + _sub(
                    translate(
                        "ImportWizard",
                        "For %1 actors their own words suggest target groups or resources: "
                        "the editor offers them (filter 'Incomplete profile').",
                    ),
                    len(summary.suggested_ids),
                )
                if summary.suggested_ids
                else ""
            )
        )
        self._wizard.button(QWizard.WizardButton.CancelButton).hide()
        self.completeChanged.emit()
        self._wizard.imported.emit(summary)

    def _failed(self, error: BaseException, _details: str) -> None:
        self._stop = None
        self.failed = True
        self.progress.hide()
        self.setTitle(translate("ImportWizard", "Not imported"))
        if isinstance(error, Cancelled):
            self.result.setText(
                translate("ImportWizard", "The import was cancelled; nothing was changed.")
            )
        else:
            if isinstance(error, ConflictError):
                self.result.setText(
                    translate(
                        "ImportWizard",
                        "Someone changed the register meanwhile. Go back and check again.",
                    )
                )
            self.error.setText(
                describe_error(error) + " " + translate("ImportWizard", "Nothing was changed.")
            )
            self.error.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.summary is not None or self.failed


# --------------------------------------------------------------------------- the wizard


class ImportWizard(QWizard):
    """File → columns → check → import. ``imported`` carries the stored summary."""

    imported = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None, path: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.context = context
        self.service = context.register_import
        self.setWindowTitle(translate("ImportWizard", "Import a register (CSV or Excel)"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.source = SourcePage(self)
        self.columns = MappingPage(self)
        self.check = CheckPage(self)
        self.run_page = RunPage(self)
        for page in (self.source, self.columns, self.check, self.run_page):
            self.addPage(page)
        self.resize(900, 640)
        if path:
            self.source.path.setText(path)
            self.source.reload()

    def reject(self) -> None:
        """Cancel: stop the check, or roll the import back (it ends as 'cancelled')."""
        self.check.stop()
        if self.currentPage() is self.run_page and not self.run_page.isComplete():
            self.run_page.stop()
            return  # the page reports the rollback; Finish then closes
        super().reject()
