"""The conflict view on its own: rows of two versions, merged rows without a choice, a choice
per colliding row by mouse and keyboard, all mine / all theirs, in Danish."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton
from pytestqt.qtbot import QtBot

from tests.ui.danish import RecordingDanish, danish
from ui.widgets.conflict_dialog import ConflictDialog, ConflictRow

LONG = "Vi hjælper unge med lektier og fællesskab. " * 12
ROWS = (
    ConflictRow("name", "Navn", "Sammen om Sindet", "Sammen om Sindet Esbjerg", "SoS", True),
    ConflictRow("volunteers", "Frivillige", "40", "40", "60", False),
    ConflictRow("profile.worst_at", "Vi er dårligst til …", "—", "Regnskab", "—", False),
    ConflictRow("profile.we_are", "Vi er …", "Kort", LONG, "Meget kort", True),
)


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[RecordingDanish]:
    with danish("ConflictDialog") as recording:
        yield recording
    assert not recording.missing, f"no Danish for {sorted(recording.missing)}"


@pytest.fixture
def dialog(qtbot: QtBot, translator: RecordingDanish) -> ConflictDialog:
    widget = ConflictDialog(ROWS, title="Gemt af en anden", intro="Anne gemte profilen.")
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
    return widget


def plain(text: str) -> str:
    """A button's text without its mnemonic marker."""
    return text.replace("&", "")


def headings(dialog: ConflictDialog) -> list[str]:
    cells = [dialog.grid.itemAtPosition(0, c).widget() for c in range(4)]
    return [c.text() for c in cells if isinstance(c, QLabel)]


def test_the_rows_show_both_versions_and_the_result(dialog: ConflictDialog) -> None:
    assert dialog.windowTitle() == "Gemt af en anden"
    assert dialog.intro.text() == "Anne gemte profilen."
    assert headings(dialog) == ["Felt", "Min version", "Deres version", "Resultat"]
    assert plain(dialog.save_button.text()) == "Gem resultatet"
    assert plain(dialog.edit_button.text()) == "Fortsæt redigering"
    assert plain(dialog.all_mine_button.text()) == "Behold alle mine"
    assert plain(dialog.all_theirs_button.text()) == "Tag alle deres"

    # Colliding rows: a choice of two, mine by default, highlighted.
    assert set(dialog.mine_buttons) == set(dialog.theirs_buttons) == {"name", "profile.we_are"}
    assert dialog.choices() == {"name": "mine", "profile.we_are": "mine"}
    assert dialog.mine_buttons["name"].text() == "Sammen om Sindet Esbjerg"
    assert dialog.theirs_buttons["name"].text() == "SoS"
    assert dialog.results["name"].text() == "Sammen om Sindet Esbjerg"
    assert dialog.mine_buttons["name"].property("collides") is True
    assert dialog.results["name"].parentWidget().property("collides") is True
    assert "name" not in dialog.notes

    # Rows only one side changed: merged without a choice, and said so.
    assert dialog.results["volunteers"].text() == "60"  # theirs
    assert dialog.results["profile.worst_at"].text() == "Regnskab"  # mine
    assert dialog.notes["volunteers"].text() == "flettet automatisk"
    assert dialog.grid_widget.findChild(QLabel, "theirs:volunteers").text() == "60"  # type: ignore[union-attr]
    assert dialog.grid_widget.findChild(QRadioButton, "mine:volunteers") is None
    assert dialog.grid_widget.findChild(QLabel, "title:volunteers").property("collides") is False  # type: ignore[union-attr]


def test_a_long_text_is_elided_with_the_whole_text_in_the_tooltip(
    dialog: ConflictDialog,
) -> None:
    mine = dialog.mine_buttons["profile.we_are"]
    assert mine.text().endswith("…") and len(mine.text()) < len(LONG)
    assert mine.toolTip() == LONG
    assert dialog.result_text("profile.we_are") == LONG
    assert dialog.results["profile.we_are"].toolTip() == LONG
    assert dialog.theirs_buttons["profile.we_are"].toolTip() == ""  # short: nothing hidden


