"""Review notes on actors: what an import could not place (a target group that maps to no code,
an unknown postcode) is kept on the actor for a person to look at, stored with the actor
aggregate and carried by the interchange document, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import text

from mapper.domain.errors import ValidationError
from mapper.domain.model import Actor, ReviewNote
from mapper.io import interchange
from mapper.persistence.database import Database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService

DEMENTIA = ReviewNote("target_groups", "Ældre m. demens", "unmapped_code")
POSTCODE = ReviewNote("location.postcode", "9999", "unknown_postcode")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    name = "database" if request.param == "sqlite" else "pg_database"
    database: Database = request.getfixturevalue(name)
    return database


def document(*actors: dict[str, Any]) -> dict[str, Any]:
    return {"format": "mapper-landscape", "version": 1, "actors": list(actors)}


def club(**extra: Any) -> dict[str, Any]:
    """A sports club in Esbjerg, as a register export would give it."""
    return {"id": "esb-gif", "name": "Gjesing IF", "kind": "local_association", **extra}


def note_dict(note: ReviewNote) -> dict[str, str]:
    return {"field": note.field, "value": note.value, "reason": note.reason}


def test_notes_are_stored_in_order_and_exported(db: Database) -> None:
    service = LandscapeService(db)
    service.import_document(document(club(review_notes=[note_dict(DEMENTIA), note_dict(POSTCODE)])))
    assert service.get_actor("esb-gif").review_notes == (DEMENTIA, POSTCODE)
    (exported,) = service.export_document()["actors"]
    assert exported["review_notes"] == [note_dict(DEMENTIA), note_dict(POSTCODE)]


def test_an_actor_without_notes_has_no_review_notes_field(db: Database) -> None:
    service = LandscapeService(db)
    service.import_document(document(club()))
    assert service.get_actor("esb-gif").review_notes == ()
    assert "review_notes" not in service.export_document()["actors"][0]


def test_changed_notes_replace_the_stored_ones_and_the_same_notes_change_nothing(
    db: Database,
) -> None:
    service = LandscapeService(db)
    service.import_document(document(club(review_notes=[note_dict(DEMENTIA), note_dict(POSTCODE)])))
    again = service.import_document(
        document(club(review_notes=[note_dict(DEMENTIA), note_dict(POSTCODE)]))
    )
    assert (again.actors.updated, again.actors.unchanged) == (0, 1)
    fewer = service.import_document(document(club(review_notes=[note_dict(POSTCODE)])))
    assert fewer.actors.updated == 1
    assert service.get_actor("esb-gif").review_notes == (POSTCODE,)
    service.import_document(document(club()))
    assert service.get_actor("esb-gif").review_notes == ()


def test_the_editor_keeps_the_notes_when_another_field_changes(db: Database) -> None:
    LandscapeService(db).import_document(document(club(review_notes=[note_dict(DEMENTIA)])))
    editor = ActorEditService(db)
    actor, version = editor.load("esb-gif")
    editor.save(replace(actor, volunteers=12), expected_version=version)
    stored, _ = editor.load("esb-gif")
    assert (stored.volunteers, stored.review_notes) == (12, (DEMENTIA,))
    # …and a person who has looked at them may clear them.
    editor.save(replace(stored, review_notes=()), expected_version=version + 1)
    assert editor.load("esb-gif")[0].review_notes == ()


def test_notes_go_with_their_actor_when_the_row_is_removed(database: Database) -> None:
    LandscapeService(database).import_document(document(club(review_notes=[note_dict(DEMENTIA)])))
    with database.engine.begin() as conn:
        conn.execute(text("DELETE FROM actors WHERE uid = 'esb-gif'"))
        assert conn.execute(text("SELECT count(*) FROM actor_review_notes")).scalar() == 0


def test_the_model_and_the_document_round_trip() -> None:
    actor = Actor(id="esb-gif", name="Gjesing IF", kind="local_association")
    noted = replace(actor, review_notes=(DEMENTIA, POSTCODE))
    assert interchange.actor_from_dict(interchange.actor_to_dict(noted)) == noted
    assert "review_notes" not in interchange.actor_to_dict(actor)


@pytest.mark.parametrize(
    ("notes", "field", "code"),
    [
        ("Ældre m. demens", "review_notes", "wrong_type"),
        (["Ældre m. demens"], "review_notes[0]", "wrong_type"),
        ([{"field": "target_groups", "value": "x"}], "review_notes[0].reason", "required"),
        (
            [{"field": "target_groups", "value": "", "reason": "unmapped_code"}],
            "review_notes[0].value",
            "wrong_type",
        ),
        (
            [{"field": "target_groups", "value": 7, "reason": "unmapped_code"}],
            "review_notes[0].value",
            "wrong_type",
        ),
        (
            [{"field": "target_groups", "value": "x", "reason": "unmapped_code", "raeson": "y"}],
            "review_notes[0].raeson",
            "unknown_field",
        ),
        (
            [{"field": "f" * 65, "value": "x", "reason": "unmapped_code"}],
            "review_notes[0].field",
            "too_long",
        ),
        (
            [{"field": "target_groups", "value": "x", "reason": "r" * 33}],
            "review_notes[0].reason",
            "too_long",
        ),
        (
            [{"field": "target_groups", "value": "x\x00", "reason": "unmapped_code"}],
            "review_notes[0].value",
            "nul_character",
        ),
    ],
)
def test_a_malformed_note_is_refused_naming_actor_and_field(
    database: Database, notes: Any, field: str, code: str
) -> None:
    service = LandscapeService(database)
    with pytest.raises(ValidationError) as caught:
        service.import_document(document(club(review_notes=notes)))
    found = [(p.record, p.field, p.code) for p in caught.value.problems]
    assert ("actor esb-gif", field, code) in found, found
    assert service.counts().actors == 0  # nothing stored


def test_an_unknown_note_field_names_the_nearest_one(database: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        LandscapeService(database).import_document(
            document(club(review_notes=[{"field": "a", "value": "b", "reason": "c", "valeu": 1}]))
        )
    (problem,) = caught.value.problems
    assert problem.params["nearest"] == "value"
