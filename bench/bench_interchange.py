"""Benchmark: import and export of interchange documents with 10k and 100k synthetic actors.

    .venv/bin/python bench/bench_interchange.py [--sizes 10000 100000] [--runs 3]

Each measurement runs in a fresh process (so peak memory is that of one operation) against a
real SQLite file: import into an empty database, re-import of the same document (idempotent, no
changes), and export. Prints the median wall time and the median peak RSS, with the machine.

The yardstick, measured in the same run: a raw import of the same rows — the document parsed
whole with orjson, the actor rows and their child rows (codes, resources, success examples,
registry ids) put into the same schema with sqlite3's executemany in one transaction, with no
validation, no comparison with what is stored and no references resolved. The issue's budget
for our import is 2.5 × that.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def peak_rss_mib() -> float:
    """This process's peak resident memory. Linux's VmHWM, not getrusage's ru_maxrss: the
    latter keeps the peak of the process before exec, i.e. of this benchmark's parent at the
    fork, which holds the generated document (700 MiB at 100,000 actors)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(operation: str, document: str, db: str) -> None:
    """One measured operation; prints seconds and peak RSS (MiB) as JSON."""
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService

    database = open_database(db)  # creates the schema (outside the measured time)
    service = LandscapeService(database)
    if operation == "raw":
        database.close()
        start = time.perf_counter()
        raw_import(document, db)
        seconds = time.perf_counter() - start
        peak_mib = peak_rss_mib()
        print(json.dumps({"seconds": seconds, "peak_mib": peak_mib}))
        return
    start = time.perf_counter()
    if operation == "import":
        service.import_file(document)
    elif operation == "export":
        service.export_file(document)
    else:
        raise SystemExit(f"unknown operation {operation}")
    seconds = time.perf_counter() - start
    database.close()
    peak_mib = peak_rss_mib()
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib}))


_ACTOR_COLUMNS = [
    "pk",
    "uid",
    "name",
    "kind",
    "service_area_km",
    "employees",
    "volunteers",
    "public",
    "active",
    "consent_given_on",
    "consent_purpose",
    "verified_on",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_website",
    "we_are",
    "best_at",
    "worst_at",
    "attractive_partner_because",
    "role_towards_target_group",
    "how_we_know_it_works",
    "evidence_level",
    "seeking_description",
    "address",
    "postcode",
    "city",
    "municipality_code",
    "lat",
    "lon",
    "location_precision",
    "version",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
]
_CODE_FACETS = (
    ("target_group", None, "target_groups"),
    ("role", None, "roles"),
    ("prevention_level", None, "prevention_levels"),
    ("sought_resource", "seeking", "resources"),
    ("sought_role", "seeking", "roles"),
    ("sought_target_group", "seeking", "target_groups"),
)


def raw_import(document: str, db: str) -> None:
    """The yardstick: orjson and executemany, nothing else (see the module docstring)."""
    import gc

    import orjson

    gc.disable()
    with open(document, "rb") as fh:
        doc = orjson.loads(fh.read())
    now = "2026-12-01 12:00:00.000000"
    actors, codes, resources, examples, registry = [], [], [], [], []
    for pk, a in enumerate(doc["actors"], start=1):
        loc, c = a.get("location") or {}, a.get("contact") or {}
        p, consent = a.get("profile") or {}, a.get("consent") or {}
        seeking = a.get("seeking") or {}
        actors.append(
            (
                pk, a["id"], a["name"], a["kind"], a.get("service_area_km"), a.get("employees"),
                a.get("volunteers"), a.get("public", a["kind"] != "volunteer_person"),
                a.get("active", True), consent.get("given_on"), consent.get("purpose"),
                a.get("verified_on"), c.get("name"), c.get("email"), c.get("phone"),
                c.get("website"), p.get("we_are"), p.get("best_at"), p.get("worst_at"),
                p.get("attractive_partner_because"), p.get("role_towards_target_group"),
                p.get("how_we_know_it_works"), p.get("evidence_level"), seeking.get("description"),
                loc.get("address"), loc.get("postcode"), loc.get("city"),
                loc.get("municipality_code"), loc.get("lat"), loc.get("lon"), loc.get("precision"),
                1, now, now, "bench", "bench",
            )
        )  # fmt: skip
        for facet, holder, field in _CODE_FACETS:
            source = seeking if holder else a
            codes += [(pk, facet, i, code) for i, code in enumerate(source.get(field, ()))]
        resources += [
            (pk, i, r["kind"], r.get("description"), r.get("hours_per_month"), r.get("amount_dkk"))
            for i, r in enumerate(a.get("resources_offered", ()))
        ]
        examples += [(pk, i, t) for i, t in enumerate(p.get("success_examples", ()))]
        registry += [(pk, s, v) for s, v in (a.get("registry_ids") or {}).items()]
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("BEGIN")
    marks = ", ".join("?" * len(_ACTOR_COLUMNS))
    connection.executemany(
        f"INSERT INTO actors ({', '.join(_ACTOR_COLUMNS)}) VALUES ({marks})", actors
    )
    connection.executemany(
        "INSERT INTO actor_codes (actor_pk, facet, position, code) VALUES (?, ?, ?, ?)", codes
    )
    connection.executemany(
        "INSERT INTO actor_resources (actor_pk, position, kind, description, hours_per_month, "
        "amount_dkk) VALUES (?, ?, ?, ?, ?, ?)",
        resources,
    )
    connection.executemany(
        "INSERT INTO actor_success_examples (actor_pk, position, text) VALUES (?, ?, ?)", examples
    )
    connection.executemany(
        "INSERT INTO actor_registry_ids (actor_pk, scheme, value) VALUES (?, ?, ?)", registry
    )
    connection.execute("COMMIT")
    connection.close()


def measure(operation: str, document: Path, db: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", operation, str(document), str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("OP", "DOCUMENT", "DB"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return

    from synth import generate_landscape

    print(f"machine: {machine()}")
    print(f"median of {args.runs} runs, each in a fresh process\n")
    print(
        "| actors | document | raw orjson + executemany | import (empty db) | import / raw "
        "| re-import (no changes) | export | peak RSS import / export |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for size in args.sizes:
            document = tmp / f"landscape-{size}.json"
            doc = generate_landscape(size, seed=7)
            document.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            del doc
            raws, imports, reimports, exports = [], [], [], []
            for run in range(args.runs):
                raw_db = tmp / f"raw-{size}-{run}.sqlite"
                raws.append(measure("raw", document, raw_db))
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{raw_db}{suffix}").unlink(missing_ok=True)
                db = tmp / f"bench-{size}-{run}.sqlite"
                imports.append(measure("import", document, db))
                reimports.append(measure("import", document, db))
                exports.append(measure("export", tmp / f"out-{size}.json", db))
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)

            def med(rows: list[dict[str, float]], key: str) -> float:
                return statistics.median(r[key] for r in rows)

            # The ratio of each run's own pair, so that load on a shared machine cancels out.
            ratio = statistics.median(
                i["seconds"] / r["seconds"] for i, r in zip(imports, raws, strict=True)
            )
            print(
                f"| {size:,} | {document.stat().st_size / 2**20:.0f} MiB "
                f"| {med(raws, 'seconds'):.2f} s | {med(imports, 'seconds'):.2f} s "
                f"| {ratio:.2f} × | {med(reimports, 'seconds'):.2f} s "
                f"| {med(exports, 'seconds'):.2f} s "
                f"| {med(imports, 'peak_mib'):.0f} / {med(exports, 'peak_mib'):.0f} MiB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
