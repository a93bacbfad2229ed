"""Two people at two desks on one shared PostgreSQL database, each in their own main window
over their own connection: saves that meet a newer version merge what does not collide and
ask about what does; nothing either of them typed is lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from mapper.domain.model import Actor
from mapper.persistence.database import Database, open_database
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape
from tests.ui.danish import RecordingDanish, danish
from ui.actor_editor import ActorEditor
from ui.app import build_context
from ui.main_window import MainWindow
from ui.widgets.conflict_dialog import ConflictDialog

ACTOR = "esb-sind"
TIMEOUT = 20_000
NOT_SAVED = "Ikke gemt: en anden har ændret posten. Det, du har skrevet, er her stadig."


@dataclass
class Desk:
    """One person's window on the shared database."""

    window: MainWindow

    @property
    def editor(self) -> ActorEditor:
        editor = self.window.actor_editor
        assert isinstance(editor, ActorEditor)
        return editor

    def open(self, qtbot: QtBot, actor_id: str) -> None:
        """Pick the actor in the register, as a click on its row does."""
        assert self.window.select_actor(actor_id)
        qtbot.waitUntil(lambda: self.editor.current_id() == actor_id, timeout=TIMEOUT)

    def type_text(self, qtbot: QtBot, key: str, text: str) -> None:
        """Replace a field's text by typing, as a user who selected it all first would."""
        widget = self.editor.inputs[key]
        widget.setFocus()
        if isinstance(widget, QLineEdit | QPlainTextEdit | QSpinBox):
            widget.selectAll()
        qtbot.keyClicks(widget, text)

    def title(self, key: str) -> str:
        return self.editor.captions[key].text().removesuffix(" *")


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[RecordingDanish]:
    with danish("RecordForm", "ConflictDialog") as recording:
        yield recording
    # The form's own sentences are checked word for word; every word of the view is Danish.
    missing = {m for m in recording.missing if m[0] == "ConflictDialog"}
    assert not missing, f"no Danish for {sorted(missing)}"


@pytest.fixture
def desks(
    qtbot: QtBot, pg_database: Database, translator: RecordingDanish
) -> Iterator[tuple[Desk, Desk]]:
    """Anne's window and Birte's, each with its own Database on the same server database."""
    LandscapeService(pg_database).import_document(small_landscape())
    second = open_database(pg_database.url)
    opened = []
    for database, author in ((pg_database, "Anne"), (second, "Birte")):
        context = build_context(database)
        context.actor_edit.author = author
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda w=window: w.actor_model.total() == 5, timeout=TIMEOUT)
        window.actor_editor.confirm = lambda: QMessageBox.StandardButton.Discard
        opened.append(Desk(window))
    yield opened[0], opened[1]
    second.close()


def stored(desk: Desk) -> tuple[Actor, int]:
    return desk.window.context.actor_edit.load(ACTOR)


def test_changes_to_different_fields_merge_without_asking(
    qtbot: QtBot, desks: tuple[Desk, Desk]
) -> None:
    anne, birte = desks
    anne.open(qtbot, ACTOR)
    birte.open(qtbot, ACTOR)
    _, version = stored(anne)

    anne.type_text(qtbot, "contact.phone", "75 12 34 56")
    with qtbot.waitSignal(anne.editor.actor_saved, timeout=TIMEOUT):
        assert anne.window.save_current()
    birte.type_text(qtbot, "profile.worst_at", "Regnskab")
    with qtbot.waitSignal(birte.editor.actor_saved, timeout=TIMEOUT) as blocker:
        assert birte.window.save_current()
    assert blocker.args == [ACTOR]

    assert birte.editor.last_message is None  # nothing collided: nothing to ask
    assert birte.editor.message_label.text() == (
        f"Gemt. Flettet med ændringer fra Anne ({birte.title('contact.phone')})."
    )
    actor, now = stored(birte)
    assert actor.contact.phone == "75 12 34 56"  # Anne's
    assert actor.profile.worst_at == "Regnskab"  # Birte's
    assert actor.parent_id == "dk-sind" and actor.service_area_km == 25  # not in the form
    assert now == version + 2 == birte.editor.current_version()
    assert birte.editor.inputs["contact.phone"].text() == "75 12 34 56"  # type: ignore[attr-defined]
    assert not birte.editor.is_dirty()


