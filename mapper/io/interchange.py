"""The interchange document (``landscape.schema.json``): parse, validate, convert.

Validation is complete before anything is stored: the JSON Schema first, then what a schema cannot
say (codes from the vocabularies, unique ids, references between records, coordinates that come
in pairs). Every problem names the record id, the field and the bad value, with the nearest valid
code as a hint.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import IO, Any

import jsonschema_rs
import orjson
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError
from rapidfuzz import process
from rapidfuzz.utils import default_process

from mapper.domain.actor_rules import actor_rule_problems
from mapper.domain.errors import InputProblem, ValidationError
from mapper.domain.ids import nearest_id
from mapper.domain.limits import limits_schema, record_problems
from mapper.domain.model import (
    Actor,
    ActorSeeking,
    Consent,
    Contact,
    Landscape,
    Location,
    Partnership,
    ProblemStatement,
    Profile,
    Resource,
    ReviewNote,
    Seeking,
)
from mapper.domain.municipality import municipality_code_problem, padded
from mapper.domain.parents import ParentLookup, parent_cycle_problems
from mapper.domain.vocabulary import Vocabulary, load_vocabulary, read_data_json
from mapper.io.bulk import collector_paused
from mapper.io.files import write_output
from mapper.io.stream import COLLECTIONS, Batch, Member, document_items

FORMAT = "mapper-landscape"
VERSION = 1

# Which vocabulary each coded field draws from, per record type (field path → facet).
_ACTOR_CODES = {
    "kind": "actor_kinds",
    "target_groups": "target_groups",
    "roles": "roles",
    "prevention_levels": "prevention_levels",
    "resources_offered.kind": "resource_kinds",
    "profile.evidence_level": "evidence_levels",
}
# What an actor itself seeks: not in the shared schema (its actors allow more properties), so
# its shape is checked here (_check_actor_seeking) before its codes.
_ACTOR_SEEKING_CODES = {
    "seeking.resources": "resource_kinds",
    "seeking.roles": "roles",
    "seeking.target_groups": "target_groups",
}
_PROBLEM_CODES = {
    "target_groups": "target_groups",
    "prevention_level": "prevention_levels",
    "seeking.resources.kind": "resource_kinds",
    "seeking.required_resources": "resource_kinds",
    "seeking.roles": "roles",
    "seeking.actor_kinds": "actor_kinds",
    "seeking.excluded_actor_kinds": "actor_kinds",
}
_PARTNERSHIP_CODES = {
    "stage": "partnership_stages",
    "type": "partnership_types",
    "success_factors": "partnership_success_factors",
    "evidence_level": "evidence_levels",
}


_PARTNERSHIP_EXTENSIONS: Mapping[str, Any] = {
    "effect": {"type": "string"},
    "evidence_level": {"type": "string"},
}
"""Partnership fields of ours beyond the shared schema (whose partnerships stay open to more
properties, so our documents stay valid against it): how we know it works and the step on the
evidence ladder."""


def _landscape_schema() -> dict[str, Any]:
    """The shipped landscape schema (a copy of the shared spec) with our partnership fields."""
    schema: dict[str, Any] = copy.deepcopy(read_data_json("landscape.schema.json"))
    schema["$defs"]["partnership"]["properties"].update(copy.deepcopy(_PARTNERSHIP_EXTENSIONS))
    return schema


@cache
def _validator() -> Draft202012Validator:
    schema = _landscape_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@cache
def _fast_validator() -> Any:
    """The schema closed at every level (``_strict_schema``) compiled by jsonschema-rs: ~100x
    faster, used to accept valid documents; the Python validator and the walk for unknown
    fields explain invalid ones."""
    return jsonschema_rs.validator_for(_strict_schema(), validate_formats=True)


def _strict_schema() -> dict[str, Any]:
    """The landscape schema with no field beyond its own (additionalProperties: false on
    every object the format defines) and our extensions on actors, whose insides are checked
    by hand: so accepting a batch at Rust speed includes the check for unknown fields."""
    schema = _landscape_schema()
    defs = schema["$defs"]
    closed = [schema, *(defs[name] for name in _DEFINED_OBJECTS)]
    closed += [defs["actor"]["properties"]["consent"], defs["problem"]["properties"]["seeking"]]
    for node in closed:
        node["additionalProperties"] = False
    for extension in _ACTOR_EXTENSIONS:
        defs["actor"]["properties"][extension] = {}
    return schema


_DEFINED_OBJECTS = ("actor", "location", "contact", "profile", "resource", "problem", "partnership")
_ACTOR_EXTENSIONS = ("seeking", "review_notes")
"""Actor fields of ours beyond the shared schema (checked by _check_actor_seeking and
_check_review_notes)."""


def _schema_problems(
    doc: Mapping[str, Any], offset: int = 0, faulty: set[tuple[str, int]] | None = None
) -> list[InputProblem]:
    """What the schema finds wrong; records are named by id, else by position plus ``offset``
    (a batch of a longer array). ``faulty`` gets (collection, position in doc) of each record
    with a fault."""
    if _fast_validator().is_valid(doc):
        return []
    problems = []
    for error in _validator().iter_errors(doc):
        problems.append(_schema_problem(doc, error, offset))
        path = list(error.absolute_path)
        if faulty is not None and len(path) >= 2 and isinstance(path[1], int):
            faulty.add((str(path[0]), path[1]))
    unknown = _unknown_field_problems(doc, offset)
    if unknown:
        return sorted(problems, key=lambda p: (p.record, p.field)) + unknown
    if not problems:  # the two validators disagree on a detail: report the fast one's words
        problems = [
            InputProblem(
                _dotted(e.instance_path[:2]) or "document",
                _dotted(e.instance_path[2:]) or "(record)",
                None,
                e.message,
            )
            for e in _fast_validator().iter_errors(doc)
        ]
    return sorted(problems, key=lambda p: (p.record, p.field))


# --------------------------------------------------------------------------- reading


def read_document(source: str | Path | IO[str] | IO[bytes]) -> dict[str, Any]:
    """Parse a JSON document; malformed JSON is a ValidationError naming line and column."""
    name = str(source) if isinstance(source, (str, Path)) else getattr(source, "name", "<input>")
    if isinstance(source, (str, Path)):
        with open(source, "rb") as fh:
            raw: str | bytes = fh.read()
    else:
        raw = source.read()
    try:
        with collector_paused():
            data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise ValidationError(
            [
                InputProblem(
                    "document",
                    where,
                    None,
                    f"not valid JSON: {exc.msg}",
                    code="not_json",
                    params={"line": exc.lineno, "column": exc.colno},
                )
            ],
            source=name,
        ) from exc
    if not isinstance(data, dict):
        raise ValidationError(
            [
                InputProblem(
                    "document",
                    "(top level)",
                    type(data).__name__,
                    "expected a JSON object",
                    '{"format": "mapper-landscape", ...}',
                    code="not_object",
                )
            ],
            source=name,
        )
    return data


def validate_document(
    doc: Mapping[str, Any],
    vocabulary: Vocabulary | None = None,
    known_actor_ids: Iterable[str] = (),
    known_problem_ids: Iterable[str] = (),
) -> list[InputProblem]:
    """Every problem of the document; an empty list means it can be imported.

    ``known_*_ids`` are records already in the database, which references may point at.
    """
    check = DocumentCheck(vocabulary)
    for item in document_items(doc):
        check.add(item)
    return check.finish(known_actor_ids, known_problem_ids)


def parse_document(
    doc: Mapping[str, Any],
    *,
    source: str | None = None,
    vocabulary: Vocabulary | None = None,
    known_actor_ids: Iterable[str] = (),
    known_problem_ids: Iterable[str] = (),
) -> Landscape:
    """Validate and convert a document; raises ValidationError listing every problem."""
    check = DocumentCheck(vocabulary)
    records: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
    for item in document_items(doc):
        if (converted := check.add(item)) is not None:
            records[item.collection] += converted  # type: ignore[union-attr]
    problems = check.finish(known_actor_ids, known_problem_ids)
    if problems:
        raise ValidationError(problems, source=source)
    return Landscape(
        actors=tuple(records["actors"]),
        problems=tuple(records["problems"]),
        partnerships=tuple(records["partnerships"]),
    )


_Record = Actor | ProblemStatement | Partnership


class DocumentCheck:
    """Validation of one document fed as items (mapper.io.stream: top-level members and
    batches of records, in any order), so that a document of any size is checked while it is
    read. Each batch is checked when it comes — schema, limits, unknown fields, codes and the
    actor rules (mapper.domain.actor_rules) — and its valid records come back converted.
    References between records are checked by ``finish``, once every id of the document is
    known; ``referenced_elsewhere`` names the ids to look for in the database first.

    ``problems`` holds everything found so far: a document may be stored only if ``finish``
    returns no problem.
    """

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or load_vocabulary()
        self.problems: list[InputProblem] = []
        self._members: dict[str, Any] = {}
        self._present: set[str] = set()
        self._ids: dict[str, set[str]] = {"actor": set(), "problem": set()}
        self._references: list[tuple[str, str, str, str]] = []
        """(record label, field, id, kind of record) of every reference, checked at the end."""
        self._parents: dict[str, str | None] = {}
        """Actor id → the parent the document gives it (None: none), for the cycle check."""
        self._pairs: set[tuple[str, str]] = set()
        self._codes = {
            facet: self.vocabulary.codes(facet)
            for fields in (_ACTOR_CODES, _ACTOR_SEEKING_CODES, _PROBLEM_CODES, _PARTNERSHIP_CODES)
            for facet in fields.values()
        }

    def add(self, item: Member | Batch) -> list[_Record] | None:
        """Check one item; for a batch, its records that passed the record checks, converted
        (those with faults are left out and named in ``problems``)."""
        if isinstance(item, Member):
            self.member(item.key, item.value)
            return None
        if item.collection == "actors":
            return list(self.actors(item.records, item.offset))
        if item.collection == "problems":
            return list(self.problem_statements(item.records, item.offset))
        return list(self.partnerships(item.records, item.offset))

    def member(self, key: str, value: Any) -> None:
        """A top-level member (``format``, ``version`` …), checked by ``finish``."""
        self._members[key] = value

    def _shapes(self, collection: str, records: list[Any], offset: int) -> set[int]:
        """Schema, limits and unknown fields of a batch; the positions (in the batch) of the
        records whose shape is wrong, which the code and rule checks skip."""
        self._present.add(collection)
        wrapper: dict[str, Any] = {"format": FORMAT, "version": VERSION, "actors": []}
        wrapper[collection] = records
        if _accepted(wrapper):
            return set()
        faulty: set[tuple[str, int]] = set()
        problems = _schema_problems(wrapper, offset, faulty)
        # Texts, integers and numbers beyond what both databases store (mapper.domain.limits),
        # for every field the schema has not already found fault with.
        seen = {(p.record, p.field) for p in problems}
        problems += [p for p in _limit_problems(wrapper, offset) if (p.record, p.field) not in seen]
        self.problems += problems
        if problems and not faulty:  # only the fast validator's words: trust no record
            return set(range(len(records)))
        return {i for name, i in faulty if name == collection}

    def _new_id(self, kind: str, record_id: str) -> None:
        ids = self._ids[kind]
        if record_id in ids:
            self.problems.append(
                InputProblem(
                    f"{kind} {record_id}",
                    "id",
                    record_id,
                    f"the id is used by more than one {kind}",
                    code="duplicate_id",
                    params={"kind": kind},
                )
            )
        ids.add(record_id)

    def actors(self, records: list[Any], offset: int = 0) -> Iterator[Actor]:
        faulty = self._shapes("actors", records, offset)
        problems = self.problems
        for i, record in enumerate(records):
            if i in faulty:
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    self._ids["actor"].add(record["id"])
                continue
            label = f"actor {record['id']}"
            self._new_id("actor", record["id"])
            before = len(problems)
            self._check_codes(record, _ACTOR_CODES, label)
            seeking = record.get("seeking")
            # Our extensions, which the schema does not know: their shapes first.
            readable = seeking is None or _check_actor_seeking(seeking, label, problems)
            # Most actors state nothing sought: no second pass over their codes.
            if seeking is not None and readable:
                self._check_codes(record, _ACTOR_SEEKING_CODES, label)
            _check_location(record.get("location"), label, problems)
            if record.get("review_notes") is not None:
                noted = len(problems)
                _check_review_notes(record["review_notes"], label, problems)
                readable = readable and len(problems) == noted
            parent = record.get("parent_id")
            self._parents[record["id"]] = parent
            if parent is not None:
                if parent == record["id"]:
                    problems.append(
                        InputProblem(
                            label,
                            "parent_id",
                            parent,
                            "an actor cannot be its own parent",
                            code="own_parent",
                        )
                    )
                else:
                    self._references.append((label, "parent_id", parent, "actor"))
            if not readable:
                continue
            # The editor's rules too, also for a record with a wrong code (the editor shows
            # every problem of the form at once).
            actor = actor_from_dict(record)
            problems += actor_rule_problems(actor, self.vocabulary)
            if len(problems) == before:
                yield actor

    def problem_statements(self, records: list[Any], offset: int = 0) -> Iterator[ProblemStatement]:
        faulty = self._shapes("problems", records, offset)
        problems = self.problems
        for i, record in enumerate(records):
            if i in faulty:
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    self._ids["problem"].add(record["id"])
                continue
            label = f"problem {record['id']}"
            self._new_id("problem", record["id"])
            before = len(problems)
            self._check_codes(record, _PROBLEM_CODES, label)
            _check_location(record.get("location"), label, problems)
            if found := municipality_code_problem(
                record.get("municipality_code"), label, "municipality_code"
            ):
                problems.append(found)
            owner = record.get("owner_id")
            if owner is not None:
                self._references.append((label, "owner_id", owner, "actor"))
            if len(problems) == before:
                yield problem_from_dict(record)

    def partnerships(self, records: list[Any], offset: int = 0) -> Iterator[Partnership]:
        faulty = self._shapes("partnerships", records, offset)
        problems = self.problems
        for i, record in enumerate(records):
            if i in faulty:
                continue
            pair = (record["problem_id"], record["actor_id"])
            label = f"partnership {pair[0]} ↔ {pair[1]}"
            before = len(problems)
            self._check_codes(record, _PARTNERSHIP_CODES, label)
            self._references.append((label, "problem_id", pair[0], "problem"))
            self._references.append((label, "actor_id", pair[1], "actor"))
            if pair in self._pairs:
                problems.append(
                    InputProblem(
                        label,
                        "problem_id/actor_id",
                        list(pair),
                        "the same partnership appears twice",
                        code="duplicate_partnership",
                    )
                )
            self._pairs.add(pair)
            if len(problems) == before:
                yield partnership_from_dict(record)

    def referenced_elsewhere(self, kind: str) -> set[str]:
        """Ids of ``kind`` ('actor' or 'problem') that records refer to but the document
        does not hold (so far): the database may."""
        ids = self._ids[kind]
        return {ref for _, _, ref, of in self._references if of == kind and ref not in ids}

    def finish(
        self,
        known_actor_ids: Iterable[str] = (),
        known_problem_ids: Iterable[str] = (),
        stored_parents: ParentLookup | None = None,
    ) -> list[InputProblem]:
        """Every problem of the document: those found in its records, its top level,
        references to ids neither the document nor ``known_*_ids`` (the database) hold, and
        parents that lead back to an actor (through ``stored_parents``, the database's, for
        actors the document does not hold)."""
        stub: dict[str, Any] = dict(self._members)
        for collection in self._present:
            stub[collection] = []
        top = _schema_problems(stub)
        known = {
            "actor": self._ids["actor"] | set(known_actor_ids),
            "problem": self._ids["problem"] | set(known_problem_ids),
        }
        references = [
            _unknown_ref(label, field, ref, known[kind], kind)
            for label, field, ref, kind in self._references
            if ref not in known[kind]
        ]
        cycles = parent_cycle_problems(self._parents, stored_parents)
        return top + self.problems + references + cycles

    def _check_codes(
        self, record: Mapping[str, Any], fields: Mapping[str, str], label: str
    ) -> None:
        codes = self._codes
        for path, facet in fields.items():
            # The common case first, without walking the record: every value is a valid code.
            head, _, rest = path.partition(".")
            value = record.get(head)
            if value is None:
                continue
            valid = codes[facet]
            if "." in rest:
                pass
            elif not rest:
                if _all_in(value, valid):
                    continue
            elif isinstance(value, list):
                if all(_all_in(item.get(rest), valid) for item in value):
                    continue
            elif _all_in(value.get(rest), valid):
                continue
            _check_codes(record, {path: facet}, label, self.vocabulary, self.problems)


def _all_in(value: Any, valid: frozenset[str]) -> bool:
    """A code, or a list of codes (shapes the schema has checked), all valid; None is."""
    if value is None:
        return True
    return value in valid if isinstance(value, str) else valid.issuperset(value)


@functools.cache
def _screen() -> Any:
    """The closed schema and the limits in one validator: a batch of valid records is accepted
    in one pass at Rust speed (each validator converts every Python value it reads)."""
    schema = _strict_schema()
    limits = limits_schema()
    schema["$defs"].update(limits["$defs"])  # names apart: clean, text…, integer
    schema["allOf"] = [{"properties": limits["properties"]}]
    return jsonschema_rs.validator_for(schema, validate_formats=True)


def _accepted(doc: Mapping[str, Any]) -> bool:
    """True when ``doc`` has no fault of shape, unknown field or limit (False: look closer)."""
    try:
        return bool(_screen().is_valid(doc))
    except (ValueError, TypeError, OverflowError):
        return False  # a value JSON cannot hold (NaN, a huge integer): the walks name it


@functools.cache
def _limits_screen() -> Any:
    """mapper.domain.limits as a compiled schema: accepting a whole document at Rust speed
    spares the per-value walk (which took a third of a 100,000-actor import)."""
    return jsonschema_rs.validator_for(limits_schema())


def _limit_problems(doc: Mapping[str, Any], offset: int = 0) -> list[InputProblem]:
    try:
        if _limits_screen().is_valid(doc):
            return []
    except (ValueError, TypeError, OverflowError):
        pass  # a value JSON cannot hold (NaN, a huge integer): the walk names it
    found: list[InputProblem] = []
    for collection in ("actors", "problems", "partnerships"):
        records = doc.get(collection)
        if isinstance(records, list):
            for i, record in enumerate(records):
                if isinstance(record, Mapping):
                    label = _record_name(collection, offset + i, record)
                    found += record_problems(collection[:-1], label, record)
    return found


def _schema_problem(doc: Mapping[str, Any], error: SchemaError, offset: int = 0) -> InputProblem:
    path = list(error.absolute_path)
    record = "document"
    field_path = path
    collections = ("actors", "problems", "partnerships")
    if len(path) >= 2 and path[0] in collections and isinstance(path[1], int):
        item = doc[path[0]][path[1]]
        record = _record_name(path[0], offset + path[1], item)
        field_path = path[2:]
    field = _dotted(field_path)
    value: object = error.instance
    hint = None
    message = error.message
    limit = error.validator_value
    # The code and params the UI renders (mapper.domain.errors.PROBLEM_CODES).
    code = _SCHEMA_CODES.get(str(error.validator), "invalid")
    params: dict[str, object] = {}
    if error.validator == "required":
        instance = error.instance if isinstance(error.instance, dict) else {}
        missing = next((m for m in error.validator_value if m not in instance), "?")
        field = _dotted([*field_path, missing])
        value = None
        message = f"required field '{missing}' is missing"
    elif error.validator == "enum":
        nearest = _nearest(str(error.instance), [str(v) for v in error.validator_value])
        hint = f"nearest valid value: {nearest}" if nearest else None
        message = f"not one of {', '.join(map(str, error.validator_value))}"
        params = {"choices": list(error.validator_value), "nearest": nearest}
    elif error.validator == "const":
        hint = f"expected {error.validator_value!r}"
        message = "wrong value"
        params = {"expected": limit}
    elif error.validator in ("minimum", "maximum"):
        message = f"out of range ({error.validator} is {error.validator_value})"
        params = {"min": limit} if error.validator == "minimum" else {"max": limit}
    elif error.validator == "type":
        message = f"expected {error.validator_value}"
        params = {"expected": limit}
    elif error.validator == "minLength" and limit == 1:
        code = "required"  # an empty text where one is needed
    elif error.validator in ("minLength", "minItems"):
        params = {"min": limit}
    elif error.validator == "maxLength":
        length = len(error.instance) if isinstance(error.instance, str) else None
        params = {"limit": limit, "length": length}
    elif error.validator == "maxItems":
        params = {"max": limit}
    elif error.validator in ("format", "pattern"):
        params = {"format": limit if error.validator == "format" else "pattern"}
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)[:80]
    return InputProblem(record, field or "(record)", value, message, hint, code=code, params=params)


_SCHEMA_CODES = {
    "required": "required",
    "enum": "not_one_of",
    "const": "wrong_value",
    "minimum": "out_of_range",
    "maximum": "out_of_range",
    "type": "wrong_type",
    "minLength": "too_short",
    "maxLength": "too_long",
    "minItems": "too_few",
    "maxItems": "too_many",
    "uniqueItems": "duplicate_items",
    "format": "bad_format",
    "pattern": "bad_format",
}
"""The problem code of each JSON Schema keyword the landscape schema uses."""


def _record_name(collection: str, index: int, item: Any) -> str:
    singular = collection[:-1]
    if isinstance(item, dict):
        if isinstance(item.get("id"), str) and item["id"]:
            return f"{singular} {item['id']}"
        if collection == "partnerships" and "problem_id" in item and "actor_id" in item:
            return f"partnership {item['problem_id']} ↔ {item['actor_id']}"
    return f"{collection}[{index}]"


def _dotted(path: Sequence[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _nearest(value: str, choices: Sequence[str]) -> str | None:
    match = process.extractOne(value, choices)
    return match[0] if match else None


@cache
def _known_fields() -> dict[str, frozenset[str]]:
    """The fields of each kind of object: the schema's properties, and for actors our own
    extensions (what the actor seeks, review notes), whose insides are checked by
    _check_actor_seeking and _check_review_notes; partnerships' own are in the schema here."""
    schema = _landscape_schema()
    defs = schema["$defs"]

    def fields(node: Mapping[str, Any]) -> frozenset[str]:
        return frozenset(node["properties"])

    return {
        "document": fields(schema),
        "actor": fields(defs["actor"]) | set(_ACTOR_EXTENSIONS),
        "location": fields(defs["location"]),
        "contact": fields(defs["contact"]),
        "profile": fields(defs["profile"]),
        "consent": fields(defs["actor"]["properties"]["consent"]),
        "resource": fields(defs["resource"]),
        "problem": fields(defs["problem"]),
        "problem.seeking": fields(defs["problem"]["properties"]["seeking"]),
        "partnership": fields(defs["partnership"]),
    }


