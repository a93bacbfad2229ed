"""The ``mapper`` command line: a thin layer over the services, like the desktop UI.

Exit codes: 0 ok, 2 bad input (unknown id, invalid document, bad arguments), 3 conflict (the
record changed since the version given), 1 unexpected.
Messages go to stderr; user errors never print a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from mapper.domain.errors import (
    DatabaseError,
    GeoImportError,
    MapperError,
    NotFoundError,
    NothingToMatchError,
    OutputFileError,
    ValidationError,
)
from ui import (
    cli_backup,
    cli_dedupe,
    cli_edit,
    cli_exports,
    cli_geo,
    cli_history,
    cli_import,
    cli_maps,
    cli_matching,
    cli_privacy,
    cli_report,
    cli_stats,
    cli_sync,
)
from ui.logs import FILE_ONLY, configure_logging

if TYPE_CHECKING:  # SQLAlchemy, the services and the validators load when a command runs,
    # so that `mapper --help` and a mistyped command answer at once (tests/ui/test_startup.py)
    from mapper.persistence.database import Database
    from mapper.services.landscape import ImportReport, LandscapeService

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT = 0, 1, 2
log = logging.getLogger("mapper.cli")


class UsageError(Exception):
    """Bad command-line use (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exits with 2 too; one path
        raise UsageError(f"{self.prog}: {message}")


def build_parser(prog: str = "mapper") -> argparse.ArgumentParser:
    """The command line; ``prog`` is the name it goes by (the installed application's
    ``frivillighedskortet`` is the same command line)."""
    parser = _Parser(
        prog=prog,
        description=(
            "Map a municipality's volunteer landscape and match partners to social problems."
        ),
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="log everything (down to debug messages) to stderr as well as to the log file",
    )
    parser.add_argument(
        "--db",
        metavar="URL_OR_PATH",
        help=(
            "database: a SQLite file path or any SQLAlchemy URL "
            "(default: $MAPPER_DB, else landscape.sqlite in the user data folder)"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    init = sub.add_parser("init", help="create or upgrade the database")
    init.add_argument(
        "--upgrade",
        action="store_true",
        help="upgrade a shared server's database (PostgreSQL) to this release's schema: "
        "asks first; take a backup and make sure nobody is editing",
    )
    init.add_argument("--yes", action="store_true", help="upgrade without asking")
    demo = sub.add_parser("demo", help="load the demo landscape (idempotent)")
    demo.add_argument(
        "--if-empty", action="store_true", help="only when the database holds no actors yet"
    )

    imp = sub.add_parser(
        "import", help="import a landscape document, an HSDS hsds.json or a register (CSV, XLSX)"
    )
    cli_import.add_arguments(imp)

    exp = sub.add_parser("export", help="export data")
    exp_sub = exp.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser, required=True)
    exp_land = exp_sub.add_parser(
        "landscape", help="the whole landscape as an interchange document"
    )
    exp_land.add_argument("file", help="output file ('-' for standard output)")
    exp_land.add_argument(
        "--with-personal-data",
        action="store_true",
        help=(
            "include individual volunteers and contact persons (personal data: the export is "
            "logged); default: left out"
        ),
    )
    cli_maps.add_export_commands(exp_sub, _Parser)
    cli_exports.add_export_commands(exp_sub, _Parser)

    actors = sub.add_parser("actors", help="list actors")
    actors.add_argument("--json", action="store_true", help="JSON instead of a table")
    actors.add_argument("--kind", help="only this actor kind (code)")
    actors.add_argument("--target-group", help="only actors working with this target group")
    actors.add_argument(
        "--municipality",
        type=cli_geo.municipality_code_arg,
        help="only this municipality code, e.g. 0561 (561 is the same)",
    )

    problems = sub.add_parser("problems", help="list problem statements")
    problems.add_argument("--json", action="store_true", help="JSON instead of a table")
    problems.add_argument("--status", help="only this status")

    show = sub.add_parser("show", help="show one record as JSON (interchange form)")
    show.add_argument("what", choices=["actor", "problem"])
    show.add_argument("id", help="the record's interchange id")
    cli_edit.add_meta_option(show)
    cli_edit.add_commands(sub, _Parser)

    cli_matching.add_commands(sub, _Parser)
    cli_geo.add_commands(sub, _Parser)
    cli_dedupe.add_commands(sub, _Parser)
    cli_history.add_commands(sub, _Parser)
    cli_backup.add_commands(sub, _Parser)
    cli_privacy.add_commands(sub, _Parser)
    cli_sync.add_commands(sub, _Parser)
    cli_stats.add_commands(sub, _Parser)
    cli_report.add_commands(sub, _Parser)

    gui = sub.add_parser("gui", help="open the desktop application")
    gui.add_argument(
        "--demo-if-empty",
        action="store_true",
        help="load the demo landscape first when the database is empty",
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    prog: str = "mapper",
) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    args, log_file = None, None
    try:
        args = build_parser(prog).parse_args(argv)
        if args.command is None:
            build_parser(prog).print_help(out)
            return EXIT_OK
        log_file = configure_logging(args.verbose, level=logging.WARNING)
        log.debug("%s %s", prog, args.command)
        return COMMANDS[args.command](args, out, err)
    except UsageError as exc:
        print(exc, file=err)
        return EXIT_BAD_INPUT
    except (ValidationError, NotFoundError, NothingToMatchError, GeoImportError) as exc:
        print(f"{prog}: {exc}", file=err)
        return EXIT_BAD_INPUT
    except (cli_matching.WeightError, cli_maps.ScopeError) as exc:
        print(f"{prog}: {exc}", file=err)
        return EXIT_BAD_INPUT
    except (DatabaseError, OutputFileError) as exc:  # storage faults name the file
        print(f"{prog}: {exc}", file=err)
        return EXIT_BAD_INPUT
    except MapperError as exc:
        print(f"{prog}: {exc}", file=err)
        return EXIT_UNEXPECTED
    except FileNotFoundError as exc:
        print(f"{prog}: no such file: {exc.filename}", file=err)
        return EXIT_BAD_INPUT
    except (IsADirectoryError, PermissionError) as exc:
        print(f"{prog}: cannot use {exc.filename}: {exc.strerror}", file=err)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (`mapper actors | head`): not an error. Silence the final flush.
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=err)
        return 130
    except Exception as exc:  # a bug: the traceback to the log, one line here
        command = getattr(args, "command", None)
        log.error(
            "unexpected error in %s %s", prog, command, exc_info=True, extra={FILE_ONLY: True}
        )
        if log_file is None:
            traceback.print_exception(exc, file=err)
        first = (str(exc).strip().splitlines() or [""])[0]
        where = f"; the details are in {log_file}" if log_file else ""
        print(f"{prog}: unexpected error ({type(exc).__name__}: {first}){where}", file=err)
        return EXIT_UNEXPECTED


def _service(args: argparse.Namespace) -> tuple[Database, LandscapeService]:
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService

    database = open_database(args.db)
    return database, LandscapeService(database)


def _report_line(report: ImportReport) -> str:
    parts = []
    for name, counts in (
        ("actors", report.actors),
        ("problems", report.problems),
        ("partnerships", report.partnerships),
    ):
        parts.append(
            f"{name}: {counts.created} new, {counts.updated} updated, {counts.unchanged} unchanged"
        )
    return "; ".join(parts)


def cmd_init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database

    if args.upgrade and not args.yes:
        question = (
            "Opgradér den delte database til denne udgaves skema? Tag en sikkerhedskopi først "
            "(mapper backup), og sørg for, at ingen redigerer imens. [j/N] "
        )
        if not sys.stdin.isatty():
            print("mapper: --upgrade spørger først; brug --yes uden en terminal", file=err)
            return EXIT_BAD_INPUT
        err.write(question)
        err.flush()
        if sys.stdin.readline().strip().casefold() not in ("j", "ja", "y", "yes"):
            print("intet blev ændret", file=err)
            return EXIT_OK
    database = open_database(args.db, upgrade_shared=args.upgrade)
    print(f"database ready: {database.display_url}", file=err)
    if database.backup is not None:
        print(f"the database was upgraded; its earlier copy is {database.backup}", file=err)
    if database.read_only:
        print("the database is read-only: it can be read but changes cannot be saved", file=err)
    database.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    database, service = _service(args)
    try:
        if args.if_empty and service.counts().actors:
            print("demo not loaded: the database already holds actors", file=err)
            return EXIT_OK
        report = service.load_demo()
        print(
            f"demo landscape loaded into {database.display_url}: {_report_line(report)}", file=err
        )
    finally:
        database.close()
    return EXIT_OK


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if cli_import.is_register(args.file):
        return cli_import.cmd_import_register(args, out, err)
    if given := cli_import.register_options_given(args):
        raise UsageError(f"mapper import: {', '.join(given)}: only for registers (.csv, .xlsx)")
    database, service = _service(args)
    try:
        report = cli_import.import_document_file(service, args.file)
    finally:
        database.close()
    print(f"imported {args.file}: {_report_line(report)}", file=err)
    if args.json:
        json.dump(_jsonable(asdict(report)), out, ensure_ascii=False, indent=2)
        out.write("\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.what != "landscape":
        return {**cli_maps.EXPORTS, **cli_exports.EXPORTS}[args.what](args, out, err)
    from mapper.services.privacy import log_personal_export

    database, service = _service(args)
    try:
        counts = service.export_file(
            out if args.file == "-" else args.file, personal_data=args.with_personal_data
        )
        if args.with_personal_data:  # chosen explicitly: logged
            target = "standard output" if args.file == "-" else args.file
            log_personal_export(database, "landscape", target, {"actors": counts.actors})
    finally:
        database.close()
    if args.file != "-":
        print(
            f"exported {counts.actors} actors, {counts.problems} problems, "
            f"{counts.partnerships} partnerships to {args.file}"
            + (
                " (with personal data: logged)"
                if args.with_personal_data
                else " (without personal data: individual volunteers and contact persons "
                "left out; --with-personal-data includes them)"
            ),
            file=err,
        )
    return EXIT_OK


def _check_code(service: LandscapeService, facet: str, value: str | None, option: str) -> None:
    if value is not None and value not in service.vocabulary.codes(facet):
        nearest = service.vocabulary.nearest(facet, value)
        hint = f" (did you mean {nearest!r}?)" if nearest else ""
        raise UsageError(f"mapper: {option}: unknown code {value!r}{hint}")


def _table(rows: list[list[str]], headers: list[str], out: TextIO) -> None:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(), file=out)
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(), file=out)


