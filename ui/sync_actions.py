"""Offline work in the main window: "Take offline…" copies the landscape from the server into
a new file, "Synchronise" brings an offline copy and its server up to date in the background,
and "Sync conflicts…" lists what both sides changed, to be decided field by field. A copy's
origin and last synchronisation stay in the status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox

from mapper.domain.changes import Changes
from mapper.domain.errors import MapperError
from mapper.domain.three_way import Side
from mapper.persistence.database import open_database, short_name
from mapper.services.sync import CheckoutReport, Conflict, SyncReport, SyncService
from ui.database_dialog import remember_database
from ui.error_text import describe_error
from ui.locale_format import format_number, substitute
from ui.operations import run_cancellable, run_in_background
from ui.sync_dialogs import (
    ConflictRecord,
    ConflictTexts,
    SyncConflictsDialog,
    TakeOfflineDialog,
)

if TYPE_CHECKING:
    from ui.main_window import MainWindow

MESSAGE_MS = 10_000
CHECKOUT_STEPS = 3


class SyncCommands(QObject):
    """The offline commands of one main window and the state they follow: whether its
    database is an offline copy, and how many conflicts are open."""

    sync_available = Signal(bool)
    """Whether "Synchronise" can run now (an offline copy, no sync running)."""
    conflicts_changed = Signal(int)
    """How many conflicts are open, after each sync and decision."""
    checked_out = Signal(object)
    """A CheckoutReport, after "Take offline…" wrote its copy."""
    synced = Signal(object)
    """A SyncReport, after a sync (the window's views are refreshed by then)."""
    sync_failed = Signal(object)
    """The error a sync or checkout ended with (shown to the user as well)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        landscape = window.context.landscape
        self.database = landscape.database
        self.author = landscape.author
        self.service = SyncService(self.database, window.context.vocabulary, author=self.author)
        self.status_label = QLabel()
        self.status_label.setObjectName("syncStatusLabel")
        self.status_label.hide()
        self.launch: Callable[[str], bool] = self.open_copy
        """Opens the copy just made; replaceable (tests)."""
        self.is_copy = False
        self.server_url: str | None = None
        """The server an offline copy came from (without its password)."""
        self.running = False
        self.take_offline_dialog: TakeOfflineDialog | None = None
        self.conflicts_dialog: SyncConflictsDialog | None = None
        self.last_box: QMessageBox | None = None
        """The last message box shown (a result or an error)."""

    def _message(self, text: str) -> None:
        self._window.statusBar().showMessage(text, MESSAGE_MS)

    # ----------------------------------------------------------------- state

    def read_state(self) -> None:
        """Whether the database is an offline copy, shown in the status bar and the actions."""
        try:
            origin = self.service.origin()
            conflicts = len(self.service.conflicts()) if origin is not None else 0
        except MapperError:  # the window shows the database's own errors
            origin, conflicts = None, 0
        self.is_copy = origin is not None
        self.server_url = origin.server_url if origin is not None else None
        if origin is not None:
            when = (
                substitute(self.tr("last synchronised %1"), _local_time(origin.last_sync_at))
                if origin.last_sync_at is not None
                else self.tr("not synchronised yet")
            )
            self.status_label.setText(
                substitute(self.tr("Offline copy of %1 · %2"), short_name(origin.server_url), when)
            )
            self.status_label.setToolTip(
                origin.server_url
                + "\n"
                + self.tr("Synchronise (Ctrl+Shift+S) brings the copy and the server up to date.")
            )
        self.status_label.setVisible(self.is_copy)
        self.sync_available.emit(self.is_copy and not self.running)
        self.conflicts_changed.emit(conflicts)

    # ----------------------------------------------------------------- take offline

    def ask_take_offline(self) -> TakeOfflineDialog:
        """File → Take offline…: the dialog; OK copies in the background."""
        # The window's own server, or the one this copy came from.
        prefill = self.database.url if not self.database.is_sqlite else self.server_url or ""
        try:
            municipalities = self._window.context.landscape.municipalities()
        except MapperError:
            municipalities = []
        dialog = TakeOfflineDialog(prefill, municipalities, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.take_offline(
                dialog.server_url(), dialog.municipality_code(), dialog.target()
            )
        )
        self.take_offline_dialog = dialog
        dialog.open()
        return dialog

    def take_offline(self, server_url: str, code: str | None, target: str) -> None:
        """Copy the municipality's landscape (all for None) into the new file ``target``;
        Cancel leaves no file."""
        author = self.author

        def done(report: CheckoutReport) -> None:
            self._message(substitute(self.tr("Offline copy saved in %1"), report.path))
            self._offer_to_open(report)
            self.checked_out.emit(report)

        def cancelled() -> None:
            self._message(self.tr("Taking offline was cancelled; no copy was made."))

        run_cancellable(
            self._window,
            substitute(self.tr("Copying the landscape into %1…"), target),
            lambda step: SyncService.checkout(
                server_url, target, code, author=author, progress=step
            ),
            on_success=done,
            on_failure=lambda error, details: self._show_error(
                self.tr("No offline copy was made."), error
            ),
            on_cancelled=cancelled,
            steps=CHECKOUT_STEPS,
        )

    def _offer_to_open(self, report: CheckoutReport) -> None:
        path = str(report.path)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Offline copy made"),
            substitute(
                self.tr(
                    "The copy holds %1 actors, %2 problem statements and %3 partnerships "
                    "from %4, and is saved in %5."
                ),
                format_number(report.actors),
                format_number(report.problems),
                format_number(report.partnerships),
                report.server,
                path,
            )
            + "\n\n"
            + self.tr(
                "Open it now to work offline in this window (File → Switch database… goes "
                "back); later you can also open it with the command:"
            )
            + f'\nmapper --db "{path}" gui',
            parent=self._window,
        )
        box.setObjectName("offlineCopyMade")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = box.addButton(self.tr("&Open the copy"), QMessageBox.ButtonRole.AcceptRole)
        open_button.setObjectName("openCopyButton")
        box.addButton(self.tr("&Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is open_button and not self.launch(path):
                self._message(
                    substitute(
                        self.tr("The copy could not be opened: use mapper --db %1 gui"), path
                    )
                )

        box.finished.connect(answered)
        self.last_box = box
        box.open()

    def open_copy(self, path: str) -> bool:
        """Work on the copy in this window (its ``database_chosen``), remembered for the next
        start. False when it could not be opened."""
        if not self._window.can_close():
            return True  # unsaved work the user keeps: this window stays as it is
        try:
            database = open_database(path)
        except MapperError as error:
            self._show_error(self.tr("The copy could not be opened."), error)
            return True
        remember_database(path)
        self._window.database_chosen.emit(database)
        return True

    # ----------------------------------------------------------------- sync

    def sync_now(self, decisions: Sequence[tuple[str, str, Side]] = ()) -> bool:
        """Synchronise in the background, first deciding ``decisions`` (record id, field,
        side); False when it cannot start (no copy, or a sync is running)."""
        if not self.is_copy or self.running:
            return False
        self.running = True
        self.sync_available.emit(False)
        self._message(self.tr("Synchronising…"))
        service = self.service

        def work() -> tuple[SyncReport, list[ConflictRecord]]:
            for record_id, field, side in decisions:
                service.resolve(record_id, field, side)
            report = service.sync()
            return report, self._records(report.conflicts)

        run_in_background(self._window, work, on_success=self._synced, on_failure=self._failed)
        return True

    def _synced(self, result: tuple[SyncReport, list[ConflictRecord]]) -> None:
        report, records = result
        self.running = False
        if report.count("pull"):
            self._window.changes.announce(Changes(everything=True))
        self.read_state()
        self._message(
            substitute(
                self.tr("Synchronised: %1 sent, %2 received, %3 conflicts"),
                format_number(report.count("push")),
                format_number(report.count("pull")),
                format_number(len(report.conflicts)),
            )
        )
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.set_records(records)
        elif records:
            self.show_conflicts(records)
        self.synced.emit(report)

    def _failed(self, error: BaseException, _details: str) -> None:
        self.running = False
        self.read_state()
        self._show_error(
            self.tr("The synchronisation could not be completed; nothing is lost."), error
        )

    def _show_error(self, head: str, error: BaseException) -> None:
        self._window.statusBar().clearMessage()
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Offline copy"), head, parent=self._window
        )
        box.setObjectName("syncError")
        box.setInformativeText(describe_error(error))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_box = box
        box.open()
        self.sync_failed.emit(error)

    # ----------------------------------------------------------------- conflicts

    def show_conflicts(
        self, records: Sequence[ConflictRecord] | None = None
    ) -> SyncConflictsDialog:
        """The records with open conflicts (not modal); deciding one syncs again."""
        if records is None:
            records = self._records(self.service.conflicts())
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.set_records(records)
            self.conflicts_dialog.raise_()
            self.conflicts_dialog.activateWindow()
            return self.conflicts_dialog
        dialog = SyncConflictsDialog(records, self._texts(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(self._decided)
        dialog.finished.connect(self._conflicts_closed)
        self.conflicts_dialog = dialog
        dialog.show()
        return dialog

    def _conflicts_closed(self, _result: int) -> None:
        self.conflicts_dialog = None

    def _decided(self, record: ConflictRecord, choices: dict[str, Side]) -> None:
        decisions = [(record.record_id, field, side) for field, side in choices.items()]
        if not self.sync_now(decisions):
            self._message(self.tr("A synchronisation is running: decide again when it is done."))

    def _texts(self) -> ConflictTexts:
        """Field titles and code facets from the window's own forms."""
        titles: dict[str, dict[str, str]] = {}
        facets: dict[str, dict[str, str]] = {}
        for record_type, editor in (
            ("actor", self._window.actor_editor),
            ("problem", self._window.problem_editor),
        ):
            for section in editor.sections():
                for spec in section.fields:
                    titles.setdefault(record_type, {})[spec.key] = spec.title
                    facet = getattr(spec, "facet", "")
                    if facet:
                        facets.setdefault(record_type, {})[spec.key] = facet
        context = self._window.context
        return ConflictTexts(context.vocabulary, context.lang, titles, facets)

    def _records(self, conflicts: Sequence[Conflict]) -> list[ConflictRecord]:
        """Conflicts by record, each record named (by its id when it cannot be looked up)."""
        grouped: dict[tuple[str, str], list[Conflict]] = {}
        for c in conflicts:
            grouped.setdefault((c.record_type, c.record_id), []).append(c)
        landscape = self._window.context.landscape
        wanted = {t: {uid for (kind, uid) in grouped if kind == t} for t in ("actor", "problem")}
        for t, uid in grouped:
            if t == "partnership":
                problem, _, actor = uid.partition(":")
                wanted["problem"].add(problem)
                wanted["actor"].add(actor)
        names = {("actor", a.id): a.name for a in landscape.actor_summaries(wanted["actor"])}
        names |= {
            ("problem", p.id): p.title for p in landscape.problem_summaries(wanted["problem"])
        }

        def name(t: str, uid: str) -> str:
            if t != "partnership":
                return names.get((t, uid), uid)
            problem, _, actor = uid.partition(":")
            return " ↔ ".join(
                (names.get(("problem", problem), problem), names.get(("actor", actor), actor))
            )

        return [
            ConflictRecord(t, uid, name(t, uid), tuple(found))
            for (t, uid), found in sorted(grouped.items())
        ]


def _local_time(when: dt.datetime) -> str:
    """A time stored in UTC (naive from SQLite) in the user's time zone and locale."""
    aware = when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
    moment = QDateTime.fromSecsSinceEpoch(int(aware.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
