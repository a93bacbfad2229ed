"""The installable application's entry point (PyInstaller, packaging/frivillighedskortet.spec).

Without arguments it opens the window on the default database (the first-run welcome offers the
demo landscape); with arguments it is the ``mapper`` command line, named
``frivillighedskortet``.

A self-test for the built bundle (tests/bundle): with ``FRIVILLIGHEDSKORTET_SELFTEST=map`` the
window opens, shows the map tab, saves a screenshot of the map to
``FRIVILLIGHEDSKORTET_SELFTEST_PNG`` once it is drawn and exits 0; it exits 1 with a message on
standard error when the map is not ready after ``FRIVILLIGHEDSKORTET_SELFTEST_TIMEOUT`` seconds
(default 120).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow

STARTED = time.perf_counter()
SELFTEST = "FRIVILLIGHEDSKORTET_SELFTEST"
SELFTEST_PNG = "FRIVILLIGHEDSKORTET_SELFTEST_PNG"
SELFTEST_TIMEOUT = "FRIVILLIGHEDSKORTET_SELFTEST_TIMEOUT"
WINDOW_ARGS = ["gui"]
"""The window on the default database; the first-run welcome offers the demo landscape."""
PROG = "frivillighedskortet"


def main(argv: list[str]) -> int:
    from ui.cli import main as cli_main  # light: Qt loads only when the window is wanted

    if argv:
        return cli_main(argv, prog=PROG)
    mode = os.environ.get(SELFTEST, "")
    if mode:
        if mode != "map":
            print(f"frivillighedskortet: {SELFTEST}={mode!r}: only 'map' is known", file=sys.stderr)
            return 2
        png = os.environ.get(SELFTEST_PNG, "")
        if not png:
            print(f"frivillighedskortet: {SELFTEST}=map needs {SELFTEST_PNG}", file=sys.stderr)
            return 2
        try:
            timeout = float(os.environ.get(SELFTEST_TIMEOUT, "120"))
        except ValueError:
            print(f"frivillighedskortet: {SELFTEST_TIMEOUT} must be seconds", file=sys.stderr)
            return 2
        _arm_map_self_test(Path(png), timeout)
    return cli_main(WINDOW_ARGS, prog=PROG)


def _arm_map_self_test(png: Path, timeout: float) -> None:
    """Before the window opens: once it runs, show the map tab and save the drawn map. The time
    reported runs from the start of this script (after PyInstaller's loader) to ``map_ready``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # run_app reuses it
    done: list[bool] = []

    def finish(code: int, message: str) -> None:
        if done:
            return
        done.append(True)
        print(f"frivillighedskortet self-test: {message}", file=sys.stderr if code else sys.stdout)
        sys.stdout.flush()
        app.exit(code)

    def start() -> None:
        from ui.app import current_window

        window = current_window()
        if window is None:  # a message box may stand before the window: look again soon
            QTimer.singleShot(200, start)
            return
        view = window.map_view
        if not view.available:
            reason = view.unavailable.text() if view.unavailable is not None else "?"
            finish(1, f"the map cannot be shown: {reason}")
            return

        def ready() -> None:
            elapsed = time.perf_counter() - STARTED
            QTimer.singleShot(500, lambda: save(window, elapsed))  # the first paint

        view.map_ready.connect(ready)
        window.map_tab.failed.connect(
            lambda error, _details: finish(1, f"the map could not be built: {error}")
        )
        window.tabs.setCurrentIndex(window.map_tab_index)
        window.map_tab.ensure_loaded()

    def save(window: MainWindow, ready: float) -> None:
        png.parent.mkdir(parents=True, exist_ok=True)
        if not window.map_view.grab().save(str(png)):
            finish(1, f"could not save the screenshot to {png}")
            return
        tab = window.tabs.tabText(window.map_tab_index)
        finish(0, f"map ready {ready:.2f} s after start in tab {tab!r}; screenshot {png}")

    QTimer.singleShot(0, start)
    QTimer.singleShot(
        int(timeout * 1000), lambda: finish(1, f"the map was not ready after {timeout:g} s")
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
