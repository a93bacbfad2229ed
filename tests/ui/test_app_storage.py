"""The desktop application at start: a storage fault is a dialog in the interface language,
a locked database offers Retry."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.fixtures.databases.make import fixture_path
from tests.mapper.test_storage_faults import held_exclusively
from ui import app as app_module


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    shown: dict[str, list[str]] = {"critical": [], "warning": []}
    answers = [QMessageBox.StandardButton.Retry, QMessageBox.StandardButton.Cancel]

    def critical(_parent: Any, _title: str, text: str, *args: Any) -> Any:
        shown["critical"].append(text)
        return QMessageBox.StandardButton.Ok

    def warning(_parent: Any, _title: str, text: str, *args: Any) -> Any:
        shown["warning"].append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(app_module, "install_translator", lambda *_: None)
    return shown


def test_a_file_that_is_not_a_database_is_a_dialog(
    qapp: QApplication, tmp_path: Path, dialogs: dict[str, list[str]]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database")
    assert app_module.run_app(str(path)) == 2
    (text,) = dialogs["critical"]
    assert str(path) in text and "not a database" in text


def test_a_locked_database_offers_retry(
    qapp: QApplication,
    tmp_path: Path,
    dialogs: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MAPPER_BUSY_TIMEOUT", "0.1")
    path = tmp_path / "landscape.sqlite"
    shutil.copyfile(fixture_path("0003"), path)  # rollback journal: the lock stops readers
    with held_exclusively(path):
        assert app_module.run_app(str(path)) == 2
    assert len(dialogs["warning"]) == 2  # Retry, then Cancel
    assert "in use by another program" in dialogs["warning"][0]
    assert dialogs["critical"] == []
