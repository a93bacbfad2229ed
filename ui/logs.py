"""The application's log: a rotating file in the user's log folder, and stderr.

Warnings and errors always reach stderr too (as Python prints them when nothing is set up);
``mapper --verbose`` adds everything down to DEBUG there. Messages are ours and name no record
contents (ids, counts, file names at most). An error report (ui/crash_dialog.py) zips these
files, scrubbed of the home folder, the login name and e-mail addresses — never the database.

No Qt at import time: the command line loads this module on every call (tests/ui/test_startup.py).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QMessageLogContext, QtMsgType

APP_NAME = "volunteer-mapper"
"""As ``mapper.persistence.database.APP_NAME`` (not imported: that loads SQLAlchemy);
tests/ui/test_logs.py checks that the two agree."""
LOG_DIR_VAR = "MAPPER_LOG_DIR"
"""Environment variable naming another log folder (tests, managed machines)."""
LOG_FILE_NAME = "mapper.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
VERBOSE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
FILE_ONLY = "file_only"
"""``log.error(..., extra={FILE_ONLY: True})``: not on plain stderr (the caller says it there
in its own words); --verbose still shows it."""

log = logging.getLogger(__name__)


class _CurrentStderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a record comes (as Python's last-resort
    handler does), so a replaced stderr (tests, pythonw) is honoured."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.setLevel(level)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:  # StreamHandler.__init__ assigns one
        pass


class _BriefFormatter(logging.Formatter):
    """The message alone, no traceback: plain stderr stays short (the file has the rest)."""

    def format(self, record: logging.LogRecord) -> str:
        return record.getMessage()


def _not_file_only(record: logging.LogRecord) -> bool:
    return not getattr(record, FILE_ONLY, False)


class _State:
    handlers: ClassVar[list[logging.Handler]] = []
    """The handlers this module added (and removes on the next call)."""
    log_file: Path | None = None
    verbose = False
    qt_installed = False


def default_log_dir() -> Path:
    """The user's log folder (``$MAPPER_LOG_DIR``, else platformdirs' user_log_dir)."""
    override = os.environ.get(LOG_DIR_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def current_log_file() -> Path | None:
    """The file the log is written to, or None when it goes to stderr only."""
    return _State.log_file


def log_files() -> list[Path]:
    """The current log file and its rotated predecessors that exist, oldest first."""
    current = _State.log_file
    if current is None:
        return []
    for handler in _State.handlers:
        handler.flush()
    candidates = [current.with_name(f"{current.name}.{n}") for n in range(BACKUP_COUNT, 0, -1)]
    return [path for path in [*candidates, current] if path.is_file()]


def configure_logging(
    verbose: bool = False,
    *,
    log_dir: Path | None = None,
    level: int = logging.INFO,
    max_bytes: int = MAX_BYTES,
) -> Path | None:
    """Send the log to ``log_dir`` (default: the user's log folder, created if missing) as a
    file rotated at ``max_bytes`` (BACKUP_COUNT old files kept), at ``level`` and above;
    warnings also to stderr, everything down to DEBUG with ``verbose``.

    Calling it again replaces what an earlier call set up; ``verbose`` stays on once asked
    for (``mapper --verbose gui`` keeps it when the window sets up its log). Returns the log
    file, or None when the folder cannot be written: the log then goes to stderr only and
    nothing else changes."""
    _State.verbose = verbose = verbose or _State.verbose
    _remove_handlers()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else level)
    file_handler = _file_handler(log_dir or default_log_dir(), max_bytes)
    stderr = _CurrentStderrHandler(logging.DEBUG if verbose else logging.WARNING)
    if verbose:
        stderr.setFormatter(logging.Formatter(VERBOSE_FORMAT))
    else:  # plain warnings look as Python prints them without any set-up
        stderr.setFormatter(_BriefFormatter())
        stderr.addFilter(_not_file_only)
    _State.handlers.append(stderr)
    if file_handler is not None:
        _State.handlers.append(file_handler)
        _State.log_file = Path(file_handler.baseFilename)
    for handler in _State.handlers:
        root.addHandler(handler)
    if "PySide6.QtCore" in sys.modules:  # the window's process: Qt's own messages too
        install_qt_message_handler()
    log.debug("logging to %s", _State.log_file or "stderr only")
    return _State.log_file


def stop_logging() -> None:
    """Take away what configure_logging set up, the verbose choice too (tests)."""
    _remove_handlers()
    _State.verbose = False


def _remove_handlers() -> None:
    root = logging.getLogger()
    for handler in _State.handlers:
        root.removeHandler(handler)
        handler.close()
    _State.handlers = []
    _State.log_file = None


def _file_handler(folder: Path, max_bytes: int) -> logging.FileHandler | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        # Opened now, not on the first record, so an unwritable folder is found here.
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=max_bytes, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        print(f"mapper: cannot write the log in {folder}: {exc.strerror or exc}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(FILE_FORMAT))
    return handler


# --------------------------------------------------------------------------- Qt's messages

QT_LEVELS = {
    "QtDebugMsg": logging.DEBUG,
    "QtInfoMsg": logging.INFO,
    "QtWarningMsg": logging.WARNING,
    "QtCriticalMsg": logging.ERROR,
    "QtFatalMsg": logging.CRITICAL,
}


def install_qt_message_handler() -> None:
    """Route qDebug/qWarning/… into the log (logger ``qt``) at the matching level. A handler
    installed before (pytest-qt's) still gets each message."""
    if _State.qt_installed:
        return
    from PySide6.QtCore import qInstallMessageHandler

    previous: Callable[..., None] | None = None

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        try:
            category = context.category or "default"
            text = message if category == "default" else f"{category}: {message}"
            logging.getLogger("qt").log(QT_LEVELS.get(kind.name, logging.WARNING), "%s", text)
            if previous is not None:
                previous(kind, context, message)
        except Exception:  # a message handler must never raise into Qt
            return

    previous = qInstallMessageHandler(handle)
    _State.qt_installed = True
