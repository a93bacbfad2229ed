"""Storage faults on the real PostgreSQL server are named like on SQLite, and nothing stored is
lost: a database from a newer release (refused, never touched), a locked table or row (the
``locked`` error after MAPPER_BUSY_TIMEOUT, the server's ``lock_timeout``, naming the session
that holds it; the save works once the lock is gone), a read-only database or session (reading
works, saving gives ``read_only``). By service call and on the command line.

Not tested here: a full disk. It cannot be produced safely on the shared server (filling its
data volume would break every other database on it); its mapping (SQLSTATE 53100 → disk_full)
is in ``mapper.persistence.database.storage_error``, and tests/mapper/test_storage_faults.py
tests the fault end to end on SQLite.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from mapper.domain.errors import DatabaseError, NotFoundError
from mapper.domain.model import Actor
from mapper.persistence.database import Database, head_revision, open_database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from ui.cli import main

pytestmark = pytest.mark.postgres

NEW_ACTOR = Actor(id="esb-ny", name="Ny forening", kind="local_association")
WAIT = 0.2
"""MAPPER_BUSY_TIMEOUT in these tests, seconds."""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def url(pg_database: Database, landscape_doc: dict[str, Any]) -> str:
    """A throw-away server database holding the small landscape (dropped afterwards)."""
    LandscapeService(pg_database).import_document(landscape_doc)
    pg_database.engine.dispose()  # no pooled session of the fixture in the way
    return pg_database.url


def snapshot(url: str) -> dict[str, list[str]]:
    """Every table's columns and rows, to see that nothing was touched."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found: dict[str, list[str]] = {}
            for table in sorted(inspect(conn).get_table_names()):
                columns = [c["name"] for c in inspect(conn).get_columns(table)]
                rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
                found[table] = [repr(columns), *sorted(repr(tuple(r)) for r in rows)]
            return found
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- newer schema


