"""Slow, model-free work of the summarize and translate panes, off the GUI thread.

Counting the tokens of a long document, planning its parts and detecting its language take from milliseconds to
seconds. The work itself runs in the text-services process (it holds the GIL); a worker thread here waits for it,
and the result comes back to the GUI thread through a queued signal, tagged so that a result for an abandoned run
is dropped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    tag: int
    value: Any = None
    error: BaseException | None = None


class Background(QObject):
    """Runs one function at a time on a worker thread; `done(Outcome)` fires on the GUI thread."""

    done = Signal(object)  # Outcome

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"inkwell-{name}")
        self._closed = False
        self._lock = threading.Lock()

    def run(self, tag: int, work: Callable[[], Any]) -> None:
        if self._closed:
            return
        self._executor.submit(self._call, tag, work)

    def _call(self, tag: int, work: Callable[[], Any]) -> None:
        try:
            outcome = Outcome(tag, work())
        except Exception as exc:
            if not self._closed:  # after close, a failure is the text-services process going away with the app
                log.exception("background work failed")
            outcome = Outcome(tag, None, exc)
        with self._lock:
            if self._closed:
                return
            # Emitted from the worker thread: Qt queues it to this object's (the GUI) thread. RuntimeError: the
            # object was deleted meanwhile, and nobody is waiting for the result.
            with contextlib.suppress(RuntimeError):
                self.done.emit(outcome)

    def close(self) -> None:
        """Drop pending work and results; a running function finishes on its own (they are short)."""
        with self._lock:
            self._closed = True
        self._executor.shutdown(wait=False, cancel_futures=True)
