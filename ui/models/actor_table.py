"""The actor register as a Qt table model that sorts, filters and ranks itself.

At 100,000 actors a QSortFilterProxyModel would call back into Python for every row on every
keystroke; instead the model keeps all rows, computes the visible order with numpy and
rapidfuzz, and Qt asks ``data()`` only for the rows on screen.

While a search is active the rows are ordered by relevance: first rows in which every typed
word starts a word (exact words before prefixes, name before place), then rows that contain
every word somewhere, then rows that are only close (rapidfuzz, for misspellings); within each
group by score, then by name. Clicking a column header sorts by that column instead, until the
search is cleared or started anew.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from rapidfuzz import fuzz, process

from mapper.domain.text import danish_sort_key, fold_danish
from mapper.domain.vocabulary import Vocabulary
from mapper.geo.reference import municipality_name
from mapper.services.landscape import ActorSummary
from ui.models.row_table import ID_ROLE, SORT_ROLE, Index

FUZZY_CUTOFF = 80  # partial-ratio score a name must reach to count as a (misspelt) hit
FUZZY_MIN_LENGTH = 4  # shorter queries only match literally: fuzzy hits would be noise
# Relevance groups, best first.
TIER_PREFIX, TIER_SUBSTRING, TIER_FUZZY = range(3)
_SCORE_SPAN = 1_000  # scores are below this, so (tier, score) packs into one integer
# Beyond this many changed rows one reset is cheaper than a signal per row.
MAX_ROW_SIGNALS = 200
NOT_ON_MAP_COLOUR = "#9c2b23"
"""The place of an actor that cannot be put on the map (no point, no known postcode)."""


def _count_in(parts: list[str], texts: list[str], rows: list[int]) -> NDArray[np.int64]:
    """For each of the rows, how many of the parts its text contains."""
    counts = np.zeros(len(rows), np.int64)
    for part in parts:
        counts += np.array([part in texts[i] for i in rows], bool)
    return counts


class ActorTableModel(QAbstractTableModel):
    COL_NAME, COL_KIND, COL_MUNICIPALITY, COL_STATUS, COL_COMPLETENESS, COL_TARGET_GROUPS = range(6)
    COLUMN_COUNT = 6

    relevance_order_changed = Signal(bool)
    """True when rows start being ordered by relevance (a search began), False when a column
    order takes over (a header was clicked or the search was cleared). A view hides its sort
    indicator meanwhile."""

    def __init__(self, vocabulary: Vocabulary, lang: str = "da", parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._lang = lang
        self._rows: list[ActorSummary] = []
        self._position: dict[str, int] = {}
        # Per row: " name words " and " name words place words ", folded (fold_danish), with
        # spaces around every word so that " word" finds a word start.
        self._names: list[str] = []
        self._haystack: list[str] = []
        self._columns: dict[str, NDArray[Any]] = {}
        groups = sorted(vocabulary.codes("target_groups"))
        kinds = sorted(vocabulary.codes("resource_kinds"))
        self._bits: dict[str, dict[str, int]] = {
            "target_group": {c: 1 << i for i, c in enumerate(groups)},
            "resource": {c: 1 << i for i, c in enumerate(kinds)},
        }
        self._sort_keys: dict[int, NDArray[Any]] = {}
        self._sorted_all: dict[int, NDArray[np.int64]] = {}
        self._name_rank: NDArray[np.int64] | None = None
        # Per row: does it pass search and filters, and its (tier, score) packed, lower first.
        self._keep: NDArray[np.bool_] = np.zeros(0, bool)
        self._rank: NDArray[np.int64] = np.zeros(0, np.int64)
        self._visible: NDArray[np.int64] = np.zeros(0, np.int64)
        self._search = ""
        self._filters: dict[str, str | None] = {}
        self._sort_column = self.COL_NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._by_relevance = False
        self._place_cache: dict[str, str] = {}

    # ----------------------------------------------------------------- rows

    def set_rows(self, rows: Sequence[ActorSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._position = {r.id: i for i, r in enumerate(self._rows)}
        self._names, self._haystack = [], []
        self._columns = self._derived([])
        self._sort_keys.clear()
        self._sorted_all.clear()
        self._name_rank = None
        self._store(list(range(len(self._rows))))
        self._keep, self._rank = self._evaluate(np.arange(len(self._rows), dtype=np.int64))
        self._visible = self._ordered()
        self.endResetModel()

    def upsert_rows(self, rows: Sequence[ActorSummary]) -> None:
        """Replace rows by id and add new ones, keeping search, filters and order: rows move,
        appear and disappear with row signals, so the selection and scroll position stay."""
        latest = {r.id: r for r in rows}
        if not latest:
            return
        changed: list[int] = []
        for actor_id, row in latest.items():
            position = self._position.get(actor_id)
            if position is None:
                position = len(self._rows)
                self._position[actor_id] = position
                self._rows.append(row)
            else:
                self._rows[position] = row
            changed.append(position)
        self._store(changed)
        positions = np.array(changed, np.int64)
        was_kept = self._keep.copy()
        grown = len(self._rows) - len(self._keep)
        if grown:
            was_kept = np.concatenate([was_kept, np.zeros(grown, bool)])
            self._keep = np.concatenate([self._keep, np.zeros(grown, bool)])
            self._rank = np.concatenate([self._rank, np.zeros(grown, np.int64)])
        self._keep[positions], self._rank[positions] = self._evaluate(positions)
        self._show_changes(positions, was_kept)

    def remove_rows(self, ids: Iterable[str]) -> None:
        """Drop rows by id (unknown ids are ignored)."""
        doomed = sorted({p for i in ids if (p := self._position.get(i)) is not None})
        if not doomed:
            return
        gone = np.zeros(len(self._rows), bool)
        gone[doomed] = True
        if len(doomed) > MAX_ROW_SIGNALS:
            self.beginResetModel()
            self._compact(gone)
            self.endResetModel()
            return
        for position in sorted(doomed, key=self._visible_row_or_minus_one, reverse=True):
            row = self._visible_row_or_minus_one(position)
            if row < 0:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            self._visible = np.delete(self._visible, row)
            self.endRemoveRows()
        self._compact(gone)

    def row_at(self, row: int) -> ActorSummary:
        return self._rows[int(self._visible[row])]

    def rows(self) -> list[ActorSummary]:
        """Every row of the register, shown or not (a copy)."""
        return list(self._rows)

    def total(self) -> int:
        return len(self._rows)

    def row_of(self, actor_id: str) -> int | None:
        """The visible row of an actor, or None when it is filtered out."""
        position = self._position.get(actor_id)
        if position is None:
            return None
        row = self._visible_row_or_minus_one(position)
        return row if row >= 0 else None

    def sorted_by_relevance(self) -> bool:
        return self._by_relevance

    # ----------------------------------------------------------------- search, filter, sort

    def set_search(self, text: str) -> None:
        """Names (and places) containing the words, or close to them despite misspellings."""
        self.update_view(text, **self._filters)

    def set_filters(
        self,
        *,
        kind: str | None = None,
        target_group: str | None = None,
        resource: str | None = None,
        municipality: str | None = None,
        attention: str | None = None,
    ) -> None:
        self.update_view(
            self._search,
            kind=kind,
            target_group=target_group,
            resource=resource,
            municipality=municipality,
            attention=attention,
        )

    def update_view(
        self,
        search: str,
        *,
        kind: str | None = None,
        target_group: str | None = None,
        resource: str | None = None,
        municipality: str | None = None,
        attention: str | None = None,
    ) -> None:
        """Search and filters at once: one pass over the register. ``attention``:
        'review' (values kept from an import), 'unplaced' (not on the map), 'incomplete' (no target
        groups or no resources) or None."""
        search = fold_danish(search)
        filters = {
            "kind": kind,
            "target_group": target_group,
            "resource": resource,
            "municipality": municipality,
            "attention": attention,
        }
        if search == self._search and filters == self._filters:
            return
        # A new search starts in relevance order; without a search the column order rules.
        by_relevance = bool(search) and (self._by_relevance or not self._search)
        self._search, self._filters = search, filters
        self.beginResetModel()
        self._keep, self._rank = self._evaluate(np.arange(len(self._rows), dtype=np.int64))
        flipped = by_relevance != self._by_relevance
        self._by_relevance = by_relevance
        self._visible = self._ordered()
        self.endResetModel()
        if flipped:
            self.relevance_order_changed.emit(by_relevance)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column; column -1 means the default order (relevance while searching)."""
        if column >= 0:
            self._sort_column, self._sort_order = column, order
        by_relevance = column < 0 and bool(self._search)
        flipped = by_relevance != self._by_relevance
        self._by_relevance = by_relevance
        self._reorder()
        if flipped:
            self.relevance_order_changed.emit(by_relevance)

    def _reorder(self) -> None:
        """A new order of the same rows: a layout change, so selections follow their rows."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        positions = [int(self._visible[i.row()]) for i in old]
        self._visible = self._ordered()
        row_of = np.empty(len(self._rows), np.int64)
        row_of[self._visible] = np.arange(len(self._visible))
        self.changePersistentIndexList(
            old,
            [self.index(int(row_of[p]), i.column()) for p, i in zip(positions, old, strict=True)],
        )
        self.layoutChanged.emit()

    def _evaluate(
        self, candidates: NDArray[np.int64]
    ) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
        """For each candidate row: does it pass the filters and the search, and its relevance
        rank (tier * _SCORE_SPAN + (_SCORE_SPAN - 1 - score), lower is better)."""
        keep = np.ones(len(candidates), bool)
        kind = self._filters.get("kind")
        if kind:
            keep &= self._columns["kind"][candidates] == kind
        municipality = self._filters.get("municipality")
        if municipality:
            keep &= self._columns["municipality"][candidates] == municipality
        attention = self._filters.get("attention")
        if attention == "review":
            keep &= self._columns["review"][candidates]
        elif attention == "unplaced":
            keep &= ~self._columns["placed"][candidates]
        elif attention == "incomplete":
            keep &= ~self._columns["coded"][candidates]
        for facet in ("target_group", "resource"):
            code = self._filters.get(facet)
            if code:
                keep &= (self._columns[facet][candidates] & self._bits[facet].get(code, 0)) != 0
        rank = np.zeros(len(candidates), np.int64)
        if self._search:
            found, rank[keep] = self._relevance(candidates[keep])
            keep[keep] = found
        return keep, rank

    def _relevance(
        self, candidates: NDArray[np.int64]
    ) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
        """Of the candidate rows, which the search finds and their packed (tier, score)."""
        query = self._search
        words = query.split()
        hay, names = self._haystack, self._names
        tier = np.full(len(self._rows), -1, np.int64)
        score = np.zeros(len(self._rows), np.int64)
        # Longest word first: it leaves the fewest rows for the next one.
        found: list[int] = candidates.tolist()
        for word in sorted(words, key=len, reverse=True):
            found = [i for i in found if word in hay[i]]
        starts = [" " + w for w in words]
        at_start = found
        for start in starts:
            at_start = [i for i in at_start if start in hay[i]]
        if found:
            tier[found] = TIER_SUBSTRING
            score[found] = _count_in(starts, hay, found)
        if at_start:
            tier[at_start] = TIER_PREFIX
            # A point for each whole word (not just its start), one for each word in the name,
            # one when the name begins with the first word.
            wholes = [" " + w + " " for w in words]
            score[at_start] = (
                _count_in(wholes, hay, at_start)
                + _count_in(starts, names, at_start)
                + np.array([names[i].startswith(starts[0]) for i in at_start], bool)
            )
        rest = candidates[tier[candidates] < 0]
        if len(query) >= FUZZY_MIN_LENGTH and len(rest):
            scores = process.cdist(
                [query],
                [hay[i] for i in rest.tolist()],
                scorer=fuzz.partial_ratio,
                dtype=np.uint8,
                workers=-1,
                score_cutoff=FUZZY_CUTOFF,
            )[0]
            close = scores >= FUZZY_CUTOFF
            tier[rest[close]] = TIER_FUZZY
            score[rest[close]] = scores[close]
        hit = tier[candidates] >= 0
        best_first = _SCORE_SPAN - 1 - np.minimum(score[candidates], _SCORE_SPAN - 1)
        packed = tier[candidates] * _SCORE_SPAN + best_first
        return hit, packed

    def _ordered(self) -> NDArray[np.int64]:
        """Visible rows in order. Columns: the whole register is sorted once per column, then
        filtering keeps that order (no sort per keystroke). Relevance: by rank, then name."""
        if self._by_relevance:
            shown = np.flatnonzero(self._keep)
            key = self._rank[shown] * max(len(self._rows), 1) + self._ranks_by_name()[shown]
            return np.asarray(shown[np.argsort(key, kind="stable")], np.int64)
        order = self._column_order(self._sort_column)
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            order = order[::-1]
        return order[self._keep[order]]

    def _column_order(self, column: int) -> NDArray[np.int64]:
        order = self._sorted_all.get(column)
        if order is None:
            order = np.argsort(self._keys(column), kind="stable").astype(np.int64)
            self._sorted_all[column] = order
        return order

    def _ranks_by_name(self) -> NDArray[np.int64]:
        if self._name_rank is None:
            order = self._column_order(self.COL_NAME)
            self._name_rank = np.empty(len(order), np.int64)
            self._name_rank[order] = np.arange(len(order))
        return self._name_rank

    def _keys(self, column: int) -> NDArray[Any]:
        keys = self._sort_keys.get(column)
        if keys is None:
            values = [self.sort_value(r, column) for r in self._rows]
            keys = np.array(values) if values else np.zeros(0)
            self._sort_keys[column] = keys
        return keys

    # ----------------------------------------------------------------- row bookkeeping

    def _derived(self, positions: list[int]) -> dict[str, NDArray[Any]]:
        rows = [self._rows[p] for p in positions]
        groups, kinds = self._bits["target_group"], self._bits["resource"]
        return {
            "kind": np.array([r.kind for r in rows], dtype=object),
            "municipality": np.array([r.municipality_code or "" for r in rows], dtype=object),
            # Code lists as bit masks: a filter is then one vectorised AND.
            "target_group": np.array(
                [sum(groups.get(c, 0) for c in r.target_groups) for r in rows], dtype=np.int64
            ),
            "resource": np.array(
                [sum(kinds.get(c, 0) for c in r.resources) for r in rows], dtype=np.int64
            ),
            "review": np.array([r.to_review > 0 for r in rows], dtype=bool),
            "placed": np.array([r.has_place for r in rows], dtype=bool),
            # What matching weighs most: without target groups or resources a profile is
            # incomplete (mapper.domain.completeness).
            "coded": np.array([bool(r.target_groups and r.resources) for r in rows], dtype=bool),
        }

    def _store(self, positions: list[int]) -> None:
        """Bring search text, filter columns and sort keys up to date for changed or appended
        rows (appended ones are at the end, in order)."""
        n = len(self._rows)
        grow = n - len(self._names)
        self._names.extend([""] * grow)
        self._haystack.extend([""] * grow)
        for p in positions:
            row = self._rows[p]
            name = fold_danish(row.name)
            self._names[p] = f" {name} "
            self._haystack[p] = f" {name} {self._place(row.city)}"
        index = np.array(positions, np.int64)
        for key, values in self._derived(positions).items():
            column = self._columns[key]
            if grow:
                column = np.concatenate([column, np.zeros(grow, column.dtype)])
            column[index] = values
            self._columns[key] = column
        self._name_rank = None
        if len(positions) == n:  # all new: sort keys are computed when first needed
            self._sort_keys.clear()
            self._sorted_all.clear()
            return
        for column_number, keys in list(self._sort_keys.items()):
            values = np.array([self.sort_value(self._rows[p], column_number) for p in positions])
            wider = np.empty(n, np.result_type(keys, values))
            wider[: len(keys)] = keys
            wider[index] = values
            self._sort_keys[column_number] = wider
            if column_number in self._sorted_all:
                self._sorted_all[column_number] = np.argsort(wider, kind="stable").astype(np.int64)

    def _place(self, city: str | None) -> str:
        """Folded place words plus a trailing space (few distinct places, so cached)."""
        if not city:
            return ""
        folded = self._place_cache.get(city)
        if folded is None:
            folded = self._place_cache[city] = f"{fold_danish(city)} "
        return folded

    def _compact(self, gone: NDArray[np.bool_]) -> None:
        """Forget removed rows; the survivors keep their relative order everywhere."""
        stays = ~gone
        new_position = np.cumsum(stays) - 1
        flags = stays.tolist()
        self._rows = list(compress(self._rows, flags))
        self._names = list(compress(self._names, flags))
        self._haystack = list(compress(self._haystack, flags))
        self._position = {r.id: i for i, r in enumerate(self._rows)}
        self._columns = {k: v[stays] for k, v in self._columns.items()}
        self._sort_keys = {k: v[stays] for k, v in self._sort_keys.items()}
        self._sorted_all = {k: new_position[v[stays[v]]] for k, v in self._sorted_all.items()}
        self._name_rank = None
        self._keep, self._rank = self._keep[stays], self._rank[stays]
        self._visible = new_position[self._visible[stays[self._visible]]]

    def _visible_row_or_minus_one(self, position: int) -> int:
        found = np.flatnonzero(self._visible == position)
        return int(found[0]) if len(found) else -1

    def _show_changes(self, changed: NDArray[np.int64], was_kept: NDArray[np.bool_]) -> None:
        """Tell views how the visible rows changed for the changed positions: removals, then
        moves, then insertions, then data changes; many changes are one reset instead."""
        target = self._ordered()
        if len(changed) > MAX_ROW_SIGNALS:
            self.beginResetModel()
            self._visible = target
            self.endResetModel()
            return
        now_kept = self._keep
        leaving = [int(p) for p in changed if was_kept[p] and not now_kept[p]]
        for position in sorted(leaving, key=self._visible_row_or_minus_one, reverse=True):
            row = self._visible_row_or_minus_one(position)
            self.beginRemoveRows(QModelIndex(), row, row)
            self._visible = np.delete(self._visible, row)
            self.endRemoveRows()
        # Rows that stay may have moved. Placing each right behind its new predecessor, in
        # target order, leaves the unchanged rows (whose relative order cannot change) as
        # they are.
        arriving = {int(p) for p in changed if now_kept[p] and not was_kept[p]}
        staying = {int(p) for p in changed if was_kept[p] and now_kept[p]}
        kept_target = [p for p in target.tolist() if p not in arriving] if staying else []
        for index, position in enumerate(kept_target):
            if position not in staying:
                continue
            row = self._visible_row_or_minus_one(position)
            before = self._visible_row_or_minus_one(kept_target[index - 1]) if index else -1
            destination = before + 1
            if destination == row:
                continue
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
            moved = np.delete(self._visible, row)
            self._visible = np.insert(
                moved, destination - 1 if destination > row else destination, position
            )
            self.endMoveRows()
        if arriving:
            for row, position in enumerate(target.tolist()):
                if position in arriving:
                    self.beginInsertRows(QModelIndex(), row, row)
                    self._visible = np.insert(self._visible, row, position)
                    self.endInsertRows()
        if not np.array_equal(self._visible, target):  # a safety net; tests keep it unused
            self.beginResetModel()
            self._visible = target
            self.endResetModel()
            return
        for position in sorted(staying):
            row = self._visible_row_or_minus_one(position)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

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
            self.tr("Filled in"),
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
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_COMPLETENESS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.column() == self.COL_MUNICIPALITY
            and not actor.has_place
        ):
            return QColor(NOT_ON_MAP_COLOUR)
        return None

    def display(self, actor: ActorSummary, column: int) -> str:
        label = self._vocabulary.label
        if column == self.COL_NAME:
            return actor.name
        if column == self.COL_KIND:
            return label("actor_kinds", actor.kind, self._lang)
        if column == self.COL_MUNICIPALITY:
            code = actor.municipality_code
            # A municipality by its name ("Esbjerg"), the code only when the list lacks it.
            place = actor.city or (municipality_name(code) if code else None) or code or ""
            if actor.has_place:
                return place
            if place:
                return self.tr("%1 (not on the map)").replace("%1", place)
            return self.tr("Not on the map — give a postcode")
        if column == self.COL_TARGET_GROUPS:
            return ", ".join(label("target_groups", c, self._lang) for c in actor.target_groups)
        if column == self.COL_COMPLETENESS:
            # How complete the dating profile is (the editor says what to fill in next).
            return f"{actor.completeness} %"
        if column == self.COL_STATUS:
            if not actor.active:
                return self.tr("Inactive")
            return self.tr("Active") if actor.public else self.tr("Active, not public")
        return ""

    def sort_value(self, actor: ActorSummary, column: int) -> Any:
        if column == self.COL_COMPLETENESS:
            return actor.completeness
        if column == self.COL_STATUS:
            return (0 if actor.active else 2) + (0 if actor.public else 1)
        return danish_sort_key(self.display(actor, column))
