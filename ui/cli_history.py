"""`mapper history actor|problem ID` and `mapper history partnership PROBLEM_ID ACTOR_ID`: the
change history of one record, newest first, in Danish (or as JSON)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the services and SQLAlchemy load when the command runs
    from mapper.services.history import FieldChange, HistoryEntry

EXIT_OK = 0
MAX_VALUE = 80
"""Longer values are cut short in the lines (``--json`` has them whole)."""


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    history = sub.add_parser("history", help="the change history of one record, newest first")
    kinds = history.add_subparsers(
        dest="record_type", metavar="KIND", parser_class=parser_class, required=True
    )
    for kind, help_text in (("actor", "an actor"), ("problem", "a problem statement")):
        parser = kinds.add_parser(kind, help=help_text)
        parser.add_argument("id", help="the record's interchange id")
        parser.add_argument("--json", action="store_true", help="JSON instead of lines")
    partnership = kinds.add_parser("partnership", help="a partnership")
    partnership.add_argument("problem_id", help="the problem statement's id")
    partnership.add_argument("actor_id", help="the partner's id")
    partnership.add_argument("--json", action="store_true", help="JSON instead of lines")


def cmd_history(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.history import HistoryService, partnership_uid

    uid = (
        partnership_uid(args.problem_id, args.actor_id)
        if args.record_type == "partnership"
        else args.id
    )
    database = open_database(args.db)
    try:
        entries = HistoryService(database).history(args.record_type, uid)
    finally:
        database.close()
    if args.json:
        json.dump([_entry_json(e) for e in entries], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not entries:
        print("Ingen ændringer registreret.", file=out)
    for entry in entries:
        for line in entry_lines(entry):
            print(line, file=out)
    return EXIT_OK


def entry_lines(entry: HistoryEntry) -> list[str]:
    """'2026-12-01 14:03  Anna (ændret)  Navn: »A« → »B«', each further field on a line of
    its own below the first."""
    when = entry.changed_at.astimezone().strftime("%Y-%m-%d %H:%M")
    head = f"{when}  {entry.changed_by or 'ukendt'} ({entry.action_label})"
    parts = [change_text(c) for c in entry.changes]
    if not entry.values_kept and entry.action != "imported":
        parts = ["(værdierne er slettet)"]
    if not parts:
        return [head]
    indent = " " * (len(head) + 2)
    return [f"{head}  {parts[0]}", *(f"{indent}{part}" for part in parts[1:])]


def change_text(change: FieldChange) -> str:
    """'Navn: »A« → »B«'; a new value alone when there was none before."""
    if change.old is None and change.new is not None:
        return f"{change.label}: {value_text(_shown(change, new=True))}"
    return (
        f"{change.label}: {value_text(_shown(change, new=False))} → "
        f"{value_text(_shown(change, new=True))}"
    )


def _shown(change: FieldChange, *, new: bool) -> Any:
    """The value as people read it (codes by their label), else as stored."""
    label, stored = (change.shown_new, change.new) if new else (change.shown_old, change.old)
    return stored if label is None else label


def value_text(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "(tom)"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list):
        text = ", ".join(
            json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else str(v)
            for v in value
        )
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    if len(text) > MAX_VALUE:
        text = text[: MAX_VALUE - 1] + "…"
    return f"»{text}«"


def _entry_json(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "changed_at": entry.changed_at.isoformat(),
        "changed_by": entry.changed_by,
        "action": entry.action,
        "version": entry.version,
        "values_kept": entry.values_kept,
        "changes": [
            {"field": c.field, "label": c.label, "old": c.old, "new": c.new} for c in entry.changes
        ],
    }


COMMANDS = {"history": cmd_history}