_NESTED_OBJECTS = {
    "actor": (
        ("location", "location"),
        ("contact", "contact"),
        ("profile", "profile"),
        ("consent", "consent"),
    ),
    "problem": (("location", "location"), ("seeking", "problem.seeking")),
}
_NESTED_LISTS = {
    "actor": (("resources_offered", "resource"),),
    "problem.seeking": (("resources", "resource"),),
}


def _unknown_field_problems(doc: Mapping[str, Any], offset: int = 0) -> list[InputProblem]:
    """Unknown fields of the document and of every record in it."""
    found: list[InputProblem] = []
    _check_unknown_fields(doc, "document", "document", found, nested=False)
    for collection in COLLECTIONS:
        records = doc.get(collection)
        if isinstance(records, list):
            for i, record in enumerate(records):
                if isinstance(record, dict):
                    label = _record_name(collection, offset + i, record)
                    _check_unknown_fields(record, collection[:-1], label, found)
    return found


def _check_unknown_fields(
    record: Mapping[str, Any],
    kind: str,
    label: str,
    problems: list[InputProblem],
    prefix: str = "",
    *,
    nested: bool = True,
) -> None:
    """A field the format does not have is an error, at every level (a typo such as
    "Public": false must not leave a record public)."""
    known = _known_fields()[kind]
    if not known.issuperset(record):
        for key in sorted(set(record) - known, key=str):
            problems.append(_unknown_field(label, f"{prefix}{key}", str(key), known))
    if not nested:
        return
    for field, inner in _NESTED_OBJECTS.get(kind, ()):
        value = record.get(field)
        if isinstance(value, dict) and value:
            _check_unknown_fields(value, inner, label, problems, f"{prefix}{field}.")
    for field, inner in _NESTED_LISTS.get(kind, ()):
        items = record.get(field)
        if isinstance(items, list):
            for i, item in enumerate(items):
                if isinstance(item, dict):
                    _check_unknown_fields(item, inner, label, problems, f"{prefix}{field}[{i}].")


