"""Suggested codes in the dating-profile editor: shown from the profile's words, added with one
click (an undoable edit) or rejected, by mouse and by keyboard; never stored unless accepted."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from mapper.domain.model import Actor
from mapper.persistence.database import Database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape
from ui.actor_editor import ActorEditor

ACTOR = "esb-sorg"


def words_suggest(actor: Actor) -> Sequence[tuple[str, str, Sequence[str]]]:
    """Codes from two phrases (the editor's contract; the lexicon's inference fills it)."""
    text = (actor.profile.we_are or "").lower()
    found: list[tuple[str, str, Sequence[str]]] = []
    if "mistet en forælder" in text:
        found.append(("target_groups", "children_vulnerable", ("mistet en forælder",)))
        found.append(("target_groups", "no_such_code", ("forælder",)))  # never shown
    if "frivillige" in text:
        found.append(("resources_offered", "volunteer_hours", ("frivillige",)))
    return found


@pytest.fixture
def edits(database: Database, service: LandscapeService) -> ActorEditService:
    doc = small_landscape()
    doc["actors"].append(
        {
            "id": ACTOR,
            "name": "Sorggruppen Esbjerg",
            "kind": "local_association",
            "profile": {"we_are": "Frivillige samler børn, der har mistet en forælder."},
        }
    )
    service.import_document(doc)
    return ActorEditService(database)


@pytest.fixture
def editor(qtbot: QtBot, edits: ActorEditService) -> ActorEditor:
    widget = ActorEditor(edits, edits.vocabulary, "en", suggest=words_suggest)
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    return widget


def _buttons(editor: ActorEditor, name: str) -> list[QPushButton]:
    return editor.suggestions.findChildren(QPushButton, name)


def test_suggestions_follow_the_words_and_add_with_one_click_undoably(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    assert editor.load_actor(ACTOR)
    qtbot.waitUntil(lambda: len(editor.suggestions.suggestions()) == 2, timeout=3_000)
    assert editor.suggestions.isVisible()
    first = editor.suggestions.suggestions()[0]
    assert (first.field, first.code) == ("target_groups", "children_vulnerable")
    qtbot.mouseClick(_buttons(editor, "acceptSuggestion")[0], Qt.MouseButton.LeftButton)
    assert editor.values()["target_groups"] == ("children_vulnerable",)
    assert [s.code for s in editor.suggestions.suggestions()] == ["volunteer_hours"]
    # Not stored until saved; undo takes it back (and offers the code again).
    assert edits.load(ACTOR)[0].target_groups == ()
    editor.undo_stack.undo()
    assert editor.values()["target_groups"] == ()
    qtbot.waitUntil(lambda: len(editor.suggestions.suggestions()) == 2, timeout=3_000)
    # A resource is added as a row of its kind.
    resource_add = next(
        b
        for b in _buttons(editor, "acceptSuggestion")
        if "Volunteer" in b.accessibleName() or "volunteer" in b.accessibleName().lower()
    )
    resource_add.click()
    assert [row[0] for row in editor.values()["resources_offered"]] == ["volunteer_hours"]
    assert editor.save(), {k: e.text() for k, e in editor.errors.items() if e.text()}
    assert [r.kind for r in edits.load(ACTOR)[0].resources_offered] == ["volunteer_hours"]


def test_a_rejected_suggestion_stays_away_for_the_record_and_by_keyboard(
    qtbot: QtBot, editor: ActorEditor
) -> None:
    assert editor.load_actor(ACTOR)
    qtbot.waitUntil(lambda: len(editor.suggestions.suggestions()) == 2, timeout=3_000)
    reject = _buttons(editor, "rejectSuggestion")[0]
    reject.setFocus()
    qtbot.keyClick(reject, Qt.Key.Key_Space)
    assert [s.code for s in editor.suggestions.suggestions()] == ["volunteer_hours"]
    editor.refresh_suggestions()
    assert [s.code for s in editor.suggestions.suggestions()] == ["volunteer_hours"]
    assert editor.values()["target_groups"] == ()


def test_declared_codes_are_not_suggested_and_an_editor_without_suggestions_shows_none(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    assert editor.load_actor(ACTOR)
    editor.push_field("target_groups", ("children_vulnerable",))
    editor.refresh_suggestions()
    assert [s.code for s in editor.suggestions.suggestions()] == ["volunteer_hours"]
    plain = ActorEditor(edits, edits.vocabulary, "en")
    qtbot.addWidget(plain)
    assert plain.load_actor(ACTOR)
    assert not plain.suggestions.isVisible()


def test_the_window_editor_suggests_from_the_lexicon_with_the_words_that_said_it(
    qtbot: QtBot, edits: ActorEditService
) -> None:
    editor = ActorEditor(edits, edits.vocabulary, "da", suggest=edits.suggested_codes)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.load_actor(ACTOR)
    qtbot.waitUntil(lambda: bool(editor.suggestions.suggestions()), timeout=3_000)
    found = {(s.field, s.code): s for s in editor.suggestions.suggestions()}
    grief = [s for (field, _), s in found.items() if field == "target_groups"]
    assert any("mistet en forælder" in s.evidence for s in grief), found
    assert ("resources_offered", "volunteer_hours") in found
    # Declaring a suggested code removes it from the suggestions.
    code = grief[0].code
    editor.push_field("target_groups", (code,))
    editor.refresh_suggestions()
    assert ("target_groups", code) not in {
        (s.field, s.code) for s in editor.suggestions.suggestions()
    }
