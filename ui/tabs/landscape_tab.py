"""Landskab: the actor register with search and filters, the selected actor's dating profile and
the dating-profile editor."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.errors import NotFoundError
from mapper.domain.text import danish_sort_key
from mapper.domain.vocabulary import Vocabulary
from mapper.geo.reference import municipality_name
from mapper.services.actors import ActorEditService
from mapper.services.duplicates import DuplicateFinder
from mapper.services.history import HistoryService
from mapper.services.landscape import ActorSummary, LandscapeService
from ui.actor_editor import ActorEditor
from ui.models.actor_table import ActorTableModel
from ui.models.row_table import ID_ROLE
from ui.tabs.common import (
    focus_first_field,
    set_column_widths,
    table_view,
)
from ui.tabs.profiles import ProfileHtml
from ui.widgets.history_view import HistoryView

COLUMN_WIDTHS = {
    ActorTableModel.COL_NAME: 260,
    ActorTableModel.COL_KIND: 170,
    ActorTableModel.COL_MUNICIPALITY: 100,
    ActorTableModel.COL_STATUS: 90,
    ActorTableModel.COL_COMPLETENESS: 70,
}


class LandscapeTab(QWidget):
    """The register and the selected actor. Call ``set_rows`` with the whole register once and
    ``apply_actor_changes`` with the ids a change touched after that."""

    profile_shown = Signal(str, str)
    """(actor id, profile HTML) each time the profile pane shows an actor."""
    actors_updated = Signal(list)
    """The ids whose rows were refreshed (or removed) after a change."""

    def __init__(
        self,
        landscape: LandscapeService,
        actor_edit: ActorEditService,
        vocabulary: Vocabulary,
        lang: str,
        profiles: ProfileHtml,
        parent: QWidget | None = None,
        *,
        history: HistoryService,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("landscapeTab")
        self._history = history
        self._landscape = landscape
        self._vocabulary = vocabulary
        self._lang = lang
        self._profiles = profiles
        self._shown: str | None = None
        self._updating = False
        self._select_after_change: str | None = None
        self._home_municipality: str | None = None
        """The user's own municipality: the filter chooses it once the register holds it."""

        self.actor_model = ActorTableModel(vocabulary, lang, self)
        self.duplicates = DuplicateFinder()
        """Names of the register, for the editor's warning about an actor that exists."""
        self.actor_editor = ActorEditor(
            actor_edit,
            vocabulary,
            lang,
            find_similar=lambda name, code, exclude: self.duplicates.similar(
                name, code, exclude, limit=3
            ),
            suggest=actor_edit.suggested_codes,
        )
        # Before anyone else hears of the save: the new row is to be selected once it is shown.
        self.actor_editor.actor_saved.connect(self._remember_saved)
        self.actor_editor.open_actor_requested.connect(self.select_actor)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_split(), 1)
        self.filter_label = QLabel()
        self.filter_label.setObjectName("filterCount")
        layout.addWidget(self.filter_label)

    # ----------------------------------------------------------------- layout

    def _build_filters(self) -> QHBoxLayout:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("actorSearch")
        self.search_edit.setPlaceholderText(self.tr("Search actors…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.search_edit.setAccessibleName(self.tr("Search actors"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(60)  # one filter pass per burst of typing
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_filters)

        def combo(name: str, accessible: str, everything: str, facet: str | None) -> QComboBox:
            box = QComboBox()
            box.setObjectName(name)
            box.setAccessibleName(accessible)
            # Long labels (target groups) may not squeeze the search field: the list opens
            # as wide as it needs, the closed box stays moderate.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(14)
            box.addItem(everything, None)
            for term in self._vocabulary.terms(facet) if facet else ():
                box.addItem(term.label(self._lang), term.code)
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
            return box

        self.kind_filter = combo(
            "kindFilter", self.tr("Filter by actor kind"), self.tr("All kinds"), "actor_kinds"
        )
        self.group_filter = combo(
            "targetGroupFilter",
            self.tr("Filter by target group"),
            self.tr("All target groups"),
            "target_groups",
        )
        self.resource_filter = combo(
            "resourceFilter",
            self.tr("Filter by resource"),
            self.tr("All resources"),
            "resource_kinds",
        )
        self.municipality_filter = combo(
            "municipalityFilter",
            self.tr("Filter by municipality"),
            self.tr("All municipalities"),
            None,
        )
        self.attention_filter = combo(
            "attentionFilter",
            self.tr("Filter by what needs attention"),
            self.tr("All records"),
            None,
        )
        self.attention_filter.addItem(self.tr("To review (kept from an import)"), "review")
        self.attention_filter.addItem(self.tr("Not on the map"), "unplaced")
        self.attention_filter.addItem(
            self.tr("Incomplete profile (no target groups or resources)"), "incomplete"
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 3)
        for box in self._filters():
            bar.addWidget(box, 1)
        return bar

    def _filters(self) -> tuple[QComboBox, ...]:
        return (
            self.kind_filter,
            self.group_filter,
            self.resource_filter,
            self.municipality_filter,
            self.attention_filter,
        )

    def _build_split(self) -> QSplitter:
        self.actor_view = table_view(self.actor_model, "actorTable", ActorTableModel.COL_NAME)
        set_column_widths(self.actor_view, COLUMN_WIDTHS)
        self.actor_view.setAccessibleName(self.tr("Actors"))
        header = self.actor_view.horizontalHeader()
        # While a search orders rows by relevance no column is the sort order.
        self.actor_model.relevance_order_changed.connect(
            lambda by_relevance: header.setSortIndicatorShown(not by_relevance)
        )
        self.actor_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_changed(current.data(ID_ROLE))
        )
        self.actor_detail = QTextBrowser()
        self.actor_detail.setObjectName("actorDetail")
        self.actor_detail.setAccessibleName(self.tr("Actor details"))
        self.actor_detail.setPlaceholderText(self.tr("Select an actor to see its profile."))
        self.actor_pane = QTabWidget()
        self.actor_pane.setObjectName("actorPane")
        self.actor_pane.setAccessibleName(self.tr("Selected actor"))
        self.actor_pane.addTab(self.actor_detail, self.tr("Profile"))
        self.actor_pane.addTab(self.actor_editor, self.tr("Edit dating profile"))
        self.actor_history = HistoryView(self._history.history)
        self.actor_pane.addTab(self.actor_history, self.tr("History"))
        splitter = QSplitter()
        splitter.addWidget(self.actor_view)
        splitter.addWidget(self.actor_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # 3:2 from the start too: by their size hints the pane would take more than the list.
        splitter.setSizes([600, 400])
        return splitter

    # ----------------------------------------------------------------- rows

    def set_rows(self, actors: Sequence[ActorSummary]) -> None:
        """The whole register (at start and after imports)."""
        selected = self.selected_actor_id()
        self.actor_model.set_rows(actors)
        self.duplicates = DuplicateFinder.from_rows(actors)
        self._fill_municipalities(actors)
        self._choose_home_municipality()
        editor = self.actor_editor
        editing = editor.current_actor_id()
        # An import may have changed (or removed) it underneath.
        if editing and not editor.is_dirty() and not editor.load_actor(editing):
            editor.new_actor()
        self._keep_selection(selected, refresh=True)
        self._update_filter_label()

    def apply_actor_changes(self, ids: Collection[str]) -> list[ActorSummary]:
        """Refresh the rows of these actors only (new ones added, deleted ones removed)."""
        rows = self._landscape.actor_summaries(ids)
        found = {r.id for r in rows}
        selected = self._select_after_change or self.selected_actor_id()
        self._select_after_change = None
        # Rows moving under the selection must not load a neighbour into the editor: this may
        # run inside the editor's own save or undo.
        self._updating = True
        try:
            self.actor_model.upsert_rows(rows)
            self.actor_model.remove_rows(set(ids) - found)
            for row in rows:
                self.duplicates.upsert(row.id, row.name, row.municipality_code)
            for gone in set(ids) - found:
                self.duplicates.remove(gone)
        finally:
            self._updating = False
        self._add_municipalities(rows)
        if selected in ids and selected not in found:
            selected = None  # it was deleted
        self._keep_selection(selected, refresh=selected in ids)
        self._update_filter_label()
        self.actors_updated.emit(sorted(ids))
        return rows

    def _keep_selection(self, actor_id: str | None, *, refresh: bool) -> None:
        if actor_id is None or not self.select_actor(actor_id, clear_filters=False):
            self.actor_view.selectionModel().clear()
            self.show_profile(None)
        elif refresh:
            self.show_profile(actor_id, force=True)

    def _remember_saved(self, actor_id: str) -> None:
        self._select_after_change = actor_id

    def owner_choices(self) -> list[tuple[str, str]]:
        """(id, name) of every actor, for the problem editor's owner picker."""
        return [(a.id, a.name) for a in self.actor_model.rows()]

    def _fill_municipalities(self, actors: Sequence[ActorSummary]) -> None:
        box = self.municipality_filter
        chosen = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        self._add_municipalities(actors)
        index = box.findData(chosen) if chosen else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def set_home_municipality(self, code: str | None) -> None:
        """The user's own municipality: new profiles get it, and the municipality filter
        shows it as soon as the register holds it ("All municipalities" stays a choice)."""
        self.actor_editor.set_default_municipality(code)
        self._home_municipality = code
        self._choose_home_municipality()

    def _choose_home_municipality(self) -> None:
        code, box = self._home_municipality, self.municipality_filter
        index = box.findData(code) if code else -1
        if index > 0:
            self._home_municipality = None  # once: afterwards the user's choice stands
            box.setCurrentIndex(index)  # filters the register

    def _add_municipalities(self, actors: Iterable[ActorSummary]) -> None:
        """Municipalities not in the filter yet, by their official name ("Esbjerg (0561)"),
        in name order: never the town of whichever actor came first."""
        box = self.municipality_filter
        labels: dict[str, str] = {}
        for actor in actors:
            code = actor.municipality_code
            if code and code not in labels and box.findData(code) < 0:
                name = municipality_name(code)
                labels[code] = f"{name} ({code})" if name else code
        box.blockSignals(True)
        for code, label in sorted(labels.items(), key=lambda item: danish_sort_key(item[1])):
            row = 1
            while row < box.count() and danish_sort_key(box.itemText(row)) < danish_sort_key(label):
                row += 1
            box.insertItem(row, label, code)
        box.blockSignals(False)

    # ----------------------------------------------------------------- selection

    def selected_actor_id(self) -> str | None:
        index = self.actor_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_actor(self, actor_id: str, clear_filters: bool = True) -> bool:
        """Select the actor's row in the register (clearing filters that hide it)."""
        row = self.actor_model.row_of(actor_id)
        if row is None and clear_filters:
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            for box in self._filters():
                box.blockSignals(True)
                box.setCurrentIndex(0)
                box.blockSignals(False)
            self.apply_filters()
            row = self.actor_model.row_of(actor_id)
        if row is None:
            return False
        index = self.actor_model.index(row, 0)
        self.actor_view.setCurrentIndex(index)
        self.actor_view.scrollTo(index)
        return True

    def _row_changed(self, actor_id: str | None) -> None:
        if self._updating:
            return
        editor = self.actor_editor
        if actor_id and actor_id != editor.current_actor_id():
            # A dirty editor asks before it is replaced (Save / Discard / Cancel).
            if not editor.maybe_leave():
                QTimer.singleShot(0, self._return_to_editing)
                return
            editor.load_actor(actor_id)
        self.show_profile(actor_id)

    def _return_to_editing(self) -> None:
        """After Cancel the register shows the record still being edited."""
        editing = self.actor_editor.current_actor_id()
        if editing is None or not self.select_actor(editing, clear_filters=False):
            self.actor_view.selectionModel().clear()
            self.show_profile(None)

    def show_profile(self, actor_id: str | None, *, force: bool = False) -> None:
        if actor_id == self._shown and not force:
            return
        actor = None
        if actor_id:
            try:
                actor = self._landscape.get_actor(actor_id)
            except NotFoundError:
                actor = None
        self.actor_history.show_record("actor", actor.id if actor else None)
        if actor is None:
            self._shown = None
            self.actor_detail.clear()  # the placeholder shows
            return
        self._shown = actor_id
        html_text = self._profiles.actor(actor)
        self.actor_detail.setHtml(html_text)
        self.profile_shown.emit(actor.id, html_text)

    # ----------------------------------------------------------------- commands

    def new_actor(self) -> bool:
        """An empty profile in the editor with the cursor in its name; False after Cancel."""
        if not self.actor_editor.maybe_leave():
            return False
        self.actor_view.selectionModel().clear()
        self.show_profile(None)
        self.actor_pane.setCurrentWidget(self.actor_editor)
        self.actor_editor.new_actor()
        focus_first_field(self.actor_editor, "name")
        return True

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def apply_filters(self) -> None:
        """Search and filters run in the model (numpy + rapidfuzz), not row by row in Qt."""
        selected = self.selected_actor_id()
        self.actor_model.update_view(
            self.search_edit.text(),
            kind=self.kind_filter.currentData(),
            target_group=self.group_filter.currentData(),
            resource=self.resource_filter.currentData(),
            municipality=self.municipality_filter.currentData(),
            attention=self.attention_filter.currentData(),
        )
        if selected:
            # The profile pane never shows an actor the register hides.
            self._keep_selection(selected, refresh=False)
        self._update_filter_label()

    def _update_filter_label(self) -> None:
        self.filter_label.setText(
            self.tr("%1 of %2 actors shown")
            .replace("%1", str(self.actor_model.rowCount()))
            .replace("%2", str(self.actor_model.total()))
        )
