"""The main window: the six areas as tabs, menus, toolbar, one undo group, the status bar, and
the change hub through which every mutation tells the views what to refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QTabWidget,
)

from mapper.domain.changes import Changes
from mapper.matching.statuses import is_matchable
from mapper.services.partnerships import PartnershipDetail
from ui.changes import ChangeHub
from ui.context import PRODUCT_NAME, AppContext
from ui.export_map_dialog import ExportMapDialog
from ui.file_operations import FileOperations
from ui.first_run import home_municipality
from ui.help_dialog import HelpDialog
from ui.match_view import MatchView
from ui.models.problem_table import status_label
from ui.operations import run_in_background
from ui.overview_tab import OverviewTab
from ui.partnerships_view import PartnershipsView
from ui.sync_actions import SyncCommands
from ui.tabs.common import editor_input
from ui.tabs.landscape_tab import LandscapeTab
from ui.tabs.map_tab import MapTab
from ui.tabs.problems_tab import ProblemsTab
from ui.tabs.profiles import ProfileHtml
from ui.window_actions import WindowActions

MESSAGE_MS = 10_000


def _delegate(tab: str, name: str) -> Any:
    """A window attribute that is a tab's (tests and scripts reach widgets through the window)."""
    return property(lambda self: getattr(getattr(self, tab), name))


