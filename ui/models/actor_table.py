"""The actor register as a Qt table model."""

from __future__ import annotations

from typing import Any

from mapper.domain.vocabulary import Vocabulary
from mapper.services.landscape import ActorSummary
from ui.models.row_table import RowTableModel


class ActorTableModel(RowTableModel[ActorSummary]):
    COL_NAME, COL_KIND, COL_MUNICIPALITY, COL_STATUS, COL_TARGET_GROUPS = range(5)
    COLUMN_COUNT = 5

    def __init__(self, vocabulary: Vocabulary, lang: str = "da", parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._lang = lang

    def header(self, column: int) -> str:
        return (
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Place"),
            self.tr("Status"),
            self.tr("Target groups"),
        )[column]

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
        return super().sort_value(actor, column)
