"""Benchmark: offline sync of a 10,000-actor municipality with 500 changes on each side.

    .venv/bin/python bench/bench_sync.py [--actors 10000] [--changes 500] [--runs 5]

A fresh database on the PostgreSQL server (MAPPER_BENCH_PG or MAPPER_TEST_PG, default the
local server) gets a synthetic landscape (bench/synth.py) whose actors all lie in one
municipality; `checkout` copies it into a SQLite file. Then, per run, ``--changes`` actors
are edited in the copy and as many others on the server (through the same bulk writes an
import uses, so the edits themselves are not timed), plus a tenth of each edited on both
sides in different fields (merged); the sync that brings both up to date is timed. Also
timed: the checkout, and a sync with nothing to do. Prints medians and the machine; drops the
database afterwards. The issue's budget: ≤ 10 s for the sync.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_interchange import machine  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from synth import generate_landscape  # noqa: E402

from mapper.domain.model import Actor  # noqa: E402
from mapper.io import interchange  # noqa: E402
from mapper.persistence.database import Database, open_database  # noqa: E402
from mapper.services.landscape import LandscapeService  # noqa: E402
from mapper.services.sync import SyncService  # noqa: E402

ADMIN = os.environ.get(
    "MAPPER_BENCH_PG",
    os.environ.get("MAPPER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"),
)
CODE = "0561"


def landscape(actors: int) -> dict[str, Any]:
    doc = generate_landscape(actors, seed=11)
    for actor in doc["actors"]:
        location = actor.setdefault("location", {})
        location["municipality_code"] = CODE
    for problem in doc.get("problems", []):
        problem["municipality_code"] = CODE
    return doc


def edit(database: Database, ids: list[str], round_no: int, field: str) -> None:
    current = {a.id: a for a in LandscapeService(database).export_landscape().actors}
    changed: list[Actor] = []
    for number, actor_id in enumerate(ids):
        actor = current[actor_id]
        if field == "volunteers":
            changed.append(replace(actor, volunteers=round_no * 100_000 + number))
        else:
            changed.append(replace(actor, employees=round_no * 100_000 + number))
    LandscapeService(database).import_document(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [interchange.actor_to_dict(a) for a in changed],
        }
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    name = f"mapper_bench_sync_{uuid.uuid4().hex[:8]}"
    admin = create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(ADMIN).set(database=name).render_as_string(hide_password=False)
    try:
        server = open_database(url)
        started = time.perf_counter()
        LandscapeService(server).import_document(landscape(args.actors))
        print(f"server filled with {args.actors} actors in {time.perf_counter() - started:.1f} s")
        folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
        started = time.perf_counter()
        report = SyncService.checkout(url, folder / "copy.sqlite", CODE)
        checkout = time.perf_counter() - started
        print(f"checkout: {report.actors} actors, {checkout:.2f} s")
        copy = open_database(str(folder / "copy.sqlite"))
        ids = sorted(a.id for a in LandscapeService(copy).export_landscape().actors)
        both = args.changes // 10
        local_ids = ids[: args.changes]
        server_ids = ids[args.changes : 2 * args.changes]
        shared = ids[2 * args.changes : 2 * args.changes + both]
        idle, busy = [], []
        for run in range(1, args.runs + 1):
            started = time.perf_counter()
            SyncService(copy).sync()
            idle.append(time.perf_counter() - started)
            edit(copy, local_ids + shared, run, "volunteers")
            edit(server, server_ids + shared, run, "employees")
            started = time.perf_counter()
            result = SyncService(copy).sync()
            busy.append(time.perf_counter() - started)
            assert not result.conflicts, result.conflicts
            print(
                f"run {run}: sync {busy[-1]:.2f} s "
                f"({result.count('push')} sent, {result.count('pull')} fetched); "
                f"nothing to do {idle[-1]:.2f} s"
            )
        copy.close()
        server.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    print()
    print(f"machine: {machine()}")
    print(
        f"| actors | changes per side | checkout | sync (median of {args.runs}) "
        "| sync with nothing to do |"
    )
    print("|---:|---:|---:|---:|---:|")
    print(
        f"| {args.actors:,} | {args.changes} (+{both} on both) | {checkout:.1f} s "
        f"| {statistics.median(busy):.2f} s | {statistics.median(idle):.2f} s |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