def _unknown_field(label: str, field: str, key: str, known: Collection[str]) -> InputProblem:
    nearest = _nearest_field(key, known)
    return InputProblem(
        label,
        field,
        None,
        f"unknown field {key!r}",
        f"did you mean {nearest!r}?" if nearest else None,
        code="unknown_field",
        params={"nearest": nearest},
    )


def _nearest_field(key: str, known: Collection[str]) -> str | None:
    """The known field a typo most likely meant: the same name in other case, else the
    closest name (none when nothing is close)."""
    for name in known:
        if name.lower() == key.lower():
            return name
    match = process.extractOne(key, sorted(known), processor=default_process, score_cutoff=50)
    return match[0] if match else None


def _unknown_ref(label: str, field: str, value: str, known: set[str], kind: str) -> InputProblem:
    # The one id rule: an id is offered only when it is close (mapper.domain.ids).
    hint = nearest_id(value, sorted(known)) if known else None
    return InputProblem(
        label,
        field,
        value,
        f"no {kind} with this id in the document or the database",
        f"nearest id: {hint}" if hint else None,
        code="unknown_reference",
        params={"kind": kind, "nearest": hint},
    )


def _values_at(record: Mapping[str, Any], path: str) -> Iterator[tuple[str, Any]]:
    """(field path, value) for each value at a dotted path, descending through lists."""
    head, _, rest = path.partition(".")
    value = record.get(head)
    if value is None:
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            if rest:
                if isinstance(item, dict):
                    for sub, v in _values_at(item, rest):
                        yield f"{head}[{i}].{sub}", v
            else:
                yield f"{head}[{i}]", item
    elif rest:
        if isinstance(value, dict):
            for sub, v in _values_at(value, rest):
                yield f"{head}.{sub}", v
    else:
        yield head, value


