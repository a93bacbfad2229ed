"""The Historik tab: the selected actor's or problem statement's changes, newest first, read in
the background only while the tab is shown, and read again after a save."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mapper.persistence.database import Database, open_database
from mapper.services.actors import ActorEditService
from mapper.services.history import HistoryService
from mapper.services.landscape import LandscapeService
from mapper.services.problems import ProblemEditService
from tests.conftest import MakeDatabase, small_landscape
from tests.ui.danish import danish
from ui.app import build_context
from ui.main_window import MainWindow
from ui.tabs.common import editor_input
from ui.widgets.history_view import HistoryView


@pytest.fixture
def database(make_database: MakeDatabase) -> Iterator[Database]:
    db = open_database(make_database("landscape"))
    LandscapeService(db, author="Karen").import_document(small_landscape(), source="t")
    yield db
    db.close()


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    w = MainWindow(build_context(database))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.actor_model.total() == 5, timeout=20_000)
    w.actor_editor.confirm = lambda: QMessageBox.StandardButton.Discard
    return w


class CountingLoader:
    """The real service's history, counting the reads."""

    def __init__(self, database: Database) -> None:
        self.service = HistoryService(database)
        self.reads: list[tuple[str, str]] = []

    def __call__(self, record_type: str, uid: str) -> Any:
        self.reads.append((record_type, uid))
        return self.service.history(record_type, uid)


def test_saving_an_actor_lists_the_change_in_its_history_tab(
    window: MainWindow, qtbot: QtBot
) -> None:
    tab = window.landscape_tab
    assert window.select_actor("esb-sind")
    tab.actor_pane.setCurrentWidget(tab.actor_editor)
    name = editor_input(window.actor_editor, "name")
    name.setFocus()
    name.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(name, "Sammen om Sindet Sydvest")
    with qtbot.waitSignal(tab.actors_updated, timeout=10_000):
        assert window.save_current()
    with qtbot.waitSignal(tab.actor_history.history_loaded, timeout=10_000) as loaded:
        tab.actor_pane.setCurrentWidget(tab.actor_history)
    assert loaded.args == ["esb-sind", 2]
    newest, first = tab.actor_history.texts()
    assert "»Sammen om Sindet Esbjerg« → »Sammen om Sindet Sydvest«" in newest
    assert "Karen" in first
    assert tab.actor_pane.tabText(tab.actor_pane.indexOf(tab.actor_history)) == "History"


def test_the_shown_history_is_read_again_after_a_save(
    window: MainWindow, qtbot: QtBot, database: Database
) -> None:
    tab = window.landscape_tab
    assert window.select_actor("esb-sind")
    with qtbot.waitSignal(tab.actor_history.history_loaded, timeout=10_000) as loaded:
        tab.actor_pane.setCurrentWidget(tab.actor_history)
    assert loaded.args == ["esb-sind", 1]
    service = ActorEditService(database, author="Bo")
    actor, version = service.load("esb-sind")
    service.save(replace(actor, volunteers=12), expected_version=version)
    with qtbot.waitSignal(tab.actor_history.history_loaded, timeout=10_000) as loaded:
        tab.apply_actor_changes(["esb-sind"])
    assert loaded.args == ["esb-sind", 2]
    assert "Bo" in tab.actor_history.texts()[0]


def test_the_problem_tab_lists_a_status_move(
    window: MainWindow, qtbot: QtBot, database: Database
) -> None:
    tab = window.problems_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.select_problem("esb-p-bro")
    service = ProblemEditService(database, author="Anna")
    problem, version = service.load("esb-p-bro")
    service.save(replace(problem, title="Brobygning"), expected_version=version)
    with qtbot.waitSignal(tab.problem_history.history_loaded, timeout=10_000) as loaded:
        tab.problem_pane.setCurrentWidget(tab.problem_history)
        tab.apply_problem_changes(["esb-p-bro"])
    assert loaded.args[0] == "esb-p-bro"
    assert "»Brobygning til fællesskaber« → »Brobygning«" in tab.problem_history.texts()[0]


def test_a_hidden_history_reads_nothing_until_it_is_shown(qtbot: QtBot, database: Database) -> None:
    loader = CountingLoader(database)
    view = HistoryView(loader)
    qtbot.addWidget(view)
    view.show_record("actor", "esb-sind")
    view.show_record("actor", "dk-sind")
    assert loader.reads == []
    with qtbot.waitSignal(view.history_loaded, timeout=10_000) as loaded:
        view.show()
    assert loader.reads == [("actor", "dk-sind")]
    assert loaded.args == ["dk-sind", 1]
    assert view.texts()[0].endswith("  Karen (imported)")


def test_a_record_chosen_meanwhile_wins_over_an_earlier_answer(
    qtbot: QtBot, database: Database
) -> None:
    view = HistoryView(HistoryService(database).history)
    qtbot.addWidget(view)
    view.show()
    view.show_record("actor", "esb-sind")
    with qtbot.waitSignal(
        view.history_loaded, timeout=10_000, check_params_cb=lambda uid, _n: uid == "dk-sind"
    ):
        view.show_record("actor", "dk-sind")
    qtbot.wait(50)  # the earlier answer, if it comes late, must not replace the list
    assert all("dk-sind" not in t for t in view.texts())
    assert len(view.texts()) == 1


def test_no_record_shows_the_placeholder(qtbot: QtBot, database: Database) -> None:
    view = HistoryView(HistoryService(database).history)
    qtbot.addWidget(view)
    view.show()
    view.show_record("actor", None)
    assert view.texts() == []
    assert view.status.isVisible()


def test_an_unknown_record_says_no_changes(qtbot: QtBot, database: Database) -> None:
    view = HistoryView(HistoryService(database).history)
    qtbot.addWidget(view)
    view.show()
    view.show_record("actor", "findes-ikke")
    qtbot.waitUntil(lambda: view.status.text() == "No changes recorded.")


def test_the_history_speaks_danish(qtbot: QtBot, database: Database) -> None:
    service = ActorEditService(database, author="Anna")
    actor, version = service.load("esb-sind")
    service.save(replace(actor, name="Sammen om Sindet", public=False), expected_version=version)
    with danish("HistoryView", "ErrorText") as translator:
        view = HistoryView(HistoryService(database).history)
        qtbot.addWidget(view)
        view.show()
        with qtbot.waitSignal(view.history_loaded, timeout=10_000):
            view.show_record("actor", "esb-sind")
        changed, imported = view.texts()
        assert changed.splitlines()[0].endswith("  Anna (ændret)")
        assert "Navn: »Sammen om Sindet Esbjerg« → »Sammen om Sindet«" in changed
        assert "Offentlig: ja → nej" in changed
        assert imported.endswith("  Karen (importeret)")
    assert translator.missing == set()
