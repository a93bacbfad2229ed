"""Background operations outlive the widget that started them; its callbacks are skipped."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from ui import operations
from ui.app import build_main_window
from ui.operations import run_in_background


def test_the_owner_gets_the_result_while_it_lives(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    results: list[str] = []
    run_in_background(owner, lambda: "done", on_success=results.append)
    qtbot.waitUntil(lambda: results == ["done"], timeout=5_000)


def test_callbacks_of_a_deleted_owner_are_skipped_and_the_work_completes(qtbot: QtBot) -> None:
    owner = QWidget()
    release = threading.Event()
    finished = threading.Event()
    delivered: list[object] = []

    def work() -> str:
        release.wait(5)
        finished.set()
        return "written"

    with qtbot.captureExceptions() as exceptions:
        run_in_background(
            owner,
            work,
            on_success=delivered.append,
            on_failure=lambda error, _details: delivered.append(error),
        )
        owner.deleteLater()
        qtbot.waitUntil(lambda: not isValid(owner), timeout=5_000)
        release.set()
        qtbot.waitUntil(lambda: operations.running() == 0, timeout=5_000)
    assert finished.is_set()
    assert delivered == []
    assert exceptions == []


def test_closing_the_export_dialog_mid_export_still_writes_the_map(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = build_main_window(str(tmp_path / "x.sqlite"), demo_if_empty=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.actor_model.rowCount() > 0, timeout=10_000)
    dialog = window.open_export_map()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=20_000)
    target = tmp_path / "kort.html"
    dialog.path_edit.setText(str(target))
    with qtbot.captureExceptions() as exceptions:
        dialog.export_button.click()
        dialog.close()  # deletes it (WA_DeleteOnClose) while the map is being written
        qtbot.waitUntil(lambda: not isValid(dialog), timeout=5_000)
        qtbot.waitUntil(lambda: operations.running() == 0, timeout=30_000)
    assert exceptions == []
    assert "Sammen om Sindet Esbjerg" in target.read_text("utf-8")
