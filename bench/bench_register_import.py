"""Register import speed: a CSV of N rows into a database of N actors (plan with de-duplication
against the database, then run), as RegisterImportService does for ``mapper import FILE.csv``.

The database holds a synthetic landscape (bench/synth.py); the CSV is another synthetic
landscape of the same size as Danish Excel writes it (UTF-8 with BOM, ';'), in which every fifth
row is a stored actor spelled differently (upper case, or "Foreningen" in front), as a second
export of the same register would have it. Each measurement runs in a fresh process on files
prepared beforehand; peak RSS is that process's.

    .venv/bin/python bench/bench_register_import.py 50000
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

HEADER = ["Foreningsnavn", "Type", "Adresse", "Postnr.", "By", "CVR-nr.", "E-mail", "Målgrupper"]


def prepare(size: int, folder: Path, seed: int) -> None:
    from synth import generate_landscape

    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService

    existing = generate_landscape(size, seed=seed, n_problems=0)
    database = open_database(str(folder / "landscape.sqlite"))
    LandscapeService(database).import_document(existing)
    database.close()
    other = generate_landscape(size, seed=seed + 1, n_problems=0)["actors"]
    with open(folder / "register.csv", "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(HEADER)
        for i, actor in enumerate(other):
            name = actor["name"]
            if i % 5 == 0:
                actor = existing["actors"][i]
                name = actor["name"].upper() if i % 2 else f"Foreningen {actor['name']}"
            location = actor.get("location", {})
            writer.writerow(
                [
                    name,
                    actor["kind"],
                    location.get("address", ""),
                    location.get("postcode", ""),
                    location.get("city", ""),
                    (actor.get("registry_ids") or {}).get("cvr", ""),
                    (actor.get("contact") or {}).get("email", ""),
                    ", ".join(actor.get("target_groups", [])),
                ]
            )


def measure(folder: Path) -> dict[str, object]:
    from mapper.persistence.database import open_database
    from mapper.services.register_import import RegisterImportService

    database = open_database(str(folder / "landscape.sqlite"))
    service = RegisterImportService(database)
    start = time.perf_counter()
    plan = service.plan(folder / "register.csv")
    planned = time.perf_counter()
    summary = service.run(plan)
    done = time.perf_counter()
    database.close()
    return {
        "plan_s": round(planned - start, 2),
        "run_s": round(done - planned, 2),
        "total_s": round(done - start, 2),
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "read": summary.read,
        "created": summary.created,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "merged": summary.merged,
        "rejected": summary.rejected,
        "review_pairs": len(summary.review_pairs),
        "accounted": summary.accounted,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, nargs="?", default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--step", choices=["prepare", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step == "prepare":
        prepare(args.size, Path(args.folder), args.seed)
        return 0
    if args.step == "measure":
        print(json.dumps(measure(Path(args.folder))))
        return 0
    me = [sys.executable, __file__, str(args.size), "--seed", str(args.seed)]
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run([*me, "--step", "prepare", "--folder", folder], check=True)
            result = subprocess.run(
                [*me, "--step", "measure", "--folder", folder],
                check=True,
                capture_output=True,
                text=True,
            )
            print(
                f"run {run + 1}: {args.size} rows into {args.size} actors: {result.stdout.strip()}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
