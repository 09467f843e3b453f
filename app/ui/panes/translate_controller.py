"""Translate: the selection (else the whole document), block by block, keeping its Markdown structure.

No widgets: the pane shows what this controller says. The source language is detected off the GUI thread (the
user can choose it instead); the text is cut into Markdown segments (chunking.markdown_segments): code blocks,
table rules and blank lines are copied, never sent to the model; headings, list items, quotes, table cells and
paragraphs are translated one request each, their markup kept outside the model's reach. The translation
streams out coalesced (~30 ms) and append-only, with progress per segment.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from app.engine import language as languages
from app.engine.chunking import Segment
from app.engine.requests import Done, Failure, ModelInfo
from app.engine.task_prompts import (
    TranslationStream,
    translate,
    translation_max_new_tokens,
    weak_at,
)
from app.engine.text_jobs import PreparedTranslation, detect_language, prepare_translation_job
from app.store.settings import Settings, register_defaults
from app.ui.chunk_buffer import ChunkBuffer
from app.ui.editor.bridge import EditorBridge
from app.ui.messages import MessageCenter
from app.ui.panes.summarize_background import Background, Outcome
from app.ui.panes.summarize_controller import Source  # the same choice, said the same way in both panes
from app.worker.client import JobHandle, JobState, ModelClient
from app.worker.text_services import InlineTextServices, Services

log = logging.getLogger(__name__)

AUTO = "auto"
# Translate-as-you-type waits this long after the last keystroke.
DEBOUNCE_MS = 800
# The language is told from the start of the text: enough to tell, and quick on a whole book (as in Summarize).
DETECT_CHARS = 5000

register_defaults(
    {
        "translate/source": AUTO,  # "auto" or a code from app.engine.language
        "translate/target": "en",
        "translate/as_you_type": False,
    }
)


class Phase(enum.Enum):
    IDLE = "idle"
    WAITING_MODEL = "waiting_model"
    PREPARING = "preparing"  # detecting the language, cutting the text into segments
    RUNNING = "running"
    STOPPING = "stopping"


class Skipped(enum.Enum):
    NOTHING = ""
    SAME_LANGUAGE = "same_language"
    NO_WORDS = "no_words"


@dataclass(frozen=True)
class TranslationOutcome:
    text: str
    partial: bool
    translated: int  # segments sent to the model and finished
    total: int  # segments to send to the model
    stopped: bool = False
    failure: Failure | None = None
    skipped: Skipped = Skipped.NOTHING


class TranslateController(QObject):
    phase_changed = Signal(object)  # Phase
    status_changed = Signal(str)
    source_changed = Signal(object, int)  # Source, characters
    detected = Signal(object)  # Detection of the source text
    languages_changed = Signal(str, str)  # source ("auto" or a code), target
    progress = Signal(int, int)  # segments done, segments in all
    output_text = Signal(str)  # text appended to the translation
    output_reset = Signal(str)  # the translation replaced whole ("" at a start)
    finished = Signal(object)  # TranslationOutcome
    note_changed = Signal(str)

    def __init__(
        self,
        client: ModelClient,
        bridge: EditorBridge,
        settings: Settings,
        messages: MessageCenter,
        *,
        services: Services | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._bridge = bridge
        self._settings = settings
        self._messages = messages
        # Counting and language detection hold the GIL: the window passes its text-services process.
        self._services = services or InlineTextServices()
        # Replaceable (tests): a cap on each segment's answer, below what its length would allow.
        self.max_new_tokens: int | None = None

        self.phase = Phase.IDLE
        self.source = Source.DOCUMENT
        self.output = ""
        self.partial = False
        self.last_detection: languages.Detection | None = None
        self._source_text = ""
        self._quiet = False
        self._closed = False
        self._segments: tuple[Segment, ...] = ()
        self._tokens: tuple[int, ...] = ()
        self._prompt_tokens = 0
        self._source_language: languages.Language | None = None
        self._target: languages.Language = languages.BY_CODE["en"]
        self._index = 0  # next segment
        self._done = 0  # translatable segments finished
        self._total = 0
        self._stream: TranslationStream | None = None
        self._handle: JobHandle | None = None
        self._generation = 0
        self._detect_generation = 0
        self._buffer = ChunkBuffer(self)
        self._buffer.ready.connect(self._write)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._on_debounced)
        self._background = Background("translate", self)
        self._background.done.connect(self._on_prepared)
        self._detector = Background("detect-language", self)
        self._detector.done.connect(self._on_detected)
        client.model_loaded.connect(self._on_model_loaded)
        client.model_failed.connect(self._on_model_failed)

    # -- languages -------------------------------------------------------------------------------------------
    @property
    def source_language(self) -> str:
        code = self._settings.get("translate/source", str)
        return code if code in languages.BY_CODE else AUTO

    @property
    def target_language(self) -> str:
        code = self._settings.get("translate/target", str)
        return code if code in languages.BY_CODE else "en"

    @property
    def as_you_type(self) -> bool:
        return self._settings.get("translate/as_you_type", bool)

    def set_source_language(self, code: str) -> None:
        self._settings.set("translate/source", code if code in languages.BY_CODE else AUTO)
        self.languages_changed.emit(self.source_language, self.target_language)

    def set_target_language(self, code: str) -> None:
        if code in languages.BY_CODE:
            self._settings.set("translate/target", code)
            self.languages_changed.emit(self.source_language, self.target_language)

    def set_as_you_type(self, enabled: bool) -> None:
        self._settings.set("translate/as_you_type", bool(enabled))
        if not enabled:
            self.debounce.stop()

    def swap(self) -> bool:
        """Exchange source and target; a detected source language becomes the target."""
        source = self.source_language
        if source == AUTO:
            detection = self.last_detection
            if detection is None or detection.code is None:
                self._messages.info(
                    self.tr("Choose the source language first: the language of the text could not be detected.")
                )
                return False
            source = detection.code
        target = self.target_language
        self._settings.set("translate/source", target)
        self._settings.set("translate/target", source)
        self.languages_changed.emit(self.source_language, self.target_language)
        return True

    def model_note(self) -> str:
        info = self._client.info
        if info is not None and weak_at(info.name, "translate"):
            return self.tr(
                "{model} cannot translate: expect wrong or untranslated text. For real translations, choose a "
                "multilingual model such as Qwen2.5-1.5B-Instruct in the model manager."
            ).format(model=info.name)
        return ""

    def refresh_note(self) -> None:
        self.note_changed.emit(self.model_note())

    # -- the source text -------------------------------------------------------------------------------------
    def describe_source(self) -> tuple[Source, int]:
        if self._bridge.has_selection():
            return Source.SELECTION, len(self._bridge.selected_text())
        return Source.DOCUMENT, self._bridge.document_length()

    def _read_source(self) -> tuple[Source, str]:
        source, _ = self.describe_source()
        return source, self._bridge.selected_text() if source is Source.SELECTION else self._bridge.document_text()

    def detect_source(self) -> None:
        """Detect the source text's language in the background; `detected` says what was found."""
        _, text = self._read_source()
        self._detect_generation += 1
        services = self._services
        self._detector.run(self._detect_generation, lambda: services.run(detect_language, text[:DETECT_CHARS]))

    def _on_detected(self, outcome: Outcome) -> None:
        if outcome.tag != self._detect_generation or outcome.error is not None:
            return
        self.last_detection = outcome.value
        self.detected.emit(outcome.value)

    def source_edited(self) -> None:
        """Connect to the document's edits: debounced re-detection, and re-translation when as-you-type is on."""
        if not self._closed:  # a window being torn down still emits its editors' edits
            self.debounce.start()

    def _on_debounced(self) -> None:
        if self.as_you_type:
            self.start(quiet=True)
        else:
            self.detect_source()

    # -- running ---------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.phase is not Phase.IDLE

    def start(self, *, quiet: bool = False) -> bool:
        """Translate the selection, else the document. `quiet` (as-you-type): no notice for an empty text."""
        source, text = self._read_source()
        if not text.strip():
            if quiet:
                self._abandon()
                self.output = ""
                self.output_reset.emit("")
            else:
                what = self.tr("The selection") if source is Source.SELECTION else self.tr("The document")
                self._messages.info(
                    self.tr("{what} has no text to translate. Write or select some text first.").format(what=what)
                )
            return False
        self._abandon()
        self._quiet = quiet
        self.source = source
        self._source_text = text
        self.output = ""
        self.partial = False
        self.output_reset.emit("")
        self.source_changed.emit(source, len(text))
        self._target = languages.BY_CODE[self.target_language]
        if self._client.info is None:
            self._set_phase(Phase.WAITING_MODEL, self.tr("Waiting for the model to load…"))
            self._client.load()
        else:
            self._prepare(self._client.info)
        return True

    def stop(self) -> None:
        if self.phase in (Phase.WAITING_MODEL, Phase.PREPARING):
            self._generation += 1
            self._end(TranslationOutcome("", False, 0, 0, stopped=True), self.tr("Stopped."))
        elif self.phase is Phase.RUNNING and self._handle is not None:
            self._set_phase(Phase.STOPPING, self.tr("Stopping…"))
            self._handle.cancel()

    def close(self) -> None:
        self._closed = True
        self.debounce.stop()
        self._abandon()
        self._background.close()
        self._detector.close()

    def _abandon(self) -> None:
        self._generation += 1
        self._buffer.clear()
        handle, self._handle = self._handle, None
        if handle is not None and handle.active:
            handle.cancel()
        self._stream = None
        self.phase = Phase.IDLE

    def _on_model_loaded(self, info: ModelInfo) -> None:
        self.refresh_note()
        if self.phase is Phase.WAITING_MODEL:
            self._prepare(info)

    def _on_model_failed(self, failure: Failure) -> None:
        if self.phase is Phase.WAITING_MODEL:
            self._messages.failure(failure)
            self._end(TranslationOutcome("", False, 0, 0, failure=failure), self.tr("The model could not be loaded."))

    def _prepare(self, info: ModelInfo) -> None:
        self._set_phase(Phase.PREPARING, self.tr("Reading the text…"))
        text, services = self._source_text, self._services
        detect_chars = DETECT_CHARS if self.source_language == AUTO else None

        def work() -> PreparedTranslation:
            return services.run(prepare_translation_job, text, info.path, info.context_length, detect_chars)

        self._background.run(self._generation, work)

    def _on_prepared(self, outcome: Outcome) -> None:
        if outcome.tag != self._generation or self.phase is not Phase.PREPARING:
            return
        if outcome.error is not None:
            self._messages.error(
                self.tr("The text could not be prepared for translation. Your text is safe; try again."),
                repr(outcome.error),
            )
            self._end(TranslationOutcome("", False, 0, 0), self.tr("Not translated."))
            return
        prepared: PreparedTranslation = outcome.value
        detection = prepared.detection
        if detection is not None:
            self.last_detection = detection
            self.detected.emit(detection)
            self._source_language = detection.language
        else:
            self._source_language = languages.BY_CODE.get(self.source_language)
        source = self._source_language
        total = len(prepared.tokens)
        if source is not None and source.code == self._target.code and not (detection and detection.mixed):
            self._messages.info(
                self.tr("The text is already in {language}. Choose another target language.").format(
                    language=self._target.native
                )
            )
            skipped = TranslationOutcome("", False, 0, total, skipped=Skipped.SAME_LANGUAGE)
            self._end(skipped, self.tr("Already in {language}: nothing to do.").format(language=self._target.native))
            return
        if total == 0:
            if not self._quiet:
                self._messages.info(self.tr("There is nothing to translate: the text has no words."))
            self.output = self._source_text
            self.output_reset.emit(self.output)
            self._end(
                TranslationOutcome(self.output, False, 0, 0, skipped=Skipped.NO_WORDS),
                self.tr("Nothing to translate."),
            )
            return
        self._segments, self._tokens, self._prompt_tokens = prepared.segments, prepared.tokens, prepared.prompt_tokens
        self._index, self._done, self._total = 0, 0, total
        status = ""
        if detection is not None and detection.code is None:
            status = self.tr("Could not tell the language of the text; translating anyway.")
        self._set_phase(Phase.RUNNING, status)
        self._advance()

    def _advance(self) -> None:
        info = self._client.info
        while self._index < len(self._segments) and not self._segments[self._index].translatable:
            self._buffer.add(self._segments[self._index].text)
            self._index += 1
        if self._index >= len(self._segments):
            self._buffer.flush()
            self._end(TranslationOutcome(self.output, False, self._done, self._total), self.tr("Done."))
            return
        segment = self._segments[self._index]
        self._buffer.add(segment.prefix)
        self._stream = TranslationStream(segment)
        context = info.context_length if info is not None else 2048
        max_new = translation_max_new_tokens(self._tokens[self._done], context, self._prompt_tokens)
        if self.max_new_tokens is not None:
            max_new = min(max_new, self.max_new_tokens)
        base = self._settings.sampling("translate")
        if base.max_new_tokens:
            max_new = min(max_new, base.max_new_tokens)
        request = translate(segment, self._target, self._source_language, max_new_tokens=max_new, base=base)
        handle = self._client.submit(request)
        self._handle = handle
        handle.chunk.connect(self._on_chunk)
        handle.state_changed.connect(self._on_state)
        handle.finished.connect(self._on_finished)
        handle.failed.connect(self._on_failed)
        if self._total > 1:
            self.status_changed.emit(self._label())
        if self._handle is handle:  # a slot may have stopped the run meanwhile
            self.progress.emit(self._done, self._total)

    def _label(self) -> str:
        return self.tr("Translating part {index} of {of}").format(index=self._done + 1, of=self._total)

    def _on_state(self, state: JobState) -> None:
        if self.sender() is self._handle and state is JobState.GENERATING and self._total > 1:
            self.status_changed.emit(self._label())

    def _on_chunk(self, text: str) -> None:
        if self.sender() is not self._handle or self._stream is None:
            return
        self._buffer.add(self._stream.feed(text))

    def _write(self, text: str) -> None:
        self.output += text
        self.output_text.emit(text)

    def _on_finished(self, done: Done) -> None:
        if self.sender() is not self._handle or self._stream is None:
            return
        self._handle = None
        if done.cancelled:
            self._stopped()
            return
        self._buffer.add(self._stream.finish())
        self._stream = None
        self._index += 1
        self._done += 1
        self.progress.emit(self._done, self._total)
        self._advance()

    def _on_failed(self, failure: Failure) -> None:
        if self.sender() is not self._handle:
            return
        self._handle = None
        self._messages.failure(failure)
        self._stopped(failure)

    def _stopped(self, failure: Failure | None = None) -> None:
        self._buffer.flush()
        self.partial = True
        outcome = TranslationOutcome(
            self.output, True, self._done, self._total, stopped=failure is None, failure=failure
        )
        status = self.tr("Stopped: {done} of {total} parts translated.").format(done=self._done, total=self._total)
        self._end(outcome, status)

    def _end(self, outcome: TranslationOutcome, status: str) -> None:
        self._buffer.flush()
        self._handle = None
        self._stream = None
        self._set_phase(Phase.IDLE, status)
        self.finished.emit(outcome)

    def _set_phase(self, phase: Phase, status: str) -> None:
        changed = phase is not self.phase
        self.phase = phase
        if status:
            self.status_changed.emit(status)
        if changed:
            self.phase_changed.emit(phase)

    # -- using the result ------------------------------------------------------------------------------------
    def insert_at_cursor(self) -> bool:
        if not self.output:
            return False
        self._bridge.insert_at_cursor(self.output)
        return True

    def can_replace_document(self) -> bool:
        """No selection, the whole document was translated and is unchanged: Replace replaces all of it."""
        text = self._bridge.document_text()
        # The bridge counts positions in code points, Qt in UTF-16 units: with characters outside the BMP
        # (emoji) a whole-document range would come out short, so ask for a selection instead.
        return (
            self.source is Source.DOCUMENT
            and not self._bridge.has_selection()
            and text == self._source_text
            and all(ord(ch) < 0x10000 for ch in text)
        )

    def replace_selection(self) -> bool:
        """Replace the selection (or the unchanged, translated document) with the translation: one undo step."""
        if not self.output:
            return False
        if self._bridge.has_selection():
            return self._bridge.replace_selection(self.output)
        if self.can_replace_document():
            self._bridge.select_range(0, len(self._source_text))
            return self._bridge.replace_selection(self.output)
        self._messages.info(self.tr("Select the text to replace first."))
        return False
