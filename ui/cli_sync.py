"""`mapper sync`: offline copies of the shared landscape.

- `mapper sync checkout --from URL [--municipality CODE] FILE` copies a municipality's
  landscape from the server into a new SQLite file that remembers where it came from;
- `mapper --db FILE sync [--json]` brings the copy and the server up to date, lists what moved
  and every open conflict (exit 3 while any is open);
- `mapper --db FILE sync --resolve ID FIELD --keep local|server` decides one conflict, then
  syncs.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli_history import value_text

if TYPE_CHECKING:  # the services and SQLAlchemy load when the command runs
    from mapper.services.sync import SyncReport

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT, EXIT_CONFLICT = 0, 1, 2, 3

_ARROWS = {"push": "→ server", "pull": "← server"}
_TYPES = {"actor": "aktør", "problem": "problemstilling", "partnership": "partnerskab"}
_ACTIONS = {
    "created": "oprettet",
    "changed": "ændret",
    "merged": "flettet",
    "deleted": "slettet",
    "erased": "personoplysninger slettet",
}


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser(
        "sync",
        help="bring an offline copy and its server up to date (or make a copy: sync checkout)",
        description=(
            "Without a subcommand: sync the offline copy given by --db with the server it was "
            "checked out from. Exit 3 while conflicts are open; decide them with --resolve."
        ),
    )
    sync.add_argument("--json", action="store_true", help="the report as JSON")
    sync.add_argument(
        "--resolve",
        nargs=2,
        metavar=("ID", "FIELD"),
        help="decide the conflict on FIELD of record ID (as listed by sync), then sync",
    )
    sync.add_argument(
        "--keep", choices=("local", "server"), help="with --resolve: which value to keep"
    )
    sync.add_argument(
        "--server",
        metavar="URL",
        help="the server's URL for this run (default: the one the copy came from); "
        "its password may also come from PGPASSWORD or ~/.pgpass",
    )
    what = sync.add_subparsers(dest="sync_command", metavar="SUBCOMMAND", parser_class=parser_class)
    checkout = what.add_parser(
        "checkout", help="copy a municipality's landscape from the server into a new file"
    )
    checkout.add_argument(
        "--from", dest="server_url", required=True, metavar="URL", help="the server's URL"
    )
    checkout.add_argument(
        "--municipality", metavar="CODE", help="only this municipality (code, e.g. 0561)"
    )
    checkout.add_argument("file", help="the new SQLite file of the copy")
    checkout.add_argument("--json", action="store_true", help="the report as JSON")


def cmd_sync(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.services.sync import SyncError

    try:
        if args.sync_command == "checkout":
            return _checkout(args, out, err)
        if args.keep and not args.resolve:
            print("mapper sync: --keep goes with --resolve ID FIELD", file=err)
            return EXIT_BAD_INPUT
        if args.resolve and not args.keep:
            print("mapper sync: --resolve ID FIELD needs --keep local or --keep server", file=err)
            return EXIT_BAD_INPUT
        return _sync(args, out, err)
    except SyncError as exc:
        print(f"mapper sync: {exc}", file=err)
        return EXIT_UNEXPECTED if exc.cause == "busy" else EXIT_BAD_INPUT


def _checkout(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.domain.municipality import padded
    from mapper.services.sync import SyncService
    from ui.cli_geo import municipality_code_arg

    code = municipality_code_arg(args.municipality) if args.municipality else None
    report = SyncService.checkout(
        args.server_url, args.file, padded(code) if code else None, progress=_progress(err)
    )
    if args.json:
        json.dump(
            {
                "file": str(report.path),
                "server": report.server,
                "municipality_code": report.municipality_code,
                "actors": report.actors,
                "problems": report.problems,
                "partnerships": report.partnerships,
                "boundaries": report.boundaries,
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    print(
        f"checked out {report.actors} actors, {report.problems} problems, "
        f"{report.partnerships} partnerships and {report.boundaries} boundaries from "
        f"{report.server} into {report.path}",
        file=err,
    )
    return EXIT_OK


def _sync(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.sync import SyncService, report_as_json

    database = open_database(args.db)
    try:
        service = SyncService(database)
        if args.resolve:
            record_id, field = args.resolve
            decided = service.resolve(record_id, field, args.keep)
            side = "lokal" if args.keep == "local" else "serverens"
            print(
                f"{record_id} {field}: {side} værdi beholdes "
                f"({value_text(decided.local if args.keep == 'local' else decided.server)})",
                file=err,
            )
        report = service.sync(_progress(err), server_url=args.server)
    finally:
        database.close()
    if args.json:
        json.dump(report_as_json(report), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_report(report, out)
    return EXIT_CONFLICT if report.conflicts else EXIT_OK


def _print_report(report: SyncReport, out: TextIO) -> None:
    pushed, pulled = report.count("push"), report.count("pull")
    print(
        f"Synkroniseret med {report.server}: {pushed} sendt, {pulled} hentet, "
        f"{len(report.conflicts)} konflikter.",
        file=out,
    )
    for m in report.moved:
        fields = f" ({', '.join(m.fields)})" if m.fields else ""
        print(
            f"  {_ARROWS[m.direction]}  {_TYPES.get(m.record_type, m.record_type)} "
            f"{m.record_id}: {_ACTIONS.get(m.action, m.action)}{fields}",
            file=out,
        )
    if report.conflicts:
        print("Konflikter (intet er overskrevet):", file=out)
    for c in report.conflicts:
        decided = f"  [afgjort: {c.resolution}]" if c.resolution else ""
        print(
            f"  {_TYPES.get(c.record_type, c.record_type)} {c.record_id}  felt {c.field}: "
            f"lokalt {value_text(c.local)}, på serveren {value_text(c.server)}{decided}",
            file=out,
        )
    if report.conflicts:
        first = report.conflicts[0]
        print(
            f"Afgør hver med: mapper sync --resolve {first.record_id} {first.field} "
            "--keep local|server",
            file=out,
        )


def _progress(err: TextIO) -> Any:
    """Progress on a terminal only (a log or a test gets the summary lines alone)."""
    if not (err is sys.stderr and err.isatty()):
        return None

    def report(done: int, total: int) -> None:
        print(f"\rtrin {done} af {total}   ", end="", file=err)
        if done == total:
            print(file=err)

    return report


COMMANDS = {"sync": cmd_sync}
