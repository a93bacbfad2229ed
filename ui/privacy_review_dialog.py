"""The "Data review…" dialog (Gennemgang af data): actors not verified within a number of
months (double-click opens one in the editor) and persons inactive beyond the retention period,
proposed for erasure ("Delete person…" asks, then erases in the background). Both periods are
settings of the database, saved as they are changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.changes import Changes
from mapper.domain.vocabulary import Vocabulary
from mapper.geo.reference import municipalities
from mapper.services.privacy import (
    MONTHS_MAX,
    MONTHS_MIN,
    ErasureProposal,
    ErasureReport,
    PrivacyService,
    PrivacySettings,
    UnverifiedRecord,
)
from ui.error_text import describe_error
from ui.locale_format import substitute
from ui.models.row_table import SORT_ROLE, RowTableModel
from ui.operations import run_in_background

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _date(value: Any) -> str:
    return value.isoformat() if value is not None else ""


class UnverifiedTableModel(RowTableModel[UnverifiedRecord]):
    COL_NAME, COL_KIND, COL_MUNICIPALITY, COL_VERIFIED, COL_CHANGED = range(5)
    COLUMN_COUNT = 5

    def __init__(self, vocabulary: Vocabulary, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary, self._lang = vocabulary, lang

    def header(self, column: int) -> str:
        return (
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Municipality"),
            self.tr("Verified"),
            self.tr("Last changed"),
        )[column]

    def display(self, row: UnverifiedRecord, column: int) -> str:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_KIND:
            return self._vocabulary.label("actor_kinds", row.kind, self._lang)
        if column == self.COL_MUNICIPALITY:
            return municipality_text(row.municipality_code)
        if column == self.COL_VERIFIED:
            return _date(row.verified_on) if row.verified_on else self.tr("never")
        return _date(row.last_changed.date())

    def sort_value(self, row: UnverifiedRecord, column: int) -> Any:
        if column == self.COL_VERIFIED:
            return _date(row.verified_on)  # never verified ('') first
        if column == self.COL_CHANGED:
            return row.last_changed.isoformat()
        return super().sort_value(row, column)


class ErasureProposalTableModel(RowTableModel[ErasureProposal]):
    COL_NAME, COL_MUNICIPALITY, COL_REASON, COL_SINCE = range(4)
    COLUMN_COUNT = 4

    def header(self, column: int) -> str:
        return (self.tr("Name"), self.tr("Municipality"), self.tr("Why"), self.tr("Since"))[column]

    def display(self, row: ErasureProposal, column: int) -> str:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_MUNICIPALITY:
            return municipality_text(row.municipality_code)
        if column == self.COL_REASON:
            if row.reason == "inactive":
                return self.tr("Marked inactive")
            return self.tr("Nothing changed, verified or worked on")
        return _date(row.since)

    def sort_value(self, row: ErasureProposal, column: int) -> Any:
        if column == self.COL_SINCE:
            return row.since.isoformat()
        return super().sort_value(row, column)


def municipality_text(code: str | None) -> str:
    """'Esbjerg (0561)'; the code alone when it is no Danish municipality's."""
    if not code:
        return ""
    found = municipalities().get(code)
    return f"{found.name} ({code})" if found else code


def _table(model: RowTableModel[Any], name: str, accessible: str) -> tuple[QTableView, Any]:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    # The service's order (never verified first, then the oldest) until a header is clicked.
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    proxy.sort(-1)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table, proxy


