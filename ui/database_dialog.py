"""Choosing the database the window works on: a file on this computer (SQLite) or a shared
server (PostgreSQL), with the recently used ones; the choice is remembered for the next start.

A server's password is never remembered: it is asked for here (and kept for this session
only), or comes from PGPASSWORD or ~/.pgpass as for every PostgreSQL client.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.errors import MapperError
from mapper.persistence.database import (
    Database,
    open_database,
    server_url,
    sqlite_file,
    without_password,
)
from ui.error_text import describe_error

RECENT_KEY = "database/recent"
LAST_KEY = "database/last"
RECENT_COUNT = 8


def remembered_database() -> str | None:
    """The database chosen last in the window (without a password), if any."""
    value = QSettings().value(LAST_KEY)
    return value if isinstance(value, str) and value else None


def recent_databases() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):  # an .ini file gives a single entry as a string
        value = [value]
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str) and v]


def remember_database(url: str) -> None:
    """Remember ``url`` (its password left out) as the last and most recent database."""
    QSettings().setValue(LAST_KEY, note_recent(url))


def note_recent(url: str) -> str:
    """Put ``url`` (its password left out) first among the recently used databases, without
    making it the one the next start opens (``mapper --db URL gui`` does this); the URL kept."""
    kept = without_password(url)
    recent = [kept, *(u for u in recent_databases() if u != kept)][:RECENT_COUNT]
    QSettings().setValue(RECENT_KEY, recent)
    return kept


class DatabaseDialog(QDialog):
    """Open another database; ``database`` holds it after acceptance."""

    def __init__(self, current_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose database"))
        self.database: Database | None = None
        self.file_choice = QRadioButton(self.tr("A file on this computer (SQLite)"))
        self.server_choice = QRadioButton(self.tr("A shared server (PostgreSQL)"))
        choices = QButtonGroup(self)
        choices.addButton(self.file_choice)
        choices.addButton(self.server_choice)

        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(self.tr("Database file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)

        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("postgresql+psycopg://bruger@server/landskab")
        self.server_edit.setAccessibleName(self.tr("Server address"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setToolTip(
            self.tr("Not remembered. Leave empty when PGPASSWORD or ~/.pgpass gives it.")
        )
        form = QFormLayout()
        form.addRow(self.file_choice)
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.server_choice)
        form.addRow(self.tr("Server:"), self.server_edit)
        form.addRow(self.tr("Password:"), self.password_edit)

        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName(self.tr("Recently used databases"))
        for url in recent_databases():
            QListWidgetItem(url, self.recent_list)
        self.recent_list.currentTextChanged.connect(self._put)
        self.recent_list.itemActivated.connect(lambda _item: self._open())

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText(self.tr("Open"))
        self.open_button.setDefault(True)  # Enter in a field opens
        browse.setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Recently used:")))
        layout.addWidget(self.recent_list)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.file_edit.textEdited.connect(lambda _t: self.file_choice.setChecked(True))
        self.server_edit.textEdited.connect(lambda _t: self.server_choice.setChecked(True))
        self._put(without_password(current_url))
        self.resize(620, 420)

    def _put(self, url: str) -> None:
        if not url:
            return
        path = sqlite_file(url) if "://" in url else Path(url)
        if path is not None:
            self.file_choice.setChecked(True)
            self.file_edit.setText(str(path))
        else:
            self.server_choice.setChecked(True)
            self.server_edit.setText(url)

    def _browse(self) -> None:
        start = self.file_edit.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose database"), start, self.tr("Databases (*.sqlite *.db);;All (*)")
        )
        if path:
            self.file_edit.setText(path)
            self.file_choice.setChecked(True)

    def chosen_url(self) -> str | None:
        """The URL to open (with the password typed here), or None with a message shown."""
        if self.file_choice.isChecked():
            text = self.file_edit.text().strip()
            if not text:
                self.message.setText(self.tr("Choose a file."))
                return None
            return os.path.expanduser(text)
        text = self.server_edit.text().strip()
        if not text:
            self.message.setText(self.tr("Write the server's address."))
            return None
        url = server_url(text, self.password_edit.text() or None)
        if url is None:
            self.message.setText(
                self.tr(
                    "Not a server address: %1. Write it as postgresql+psycopg://user@host/name."
                ).replace("%1", text)
            )
        return url

    def _open(self) -> None:
        url = self.chosen_url()
        if url is None:
            return
        self.message.setText(self.tr("Opening…"))
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            self.database = open_database(url)
        except MapperError as error:
            self.message.setText(describe_error(error))
            return
        finally:
            self.unsetCursor()
        remember_database(url)
        self.accept()
