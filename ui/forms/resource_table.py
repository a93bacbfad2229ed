"""The one resource table of the record forms: kind (a vocabulary code), what, hours per month
and DKK, typed as text so a half-typed number is kept and pointed at rather than lost."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.model import Resource
from ui.locale_format import parse_number
from ui.tabs.common import scaled_width

Index = QModelIndex | QPersistentModelIndex
COL_KIND, COL_DESCRIPTION, COL_HOURS, COL_DKK = range(4)
ResourceRow = tuple[str | None, str, str, str]
"""(kind code, description, hours per month, DKK) as typed."""
INVALID_CELL = QColor("#fde2e2")


def rows_of(resources: Sequence[Resource]) -> tuple[ResourceRow, ...]:
    """Stored resources as the table shows them (numbers in the UI language)."""

    def number(value: float | None) -> str:
        if value is None:
            return ""
        return QLocale().toString(float(value), "g", 12)

    return tuple(
        (r.kind, r.description or "", number(r.hours_per_month), number(r.amount_dkk))
        for r in resources
    )


def resources_of(rows: Sequence[ResourceRow]) -> tuple[tuple[Resource, ...], list[tuple[int, int]]]:
    """The rows as resources, and the (row, column) cells whose text is not a number (their
    value is left out)."""
    resources, bad = [], []
    for i, (kind, description, hours, dkk) in enumerate(rows):
        numbers: list[float | None] = []
        for column, text in ((COL_HOURS, hours), (COL_DKK, dkk)):
            try:
                numbers.append(parse_number(text))
            except ValueError:
                numbers.append(None)
                bad.append((i, column))
        resources.append(
            Resource(
                kind=kind or "",
                description=description.strip() or None,
                hours_per_month=numbers[0],
                amount_dkk=numbers[1],
            )
        )
    return tuple(resources), bad


class ResourceKindDelegate(QStyledItemDelegate):
    """Shows a kind's label; edits it with a combo box of the vocabulary. The code is the
    cell's edit role, the only place it is kept."""

    def __init__(self, terms: Sequence[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._terms = list(terms)
        self._labels = dict(terms)

    def displayText(self, value: Any, locale: QLocale | QLocale.Language) -> str:
        return self._labels.get(str(value), str(value or ""))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Kind of resource"))
        for code, label in self._terms:
            combo.addItem(label, code)
        # A choice is final at once: no second Enter needed to leave the cell.
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ResourceTable(QWidget):
    """A table of resources with Add/Remove; ``value()`` is a tuple of ``ResourceRow``."""

    changed = Signal()
    """The user changed a cell (not emitted by ``set_value``)."""
    add_requested = Signal()
    remove_requested = Signal(int)
    """The row to remove."""

    def __init__(self, terms: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setting = False
        self.first_kind = terms[0][0] if terms else ""
        self.table = table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Description"), self.tr("Hours/month"), self.tr("DKK")]
        )
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        # Narrow beside the register: the description takes what the others leave.
        for col, width in ((COL_KIND, 150), (COL_HOURS, 80), (COL_DKK, 90)):
            table.setColumnWidth(col, scaled_width(table, width))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the table (arrows move between cells), so the form stays one tab chain.
        table.setTabKeyNavigation(False)
        table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * 4 + 30)
        table.setItemDelegateForColumn(COL_KIND, ResourceKindDelegate(terms, table))
        table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton(self.tr("Add resource"))
        self.add_button.setAccessibleName(self.tr("Add a resource"))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button = QPushButton(self.tr("Remove resource"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected resource"))
        self.remove_button.clicked.connect(self._remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(table)
        column.addLayout(buttons)
        self._update_buttons()
        table.currentCellChanged.connect(lambda *_a: self._update_buttons())

    def value(self) -> tuple[ResourceRow, ...]:
        rows = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, col) for col in range(4)]
            kind, description, hours, dkk = (
                c.data(Qt.ItemDataRole.EditRole) if c else None for c in cells
            )
            rows.append(
                (
                    str(kind) if kind else None,
                    str(description or ""),
                    str(hours or ""),
                    str(dkk or ""),
                )
            )
        return tuple(rows)

    def set_value(self, rows: Sequence[ResourceRow]) -> None:
        table = self.table
        current = table.currentIndex()
        self._setting = True
        try:
            table.setRowCount(len(rows))
            for i, row in enumerate(rows):
                for col, value in enumerate(row):
                    item = table.item(i, col)
                    if item is None:
                        item = QTableWidgetItem()
                        table.setItem(i, col, item)
                    if item.data(Qt.ItemDataRole.EditRole) != value:
                        item.setData(Qt.ItemDataRole.EditRole, value)
        finally:
            self._setting = False
        if current.isValid() and rows:
            table.setCurrentCell(min(current.row(), len(rows) - 1), current.column())
        self._update_buttons()

    def mark_invalid(self, cells: Sequence[tuple[int, int]]) -> None:
        bad = set(cells)
        self._setting = True
        try:
            for row in range(self.table.rowCount()):
                for col in range(4):
                    item = self.table.item(row, col)
                    if item is not None:
                        wanted = INVALID_CELL if (row, col) in bad else None
                        if item.data(Qt.ItemDataRole.BackgroundRole) != wanted:
                            item.setData(Qt.ItemDataRole.BackgroundRole, wanted)
        finally:
            self._setting = False

    def edit_kind(self, row: int) -> None:
        """Put the cursor on a row's kind and open its editor (after Add)."""
        self.table.setCurrentCell(row, COL_KIND)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        item = self.table.item(row, COL_KIND)
        if item is not None:
            self.table.editItem(item)

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._setting:
            self.changed.emit()

    def _remove_clicked(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < self.table.rowCount():
            self.remove_requested.emit(row)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(0 <= self.table.currentRow() < self.table.rowCount())
