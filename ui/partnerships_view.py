"""The partnerships view: the list by stage on the left, the selected partnership on the right
(stage and its history, type, success factors, notes, and its effect: how we know it works and
its step on the evidence ladder). Every write is an undoable command."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.errors import ConflictError, MapperError, NotFoundError
from mapper.domain.vocabulary import Vocabulary
from mapper.services.history import partnership_uid
from mapper.services.partnerships import (
    PartnershipDetail,
    PartnershipService,
    PartnershipSummary,
    partnership_label,
)
from ui.error_text import describe_error
from ui.locale_format import locale_for, substitute
from ui.models.partnership_table import (
    KEY_ROLE,
    PartnershipStageFilterProxy,
    PartnershipTableModel,
)
from ui.models.row_table import SORT_ROLE
from ui.operations import run_in_background
from ui.partnership_commands import (
    ChangeStageCommand,
    Key,
    PartnershipCommand,
    ProposePartnershipCommand,
    UpdatePartnershipCommand,
    Versions,
)
from ui.tabs.common import scaled_width
from ui.widgets.history_view import HistoryView, Loader
from ui.widgets.stage_timeline import StageTimeline

CODE = Qt.ItemDataRole.UserRole
EDITABLE_FIELDS = ("type", "notes", "success_factors", "effect", "evidence_level")
NO_FIELDS: dict[str, Any] = {
    "type": None,
    "notes": None,
    "success_factors": (),
    "effect": None,
    "evidence_level": None,
}
"""The fields as shown when no partnership is."""


def _clean(text: str) -> str | None:
    return text.strip() or None


class _WindowUndoWhenEmpty(QObject):
    """Ctrl+Z / Ctrl+Shift+Z in a line edit with nothing of its own to undo or redo go to the
    window's undo (a QLineEdit claims them even then)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit):
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Undo):
                return not watched.isUndoAvailable()
            if event.matches(QKeySequence.StandardKey.Redo):
                return not watched.isRedoAvailable()
        return False


