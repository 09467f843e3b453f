"""Continue writing: the model's continuation streams into the document at the cursor as one undo step.

Works on a QTextDocument, not a widget, so it is testable without a window. Chunks are coalesced (~30 ms) and
appended with one cursor insert each; the whole document is never re-rendered. Any edit by the user stops it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

from app.engine import prompts
from app.engine.requests import Done, Failure, Sampling
from app.ui.messages import MessageCenter
from app.worker.client import JobHandle, JobState, ModelClient

FLUSH_MS = 30


class Phase(enum.Enum):
    IDLE = "idle"
    WAITING = "waiting"  # queued behind another request, or the model is loading
    WRITING = "writing"
    STOPPING = "stopping"


class ContinueWriting(QObject):
    phase_changed = Signal(object)  # Phase
    finished = Signal(object)  # Done or Failure, after the last text is in the document

    def __init__(
        self,
        document: QTextDocument,
        client: ModelClient,
        messages: MessageCenter,
        sampling: Callable[[], Sampling],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._client = client
        self._messages = messages
        self.sampling = sampling  # read at each start, so settings changes apply to the next run
        self._handle: JobHandle | None = None
        self._cursor: QTextCursor | None = None
        self._pending: list[str] = []
        self._opened_block = False
        self._inserting = False
        self.phase = Phase.IDLE
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self._flush)
        document.contentsChange.connect(self._on_document_changed)

    @property
    def running(self) -> bool:
        return self._handle is not None

    def start(self, position: int) -> bool:
        """Continue from `position`. False (with a notice) when there is nothing to continue from."""
        text = self._document.toPlainText()[:position]
        if not text.strip():
            self._messages.info(
                QCoreApplication.translate(
                    "ContinueWriting", "Write a few words first: the model continues the text before the cursor."
                )
            )
            return False
        self.stop()
        self._cursor = QTextCursor(self._document)
        self._cursor.setPosition(position)
        self._opened_block = False
        self._pending.clear()
        handle = self._client.submit(prompts.continue_writing(text, self.sampling()))
        self._handle = handle
        handle.chunk.connect(self._on_chunk)
        handle.state_changed.connect(self._on_state)
        handle.finished.connect(self._on_finished)
        handle.failed.connect(self._on_failed)
        self._set_phase(Phase.WRITING if handle.state is JobState.GENERATING else Phase.WAITING)
        return True

    def stop(self) -> None:
        if self._handle is not None and self._handle.active:
            self._set_phase(Phase.STOPPING)
            self._handle.cancel()

    # -- streaming -------------------------------------------------------------------------------------------
    def _on_state(self, state: JobState) -> None:
        if state is JobState.GENERATING and self.phase is Phase.WAITING:
            self._set_phase(Phase.WRITING)

    def _on_chunk(self, text: str) -> None:
        if self.sender() is not self._handle:
            return
        self._pending.append(text)
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        if not self._pending or self._cursor is None:
            return
        text = "".join(self._pending)
        self._pending.clear()
        self._inserting = True
        try:
            # The first insert opens an undo block and later ones join it: Ctrl+Z removes the whole continuation.
            if self._opened_block:
                self._cursor.joinPreviousEditBlock()
            else:
                self._cursor.beginEditBlock()
                self._opened_block = True
            self._cursor.insertText(text)
            self._cursor.endEditBlock()
        finally:
            self._inserting = False

    def _on_document_changed(self, position: int, removed: int, added: int) -> None:
        if self._inserting or self._handle is None:
            return
        # The user typed: their text wins. Drop what has not been inserted (joining the next insert to the
        # undo block would now merge it with the user's edit) and stop the model.
        self._pending.clear()
        self._timer.stop()
        self._cursor = None
        self.stop()

    def _end(self, result: Done | Failure) -> None:
        self._timer.stop()
        self._flush()
        self._handle = None
        self._cursor = None
        self._set_phase(Phase.IDLE)
        self.finished.emit(result)

    def _on_finished(self, done: Done) -> None:
        if self.sender() is self._handle:
            self._end(done)

    def _on_failed(self, failure: Failure) -> None:
        if self.sender() is self._handle:
            self._messages.failure(failure)
            self._end(failure)

    def _set_phase(self, phase: Phase) -> None:
        if phase is not self.phase:
            self.phase = phase
            self.phase_changed.emit(phase)

    @property
    def insertion_end(self) -> int | None:
        return self._cursor.position() if self._cursor is not None else None
