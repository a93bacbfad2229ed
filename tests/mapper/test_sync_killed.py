"""`mapper sync` killed with SIGKILL at points spread over its run, again and again, while
both sides keep editing: each time both databases stay whole, and the next complete sync
converges with every edit of either side in place and no conflict.

The kill moments are fractions of a measured complete sync of the same size; waiting for that
moment is the one sleep here (a process is killed at a time, not on an event)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mapper.domain.model import Actor
from mapper.io import interchange
from mapper.persistence.database import Database, open_database
from mapper.services.landscape import LandscapeService
from mapper.services.sync import SyncService
from tests.conftest import ESBJERG

ROOT = Path(__file__).resolve().parents[2]
SIZE = 600
LOCAL = range(0, 200)  # edited in the copy (volunteers)
REMOTE = range(200, 400)  # edited on the server (employees)
BOTH = range(400, 450)  # edited on both sides, different fields: merged


def actor_doc(i: int, volunteers: int = 1, employees: int = 1) -> dict[str, Any]:
    return {
        "id": f"esb-forening-{i:04d}",
        "name": f"Forening nummer {i}",
        "kind": "local_association",
        "location": ESBJERG,
        "volunteers": volunteers,
        "employees": employees,
        "target_groups": ["elderly_lonely"],
    }


def write(database: Database, actors: list[dict[str, Any]]) -> None:
    LandscapeService(database).import_document(
        {"format": "mapper-landscape", "version": 1, "actors": actors}
    )


def run_sync(copy: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "--db", str(copy), "sync"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def edit_round(copy: Database, server: Database, n: int) -> None:
    """Round n's edits: the copy's volunteers, the server's employees."""
    edit(copy, (*LOCAL, *BOTH), volunteers=n)
    edit(server, (*REMOTE, *BOTH), employees=n)


def edit(database: Database, numbers: tuple[int, ...], **round_of: int) -> None:
    actors = current(database)
    changed = []
    for i in numbers:
        values = {name: 1000 * n + i for name, n in round_of.items()}
        changed.append(
            interchange.actor_to_dict(replace(actors[f"esb-forening-{i:04d}"], **values))
        )
    write(database, changed)


def current(database: Database) -> dict[str, Actor]:
    return {a.id: a for a in LandscapeService(database).export_landscape().actors}


def whole(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.timeout(600)
def test_sync_killed_anywhere_is_simply_run_again(pg_database: Database, tmp_path: Path) -> None:
    server = pg_database
    write(server, [actor_doc(i) for i in range(SIZE)])
    path = tmp_path / "copy.sqlite"
    SyncService.checkout(server.url, path, "0561")
    copy = open_database(str(path))
    try:
        edit_round(copy, server, 1)
        started = time.monotonic()
        first = run_sync(path)
        assert first.wait(timeout=300) == 0, first.stderr.read() if first.stderr else ""
        complete = time.monotonic() - started
        n = 1
        killed = attempts = 0
        fractions = (0.3, 0.5, 0.65, 0.8, 0.9, 0.97)
        # Six kills spread over the run; a sync that finished before its kill (the machine
        # got faster) shortens the measured run and is tried again, up to 14 rounds in all.
        while killed < len(fractions) and attempts < 14:
            fraction = fractions[killed]
            attempts += 1
            n += 1
            edit_round(copy, server, n)
            process = run_sync(path)
            time.sleep(complete * fraction)
            process.send_signal(signal.SIGKILL)
            if process.wait(timeout=60) == -signal.SIGKILL:
                killed += 1
            else:
                complete *= 0.7
            whole(path)
            # Whatever got through, nothing of either side is lost: each edit is on its own
            # side still, or on both.
            in_copy = current(copy)
            for i in (*LOCAL, *BOTH):
                assert in_copy[f"esb-forening-{i:04d}"].volunteers == 1000 * n + i
        assert killed >= 4, "the kills must land while sync runs"
        final = run_sync(path)
        out, _err = final.communicate(timeout=300)
        assert final.returncode == 0, out.decode()[-3000:]
        assert "0 konflikter" in out.decode()
        report = SyncService(copy).sync()
        assert report.moved == () and report.conflicts == ()
        on_server, in_copy = current(server), current(copy)
        assert on_server == in_copy
        for i in range(SIZE):
            got = in_copy[f"esb-forening-{i:04d}"]
            volunteers = 1000 * n + i if i in LOCAL or i in BOTH else 1
            employees = 1000 * n + i if i in REMOTE or i in BOTH else 1
            assert (got.volunteers, got.employees) == (volunteers, employees), i
    finally:
        copy.close()
