"""The actor register as a Qt table model that sorts and filters itself.

At 100,000 actors a QSortFilterProxyModel would call back into Python for every row on every
keystroke; instead the model keeps all rows, computes the visible order with numpy and
rapidfuzz, and Qt asks ``data()`` only for the rows on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from rapidfuzz import fuzz, process

from mapper.domain.text import danish_sort_key
from mapper.domain.vocabulary import Vocabulary
from mapper.services.landscape import ActorSummary
from ui.models.row_table import ID_ROLE, SORT_ROLE, Index

FUZZY_CUTOFF = 80  # partial-ratio score a name must reach to count as a (misspelt) hit


class ActorTableModel(QAbstractTableModel):
    COL_NAME, COL_KIND, COL_MUNICIPALITY, COL_STATUS, COL_TARGET_GROUPS = range(5)
    COLUMN_COUNT = 5

    def __init__(self, vocabulary: Vocabulary, lang: str = "da", parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._lang = lang
        self._rows: list[ActorSummary] = []
        self._visible: NDArray[np.int64] = np.zeros(0, np.int64)
        self._search = ""
        self._filters: dict[str, str | None] = {}
        self._sort_column = self.COL_NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sort_keys: dict[int, NDArray[Any]] = {}
        self._haystack: list[str] = []
        self._columns: dict[str, NDArray[Any]] = {}

    # ----------------------------------------------------------------- rows

    def set_rows(self, rows: Sequence[ActorSummary]) -> None:
        self._rows = list(rows)
        self._sort_keys.clear()
        self._haystack = [f"{r.name} {r.city or ''}".casefold() for r in self._rows]
        self._columns = {
            "kind": np.array([r.kind for r in self._rows], dtype=object),
            "municipality": np.array([r.municipality_code or "" for r in self._rows], dtype=object),
        }
        self._apply()

    def row_at(self, row: int) -> ActorSummary:
        return self._rows[int(self._visible[row])]

    def total(self) -> int:
        return len(self._rows)

    def row_of(self, actor_id: str) -> int | None:
        """The visible row of an actor, or None when it is filtered out."""
        for row, i in enumerate(self._visible):
            if self._rows[int(i)].id == actor_id:
                return row
        return None

    # ----------------------------------------------------------------- search, filter, sort

    def set_search(self, text: str) -> None:
        """Names (and places) containing the text, or close to it despite misspellings."""
        self._search = text.strip().casefold()
        self._apply()

    def set_filters(
        self,
        *,
        kind: str | None = None,
        target_group: str | None = None,
        resource: str | None = None,
        municipality: str | None = None,
    ) -> None:
        self._filters = {
            "kind": kind,
            "target_group": target_group,
            "resource": resource,
            "municipality": municipality,
        }
        self._apply()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self._visible = self._order(self._matching())
        self.endResetModel()

    def _matching(self) -> NDArray[np.int64]:
        n = len(self._rows)
        keep = np.ones(n, bool)
        kind = self._filters.get("kind")
        if kind:
            keep &= self._columns["kind"] == kind
        municipality = self._filters.get("municipality")
        if municipality:
            keep &= self._columns["municipality"] == municipality
        group = self._filters.get("target_group")
        if group:
            keep &= np.fromiter((group in r.target_groups for r in self._rows), bool, n)
        resource = self._filters.get("resource")
        if resource:
            keep &= np.fromiter((resource in r.resources for r in self._rows), bool, n)
        if self._search:
            keep &= self._search_hits()
        return np.flatnonzero(keep)

    def _search_hits(self) -> NDArray[np.bool_]:
        query = self._search
        exact = np.fromiter((query in h for h in self._haystack), bool, len(self._haystack))
        if len(query) < 4:
            return exact
        scores = process.cdist(
            [query], self._haystack, scorer=fuzz.partial_ratio, dtype=np.uint8, workers=-1
        )[0]
        return np.asarray(exact | (scores >= FUZZY_CUTOFF), dtype=bool)

    def _order(self, rows: NDArray[np.int64]) -> NDArray[np.int64]:
        keys = self._keys(self._sort_column)[rows]
        order = np.argsort(keys, kind="stable")
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            order = order[::-1]
        return rows[order]

    def _keys(self, column: int) -> NDArray[Any]:
        keys = self._sort_keys.get(column)
        if keys is None:
            values = [self.sort_value(r, column) for r in self._rows]
            keys = np.array(values) if values else np.zeros(0)
            self._sort_keys[column] = keys
        return keys

    # ----------------------------------------------------------------- Qt

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.COLUMN_COUNT:
            return None
        return (
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Place"),
            self.tr("Status"),
            self.tr("Target groups"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        actor = self.row_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(actor, index.column())
        if role == SORT_ROLE:
            return self.sort_value(actor, index.column())
        if role == ID_ROLE:
            return actor.id
        return None

    def display(self, actor: ActorSummary, column: int) -> str:
        label = self._vocabulary.label
        if column == self.COL_NAME:
            return actor.name
        if column == self.COL_KIND:
            return label("actor_kinds", actor.kind, self._lang)
        if column == self.COL_MUNICIPALITY:
            return actor.city or actor.municipality_code or ""
        if column == self.COL_TARGET_GROUPS:
            return ", ".join(label("target_groups", c, self._lang) for c in actor.target_groups)
        if column == self.COL_STATUS:
            if not actor.active:
                return self.tr("Inactive")
            return self.tr("Active") if actor.public else self.tr("Active, not public")
        return ""

    def sort_value(self, actor: ActorSummary, column: int) -> Any:
        if column == self.COL_STATUS:
            return (0 if actor.active else 2) + (0 if actor.public else 1)
        return danish_sort_key(self.display(actor, column))
