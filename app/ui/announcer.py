"""Tell assistive technology what the model is doing: a run started, what it writes (a sentence at a time), and
whether it finished, was stopped or failed. One place for every controller, so no pane speaks on its own."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAccessible

from app.engine.requests import Done, Failure
from app.ui.messages import Level, MessageCenter, Notice, failure_text

if TYPE_CHECKING:
    from app.ui.editor.continue_writing import ContinueWriting
    from app.ui.editor.selection_actions import SelectionActions
    from app.ui.panes.chat_controller import ChatController
    from app.ui.panes.summarize_controller import SummarizeController
    from app.ui.panes.translate_controller import TranslateController

# Qt 6.8 added announcements; on an older Qt the `announced` signal is all there is.
_ANNOUNCEMENT_EVENT = getattr(QtGui, "QAccessibleAnnouncementEvent", None)

# A sentence ends at . ! ? … followed by a space (closing quotes and brackets stay with it), at the CJK full stops
# (no space follows them), or at a line break. Waiting for the space keeps "3.14" and "e.g." whole mostly.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+|[。！？；][」』”’）]*|\n+")
# Text without any sentence end (a list, a run-on) is still read, in pieces of about this many characters.
MAX_PIECE = 300
_LIST_NUMBER = re.compile(r"\s*\d{1,3}[.)]")  # "2. " opens a numbered list item; it is no sentence
REVIEW_READ_MS = 250
# Phases, by their enum values, in which a controller has work under way: leaving "idle" for one of these starts a
# run. The ended phases ("pending", "ready", "stopped", "failed") and "stopping" are not starts.
_WORKING = {"waiting", "writing", "waiting_model", "planning", "preparing", "running", "generating"}


# Markdown a reader would spell out ("asterisk asterisk"): a heading's or a bullet's mark, emphasis, code marks, and
# a link's address (its text is kept).
_LINE_MARK = re.compile(r"^\s*(?:#{1,6}|[-*+]|>)\s+")  # a list item's number stays: it is heard
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_EMPHASIS = re.compile(r"\*\*|__|`+|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def speakable(sentence: str) -> str:
    """A sentence as it should be heard: without the Markdown marks the chat and the editor show as formatting."""
    text = _LINK.sub(r"\1", _LINE_MARK.sub("", sentence))
    return _EMPHASIS.sub("", text).strip()


class Politeness(enum.Enum):
    POLITE = "polite"  # after what the reader is saying
    ASSERTIVE = "assertive"  # interrupts: failures


class Ending(enum.Enum):
    FINISHED = "finished"
    STOPPED = "stopped"
    FAILED = "failed"


class SentenceBuffer:
    """Streamed text in, whole sentences out: a reader saying every token would be unbearable."""

    def __init__(self) -> None:
        self._text = ""

    def feed(self, text: str) -> list[str]:
        self._text += text
        sentences: list[str] = []
        start = 0  # where to look for the next end: past a list item's number, which ends nothing
        while (end := _SENTENCE_END.search(self._text, start)) is not None:
            sentence = self._text[: end.end()].strip()
            if _LIST_NUMBER.fullmatch(sentence.rsplit("\n", 1)[-1]):
                start = end.end()
                continue
            self._text = self._text[end.end() :]
            start = 0
            if sentence:
                sentences.append(sentence)
        while len(self._text) > MAX_PIECE:
            cut = self._text.rfind(" ", 0, MAX_PIECE)
            cut = cut if cut > 0 else MAX_PIECE
            piece, self._text = self._text[:cut].strip(), self._text[cut:]
            if piece:
                sentences.append(piece)
        return sentences

    def flush(self) -> str:
        """The unfinished rest (the last sentence of an answer often has no space after its full stop)."""
        rest, self._text = self._text.strip(), ""
        return rest

    def clear(self) -> None:
        self._text = ""


class _Run:
    def __init__(self, name: Callable[[], str]) -> None:
        self.name = name
        self.active = False
        self.buffer = SentenceBuffer()
        self.seen = ""  # for controllers that give their whole text so far rather than what was added


class Announcer(QObject):
    """Announces through `QAccessibleAnnouncementEvent` on `target` (the main window) and `announced`."""

    announced = Signal(str, object)  # text, Politeness

    def __init__(self, target: QObject, parent: QObject | None = None) -> None:
        super().__init__(parent or target)
        self._target = target
        self._runs: dict[str, _Run] = {}
        self._notices: list[Notice] = []
        self._review_timer = QTimer(self)
        self._failures_said: set[str] = set()  # since the notices were last read

    def announce(self, text: str, politeness: Politeness = Politeness.POLITE) -> None:
        if not text:
            return
        if _ANNOUNCEMENT_EVENT is not None:
            event = _ANNOUNCEMENT_EVENT(self._target, text)
            event.setPoliteness(
                QAccessible.AnnouncementPoliteness.Assertive
                if politeness is Politeness.ASSERTIVE
                else QAccessible.AnnouncementPoliteness.Polite
            )
            QAccessible.updateAccessibility(event)
        self.announced.emit(text, politeness)

    # -- runs ------------------------------------------------------------------------------------------------
    def started(self, key: str) -> None:
        run = self._runs[key]
        if run.active:
            return
        run.active = True
        run.buffer.clear()
        run.seen = ""
        self.announce(self.tr("{task} started.").format(task=run.name()))

    def text(self, key: str, text: str) -> None:
        run = self._runs[key]
        if run.active:
            for sentence in run.buffer.feed(text):
                self.announce(speakable(sentence))

    def text_so_far(self, key: str, whole: str) -> None:
        """For a controller that gives its whole text each time: announce only what was added."""
        run = self._runs[key]
        added = whole[len(run.seen) :] if whole.startswith(run.seen) else ""
        run.seen = whole
        self.text(key, added)

    def ended(self, key: str, ending: Ending, detail: str = "", hint: str = "") -> None:
        run = self._runs[key]
        if not run.active:
            return
        run.active = False
        rest = run.buffer.flush()
        task = run.name()
        if ending is Ending.FINISHED:
            self.announce(speakable(rest))
            message = self.tr("{task} finished.").format(task=task)
        elif ending is Ending.STOPPED:
            message = self.tr("{task} stopped.").format(task=task)
        else:
            message = self.tr("{task} failed.").format(task=task)
        message = " ".join(part for part in (message, detail, hint) if part)
        if ending is Ending.FAILED and detail:
            self._failures_said.add(detail)
        self.announce(message, Politeness.ASSERTIVE if ending is Ending.FAILED else Politeness.POLITE)

    # -- notices ---------------------------------------------------------------------------------------------
    def follow_notices(self, messages: MessageCenter) -> None:
        """Read the notice bar's notices: a blind user would not know one appeared."""
        messages.posted.connect(self._on_notice)

    def _on_notice(self, notice: Notice) -> None:
        # A failed run posts its notice just before it reports how it ended; read on the next turn of the event
        # loop, the notice is dropped when the run's "… failed. <why>" has already said the same words.
        self._notices.append(notice)
        QTimer.singleShot(0, self._read_notices)

    def _read_notices(self) -> None:
        notices, self._notices = self._notices, []
        said, self._failures_said = self._failures_said, set()
        for notice in notices:
            if notice.text not in said:
                urgent = notice.level is Level.ERROR
                self.announce(notice.text, Politeness.ASSERTIVE if urgent else Politeness.POLITE)

    def _add(self, key: str, name: Callable[[], str], phase_changed: object) -> None:
        self._runs[key] = _Run(name)

        def on_phase(phase: object) -> None:
            value = getattr(phase, "value", "")
            if value in _WORKING:
                self.started(key)

        phase_changed.connect(on_phase)  # type: ignore[attr-defined]

    # -- the controllers -------------------------------------------------------------------------------------
    def follow(
        self,
        continuation: ContinueWriting,
        review: SelectionActions,
        summarizer: SummarizeController,
        translator: TranslateController,
        chat: ChatController,
    ) -> None:
        """Connect to each controller's phase, text and outcome signals."""
        self._add("continue", lambda: self.tr("Continue writing"), continuation.phase_changed)
        continuation.text_added.connect(lambda text: self.text("continue", text))
        pending = self.tr("Tab keeps the text, Escape discards it.")
        continuation.finished.connect(lambda result: self._done_or_failure("continue", result, pending))

        self._add("review", lambda: review.title or self.tr("The editing action"), review.phase_changed)
        # The review's text is its whole result, cleaned anew each time: read it at most every REVIEW_READ_MS, not
        # on every chunk.
        self._review_timer.setSingleShot(True)
        self._review_timer.setInterval(REVIEW_READ_MS)
        self._review_timer.timeout.connect(lambda: self.text_so_far("review", review.result))
        review.text_changed.connect(self._schedule_review_read)
        review.finished.connect(lambda result: self._review_ended(review, result))

        self._add("summary", lambda: self.tr("The summary"), summarizer.phase_changed)
        summarizer.result_text.connect(lambda text: self.text("summary", text))
        summarizer.finished.connect(lambda outcome: self._outcome("summary", outcome))

        self._add("translation", lambda: self.tr("The translation"), translator.phase_changed)
        translator.output_text.connect(lambda text: self.text("translation", text))
        translator.finished.connect(lambda outcome: self._outcome("translation", outcome))

        self._add("chat", lambda: self.tr("The answer"), chat.phase_changed)
        chat.answer_delta.connect(lambda text: self.text("chat", text))
        chat.turn_finished.connect(self._chat_ended)

    def _done_or_failure(self, key: str, result: object, hint: str = "") -> None:
        if isinstance(result, Failure):
            self.ended(key, Ending.FAILED, failure_text(result))
        elif isinstance(result, Done) and result.cancelled:
            self.ended(key, Ending.STOPPED, hint=hint)
        else:
            self.ended(key, Ending.FINISHED, hint=hint)

    def _schedule_review_read(self) -> None:
        if not self._review_timer.isActive():
            self._review_timer.start()

    def _review_ended(self, review: SelectionActions, result: object) -> None:
        self._review_timer.stop()
        if isinstance(result, Failure):
            self._done_or_failure("review", result)
            return
        self.text_so_far("review", review.result)
        self._done_or_failure("review", result, self.tr("The change is ready to review."))

    def _outcome(self, key: str, outcome: object) -> None:
        failure = getattr(outcome, "failure", None)
        if isinstance(failure, Failure):
            self.ended(key, Ending.FAILED, failure_text(failure))
        elif getattr(outcome, "stopped", False):
            self.ended(key, Ending.STOPPED)
        else:
            self.ended(key, Ending.FINISHED)

    def _chat_ended(self, result: object) -> None:
        if result is None:
            self.ended("chat", Ending.STOPPED)
        elif isinstance(result, Done | Failure):
            self._done_or_failure("chat", result)
        else:  # TooLong: the pane explains what to shorten
            self.ended("chat", Ending.FAILED, self.tr("The message is too long for the model."))
