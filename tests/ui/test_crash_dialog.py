"""An unexpected error in the window: logged, shown once in Danish, and reported without
personal data; the window keeps working.

pytest-qt normally catches exceptions raised in Qt callbacks itself (and fails the test);
``qt_no_exception_capture`` leaves sys.excepthook to our hook, as in the running application.
"""

from __future__ import annotations

import logging
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QVBoxLayout, QWidget

from mapper.domain.errors import NotFoundError
from tests.ui.danish import danish
from ui import crash_dialog
from ui.crash_dialog import CrashDialog, CrashReporter, install_exception_hook
from ui.logs import configure_logging, stop_logging

pytestmark = pytest.mark.qt_no_exception_capture

LOGIN = "kfrivillig"
EMAIL = "jens.hansen@example.dk"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake home folder and login name."""
    folder = tmp_path / "brugere" / LOGIN
    folder.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("USERPROFILE", raising=False)
    for name in ("USER", "USERNAME", "LOGNAME"):
        monkeypatch.setenv(name, LOGIN)
    monkeypatch.setattr(crash_dialog.getpass, "getuser", lambda: LOGIN)
    return folder


@pytest.fixture
def reporter(qapp: QApplication, tmp_path: Path) -> Iterator[CrashReporter]:
    configure_logging(log_dir=tmp_path / "log")
    hooked = install_exception_hook(qapp)
    yield hooked
    hooked.uninstall()
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, CrashDialog):
            widget.close()
    qapp.processEvents()
    stop_logging()


def open_dialogs(qapp: QApplication) -> list[CrashDialog]:
    return [w for w in qapp.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]


def fail() -> None:
    raise RuntimeError("the frobnicator broke")


def wait_for_dialog(qtbot: object, reporter: CrashReporter) -> CrashDialog:
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())  # type: ignore[attr-defined]
    assert reporter.dialog is not None
    return reporter.dialog


def test_an_error_in_a_slot_shows_a_danish_dialog_and_the_window_keeps_working(
    qtbot: object, qapp: QApplication, reporter: CrashReporter, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    window.show()
    with danish("CrashDialog") as translator:
        QTimer.singleShot(0, fail)
        dialog = wait_for_dialog(qtbot, reporter)
        assert dialog.windowTitle() == "Noget gik galt"
        assert dialog.headline.text() == "Der opstod en uventet fejl i programmet."
        assert dialog.summary.text() == "RuntimeError: the frobnicator broke"
        assert "Det, der allerede var gemt, er ikke gået tabt" in dialog.reassurance.text()
        assert [dialog.save_button.text(), dialog.copy_button.text()] == [
            "Gem fejlrapport…",
            "Kopiér detaljer",
        ]
        assert dialog.continue_button.text() == "Fortsæt"
        assert dialog.details_button.text() == "Detaljer"
        # The traceback waits behind "Detaljer".
        assert not dialog.details.isVisible()
        dialog.details_button.click()
        assert dialog.details.isVisible()
        assert "Traceback" in dialog.details.toPlainText()
        assert "in fail" in dialog.details.toPlainText()
        assert translator.missing == set()

        dialog.continue_button.click()
        qtbot.waitUntil(lambda: reporter.dialog is None)  # type: ignore[attr-defined]
    assert open_dialogs(qapp) == []
    # The error is in the log with its traceback …
    log_text = (tmp_path / "log" / "mapper.log").read_text("utf-8")
    assert "ERROR ui.crash_dialog: unexpected error" in log_text
    assert "RuntimeError: the frobnicator broke" in log_text
    # … and the window still answers.
    assert window.isVisible()
    qtbot.keyClicks(field, "videre")  # type: ignore[attr-defined]
    assert field.text() == "videre"


def test_the_same_error_again_is_counted_in_the_open_dialog(
    qtbot: object, qapp: QApplication, reporter: CrashReporter
) -> None:
    for _ in range(3):
        QTimer.singleShot(0, fail)
    dialog = wait_for_dialog(qtbot, reporter)
    qtbot.waitUntil(lambda: dialog.repeats == 3)  # type: ignore[attr-defined]
    assert open_dialogs(qapp) == [dialog]
    assert dialog.repeat_label.isVisible()
    assert "3" in dialog.repeat_label.text()

    def other() -> None:
        raise KeyError("something else")

    QTimer.singleShot(0, other)
    qtbot.waitUntil(lambda: len(dialog.others) == 1)  # type: ignore[attr-defined]
    assert open_dialogs(qapp) == [dialog]
    assert "KeyError" in dialog.details.toPlainText()


def test_an_error_in_another_thread_reaches_the_dialog(
    qtbot: object, reporter: CrashReporter
) -> None:
    worker = threading.Thread(target=fail)
    worker.start()
    worker.join()
    dialog = wait_for_dialog(qtbot, reporter)
    assert dialog.summary.text() == "RuntimeError: the frobnicator broke"


def test_a_core_error_that_escapes_shows_its_usual_sentence(
    qtbot: object, reporter: CrashReporter
) -> None:
    def missing() -> None:
        raise NotFoundError("actor", "esb-nope")

    with danish("CrashDialog", "ErrorText"):
        QTimer.singleShot(0, missing)
        dialog = wait_for_dialog(qtbot, reporter)
        assert dialog.headline.text() == "Handlingen kunne ikke gennemføres."
        assert "esb-nope" in dialog.summary.text()
        assert "NotFoundError" not in dialog.summary.text()


def test_a_failing_dialog_falls_back_to_the_log(
    qtbot: object,
    qapp: QApplication,
    reporter: CrashReporter,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_args: object) -> None:
        raise ValueError("the dialog itself broke")

    monkeypatch.setattr(CrashDialog, "__init__", broken)
    with caplog.at_level(logging.ERROR):
        QTimer.singleShot(0, fail)
        qtbot.waitUntil(lambda: reporter.broken)  # type: ignore[attr-defined]
        QTimer.singleShot(0, fail)
        qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: caplog.text.count("the frobnicator broke") >= 2
        )
    assert "the error dialog failed" in caplog.text
    assert open_dialogs(qapp) == []


def test_the_error_report_holds_versions_log_and_traceback_without_personal_data(
    qtbot: object,
    reporter: CrashReporter,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database = home / "Dokumenter" / "frivillige.sqlite"
    logging.getLogger("ui.test").warning("opened %s for %s", database, LOGIN)

    def leak() -> None:
        raise RuntimeError(f"cannot read {database} (ask {EMAIL}, user {LOGIN})")

    QTimer.singleShot(0, leak)
    dialog = wait_for_dialog(qtbot, reporter)
    target = tmp_path / "rapport.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.save_button.click()

    assert dialog.saved_report == target
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        texts = {name: archive.read(name).decode("utf-8") for name in names}
    assert {"versions.txt", "traceback.txt", "log/mapper.log"} <= set(names)
    assert not [name for name in names if name.endswith((".sqlite", ".db"))]
    versions = texts["versions.txt"]
    assert "volunteer-mapper" in versions
    for word in ("Python", "PySide6", "Qt", "SQLAlchemy", "Platform"):
        assert word in versions
    assert "RuntimeError: cannot read <home>/Dokumenter/frivillige.sqlite" in texts["traceback.txt"]
    assert "<email>" in texts["traceback.txt"] and "user <user>" in texts["traceback.txt"]
    assert "opened <home>/Dokumenter/frivillige.sqlite for <user>" in texts["log/mapper.log"]
    for name, text in texts.items():
        assert str(home) not in text, name
        assert EMAIL not in text, name
        assert LOGIN not in text, name
    # What the dialog shows under "Detaljer" and copies is scrubbed the same way.
    assert LOGIN not in dialog.details_text() and EMAIL not in dialog.details_text()
