"""Benchmark: the committee report (exports.report) of one municipality with 10,000 actors.

    .venv/bin/python bench/bench_report.py [--actors 10000] [--runs 3] [--db FILE] [--pdf]

A synthetic landscape (bench/synth.py) is moved into one municipality (Esbjerg, 0561: every
actor and problem statement there, spread over its postcodes) and imported once into a SQLite
file (``--db`` keeps it); then gathering the report's data (overview, partnerships, partner
map) and rendering and writing the HTML are timed, median of ``--runs``, and the file's size
printed. The issue's budget: the report file ≤ 10 MB for a 10,000-actor municipality.
``--pdf`` also times printing it with QtWebEngine (once).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_interchange import machine  # noqa: E402
from synth import generate_landscape  # noqa: E402

from exports.report import collect_report, render_report, write_report  # noqa: E402
from mapper.persistence.database import open_database  # noqa: E402
from mapper.services.landscape import LandscapeService  # noqa: E402

CODE = "0561"
CENTRE = (55.47, 8.45)
POSTCODES = {
    "6700": "Esbjerg",
    "6705": "Esbjerg Ø",
    "6710": "Esbjerg V",
    "6715": "Esbjerg N",
    "6720": "Fanø",
    "6731": "Tjæreborg",
    "6740": "Bramming",
    "6752": "Glejbjerg",
    "6753": "Agerbæk",
    "6760": "Ribe",
    "6771": "Gredstedbro",
    "6818": "Årre",
}
T = TypeVar("T")


def in_one_municipality(doc: dict[str, Any], seed: int = 7) -> dict[str, Any]:
    """Every actor and problem statement of the document moved into the municipality."""
    rng = random.Random(seed)
    codes = list(POSTCODES)
    for record in (*doc["actors"], *doc["problems"]):
        location = record.get("location")
        if location:
            postcode = rng.choice(codes)
            location.update(municipality_code=CODE, postcode=postcode, city=POSTCODES[postcode])
            if location.get("lat") is not None:
                location["lat"] = CENTRE[0] + rng.uniform(-0.25, 0.25)
                location["lon"] = CENTRE[1] + rng.uniform(-0.35, 0.35)
    for problem in doc["problems"]:
        problem["municipality_code"] = CODE
    return doc


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
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", help="reuse this SQLite file (built if it holds another count)")
    parser.add_argument("--pdf", action="store_true", help="also print the PDF (once)")
    args = parser.parse_args(argv)

    tmp = tempfile.TemporaryDirectory()
    path = args.db or f"{tmp.name}/report-{args.actors}.sqlite"
    database = open_database(path)
    landscape = LandscapeService(database)
    imported = None
    if landscape.counts().actors != args.actors:
        start = time.perf_counter()
        landscape.import_document(in_one_municipality(generate_landscape(args.actors, seed=5)))
        imported = time.perf_counter() - start

    collect, data = median_of(args.runs, lambda: collect_report(landscape, CODE))
    render, page = median_of(args.runs, lambda: render_report(data))
    out = Path(tmp.name) / "rapport.html"
    write, size = median_of(args.runs, lambda: write_report(data, out))
    database.close()

    print(f"machine: {machine()}")
    if imported is not None:
        print(f"import of {args.actors:,} actors: {imported:.1f} s (once, not part of the budget)")
    o = data.overview
    print(
        f"municipality {CODE}: {o.actors:,} actors, {len(o.coverage.areas)} postcodes × "
        f"{len(o.coverage.target_groups)} target groups, {len(data.partnerships)} partnerships; "
        f"median of {args.runs} runs\n"
    )
    print("| step | time |")
    print("|---|---:|")
    print(f"| gather (overview, partnerships, partner map) | {collect:.2f} s |")
    print(f"| render the HTML | {render:.2f} s |")
    print(f"| render and write the file | {write:.2f} s |")
    print(f"| total (gather + write) | {collect + write:.2f} s |")
    map_size = len((data.map_html or "").encode("utf-8"))
    print(
        f"\nreport file: {size / 1e6:.2f} MB (of which the partner map {map_size / 1e6:.2f} MB "
        f"before escaping); budget ≤ 10 MB: {'met' if size <= 10e6 else 'MISSED'}"
    )
    assert len(page.encode("utf-8")) == size
    if args.pdf:
        from ui.report_pdf import html_to_pdf

        start = time.perf_counter()
        pages = html_to_pdf(out, Path(tmp.name) / "rapport.pdf")
        print(f"PDF: {pages} pages in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
