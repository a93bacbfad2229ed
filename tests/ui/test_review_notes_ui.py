"""Values an import kept for review, in the window: listed in the editor and the profile pane,
resolved one by one (undoable), and never lost by an edit of something else."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mapper.domain.model import ReviewNote
from mapper.persistence.database import Database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape
from ui.actor_editor import ActorEditor
from ui.forms.fields import ReviewNoteList
from ui.tabs.profiles import ProfileHtml

NOTES = (
    ReviewNote("target_groups", "Sårbare fiskere", "unmapped_code"),
    ReviewNote("location.postcode", "9999", "unknown_postcode"),
    ReviewNote("notes", "<b>Ring</b> til formanden", "source_note"),
)


@pytest.fixture
def edits(database: Database, service: LandscapeService) -> ActorEditService:
    doc = small_landscape()
    service.import_document(doc)
    edits = ActorEditService(database)
    actor, version = edits.load(doc["actors"][0]["id"])
    edits.save(replace(actor, review_notes=NOTES), expected_version=version)
    return edits


@pytest.fixture
def editor(qtbot: QtBot, edits: ActorEditService) -> ActorEditor:
    widget = ActorEditor(edits, edits.vocabulary, "en")
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    return widget


def _notes(editor: ActorEditor) -> ReviewNoteList:
    widget = editor.bindings["review_notes"].widget
    assert isinstance(widget, ReviewNoteList)
    return widget


def _texts(notes: ReviewNoteList) -> list[str]:
    return [notes.list.item(i).text() for i in range(notes.list.count())]


def test_the_editor_lists_the_notes_with_field_titles_and_reasons(
    editor: ActorEditor, edits: ActorEditService
) -> None:
    actor_id = small_landscape()["actors"][0]["id"]
    assert editor.load_actor(actor_id)
    texts = _texts(_notes(editor))
    assert len(texts) == 3
    assert texts[0].startswith("Target groups: ")
    assert "Sårbare fiskere" in texts[0] and "no matching code" in texts[0]
    assert "Postcode" in texts[1] and "unknown postcode" in texts[1]


def test_resolving_a_note_is_an_undoable_edit_and_is_saved(
    editor: ActorEditor, edits: ActorEditService
) -> None:
    actor_id = small_landscape()["actors"][0]["id"]
    assert editor.load_actor(actor_id)
    notes = _notes(editor)
    assert not notes.resolve_button.isEnabled()
    notes.list.item(0).setSelected(True)
    assert notes.resolve_button.isEnabled()
    notes.resolve_button.click()
    assert len(_texts(notes)) == 2
    editor.undo_stack.undo()
    assert len(_texts(notes)) == 3, "undo did not bring the note back"
    editor.undo_stack.redo()
    assert editor.save()
    stored, _ = edits.load(actor_id)
    assert stored.review_notes == NOTES[1:]


def test_editing_another_field_keeps_the_notes(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    actor_id = small_landscape()["actors"][0]["id"]
    assert editor.load_actor(actor_id)
    name = editor.inputs["name"]
    name.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(name, "Nyt navn")
    assert editor.save()
    stored, _ = edits.load(actor_id)
    assert stored.name == "Nyt navn"
    assert stored.review_notes == NOTES


def test_resolving_every_note_leaves_an_empty_list_that_says_so(
    editor: ActorEditor, edits: ActorEditService
) -> None:
    actor_id = small_landscape()["actors"][0]["id"]
    assert editor.load_actor(actor_id)
    notes = _notes(editor)
    notes.list.selectAll()
    notes.resolve_button.click()
    assert _texts(notes) == ["Nothing to review"]
    assert not notes.list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable
    assert editor.save()
    assert edits.load(actor_id)[0].review_notes == ()


def test_the_profile_pane_shows_the_notes_escaped(edits: ActorEditService) -> None:
    actor, _ = edits.load(small_landscape()["actors"][0]["id"])
    page = ProfileHtml(edits.vocabulary, "en").actor(actor)
    assert "To review" in page
    assert "Sårbare fiskere" in page
    assert "&lt;b&gt;Ring&lt;/b&gt;" in page and "<b>Ring</b>" not in page
    plain, _ = edits.load(small_landscape()["actors"][1]["id"])
    assert "To review" not in ProfileHtml(edits.vocabulary, "en").actor(plain)


def test_the_register_filters_the_actors_to_review_and_those_not_on_the_map(
    qtbot: QtBot, database: Database, edits: ActorEditService
) -> None:
    from ui.app import build_context
    from ui.main_window import MainWindow

    doc = small_landscape()
    noted = doc["actors"][0]["id"]
    window = MainWindow(build_context(database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.actor_model.total() == len(doc["actors"]), timeout=10_000)
    box = window.landscape_tab.attention_filter
    box.setCurrentIndex(box.findData("review"))
    assert window.actor_model.rowCount() == 1
    assert window.actor_model.row_at(0).id == noted
    box.setCurrentIndex(box.findData("unplaced"))
    shown = {window.actor_model.row_at(r).id for r in range(window.actor_model.rowCount())}
    box.setCurrentIndex(0)
    everyone = window.actor_model.rows()
    assert shown == {r.id for r in everyone if not r.has_place}
    assert 0 < len(shown) < len(everyone)
    # Resolving every note in the editor takes the actor off the 'to review' list.
    box.setCurrentIndex(box.findData("review"))
    editor = window.actor_editor
    assert editor.load_actor(noted)
    notes = _notes(editor)
    notes.list.selectAll()
    notes.resolve_button.click()
    assert editor.save()
    qtbot.waitUntil(lambda: window.actor_model.rowCount() == 0, timeout=10_000)
    box.setCurrentIndex(0)
    assert window.actor_model.rowCount() == len(doc["actors"])
