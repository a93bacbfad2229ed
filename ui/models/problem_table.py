"""Problem statements as a Qt table model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from mapper.domain.model import PROBLEM_STATUSES
from mapper.domain.vocabulary import Vocabulary
from mapper.services.landscape import ProblemSummary
from ui.models.actor_table import ID_ROLE, SORT_ROLE, Index

STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("ProblemStatus", "Draft"),
    "open_for_input": QT_TRANSLATE_NOOP("ProblemStatus", "Open for input"),
    "seeking": QT_TRANSLATE_NOOP("ProblemStatus", "Seeking partners"),
    "matched": QT_TRANSLATE_NOOP("ProblemStatus", "Matched"),
    "closed": QT_TRANSLATE_NOOP("ProblemStatus", "Closed"),
}


def status_label(status: str) -> str:
    return QCoreApplication.translate("ProblemStatus", STATUS_LABELS.get(status, status))


class ProblemTableModel(QAbstractTableModel):
    COL_TITLE, COL_OWNER, COL_STATUS, COL_TARGET_GROUPS = range(4)
    COLUMN_COUNT = 4

    def __init__(self, vocabulary: Vocabulary, lang: str = "da", parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._lang = lang
        self._rows: list[ProblemSummary] = []

    def set_rows(self, rows: Sequence[ProblemSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ProblemSummary:
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
            self.COL_TITLE: self.tr("Title"),
            self.COL_OWNER: self.tr("Owner"),
            self.COL_STATUS: self.tr("Status"),
            self.COL_TARGET_GROUPS: self.tr("Target groups"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        problem = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return problem.id
        if role == SORT_ROLE and col == self.COL_STATUS:
            # The workflow order, not the alphabet.
            return PROBLEM_STATUSES.index(problem.status)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return self._display(problem, col)
        return None

    def _display(self, problem: ProblemSummary, col: int) -> str:
        if col == self.COL_TITLE:
            return problem.title
        if col == self.COL_OWNER:
            return problem.owner_name or ""
        if col == self.COL_STATUS:
            return status_label(problem.status)
        if col == self.COL_TARGET_GROUPS:
            return ", ".join(
                self._vocabulary.label("target_groups", c, self._lang)
                for c in problem.target_groups
            )
        return ""
