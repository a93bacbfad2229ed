"""`mapper import FILE` for registers (CSV, XLSX) and HSDS, driven as a user would: the summary,
each rejected row with line, column and reason, exit codes, nothing stored on bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import MakeDatabase
from tests.fixtures.bad_registers import make
from ui.cli import main

BAD = Path(make.__file__).parent
REGISTER = (
    "Foreningsoversigt Esbjerg;;;;;\r\n"
    ";;;;;\r\n"
    "Foreningsnavn;Type;Postnr.;CVR-nr.;Målgrupper;Stiftet\r\n"
    "Gjesing IF;Idrætsforening;6700;;Ensomme ældre, Børn og unge;1978\r\n"
    "Gjesing Idrætsforening;idrætsforening;6700;;;1978\r\n"
    "Havnens Venner;Frivillig organisation;6760;29400008;Pårørende;2001\r\n"
    "Sydvest Spejd;spejdergruppe;6700;12345678;;1950\r\n"
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(make_database: MakeDatabase) -> str:
    return make_database("cli")


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "foreninger.csv"
    path.write_bytes(REGISTER.encode("cp1252"))
    return path


def actors(db: str) -> list[dict[str, object]]:
    code, out, err = run("--db", db, "actors", "--json")
    assert code == 0, err
    result: list[dict[str, object]] = json.loads(out)
    return result


def test_a_register_is_imported_and_every_row_accounted_for(db: str, register: Path) -> None:
    code, out, err = run("--db", db, "import", str(register))
    assert code == 0, err
    assert out == ""
    assert "reading foreninger.csv: CSV, cp1252, delimiter ';', column names on line 3" in err
    assert "columns (suggested): Foreningsnavn → name, Type → kind, Postnr. → postcode" in err
    assert "columns not imported: Stiftet" in err
    assert (
        "imported foreninger.csv: 4 rows read: 2 created, 0 updated, 0 unchanged, "
        "1 merged into another row, 1 rejected"
    ) in err
    assert "line 7, CVR-nr. = '12345678': not a valid CVR number" in err
    assert "target_groups 'Børn og unge': unmapped code (lines 4, 5)" in err
    assert {a["name"] for a in actors(db)} == {"Gjesing IF", "Havnens Venner"}


def test_the_same_register_again_adds_nothing_and_uses_the_saved_mapping(
    db: str, register: Path
) -> None:
    run("--db", db, "import", str(register), "--map", "Stiftet=notes")
    code, _, err = run("--db", db, "import", str(register))
    assert code == 0, err
    assert "columns (as saved for this source):" in err
    assert "Stiftet → notes" in err
    assert "0 created, 0 updated, 2 unchanged, 1 merged into another row, 1 rejected" in err


def test_a_dry_run_stores_nothing_and_json_gives_the_whole_summary(
    db: str, register: Path, tmp_path: Path
) -> None:
    rejected = tmp_path / "afviste.csv"
    code, out, err = run(
        "--db", db, "import", str(register), "--dry-run", "--json", "--rejected", str(rejected)
    )
    assert code == 0, err
    assert "dry run, nothing stored: foreninger.csv" in err
    summary = json.loads(out)
    assert (summary["read"], summary["created"], summary["stored"]) == (4, 2, False)
    assert summary["accounted"] is True
    (row,) = summary["rejected_rows"]
    assert (row["line"], row["column"], row["code"]) == (7, "CVR-nr.", "bad_format")
    assert row["reason"].startswith("not a valid CVR number")
    assert actors(db) == []
    assert rejected.read_bytes().startswith(b"\xef\xbb\xbfline;reason;Foreningsnavn")
    assert "1 rejected rows written to" in err


def test_map_and_kind_options(db: str, tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Klub;Post\r\nRibe Roklub;6760\r\n", encoding="utf-8")
    code, _, err = run(
        "--db",
        db,
        "import",
        str(path),
        "--map",
        "Klub=name",
        "--map",
        "Post=postcode",
        "--kind",
        "voluntary_organisation",
    )
    assert code == 0, err
    (actor,) = actors(db)
    assert (actor["name"], actor["kind"], actor["city"]) == (
        "Ribe Roklub",
        "voluntary_organisation",
        "Ribe",
    )


def test_a_workbook_and_a_chosen_sheet(db: str, tmp_path: Path) -> None:
    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Forside"
    cover.append(["Læs mig først"])
    sheet = book.create_sheet("Foreninger")
    sheet.append(["Navn", "Postnr."])
    sheet.append(["Ribe Roklub", 6760.0])
    path = tmp_path / "liste.xlsx"
    book.save(path)
    code, _, err = run("--db", db, "import", str(path), "--sheet", "Foreninger")
    assert code == 0, err
    assert "Excel workbook, worksheet 'Foreninger'" in err
    assert [a["name"] for a in actors(db)] == ["Ribe Roklub"]
    code, _, err = run("--db", db, "import", str(path), "--sheet", "Foreningr")
    assert code == 2
    assert "nearest: Foreninger" in err


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("utf16.csv", "the file is UTF-16 text, which is not supported"),
        ("empty.csv", "the file is empty"),
        ("header_only.csv", "no rows below the header"),
        ("corrupt.xlsx", "damaged"),
        ("encrypted.xlsx", "protected by a password"),
    ],
)
def test_a_file_that_is_no_register_exits_2_and_stores_nothing(
    db: str, name: str, words: str
) -> None:
    code, _, err = run("--db", db, "import", str(BAD / name))
    assert code == 2
    assert err.startswith(f"mapper: {name}: 1 problem found; nothing was stored")
    assert words in err
    assert "Traceback" not in err
    assert actors(db) == []


def test_a_bad_mapping_exits_2_naming_the_nearest_column(db: str, register: Path) -> None:
    code, _, err = run("--db", db, "import", str(register), "--map", "Foreningsnavm=name")
    assert code == 2
    assert "Foreningsnavm" in err and "nearest column: Foreningsnavn" in err
    code, _, err = run("--db", db, "import", str(register), "--map", "Type=knd")
    assert code == 2 and "nearest field: kind" in err
    code, _, err = run("--db", db, "import", str(register), "--map", "=name")
    assert code == 2 and "COLUMN=FIELD" in err
    assert actors(db) == []


def test_register_options_are_refused_for_a_document(db: str, tmp_path: Path) -> None:
    path = tmp_path / "landskab.json"
    path.write_text('{"format": "mapper-landscape", "version": 1, "actors": []}')
    code, _, err = run("--db", db, "import", str(path), "--sheet", "Ark1")
    assert code == 2
    assert "--sheet: only for registers" in err


def test_an_hsds_file_is_converted_and_imported(db: str, tmp_path: Path) -> None:
    path = tmp_path / "hsds.json"
    organizations = [
        {
            "id": "0b3e6f8a-5d0e-4d3e-9a1f-1c2b3d4e5f60",
            "name": "Ribe Roklub",
            "description": "En roklub i Ribe.",
        }
    ]
    path.write_text(json.dumps(organizations), encoding="utf-8")
    code, _, err = run("--db", db, "import", str(path))
    assert code == 0, err
    assert "actors: 1 new" in err
    assert [a["name"] for a in actors(db)] == ["Ribe Roklub"]


def test_a_json_that_is_neither_document_nor_hsds_exits_2(db: str, tmp_path: Path) -> None:
    path = tmp_path / "andet.json"
    path.write_text("[1, 2, 3]")
    code, _, err = run("--db", db, "import", str(path))
    assert code == 2
    assert "expected a JSON object" in err


def test_the_command_runs_as_installed(db: str, register: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "--db", db, "import", str(register), "--dry-run"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "4 rows read" in result.stderr
