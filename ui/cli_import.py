"""`mapper import FILE`: registers kept as tables (CSV, XLSX) through the register import service.

The summary goes to standard error (``--json``: the whole summary as JSON on standard output):
rows read, created, updated, unchanged, merged into another row, rejected — each rejected row
with its line, column and reason — values kept for review and pairs that may be duplicates.
A file that cannot be read as a register, or a mapping that does not fit it, exits 2 and
nothing is stored. The service is imported by the command that runs (``mapper --help`` does not
load it).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from mapper.services.landscape import ImportReport, LandscapeService
    from mapper.services.register_import import ImportSummary, SourcePreview

EXIT_OK, EXIT_BAD_INPUT, EXIT_CONFLICT = 0, 2, 3
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".tab", ".xlsx", ".xlsm", ".xls"})
SHOWN = 50
"""Rejected rows, review values and pairs listed at most (all are in ``--json``/``--rejected``)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        help="a landscape document or HSDS hsds.json (.json), or a register (.csv, .xlsx)",
    )
    table = parser.add_argument_group("registers (.csv, .xlsx)")
    table.add_argument("--sheet", metavar="NAME", help="the worksheet (default: the first)")
    table.add_argument(
        "--encoding", metavar="X", help="e.g. utf-8, cp1252 (default: found out from the file)"
    )
    table.add_argument(
        "--delimiter", metavar="C", help="';', ',', '|' or '\\t' (default: found out)"
    )
    table.add_argument(
        "--header-line", type=int, metavar="N", help="the line of the column names (default: found)"
    )
    table.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="read COLUMN into FIELD (name, kind, postcode, cvr, target_groups, notes …); "
        "COLUMN= leaves it out; the rest as saved for this source or suggested",
    )
    table.add_argument(
        "--kind",
        metavar="CODE",
        help="the kind of rows that give none (default: local_association)",
    )
    table.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; store nothing"
    )
    table.add_argument(
        "--rejected", metavar="OUT.csv", help="write the rejected rows as CSV for Excel"
    )
    parser.add_argument("--json", action="store_true", help="the summary as JSON on stdout")


def is_register(path: str) -> bool:
    return Path(path).suffix.casefold() in TABLE_SUFFIXES


def register_options_given(args: argparse.Namespace) -> list[str]:
    """The register options given (they mean nothing to a JSON document)."""
    names = ("sheet", "encoding", "delimiter", "header_line", "kind", "rejected")
    given = [f"--{n.replace('_', '-')}" for n in names if getattr(args, n) is not None]
    given += ["--map"] if args.map else []
    given += ["--dry-run"] if args.dry_run else []
    return given


def import_document_file(service: LandscapeService, path: str) -> ImportReport:
    """Import our landscape document, or an HSDS hsds.json (an array of organizations or an
    API page of them) converted to one by mapper.io.hsds."""
    from mapper.domain.errors import ValidationError
    from mapper.io.hsds import hsds_to_document, is_hsds

    try:
        return service.import_file(path)
    except ValidationError:
        data: Any = _json_or_none(path)
        if not is_hsds(data):
            raise
    document = hsds_to_document(data, source=path, vocabulary=service.vocabulary)
    return service.import_document(document, source=path)


