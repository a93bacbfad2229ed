"""`mapper dedupe`, `mapper merge` and `mapper distinct` on a small register with duplicates."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MakeDatabase
from ui.cli import main

ESBJERG = {"postcode": "6700", "city": "Esbjerg", "municipality_code": "0561"}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def register() -> dict[str, Any]:
    return {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            {
                "id": "esb-roklub",
                "name": "Esbjerg Roklub",
                "kind": "local_association",
                "location": ESBJERG,
            },
            {
                "id": "imp-roklub",
                "name": "ESBJERG ROKLUBBEN",
                "kind": "local_association",
                "location": {**ESBJERG, "address": "Havnevej 3"},
                "contact": {"email": "info@roklub.dk"},
            },
            {
                "id": "esb-kajak",
                "name": "Esbjerg Kajakklub",
                "kind": "local_association",
                "location": ESBJERG,
            },
            {
                "id": "esb-sind",
                "name": "Sammen om Sindet Esbjerg",
                "kind": "voluntary_organisation",
                "location": ESBJERG,
            },
            {
                "id": "esb-sind-2",
                "name": "Sammen om Sindet",
                "kind": "voluntary_organisation",
                "location": {"postcode": "6705", "municipality_code": "0561"},
            },
        ],
    }


@pytest.fixture
def db(tmp_path: Path, make_database: MakeDatabase) -> str:
    path = make_database("register")
    document = tmp_path / "register.json"
    document.write_text(json.dumps(register()), encoding="utf-8")
    code, _, err = run("--db", path, "import", str(document))
    assert code == 0, err
    return path


def test_dedupe_lists_pairs_with_score_decision_and_evidence(db: str) -> None:
    code, out, err = run("--db", db, "dedupe")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["100.0", "merge", "esb-roklub"]
    assert "Esbjerg Roklub" in lines[0]
    assert "imp-roklub" in lines[1] and "ESBJERG ROKLUBBEN" in lines[1]
    assert "+ name score 100" in lines[2] and "+ postcode 6700" in lines[2]
    assert "review" in out and "- postcode 6700 ≠ 6705" in out
    assert "esb-kajak" not in out
    assert err.strip() == "2 pairs (1 merge, 1 review)"


def test_dedupe_json(db: str) -> None:
    code, out, _ = run("--db", db, "dedupe", "--json")
    assert code == 0
    pairs = json.loads(out)
    assert [(p["first_id"], p["second_id"], p["decision"]) for p in pairs] == [
        ("esb-roklub", "imp-roklub", "merge"),
        ("esb-sind", "esb-sind-2", "review"),
    ]
    assert pairs[0]["first_name"] == "Esbjerg Roklub"
    assert pairs[0]["evidence"][0] == {"field": "name", "agrees": True, "detail": "name score 100"}


def test_min_score_widens_or_narrows_the_list(db: str) -> None:
    wide = json.loads(run("--db", db, "dedupe", "--json", "--min-score", "0")[1])
    narrow = json.loads(run("--db", db, "dedupe", "--json", "--min-score", "95")[1])
    assert len(wide) > 2
    assert [p["first_id"] for p in narrow] == ["esb-roklub"]


@pytest.mark.parametrize("value", ["lots", "101", "-1"])
def test_a_bad_min_score_is_bad_input(db: str, value: str) -> None:
    code, _, err = run("--db", db, "dedupe", "--min-score", value)
    assert code == 2
    assert "--min-score" in err


def test_merge_prints_the_version_and_what_moved(db: str) -> None:
    code, out, err = run("--db", db, "merge", "esb-roklub", "imp-roklub", "--take", "name=other")
    assert code == 0, err
    assert out.strip() == "2"
    assert "merged imp-roklub into esb-roklub (version 2)" in err
    assert "fields from imp-roklub: " in err and "name" in err and "contact.email" in err
    shown = json.loads(run("--db", db, "show", "actor", "esb-roklub")[1])
    assert shown["name"] == "ESBJERG ROKLUBBEN"
    assert shown["location"]["address"] == "Havnevej 3"
    code, _, err = run("--db", db, "show", "actor", "imp-roklub")
    assert code == 2
    pairs = json.loads(run("--db", db, "dedupe", "--json")[1])
    assert all("imp-roklub" not in (p["first_id"], p["second_id"]) for p in pairs)


def test_merge_dry_run_stores_nothing(db: str) -> None:
    code, out, err = run("--db", db, "merge", "esb-roklub", "imp-roklub", "--dry-run")
    assert code == 0, err
    assert json.loads(out)["contact"]["email"] == "info@roklub.dk"
    assert "nothing was stored" in err
    assert run("--db", db, "show", "actor", "imp-roklub")[0] == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["merge", "esb-roklub", "imp-roklb"], "no actor with id 'imp-roklb' (did you mean"),
        (["merge", "esb-roklub", "esb-roklub"], "cannot be merged with itself"),
        (["merge", "esb-roklub", "imp-roklub", "--take", "nmae=other"], "nearest field: name"),
        (["merge", "esb-roklub", "imp-roklub", "--take", "name=theirs"], "FIELD=other"),
        (["merge", "esb-roklub", "imp-roklub", "--take", "name"], "FIELD=other"),
        (["distinct", "esb-roklub", "nobody"], "no actor with id 'nobody'"),
    ],
)
def test_bad_merges_are_bad_input_and_store_nothing(db: str, argv: list[str], message: str) -> None:
    before = run("--db", db, "export", "landscape", "-")[1]
    code, _, err = run("--db", db, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert run("--db", db, "export", "landscape", "-")[1] == before


def test_distinct_keeps_a_pair_out_of_the_list(db: str) -> None:
    code, _, err = run("--db", db, "distinct", "esb-sind-2", "esb-sind")
    assert code == 0
    assert "not proposed as duplicates again" in err
    pairs = json.loads(run("--db", db, "dedupe", "--json")[1])
    assert [p["first_id"] for p in pairs] == ["esb-roklub"]
    assert "already recorded" in run("--db", db, "distinct", "esb-sind", "esb-sind-2")[2]


def test_help_lists_the_commands() -> None:
    code, out, _ = run()
    assert code == 0
    for command in ("dedupe", "merge", "distinct"):
        assert command in out
