"""Historik: the change history of the selected actor or problem statement, newest first — who
changed what, when, from which value to which. Read-only; read in the background, and only
while it is shown."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mapper.domain.errors import NotFoundError
from mapper.services.history import FieldChange, HistoryEntry
from ui.operations import run_in_background
from ui.text_pieces import FIELD_TITLES, QT_TRANSLATE_NOOP, field_title_of, translate

MAX_VALUE = 80
"""Longer values are cut short in the list (the tooltip has them whole)."""

ACTIONS = {
    "created": QT_TRANSLATE_NOOP("HistoryView", "created"),
    "changed": QT_TRANSLATE_NOOP("HistoryView", "changed"),
    "deleted": QT_TRANSLATE_NOOP("HistoryView", "deleted"),
    "revived": QT_TRANSLATE_NOOP("HistoryView", "revived"),
    "merged": QT_TRANSLATE_NOOP("HistoryView", "merged"),
    "imported": QT_TRANSLATE_NOOP("HistoryView", "imported"),
}
TITLES = {
    "profile.we_are": QT_TRANSLATE_NOOP("HistoryView", "Who we are"),
    "profile.best_at": QT_TRANSLATE_NOOP("HistoryView", "We are best at"),
    "profile.worst_at": QT_TRANSLATE_NOOP("HistoryView", "We are worst at"),
    "profile.attractive_partner_because": QT_TRANSLATE_NOOP(
        "HistoryView", "An attractive partner because"
    ),
    "profile.role_towards_target_group": QT_TRANSLATE_NOOP(
        "HistoryView", "Our role towards the target group"
    ),
    "profile.how_we_know_it_works": QT_TRANSLATE_NOOP("HistoryView", "How we know it works"),
    "registry_ids": QT_TRANSLATE_NOOP("HistoryView", "Register ids (CVR …)"),
    "review_notes": QT_TRANSLATE_NOOP("HistoryView", "For review"),
    "merged_into": QT_TRANSLATE_NOOP("HistoryView", "Merged into"),
    "merged_from": QT_TRANSLATE_NOOP("HistoryView", "Merged from"),
}
"""Titles of the fields the error texts have none for."""

Loader = Callable[[str, str], list[HistoryEntry]]
"""(record type, id) → the record's history, newest first (HistoryService.history)."""


class HistoryView(QWidget):
    """The history of one record. ``show_record`` names the record; it is read when the view
    is shown (at once when it is showing), so a hidden tab costs nothing."""

    history_loaded = Signal(str, int)
    """(record id, number of entries) each time the list was filled."""

    def __init__(self, load: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self._load = load
        self._record: tuple[str, str] | None = None
        self._stale = False
        self._request = 0
        self.list = QListWidget()
        self.list.setObjectName("historyList")
        self.list.setAccessibleName(self.tr("Change history"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.status = QLabel(self.tr("Select a record to see its history."))
        self.status.setObjectName("historyStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)

    def show_record(self, record_type: str, record_id: str | None) -> None:
        """Show this record's history (None: none); read again even when it is the same
        record, since this is called after every change of it."""
        self._request += 1
        self._record = (record_type, record_id) if record_id else None
        self.list.clear()
        if self._record is None:
            self._stale = False
            self.status.setText(self.tr("Select a record to see its history."))
            self.status.show()
            return
        self._stale = True
        if self.isVisible():
            self._read()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._read()

    def _read(self) -> None:
        assert self._record is not None
        self._stale = False
        record_type, record_id = self._record
        request = self._request
        self.status.setText(self.tr("Reading the history…"))
        self.status.show()
        run_in_background(
            self,
            lambda: self._load(record_type, record_id),
            on_success=lambda entries: self._fill(request, record_id, entries),
            on_failure=lambda error, _details: self._failed(request, error),
        )

    def _fill(self, request: int, record_id: str, entries: list[HistoryEntry]) -> None:
        if request != self._request:  # another record was chosen meanwhile
            return
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(entry_text(entry))
            item.setToolTip(entry_tooltip(entry))
            self.list.addItem(item)
        if entries:
            self.status.hide()
        else:
            self.status.setText(self.tr("No changes recorded."))
            self.status.show()
        self.history_loaded.emit(record_id, len(entries))

    def _failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        if isinstance(error, NotFoundError):  # deleted meanwhile, or never stored
            text = self.tr("No changes recorded.")
        else:
            text = self.tr("The history could not be read.")
        self.status.setText(text)
        self.status.show()

    def texts(self) -> list[str]:
        """The entries as listed (for tests and accessibility checks)."""
        return [self.list.item(i).text() for i in range(self.list.count())]


# --------------------------------------------------------------------------- text


def _tr(text: str) -> str:
    return translate("HistoryView", text)


def field_title(change: FieldChange) -> str:
    """The field's title in the interface language; the service's Danish title otherwise."""
    if change.field in TITLES:
        return _tr(TITLES[change.field])
    if change.field in FIELD_TITLES:
        return field_title_of(change.field)
    return change.label


def value_text(value: Any, *, limit: int | None = MAX_VALUE) -> str:
    if value is None or value == [] or value == "":
        return translate("HistoryView", "(empty)")
    if isinstance(value, bool):
        return translate("HistoryView", "yes") if value else translate("HistoryView", "no")
    if isinstance(value, list):
        text = ", ".join(
            json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else str(v)
            for v in value
        )
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"»{text}«"


def change_text(change: FieldChange, *, limit: int | None = MAX_VALUE) -> str:
    """'Name: »A« → »B«'; the new value alone when there was none."""
    title = field_title(change)
    old_value = change.shown_old if change.shown_old is not None else change.old
    new_value = change.shown_new if change.shown_new is not None else change.new
    if change.old is None and change.new is not None:
        return f"{title}: {value_text(new_value, limit=limit)}"
    old, new = value_text(old_value, limit=limit), value_text(new_value, limit=limit)
    return f"{title}: {old} → {new}"


def entry_heading(entry: HistoryEntry) -> str:
    """'2026-12-01 14:03  Anna (changed)' in local time."""
    when = entry.changed_at.astimezone().strftime("%Y-%m-%d %H:%M")
    who = entry.changed_by or translate("HistoryView", "unknown")
    action = _tr(ACTIONS[entry.action]) if entry.action in ACTIONS else entry.action
    return f"{when}  {who} ({action})"


def entry_text(entry: HistoryEntry, *, limit: int | None = MAX_VALUE) -> str:
    lines = [entry_heading(entry)]
    if not entry.values_kept and entry.action != "imported":
        lines.append(translate("HistoryView", "(the values have been erased)"))
    lines += [change_text(c, limit=limit) for c in entry.changes]
    return "\n".join(lines)


def entry_tooltip(entry: HistoryEntry) -> str:
    return entry_text(entry, limit=None)
