"""The composition root of the desktop application: settings, database, services, window.

Everything the window uses from the core is built here, once, and handed to it as an
``AppContext``; the window and its tabs construct no services.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from mapper.domain.authors import current_author
from mapper.domain.errors import DatabaseError, MapperError
from mapper.persistence.database import Database, open_database
from mapper.services.actors import ActorEditService
from mapper.services.backups import DEFAULT_KEEP, BackupService, StartBackup
from mapper.services.coverage_map import CoverageMapService
from mapper.services.geo import GeoService
from mapper.services.history import HistoryService
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapService
from mapper.services.matching import MatchingService
from mapper.services.merge import MergeService
from mapper.services.overview import OverviewService
from mapper.services.partnerships import PartnershipService
from mapper.services.problems import ProblemEditService
from mapper.services.register_import import RegisterImportService
from ui.context import PRODUCT_NAME, AppContext
from ui.crash_dialog import install_exception_hook
from ui.database_dialog import note_recent, remembered_database
from ui.error_text import describe_error
from ui.first_run import maybe_welcome
from ui.locale_format import locale_for
from ui.logs import configure_logging
from ui.main_window import MainWindow
from ui.operations import run_in_background
from ui.storage_text import read_only_notice

ORGANISATION = "volunteer-mapper"
APPLICATION = "Volunteer Mapper"
"""The settings' key (kept so that saved settings survive); users see PRODUCT_NAME."""
LANGUAGES = ("da", "en")

_translators: list[QTranslator] = []
_windows: list[MainWindow] = []
"""Windows built by run_app or a language restart (Python must keep them alive)."""


def configure_application(app: QCoreApplication) -> None:
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName(PRODUCT_NAME)


def ui_language() -> str:
    """The interface language from settings; Danish unless the user chose English."""
    value = QSettings().value("ui/language", "da")
    return value if value in LANGUAGES else "da"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Source strings are English; Danish comes from ui/i18n/mapper_da.qm. Translators this
    function installed before are removed first, so the language can change at run time."""
    while _translators:
        app.removeTranslator(_translators.pop())
    if lang == "en":
        # English sentences with English numbers, whatever the machine's own locale says.
        QLocale.setDefault(locale_for("en"))
        return None
    # Qt's own dialogs and standard buttons (Cancel, Save, Discard …) in the same language.
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_translator)
        _translators.append(qt_translator)
    translator = QTranslator(app)
    qm = resources.files("ui").joinpath("i18n", f"mapper_{lang}.qm")
    if translator.load(str(qm)):
        app.installTranslator(translator)
        _translators.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
        return translator
    return None


def user_name() -> str:
    """Who is editing, for the change history (created_by/updated_by): the name kept in the
    settings (``user/name``), else the computer's login name."""
    stored = QSettings().value("user/name", "")
    return str(stored).strip() if stored and str(stored).strip() else current_author()


def build_context(database: Database, lang: str = "da") -> AppContext:
    """Every service the window uses, once, over one database."""
    author = user_name()
    landscape = LandscapeService(database, author=author)
    vocabulary = landscape.vocabulary
    return AppContext(
        landscape=landscape,
        actor_edit=ActorEditService(database, vocabulary, author=author),
        problem_edit=ProblemEditService(database, vocabulary, author=author),
        matching=MatchingService(database),
        maps=MapService(database, vocabulary),
        partnerships=PartnershipService(database, vocabulary, author=author),
        geo=GeoService(database),
        register_import=RegisterImportService(database, vocabulary, author=author),
        merges=MergeService(database, author, vocabulary=vocabulary),
        history=HistoryService(database),
        overview=OverviewService(database, vocabulary),
        coverage_map=CoverageMapService(database, vocabulary),
        vocabulary=vocabulary,
        lang=lang,
        location=database.display_url,
    )


def build_main_window(
    db: str | None, *, demo_if_empty: bool = False, lang: str = "da"
) -> MainWindow:
    context = build_context(open_database(db), lang)
    if demo_if_empty and context.landscape.counts().actors == 0:
        context.landscape.load_demo()
    return _window(context)


def _window(context: AppContext) -> MainWindow:
    window = MainWindow(context)
    window.restart_requested.connect(lambda lang: restart_window(window, lang))
    window.database_chosen.connect(lambda database: switch_database(window, database))
    return window


