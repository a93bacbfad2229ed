"""Importing a landscape from the window: progress, success and cancel."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from mapper.services.landscape import LandscapeService
from tests.conftest import MakeDatabase, small_landscape
from ui.app import build_main_window
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, make_database: MakeDatabase) -> MainWindow:
    w = build_main_window(make_database("import"))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.data_loaded, timeout=10_000):  # the lists arrive in the background
        w.show()
    return w


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "landscape.json"
    path.write_text(json.dumps(small_landscape()), encoding="utf-8")
    return path


def test_import_shows_the_new_actors(window: MainWindow, qtbot: QtBot, document: Path) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        window.import_file(str(document))
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: window.actor_model.total() == 5, timeout=10_000)
    message = window.statusBar().currentMessage()
    assert "landscape.json" in message and "5 " in message  # the file and what it brought


def test_loading_the_demo_says_so(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        window.demo_action.trigger()
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: window.actor_model.total() > 0, timeout=10_000)
    message = window.statusBar().currentMessage()
    assert "Demo" in message and f"{window.actor_model.total()} " in message


def test_cancel_rolls_the_import_back(
    window: MainWindow, qtbot: QtBot, document: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    original = LandscapeService.import_file

    def held(self: LandscapeService, path: Any, progress: Any = None) -> Any:
        def step(done: int, total: int) -> None:
            if done == 2:
                release.wait(10)  # the user presses Cancel while actors are being written
            if progress:
                progress(done, total)

        return original(self, path, progress=step)

    monkeypatch.setattr(LandscapeService, "import_file", held)
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        dialog = window.import_file(str(document))
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() in ("Cancel", "Annuller")
        cancel.click()
        release.set()
    assert blocker.args == [False]
    assert (
        "nothing was changed" in window.statusBar().currentMessage()
        or "intet blev ændret" in window.statusBar().currentMessage()
    )
    assert window.context.landscape.counts().actors == 0


def test_boundaries_imported_from_the_window_reach_the_database(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.mapper.geo.shapes import municipalities, write

    path = write(municipalities(), tmp_path / "kommuner.geojson")
    with qtbot.waitSignal(window.geo_imported, timeout=30_000) as blocker:
        window.import_boundaries(str(path), "municipalities")
    assert blocker.args == [True]
    assert window.context.geo.layers()["municipalities"] == 2
    message = window.statusBar().currentMessage()
    assert "kommuner.geojson" in message and "2 " in message


def test_export_from_the_window_writes_a_valid_document(
    window: MainWindow, qtbot: QtBot, document: Path, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        window.import_file(str(document))
    target = tmp_path / "out.json"
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as blocker:
        window.files.export_file(str(target), personal_data=True)
    assert blocker.args == [True]
    assert len(json.loads(target.read_text("utf-8"))["actors"]) == 5
