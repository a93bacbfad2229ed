"""`mapper backup [FILE]` and `mapper restore FILE`: backups of the landscape database.

Messages are Danish. ``restore`` asks "Erstat … ? [j/N]" on a terminal; without one it needs
``--yes`` and otherwise refuses (exit 2) before anything is changed. The service
(``mapper.services.backups``) is imported by the command that runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from mapper.domain.errors import DatabaseError, MapperError

if TYPE_CHECKING:
    from mapper.services.backups import BackupError, BackupService

EXIT_OK, EXIT_BAD_INPUT = 0, 2
YES = ("j", "ja", "y", "yes")


class _NoTerminal(Exception):
    """Restore needs a yes, and there is no terminal to ask on."""


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser(
        "backup",
        help="copy the database to FILE, or to the backups folder beside it (rotated)",
    )
    backup.add_argument(
        "file", nargs="?", metavar="FILE", help="the copy (default: backups/<name>-<time>.sqlite)"
    )
    backup.add_argument(
        "--keep",
        type=int,
        metavar="N",
        help="without FILE: keep only the newest N backups in the folder",
    )
    backup.add_argument("--folder", metavar="DIR", help="the backups folder (default: backups/)")
    backup.add_argument("--overwrite", action="store_true", help="replace an existing FILE")

    restore = sub.add_parser(
        "restore", help="replace the database with a backup (the replaced one is kept)"
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask before replacing")


def _service(args: argparse.Namespace, folder: str | None = None) -> BackupService:
    from mapper.persistence.database import resolve_url
    from mapper.services.backups import BackupService

    return BackupService(resolve_url(args.db), folder=Path(folder) if folder else None)


def cmd_backup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.keep is not None and args.file:
        return _bad("--keep gælder kun sikkerhedskopier i mappen, ikke en navngiven FIL", err)
    if args.keep is not None and args.keep < 1:
        return _bad("--keep skal være mindst 1", err)
    service = _service(args, args.folder)
    try:
        made = service.backup(Path(args.file) if args.file else None, overwrite=args.overwrite)
        removed = service.rotate(args.keep) if args.keep is not None else ()
    except MapperError as exc:
        return _bad(describe(exc), err)
    except OSError as exc:
        return _bad(f"kan ikke skrive {exc.filename or service.folder}: {exc.strerror}", err)
    print(made, file=out)
    print(f"Sikkerhedskopi gemt: {made}", file=err)
    if removed:
        print(
            f"{len(removed)} ældre sikkerhedskopi{'er' if len(removed) != 1 else ''} slettet "
            f"(de nyeste {args.keep} er beholdt)",
            file=err,
        )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import head_revision

    service = _service(args)
    source = Path(args.file)
    try:
        result = service.restore(source, confirm=_confirm(args.yes, source, err))
    except _NoTerminal:
        return _bad(
            f"restore: {source} vil erstatte databasen; bekræft med --yes, når der ikke er en "
            "terminal at spørge i. Intet blev ændret",
            err,
        )
    except MapperError as exc:
        return _bad(describe(exc), err)
    except OSError as exc:
        return _bad(f"kan ikke bruge {exc.filename}: {exc.strerror}; intet blev ændret", err)
    if not result.restored:
        print("Gendannelse afbrudt; intet blev ændret", file=err)
        return EXIT_OK
    print(f"Databasen er gendannet fra {source}", file=err)
    if result.replaced is not None:
        print(f"Den tidligere database er gemt som {result.replaced}", file=err)
    if result.revision != head_revision():
        print(
            f"Kopien har skemaversion {result.revision}; den opgraderes til {head_revision()}, "
            "næste gang databasen åbnes",
            file=err,
        )
    return EXIT_OK


def _confirm(yes: bool, source: Path, err: TextIO) -> Callable[[str], bool]:
    def ask(target: str) -> bool:
        if yes:
            return True
        stdin = sys.stdin
        if stdin is None or not stdin.isatty():
            raise _NoTerminal
        print(f"Erstat {target} med {source}? [j/N] ", end="", file=err, flush=True)
        answer = stdin.readline().strip().lower()
        return answer in YES

    return ask


def _bad(message: str, err: TextIO) -> int:
    print(f"mapper: {message}", file=err)
    return EXIT_BAD_INPUT


# --------------------------------------------------------------------------- Danish text


def describe(error: MapperError) -> str:
    """A backup or database error as a Danish sentence naming the file."""
    from mapper.services.backups import BackupError

    if isinstance(error, BackupError):
        return _backup_text(error)
    if isinstance(error, DatabaseError):
        return _database_text(error)
    return str(error)


def _backup_text(error: BackupError) -> str:
    params: Mapping[str, object] = error.failure_params
    texts = {
        "target_exists": f"{error.path} findes allerede og blev ikke overskrevet "
        "(brug --overwrite for at erstatte den)",
        "no_client_tools": (
            f"PostgreSQL' klientværktøjer er ikke installeret ({params.get('tool')} findes "
            f"ikke); installér dem, f.eks. med '{params.get('install')}'"
        ),
        "tool_failed": f"{params.get('tool', error.path)} fejlede: {params.get('output', '')}",
        "not_a_landscape": f"{error.path} er ikke en database fra Frivillighedskortet; "
        "intet blev ændret",
        "no_database": f"der er ingen database her: {error.path}",
        "older_schema_on_server": (
            f"{error.path} har skemaversion {params.get('found')}, men databasen har "
            f"{params.get('current')}; gendan den i en ny, tom database. Intet blev ændret"
        ),
        "bad_keep": "--keep skal være mindst 1",
    }
    return texts.get(error.failure, str(error))


def _database_text(error: DatabaseError) -> str:
    params = error.cause_params
    texts = {
        "not_a_database": f"{error.url} er ikke en database (ikke en SQLite-fil); "
        "intet blev ændret",
        "newer_schema": (
            f"{error.url} er lavet af en nyere udgave af programmet (skemaversion "
            f"{params.get('found')}; denne udgave kender op til {params.get('supported')}); "
            "intet blev ændret"
        ),
        "locked": (
            f"{error.url} er i brug af {params.get('holder') or 'et andet program'}; "
            "luk den dér og prøv igen. Intet blev ændret"
        ),
        "unreachable": f"{error.url} findes ikke eller kan ikke læses",
        "cannot_create_folder": f"mappen {params.get('folder')} kan ikke oprettes",
        "backup_failed": f"kopien {params.get('backup')} kunne ikke skrives; intet blev ændret",
        "disk_full": f"disken er fuld ({error.url}); intet blev ændret",
        "read_only": f"{error.url} kan ikke skrives (skrivebeskyttet); intet blev ændret",
    }
    return texts.get(error.cause, str(error))


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
}
