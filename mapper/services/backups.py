"""Backups of the landscape database (sikkerhedskopier): make, rotate and restore them.

A SQLite database is copied through SQLite's backup API (consistent while the application
writes it) into a ``backups/`` folder beside the file, as ``<stem>-YYYYmmdd-HHMMSS.sqlite``
(UTC), or to a file named by the user. A PostgreSQL database is dumped with the client tools
(``pg_dump --format=custom``, restored with ``pg_restore --clean``) when they are installed;
its folder is the one beside the default database file.

Restoring keeps the database it replaces (``<name>.replaced-YYYYmmdd-HHMMSS`` beside a SQLite
file, a dump in the backups folder for PostgreSQL) and replaces it in one step, after a check
that the source is a landscape database of a schema this release knows.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import secrets
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as _field
from pathlib import Path
from types import MappingProxyType
from typing import ClassVar, Final

from sqlalchemy.engine import make_url

from mapper.domain.errors import DatabaseError, MapperError
from mapper.persistence import copies
from mapper.persistence.database import (
    Database,
    busy_timeout,
    default_database_path,
    head_revision,
    known_revisions,
    lock_holder,
    make_engine,
    resolve_url,
    sqlite_file,
    storage_error,
)
from mapper.persistence.repositories import problems as problem_rows
from mapper.persistence.repositories.actors import ActorRepository

log = logging.getLogger(__name__)

FOLDER_NAME = "backups"
"""The backups folder's name, beside the database file."""
DEFAULT_KEEP = 7
"""How many automatic backups are kept (a week of daily ones)."""
DEFAULT_INTERVAL = dt.timedelta(hours=24)
"""At most one automatic backup per this interval: the first start of each day makes one."""
STAMP_FORMAT = "%Y%m%d-%H%M%S"
INSTALL_HINT = "apt-get install postgresql-client"

BACKUP_FAILURES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "target_exists": (),  # the target file exists and overwriting was not asked for
        "no_client_tools": ("tool", "install"),  # pg_dump/pg_restore are not on PATH
        "tool_failed": ("tool", "output"),  # pg_dump/pg_restore ended with an error
        "not_a_landscape": (),  # a database (or dump) without this application's schema
        "no_database": (),  # there is no database file to back up
        "older_schema_on_server": ("found", "current"),  # restore onto a server of another schema
        "bad_keep": ("keep",),  # keep must be at least 1
    }
)
"""Every ``failure`` of a BackupError, with the names of its ``failure_params``."""


@dataclass
class BackupError(MapperError):
    """A backup could not be made or restored; what existed is as it was."""

    code: ClassVar[str] = "backup"

    path: str
    """The file (or database) concerned."""
    reason: str
    """Why, in English, for logs; the interfaces render ``failure`` instead."""
    failure: str = _field(default="tool_failed", kw_only=True)
    """What went wrong, one of BACKUP_FAILURES."""
    failure_params: Mapping[str, object] = _field(default_factory=dict, kw_only=True)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class StartBackup:
    """What the automatic backup at start did: made one (and removed old ones), skipped it
    (``skipped``: "not_sqlite", "no_file", "empty", "recent"), or failed (``error``)."""

    made: Path | None = None
    removed: tuple[Path, ...] = ()
    skipped: str | None = None
    error: MapperError | None = None


