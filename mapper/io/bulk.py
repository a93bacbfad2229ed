"""Bulk work without the cyclic garbage collector's pauses.

Reading, validating and writing a register of 100,000 actors creates millions of objects that
all live until the operation ends. Python's cyclic collector walks every one of them at each
full collection, over and over as the heap grows: at 30,000 actors those walks were a quarter
of an import's wall time. Reference counting still frees everything that is not part of a
cycle while the collector is paused.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _CollectorPause:
    """Counts the bulk operations under way (any thread); the collector runs again when the
    last one ends, and only if it was running when the first one began."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = False

    def enter(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1

    def leave(self) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._was_enabled:
                gc.enable()


_PAUSE = _CollectorPause()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one bulk operation (nests, thread-safe)."""
    _PAUSE.enter()
    try:
        yield
    finally:
        _PAUSE.leave()