class PartnershipsView(QWidget):
    """Follow partnerships (partnerskaber) from proposed match to evaluation.

    Call ``reload()`` to fill it. Unsaved edits are saved (undoably) before another
    partnership is shown, so they are never lost silently.
    """

    loaded = Signal(int)
    """Emitted with the number of partnerships each time the list has been (re)loaded."""
    partnership_changed = Signal(str, str)
    """(problem id, actor id) after any write from this view, undo and redo included."""
    status_message = Signal(str)
    """A short confirmation naming the partners after a stage change, a save or a proposal
    made here (for the window's status bar)."""

    def __init__(
        self,
        service: PartnershipService,
        vocabulary: Vocabulary,
        lang: str = "da",
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
        *,
        history: Loader | None = None,
    ) -> None:
        """``history`` (HistoryService.history) adds a Historik tab beside the details: who
        changed what of the partnership shown, when."""
        super().__init__(parent)
        self.setObjectName("PartnershipsView")
        self._service = service
        self._vocabulary = vocabulary
        self._lang = lang
        self._locale = locale_for(lang)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._versions: Versions = {}
        self._detail: PartnershipDetail | None = None
        """The partnership as stored when shown or last written: what edits are measured from."""
        self._populating = False
        self._following = True
        """False while rows move under the table: the details stay with their partnership."""
        self._generation = 0
        self._loading = False
        self._failure: Exception | None = None
        self.error_box: QMessageBox | None = None

        self.model = PartnershipTableModel(vocabulary, lang, self)
        self.proxy = PartnershipStageFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        splitter = QSplitter()
        splitter.addWidget(self._build_list())
        details = self._build_details()
        self.change_history: HistoryView | None = None
        if history is not None:
            self.change_history = HistoryView(history)
            self.detail_tabs = QTabWidget()
            self.detail_tabs.setObjectName("partnershipTabs")
            self.detail_tabs.setAccessibleName(self.tr("Selected partnership"))
            self.detail_tabs.addTab(details, self.tr("Details"))
            self.detail_tabs.addTab(self.change_history, self.tr("History"))
            details = self.detail_tabs
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        self._set_tab_order()

        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)
        self._show_detail(None)

    # ----------------------------------------------------------------- layout

    def _build_list(self) -> QWidget:
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("partnershipStageFilter")
        self.stage_filter.setAccessibleName(self.tr("Show partnerships at stage"))
        self.stage_filter.addItem(self.tr("All stages"), None)
        for term in self._vocabulary.terms("partnership_stages"):
            self.stage_filter.addItem(term.label(self._lang), term.code)
        self.stage_filter.currentIndexChanged.connect(
            lambda _i: self._keeping_details(
                lambda: self.proxy.set_stage(self.stage_filter.currentData())
            )
        )
        filter_label = QLabel(self.tr("&Show:"))
        filter_label.setBuddy(self.stage_filter)
        bar = QHBoxLayout()
        bar.addWidget(filter_label)
        bar.addWidget(self.stage_filter, 1)

        self.table = QTableView()
        self.table.setObjectName("partnershipTable")
        self.table.setAccessibleName(self.tr("Partnerships"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PartnershipTableModel.COL_STAGE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the details
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in (
            (PartnershipTableModel.COL_PROBLEM, 260),
            (PartnershipTableModel.COL_PARTNER, 200),
            (PartnershipTableModel.COL_STAGE, 130),
            (PartnershipTableModel.COL_TYPE, 170),
        ):
            self.table.setColumnWidth(column, scaled_width(self.table, width))
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        return page

    def _build_details(self) -> QWidget:
        self.details = QGroupBox()
        self.details.setObjectName("partnershipDetails")
        form = QFormLayout(self.details)

        self.problem_label = QLabel()
        self.partner_label = QLabel()
        for label, name in (
            (self.problem_label, self.tr("Problem statement")),
            (self.partner_label, self.tr("Partner")),
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)  # user text is text, not markup
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(name)
        form.addRow(self.tr("Problem statement:"), self.problem_label)
        form.addRow(self.tr("Partner:"), self.partner_label)

        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("partnershipStage")
        self.stage_combo.setAccessibleName(self.tr("New stage"))
        for term in self._vocabulary.terms("partnership_stages"):
            self.stage_combo.addItem(term.label(self._lang), term.code)
        self.stage_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.stage_note_edit = QLineEdit()
        self.stage_note_edit.setObjectName("stageNote")
        self.stage_note_edit.setAccessibleName(self.tr("Note on the stage change"))
        self.stage_note_edit.setPlaceholderText(self.tr("Note (optional)"))
        self.stage_note_edit.returnPressed.connect(self.change_stage)
        self._undo_filter = _WindowUndoWhenEmpty(self)
        self.stage_note_edit.installEventFilter(self._undo_filter)
        self.change_stage_button = QPushButton(self.tr("Change stage"))
        self.change_stage_button.setObjectName("changeStage")
        self.change_stage_button.setAccessibleName(self.tr("Change stage"))
        self.change_stage_button.setAutoDefault(False)
        self.change_stage_button.clicked.connect(self.change_stage)
        stage_row = QHBoxLayout()
        stage_row.addWidget(self.stage_combo, 1)
        stage_row.addWidget(self.change_stage_button)
        stage_label = QLabel(self.tr("S&tage:"))
        stage_label.setBuddy(self.stage_combo)
        form.addRow(stage_label, stage_row)
        note_label = QLabel(self.tr("N&ote:"))
        note_label.setBuddy(self.stage_note_edit)
        form.addRow(note_label, self.stage_note_edit)

        self.stage_timeline = StageTimeline(
            [(t.code, t.label(self._lang)) for t in self._vocabulary.terms("partnership_stages")],
            self._locale,
        )
        form.addRow(self.stage_timeline)

        self.history_view = QTreeWidget()
        self.history_view.setObjectName("stageHistory")
        self.history_view.setAccessibleName(self.tr("Stage history"))
        self.history_view.setHeaderLabels([self.tr("Date"), self.tr("Stage"), self.tr("Note")])
        self.history_view.setRootIsDecorated(False)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setMaximumHeight(150)
        form.addRow(self.tr("History:"), self.history_view)

        self.type_combo = QComboBox()
        self.type_combo.setObjectName("partnershipType")
        self.type_combo.setAccessibleName(self.tr("Partnership type"))
        self.type_combo.addItem(self.tr("(no type)"), None)
        for term in self._vocabulary.terms("partnership_types"):
            self.type_combo.addItem(term.label(self._lang), term.code)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._edited())
        type_label = QLabel(self.tr("T&ype:"))
        type_label.setBuddy(self.type_combo)
        form.addRow(type_label, self.type_combo)

        self.factor_list = QListWidget()
        self.factor_list.setObjectName("successFactors")
        self.factor_list.setAccessibleName(self.tr("Success factors"))
        for term in self._vocabulary.terms("partnership_success_factors"):
            item = QListWidgetItem(term.label(self._lang))
            item.setData(CODE, term.code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            self.factor_list.addItem(item)
        rows = self.factor_list.count()
        self.factor_list.setFixedHeight(
            self.factor_list.sizeHintForRow(0) * rows + 2 * self.factor_list.frameWidth()
        )
        self.factor_list.itemChanged.connect(lambda _item: self._edited())
        factors_label = QLabel(self.tr("Su&ccess factors:"))
        factors_label.setBuddy(self.factor_list)
        form.addRow(factors_label, self.factor_list)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("partnershipNotes")
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.textChanged.connect(self._edited)
        notes_label = QLabel(self.tr("&Notes:"))
        notes_label.setBuddy(self.notes_edit)
        form.addRow(notes_label, self.notes_edit)

        self.effect_edit = QPlainTextEdit()
        self.effect_edit.setObjectName("partnershipEffect")
        self.effect_edit.setAccessibleName(self.tr("How we know it works"))
        self.effect_edit.setPlaceholderText(
            self.tr("What the partnership achieved, and how you know")
        )
        self.effect_edit.setTabChangesFocus(True)
        self.effect_edit.textChanged.connect(self._edited)
        effect_label = QLabel(self.tr("&How we know it works:"))
        effect_label.setBuddy(self.effect_edit)
        form.addRow(effect_label, self.effect_edit)

        self.evidence_combo = QComboBox()
        self.evidence_combo.setObjectName("partnershipEvidenceLevel")
        self.evidence_combo.setAccessibleName(self.tr("Evidence level"))
        self.evidence_combo.addItem(self.tr("Not given"), None)
        for term in self._vocabulary.terms("evidence_levels"):
            self.evidence_combo.addItem(term.label(self._lang), term.code)
        self.evidence_combo.currentIndexChanged.connect(lambda _i: self._edited())
        evidence_label = QLabel(self.tr("&Evidence level:"))
        evidence_label.setBuddy(self.evidence_combo)
        form.addRow(evidence_label, self.evidence_combo)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("savePartnership")
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString())
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.discard_button.setObjectName("discardPartnership")
        self.discard_button.setAccessibleName(self.tr("Discard changes"))
        self.discard_button.setAutoDefault(False)
        self.discard_button.clicked.connect(self.discard_changes)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        return self.details

    def _set_tab_order(self) -> None:
        chain = [
            self.stage_filter,
            self.table,
            self.stage_combo,
            self.change_stage_button,
            self.stage_note_edit,
            self.stage_timeline,
            self.history_view,
            self.type_combo,
            self.factor_list,
            self.notes_edit,
            self.effect_edit,
            self.evidence_combo,
            self.discard_button,
            self.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ----------------------------------------------------------------- public API

    def reload(self) -> None:
        """Reload the list in the background; ``loaded`` tells when it is shown."""
        self._generation += 1
        generation = self._generation
        self._loading = True

        def done(rows: list[PartnershipSummary]) -> None:
            if generation == self._generation:  # a later reload supersedes this one
                self._loading = False
                self._loaded(rows)

        run_in_background(
            self,
            self._service.list_partnerships,
            on_success=done,
            on_failure=lambda error, _details: self._load_failed(generation, error),
        )

    def select(self, problem_id: str, actor_id: str) -> bool:
        """Select the partnership in the list (showing all stages if its own is filtered out)
        and show its details. False if it is not in the list."""
        key = (problem_id, actor_id)
        if self.model.row_for(key) is None:
            return False
        index = self._proxy_index(key)
        if index is None:
            self.show_stage(None)
            index = self._proxy_index(key)
        if index is None:
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return self.current_key() == key

    def show_stage(self, stage: str | None) -> None:
        """Show only the partnerships at ``stage`` (a stage code), or all for None."""
        index = 0 if stage is None else self.stage_filter.findData(stage)
        if index < 0:
            raise ValueError(f"unknown partnership stage {stage!r}")
        self.stage_filter.setCurrentIndex(index)

    def current_key(self) -> Key | None:
        """(problem id, actor id) of the partnership shown in the details."""
        return self._detail.key if self._detail else None

    def is_dirty(self) -> bool:
        return bool(self._changed_fields())

    def change_stage(self) -> bool:
        """Move the shown partnership to the stage chosen in the stage box."""
        detail = self._detail
        stage = self.stage_combo.currentData()
        if detail is None or stage is None or stage == detail.stage:
            return False
        label = self._vocabulary.label
        command = ChangeStageCommand(
            self.tr("Change stage of %1 to %2")
            .replace("%1", detail.actor_name)
            .replace("%2", label("partnership_stages", stage, self._lang)),
            *self._command_context(detail),
            old_stage=detail.stage,
            new_stage=stage,
            note=_clean(self.stage_note_edit.text()),
            undo_note=self.tr("Stage change undone"),
        )
        if self._push(command) is not None:
            return False
        # setText, not clear(): the field keeps no undo of its own, so Ctrl+Z in it takes the
        # stage change back (_WindowUndoWhenEmpty) instead of bringing the note back.
        self.stage_note_edit.setText("")
        self.status_message.emit(
            substitute(
                self.tr('The partnership with %1 on "%2" is now at the stage %3.'),
                detail.actor_name,
                detail.problem_title,
                label("partnership_stages", stage, self._lang),
            )
        )
        return True

    def save(self) -> bool:
        """Save type, success factors, notes and effect of the shown partnership (if
        changed)."""
        detail = self._detail
        changed = self._changed_fields()
        if detail is None or not changed:
            return True
        stored = self._stored_fields(detail)
        command = UpdatePartnershipCommand(
            self.tr("Edit partnership with %1").replace("%1", detail.actor_name),
            *self._command_context(detail),
            old={name: stored[name] for name in changed},
            new=changed,
        )
        if self._push(command) is not None:
            return False
        self.status_message.emit(
            substitute(
                self.tr('The partnership with %1 on "%2" is saved.'),
                detail.actor_name,
                detail.problem_title,
            )
        )
        return True

    def discard_changes(self) -> None:
        """Put back what is stored, dropping unsaved edits."""
        self._show_detail(self._detail)

    def propose(
        self,
        problem_id: str,
        actor_id: str,
        *,
        note: str | None = None,
        label: str | None = None,
    ) -> PartnershipDetail:
        """Propose a partnership (undoably) and select it; raises the service's error.
        ``label`` names it in the undo history ("title ↔ name"); ids only when not given."""
        key = (problem_id, actor_id)
        command = ProposePartnershipCommand(
            self.tr("Propose partnership %1").replace(
                "%1", label or partnership_label(problem_id, actor_id)
            ),
            self._service,
            key,
            self._versions,
            self._written,
            self._command_failed_quietly,  # the caller shows it
            note=note,
        )
        error = self._push(command)
        if error is not None:
            raise error
        self.select(problem_id, actor_id)
        detail = self._service.get(problem_id, actor_id)
        self.status_message.emit(
            substitute(
                self.tr('Proposed a partnership with %1 on "%2".'),
                detail.actor_name,
                detail.problem_title,
            )
        )
        return detail

    # ----------------------------------------------------------------- loading

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._show_error(error)

    def _loaded(self, rows: list[PartnershipSummary]) -> None:
        self._keeping_details(lambda: self.model.set_rows(rows))
        self._update_counts()
        detail = self._detail
        if detail is not None:
            row = self.model.row_for(detail.key)
            if row is None:
                if not self.is_dirty():
                    self._show_detail(None)
            elif self.model.row_at(row).version != detail.version:
                self._refresh_detail()  # changed elsewhere; unsaved edits stay
        self.loaded.emit(len(rows))

    def _keeping_details(self, change: Callable[[], None]) -> None:
        """Apply a change that moves rows (filter, reload, a stage change) without the table's
        current row moving on to a neighbour's details."""
        self._following = False
        try:
            change()
        finally:
            self._following = True
        key = self.current_key()
        index = self._proxy_index(key) if key else None
        if index is None:
            self.table.selectionModel().clear()
        else:
            self.table.setCurrentIndex(index)

    def _update_counts(self) -> None:
        counts = self.model.stage_counts()
        self.stage_filter.setItemText(0, f"{self.tr('All stages')} ({self.model.rowCount()})")
        for i in range(1, self.stage_filter.count()):
            code = self.stage_filter.itemData(i)
            label = self._vocabulary.label("partnership_stages", code, self._lang)
            self.stage_filter.setItemText(i, f"{label} ({counts.get(code, 0)})")

    def _proxy_index(self, key: Key) -> QModelIndex | None:
        row = self.model.row_for(key)
        if row is None:
            return None
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        return index if index.isValid() else None

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(KEY_ROLE) if current.isValid() else None
        if not self._following or key is None or key == self.current_key():
            return
        if self.is_dirty() and not self.save():
            # The edits could not be saved: keep them in front of the user.
            shown = self.current_key()
            index = self._proxy_index(shown) if shown else None
            if index is not None:
                self.table.setCurrentIndex(index)
            return
        try:
            detail = self._service.get(*key)
        except MapperError as error:
            self._show_error(error)
            return
        self._show_detail(detail)

    # ----------------------------------------------------------------- details

    def _show_detail(self, detail: PartnershipDetail | None, *, keep_edits: bool = False) -> None:
        """Show ``detail`` as stored. With ``keep_edits``, fields the user has changed (and
        the stage chosen but not yet applied) keep the user's value."""
        edited = self._changed_fields() if keep_edits else {}
        chosen_stage = self.stage_combo.currentData()
        keep_stage = keep_edits and self._detail is not None and chosen_stage != self._detail.stage
        self._populating = True
        try:
            self._detail = detail
            self.details.setEnabled(detail is not None)
            if self.change_history is not None:
                self.change_history.show_record(
                    "partnership",
                    partnership_uid(detail.problem_id, detail.actor_id) if detail else None,
                )
            if detail is None:
                self.problem_label.setText(self.tr("Select a partnership to see it here."))
                self.partner_label.clear()
                self.history_view.clear()
                self.stage_timeline.clear()
                self.stage_note_edit.setText("")
                self._set_fields(NO_FIELDS)
                return
            kind = self._vocabulary.label("actor_kinds", detail.actor_kind, self._lang)
            self.problem_label.setText(detail.problem_title)
            self.partner_label.setText(f"{detail.actor_name} ({kind})")
            if not keep_stage:
                self.stage_combo.setCurrentIndex(self.stage_combo.findData(detail.stage))
            self._show_history(detail)
            self._set_fields({**self._stored_fields(detail), **edited})
        finally:
            self._populating = False
            self._update_buttons()

    def _show_history(self, detail: PartnershipDetail) -> None:
        self.stage_timeline.set_history(detail.history, detail.stage)
        self.history_view.clear()
        for change in detail.history:
            local = change.changed_at.astimezone()  # the coordinator's own time
            when = self._locale.toString(
                QDateTime(
                    QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
                ),
                QLocale.FormatType.ShortFormat,
            )
            stage = self._vocabulary.label("partnership_stages", change.stage, self._lang)
            item = QTreeWidgetItem([when, stage, change.note or ""])
            item.setData(0, CODE, change.stage)
            self.history_view.addTopLevelItem(item)
        for column in range(2):
            self.history_view.resizeColumnToContents(column)
        last = self.history_view.topLevelItem(self.history_view.topLevelItemCount() - 1)
        if last is not None:
            self.history_view.scrollToItem(last)

    def _refresh_detail(self) -> None:
        """Read the shown partnership again, keeping unsaved edits."""
        key = self.current_key()
        if key is None:
            return
        try:
            detail = self._service.get(*key)
        except NotFoundError:
            return  # removed elsewhere: the edits stay on screen until the user moves on
        self._show_detail(detail, keep_edits=True)

    @staticmethod
    def _stored_fields(detail: PartnershipDetail) -> dict[str, Any]:
        return {
            "type": detail.type,
            "notes": detail.notes,
            "success_factors": detail.success_factors,
            "effect": detail.effect,
            "evidence_level": detail.evidence_level,
        }

    def _set_fields(self, values: dict[str, Any]) -> None:
        code = values["type"]
        self.type_combo.setCurrentIndex(0 if code is None else self.type_combo.findData(code))
        if _clean(self.notes_edit.toPlainText()) != values["notes"]:
            self.notes_edit.setPlainText(values["notes"] or "")
        if _clean(self.effect_edit.toPlainText()) != values["effect"]:
            self.effect_edit.setPlainText(values["effect"] or "")
        level = values["evidence_level"]
        self.evidence_combo.setCurrentIndex(
            0 if level is None else self.evidence_combo.findData(level)
        )
        checked = set(values["success_factors"])
        for i in range(self.factor_list.count()):
            item = self.factor_list.item(i)
            state = Qt.CheckState.Checked if item.data(CODE) in checked else Qt.CheckState.Unchecked
            item.setCheckState(state)

    def _edited_fields(self) -> dict[str, Any]:
        return {
            "type": self.type_combo.currentData(),
            "notes": _clean(self.notes_edit.toPlainText()),
            "success_factors": tuple(
                item.data(CODE)
                for item in (self.factor_list.item(i) for i in range(self.factor_list.count()))
                if item.checkState() == Qt.CheckState.Checked
            ),
            "effect": _clean(self.effect_edit.toPlainText()),
            "evidence_level": self.evidence_combo.currentData(),
        }

    def _changed_fields(self) -> dict[str, Any]:
        """The fields whose shown value differs from the stored one, with the shown value."""
        if self._detail is None:
            return {}
        stored = self._stored_fields(self._detail)
        edited = self._edited_fields()
        changed = {}
        for name in EDITABLE_FIELDS:
            same = (
                set(edited[name]) == set(stored[name])  # the order of factors is not shown
                if name == "success_factors"
                else edited[name] == stored[name]
            )
            if not same:
                changed[name] = edited[name]
        return changed

    def _edited(self) -> None:
        if not self._populating:
            self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        title = self.tr("Partnership")
        self.details.setTitle(f"{title} *" if dirty else title)
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)
        detail = self._detail
        self.change_stage_button.setEnabled(
            detail is not None and self.stage_combo.currentData() != detail.stage
        )

    # ----------------------------------------------------------------- writing

    def _command_context(self, detail: PartnershipDetail) -> tuple[Any, ...]:
        """What every command from a user action needs; it starts from the version shown."""
        self._versions[detail.key] = detail.version
        return (self._service, detail.key, self._versions, self._written, self._command_failed)

    def _push(self, command: PartnershipCommand) -> Exception | None:
        """Run the command through the undo stack; the error if it was refused."""
        self._failure = None
        self.undo_stack.push(command)
        failure, self._failure = self._failure, None
        return failure

    def _written(self, key: Key, detail: PartnershipDetail | None) -> None:
        if detail is None:
            if self.current_key() == key:
                self._show_detail(None)
            self._keeping_details(lambda: self.model.drop(key))
        else:
            if self.current_key() == key:
                self._show_detail(detail, keep_edits=True)
            self._keeping_details(lambda: self.model.put(detail.summary))
        self._update_counts()
        if self._loading:  # the list on its way was read before this write
            self.reload()
        self.partnership_changed.emit(*key)

    def _command_failed(self, key: Key, error: Exception) -> None:
        self._failure = error
        self._show_error(error)
        if self.current_key() == key:
            self._refresh_detail()
        if isinstance(error, NotFoundError):
            self.reload()

    def _command_failed_quietly(self, _key: Key, error: Exception) -> None:
        self._failure = error

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, ConflictError):
            text = "\n\n".join(
                [
                    describe_error(error),
                    self.tr(
                        "Your changes have been kept. Save again to store them over the other "
                        "changes, or discard them to see what is stored now."
                    ),
                ]
            )
        else:
            text = describe_error(error)
        if self.error_box is not None:
            self.error_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Partnerships"), text, parent=self)
        box.setObjectName("partnershipError")
        if not isinstance(error, MapperError):  # a bug or a broken database: keep the details
            box.setDetailedText("".join(traceback.format_exception(error)))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._error_box_closed(box))
        self.error_box = box
        box.open()

    def _error_box_closed(self, box: QMessageBox) -> None:
        if self.error_box is box:
            self.error_box = None
