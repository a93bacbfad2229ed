"""`mapper export hsds|csv|xlsx|ranking`, driven as a user would: files, messages, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mapper.io.hsds import hsds_to_document
from tests.conftest import MakeDatabase
from tests.exports.test_hsds import LEFT_OUT, PUBLISHED, register
from ui.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path, make_database: MakeDatabase) -> str:
    path = make_database("cli")
    document = tmp_path / "register.json"
    document.write_text(json.dumps(register(), ensure_ascii=False), encoding="utf-8")
    code, _, err = run("--db", path, "import", str(document))
    assert code == 0, err
    return path


def test_help_lists_the_exports(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run("export", "--help")
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for name in ("hsds", "csv", "xlsx", "ranking"):
        assert name in out


def test_export_hsds(db: str, tmp_path: Path) -> None:
    target = tmp_path / "pakke"
    code, _, err = run("--db", db, "export", "hsds", str(target))
    assert code == 0, err
    assert f"HSDS package with {len(PUBLISHED)} organisations" in err
    assert "left out: 1 inactive, 1 not public, 1 individual volunteers (personal data)" in err
    organizations = json.loads((target / "hsds.json").read_text("utf-8"))
    document = hsds_to_document(organizations)
    assert {a["id"] for a in document["actors"]} == PUBLISHED
    assert (target / "datapackage.json").is_file() and (target / "organizations.csv").is_file()
    # Again into the same folder: the earlier package is replaced.
    assert run("--db", db, "export", "hsds", str(target))[0] == 0


def test_export_hsds_refuses_a_folder_of_other_files(db: str, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    code, _, err = run("--db", db, "export", "hsds", str(tmp_path))
    assert code == 2
    assert "no part of an HSDS package" in err and "notes.txt" in err
    assert "Traceback" not in err
    assert (tmp_path / "notes.txt").read_text() == "mine"
    code, _, err = run("--db", db, "export", "hsds", "-")
    assert code == 2 and "folder" in err


def test_export_csv_public_and_internal(db: str, tmp_path: Path) -> None:
    target = tmp_path / "register.csv"
    code, _, err = run("--db", db, "export", "csv", str(target))
    assert code == 0, err
    assert f"{len(PUBLISHED)} actors (public view)" in err
    text = target.read_text("utf-8-sig")
    assert text.startswith("ID;Navn;Type")
    assert not any(name in text for name in LEFT_OUT.values())
    code, _, err = run("--db", db, "export", "csv", str(target), "--internal", "--lang", "en")
    assert code == 0 and "internal view, with contact persons" in err
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig")), delimiter=";"))
    assert "Contact person" in rows[0] and len(rows) - 1 == len(PUBLISHED) + len(LEFT_OUT)


def test_export_csv_to_standard_output_with_commas(db: str) -> None:
    code, out, err = run("--db", db, "export", "csv", "-", "--delimiter", ",")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["ID", "Navn", "Type"] and len(rows) == len(PUBLISHED) + 1


def test_export_xlsx(db: str, tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    code, _, err = run("--db", db, "export", "xlsx", str(target), "--lang", "en")
    assert code == 0, err
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]][:2] == ["ID", "Name"]
    assert sheet.max_row == len(PUBLISHED) + 1


def test_export_ranking_csv_and_xlsx(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite")
    assert run("--db", db, "demo")[0] == 0
    csv_file, xlsx_file = tmp_path / "r.csv", tmp_path / "r.xlsx"
    code, _, err = run(
        "--db", db, "export", "ranking", "aar-p-i-gang-mentorer", str(csv_file), "--top", "3",
        "--with-personal-data",
    )  # fmt: skip
    assert code == 0, err
    assert "ranked partners for aar-p-i-gang-mentorer" in err
    rows = list(csv.reader(io.StringIO(csv_file.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Rang" and [r[0] for r in rows[1:]] == ["1", "2", "3"]
    # Without the choice the individual volunteer at rank 2 is left out; the others keep
    # their ranks.
    code, _, err = run(
        "--db", db, "export", "ranking", "aar-p-i-gang-mentorer", str(csv_file), "--top", "3"
    )
    assert code == 0 and "left out 1 individual volunteers" in err
    rows = list(csv.reader(io.StringIO(csv_file.read_text("utf-8-sig")), delimiter=";"))
    assert [r[0] for r in rows[1:]] == ["1", "3"]
    code, _, err = run("--db", db, "export", "ranking", "aar-p-i-gang-mentorer", str(xlsx_file))
    assert code == 0, err
    assert load_workbook(xlsx_file).active.cell(1, 1).value == "Rang"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("export", "ranking", "no-such-problem", "r.csv"), "no problem with id 'no-such-problem'"),
        (("export", "ranking", "esb-p-bro", "r.ods"), "as .csv or .xlsx"),
        (("export", "ranking", "esb-p-bro", "r.csv", "--top", "0"), "--top must be at least 1"),
        (("export", "xlsx", "register.csv"), "ends in .xlsx"),
        (("export", "csv", "r.csv", "--delimiter", "|"), "invalid choice"),
        (("export", "csv", "missing-folder/r.csv"), "does not exist"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("--db", db, *argv)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "r.csv").exists() and not (tmp_path / "r.ods").exists()


def test_exported_hsds_imports_into_an_empty_database(db: str, tmp_path: Path) -> None:
    target = tmp_path / "pakke"
    assert run("--db", db, "export", "hsds", str(target))[0] == 0
    empty = str(tmp_path / "empty.sqlite")
    code, _, err = run("--db", empty, "import", str(target / "hsds.json"))
    assert code == 0, err
    code, out, _ = run("--db", empty, "actors", "--json")
    assert {a["id"] for a in json.loads(out)} == PUBLISHED
    code, _, err = run("--db", empty, "import", str(target / "hsds.json"))
    assert code == 0 and f"0 new, 0 updated, {len(PUBLISHED)} unchanged" in err
