"""A PostgreSQL database of every earlier schema revision opens: it is upgraded to the newest
schema with every record intact.

For each revision of tests/fixtures/databases/make.py a throw-away database on the real server
is built by the migrations up to that revision and filled with the same records as the frozen
SQLite files (make.py's ``fill``); ``open_database`` then upgrades it, and the checks of
tests/mapper/test_older_databases.py run on it. (A server database is not copied beside itself
before the upgrade: that is the server's own backup's business, so ``backup`` stays None.)
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from mapper.domain.errors import DatabaseError
from mapper.persistence.database import (
    Database,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    upgrade,
)
from tests import conftest
from tests.fixtures.databases.make import REVISIONS, fill
from tests.mapper import test_older_databases as older

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module", params=REVISIONS)
def upgraded(request: pytest.FixtureRequest) -> Iterator[tuple[str, Database]]:
    """A server database made at an earlier revision, filled, then opened (upgraded); one per
    revision for the whole module (only the last test adds a record)."""
    reason = conftest._pg_available()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but not reachable: {reason}")
        pytest.skip(f"PostgreSQL not reachable at {conftest.PG_ADMIN_URL}: {reason}")
    revision: str = request.param
    name = f"mapper_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(conftest.PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(conftest.PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    database: Database | None = None
    try:
        engine = make_engine(url)
        try:
            upgrade(engine, revision)
            fill(engine, revision)
            assert current_revision(engine) == revision
        finally:
            engine.dispose()
        # A shared server is upgraded only on purpose (mapper init --upgrade).
        with pytest.raises(DatabaseError) as refused:
            open_database(url)
        assert refused.value.cause == "upgrade_needed"
        assert refused.value.cause_params == {"found": revision, "supported": head_revision()}
        engine = make_engine(url)
        try:
            assert current_revision(engine) == revision  # untouched
        finally:
            engine.dispose()
        database = open_database(url, upgrade_shared=True)
        yield revision, database
    finally:
        if database is not None:
            database.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_the_database_is_upgraded_to_the_newest_schema(upgraded: tuple[str, Database]) -> None:
    _revision, database = upgraded
    assert current_revision(database.engine) == head_revision()
    assert database.backup is None
    assert not database.read_only


def test_actors_are_intact(upgraded: tuple[str, Database]) -> None:
    older.test_actors_are_intact(upgraded)


def test_problems_are_intact(upgraded: tuple[str, Database]) -> None:
    older.test_problems_are_intact(upgraded)


def test_partnerships_are_intact(upgraded: tuple[str, Database]) -> None:
    older.test_partnerships_are_intact(upgraded)


def test_boundaries_are_intact(upgraded: tuple[str, Database]) -> None:
    older.test_boundaries_are_intact(upgraded)


def test_authors_and_tombstones_are_intact(upgraded: tuple[str, Database]) -> None:
    older.test_authors_and_tombstones_are_intact(upgraded)


def test_the_upgraded_database_takes_new_records(upgraded: tuple[str, Database]) -> None:
    """New rows get fresh keys after the rows of the earlier release (the sequences)."""
    older.test_the_upgraded_database_takes_new_records(upgraded)


def test_the_cli_upgrades_a_shared_database_only_when_told(request: pytest.FixtureRequest) -> None:
    """`mapper --db URL actors` on an older shared schema refuses with the command to run;
    `init --upgrade` without a terminal needs --yes; `init --upgrade --yes` upgrades."""
    import io

    from ui.cli import main

    reason = conftest._pg_available()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but not reachable: {reason}")
        pytest.skip(f"PostgreSQL not reachable: {reason}")
    name = f"mapper_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(conftest.PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(conftest.PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)

    def run(*argv: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        return main(list(argv), stdout=out, stderr=err), err.getvalue()

    try:
        engine = make_engine(url)
        try:
            upgrade(engine, REVISIONS[-1])
            fill(engine, REVISIONS[-1])
        finally:
            engine.dispose()
        code, err = run("--db", url, "actors")
        assert code == 2 and "init --upgrade" in err and REVISIONS[-1] in err
        code, err = run("--db", url, "init", "--upgrade")
        assert code == 2 and "--yes" in err
        code, err = run("--db", url, "init", "--upgrade", "--yes")
        assert code == 0
        engine = make_engine(url)
        try:
            assert current_revision(engine) == head_revision()
        finally:
            engine.dispose()
        assert run("--db", url, "actors")[0] == 0
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
