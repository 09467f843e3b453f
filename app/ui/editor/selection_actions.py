"""AI actions on the selection: rewrite, proofread, shorten, expand, tone, translate, explain, and the user's own.

The controller (no widgets) takes the selection, or the paragraph at the cursor when nothing is selected (the lines
between blank lines, so hard-wrapped text is one paragraph: see `paragraph_at`), streams the model's version, and
on Accept replaces the original as one undo step. The text it works on is tracked with a QTextCursor, so edits
elsewhere in the document while the model writes do not misplace the result; edits inside it make Accept refuse
(with a message) rather than overwrite the user's newer words.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from app.engine import prompts
from app.engine.changes import Change, apply, changes_of
from app.engine.diff import Piece, word_diff
from app.engine.requests import Done, Failure, Request, Sampling
from app.engine.token_count import Counter
from app.translatable import QT_TRANSLATE_NOOP
from app.ui.messages import MessageCenter
from app.worker.client import JobHandle, JobState, ModelClient

# Room the instructions and the chat template take, in tokens, on top of the passage.
PROMPT_OVERHEAD_TOKENS = 120
# Tokenizing runs on the GUI thread here (~1 s per MB), so it is kept to texts where the exact count decides
# something. A byte-level BPE token is at least one UTF-8 byte, so a passage of no more bytes than the budget fits
# without counting; past EXACT_COUNT_MAX_BYTES the text is far over any budget and an estimate says by how much.
EXACT_COUNT_MAX_BYTES = 64 * 1024


TASK_TITLES = {
    "rewrite": QT_TRANSLATE_NOOP("SelectionActions", "Rewrite"),
    "proofread": QT_TRANSLATE_NOOP("SelectionActions", "Proofread"),
    "shorten": QT_TRANSLATE_NOOP("SelectionActions", "Shorten"),
    "expand": QT_TRANSLATE_NOOP("SelectionActions", "Expand"),
    "formal": QT_TRANSLATE_NOOP("SelectionActions", "Formal tone"),
    "friendly": QT_TRANSLATE_NOOP("SelectionActions", "Friendly tone"),
    "translate": QT_TRANSLATE_NOOP("SelectionActions", "Translate"),
    "explain": QT_TRANSLATE_NOOP("SelectionActions", "Explain"),
}


@dataclass(frozen=True)
class CustomAction:
    name: str
    template: str  # the user's prompt; {text} is replaced by the passage


class Phase(enum.Enum):
    IDLE = "idle"
    WAITING = "waiting"
    WRITING = "writing"
    READY = "ready"  # finished: accept, reject or retry
    STOPPED = "stopped"  # stopped by the user with partial text
    FAILED = "failed"


class LongSelectionChoice(enum.Enum):
    IN_PARTS = "parts"
    SUMMARIZE = "summarize"
    CANCEL = "cancel"


_HEADING = re.compile(r" {0,3}#{1,6}(\s|$)")
_FENCE = re.compile(r" {0,3}(```|~~~)")


def _is_boundary(block: QTextBlock) -> bool:
    """A line that ends a paragraph and is never part of one: a Markdown ATX heading or a code fence."""
    text = block.text()
    return bool(_HEADING.match(text) or _FENCE.match(text))


def paragraph_at(cursor: QTextCursor) -> QTextCursor:
    """A cursor selecting the paragraph around `cursor`'s position: the run of consecutive non-blank lines, so a
    hard-wrapped paragraph (lines ending in single newlines, as in Markdown) is taken whole. The run stops at blank
    lines, and at Markdown heading lines (`# Title`) and code fences (``` or ~~~), which are not crossed: on such a
    line, the paragraph is that line alone. Setext headings, lists and the like are not told apart: a list with no
    blank lines between its items is one paragraph. On a blank line, that line alone: nothing to work on."""
    block = cursor.block()
    first = last = block
    if block.text().strip() and not _is_boundary(block):
        while (previous := first.previous()).isValid() and previous.text().strip() and not _is_boundary(previous):
            first = previous
        while (following := last.next()).isValid() and following.text().strip() and not _is_boundary(following):
            last = following
    target = QTextCursor(cursor.document())
    target.setPosition(first.position())
    target.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    return target


class SelectionActions(QObject):
    phase_changed = Signal(object)  # Phase
    text_changed = Signal()  # the model's text grew (coalesce before re-rendering)
    finished = Signal(object)  # Done or Failure
    summarize_instead = Signal(str)  # the user chose the long-document summary for a too-long selection
    decisions_changed = Signal()  # a change was taken or left, or the current change moved
    about_to_replace = Signal(object, str)  # QTextDocument, what is about to change it ("Proofread", ...)

    def __init__(
        self,
        client: ModelClient,
        messages: MessageCenter,
        counter: Callable[[], Counter],
        language: Callable[[], str],
        sampling: Callable[[], Sampling] | None,
        ask_long: Callable[[int, int], LongSelectionChoice],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._messages = messages
        self._counter = counter
        self._language = language
        self._sampling = sampling
        self._ask_long = ask_long
        self.phase = Phase.IDLE
        self.task = ""
        self.title = ""
        self.original = ""
        self._custom: CustomAction | None = None
        self._range: QTextCursor | None = None
        self._parts: list[str] = []
        self._outputs: list[str] = []
        self._part_index = 0
        self._handle: JobHandle | None = None
        self.last_done: Done | None = None
        # Change by change: which changes of the diff the writer took (True) or left (False); the rest are
        # taken when the review is accepted. `current_change` is the one the keys act on.
        self.decisions: dict[int, bool] = {}
        self.current_change = 0

    # -- state -----------------------------------------------------------------------------------------------
    @property
    def replaces_text(self) -> bool:
        return self.task != "explain"

    @property
    def result(self) -> str:
        """The model's text so far, cleaned of chatter, each part keeping its passage's surrounding whitespace."""
        return "".join(
            prompts.clean_edit_output(output, part) for output, part in zip(self._outputs, self._parts, strict=False)
        )

    @property
    def progress(self) -> tuple[int, int]:
        return self._part_index + 1, len(self._parts)

    def _compared(self) -> str:
        """The part of the original the result so far stands for."""
        done = self._part_index + (1 if self.phase in (Phase.READY, Phase.STOPPED) else 0)
        return "".join(self._parts[: max(done, len(self._outputs))])

    def diff(self) -> list[Piece]:
        return word_diff(self._compared(), self.result)

    def changes(self) -> list[Change]:
        return changes_of(self.diff())

    # -- change by change ------------------------------------------------------------------------------------
    def move_change(self, step: int) -> None:
        count = len(self.changes())
        if count:
            self.current_change = (self.current_change + step) % count
            self.decisions_changed.emit()

    def go_to_change(self, index: int) -> None:
        if 0 <= index < len(self.changes()):
            self.current_change = index
            self.decisions_changed.emit()

    def decide_current(self, take: bool) -> None:
        """Take or leave the current change, then move to the next one not yet decided (if any)."""
        changes = self.changes()
        if not changes or self.phase not in (Phase.READY, Phase.STOPPED):
            return
        self.current_change = min(self.current_change, len(changes) - 1)
        self.decisions[self.current_change] = take
        undecided = [c.index for c in changes if c.index not in self.decisions]
        later = [i for i in undecided if i > self.current_change]
        if later or undecided:
            self.current_change = (later or undecided)[0]
        self.decisions_changed.emit()

    def accepted_text(self) -> str:
        """What Accept puts in the document: the result with the changes left by the writer undone."""
        if not any(taken is False for taken in self.decisions.values()):
            return self.result
        changes = self.changes()
        return apply(self._compared(), changes, {c.index: self.decisions.get(c.index, True) for c in changes})

    def _set_phase(self, phase: Phase) -> None:
        if phase is not self.phase:
            self.phase = phase
            self.phase_changed.emit(phase)

    # -- starting --------------------------------------------------------------------------------------------
    def start(self, task: str, cursor: QTextCursor, custom: CustomAction | None = None) -> bool:
        """Run `task` ("rewrite", ..., or "custom" with `custom`) on the cursor's selection or paragraph."""
        document = cursor.document()
        if not document.toPlainText().strip():
            self._messages.info(
                QCoreApplication.translate("SelectionActions", "The document is empty: write or paste some text first.")
            )
            return False
        target = QTextCursor(cursor) if cursor.hasSelection() else paragraph_at(cursor)
        original = target.selectedText().replace("\u2029", "\n")
        if not original.strip():
            self._messages.info(
                QCoreApplication.translate(
                    "SelectionActions", "Select some text, or put the cursor in a paragraph, for the model to work on."
                )
            )
            return False
        parts = [original]
        info = self._client.info
        context = info.context_length if info is not None else 2048
        budget = self._budget(context)
        size = len(original.encode("utf-8"))
        tokens = 0 if size <= budget else self._tokens(original)
        if tokens > budget:
            choice = self._ask_long(tokens, budget)
            if choice is LongSelectionChoice.SUMMARIZE:
                self.summarize_instead.emit(original)
                return False
            if choice is not LongSelectionChoice.IN_PARTS:
                return False
            parts = self._split(original, budget)
        # A running action is superseded by the client when the new request goes in (same source), which stops
        # it and marks it superseded; its late signals are ignored because they no longer come from _handle.
        self._handle = None
        self.task, self._custom = task, custom
        self.title = (
            custom.name
            if custom is not None
            else QCoreApplication.translate("SelectionActions", TASK_TITLES.get(task, task))
        )
        self.original = original
        self._range = target
        self._parts, self._outputs, self._part_index = parts, [], 0
        self.decisions, self.current_change = {}, 0
        self.last_done = None
        self._submit_part()
        return True

    def _budget(self, context: int) -> int:
        """Most passage tokens per request: the passage, the instructions and an answer as long must fit."""
        return max(64, int((context - PROMPT_OVERHEAD_TOKENS) / 2.6))

    def _tokens(self, text: str) -> int:
        """Exact up to EXACT_COUNT_MAX_BYTES, else a high estimate (UTF-8 bytes / 3)."""
        size = len(text.encode("utf-8"))
        if size > EXACT_COUNT_MAX_BYTES:
            return -(-size // 3)
        return self._counter().count(text).tokens

    def _split(self, text: str, budget: int) -> list[str]:
        """Whole paragraphs packed into parts under `budget` tokens; each part keeps its trailing newlines, so the
        parts join back into the exact original. Each paragraph is counted once and the counts are added: a part's
        own count differs by a token or two at the joins, well inside the room left for the instructions."""
        paragraphs = text.split("\n")
        pieces = [p + "\n" for p in paragraphs[:-1]] + [paragraphs[-1]]
        parts: list[str] = []
        current, current_tokens = "", 0
        for piece in pieces:
            tokens = self._tokens(piece) if piece.strip() else 1
            if current and current_tokens + tokens > budget:
                parts.append(current)
                current, current_tokens = "", 0
            current += piece
            current_tokens += tokens
        if current:
            parts.append(current)
        return parts

    def _request(self, passage: str) -> Request:
        info = self._client.info
        context = info.context_length if info is not None else 2048
        base = self._sampling() if self._sampling is not None else None
        sampling = prompts.edit_sampling(self.task, self._tokens(passage), context, base)
        if self._custom is not None:
            return prompts.custom_action(
                self._custom.template, passage, Sampling(max_new_tokens=sampling.max_new_tokens)
            )
        return prompts.edit_selection(self.task, passage, sampling, language=self._language())

    def _submit_part(self) -> None:
        passage = self._parts[self._part_index]
        self._outputs.append("")
        handle = self._client.submit(self._request(passage))
        self._handle = handle
        handle.chunk.connect(self._on_chunk)
        handle.state_changed.connect(self._on_state)
        handle.finished.connect(self._on_finished)
        handle.failed.connect(self._on_failed)
        self._set_phase(Phase.WRITING if handle.state is JobState.GENERATING else Phase.WAITING)

    # -- streaming -------------------------------------------------------------------------------------------
    def _on_state(self, state: JobState) -> None:
        if self.sender() is self._handle and state is JobState.GENERATING:
            self._set_phase(Phase.WRITING)

    def _on_chunk(self, text: str) -> None:
        if self.sender() is not self._handle:
            return
        self._outputs[-1] += text
        self.text_changed.emit()

    def _on_finished(self, done: Done) -> None:
        if self.sender() is not self._handle:
            return
        self._handle = None
        self.last_done = done
        if done.cancelled:
            self._set_phase(Phase.STOPPED)
        elif self._part_index + 1 < len(self._parts):
            self._part_index += 1
            self._submit_part()
            return
        else:
            self._set_phase(Phase.READY)
        self.text_changed.emit()
        self.finished.emit(done)

    def _on_failed(self, failure: Failure) -> None:
        if self.sender() is not self._handle:
            return
        self._handle = None
        self._messages.failure(failure)
        self._set_phase(Phase.FAILED)
        self.finished.emit(failure)

    # -- the user's decision ---------------------------------------------------------------------------------
    def stop(self) -> None:
        if self._handle is not None and self._handle.active:
            self._handle.cancel()

    def retry(self) -> None:
        if self._range is None or not self.task:
            return
        self.stop()
        self._handle = None
        current = self._range.selectedText().replace("\u2029", "\n")
        if current != self.original:
            self._messages.warning(
                QCoreApplication.translate(
                    "SelectionActions", "The text was edited meanwhile; select it again and run the action anew."
                )
            )
            return
        self._outputs, self._part_index = [], 0
        self.decisions, self.current_change = {}, 0
        self._submit_part()

    def accept(self) -> bool:
        """Replace the original with the result as one undo step. False (with a message) when that is not safe."""
        if self._range is None or not self.replaces_text:
            return False
        if self.phase not in (Phase.READY, Phase.STOPPED):
            return False
        current = self._range.selectedText().replace("\u2029", "\n")
        if current != self.original:
            self._messages.warning(
                QCoreApplication.translate(
                    "SelectionActions",
                    "The original text was edited while the model worked, so it was not replaced. Retry to work on "
                    "the new text.",
                )
            )
            return False
        replacement = self.accepted_text()
        if self.phase is Phase.STOPPED and len(self._outputs) < len(self._parts):
            replacement += "".join(self._parts[len(self._outputs) :])  # parts never reached stay as they were
        if not replacement.strip():
            self._messages.warning(
                QCoreApplication.translate("SelectionActions", "The model returned no text, so nothing was replaced.")
            )
            return False
        cursor = self._range
        start = cursor.selectionStart()
        label = f"{self.title} → {self._language()}" if self.task == "translate" else self.title
        self.about_to_replace.emit(cursor.document(), label)
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(start + len(replacement), QTextCursor.MoveMode.KeepAnchor)
        self._reset()
        return True

    def insert_below(self) -> bool:
        """For Explain: put the explanation after the passage, as its own paragraph (one undo step)."""
        if self._range is None or not self.result.strip():
            return False
        cursor = QTextCursor(self._range)
        cursor.setPosition(self._range.selectionEnd())
        cursor.beginEditBlock()
        cursor.insertText("\n\n" + self.result.strip() + "\n")
        cursor.endEditBlock()
        self._reset()
        return True

    def reject(self) -> None:
        self.stop()
        self._reset()

    def _reset(self) -> None:
        self.decisions, self.current_change = {}, 0
        self._handle = None
        self._range = None
        self.task = ""
        self._parts, self._outputs = [], []
        self._set_phase(Phase.IDLE)

    @property
    def document(self) -> QTextDocument | None:
        return self._range.document() if self._range is not None else None
