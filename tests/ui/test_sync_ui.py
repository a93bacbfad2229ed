"""Offline work in the window, against the real PostgreSQL server and a real SQLite copy: take
the landscape offline through the dialog, synchronise from the copy's window, decide a field
both sides changed in the conflicts view, and read Danish when the server cannot be reached."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from mapper.domain.model import Actor
from mapper.persistence.database import Database, open_database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.sync import SyncError, SyncService
from tests.conftest import PG_ADMIN_URL, small_landscape
from tests.ui.danish import RecordingDanish, danish
from ui.app import build_context
from ui.error_text import describe_error
from ui.main_window import MainWindow
from ui.sync_dialogs import SyncConflictsDialog

TIMEOUT = 20_000
OUR_CONTEXTS = (
    "SyncCommands",
    "TakeOfflineDialog",
    "SyncConflictsDialog",
    "ConflictRecordTableModel",
    "ConflictDialog",
)


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[RecordingDanish]:
    with danish(*OUR_CONTEXTS, "WindowActions", "ErrorText") as recording:
        yield recording
    missing = {m for m in recording.missing if m[0] in OUR_CONTEXTS}
    assert not missing, f"no Danish for {sorted(missing)}"


@pytest.fixture
def server(pg_database: Database) -> Database:
    LandscapeService(pg_database, author="server-anna").import_document(small_landscape())
    return pg_database


@pytest.fixture
def copy(server: Database, tmp_path: Path) -> Iterator[Database]:
    SyncService.checkout(server.url, tmp_path / "kopi.sqlite", "0561", author="laptop-bo")
    database = open_database(str(tmp_path / "kopi.sqlite"))
    yield database
    database.close()


@pytest.fixture
def open_window(qtbot: QtBot, translator: RecordingDanish) -> Callable[[Database], MainWindow]:
    def opened(database: Database) -> MainWindow:
        window = MainWindow(build_context(database))
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.actor_model.rowCount() > 0, timeout=TIMEOUT)
        return window

    return opened


def edit_actor(database: Database, actor_id: str, **changes: Any) -> None:
    service = ActorEditService(database, author="editor")
    actor, version = service.load(actor_id)
    service.save(replace(actor, **changes), expected_version=version)


def actor(database: Database, actor_id: str) -> Actor:
    return ActorEditService(database).load(actor_id)[0]


def register_names(window: MainWindow) -> list[str]:
    model = window.actor_model
    return [model.row_at(r).name for r in range(model.rowCount())]


def sync(qtbot: QtBot, window: MainWindow) -> Any:
    """Synkroniser, as the toolbar button does; the report once the window has it."""
    with qtbot.waitSignal(window.offline.synced, timeout=TIMEOUT) as blocker:
        window.commands.sync_action.trigger()
    return blocker.args[0]


def close_box(box: QMessageBox | None) -> str:
    assert box is not None
    shown = f"{box.text()} {box.informativeText()}".strip()
    box.close()
    return shown


# --------------------------------------------------------------------------- take offline


def test_take_offline_through_the_dialog_writes_the_copy_and_offers_to_open_it(
    qtbot: QtBot, server: Database, open_window: Callable[[Database], MainWindow], tmp_path: Path
) -> None:
    window = open_window(server)
    assert window.commands.take_offline_action.text() == "Tag med &offline…"
    dialog = window.offline.ask_take_offline()
    assert dialog.windowTitle() == "Tag med offline"
    assert dialog.server_edit.text() == server.url  # the window's own PostgreSQL server
    assert dialog.file_edit.text().endswith("landskab-offline-0561.sqlite")
    assert dialog.municipality_combo.itemText(dialog.municipality_combo.count() - 1) == (
        "Hele landskabet"
    )
    dialog.municipality_combo.setFocus()
    qtbot.keyClicks(dialog.municipality_combo, "Esb")
    assert dialog.municipality_code() == "0561"
    target = tmp_path / "min-kopi.sqlite"
    dialog.file_edit.clear()
    qtbot.keyClicks(dialog.file_edit, str(target))
    with qtbot.waitSignal(window.offline.checked_out, timeout=TIMEOUT) as blocker:
        qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)
    report = blocker.args[0]
    assert report.path == target and target.exists()
    assert (report.municipality_code, report.actors) == ("0561", 4)
    opened: list[str] = []
    window.offline.launch = lambda path: opened.append(path) is None
    box = window.offline.last_box
    assert box is not None and box.windowTitle() == "Offline-kopi lavet"
    assert "Kopien rummer 4 aktører, 1 problemstillinger og 1 partnerskaber" in box.text()
    assert f'mapper --db "{target}" gui' in box.text()
    open_button = box.findChild(QPushButton, "openCopyButton")
    assert open_button is not None and open_button.text() == "&Åbn kopien"
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(target)]
    copy = open_database(str(target))
    try:
        origin = SyncService(copy).origin()
        assert origin is not None and origin.municipality_code == "0561"
        assert {a.id for a in LandscapeService(copy).list_actors()} >= {"esb-sind", "esb-vol-1"}
    finally:
        copy.close()


def test_take_offline_refuses_a_missing_server_and_an_existing_file(
    qtbot: QtBot, server: Database, open_window: Callable[[Database], MainWindow], tmp_path: Path
) -> None:
    window = open_window(server)
    dialog = window.offline.ask_take_offline()
    dialog.server_edit.clear()
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.message_label.text() == "Angiv serverens adresse."
    qtbot.keyClicks(dialog.server_edit, server.url)
    existing = tmp_path / "findes.sqlite"
    existing.write_bytes(b"vigtigt")
    dialog.file_edit.setText(str(existing))
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.message_label.text() == (
        f"{existing} findes allerede: vælg en ny fil til kopien."
    )
    assert existing.read_bytes() == b"vigtigt"
    dialog.file_edit.setText(str(tmp_path / "ingen-mappe" / "k.sqlite"))
    dialog.ok_button.click()
    assert dialog.message_label.text().startswith("Mappen ") and dialog.isVisible()
    dialog.reject()


# --------------------------------------------------------------------------- synchronise


def test_a_window_on_a_copy_shows_where_it_came_from_and_can_synchronise(
    copy: Database, open_window: Callable[[Database], MainWindow]
) -> None:
    window = open_window(copy)
    label = window.offline.status_label
    assert label.isVisibleTo(window)
    assert label.text().startswith("Offline-kopi af mapper_test_")
    assert " @ 127.0.0.1 · " in label.text()
    assert label.toolTip().startswith("postgresql+psycopg://postgres@127.0.0.1")
    assert " · sidst synkroniseret " in label.text()
    action = window.commands.sync_action
    assert action.isEnabled() and action.iconText() == "Synkroniser"
    assert action.shortcut().toString() == "Ctrl+Shift+S"
    assert action in window.toolbar.actions()
    assert not window.commands.sync_conflicts_action.isEnabled()
    # Another copy of the same server is offered from the server this one came from.
    origin = SyncService(copy).origin()
    assert origin is not None
    dialog = window.offline.ask_take_offline()
    assert dialog.server_edit.text() == origin.server_url
    dialog.reject()


def test_synchronise_is_disabled_on_a_database_that_is_no_copy(
    database: Database, open_window: Callable[[Database], MainWindow]
) -> None:
    LandscapeService(database).import_document(small_landscape())
    window = open_window(database)
    assert not window.commands.sync_action.isEnabled()
    assert not window.commands.sync_conflicts_action.isEnabled()
    assert not window.offline.status_label.isVisibleTo(window)
    assert window.offline.sync_now() is False
    offered = window.offline.ask_take_offline().server_edit.text()
    # A server is offered only when the window works on one (the PostgreSQL run).
    assert offered == ("" if database.is_sqlite else database.url)
    window.offline.take_offline_dialog.reject()  # type: ignore[union-attr]


def test_a_change_on_the_server_arrives_in_the_register(
    qtbot: QtBot,
    server: Database,
    copy: Database,
    open_window: Callable[[Database], MainWindow],
) -> None:
    window = open_window(copy)
    edit_actor(server, "esb-patriciahuset", name="Patriciahuset Nord")
    edit_actor(copy, "esb-sind", volunteers=55)
    before = window.offline.status_label.text()
    report = sync(qtbot, window)
    assert (report.count("push"), report.count("pull"), report.conflicts) == (1, 1, ())
    assert window.statusBar().currentMessage() == ("Synkroniseret: 1 sendt, 1 hentet, 0 konflikter")
    qtbot.waitUntil(lambda: "Patriciahuset Nord" in register_names(window), timeout=TIMEOUT)
    assert actor(server, "esb-sind").volunteers == 55
    assert window.commands.sync_action.isEnabled()
    assert window.offline.status_label.text().startswith(before.split(" · ")[0])
    assert window.offline.conflicts_dialog is None  # nothing to decide: no dialog


def test_a_conflict_is_decided_in_the_conflicts_view_and_both_sides_agree(
    qtbot: QtBot,
    server: Database,
    copy: Database,
    open_window: Callable[[Database], MainWindow],
) -> None:
    window = open_window(copy)
    edit_actor(copy, "esb-sind", name="Lokalt navn", volunteers=41)
    edit_actor(server, "esb-sind", name="Servernavn", target_groups=("mental_illness",))
    edit_actor(copy, "esb-sind", target_groups=("elderly_lonely", "mental_illness"))
    report = sync(qtbot, window)
    assert {c.field for c in report.conflicts} == {"name", "target_groups"}
    assert window.statusBar().currentMessage().endswith("0 hentet, 2 konflikter")
    assert window.commands.sync_conflicts_action.isEnabled()
    assert window.commands.sync_conflicts_action.text() == "Synkroniserings&konflikter…"
    listing = window.offline.conflicts_dialog
    assert isinstance(listing, SyncConflictsDialog) and listing.isVisible()
    assert listing.windowTitle() == "Synkroniseringskonflikter"
    model = listing.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Type",
        "Navn",
        "Id",
        "Felter",
    ]
    assert [model.display(model.row_at(0), c) for c in range(4)] == [
        "Aktør",
        "Lokalt navn",
        "esb-sind",
        "2",
    ]
    # Enter on the selected row opens the record's fields side by side.
    qtbot.keyClick(listing.view, Qt.Key.Key_Return)
    fields = listing.record_dialog
    assert fields is not None and fields.isVisible()
    assert fields.windowTitle() == "Synkroniseringskonflikt: aktør Lokalt navn"
    assert (fields.mine_heading, fields.theirs_heading) == ("Denne computer", "Serveren")
    titles = {row.key: row.title for row in fields.rows}
    assert titles == {"name": "Navn", "target_groups": "Målgrupper"}
    mine, theirs = fields.mine_buttons["name"], fields.theirs_buttons["name"]
    assert (mine.text(), theirs.text()) == ("Lokalt navn", "Servernavn")
    assert mine.accessibleName() == "Navn: Denne computer"
    groups = fields.rows[[r.key for r in fields.rows].index("target_groups")]
    assert ", " in groups.mine and "_" not in groups.mine  # labels, not codes
    # The server's name (arrow key to the server's side), this computer's target groups;
    # Enter accepts.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is mine, timeout=TIMEOUT)
    qtbot.keyClick(mine, Qt.Key.Key_Right)
    assert fields.choices() == {"name": "theirs", "target_groups": "mine"}
    with qtbot.waitSignal(window.offline.synced, timeout=TIMEOUT) as blocker:
        qtbot.keyClick(theirs, Qt.Key.Key_Return)
    assert blocker.args[0].conflicts == ()
    for side in (server, copy):
        decided = actor(side, "esb-sind")
        assert decided.name == "Servernavn"
        assert decided.volunteers == 41
        assert set(decided.target_groups) == {"elderly_lonely", "mental_illness"}
    assert listing.records() == []
    assert listing.intro.text() == "Ingen konflikter er åbne."
    assert not window.commands.sync_conflicts_action.isEnabled()
    qtbot.waitUntil(lambda: "Servernavn" in register_names(window), timeout=TIMEOUT)
    listing.close()


def test_a_deletion_against_a_change_is_named_in_danish(
    qtbot: QtBot,
    server: Database,
    copy: Database,
    open_window: Callable[[Database], MainWindow],
) -> None:
    window = open_window(copy)
    edit_actor(server, "esb-vol-1", name="Mette F. Frivillig")
    service = ActorEditService(copy)
    service.delete("esb-vol-1", service.load("esb-vol-1")[1])
    sync(qtbot, window)
    listing = window.offline.conflicts_dialog
    assert listing is not None
    record = listing.records()[0]
    assert record.name == "esb-vol-1"  # deleted here: named by its id
    fields = listing.open_record(record)
    row = fields.rows[0]
    assert (row.title, row.mine, row.theirs) == ("Slettet/ændret", "slettet", "ændret")
    fields.reject()
    listing.close()


def test_an_unreachable_server_is_a_danish_message_and_changes_nothing(
    qtbot: QtBot,
    server: Database,
    copy: Database,
    open_window: Callable[[Database], MainWindow],
) -> None:
    window = open_window(copy)
    edit_actor(copy, "esb-sind", volunteers=99)
    label = window.offline.status_label.text()
    name = make_url(server.url).database
    server.close()
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
    with qtbot.waitSignal(window.offline.sync_failed, timeout=TIMEOUT) as blocker:
        window.commands.sync_action.trigger()
    assert describe_error(blocker.args[0]).startswith("Databasen postgresql+psycopg://")
    shown = close_box(window.offline.last_box)
    assert shown.startswith("Synkroniseringen kunne ikke gennemføres; intet er gået tabt. ")
    assert "kan ikke åbnes" in shown
    assert actor(copy, "esb-sind").volunteers == 99
    assert window.offline.status_label.text() == label  # not synchronised
    assert window.commands.sync_action.isEnabled()  # try again later


def test_sync_errors_read_danish(translator: RecordingDanish) -> None:
    texts = {
        cause: describe_error(SyncError(cause, "ENGLISH DETAIL"))
        for cause in ("not_checkout", "target_exists", "no_conflict", "ambiguous", "busy")
    }
    assert texts["not_checkout"] == (
        "Denne database er ikke en offline-kopi: lav en med Filer → Tag med offline…."
    )
    assert texts["busy"].endswith("Intet er gået tabt: synkroniser igen.")
    assert len(set(texts.values())) == len(texts)
    assert not any("ENGLISH" in t for t in texts.values())
    assert not {m for m in translator.missing if m[0] == "ErrorText"}
