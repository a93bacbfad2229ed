"""`mapper export hsds|csv|xlsx|ranking`: the register for other directories and spreadsheets.

The exporters (``exports.hsds``, ``exports.tabular``) are imported by the command that runs,
so ``mapper --help`` does not load them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

EXIT_OK, EXIT_BAD_INPUT = 0, 2

LEFT_OUT = {
    "personal": "individual volunteers (personal data)",
    "not_public": "not public",
    "inactive": "inactive",
}


def add_export_commands(exp_sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    hsds = exp_sub.add_parser(
        "hsds",
        help="public organisations as an HSDS 3.0 package (datapackage.json, CSV, hsds.json)",
    )
    hsds.add_argument(
        "dir", metavar="DIR", help="the package folder (new, empty or an earlier package)"
    )

    for name, help_text in (
        ("csv", "the register as CSV for Excel (UTF-8 with BOM)"),
        ("xlsx", "the register as an Excel workbook"),
    ):
        parser = exp_sub.add_parser(name, help=help_text)
        parser.add_argument(
            "file", help="output file" + (" ('-' for standard output)" if name == "csv" else "")
        )
        _lang(parser)
        parser.add_argument(
            "--internal",
            action="store_true",
            help=(
                "every actor with contact persons, publishing and consent (for your own use: "
                "personal data, never to publish); default: the public view"
            ),
        )
        if name == "csv":
            _delimiter(parser)

    ranking = exp_sub.add_parser(
        "ranking", help="ranked partners for a problem statement as CSV or XLSX"
    )
    ranking.add_argument("problem_id", metavar="PROBLEM_ID")
    ranking.add_argument("file", metavar="OUT", help="OUT.csv or OUT.xlsx")
    ranking.add_argument("--top", type=int, default=25, help="how many partners (default 25)")
    _lang(ranking)
    _delimiter(ranking)
    ranking.add_argument(
        "--with-personal-data",
        action="store_true",
        help="include individual volunteers (personal data: the export is logged); "
        "default: left out",
    )


def _lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("da", "en"),
        default="da",
        help="language of headers and labels (default da)",
    )


def _delimiter(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--delimiter",
        choices=(";", ","),
        default=";",
        help="CSV separator: ';' for Danish Excel (decimal commas, default) or ','",
    )


def _left_out(left_out: Mapping[str, int]) -> str:
    parts = [f"{n} {LEFT_OUT.get(reason, reason)}" for reason, n in sorted(left_out.items())]
    return f"; left out: {', '.join(parts)}" if parts else ""


def _actors(args: argparse.Namespace) -> list[Any]:
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService

    database = open_database(args.db)
    try:
        return list(LandscapeService(database).export_landscape().actors)
    finally:
        database.close()


def _bad(message: str, err: TextIO) -> int:
    print(f"mapper: {message}", file=err)
    return EXIT_BAD_INPUT


def cmd_export_hsds(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from exports.hsds import write_hsds_package

    if args.dir in ("", "-"):
        return _bad("an HSDS package is a folder: give its name, e.g. hsds-pakke", err)
    report = write_hsds_package(_actors(args), args.dir)
    print(
        f"HSDS package with {report.organizations} organisations, {report.services} services "
        f"and {report.locations} locations{_left_out(report.left_out)} -> {args.dir}",
        file=err,
    )
    return EXIT_OK


def cmd_export_register(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from exports.tabular import csv_text, register_table, write_csv, write_xlsx

    if args.what == "xlsx" and Path(args.file).suffix.lower() != ".xlsx":
        return _bad(f"{args.file}: an Excel workbook's name ends in .xlsx", err)
    table = register_table(_actors(args), lang=args.lang, internal=args.internal)
    if args.what == "csv" and args.file == "-":
        out.write(csv_text(table, delimiter=args.delimiter))
        count = len(table.rows)
    elif args.what == "csv":
        count = write_csv(table, args.file, delimiter=args.delimiter)
    else:
        count = write_xlsx(table, args.file)
    view = "internal view, with contact persons" if args.internal else "public view"
    print(f"{count} actors ({view}){_left_out(table.left_out)} -> {args.file}", file=err)
    if args.internal:
        _log_personal_export(args, "register_internal", {"rows": count, "format": args.what})
    return EXIT_OK


def _log_personal_export(args: argparse.Namespace, what: str, detail: dict[str, Any]) -> None:
    """An export with personal data was chosen explicitly (--internal): logged."""
    from mapper.persistence.database import resolve_url
    from mapper.services.privacy import log_personal_export

    target = "standard output" if args.file == "-" else args.file
    log_personal_export(resolve_url(args.db), what, target, detail)


def cmd_export_ranking(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from exports.tabular import ranking_table, write_table
    from mapper.domain.vocabulary import load_vocabulary
    from mapper.persistence.database import open_database
    from mapper.services.matching import MatchingService

    suffix = Path(args.file).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        return _bad(f"{args.file}: the ranking is written as .csv or .xlsx", err)
    if args.top < 1:
        return _bad("--top must be at least 1", err)
    database = open_database(args.db)
    try:
        ranking = MatchingService(database).rank_actors_for_problem(args.problem_id, top=args.top)
    finally:
        database.close()
    vocabulary = load_vocabulary()
    persons = sum(1 for m in ranking.matches if vocabulary.holds_personal_data(m.actor_kind))
    if persons and not args.with_personal_data:
        ranking = replace(
            ranking,
            matches=tuple(
                m for m in ranking.matches if not vocabulary.holds_personal_data(m.actor_kind)
            ),
        )
    count = write_table(ranking_table(ranking, lang=args.lang), args.file, delimiter=args.delimiter)
    print(f"{count} ranked partners for {args.problem_id} -> {args.file}", file=err)
    if persons and args.with_personal_data:  # chosen explicitly: logged
        _log_personal_export(args, "ranking", {"problem_id": args.problem_id, "persons": persons})
    elif persons:
        print(
            f"left out {persons} individual volunteers (personal data); "
            "--with-personal-data includes them",
            file=err,
        )
    return EXIT_OK


EXPORTS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "hsds": cmd_export_hsds,
    "csv": cmd_export_register,
    "xlsx": cmd_export_register,
    "ranking": cmd_export_ranking,
}
