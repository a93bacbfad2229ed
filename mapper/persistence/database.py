"""Opening a landscape database: URL resolution, engine set-up and schema migration.

The default is one SQLite file in the user's data directory (WAL, foreign keys on); any
SQLAlchemy URL can be given through ``--db`` or ``MAPPER_DB``. The schema is created and upgraded
only through the Alembic migrations shipped in ``mapper.persistence.migrations``.

Opening an existing SQLite file: it is first looked at read-only (is it a SQLite file, which
schema revision, made by a newer release?) so that a file we refuse is never touched; a file
of an older revision is copied beside itself (``landscape.sqlite.bak-0003-20261201T155500``,
through the SQLite backup API so a WAL database is copied consistently) and then upgraded; a
file, folder or medium that cannot be written is opened read-only. Storage faults (locked,
read-only, disk full, not a database) become a DatabaseError with a ``cause`` at open and in
every unit of work.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mapper.domain.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

ENV_VAR = "MAPPER_DB"
APP_NAME = "volunteer-mapper"
BUSY_TIMEOUT_VAR = "MAPPER_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 5.0
"""Seconds to wait for another program's lock on a SQLite file before giving up."""
SQLITE_HEADER = b"SQLite format 3\x00"


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


def _read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def busy_timeout() -> float:
    """Seconds to wait for a lock: ``MAPPER_BUSY_TIMEOUT``, else DEFAULT_BUSY_TIMEOUT."""
    try:
        return max(0.0, float(os.environ.get(BUSY_TIMEOUT_VAR, DEFAULT_BUSY_TIMEOUT)))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for another back end or an in-memory database)."""
    sa_url = make_url(url)
    if sa_url.get_backend_name() != "sqlite" or not sa_url.database:
        return None
    if sa_url.database == ":memory:" or sa_url.database.startswith("file:"):
        return None
    return Path(sa_url.database)


def without_password(url: str) -> str:
    """The URL to remember or show: never its password (PGPASSWORD or ~/.pgpass give it
    later, as to every PostgreSQL client). A file path stays as it is."""
    if "://" not in url:
        return url
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)


def short_name(url: str) -> str:
    """A database's name for a status line: 'landskab @ server' (a file's name for SQLite)."""
    path = sqlite_file(url) if "://" in url else Path(url)
    if path is not None:
        return path.name
    parsed = make_url(url)
    return f"{parsed.database or ''} @ {parsed.host or 'localhost'}"


def server_url(text: str, password: str | None = None) -> str | None:
    """The SQLAlchemy URL written as ``text`` (with ``password`` put in when given), or None
    when it is not one."""
    try:
        url = make_url(text.strip())
    except ArgumentError:
        return None
    if password:
        url = url._replace(password=password)
    return url.render_as_string(hide_password=False)


def _read_only_connection(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that cannot write; ``immutable`` where even the -shm file of a WAL
    database cannot be made (a read-only folder or medium)."""
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=timeout)


def make_engine(url: str, *, read_only: bool = False, timeout: float | None = None) -> Engine:
    sa_url = make_url(url)
    wait = busy_timeout() if timeout is None else timeout
    if sa_url.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if read_only and path is not None:
            engine = create_engine("sqlite://", creator=lambda: _read_only_connection(path, wait))
            event.listen(engine, "connect", _read_only_pragmas)
            return engine
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    url,
                    f"cannot create folder {path.parent}: {exc}",
                    cause="cannot_create_folder",
                    cause_params={"folder": str(path.parent)},
                ) from exc
        engine = create_engine(url, connect_args={"timeout": wait})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(
            url, f"no driver for this kind of database ({exc})", cause="no_driver"
        ) from exc
    if sa_url.get_backend_name() == "postgresql":
        event.listen(engine, "connect", _postgresql_settings(wait, read_only=read_only))
    return engine


