"""`mapper privacy export|erase ID`: a person's data for the person, and erasure for real.

Only individual volunteers are persons; the service (``mapper.services.privacy``) refuses
other actors. Exporting is logged as an export of personal data; erasing asks first.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the service and SQLAlchemy load when a command runs
    from mapper.services.privacy import ErasureReport

EXIT_OK, EXIT_BAD_INPUT = 0, 2
YES = ("j", "ja", "y", "yes")


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    privacy = sub.add_parser(
        "privacy", help="a person's data: export it for the person, or erase it (GDPR)"
    )
    what = privacy.add_subparsers(
        dest="privacy_command", metavar="export|erase", parser_class=parser_class, required=True
    )
    export = what.add_parser(
        "export", help="everything stored about an individual volunteer, as JSON (logged)"
    )
    export.add_argument("id", metavar="ID", help="the person's actor id")
    export.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    erase = what.add_parser(
        "erase",
        help=(
            "remove an individual volunteer everywhere: record, contact fields, partnerships, "
            "history, the app's backups holding them, and the free space of the file"
        ),
    )
    erase.add_argument("id", metavar="ID", help="the person's actor id")
    erase.add_argument("--yes", action="store_true", help="do not ask first")


def cmd_privacy(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.privacy import NotAPersonError, PrivacyService

    database = open_database(args.db)
    try:
        service = PrivacyService(database)
        try:
            if args.privacy_command == "export":
                return _export(service, args, out, err)
            return _erase(service, args, err, _ask(args.yes, err))
        except NotAPersonError as exc:
            print(
                f"mapper: {exc.actor_id} er ikke en person (type {exc.kind}): kun en enkelt "
                "frivilligs oplysninger kan udleveres eller slettes med mapper privacy; "
                "intet blev ændret",
                file=err,
            )
            return EXIT_BAD_INPUT
    finally:
        database.close()


def _export(service: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.io.files import write_output

    data = service.export_person(args.id)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    target = args.out or "-"
    if target == "-":
        out.write(text)
    else:
        write_output(target, lambda stream: stream.write(text.encode("utf-8")))
    logged = service.log_personal_export(
        "person", "standard output" if target == "-" else target, {"actor_id": args.id}
    )
    where = "standardoutput" if target == "-" else target
    print(f"Alle oplysninger om {args.id} er skrevet til {where}", file=err)
    print(f"Udleveringen er noteret i {logged}", file=err)
    return EXIT_OK


class _NoTerminal(Exception):
    pass


def _ask(yes: bool, err: TextIO) -> Callable[[str], bool]:
    def ask(question: str) -> bool:
        if yes:
            return True
        stdin = sys.stdin
        if stdin is None or not stdin.isatty():
            raise _NoTerminal
        print(f"{question} [j/N] ", end="", file=err, flush=True)
        return stdin.readline().strip().lower() in YES

    return ask


def _erase(
    service: Any, args: argparse.Namespace, err: TextIO, confirm: Callable[[str], bool]
) -> int:
    person = service.person_name(args.id)
    try:
        agreed = confirm(
            f"Slet alle oplysninger om {person} ({args.id}) for altid? Det kan ikke fortrydes."
        )
    except _NoTerminal:
        print(
            f"mapper: sletning af {args.id} skal bekræftes: kør kommandoen i en terminal, "
            "eller tilføj --yes; intet blev ændret",
            file=err,
        )
        return EXIT_BAD_INPUT
    if not agreed:
        print("Sletning afbrudt; intet blev ændret", file=err)
        return EXIT_OK
    report = service.erase_person(args.id)
    for line in erasure_lines(report):
        print(line, file=err)
    return EXIT_OK


def erasure_lines(report: ErasureReport) -> list[str]:
    """What an erasure did, in Danish."""
    lines = [
        f"{report.actor_id} er slettet; tilbage er kun en gravsten uden persondata "
        f"({report.tombstone_id})",
        f"  partnerskaber fjernet: {report.partnerships}",
        f"  kontaktfelter ryddet på andre aktører: {report.contact_fields_cleared}",
        f"  tekster hvor navn, e-mail eller telefon er erstattet med [slettet]: "
        f"{report.texts_redacted}",
    ]
    if report.actors > 1:
        lines.append(f"  sammenlagte dubletter af personen slettet: {report.actors - 1}")
    if report.history_rows:
        lines.append(f"  historikrækker tømt: {report.history_rows}")
    if report.problems_unlinked:
        lines.append(
            "  problemstillinger uden ejer nu (gennemse deres tekst): "
            + ", ".join(report.problems_unlinked)
        )
    if report.backups_removed:
        lines.append("  sikkerhedskopier med personen slettet:")
        lines += [f"    {path}" for path in report.backups_removed]
    if report.vacuumed and report.log_truncated:
        lines.append("  databasefilen er skrevet om (VACUUM): de slettede data er ikke i filen")
    elif report.vacuumed:
        lines.append(
            "  advarsel: et andet program har databasen åben, så logfilen (-wal) kunne ikke "
            "tømmes; luk programmet og kør kommandoen igen"
        )
    else:
        lines.append(
            "  PostgreSQL: serveren frigør de gamle rækkeversioner ved sin næste VACUUM "
            "(bed administratoren om VACUUM FULL for at fjerne dem straks)"
        )
    return lines


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "privacy": cmd_privacy,
}