def test_every_choice_and_result_has_an_accessible_name(dialog: ConflictDialog) -> None:
    assert dialog.mine_buttons["name"].accessibleName() == "Navn: Min version"
    assert dialog.theirs_buttons["name"].accessibleName() == "Navn: Deres version"
    assert dialog.theirs_buttons["name"].accessibleDescription() == "SoS"
    assert dialog.results["volunteers"].accessibleName() == "Frivillige: resultat"
    assert dialog.results["volunteers"].accessibleDescription() == "60"


def test_choosing_theirs_updates_the_result(qtbot: QtBot, dialog: ConflictDialog) -> None:
    with qtbot.waitSignal(dialog.choice_changed, timeout=1000) as blocker:
        button = dialog.theirs_buttons["name"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))
    assert blocker.args == ["name", "theirs"]
    assert dialog.choices() == {"name": "theirs", "profile.we_are": "mine"}
    assert dialog.results["name"].text() == "SoS"
    assert dialog.result_text("name") == "SoS"


def test_all_theirs_and_all_mine(qtbot: QtBot, dialog: ConflictDialog) -> None:
    qtbot.mouseClick(dialog.all_theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {"name": "theirs", "profile.we_are": "theirs"}
    assert dialog.results["profile.we_are"].text() == "Meget kort"
    assert dialog.results["volunteers"].text() == "60"  # merged rows are not choices
    qtbot.mouseClick(dialog.all_mine_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {"name": "mine", "profile.we_are": "mine"}


def test_the_keyboard_chooses_row_by_row_and_enter_saves(
    qtbot: QtBot, dialog: ConflictDialog
) -> None:
    # The cursor starts at the first choice; arrows switch side, Tab goes to the next row.
    assert QApplication.focusWidget() is dialog.mine_buttons["name"]
    qtbot.keyClick(dialog.mine_buttons["name"], Qt.Key.Key_Right)
    assert dialog.choices()["name"] == "theirs"
    assert QApplication.focusWidget() is dialog.theirs_buttons["name"]
    qtbot.keyClick(dialog.theirs_buttons["name"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.mine_buttons["profile.we_are"]
    # Past the last row: Keep all mine, Take all theirs.
    qtbot.keyClick(dialog.mine_buttons["profile.we_are"], Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.all_mine_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.all_theirs_button
    qtbot.keyClick(dialog.all_theirs_button, Qt.Key.Key_Space)
    assert dialog.choices() == {"name": "theirs", "profile.we_are": "theirs"}
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == ConflictDialog.DialogCode.Accepted
    assert dialog.choices() == {"name": "theirs", "profile.we_are": "theirs"}


def test_escape_goes_on_editing(qtbot: QtBot, dialog: ConflictDialog) -> None:
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.mine_buttons["name"], Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_only_a_colliding_row_can_be_chosen(dialog: ConflictDialog) -> None:
    with pytest.raises(KeyError, match="'volunteers' is not a field both versions changed"):
        dialog.choose("volunteers", "theirs")


def test_other_versions_name_their_columns(qtbot: QtBot, translator: RecordingDanish) -> None:
    """Offline sync shows the local copy against the server's with the same view."""
    rows = [ConflictRow("name", "Navn", "A", "B", "C", True)]
    widget = ConflictDialog(
        rows,
        mine_heading="Lokal version",
        theirs_heading="Serverens version",
        all_mine_text="Behold alle lokale",
        all_theirs_text="Tag alle fra serveren",
    )
    qtbot.addWidget(widget)
    assert headings(widget) == ["Felt", "Lokal version", "Serverens version", "Resultat"]
    assert widget.theirs_buttons["name"].accessibleName() == "Navn: Serverens version"
    assert widget.all_theirs_button.text() == "Tag alle fra serveren"
    assert widget.windowTitle() == "Modstridende ændringer"


def test_without_a_collision_there_is_nothing_to_choose(
    qtbot: QtBot, translator: RecordingDanish
) -> None:
    widget = ConflictDialog([ROWS[1]])
    qtbot.addWidget(widget)
    assert widget.choices() == {}
    assert widget.all_mine_button.isHidden() and widget.all_theirs_button.isHidden()
    assert widget.intro.isHidden()
