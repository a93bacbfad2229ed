"""The log: a rotating file in the user's log folder, stderr only when that cannot be written,
DEBUG on stderr with ``mapper --verbose``, and a bug in a command logged with a pointer."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from mapper.persistence import database
from ui import cli, logs
from ui.logs import BACKUP_COUNT, LOG_DIR_VAR, configure_logging, stop_logging

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_logging() -> Iterator[None]:
    stop_logging()
    yield
    stop_logging()


def test_the_log_folder_is_the_users_log_folder_of_the_application(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(LOG_DIR_VAR, raising=False)
    assert logs.APP_NAME == database.APP_NAME
    expected = Path(platformdirs.user_log_dir(database.APP_NAME, appauthor=False))
    assert logs.default_log_dir() == expected


def test_the_log_file_rotates_at_its_size_limit(tmp_path: Path) -> None:
    path = configure_logging(log_dir=tmp_path / "made" / "here", max_bytes=2_000)
    assert path == tmp_path / "made" / "here" / "mapper.log"
    for n in range(400):
        logging.getLogger("mapper.test").info("line %d of the rotation test", n)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["mapper.log", *(f"mapper.log.{n}" for n in range(1, BACKUP_COUNT + 1))]
    assert all(p.stat().st_size <= 2_000 for p in path.parent.iterdir())
    assert "line 399 of the rotation test" in path.read_text("utf-8")
    line = path.read_text("utf-8").splitlines()[-1]
    assert " INFO mapper.test: line 399" in line and line[:4].isdigit()  # time, level, name
    assert logs.log_files()[-1] == path and len(logs.log_files()) == BACKUP_COUNT + 1


def test_an_unwritable_log_folder_falls_back_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert configure_logging(log_dir=blocker / "log") is None
    assert logs.current_log_file() is None
    logging.getLogger("mapper.test").warning("still heard")
    err = capsys.readouterr().err
    assert "cannot write the log" in err and "still heard" in err


def test_qt_messages_reach_the_log(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import qWarning

    monkeypatch.setattr(logs._State, "qt_installed", False)
    path = configure_logging(log_dir=tmp_path)
    assert path is not None
    qWarning("a warning from Qt")
    assert "WARNING qt: a warning from Qt" in path.read_text("utf-8")


def run_mapper(*args: str, log_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, LOG_DIR_VAR: str(log_dir)}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )


def test_verbose_writes_debug_lines_to_stderr_and_the_plain_cli_does_not(tmp_path: Path) -> None:
    db = str(tmp_path / "landscape.sqlite")
    verbose = run_mapper("--verbose", "--db", db, "init", log_dir=tmp_path / "log")
    assert verbose.returncode == 0, verbose.stderr
    assert " DEBUG mapper.cli: mapper init" in verbose.stderr
    plain = run_mapper("--db", db, "init", log_dir=tmp_path / "log")
    assert plain.returncode == 0, plain.stderr
    assert "DEBUG" not in plain.stderr
    assert plain.stderr.startswith("database ready:")


def test_a_bug_in_a_command_is_logged_and_named_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(LOG_DIR_VAR, str(tmp_path / "log"))

    def broken(*_args: object) -> int:
        raise RuntimeError("the frobnicator broke")

    monkeypatch.setitem(cli.COMMANDS, "actors", broken)
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["actors"], stdout=out, stderr=err) == cli.EXIT_UNEXPECTED
    log_file = tmp_path / "log" / "mapper.log"
    assert err.getvalue() == (
        "mapper: unexpected error (RuntimeError: the frobnicator broke); "
        f"the details are in {log_file}\n"
    )
    assert "Traceback" not in capsys.readouterr().err  # the traceback is in the file only
    text = log_file.read_text("utf-8")
    assert "ERROR mapper.cli: unexpected error in mapper actors" in text
    assert "Traceback" in text and 'raise RuntimeError("the frobnicator broke")' in text
