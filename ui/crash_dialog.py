"""When something goes wrong that nobody planned for: log it, tell the user in plain words, and
let them save an error report; the window keeps running.

``install_exception_hook(app)`` replaces ``sys.excepthook`` (PySide6 hands an exception raised
in a slot or a Qt virtual method to it) and ``threading.excepthook``. Each error is logged with
its traceback and shown in one ``CrashDialog``; while that dialog is open, further errors are
counted in it instead of opening more. The core's own errors (``MapperError``) are shown with
their usual sentence (ui/error_text.py) if one ever gets this far.

``write_error_report`` zips the log files, versions.txt and the traceback, with the home folder,
the login name, the user name from the settings and e-mail addresses replaced by placeholders.
The database is never part of it.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import platform
import re
import sys
import threading
import traceback
import zipfile
from collections.abc import Sequence
from datetime import datetime
from importlib import metadata
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from mapper.domain.errors import MapperError
from ui.context import PRODUCT_NAME
from ui.error_text import describe_error
from ui.locale_format import substitute
from ui.logs import log_files

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

DISTRIBUTION = "volunteer-mapper"
"""The project's name in pyproject.toml, for its installed version."""
HOME_PLACEHOLDER = "<home>"
USER_PLACEHOLDER = "<user>"
EMAIL_PLACEHOLDER = "<email>"
EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
URL_CREDENTIALS = re.compile(r"(?<=://)[^/\s:@]+(?::[^/\s@]*)?@")
SUMMARY_LENGTH = 300

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------- the report


def _home_folders() -> list[str]:
    homes = {str(Path.home()), os.path.expanduser("~")}
    homes |= {os.environ.get(name, "") for name in ("HOME", "USERPROFILE")}
    homes |= {Path(home).as_posix() for home in list(homes) if home}
    # The longest first, and never "/" (that would take every slash).
    return sorted((h for h in homes if len(h.strip("/\\")) > 1), key=len, reverse=True)


def _user_names() -> list[str]:
    names = {os.environ.get(name, "") for name in ("USER", "USERNAME", "LOGNAME")}
    with contextlib.suppress(Exception):  # no login name (a container without passwd)
        names.add(getpass.getuser())
    with contextlib.suppress(Exception):  # the name kept for the change history
        names.add(str(QSettings().value("user/name", "") or ""))
    return sorted((n.strip() for n in names if len(n.strip()) > 1), key=len, reverse=True)


def scrub(text: str) -> str:
    """``text`` without the home folder, the login and user names, e-mail addresses and
    passwords in database URLs (placeholders instead)."""
    for home in _home_folders():
        text = text.replace(home, HOME_PLACEHOLDER)
    text = URL_CREDENTIALS.sub("<credentials>@", text)
    text = EMAIL.sub(EMAIL_PLACEHOLDER, text)
    for name in _user_names():
        pattern = rf"(?<![\w<]){re.escape(name)}(?![\w>])"
        text = re.sub(pattern, USER_PLACEHOLDER, text, flags=re.IGNORECASE)
    return text


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions_text() -> str:
    """What ran: the application, Python, PySide6 and Qt, SQLAlchemy and the system."""
    import PySide6

    return "\n".join(
        [
            f"{PRODUCT_NAME} ({DISTRIBUTION}) {_version(DISTRIBUTION)}",
            f"Python {platform.python_version()} ({platform.python_implementation()})",
            f"PySide6 {PySide6.__version__}, Qt {qVersion()}",
            f"SQLAlchemy {_version('SQLAlchemy')}",
            f"Platform {platform.platform()}",
            "",
        ]
    )


def traceback_text(exc_info: ExcInfo) -> str:
    return "".join(traceback.format_exception(exc_info[1]))


def write_error_report(
    path: str | Path, exc_info: ExcInfo | None, *, more: Sequence[ExcInfo] = ()
) -> Path:
    """A zip at ``path`` with versions.txt, traceback.txt (``exc_info`` and ``more``) and the
    log files (log/…), every text scrubbed of personal data (``scrub``). Returns the path."""
    target = Path(path)
    errors = [e for e in (exc_info, *more) if e is not None]
    tracebacks = "\n".join(traceback_text(e) for e in errors) or "No exception.\n"
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("versions.txt", scrub(versions_text()))
        archive.writestr("traceback.txt", scrub(tracebacks))
        for file in log_files():
            try:
                text = file.read_text("utf-8", errors="replace")
            except OSError as exc:
                text = f"(could not be read: {exc.strerror})\n"
            archive.writestr(f"log/{file.name}", scrub(text))
    os.replace(partial, target)
    return target


def _summary(exc: BaseException) -> str:
    first = (str(exc).strip().splitlines() or [""])[0]
    if len(first) > SUMMARY_LENGTH:
        first = first[: SUMMARY_LENGTH - 1] + "…"
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _key(exc: BaseException) -> tuple[str, str]:
    return type(exc).__qualname__, str(exc)


# --------------------------------------------------------------------------- the dialog


