"""Streamed text handed on in batches: at most one view update per FLUSH_MS, whatever the token rate.

Re-rendering per token is what makes rivals' windows lag while they stream; every streaming view in Inkwell
appends what this buffer hands it instead.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

FLUSH_MS = 30


class ChunkBuffer(QObject):
    ready = Signal(str)  # the text gathered since the last batch (never empty)

    def __init__(self, parent: QObject | None = None, interval_ms: int = FLUSH_MS) -> None:
        super().__init__(parent)
        self._pending: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    def add(self, text: str) -> None:
        if not text:
            return
        self._pending.append(text)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Hand on what is gathered now (the stream ended, or its view must be up to date)."""
        self._timer.stop()
        if self._pending:
            text = "".join(self._pending)
            self._pending.clear()
            self.ready.emit(text)

    def clear(self) -> None:
        """Drop what is gathered (the run it belongs to was abandoned)."""
        self._timer.stop()
        self._pending.clear()
