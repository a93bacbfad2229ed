"""Filer → Indstillinger: the database in use, backups, language, the user's name, the home
municipality and the data review's periods, in one dialog with OK, Cancel and Apply.

The settings of this computer live in QSettings; the periods are settings of the database
(mapper.services.privacy), shared by everyone who works on it."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.authors import current_author
from mapper.domain.errors import InputProblem
from mapper.persistence.database import sqlite_file
from mapper.services.backups import DEFAULT_KEEP, BackupService
from mapper.services.privacy import MONTHS_MAX, MONTHS_MIN, PrivacyService, PrivacySettings
from ui.context import AppContext
from ui.error_text import describe_error, describe_problem
from ui.first_run import (
    chosen_municipality,
    home_municipality,
    municipality_combo,
    set_home_municipality,
    set_user_name,
    show_municipality,
)
from ui.locale_format import substitute
from ui.operations import run_in_background

KEEP_KEY = "backups/keep"
KEEP_MAX = 365
LANGUAGE_NAMES = (("da", "Dansk"), ("en", "English"))
"""Each language named in itself, as in Vis → Sprog."""


def kept_backups() -> int:
    """How many daily backups are kept (``backups/keep``; ui.app reads it at the start)."""
    try:
        return max(1, int(str(QSettings().value(KEEP_KEY, DEFAULT_KEEP))))
    except (TypeError, ValueError):
        return DEFAULT_KEEP


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class SettingsDialog(QDialog):
    """Indstillinger. Apply (and OK) store everything; what replaces the window — another
    database, a language, a new user name — is left to the window once the dialog closes:
    ``wants_database``, ``language`` and ``renamed`` say what."""

    home_municipality_changed = Signal(object)
    """The new home municipality's code (None: none), once applied."""
    applied = Signal()
    """Everything has been stored (the periods too)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        database = context.landscape.database
        self._privacy = PrivacyService(
            database, context.vocabulary, author=context.landscape.author
        )
        self._author = context.landscape.author
        self._lang = context.lang
        self._stored: PrivacySettings | None = None
        self._close_after = False
        self.wants_database = False
        """The user asked to switch the database (the window asks which, as Skift database…)."""
        self.language: str | None = None
        """A language other than the window's, once applied."""
        self.renamed = False
        """The user name applied differs from the one the window's services write."""

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setAccessibleName(self.tr("Settings"))
        self.tabs.tabBar().setUsesScrollButtons(False)  # every page named, at any font size
        self.tabs.addTab(self._database_page(context), self.tr("Database"))
        self.tabs.addTab(self._backup_page(BackupService(database), context), self.tr("Backups"))
        self.tabs.addTab(self._language_page(), self.tr("Language"))
        self.tabs.addTab(self._user_page(), self.tr("User"))
        self.tabs.addTab(self._municipality_page(), self.tr("Municipality"))
        self.tabs.addTab(self._retention_page(), self.tr("Retention"))

        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("OK"))
        self.ok_button.setDefault(True)  # Enter in a field: OK
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("&Apply"))
        self.apply_button.clicked.connect(lambda: self.apply())
        buttons.accepted.connect(lambda: self.apply(close=True))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 300)
        run_in_background(
            self, self._privacy.settings, on_success=self._periods_loaded, on_failure=self._failed
        )

    # ----------------------------------------------------------------- pages

    def _database_page(self, context: AppContext) -> QWidget:
        database = context.landscape.database
        path = sqlite_file(database.url)
        self.location_edit = QLineEdit(str(path) if path is not None else context.location)
        self.location_edit.setObjectName("databaseLocation")
        self.location_edit.setReadOnly(True)  # selectable, to copy it
        self.location_edit.setAccessibleName(self.tr("Database in use"))
        kind = (
            self.tr("A file on this computer (SQLite)")
            if database.is_sqlite
            else self.tr("A shared server (PostgreSQL)")
        )
        if database.read_only:
            kind = self.tr("%1, read only").replace("%1", kind)
        self.switch_button = QPushButton(self.tr("&Switch database…"))
        self.switch_button.setObjectName("switchDatabase")
        self.switch_button.setAccessibleName(self.tr("Switch database"))
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(self._switch_database)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("In use:"), self.location_edit)
        form.addRow(self.tr("Kind:"), QLabel(kind))
        row = QHBoxLayout()
        row.addWidget(self.switch_button)
        row.addStretch()
        form.addRow("", row)
        form.addRow(
            _hint(
                self.tr(
                    "Open a file on this computer or a shared server; the window opens anew on "
                    "it, and it is the one opened at the next start."
                )
            )
        )
        return page

    def _backup_page(self, backups: BackupService, context: AppContext) -> QWidget:
        self.keep_spin = QSpinBox()
        self.keep_spin.setObjectName("backupsKept")
        self.keep_spin.setRange(1, KEEP_MAX)
        self.keep_spin.setValue(min(kept_backups(), KEEP_MAX))
        self.keep_spin.setAccessibleName(self.tr("Daily backups kept"))
        self.keep_spin.setMaximumWidth(100)
        self.backup_folder = QLineEdit(str(backups.folder))
        self.backup_folder.setObjectName("backupFolder")
        self.backup_folder.setReadOnly(True)
        self.backup_folder.setAccessibleName(self.tr("Backup folder"))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Daily backups &kept:"), self.keep_spin)
        form.addRow(self.tr("Folder:"), self.backup_folder)
        database = context.landscape.database
        if database.is_sqlite and not database.read_only:
            note = self.tr(
                "The first start of each day copies the database file into this folder; the "
                "oldest copies beyond the number above are deleted."
            )
        else:
            note = self.tr(
                "Automatic backups are made of a database file on this computer only; a shared "
                "server is backed up with 'mapper backup' or by its administrator."
            )
        form.addRow(_hint(note))
        return page

    def _language_page(self) -> QWidget:
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("settingsLanguage")
        self.language_combo.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self._lang)))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow(
            _hint(self.tr("When you close this dialog you can restart the window in it at once."))
        )
        return page

    def _user_page(self) -> QWidget:
        from ui.app import user_name  # ui.app builds the window, which opens this dialog

        self.name_edit = QLineEdit(user_name())
        self.name_edit.setObjectName("settingsUserName")
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(current_author())
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form.addRow(
            _hint(
                self.tr(
                    "Shown in the history of every record you change. Empty: the computer's "
                    "login name (%1)."
                ).replace("%1", current_author())
            )
        )
        return page

    def _municipality_page(self) -> QWidget:
        self.municipality_combo = municipality_combo(
            "settingsMunicipality", self.tr("Your municipality")
        )
        show_municipality(self.municipality_combo, home_municipality())
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Your &municipality:"), self.municipality_combo)
        form.addRow(
            _hint(
                self.tr(
                    "The register's municipality filter and the partner map start at it, and new "
                    "actors and problem statements get it. Type to search."
                )
            )
        )
        return page

    def _retention_page(self) -> QWidget:
        self.verify_edit = QLineEdit()
        self.verify_edit.setObjectName("settingsVerifyMonths")
        self.verify_edit.setAccessibleName(self._verify_title())
        self.retention_edit = QLineEdit()
        self.retention_edit.setObjectName("settingsRetentionMonths")
        self.retention_edit.setAccessibleName(self._retention_title())
        for edit in (self.verify_edit, self.retention_edit):
            edit.setEnabled(False)  # until the stored periods are read
            edit.setMaximumWidth(80)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self._verify_title() + ":", self.verify_edit)
        form.addRow(self._retention_title() + ":", self.retention_edit)
        form.addRow(
            _hint(
                substitute(
                    self.tr(
                        "Whole months from %1 to %2, stored in the database for everyone who "
                        "works on it. Persons are only proposed for erasure (Edit → Data "
                        "review); nobody is deleted without being asked."
                    ),
                    MONTHS_MIN,
                    MONTHS_MAX,
                )
            )
        )
        return page

    def _verify_title(self) -> str:
        return self.tr("Review actors not verified for (months)")

    def _retention_title(self) -> str:
        return self.tr("Propose inactive persons for erasure after (months)")

    # ----------------------------------------------------------------- periods

    def _periods_loaded(self, stored: PrivacySettings) -> None:
        self._stored = stored
        self.verify_edit.setText(str(stored.verify_months))
        self.retention_edit.setText(str(stored.retention_months))
        for edit in (self.verify_edit, self.retention_edit):
            edit.setEnabled(True)

    def _periods(self) -> PrivacySettings | None:
        """The periods typed in; None (with a message naming the field) when one is not a
        whole number of months in range."""
        if self._stored is None:
            return None
        values = {}
        for key, edit, title in (
            ("verify_months", self.verify_edit, self._verify_title()),
            ("retention_months", self.retention_edit, self._retention_title()),
        ):
            text = edit.text().strip()
            number = int(text) if text.isdigit() else None
            if number is None or not MONTHS_MIN <= number <= MONTHS_MAX:
                problem = InputProblem(
                    "settings",
                    key,
                    text,
                    f"must be a whole number of months from {MONTHS_MIN} to {MONTHS_MAX}",
                    code="out_of_range",
                    params={"min": MONTHS_MIN, "max": MONTHS_MAX},
                )
                self.message.setText(
                    self.tr("Nothing was saved. %1").replace("%1", describe_problem(problem, title))
                )
                self.tabs.setCurrentIndex(self.tabs.count() - 1)
                edit.setFocus()
                edit.selectAll()
                return None
            values[key] = number
        return PrivacySettings(**values)

    # ----------------------------------------------------------------- applying

    def apply(self, *, close: bool = False) -> bool:
        """Store every setting (OK, Apply); False, with a message naming the field and
        nothing stored, when a period is not a whole number of months from 1 to 240."""
        periods = self._periods()
        if periods is None and self._stored is not None:
            return False
        from ui.app import user_name

        self.message.clear()
        QSettings().setValue(KEEP_KEY, self.keep_spin.value())
        name = self.name_edit.text().strip()
        if name != user_name():
            set_user_name(name)
        self.renamed = user_name() != self._author
        home = chosen_municipality(self.municipality_combo)
        if home != home_municipality():
            set_home_municipality(home)
            self.home_municipality_changed.emit(home)
        show_municipality(self.municipality_combo, home)  # a text naming none: shown as none
        language = self.language_combo.currentData()
        self.language = language if language != self._lang else None
        if periods is not None and periods != self._stored:
            self._close_after = close
            self._set_busy(True)
            privacy = self._privacy

            def save() -> PrivacySettings:
                return privacy.save_settings(
                    verify_months=periods.verify_months,
                    retention_months=periods.retention_months,
                )

            run_in_background(self, save, on_success=self._periods_saved, on_failure=self._failed)
            return True
        self._done(close)
        return True

    def _periods_saved(self, stored: PrivacySettings) -> None:
        self._stored = stored
        self._set_busy(False)
        self._done(self._close_after)

    def _done(self, close: bool) -> None:
        self.applied.emit()
        if close:
            self.accept()

    def _failed(self, error: BaseException, _details: str) -> None:
        self._set_busy(False)
        self.wants_database = False
        self.message.setText(describe_error(error))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.ok_button, self.apply_button, self.switch_button):
            button.setEnabled(not busy)

    def _switch_database(self) -> None:
        """Store what was changed here, close, and let the window ask which database."""
        self.wants_database = True
        if not self.apply(close=True):
            self.wants_database = False
