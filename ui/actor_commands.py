"""Undoable edits of the dating-profile editor: each holds one field's old and new value."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QUndoCommand

Change = tuple[str, object, object]
"""(field, old, new)."""


class FieldEditor(Protocol):
    """What a command needs of the editor: put a value into a field (and its widget)."""

    def apply_field(self, field: str, value: object) -> None: ...


class SetFieldCommand(QUndoCommand):
    """Set one field of the edited record from ``old`` to ``new``, with the changes it brings
    along (``follows``, e.g. an individual volunteer is taken off public maps).

    Consecutive edits of the same mergeable field (typing in a text field, stepping through a
    combo box) merge into one command, so undo takes back a whole word rather than a letter.
    The stack never merges across its clean state, so what was saved stays a separate step.
    """

    MERGE_ID = 0x5346  # 'SF': one id for all fields; mergeWith compares the field

    def __init__(
        self,
        editor: FieldEditor,
        field: str,
        old: object,
        new: object,
        text: str = "",
        *,
        mergeable: bool = False,
        follows: Sequence[Change] = (),
    ) -> None:
        super().__init__(text or field)
        self.editor = editor
        self.field = field
        self.old = old
        self.new = new
        self.mergeable = mergeable
        self.follows: dict[str, tuple[object, object]] = {f: (o, n) for f, o, n in follows}

    def redo(self) -> None:
        self.editor.apply_field(self.field, self.new)
        for field, (_old, new) in self.follows.items():
            self.editor.apply_field(field, new)

    def undo(self) -> None:
        for field, (old, _new) in reversed(self.follows.items()):
            self.editor.apply_field(field, old)
        self.editor.apply_field(self.field, self.old)

    def id(self) -> int:
        return self.MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetFieldCommand)
            and other.mergeable
            and self.mergeable
            and other.field == self.field
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
