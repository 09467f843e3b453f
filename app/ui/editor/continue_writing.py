"""Continue writing: the model's continuation streams in at the cursor in a "pending" style; Tab accepts it as one
undo step, Esc discards it, typing stops it, and typing (Enter too) over a finished suggestion dismisses it.

Pending text lives in the document (so it wraps and scrolls like text) inside a single undo block. Accepting
takes that block off the undo stack and inserts the text again in the normal style, so the undo history holds
exactly one step for the accepted continuation; discarding takes it off and leaves nothing behind. This relies on
the pending block being the last edit: every other edit path settles the continuation first (`settle`), and an
edit that slips past (another program's change reloaded, say) accepts the text as it is.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit

from app.engine import prompts
from app.engine.requests import Done, Failure, Sampling
from app.ui.messages import MessageCenter
from app.ui.theme import high_contrast
from app.worker.client import JobHandle, JobState, ModelClient

FLUSH_MS = 30
PENDING_GREY = "#8a8f98"  # the model's text until it is kept (with italics)


class Phase(enum.Enum):
    IDLE = "idle"
    WAITING = "waiting"  # queued behind another request, or the model is loading
    WRITING = "writing"
    PENDING = "pending"  # written (finished or stopped): Tab accepts, Esc discards


@dataclass(frozen=True)
class HeldContinuation:
    """Pending text taken out of its document by `ContinueWriting.hold`, to be put back by `resume`."""

    editor: QPlainTextEdit
    position: int
    text: str


class ContinueWriting(QObject):
    phase_changed = Signal(object)  # Phase
    finished = Signal(object)  # Done or Failure, once generation has ended (the text may still be pending)
    settled = Signal(bool)  # True: accepted, False: discarded
    about_to_accept = Signal(object)  # QTextDocument, holding the text before the continuation, about to take it
    text_added = Signal(str)  # the model's text just put in the document (coalesced), for assistive technology

    def __init__(
        self,
        client: ModelClient,
        messages: MessageCenter,
        sampling: Callable[[], Sampling],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._messages = messages
        self.sampling = sampling  # read at each start, so settings changes apply to the next run
        self._handle: JobHandle | None = None
        self._editor: QPlainTextEdit | None = None
        self._document: QTextDocument | None = None
        self._start: QTextCursor | None = None  # stays before the pending text
        self._end: QTextCursor | None = None  # follows the end of the pending text
        self._buffer: list[str] = []
        self._undo_steps = -1  # the undo stack's depth right after our pending block
        self._inserting = False
        self.pending_text = ""
        self.phase = Phase.IDLE
        self._format = QTextCharFormat()
        self._format.setForeground(QColor(PENDING_GREY))
        self._format.setFontItalic(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self._flush)

    @property
    def active(self) -> bool:
        return self.phase is not Phase.IDLE

    @property
    def running(self) -> bool:
        return self._handle is not None

    # -- start -----------------------------------------------------------------------------------------------
    def start(self, editor: QPlainTextEdit) -> bool:
        """Continue from the editor's cursor. False (with a notice) when there is nothing to continue from."""
        self.settle(accept=True)
        position = editor.textCursor().position()
        text = editor.toPlainText()[:position]
        if not text.strip():
            self._messages.info(
                QCoreApplication.translate(
                    "ContinueWriting", "Write a few words first: the model continues the text before the cursor."
                )
            )
            return False
        self._editor, self._document = editor, editor.document()
        if high_contrast():  # grey would be faint in a high-contrast theme: the italics alone mark the text
            self._format.clearForeground()
        else:
            self._format.setForeground(QColor(PENDING_GREY))
        self._start = QTextCursor(self._document)
        self._start.setPosition(position)
        self._start.setKeepPositionOnInsert(True)  # else the pending text, inserted at its position, pushes it along
        self._end = QTextCursor(self._document)
        self._end.setPosition(position)
        self._buffer.clear()
        self._undo_steps = -1
        self.pending_text = ""
        self._document.contentsChange.connect(self._on_document_changed)
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
            self._handle.cancel()

    # -- streaming -------------------------------------------------------------------------------------------
    def _on_state(self, state: JobState) -> None:
        if self.sender() is self._handle and state is JobState.GENERATING and self.phase is Phase.WAITING:
            self._set_phase(Phase.WRITING)

    def _on_chunk(self, text: str) -> None:
        if self.sender() is not self._handle:
            return
        self._buffer.append(text)
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        if not self._buffer or self._end is None or self._document is None:
            return
        text = "".join(self._buffer)
        self._buffer.clear()
        self._inserting = True
        try:
            # The first insert opens the undo block, later ones join it: one block for the whole continuation.
            if self.pending_text:
                self._end.joinPreviousEditBlock()
            else:
                self._end.beginEditBlock()
            self._end.insertText(text, self._format)
            self._end.endEditBlock()
        finally:
            self._inserting = False
        self.pending_text += text
        self._undo_steps = self._document.availableUndoSteps()
        self.text_added.emit(text)
        if self._editor is not None:
            self._editor.ensureCursorVisible()

    def _end_generation(self, result: Done | Failure) -> None:
        self._timer.stop()
        self._flush()
        self._handle = None
        if self.pending_text:
            self._set_phase(Phase.PENDING)
        else:
            self._clear()
        self.finished.emit(result)

    def _on_finished(self, done: Done) -> None:
        if self.sender() is self._handle:
            self._end_generation(done)

    def _on_failed(self, failure: Failure) -> None:
        if self.sender() is self._handle:
            self._messages.failure(failure)
            self._end_generation(failure)

    # -- accept / discard ------------------------------------------------------------------------------------
    def _pending_on_top(self) -> bool:
        return self._document is not None and self._document.availableUndoSteps() == self._undo_steps

    def settle(self, *, accept: bool) -> None:
        """End the continuation: keep its text as normal text (one undo step) or remove it without a trace."""
        if not self.active:
            return
        self.stop()
        self._timer.stop()
        self._flush()
        self._handle = None
        document, start, end = self._document, self._start, self._end
        text = self.pending_text
        if document is not None and start is not None and end is not None and text:
            self._inserting = True
            try:
                if self._pending_on_top():
                    document.undo()  # the pending block leaves the history...
                    if accept:
                        self.about_to_accept.emit(document)  # the text as it was before the continuation
                        cursor = QTextCursor(document)
                        cursor.setPosition(start.position())
                        cursor.beginEditBlock()
                        cursor.insertText(text, QTextCharFormat())  # ...and comes back as one plain-text step
                        cursor.endEditBlock()
                        if self._editor is not None:
                            self._editor.setTextCursor(cursor)
                    document.clearUndoRedoStacks(QTextDocument.Stacks.RedoStack)
                elif accept:
                    self._plain_format(start, end)
                else:
                    self._remove(start, end)
            finally:
                self._inserting = False
        self._clear()
        self.settled.emit(accept)

    def hold(self) -> HeldContinuation | None:
        """Stop the model and take the pending text out of the document, undoing its insertion (a document that
        only the pending text changed is unchanged again), keeping the text for `resume`. For a question whose
        answer may save the document, which must never write unaccepted text, or may leave all as it was.
        None: there was no text to keep (a continuation that had not written anything yet is simply stopped)."""
        if not self.active:
            return None
        self.stop()
        self._timer.stop()
        self._flush()
        editor, start, text = self._editor, self._start, self.pending_text
        held = None
        if editor is not None and start is not None and text:
            held = HeldContinuation(editor, start.position(), text)
        self.settle(accept=False)
        return held

    def resume(self, held: HeldContinuation | None) -> None:
        """Put held text back where it was, pending again (Tab accepts, Esc discards); the model is not restarted."""
        if held is None:
            return
        self.settle(accept=True)  # nothing should be pending now; if something is, it is kept, never lost
        editor, document = held.editor, held.editor.document()
        position = min(held.position, document.characterCount() - 1)
        self._editor, self._document = editor, document
        self._start = QTextCursor(document)
        self._start.setPosition(position)
        self._start.setKeepPositionOnInsert(True)
        self._end = QTextCursor(document)
        self._end.setPosition(position)
        self._buffer = [held.text]
        self._undo_steps = -1
        self.pending_text = ""
        document.contentsChange.connect(self._on_document_changed)
        self._flush()
        self._set_phase(Phase.PENDING)

    def _plain_format(self, start: QTextCursor, end: QTextCursor) -> None:
        cursor = QTextCursor(start)
        cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(QTextCharFormat())

    def _remove(self, start: QTextCursor, end: QTextCursor) -> None:
        cursor = QTextCursor(start)
        cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()

    def _clear(self) -> None:
        if self._document is not None:
            self._document.contentsChange.disconnect(self._on_document_changed)
        self._document = self._start = self._end = None
        self._editor = None
        self.pending_text = ""
        self._buffer.clear()
        self._undo_steps = -1
        self._set_phase(Phase.IDLE)

    def _on_document_changed(self, position: int, removed: int, added: int) -> None:
        if self._inserting or not self.active:
            return
        # Someone else edited the document (not through the keys we intercept): keep what was written and stop.
        self.settle(accept=True)

    # -- keys ------------------------------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        """The editor's key interceptor. True: the key was ours."""
        if not self.active:
            return False
        key, modifiers = event.key(), event.modifiers()
        plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key == Qt.Key.Key_Tab and plain:
            self.settle(accept=True)
            return True
        if key == Qt.Key.Key_Escape:
            if self.running:
                self.stop()  # the text stays pending: Tab keeps it, Esc again discards it
            else:
                self.settle(accept=False)
            return True
        if event.matches(QKeySequence.StandardKey.Undo):
            self.settle(accept=False)
            return True
        # Enter is typing too: the writer's new line, never a way to take the suggestion (Tab is).
        typed = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or (event.text() and event.text().isprintable())
        if typed:
            if self.running or self.phase is Phase.WAITING:
                self.stop()  # typing stops the model; this key only stops it
                return True
            self.settle(accept=False)  # typing over a suggestion dismisses it, and the key types as usual
            return False
        return False

    def handle_input_method(self, event: QInputMethodEvent) -> None:
        """The editor's input-method interceptor: the writer is composing (pinyin, kana...), which is typing, so the
        suggestion goes and a running model stops, before the composition reaches the document. Only stopping, as
        the first typed key does, would leave the suggestion where the composition lands; the composition's change
        to the document would then accept it, and the suggestion would split the composed text from the cursor."""
        if self.active:
            self.settle(accept=False)

    def _set_phase(self, phase: Phase) -> None:
        if phase is not self.phase:
            self.phase = phase
            self.phase_changed.emit(phase)
