"""The composition root of the desktop application: settings, database, services, window."""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from mapper.domain.errors import MapperError
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from ui.main_window import MainWindow

ORGANISATION = "volunteer-mapper"
APPLICATION = "Volunteer Mapper"
LANGUAGES = ("da", "en")


def configure_application(app: QCoreApplication) -> None:
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)


def ui_language() -> str:
    """The interface language from settings; Danish unless the user chose English."""
    value = QSettings().value("ui/language", "da")
    return value if value in LANGUAGES else "da"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Source strings are English; Danish comes from ui/i18n/mapper_da.qm."""
    if lang == "en":
        return None
    # Qt's own dialogs and standard buttons (Cancel, Save, Discard …) in the same language.
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_translator)
    translator = QTranslator(app)
    qm = resources.files("ui").joinpath("i18n", f"mapper_{lang}.qm")
    if translator.load(str(qm)):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
        return translator
    return None


def build_main_window(
    db: str | None, *, demo_if_empty: bool = False, lang: str = "da"
) -> MainWindow:
    database = open_database(db)
    service = LandscapeService(database)
    if demo_if_empty and service.counts().actors == 0:
        service.load_demo()
    return MainWindow(service, lang)


def run_app(db: str | None = None, *, demo_if_empty: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    lang = ui_language()
    install_translator(app, lang)
    try:
        window = build_main_window(db, demo_if_empty=demo_if_empty, lang=lang)
    except MapperError as exc:
        QMessageBox.critical(None, APPLICATION, str(exc))
        return 2
    window.show()
    return int(app.exec())
