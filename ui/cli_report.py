"""`mapper report --municipality CODE OUT.html [--pdf OUT.pdf] [--from DATE] [--to DATE]
[--lang en]`: the committee report (exports.report) as one offline HTML file, and a PDF.

A municipality the register has no actor or problem statement in, a date that is no date
and a period that ends before it starts are refused with exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli_geo import municipality_code_arg

if TYPE_CHECKING:  # the services, folium and SQLAlchemy load when a report is made
    from exports.report import ReportData

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def date_arg(text: str) -> dt.date:
    """The argparse type of --from/--to: an ISO date (2026-01-31)."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"{text!r} is no date; write it as YYYY-MM-DD, e.g. 2026-01-31"
        ) from exc


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    report = sub.add_parser(
        "report",
        help="the committee report of a municipality: one offline HTML file (and a PDF)",
    )
    report.add_argument("file", help="the HTML file to write")
    report.add_argument(
        "--municipality",
        required=True,
        type=municipality_code_arg,
        metavar="CODE",
        help="the municipality, e.g. 0561 (561 is the same)",
    )
    report.add_argument("--pdf", metavar="FILE", help="also write the report as a PDF (A4)")
    report.add_argument(
        "--from",
        dest="period_from",
        type=date_arg,
        metavar="DATE",
        help="list partnerships updated on or after this day (YYYY-MM-DD)",
    )
    report.add_argument(
        "--to",
        dest="period_to",
        type=date_arg,
        metavar="DATE",
        help="list partnerships updated on or before this day (YYYY-MM-DD)",
    )
    report.add_argument("--lang", choices=("da", "en"), default="da")


def cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from exports.report import ReportScopeError, check_period, collect_report, write_report
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService

    try:
        check_period(args.period_from, args.period_to)
        database = open_database(args.db)
        try:
            data = collect_report(
                LandscapeService(database),
                args.municipality,
                period_from=args.period_from,
                period_to=args.period_to,
                lang=args.lang,
            )
        finally:
            database.close()
    except ReportScopeError as exc:
        print(f"mapper report: {exc}", file=err)
        return EXIT_BAD_INPUT
    size = write_report(data, out if args.file == "-" else args.file, lang=args.lang)
    print(
        f"committee report for {data.municipality_code} {data.municipality_name}: "
        f"{len(data.partnerships)} partnerships listed ({size / 1024:.0f} KiB) -> {args.file}",
        file=err,
    )
    if args.pdf:
        return _write_pdf(data, args, err)
    return EXIT_OK


def _write_pdf(data: ReportData, args: argparse.Namespace, err: TextIO) -> int:
    from exports.report import write_report
    from ui.report_pdf import PdfError, html_to_pdf

    try:
        if args.file != "-":
            pages = html_to_pdf(args.file, args.pdf)
        else:  # the page went to standard output: print a copy
            with tempfile.TemporaryDirectory() as folder:
                source = Path(folder) / "report.html"
                write_report(data, source, lang=args.lang)
                pages = html_to_pdf(source, args.pdf)
    except PdfError as exc:
        print(f"mapper report: {exc}", file=err)
        return EXIT_BAD_INPUT
    print(f"PDF with {pages} pages -> {args.pdf}", file=err)
    return EXIT_OK


COMMANDS = {"report": cmd_report}
