"""Benchmark: the desktop window with large registers (offscreen Qt, real SQLite).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--ready 10000] [--filter 100000]

window ready = from creating the main window until the register and problem lists are shown
(data loaded in the background, models filled); filter keystroke = from one more typed
character in the search box (or a filter choice) until the register model holds the new rows;
search keystroke (model) = the same for the register model alone (search and relevance order);
duplicate check = one DuplicateFinder.similar() look-up, as the editor's warning makes it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


QUERIES = (
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
)


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
            window = new_window(database)
            window.show()
            wait_for(window.data_loaded)
            ready.append(time.perf_counter() - start)
            window.close()
            window.deleteLater()
            app.processEvents()
        print(f"| window ready | {args.ready:,} | {statistics.median(ready):.2f} s | {args.runs} |")

        window = new_window(results[args.filter])
        window.show()
        wait_for(window.data_loaded)
        # What the debounce timer runs after typing.
        tab = getattr(window, "landscape_tab", None)
        apply_filters = tab.apply_filters if tab else window._apply_filters
        keystrokes = []
        for query in QUERIES:
            start = time.perf_counter()
            window.search_edit.setText(query)
            apply_filters()
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
        actors = LandscapeService(results[args.filter]).list_actors()  # type: ignore[arg-type]
        model_keystrokes(actors, args.runs)
        duplicate_checks(actors, args.runs)


def new_window(database: object) -> Any:
    """The main window over a database, built as the application builds it."""
    from ui.main_window import MainWindow

    try:
        from ui.app import build_context
    except ImportError:  # before the composition root existed the window took the service
        from mapper.services.landscape import LandscapeService

        return MainWindow(LandscapeService(database))  # type: ignore[arg-type]
    return MainWindow(build_context(database))  # type: ignore[arg-type]


def model_keystrokes(actors: list[object], runs: int) -> None:
    from mapper.domain.vocabulary import load_vocabulary
    from ui.models.actor_table import ActorTableModel

    model = ActorTableModel(load_vocabulary())
    model.set_rows(actors)  # type: ignore[arg-type]
    medians = []
    for _ in range(runs):
        times = []
        for query in QUERIES:
            start = time.perf_counter()
            model.update_view(query)
            times.append(time.perf_counter() - start)
        model.update_view("")
        medians.append(statistics.median(times))
    print(
        f"| search keystroke (register model) | {len(actors):,} | "
        f"{statistics.median(medians) * 1000:.0f} ms | {runs} × {len(QUERIES)} |"
    )


def duplicate_checks(actors: list[object], runs: int) -> None:
    import random

    from mapper.services.duplicates import DuplicateFinder

    start = time.perf_counter()
    finder = DuplicateFinder.from_rows(actors)  # type: ignore[arg-type]
    built = time.perf_counter() - start
    rng = random.Random(3)
    sample = rng.sample(actors, 20)
    # As typed in the editor: another case, a legal-form word in front, a letter missing.
    names = [a.name.upper() for a in sample[:7]]  # type: ignore[attr-defined]
    names += [f"Foreningen {a.name}" for a in sample[7:14]]  # type: ignore[attr-defined]
    names += [a.name[:-1] for a in sample[14:]]  # type: ignore[attr-defined]
    names += ["Skakklubben Springeren Nord", "Xylofonorkestret"]
    times = []
    for _ in range(runs):
        for name, actor in zip(names, sample + sample[:2], strict=True):
            start = time.perf_counter()
            finder.similar(name, actor.municipality_code)  # type: ignore[attr-defined]
            times.append(time.perf_counter() - start)
    print(f"| duplicate finder built | {len(actors):,} | {built * 1000:.0f} ms | 1 |")
    print(
        f"| duplicate check (one name) | {len(actors):,} | "
        f"{statistics.median(times) * 1000:.1f} ms | {len(times)} |"
    )


if __name__ == "__main__":
    main()
