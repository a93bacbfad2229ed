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
        self._sorted_all: dict[int, NDArray[np.int64]] = {}
        self._position: dict[str, int] = {}
        self._bits: dict[str, dict[str, int]] = {}
        self._haystack: list[str] = []
        self._columns: dict[str, NDArray[Any]] = {}

    # ----------------------------------------------------------------- rows

    def set_rows(self, rows: Sequence[ActorSummary]) -> None:
        self._rows = list(rows)
        self._sort_keys.clear()
        self._sorted_all.clear()
        self._haystack = [f"{r.name} {r.city or ''}".casefold() for r in self._rows]
        self._position = {r.id: i for i, r in enumerate(self._rows)}
        groups = {c: 1 << i for i, c in enumerate(sorted(self._vocabulary.codes("target_groups")))}
        kinds = {c: 1 << i for i, c in enumerate(sorted(self._vocabulary.codes("resource_kinds")))}
        self._bits = {"target_group": groups, "resource": kinds}
        self._columns = {
            "kind": np.array([r.kind for r in self._rows], dtype=object),
            "municipality": np.array([r.municipality_code or "" for r in self._rows], dtype=object),
            # Code lists as bit masks: a filter is then one vectorised AND.
            "target_group": np.array(
                [sum(groups.get(c, 0) for c in r.target_groups) for r in self._rows], dtype=np.int64
            ),
            "resource": np.array(
                [sum(kinds.get(c, 0) for c in r.resources) for r in self._rows], dtype=np.int64
            ),
        }
        self._apply()

    def row_at(self, row: int) -> ActorSummary:
        return self._rows[int(self._visible[row])]

    def total(self) -> int:
        return len(self._rows)

    def row_of(self, actor_id: str) -> int | None:
        """The visible row of an actor, or None when it is filtered out."""
        position = self._position.get(actor_id)
        if position is None:
            return None
        found = np.flatnonzero(self._visible == position)
        return int(found[0]) if len(found) else None

    # ----------------------------------------------------------------- search, filter, sort

    def set_search(self, text: str) -> None:
        """Names (and places) containing the text, or close to it despite misspellings."""
        self.update_view(text, **self._filters)

    def set_filters(
        self,
        *,
        kind: str | None = None,
        target_group: str | None = None,
        resource: str | None = None,
        municipality: str | None = None,
    ) -> None:
        self.update_view(
            self._search,
            kind=kind,
            target_group=target_group,
            resource=resource,
            municipality=municipality,
        )

    def update_view(
        self,
        search: str,
        *,
        kind: str | None = None,
        target_group: str | None = None,
        resource: str | None = None,
        municipality: str | None = None,
    ) -> None:
        """Search and filters at once: one pass over the register."""
        search = search.strip().casefold()
        filters = {
            "kind": kind,
            "target_group": target_group,
            "resource": resource,
            "municipality": municipality,
        }
        if search == self._search and filters == self._filters:
            return
        self._search, self._filters = search, filters
        self._apply()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self._visible = self._order(self._matching())
        self.endResetModel()

    def _matching(self) -> NDArray[np.bool_]:
        n = len(self._rows)
        keep = np.ones(n, bool)
        kind = self._filters.get("kind")
        if kind:
            keep &= self._columns["kind"] == kind
        municipality = self._filters.get("municipality")
        if municipality:
            keep &= self._columns["municipality"] == municipality
        for facet in ("target_group", "resource"):
            code = self._filters.get(facet)
            if code:
                keep &= (self._columns[facet] & self._bits[facet].get(code, 0)) != 0
        if self._search:
            keep[keep] = self._search_hits(np.flatnonzero(keep))
        return keep

    def _search_hits(self, candidates: NDArray[np.int64]) -> NDArray[np.bool_]:
        """Of the candidate rows, those whose name or place contains the query or nearly so."""
        query = self._search
        haystack = [self._haystack[i] for i in candidates]
        exact = np.fromiter((query in h for h in haystack), bool, len(haystack))
        if len(query) < 4:
            return exact
        scores = process.cdist(
            [query],
            haystack,
            scorer=fuzz.partial_ratio,
            dtype=np.uint8,
            workers=-1,
            score_cutoff=FUZZY_CUTOFF,
        )[0]
        return np.asarray(exact | (scores >= FUZZY_CUTOFF), dtype=bool)

    def _order(self, keep: NDArray[np.bool_]) -> NDArray[np.int64]:
        """Visible rows in sort order: the whole register is sorted once per column, then
        filtering keeps that order (no sort per keystroke)."""
        order = self._sorted_all.get(self._sort_column)
        if order is None:
            order = np.argsort(self._keys(self._sort_column), kind="stable").astype(np.int64)
            self._sorted_all[self._sort_column] = order
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            order = order[::-1]
        return order[keep[order]]

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
