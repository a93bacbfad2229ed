"""`mapper set` and `mapper show --meta`, driven as a script would: exit codes, messages and
what the database holds afterwards (SQLite files, and once on the real PostgreSQL server)."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from typing import Any

import pytest

from mapper.domain.model import Actor
from mapper.persistence.database import Database, open_database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from tests.conftest import MakeDatabase, small_landscape
from ui.cli import main
from ui.cli_edit import parse_value


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _load(url: str) -> None:
    database = open_database(url)
    try:
        LandscapeService(database).import_document(small_landscape())
    finally:
        database.close()


@pytest.fixture
def db(make_database: MakeDatabase) -> str:
    """A database of the run's back end holding the small landscape (an association in
    Esbjerg and its national body, a socio-psychiatric unit, a bank, a volunteer; one problem
    statement)."""
    url = make_database("edit")
    _load(url)
    return url


def show(db: str, kind: str, record_id: str) -> dict[str, Any]:
    code, out, err = run("--db", db, "show", kind, record_id)
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def version(db: str, kind: str, record_id: str) -> int:
    code, out, err = run("--db", db, "show", kind, record_id, "--meta")
    assert code == 0, err
    return int(json.loads(out)["version"])


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("25", 25),
        ("2.5", 2.5),
        ("true", True),
        ("null", None),
        ('["mentor"]', ["mentor"]),
        ('"0561"', "0561"),
        ("0561", "0561"),  # a leading zero is not JSON: the text as typed
        ("Sammen om Sindet", "Sammen om Sindet"),
        ("NaN", "NaN"),  # not JSON either
        ("", ""),
    ],
)
def test_a_value_is_json_where_it_is_json_else_the_text(text: str, value: Any) -> None:
    assert parse_value(text) == value


# --------------------------------------------------------------------------- edits


def test_setting_a_text_field_prints_the_new_version(db: str) -> None:
    before = version(db, "actor", "esb-sind")
    code, out, err = run("--db", db, "set", "actor", "esb-sind", "name=Sammen om Sindet Vest")
    assert code == 0, err
    assert out.strip() == str(before + 1)
    assert "esb-sind" in err and f"version {before + 1}" in err
    stored = show(db, "actor", "esb-sind")
    assert stored["name"] == "Sammen om Sindet Vest"
    # The rest of the record is untouched by the edit.
    assert stored["target_groups"] == ["mental_illness", "socially_vulnerable_adults"]
    assert stored["profile"]["success_examples"] == ["Gå-klubben", "Fællesspisning"]
    assert version(db, "actor", "esb-sind") == before + 1


def test_setting_the_stored_value_keeps_the_version(db: str) -> None:
    before = version(db, "actor", "esb-bank")
    code, out, err = run("--db", db, "set", "actor", "esb-bank", "name=Vestbanken A/S")
    assert (code, out.strip()) == (0, str(before))
    assert "unchanged" in err
    assert version(db, "actor", "esb-bank") == before


def test_a_postcode_puts_an_actor_without_a_place_on_the_map(db: str) -> None:
    assert "location" not in show(db, "actor", "dk-sind")
    # 6700 is valid JSON (a number), but a postcode holds text: it is stored as "6700".
    code, _, err = run("--db", db, "set", "actor", "dk-sind", "location.postcode=6700")
    assert code == 0, err
    location = show(db, "actor", "dk-sind")["location"]
    assert location["postcode"] == "6700"
    assert location["precision"] == "postcode"
    assert location["municipality_code"] == "0561"
    assert 55.3 < location["lat"] < 55.6 and 8.2 < location["lon"] < 8.7


def test_lists_of_codes_booleans_numbers_and_nested_text_in_one_edit(db: str) -> None:
    code, _, err = run(
        "--db",
        db,
        "set",
        "actor",
        "esb-sind",
        'seeking.roles=["funder", "host_workplace"]',
        'roles=["bridge_builder"]',
        "public=false",
        "volunteers=55",
        "profile.we_are=Vi er en forening.",
    )
    assert code == 0, err
    stored = show(db, "actor", "esb-sind")
    assert stored["seeking"]["roles"] == ["funder", "host_workplace"]
    assert stored["roles"] == ["bridge_builder"]
    assert stored["public"] is False
    assert stored["volunteers"] == 55
    assert stored["profile"]["we_are"] == "Vi er en forening."
    assert stored["profile"]["best_at"] == "At bygge bro til foreningslivet."


def test_null_clears_a_field(db: str) -> None:
    code, _, err = run("--db", db, "set", "actor", "esb-sind", "profile.best_at=null")
    assert code == 0, err
    assert "best_at" not in show(db, "actor", "esb-sind")["profile"]


def test_0561_with_or_without_json_quotes_is_the_text_0561(db: str) -> None:
    for typed in ("0561", '"0561"'):
        code, _, err = run("--db", db, "set", "problem", "esb-p-bro", f"municipality_code={typed}")
        assert code == 0, err
        assert show(db, "problem", "esb-p-bro")["municipality_code"] == "0561"
    # In a number field the text "0561" is refused, naming the field and what it takes.
    before = version(db, "actor", "esb-patriciahuset")
    code, _, err = run("--db", db, "set", "actor", "esb-patriciahuset", "employees=0561")
    assert code == 2
    assert "actor esb-patriciahuset: employees = '0561'" in err and "integer" in err
    assert "Traceback" not in err
    assert version(db, "actor", "esb-patriciahuset") == before
    assert show(db, "actor", "esb-patriciahuset")["employees"] == 17


def test_a_problem_statement_is_edited_through_its_workflow(db: str) -> None:
    code, out, err = run(
        "--db",
        db,
        "set",
        "problem",
        "esb-p-bro",
        "title=Brobygning i Esbjerg",
        "seeking.max_distance_km=12.5",
        "status=matched",
    )
    assert code == 0, err
    assert out.strip() == str(version(db, "problem", "esb-p-bro"))
    stored = show(db, "problem", "esb-p-bro")
    assert (stored["title"], stored["seeking"]["max_distance_km"], stored["status"]) == (
        "Brobygning i Esbjerg",
        12.5,
        "matched",
    )
    # The workflow of the editor holds here too: matched cannot jump back to draft.
    code, _, err = run("--db", db, "set", "problem", "esb-p-bro", "status=draft")
    assert code == 2
    assert "esb-p-bro" in err and "draft" in err and "Traceback" not in err


# --------------------------------------------------------------------------- refusals


def test_an_unknown_field_names_the_nearest_one_and_stores_nothing(db: str) -> None:
    before = version(db, "actor", "esb-sind")
    for field, nearest in (
        ("postcode", "location.postcode"),
        ("we_are", "profile.we_are"),
        ("nmae", "name"),
        ("seeking.rols", "seeking.roles"),
    ):
        code, out, err = run("--db", db, "set", "actor", "esb-sind", f"{field}=x", "name=Ny")
        assert code == 2, field
        assert out == ""
        assert f"actor esb-sind: {field}: not a field of an actor" in err
        assert f"did you mean {nearest}?" in err
    assert version(db, "actor", "esb-sind") == before
    assert show(db, "actor", "esb-sind")["name"] == "Sammen om Sindet Esbjerg"


def test_a_bad_code_names_the_field_and_the_nearest_code(db: str) -> None:
    code, _, err = run("--db", db, "set", "actor", "esb-sind", 'target_groups=["mental_ilness"]')
    assert code == 2
    assert "actor esb-sind: target_groups[0] = 'mental_ilness'" in err
    assert "mental_illness" in err
    assert "nothing was stored" in err
    code, _, err = run("--db", db, "set", "problem", "esb-p-bro", "owner_id=esb-patriciahus")
    assert code == 2
    assert "problem esb-p-bro: owner_id" in err and "esb-patriciahuset" in err


def test_the_services_rules_hold_a_volunteer_is_never_public(db: str) -> None:
    code, _, err = run("--db", db, "set", "actor", "esb-vol-1", "public=true")
    assert code == 2
    assert "actor esb-vol-1: public" in err
    assert show(db, "actor", "esb-vol-1").get("public") is False


def test_unknown_id_names_the_nearest_and_bad_arguments_are_refused(db: str) -> None:
    code, _, err = run("--db", db, "set", "actor", "esb-snd", "name=x")
    assert code == 2
    assert "no actor with id 'esb-snd'" in err and "esb-sind" in err
    code, _, err = run("--db", db, "show", "problem", "esb-p-br", "--meta")
    assert code == 2 and "esb-p-bro" in err
    code, _, err = run("--db", db, "set", "actor", "esb-sind", "name")
    assert code == 2 and "FIELD=VALUE" in err
    code, _, err = run("--db", db, "set", "actor", "esb-sind", "id=esb-other")
    assert code == 2 and "id cannot be changed" in err
    assert show(db, "actor", "esb-sind")["id"] == "esb-sind"


# --------------------------------------------------------------------------- conflicts


def test_an_older_expected_version_is_a_conflict_showing_both_values(db: str) -> None:
    v1 = version(db, "actor", "esb-sind")
    assert run("--db", db, "set", "actor", "esb-sind", "name=Stored name")[0] == 0
    code, out, err = run(
        "--db",
        db,
        "set",
        "actor",
        "esb-sind",
        "name=My name",
        "volunteers=41",
        "--expect-version",
        str(v1),
    )
    assert code == 3
    assert out == ""
    lines = err.splitlines()
    assert f"since version {v1} (stored: version {v1 + 1})" in lines[0]
    assert "nothing was stored" in lines[0]
    assert f"YOURS (version {v1})" in lines[1] and f"STORED (version {v1 + 1})" in lines[1]
    name_line = next(line for line in lines if line.strip().startswith("name "))
    assert '"My name"' in name_line and '"Stored name"' in name_line
    volunteers_line = next(line for line in lines if line.strip().startswith("volunteers "))
    assert volunteers_line.split() == ["volunteers", "41", "40"]
    assert f"--expect-version {v1 + 1}" in err
    stored = show(db, "actor", "esb-sind")
    assert (stored["name"], stored["volunteers"]) == ("Stored name", 40)
    # With the version it names, the edit goes through.
    code, out, _ = run(
        "--db", db, "set", "actor", "esb-sind", "name=My name", "--expect-version", str(v1 + 1)
    )
    assert (code, out.strip()) == (0, str(v1 + 2))


def test_a_save_by_someone_else_between_read_and_write_is_a_conflict(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = ActorEditService.load

    def load_then_someone_saves(self: ActorEditService, actor_id: str) -> tuple[Actor, int]:
        actor, read = original(self, actor_id)
        monkeypatch.setattr(ActorEditService, "load", original)  # only the first read
        other = open_database(db)
        try:
            ActorEditService(other).save(
                replace(actor, name="Their name"),
                expected_version=read,
            )
        finally:
            other.close()
        return actor, read

    monkeypatch.setattr(ActorEditService, "load", load_then_someone_saves)
    code, _, err = run("--db", db, "set", "actor", "esb-bank", "name=Our name")
    assert code == 3
    assert '"Our name"' in err and '"Their name"' in err
    assert show(db, "actor", "esb-bank")["name"] == "Their name"


# --------------------------------------------------------------------------- meta


def test_show_meta_prints_version_and_who_and_when(db: str) -> None:
    code, out, err = run("--db", db, "show", "actor", "esb-sind", "--meta")
    assert code == 0, err
    meta = json.loads(out)
    assert set(meta) == {
        "id",
        "version",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    }
    assert meta["id"] == "esb-sind" and meta["version"] == 1
    created = dt.datetime.fromisoformat(meta["created_at"])
    assert created.utcoffset() == dt.timedelta(0)
    assert dt.datetime.fromisoformat(meta["updated_at"]) >= created
    for who in (meta["created_by"], meta["updated_by"]):
        assert who is None or (isinstance(who, str) and who)

    assert run("--db", db, "set", "problem", "esb-p-bro", "title=Ny titel")[0] == 0
    code, out, _ = run("--db", db, "show", "problem", "esb-p-bro", "--meta")
    meta = json.loads(out)
    assert meta["version"] == 2
    assert dt.datetime.fromisoformat(meta["updated_at"]) > dt.datetime.fromisoformat(
        meta["created_at"]
    )


# --------------------------------------------------------------------------- PostgreSQL


@pytest.mark.postgres
def test_the_same_edits_and_conflict_on_postgresql(pg_database: Database) -> None:
    url = pg_database.url
    LandscapeService(pg_database).import_document(small_landscape())
    code, out, err = run("--db", url, "set", "actor", "dk-sind", "location.postcode=6700")
    assert (code, out.strip()) == (0, "2"), err
    assert show(url, "actor", "dk-sind")["location"]["precision"] == "postcode"
    code, _, err = run("--db", url, "set", "actor", "dk-sind", "postcode=6701")
    assert code == 2 and "did you mean location.postcode?" in err
    code, _, err = run("--db", url, "set", "actor", "dk-sind", "name=Late", "--expect-version", "1")
    assert code == 3
    assert '"Late"' in err and '"Sammen om Sindet Danmark"' in err
    meta = json.loads(run("--db", url, "show", "actor", "dk-sind", "--meta")[1])
    assert meta["version"] == 2
