"""Per-request cancellation, set from the GUI thread and seen by the model host within a step.

Each request has its own token, so stopping one never stops another. A spawned process can only share
synchronisation objects created before it started, so the host has one shared flag for "the request I am running";
a token is bound to that flag while its request runs and cancelling it sets both.
"""

from __future__ import annotations

import threading
from typing import Protocol


class Flag(Protocol):
    def set(self) -> None: ...
    def clear(self) -> None: ...
    def is_set(self) -> bool: ...


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._bound: Flag | None = None
        self.superseded = False

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def is_set(self) -> bool:
        """The backends' cancel-flag protocol (a backend running in the worker thread reads the token itself)."""
        return self._event.is_set()

    def cancel(self, *, superseded: bool = False) -> None:
        """Safe from any thread; takes effect in the host at its next decode step or layer."""
        with self._lock:
            if not self._event.is_set():
                self.superseded = superseded
            self._event.set()
            if self._bound is not None:
                self._bound.set()

    def bind(self, flag: Flag) -> bool:
        """Attach the host's flag before the request is sent; False if the request was cancelled already.

        Done under the lock so that a cancel either happened before (and the request is never sent) or sees the
        bound flag (and reaches the host).
        """
        with self._lock:
            if self._event.is_set():
                return False
            flag.clear()
            self._bound = flag
            return True

    def unbind(self) -> None:
        with self._lock:
            self._bound = None

    def wait(self, timeout: float) -> bool:
        return self._event.wait(timeout)
