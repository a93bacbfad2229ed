"""Shared fixtures: real SQLite files, or the real PostgreSQL server (MAPPER_TEST_BACKEND).

The suite runs on one back end per run: ``MAPPER_TEST_BACKEND=sqlite`` (the default) gives each
test a SQLite file under its tmp_path, ``MAPPER_TEST_BACKEND=postgresql`` a fresh database on the
server at MAPPER_TEST_PG, copied from one template migrated once per session. The PostgreSQL run
keeps only the tests that touch a back-end-switched fixture (``database``, ``make_database``,
``database_factory`` and what builds on them) and are not marked ``sqlite_only``; the rest are
back-end independent and ran in the SQLite run. Tests of ``pg_database`` run in the SQLite run.
"""

from __future__ import annotations

import copy
import os

# Before any Qt import: no screen on CI, and QtWebEngine runs as root only without its sandbox.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
# The first-run welcome is tested on its own (tests/ui/test_first_run.py); elsewhere a started
# window goes straight to work. Logs go to a folder of the test run, not the user's own.
os.environ.setdefault("MAPPER_NO_WELCOME", "1")
import tempfile

os.environ.setdefault("MAPPER_LOG_DIR", tempfile.mkdtemp(prefix="mapper-test-logs-"))
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from mapper.persistence.database import Database, open_database
from mapper.services.landscape import LandscapeService

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PG_ADMIN_URL = os.environ.get(
    "MAPPER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BACKEND_VAR = "MAPPER_TEST_BACKEND"
BACKENDS = ("sqlite", "postgresql")
BACKEND = os.environ.get(BACKEND_VAR, "sqlite").strip().lower() or "sqlite"
SWITCHED_FIXTURES = frozenset({"database", "make_database", "database_factory"})
"""Fixtures that give a database of the run's back end; every test that runs on PostgreSQL
uses one of them (directly or through ``service`` and the like)."""


def pytest_configure(config: pytest.Config) -> None:
    if BACKEND not in BACKENDS:
        raise pytest.UsageError(
            f"{BACKEND_VAR}={os.environ[BACKEND_VAR]!r} is not a test back end; "
            f"use one of: {', '.join(BACKENDS)}"
        )


def pytest_report_header(config: pytest.Config) -> str:
    where = f" at {make_url(PG_ADMIN_URL).render_as_string()}" if BACKEND == "postgresql" else ""
    return f"database back end: {BACKEND}{where} ({BACKEND_VAR})"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run each test once over both runs: back-end-independent tests and tests of the
    ``pg_database`` fixture only in the SQLite run, SQLite-file tests never on PostgreSQL."""
    if BACKEND != "postgresql":
        return
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        uses_backend = not SWITCHED_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))
        if uses_backend and item.get_closest_marker("sqlite_only") is None:
            keep.append(item)
        else:
            dropped.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


class MakeDatabase(Protocol):
    """The ``make_database`` fixture: a new empty database of the run's back end."""

    def __call__(self, name: str = "landscape") -> str: ...


def _pg_available() -> str | None:
    try:
        engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect():
            pass
        engine.dispose()
        return None
    except Exception as exc:  # any failure means: no server to test against
        return str(exc).splitlines()[0]


def _require_pg() -> None:
    """Fail in CI (the server is part of the test set-up there), skip elsewhere."""
    reason = _pg_available()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but not reachable: {reason}")
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}: {reason}")


def _pg_url(name: str) -> str:
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


