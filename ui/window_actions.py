"""The main window's commands: its QActions (menus and toolbar share them), the undo group that
follows the current area, the menus and the toolbar."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QStyle, QToolBar

from ui.context import PRODUCT_NAME
from ui.duplicates_dialog import open_duplicates_dialog
from ui.privacy_review_dialog import open_privacy_review_dialog
from ui.report_dialog import open_report_dialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str


class WindowActions(QObject):
    """Every command of the window, built once."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        pixmap = QStyle.StandardPixmap
        files = window.files
        self.import_action = self._action(
            self.tr("&Import landscape…"),
            files.ask_import,
            "Ctrl+I",
            pixmap.SP_DialogOpenButton,
            self.tr("Import"),
        )
        self.import_register_action = self._action(
            self.tr("Import re&gister (CSV/Excel)…"), files.ask_import_register, "Ctrl+Shift+I"
        )
        self.import_register_action.setStatusTip(
            self.tr("A list of associations from a booking or grants system or a spreadsheet")
        )
        self.export_action = self._action(self.tr("&Export landscape…"), files.ask_export, "Ctrl+E")
        self.export_map_action = self._action(
            self.tr("Export partner &map…"),
            window.open_export_map,
            "Ctrl+Shift+E",
            pixmap.SP_DriveNetIcon,
            self.tr("Partner map"),
        )
        self.export_hsds_action = self._action(
            self.tr("Export &HSDS package…"), files.ask_export_hsds
        )
        self.export_hsds_action.setStatusTip(
            self.tr(
                "Public organisations in Open Referral's format (HSDS 3.0) for other directories"
            )
        )
        self.export_register_action = self._action(
            self.tr("Export regis&ter (CSV/Excel)…"), files.ask_export_register
        )
        self.report_action = self._action(self.tr("&Report…"), partial(open_report_dialog, window))
        self.geo_action = self._action(self.tr("Import &boundaries…"), files.ask_boundary_import)
        self.geo_action.setStatusTip(
            self.tr("Municipalities, regions or postcodes from GeoJSON, GeoPackage or Shapefile")
        )
        self.demo_action = self._action(self.tr("Load &demo landscape"), files.load_demo)
        self._build_offline(window)
        quit_key = QKeySequence(QKeySequence.StandardKey.Quit)
        self.quit_action = self._action(
            self.tr("&Quit"), window.close, quit_key if not quit_key.isEmpty() else "Ctrl+Q"
        )
        self._build_undo(window)
        self.new_actor_action = self._action(
            self.tr("&New actor"),
            window.new_actor,
            QKeySequence.StandardKey.New,
            pixmap.SP_FileIcon,
            self.tr("New actor"),
        )
        self.new_problem_action = self._action(
            self.tr("New &problem statement"),
            window.new_problem,
            "Ctrl+Shift+N",
            pixmap.SP_FileDialogDetailedView,
            self.tr("New problem"),
        )
        self.save_action = self._action(
            self.tr("&Save"),
            window.save_current,
            QKeySequence.StandardKey.Save,
            pixmap.SP_DialogSaveButton,
            self.tr("Save"),
        )
        # The editors bind Ctrl+S themselves when used alone; here the window's action routes
        # it, and two bindings of one key would cancel each other out.
        save_key = QKeySequence(QKeySequence.StandardKey.Save)
        for area in (window.actor_editor, window.problem_editor, window.partnerships_view):
            for shortcut in area.findChildren(QShortcut):
                if shortcut.key() == save_key:
                    shortcut.setEnabled(False)
        self.find_action = self._action(
            self.tr("&Find actor"),
            window.focus_search,
            QKeySequence.StandardKey.Find,
            pixmap.SP_FileDialogContentsView,
            self.tr("Find"),
        )
        self.duplicates_action = self._action(
            self.tr("Possible &duplicates…"), partial(open_duplicates_dialog, window)
        )
        self.duplicates_action.setStatusTip(
            self.tr("Actors that may be the same: compare them and merge, or keep both")
        )
        self.privacy_review_action = self._action(
            self.tr("Data re&view…"), partial(open_privacy_review_dialog, window)
        )
        self.privacy_review_action.setStatusTip(
            self.tr("Actors not verified for a long time, and persons proposed for erasure")
        )
        areas = (
            self.tr("&Landscape"),
            self.tr("&Problem statements"),
            self.tr("&Match"),
            self.tr("M&ap"),
            self.tr("Pa&rtnerships"),
            self.tr("&Overview"),
        )
        self.area_actions = [
            self._action(name, partial(window.tabs.setCurrentIndex, i), f"Ctrl+{i + 1}")
            for i, name in enumerate(areas)
        ]
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("da", "Dansk"), ("en", "English")):
            action = self._action(name, partial(window.set_language, code))
            action.setCheckable(True)
            action.setChecked(code == window.context.lang)
            self.language_actions[code] = action
        self.guide_action = self._action(
            self.tr("&Guide"), window.show_guide, QKeySequence.StandardKey.HelpContents
        )
        self.about_action = self._action(
            self.tr("&About %1").replace("%1", PRODUCT_NAME), window.about
        )

    def _build_offline(self, window: MainWindow) -> None:
        """Take offline, synchronise and the sync conflicts (ui.sync_actions)."""
        offline = window.offline
        self.switch_database_action = self._action(
            self.tr("S&witch database…"), window.ask_switch_database, "Ctrl+Shift+O"
        )
        self.switch_database_action.setStatusTip(
            self.tr("Open another landscape: a file on this computer or a shared server")
        )
        self.settings_action = self._action(self.tr("&Settings…"), window.open_settings, "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: app menu
        self.settings_action.setStatusTip(
            self.tr("Database, backups, language, your name, your municipality, retention periods")
        )
        self.take_offline_action = self._action(self.tr("Take &offline…"), offline.ask_take_offline)
        self.take_offline_action.setStatusTip(
            self.tr("Copy the landscape from the server into a file, to work without a connection")
        )
        self.sync_action = self._action(
            self.tr("S&ynchronise"),
            offline.sync_now,
            "Ctrl+Shift+S",
            QStyle.StandardPixmap.SP_BrowserReload,
            self.tr("Synchronise"),
        )
        self.sync_action.setStatusTip(self.tr("Bring this offline copy and its server up to date"))
        self.sync_action.setEnabled(False)
        self.sync_conflicts_action = self._action(
            self.tr("Sync co&nflicts…"), offline.show_conflicts
        )
        self.sync_conflicts_action.setEnabled(False)
        offline.sync_available.connect(self.sync_action.setEnabled)
        offline.conflicts_changed.connect(
            lambda count: self.sync_conflicts_action.setEnabled(count > 0)
        )

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: Shortcut | None = None,
        icon: QStyle.StandardPixmap | None = None,
        short: str | None = None,
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self._window.style().standardIcon(icon))
        if short:
            action.setIconText(short)  # the toolbar's label; the menu keeps the long text
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_undo(self, window: MainWindow) -> None:
        """One undo group over the areas' stacks; the window activates the current area's."""
        self.undo_group = QUndoGroup(window)
        for stack in (
            window.actor_editor.undo_stack,
            window.problem_editor.undo_stack,
            window.partnerships_view.undo_stack,
        ):
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(window.actor_editor.undo_stack)
        self.undo_action = self.undo_group.createUndoAction(window, self.tr("&Undo"))
        # Every binding of the platform (Ctrl+Z; redo both Ctrl+Y and Ctrl+Shift+Z).
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(window, self.tr("&Redo"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        pixmap = QStyle.StandardPixmap
        for action, icon, short in (
            (self.undo_action, pixmap.SP_ArrowBack, self.tr("Undo")),
            (self.redo_action, pixmap.SP_ArrowForward, self.tr("Redo")),
        ):
            # The menu says what is undone ("Undo Edit name"); the toolbar stays short and
            # its tooltip (the action's text by default) carries the long one.
            action.setIcon(window.style().standardIcon(icon))
            action.setIconText(short)

    def fill_menus(self, bar: QMenuBar) -> None:
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions(
            [
                self.import_action,
                self.import_register_action,
                self.export_action,
                self.export_map_action,
                self.export_hsds_action,
                self.export_register_action,
                self.report_action,
                self.geo_action,
                self.demo_action,
            ]
        )
        file_menu.addSeparator()
        file_menu.addActions(
            [
                self.switch_database_action,
                self.take_offline_action,
                self.sync_action,
                self.sync_conflicts_action,
            ]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.new_actor_action, self.new_problem_action, self.save_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.duplicates_action)
        edit_menu.addAction(self.privacy_review_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(self.area_actions)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        language_menu.addActions(list(self.language_actions.values()))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.guide_action, self.about_action])
        self._bar = bar

    def toolbar(self) -> QToolBar:
        """Icons with short labels: it fits a 1280-pixel screen in Danish."""
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(16, 16))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_actor_action, self.new_problem_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.find_action, self.import_action, self.export_map_action])
        toolbar.addAction(self.sync_action)
        return toolbar

    def with_shortcuts(self) -> list[QAction]:
        """Every menu action with a keyboard shortcut, in menu order."""
        found: list[QAction] = []
        for menu_action in self._bar.actions():
            menu = menu_action.menu()  # typed as QObject: Qt's menu() is a template
            for action in menu.actions() if isinstance(menu, QMenu) else ():
                sub = action.menu()
                for item in sub.actions() if isinstance(sub, QMenu) else [action]:
                    if not item.shortcut().isEmpty() and item not in found:
                        found.append(item)
        return found
