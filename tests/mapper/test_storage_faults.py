"""Storage faults are named, and nothing already stored is lost: a file that is not a database,
a database from a newer release, a locked, read-only or full database, and the copy made
before an upgrade."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from mapper.domain.errors import DatabaseError
from mapper.persistence import database as database_module
from mapper.persistence.database import head_revision, open_database
from mapper.services.landscape import LandscapeService
from tests.fixtures.databases.make import fixture_path

ONE_ACTOR = {
    "format": "mapper-landscape",
    "version": 1,
    "actors": [{"id": "esb-ny", "name": "Ny forening", "kind": "local_association"}],
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(path: Path) -> list[str]:
    """Every table and row of a SQLite file, as SQL."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    """A database at the newest schema holding the demo landscape, closed."""
    path = tmp_path / "landscape.sqlite"
    db = open_database(str(path))
    LandscapeService(db).load_demo()
    db.close()
    return path


def demo_actor_count(path: Path) -> int:
    db = open_database(str(path), read_only=True)
    try:
        return LandscapeService(db).counts().actors
    finally:
        db.close()


# --------------------------------------------------------------------------- not a database


def test_a_text_file_is_not_a_database_and_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Indkøbsliste: mælk, brød\n" * 20)
    before = digest(path)
    with pytest.raises(DatabaseError) as caught:
        open_database(str(path))
    assert caught.value.cause == "not_a_database"
    assert str(path) in str(caught.value)
    assert digest(path) == before
    assert beside(path) == []


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database(str(tmp_path))
    assert caught.value.cause == "not_a_database"


# --------------------------------------------------------------------------- newer schema


def stamp_newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def test_a_database_from_a_newer_release_is_refused_and_never_touched(stored: Path) -> None:
    stamp_newer(stored)
    before = digest(stored)
    with pytest.raises(DatabaseError) as caught:
        open_database(str(stored))
    error = caught.value
    assert error.cause == "newer_schema"
    assert error.cause_params == {"found": "9999", "supported": head_revision()}
    assert "9999" in str(error) and head_revision() in str(error)
    assert str(stored) in str(error)
    assert digest(stored) == before
    assert [n for n in beside(stored) if ".bak-" in n] == []  # (a reader's -shm may appear)


def test_a_newer_database_is_refused_also_for_reading(stored: Path) -> None:
    stamp_newer(stored)
    with pytest.raises(DatabaseError, match="newer release"):
        open_database(str(stored), read_only=True)


# --------------------------------------------------------------------------- upgrade backup


def test_an_older_database_is_copied_beside_itself_before_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "landscape.sqlite"
    shutil.copyfile(fixture_path("0003"), path)
    before = dump(path)
    db = open_database(str(path))
    db.close()
    assert db.backup is not None
    assert db.backup.parent == tmp_path
    assert db.backup.name.startswith("landscape.sqlite.bak-0003-")
    assert dump(db.backup) == before
    assert dump(path) != before  # the upgraded file itself
    conn = sqlite3.connect(db.backup)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
    assert conn.execute("SELECT count(*) FROM actors").fetchone() == (3,)
    conn.close()
    again = open_database(str(path))  # already upgraded: no second copy
    again.close()
    assert again.backup is None
    assert [n for n in beside(path) if ".bak-" in n] == [db.backup.name]


def test_a_database_at_the_newest_schema_is_not_copied(stored: Path) -> None:
    db = open_database(str(stored))
    db.close()
    assert db.backup is None
    assert not [n for n in beside(stored) if ".bak-" in n]


def test_a_wal_database_in_use_is_copied_consistently(tmp_path: Path) -> None:
    path = tmp_path / "landscape.sqlite"
    shutil.copyfile(fixture_path("0003"), path)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    with writer:  # committed into the -wal file, not yet into the database file
        writer.execute("UPDATE actors SET name = 'Navn i WAL' WHERE uid = 'esb-lektiecafe'")
    db = open_database(str(path))
    db.close()
    writer.close()
    assert db.backup is not None
    copy = sqlite3.connect(db.backup)
    assert copy.execute("SELECT name FROM actors WHERE uid = 'esb-lektiecafe'").fetchone() == (
        "Navn i WAL",
    )
    copy.close()


# --------------------------------------------------------------------------- locked


@contextmanager
def held_exclusively(path: Path) -> Iterator[sqlite3.Connection]:
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        yield locker
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def test_a_locked_database_is_named_after_the_busy_timeout(
    stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPPER_BUSY_TIMEOUT", "0.2")
    count = demo_actor_count(stored)
    db = open_database(str(stored))
    try:
        with held_exclusively(stored), pytest.raises(DatabaseError) as caught:
            LandscapeService(db).import_document(ONE_ACTOR)
    finally:
        db.close()
    assert caught.value.cause == "locked"
    assert caught.value.cause_params == {"holder": None}  # this process: "another program"
    assert "in use by another program" in str(caught.value)
    assert str(stored) in str(caught.value)
    assert demo_actor_count(stored) == count


def test_a_locked_database_names_the_program_that_holds_it(
    stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not Path("/proc/locks").exists():
        pytest.skip("this system does not list file locks in /proc/locks")
    monkeypatch.setenv("MAPPER_BUSY_TIMEOUT", "0.2")
    code = (
        "import sqlite3, sys;"
        f"c = sqlite3.connect({str(stored)!r}, isolation_level=None);"
        "c.execute('BEGIN EXCLUSIVE'); print('ready', flush=True); sys.stdin.read()"
    )
    locker = subprocess.Popen(
        ["python3", "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline() == "ready\n"
        db = open_database(str(stored))
        try:
            with pytest.raises(DatabaseError) as caught:
                LandscapeService(db).import_document(ONE_ACTOR)
        finally:
            db.close()
    finally:
        locker.communicate("")
    assert caught.value.cause == "locked"
    assert f"(pid {locker.pid})" in str(caught.value.cause_params["holder"])
    assert f"pid {locker.pid}" in str(caught.value)


def test_an_old_database_that_is_locked_is_named_and_not_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPPER_BUSY_TIMEOUT", "0.2")
    path = tmp_path / "landscape.sqlite"
    shutil.copyfile(fixture_path("0003"), path)  # rollback journal: the lock stops readers
    with held_exclusively(path), pytest.raises(DatabaseError) as caught:
        open_database(str(path))
    assert caught.value.cause == "locked"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
    conn.close()


# --------------------------------------------------------------------------- read-only


def test_a_database_opened_read_only_reads_and_refuses_saves(stored: Path) -> None:
    before = digest(stored)
    db = open_database(str(stored), read_only=True)
    try:
        assert db.read_only
        service = LandscapeService(db)
        count = service.counts().actors
        assert count > 0
        with pytest.raises(DatabaseError) as caught:
            service.import_document(ONE_ACTOR)
        assert caught.value.cause == "read_only"
        assert str(stored) in str(caught.value)
        assert service.counts().actors == count
    finally:
        db.close()
    assert digest(stored) == before


@contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """A file or folder no one may write: chmod for a user, ``chattr +i`` for root (whom
    chmod does not stop)."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(
            "running as root, where chmod does not stop writing, and chattr +i is not "
            f"available here ({done.stderr.decode().strip() or done.returncode})"
        )
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_is_opened_for_reading(stored: Path, what: str) -> None:
    with unwritable(stored if what == "file" else stored.parent):
        db = open_database(str(stored))
        try:
            assert db.read_only
            service = LandscapeService(db)
            assert service.counts().actors > 0
            with pytest.raises(DatabaseError) as caught:
                service.import_document(ONE_ACTOR)
            assert caught.value.cause == "read_only"
        finally:
            db.close()


