"""Summarize: the selection (else the whole document), in one pass or, for long texts, part by part.

No widgets: the pane shows what this controller says. The plan (how many parts, how many combine rounds) is made
off the GUI thread with the loaded model's tokenizer; then each step is one request through ModelClient. Text
streams out coalesced (~30 ms) and append-only. Stop keeps what has been summarized so far, marked partial.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from app.engine import language as languages
from app.engine.chunking import PlanError, Step, SummaryPlan, SummaryRun
from app.engine.requests import Done, Failure, ModelInfo
from app.engine.task_prompts import LENGTHS, STYLES, SummaryOptions, summary_request, weak_at
from app.engine.text_jobs import PlannedSummary, plan_summary_job
from app.store.settings import Settings, register_defaults
from app.ui.chunk_buffer import ChunkBuffer
from app.ui.editor.bridge import EditorBridge
from app.ui.messages import MessageCenter
from app.ui.panes.summarize_background import Background, Outcome
from app.worker.client import JobHandle, JobState, ModelClient
from app.worker.text_services import InlineTextServices, Services

log = logging.getLogger(__name__)

# Language detection reads the start of the text: enough to tell, and fast on a whole book.
DETECT_CHARS = 3000

register_defaults(
    {
        "summarize/length": "paragraph",  # sentence | paragraph | detailed
        "summarize/style": "prose",  # prose | bullets | key_points
        "summarize/language": "",  # "" = the text's own language, else a code from app.engine.language
    }
)


class Phase(enum.Enum):
    IDLE = "idle"
    WAITING_MODEL = "waiting_model"  # the model is not loaded yet
    PLANNING = "planning"  # counting tokens, splitting into parts
    RUNNING = "running"
    STOPPING = "stopping"


class Source(enum.Enum):
    SELECTION = "selection"
    DOCUMENT = "document"


@dataclass(frozen=True)
class Progress:
    position: int  # 1-based, among all steps
    total: int
    level: int  # 0: parts of the text; 1+: combine rounds
    index: int  # 1-based, within its level
    of: int
    final: bool
    single_pass: bool


@dataclass(frozen=True)
class SummaryOutcome:
    text: str
    partial: bool  # stopped or failed before the end: covers `covered_parts` of `total_parts`
    covered_parts: int
    total_parts: int
    stopped: bool = False  # by the user
    failure: Failure | None = None


class SummarizeController(QObject):
    phase_changed = Signal(object)  # Phase
    status_changed = Signal(str)  # one line for the pane: what is happening now
    source_changed = Signal(object, int)  # Source, characters
    planned = Signal(object)  # SummaryPlan
    progress = Signal(object)  # Progress
    parts_text = Signal(str)  # text appended to the part summaries (multi-part runs)
    result_text = Signal(str)  # text appended to the summary
    result_reset = Signal(str)  # the summary replaced whole: "" at a start, the partial summary after Stop
    finished = Signal(object)  # SummaryOutcome
    note_changed = Signal(str)  # what the loaded model is known to be poor at; "" for nothing

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
        # Counting, planning and detection hold the GIL: the window passes its text-services process.
        self._services = services or InlineTextServices()
        # Replaceable (tests, benchmarks): the options of the next run, and a forced part size.
        self.options: Callable[[], SummaryOptions] = self.options_from_settings
        self.part_tokens: int | None = None

        self.phase = Phase.IDLE
        self.source = Source.DOCUMENT
        self.result = ""
        self.partial = False
        self.plan: SummaryPlan | None = None
        self._source_text = ""
        self._run_options = SummaryOptions()
        self._text_language: str | None = None
        self._run: SummaryRun | None = None
        self._step: Step | None = None
        self._handle: JobHandle | None = None
        self._generation = 0  # bumped by every start and stop: results for older runs are dropped
        self._streamed: list[str] = []  # what the current step has streamed
        self._step_wrote = False  # the current step has put text in a view
        self._label = ""  # what the current step is doing, for the status line
        self._pending_to_result = False
        self._buffer = ChunkBuffer(self)
        self._buffer.ready.connect(self._write)
        self._background = Background("summarize", self)
        self._background.done.connect(self._on_planned)
        client.model_loaded.connect(self._on_model_loaded)
        client.model_failed.connect(self._on_model_failed)

    # -- options ---------------------------------------------------------------------------------------------
    def options_from_settings(self) -> SummaryOptions:
        length = self._settings.get("summarize/length", str)
        style = self._settings.get("summarize/style", str)
        code = self._settings.get("summarize/language", str)
        sampling = self._settings.sampling("summarize")
        return SummaryOptions(
            length=length if length in LENGTHS else "paragraph",
            style=style if style in STYLES else "prose",
            language=code if code in languages.BY_CODE else "",
            # max_new_tokens 0 (the default) leaves the room for the answer to the chosen length.
            answer_tokens=sampling.max_new_tokens or None,
            temperature=sampling.temperature,
            top_p=sampling.top_p,
            top_k=sampling.top_k,
            repetition_penalty=sampling.repetition_penalty,
        )

    @property
    def running(self) -> bool:
        return self.phase is not Phase.IDLE

    @property
    def can_regenerate(self) -> bool:
        return bool(self._source_text)

    def describe_source(self) -> tuple[Source, int]:
        """Which text a start would summarize now (the pane shows it before anything runs)."""
        if self._bridge.has_selection():
            return Source.SELECTION, len(self._bridge.selected_text())
        return Source.DOCUMENT, self._bridge.document_length()

    def model_note(self) -> str:
        info = self._client.info
        if info is None:
            return ""
        options = self.options()
        if options.language and options.language != "en" and weak_at(info.name, "summarize_other_language"):
            return self.tr(
                "{model} writes poorly in languages other than English. For better summaries in {language}, "
                "choose a larger multilingual model such as Qwen2.5-1.5B-Instruct in the model manager."
            ).format(model=info.name, language=languages.BY_CODE[options.language].native)
        if weak_at(info.name, "summarize"):
            return self.tr(
                "{model} writes poor summaries. Choose a larger model such as Qwen2.5-1.5B-Instruct in the "
                "model manager."
            ).format(model=info.name)
        return ""

    def refresh_note(self) -> None:
        self.note_changed.emit(self.model_note())

    # -- running ---------------------------------------------------------------------------------------------
    def start(self) -> bool:
        """Summarize the selection, else the document. False (with a notice) when there is nothing to summarize."""
        source, _ = self.describe_source()
        text = self._bridge.selected_text() if source is Source.SELECTION else self._bridge.document_text()
        return self._begin(text, source)

    def summarize_text(self, text: str, source: Source = Source.SELECTION) -> bool:
        """Summarize `text` handed over by another part of the app (a selection too long to rewrite)."""
        return self._begin(text, source)

    def regenerate(self) -> bool:
        """The same text again, with the options as they are now."""
        if not self._source_text:
            return self.start()
        return self._begin(self._source_text, self.source)

    def _begin(self, text: str, source: Source) -> bool:
        if not text.strip():
            what = self.tr("The selection") if source is Source.SELECTION else self.tr("The document")
            self._messages.info(
                self.tr("{what} has no text to summarize. Write or select some text first.").format(what=what)
            )
            return False
        self._abandon()
        self.source = source
        self._source_text = text
        self._run_options = self.options()
        self.plan = None
        self._run = None
        self.partial = False
        self.result = ""
        self.result_reset.emit("")
        self.source_changed.emit(source, len(text))
        if self._client.info is None:
            self._set_phase(Phase.WAITING_MODEL, self.tr("Waiting for the model to load…"))
            self._client.load()
        else:
            self._plan(self._client.info)
        return True

    def stop(self) -> None:
        if self.phase in (Phase.WAITING_MODEL, Phase.PLANNING):
            self._generation += 1
            self._end(SummaryOutcome("", False, 0, 0, stopped=True), self.tr("Stopped."))
        elif self.phase is Phase.RUNNING and self._handle is not None:
            self._set_phase(Phase.STOPPING, self.tr("Stopping…"))
            self._handle.cancel()

    def close(self) -> None:
        """Stop everything this controller started (the pane is going away)."""
        self._abandon()
        self._background.close()

    def _abandon(self) -> None:
        """Drop the current run without reporting it (a new start replaces it)."""
        self._generation += 1
        self._buffer.clear()
        handle, self._handle = self._handle, None
        if handle is not None and handle.active:
            handle.cancel()
        self._step = None
        self.phase = Phase.IDLE

    def _on_model_loaded(self, info: ModelInfo) -> None:
        self.refresh_note()
        if self.phase is Phase.WAITING_MODEL:
            self._plan(info)

    def _on_model_failed(self, failure: Failure) -> None:
        if self.phase is Phase.WAITING_MODEL:
            self._messages.failure(failure)
            self._end(SummaryOutcome("", False, 0, 0, failure=failure), self.tr("The model could not be loaded."))

    def _plan(self, info: ModelInfo) -> None:
        self._set_phase(Phase.PLANNING, self.tr("Counting tokens…"))
        text, options, part_tokens = self._source_text, self._run_options, self.part_tokens
        services = self._services

        def work() -> PlannedSummary:
            return services.run(
                plan_summary_job, text, options, info.path, info.context_length, part_tokens, DETECT_CHARS
            )

        self._background.run(self._generation, work)

    def _on_planned(self, outcome: Outcome) -> None:
        if outcome.tag != self._generation or self.phase is not Phase.PLANNING:
            return
        if outcome.error is not None:
            if isinstance(outcome.error, PlanError):
                self._messages.warning(
                    self.tr("This text cannot be summarized with the loaded model.") + " " + str(outcome.error)
                )
            else:
                self._messages.error(
                    self.tr("The text could not be prepared for summarizing. Your text is safe; try again."),
                    repr(outcome.error),
                )
            self._end(SummaryOutcome("", False, 0, 0), self.tr("Not summarized."))
            return
        planned: PlannedSummary = outcome.value
        self.plan = planned.plan
        self._text_language = planned.text_language
        self._run = SummaryRun(planned.plan, self._source_text)
        self.planned.emit(planned.plan)
        self._set_phase(Phase.RUNNING, "")
        self._next()

    def _next(self) -> None:
        assert self._run is not None and self.plan is not None
        step = self._run.next_step()
        if step is None:
            final = self._run.final or ""
            if not final:
                self._messages.warning(self.tr("The model wrote no summary. Try Regenerate, or choose another model."))
            self.result = final
            self._end(SummaryOutcome(final, False, self.plan.parts, self.plan.parts), self.tr("Done."))
            return
        plan = self.plan
        self._step = step
        self._streamed = []
        self._step_wrote = False
        request = summary_request(self._run, step, self._run_options, text_language=self._text_language)
        handle = self._client.submit(request)
        self._handle = handle
        handle.chunk.connect(self._on_chunk)
        handle.state_changed.connect(self._on_state)
        handle.finished.connect(self._on_finished)
        handle.failed.connect(self._on_failed)
        self._pending_to_result = step.final
        progress = Progress(
            plan.position(step) + 1, plan.total_steps, step.level, step.index + 1, step.of, step.final, plan.single_pass
        )
        self._label = self.step_label(progress)
        if not step.final:
            self.parts_text.emit(("\n\n" if plan.position(step) else "") + self._part_header(step) + "\n")
        busy_elsewhere = any(h.request.source != request.source for h in self._client.active_handles())
        if handle.state is JobState.WAITING and busy_elsewhere:
            self.status_changed.emit(self.tr("Waiting for the model (it is busy with another task)…"))
        else:
            self.status_changed.emit(self._label)
        # A slot may have stopped the run meanwhile (Stop on "part 3 of 12"): then the step is no longer ours.
        if self._handle is handle:
            self.progress.emit(progress)

    def step_label(self, progress: Progress) -> str:
        if progress.single_pass:
            return self.tr("Summarizing…")
        if progress.final:
            return self.tr("Writing the summary from {parts} part summaries…").format(parts=self.plan_parts())
        if progress.level == 0:
            return self.tr("Part {index} of {of}").format(index=progress.index, of=progress.of)
        return self.tr("Combining part summaries: {index} of {of}").format(index=progress.index, of=progress.of)

    def plan_parts(self) -> int:
        return self.plan.parts if self.plan is not None else 0

    def _part_header(self, step: Step) -> str:
        assert self.plan is not None
        if step.level == 0:
            return self.tr("Part {index} of {of}").format(index=step.index + 1, of=step.of)
        first, last = self.plan.covered_parts(step)
        return self.tr("Parts {first}–{last} combined").format(first=first + 1, last=last + 1)

    def _on_state(self, state: JobState) -> None:
        if self.sender() is not self._handle:
            return
        if state is JobState.GENERATING:
            self.status_changed.emit(self._label)

    def _on_chunk(self, text: str) -> None:
        if self.sender() is not self._handle:
            return
        self._streamed.append(text)
        self._buffer.add(text)

    def _write(self, text: str) -> None:
        if not self._step_wrote:
            # Models often open with a line break; the views start each summary at its first word.
            text = text.lstrip()
            if not text:
                return
            self._step_wrote = True
        if self._pending_to_result:
            self.result += text
            self.result_text.emit(text)
        else:
            self.parts_text.emit(text)

    def _on_finished(self, done: Done) -> None:
        if self.sender() is not self._handle or self._step is None or self._run is None:
            return
        self._buffer.flush()
        self._handle = None
        if done.cancelled:
            self._stopped()
            return
        cut_off = done.reason == "length"
        if cut_off and not self._step.final and self._step_wrote:
            self.parts_text.emit("…")  # the reader sees where the model ran out of room (the combine step skips it)
        self._run.accept(self._step, done.text, cut_off=cut_off)
        self._next()

    def _on_failed(self, failure: Failure) -> None:
        if self.sender() is not self._handle:
            return
        self._buffer.flush()
        self._handle = None
        self._messages.failure(failure)
        self._stopped(failure)

    def _stopped(self, failure: Failure | None = None) -> None:
        """End a run before its last step: keep what is done, marked partial."""
        assert self._run is not None and self.plan is not None
        plan = self.plan
        if plan.single_pass:
            text, covered = "".join(self._streamed).strip(), 0
        else:
            text, covered = self._run.partial()
        self.result = text
        self.partial = bool(text)
        self.result_reset.emit(text)
        if plan.single_pass:
            status = self.tr("Stopped: the summary is incomplete.")
        elif covered:
            status = self.tr("Stopped: partial summary of parts 1–{covered} of {parts}.").format(
                covered=covered, parts=plan.parts
            )
        else:
            status = self.tr("Stopped before the first part was summarized.")
        outcome = SummaryOutcome(text, self.partial, covered, plan.parts, stopped=failure is None, failure=failure)
        self._end(outcome, status)

    def _end(self, outcome: SummaryOutcome, status: str) -> None:
        self._buffer.clear()
        self._handle = None
        self._step = None
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
        if not self.result:
            return False
        self._bridge.insert_at_cursor(self.result)
        return True

    def replace_selection(self) -> bool:
        if not self.result:
            return False
        if not self._bridge.replace_selection(self.result):
            self._messages.info(self.tr("Select the text to replace first."))
            return False
        return True
