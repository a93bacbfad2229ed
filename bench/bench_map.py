"""Benchmark: export the partner map for 10k and 100k synthetic actors, and open it in headless
Chromium (time until markers and clusters are drawn).

    .venv/bin/python bench/bench_map.py [--sizes 10000 100000] [--runs 3]

Export = MapService (privacy filter) + render + write, from a real SQLite file, in-process after
the database is open. First render = Chromium loads the file (no network) until the page says
it is ready (markers clustered and drawn).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_interchange import machine  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def first_render(path: Path, runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.route(
                "**/*",
                lambda r: (
                    r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort()
                ),
            )
            page = context.new_page()
            start = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function(
                'document.documentElement.getAttribute("data-partner-map") === "ready"'
                ' && document.querySelectorAll(".marker-cluster").length > 0',
                timeout=300_000,
            )
            times.append(time.perf_counter() - start)
            context.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from synth import generate_landscape

    from exports.partner_map import write_partner_map
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService
    from mapper.services.maps import MapService

    print(f"machine: {machine()}")
    print(f"median of {args.runs} runs\n")
    print("| actors | on the map | export | file size | first render in Chromium |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            database = open_database(f"{tmp}/map-{size}.sqlite")
            LandscapeService(database).import_document(generate_landscape(size, seed=5))
            maps = MapService(database)
            path = Path(tmp) / f"map-{size}.html"
            exports, markers = [], 0
            for _ in range(args.runs):
                start = time.perf_counter()
                report = write_partner_map(maps.partner_map(), path)
                exports.append(time.perf_counter() - start)
                markers = report.markers
            database.close()
            renders = first_render(path, args.runs)
            print(
                f"| {size:,} | {markers:,} | {statistics.median(exports):.2f} s "
                f"| {path.stat().st_size / 2**20:.1f} MiB "
                f"| {statistics.median(renders):.2f} s |",
                flush=True,
            )


if __name__ == "__main__":
    main()