def _json_or_none(path: str) -> Any:
    import orjson

    try:
        return orjson.loads(Path(path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None


def cmd_import_register(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.domain.errors import ConflictError
    from mapper.persistence.database import open_database
    from mapper.services.register_import import (
        ImportOptions,
        RegisterImportService,
        write_rejected_rows,
    )

    overrides = _overrides(args.map, err)
    if overrides is None:
        return EXIT_BAD_INPUT
    database = open_database(args.db)
    try:
        service = RegisterImportService(database)
        opening = {
            "sheet": args.sheet,
            "encoding": args.encoding,
            "delimiter": args.delimiter,
            "header_line": args.header_line,
        }
        table = service.open(args.file, **opening)
        preview = service.preview(table, max_rows=0)
        mapping: dict[str, str | None] = {**preview.mapping, **overrides}
        kind = args.kind if args.kind is not None else preview.default_kind
        plan = service.plan(table, mapping, options=ImportOptions(default_kind=kind))
        _describe_source(preview, {h: f for h, f in mapping.items() if f}, err)
        if args.dry_run:
            summary = plan.summary()
        else:
            try:
                summary = service.run(plan)
            except ConflictError as exc:
                print(f"mapper: {exc}; nothing was stored: run the import again", file=err)
                return EXIT_CONFLICT
        if args.rejected:
            count = write_rejected_rows(summary, plan.info.headers, args.rejected)
            print(f"{count} rejected rows written to {args.rejected}", file=err)
    finally:
        database.close()
    _print_summary(summary, err)
    if args.json:
        json.dump(summary_json(summary), out, ensure_ascii=False, indent=2)
        out.write("\n")
    return EXIT_OK


def _overrides(pairs: list[str], err: TextIO) -> dict[str, str | None] | None:
    found: dict[str, str | None] = {}
    for pair in pairs:
        column, sep, field = pair.rpartition("=")
        if not sep or not column.strip():
            print(f"mapper: --map {pair!r}: write COLUMN=FIELD, e.g. --map Forening=name", file=err)
            return None
        found[column.strip()] = field.strip() or None
    return found


def _describe_source(preview: SourcePreview, mapping: Mapping[str, str], err: TextIO) -> None:
    info = preview.info
    if info.format == "csv":
        delimiter = {"\t": "TAB"}.get(info.delimiter or "", info.delimiter)
        what = f"CSV, {info.encoding}, delimiter {delimiter!r}"
    else:
        what = f"Excel workbook, worksheet {info.sheet!r}"
    print(f"reading {info.name}: {what}, column names on line {info.header_line}", file=err)
    origin = "as saved for this source" if preview.saved else "suggested"
    columns = ", ".join(f"{h} → {mapping[h]}" for h in info.headers if h in mapping)
    print(f"columns ({origin}): {columns}", file=err)
    left = [h for h in info.headers if h not in mapping]
    if left:
        print(f"columns not imported: {', '.join(left)} (--map COLUMN=FIELD to use one)", file=err)


def _print_summary(summary: ImportSummary, err: TextIO) -> None:
    verb = "imported" if summary.stored else "dry run, nothing stored:"
    print(
        f"{verb} {summary.source}: {summary.read} rows read: {summary.created} created, "
        f"{summary.updated} updated, {summary.unchanged} unchanged, "
        f"{summary.merged} merged into another row, {summary.rejected} rejected",
        file=err,
    )
    if summary.rejected_rows:
        print("rejected rows:", file=err)
        for row in summary.rejected_rows[:SHOWN]:
            where = f"line {row.line}" + (f", {row.column}" if row.column else "")
            shown = "" if row.value in (None, "") else f" = {row.value!r}"
            print(f"  {where}{shown}: {row.reason}", file=err)
        _more(len(summary.rejected_rows), err)
    if summary.unmapped:
        print("kept on the actors for review:", file=err)
        for value in summary.unmapped[:SHOWN]:
            lines = ", ".join(map(str, value.lines[:10])) + ("…" if len(value.lines) > 10 else "")
            reason = value.reason.replace("_", " ")
            word = "line" if len(value.lines) == 1 else "lines"
            print(f"  {value.field} {value.value!r}: {reason} ({word} {lines})", file=err)
        _more(len(summary.unmapped), err)
    if summary.review_pairs:
        print("may be the same actor (decide with mapper dedupe / the merge view):", file=err)
        for pair in summary.review_pairs[:SHOWN]:
            agreeing = ", ".join(e.detail for e in pair.evidence if e.agrees)
            print(
                f"  {pair.first_id} ↔ {pair.second_id}: score {pair.score:.0f}"
                + (f" ({agreeing})" if agreeing else ""),
                file=err,
            )
        _more(len(summary.review_pairs), err)
    if summary.suggested_ids:
        shown = ", ".join(summary.suggested_ids[:SHOWN])
        more = "…" if len(summary.suggested_ids) > SHOWN else ""
        print(
            f"{len(summary.suggested_ids)} actors' own words suggest target groups, resources or "
            f"roles they do not declare (the editor offers them): {shown}{more}",
            file=err,
        )


def _more(count: int, err: TextIO) -> None:
    if count > SHOWN:
        print(f"  … and {count - SHOWN} more (--json or --rejected for all)", file=err)


def summary_json(summary: ImportSummary) -> dict[str, Any]:
    """The summary as plain JSON values; each rejected row with its reason in one text."""
    data: dict[str, Any] = _plain(dataclasses.asdict(summary))
    for row in data["rejected_rows"]:
        hint = row.pop("hint")
        message = row.pop("message")
        row["reason"] = f"{message} ({hint})" if hint else message
    data["accounted"] = summary.accounted
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