def test_fields_both_changed_are_chosen_row_by_row(qtbot: QtBot, desks: tuple[Desk, Desk]) -> None:
    anne, birte = desks
    anne.open(qtbot, ACTOR)
    birte.open(qtbot, ACTOR)
    _, version = stored(anne)

    anne.type_text(qtbot, "name", "Sammen om Sindet Vest")
    anne.type_text(qtbot, "volunteers", "55")
    anne.type_text(qtbot, "contact.email", "vest@example.dk")
    with qtbot.waitSignal(anne.editor.actor_saved, timeout=TIMEOUT):
        assert anne.window.save_current()

    birte.type_text(qtbot, "name", "SoS Esbjerg")
    birte.type_text(qtbot, "volunteers", "45")
    birte.type_text(qtbot, "profile.worst_at", "Regnskab")
    with qtbot.assertNotEmitted(birte.editor.actor_saved):
        assert not birte.window.save_current()
    assert birte.editor.message_label.text() == NOT_SAVED
    dialog = birte.editor.last_message
    assert isinstance(dialog, ConflictDialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT)
    assert dialog.intro.text().startswith("Anne gemte posten, mens du redigerede den.")
    assert [(r.key, r.mine, r.theirs, r.collides) for r in dialog.rows] == [
        ("name", "SoS Esbjerg", "Sammen om Sindet Vest", True),
        ("volunteers", "45", "55", True),
        ("profile.worst_at", "Regnskab", "—", False),
        ("contact.email", "anne@example.dk", "vest@example.dk", False),
    ]
    assert dialog.results["contact.email"].text() == "vest@example.dk"
    assert dialog.notes["contact.email"].text() == "flettet automatisk"

    # By keyboard: Anne's name (Right), Tab to the volunteers, keep Birte's number, Enter.
    assert QApplication.focusWidget() is dialog.mine_buttons["name"]
    qtbot.keyClick(dialog.mine_buttons["name"], Qt.Key.Key_Right)
    qtbot.keyClick(dialog.theirs_buttons["name"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.mine_buttons["volunteers"]
    assert dialog.choices() == {"name": "theirs", "volunteers": "mine"}
    with qtbot.waitSignal(birte.editor.actor_saved, timeout=TIMEOUT):
        qtbot.keyClick(dialog.mine_buttons["volunteers"], Qt.Key.Key_Return)

    actor, now = stored(birte)
    assert actor.name == "Sammen om Sindet Vest"  # Anne's, chosen
    assert actor.volunteers == 45  # Birte's, chosen
    assert actor.contact.email == "vest@example.dk"  # Anne's, merged
    assert actor.profile.worst_at == "Regnskab"  # Birte's, merged
    assert actor.target_groups == ("mental_illness", "socially_vulnerable_adults")  # untouched
    assert now == version + 2 == birte.editor.current_version()
    assert birte.editor.values() == birte.editor.values_of(actor)
    assert not birte.editor.is_dirty()
    assert birte.editor.message_label.text() == (
        f"Gemt. Flettet med ændringer fra Anne ({birte.title('name')}, "
        f"{birte.title('contact.email')})."
    )


def test_going_on_editing_keeps_the_input_and_a_newer_save_asks_again(
    qtbot: QtBot, desks: tuple[Desk, Desk]
) -> None:
    anne, birte = desks
    anne.open(qtbot, ACTOR)
    birte.open(qtbot, ACTOR)
    _, version = stored(anne)
    anne.type_text(qtbot, "name", "Sammen om Sindet Vest")
    with qtbot.waitSignal(anne.editor.actor_saved, timeout=TIMEOUT):
        assert anne.window.save_current()
    birte.type_text(qtbot, "name", "SoS Esbjerg")

    assert not birte.window.save_current()
    dialog = birte.editor.last_message
    assert isinstance(dialog, ConflictDialog)
    assert dialog.edit_button.text().replace("&", "") == "Fortsæt redigering"
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert birte.editor.inputs["name"].text() == "SoS Esbjerg"  # type: ignore[attr-defined]
    assert birte.editor.is_dirty()
    assert birte.editor.message_label.text() == NOT_SAVED
    assert stored(anne) == (stored(anne)[0], version + 1)
    assert stored(anne)[0].name == "Sammen om Sindet Vest"

    # Birte saves again and keeps her name; Anne saves once more before Birte answers.
    assert not birte.window.save_current()
    first = birte.editor.last_message
    assert isinstance(first, ConflictDialog)
    anne.type_text(qtbot, "name", "Sammen om Sindet Syd")
    with qtbot.waitSignal(anne.editor.actor_saved, timeout=TIMEOUT):
        assert anne.window.save_current()
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)

    # Birte's answer met Anne's newest name: the view asks again, with that name.
    again = birte.editor.last_message
    assert isinstance(again, ConflictDialog) and again is not first
    assert again.isVisible()
    assert [(r.key, r.mine, r.theirs) for r in again.rows] == [
        ("name", "SoS Esbjerg", "Sammen om Sindet Syd")
    ]
    assert birte.editor.inputs["name"].text() == "SoS Esbjerg"  # type: ignore[attr-defined]
    qtbot.mouseClick(again.all_mine_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(birte.editor.actor_saved, timeout=TIMEOUT):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    actor, now = stored(birte)
    assert actor.name == "SoS Esbjerg"
    assert now == version + 3 == birte.editor.current_version()
    assert not birte.editor.is_dirty()
    assert birte.editor.message_label.text() == "Gemt."