class MainWindow(QMainWindow):
    """Landskab, Problemstillinger, Match, Kort, Partnerskaber and Overblik over one database."""

    export_finished = Signal(bool)
    """Emitted after a landscape export: True when the file was written."""
    geo_imported = Signal(bool)
    """Emitted after a boundary import: True when the layer was stored."""
    import_finished = Signal(bool)
    """Emitted after an import: True when it was stored, False when it failed or was cancelled."""
    data_loaded = Signal(int, int)
    """Emitted with (actors, problems) each time the whole lists have been (re)loaded."""
    restart_requested = Signal(str)
    """A language code: the user asked to restart the window in that language."""
    database_chosen = Signal(object)
    """Emitted with another Database the user chose (Filer → Skift database…), or with this
    one to open the window anew (``reopen``); the composition root (ui.app) opens a window on
    it in place of this one."""

    actor_model = _delegate("landscape_tab", "actor_model")
    actor_view = _delegate("landscape_tab", "actor_view")
    actor_detail = _delegate("landscape_tab", "actor_detail")
    actor_editor = _delegate("landscape_tab", "actor_editor")
    actor_pane = _delegate("landscape_tab", "actor_pane")
    search_edit = _delegate("landscape_tab", "search_edit")
    kind_filter = _delegate("landscape_tab", "kind_filter")
    group_filter = _delegate("landscape_tab", "group_filter")
    resource_filter = _delegate("landscape_tab", "resource_filter")
    municipality_filter = _delegate("landscape_tab", "municipality_filter")
    filter_label = _delegate("landscape_tab", "filter_label")
    problem_model = _delegate("problems_tab", "problem_model")
    problem_proxy = _delegate("problems_tab", "problem_proxy")
    problem_view = _delegate("problems_tab", "problem_view")
    problem_detail = _delegate("problems_tab", "problem_detail")
    problem_editor = _delegate("problems_tab", "problem_editor")
    problem_pane = _delegate("problems_tab", "problem_pane")
    find_partners_button = _delegate("problems_tab", "find_partners_button")
    map_view = _delegate("map_tab", "map_view")
    map_detail = _delegate("map_tab", "map_detail")
    import_action = _delegate("commands", "import_action")
    export_action = _delegate("commands", "export_action")
    export_map_action = _delegate("commands", "export_map_action")
    geo_action = _delegate("commands", "geo_action")
    demo_action = _delegate("commands", "demo_action")
    quit_action = _delegate("commands", "quit_action")
    undo_group = _delegate("commands", "undo_group")
    undo_action = _delegate("commands", "undo_action")
    redo_action = _delegate("commands", "redo_action")
    new_actor_action = _delegate("commands", "new_actor_action")
    new_problem_action = _delegate("commands", "new_problem_action")
    save_action = _delegate("commands", "save_action")
    find_action = _delegate("commands", "find_action")
    area_actions = _delegate("commands", "area_actions")
    language_actions = _delegate("commands", "language_actions")
    settings_action = _delegate("commands", "settings_action")
    guide_action = _delegate("commands", "guide_action")
    about_action = _delegate("commands", "about_action")

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._lang = context.lang
        self.setObjectName("MainWindow")
        self.setWindowTitle(f"{context.location} — {PRODUCT_NAME}")
        self.changes = ChangeHub(self)
        self._loading = False
        self._changed_while_loading = Changes()
        self._partnerships_loaded = False
        self._match_choices: list[tuple[str, str]] | None = None
        self._home_municipality: str | None = None
        self._proposed: PartnershipDetail | None = None
        self.ask_restart: Callable[[str], bool] = self._ask_restart
        """Asks whether to restart now for a new language; replaceable (tests)."""

        vocabulary, lang = context.vocabulary, context.lang
        profiles = ProfileHtml(vocabulary, lang, self)
        self.landscape_tab = LandscapeTab(
            context.landscape,
            context.actor_edit,
            vocabulary,
            lang,
            profiles,
            history=context.history,
        )
        self.problems_tab = ProblemsTab(
            context.landscape,
            context.problem_edit,
            vocabulary,
            lang,
            profiles,
            owners=self.landscape_tab.owner_choices,
            history=context.history,
        )
        self.match_view = MatchView(
            context.matching, vocabulary, lang, propose=self._propose_partnership
        )
        self.map_tab = MapTab(
            context.maps,
            lang,
            self.landscape_tab.selected_actor_id,
            coverage=context.coverage_map,
        )
        self.partnerships_view = PartnershipsView(
            context.partnerships, vocabulary, lang, history=context.history.history
        )
        self.overview_tab = OverviewTab(
            context.overview.overview,
            context.overview.actors_behind,
            context.landscape.municipalities,
            vocabulary,
            lang,
        )
        self.files = FileOperations(self, context, self.changes.announce, self._map_choices)
        self.offline = SyncCommands(self)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setAccessibleName(self.tr("Areas"))
        self.tabs.addTab(self.landscape_tab, self.tr("Landscape"))
        self.tabs.addTab(self.problems_tab, self.tr("Problem statements"))
        self.match_tab_index = self.tabs.addTab(self.match_view, self.tr("Match"))
        self.map_tab_index = self.tabs.addTab(self.map_tab, self.tr("Map"))
        self.partnerships_tab_index = self.tabs.addTab(
            self.partnerships_view, self.tr("Partnerships")
        )
        self.overview_tab_index = self.tabs.addTab(self.overview_tab, self.tr("Overview"))
        self.setCentralWidget(self.tabs)
        self._connect()
        self.commands = WindowActions(self)
        self.commands.fill_menus(self.menuBar())
        self.toolbar = self.commands.toolbar()
        self.addToolBar(self.toolbar)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.offline.status_label)
        self.offline.read_state()
        self.tabs.currentChanged.connect(self._area_changed)
        self._restore_settings()
        self.apply_home_municipality(home_municipality())
        self._area_changed(self.tabs.currentIndex())
        self.reload()

    # ----------------------------------------------------------------- wiring

    def _connect(self) -> None:
        self.changes.changes_applied.connect(self._apply_changes)
        self.changes.changes_applied.connect(self.overview_tab.invalidate)  # computed if shown
        self.overview_tab.actor_requested.connect(self._open_actor)
        self.overview_tab.review_requested.connect(
            lambda: self.commands.privacy_review_action.trigger()
        )
        for signal in ("import_finished", "export_finished", "geo_imported"):
            getattr(self.files, signal).connect(getattr(self, signal))

        actors = self.landscape_tab.actor_editor
        actors.actor_saved.connect(self._actor_saved)
        # Undoing a creation deletes the record (the form editors' ``deleted``).
        actor_deleted = getattr(actors, "actor_deleted", None) or getattr(actors, "deleted", None)
        if actor_deleted is not None:
            actor_deleted.connect(
                lambda actor_id: self.changes.announce(Changes.of_actors([actor_id]))
            )
        self.landscape_tab.profile_shown.connect(self.map_tab.show_actor)

        problems = self.problems_tab.problem_editor
        problems.problem_saved.connect(self._problem_saved)
        problems.status_changed.connect(self._problem_status_changed)
        if hasattr(problems, "problem_deleted"):
            problems.problem_deleted.connect(
                lambda problem_id: self.changes.announce(Changes.of_problems([problem_id]))
            )
        self.problems_tab.match_requested.connect(self.open_match)

        self.match_view.partnership_proposed.connect(self._partnership_proposed)
        self.match_view.map_requested.connect(self.show_problem_map)
        self.partnerships_view.partnership_changed.connect(self._partnership_changed)
        for view in (self.match_view, self.partnerships_view):
            view.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.map_tab.map_view.actor_clicked.connect(self._map_actor_clicked)
        self.map_tab.failed.connect(self.files.show_error)

    def shortcut_actions(self) -> list[QAction]:
        """Every menu action with a keyboard shortcut, in menu order (the guide lists them)."""
        return self.commands.with_shortcuts()

    # ----------------------------------------------------------------- data

    def reload(self) -> None:
        """Read the whole register in the background (at start and after imports)."""
        service = self.context.landscape
        self._loading = True

        def load() -> tuple[Any, Any, Any]:
            return service.list_actors(), service.list_problems(), service.counts()

        self._loading_text = self.tr("Loading…")
        self.statusBar().showMessage(self._loading_text)
        run_in_background(self, load, on_success=self._loaded, on_failure=self.files.show_error)

    def _loaded(self, result: tuple[Any, Any, Any]) -> None:
        actors, problems, counts = result
        self._loading = False
        self.landscape_tab.set_rows(actors)
        self.problems_tab.set_rows(problems)
        self._update_match_problems()
        self._show_counts(counts)
        if self.statusBar().currentMessage() == self._loading_text:
            self.statusBar().clearMessage()
        pending, self._changed_while_loading = self._changed_while_loading, Changes()
        if pending:  # written after the lists were read: apply them on top
            self._apply_changes(pending)
        self.data_loaded.emit(len(actors), len(problems))

    def _apply_changes(self, changes: Changes) -> None:
        """Refresh what a change touched, and nothing else."""
        if changes.everything:
            self.reload()
            self.map_tab.invalidate()
            self.match_view.invalidate()
            if self._partnerships_loaded:
                self.partnerships_view.reload()
            return
        if self._loading:
            self._changed_while_loading = self._changed_while_loading | changes
        if changes.actors:
            self.landscape_tab.apply_actor_changes(changes.actors)
        if changes.problems or changes.actors:
            self.problems_tab.apply_problem_changes(changes.problems, owners=changes.actors)
            self._update_match_problems()
            self.match_view.invalidate()  # its ranking was made from the register before
        if changes.touches_map():
            self.map_tab.invalidate()
        if self._partnerships_loaded and self._partnerships_involve(changes):
            self.partnerships_view.reload()  # names and titles shown in its rows
        self._refresh_counts()

    def _partnerships_involve(self, changes: Changes) -> bool:
        model = self.partnerships_view.model
        for row in range(model.rowCount()):
            summary = model.row_at(row)
            if summary.actor_id in changes.actors or summary.problem_id in changes.problems:
                return True
        return False

    def _update_match_problems(self) -> None:
        choices = self.problems_tab.matchable()
        if choices != self._match_choices:
            self._match_choices = choices
            # With nothing chosen yet, Match and the map start at a problem of one's own.
            preferred = self.problems_tab.first_matchable_in(self._home_municipality)
            self.match_view.set_problems(choices, preferred)
            self.map_tab.set_problems(choices, preferred)

    def _refresh_counts(self) -> None:
        run_in_background(
            self,
            self.context.landscape.counts,
            on_success=self._show_counts,
            on_failure=self.files.show_error,
        )

    def _show_counts(self, counts: Any) -> None:
        self.count_label.setText(
            self.tr("%1 actors · %2 problem statements · %3 partnerships")
            .replace("%1", str(counts.actors))
            .replace("%2", str(counts.problems))
            .replace("%3", str(counts.partnerships))
        )

    def _message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    # ----------------------------------------------------------------- edits

    def _actor_saved(self, actor_id: str) -> None:
        name_input: Any = editor_input(self.actor_editor, "name")
        name = name_input.text() if hasattr(name_input, "text") else actor_id
        self.changes.announce(Changes.of_actors([actor_id]))
        self._message(self.tr("Saved “%1”").replace("%1", name))

    def _problem_saved(self, problem_id: str) -> None:
        self.changes.announce(Changes.of_problems([problem_id]))
        title = self.problems_tab.title_of(problem_id) or problem_id
        self._message(self.tr("Saved “%1”").replace("%1", title))

    def _problem_status_changed(self, problem_id: str, status: str) -> None:
        self.changes.announce(Changes.of_problems([problem_id]))
        title = self.problems_tab.title_of(problem_id) or problem_id
        self._message(
            self.tr("“%1” is now: %2").replace("%1", title).replace("%2", status_label(status))
        )

    def _partnership_changed(self, problem_id: str, actor_id: str) -> None:
        self.changes.announce(Changes.of_partnerships([(problem_id, actor_id)]))
        model = self.partnerships_view.model
        row = model.row_for((problem_id, actor_id))
        if row is None:  # removed (an undone proposal): name it from the other lists
            title = self.problems_tab.title_of(problem_id) or problem_id
            actors = self.context.landscape.actor_summaries([actor_id])
            name = actors[0].name if actors else actor_id
            text = self.tr("Partnership removed: %1 ↔ %2")
        else:
            summary = model.row_at(row)
            title, name = summary.problem_title, summary.actor_name
            text = self.tr("Partnership saved: %1 ↔ %2")
        self._message(text.replace("%1", title).replace("%2", name))

    def _propose_partnership(self, problem_id: str, actor_id: str) -> PartnershipDetail:
        # Through the partnerships view: the proposal is undoable and the list follows.
        title = next((p.title for p in self.problems_tab.rows() if p.id == problem_id), None)
        name = next((a.name for a in self.actor_model.rows() if a.id == actor_id), None)
        label = f"{title} ↔ {name}" if title and name else None
        self._proposed = self.partnerships_view.propose(problem_id, actor_id, label=label)
        return self._proposed

    def _partnership_proposed(self, problem_id: str, actor_id: str) -> None:
        detail = self._proposed
        if detail is not None and detail.key == (problem_id, actor_id):
            problem_id, actor_id = detail.problem_title, detail.actor_name
        self._message(
            self.tr("Partnership proposed: %1 ↔ %2")
            .replace("%1", problem_id)
            .replace("%2", actor_id)
        )

    def _map_actor_clicked(self, actor_id: str) -> None:
        self.landscape_tab.select_actor(actor_id)

    def _open_actor(self, actor_id: str) -> None:
        """An actor chosen elsewhere (the overview): the register, with it selected."""
        self.tabs.setCurrentWidget(self.landscape_tab)
        self.select_actor(actor_id)

    # ----------------------------------------------------------------- commands

    def selected_actor_id(self) -> str | None:
        return self.landscape_tab.selected_actor_id()

    def select_actor(self, actor_id: str, clear_filters: bool = True) -> bool:
        """Select the actor's row in the register (clearing filters that hide it)."""
        return self.landscape_tab.select_actor(actor_id, clear_filters)

    def selected_problem_id(self) -> str | None:
        return self.problems_tab.selected_problem_id()

    def open_match(self, problem_id: str) -> bool:
        """Show the ranked partners of a problem statement that seeks them."""
        row = next((p for p in self.problems_tab.rows() if p.id == problem_id), None)
        if row is None or not is_matchable(row.status):
            title = row.title if row else problem_id
            self._message(
                self.tr("“%1” is not matched: %2")
                .replace("%1", title)
                .replace("%2", self.problems_tab.not_matchable_text())
            )
            return False
        if self.match_view.problem_combo.findData(problem_id) < 0:
            self._update_match_problems()
        self.tabs.setCurrentWidget(self.match_view)
        self.match_view.show_problem(problem_id)
        return True

    def show_problem_map(self, problem_id: str, top: int | None = None) -> bool:
        """The Kort area with a problem statement's map: its place, its distance ring and its
        ``top`` best partners (False when it is not matchable)."""
        if self.map_tab.problem_combo.findData(problem_id) < 0:
            self._update_match_problems()
        if not self.map_tab.show_problem(problem_id, top):
            return False
        self.tabs.setCurrentWidget(self.map_tab)
        return True

    def new_actor(self) -> None:
        """Ctrl+N: the Landscape area, an empty profile, the cursor in its name."""
        self.tabs.setCurrentWidget(self.landscape_tab)
        self.landscape_tab.new_actor()

    def new_problem(self) -> None:
        """Ctrl+Shift+N: the problem statements, an empty one, the cursor in its title."""
        self.tabs.setCurrentWidget(self.problems_tab)
        self.problems_tab.new_problem()

    def save_current(self) -> bool:
        """Save whatever is being edited in the current area."""
        current = self.tabs.currentWidget()
        if current is self.landscape_tab:
            return bool(self.actor_editor.save())
        if current is self.problems_tab:
            return bool(self.problem_editor.save())
        if current is self.partnerships_view:
            return self.partnerships_view.save()
        return False

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.landscape_tab)
        self.landscape_tab.focus_search()

    def import_file(self, path: str) -> QProgressDialog:
        return self.files.import_file(path)

    def export_file(self, path: str) -> QProgressDialog:
        return self.files.export_file(path)

    def import_boundaries(self, path: str, layer: str) -> QProgressDialog:
        return self.files.import_boundaries(path, layer)

    def open_export_map(self, scope: str = "all", value: str | None = None) -> ExportMapDialog:
        return self.files.open_export_map(scope, value)

    def _map_choices(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        problems = [(p.id, p.title) for p in self.problems_tab.rows()]
        box = self.municipality_filter
        municipalities = [(box.itemData(i), box.itemText(i)) for i in range(1, box.count())]
        return problems, municipalities

    def load_map(self) -> None:
        self.map_tab.load_map()

    def _area_changed(self, index: int) -> None:
        current = self.tabs.widget(index)
        stack = {
            id(self.landscape_tab): self.actor_editor.undo_stack,
            id(self.problems_tab): self.problem_editor.undo_stack,
            id(self.partnerships_view): self.partnerships_view.undo_stack,
            # Proposing from the match is a partnership edit: Ctrl+Z takes it back right there.
            id(self.match_view): self.partnerships_view.undo_stack,
        }.get(id(current))
        self.undo_group.setActiveStack(stack)
        if current is self.partnerships_view and not self._partnerships_loaded:
            self._partnerships_loaded = True
            self.partnerships_view.reload()
        if current is self.map_tab:
            self.map_tab.ensure_loaded()

    # ----------------------------------------------------------------- language, help

    def ask_switch_database(self) -> None:
        """Filer → Skift database…: a file or a shared server; remembered for the next start."""
        from ui.database_dialog import DatabaseDialog

        if not self.can_close():
            return
        dialog = DatabaseDialog(self.context.landscape.database.url, self)
        if dialog.exec() and dialog.database is not None:
            self.database_chosen.emit(dialog.database)

    def set_language(self, lang: str) -> bool:
        """Remember the interface language; offer to restart the window in it at once (True
        when it was restarted)."""
        QSettings().setValue("ui/language", lang)
        for code, action in self.language_actions.items():
            action.setChecked(code == lang)
        if lang == self._lang:
            return False
        if self.ask_restart(lang) and self.can_close():
            self.restart_requested.emit(lang)
            return True
        self._message(self.tr("The language changes when the application is started again."))
        return False

    def _ask_restart(self, lang: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Language"),
            self.tr("The language changes when the application is started again."),
            parent=self,
        )
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        box.exec()
        return box.clickedButton() is restart

    def show_guide(self) -> HelpDialog:
        """Hjælp → Vejledning (F1): the guide shipped with the application, offline."""
        dialog = HelpDialog(self._lang, self.shortcut_actions(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About %1").replace("%1", PRODUCT_NAME),
            self.tr(
                "%1: map the volunteer landscape of a municipality and match partners to "
                "social problems."
            ).replace("%1", PRODUCT_NAME),
        )

    # ----------------------------------------------------------------- settings

    def apply_home_municipality(self, code: str | None) -> None:
        """The user's own municipality (Indstillinger → Kommune): the register's filter and
        the overview start at it, new actors and problem statements get it, the partner map
        shows it first."""
        self._home_municipality = code
        self.landscape_tab.set_home_municipality(code)
        self.problem_editor.set_default_municipality(code)
        self.map_tab.set_home_municipality(code)
        self.overview_tab.set_home_municipality(code)

    def reopen(self) -> None:
        """Open the window anew on the same database, with new services (a new user name
        is then the author of the next change). Call ``can_close`` first."""
        self.database_chosen.emit(self.context.landscape.database)

    def open_settings(self) -> QDialog:
        """Filer → Indstillinger… (Ctrl+,). What replaces the window (another database, a
        language, a user name) happens once the dialog is closed."""
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        dialog.home_municipality_changed.connect(self.apply_home_municipality)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._settings_closed(dialog))
        dialog.open()
        return dialog

    def _settings_closed(self, dialog: Any) -> None:
        if dialog.wants_database:
            self.ask_switch_database()
            return
        restarted = dialog.language is not None and self.set_language(dialog.language)
        if dialog.renamed and not restarted:
            if self.can_close():
                self.reopen()
            else:
                self._message(self.tr("Your name is used in the history from the next start."))

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        tab = settings.value("main_window/tab", 0)  # an int, or its text from an .ini file
        self.tabs.setCurrentIndex(
            int(tab) if isinstance(tab, int | str) and f"{tab}".isdigit() else 0
        )

    def can_close(self) -> bool:
        """True when no editor holds unsaved work the user wants to keep."""
        return bool(self.actor_editor.maybe_leave() and self.problem_editor.maybe_leave())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.can_close():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/tab", self.tabs.currentIndex())
        super().closeEvent(event)
