"""Backups of the landscape database: consistent copies of a database in use, rotation, the
automatic backup at start, and restores that ask first and keep what they replace (real SQLite
files; the real PostgreSQL server with pg_dump where it is installed)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mapper.domain.errors import DatabaseError
from mapper.persistence.database import (
    Database,
    current_revision,
    head_revision,
    open_database,
)
from mapper.services import backups
from mapper.services.backups import BACKUP_FAILURES, BackupError, BackupService
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape
from tests.fixtures.databases.make import REVISIONS, fixture_path

# The PostgreSQL back end's backups (pg_dump) are tested below on pg_database, in the SQLite run.
pytestmark = pytest.mark.sqlite_only("backups of SQLite files: copies, folders, rotation")


@pytest.fixture
def filled(database: Database, service: LandscapeService) -> Database:
    """The small Esbjerg landscape in a SQLite file."""
    service.import_document(small_landscape())
    return database


def names(path: Path) -> list[str]:
    """The actors' names in a database file, read by opening it as the application does."""
    database = open_database(str(path))
    try:
        return sorted(a.name for a in LandscapeService(database).list_actors())
    finally:
        database.close()


def clock(monkeypatch: pytest.MonkeyPatch, start: dt.datetime) -> list[dt.datetime]:
    """Make the service's clock the last entry of the returned list (tests move it on)."""
    now = [start]
    monkeypatch.setattr(backups, "_now", lambda: now[-1])
    return now


MONDAY = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


# --------------------------------------------------------------------------- backup


