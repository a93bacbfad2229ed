"""Operations: run a service call off the GUI thread and deliver its result on the GUI thread.

    run_in_background(parent, lambda: service.import_file(path),
                      on_success=self._imported, on_failure=self._show_error)

The core reports progress through plain callbacks; ``progress`` hands the worker a callback that
is safe to call from the worker thread.

The relay that carries the result back belongs to no widget: a dialog closed while its work runs
does not stop the work (a file is still written); its callbacks are skipped instead.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from mapper.domain.errors import Cancelled

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry results across threads."""

    succeeded = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, work: Callable[..., Any], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._with_progress = with_progress
        self.done = False
        # Python keeps the task (see _tasks): the pool must not delete it on the worker thread,
        # where destroying Python-held Qt objects waits for the GIL while holding Qt's lock —
        # a deadlock with the GUI thread connecting a signal (seen in CI).
        self.setAutoDelete(False)

    @Slot()
    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._work(self._relay.progressed.emit)
            else:
                result = self._work()
        except Exception as exc:  # delivered to on_failure, never lost in a thread
            self._relay.failed.emit(exc, traceback.format_exc())
        else:
            self._relay.succeeded.emit(result)
        finally:
            self.done = True


_tasks: list[_Task] = []
"""Started tasks, released on the GUI thread once they have returned (``_release_done``)."""


def _release_done() -> None:
    _tasks[:] = [task for task in _tasks if not task.done]


_running: set[_Relay] = set()
"""Relays whose work has not finished: they have no Qt parent, this set keeps them alive."""


def running() -> int:
    """How many background operations have not delivered their result yet."""
    return len(_running)


def run_in_background(
    owner: QObject | None,
    work: Callable[..., Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException, str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> _Relay:
    """Run ``work`` in the global thread pool. With ``on_progress``, ``work`` receives a
    ``progress(done, total)`` callback as its only argument.

    The callbacks run on the GUI thread only while ``owner`` (the widget that asked) still
    exists; the work itself always runs to its end."""
    relay = _Relay()  # no parent: deleting the owner must not delete the result's way back
    _running.add(relay)

    def alive() -> bool:
        return owner is None or isValid(owner)

    def succeeded(result: Any) -> None:
        _finish(relay)
        if on_success and alive():
            on_success(result)

    def failed(error: BaseException, details: str) -> None:
        _finish(relay)
        if on_failure and alive():
            on_failure(error, details)
        elif not isinstance(error, Cancelled):
            log.warning("background work failed after its window closed: %s", details)

    def progressed(done: int, total: int) -> None:
        if on_progress and alive():
            on_progress(done, total)

    relay.succeeded.connect(succeeded)
    relay.failed.connect(failed)
    relay.progressed.connect(progressed)
    _release_done()
    task = _Task(work, relay, on_progress is not None)
    _tasks.append(task)
    QThreadPool.globalInstance().start(task)
    return relay


def _finish(relay: _Relay) -> None:
    _running.discard(relay)
    relay.deleteLater()
    _release_done()


def run_cancellable(
    parent: QWidget,
    label: str,
    work: Callable[[Callable[[int, int], None]], Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException, str], None],
    on_cancelled: Callable[[], None],
    steps: int = 0,
) -> QProgressDialog:
    """Run long work with a progress dialog whose Cancel stops it.

    ``work`` gets a ``step(done, total)`` callback to call between phases; after Cancel the
    next call raises ``Cancelled``, so the core rolls its transaction back.
    """
    progress = QProgressDialog(
        label, QCoreApplication.translate("Operations", "Cancel"), 0, steps, parent
    )
    progress.setObjectName("progressDialog")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    cancelled = threading.Event()
    progress.canceled.connect(cancelled.set)

    def guarded(report: Callable[[int, int], None]) -> Any:
        def step(done: int, total: int) -> None:
            if cancelled.is_set():
                raise Cancelled()
            report(done, total)

        return work(step)

    def succeeded(result: Any) -> None:
        progress.reset()
        on_success(result)

    def failed(error: BaseException, details: str) -> None:
        progress.reset()
        if isinstance(error, Cancelled):
            on_cancelled()
        else:
            on_failure(error, details)

    def advanced(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)

    run_in_background(
        parent, guarded, on_success=succeeded, on_failure=failed, on_progress=advanced
    )
    return progress
