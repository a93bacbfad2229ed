"""Whole-file copies of a SQLite landscape database through SQLite's backup API.

The backup API copies a database page by page under SQLite's own locks, so a copy of a file
another program is writing (WAL mode) is consistent, and a copy *into* a database replaces its
content in one transaction that the WAL and every other connection agree on. Used by
mapper.services.backups; the copy before an upgrade is ``database.backup_sqlite``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mapper.domain.errors import DatabaseError
from mapper.persistence.database import (
    SQLITE_HEADER,
    SqliteFileState,
    _read_only_connection,
    read_schema,
    storage_error,
)


def is_sqlite_file(path: Path) -> bool:
    """Whether the file begins with SQLite's header (an empty or unreadable file does not)."""
    try:
        with path.open("rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def read_state(path: Path, *, timeout: float) -> SqliteFileState:
    """The revision and tables of a SQLite file, read without changing it.

    Raises DatabaseError naming the file when it is not a SQLite database or cannot be read."""
    display = str(path)
    if not is_sqlite_file(path):
        if not path.is_file():
            raise DatabaseError(display, "it does not exist or is no file", cause="unreachable")
        raise DatabaseError(
            display, "it is not a database (not a SQLite file)", cause="not_a_database"
        )
    try:
        conn = _read_only_connection(path, timeout)
        try:
            return read_schema(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise storage_error(f"sqlite:///{path}", exc) or DatabaseError(
            display, f"it cannot be read ({exc})", cause="not_a_database"
        ) from exc


def copy_database(source: Path, target: Path, *, timeout: float) -> None:
    """Copy ``source`` into the new file ``target`` (which must not exist): consistent while
    another program writes ``source``, self-contained (rollback journal, no -wal beside it),
    checked with ``PRAGMA quick_check``. A failed copy leaves no ``target`` behind."""
    try:
        origin = _read_only_connection(source, timeout)
        try:
            copy = sqlite3.connect(target)
            try:
                origin.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
                result = copy.execute("PRAGMA quick_check").fetchone()
                if result is None or result[0] != "ok":
                    raise sqlite3.DatabaseError(f"the copy is damaged ({result})")
            finally:
                copy.close()
        finally:
            origin.close()
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        fault = (
            storage_error(f"sqlite:///{source}", exc) if isinstance(exc, sqlite3.Error) else None
        )
        if fault is not None and fault.cause in ("locked", "disk_full"):
            raise fault from exc
        raise DatabaseError(
            str(source),
            f"the copy {target} could not be written ({exc})",
            cause="backup_failed",
            cause_params={"backup": str(target)},
        ) from exc


def copy_into(source: Path, target: Path, *, timeout: float) -> None:
    """Replace the content of the existing database ``target`` with ``source``'s in one
    transaction (all or nothing; its WAL and other connections follow).

    ``source`` is first copied (and checked) beside ``target`` and given ``target``'s page
    size: SQLite cannot copy into a WAL database of another page size."""
    staging = target.with_name(f".{target.name}.restoring")
    staging.unlink(missing_ok=True)
    copy_database(source, staging, timeout=timeout)
    try:
        destination = sqlite3.connect(target, timeout=timeout)
        try:
            page_size = int(destination.execute("PRAGMA page_size").fetchone()[0])
            origin = sqlite3.connect(staging)
            try:
                if int(origin.execute("PRAGMA page_size").fetchone()[0]) != page_size:
                    origin.execute(f"PRAGMA page_size = {page_size}")
                    origin.execute("VACUUM")
                origin.backup(destination)
            finally:
                origin.close()
        finally:
            destination.close()
    except sqlite3.Error as exc:
        fault = storage_error(f"sqlite:///{target}", exc)
        if fault is not None:
            raise fault from exc
        raise DatabaseError(
            str(target), f"it could not be replaced ({exc}); it is as it was", cause="unusable"
        ) from exc
    finally:
        staging.unlink(missing_ok=True)
