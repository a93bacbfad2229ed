"""Profile completeness in the window: the editor says how complete a profile is and links to
what to fill in next; the register lists the incomplete profiles."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from mapper.persistence.database import Database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape
from ui.actor_editor import ActorEditor


@pytest.fixture
def edits(database: Database, service: LandscapeService) -> ActorEditService:
    doc = small_landscape()
    doc["actors"].append(
        {
            "id": "esb-gjesing-if",
            "name": "Gjesing IF",
            "kind": "local_association",
            "location": {"postcode": "6700", "city": "Esbjerg", "municipality_code": "0561"},
            "profile": {"we_are": "Fodbold og gymnastik for alle aldre"},
        }
    )
    service.import_document(doc)
    return ActorEditService(database)


@pytest.fixture
def editor(qtbot: QtBot, edits: ActorEditService) -> ActorEditor:
    widget = ActorEditor(edits, edits.vocabulary, "en")
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    return widget


def test_the_editor_says_how_complete_and_what_next_and_the_link_goes_there(
    qtbot: QtBot, editor: ActorEditor
) -> None:
    assert editor.load_actor("esb-gjesing-if")
    text = editor.completeness_label.text()
    assert "% complete" in text
    assert "fill in next" in text and "href='target_groups'" in text
    before = int(text.split("Profile ", 1)[1].split(" %", 1)[0])
    editor.completeness_label.linkActivated.emit("target_groups")
    qtbot.waitUntil(lambda: editor.inputs["target_groups"].hasFocus(), timeout=2_000)
    editor.push_field("target_groups", ("children_vulnerable",))
    text = editor.completeness_label.text()
    after = int(text.split("Profile ", 1)[1].split(" %", 1)[0])
    assert after > before
    assert "href='resources_offered'" in text
    editor.undo_stack.undo()
    assert "href='target_groups'" in editor.completeness_label.text()


def test_the_register_lists_incomplete_profiles(
    qtbot: QtBot, database: Database, edits: ActorEditService
) -> None:
    from ui.app import build_context
    from ui.main_window import MainWindow

    window = MainWindow(build_context(database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.actor_model.total() > 0, timeout=10_000)
    box = window.landscape_tab.attention_filter
    box.setCurrentIndex(box.findData("incomplete"))
    shown = {window.actor_model.row_at(r).id for r in range(window.actor_model.rowCount())}
    assert "esb-gjesing-if" in shown
    everyone = window.actor_model.rows()
    assert shown == {r.id for r in everyone if not (r.target_groups and r.resources)}
    assert len(shown) < len(everyone)
