"""Benchmark: start-up of the command line and of the window, each in fresh processes.

    .venv/bin/python bench/bench_startup.py [--runs 9] [--window-runs 5]

Measures, as the median of several runs, the wall time of
  - a bare interpreter importing what any CLI needs: python -c "import argparse, json, sqlite3"
    (the yardstick: the issue's budget for `mapper --help` is 10 × that, in the same run),
  - `mapper --help`,
  - `mapper actors` on a database holding the demo landscape,
  - the window's first show (offscreen Qt): from starting the process until the register and
    problem lists are shown, on the same demo database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_interchange import machine  # noqa: E402

WINDOW = """
import sys
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from ui.app import build_main_window, configure_application

app = QApplication(sys.argv[:1])
configure_application(app)
window = build_main_window(sys.argv[1])
loop = QEventLoop()
window.data_loaded.connect(loop.quit)
window.show()
loop.exec()
print(window.actor_model.total())
"""


def wall(command: list[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--window-runs", type=int, default=5)
    args = parser.parse_args()

    python = sys.executable
    mapper = str(Path(python).with_name("mapper"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    print(f"machine: {machine()}; median of {args.runs} runs (window: {args.window_runs})\n")
    print("| measure | median | × bare |")
    print("|---|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.sqlite")
        subprocess.run([mapper, "--db", db, "demo"], check=True, capture_output=True)
        # Interleaved, so that load from others on a shared machine touches both alike.
        bare: list[float] = []
        help_: list[float] = []
        for _ in range(args.runs):
            bare += wall([python, "-c", "import argparse, json, sqlite3"], 1)
            help_ += wall([mapper, "--help"], 1)
        actors = wall([mapper, "--db", db, "actors"], args.runs)
        window = wall([python, "-c", WINDOW, db], args.window_runs, env)
    base = statistics.median(bare)
    ratio = statistics.median(h / b for h, b in zip(help_, bare, strict=True))
    for name, times, shown_ratio in (
        ('python -c "import argparse, json, sqlite3"', bare, "1"),
        ("`mapper --help`", help_, f"{ratio:.1f} (per run)"),
        ("`mapper actors` (demo database)", actors, f"{statistics.median(actors) / base:.0f}"),
        ("window first show (demo database, offscreen)", window, ""),
    ):
        print(f"| {name} | {statistics.median(times) * 1000:.0f} ms | {shown_ratio} |")


if __name__ == "__main__":
    main()
