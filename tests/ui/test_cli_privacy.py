"""`mapper privacy export|erase ID`, driven as a user would: files, Danish messages, exit
codes, the question before erasing and the export log."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mapper.persistence.database import open_database
from mapper.services.privacy import read_export_log
from tests.mapper.test_privacy import CANARIES, EMAIL, NAME, PERSON, load_canaries
from ui.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "landscape.sqlite"
    database = open_database(str(path))
    load_canaries(database)
    database.close()
    return str(path)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_help_lists_export_and_erase(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run("privacy", "--help")
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert "export" in out and "erase" in out


def test_export_to_standard_output_and_to_a_file_is_logged(db: str, tmp_path: Path) -> None:
    code, out, err = run("--db", db, "privacy", "export", PERSON)
    assert code == 0, err
    data = json.loads(out)
    assert data["person"]["name"] == NAME and data["person"]["contact"]["email"] == EMAIL
    assert f"Alle oplysninger om {PERSON} er skrevet til standardoutput" in err
    target = tmp_path / "vibeke.json"
    code, out, err = run("--db", db, "privacy", "export", PERSON, "--out", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text("utf-8"))["contact_on"][0]["actor_id"] == "esb-venner"
    assert f"Udleveringen er noteret i {tmp_path / 'export_log.jsonl'}" in err
    log = read_export_log(db)
    assert [(e["what"], e["target"], e["actor_id"]) for e in log] == [
        ("person", "standard output", PERSON),
        ("person", str(target), PERSON),
    ]


def test_an_organisation_is_refused_with_exit_2(db: str) -> None:
    for argv in (["export", "esb-venner"], ["erase", "esb-venner", "--yes"]):
        code, _, err = run("--db", db, "privacy", *argv)
        assert code == 2, err
        assert "esb-venner er ikke en person (type local_association)" in err
        assert "intet blev ændret" in err


def test_an_unknown_id_names_the_nearest(db: str) -> None:
    code, _, err = run("--db", db, "privacy", "erase", "esb-person-vibek", "--yes")
    assert code == 2
    assert "esb-person-vibeke" in err


def test_erase_without_a_terminal_and_without_yes_is_refused(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("j\n"))
    code, _, err = run("--db", db, "privacy", "erase", PERSON)
    assert code == 2
    assert "skal bekræftes" in err and "--yes" in err
    assert run("--db", db, "privacy", "export", PERSON)[0] == 0  # still there


def test_erase_asks_and_no_keeps_everything(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    code, _, err = run("--db", db, "privacy", "erase", PERSON)
    assert code == 0
    assert f"Slet alle oplysninger om {NAME} ({PERSON}) for altid?" in err
    assert "Sletning afbrudt; intet blev ændret" in err
    assert run("--db", db, "privacy", "export", PERSON)[0] == 0


def test_erase_after_yes_leaves_no_trace_in_the_file(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "backups" / "landscape-20261201-120000.sqlite"
    backup.parent.mkdir()
    backup.write_bytes(Path(db).read_bytes())
    assert NAME.encode() in backup.read_bytes()
    monkeypatch.setattr("sys.stdin", _Terminal("j\n"))
    code, _, err = run("--db", db, "privacy", "erase", PERSON)
    assert code == 0, err
    assert f"{PERSON} er slettet; tilbage er kun en gravsten uden persondata" in err
    assert "partnerskaber fjernet: 1" in err
    assert "kontaktfelter ryddet på andre aktører: 3" in err
    assert "problemstillinger uden ejer nu (gennemse deres tekst): esb-p-gaatur" in err
    assert f"sikkerhedskopier med personen slettet:\n    {backup}" in err
    assert "databasefilen er skrevet om (VACUUM)" in err
    assert not backup.exists()
    for file in tmp_path.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert [c for c in CANARIES if c.encode() in data] == [], file
    code, _, err = run("--db", db, "privacy", "export", PERSON)
    assert code == 2 and f"no actor with id {PERSON!r}" in err
    code, out, _ = run("--db", db, "actors")
    assert NAME not in out and "Slettet person" not in out


def test_whole_landscape_and_rankings_naming_a_person_are_logged(db: str, tmp_path: Path) -> None:
    target = tmp_path / "alt.json"
    assert run("--db", db, "export", "landscape", str(target), "--with-personal-data")[0] == 0
    assert NAME in target.read_text("utf-8")
    # The volunteer is a ranked partner: left out unless asked for, and only that is logged.
    plain = tmp_path / "uden.csv"
    code, _, err = run("--db", db, "export", "ranking", "esb-p-bes", str(plain))
    assert code == 0, err
    assert "left out 1 individual volunteers (personal data)" in err
    assert NAME not in plain.read_text("utf-8-sig")
    ranking = tmp_path / "rangering.csv"
    code, _, err = run(
        "--db", db, "export", "ranking", "esb-p-bes", str(ranking), "--with-personal-data"
    )
    assert code == 0, err
    assert NAME in ranking.read_text("utf-8-sig")
    log = [(e["what"], e["target"]) for e in read_export_log(db)]
    assert log == [("landscape", str(target)), ("ranking", str(ranking))]


def test_a_landscape_export_leaves_personal_data_out_unless_asked_and_logs_only_that(
    db: str, tmp_path: Path
) -> None:
    plain = tmp_path / "uden.json"
    code, _, err = run("--db", db, "export", "landscape", str(plain))
    assert code == 0, err
    data = plain.read_bytes()
    assert [c for c in CANARIES if c.encode() in data] == []
    assert b"Hans Hansen" not in data and b"hans@example.dk" not in data
    assert "without personal data" in err and "--with-personal-data" in err
    code, out, _ = run("--db", db, "export", "landscape", "-")
    assert code == 0 and NAME not in out and EMAIL not in out
    assert read_export_log(db) == []
    full = tmp_path / "med.json"
    code, _, err = run("--db", db, "export", "landscape", str(full), "--with-personal-data")
    assert code == 0 and "with personal data: logged" in err
    assert NAME in full.read_text("utf-8")
    assert [(e["what"], e["target"]) for e in read_export_log(db)] == [("landscape", str(full))]


def test_review_lists_records_not_verified_as_a_table_and_as_json(db: str) -> None:
    code, out, err = run("--db", db, "privacy", "review")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "NAVN", "TYPE", "KOMMUNE", "VERIFICERET", "SIDST", "ÆNDRET"]
    assert any(line.startswith(PERSON) and "aldrig" in line for line in lines)
    assert "3 aktører er ikke verificeret i 12 måneder" in err
    code, out, _ = run("--db", db, "privacy", "review", "--months", "6", "--json")
    found = json.loads(out)
    assert {r["id"] for r in found} == {PERSON, "esb-venner", "esb-aeldresagen"}
    assert set(found[0]) == {
        "id",
        "name",
        "kind",
        "municipality_code",
        "verified_on",
        "last_changed",
        "active",
    }


def test_retention_only_proposes_and_settings_are_stored(db: str) -> None:
    code, out, err = run("--db", db, "privacy", "retention", "--json")
    assert code == 0 and json.loads(out) == []  # everything was stored today
    assert "intet er slettet" in err
    code, out, err = run(
        "--db", db, "privacy", "settings", "--verify-months", "6", "--retention-months", "36"
    )
    assert code == 0 and out == "verify_months: 6\nretention_months: 36\n"
    assert "gemt i databasen" in err
    assert run("--db", db, "privacy", "settings")[1] == out
    assert "i 6 måneder" in run("--db", db, "privacy", "review")[2]
    assert "mere end 36 måneder" in run("--db", db, "privacy", "retention")[2]


@pytest.mark.parametrize(
    ("argv", "option", "value"),
    [
        (("settings", "--verify-months", "0"), "--verify-months", "'0'"),
        (("settings", "--retention-months", "241"), "--retention-months", "'241'"),
        (("settings", "--retention-months", "to år"), "--retention-months", "'to år'"),
        (("review", "--months", "-1"), "--months", "'-1'"),
        (("retention", "--months", "1.5"), "--months", "'1.5'"),
    ],
)
def test_a_bad_number_of_months_is_refused_naming_the_option(
    db: str, argv: tuple[str, ...], option: str, value: str
) -> None:
    code, out, err = run("--db", db, "privacy", *argv)
    assert code == 2 and out == ""
    assert f"argument {option}: {value} is not a whole number of months from 1 to 240" in err
    assert run("--db", db, "privacy", "settings")[1] == "verify_months: 12\nretention_months: 24\n"