def _check_codes(
    record: Mapping[str, Any],
    fields: Mapping[str, str],
    label: str,
    vocab: Vocabulary,
    problems: list[InputProblem],
) -> None:
    for path, facet in fields.items():
        valid = vocab.codes(facet)
        for field, value in _values_at(record, path):
            if isinstance(value, str) and not value.strip():
                # An empty choice ("Vælg en type …") is a field left out, not a wrong code.
                problems.append(
                    InputProblem(
                        label, field, value, f"a code of {facet} is required", code="required"
                    )
                )
                continue
            if value not in valid:
                nearest = vocab.nearest(facet, str(value))
                problems.append(
                    InputProblem(
                        label,
                        field,
                        value,
                        f"unknown code in {facet}",
                        f"nearest valid code: {nearest}" if nearest else None,
                        code="unknown_code",
                        params={"facet": facet, "nearest": nearest},
                    )
                )


def _check_location(
    location: Mapping[str, Any] | None, label: str, problems: list[InputProblem]
) -> None:
    if not location:
        return
    code = location.get("municipality_code")
    if found := municipality_code_problem(code, label, "location.municipality_code"):
        problems.append(found)
    has_lat, has_lon = "lat" in location, "lon" in location
    if has_lat != has_lon:
        missing = "lon" if has_lat else "lat"
        problems.append(
            InputProblem(
                label,
                f"location.{missing}",
                None,
                "a coordinate needs both lat and lon",
                code="both_or_neither",
                params={"missing": missing},
            )
        )