@dataclass(frozen=True)
class RestoreResult:
    """A restore: whether it was done (False: the user said no), the source's schema revision
    and where the database it replaced was kept (None when there was none)."""

    restored: bool
    revision: str
    replaced: Path | None = None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class BackupService:
    """Backups of one database, given as an open Database or as its URL or file path (a
    database that cannot be opened any more can still be restored)."""

    def __init__(self, database: Database | str, *, folder: Path | None = None) -> None:
        self.database = database if isinstance(database, Database) else None
        self.url = database.url if isinstance(database, Database) else resolve_url(database)
        self.path = sqlite_file(self.url)
        sa_url = make_url(self.url)
        self.is_postgresql = sa_url.get_backend_name() == "postgresql"
        self.stem = self.path.stem if self.path is not None else (sa_url.database or "landscape")
        self.suffix = ".sqlite" if self.path is not None else ".dump"
        base = self.path.parent if self.path is not None else default_database_path().parent
        self.folder = folder if folder is not None else base / FOLDER_NAME
        self.display = sa_url.render_as_string(hide_password=True)

    # ----------------------------------------------------------------- naming

    def _pattern(self) -> re.Pattern[str]:
        return re.compile(
            rf"{re.escape(self.stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(self.suffix)}"
        )

    def automatic_backups(self) -> list[Path]:
        """The backups this service names in the folder, oldest first."""
        if not self.folder.is_dir():
            return []
        pattern = self._pattern()
        found = [p for p in self.folder.iterdir() if p.is_file() and pattern.fullmatch(p.name)]
        return sorted(found, key=self._order)

    def _order(self, path: Path) -> tuple[dt.datetime, int]:
        match = self._pattern().fullmatch(path.name)
        assert match is not None
        return self._stamp(path), int(match.group(2) or 1)

    def _stamp(self, path: Path) -> dt.datetime:
        match = self._pattern().fullmatch(path.name)
        assert match is not None
        return dt.datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=dt.UTC)

    def _free_name(self) -> Path:
        stamp = _now().strftime(STAMP_FORMAT)
        candidate = self.folder / f"{self.stem}-{stamp}{self.suffix}"
        n = 1
        while candidate.exists():
            n += 1
            candidate = self.folder / f"{self.stem}-{stamp}-{n}{self.suffix}"
        return candidate

    # ----------------------------------------------------------------- backup

    def backup(self, target: Path | None = None, *, overwrite: bool = False) -> Path:
        """Copy the database to ``target``, or to a new timestamped file in the folder.

        Refuses an existing ``target`` unless ``overwrite``; the file appears only when the
        copy is complete (written beside it, then moved into place)."""
        if target is None:
            _make_folder(self.folder)
            target = self._free_name()
        target = Path(target).expanduser()
        if target.exists() and not overwrite:
            raise BackupError(
                str(target), "the file exists; it was not overwritten", failure="target_exists"
            )
        if target.is_dir():
            raise BackupError(str(target), "it is a folder", failure="target_exists")
        partial = target.with_name(f".{target.name}.{secrets.token_hex(6)}.partial")
        try:
            if self.path is not None:
                if not self.path.exists():
                    raise BackupError(
                        str(self.path), "there is no database file", failure="no_database"
                    )
                try:
                    copies.copy_database(self.path, partial, timeout=busy_timeout())
                except DatabaseError as exc:
                    if exc.cause != "backup_failed":
                        raise
                    raise DatabaseError(  # named as the user named it, not its .partial
                        str(self.path),
                        f"the copy {target} could not be written ({exc.__cause__})",
                        cause="backup_failed",
                        cause_params={"backup": str(target)},
                    ) from exc
            elif self.is_postgresql:
                _run_tool("pg_dump", ["--format=custom", f"--file={partial}"], self.url)
            else:
                raise BackupError(
                    self.display,
                    "only SQLite files and PostgreSQL databases can be backed up",
                    failure="no_database",
                )
            _move_into_place(partial, target, overwrite=overwrite)
        finally:
            partial.unlink(missing_ok=True)
        return target

    def rotate(self, keep: int) -> tuple[Path, ...]:
        """Delete all but the newest ``keep`` backups this service named in the folder; files
        of other names are never touched. Returns the deleted files."""
        if keep < 1:
            raise BackupError(
                str(self.folder),
                f"keep must be at least 1 (got {keep})",
                failure="bad_keep",
                failure_params={"keep": keep},
            )
        old = self.automatic_backups()[:-keep]
        removed = []
        for path in old:
            try:
                path.unlink()
                removed.append(path)
            except OSError as exc:  # one that cannot go stays; the others still go
                log.warning("could not delete the old backup %s: %s", path, exc)
        return tuple(removed)

    def automatic_backup_on_start(
        self, keep: int = DEFAULT_KEEP, interval: dt.timedelta = DEFAULT_INTERVAL
    ) -> StartBackup:
        """The backup made when the window opens a SQLite database: at most one per
        ``interval``, none of an empty landscape, then the newest ``keep`` are kept.

        Never raises: a failure is logged and returned in ``error`` (start goes on)."""
        try:
            if self.path is None:
                return StartBackup(skipped="not_sqlite")
            if not self.path.is_file():
                return StartBackup(skipped="no_file")
            if self.database is not None and self._is_empty(self.database):
                return StartBackup(skipped="empty")
            existing = self.automatic_backups()
            if existing and _now() - self._stamp(existing[-1]) < interval:
                return StartBackup(skipped="recent")
            made = self.backup()
            return StartBackup(made=made, removed=self.rotate(keep))
        except MapperError as exc:
            log.warning("automatic backup of %s failed: %s", self.display, exc)
            return StartBackup(error=exc)
        except OSError as exc:
            log.warning("automatic backup of %s failed: %s", self.display, exc)
            return StartBackup(error=BackupError(str(self.folder), str(exc), failure="tool_failed"))

    @staticmethod
    def _is_empty(database: Database) -> bool:
        with database.unit_of_work() as session:
            return ActorRepository(session).count() == 0 and problem_rows.count_live(session) == 0

    # ----------------------------------------------------------------- restore

    def restore(self, source: Path, *, confirm: Callable[[str], bool]) -> RestoreResult:
        """Replace the database with the backup ``source`` once ``confirm(question)`` says
        yes; ``confirm`` is called with the name of the database to be replaced, only after
        ``source`` was checked.

        A SQLite ``source`` must be a landscape database whose schema this release knows
        (an older one is upgraded at the next opening); the current file is kept as
        ``<name>.replaced-<time>`` beside it and then replaced in one transaction."""
        source = Path(source).expanduser()
        if self.is_postgresql:
            return self._restore_postgresql(source, confirm)
        if self.path is None:
            raise BackupError(
                self.display,
                "only SQLite files and PostgreSQL databases can be restored",
                failure="no_database",
            )
        revision = self._check_sqlite_source(source)
        if not confirm(str(self.path)):
            return RestoreResult(False, revision)
        timeout = busy_timeout()
        replaced: Path | None = None
        current_is_db = self.path.is_file() and copies.is_sqlite_file(self.path)
        if current_is_db:
            holder = lock_holder(self.path)
            if holder is not None:
                raise DatabaseError(
                    self.display,
                    f"it is in use by {holder}; close it there and try again. Nothing was changed",
                    cause="locked",
                    cause_params={"holder": holder},
                )
            replaced = self._replaced_name(self.path)
            copies.copy_database(self.path, replaced, timeout=timeout)
            copies.copy_into(source, self.path, timeout=timeout)
            return RestoreResult(True, revision, replaced)
        # No database yet, or a file that is not one (damaged): kept as it is, then replaced.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.name}.partial")
        partial.unlink(missing_ok=True)
        try:
            copies.copy_database(source, partial, timeout=timeout)
            if self.path.exists():
                replaced = self._replaced_name(self.path)
                shutil.copy2(self.path, replaced)
            for suffix in ("-wal", "-shm", "-journal"):  # they belong to the file replaced
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            os.replace(partial, self.path)
        finally:
            partial.unlink(missing_ok=True)
        return RestoreResult(True, revision, replaced)

    @staticmethod
    def _replaced_name(path: Path) -> Path:
        stamp = _now().strftime(STAMP_FORMAT)
        candidate = path.with_name(f"{path.name}.replaced-{stamp}")
        n = 1
        while candidate.exists():
            n += 1
            candidate = path.with_name(f"{path.name}.replaced-{stamp}-{n}")
        return candidate

    def _check_sqlite_source(self, source: Path) -> str:
        state = copies.read_state(source, timeout=busy_timeout())
        if state.revision is None:
            raise BackupError(
                str(source),
                "it is a SQLite database but not a landscape database of this application",
                failure="not_a_landscape",
            )
        _refuse_newer(str(source), state.revision)
        return state.revision

    # ----------------------------------------------------------------- PostgreSQL

    def _restore_postgresql(self, source: Path, confirm: Callable[[str], bool]) -> RestoreResult:
        if not source.is_file():
            raise BackupError(str(source), "there is no such file", failure="no_database")
        try:
            listing = _run_tool("pg_restore", ["--list", str(source)], None)
        except BackupError as exc:
            if exc.failure != "tool_failed":
                raise
            raise BackupError(
                str(source),
                f"it is not a dump made by pg_dump --format=custom ({exc.reason})",
                failure="not_a_landscape",
            ) from exc
        if "TABLE public alembic_version" not in listing and " alembic_version " not in listing:
            raise BackupError(
                str(source),
                "it is a PostgreSQL dump but not of a landscape database",
                failure="not_a_landscape",
            )
        data = _run_tool(
            "pg_restore",
            ["--data-only", "--table=alembic_version", "--file=-", str(source)],
            None,
        )
        revision = _copied_revision(data)
        if revision is None:
            raise BackupError(
                str(source), "the dump records no schema revision", failure="not_a_landscape"
            )
        _refuse_newer(str(source), revision)
        current = self._server_revision()
        if current is not None and current != revision:
            raise BackupError(
                str(source),
                f"the dump has schema {revision} and the database {current}; restore it into "
                "a new, empty database instead",
                failure="older_schema_on_server",
                failure_params={"found": revision, "current": current},
            )
        if not confirm(self.display):
            return RestoreResult(False, revision)
        _make_folder(self.folder)
        stamp = _now().strftime(STAMP_FORMAT)
        replaced = self.backup(self.folder / f"{self.stem}.replaced-{stamp}.dump")
        _run_tool(
            "pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--single-transaction", str(source)],
            self.url,
        )
        return RestoreResult(True, revision, replaced)

    def _server_revision(self) -> str | None:
        from mapper.persistence.database import current_revision

        engine = make_engine(self.url, read_only=True)
        try:
            return current_revision(engine)
        except Exception as exc:
            fault = storage_error(self.url, exc)
            if fault is not None:
                raise fault from exc
            raise
        finally:
            engine.dispose()


