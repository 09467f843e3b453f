"""Run calls in order on one background Python thread and get their results back on the GUI thread.

The chat pane uses two: one owns the conversations database (sqlite3 connections stay on the thread that made
them, and FIFO order gives read-your-writes), one builds prompts (token counting and ranking of long documents).
Results come back through a queued signal, so callbacks run on the GUI thread and may touch widgets.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class _Stop:
    pass


class BackgroundRunner(QObject):
    # (callback, value) pairs delivered on the thread this object lives on (the GUI thread).
    _delivered = Signal(object)
    idle = Signal()  # the queue ran empty: every call made so far has finished and reported

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._queue: queue.Queue[tuple[Callable[[], Any], OnDone | None, OnError | None] | _Stop] = queue.Queue()
        self._pending = 0  # submitted, not yet delivered (GUI thread only)
        self._closed = False
        self._delivered.connect(self._deliver)
        self._thread = threading.Thread(target=self._loop, name=f"inkwell-{name}", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def call(self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None) -> None:
        """Run fn() on the background thread after every earlier call; report on the GUI thread.

        Without on_error an exception is logged and otherwise ignored.
        """
        if self._closed:
            raise RuntimeError(f"the {self.name} runner is closed")
        self._pending += 1
        self._queue.put((fn, on_done, on_error))

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if isinstance(item, _Stop):
                return
            fn, on_done, on_error = item
            try:
                value = fn()
            except BaseException as exc:
                log.warning("%s: background call failed", self.name, exc_info=exc)
                self._delivered.emit((on_error, exc))
            else:
                self._delivered.emit((on_done, value))

    def _deliver(self, item: tuple[Callable[[Any], None] | None, Any]) -> None:
        self._pending -= 1
        callback, value = item
        if callback is not None and not self._closed:
            callback(value)
        if self._pending == 0:
            self.idle.emit()

    def close(self, timeout_s: float = 10.0) -> bool:
        """Finish every queued call (writes must not be lost), then end the thread. Callbacks no longer run."""
        if self._closed:
            return True
        self._closed = True
        self._queue.put(_Stop())
        self._thread.join(timeout_s)
        if self._thread.is_alive():
            log.error("%s: background thread still busy after %.0f s", self.name, timeout_s)
            return False
        return True
