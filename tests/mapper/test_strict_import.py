"""Importing a document is as strict as the editor: a field the format does not have, an
individual volunteer who is public or kept without consent, a website that is no http(s)
address and an e-mail that is no address are refused — by record and field, storing nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mapper.domain.errors import InputProblem, ValidationError
from mapper.domain.vocabulary import load_vocabulary
from mapper.io.interchange import actor_from_dict
from mapper.persistence.database import Database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape
from ui.cli import main

Doc = dict[str, Any]


def _actor(doc: Doc, actor_id: str) -> dict[str, Any]:
    return next(a for a in doc["actors"] if a["id"] == actor_id)


def _set(path: str, value: Any, actor_id: str = "esb-sind") -> Callable[[Doc], None]:
    """Set a dotted path (creating objects on the way) in one actor."""

    def mutate(doc: Doc) -> None:
        node = _actor(doc, actor_id)
        *parents, last = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value

    return mutate


def _volunteer(**fields: Any) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        volunteer = _actor(doc, "esb-vol-1")
        for key, value in fields.items():
            if value is None:
                volunteer.pop(key, None)
            else:
                volunteer[key] = value

    return mutate


def _in(collection: str, index: int, key: str, value: Any, *path: str) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        node = doc[collection][index]
        for part in path:
            node = node[int(part)] if part.isdigit() else node[part]
        node[key] = value

    return mutate


def _top(key: str, value: Any) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        doc[key] = value

    return mutate


# case: (mutation, code, record, field, hint fragment or None)
CASES: dict[str, tuple[Callable[[Doc], None], str, str, str, str | None]] = {
    "capitalised field on an actor": (
        _set("Public", False),
        "unknown_field",
        "actor esb-sind",
        "Public",
        "did you mean 'public'?",
    ),
    "typo on an actor": (
        _set("volunters", 40),
        "unknown_field",
        "actor esb-sind",
        "volunters",
        "'volunteers'",
    ),
    "location": (
        _set("location.postnr", "6700"),
        "unknown_field",
        "actor esb-sind",
        "location.postnr",
        "'postcode'",
    ),
    "contact": (
        _set("contact.emial", "a@b.dk"),
        "unknown_field",
        "actor esb-sind",
        "contact.emial",
        "'email'",
    ),
    "profile": (
        _set("profile.bestat", "x"),
        "unknown_field",
        "actor esb-sind",
        "profile.bestat",
        "'best_at'",
    ),
    "consent": (
        _set("consent.purpose_text", "x", actor_id="esb-vol-1"),
        "unknown_field",
        "actor esb-vol-1",
        "consent.purpose_text",
        "'purpose'",
    ),
    "resource offered": (
        _in("actors", 0, "hours", 3, "resources_offered", "0"),
        "unknown_field",
        "actor esb-sind",
        "resources_offered[0].hours",
        "'hours_per_month'",
    ),
    "what an actor seeks": (
        _set("seeking.role", ["referrer"]),
        "unknown_field",
        "actor esb-sind",
        "seeking.role",
        "'roles'",
    ),
    "review note": (
        _set("review_notes", [{"field": "x", "value": "y", "reason": "unmapped_code", "why": 1}]),
        "unknown_field",
        "actor esb-sind",
        "review_notes[0].why",
        None,
    ),
    "problem statement": (
        _in("problems", 0, "titel", "x"),
        "unknown_field",
        "problem esb-p-bro",
        "titel",
        "'title'",
    ),
    "what a problem seeks": (
        _in("problems", 0, "max_distance", 10, "seeking"),
        "unknown_field",
        "problem esb-p-bro",
        "seeking.max_distance",
        "'max_distance_km'",
    ),
    "resource a problem seeks": (
        _in("problems", 0, "Kind", "premises", "seeking", "resources", "0"),
        "unknown_field",
        "problem esb-p-bro",
        "seeking.resources[0].Kind",
        "'kind'",
    ),
    "partnership": (
        _in("partnerships", 0, "stag", "proposed"),
        "unknown_field",
        "partnership esb-p-bro ↔ esb-sind",
        "stag",
        "'stage'",
    ),
    "top level": (
        _top("actor", []),
        "unknown_field",
        "document",
        "actor",
        "'actors'",
    ),
    "volunteer marked public": (
        _volunteer(public=True),
        "volunteer_public",
        "actor esb-vol-1",
        "public",
        None,
    ),
    "volunteer without consent": (
        _volunteer(consent=None),
        "consent_required",
        "actor esb-vol-1",
        "consent.given_on",
        None,
    ),
    "volunteer not public without consent": (
        _volunteer(consent=None, public=False),
        "consent_required",
        "actor esb-vol-1",
        "consent.given_on",
        None,
    ),
    "volunteer without a purpose": (
        _volunteer(consent={"given_on": "2026-02-01", "purpose": "  "}),
        "purpose_required",
        "actor esb-vol-1",
        "consent.purpose",
        None,
    ),
    "javascript website": (
        _set("contact.website", "javascript:alert(1)"),
        "not_website",
        "actor esb-sind",
        "contact.website",
        None,
    ),
    "data website": (
        _set("contact.website", "data:text/html,<script>alert(1)</script>"),
        "not_website",
        "actor esb-sind",
        "contact.website",
        None,
    ),
    "file website": (
        _set("contact.website", "file:///etc/passwd"),
        "not_website",
        "actor esb-sind",
        "contact.website",
        None,
    ),
    "website without scheme": (
        _set("contact.website", "www.sind.dk"),
        "not_website",
        "actor esb-sind",
        "contact.website",
        None,
    ),
    "e-mail without @": (
        _set("contact.email", "anne.example.dk"),
        "not_email",
        "actor esb-sind",
        "contact.email",
        None,
    ),
    "e-mail without domain": (
        _set("contact.email", "anne@localhost"),
        "not_email",
        "actor esb-sind",
        "contact.email",
        None,
    ),
    "e-mail with a space": (
        _set("contact.email", "anne jensen@example.dk"),
        "not_email",
        "actor esb-sind",
        "contact.email",
        None,
    ),
    "blank name": (
        _set("name", "   "),
        "blank",
        "actor esb-sind",
        "name",
        None,
    ),
}


def _bad(mutate: Callable[[Doc], None]) -> Doc:
    doc = copy.deepcopy(small_landscape())
    mutate(doc)
    return doc


@pytest.fixture
def stored(service: LandscapeService) -> Doc:
    """An actor already stored, which a refused import must leave as it was."""
    service.import_document(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                {"id": "kept", "name": "Allerede gemt forening", "kind": "local_association"}
            ],
        }
    )
    return service.export_document()


def _the_problem(error: ValidationError, record: str, field: str) -> InputProblem:
    found = [p for p in error.problems if p.record == record and p.field == field]
    assert found, f"no problem naming {record} / {field} in: {error}"
    return found[0]


@pytest.mark.parametrize("case", sorted(CASES))
def test_import_refuses_naming_record_and_field_and_stores_nothing(
    case: str, service: LandscapeService, stored: Doc
) -> None:
    mutate, code, record, field, hint = CASES[case]
    with pytest.raises(ValidationError) as caught:
        service.import_document(_bad(mutate), source="bad.json")
    problem = _the_problem(caught.value, record, field)
    assert problem.code == code
    if hint:
        assert hint in (problem.hint or "")
    assert "nothing was stored" in str(caught.value)
    assert service.export_document() == stored


@pytest.mark.parametrize("case", ["capitalised field on an actor", "javascript website"])
def test_a_file_import_refuses_the_same_way(
    case: str, service: LandscapeService, stored: Doc, tmp_path: Path
) -> None:
    mutate, code, record, field, _ = CASES[case]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_bad(mutate), ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        service.import_file(path)
    assert _the_problem(caught.value, record, field).code == code
    assert service.export_document() == stored


def test_the_message_names_the_unknown_field_and_the_one_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _bad(_set("Public", False, actor_id="esb-bank"))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    db = str(tmp_path / "cli.sqlite")
    assert main(["--db", db, "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "nothing was stored" in err
    assert "actor esb-bank: Public: unknown field 'Public' (did you mean 'public'?)" in err
    assert main(["--db", db, "actors", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_every_unknown_field_of_a_document_is_named_at_once(service: LandscapeService) -> None:
    doc = _bad(_set("Public", False))
    _set("location.postnr", "6700", actor_id="esb-bank")(doc)
    doc["problems"][0]["titel"] = "x"
    with pytest.raises(ValidationError) as caught:
        service.import_document(doc)
    named = {(p.record, p.field) for p in caught.value.problems if p.code == "unknown_field"}
    assert named == {
        ("actor esb-sind", "Public"),
        ("actor esb-bank", "location.postnr"),
        ("problem esb-p-bro", "titel"),
    }


def test_a_field_unlike_any_known_one_gets_no_guess(service: LandscapeService) -> None:
    with pytest.raises(ValidationError) as caught:
        service.import_document(_bad(_set("zzqx", 1)))
    problem = _the_problem(caught.value, "actor esb-sind", "zzqx")
    assert problem.code == "unknown_field" and problem.hint is None


def test_registry_ids_take_any_scheme(service: LandscapeService) -> None:
    # registry_ids is open by design ({"cvr": …, "foreningsportalen": …}): no unknown fields.
    report = service.import_document(_bad(_set("registry_ids", {"foreningsportalen": "F-12"})))
    assert report.actors.created == 5


@pytest.mark.parametrize(
    "website", ["http://sind.dk", "https://www.sind.dk/esbjerg?x=1", "HTTPS://SIND.DK"]
)
def test_http_and_https_websites_are_accepted(service: LandscapeService, website: str) -> None:
    service.import_document(_bad(_set("contact.website", website)))
    assert service.get_actor("esb-sind").contact.website == website


@pytest.mark.parametrize(
    "case",
    [
        "volunteer marked public",
        "volunteer without consent",
        "volunteer without a purpose",
        "javascript website",
        "e-mail without domain",
        "blank name",
    ],
)
def test_the_editor_and_the_import_apply_the_same_rules(case: str, database: Database) -> None:
    """One place for the rules (mapper.domain.actor_rules): what the import refuses, the editor
    refuses with the same code and field."""
    mutate, code, record, field, _ = CASES[case]
    doc = _bad(mutate)
    actor_id = record.removeprefix("actor ")
    editor_found = ActorEditService(database, load_vocabulary()).check(
        actor_from_dict(_actor(doc, actor_id))
    )
    assert (field, code) in {(p.field, p.code) for p in editor_found}
