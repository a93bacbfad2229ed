"""The main window: the actor register (Landskab) and the problem statements."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QObject,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.errors import MapperError
from mapper.domain.model import Actor, ProblemStatement
from mapper.services.actors import ActorEditService
from mapper.services.landscape import (
    EXPORT_STEPS,
    IMPORT_STEPS,
    ImportReport,
    LandscapeService,
)
from mapper.services.maps import MapService
from mapper.services.matching import MatchingService
from mapper.services.partnerships import PartnershipService
from mapper.services.problems import ProblemEditService
from ui.actor_editor import ActorEditor
from ui.export_map_dialog import ExportMapDialog
from ui.map_view import MapView
from ui.match_view import MatchView
from ui.models.actor_table import ActorTableModel
from ui.models.problem_table import ProblemTableModel, status_label
from ui.models.row_table import ID_ROLE, SORT_ROLE
from ui.operations import run_cancellable, run_in_background
from ui.partnerships_view import PartnershipsView
from ui.problem_editor import ProblemEditor


def _sort_proxy(source: QAbstractItemModel, parent: QObject) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def _table_view(model: QAbstractItemModel, name: str, sort_column: int) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    # Fixed row heights: Qt never measures rows it does not show (100,000-row registers).
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class MainWindow(QMainWindow):
    """Lists the landscape's actors and problem statements; details of the selected record."""

    export_finished = Signal(bool)
    """Emitted after a landscape export: True when the file was written."""
    geo_imported = Signal(bool)
    """Emitted after a boundary import: True when the layer was stored."""
    import_finished = Signal(bool)
    """Emitted after an import: True when it was stored, False when it failed or was cancelled."""
    data_loaded = Signal(int, int)
    """Emitted with (actors, problems) each time the lists have been (re)loaded."""

    def __init__(
        self,
        service: LandscapeService,
        lang: str = "da",
        maps: MapService | None = None,
        matching: MatchingService | None = None,
    ) -> None:
        super().__init__()
        self._service = service
        self._maps = maps or MapService(service.database, service.vocabulary)
        self._matching = matching or MatchingService(service.database)
        self._map_loaded = False
        self._lang = lang
        self._vocabulary = service.vocabulary
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Volunteer landscape") + f" — {service.database.display_url}")

        self.actor_model = ActorTableModel(self._vocabulary, lang, self)
        self.problem_model = ProblemTableModel(self._vocabulary, lang, self)
        self.problem_proxy = _sort_proxy(self.problem_model, self)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._build_actor_tab(), self.tr("Landscape"))
        self.tabs.addTab(self._build_problem_tab(), self.tr("Problem statements"))
        self.match_tab_index = self.tabs.addTab(self._build_match_tab(), self.tr("Match"))
        self.map_tab_index = self.tabs.addTab(self._build_map_tab(), self.tr("Map"))
        self.partnerships_view = PartnershipsView(
            PartnershipService(service.database), self._vocabulary, lang
        )
        self.partnerships_view.partnership_changed.connect(lambda _p, _a: self._refresh_counts())
        self.partnerships_tab_index = self.tabs.addTab(
            self.partnerships_view, self.tr("Partnerships")
        )
        self._partnerships_loaded = False
        self._pending_selection: str | None = None
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self._restore_settings()
        self.reload()

    # ----------------------------------------------------------------- layout

    def _build_actor_tab(self) -> QWidget:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("actorSearch")
        self.search_edit.setPlaceholderText(self.tr("Search actors…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search actors"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(60)  # one filter pass per burst of typing
        self._search_timer.timeout.connect(self._apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._apply_filters)

        def combo(name: str, accessible: str, everything: str) -> QComboBox:
            box = QComboBox()
            box.setObjectName(name)
            box.setAccessibleName(accessible)
            box.addItem(everything, None)
            box.currentIndexChanged.connect(lambda _i: self._apply_filters())
            return box

        self.kind_filter = combo(
            "kindFilter", self.tr("Filter by actor kind"), self.tr("All kinds")
        )
        for term in self._vocabulary.terms("actor_kinds"):
            self.kind_filter.addItem(term.label(self._lang), term.code)
        self.group_filter = combo(
            "targetGroupFilter", self.tr("Filter by target group"), self.tr("All target groups")
        )
        for term in self._vocabulary.terms("target_groups"):
            self.group_filter.addItem(term.label(self._lang), term.code)
        self.resource_filter = combo(
            "resourceFilter", self.tr("Filter by resource"), self.tr("All resources")
        )
        for term in self._vocabulary.terms("resource_kinds"):
            self.resource_filter.addItem(term.label(self._lang), term.code)
        self.municipality_filter = combo(
            "municipalityFilter", self.tr("Filter by municipality"), self.tr("All municipalities")
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 3)
        for box in (
            self.kind_filter,
            self.group_filter,
            self.resource_filter,
            self.municipality_filter,
        ):
            bar.addWidget(box, 1)

        self.actor_view = _table_view(self.actor_model, "actorTable", ActorTableModel.COL_NAME)
        for column, width in (
            (ActorTableModel.COL_NAME, 300),
            (ActorTableModel.COL_KIND, 190),
            (ActorTableModel.COL_MUNICIPALITY, 110),
            (ActorTableModel.COL_STATUS, 130),
        ):
            self.actor_view.setColumnWidth(column, width)
        self.actor_view.setAccessibleName(self.tr("Actors"))
        self.actor_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_actor(current.data(ID_ROLE))
        )
        self.actor_detail = QTextBrowser()
        self.actor_detail.setObjectName("actorDetail")
        self.actor_detail.setAccessibleName(self.tr("Actor details"))
        self.actor_detail.setPlaceholderText(self.tr("Select an actor to see its profile."))
        self.actor_editor = ActorEditor(
            ActorEditService(self._service.database), self._vocabulary, self._lang
        )
        self.actor_editor.actor_saved.connect(self._actor_saved)
        self.actor_pane = QTabWidget()
        self.actor_pane.setObjectName("actorPane")
        self.actor_pane.addTab(self.actor_detail, self.tr("Profile"))
        self.actor_pane.addTab(self.actor_editor, self.tr("Edit dating profile"))
        splitter = QSplitter()
        splitter.addWidget(self.actor_view)
        splitter.addWidget(self.actor_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.filter_label = QLabel()
        self.filter_label.setObjectName("filterCount")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.filter_label)
        return page

    def _build_match_tab(self) -> QWidget:
        self.match_view = MatchView(
            self._matching, self._vocabulary, self._lang, propose=self._propose_partnership
        )
        self.match_view.partnership_proposed.connect(self._partnership_proposed)
        return self.match_view

    def open_match(self, problem_id: str) -> None:
        """Show the ranked partners of a problem statement."""
        if self.match_view.problem_combo.findData(problem_id) < 0:
            title = next(
                (p.title for p in self.problem_model._rows if p.id == problem_id), problem_id
            )
            self.match_view.problem_combo.addItem(title, problem_id)
        self.tabs.setCurrentIndex(self.match_tab_index)
        self.match_view.show_problem(problem_id)

    def _propose_partnership(self, problem_id: str, actor_id: str) -> Any:
        # Through the partnerships view: the proposal is undoable and the list follows.
        return self.partnerships_view.propose(problem_id, actor_id)

    def _partnership_proposed(self, problem_id: str, actor_id: str) -> None:
        if self._partnerships_loaded:
            self.partnerships_view.reload()
        self.statusBar().showMessage(
            self.tr("Partnership proposed: %1 ↔ %2")
            .replace("%1", problem_id)
            .replace("%2", actor_id),
            10000,
        )
        self.reload()

    def _build_problem_tab(self) -> QWidget:
        self.problem_view = _table_view(
            self.problem_proxy, "problemTable", ProblemTableModel.COL_STATUS
        )
        for column, width in (
            (ProblemTableModel.COL_TITLE, 340),
            (ProblemTableModel.COL_OWNER, 220),
            (ProblemTableModel.COL_STATUS, 130),
        ):
            self.problem_view.setColumnWidth(column, width)
        self.problem_view.setAccessibleName(self.tr("Problem statements"))
        self.problem_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_problem(current.data(ID_ROLE))
        )
        self.problem_detail = QTextBrowser()
        self.problem_detail.setObjectName("problemDetail")
        self.problem_detail.setAccessibleName(self.tr("Problem statement details"))
        self.problem_detail.setPlaceholderText(
            self.tr("Select a problem statement to see what it seeks.")
        )
        # activated: double click, or Enter on the keyboard.
        self.problem_view.activated.connect(lambda _i: self._match_selected_problem())
        self.find_partners_button = QPushButton(self.tr("Find &partners"))
        self.find_partners_button.setObjectName("findPartners")
        self.find_partners_button.setToolTip(
            self.tr("Rank the landscape's actors for the selected problem statement (Enter)")
        )
        self.find_partners_button.clicked.connect(self._match_selected_problem)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.problem_view)
        left_layout.addWidget(self.find_partners_button)
        self.problem_editor = ProblemEditor(
            ProblemEditService(self._service.database),
            self._vocabulary,
            self._lang,
            owners=lambda: [(a.id, a.name) for a in self.actor_model._rows],
        )
        self.problem_editor.problem_saved.connect(lambda _id: self.reload())
        self.problem_editor.status_changed.connect(lambda _id, _status: self.reload())
        self.problem_editor.match_requested.connect(self.open_match)
        self.problem_pane = QTabWidget()
        self.problem_pane.setObjectName("problemPane")
        self.problem_pane.addTab(self.problem_detail, self.tr("Overview"))
        self.problem_pane.addTab(self.problem_editor, self.tr("Edit problem statement"))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.problem_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        page = QWidget()
        QVBoxLayout(page).addWidget(splitter)
        return page

    def selected_problem_id(self) -> str | None:
        index = self.problem_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _match_selected_problem(self) -> None:
        problem_id = self.selected_problem_id()
        if problem_id:
            self.open_match(problem_id)

    def _build_map_tab(self) -> QWidget:
        self.map_view = MapView()
        self.map_view.actor_clicked.connect(self._map_actor_clicked)
        self.map_detail = QTextBrowser()
        self.map_detail.setObjectName("mapDetail")
        self.map_detail.setAccessibleName(self.tr("Details of the actor chosen on the map"))
        self.map_detail.setPlaceholderText(self.tr("Click a marker to see the actor."))
        self.map_view.setMinimumWidth(320)
        splitter = QSplitter()
        splitter.addWidget(self.map_view)
        splitter.addWidget(self.map_detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        # A web view has no useful size hint: give the map the room from the start.
        splitter.setSizes([880, 320])
        return splitter

    def _tab_changed(self, index: int) -> None:
        self._area_changed(index)
        if index == self.map_tab_index and not self._map_loaded:
            self.load_map()

    def load_map(self) -> None:
        """Build the public partner map in the background and show it."""
        if not self.map_view.available:
            return
        self._map_loaded = True
        maps = self._maps

        def build() -> Any:
            return maps.partner_map(title=self.tr("Partner map"), boundaries=maps.boundaries_for())

        def show(data: Any) -> None:
            self.map_view.show_map(data, self._lang)
            actor_id = self.selected_actor_id()
            if actor_id:
                self.map_view.select_actor(actor_id)

        run_in_background(self, build, on_success=show, on_failure=self._failed)

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
            for box in (
                self.kind_filter,
                self.group_filter,
                self.resource_filter,
                self.municipality_filter,
            ):
                box.blockSignals(True)
                box.setCurrentIndex(0)
                box.blockSignals(False)
            self._apply_filters()
            row = self.actor_model.row_of(actor_id)
        if row is None:
            return False
        index = self.actor_model.index(row, 0)
        self.actor_view.setCurrentIndex(index)
        self.actor_view.scrollTo(index)
        return True

    def _map_actor_clicked(self, actor_id: str) -> None:
        self.select_actor(actor_id)
        self.map_detail.setHtml(self._actor_html(self._service.get_actor(actor_id)))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import landscape…"), self)
        self.import_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        self.import_action.triggered.connect(self._ask_import)
        self.export_action = QAction(self.tr("&Export landscape…"), self)
        self.export_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.export_action.triggered.connect(self._ask_export)
        self.export_map_action = QAction(self.tr("Export partner &map…"), self)
        self.export_map_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_map_action.triggered.connect(lambda: self.open_export_map())
        self.geo_action = QAction(self.tr("Import &boundaries…"), self)
        self.geo_action.setStatusTip(
            self.tr("Municipalities, regions or postcodes from GeoJSON, GeoPackage or Shapefile")
        )
        self.geo_action.triggered.connect(self._ask_geo_import)
        self.demo_action = QAction(self.tr("Load &demo landscape"), self)
        self.demo_action.triggered.connect(self._load_demo)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (
            self.import_action,
            self.export_action,
            self.export_map_action,
            self.geo_action,
            self.demo_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        self.undo_group = QUndoGroup(self)
        for stack in (
            self.actor_editor.undo_stack,
            self.problem_editor.undo_stack,
            self.partnerships_view.undo_stack,
        ):
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(self.actor_editor.undo_stack)
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.new_actor_action = QAction(self.tr("&New actor"), self)
        self.new_actor_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_actor_action.triggered.connect(self.new_actor)
        self.new_problem_action = QAction(self.tr("New &problem statement"), self)
        self.new_problem_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_problem_action.triggered.connect(self.new_problem)
        self.save_action = QAction(self.tr("&Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_current)
        # The editors bind Ctrl+S themselves when used alone; here the window's action routes
        # it, and two bindings of one key would cancel each other out.
        save_key = QKeySequence(QKeySequence.StandardKey.Save)
        for area in (self.actor_editor, self.problem_editor, self.partnerships_view):
            for shortcut in area.findChildren(QShortcut):
                if shortcut.key() == save_key:
                    shortcut.setEnabled(False)
        self.find_action = QAction(self.tr("&Find actor"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.new_actor_action, self.new_problem_action, self.save_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        names = (
            self.tr("&Landscape"),
            self.tr("&Problem statements"),
            self.tr("&Match"),
            self.tr("M&ap"),
            self.tr("Pa&rtnerships"),
        )
        for i, name in enumerate(names):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _c=False, i=i: self.tabs.setCurrentIndex(i))
            view_menu.addAction(action)

        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("da", "Dansk"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self._lang)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            language_menu.addAction(action)
            self.language_actions[code] = action

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for action in (
            self.new_actor_action,
            self.new_problem_action,
            self.save_action,
            self.undo_action,
            self.redo_action,
            self.find_action,
            self.import_action,
            self.export_map_action,
        ):
            toolbar.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    # ----------------------------------------------------------------- data

    def reload(self) -> None:
        """Reload both lists in the background (the window stays responsive)."""
        service = self._service

        def load() -> tuple[Any, Any, Any]:
            return service.list_actors(), service.list_problems(), service.counts()

        self.statusBar().showMessage(self.tr("Loading…"))
        run_in_background(self, load, on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, result: tuple[Any, Any, Any]) -> None:
        actors, problems, counts = result
        selected = self._pending_selection or self.selected_actor_id()
        self._pending_selection = None
        self.actor_model.set_rows(actors)
        self._fill_municipalities(actors)
        if selected:
            self.select_actor(selected)
        self.problem_model.set_rows(problems)
        self.match_view.set_problems(
            [(p.id, p.title) for p in problems if p.status not in ("draft", "closed")]
        )
        self.count_label.setText(
            self.tr("%1 actors · %2 problem statements · %3 partnerships")
            .replace("%1", str(counts.actors))
            .replace("%2", str(counts.problems))
            .replace("%3", str(counts.partnerships))
        )
        self.statusBar().showMessage(
            self.tr("Database: %1").replace("%1", self._service.database.display_url)
        )
        self.data_loaded.emit(len(actors), len(problems))

    def _fill_municipalities(self, actors: list[Any]) -> None:
        chosen = self.municipality_filter.currentData()
        codes = sorted({a.municipality_code for a in actors if a.municipality_code})
        names: dict[str, str] = {}
        for actor in actors:  # a place name next to the code helps more than the code alone
            if actor.municipality_code and actor.city:
                names.setdefault(actor.municipality_code, actor.city)
        self.municipality_filter.blockSignals(True)
        while self.municipality_filter.count() > 1:
            self.municipality_filter.removeItem(1)
        for code in codes:
            label = f"{code} {names.get(code, '')}".strip()
            self.municipality_filter.addItem(label, code)
        index = self.municipality_filter.findData(chosen) if chosen else 0
        self.municipality_filter.setCurrentIndex(max(index, 0))
        self.municipality_filter.blockSignals(False)

    def _apply_filters(self) -> None:
        """Search and filters run in the model (numpy + rapidfuzz), not row by row in Qt."""
        selected = self.selected_actor_id()
        self.actor_model.update_view(
            self.search_edit.text(),
            kind=self.kind_filter.currentData(),
            target_group=self.group_filter.currentData(),
            resource=self.resource_filter.currentData(),
            municipality=self.municipality_filter.currentData(),
        )
        if selected:
            self.select_actor(selected, clear_filters=False)
        self.filter_label.setText(
            self.tr("%1 of %2 actors shown")
            .replace("%1", str(self.actor_model.rowCount()))
            .replace("%2", str(self.actor_model.total()))
        )

    def _failed(self, error: BaseException, details: str) -> None:
        self.statusBar().clearMessage()
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Something went wrong"), str(error), parent=self
        )
        if not isinstance(error, MapperError):
            box.setDetailedText(details)
        box.open()

    def _show_actor(self, actor_id: str | None) -> None:
        # A dirty editor asks before it is replaced (Save / Discard / Cancel).
        editing_another = actor_id and actor_id != self.actor_editor.current_actor_id()
        if editing_another and self.actor_editor.maybe_leave():
            self.actor_editor.load_actor(actor_id)
        self._show_actor_profile(actor_id)

    def _show_actor_profile(self, actor_id: str | None) -> None:
        if not actor_id:
            self.actor_detail.clear()
            return
        html_text = self._actor_html(self._service.get_actor(actor_id))
        self.actor_detail.setHtml(html_text)
        self.map_detail.setHtml(html_text)
        if self._map_loaded:
            self.map_view.select_actor(actor_id)

    def _show_problem(self, problem_id: str | None) -> None:
        editing_another = problem_id and problem_id != self.problem_editor.current_problem_id()
        if editing_another and self.problem_editor.maybe_leave():
            self.problem_editor.load_problem(problem_id)
        self._show_problem_overview(problem_id)

    def _show_problem_overview(self, problem_id: str | None) -> None:
        if not problem_id:
            self.problem_detail.clear()
            return
        self.problem_detail.setHtml(self._problem_html(self._service.get_problem(problem_id)))

    def _labels(self, facet: str, codes: tuple[str, ...]) -> str:
        return ", ".join(self._vocabulary.label(facet, c, self._lang) for c in codes)

    @staticmethod
    def _rows_html(rows: list[tuple[str, str | None]]) -> str:
        cells = "".join(
            f"<tr><th align='left' valign='top'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
            for k, v in rows
            if v
        )
        return f"<table cellspacing='4'>{cells}</table>"

    def _actor_html(self, a: Actor) -> str:
        p = a.profile
        resources = "; ".join(
            self._vocabulary.label("resource_kinds", r.kind, self._lang)
            + (f" ({r.description})" if r.description else "")
            for r in a.resources_offered
        )
        rows = [
            (self.tr("Kind"), self._vocabulary.label("actor_kinds", a.kind, self._lang)),
            (
                self.tr("Place"),
                ", ".join(
                    x for x in (a.location.address, a.location.postcode, a.location.city) if x
                ),
            ),
            (self.tr("We are"), p.we_are),
            (self.tr("Target groups"), self._labels("target_groups", a.target_groups)),
            (self.tr("Our role towards the target group"), p.role_towards_target_group),
            (self.tr("Resources and competences"), resources),
            (self.tr("Roles"), self._labels("roles", a.roles)),
            (self.tr("Best at"), p.best_at),
            (self.tr("Worst at"), p.worst_at),
            (self.tr("Successful projects"), " • ".join(p.success_examples)),
            (self.tr("Attractive partner because"), p.attractive_partner_because),
            (self.tr("How we know it works"), p.how_we_know_it_works),
        ]
        return f"<h2>{html.escape(a.name)}</h2>" + self._rows_html(rows)

    def _problem_html(self, p: ProblemStatement) -> str:
        s = p.seeking
        sought = "; ".join(
            self._vocabulary.label("resource_kinds", r.kind, self._lang)
            + (f" ({r.description})" if r.description else "")
            for r in s.resources
        )
        rows = [
            (self.tr("Status"), status_label(p.status)),
            (self.tr("Description"), p.description),
            (self.tr("Target groups"), self._labels("target_groups", p.target_groups)),
            (self.tr("Our role in the project"), p.our_role),
            (self.tr("We seek someone who"), s.description),
            (self.tr("Resources sought"), sought),
            (self.tr("Roles sought"), self._labels("roles", s.roles)),
            (self.tr("The partner must not"), s.must_not),
            (self.tr("As a partner you get"), p.partner_gets),
            (
                self.tr("Involves a statutory task"),
                self.tr("Yes") if p.involves_statutory_task else None,
            ),
        ]
        return f"<h2>{html.escape(p.title)}</h2>" + self._rows_html(rows)

    # ----------------------------------------------------------------- commands

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import landscape"), "", self.tr("Landscape documents (*.json)")
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> QProgressDialog:
        """Import in the background; Cancel rolls the whole import back."""
        service = self._service

        def cancelled() -> None:
            self.statusBar().showMessage(self.tr("Import cancelled; nothing was changed."), 10000)
            self.import_finished.emit(False)

        def failed(error: BaseException, details: str) -> None:
            self._failed(error, details)
            self.import_finished.emit(False)

        return run_cancellable(
            self,
            self.tr("Importing %1…").replace("%1", path),
            lambda step: service.import_file(path, progress=step),
            on_success=self._imported,
            on_failure=failed,
            on_cancelled=cancelled,
            steps=IMPORT_STEPS,
        )

    def _ask_geo_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import boundaries"),
            "",
            self.tr("Boundary files (*.geojson *.json *.gpkg *.shp *.zip)"),
        )
        if not path:
            return
        layers = {
            self.tr("Municipalities"): "municipalities",
            self.tr("Regions"): "regions",
            self.tr("Postcodes"): "postcodes",
        }
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Import boundaries"),
            self.tr("What does the file hold?"),
            list(layers),
            0,
            False,
        )
        if ok:
            self.import_boundaries(path, layers[label])

    def import_boundaries(self, path: str, layer: str) -> QProgressDialog:
        """Read a boundary file in the background (Cancel keeps the old layer) and show it."""
        from mapper.services.geo import GeoService

        database = self._service.database

        def work(step: Callable[[int, int], None]) -> Any:
            service = GeoService(database)
            result = service.import_file(path, layer, progress=step)
            if layer == "municipalities":
                service.assign_municipalities(only_missing=True)
            return result

        def done(report: Any) -> None:
            self.statusBar().showMessage(
                self.tr("Imported %1 shapes").replace("%1", str(report.shapes_stored)), 10000
            )
            self._map_loaded = False
            if self.tabs.currentIndex() == self.map_tab_index:
                self.load_map()
            self.reload()
            self.geo_imported.emit(True)

        def cancelled() -> None:
            self.statusBar().showMessage(self.tr("Import cancelled; nothing was changed."), 10000)
            self.geo_imported.emit(False)

        def failed(error: BaseException, details: str) -> None:
            self._failed(error, details)
            self.geo_imported.emit(False)

        return run_cancellable(
            self,
            self.tr("Importing %1…").replace("%1", path),
            work,
            on_success=done,
            on_failure=failed,
            on_cancelled=cancelled,
        )

    def _load_demo(self) -> None:
        run_in_background(
            self, self._service.load_demo, on_success=self._imported, on_failure=self._failed
        )

    def _imported(self, report: ImportReport) -> None:
        self.import_finished.emit(True)
        a = report.actors
        self.statusBar().showMessage(
            self.tr("Imported: %1 new and %2 updated actors")
            .replace("%1", str(a.created))
            .replace("%2", str(a.updated)),
            10000,
        )
        self.reload()

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export landscape"),
            "landskab.json",
            self.tr("Landscape documents (*.json)"),
        )
        if path:
            self.export_file(path)

    def export_file(self, path: str) -> QProgressDialog:
        """Export in the background; after Cancel no file is written or replaced."""
        service = self._service

        def done(counts: Any) -> None:
            self.statusBar().showMessage(
                self.tr("Exported %1 actors to %2")
                .replace("%1", str(counts.actors))
                .replace("%2", path),
                10000,
            )
            self.export_finished.emit(True)

        def cancelled() -> None:
            self.statusBar().showMessage(self.tr("Export cancelled."), 10000)
            self.export_finished.emit(False)

        def failed(error: BaseException, details: str) -> None:
            self._failed(error, details)
            self.export_finished.emit(False)

        return run_cancellable(
            self,
            self.tr("Exporting to %1…").replace("%1", path),
            lambda step: service.export_file(path, progress=step),
            on_success=done,
            on_failure=failed,
            on_cancelled=cancelled,
            steps=EXPORT_STEPS,
        )

    def new_actor(self) -> None:
        if not self.actor_editor.maybe_leave():
            return
        self.tabs.setCurrentIndex(0)
        self.actor_pane.setCurrentWidget(self.actor_editor)
        self.actor_editor.new_actor()
        self.actor_editor.setFocus()

    def new_problem(self) -> None:
        if not self.problem_editor.maybe_leave():
            return
        self.tabs.setCurrentIndex(1)
        self.problem_pane.setCurrentWidget(self.problem_editor)
        self.problem_editor.new_problem()

    def save_current(self) -> bool:
        """Save whatever is being edited in the current area."""
        index = self.tabs.currentIndex()
        if index == 0:
            return self.actor_editor.save()
        if index == 1:
            return self.problem_editor.save()
        if index == self.partnerships_tab_index:
            return self.partnerships_view.save()
        return False

    def _actor_saved(self, actor_id: str) -> None:
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", actor_id), 5000)
        self._pending_selection = actor_id
        self.reload()

    def _refresh_counts(self) -> None:
        self.reload()

    def _area_changed(self, index: int) -> None:
        stack = {
            0: self.actor_editor.undo_stack,
            1: self.problem_editor.undo_stack,
            self.partnerships_tab_index: self.partnerships_view.undo_stack,
        }.get(index)
        self.undo_group.setActiveStack(stack)
        if index == self.partnerships_tab_index and not self._partnerships_loaded:
            self._partnerships_loaded = True
            self.partnerships_view.reload()

    def set_language(self, lang: str) -> None:
        """Remember the interface language; it applies from the next start."""
        QSettings().setValue("ui/language", lang)
        for code, action in self.language_actions.items():
            action.setChecked(code == lang)
        if lang != self._lang:
            self.statusBar().showMessage(
                self.tr("The language changes when the application is started again."), 10000
            )

    def open_export_map(self, scope: str = "all", value: str | None = None) -> ExportMapDialog:
        """The "Export partner map…" dialog (not modal: the window stays usable)."""
        problems = [(p.id, p.title) for p in self.problem_model._rows]
        municipalities = [
            (self.municipality_filter.itemData(i), self.municipality_filter.itemText(i))
            for i in range(1, self.municipality_filter.count())
        ]
        dialog = ExportMapDialog(
            self._maps, self._vocabulary, self._lang, problems, municipalities, self
        )
        dialog.exported.connect(
            lambda path: self.statusBar().showMessage(
                self.tr("Partner map written to %1").replace("%1", path), 10000
            )
        )
        dialog.set_scope(scope, value)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "Volunteer landscape: map the volunteer landscape of a municipality and match "
                "partners to social problems."
            ),
        )

    # ----------------------------------------------------------------- settings

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        self.tabs.setCurrentIndex(int(settings.value("main_window/tab", 0)))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not (self.actor_editor.maybe_leave() and self.problem_editor.maybe_leave()):
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/tab", self.tabs.currentIndex())
        super().closeEvent(event)
