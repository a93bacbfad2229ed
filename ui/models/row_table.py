"""A read-only Qt table model over a list of immutable rows (frozen dataclasses).

Subclasses name their columns and say how a row is displayed and sorted; the model never calls
a service, so ``data()`` can never trigger a database load. After a save, ``upsert_rows`` and
``remove_rows`` change just those rows (a sorting proxy above keeps its order).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
        self._row_numbers: dict[str, int] | None = None

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
        self._row_numbers = None
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, row_id: str) -> int | None:
        """The (source) row of a record by id, None when it is not in the model."""
        return self._numbers().get(row_id)

    def upsert_rows(self, rows: Sequence[Row]) -> None:
        """Replace rows with the same id in place (dataChanged), append the others (rows
        inserted at the end)."""
        numbers = self._numbers()
        added: dict[str, Row] = {}
        for row in rows:
            number = numbers.get(self.row_id(row))
            if number is None:
                added[self.row_id(row)] = row
                continue
            self._rows[number] = row
            last = self.index(number, max(self.COLUMN_COUNT - 1, 0))
            self.dataChanged.emit(self.index(number, 0), last)
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            for row_id, row in added.items():
                numbers[row_id] = len(self._rows)
                self._rows.append(row)
            self.endInsertRows()

    def remove_rows(self, ids: Iterable[str]) -> None:
        """Remove the rows with these ids (unknown ids are ignored), in contiguous runs."""
        numbers = self._numbers()
        doomed = sorted({n for i in ids if (n := numbers.get(i)) is not None}, reverse=True)
        while doomed:
            last = first = doomed.pop(0)
            while doomed and doomed[0] == first - 1:
                first = doomed.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self._row_numbers = None
            self.endRemoveRows()

    def _numbers(self) -> dict[str, int]:
        if self._row_numbers is None:
            self._row_numbers = {self.row_id(r): i for i, r in enumerate(self._rows)}
        return self._row_numbers

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
