"""Benchmark: the landscape overview (OverviewService.overview) of 100,000 synthetic actors.

    .venv/bin/python bench/bench_overview.py [--actors 100000] [--runs 5] [--db FILE]

A synthetic landscape (bench/synth.py) is imported once into a SQLite file (``--db`` keeps
it for the next run); then the overview of the whole landscape and of its largest
municipality (broken down by postcode) is timed, median of ``--runs``, plus the whole
landscape by postcode. Every figure is an aggregate in the database; the issue's budget is
≤ 5 s at 100,000 actors.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_interchange import machine  # noqa: E402
from synth import generate_landscape  # noqa: E402

from mapper.persistence.database import open_database  # noqa: E402
from mapper.services.coverage_map import CoverageMapService  # noqa: E402
from mapper.services.landscape import LandscapeService  # noqa: E402
from mapper.services.overview import OverviewService  # noqa: E402

T = TypeVar("T")


def median_of(runs: int, call: Callable[[], T]) -> tuple[float, T]:
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    assert result is not None
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="reuse this SQLite file (built if it holds another count)")
    args = parser.parse_args(argv)

    tmp = tempfile.TemporaryDirectory()
    path = args.db or f"{tmp.name}/overview-{args.actors}.sqlite"
    database = open_database(path)
    landscape = LandscapeService(database)
    imported = None
    if landscape.counts().actors != args.actors:
        start = time.perf_counter()
        landscape.import_document(generate_landscape(args.actors, seed=5))
        imported = time.perf_counter() - start
    service = OverviewService(database)

    whole, overview = median_of(args.runs, service.overview)
    largest = overview.by_area[0].code
    one, local = median_of(args.runs, lambda: service.overview(largest))
    postcodes, by_postcode = median_of(args.runs, lambda: service.overview(level="postcode"))
    coverage_service = CoverageMapService(database)
    mapped_s, mapped = median_of(args.runs, lambda: coverage_service.coverage_map("elderly_lonely"))
    database.close()

    print(f"machine: {machine()}")
    if imported is not None:
        print(f"import of {args.actors:,} actors: {imported:.1f} s (once, not part of the budget)")
    print(f"median of {args.runs} runs\n")
    print("| overview | actors | areas × target groups | white spots | time |")
    print("|---|---:|---:|---:|---:|")
    for label, seconds, result in (
        ("whole landscape, by municipality", whole, overview),
        (f"one municipality ({largest}), by postcode", one, local),
        ("whole landscape, by postcode", postcodes, by_postcode),
    ):
        coverage = result.coverage
        spots = sum(c.white_spot for c in coverage.cells)
        print(
            f"| {label} | {result.actors:,} "
            f"| {len(coverage.areas)} × {len(coverage.target_groups)} | {spots} "
            f"| {seconds:.2f} s |"
        )
    print(
        f"\ncoverage map (elderly_lonely, {len(mapped.areas)} municipalities, spatial join of "
        f"every actor's point): {mapped_s:.2f} s"
    )
    budget = max(whole, one, postcodes)
    print(f"\nbudget ≤ 5 s: {'met' if budget <= 5 else 'MISSED'} (slowest {budget:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