class DatabaseFactory:
    """Fresh, empty (migrated) databases of the run's back end: a SQLite file path, or the URL
    of a new database on the PostgreSQL server copied from the session's template. Either is
    what ``open_database`` takes."""

    def __init__(self, backend: str, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.backend = backend
        self._tmp = tmp_path_factory
        self._admin: Engine | None = None
        self._template: str | None = None
        self._created: list[str] = []
        self._retired: list[str] = []

    def url(self, name: str = "landscape", folder: Path | None = None) -> str:
        """A new database; ``name`` names the SQLite file (``folder``, default a new temporary
        folder) and is part of the PostgreSQL database's name, to read in server logs."""
        if self.backend == "sqlite":
            where = folder if folder is not None else self._tmp.mktemp("db")
            return str(where / f"{name}.sqlite")
        admin, template = self._pg_template()
        label = "".join(c if c.isalnum() else "_" for c in name.lower())[:20]
        database = f"mapper_test_{label}_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{database}" TEMPLATE "{template}"'))
        self._created.append(database)
        return _pg_url(database)

    def _pg_template(self) -> tuple[Engine, str]:
        """The admin engine and the template database, migrated to the head on first use."""
        if self._admin is not None and self._template is not None:
            return self._admin, self._template
        _require_pg()
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        template = f"mapper_template_{os.getpid()}"
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{template}"'))
        self._admin, self._template = admin, template  # dropped by close() whatever happens
        # Migrates; closed at once, as CREATE DATABASE ... TEMPLATE needs it unconnected.
        open_database(_pg_url(template)).close()
        return admin, template

    def drop(self, url: str) -> None:
        """Drop one PostgreSQL database made here (a SQLite file goes with its folder)."""
        if self.backend == "sqlite" or self._admin is None:
            return
        name = make_url(url).database
        if name not in self._created:
            return
        self._created.remove(name)
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def retire(self, urls: list[str]) -> None:
        """A test is done with these: drop them one test later. A test's background work (a
        Qt operation still reading when its window closes) must not lose its connection to
        a forced drop, as it would not lose a SQLite file left in tmp_path."""
        for url in self._retired:
            self.drop(url)
        self._retired = list(urls)

    def close(self) -> None:
        """At the session's end: drop every database still there, then the template."""
        if self._admin is None:
            return
        with self._admin.connect() as conn:
            for name in [*self._created, self._template]:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._admin.dispose()
        self._admin = self._template = None
        self._created, self._retired = [], []


@pytest.fixture(autouse=True)
def _own_data_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's data directory (the default database, and beside a server database the
    backups and the export log) is the test's own: never the real one, never another test's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture(scope="session")
