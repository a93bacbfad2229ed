"""Qt's own dialogs and standard buttons speak Danish when the interface does: ui.app installs
Qt's Danish translation (qtbase_da.qm, shipped with PySide6) beside ours."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from ui.app import install_translator

Button = QMessageBox.StandardButton


@pytest.fixture
def danish_app(qapp: QApplication) -> Iterator[QApplication]:
    before_locale = QLocale()
    install_translator(qapp, "da")
    yield qapp
    install_translator(qapp, "en")  # removes the translators it installed
    QLocale.setDefault(before_locale)


def test_qt_ships_its_danish_translation() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_da.qm").is_file()


def test_message_box_buttons_are_danish(danish_app: QApplication, qtbot: QtBot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Titel", "Gem ændringerne?")
    qtbot.addWidget(box)
    box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
    texts = [box.button(b).text() for b in (Button.Save, Button.Discard, Button.Cancel)]
    assert texts == ["Gem", "Forkast", "Annuller"]


def test_dialog_button_box_is_danish(danish_app: QApplication, qtbot: QtBot) -> None:
    Standard = QDialogButtonBox.StandardButton
    buttons = QDialogButtonBox(Standard.Ok | Standard.Cancel | Standard.Apply | Standard.Close)
    qtbot.addWidget(buttons)
    texts = [buttons.button(b).text() for b in (Standard.Cancel, Standard.Apply, Standard.Close)]
    assert texts == ["Annuller", "Anvend", "Luk"]


def test_qts_own_file_dialog_is_danish(danish_app: QApplication, qtbot: QtBot) -> None:
    dialog = QFileDialog(None, "Importér grænser")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    labels = {w.text() for w in dialog.findChildren(QLabel)}
    buttons = {w.text() for w in dialog.findChildren(QPushButton)}
    assert "&Filnavn:" in labels
    assert {"&Gem", "Annuller"} <= buttons
    # Qt 6.11's Danish lacks two labels of this dialog ("&Look in:", "Files of &type:"); they
    # stay English until Qt translates them.


def test_english_keeps_qts_english(qapp: QApplication, qtbot: QtBot) -> None:
    before_locale = QLocale()
    assert install_translator(qapp, "en") is None
    QLocale.setDefault(before_locale)
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(Button.Save | Button.Cancel)
    assert [box.button(b).text() for b in (Button.Save, Button.Cancel)] == ["Save", "Cancel"]
