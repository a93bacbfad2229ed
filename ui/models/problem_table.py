"""Problem statements as a Qt table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from mapper.domain.model import PROBLEM_STATUSES
from mapper.domain.vocabulary import Vocabulary
from mapper.services.landscape import ProblemSummary
from ui.models.row_table import RowTableModel


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which knows this name; PySide6's own is typed as returning
    object); it is translated where it is shown."""
    return text


STATUS_LABELS: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("ProblemStatus", "Draft"),
    "open_for_input": QT_TRANSLATE_NOOP("ProblemStatus", "Open for input"),
    "seeking": QT_TRANSLATE_NOOP("ProblemStatus", "Seeking partners"),
    "matched": QT_TRANSLATE_NOOP("ProblemStatus", "Matched"),
    "closed": QT_TRANSLATE_NOOP("ProblemStatus", "Closed"),
}


def status_label(status: str) -> str:
    return QCoreApplication.translate("ProblemStatus", STATUS_LABELS.get(status, status))


class ProblemTableModel(RowTableModel[ProblemSummary]):
    COL_TITLE, COL_OWNER, COL_STATUS, COL_TARGET_GROUPS = range(4)
    COLUMN_COUNT = 4

    def __init__(self, vocabulary: Vocabulary, lang: str = "da", parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._lang = lang

    def header(self, column: int) -> str:
        return (self.tr("Title"), self.tr("Owner"), self.tr("Status"), self.tr("Target groups"))[
            column
        ]

    def display(self, problem: ProblemSummary, column: int) -> str:
        if column == self.COL_TITLE:
            return problem.title
        if column == self.COL_OWNER:
            return problem.owner_name or ""
        if column == self.COL_STATUS:
            return status_label(problem.status)
        if column == self.COL_TARGET_GROUPS:
            return ", ".join(
                self._vocabulary.label("target_groups", c, self._lang)
                for c in problem.target_groups
            )
        return ""

    def sort_value(self, problem: ProblemSummary, column: int) -> Any:
        if column == self.COL_STATUS:
            return PROBLEM_STATUSES.index(problem.status)  # workflow order, not the alphabet
        return super().sort_value(problem, column)
