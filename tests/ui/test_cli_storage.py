"""Storage faults on the command line: exit 2, one line naming the file, no traceback."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mapper.persistence.database import head_revision, open_database
from mapper.services.landscape import LandscapeService
from tests.mapper.test_storage_faults import database_full, held_exclusively, unwritable
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def run_process(*argv: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *argv],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "MAPPER_BUSY_TIMEOUT": "0.2"},
    )


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    path = tmp_path / "landscape.sqlite"
    db = open_database(str(path))
    LandscapeService(db).import_document(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [{"id": "esb-a", "name": "Forening A", "kind": "local_association"}],
        }
    )
    db.close()
    return path


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n")
    code, _out, err = run("--db", str(path), "actors")
    assert code == 2
    assert str(path) in err and "not a database" in err
    assert "Traceback" not in err


def test_newer_schema(stored: Path) -> None:
    conn = sqlite3.connect(stored)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    done = run_process("--db", str(stored), "actors")
    err = done.stderr.decode()
    assert done.returncode == 2
    assert str(stored) in err and "9999" in err and head_revision() in err
    assert "Traceback" not in err


def test_locked(stored: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAPPER_BUSY_TIMEOUT", "0.2")
    with held_exclusively(stored):
        code, _out, err = run("--db", str(stored), "demo")
    assert code == 2
    assert str(stored) in err and "in use by another program" in err


def test_read_only_reads_and_refuses_to_save(stored: Path, tmp_path: Path) -> None:
    doc = tmp_path / "one.json"
    doc.write_text(
        '{"format": "mapper-landscape", "version": 1, "actors": '
        '[{"id": "esb-b", "name": "B", "kind": "local_association"}]}'
    )
    with unwritable(stored):
        code, out, _err = run("--db", str(stored), "actors")
        assert (code, "esb-a" in out) == (0, True)
        code, _out, err = run("--db", str(stored), "import", str(doc))
    assert code == 2
    assert str(stored) in err and "read-only" in err


def test_disk_full(stored: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with database_full(monkeypatch):
        code, _out, err = run("--db", str(stored), "demo")
    assert code == 2
    assert str(stored) in err and "disk is full" in err
    monkeypatch.undo()
    code, out, _err = run("--db", str(stored), "actors", "--json")
    assert code == 0 and '"esb-a"' in out and out.count('"id"') == 1


@pytest.mark.parametrize("what", ["landscape", "geojson", "map"])
def test_export_to_dev_full(stored: Path, what: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    code, _out, err = run("--db", str(stored), "export", what, "/dev/full")
    assert code == 2
    assert "/dev/full" in err and "disk is full" in err


def test_export_to_a_missing_folder(stored: Path, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "landscape.json"
    code, _out, err = run("--db", str(stored), "export", "landscape", str(target))
    assert code == 2
    assert str(target) in err and "does not exist" in err


def test_export_to_an_unwritable_folder_keeps_the_earlier_file(
    stored: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "landscape.json"
    target.write_text("the previous export")
    with unwritable(folder):
        code, _out, err = run("--db", str(stored), "export", "landscape", str(target))
    assert code == 2
    assert str(target) in err
    assert target.read_text() == "the previous export"
    assert sorted(p.name for p in folder.iterdir()) == ["landscape.json"]


def test_export_to_dev_stdout_writes_through(stored: Path) -> None:
    done = run_process("--db", str(stored), "export", "landscape", "/dev/stdout")
    assert done.returncode == 0, done.stderr.decode()
    assert b'"esb-a"' in done.stdout
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()


def test_export_to_a_fifo_writes_through(stored: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _out, err = run("--db", str(stored), "export", "geojson", str(fifo))
    reader.join(timeout=10)
    assert code == 0, err
    assert b'"FeatureCollection"' in got[0]
    assert fifo.is_fifo()


def test_export_through_a_symlink_writes_its_target(stored: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    planted = tmp_path / ".real.json.partial"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    planted.symlink_to(victim)
    code, _out, err = run("--db", str(stored), "export", "landscape", str(link))
    assert code == 0, err
    assert link.is_symlink() and '"esb-a"' in real.read_text()
    assert victim.read_text() == "precious"