def stamp_newer(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()


def test_a_database_from_a_newer_release_is_refused_and_never_touched(url: str) -> None:
    stamp_newer(url)
    before = snapshot(url)
    with pytest.raises(DatabaseError) as caught:
        open_database(url)
    error = caught.value
    assert error.cause == "newer_schema"
    assert error.cause_params == {"found": "9999", "supported": head_revision()}
    assert "9999" in str(error) and head_revision() in str(error)
    assert str(make_url(url).database) in str(error)
    assert snapshot(url) == before
    with pytest.raises(DatabaseError, match="newer release"):
        open_database(url, read_only=True)
    assert snapshot(url) == before


def test_a_newer_database_on_the_command_line(url: str) -> None:
    stamp_newer(url)
    before = snapshot(url)
    code, out, err = run("--db", url, "actors")
    assert code == 2
    assert out == ""
    assert str(make_url(url).database) in err
    assert "9999" in err and head_revision() in err
    assert "Traceback" not in err
    assert snapshot(url) == before


# --------------------------------------------------------------------------- locked


@contextmanager
def held(url: str, statement: str) -> Iterator[str]:
    """Another session (a colleague's program "kollega") holding a lock in an open
    transaction; yields how the error should name it. The server ends the session after 20 s
    idle, so a save that waits for ever fails its test instead of hanging it."""
    engine = create_engine(url)
    conn = engine.connect()
    try:
        conn.execute(text("SET idle_in_transaction_session_timeout = '20s'"))
        conn.execute(text("SET application_name = 'kollega'"))
        pid, user, client = conn.execute(
            text("SELECT pg_backend_pid(), current_user, host(inet_client_addr())")
        ).one()
        conn.execute(text(statement))
        yield f"{user}@{client} (kollega, pid {pid})" if client else f"{user} (kollega, pid {pid})"
    finally:
        conn.rollback()
        conn.close()
        engine.dispose()


def test_a_locked_table_is_named_after_the_busy_timeout(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPPER_BUSY_TIMEOUT", str(WAIT))
    database = open_database(url)
    editor = ActorEditService(database)
    try:
        with held(url, "LOCK TABLE actors IN ACCESS EXCLUSIVE MODE") as holder:
            started = time.monotonic()
            with pytest.raises(DatabaseError) as caught:
                editor.save(NEW_ACTOR, expected_version=None)
            waited = time.monotonic() - started
        assert caught.value.cause == "locked"
        assert caught.value.cause_params == {"holder": holder}
        assert f"in use by {holder}" in str(caught.value)
        assert f"waited {WAIT:g} s" in str(caught.value)
        assert str(make_url(url).database) in str(caught.value)
        assert WAIT <= waited < 10
        # Nothing was stored; with the lock gone the same save works.
        with pytest.raises(NotFoundError):
            editor.load(NEW_ACTOR.id)
        assert editor.save(NEW_ACTOR, expected_version=None) == 1
        assert editor.load(NEW_ACTOR.id)[0].name == "Ny forening"
    finally:
        database.close()


def test_a_locked_row_is_named_and_the_stored_actor_is_unchanged(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A colleague's transaction holding the actor's row (not the table): the compare-and-swap
    update waits for it, then gives up with ``locked``."""
    monkeypatch.setenv("MAPPER_BUSY_TIMEOUT", str(WAIT))
    database = open_database(url)
    editor = ActorEditService(database)
    try:
        actor, version = editor.load("esb-sind")
        renamed = replace(actor, name="Sammen om Sindet Esbjerg og Fanø")
        with held(url, "SELECT pk FROM actors WHERE uid = 'esb-sind' FOR UPDATE") as holder:
            with pytest.raises(DatabaseError) as caught:
                editor.save(renamed, expected_version=version)
            # Reading is not blocked by a row lock.
            assert editor.load("esb-sind") == (actor, version)
        assert caught.value.cause == "locked"
        assert caught.value.cause_params == {"holder": holder}
        assert editor.load("esb-sind") == (actor, version)
        assert editor.save(renamed, expected_version=version) == version + 1
        assert editor.load("esb-sind")[0].name == "Sammen om Sindet Esbjerg og Fanø"
    finally:
        database.close()


def test_a_locked_database_on_the_command_line(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAPPER_BUSY_TIMEOUT", str(WAIT))
    before = snapshot(url)
    with held(url, "LOCK TABLE actors IN ACCESS EXCLUSIVE MODE") as holder:
        code, _out, err = run("--db", url, "demo")
    assert code == 2
    assert str(make_url(url).database) in err and f"in use by {holder}" in err
    assert "Traceback" not in err
    assert snapshot(url) == before


# --------------------------------------------------------------------------- read-only


@pytest.fixture(params=["database setting", "connection option", "opened read-only"])
def read_only_url(request: pytest.FixtureRequest, url: str) -> tuple[str, bool]:
    """(URL, whether to open it with read_only=True): the database set read-only by its owner
    (``ALTER DATABASE … SET default_transaction_read_only``), the session made read-only by
    the URL (``?options=-c default_transaction_read_only=on``), or the application asked to
    open it for reading only."""
    how: str = request.param
    name = make_url(url).database
    if how == "database setting":
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        engine.dispose()
        return url, False
    if how == "connection option":
        options = {"options": "-c default_transaction_read_only=on"}
        return make_url(url).update_query_dict(options).render_as_string(False), False
    return url, True


def test_a_read_only_database_reads_and_refuses_saves(read_only_url: tuple[str, bool]) -> None:
    url, open_read_only = read_only_url
    before = snapshot(url.split("?")[0])
    database = open_database(url, read_only=open_read_only)
    try:
        assert database.read_only
        service = LandscapeService(database)
        assert service.counts().actors == 5
        assert service.get_actor("esb-sind").name == "Sammen om Sindet Esbjerg"
        with pytest.raises(DatabaseError) as caught:
            ActorEditService(database).save(NEW_ACTOR, expected_version=None)
        assert caught.value.cause == "read_only"
        assert "nothing was saved" in str(caught.value)
        assert str(make_url(url).database) in str(caught.value)
        with pytest.raises(DatabaseError) as caught:
            service.load_demo()
        assert caught.value.cause == "read_only"
        assert service.counts().actors == 5
    finally:
        database.close()
    assert snapshot(url.split("?")[0]) == before


def test_a_read_only_session_on_the_command_line(url: str) -> None:
    options = {"options": "-c default_transaction_read_only=on"}
    read_only = make_url(url).update_query_dict(options).render_as_string(False)
    before = snapshot(url)
    code, out, _err = run("--db", read_only, "actors")
    assert (code, "esb-sind" in out) == (0, True)
    code, _out, err = run("--db", read_only, "demo")
    assert code == 2
    assert "read-only" in err and str(make_url(url).database) in err
    assert "Traceback" not in err
    assert snapshot(url) == before