def restart_window(old: MainWindow, lang: str) -> MainWindow:
    """Close the window and open it again in another language, on the same services.

    The caller has made sure no editor holds unsaved work (``MainWindow.can_close``)."""
    app = QCoreApplication.instance()
    if app is not None:
        install_translator(app, lang)
    window = _window(replace(old.context, lang=lang))
    window.setGeometry(old.geometry())
    window.tabs.setCurrentIndex(old.tabs.currentIndex())
    if old.isVisible():
        window.show()
    old.close()
    old.deleteLater()
    if old in _windows:
        _windows.remove(old)
    _windows.append(window)
    return window


def switch_database(old: MainWindow, database: Database) -> MainWindow:
    """Close the window and open one on ``database`` (chosen in the window), with the same
    language, size and tab; the old database is closed.

    The caller has made sure no editor holds unsaved work (``MainWindow.can_close``)."""
    window = _window(build_context(database, old.context.lang))
    window.setGeometry(old.geometry())
    window.tabs.setCurrentIndex(old.tabs.currentIndex())
    previous = old.context.landscape.database
    if old.isVisible():
        window.show()
    old.close()
    old.deleteLater()
    if old in _windows:
        _windows.remove(old)
    _windows.append(window)
    if previous is not database:
        previous.close()
    return window


def current_window() -> MainWindow | None:
    """The window run_app (or the last language restart) opened."""
    return _windows[-1] if _windows else None


def run_app(db: str | None = None, *, demo_if_empty: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # The log file, and unexpected errors shown in a dialog (ui/logs.py, ui/crash_dialog.py).
    configure_logging()
    if isinstance(app, QApplication):
        install_exception_hook(app)
    configure_application(app)
    lang = ui_language()
    install_translator(app, lang)
    remembered = None
    if db is None and not os.environ.get("MAPPER_DB"):
        db = remembered = remembered_database()  # the database chosen in the window last time
    while True:
        try:
            window = build_main_window(db, demo_if_empty=demo_if_empty, lang=lang)
            break
        except DatabaseError as exc:
            if exc.cause == "locked":
                if offer_retry(exc):
                    continue  # the other program may be done now
                return 2
            QMessageBox.critical(None, PRODUCT_NAME, describe_error(exc))
            if remembered is not None and db == remembered:
                db = None  # the remembered one is gone or unreachable: the default opens
                continue
            return 2
        except MapperError as exc:
            QMessageBox.critical(None, PRODUCT_NAME, describe_error(exc))
            return 2
    _windows.append(window)
    window.show()
    database = window.context.landscape.database
    note_recent(database.url)  # offered in Filer → Skift database… next time
    if database.read_only:
        QMessageBox.information(window, PRODUCT_NAME, read_only_notice(database.url))
    start_automatic_backup(window)
    # Last: the welcome (first start only) may open the window anew with the user's name.
    maybe_welcome(window)
    return int(app.exec())


def start_automatic_backup(window: MainWindow) -> None:
    """The first start of a day copies a SQLite database into backups/ beside it, off the
    GUI thread, keeping the newest ``backups/keep`` (settings; default DEFAULT_KEEP). A
    failure never stops the start: the status bar says so."""
    database = window.context.landscape.database
    if not database.is_sqlite or database.read_only:
        return
    try:
        keep = max(1, int(str(QSettings().value("backups/keep", DEFAULT_KEEP))))
    except (TypeError, ValueError):
        keep = DEFAULT_KEEP
    service = BackupService(database)

    def show(result: StartBackup) -> None:
        if result.made is not None:
            text = QCoreApplication.translate("Backups", "Backup saved: %1")
            window.statusBar().showMessage(text.replace("%1", result.made.name), 8000)
        elif result.error is not None:
            text = QCoreApplication.translate(
                "Backups", "The automatic backup in %1 could not be made."
            )
            window.statusBar().showMessage(text.replace("%1", str(service.folder)), 15000)

    run_in_background(window, lambda: service.automatic_backup_on_start(keep), on_success=show)


def offer_retry(error: MapperError) -> bool:
    """Ask whether to try again (a locked database); True for "Retry"."""
    answer = QMessageBox.warning(
        None,
        PRODUCT_NAME,
        describe_error(error),
        QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Retry,
    )
    return answer == QMessageBox.StandardButton.Retry