class CrashDialog(QDialog):
    """What happened, that nothing saved was lost, and a way to send it on."""

    def __init__(self, exc_info: ExcInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.exc_info = exc_info
        self.others: list[ExcInfo] = []
        self.repeats = 1
        self.saved_report: Path | None = None
        error = exc_info[1]

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        pixmap = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        icon.setPixmap(pixmap.pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        expected = isinstance(error, MapperError)
        self.headline = QLabel(
            self.tr("The action could not be completed.")
            if expected
            else self.tr("An unexpected error occurred in the program.")
        )
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.summary = QLabel(describe_error(error) if expected else _summary(error))
        self.summary.setObjectName("crashSummary")
        self.reassurance = QLabel(
            self.tr(
                "What was already saved has not been lost. You can keep working; if the error "
                "comes back, save an error report and send it to the person who supports the "
                "program."
            )
        )
        self.repeat_label = QLabel()
        self.repeat_label.setObjectName("crashRepeats")
        self.repeat_label.hide()
        self.status = QLabel()
        self.status.hide()
        for label in (self.summary, self.reassurance, self.repeat_label, self.status):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.details_button = QToolButton()
        self.details_button.setObjectName("crashDetailsToggle")
        self.details_button.setText(self.tr("Details"))
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setAutoRaise(True)
        self.details_button.clicked.connect(self._toggle_details)
        self.details = QPlainTextEdit()
        self.details.setObjectName("crashDetails")
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(180)
        self.details.hide()
        self._fill_details()

        self.save_button = QPushButton(self.tr("Save error report…"))
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setDefault(True)
        self.save_button.setAutoDefault(False)
        self.copy_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.ask_save_report)
        self.copy_button.clicked.connect(self.copy_details)
        self.continue_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()  # the report on the left, the way on at the right
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)

        text = QVBoxLayout()
        for widget in (self.headline, self.summary, self.reassurance, self.repeat_label):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    def details_text(self) -> str:
        """The summary and the tracebacks, scrubbed: what is seen is what is copied or sent."""
        parts = [_summary(self.exc_info[1]), "", traceback_text(self.exc_info)]
        if self.repeats > 1:
            parts.append(f"(the same error {self.repeats} times)\n")
        for other in self.others:
            parts += ["", traceback_text(other)]
        return scrub("\n".join(parts))

    def _fill_details(self) -> None:
        self.details.setPlainText(self.details_text())

    @Slot()
    def _toggle_details(self) -> None:
        shown = self.details.isHidden()
        self.details.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.details_button.setArrowType(arrow)
        self.adjustSize()

    def add(self, exc_info: ExcInfo) -> None:
        """One more error while the dialog is open: counted, not shown in a dialog of its own."""
        if _key(exc_info[1]) == _key(self.exc_info[1]):
            self.repeats += 1
        else:
            self.others.append(exc_info)
        lines = []
        if self.repeats > 1:
            lines.append(
                substitute(self.tr("The same error happened %1 times."), str(self.repeats))
            )
        if self.others:
            lines.append(
                substitute(
                    self.tr("%1 other errors happened as well; see Details."),
                    str(len(self.others)),
                )
            )
        self.repeat_label.setText("\n".join(lines))
        self.repeat_label.show()
        self._fill_details()

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self._say(self.tr("The details were copied."))

    @Slot()
    def ask_save_report(self) -> None:
        stem = self.tr("error-report")
        suggested = Path.home() / f"{stem}-{datetime.now():%Y%m%d-%H%M%S}.zip"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save error report"), str(suggested), self.tr("Zip archives (*.zip)")
        )
        if path:
            self.save_report(path)

    def save_report(self, path: str | Path) -> Path | None:
        try:
            self.saved_report = write_error_report(path, self.exc_info, more=self.others)
        except OSError as exc:
            log.warning("the error report could not be written: %s", exc.strerror)
            QMessageBox.warning(self, self.windowTitle(), describe_error(exc))
            return None
        self._say(substitute(self.tr("The error report was saved as %1."), Path(path).name))
        return self.saved_report

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()


# --------------------------------------------------------------------------- the hook


class CrashReporter(QObject):
    """Takes errors from any thread and shows them on the GUI thread, one dialog at a time."""

    raised = Signal(object)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.dialog: CrashDialog | None = None
        self.broken = False
        """Set when the dialog itself failed: from then on errors are only logged."""
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._inside = threading.local()
        # Queued even on the GUI thread: the dialog opens from the event loop, not from inside
        # the hook (which may run in the middle of Qt's event handling).
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def hook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """The ``sys.excepthook``."""
        if issubclass(kind, KeyboardInterrupt) or getattr(self._inside, "active", False):
            sys.__excepthook__(kind, error, tb)  # Ctrl+C, or an error while handling one
            return
        self._inside.active = True
        try:
            if isinstance(error, MapperError):
                log.warning("an error reached the top: %s", error.code, exc_info=(kind, error, tb))
            else:
                log.error("unexpected error", exc_info=(kind, error, tb))
            if not self.broken:
                self.raised.emit((kind, error, tb))
        except Exception:  # never recurse: the last resort is Python's own printout
            sys.__excepthook__(kind, error, tb)
        finally:
            self._inside.active = False

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """The ``threading.excepthook``."""
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.hook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(object)
    def _show(self, exc_info: ExcInfo) -> None:
        try:
            # isValid: the dialog goes when its window does, perhaps without "finished".
            if self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible():
                self.dialog.add(exc_info)
                return
            dialog = CrashDialog(exc_info, QApplication.activeWindow())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.finished.connect(self._closed)
            self.dialog = dialog
            dialog.show()
        except Exception:
            self.broken = True
            log.exception("the error dialog failed; further errors are only logged")

    @Slot()
    def _closed(self) -> None:
        self.dialog = None

    def uninstall(self) -> None:
        """Put back the hooks that were there before (tests)."""
        if sys.excepthook == self.hook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_hook:
            threading.excepthook = self._previous_thread_hook


def install_exception_hook(app: QApplication) -> CrashReporter:
    """Show unexpected errors in a CrashDialog (and log them) for as long as ``app`` lives."""
    reporter = CrashReporter(app)
    sys.excepthook = reporter.hook
    threading.excepthook = reporter.thread_hook
    return reporter
