"""The "Possible duplicates…" list: candidate pairs of the register, best first; Enter opens the
merge view of a pair, and what a merge changed is announced for the window to refresh."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.changes import Changes
from mapper.domain.dedupe import DuplicatePair
from mapper.domain.errors import MapperError
from mapper.domain.vocabulary import Vocabulary
from mapper.services.merge import MergeResult, MergeService
from ui.error_text import describe_error
from ui.locale_format import format_number, substitute
from ui.merge_dialog import MergeDialog, evidence_text
from ui.models.row_table import SORT_ROLE, RowTableModel
from ui.operations import run_in_background
from ui.tabs.common import scaled_width

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass(frozen=True)
class PairRow:
    """One candidate pair with the actors' names."""

    pair: DuplicatePair
    first_name: str
    second_name: str

    @property
    def id(self) -> str:
        return f"{self.pair.first_id}\n{self.pair.second_id}"


class DuplicatePairTableModel(RowTableModel[PairRow]):
    COL_SCORE, COL_DECISION, COL_FIRST, COL_SECOND, COL_EVIDENCE = range(5)
    COLUMN_COUNT = 5

    def header(self, column: int) -> str:
        return (
            self.tr("Score"),
            self.tr("Proposal"),
            self.tr("Actor"),
            self.tr("Maybe the same as"),
            self.tr("Why"),
        )[column]

    def display(self, row: PairRow, column: int) -> str:
        pair = row.pair
        if column == self.COL_SCORE:
            return format_number(pair.score, 0)
        if column == self.COL_DECISION:
            return self.tr("Merge") if pair.decision == "merge" else self.tr("Review")
        if column == self.COL_FIRST:
            return f"{row.first_name} ({pair.first_id})"
        if column == self.COL_SECOND:
            return f"{row.second_name} ({pair.second_id})"
        return " · ".join(evidence_text(e) for e in pair.evidence)

    def sort_value(self, row: PairRow, column: int) -> Any:
        if column == self.COL_SCORE:
            return row.pair.score
        return super().sort_value(row, column)


class DuplicatesDialog(QDialog):
    """Candidate pairs of the whole register; opens the merge view of the chosen pair."""

    loaded = Signal(int)
    """Emitted with the number of pairs after each load."""
    changes_made = Signal(object)
    """The ``Changes`` of a merge or a "not the same" decision."""

    def __init__(
        self, merges: MergeService, vocabulary: Vocabulary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Possible duplicates"))
        self._merges = merges
        self._vocabulary = vocabulary
        self.merge_dialog: MergeDialog | None = None

        self.summary = QLabel(self.tr("Looking for duplicates…"))
        self.summary.setObjectName("duplicatesSummary")
        self.summary.setWordWrap(True)
        self.model = DuplicatePairTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("duplicatesTable")
        self.table.setAccessibleName(self.tr("Pairs that may be the same actor"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DuplicatePairTableModel.COL_SCORE, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(
            DuplicatePairTableModel.COL_EVIDENCE, QHeaderView.ResizeMode.Stretch
        )
        for column in (DuplicatePairTableModel.COL_SCORE, DuplicatePairTableModel.COL_DECISION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The two names are what a person reads first: room for them, not for the score.
        for column in (DuplicatePairTableModel.COL_FIRST, DuplicatePairTableModel.COL_SECOND):
            self.table.setColumnWidth(column, scaled_width(self.table, 240))
        self.table.activated.connect(self._activated)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button: QPushButton = self.buttons.addButton(
            self.tr("&Compare…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(self.open_selected)
        self.open_button.setDefault(True)  # Enter compares the chosen pair, never closes
        self.refresh_button: QPushButton = self.buttons.addButton(
            self.tr("&Refresh"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.refresh_button.clicked.connect(self.load)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 560)
        self.load()

    # ----------------------------------------------------------------- loading

    def load(self) -> None:
        """Find the candidate pairs (in the background: the whole register is compared)."""
        self.refresh_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.summary.setText(self.tr("Looking for duplicates…"))
        merges = self._merges

        def work() -> list[PairRow]:
            pairs = merges.candidates()
            names = merges.names({i for p in pairs for i in (p.first_id, p.second_id)})
            return [
                PairRow(p, names.get(p.first_id, ""), names.get(p.second_id, "")) for p in pairs
            ]

        run_in_background(self, work, on_success=self._show, on_failure=self._failed)

    def _show(self, rows: list[PairRow]) -> None:
        self.model.set_rows(rows)
        merges = sum(r.pair.decision == "merge" for r in rows)
        if rows:
            self.summary.setText(
                substitute(
                    self.tr(
                        "%1 pairs may be the same actor (%2 very likely). Open a pair to "
                        "compare and merge it, or to say they are not the same."
                    ),
                    len(rows),
                    merges,
                )
            )
            self.table.selectRow(0)
            self.table.setFocus()
        else:
            self.summary.setText(self.tr("No possible duplicates in the register."))
        self.refresh_button.setEnabled(True)
        self.open_button.setEnabled(bool(rows))
        self.loaded.emit(len(rows))

    def _failed(self, error: BaseException, _details: str) -> None:
        self.summary.setText(describe_error(error))
        self.refresh_button.setEnabled(True)

    # ----------------------------------------------------------------- the merge view

    def selected_row(self) -> PairRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row())

    def _activated(self, index: QModelIndex) -> None:
        self.open_selected()

    def open_selected(self) -> MergeDialog | None:
        """The merge view of the selected pair (window-modal over this list)."""
        row = self.selected_row()
        if row is None:
            return None
        try:
            survivor, other = self._merges.suggested_survivor(row.pair.first_id, row.pair.second_id)
        except MapperError as error:  # one of them was deleted or merged meanwhile
            self.summary.setText(describe_error(error))
            self.load()
            return None
        dialog = MergeDialog(
            self._merges,
            survivor,
            other,
            self._vocabulary,
            decision=row.pair.decision,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self._merged)
        dialog.marked_distinct.connect(self._decided)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _merged(self, result: MergeResult) -> None:
        self.changes_made.emit(result.changes)
        self.load()

    def _decided(self, changes: Changes) -> None:
        if changes:
            self.changes_made.emit(changes)
        self.load()


def open_duplicates_dialog(
    window: MainWindow, announce: Callable[[Changes], None] | None = None
) -> DuplicatesDialog:
    """The window's "Possible duplicates…" command: the list, not modal; every merge is
    announced on the window's change hub so the register refreshes."""
    context = window.context
    dialog = DuplicatesDialog(context.merges, context.vocabulary, window)
    dialog.changes_made.connect(announce or window.changes.announce)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