def _check_actor_seeking(seeking: Any, label: str, problems: list[InputProblem]) -> bool:
    """The shape of an actor's "seeking" object; True when its codes can be checked."""

    def wrong_type(field: str, value: Any, expected: str) -> InputProblem:
        return InputProblem(
            label,
            field,
            value,
            f"expected {expected}",
            code="wrong_type",
            params={"expected": expected},
        )

    if seeking is None:
        return True
    if not isinstance(seeking, dict):
        problems.append(wrong_type("seeking", seeking, "object"))
        return False
    ok = True
    fields = ("description", "resources", "roles", "target_groups")
    for key, value in seeking.items():
        field = f"seeking.{key}"
        if key not in fields:
            problems.append(_unknown_field(label, field, key, fields))
            ok = False
        elif key == "description":
            if not isinstance(value, str):
                problems.append(wrong_type(field, value, "string"))
                ok = False
        elif not isinstance(value, list):
            problems.append(wrong_type(field, value, "array"))
            ok = False
        else:
            for i, item in enumerate(value):
                if not isinstance(item, str):
                    problems.append(wrong_type(f"{field}[{i}]", item, "string"))
                    ok = False
    return ok


_REVIEW_NOTE_FIELDS = ("field", "value", "reason")


def _check_review_notes(notes: Any, label: str, problems: list[InputProblem]) -> None:
    """The shape of an actor's "review_notes": a list of {"field", "value", "reason"} objects
    of non-empty texts (not in the shared schema, so checked here)."""
    if not isinstance(notes, list):
        problems.append(
            InputProblem(
                label,
                "review_notes",
                notes,
                "expected array",
                code="wrong_type",
                params={"expected": "array"},
            )
        )
        return
    for i, note in enumerate(notes):
        where = f"review_notes[{i}]"
        if not isinstance(note, dict):
            problems.append(
                InputProblem(
                    label,
                    where,
                    note,
                    "expected object",
                    code="wrong_type",
                    params={"expected": "object"},
                )
            )
            continue
        for key in note:
            if key not in _REVIEW_NOTE_FIELDS:
                problems.append(
                    _unknown_field(label, f"{where}.{key}", str(key), _REVIEW_NOTE_FIELDS)
                )
        for key in _REVIEW_NOTE_FIELDS:
            value = note.get(key)
            if not isinstance(value, str) or not value.strip():
                problems.append(
                    InputProblem(
                        label,
                        f"{where}.{key}",
                        value,
                        f"required field '{key}' is missing"
                        if value is None
                        else "expected a non-empty string",
                        code="required" if value is None else "wrong_type",
                        params={} if value is None else {"expected": "string"},
                    )
                )