def test_a_read_only_database_of_an_older_schema_is_named(tmp_path: Path) -> None:
    path = tmp_path / "landscape.sqlite"
    shutil.copyfile(fixture_path("0003"), path)
    with unwritable(path), pytest.raises(DatabaseError) as caught:
        open_database(str(path))
    assert caught.value.cause == "read_only_old"
    assert caught.value.cause_params == {"found": "0003", "supported": head_revision()}


# --------------------------------------------------------------------------- disk full


@contextmanager
def database_full(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every new SQLite connection may not grow the file: SQLite's "database or disk is full"
    exactly as on a full disk."""
    original = database_module._sqlite_pragmas

    def limited(dbapi_connection: Any, record: Any) -> None:
        original(dbapi_connection, record)
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(database_module, "_sqlite_pragmas", limited)
    yield


def test_a_full_disk_is_named_and_nothing_stored_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "landscape.sqlite"
    db = open_database(str(path))
    LandscapeService(db).import_document(ONE_ACTOR)
    db.close()
    with database_full(monkeypatch):
        db = open_database(str(path))
        try:
            with pytest.raises(DatabaseError) as caught:
                LandscapeService(db).load_demo()
        finally:
            db.close()
    assert caught.value.cause == "disk_full"
    assert str(path) in str(caught.value)
    monkeypatch.undo()
    db = open_database(str(path))
    try:
        service = LandscapeService(db)
        assert [a.id for a in service.list_actors()] == ["esb-ny"]
    finally:
        db.close()