def test_a_backup_is_a_timestamped_file_in_the_backups_folder_beside_the_database(
    filled: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clock(monkeypatch, MONDAY)
    made = BackupService(filled).backup()
    assert made == tmp_path / "backups" / "landscape-20260302-080000.sqlite"
    # a self-contained file, not a WAL database (checked before the application opens it)
    assert not Path(f"{made}-wal").exists()
    check = sqlite3.connect(made)
    assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    check.close()
    assert names(made) == names(tmp_path / "landscape.sqlite")
    again = BackupService(filled).backup()  # the same second: a name of its own
    assert again.name == "landscape-20260302-080000-2.sqlite"


def test_a_backup_of_a_database_in_use_has_what_was_committed_and_opens(
    filled: Database, tmp_path: Path
) -> None:
    """Another connection has committed into the WAL (not checkpointed) and holds an open
    write transaction: the copy has the committed change and not the open one."""
    live = tmp_path / "landscape.sqlite"
    writer = sqlite3.connect(live, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE actors SET name = 'Vestbanken Syd A/S' WHERE name = 'Vestbanken A/S'")
    assert Path(f"{live}-wal").stat().st_size > 0
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE actors SET name = 'Halvt skrevet' WHERE name = 'Patriciahuset'")
    try:
        made = BackupService(filled).backup(tmp_path / "copy.sqlite")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert "Vestbanken Syd A/S" in names(made)
    assert "Patriciahuset" in names(made) and "Halvt skrevet" not in names(made)
    assert sqlite3.connect(made).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_backup_while_the_application_keeps_saving_is_consistent(
    filled: Database, service: LandscapeService, tmp_path: Path
) -> None:
    """Saves run in another thread while backups are made: each copy opens with every
    record whole (one of the versions that were committed)."""
    stop = threading.Event()
    saved: list[int] = []

    def keep_saving() -> None:
        document = small_landscape()
        for round_ in range(200):
            if stop.is_set():
                break
            document["actors"][3]["volunteers"] = round_
            service.import_document(document)
            saved.append(round_)

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        copies = [BackupService(filled).backup(tmp_path / f"copy-{i}.sqlite") for i in range(5)]
    finally:
        stop.set()
        writer.join(timeout=60)
    assert saved
    for copy in copies:
        database = open_database(str(copy))
        try:
            counts = LandscapeService(database).counts()
            assert (counts.actors, counts.problems, counts.partnerships) == (5, 1, 1)
        finally:
            database.close()


def test_an_existing_target_is_not_overwritten_unless_asked(
    filled: Database, tmp_path: Path
) -> None:
    target = tmp_path / "mine.sqlite"
    target.write_text("my own notes")
    with pytest.raises(BackupError) as caught:
        BackupService(filled).backup(target)
    assert caught.value.failure == "target_exists"
    assert str(target) in str(caught.value)
    assert target.read_text() == "my own notes"
    assert BackupService(filled).backup(target, overwrite=True) == target
    assert len(names(target)) == 5
    assert list(tmp_path.glob(".*partial")) == []


def test_a_missing_database_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(BackupError) as caught:
        BackupService(str(tmp_path / "none.sqlite")).backup(tmp_path / "copy.sqlite")
    assert caught.value.failure == "no_database"
    assert "none.sqlite" in str(caught.value)
    assert not (tmp_path / "copy.sqlite").exists()


def test_the_backups_folder_is_configurable(filled: Database, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere" / "copies"
    made = BackupService(filled, folder=folder).backup()
    assert made.parent == folder
    assert re.fullmatch(r"landscape-\d{8}-\d{6}\.sqlite", made.name)


# --------------------------------------------------------------------------- rotation


def test_rotation_keeps_the_newest_n_and_only_touches_its_own_files(
    filled: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    now = clock(monkeypatch, MONDAY)
    service = BackupService(filled)
    made = []
    for day in range(5):
        now.append(MONDAY + dt.timedelta(days=day))
        made.append(service.backup())
    now.append(MONDAY + dt.timedelta(days=4))
    made += [service.backup() for _ in range(10)]  # -2 … -11 in the same second
    folder = tmp_path / "backups"
    others = [
        folder / "notes.txt",
        folder / "other-20260101-000000.sqlite",  # another database's backup
        folder / "landscape-old.sqlite",
        folder / "landscape.sqlite.replaced-20260101-000000",
    ]
    for other in others:
        other.write_text("not mine")
    removed = service.rotate(3)
    assert sorted(removed) == sorted(made[:-3])
    assert service.automatic_backups() == made[-3:]
    assert [p.name for p in made[-3:]] == [
        "landscape-20260306-080000-9.sqlite",
        "landscape-20260306-080000-10.sqlite",
        "landscape-20260306-080000-11.sqlite",
    ]
    assert all(other.read_text() == "not mine" for other in others)


def test_keep_below_one_is_refused(filled: Database) -> None:
    with pytest.raises(BackupError) as caught:
        BackupService(filled).rotate(0)
    assert (caught.value.failure, caught.value.failure_params) == ("bad_keep", {"keep": 0})


# --------------------------------------------------------------------------- at start


def test_the_automatic_backup_is_made_once_per_day_and_rotated(
    filled: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    now = clock(monkeypatch, MONDAY)
    service = BackupService(filled)
    first = service.automatic_backup_on_start(keep=2)
    assert first.made is not None and first.error is None
    now.append(MONDAY + dt.timedelta(hours=23))
    assert service.automatic_backup_on_start(keep=2).skipped == "recent"
    results = []
    for day in (1, 2, 3):
        now.append(MONDAY + dt.timedelta(days=day, hours=1))
        results.append(service.automatic_backup_on_start(keep=2))
    assert [r.made is not None for r in results] == [True, True, True]
    assert results[-1].removed  # the oldest went
    assert [p.name for p in service.automatic_backups()] == [
        "landscape-20260304-090000.sqlite",
        "landscape-20260305-090000.sqlite",
    ]


def test_no_automatic_backup_of_an_empty_landscape_or_a_server_database(
    database: Database, tmp_path: Path
) -> None:
    assert BackupService(database).automatic_backup_on_start().skipped == "empty"
    assert not (tmp_path / "backups").exists()
    server = BackupService("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert server.automatic_backup_on_start().skipped == "not_sqlite"


def test_a_failing_automatic_backup_never_fails_the_start(
    filled: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "backups").write_text("a file where the folder should be")
    result = BackupService(filled).automatic_backup_on_start()
    assert result.made is None
    assert isinstance(result.error, DatabaseError)
    assert result.error.cause == "cannot_create_folder"
    assert "automatic backup" in caplog.text
    assert len(names(tmp_path / "landscape.sqlite")) == 5


# --------------------------------------------------------------------------- restore


class Asked:
    """A confirm callback that records the question and answers as told."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, question: str) -> bool:
        self.questions.append(question)
        return self.answer


def changed_landscape(service: LandscapeService) -> None:
    document = small_landscape()
    document["actors"][3]["name"] = "Vestbanken Nord A/S"
    service.import_document(document)


def test_restore_asks_keeps_the_replaced_database_and_replaces_it(
    filled: Database, service: LandscapeService, tmp_path: Path
) -> None:
    live = tmp_path / "landscape.sqlite"
    saved = BackupService(filled).backup(tmp_path / "monday.sqlite")
    changed_landscape(service)
    filled.close()
    asked = Asked(True)
    result = BackupService(str(live)).restore(saved, confirm=asked)
    assert asked.questions == [str(live)]
    assert result.restored and result.revision == head_revision()
    assert result.replaced is not None
    assert result.replaced.parent == tmp_path
    assert re.fullmatch(r"landscape\.sqlite\.replaced-\d{8}-\d{6}", result.replaced.name)
    assert "Vestbanken A/S" in names(live)
    assert "Vestbanken Nord A/S" in names(result.replaced)
    assert saved.exists()


def test_saying_no_changes_nothing(
    filled: Database, service: LandscapeService, tmp_path: Path
) -> None:
    saved = BackupService(filled).backup(tmp_path / "monday.sqlite")
    changed_landscape(service)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = BackupService(filled).restore(saved, confirm=Asked(False))
    assert not result.restored and result.replaced is None
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert "Vestbanken Nord A/S" in names(tmp_path / "landscape.sqlite")


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (b"id;name\n1;Sammen om Sindet\n", "not_a_database"),
        (b"", "not_a_database"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "not_a_database"),
    ],
    ids=["text", "empty", "damaged"],
)
def test_a_source_that_is_not_a_database_is_refused_by_name(
    filled: Database, tmp_path: Path, content: bytes, cause: str
) -> None:
    source = tmp_path / "kopi.sqlite"
    source.write_bytes(content)
    asked = Asked(True)
    with pytest.raises(DatabaseError) as caught:
        BackupService(filled).restore(source, confirm=asked)
    assert caught.value.cause == cause
    assert "kopi.sqlite" in str(caught.value)
    assert asked.questions == []
    assert len(names(tmp_path / "landscape.sqlite")) == 5
    assert list(tmp_path.glob("*.replaced-*")) == []


def test_a_missing_source_is_named(filled: Database, tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as caught:
        BackupService(filled).restore(tmp_path / "nowhere.sqlite", confirm=Asked(True))
    assert caught.value.cause == "unreachable"
    assert "nowhere.sqlite" in str(caught.value)


def test_a_sqlite_file_of_another_program_is_refused(filled: Database, tmp_path: Path) -> None:
    other = tmp_path / "contacts.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    with pytest.raises(BackupError) as caught:
        BackupService(filled).restore(other, confirm=Asked(True))
    assert caught.value.failure == "not_a_landscape"
    assert "contacts.sqlite" in str(caught.value)


def test_a_backup_from_a_newer_release_is_refused_naming_both_versions(
    filled: Database, tmp_path: Path
) -> None:
    newer = BackupService(filled).backup(tmp_path / "from-the-future.sqlite")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    asked = Asked(True)
    with pytest.raises(DatabaseError) as caught:
        BackupService(filled).restore(newer, confirm=asked)
    error = caught.value
    assert error.cause == "newer_schema"
    assert error.cause_params == {"found": "9999", "supported": head_revision()}
    assert "from-the-future.sqlite" in str(error) and "9999" in str(error)
    assert head_revision() in str(error)
    assert asked.questions == []


@pytest.mark.parametrize("revision", REVISIONS[:1] + REVISIONS[-1:])
def test_a_backup_from_an_older_release_is_restored_and_upgraded_at_the_next_opening(
    filled: Database, tmp_path: Path, revision: str
) -> None:
    old = tmp_path / f"old-{revision}.sqlite"
    shutil.copyfile(fixture_path(revision), old)
    result = BackupService(filled).restore(old, confirm=Asked(True))
    assert result.restored and result.revision == revision
    filled.close()
    database = open_database(str(tmp_path / "landscape.sqlite"))
    try:
        assert current_revision(database.engine) == head_revision()
        assert LandscapeService(database).counts().actors > 0
    finally:
        database.close()


def test_restore_replaces_a_damaged_database_and_keeps_it(tmp_path: Path) -> None:
    source = tmp_path / "good.sqlite"
    shutil.copyfile(fixture_path(REVISIONS[-1]), source)
    live = tmp_path / "landscape.sqlite"
    live.write_bytes(b"garbage after a crash")
    Path(f"{live}-wal").write_bytes(b"stale")
    result = BackupService(str(live)).restore(source, confirm=Asked(True))
    assert result.replaced is not None
    assert result.replaced.read_bytes() == b"garbage after a crash"
    assert not Path(f"{live}-wal").exists()
    assert names(live)


def test_restore_into_a_database_that_does_not_exist_yet(tmp_path: Path) -> None:
    source = tmp_path / "good.sqlite"
    shutil.copyfile(fixture_path(REVISIONS[-1]), source)
    live = tmp_path / "new" / "landscape.sqlite"
    result = BackupService(str(live)).restore(source, confirm=Asked(True))
    assert result.restored and result.replaced is None
    assert names(live)


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM actors").fetchone()
print("ready", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def held_open(filled: Database, tmp_path: Path) -> Iterator[Any]:
    """Another program with the database open (as a second window would have it)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "landscape.sqlite")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    yield process
    assert process.stdin is not None
    process.stdin.write("\n")
    process.stdin.close()
    process.wait(timeout=10)


def test_restore_refuses_a_database_another_program_has_open(
    filled: Database, service: LandscapeService, tmp_path: Path, held_open: Any
) -> None:
    saved = BackupService(filled).backup(tmp_path / "monday.sqlite")
    changed_landscape(service)
    with pytest.raises(DatabaseError) as caught:
        BackupService(filled).restore(saved, confirm=Asked(True))
    assert caught.value.cause == "locked"
    assert f"pid {held_open.pid}" in str(caught.value)
    assert "Vestbanken Nord A/S" in names(tmp_path / "landscape.sqlite")
    assert list(tmp_path.glob("*.replaced-*")) == []


def test_every_failure_used_is_registered() -> None:
    text = Path(backups.__file__).read_text("utf-8")
    used = set(re.findall(r'failure="([a-z_]+)"', text))
    assert "target_exists" in used
    assert used <= set(BACKUP_FAILURES)


# --------------------------------------------------------------------------- PostgreSQL


def test_without_the_client_tools_the_error_says_how_to_install_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    service = BackupService("postgresql+psycopg://someone@127.0.0.1:5432/landscape")
    with pytest.raises(BackupError) as caught:
        service.backup(tmp_path / "landscape.dump")
    assert caught.value.failure == "no_client_tools"
    assert caught.value.failure_params == {
        "tool": "pg_dump",
        "install": "apt-get install postgresql-client",
    }
    assert "apt-get install postgresql-client" in str(caught.value)


@pytest.fixture
def pg_tools() -> None:
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("the PostgreSQL client tools (pg_dump, pg_restore) are not installed")


def test_postgresql_backup_and_restore_round_trip(
    pg_tools: None, pg_database: Database, tmp_path: Path
) -> None:
    service = LandscapeService(pg_database)
    service.import_document(small_landscape())
    backup_service = BackupService(pg_database, folder=tmp_path / "backups")
    dump = backup_service.backup(tmp_path / "landscape.dump")
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    changed_landscape(service)
    asked = Asked(True)
    result = backup_service.restore(dump, confirm=asked)
    assert asked.questions == [pg_database.display_url]
    assert result.restored and result.revision == head_revision()
    assert result.replaced is not None and result.replaced.parent == tmp_path / "backups"
    restored = {a.name for a in service.list_actors()}
    assert "Vestbanken A/S" in restored and "Vestbanken Nord A/S" not in restored
    assert service.counts().actors == 5


def test_postgresql_restore_refuses_what_is_not_a_dump(
    pg_tools: None, pg_database: Database, tmp_path: Path
) -> None:
    bogus = tmp_path / "landscape.dump"
    bogus.write_text("not a dump")
    with pytest.raises(BackupError) as caught:
        BackupService(pg_database).restore(bogus, confirm=Asked(True))
    assert caught.value.failure == "not_a_landscape"
    assert "landscape.dump" in str(caught.value)


def test_postgresql_folder_backups_are_named_after_the_database(
    pg_tools: None, pg_database: Database, tmp_path: Path
) -> None:
    made = BackupService(pg_database, folder=tmp_path).backup()
    name = pg_database.engine.url.database
    assert made.name.startswith(f"{name}-") and made.suffix == ".dump"