# --------------------------------------------------------------------------- dict → model


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _resource(d: Mapping[str, Any]) -> Resource:
    return Resource(
        kind=d["kind"],
        description=d.get("description"),
        hours_per_month=d.get("hours_per_month"),
        amount_dkk=d.get("amount_dkk"),
    )


def _padded(code: str | None) -> str | None:
    return padded(code) if code else code


def _location(d: Mapping[str, Any] | None) -> Location:
    d = d or {}
    return Location(
        address=d.get("address"),
        postcode=d.get("postcode"),
        city=d.get("city"),
        # "561" and "0561" are one municipality (Esbjerg): stored as four digits.
        municipality_code=_padded(d.get("municipality_code")),
        lat=d.get("lat"),
        lon=d.get("lon"),
        precision=d.get("precision"),
    )


def actor_from_dict(d: Mapping[str, Any]) -> Actor:
    profile = d.get("profile") or {}
    seeking = d.get("seeking") or {}
    contact = d.get("contact") or {}
    consent = d.get("consent") or {}
    vocab = load_vocabulary()
    return Actor(
        id=d["id"],
        name=d["name"],
        kind=d["kind"],
        parent_id=d.get("parent_id"),
        registry_ids=tuple(sorted((d.get("registry_ids") or {}).items())),
        location=_location(d.get("location")),
        service_area_km=d.get("service_area_km"),
        employees=d.get("employees"),
        volunteers=d.get("volunteers"),
        target_groups=tuple(d.get("target_groups", ())),
        resources_offered=tuple(_resource(r) for r in d.get("resources_offered", ())),
        roles=tuple(d.get("roles", ())),
        prevention_levels=tuple(d.get("prevention_levels", ())),
        profile=Profile(
            we_are=profile.get("we_are"),
            best_at=profile.get("best_at"),
            worst_at=profile.get("worst_at"),
            success_examples=tuple(profile.get("success_examples", ())),
            attractive_partner_because=profile.get("attractive_partner_because"),
            role_towards_target_group=profile.get("role_towards_target_group"),
            how_we_know_it_works=profile.get("how_we_know_it_works"),
            evidence_level=profile.get("evidence_level"),
        ),
        seeking=ActorSeeking(
            description=seeking.get("description"),
            resources=tuple(seeking.get("resources", ())),
            roles=tuple(seeking.get("roles", ())),
            target_groups=tuple(seeking.get("target_groups", ())),
        ),
        contact=Contact(
            name=contact.get("name"),
            email=contact.get("email"),
            phone=contact.get("phone"),
            website=contact.get("website"),
        ),
        # Individual volunteers are personal data: not public unless the document says so.
        public=d.get("public", not vocab.holds_personal_data(d["kind"])),
        consent=Consent(given_on=_date(consent.get("given_on")), purpose=consent.get("purpose")),
        verified_on=_date(d.get("verified_on")),
        active=d.get("active", True),
        review_notes=tuple(
            ReviewNote(n["field"], n["value"], n["reason"]) for n in d.get("review_notes") or ()
        ),
    )


