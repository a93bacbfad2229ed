"""Codes suggested from a profile's own words, to accept or reject with one click.

The dating-profile editor shows them under its header: "Forslag ud fra teksten: Udsatte børn
(målgruppe) — »mistet en forælder«  [Tilføj] [Afvis]". Accepting adds the code to the field as
an ordinary (undoable) edit; rejecting hides it for this record. A suggestion is never stored by
itself: only what staff accept becomes a declared code.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mapper.domain.model import Actor
from mapper.domain.vocabulary import Vocabulary
from ui.text_pieces import field_title_of

SuggestCodes = Callable[[Actor], Sequence[tuple[str, str, Sequence[str]]]]
"""(field, code, evidence words) suggested for an actor from its own texts."""
SUGGESTION_FIELDS = {
    "target_groups": "target_groups",
    "roles": "roles",
    "resources_offered": "resource_kinds",
}
"""Fields a suggested code may go in, with their vocabulary facet."""
TEXT_SOURCES = frozenset(
    {
        "name",
        "profile.we_are",
        "profile.best_at",
        "profile.role_towards_target_group",
        "profile.attractive_partner_because",
        "seeking.description",
    }
)
"""Fields whose words suggest codes."""
MAX_SHOWN = 4
"""More suggestions than this wait until some are accepted or rejected."""


@dataclass(frozen=True)
class CodeSuggestion:
    field: str
    """The form field the code belongs in, e.g. 'target_groups' or 'roles'."""
    code: str
    label: str
    """The code's label in the interface language."""
    field_title: str
    evidence: tuple[str, ...]
    """The words of the profile that suggest it."""


class CodeSuggestions(QWidget):
    """A short list of suggested codes, each with Add and Reject buttons (Tab reaches them)."""

    accepted = Signal(str, str)
    """(field, code) the user added."""
    rejected = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[CodeSuggestion, QWidget]] = []
        self.title = QLabel(self.tr("Suggested from the profile's own words:"))
        self.title.setObjectName("suggestionsTitle")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.title)
        self.setVisible(False)

    def suggestions(self) -> list[CodeSuggestion]:
        return [suggestion for suggestion, _ in self._rows]

    def set_suggestions(self, suggestions: Sequence[CodeSuggestion]) -> None:
        for _, row in self._rows:
            row.deleteLater()
        self._rows = []
        for suggestion in suggestions[:MAX_SHOWN]:
            row = self._row(suggestion)
            self._layout.addWidget(row)
            self._rows.append((suggestion, row))
        self.setVisible(bool(self._rows))

    def _row(self, suggestion: CodeSuggestion) -> QWidget:
        row = QWidget()
        row.setObjectName(f"suggestion_{suggestion.field}_{suggestion.code}")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        words = ", ".join(f"»{w}«" for w in suggestion.evidence[:3])
        text = f"<b>{html.escape(suggestion.label)}</b> ({html.escape(suggestion.field_title)})"
        if words:
            text += " — " + html.escape(words)
        label = QLabel(text)
        label.setWordWrap(True)
        add = QPushButton(self.tr("Add"))
        add.setObjectName("acceptSuggestion")
        add.setAccessibleName(self.tr("Add %1").replace("%1", suggestion.label))
        add.clicked.connect(lambda: self._decide(suggestion, accept=True))
        reject = QPushButton(self.tr("Reject"))
        reject.setObjectName("rejectSuggestion")
        reject.setAccessibleName(self.tr("Reject %1").replace("%1", suggestion.label))
        reject.clicked.connect(lambda: self._decide(suggestion, accept=False))
        layout.addWidget(label, 1)
        layout.addWidget(add)
        layout.addWidget(reject)
        return row

    def _decide(self, suggestion: CodeSuggestion, *, accept: bool) -> None:
        remaining = [s for s in self.suggestions() if s != suggestion]
        self.set_suggestions(remaining)
        if accept:
            self.accepted.emit(suggestion.field, suggestion.code)
        else:
            self.rejected.emit(suggestion.field, suggestion.code)


def pick_suggestions(
    record: Actor,
    suggested: Sequence[tuple[str, str, Sequence[str]]],
    rejected: Collection[tuple[str, str]],
    vocabulary: Vocabulary,
    lang: str,
) -> list[CodeSuggestion]:
    """The suggestions to show: for a field of SUGGESTION_FIELDS, not declared, not rejected."""
    declared = {
        "target_groups": set(record.target_groups),
        "roles": set(record.roles),
        "resources_offered": {r.kind for r in record.resources_offered},
    }
    shown = []
    for field, code, evidence in suggested:
        if field not in SUGGESTION_FIELDS or code in declared[field]:
            continue
        if (field, code) in rejected or code not in vocabulary.codes(SUGGESTION_FIELDS[field]):
            continue
        label = vocabulary.label(SUGGESTION_FIELDS[field], code, lang)
        shown.append(CodeSuggestion(field, code, label, field_title_of(field), tuple(evidence)))
    return shown
