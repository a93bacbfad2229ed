"""The mapper command line, driven as a user would: exit codes, messages, files."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mapper.persistence.database import resolve_url, sqlite_file
from tests.conftest import MakeDatabase, small_landscape
from ui.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(make_database: MakeDatabase) -> str:
    return make_database("cli")


@pytest.fixture
def doc_file(tmp_path: Path) -> Path:
    path = tmp_path / "landscape.json"
    path.write_text(json.dumps(small_landscape(), ensure_ascii=False), encoding="utf-8")
    return path


def test_init_creates_the_database(db: str) -> None:
    code, _, err = run("--db", db, "init")
    assert code == 0
    file = sqlite_file(resolve_url(db))  # None for a server database
    assert file is None or file.exists()
    assert "database ready" in err


def test_import_then_list_actors_and_problems_as_json(db: str, doc_file: Path) -> None:
    code, _, err = run("--db", db, "import", str(doc_file))
    assert code == 0, err
    assert "actors: 5 new" in err

    code, out, _ = run("--db", db, "actors", "--json")
    actors = json.loads(out)
    assert code == 0
    assert {a["id"] for a in actors} == {
        "esb-sind",
        "dk-sind",
        "esb-patriciahuset",
        "esb-bank",
        "esb-vol-1",
    }
    sind = next(a for a in actors if a["id"] == "esb-sind")
    assert sind["target_groups"] == ["mental_illness", "socially_vulnerable_adults"]
    assert "pk" not in sind  # internal keys never leak

    code, out, _ = run("--db", db, "problems", "--json")
    assert json.loads(out)[0]["id"] == "esb-p-bro"
    assert json.loads(out)[0]["owner_id"] == "esb-patriciahuset"


def test_actor_filters(db: str, doc_file: Path) -> None:
    run("--db", db, "import", str(doc_file))
    _, out, _ = run("--db", db, "actors", "--json", "--kind", "company")
    assert [a["id"] for a in json.loads(out)] == ["esb-bank"]
    _, out, _ = run("--db", db, "actors", "--json", "--target-group", "mental_illness")
    assert {a["id"] for a in json.loads(out)} == {"esb-sind", "esb-patriciahuset"}
    _, out, _ = run("--db", db, "actors")
    assert "Sammen om Sindet Esbjerg" in out and "Frivillig organisation" in out


def test_unknown_filter_code_is_bad_input_with_a_suggestion(db: str) -> None:
    code, _, err = run("--db", db, "actors", "--kind", "forening")
    assert code == 2
    assert "unknown code 'forening'" in err and "local_association" in err


def test_export_import_round_trip_through_files(tmp_path: Path, db: str, doc_file: Path) -> None:
    run("--db", db, "import", str(doc_file))
    first, second = tmp_path / "out1.json", tmp_path / "out2.json"
    everything = "--with-personal-data"  # the individual volunteers too
    assert run("--db", db, "export", "landscape", str(first), everything)[0] == 0
    other = str(tmp_path / "other.sqlite")
    assert run("--db", other, "import", str(first))[0] == 0
    assert run("--db", other, "export", "landscape", str(second), everything)[0] == 0
    assert json.loads(first.read_text("utf-8")) == json.loads(second.read_text("utf-8"))
    code, _, err = run("--db", other, "import", str(first))
    assert code == 0 and "actors: 0 new, 0 updated, 5 unchanged" in err


def test_export_to_standard_output(db: str, doc_file: Path) -> None:
    run("--db", db, "import", str(doc_file))
    code, out, _ = run("--db", db, "export", "landscape", "-")
    assert code == 0
    assert json.loads(out)["format"] == "mapper-landscape"


def test_bad_document_exits_2_and_names_the_record(db: str, tmp_path: Path) -> None:
    doc: dict[str, Any] = small_landscape()
    doc["actors"][0]["target_groups"] = ["mental_ilness"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    code, _out, err = run("--db", db, "import", str(bad))
    assert code == 2
    assert "actor esb-sind" in err and "target_groups[0]" in err and "mental_illness" in err
    assert "Traceback" not in err
    assert json.loads(run("--db", db, "actors", "--json")[1]) == []


def test_missing_file_and_bad_arguments_exit_2(db: str) -> None:
    code, _, err = run("--db", db, "import", "/no/such/file.json")
    assert code == 2 and "no such file" in err
    code, _, err = run("--db", db, "frobnicate")
    assert code == 2 and "invalid choice" in err
    code, _, err = run("--db", db, "export")
    assert code == 2


def test_demo_is_idempotent_and_if_empty_respects_existing_data(
    db: str, doc_file: Path, make_database: MakeDatabase
) -> None:
    code, _, err = run("--db", db, "demo")
    assert code == 0, err
    code, _, err = run("--db", db, "demo")
    assert code == 0 and " 0 new, 0 updated" in err

    other = make_database("other")
    run("--db", other, "import", str(doc_file))
    code, _, err = run("--db", other, "demo", "--if-empty")
    assert code == 0 and "already holds actors" in err
    assert len(json.loads(run("--db", other, "actors", "--json")[1])) == 5


def test_installed_entry_point_reports_user_errors_without_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "MAPPER_DB": str(tmp_path / "ep.sqlite")}
    exe = Path(sys.executable).with_name("mapper")
    result = subprocess.run(
        [str(exe), "problems", "--status", "x", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and json.loads(result.stdout) == []
    result = subprocess.run(
        [str(exe), "import", str(tmp_path / "missing.json")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


def test_show_takes_the_interchange_id(db: str, doc_file: Path) -> None:
    run("--db", db, "import", str(doc_file))
    code, out, _ = run("--db", db, "show", "actor", "esb-sind")
    assert code == 0
    assert json.loads(out) == next(a for a in small_landscape()["actors"] if a["id"] == "esb-sind")
    code, out, _ = run("--db", db, "show", "problem", "esb-p-bro")
    assert code == 0 and json.loads(out)["owner_id"] == "esb-patriciahuset"


def test_unknown_id_exits_2_with_a_suggestion(db: str, doc_file: Path) -> None:
    run("--db", db, "import", str(doc_file))
    code, out, err = run("--db", db, "show", "actor", "esb-sindd")
    assert code == 2 and out == ""
    assert "no actor with id 'esb-sindd'" in err and "did you mean 'esb-sind'" in err
    code, _, err = run("--db", db, "show", "problem", "nothing-like-it-at-all")
    assert code == 2 and "no problem with id 'nothing-like-it-at-all'" in err


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    env = {**os.environ, "MAPPER_DB": str(tmp_path / "pipe.sqlite")}
    exe = Path(sys.executable).with_name("mapper")
    subprocess.run([str(exe), "demo"], env=env, check=True, capture_output=True)
    result = subprocess.run(
        f"'{exe}' actors --json | head -c 10",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout == "[\n  {\n    "
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
