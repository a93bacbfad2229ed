"""The overview's table models: the coverage matrix (target groups × areas, white spots marked)
and the organisations behind a figure.

Neither model calls a service: the overview tab hands them the service's frozen results.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mapper.domain.text import danish_sort_key
from mapper.domain.vocabulary import Vocabulary
from mapper.geo.reference import municipality_name
from mapper.services.overview import ActorRow, Coverage, CoverageCell
from ui.locale_format import format_number, substitute
from ui.models.row_table import ID_ROLE, SORT_ROLE, Index, RowTableModel

WHITE_SPOT_ROLE = Qt.ItemDataRole.UserRole + 3
"""True on a white spot's cell, False on other area cells, None elsewhere."""
CELL_ROLE = Qt.ItemDataRole.UserRole + 4
"""(target group code, area code or None): what a cell counts; None for the whole row."""

WHITE_SPOT_BACKGROUND = QColor("#F5C46B")
"""Okabe-Ito orange (#E69F00) lightened: dark text stays readable on it, and it is told apart
from white by every common colour vision (the marker text says it too)."""
WHITE_SPOT_MARKER = "⚠"


class CoverageTableModel(QAbstractTableModel):
    """One row per target group; a label column, a total column, then one column per area
    (most actors first, as the service orders them)."""

    COL_TARGET_GROUP, COL_TOTAL = range(2)
    FIRST_AREA = 2

    def __init__(self, vocabulary: Vocabulary, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary, self._lang = vocabulary, lang
        self._coverage: Coverage | None = None
        self._groups: tuple[str, ...] = ()
        self._areas: tuple[str, ...] = ()
        self._cells: dict[tuple[str, str], CoverageCell] = {}
        self._totals: dict[str, int] = {}

    def set_coverage(self, coverage: Coverage | None) -> None:
        self.beginResetModel()
        self._coverage = coverage
        self._groups = coverage.target_groups if coverage else ()
        self._areas = coverage.areas if coverage else ()
        cells = coverage.cells if coverage else ()
        self._cells = {(c.target_group, c.area): c for c in cells}
        self._totals = {}
        for c in cells:
            self._totals[c.target_group] = self._totals.get(c.target_group, 0) + c.actors
        self.endResetModel()

    def area_of(self, column: int) -> str | None:
        """The area code of a column; None for the label and total columns."""
        i = column - self.FIRST_AREA
        return self._areas[i] if 0 <= i < len(self._areas) else None

    def area_name(self, area: str) -> str:
        """'Esbjerg'; a postcode with its town: '6700 Esbjerg'."""
        if self._coverage is None:
            return area
        name = self._coverage.area_names.get(area, area)
        if self._coverage.level == "postcode" and name != area:
            return f"{area} {name}"
        return name

    def level(self) -> str | None:
        """The level the areas were counted at; None before any coverage."""
        return self._coverage.level if self._coverage else None

    def target_group_label(self, code: str) -> str:
        return self._vocabulary.label("target_groups", code, self._lang)

    def cell_at(self, row: int, column: int) -> CoverageCell | None:
        area = self.area_of(column)
        if area is None or not 0 <= row < len(self._groups):
            return None
        return self._cells.get((self._groups[row], area))

    def white_spots(self) -> int:
        return sum(1 for c in self._cells.values() if c.white_spot)

    # ------------------------------------------------------------ Qt overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._coverage is None:
            return 0
        return self.FIRST_AREA + len(self._areas)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        area = self.area_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.COL_TARGET_GROUP:
                return self.tr("Target group")
            if section == self.COL_TOTAL:
                return self.tr("All")
            return self.area_name(area) if area else None
        if role == Qt.ItemDataRole.ToolTipRole and area is not None:
            name = self.area_name(area)
            return name if name.startswith(area) else f"{name} ({area})"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        group, column = self._groups[index.row()], index.column()
        if column == self.COL_TARGET_GROUP:
            return self._label_data(group, role)
        if column == self.COL_TOTAL:
            total = self._totals.get(group, 0)
            if role == Qt.ItemDataRole.DisplayRole:
                return str(total)
            if role == SORT_ROLE:
                return total
            if role == CELL_ROLE:
                return (group, None)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        cell = self.cell_at(index.row(), column)
        if cell is None:
            return None
        return self._cell_data(cell, role)

    def _label_data(self, group: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.target_group_label(group)
        if role == SORT_ROLE:
            return danish_sort_key(self.target_group_label(group))
        if role == ID_ROLE:
            return group
        if role == CELL_ROLE:
            return (group, None)
        return None

    def _cell_data(self, cell: CoverageCell, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            count = str(cell.actors)
            return f"{WHITE_SPOT_MARKER} {count}" if cell.white_spot else count
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(cell)
        if role == SORT_ROLE:
            return cell.actors
        if role == WHITE_SPOT_ROLE:
            return cell.white_spot
        if role == CELL_ROLE:
            return (cell.target_group, cell.area)
        if role == Qt.ItemDataRole.BackgroundRole and cell.white_spot:
            return QBrush(WHITE_SPOT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and cell.white_spot:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.FontRole and cell.white_spot:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def cell_text(self, cell: CoverageCell) -> str:
        """'Hvid plet: 0 aktører (forventet 3,2)' for a white spot; '4 aktører (forventet
        2,5)' otherwise."""
        expected = format_number(cell.expected, 1)
        if cell.white_spot:
            template = (
                self.tr("White spot: 1 actor (expected %2)")
                if cell.actors == 1
                else self.tr("White spot: %1 actors (expected %2)")
            )
        else:
            template = (
                self.tr("1 actor (expected %2)")
                if cell.actors == 1
                else self.tr("%1 actors (expected %2)")
            )
        return substitute(template, cell.actors, expected)


class BehindActorsTableModel(RowTableModel[ActorRow]):
    """The organisations behind a figure of the overview: name, kind, place."""

    COL_NAME, COL_KIND, COL_PLACE = range(3)
    COLUMN_COUNT = 3

    def __init__(self, vocabulary: Vocabulary, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary, self._lang = vocabulary, lang

    def row_id(self, row: ActorRow) -> str:
        return row.actor_id

    def header(self, column: int) -> str:
        return (self.tr("Name"), self.tr("Kind"), self.tr("Place"))[column]

    def display(self, row: ActorRow, column: int) -> str:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_KIND:
            return self._vocabulary.label("actor_kinds", row.kind, self._lang)
        return place_text(row)


def place_text(row: ActorRow) -> str:
    """The actor's town, else its municipality's name, else its municipality code."""
    if row.city:
        return row.city
    if row.municipality_code:
        return municipality_name(row.municipality_code) or row.municipality_code
    return ""
