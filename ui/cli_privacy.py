"""`mapper privacy export|erase ID`: a person's data for the person, and erasure for real;
`mapper privacy review|retention|settings`: the data review (records not verified, persons
proposed for erasure) and its periods.

Only individual volunteers are persons; the service (``mapper.services.privacy``) refuses
other actors. Exporting is logged as an export of personal data; erasing asks first; the
retention list only proposes: nothing is erased without `mapper privacy erase ID`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the service and SQLAlchemy load when a command runs
    from mapper.services.privacy import ErasureProposal, ErasureReport, UnverifiedRecord

EXIT_OK, EXIT_BAD_INPUT = 0, 2
YES = ("j", "ja", "y", "yes")
MONTHS_MIN, MONTHS_MAX = 1, 240  # as mapper.services.privacy (not imported for --help)
REASONS = {
    "inactive": "markeret inaktiv siden {since}",
    "no_activity": "intet ændret, verificeret eller samarbejdet siden {since}",
}


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    privacy = sub.add_parser(
        "privacy", help="a person's data: export it for the person, or erase it (GDPR)"
    )
    what = privacy.add_subparsers(
        dest="privacy_command",
        metavar="export|erase|review|retention|settings",
        parser_class=parser_class,
        required=True,
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
    review = what.add_parser(
        "review",
        help="actors not verified for some months (default: the setting, 12), oldest first",
    )
    _months_option(review, "--months", "not verified for more than N months")
    review.add_argument("--json", action="store_true", help="JSON instead of a table")
    retention = what.add_parser(
        "retention",
        help=(
            "individual volunteers inactive beyond the retention period (default: the "
            "setting, 24 months), proposed for erasure; nothing is erased"
        ),
    )
    _months_option(retention, "--months", "inactive for more than N months")
    retention.add_argument("--json", action="store_true", help="JSON instead of a table")
    settings = what.add_parser(
        "settings", help="show or set the periods of the data review (kept in the database)"
    )
    _months_option(settings, "--verify-months", "review actors not verified for N months")
    _months_option(settings, "--retention-months", "propose persons inactive N months")


def _months_option(parser: argparse.ArgumentParser, option: str, text: str) -> None:
    parser.add_argument(
        option, metavar="N", type=_months, help=f"{text} ({MONTHS_MIN}-{MONTHS_MAX})"
    )


def _months(value: str) -> int:
    try:
        months = int(value)
    except ValueError:
        months = None
    if months is None or not MONTHS_MIN <= months <= MONTHS_MAX:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a whole number of months from {MONTHS_MIN} to {MONTHS_MAX}"
        )
    return months


def cmd_privacy(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.privacy import NotAPersonError, PrivacyService

    database = open_database(args.db)
    try:
        service = PrivacyService(database)
        try:
            if args.privacy_command == "export":
                return _export(service, args, out, err)
            if args.privacy_command in REVIEWS:
                return REVIEWS[args.privacy_command](service, args, out, err)
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


def _review(service: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    months = args.months or service.settings().verify_months
    found: list[UnverifiedRecord] = service.unverified_records(months)
    if args.json:
        _dump([_record_json(r) for r in found], out)
    else:
        _table(
            [
                [
                    r.id,
                    r.name,
                    r.kind,
                    r.municipality_code or "",
                    r.verified_on.isoformat() if r.verified_on else "aldrig",
                    r.last_changed.date().isoformat(),
                ]
                for r in found
            ],
            ["ID", "NAVN", "TYPE", "KOMMUNE", "VERIFICERET", "SIDST ÆNDRET"],
            out,
        )
    print(f"{len(found)} aktører er ikke verificeret i {_months_da(months)}", file=err)
    return EXIT_OK


def _retention(service: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    months = args.months or service.settings().retention_months
    found: list[ErasureProposal] = service.erasure_proposals(months)
    if args.json:
        _dump([_proposal_json(p) for p in found], out)
    else:
        _table(
            [[p.id, p.name, p.municipality_code or "", reason_text(p)] for p in found],
            ["ID", "NAVN", "KOMMUNE", "GRUND"],
            out,
        )
    print(
        f"{len(found)} personer har været inaktive i mere end {_months_da(months)} og foreslås "
        "slettet; intet er slettet (slet en med mapper privacy erase ID)",
        file=err,
    )
    return EXIT_OK


def _settings(service: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.verify_months is not None or args.retention_months is not None:
        settings = service.save_settings(
            verify_months=args.verify_months, retention_months=args.retention_months
        )
        print("Indstillingerne er gemt i databasen", file=err)
    else:
        settings = service.settings()
    print(f"verify_months: {settings.verify_months}", file=out)
    print(f"retention_months: {settings.retention_months}", file=out)
    return EXIT_OK


def _months_da(months: int) -> str:
    return f"{months} måned" if months == 1 else f"{months} måneder"


def reason_text(proposal: ErasureProposal) -> str:
    """Why the person is proposed, in Danish."""
    return REASONS[proposal.reason].format(since=proposal.since.isoformat())


def _record_json(record: UnverifiedRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "name": record.name,
        "kind": record.kind,
        "municipality_code": record.municipality_code,
        "verified_on": record.verified_on.isoformat() if record.verified_on else None,
        "last_changed": record.last_changed.isoformat(),
        "active": record.active,
    }


def _proposal_json(proposal: ErasureProposal) -> dict[str, Any]:
    return {
        "id": proposal.id,
        "name": proposal.name,
        "kind": proposal.kind,
        "municipality_code": proposal.municipality_code,
        "reason": proposal.reason,
        "since": proposal.since.isoformat(),
        "verified_on": proposal.verified_on.isoformat() if proposal.verified_on else None,
        "last_changed": proposal.last_changed.isoformat(),
    }


def _dump(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _table(rows: list[list[str]], headers: list[str], out: TextIO) -> None:
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(), file=out)
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(), file=out)


REVIEWS: dict[str, Callable[[Any, argparse.Namespace, TextIO, TextIO], int]] = {
    "review": _review,
    "retention": _retention,
    "settings": _settings,
}


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