# --------------------------------------------------------------------------- helpers


def _refuse_newer(source: str, revision: str) -> None:
    if revision not in known_revisions():
        supported = head_revision()
        raise DatabaseError(
            source,
            f"it was made by a newer release of the application (schema {revision}; this "
            f"release knows schemas up to {supported}); nothing was changed",
            cause="newer_schema",
            cause_params={"found": revision, "supported": supported},
        )


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            str(folder),
            f"cannot create the backups folder {folder}: {exc.strerror}",
            cause="cannot_create_folder",
            cause_params={"folder": str(folder)},
        ) from exc


def _move_into_place(partial: Path, target: Path, *, overwrite: bool) -> None:
    """Give the finished copy its name: never over a file that appeared meanwhile unless
    ``overwrite`` (a hard link fails on an existing name; rename replaces atomically)."""
    if overwrite:
        os.replace(partial, target)
        return
    try:
        os.link(partial, target)
    except FileExistsError as exc:
        raise BackupError(
            str(target), "the file exists; it was not overwritten", failure="target_exists"
        ) from exc
    except OSError:  # a file system without hard links
        if target.exists():
            raise BackupError(
                str(target), "the file exists; it was not overwritten", failure="target_exists"
            ) from None
        os.replace(partial, target)


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The libpq URI for the client tools (no password in it: that goes in PGPASSWORD, so
    it never shows in the process list) and the environment to run them with."""
    sa_url = make_url(url)
    env = dict(os.environ)
    if sa_url.password:
        env["PGPASSWORD"] = str(sa_url.password)
    plain = sa_url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run_tool(tool: str, arguments: list[str], url: str | None) -> str:
    """Run pg_dump/pg_restore (on ``url``'s database when given) and return its output."""
    program = shutil.which(tool)
    if program is None:
        raise BackupError(
            tool,
            f"the PostgreSQL client tools are not installed ({tool} was not found); install "
            f"them, e.g. '{INSTALL_HINT}'",
            failure="no_client_tools",
            failure_params={"tool": tool, "install": INSTALL_HINT},
        )
    command = [program, *arguments]
    env = None
    if url is not None:
        uri, env = _libpq(url)
        command.insert(1, f"--dbname={uri}")
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise BackupError(
            tool,
            f"{tool} failed: {output}",
            failure="tool_failed",
            failure_params={"tool": tool, "output": output},
        )
    return result.stdout


def _copied_revision(sql: str) -> str | None:
    """The revision in pg_restore's text of alembic_version's data (a COPY block)."""
    lines = sql.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line:
            value = lines[i + 1].strip() if i + 1 < len(lines) else ""
            return value if value and value != "\\." else None
    return None
