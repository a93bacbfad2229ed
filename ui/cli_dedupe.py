"""The duplicate commands of the ``mapper`` CLI: dedupe (candidate pairs), merge, distinct."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from mapper.domain.errors import ConflictError, InputProblem, ValidationError

if TYPE_CHECKING:  # the services, rapidfuzz and SQLAlchemy load when a command runs
    from mapper.domain.dedupe import DuplicatePair
    from mapper.services.merge import MergeResult, MergeService

EXIT_OK, EXIT_BAD_INPUT, EXIT_CONFLICT = 0, 2, 3
SIDES = ("other", "survivor")


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    dedupe = sub.add_parser(
        "dedupe", help="list pairs of actors that may be the same, with score and evidence"
    )
    dedupe.add_argument("--json", action="store_true", help="JSON instead of text")
    dedupe.add_argument(
        "--min-score",
        type=_score_arg,
        default=None,
        metavar="N",
        help="only pairs scoring at least N (0-100; default: the review threshold)",
    )

    merge = sub.add_parser(
        "merge", help="merge OTHER into SURVIVOR (references move, OTHER is deleted)"
    )
    merge.add_argument("survivor", metavar="SURVIVOR", help="the actor that stays")
    merge.add_argument("other", metavar="OTHER", help="the actor merged into it")
    merge.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="FIELD=other|survivor",
        help=(
            "take a field from one side (e.g. name=other, location.postcode=other, "
            "target_groups=survivor); default: every non-empty field, the survivor's first"
        ),
    )
    merge.add_argument(
        "--dry-run", action="store_true", help="show the merged actor; store nothing"
    )

    distinct = sub.add_parser(
        "distinct", help="record that two actors are different: never proposed as a pair again"
    )
    distinct.add_argument("first", metavar="A")
    distinct.add_argument("second", metavar="B")


def _score_arg(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"a score is 0-100, not {text}")
    return value


def parse_takes(items: Sequence[str]) -> dict[str, str]:
    """``FIELD=other|survivor`` options as merge choices; a bad one is a ValidationError."""
    choices: dict[str, str] = {}
    problems = []
    for item in items:
        field, sep, side = item.partition("=")
        field, side = field.strip(), side.strip()
        if not sep or not field or side not in SIDES:
            problems.append(
                InputProblem(
                    "--take",
                    field or item,
                    item,
                    "expected FIELD=other or FIELD=survivor",
                    "e.g. --take name=other",
                    code="not_one_of",
                    params={"choices": list(SIDES), "nearest": None},
                )
            )
        else:
            choices[field] = side
    if problems:
        raise ValidationError(problems, source="mapper merge")
    return choices


def _service(args: argparse.Namespace) -> tuple[Any, MergeService]:
    from mapper.persistence.database import open_database
    from mapper.services.merge import MergeService

    database = open_database(args.db)
    return database, MergeService(database)


# --------------------------------------------------------------------------- dedupe


def cmd_dedupe(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    database, service = _service(args)
    try:
        pairs = service.candidates(min_score=args.min_score)
        names = service.names({i for p in pairs for i in (p.first_id, p.second_id)})
    finally:
        database.close()
    if args.json:
        json.dump([pair_json(p, names) for p in pairs], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_pairs(pairs, names, out)
    merges = sum(p.decision == "merge" for p in pairs)
    print(
        f"{len(pairs)} pair{'s' if len(pairs) != 1 else ''} ({merges} merge, "
        f"{len(pairs) - merges} review)",
        file=err,
    )
    return EXIT_OK


def pair_json(pair: DuplicatePair, names: Mapping[str, str]) -> dict[str, Any]:
    return {
        "first_id": pair.first_id,
        "first_name": names.get(pair.first_id),
        "second_id": pair.second_id,
        "second_name": names.get(pair.second_id),
        "score": pair.score,
        "decision": pair.decision,
        "evidence": [
            {"field": e.field, "agrees": e.agrees, "detail": e.detail} for e in pair.evidence
        ],
    }


def print_pairs(pairs: Sequence[DuplicatePair], names: Mapping[str, str], out: TextIO) -> None:
    """Each pair: score, decision, both actors and the evidence ('+' agrees, '-' differs)."""
    if not pairs:
        print("no duplicate candidates", file=out)
        return
    width = max(len(i) for p in pairs for i in (p.first_id, p.second_id))
    for pair in pairs:
        first = f"{pair.first_id:<{width}}  {names.get(pair.first_id, '')}"
        second = f"{pair.second_id:<{width}}  {names.get(pair.second_id, '')}"
        print(f"{pair.score:5.1f}  {pair.decision:<6}  {first}", file=out)
        print(f"{'':15}{second}", file=out)
        evidence = " · ".join(f"{'+' if e.agrees else '-'} {e.detail}" for e in pair.evidence)
        print(f"{'':15}{evidence}", file=out)


# --------------------------------------------------------------------------- merge, distinct


def cmd_merge(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    choices = parse_takes(args.take)
    database, service = _service(args)
    try:
        if args.dry_run:
            from mapper.io.interchange import actor_to_dict

            preview = service.preview(args.survivor, args.other, choices)
            json.dump(actor_to_dict(preview.merged), out, ensure_ascii=False, indent=2)
            out.write("\n")
            print(_fields_line(args.other, preview.fields) + "; nothing was stored", file=err)
            return EXIT_OK
        try:
            result = service.merge(args.survivor, args.other, choices)
        except ConflictError as exc:
            print(f"mapper: {exc}; nothing was stored", file=err)
            return EXIT_CONFLICT
    finally:
        database.close()
    print(result.version, file=out)
    print(merge_summary(result), file=err)
    return EXIT_OK


def _fields_line(other_id: str, fields: Mapping[str, str]) -> str:
    taken = [f for f, side in fields.items() if side == "merged"]
    return f"fields from {other_id}: {', '.join(taken) if taken else 'none'}"


def merge_summary(result: MergeResult) -> str:
    moved = result.moved
    parts = [
        f"{len(moved.problems)} problem statement(s)",
        f"{len(moved.children)} child actor(s)",
        f"{len(moved.partnerships)} partnership(s) moved",
        f"{len(moved.joined)} joined",
    ]
    return (
        f"merged {result.merged_id} into {result.survivor_id} (version {result.version}); "
        f"{', '.join(parts)}; {_fields_line(result.merged_id, result.fields)}"
    )


def cmd_distinct(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    database, service = _service(args)
    try:
        changes = service.mark_distinct(args.first, args.second)
    finally:
        database.close()
    if changes:
        print(
            f"{args.first} and {args.second} are different actors: "
            "they are not proposed as duplicates again",
            file=err,
        )
    else:
        print(f"{args.first} and {args.second} were already recorded as different", file=err)
    return EXIT_OK


COMMANDS = {
    "dedupe": cmd_dedupe,
    "merge": cmd_merge,
    "distinct": cmd_distinct,
}
