"""Opening databases: URL resolution, SQLite settings, migrations, PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from mapper.domain.errors import DatabaseError
from mapper.persistence.database import (
    current_revision,
    head_revision,
    make_engine,
    open_database,
    resolve_url,
    upgrade,
)
from mapper.persistence.orm import Base
from mapper.services.landscape import LandscapeService


def schema_differences(engine: Any) -> list[Any]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_migrations_and_models_agree_on_sqlite(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "m.sqlite"))
    try:
        assert current_revision(db.engine) == head_revision()
        assert schema_differences(db.engine) == []
    finally:
        db.close()


def test_migrations_downgrade_to_nothing_and_upgrade_again(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'd.sqlite'}")
    upgrade(engine)
    upgrade_tables = set(inspect(engine).get_table_names())
    from alembic import command

    from mapper.persistence.database import _alembic_config

    command.downgrade(_alembic_config(engine), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) == upgrade_tables
    engine.dispose()


@pytest.mark.sqlite_only("SQLite pragmas")
def test_sqlite_runs_with_wal_and_foreign_keys(database: Any) -> None:
    with database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_default_database_lives_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("MAPPER_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert (
        resolve_url(None)
        == f"sqlite:///{tmp_path / 'xdg' / 'volunteer-mapper' / 'landscape.sqlite'}"
    )


def test_db_option_wins_over_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MAPPER_DB", "sqlite:////env.sqlite")
    assert resolve_url(None) == "sqlite:////env.sqlite"
    assert resolve_url(str(tmp_path / "x.sqlite")) == f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_a_bad_url_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="not a database URL"):
        resolve_url("postgresql://host:port/db")
    with pytest.raises(DatabaseError, match="no driver"):
        open_database("nosuchdialect://somewhere/db")


def test_a_database_of_another_application_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "foreign.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="not created by this application"):
        open_database(str(path))
    engine = create_engine(f"sqlite:///{path}")
    assert inspect(engine).get_table_names() == ["customers"]
    engine.dispose()


def test_an_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="cannot use database"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:9/nothing?connect_timeout=2")


@pytest.mark.postgres
def test_migrations_and_models_agree_on_postgresql(pg_database: Any) -> None:
    assert current_revision(pg_database.engine) == head_revision()
    assert schema_differences(pg_database.engine) == []


@pytest.mark.postgres
def test_round_trip_on_postgresql_equals_sqlite(
    pg_database: Any, service: LandscapeService, landscape_doc: dict[str, Any]
) -> None:
    pg = LandscapeService(pg_database)
    pg.import_document(landscape_doc)
    service.import_document(landscape_doc)
    assert pg.export_document() == service.export_document()
    assert not pg.import_document(landscape_doc).changed_anything


def test_the_revisions_read_from_file_names_are_alembics_own() -> None:
    """known_revisions() reads the migration scripts' file names so that opening a current
    database needs no Alembic; it must say exactly what Alembic reads from the scripts."""
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from mapper.persistence.database import _alembic_config, head_revision, known_revisions

    script = ScriptDirectory.from_config(_alembic_config(create_engine("sqlite://")))
    walked = tuple(reversed([r.revision for r in script.walk_revisions()]))
    assert known_revisions() == walked
    assert head_revision() == script.get_current_head()
    chain = [script.get_revision(r) for r in walked]
    assert [r.down_revision for r in chain] == [None, *walked[:-1]]  # one linear chain


def test_opening_a_current_database_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    from mapper.persistence.database import open_database

    path = tmp_path / "current.sqlite"
    open_database(str(path)).close()  # created (through Alembic) in this process
    code = (
        "import sys; from mapper.persistence.database import open_database; "
        f"db = open_database({str(path)!r}); db.close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
