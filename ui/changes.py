"""The window's change hub: every mutation announces a ``Changes`` and views refresh only that."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from mapper.domain.changes import Changes


class ChangeHub(QObject):
    """One signal that every edit, undo, import and proposal goes through."""

    changes_applied = Signal(object)
    """A ``mapper.domain.changes.Changes``, after the database holds it."""

    def announce(self, changes: Changes) -> None:
        if changes:
            self.changes_applied.emit(changes)
