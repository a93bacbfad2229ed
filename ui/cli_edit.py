"""`mapper set` and `mapper show --meta`: scriptable edits of one actor or problem statement
through the same edit services as the desktop editors, with the same optimistic locking.

A FIELD is an interchange field name or a dotted path into one (``location.postcode``,
``profile.we_are``, ``seeking.roles``). A VALUE is JSON where it is valid JSON (``25``,
``true``, ``null``, ``["mentor"]``), else the text as typed. A field that holds text takes the
text as typed even when it looks like a number (``location.postcode=6700`` is ``"6700"``);
``0561`` is not JSON (a leading zero), so it is the text ``"0561"`` anywhere. ``null`` clears a
field.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from rapidfuzz import process

from mapper.domain.authors import RecordMeta
from mapper.domain.errors import ConflictError, InputProblem, ValidationError
from mapper.domain.vocabulary import read_data_json

if TYPE_CHECKING:  # the services, SQLAlchemy and the validators load when a command runs
    from mapper.persistence.database import Database

EXIT_OK, EXIT_BAD_INPUT, EXIT_CONFLICT = 0, 2, 3
KINDS = ("actor", "problem")

# What an actor seeks is not in the shared schema (its actors allow more properties); its shape
# is the one interchange._check_actor_seeking enforces.
_ACTOR_SEEKING = {
    "type": "object",
    "properties": {
        "description": {"type": "string"},
        "resources": {"$ref": "#/$defs/code_list"},
        "roles": {"$ref": "#/$defs/code_list"},
        "target_groups": {"$ref": "#/$defs/code_list"},
    },
}


@dataclass(frozen=True)
class Assignment:
    """One ``FIELD=VALUE`` of the command line."""

    field: str
    value: Any
    """The value parsed as JSON, or the text when it is not JSON."""
    text: str
    """The value as typed."""


def parse_value(text: str) -> Any:
    """JSON where ``text`` is valid JSON, else ``text`` itself. NaN and Infinity are not JSON."""

    def no_constant(name: str) -> Any:
        raise ValueError(name)

    try:
        return json.loads(text, parse_constant=no_constant)
    except ValueError:
        return text


def assignment_arg(text: str) -> Assignment:
    """The argparse type of FIELD=VALUE."""
    field, sep, value = text.partition("=")
    if not sep or not field.strip():
        raise argparse.ArgumentTypeError(
            f"{text!r} is not FIELD=VALUE (e.g. name='Ny forening' or roles='[\"mentor\"]')"
        )
    return Assignment(field.strip(), parse_value(value), value)


# --------------------------------------------------------------------------- fields


@dataclass(frozen=True)
class Fields:
    """The settable fields of one record type: dotted path → its JSON Schema."""

    schemas: Mapping[str, Mapping[str, Any]]
    open_objects: frozenset[str]
    """Objects with free keys (``registry_ids``): any ``registry_ids.KEY`` is a field."""

    def schema_of(self, path: str) -> Mapping[str, Any] | None:
        if path in self.schemas:
            return self.schemas[path]
        head, _, key = path.rpartition(".")
        if head in self.open_objects and key:
            extra = self.schemas[head].get("additionalProperties")
            return extra if isinstance(extra, dict) else {}
        return None

    def nearest(self, path: str) -> str | None:
        """The field a mistyped ``path`` most likely means (``postcode``: ``location.postcode``)."""
        names = sorted(self.schemas)
        last = path.rpartition(".")[2]
        by_last = [n for n in names if n.rpartition(".")[2] == last]
        if len(by_last) == 1:
            return by_last[0]
        found = process.extractOne(path, names, score_cutoff=60)
        return str(found[0]) if found else None


def _resolve(node: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    while isinstance(ref, str):
        node = defs[ref.rpartition("/")[2]]
        ref = node.get("$ref")
    return node


def fields_of(kind: str) -> Fields:
    """Every field of an actor or problem statement an edit may name, from the interchange
    schema (and the shape of an actor's ``seeking``)."""
    schema = read_data_json("landscape.schema.json")
    defs = schema["$defs"]
    top = dict(defs[kind])
    if kind == "actor":
        top = {**top, "properties": {**top["properties"], "seeking": _ACTOR_SEEKING}}
    schemas: dict[str, Mapping[str, Any]] = {}
    open_objects: set[str] = set()

    def walk(prefix: str, node: Mapping[str, Any]) -> None:
        for name, sub in node.get("properties", {}).items():
            path = f"{prefix}{name}"
            resolved = _resolve(sub, defs)
            schemas[path] = resolved
            if isinstance(resolved.get("additionalProperties"), dict):
                open_objects.add(path)
            if "properties" in resolved:
                walk(f"{path}.", resolved)

    walk("", top)
    return Fields(schemas, frozenset(open_objects))


def _takes_text(schema: Mapping[str, Any]) -> bool:
    if schema.get("type") == "string":
        return True
    choices = schema.get("enum")
    return isinstance(choices, list) and all(isinstance(c, str) for c in choices)


def typed_value(assignment: Assignment, schema: Mapping[str, Any]) -> Any:
    """The value to store: a field holding text takes the text as typed (``6700``, ``true``),
    anything else the parsed JSON; ``null`` clears the field either way."""
    value = assignment.value
    if value is not None and _takes_text(schema) and isinstance(value, (int, float, bool)):
        return assignment.text.strip()
    return value


def value_at(record: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path, or None when it (or an object on the way) is absent."""
    node: Any = record
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def set_at(record: dict[str, Any], path: str, value: Any) -> None:
    """Set (or with None remove) the value at a dotted path, creating objects on the way."""
    parts = path.split(".")
    node = record
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    if value is None:
        node.pop(parts[-1], None)
    else:
        node[parts[-1]] = value


# --------------------------------------------------------------------------- editing


class _EditService(Protocol):
    def load(self, record_id: str, /) -> tuple[Any, int]: ...

    def save(self, record: Any, *, expected_version: int | None) -> int: ...

    def load_meta(self, record_id: str, /) -> RecordMeta: ...


@dataclass(frozen=True)
class _Kind:
    service: Callable[[Database], _EditService]
    to_dict: Callable[[Any], dict[str, Any]]
    from_dict: Callable[[Mapping[str, Any]], Any]
    collection: str
    references: tuple[str, ...]
    """Fields naming other actors: the service checks them against the database."""


@cache
def _kinds() -> dict[str, _Kind]:
    from mapper.io import interchange
    from mapper.services.actors import ActorEditService
    from mapper.services.problems import ProblemEditService

    return {
        "actor": _Kind(
            ActorEditService,
            interchange.actor_to_dict,
            interchange.actor_from_dict,
            "actors",
            ("parent_id",),
        ),
        "problem": _Kind(
            ProblemEditService,
            interchange.problem_to_dict,
            interchange.problem_from_dict,
            "problems",
            ("owner_id",),
        ),
    }


def typed_assignments(kind: str, label: str, assignments: Sequence[Assignment]) -> list[Assignment]:
    """The assignments with their values typed for their fields; ValidationError naming every
    unknown field (with the nearest valid one) and an attempt to change the id."""
    fields = fields_of(kind)
    problems: list[InputProblem] = []
    typed: list[Assignment] = []
    for a in assignments:
        schema = fields.schema_of(a.field)
        if schema is None:
            nearest = fields.nearest(a.field)
            problems.append(
                InputProblem(
                    label,
                    a.field,
                    None,
                    f"not a field of a{'n' if kind == 'actor' else ''} {kind}",
                    f"did you mean {nearest}?" if nearest else None,
                    code="unknown_field",
                    params={"nearest": nearest},
                )
            )
        elif a.field == "id":
            problems.append(
                InputProblem(label, "id", a.value, "the id cannot be changed", code="invalid")
            )
        else:
            typed.append(Assignment(a.field, typed_value(a, schema), a.text))
    if problems:
        raise ValidationError(problems, source=label)
    return typed


def edited(kind: str, record: Any, assignments: Sequence[Assignment]) -> Any:
    """The record with the (typed) assignments applied, checked as an interchange record (its shape,
    codes and coordinates) before it becomes a domain record again."""
    from mapper.io import interchange

    spec = _kinds()[kind]
    doc = spec.to_dict(record)
    label = f"{kind} {doc['id']}"
    for a in assignments:
        set_at(doc, a.field, a.value)
    # References are left to the service, which knows the records in the database.
    referenced = [doc[f] for f in spec.references if isinstance(doc.get(f), str)]
    problems = interchange.validate_document(
        {
            "format": interchange.FORMAT,
            "version": interchange.VERSION,
            "actors": [],
            spec.collection: [doc],
        },
        known_actor_ids=referenced,
    )
    if problems:
        raise ValidationError(problems, source=label)
    return spec.from_dict(doc)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _conflict_report(
    exc: ConflictError, assignments: Sequence[Assignment], stored: Mapping[str, Any], err: TextIO
) -> None:
    kind, record_id = exc.kind, exc.record_id
    print(
        f"mapper: {kind} {record_id!r} was changed by someone else since version "
        f"{exc.expected_version} (stored: version {exc.actual_version}); nothing was stored",
        file=err,
    )
    rows = [
        (
            a.field,
            _json(a.value),
            _json(value_at(stored, a.field)),
        )
        for a in assignments
    ]
    headers = (
        "FIELD",
        f"YOURS (version {exc.expected_version})",
        f"STORED (version {exc.actual_version})",
    )
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    for row in (headers, *rows):
        print(
            "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(),
            file=err,
        )
    print(
        f"  to set your values over the stored ones: --expect-version {exc.actual_version}",
        file=err,
    )


def cmd_set(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    kind: str = args.what
    from mapper.persistence.database import open_database

    spec = _kinds()[kind]
    database = open_database(args.db)
    try:
        service = spec.service(database)
        record, version = service.load(args.id)
        assignments = typed_assignments(kind, f"{kind} {args.id}", args.assignments)
        changed = edited(kind, record, assignments)
        expected = version if args.expect_version is None else args.expect_version
        try:
            new_version = service.save(changed, expected_version=expected)
        except ConflictError as exc:
            stored, _ = service.load(args.id)
            _conflict_report(exc, assignments, spec.to_dict(stored), err)
            return EXIT_CONFLICT
    finally:
        database.close()
    print(new_version, file=out)
    fields = ", ".join(a.field for a in assignments)
    if new_version == expected:  # the values were already stored: the version stays
        print(f"{kind} {args.id}: {fields} unchanged (version {new_version})", file=err)
    else:
        print(f"{kind} {args.id}: {fields} saved (version {new_version})", file=err)
    return EXIT_OK


# --------------------------------------------------------------------------- meta data


def record_meta(database: Database, kind: str, record_id: str) -> dict[str, Any]:
    """The record's version and who created and last changed it, when (ISO 8601, UTC); who
    is null for changes made before authors were kept."""
    meta = _kinds()[kind].service(database).load_meta(record_id)
    return {
        "id": record_id,
        "version": meta.version,
        "created_at": meta.created_at.isoformat(),
        "created_by": meta.created_by,
        "updated_at": meta.updated_at.isoformat(),
        "updated_by": meta.updated_by,
    }


def cmd_show_meta(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database

    database = open_database(args.db)
    try:
        meta = record_meta(database, args.what, args.id)
    finally:
        database.close()
    json.dump(meta, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    edit = sub.add_parser(
        "set",
        help="change fields of one actor or problem statement (prints the new version)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    edit.add_argument("what", choices=KINDS)
    edit.add_argument("id", help="the record's interchange id")
    edit.add_argument(
        "assignments",
        nargs="+",
        type=assignment_arg,
        metavar="FIELD=VALUE",
        help="e.g. name='Ny forening', location.postcode=6700, roles='[\"mentor\"]', public=false",
    )
    edit.add_argument(
        "--expect-version",
        type=int,
        metavar="N",
        help="refuse (exit 3) unless the record is still at version N (default: the version "
        "just read)",
    )


def add_meta_option(show: argparse.ArgumentParser) -> None:
    show.add_argument(
        "--meta",
        action="store_true",
        help="version and who created and last changed the record, when (JSON)",
    )


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {"set": cmd_set}
