"""Undoable edits of the problem editor: a field's value, a status move and the creation of the
record. Each command holds old and new values and calls back into the editor, which calls the
service; the domain knows nothing of undo."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand


class ProblemEditorTarget(Protocol):
    """What the commands need of the editor."""

    def apply_field(self, field: str, value: object) -> None:
        """Show ``value`` in the field's widget (no new command)."""

    def apply_status(self, status: str, *, revert: bool) -> bool:
        """Move the stored problem to ``status``; False (with the error shown) if refused."""

    def apply_deletion(self) -> bool:
        """Delete the stored problem, keeping the form as an unsaved new one."""

    def apply_creation(self) -> bool:
        """Store the form's problem again under the id it had."""


class SetProblemFieldCommand(QUndoCommand):
    """Set one field of the form from ``old`` to ``new``.

    Consecutive typing in the same field merges into one command, so undo takes back a word or
    a sentence rather than a letter; leaving the field (``group`` changes) starts a new one.
    """

    MERGE_ID = 0x5046  # 'PF': one id for all fields; mergeWith compares field and group

    def __init__(
        self,
        editor: ProblemEditorTarget,
        field: str,
        old: object,
        new: object,
        text: str,
        *,
        group: int = 0,
        mergeable: bool = False,
    ) -> None:
        super().__init__(text)
        self.editor = editor
        self.field = field
        self.old = old
        self.new = new
        self.group = group
        self.mergeable = mergeable

    def redo(self) -> None:
        self.editor.apply_field(self.field, self.new)

    def undo(self) -> None:
        self.editor.apply_field(self.field, self.old)

    def id(self) -> int:
        return self.MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetProblemFieldCommand)
            and other.mergeable
            and other.field == self.field
            and other.group == self.group
        ):
            return False
        self.new = other.new
        # Typing something and deleting it again leaves nothing to undo.
        self.setObsolete(self.new == self.old)
        return True


class ChangeStatusCommand(QUndoCommand):
    """A move along the workflow, made before the command is pushed; undo moves it back."""

    def __init__(self, editor: ProblemEditorTarget, old: str, new: str, text: str) -> None:
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


class CreateProblemCommand(QUndoCommand):
    """The first save of a new problem; undo deletes the record, redo stores it again."""

    def __init__(self, editor: ProblemEditorTarget, text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self._done = True

    def redo(self) -> None:
        if self._done:  # the record was stored before the push
            return
        self._done = self.editor.apply_creation()
        self.setObsolete(not self._done)

    def undo(self) -> None:
        undone = self.editor.apply_deletion()
        self._done = not undone
        self.setObsolete(not undone)