def cmd_actors(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    database, service = _service(args)
    try:
        _check_code(service, "actor_kinds", args.kind, "--kind")
        _check_code(service, "target_groups", args.target_group, "--target-group")
        actors = service.list_actors(
            kind=args.kind, target_group=args.target_group, municipality_code=args.municipality
        )
    finally:
        database.close()
    if args.json:
        json.dump([_jsonable(asdict(a)) for a in actors], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        label = service.vocabulary.label
        _table(
            [
                [
                    a.id,
                    a.name,
                    label("actor_kinds", a.kind),
                    a.municipality_code or "",
                    a.city or "",
                    "" if a.active else "inactive",
                ]
                for a in actors
            ],
            ["ID", "NAME", "KIND", "MUNI", "CITY", ""],
            out,
        )
        print(f"{len(actors)} actors", file=err)
    return EXIT_OK


def cmd_problems(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    database, service = _service(args)
    try:
        problems = service.list_problems(status=args.status)
    finally:
        database.close()
    if args.json:
        json.dump([_jsonable(asdict(p)) for p in problems], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _table(
            [[p.id, p.title, p.status, p.owner_name or ""] for p in problems],
            ["ID", "TITLE", "STATUS", "OWNER"],
            out,
        )
        print(f"{len(problems)} problem statements", file=err)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.io import interchange

    if args.meta:
        return cli_edit.cmd_show_meta(args, out, err)
    database, service = _service(args)
    try:
        if args.what == "actor":
            record = interchange.actor_to_dict(service.get_actor(args.id))
        else:
            record = interchange.problem_to_dict(service.get_problem(args.id))
    finally:
        database.close()
    json.dump(record, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ui.app import run_app  # Qt is imported only when the window is wanted

    return run_app(args.db, demo_if_empty=args.demo_if_empty)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "import": cmd_import,
    "export": cmd_export,
    "actors": cmd_actors,
    "problems": cmd_problems,
    "show": cmd_show,
    "gui": cmd_gui,
    **cli_matching.COMMANDS,
    **cli_geo.COMMANDS,
    **cli_edit.COMMANDS,
    **cli_dedupe.COMMANDS,
    **cli_history.COMMANDS,
    **cli_backup.COMMANDS,
    **cli_privacy.COMMANDS,
    **cli_sync.COMMANDS,
    **cli_stats.COMMANDS,
    **cli_report.COMMANDS,
}


if __name__ == "__main__":
    sys.exit(main())
