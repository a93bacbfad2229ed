"""The actor register as a Qt table model: immutable rows, named columns, a raw sort role."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from mapper.domain.vocabulary import Vocabulary
from mapper.services.landscape import ActorSummary

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The interchange id of the row's record."""

Index = QModelIndex | QPersistentModelIndex


class ActorTableModel(QAbstractTableModel):
    COL_NAME, COL_KIND, COL_MUNICIPALITY, COL_STATUS, COL_TARGET_GROUPS = range(5)
    COLUMN_COUNT = 5

    def __init__(self, vocabulary: Vocabulary, lang: str = "da", parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._lang = lang
        self._rows: list[ActorSummary] = []

    def set_rows(self, rows: Sequence[ActorSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ActorSummary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.COL_NAME: self.tr("Name"),
            self.COL_KIND: self.tr("Kind"),
            self.COL_MUNICIPALITY: self.tr("Place"),
            self.COL_TARGET_GROUPS: self.tr("Target groups"),
            self.COL_STATUS: self.tr("Status"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        actor = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return actor.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(actor, col)
        if role == SORT_ROLE:
            if col == self.COL_STATUS:
                return (0 if actor.active else 2) + (0 if actor.public else 1)
            # Strings are compared locale-aware by the proxy (Danish: … x y z æ ø å).
            return self._display(actor, col)
        return None

    def _display(self, actor: ActorSummary, col: int) -> str:
        label = self._vocabulary.label
        if col == self.COL_NAME:
            return actor.name
        if col == self.COL_KIND:
            return label("actor_kinds", actor.kind, self._lang)
        if col == self.COL_MUNICIPALITY:
            return actor.city or actor.municipality_code or ""
        if col == self.COL_TARGET_GROUPS:
            return ", ".join(label("target_groups", c, self._lang) for c in actor.target_groups)
        if col == self.COL_STATUS:
            if not actor.active:
                return self.tr("Inactive")
            return self.tr("Active") if actor.public else self.tr("Active, not public")
        return ""
