"""The interchange document (``landscape.schema.json``): parse, validate, convert.

Validation is complete before anything is stored: the JSON Schema first, then what a schema cannot
say (codes from the vocabularies, unique ids, references between records, coordinates that come
in pairs). Every problem names the record id, the field and the bad value, with the nearest valid
code as a hint.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import IO, Any

import jsonschema_rs
import orjson
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError
from rapidfuzz import process

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
from mapper.domain.vocabulary import Vocabulary, load_vocabulary, read_data_json
from mapper.io.bulk import collector_paused
from mapper.io.files import write_output

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
}


@cache
def _validator() -> Draft202012Validator:
    schema = read_data_json("landscape.schema.json")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@cache
def _fast_validator() -> Any:
    """The same schema compiled by jsonschema-rs: ~100x faster, used to accept valid documents;
    the Python validator explains invalid ones."""
    return jsonschema_rs.validator_for(
        read_data_json("landscape.schema.json"), validate_formats=True
    )


def _schema_problems(doc: Mapping[str, Any]) -> list[InputProblem]:
    if _fast_validator().is_valid(doc):
        return []
    problems = [_schema_problem(doc, e) for e in _validator().iter_errors(doc)]
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
    vocab = vocabulary or load_vocabulary()
    problems = _schema_problems(doc)
    # Texts, integers and numbers beyond what both databases store (mapper.domain.limits),
    # for every field the schema has not already found fault with.
    faulty = {(p.record, p.field) for p in problems}
    beyond = [p for p in _limit_problems(doc) if (p.record, p.field) not in faulty]
    if problems:
        # Code and reference checks assume the shapes the schema guarantees.
        return problems + beyond
    problems = beyond
    actors = doc.get("actors", [])
    prob_list = doc.get("problems", [])
    partnerships = doc.get("partnerships", [])

    actor_ids = _unique_ids(actors, "actor", problems)
    problem_ids = _unique_ids(prob_list, "problem", problems)
    all_actor_ids = actor_ids | set(known_actor_ids)
    all_problem_ids = problem_ids | set(known_problem_ids)

    for actor in actors:
        label = f"actor {actor['id']}"
        _check_codes(actor, _ACTOR_CODES, label, vocab, problems)
        seeking = actor.get("seeking")
        # Most actors state nothing sought: no second pass over their codes (large imports).
        if seeking is not None and _check_actor_seeking(seeking, label, problems):
            _check_codes(actor, _ACTOR_SEEKING_CODES, label, vocab, problems)
        _check_location(actor.get("location"), label, problems)
        if actor.get("review_notes") is not None:
            _check_review_notes(actor["review_notes"], label, problems)
        if actor.get("public") is True and vocab.holds_personal_data(actor["kind"]):
            # The database refuses it too (CHECK ck_actors_volunteer_not_public).
            problems.append(
                InputProblem(
                    label,
                    "public",
                    True,
                    "an individual volunteer is personal data and cannot be public",
                    "public = false",
                    code="volunteer_public",
                )
            )
        parent = actor.get("parent_id")
        if parent is not None:
            if parent == actor["id"]:
                problems.append(
                    InputProblem(
                        label,
                        "parent_id",
                        parent,
                        "an actor cannot be its own parent",
                        code="own_parent",
                    )
                )
            elif parent not in all_actor_ids:
                problems.append(_unknown_ref(label, "parent_id", parent, all_actor_ids, "actor"))
    for problem in prob_list:
        label = f"problem {problem['id']}"
        _check_codes(problem, _PROBLEM_CODES, label, vocab, problems)
        _check_location(problem.get("location"), label, problems)
        if found := municipality_code_problem(
            problem.get("municipality_code"), label, "municipality_code"
        ):
            problems.append(found)
        owner = problem.get("owner_id")
        if owner is not None and owner not in all_actor_ids:
            problems.append(_unknown_ref(label, "owner_id", owner, all_actor_ids, "actor"))
    seen_pairs: set[tuple[str, str]] = set()
    for partnership in partnerships:
        pair = (partnership["problem_id"], partnership["actor_id"])
        label = f"partnership {pair[0]} ↔ {pair[1]}"
        _check_codes(partnership, _PARTNERSHIP_CODES, label, vocab, problems)
        if pair[0] not in all_problem_ids:
            problems.append(_unknown_ref(label, "problem_id", pair[0], all_problem_ids, "problem"))
        if pair[1] not in all_actor_ids:
            problems.append(_unknown_ref(label, "actor_id", pair[1], all_actor_ids, "actor"))
        if pair in seen_pairs:
            problems.append(
                InputProblem(
                    label,
                    "problem_id/actor_id",
                    list(pair),
                    "the same partnership appears twice",
                    code="duplicate_partnership",
                )
            )
        seen_pairs.add(pair)
    return problems


def parse_document(
    doc: Mapping[str, Any],
    *,
    source: str | None = None,
    vocabulary: Vocabulary | None = None,
    known_actor_ids: Iterable[str] = (),
    known_problem_ids: Iterable[str] = (),
) -> Landscape:
    """Validate and convert a document; raises ValidationError listing every problem."""
    problems = validate_document(doc, vocabulary, known_actor_ids, known_problem_ids)
    if problems:
        raise ValidationError(problems, source=source)
    return Landscape(
        actors=tuple(actor_from_dict(a) for a in doc.get("actors", [])),
        problems=tuple(problem_from_dict(p) for p in doc.get("problems", [])),
        partnerships=tuple(partnership_from_dict(p) for p in doc.get("partnerships", [])),
    )


@functools.cache
def _limits_screen() -> Any:
    """mapper.domain.limits as a compiled schema: accepting a whole document at Rust speed
    spares the per-value walk (which took a third of a 100,000-actor import)."""
    return jsonschema_rs.validator_for(limits_schema())


def _limit_problems(doc: Mapping[str, Any]) -> list[InputProblem]:
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
                    label = _record_name(collection, i, record)
                    found += record_problems(collection[:-1], label, record)
    return found


def _schema_problem(doc: Mapping[str, Any], error: SchemaError) -> InputProblem:
    path = list(error.absolute_path)
    record = "document"
    field_path = path
    collections = ("actors", "problems", "partnerships")
    if len(path) >= 2 and path[0] in collections and isinstance(path[1], int):
        item = doc[path[0]][path[1]]
        record = _record_name(path[0], path[1], item)
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


def _unique_ids(
    records: list[dict[str, Any]], singular: str, problems: list[InputProblem]
) -> set[str]:
    seen: set[str] = set()
    for record in records:
        rid = record["id"]
        if rid in seen:
            problems.append(
                InputProblem(
                    f"{singular} {rid}",
                    "id",
                    rid,
                    f"the id is used by more than one {singular}",
                    code="duplicate_id",
                    params={"kind": singular},
                )
            )
        seen.add(rid)
    return seen


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
            nearest = _nearest(key, fields)
            hint = f"nearest field: {nearest}" if nearest else None
            problems.append(
                InputProblem(
                    label,
                    field,
                    None,
                    "unknown field",
                    hint,
                    code="unknown_field",
                    params={"nearest": nearest},
                )
            )
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
                nearest = _nearest(str(key), _REVIEW_NOTE_FIELDS)
                problems.append(
                    InputProblem(
                        label,
                        f"{where}.{key}",
                        None,
                        "unknown field",
                        f"nearest field: {nearest}" if nearest else None,
                        code="unknown_field",
                        params={"nearest": nearest},
                    )
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
