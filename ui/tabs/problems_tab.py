"""Problemstillinger: the problem statements by workflow status, the selected one's overview,
the problem editor and *Find partners*."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.errors import NotFoundError
from mapper.domain.municipality import padded
from mapper.domain.vocabulary import Vocabulary
from mapper.matching.statuses import is_matchable, matchable_statuses
from mapper.services.history import HistoryService
from mapper.services.landscape import LandscapeService, ProblemSummary
from mapper.services.problems import ProblemEditService
from ui.models.problem_table import ProblemTableModel, status_label
from ui.models.row_table import ID_ROLE
from ui.problem_editor import ProblemEditor
from ui.tabs.common import (
    focus_first_field,
    set_column_widths,
    sort_proxy,
    table_view,
)
from ui.tabs.profiles import ProfileHtml
from ui.widgets.history_view import HistoryView

COLUMN_WIDTHS = {
    ProblemTableModel.COL_TITLE: 300,
    ProblemTableModel.COL_OWNER: 190,
    ProblemTableModel.COL_STATUS: 130,
}


class ProblemsTab(QWidget):
    """The problem statements. ``set_rows`` once, ``apply_problem_changes`` after that."""

    match_requested = Signal(str)
    """A problem statement's id: the user wants its ranked partners."""

    def __init__(
        self,
        landscape: LandscapeService,
        problem_edit: ProblemEditService,
        vocabulary: Vocabulary,
        lang: str,
        profiles: ProfileHtml,
        owners: Callable[[], list[tuple[str, str]]],
        parent: QWidget | None = None,
        *,
        history: HistoryService,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("problemsTab")
        self._history = history
        self._landscape = landscape
        self._profiles = profiles
        self._select_after_change: str | None = None
        self._updating = False
        self.problem_model = ProblemTableModel(vocabulary, lang, self)
        self.problem_proxy = sort_proxy(self.problem_model, self)

        self.problem_view = table_view(
            self.problem_proxy, "problemTable", ProblemTableModel.COL_STATUS
        )
        set_column_widths(self.problem_view, COLUMN_WIDTHS)
        self.problem_view.setAccessibleName(self.tr("Problem statements"))
        self.problem_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_changed(current.data(ID_ROLE))
        )
        # activated: double click, or Enter on the keyboard.
        self.problem_view.activated.connect(lambda _i: self.match_selected())
        self.problem_detail = QTextBrowser()
        self.problem_detail.setObjectName("problemDetail")
        self.problem_detail.setAccessibleName(self.tr("Problem statement details"))
        self.problem_detail.setPlaceholderText(
            self.tr("Select a problem statement to see what it seeks.")
        )
        self.find_partners_button = QPushButton(self.tr("Find &partners"))
        self.find_partners_button.setObjectName("findPartners")
        self.find_partners_button.setEnabled(False)
        self.find_partners_button.clicked.connect(self.match_selected)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.problem_view)
        left_layout.addWidget(self.find_partners_button)

        self.problem_editor = ProblemEditor(problem_edit, vocabulary, lang, owners=owners)
        self.problem_editor.match_requested.connect(self.match_requested)
        # Before the window hears of it: a new problem statement is selected once it is listed.
        self.problem_editor.problem_saved.connect(self._remember_saved)
        self.problem_pane = QTabWidget()
        self.problem_pane.setObjectName("problemPane")
        self.problem_pane.setAccessibleName(self.tr("Selected problem statement"))
        self.problem_pane.addTab(self.problem_detail, self.tr("Overview"))
        self.problem_pane.addTab(self.problem_editor, self.tr("Edit problem statement"))
        self.problem_history = HistoryView(self._history.history)
        self.problem_pane.addTab(self.problem_history, self.tr("History"))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.problem_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # 3:2 from the start too: by their size hints the pane would take more than the list.
        splitter.setSizes([600, 400])
        QVBoxLayout(self).addWidget(splitter)
        self._update_find_partners()

    # ----------------------------------------------------------------- rows

    def set_rows(self, problems: Sequence[ProblemSummary]) -> None:
        """Every problem statement (at start and after imports)."""
        selected = self.selected_problem_id()
        self.problem_model.set_rows(problems)
        editor = self.problem_editor
        editing = editor.current_problem_id()
        # An import may have changed (or removed) it underneath.
        if (
            editing
            and not editor.is_dirty()
            and (editing not in {p.id for p in problems} or not editor.load_problem(editing))
        ):
            editor.new_problem()
        self._keep_selection(selected)

    def apply_problem_changes(
        self, ids: Collection[str], owners: Collection[str] = ()
    ) -> list[ProblemSummary]:
        """Refresh these problem statements, and those owned by the actors ``owners`` (their
        owner's name may have changed)."""
        wanted = set(ids) | {p.id for p in self.rows() if p.owner_id in owners}
        rows = self._landscape.problem_summaries(wanted)
        found = {r.id for r in rows}
        selected = self._select_after_change or self.selected_problem_id()
        self._select_after_change = None
        # Rows moving under the selection must not load a neighbour into the editor: this may
        # run inside the editor's own save or undo.
        self._updating = True
        try:
            self.problem_model.upsert_rows(rows)
            self.problem_model.remove_rows(set(ids) - found)
        finally:
            self._updating = False
        self._keep_selection(selected if selected in found or selected not in ids else None)
        if selected in wanted:
            self.show_overview(selected)
        return rows

    def _remember_saved(self, problem_id: str) -> None:
        self._select_after_change = problem_id

    def rows(self) -> list[ProblemSummary]:
        return self.problem_model.rows()

    def title_of(self, problem_id: str) -> str | None:
        return next((p.title for p in self.rows() if p.id == problem_id), None)

    def matchable(self) -> list[tuple[str, str]]:
        """(id, title) of the problem statements that seek partners, by title."""
        return sorted(
            ((p.id, p.title) for p in self.rows() if is_matchable(p.status)),
            key=lambda pair: pair[1].casefold(),
        )

    def first_matchable_in(self, municipality_code: str | None) -> str | None:
        """The id of the first problem statement (by title) of the municipality that seeks
        partners; None without a municipality or such a problem."""
        if not municipality_code:
            return None
        code = padded(municipality_code)
        own = {
            p.id for p in self.rows() if p.municipality_code and padded(p.municipality_code) == code
        }
        return next((pid for pid, _ in self.matchable() if pid in own), None)  # by title

    # ----------------------------------------------------------------- selection

    def selected_problem_id(self) -> str | None:
        index = self.problem_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_problem(self, problem_id: str) -> bool:
        for row in range(self.problem_proxy.rowCount()):
            index = self.problem_proxy.index(row, 0)
            if index.data(ID_ROLE) == problem_id:
                self.problem_view.setCurrentIndex(index)
                self.problem_view.scrollTo(index)
                return True
        return False

    def _keep_selection(self, problem_id: str | None) -> None:
        if problem_id is None or not self.select_problem(problem_id):
            self.problem_view.selectionModel().clear()
            self.show_overview(None)
        self._update_find_partners()

    def _row_changed(self, problem_id: str | None) -> None:
        if self._updating:
            return
        editor = self.problem_editor
        if problem_id and problem_id != editor.current_problem_id():
            if not editor.maybe_leave():
                QTimer.singleShot(0, self._return_to_editing)
                return
            editor.load_problem(problem_id)
        self.show_overview(problem_id)
        self._update_find_partners()

    def _return_to_editing(self) -> None:
        """After Cancel the list shows the problem statement still being edited."""
        editing = self.problem_editor.current_problem_id()
        if editing is None or not self.select_problem(editing):
            self.problem_view.selectionModel().clear()
            self.show_overview(None)
        self._update_find_partners()

    def show_overview(self, problem_id: str | None) -> None:
        problem = None
        if problem_id:
            try:
                problem = self._landscape.get_problem(problem_id)
            except NotFoundError:
                problem = None
        self.problem_history.show_record("problem", problem.id if problem else None)
        if problem is None:
            self.problem_detail.clear()
        else:
            self.problem_detail.setHtml(self._profiles.problem(problem))

    def _selected_row(self) -> ProblemSummary | None:
        index = self.problem_view.currentIndex()
        if not index.isValid():
            return None
        return self.problem_model.row_at(self.problem_proxy.mapToSource(index).row())

    def _update_find_partners(self) -> None:
        row = self._selected_row()
        enabled = row is not None and is_matchable(row.status)
        self.find_partners_button.setEnabled(enabled)
        self.find_partners_button.setToolTip(
            self.tr("Rank the landscape's actors for the selected problem statement (Enter)")
            if enabled or row is None
            else self.not_matchable_text()
        )

    def not_matchable_text(self) -> str:
        """Why a problem statement is not matched, naming the statuses that are."""
        return self.tr("Only problem statements with the status %1 are matched.").replace(
            "%1", self.tr(" or ").join(status_label(s) for s in matchable_statuses())
        )

    # ----------------------------------------------------------------- commands

    def match_selected(self) -> None:
        problem_id = self.selected_problem_id()
        if problem_id and self.find_partners_button.isEnabled():
            self.match_requested.emit(problem_id)

    def new_problem(self) -> bool:
        """An empty problem statement with the cursor in its title; False after Cancel."""
        if not self.problem_editor.maybe_leave():
            return False
        self.problem_view.selectionModel().clear()
        self.show_overview(None)
        self.problem_pane.setCurrentWidget(self.problem_editor)
        self.problem_editor.new_problem()
        focus_first_field(self.problem_editor, "title")
        return True