def _postgresql_settings(wait: float, *, read_only: bool) -> Callable[[Any, Any], None]:
    """Per new connection: wait at most ``wait`` seconds for another session's lock (then
    error 55P03, named "locked"; the server's default is to wait for ever), and refuse writes
    when opened read-only. Committed at once, so a later rollback does not undo them."""
    milliseconds = max(1, round(wait * 1000))  # 0 would mean "wait for ever"

    def apply(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"SET lock_timeout = {milliseconds}")
        if read_only:
            cursor.execute("SET default_transaction_read_only = on")
        cursor.close()
        dbapi_connection.commit()

    return apply


def _alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("mapper.persistence").joinpath("migrations"))
    )
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    return known_revisions()[-1]


def known_revisions() -> tuple[str, ...]:
    """Every schema revision this code knows, oldest first: the migration scripts shipped,
    whose file names begin with their revision ('0007_registers.py' is '0007', one linear
    chain; tests hold this to Alembic's own reading of them). Read without loading Alembic,
    which opening a current database does not need."""
    folder = resources.files("mapper.persistence").joinpath("migrations", "versions")
    names = sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name.endswith(".py") and entry.name[:4].isdigit()
    )
    return tuple(name.split("_", 1)[0] for name in names)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return stored_revision(connection)


def stored_revision(connection: Connection) -> str | None:
    """The schema revision the database records (Alembic's version table), None if none."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return str(rows[0][0]) if len(rows) == 1 else None


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
    if "alembic_version" in tables:
        found = current_revision(engine)
        _refuse_unknown(engine.url.render_as_string(hide_password=True), found)
        if found == (head_revision() if revision == "head" else revision):
            return  # current already: Alembic need not even load
    from alembic import command

    command.upgrade(_alembic_config(engine), revision)


def _refuse_unknown(display: str, found: str | None) -> None:
    """A revision this code does not know comes from a newer release: refuse it."""
    if found is not None and found not in known_revisions():
        supported = head_revision()
        raise DatabaseError(
            display,
            f"it was made by a newer release of the application (schema {found}; this "
            f"release knows schemas up to {supported}); update the application to open it. "
            "The database was not changed",
            cause="newer_schema",
            cause_params={"found": found, "supported": supported},
        )


@dataclass
class Database:
    """An open landscape database: the engine and the factory of units of work."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    read_only: bool = False
    """Opened for reading only (the file, its folder or the medium cannot be written)."""
    backup: Path | None = None
    """The copy made beside the file before it was upgraded at this opening, if any."""

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.url.get_backend_name() == "sqlite"

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        A storage fault (locked, read-only, disk full …) becomes a DatabaseError naming it."""
        try:
            with self.sessions() as session, session.begin():
                yield session
        except DBAPIError as exc:
            error = storage_error(self.url, exc, read_only=self.read_only)
            if error is None:
                raise
            if error.cause == "locked" and self.engine.url.get_backend_name() == "postgresql":
                holder = postgresql_lock_holder(self.engine)
                if holder is not None:
                    error = storage_error(self.url, exc, read_only=self.read_only, holder=holder)
                    assert error is not None
            raise error from exc

    def close(self) -> None:
        self.engine.dispose()


# --------------------------------------------------------------------------- storage faults


def storage_error(
    url: str, exc: BaseException, *, read_only: bool = False, holder: str | None = None
) -> DatabaseError | None:
    """The DatabaseError for a driver error that is a storage fault, else None; ``holder``
    names who holds a lock on a server database (a SQLite file's is looked up here)."""
    orig = getattr(exc, "orig", exc)
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    state = str(getattr(orig, "sqlstate", "") or "")
    display = make_url(url).render_as_string(hide_password=True) if "://" in url else url
    path = sqlite_file(url) if "://" in url else None
    words = str(orig)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or state == "55P03":
        if path is not None:
            holder = lock_holder(path)
        who = holder or "another program"
        return DatabaseError(
            display,
            f"it is in use by {who} (waited {busy_timeout():g} s); try again when it is done",
            cause="locked",
            cause_params={"holder": holder},
        )
    if (
        name.startswith("SQLITE_READONLY")
        or state == "25006"
        or (read_only and "readonly" in words)
    ):
        return DatabaseError(
            display,
            "it is read-only (the file, its folder or the drive cannot be written); "
            "nothing was saved",
            cause="read_only",
        )
    if name.startswith("SQLITE_FULL") or state == "53100":
        return DatabaseError(
            display,
            "the disk is full; nothing was saved and what was saved before is intact",
            cause="disk_full",
        )
    if name.startswith("SQLITE_NOTADB"):
        return DatabaseError(
            display, "it is not a database (not a SQLite file)", cause="not_a_database"
        )
    return None


def lock_holder(path: Path) -> str | None:
    """Who holds a lock on the SQLite file (or its -wal/-shm), as "name (pid N)", when the
    system says (Linux: /proc/locks); None when unknown or only this process holds one."""
    inodes = set()
    for suffix in ("", "-wal", "-shm"):
        try:
            info = os.stat(f"{path}{suffix}")
        except OSError:
            continue
        inodes.add((os.major(info.st_dev), os.minor(info.st_dev), info.st_ino))
    try:
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        if "->" in fields:  # a waiter, not a holder
            continue
        try:
            pid = int(fields[4])
            major, minor, inode = fields[5].split(":")
            key = (int(major, 16), int(minor, 16), int(inode))
        except (IndexError, ValueError):
            continue
        if key in inodes and pid != os.getpid():
            try:
                name = Path(f"/proc/{pid}/comm").read_text().strip()
            except OSError:
                name = "another program"
            return f"{name} (pid {pid})"
    return None


_PG_LOCK_HOLDER = text(
    """
    SELECT a.pid, a.usename, a.application_name, host(a.client_addr) AS client
    FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid
    WHERE l.granted AND l.locktype = 'relation' AND l.mode <> 'AccessShareLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    ORDER BY a.xact_start NULLS LAST
    LIMIT 1
    """
)


def postgresql_lock_holder(engine: Engine) -> str | None:
    """Who most likely holds the lock we waited for on a PostgreSQL database: of the other
    sessions holding a write or row lock on a table of it, the one with the oldest open
    transaction, as "user@client (application, pid N)"; None when none or unknown."""
    try:
        with engine.connect() as connection:
            row = connection.execute(_PG_LOCK_HOLDER).first()
    except DBAPIError:
        return None
    if row is None:
        return None
    who = f"{row.usename}@{row.client}" if row.client else str(row.usename)
    program = f"{row.application_name}, " if row.application_name else ""
    return f"{who} ({program}pid {row.pid})"


@dataclass(frozen=True)
class SqliteFileState:
    """What a SQLite file is, seen read-only: its schema revision (None without Alembic's
    table) and whether it holds any table at all."""

    revision: str | None
    has_tables: bool


def read_schema(conn: sqlite3.Connection) -> SqliteFileState:
    """The revision and whether there are tables, read on an open (read-only) connection."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    revision = None
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(row[0]) if row else None
    return SqliteFileState(revision, bool(tables))


def _probe(path: Path, url: str, timeout: float) -> SqliteFileState:
    """Look at an existing SQLite file without changing it."""
    try:
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_HEADER))
    except IsADirectoryError as exc:
        raise DatabaseError(url, "it is a folder", cause="not_a_database") from exc
    except OSError as exc:
        raise DatabaseError(
            url, f"it cannot be read ({exc.strerror})", cause="unreachable"
        ) from exc
    if not header:
        return SqliteFileState(None, False)  # an empty file is a new database
    if header != SQLITE_HEADER:
        raise DatabaseError(url, "it is not a database (not a SQLite file)", cause="not_a_database")
    try:
        conn = _read_only_connection(path, timeout)
        try:
            return read_schema(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise storage_error(url, exc) or DatabaseError(url, str(exc), cause="unreachable") from exc


def _writable(path: Path) -> bool:
    """Whether the file and its folder (for the -wal, -shm and journal files) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def backup_path(path: Path, revision: str) -> Path:
    """A free name beside ``path`` for its copy before the upgrade from ``revision``."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.bak-{revision}-{stamp}-{n}")
    return candidate


def backup_sqlite(path: Path, revision: str, url: str, timeout: float) -> Path:
    """Copy the database beside itself through the SQLite backup API (consistent also for a
    WAL database another program is using); the copy is a self-contained file."""
    target = backup_path(path, revision)
    try:
        source = _read_only_connection(path, timeout)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        finally:
            source.close()
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        fault = storage_error(url, exc) if isinstance(exc, sqlite3.Error) else None
        if fault is not None and fault.cause == "locked":
            raise fault from exc
        raise DatabaseError(
            url,
            f"the copy {target} made before upgrading could not be written ({exc}); nothing "
            "was changed",
            cause="backup_failed",
            cause_params={"backup": str(target)},
        ) from exc
    return target


def open_database(
    db: str | None = None,
    *,
    migrate: bool = True,
    read_only: bool = False,
    upgrade_shared: bool = False,
) -> Database:
    """Open (and by default create or upgrade) the landscape database named by ``db``.

    An existing SQLite file of an older schema is copied beside itself before the upgrade
    (``Database.backup``); one that cannot be written, or any with ``read_only``, is opened
    for reading only (``Database.read_only``) and must already have the newest schema.

    A database on a shared server (PostgreSQL) is created when empty, but one of an older
    schema is upgraded only with ``upgrade_shared`` (``mapper init --upgrade``, a deliberate
    step taken after a backup while nobody is editing); otherwise DatabaseError
    "upgrade_needed" names both versions and the command."""
    url = resolve_url(db)
    path = sqlite_file(url)
    display = make_url(url).render_as_string(hide_password=True)
    timeout = busy_timeout()
    backup: Path | None = None
    if path is not None and path.exists():
        state = _probe(path, display, timeout)
        _refuse_unknown(display, state.revision)
        read_only = read_only or not _writable(path)
        head = head_revision()
        if read_only and state.revision != head and (state.has_tables or migrate):
            raise DatabaseError(
                display,
                f"it is read-only and has the older schema {state.revision}; it must be "
                f"upgraded to {head} before it can be opened. Make it writable and try again",
                cause="read_only_old",
                cause_params={"found": state.revision, "supported": head},
            )
        if migrate and not read_only and state.revision not in (None, head):
            backup = backup_sqlite(path, state.revision or "none", display, timeout)
    elif read_only and path is not None:
        raise DatabaseError(display, "it does not exist", cause="unreachable")
    engine = make_engine(url, read_only=read_only, timeout=timeout)
    try:
        if migrate and not read_only and path is None and not upgrade_shared:
            found = current_revision(engine)
            _refuse_unknown(display, found)
            if found is not None and found != head_revision():
                raise DatabaseError(
                    display,
                    f"the shared database has the older schema {found}; this release needs "
                    f"{head_revision()}. Upgrade it on purpose, after a backup and while nobody "
                    "is editing: mapper --db URL init --upgrade",
                    cause="upgrade_needed",
                    cause_params={"found": found, "supported": head_revision()},
                )
        if migrate and not read_only:
            upgrade(engine)
        else:
            _refuse_unknown(display, current_revision(engine))
    except DBAPIError as exc:
        engine.dispose()
        fault = storage_error(url, exc, read_only=read_only)
        if fault is not None:
            raise fault from exc
        if not isinstance(exc, OperationalError):
            raise
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        raise DatabaseError(display, reason, cause="unreachable") from exc
    except DatabaseError:
        engine.dispose()
        raise
    if path is None and engine.url.get_backend_name() == "postgresql" and not read_only:
        # A role or database set to default_transaction_read_only: reading works, saving not.
        with engine.connect() as connection:
            read_only = connection.execute(text("SHOW transaction_read_only")).scalar() == "on"
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False), read_only, backup)
