"""The code picker speaks the interface language, tooltips included."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mapper.domain.vocabulary import load_vocabulary
from ui.widgets.code_picker import CodePicker


def tooltips(picker: CodePicker) -> dict[str, str]:
    items = (picker.list.item(row) for row in range(picker.list.count()))
    return {item.data(Qt.ItemDataRole.UserRole): item.toolTip() for item in items}


def test_role_tooltips_follow_the_interface_language(qtbot: QtBot) -> None:
    vocabulary = load_vocabulary()
    danish = CodePicker(vocabulary, "roles", "da", "Roller")
    english = CodePicker(vocabulary, "roles", "en", "Roles")
    qtbot.addWidget(danish)
    qtbot.addWidget(english)
    da, en = tooltips(danish), tooltips(english)
    assert da["backstop"].startswith("Bagstopper")
    assert "steps in" not in da["backstop"]  # the English explanation stays in English
    assert en["backstop"] == "Backstop (steps in if a partner cannot deliver)"
    for code, tip in da.items():
        assert tip.startswith(vocabulary.label("roles", code, "da")), code


def test_the_search_still_finds_a_code_by_its_other_language_and_synonyms(
    qtbot: QtBot,
) -> None:
    picker = CodePicker(load_vocabulary(), "roles", "da", "Roller")
    qtbot.addWidget(picker)
    picker.filter_edit.setText("backstop")
    shown = [
        picker.list.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(picker.list.count())
        if not picker.list.item(row).isHidden()
    ]
    assert shown == ["backstop"]
