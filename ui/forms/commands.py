"""Undoable edits of a record form: a field's value, and the creation of the record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QUndoCommand

Change = tuple[str, object, object]
"""(field, old, new)."""


class FormTarget(Protocol):
    """What the commands need of the form."""

    def apply_field(self, field: str, value: object) -> None:
        """Show ``value`` in the field's widget (no new command)."""

    def apply_deletion(self) -> bool:
        """Delete the stored record, keeping the form as an unsaved new one."""

    def apply_creation(self) -> bool:
        """Store the form's record again under the id it had."""


class SetFieldCommand(QUndoCommand):
    """Set one field from ``old`` to ``new``, with the changes it brings along (``follows``,
    e.g. an individual volunteer is taken off public maps).

    Consecutive edits of the same mergeable field in one typing group merge, so undo takes back
    a word or a sentence rather than a letter; leaving the field starts a new group. The stack
    never merges across its clean state, so what was saved stays a separate step.
    """

    MERGE_ID = 0x4653  # 'FS': one id for all fields; mergeWith compares field and group

    def __init__(
        self,
        form: FormTarget,
        field: str,
        old: object,
        new: object,
        text: str,
        *,
        group: int = 0,
        mergeable: bool = False,
        follows: Sequence[Change] = (),
    ) -> None:
        super().__init__(text)
        self.form = form
        self.field = field
        self.old = old
        self.new = new
        self.group = group
        self.mergeable = mergeable
        self.follows: dict[str, tuple[object, object]] = {f: (o, n) for f, o, n in follows}

    def redo(self) -> None:
        self.form.apply_field(self.field, self.new)
        for field, (_old, new) in self.follows.items():
            self.form.apply_field(field, new)

    def undo(self) -> None:
        for field, (old, _new) in reversed(self.follows.items()):
            self.form.apply_field(field, old)
        self.form.apply_field(self.field, self.old)

    def id(self) -> int:
        return self.MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetFieldCommand)
            and self.mergeable
            and other.mergeable
            and other.field == self.field
            and other.group == self.group
        ):
            return False
        self.new = other.new
        for field, (old, new) in other.follows.items():
            self.follows[field] = (self.follows.get(field, (old, new))[0], new)
        # Typing something and deleting it again leaves nothing to undo.
        self.setObsolete(
            self.new == self.old and all(old == new for old, new in self.follows.values())
        )
        return True


class CreateRecordCommand(QUndoCommand):
    """The first save of a new record. Undo deletes the stored record (the form keeps the
    input as an unsaved new one); redo stores it again under the same id. The save itself has
    happened when the command is pushed, so the first redo does nothing."""

    def __init__(self, form: FormTarget, text: str) -> None:
        super().__init__(text)
        self.form = form
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        if not self.form.apply_creation():
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.form.apply_deletion():
            self.setObsolete(True)
