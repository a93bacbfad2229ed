"""The problem editor's own undoable step: a move along the status workflow. Field edits and
the creation of the record are the form framework's commands (ui/forms/commands.py)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand


class StatusTarget(Protocol):
    def apply_status(self, status: str, *, revert: bool) -> bool:
        """Move the stored problem to ``status``; False (with the error shown) if refused."""


class ChangeStatusCommand(QUndoCommand):
    """A move along the workflow, made before the command is pushed; undo moves it back."""

    def __init__(self, editor: StatusTarget, old: str, new: str, text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self.old = old
        self.new = new
        self._done = True

    def redo(self) -> None:
        if self._done:  # the move was made before the push
            return
        self._done = self.editor.apply_status(self.new, revert=False)
        self.setObsolete(not self._done)

    def undo(self) -> None:
        undone = self.editor.apply_status(self.old, revert=True)
        self._done = not undone
        # A move that can no longer be taken back leaves the stack.
        self.setObsolete(not undone)
