"""The committee report as a PDF: QtWebEngine loads the report's HTML file and prints it on A4.

``PdfPrinter`` works on the GUI thread's event loop and says when it is done (the window's
report dialog); ``html_to_pdf`` waits for it (the command line), making a QApplication when
there is none. The HTML is loaded from its file: ``setHtml`` refuses pages above 2 MB.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMarginsF,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize

PRINT_TIMEOUT_MS = 120_000
PAGE_MARKER = b"/Type /Page"
PAGE_MARKER_TIGHT = b"/Type/Page"


class PdfError(RuntimeError):
    """The PDF could not be made (QtWebEngine missing, the page did not load, printing failed)."""


def a4_portrait() -> QPageLayout:
    """A4 portrait; the report's own ``@page`` margins apply (Chromium prefers CSS)."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15),
        QPageLayout.Unit.Millimeter,
    )


def count_pages(pdf: bytes) -> int:
    """Page objects in a PDF (``/Type /Page``, not ``/Pages``)."""
    count = 0
    for marker in (PAGE_MARKER, PAGE_MARKER_TIGHT):
        start = 0
        while (at := pdf.find(marker, start)) >= 0:
            start = at + len(marker)
            if pdf[start : start + 1] != b"s":
                count += 1
    return count


class PdfPrinter(QObject):
    """Print one HTML file to a PDF file, once; ``finished`` says where and whether it worked
    (with an English reason when not). The PDF is written beside its target and then moved over it,
    so a failure leaves an earlier file as it was."""

    finished = Signal(str, bool, str)
    """(pdf path, ok, reason)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        try:
            from PySide6.QtWebEngineCore import QWebEnginePage
        except ImportError as exc:  # pragma: no cover - depends on the machine
            raise PdfError(f"QtWebEngine cannot start: {exc}") from exc
        self._page = QWebEnginePage(self)
        self._page.loadFinished.connect(self._loaded)
        self._page.pdfPrintingFinished.connect(self._printed)
        self._target = Path()
        self._partial = Path()
        self._busy = self._used = False

    def print_file(self, html_path: str | Path, pdf_path: str | Path) -> None:
        if self._busy or self._used:
            raise PdfError("a printer prints one file; make another")
        source = Path(html_path).resolve()
        if not source.is_file():
            raise PdfError(f"no such file: {source}")
        self._target = Path(pdf_path).resolve()
        if not self._target.parent.is_dir():
            raise PdfError(f"the folder {self._target.parent} does not exist")
        self._partial = self._target.parent / f".{self._target.name}.{secrets.token_hex(6)}.partial"
        self._busy = True
        self._page.load(QUrl.fromLocalFile(str(source)))

    def _loaded(self, ok: bool) -> None:
        if not self._busy:
            return
        if not ok:
            self._done(False, "the report page did not load")
            return
        self._page.printToPdf(str(self._partial), a4_portrait())

    def _printed(self, path: str, ok: bool) -> None:
        if not self._busy or Path(path) != self._partial:
            return
        if not ok or not self._partial.exists():
            self._done(False, f"printing to {self._target} failed")
            return
        try:
            # Chromium writes the file for its owner only; a report is an ordinary document.
            mask = os.umask(0)
            os.umask(mask)
            self._partial.chmod(0o666 & ~mask)
            os.replace(self._partial, self._target)
        except OSError as exc:
            self._done(False, f"cannot write {self._target}: {exc.strerror}")
            return
        self._done(True, "")

    def _done(self, ok: bool, reason: str) -> None:
        self._busy = False
        self._used = True
        # The page goes now, not at exit: a page outliving its profile makes Qt complain.
        self._page.deleteLater()
        with contextlib.suppress(OSError):
            self._partial.unlink(missing_ok=True)
        self.finished.emit(str(self._target), ok, reason)


def ensure_application() -> QCoreApplication:
    """The running Qt application, or a new headless-capable one for the command line."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    return QApplication(sys.argv[:1])


def html_to_pdf(
    html_path: str | Path, pdf_path: str | Path, *, timeout_ms: int = PRINT_TIMEOUT_MS
) -> int:
    """Print the HTML file to an A4 PDF and wait; returns the number of pages."""
    ensure_application()
    printer = PdfPrinter()
    loop = QEventLoop()
    outcome: list[tuple[bool, str]] = []

    def finished(_path: str, ok: bool, reason: str) -> None:
        outcome.append((ok, reason))
        loop.quit()

    printer.finished.connect(finished)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    try:
        printer.print_file(html_path, pdf_path)
        timer.start(timeout_ms)
        loop.exec()
    finally:
        timer.stop()
        printer.deleteLater()
        # Delete the page now: a page outliving its profile at exit makes Qt complain.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if not outcome:
        raise PdfError(f"printing to {pdf_path} took longer than {timeout_ms // 1000} s")
    ok, reason = outcome[0]
    if not ok:
        raise PdfError(reason)
    return count_pages(Path(pdf_path).read_bytes())
