"""The dialogs of offline work: "Take offline…" (the server, the municipality and the new file
of the copy) and the sync conflicts (the records with fields changed on both sides; each is
decided field by field in the shared ``ConflictDialog``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.three_way import DELETED, Side
from mapper.domain.vocabulary import Vocabulary
from mapper.services.sync import Conflict
from ui.locale_format import format_number, substitute
from ui.models.row_table import SORT_ROLE, RowTableModel
from ui.text_pieces import field_title_of
from ui.widgets.conflict_dialog import MINE, ConflictDialog, ConflictRow

EMPTY_TEXT = "—"
ALL = ""
"""The municipality combo's data for the whole landscape."""


def default_copy_path(code: str | None) -> str:
    """landskab-offline-<code>.sqlite in the user's documents (the home folder when there is
    no documents folder)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    place = Path(folder) if folder and Path(folder).is_dir() else Path.home()
    return str(place / f"landskab-offline-{code or 'alle'}.sqlite")


# --------------------------------------------------------------------------- take offline


class TakeOfflineDialog(QDialog):
    """Asks where the copy comes from (a database URL), what it holds (one municipality or
    the whole landscape) and where it goes (a new file). OK only with all three valid."""

    def __init__(
        self,
        server_url: str,
        municipalities: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("takeOfflineDialog")
        self.setWindowTitle(self.tr("Take offline"))
        intro = QLabel(
            self.tr(
                "Copies the landscape from the shared server into a file on this computer. "
                "Work in the copy without a connection, and synchronise when you are online "
                "again."
            )
        )
        intro.setWordWrap(True)

        self.server_edit = QLineEdit(server_url)
        self.server_edit.setObjectName("serverEdit")
        self.server_edit.setPlaceholderText("postgresql+psycopg://bruger@vært/database")
        self.server_edit.setAccessibleName(self.tr("Server address"))
        self.municipality_combo = QComboBox()
        self.municipality_combo.setObjectName("municipalityCombo")
        self.municipality_combo.setAccessibleName(self.tr("Municipality"))
        for code, name in municipalities:
            self.municipality_combo.addItem(f"{name} ({code})", code)
        self.municipality_combo.addItem(self.tr("The whole landscape"), ALL)
        self.file_edit = QLineEdit(default_copy_path(self.municipality_code()))
        self.file_edit.setObjectName("fileEdit")
        self.file_edit.setAccessibleName(self.tr("File of the copy"))
        self._file_typed = False
        self.file_edit.textEdited.connect(self._typed)
        self.municipality_combo.currentIndexChanged.connect(self._municipality_changed)
        self.browse_button = QPushButton(self.tr("&Choose…"))
        self.browse_button.setObjectName("browseButton")
        self.browse_button.setAccessibleName(self.tr("Choose the file of the copy"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)

        form = QFormLayout()
        for text, widget, field in (
            (self.tr("&Server:"), self.server_edit, self.server_edit),
            (self.tr("&Municipality:"), self.municipality_combo, self.municipality_combo),
            (self.tr("&File:"), file_row, self.file_edit),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, widget)
        self.message_label = QLabel()
        self.message_label.setObjectName("takeOfflineMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()

        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        self.ok_button = self.buttons.button(standard.Ok)
        self.ok_button.setText(self.tr("&Take offline"))
        self.ok_button.setObjectName("takeOfflineButton")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        (self.server_edit if not server_url else self.municipality_combo).setFocus()
        self.resize(620, self.sizeHint().height())

    def server_url(self) -> str:
        return self.server_edit.text().strip()

    def municipality_code(self) -> str | None:
        return self.municipality_combo.currentData() or None

    def target(self) -> str:
        return self.file_edit.text().strip()

    def _typed(self, _text: str) -> None:
        self._file_typed = True

    def _municipality_changed(self, _index: int) -> None:
        if not self._file_typed:  # the default name follows the choice until one is typed
            self.file_edit.setText(default_copy_path(self.municipality_code()))

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("File of the copy"),
            self.target(),
            self.tr("Offline copies (*.sqlite)"),
        )
        if path:
            self.file_edit.setText(path)
            self._file_typed = True

    def problem(self) -> tuple[str, QWidget] | None:
        """What is missing or wrong, and the field to fix it in; None when OK may go on."""
        if not self.server_url():
            return self.tr("Give the server's address."), self.server_edit
        target = self.target()
        if not target:
            return self.tr("Give the file of the copy."), self.file_edit
        path = Path(target).expanduser()
        if path.exists():
            return (
                substitute(self.tr("%1 exists already: choose a new file for the copy."), path),
                self.file_edit,
            )
        if not path.parent.is_dir():
            return (
                substitute(self.tr("The folder %1 does not exist."), path.parent),
                self.file_edit,
            )
        return None

    def accept(self) -> None:
        found = self.problem()
        if found is None:
            super().accept()
            return
        text, field = found
        self.message_label.setText(text)
        self.message_label.show()
        field.setFocus()


# --------------------------------------------------------------------------- conflicts


@dataclass(frozen=True)
class ConflictRecord:
    """One record with open conflicts, named for the user."""

    record_type: str
    record_id: str
    name: str
    conflicts: tuple[Conflict, ...]

    @property
    def id(self) -> str:
        return f"{self.record_type}:{self.record_id}"


def record_type_text(record_type: str) -> str:
    texts = {
        "actor": QCoreApplication.translate("SyncConflictsDialog", "Actor"),
        "problem": QCoreApplication.translate("SyncConflictsDialog", "Problem statement"),
        "partnership": QCoreApplication.translate("SyncConflictsDialog", "Partnership"),
    }
    return texts.get(record_type, record_type)


class ConflictRecordTableModel(RowTableModel[ConflictRecord]):
    COL_TYPE, COL_NAME, COL_ID, COL_FIELDS = range(4)
    COLUMN_COUNT = 4

    def header(self, column: int) -> str:
        return (self.tr("Type"), self.tr("Name"), self.tr("Id"), self.tr("Fields"))[column]

    def display(self, row: ConflictRecord, column: int) -> str:
        if column == self.COL_TYPE:
            return record_type_text(row.record_type)
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_ID:
            return row.record_id
        return format_number(len(row.conflicts))

    def sort_value(self, row: ConflictRecord, column: int) -> Any:
        if column == self.COL_FIELDS:
            return len(row.conflicts)
        return super().sort_value(row, column)


FieldTitles = Mapping[str, Mapping[str, str]]
"""Record type → field path → the title its form gives it."""
FieldFacets = Mapping[str, Mapping[str, str]]
"""Record type → field path → the vocabulary facet of its codes."""


class ConflictTexts:
    """Field titles and values of sync conflicts as the user reads them: the form's titles,
    codes by their labels, lists joined with ', ', empty as '—'."""

    def __init__(
        self, vocabulary: Vocabulary, lang: str, titles: FieldTitles, facets: FieldFacets
    ) -> None:
        self._vocabulary, self._lang = vocabulary, lang
        self._titles, self._facets = titles, facets

    def title(self, record_type: str, field: str) -> str:
        if field == DELETED:
            return QCoreApplication.translate("SyncConflictsDialog", "Deleted/changed")
        return self._titles.get(record_type, {}).get(field) or field_title_of(field)

    def value(self, record_type: str, field: str, value: Any) -> str:
        if field == DELETED:
            if value is None:
                return EMPTY_TEXT
            if value == "deleted":
                return QCoreApplication.translate("SyncConflictsDialog", "deleted")
            if value == "changed":
                return QCoreApplication.translate("SyncConflictsDialog", "changed")
            return QCoreApplication.translate("SyncConflictsDialog", "in use (cannot be deleted)")
        return self._text(self._facets.get(record_type, {}).get(field), value)

    def _text(self, facet: str | None, value: Any) -> str:
        if value is None or value == "" or value == [] or value == {}:
            return EMPTY_TEXT
        if isinstance(value, bool):
            if value:
                return QCoreApplication.translate("SyncConflictsDialog", "Yes")
            return QCoreApplication.translate("SyncConflictsDialog", "No")
        if isinstance(value, int):
            return format_number(value)
        if isinstance(value, str):
            return self._label(facet, value) if facet else value
        if isinstance(value, list | tuple):
            return ", ".join(self._text(facet, v) for v in value)
        if isinstance(value, Mapping):  # e.g. a resource: its kind, then the rest
            kind = value.get("kind")
            parts = [self._label(facet, kind) if facet and isinstance(kind, str) else ""]
            parts += [self._text(None, v) for k, v in value.items() if k != "kind" and v]
            return " ".join(p for p in parts if p)
        return str(value)

    def _label(self, facet: str | None, code: str) -> str:
        try:
            return self._vocabulary.label(facet or "", code, self._lang)
        except KeyError:
            return code


class SyncConflictsDialog(QDialog):
    """The records with open sync conflicts. Opening one (Enter, double-click or "Open…")
    shows its fields side by side, this computer's value against the server's; the choices
    made there are emitted as ``decided`` (the window resolves them and syncs again)."""

    decided = Signal(object, object)
    """(ConflictRecord, {field path: 'local' or 'server'}) after a record's choices."""

    def __init__(
        self,
        records: Sequence[ConflictRecord],
        texts: ConflictTexts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.texts = texts
        self.record_dialog: ConflictDialog | None = None
        """The record's conflicts last opened (tests and screenshots reach it here)."""
        self.intro = QLabel()
        self.intro.setObjectName("syncConflictsIntro")
        self.intro.setWordWrap(True)
        self.model = ConflictRecordTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setObjectName("syncConflictsView")
        self.view.setAccessibleName(self.tr("Records with conflicts"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(ConflictRecordTableModel.COL_TYPE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(
            ConflictRecordTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        self.view.doubleClicked.connect(self._activated)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = self.buttons.addButton(
            self.tr("&Open…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setObjectName("openConflictButton")
        self.open_button.setAccessibleName(self.tr("Open the record's conflicts"))
        self.open_button.clicked.connect(self.open_current)
        # Enter in the list opens the current record (the view passes Return on to the
        # dialog's default button); Escape closes.
        self.open_button.setDefault(True)
        close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.set_records(records)
        self.resize(720, 380)

    def set_records(self, records: Sequence[ConflictRecord]) -> None:
        self.model.set_rows(records)
        if records:
            self.intro.setText(
                self.tr(
                    "These records were changed both on this computer and on the server, "
                    "in the same fields. Nothing was overwritten: open each and choose the "
                    "values to keep; both sides get them at the next synchronisation."
                )
            )
            self.view.selectRow(0)
            self.view.setFocus()
        else:
            self.intro.setText(self.tr("No conflicts are open."))
        self.open_button.setEnabled(bool(records))

    def records(self) -> list[ConflictRecord]:
        return self.model.rows()

    def _activated(self, index: QModelIndex) -> None:
        self.open_record(self.model.row_at(self.proxy.mapToSource(index).row()))

    def open_current(self) -> ConflictDialog | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.open_record(self.model.row_at(self.proxy.mapToSource(index).row()))

    def open_record(self, record: ConflictRecord) -> ConflictDialog:
        """The record's conflicting fields side by side (window-modal over this list)."""
        t = record.record_type
        rows = [
            ConflictRow(
                c.field,
                self.texts.title(t, c.field),
                self.texts.value(t, c.field, c.base),
                self.texts.value(t, c.field, c.local),
                self.texts.value(t, c.field, c.server),
                True,
            )
            for c in record.conflicts
        ]
        shown = record.name if record.name != record.record_id else record.record_id
        dialog = ConflictDialog(
            rows,
            title=substitute(self.tr("Sync conflict: %1 %2"), record_type_text(t).lower(), shown),
            intro=self.tr(
                "Both this computer and the server changed these fields since the last "
                "synchronisation. Choose the value to keep for each; it is written to both "
                "at once."
            ),
            mine_heading=self.tr("This computer"),
            theirs_heading=self.tr("Server"),
            all_mine_text=self.tr("Keep &all from this computer"),
            all_theirs_text=self.tr("Take all from the &server"),
            parent=self,
        )
        dialog.edit_button.setText(self.tr("Decide &later"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            choices: dict[str, Side] = {
                field: "local" if side == MINE else "server"
                for field, side in dialog.choices().items()
            }
            self.decided.emit(record, choices)

        dialog.accepted.connect(accepted)
        self.record_dialog = dialog
        dialog.open()
        return dialog
