"""Undoable partnership edits: each command calls the partnership service with new values in
``redo()`` and old values in ``undo()``; the domain knows nothing of undo.

Commands never raise into the undo stack: a refused call (conflict, unknown record, bad code) or
a failed one (database unreachable) is handed to ``on_failed`` and the command marks itself
obsolete, so the stack drops it instead of pretending it was done. ``versions`` (shared with the
view) holds, per partnership, the version the next call expects: what the user edited, then what
the previous command wrote. Undoing an older command after a newer one therefore does not
conflict with our own writes, yet does with anybody else's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from mapper.services.partnerships import PartnershipDetail, PartnershipService

Key = tuple[str, str]
Versions = dict[Key, int]
Written = Callable[[Key, PartnershipDetail | None], None]
"""Called after every successful write with the stored partnership (None once removed)."""
Failed = Callable[[Key, Exception], None]


class PartnershipCommand(QUndoCommand):
    """One service call each way; the outcome goes to ``on_written`` or ``on_failed``."""

    def __init__(
        self,
        text: str,
        service: PartnershipService,
        key: Key,
        versions: Versions,
        on_written: Written,
        on_failed: Failed,
    ) -> None:
        super().__init__(text)
        self._service = service
        self._key = key
        self._versions = versions
        self._on_written = on_written
        self._on_failed = on_failed

    @property
    def key(self) -> Key:
        return self._key

    def forward(self, expected_version: int | None) -> PartnershipDetail | None:
        raise NotImplementedError

    def backward(self, expected_version: int | None) -> PartnershipDetail | None:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def _read_version(self, expected_version: int | None) -> int:
        """The version this change expects: every write states the version it read."""
        if expected_version is None:
            raise LookupError(f"no version read for partnership {self._key[0]} ↔ {self._key[1]}")
        return expected_version

    def _run(self, step: Callable[[int | None], PartnershipDetail | None]) -> None:
        try:
            detail = step(self._versions.get(self._key))
        except Exception as error:  # not done: it must not stay on the stack as if it were
            self.setObsolete(True)
            self._on_failed(self._key, error)
            return
        if detail is None:
            self._versions.pop(self._key, None)
        else:
            self._versions[self._key] = detail.version
        self._on_written(self._key, detail)


class ChangeStageCommand(PartnershipCommand):
    """Move a partnership to another stage; undo moves it back. Both moves stay in the
    history, which is what happened."""

    def __init__(
        self,
        text: str,
        service: PartnershipService,
        key: Key,
        versions: Versions,
        on_written: Written,
        on_failed: Failed,
        *,
        old_stage: str,
        new_stage: str,
        note: str | None = None,
        undo_note: str | None = None,
    ) -> None:
        super().__init__(text, service, key, versions, on_written, on_failed)
        self.old_stage = old_stage
        self.new_stage = new_stage
        self._note = note
        self._undo_note = undo_note

    def forward(self, expected_version: int | None) -> PartnershipDetail:
        return self._service.change_stage(
            *self._key,
            self.new_stage,
            note=self._note,
            expected_version=self._read_version(expected_version),
        )

    def backward(self, expected_version: int | None) -> PartnershipDetail:
        return self._service.change_stage(
            *self._key,
            self.old_stage,
            note=self._undo_note,
            expected_version=self._read_version(expected_version),
        )


class UpdatePartnershipCommand(PartnershipCommand):
    """Change type, notes, success factors, effect and/or evidence level. ``old`` and ``new``
    hold the same keys (any of 'type', 'notes', 'success_factors', 'effect',
    'evidence_level'): only what the user changed."""

    def __init__(
        self,
        text: str,
        service: PartnershipService,
        key: Key,
        versions: Versions,
        on_written: Written,
        on_failed: Failed,
        *,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
    ) -> None:
        super().__init__(text, service, key, versions, on_written, on_failed)
        self.old = dict(old)
        self.new = dict(new)

    def forward(self, expected_version: int | None) -> PartnershipDetail:
        version = self._read_version(expected_version)
        return self._service.update(*self._key, **self.new, expected_version=version)

    def backward(self, expected_version: int | None) -> PartnershipDetail:
        version = self._read_version(expected_version)
        return self._service.update(*self._key, **self.old, expected_version=version)


class ProposePartnershipCommand(PartnershipCommand):
    """Propose a partnership (a create: no version to expect); undo removes it again (without
    its history, so a proposal that was taken back does not count against the actor in fair
    rotation), leaving a tombstone that redo revives."""

    def __init__(
        self,
        text: str,
        service: PartnershipService,
        key: Key,
        versions: Versions,
        on_written: Written,
        on_failed: Failed,
        *,
        note: str | None = None,
    ) -> None:
        super().__init__(text, service, key, versions, on_written, on_failed)
        self._note = note

    def forward(self, expected_version: int | None) -> PartnershipDetail:
        return self._service.propose(*self._key, note=self._note)

    def backward(self, expected_version: int | None) -> None:
        self._service.remove(*self._key, expected_version=self._read_version(expected_version))
        return None
