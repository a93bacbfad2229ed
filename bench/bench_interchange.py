"""Benchmark: import and export of interchange documents with 10k and 100k synthetic actors.

    .venv/bin/python bench/bench_interchange.py [--sizes 10000 100000] [--runs 3]

Each measurement runs in a fresh process (so peak memory is that of one operation) against a
real SQLite file: import into an empty database, re-import of the same document (idempotent, no
changes), and export. Prints the median wall time and the median peak RSS, with the machine.
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


def child(operation: str, document: str, db: str) -> None:
    """One measured operation; prints seconds and peak RSS (MiB) as JSON."""
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService

    database = open_database(db)
    service = LandscapeService(database)
    start = time.perf_counter()
    if operation == "import":
        service.import_file(document)
    elif operation == "export":
        service.export_file(document)
    else:
        raise SystemExit(f"unknown operation {operation}")
    seconds = time.perf_counter() - start
    database.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib}))


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
        "| actors | document | import (empty db) | re-import (no changes) | export | "
        "peak RSS import / export |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for size in args.sizes:
            document = tmp / f"landscape-{size}.json"
            doc = generate_landscape(size, seed=7)
            document.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            del doc
            imports, reimports, exports = [], [], []
            for run in range(args.runs):
                db = tmp / f"bench-{size}-{run}.sqlite"
                imports.append(measure("import", document, db))
                reimports.append(measure("import", document, db))
                exports.append(measure("export", tmp / f"out-{size}.json", db))
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)

            def med(rows: list[dict[str, float]], key: str) -> float:
                return statistics.median(r[key] for r in rows)

            print(
                f"| {size:,} | {document.stat().st_size / 2**20:.0f} MiB "
                f"| {med(imports, 'seconds'):.2f} s | {med(reimports, 'seconds'):.2f} s "
                f"| {med(exports, 'seconds'):.2f} s "
                f"| {med(imports, 'peak_mib'):.0f} / {med(exports, 'peak_mib'):.0f} MiB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
