"""Partnerships as a Qt table model, and the proxy that shows one stage at a time."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from mapper.domain.vocabulary import Vocabulary
from mapper.services.partnerships import PartnershipSummary, partnership_label
from ui.models.row_table import RowTableModel

KEY_ROLE = Qt.ItemDataRole.UserRole + 3
"""(problem id, actor id): what names a partnership."""
CODE_ROLE = Qt.ItemDataRole.UserRole + 4
"""The vocabulary code behind the stage and type columns."""

Key = tuple[str, str]


class PartnershipTableModel(RowTableModel[PartnershipSummary]):
    COL_PROBLEM, COL_PARTNER, COL_STAGE, COL_TYPE, COL_UPDATED = range(5)
    COLUMN_COUNT = 5

    def __init__(self, vocabulary: Vocabulary, lang: str = "da", parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._lang = lang
        self._stage_order = {
            t.code: i for i, t in enumerate(vocabulary.terms("partnership_stages"))
        }

    def header(self, column: int) -> str:
        return (
            self.tr("Problem statement"),
            self.tr("Partner"),
            self.tr("Stage"),
            self.tr("Type"),
            self.tr("Updated"),
        )[column]

    def display(self, row: PartnershipSummary, column: int) -> str:
        label = self._vocabulary.label
        if column == self.COL_PROBLEM:
            return row.problem_title
        if column == self.COL_PARTNER:
            return row.actor_name
        if column == self.COL_STAGE:
            return label("partnership_stages", row.stage, self._lang)
        if column == self.COL_TYPE:
            return label("partnership_types", row.type, self._lang) if row.type else ""
        if column == self.COL_UPDATED:
            return row.updated_on.isoformat() if row.updated_on else ""
        return ""

    def sort_value(self, row: PartnershipSummary, column: int) -> Any:
        if column == self.COL_STAGE:  # workflow order, not the alphabet
            return self._stage_order.get(row.stage, len(self._stage_order))
        if column == self.COL_UPDATED:
            return row.updated_on.isoformat() if row.updated_on else ""
        return super().sort_value(row, column)

    def row_id(self, row: PartnershipSummary) -> str:
        return partnership_label(row.problem_id, row.actor_id)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == KEY_ROLE and index.isValid() and index.row() < len(self._rows):
            return self._rows[index.row()].key
        if role == CODE_ROLE and index.isValid() and index.row() < len(self._rows):
            row = self._rows[index.row()]
            if index.column() == self.COL_STAGE:
                return row.stage
            if index.column() == self.COL_TYPE:
                return row.type
            return None
        return super().data(index, role)

    # ------------------------------------------------------------ single-row changes

    def row_for(self, key: Key) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.key == key), None)

    def put(self, summary: PartnershipSummary) -> None:
        """Show a partnership as it is now stored: replace its row, or add one."""
        row = self.row_for(summary.key)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(summary)
            self.endInsertRows()
            return
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    def drop(self, key: Key) -> None:
        row = self.row_for(key)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def stage_counts(self) -> Counter[str]:
        return Counter(r.stage for r in self._rows)


class PartnershipStageFilterProxy(QSortFilterProxyModel):
    """Shows the partnerships at one stage, or all when the stage is None."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._stage: str | None = None

    @property
    def stage(self) -> str | None:
        return self._stage

    def set_stage(self, stage: str | None) -> None:
        self.beginFilterChange()
        self._stage = stage
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._stage is None:
            return True
        index = self.sourceModel().index(source_row, PartnershipTableModel.COL_STAGE, source_parent)
        return bool(index.data(CODE_ROLE) == self._stage)
