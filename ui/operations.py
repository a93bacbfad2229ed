"""Operations: run a service call off the GUI thread and deliver its result on the GUI thread.

    run_in_background(parent, lambda: service.import_file(path),
                      on_success=self._imported, on_failure=self._show_error)

The core reports progress through plain callbacks; ``progress`` hands the worker a callback that
is safe to call from the worker thread.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


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


_running: set[_Relay] = set()


def run_in_background(
    parent: QObject,
    work: Callable[..., Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException, str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> _Relay:
    """Run ``work`` in the global thread pool. With ``on_progress``, ``work`` receives a
    ``progress(done, total)`` callback as its only argument."""
    relay = _Relay(parent)
    _running.add(relay)

    def finish() -> None:
        _running.discard(relay)
        relay.deleteLater()

    if on_success:
        relay.succeeded.connect(on_success)
    if on_failure:
        relay.failed.connect(on_failure)
    if on_progress:
        relay.progressed.connect(on_progress)
    relay.succeeded.connect(finish)
    relay.failed.connect(finish)
    QThreadPool.globalInstance().start(_Task(work, relay, on_progress is not None))
    return relay
