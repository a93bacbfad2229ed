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


def shown_codes(picker: CodePicker) -> list[str]:
    return [
        picker.list.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(picker.list.count())
        if not picker.list.item(row).isHidden()
    ]


def test_typing_makes_the_best_match_current_so_space_takes_what_was_meant(
    qtbot: QtBot,
) -> None:
    """Seen under Xvfb: "udsatte u", Tab, Space ticked Udsatte børn (listed first), not
    Udsatte unge. The best match is now the current term; the list keeps its order."""
    picker = CodePicker(load_vocabulary(), "target_groups", "da", "Målgrupper")
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.filter_edit, "udsatte u")
    assert shown_codes(picker)[0] == "children_vulnerable"  # still shown, in its place
    assert picker.list.currentItem().data(Qt.ItemDataRole.UserRole) == "youth_vulnerable"
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert picker.codes() == ("youth_vulnerable",)
    # Words that begin words of the label beat words found inside others.
    picker.filter_edit.clear()
    qtbot.keyClicks(picker.filter_edit, "unge")
    assert picker.list.currentItem().data(Qt.ItemDataRole.UserRole) == "young_parents"
    picker.filter_edit.clear()
    qtbot.keyClicks(picker.filter_edit, "borg handi")
    assert picker.list.currentItem().data(Qt.ItemDataRole.UserRole) == "physical_disability"
    # A word inside a compound is still found.
    picker.filter_edit.clear()
    qtbot.keyClicks(picker.filter_edit, "ramte")
    assert shown_codes(picker)[0] == "indebted"


def test_clearing_the_filter_keeps_the_term_the_user_was_on(qtbot: QtBot) -> None:
    picker = CodePicker(load_vocabulary(), "target_groups", "da", "Målgrupper")
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.filter_edit, "hjem")
    assert picker.list.currentItem().data(Qt.ItemDataRole.UserRole) == "homeless"
    picker.filter_edit.clear()
    assert len(shown_codes(picker)) == picker.list.count()
    assert picker.list.currentItem().data(Qt.ItemDataRole.UserRole) == "homeless"
