"""Benchmark: the desktop window with large registers (offscreen Qt, real SQLite).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--ready 10000] [--filter 100000]

window ready = from creating the main window until the register and problem lists are shown
(data loaded in the background, models filled); filter keystroke = from one more typed
character in the search box (or a filter choice) until the register model holds the new rows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_interchange import machine  # noqa: E402


def wait_for(signal: object) -> None:
    """Run the event loop until the signal fires (no busy polling)."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ready", type=int, default=10_000)
    parser.add_argument("--filter", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication
    from synth import generate_landscape

    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService
    from ui.app import configure_application
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    configure_application(app)
    app.setApplicationName("Volunteer Mapper benchmark")
    print(f"machine: {machine()}, Qt platform {os.environ['QT_QPA_PLATFORM']}")
    print("| measure | actors | median | runs |")
    print("|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        results: dict[int, object] = {}
        for size in sorted({args.ready, args.filter}):
            database = open_database(f"{tmp}/ui-{size}.sqlite")
            LandscapeService(database).import_document(generate_landscape(size, seed=9))
            results[size] = database

        database = results[args.ready]
        ready = []
        for _ in range(args.runs):
            start = time.perf_counter()
            window = MainWindow(LandscapeService(database))  # type: ignore[arg-type]
            window.show()
            wait_for(window.data_loaded)
            ready.append(time.perf_counter() - start)
            window.close()
            window.deleteLater()
            app.processEvents()
        print(f"| window ready | {args.ready:,} | {statistics.median(ready):.2f} s | {args.runs} |")

        window = MainWindow(LandscapeService(results[args.filter]))  # type: ignore[arg-type]
        window.show()
        wait_for(window.data_loaded)
        keystrokes = []
        for query in (
            "f",
            "fo",
            "for",
            "fore",
            "foren",
            "forening",
            "foreninq",
            "frivillig",
            "frivilligcen",
            "lektie",
            "odense",
            "esbjerg i",
        ):
            start = time.perf_counter()
            window.search_edit.setText(query)
            window._apply_filters()  # what the debounce timer runs after typing
            app.processEvents()
            keystrokes.append(time.perf_counter() - start)
        print(
            f"| filter keystroke (search) | {args.filter:,} | "
            f"{statistics.median(keystrokes) * 1000:.0f} ms | {len(keystrokes)} |"
        )
        window.search_edit.setText("")
        choices = []
        for code in ("youth_vulnerable", "elderly_lonely", "mental_illness", None):
            start = time.perf_counter()
            index = window.group_filter.findData(code) if code else 0
            window.group_filter.setCurrentIndex(index)
            app.processEvents()
            choices.append(time.perf_counter() - start)
        print(
            f"| filter choice (target group) | {args.filter:,} | "
            f"{statistics.median(choices) * 1000:.0f} ms | {len(choices)} |"
        )
        window.close()


if __name__ == "__main__":
    main()