def problem_from_dict(d: Mapping[str, Any]) -> ProblemStatement:
    s = d.get("seeking") or {}
    return ProblemStatement(
        id=d["id"],
        title=d["title"],
        owner_id=d.get("owner_id"),
        municipality_code=_padded(d.get("municipality_code")),
        description=d.get("description"),
        concreteness=d.get("concreteness"),
        target_groups=tuple(d.get("target_groups", ())),
        prevention_level=d.get("prevention_level"),
        our_role=d.get("our_role"),
        how_we_know_it_works=d.get("how_we_know_it_works"),
        seeking=Seeking(
            description=s.get("description"),
            resources=tuple(_resource(r) for r in s.get("resources", ())),
            required_resources=tuple(s.get("required_resources", ())),
            roles=tuple(s.get("roles", ())),
            actor_kinds=tuple(s.get("actor_kinds", ())),
            must_not=s.get("must_not"),
            excluded_actor_kinds=tuple(s.get("excluded_actor_kinds", ())),
            max_distance_km=s.get("max_distance_km"),
        ),
        partner_gets=d.get("partner_gets"),
        location=_location(d.get("location")),
        status=d.get("status", "draft"),
        involves_statutory_task=d.get("involves_statutory_task", False),
    )


def partnership_from_dict(d: Mapping[str, Any]) -> Partnership:
    return Partnership(
        problem_id=d["problem_id"],
        actor_id=d["actor_id"],
        stage=d["stage"],
        type=d.get("type"),
        notes=d.get("notes"),
        success_factors=tuple(d.get("success_factors", ())),
        updated_on=_date(d.get("updated_on")),
        effect=d.get("effect"),
        evidence_level=d.get("evidence_level"),
    )