def _database_factory_session(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[DatabaseFactory]:
    factory = DatabaseFactory(BACKEND, tmp_path_factory)
    yield factory
    factory.close()


@pytest.fixture(scope="session")
def database_factory(_database_factory_session: DatabaseFactory) -> DatabaseFactory:
    """For module- or session-scoped fixtures: databases that live until the session ends."""
    return _database_factory_session


@pytest.fixture
def make_database(
    _database_factory_session: DatabaseFactory, tmp_path: Path
) -> Iterator[MakeDatabase]:
    """``make_database(name="landscape")``: the path or URL of a new empty database of the
    run's back end (a SQLite file in tmp_path, or a PostgreSQL database dropped once the next
    test is done with its own); a name per database within a test."""
    created: list[str] = []

    def make(name: str = "landscape") -> str:
        url = _database_factory_session.url(name, folder=tmp_path)
        created.append(url)
        return url

    yield make
    _database_factory_session.retire(created)


@pytest.fixture
def database(make_database: MakeDatabase) -> Iterator[Database]:
    db = open_database(make_database("landscape"))
    yield db
    db.close()


@pytest.fixture
def service(database: Database) -> LandscapeService:
    return LandscapeService(database)


@pytest.fixture
def pg_database() -> Iterator[Database]:
    """A fresh, empty database on the real PostgreSQL server, dropped afterwards."""
    _require_pg()
    name = f"mapper_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(_pg_url(name))
    try:
        yield db
    finally:
        db.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --------------------------------------------------------------------------- tiny landscapes

ESBJERG = {
    "municipality_code": "0561",
    "city": "Esbjerg",
    "postcode": "6700",
    "lat": 55.4765,
    "lon": 8.4594,
    "precision": "address",
}


def small_landscape() -> dict[str, Any]:
    """An association in Esbjerg that offers mentors, its national body, a company and a
    volunteer; a socio-psychiatric unit seeking volunteers; one proposed partnership."""
    return copy.deepcopy(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                {
                    "id": "esb-sind",
                    "name": "Sammen om Sindet Esbjerg",
                    "kind": "voluntary_organisation",
                    "parent_id": "dk-sind",
                    "registry_ids": {"cvr": "11112222"},
                    "location": {**ESBJERG, "address": "Kirkegade 12"},
                    "service_area_km": 25,
                    "volunteers": 40,
                    "target_groups": ["mental_illness", "socially_vulnerable_adults"],
                    "resources_offered": [
                        {
                            "kind": "volunteer_hours",
                            "description": "Besøgsvenner",
                            "hours_per_month": 120,
                        },
                        {"kind": "network_bridging"},
                    ],
                    "roles": ["bridge_builder", "volunteer_provider"],
                    "prevention_levels": ["rehabilitation"],
                    "profile": {
                        "we_are": "En frivillig forening for psykisk sårbare.",
                        "best_at": "At bygge bro til foreningslivet.",
                        "success_examples": ["Gå-klubben", "Fællesspisning"],
                        "evidence_level": "expert_assessment",
                    },
                    "contact": {"name": "Anne Jensen", "email": "anne@example.dk"},
                    "public": True,
                    "verified_on": "2026-03-01",
                    "active": True,
                },
                {
                    "id": "dk-sind",
                    "name": "Sammen om Sindet Danmark",
                    "kind": "voluntary_organisation",
                },
                {
                    "id": "esb-patriciahuset",
                    "name": "Patriciahuset",
                    "kind": "public_institution",
                    "employees": 17,
                    "location": ESBJERG,
                    "target_groups": ["mental_illness"],
                },
                {
                    "id": "esb-bank",
                    "name": "Vestbanken A/S",
                    "kind": "company",
                    "resources_offered": [{"kind": "staff_hours", "hours_per_month": 20}],
                },
                {
                    "id": "esb-vol-1",
                    "name": "Mette Frivillig",
                    "kind": "volunteer_person",
                    "consent": {"given_on": "2026-02-01", "purpose": "Matchning"},
                    "location": {
                        "postcode": "6700",
                        "municipality_code": "0561",
                        "precision": "postcode",
                    },
                },
            ],
            "problems": [
                {
                    "id": "esb-p-bro",
                    "title": "Brobygning til fællesskaber",
                    "owner_id": "esb-patriciahuset",
                    "municipality_code": "0561",
                    "description": "Beboere skal ud i lokalsamfundet.",
                    "concreteness": "concrete",
                    "target_groups": ["mental_illness"],
                    "prevention_level": "rehabilitation",
                    "our_role": "Vi stiller lokaler til rådighed.",
                    "seeking": {
                        "description": "Frivillige der kan følge beboere til aktiviteter",
                        "resources": [{"kind": "volunteer_hours", "hours_per_month": 40}],
                        "required_resources": ["volunteer_hours"],
                        "roles": ["bridge_builder"],
                        "actor_kinds": ["voluntary_organisation"],
                        "must_not": "overtage myndighedsopgaver",
                        "excluded_actor_kinds": ["company"],
                        "max_distance_km": 30,
                    },
                    "partner_gets": "Lokaler og faglig sparring",
                    "location": ESBJERG,
                    "status": "seeking",
                    "involves_statutory_task": False,
                },
            ],
            "partnerships": [
                {
                    "problem_id": "esb-p-bro",
                    "actor_id": "esb-sind",
                    "stage": "proposed",
                    "type": "project_based",
                    "success_factors": ["clear_goals"],
                    "updated_on": "2026-04-01",
                },
            ],
        }
    )


@pytest.fixture
def landscape_doc() -> dict[str, Any]:
    return small_landscape()
