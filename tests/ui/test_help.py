"""Hjælp → Vejledning: the guide ships with the application and lists the real shortcuts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from ui.app import build_main_window
from ui.help_dialog import HelpDialog, guide_text
from ui.main_window import MainWindow

SECTIONS = {
    "da": (
        "Første skridt",
        "Den sociale datingprofil",
        "Sådan matcher programmet",
        "Privatliv",
        "Tastaturgenveje",
    ),
    "en": (
        "First steps",
        "The social dating profile",
        "How matching works",
        "Privacy",
        "Keyboard shortcuts",
    ),
}


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    w = build_main_window(str(tmp_path / "h.sqlite"))
    qtbot.addWidget(w)
    w.show()
    return w


def test_f1_opens_the_danish_guide_with_every_section(window: MainWindow, qtbot: QtBot) -> None:
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for title in SECTIONS["da"]:
        assert title in text, title
    for rule in ("aldrig på et offentligt kort", "samtykke", "Borgere registreres aldrig"):
        assert rule in text, rule
    assert "uafklaret" in text and "ikke oplyst" in text
    dialog.close()
    qtbot.waitUntil(lambda: window.findChild(HelpDialog) is None, timeout=5_000)


def test_the_shortcuts_listed_are_the_window_actions(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.show_guide()
    qtbot.addWidget(dialog)
    actions = window.shortcut_actions()
    keys = [a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in actions]
    # Native text is translated ("Ctrl+Skift+N" once Qt's Danish is installed): check the keys
    # themselves in the portable form, the guide's table in the native one.
    portable = {a.shortcut().toString(QKeySequence.SequenceFormat.PortableText) for a in actions}
    assert {"Ctrl+N", "Ctrl+Shift+N", "Ctrl+S", "Ctrl+F", "Ctrl+1", "Ctrl+5", "F1"} <= portable
    # The table's cells, one per line: action, keys, action, keys …
    cells = dialog.browser.toPlainText().split(SECTIONS["da"][-1], 1)[1].split("\n")
    rows = list(zip(cells[3::2], cells[4::2], strict=False))  # after the two header cells
    labels = [a.text().replace("&", "").removesuffix("…") for a in actions]
    assert rows == list(zip(labels, keys, strict=True))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_guide_is_shipped_in_both_languages(lang: str) -> None:
    text = guide_text(lang)
    for title in SECTIONS[lang]:
        assert f"## {title}" in text, title
    assert "<!-- shortcuts -->" in text
