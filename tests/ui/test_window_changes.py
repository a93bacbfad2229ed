"""Change sets in the window: a save refreshes its own rows, never the whole register."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mapper.domain.changes import Changes
from mapper.persistence.database import Database, open_database
from mapper.services.landscape import LandscapeService
from tests.conftest import MakeDatabase
from ui.app import build_context
from ui.main_window import MainWindow
from ui.models.actor_table import ActorTableModel
from ui.tabs.common import editor_input

REGISTER = 1_000


def register_document(size: int) -> dict[str, Any]:
    """Local associations in Esbjerg, numbered, and one problem statement owned by the first."""
    return {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            {
                "id": f"esb-forening-{i:04d}",
                "name": f"Forening {i:04d}",
                "kind": "local_association",
                "location": {"city": "Esbjerg", "municipality_code": "0561"},
                "target_groups": ["elderly_lonely"],
            }
            for i in range(size)
        ],
        "problems": [
            {
                "id": "esb-p-besoeg",
                "title": "Besøgsvenner",
                "owner_id": "esb-forening-0000",
                "description": "Ensomme ældre får besøg.",
                "target_groups": ["elderly_lonely"],
                "status": "seeking",
            }
        ],
    }


class Spy:
    """Counts the calls of one method of a real service (the call still goes through)."""

    def __init__(self, target: object, name: str) -> None:
        self.calls = 0
        real: Callable[..., Any] = getattr(target, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return real(*args, **kwargs)

        setattr(target, name, counted)


@pytest.fixture
def database(make_database: MakeDatabase) -> Iterator[Database]:
    db = open_database(make_database("register"))
    LandscapeService(db).import_document(register_document(REGISTER))
    yield db
    db.close()


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> Iterator[tuple[MainWindow, Spy, Spy]]:
    context = build_context(database)
    actors = Spy(context.landscape, "list_actors")
    problems = Spy(context.landscape, "list_problems")
    w = MainWindow(context)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.actor_model.total() == REGISTER, timeout=20_000)
    w.actor_editor.confirm = lambda: QMessageBox.StandardButton.Discard
    yield w, actors, problems


def row_name(window: MainWindow, actor_id: str) -> str:
    row = window.actor_model.row_of(actor_id)
    assert row is not None, f"{actor_id} is not shown"
    return str(window.actor_model.index(row, ActorTableModel.COL_NAME).data())


def test_saving_one_actor_refreshes_its_row_without_reading_the_register(
    window: tuple[MainWindow, Spy, Spy], qtbot: QtBot
) -> None:
    w, list_actors, _ = window
    assert list_actors.calls == 1  # the start
    assert w.select_actor("esb-forening-0500")
    name = editor_input(w.actor_editor, "name")
    name.setFocus()
    name.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(name, "Forening Fyrtårnet")
    with qtbot.waitSignal(w.landscape_tab.actors_updated, timeout=10_000) as updated:
        assert w.save_current()
    assert updated.args == [["esb-forening-0500"]]
    assert list_actors.calls == 1
    assert row_name(w, "esb-forening-0500") == "Forening Fyrtårnet"
    assert w.actor_model.total() == REGISTER
    assert w.selected_actor_id() == "esb-forening-0500"
    assert "Forening Fyrtårnet" in w.actor_detail.toPlainText()
    assert "Forening Fyrtårnet" in w.statusBar().currentMessage()
    assert "esb-forening-0500" not in w.statusBar().currentMessage()


def test_renaming_an_owner_refreshes_its_problem_statements(
    window: tuple[MainWindow, Spy, Spy], qtbot: QtBot
) -> None:
    w, list_actors, list_problems = window
    service = w.context.actor_edit
    actor, version = service.load("esb-forening-0000")
    from dataclasses import replace

    service.save(replace(actor, name="Forening Nul"), expected_version=version)
    w.changes.announce(Changes.of_actors(["esb-forening-0000"]))
    (problem,) = w.problems_tab.rows()
    assert problem.owner_name == "Forening Nul"
    assert (list_actors.calls, list_problems.calls) == (1, 1)


def test_an_import_reloads_everything(
    window: tuple[MainWindow, Spy, Spy], qtbot: QtBot, tmp_path: Path
) -> None:
    w, list_actors, list_problems = window
    with qtbot.waitSignal(w.data_loaded, timeout=20_000) as loaded:
        w.changes.announce(Changes(everything=True))
    assert loaded.args == [REGISTER, 1]
    assert (list_actors.calls, list_problems.calls) == (2, 2)


def test_a_proposal_updates_the_counts_and_reads_no_register(
    window: tuple[MainWindow, Spy, Spy], qtbot: QtBot
) -> None:
    w, list_actors, list_problems = window
    qtbot.waitUntil(lambda: "0 partnerships" in w.count_label.text(), timeout=10_000)
    w._propose_partnership("esb-p-besoeg", "esb-forening-0007")
    w.match_view.partnership_proposed.emit("esb-p-besoeg", "esb-forening-0007")
    qtbot.waitUntil(lambda: "1 partnerships" in w.count_label.text(), timeout=10_000)
    assert "Besøgsvenner ↔ Forening 0007" in w.statusBar().currentMessage()
    assert (list_actors.calls, list_problems.calls) == (1, 1)


def test_undoing_a_creation_removes_the_row_and_redo_brings_it_back(
    window: tuple[MainWindow, Spy, Spy], qtbot: QtBot
) -> None:
    w, list_actors, _ = window
    w.new_actor_action.trigger()
    qtbot.keyClicks(editor_input(w.actor_editor, "name"), "Lektiecafe Kvaglund")
    kind = editor_input(w.actor_editor, "kind")
    kind.setCurrentIndex(kind.findData("local_association"))  # type: ignore[attr-defined]
    with qtbot.waitSignal(w.actor_editor.actor_saved, timeout=10_000) as saved:
        assert w.save_current()
    (actor_id,) = saved.args
    assert w.actor_model.total() == REGISTER + 1
    assert w.selected_actor_id() == actor_id
    while w.actor_model.total() > REGISTER and w.undo_action.isEnabled():
        w.undo_action.trigger()  # typing, then the creation itself
    assert w.actor_model.row_of(actor_id) is None and w.actor_model.total() == REGISTER
    while w.actor_model.total() == REGISTER and w.redo_action.isEnabled():
        w.redo_action.trigger()
    assert row_name(w, actor_id) == "Lektiecafe Kvaglund"
    assert list_actors.calls == 1


def test_undoing_a_new_problem_statement_removes_it_from_the_list(
    window: tuple[MainWindow, Spy, Spy], qtbot: QtBot
) -> None:
    w, _, list_problems = window
    w.new_problem_action.trigger()
    qtbot.keyClicks(editor_input(w.problem_editor, "title"), "Lektiehjaelp i Kvaglund")
    with qtbot.waitSignal(w.problem_editor.problem_saved, timeout=10_000) as saved:
        assert w.save_current()
    (problem_id,) = saved.args
    assert w.selected_problem_id() == problem_id
    assert {p.id for p in w.problems_tab.rows()} == {"esb-p-besoeg", problem_id}
    while len(w.problems_tab.rows()) > 1 and w.undo_action.isEnabled():
        w.undo_action.trigger()
    assert [p.id for p in w.problems_tab.rows()] == ["esb-p-besoeg"]
    assert w.selected_problem_id() is None and w.problem_detail.toPlainText() == ""
    while len(w.problems_tab.rows()) == 1 and w.redo_action.isEnabled():
        w.redo_action.trigger()
    assert w.problems_tab.title_of(problem_id) == "Lektiehjaelp i Kvaglund"
    assert list_problems.calls == 1


def test_a_saved_purpose_text_moves_the_actor_in_the_shown_ranking(
    window: tuple[MainWindow, Spy, Spy], qtbot: QtBot
) -> None:
    """The Match view ranks again after a save: the actor's text is analysed anew (its
    inferred codes and terms) and an actor whose purpose now fits rises."""
    w, _, _ = window
    w.tabs.setCurrentIndex(w.match_tab_index)
    with qtbot.waitSignal(w.match_view.ranked, timeout=20_000):
        w.match_view.show_problem("esb-p-besoeg")
    assert w.match_view.model.row_at(0).actor_id != "esb-forening-0999"
    w.tabs.setCurrentIndex(0)
    assert w.select_actor("esb-forening-0999")
    purpose = editor_input(w.actor_editor, "profile.we_are")
    purpose.setFocus()
    qtbot.keyClicks(purpose, "Vi er besøgsvenner, der besøger ensomme ældre hver uge.")
    assert w.save_current()
    with qtbot.waitSignal(w.match_view.ranked, timeout=20_000):
        w.tabs.setCurrentIndex(w.match_tab_index)
    first = w.match_view.model.row_at(0)
    assert first.actor_id == "esb-forening-0999"
    assert any(r.code == "text_similarity" for r in first.reasons_for)
