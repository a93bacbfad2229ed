"""Benchmark: rank one problem over N synthetic actors (default 100,000) from SQLite.

    .venv/bin/python bench/bench_matching.py [--actors 100000] [--runs 5]

analysis: once after the import, the per-actor text analysis (BM25F terms and inferred codes,
stored; MatchingService.refresh_analysis) that every later ranking reuses;
cold: a fresh process opens the database, builds the actor index and ranks one problem (top 10);
warm: the same process ranks further problems with the index built; reference: the per-actor
reference matcher (bench/reference_matcher.py) on the same problems. Prints medians, peak RSS
of the process and the speed ratio, and checks that both give the same top 10.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_interchange import machine, peak_rss_mib  # noqa: E402


def child(db_path: str, problems: list[str], reference_runs: int) -> None:
    from reference_matcher import rank_reference

    from mapper.persistence.database import open_database
    from mapper.services.matching import MatchingService

    start = time.perf_counter()
    database = open_database(db_path)
    service = MatchingService(database)
    first = service.rank_actors_for_problem(problems[0], top=10)
    cold = time.perf_counter() - start
    warm = []
    for problem_id in problems[1:]:
        t = time.perf_counter()
        service.rank_actors_for_problem(problem_id, top=10)
        warm.append(time.perf_counter() - t)
    peak = peak_rss_mib()
    reference = []
    same = True
    for problem_id in problems[:reference_runs]:
        t = time.perf_counter()
        slow = rank_reference(database, problem_id, top=10)
        reference.append(time.perf_counter() - t)
        fast = (
            first
            if problem_id == problems[0]
            else service.rank_actors_for_problem(problem_id, top=10)
        )
        same = same and [m.actor_id for m in slow.matches] == [m.actor_id for m in fast.matches]
    print(
        json.dumps(
            {"cold": cold, "warm": warm, "peak_mib": peak, "reference": reference, "same": same}
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="cold runs (fresh processes)")
    parser.add_argument("--warm", type=int, default=20, help="warm rankings per process")
    parser.add_argument("--db", help="reuse this database (built if missing)")
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        db, reference_runs, *problems = args.child
        child(db, problems, int(reference_runs))
        return

    from synth import generate_landscape

    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService

    tmp = tempfile.TemporaryDirectory()
    db_path = args.db or f"{tmp.name}/match-{args.actors}.sqlite"
    database = open_database(db_path)
    service = LandscapeService(database)
    if service.counts().actors != args.actors:
        service.import_document(generate_landscape(args.actors, seed=3))
    problems = [p.id for p in service.list_problems(status="seeking")]
    from mapper.services.matching import MatchingService

    start = time.perf_counter()
    analysed = MatchingService(database).refresh_analysis()
    analysis = time.perf_counter() - start
    database.close()

    colds, warms, peaks, references, same = [], [], [], [], True
    for run in range(args.runs):
        chosen = problems[run * (args.warm + 1) : (run + 1) * (args.warm + 1)]
        out = subprocess.run(
            [sys.executable, __file__, "--child", db_path, "1" if run < 3 else "0", *chosen],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        colds.append(result["cold"])
        warms += result["warm"]
        peaks.append(result["peak_mib"])
        references += result["reference"]
        same = same and result["same"]

    warm = statistics.median(warms)
    reference = statistics.median(references)
    print(f"machine: {machine()}")
    print(
        f"{args.actors:,} actors; {args.runs} cold runs (fresh processes), "
        f"{len(warms)} warm rankings, {len(references)} reference rankings\n"
    )
    print(
        "| actors | text analysis (once) | cold (open + index + rank) | warm rank | peak RSS "
        "| reference per-actor | speed-up | same top 10 |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|:---:|")
    print(
        f"| {args.actors:,} | {analysis:.1f} s ({analysed:,} actors) "
        f"| {statistics.median(colds):.2f} s | {warm * 1000:.0f} ms "
        f"| {max(peaks):.0f} MiB | {reference:.1f} s | {reference / warm:.0f}× "
        f"| {'yes' if same else 'NO'} |"
    )
    tmp.cleanup()


if __name__ == "__main__":
    main()