# --------------------------------------------------------------------------- model → dict


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    """Drop absent values so documents stay small and round trips stable."""
    return {k: v for k, v in d.items() if v is not None and v != () and v != [] and v != {}}


def _resource_dict(r: Resource) -> dict[str, Any]:
    return _compact(
        {
            "kind": r.kind,
            "description": r.description,
            "hours_per_month": r.hours_per_month,
            "amount_dkk": r.amount_dkk,
        }
    )


def _location_dict(loc: Location) -> dict[str, Any]:
    return _compact(
        {
            "address": loc.address,
            "postcode": loc.postcode,
            "city": loc.city,
            "municipality_code": loc.municipality_code,
            "lat": loc.lat,
            "lon": loc.lon,
            "precision": loc.precision,
        }
    )


def actor_to_dict(a: Actor) -> dict[str, Any]:
    p, c = a.profile, a.contact
    return _compact(
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "parent_id": a.parent_id,
            "registry_ids": dict(a.registry_ids),
            "location": _location_dict(a.location),
            "service_area_km": a.service_area_km,
            "employees": a.employees,
            "volunteers": a.volunteers,
            "target_groups": list(a.target_groups),
            "resources_offered": [_resource_dict(r) for r in a.resources_offered],
            "roles": list(a.roles),
            "prevention_levels": list(a.prevention_levels),
            "profile": _compact(
                {
                    "we_are": p.we_are,
                    "best_at": p.best_at,
                    "worst_at": p.worst_at,
                    "success_examples": list(p.success_examples),
                    "attractive_partner_because": p.attractive_partner_because,
                    "role_towards_target_group": p.role_towards_target_group,
                    "how_we_know_it_works": p.how_we_know_it_works,
                    "evidence_level": p.evidence_level,
                }
            ),
            # Only when the actor seeks something, so older documents round-trip unchanged.
            "seeking": _compact(
                {
                    "description": a.seeking.description,
                    "resources": list(a.seeking.resources),
                    "roles": list(a.seeking.roles),
                    "target_groups": list(a.seeking.target_groups),
                }
            ),
            "contact": _compact(
                {"name": c.name, "email": c.email, "phone": c.phone, "website": c.website}
            ),
            "public": a.public,
            "consent": _compact(
                {
                    "given_on": a.consent.given_on and a.consent.given_on.isoformat(),
                    "purpose": a.consent.purpose,
                }
            ),
            "verified_on": a.verified_on and a.verified_on.isoformat(),
            "active": a.active,
            "review_notes": [
                {"field": n.field, "value": n.value, "reason": n.reason} for n in a.review_notes
            ],
        }
    )


def problem_to_dict(p: ProblemStatement) -> dict[str, Any]:
    s = p.seeking
    return _compact(
        {
            "id": p.id,
            "title": p.title,
            "owner_id": p.owner_id,
            "municipality_code": p.municipality_code,
            "description": p.description,
            "concreteness": p.concreteness,
            "target_groups": list(p.target_groups),
            "prevention_level": p.prevention_level,
            "our_role": p.our_role,
            "how_we_know_it_works": p.how_we_know_it_works,
            "seeking": _compact(
                {
                    "description": s.description,
                    "resources": [_resource_dict(r) for r in s.resources],
                    "required_resources": list(s.required_resources),
                    "roles": list(s.roles),
                    "actor_kinds": list(s.actor_kinds),
                    "must_not": s.must_not,
                    "excluded_actor_kinds": list(s.excluded_actor_kinds),
                    "max_distance_km": s.max_distance_km,
                }
            ),
            "partner_gets": p.partner_gets,
            "location": _location_dict(p.location),
            "status": p.status,
            "involves_statutory_task": p.involves_statutory_task,
        }
    )


def partnership_to_dict(p: Partnership) -> dict[str, Any]:
    return _compact(
        {
            "problem_id": p.problem_id,
            "actor_id": p.actor_id,
            "stage": p.stage,
            "type": p.type,
            "notes": p.notes,
            "success_factors": list(p.success_factors),
            "updated_on": p.updated_on and p.updated_on.isoformat(),
            "effect": p.effect,
            "evidence_level": p.evidence_level,
        }
    )


def landscape_to_document(landscape: Landscape) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "actors": [actor_to_dict(a) for a in landscape.actors],
        "problems": [problem_to_dict(p) for p in landscape.problems],
        "partnerships": [partnership_to_dict(p) for p in landscape.partnerships],
    }


def write_document(
    doc: Mapping[str, Any], target: str | Path | IO[str], *, indent: bool = True
) -> None:
    """Write a document as UTF-8 JSON; a file is replaced only once it is complete."""
    options = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if indent else 0)
    data = orjson.dumps(doc, option=options)
    if isinstance(target, (str, Path)):
        write_output(target, lambda stream: stream.write(data))
    else:
        target.write(data.decode("utf-8"))
