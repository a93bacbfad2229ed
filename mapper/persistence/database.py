"""Opening a landscape database: URL resolution, engine set-up and schema migration.

The default is one SQLite file in the user's data directory (WAL, foreign keys on); any
SQLAlchemy URL can be given through ``--db`` or ``MAPPER_DB``. The schema is created and upgraded
only through the Alembic migrations shipped in ``mapper.persistence.migrations``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mapper.domain.errors import DatabaseError

ENV_VAR = "MAPPER_DB"
APP_NAME = "volunteer-mapper"


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "landscape.sqlite"


def resolve_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (URL or file path), else ``MAPPER_DB``, else the default."""
    value = db or os.environ.get(ENV_VAR) or str(default_database_path())
    if "://" in value:
        try:
            make_url(value)
        except (ArgumentError, ValueError) as exc:
            raise DatabaseError(value, f"not a database URL ({exc})", cause="not_a_url") from exc
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    sa_url = make_url(url)
    if sa_url.get_backend_name() == "sqlite":
        if sa_url.database and sa_url.database != ":memory:":
            path = Path(sa_url.database)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    url,
                    f"cannot create folder {path.parent}: {exc}",
                    cause="cannot_create_folder",
                    cause_params={"folder": str(path.parent)},
                ) from exc
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(
            url, f"no driver for this kind of database ({exc})", cause="no_driver"
        ) from exc


def _alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("mapper.persistence").joinpath("migrations"))
    )
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    script = ScriptDirectory.from_config(_alembic_config(create_engine("sqlite://")))
    head = script.get_current_head()
    assert head is not None
    return head


def known_revisions() -> tuple[str, ...]:
    """Every schema revision this code knows, oldest first."""
    script = ScriptDirectory.from_config(_alembic_config(create_engine("sqlite://")))
    return tuple(reversed([r.revision for r in script.walk_revisions()]))


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` through the migrations (creates it when empty)."""
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    if tables and "alembic_version" not in tables:
        raise DatabaseError(
            engine.url.render_as_string(hide_password=True),
            "it holds tables but was not created by this application",
            cause="foreign_tables",
        )
    command.upgrade(_alembic_config(engine), revision)


@dataclass
class Database:
    """An open landscape database: the engine and the factory of units of work."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.url.get_backend_name() == "sqlite"

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(db: str | None = None, *, migrate: bool = True) -> Database:
    """Open (and by default create or upgrade) the landscape database named by ``db``."""
    url = resolve_url(db)
    engine = make_engine(url)
    try:
        if migrate:
            upgrade(engine)
        else:
            with engine.connect():
                pass
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        raise DatabaseError(
            engine.url.render_as_string(hide_password=True), reason, cause="unreachable"
        ) from exc
    except DatabaseError:
        engine.dispose()
        raise
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False))