class PrivacyReviewDialog(QDialog):
    """Two lists of the data review; the periods are saved to the database when changed."""

    loaded = Signal(int, int)
    """Emitted with (records not verified, persons proposed) after each load."""
    actor_requested = Signal(str)
    """An actor id the user asked to open in the editor (double-click)."""
    person_erased = Signal(str)
    """The id of a person erased from here."""
    changes_made = Signal(object)
    """The ``Changes`` of an erasure."""

    def __init__(
        self,
        privacy: PrivacyService,
        vocabulary: Vocabulary,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("privacyReviewDialog")
        self.setWindowTitle(self.tr("Data review"))
        self._privacy = privacy

        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("privacyReviewSummary")
        self.summary.setWordWrap(True)

        self.verify_months = self._spin_box("verifyMonths")
        self.retention_months = self._spin_box("retentionMonths")
        self.unverified_model = UnverifiedTableModel(vocabulary, lang, self)
        self.unverified_table, self.unverified_proxy = _table(
            self.unverified_model, "unverifiedTable", self.tr("Actors not verified")
        )
        self.unverified_table.activated.connect(self._open_actor)  # double-click or Enter
        self.proposal_model = ErasureProposalTableModel(self)
        self.proposal_table, self.proposal_proxy = _table(
            self.proposal_model, "erasureTable", self.tr("Persons proposed for erasure")
        )
        self.erase_button = QPushButton(self.tr("Delete person…"))
        self.erase_button.setObjectName("erasePersonButton")
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.ask_erase)
        self.proposal_table.selectionModel().selectionChanged.connect(self._selection_changed)

        unverified = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Not verified for more than (months):"), self.verify_months)
        layout = QVBoxLayout(unverified)
        layout.addLayout(form)
        layout.addWidget(self.unverified_table, 1)
        layout.addWidget(QLabel(self.tr("Double-click an actor to open it in the editor.")))
        retention = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Inactive for more than (months):"), self.retention_months)
        layout = QVBoxLayout(retention)
        layout.addLayout(form)
        layout.addWidget(self.proposal_table, 1)
        note = QLabel(
            self.tr(
                "Individual volunteers inactive this long are only proposed: nobody is "
                "deleted until you choose Delete person."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.erase_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Records to review"))
        self.tabs.addTab(unverified, self.tr("Not verified"))
        self.tabs.addTab(retention, self.tr("Proposed for erasure"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        main = QVBoxLayout(self)
        main.addWidget(self.summary)
        main.addWidget(self.tabs, 1)
        main.addWidget(buttons)
        self.resize(900, 560)
        self.verify_months.setEnabled(False)
        self.retention_months.setEnabled(False)
        run_in_background(
            self, privacy.settings, on_success=self._settings_loaded, on_failure=self._failed
        )

    def _spin_box(self, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(MONTHS_MIN, MONTHS_MAX)
        box.setKeyboardTracking(False)  # saved once typing is done, not per digit
        return box

    # ----------------------------------------------------------------- loading

    def _settings_loaded(self, settings: PrivacySettings) -> None:
        self.verify_months.setValue(settings.verify_months)
        self.retention_months.setValue(settings.retention_months)
        for box in (self.verify_months, self.retention_months):
            box.setEnabled(True)
            box.valueChanged.connect(self._months_changed)
        self.load()

    def _months_changed(self) -> None:
        verify, retention = self.verify_months.value(), self.retention_months.value()
        privacy = self._privacy

        def save() -> PrivacySettings:
            return privacy.save_settings(verify_months=verify, retention_months=retention)

        run_in_background(self, save, on_success=lambda _s: self.load(), on_failure=self._failed)

    def load(self) -> None:
        """Both lists, in the background, for the periods shown."""
        verify, retention = self.verify_months.value(), self.retention_months.value()
        privacy = self._privacy

        def work() -> tuple[list[UnverifiedRecord], list[ErasureProposal]]:
            return privacy.unverified_records(verify), privacy.erasure_proposals(retention)

        run_in_background(self, work, on_success=self._show, on_failure=self._failed)

    def _show(self, result: tuple[list[UnverifiedRecord], list[ErasureProposal]]) -> None:
        unverified, proposals = result
        self.unverified_model.set_rows(unverified)
        self.proposal_model.set_rows(proposals)
        self.summary.setText(
            substitute(
                self.tr(
                    "%1 actors have not been verified for %2 months; %3 persons have been "
                    "inactive for more than %4 months and are proposed for erasure."
                ),
                len(unverified),
                self.verify_months.value(),
                len(proposals),
                self.retention_months.value(),
            )
        )
        self._selection_changed()
        self.loaded.emit(len(unverified), len(proposals))

    def _failed(self, error: BaseException, _details: str) -> None:
        self.summary.setText(describe_error(error))

    # ----------------------------------------------------------------- commands

    def _open_actor(self, index: QModelIndex) -> None:
        row = self.unverified_model.row_at(self.unverified_proxy.mapToSource(index).row())
        self.actor_requested.emit(row.id)

    def selected_proposal(self) -> ErasureProposal | None:
        indexes = self.proposal_table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.proposal_model.row_at(self.proposal_proxy.mapToSource(indexes[0]).row())

    def _selection_changed(self, *_args: object) -> None:
        self.erase_button.setEnabled(self.selected_proposal() is not None)

    def ask_erase(self) -> QMessageBox | None:
        """Ask before erasing the selected person (window-modal); Yes erases."""
        proposal = self.selected_proposal()
        if proposal is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete person"),
            substitute(
                self.tr(
                    "Delete everything about %1 (%2) for good: the record, partnerships, "
                    "contact fields and history, and the backups holding them? This cannot "
                    "be undone."
                ),
                proposal.name,
                proposal.id,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmErasure")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda answer: (
                self.erase(proposal.id) if answer == QMessageBox.StandardButton.Yes else None
            )
        )
        box.open()
        return box

    def erase(self, person_id: str) -> None:
        """Erase the person in the background, then reload the lists."""
        self.erase_button.setEnabled(False)
        self.summary.setText(self.tr("Deleting…"))
        run_in_background(
            self,
            lambda: self._privacy.erase_person(person_id),
            on_success=self._erased,
            on_failure=self._failed,
        )

    def _erased(self, report: ErasureReport) -> None:
        # Other actors' contact fields, problem owners and partnerships changed too.
        self.changes_made.emit(Changes(everything=True))
        self.person_erased.emit(report.actor_id)
        self.load()


def open_privacy_review_dialog(window: MainWindow) -> PrivacyReviewDialog:
    """The window's "Data review…" command (not modal); an actor double-clicked opens in the
    register's editor, and an erasure is announced on the window's change hub."""
    context = window.context
    landscape = context.landscape
    privacy = PrivacyService(landscape.database, context.vocabulary, author=landscape.author)
    dialog = PrivacyReviewDialog(privacy, context.vocabulary, context.lang, window)

    def open_actor(actor_id: str) -> None:
        window.tabs.setCurrentWidget(window.landscape_tab)
        window.select_actor(actor_id)
        window.activateWindow()

    dialog.actor_requested.connect(open_actor)
    dialog.changes_made.connect(window.changes.announce)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
