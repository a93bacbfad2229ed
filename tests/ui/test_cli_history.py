"""`mapper history actor|problem|partnership`, driven as a script would: Danish lines newest
first, JSON with --json, and clear messages for ids that do not exist."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

import pytest

from mapper.persistence.database import open_database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.partnerships import PartnershipService
from mapper.services.problems import ProblemEditService
from tests.conftest import MakeDatabase, small_landscape
from ui.cli import main

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d  ")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(make_database: MakeDatabase) -> str:
    """The small landscape imported by Karen; then Anna renamed the association, emptied its
    e-mail and gave it a target group, and moved the problem statement's status."""
    path = make_database("history")
    database = open_database(path)
    try:
        LandscapeService(database, author="Karen").import_document(small_landscape())
        actors = ActorEditService(database, author="Anna")
        actor, version = actors.load("esb-sind")
        actors.save(
            replace(
                actor,
                name="Sammen om Sindet",
                contact=replace(actor.contact, email=None),
                target_groups=(*actor.target_groups, "elderly_lonely"),
            ),
            expected_version=version,
        )
        problems = ProblemEditService(database, author="Anna")
        _, version = problems.load("esb-p-bro")
        problems.set_status("esb-p-bro", "closed", expected_version=version)
        partnerships = PartnershipService(database, author="Anna")
        detail = partnerships.get("esb-p-bro", "esb-sind")
        partnerships.change_stage(
            "esb-p-bro", "esb-sind", "contacted", expected_version=detail.version
        )
    finally:
        database.close()
    return path


def test_an_actor_history_is_danish_lines_newest_first(db: str) -> None:
    code, out, err = run("--db", db, "history", "actor", "esb-sind")
    assert code == 0, err
    lines = out.splitlines()
    assert LINE.match(lines[0]) and "  Anna (ændret)  " in lines[0]
    text = "\n".join(lines)
    assert "Navn: »Sammen om Sindet Esbjerg« → »Sammen om Sindet«" in text
    assert "E-mail: »anne@example.dk« → (tom)" in text
    assert "Målgrupper: »" in text and "Ensomme ældre«" in text
    # Further fields of one change line up under the first.
    assert all(line.startswith(" ") for line in lines[1:-1])
    assert LINE.match(lines[-1]) and lines[-1].endswith("  Karen (importeret)")


def test_a_problem_history_names_the_status_move(db: str) -> None:
    code, out, err = run("--db", db, "history", "problem", "esb-p-bro")
    assert code == 0, err
    first, last = out.splitlines()
    assert first.endswith("  Anna (ændret)  Status: »seeking« → »closed«")
    assert last.endswith("Karen (importeret)")


def test_a_partnership_history_by_problem_and_actor(db: str) -> None:
    code, out, err = run("--db", db, "history", "partnership", "esb-p-bro", "esb-sind")
    assert code == 0, err
    assert "Fase: »Foreslået match« → »Kontaktet«" in out.splitlines()[0]


def test_json_has_every_value_whole(db: str) -> None:
    code, out, err = run("--db", db, "history", "actor", "esb-sind", "--json")
    assert code == 0, err
    entries = json.loads(out)
    assert [e["action"] for e in entries] == ["changed", "imported"]
    assert entries[0]["version"] == 2 and entries[0]["changed_by"] == "Anna"
    changes = {c["field"]: c for c in entries[0]["changes"]}
    assert changes["name"] == {
        "field": "name",
        "label": "Navn",
        "old": "Sammen om Sindet Esbjerg",
        "new": "Sammen om Sindet",
    }
    assert changes["contact.email"]["new"] is None
    assert entries[1]["changes"] == [] and entries[1]["values_kept"] is False
    assert entries[0]["changed_at"].endswith("+00:00")


def test_an_unknown_id_is_a_clear_error_naming_the_nearest(db: str) -> None:
    code, out, err = run("--db", db, "history", "actor", "esb-sindd")
    assert code == 2 and out == ""
    assert "esb-sindd" in err and "esb-sind" in err


def test_an_unknown_kind_is_a_usage_error(db: str) -> None:
    code, _, err = run("--db", db, "history", "aktør", "esb-sind")
    assert code == 2
    assert "aktør" in err


def test_a_record_stored_before_the_history_was_kept_has_none(db: str) -> None:
    code, out, err = run("--db", db, "history", "actor", "esb-bank")
    assert code == 0, err
    assert out.splitlines()[-1].endswith("Karen (importeret)")
    database = open_database(db)
    try:
        from mapper.persistence.repositories.history import HISTORY

        with database.unit_of_work() as session:
            session.execute(HISTORY.delete().where(HISTORY.c.record_uid == "esb-bank"))
    finally:
        database.close()
    code, out, err = run("--db", db, "history", "actor", "esb-bank")
    assert (code, out) == (0, "Ingen ændringer registreret.\n"), err
