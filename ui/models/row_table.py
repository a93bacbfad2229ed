"""A read-only Qt table model over a list of immutable rows (frozen dataclasses).

Subclasses name their columns and say how a row is displayed and sorted; the model never calls
a service, so ``data()`` can never trigger a database load.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mapper.domain.text import danish_sort_key

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Raw values for sorting: numbers stay numbers, text becomes a Danish sort key."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The interchange id of the row's record."""

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class RowTableModel(QAbstractTableModel, Generic[Row]):
    COLUMN_COUNT = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    # ------------------------------------------------------------ for subclasses

    def header(self, column: int) -> str:
        raise NotImplementedError

    def display(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row: Row, column: int) -> Any:
        return danish_sort_key(self.display(row, column))

    def row_id(self, row: Row) -> str:
        return str(getattr(row, "id"))  # noqa: B009  (rows are dataclasses with an id)

    # ------------------------------------------------------------ API

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    # ------------------------------------------------------------ Qt overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header(section) if 0 <= section < self.COLUMN_COUNT else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(row, index.column())
        if role == SORT_ROLE:
            return self.sort_value(row, index.column())
        if role == ID_ROLE:
            return self.row_id(row)
        return None
