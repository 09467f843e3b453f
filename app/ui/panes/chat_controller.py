"""The chat pane's logic, without widgets: conversations, turns, streaming, grounding, persistence.

Threads: the conversations database lives on one background thread and prompt building (token counting,
ranking passages of a long document) on another; the model runs behind ModelClient. Everything here runs on the
GUI thread and only ever waits through signals.

A turn: send() -> build the prompt off-thread -> (too long: `too_long`, nothing changes) -> the user message is
added and saved -> the request is submitted (cache_key = conversation id, so the local backend reuses the KV
cache of the previous turn) -> coalesced `answer_delta`s -> `answer_finished` with stats and citations, saved.
Switching conversations during a turn stops it first; its partial answer is saved into its own conversation, and
only then does the view switch. Answers never land in another conversation.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.engine.chat_prompts import (
    CUSTOM_PRESET,
    DEFAULT_PRESET,
    PRESETS,
    Citation,
    Grounding,
    TooLong,
    Turn,
    TurnInputs,
    TurnPlan,
    citations_to_show,
    system_for,
)
from app.engine.requests import Done, Failure, ModelInfo, Sampling
from app.engine.text_jobs import build_turn_job
from app.store.conversations import (
    Conversation,
    ConversationStore,
    OpenReport,
    OpenStatus,
    SearchHit,
    StoredMessage,
    title_from_exchange,
)
from app.store.settings import Settings, register_defaults
from app.store.textfile import TextFileError, write_text_atomic
from app.ui.chunk_buffer import ChunkBuffer
from app.ui.editor.bridge import EditorBridge
from app.ui.messages import MessageCenter, file_error_text
from app.ui.panes.chat_background import BackgroundRunner
from app.ui.panes.chat_notes import answer_notes
from app.worker.client import JobHandle, JobState, ModelClient
from app.worker.text_services import InlineTextServices, Services

log = logging.getLogger(__name__)


# The sampling keys ("chat/temperature", ...) are declared with the other tasks' in app/store/settings.py.
register_defaults({"chat/preset": DEFAULT_PRESET})  # the system prompt preset of new conversations
# "chat/max_new_tokens" = 0 ("automatic" for edits) means this for a chat answer.
AUTO_ANSWER_TOKENS = 512


def chat_sampling(settings: Settings) -> Sampling:
    sampling = settings.sampling("chat")
    if sampling.max_new_tokens <= 0:
        sampling = replace(sampling, max_new_tokens=AUTO_ANSWER_TOKENS)
    return sampling


class Phase(enum.Enum):
    IDLE = "idle"
    PREPARING = "preparing"  # building the prompt
    WAITING = "waiting"  # queued behind another request, or the model is loading
    GENERATING = "generating"
    STOPPING = "stopping"


def open_report_text(report: OpenReport) -> str:
    """Plain words for a store that did not open normally ("" when it did)."""
    backup = report.backup.name if report.backup else ""
    folder = str(report.path.parent)
    if report.status is OpenStatus.RECOVERED:
        text = QCoreApplication.translate(
            "Chat",
            "Your saved conversations could not be read: the file is damaged. Inkwell started a new, empty list.",
        )
        if backup:
            text += " " + QCoreApplication.translate("Chat", "The damaged file was kept as {name} in {folder}.").format(
                name=backup, folder=folder
            )
        return text
    if report.status is OpenStatus.LOCKED:
        text = QCoreApplication.translate(
            "Chat",
            "Your saved conversations are in use by another program (perhaps another Inkwell window). Chats in this "
            "window are kept only until it closes. Close the other program and restart Inkwell to see them again.",
        )
        if backup:
            text += " " + QCoreApplication.translate("Chat", "A copy was kept as {name} in {folder}.").format(
                name=backup, folder=folder
            )
        return text
    if report.status is OpenStatus.READ_ONLY:
        return QCoreApplication.translate(
            "Chat",
            "Your conversations were saved by a newer version of Inkwell. They are shown read-only: new chats are "
            "not saved. Update Inkwell to continue them.",
        )
    if report.status is OpenStatus.NEWER_UNREADABLE:
        return QCoreApplication.translate(
            "Chat",
            "Your conversations were saved by a newer version of Inkwell that this version cannot read. They are "
            "left untouched; chats in this window are kept only until it closes. Update Inkwell to see them.",
        )
    if report.status is OpenStatus.UNAVAILABLE:
        return QCoreApplication.translate(
            "Chat",
            "Your saved conversations could not be opened (the file or its folder cannot be written). They are left "
            "untouched; chats in this window are kept only until it closes.",
        )
    return ""


def too_long_text(result: TooLong, context_length: int) -> str:
    approx = "" if result.exact else "≈"
    if result.what == "system":
        return QCoreApplication.translate(
            "Chat",
            "The system prompt is too long for this model: {approx}{tokens:,} tokens, but at most {limit:,} are "
            "allowed. Shorten it.",
        ).format(approx=approx, tokens=result.tokens, limit=result.limit)
    return QCoreApplication.translate(
        "Chat",
        "This message is {approx}{tokens:,} tokens long, but the model reads at most {context:,} tokens at once "
        "(with room for the answer, {limit:,} for your message). Use it as context for a question: Inkwell then "
        "gives the model the passages that best match what you ask.",
    ).format(approx=approx, tokens=result.tokens, context=context_length, limit=max(result.limit, 0))


def turn_notes(plan: TurnPlan) -> list[str]:
    """What the user should know about how this answer's prompt was put together."""
    return answer_notes(plan_stats(plan))


def plan_stats(plan: TurnPlan) -> dict[str, Any]:
    """The parts of a turn's plan saved with its answer (they rebuild the notes when the conversation reopens)."""
    stats: dict[str, Any] = {}
    if plan.dropped_messages:
        stats["dropped_messages"] = plan.dropped_messages
    if plan.grounding_mode != "none":
        stats["grounding"] = plan.grounding_mode
        stats["passages_total"] = plan.passages_total
        stats["passages_used"] = len(plan.citations)
    return stats


@dataclass
class _Turn:
    serial: int
    conversation_id: str
    user_seq: int
    question: str
    context: str
    context_stats: dict[str, Any]
    replace_from: int | None  # truncate the conversation from here when the prompt is ready
    new_user_message: bool
    unsaved: Conversation | None = None  # a new conversation, saved when its first prompt is ready
    plan: TurnPlan | None = None
    handle: JobHandle | None = None
    received: list[str] = field(default_factory=list)
    started_at: float = field(default_factory=time.perf_counter)
    first_chunk_at: float | None = None


class ChatController(QObject):
    conversations_changed = Signal(object)  # list[Conversation], most recent first
    opened = Signal(object, object)  # Conversation | None, list[StoredMessage]: render the whole view
    message_added = Signal(object)  # StoredMessage: a user message appended to the open conversation
    # seq, notes about the prompt (left-out messages, passages), whether the answer may cite numbered passages
    answer_started = Signal(int, object, bool)
    answer_delta = Signal(str)  # more answer text, coalesced (~30 ms)
    answer_finished = Signal(object)  # StoredMessage, or None when no text came (stopped early, failed)
    turn_finished = Signal(object)  # Done, Failure, TooLong or None (stopped before the model started)
    phase_changed = Signal(object)  # Phase
    attachment_changed = Signal(object)  # Grounding | None: the context attached to the next message
    too_long = Signal(object, str, str)  # TooLong, the message text, the explanation
    unsent = Signal(str)  # a question asked while stopping that could not be sent after all
    search_results = Signal(str, object)  # query, list[SearchHit] (query "": show every conversation)
    deleted = Signal(object)  # Conversation, for an Undo offer
    store_opened = Signal(object)  # OpenReport
    conversation_changed = Signal(object)  # Conversation: title, system prompt or grounding changed

    def __init__(
        self,
        client: ModelClient,
        messages: MessageCenter,
        bridge: EditorBridge,
        store: ConversationStore,
        info: Callable[[], ModelInfo | None] | None = None,
        sampling: Callable[[], Sampling] | None = None,
        default_preset: str = DEFAULT_PRESET,
        services: Services | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        # Counting and ranking passages hold the GIL: the window passes its text-services process.
        self._services = services or InlineTextServices()
        self._messages = messages
        self.bridge = bridge
        self.store = store
        self._info = info or (lambda: client.info)
        self.sampling = sampling or Sampling
        self.default_preset = default_preset if default_preset in PRESETS else DEFAULT_PRESET
        self._db = BackgroundRunner("conversations", self)
        self._prep = BackgroundRunner("chat-prompts", self)
        self.conversation: Conversation | None = None
        self.messages: list[StoredMessage] = []
        self.conversation_list: list[Conversation] = []
        self.attachment: Grounding | None = None
        self.phase = Phase.IDLE
        self.read_only = False
        self.report: OpenReport | None = None
        self._turn: _Turn | None = None
        self._serial = 0
        self._loading: str | None = None  # id of the conversation whose messages are being read
        self._after_turn: Callable[[], None] | None = None  # a switch waiting for the stopped turn to end
        self._waiting_for_model: Callable[[], None] | None = None
        self._sent_tokens: dict[int, int] = {}  # seq -> tokens as sent, for the open conversation
        self._draft = Conversation("", preset=self.default_preset, system_prompt=system_for(self.default_preset))
        self._last_deleted: Conversation | None = None
        self._save_error_shown = False
        self._closed = False
        self._buffer = ChunkBuffer(self)
        self._buffer.ready.connect(self.answer_delta)
        client.model_loaded.connect(self._on_model_loaded)
        client.model_failed.connect(self._on_model_failed)

    # -- state -----------------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._turn is not None

    @property
    def current_id(self) -> str:
        return self.conversation.id if self.conversation else ""

    @property
    def draft(self) -> Conversation:
        """Settings for the conversation the next message starts (when none is open)."""
        return self.conversation or self._draft

    @property
    def db_idle(self) -> bool:
        return not self._db.busy

    @property
    def db_runner(self) -> BackgroundRunner:
        return self._db

    def _set_phase(self, phase: Phase) -> None:
        if phase is not self.phase:
            self.phase = phase
            self.phase_changed.emit(phase)

    # -- the store -------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Open the database (off the GUI thread) and reopen the last conversation."""
        store = self.store

        def open_all() -> tuple[OpenReport, list[Conversation], str | None, list[StoredMessage]]:
            report = store.open()
            conversations = store.conversations()
            last = store.last_open()
            return report, conversations, last, store.messages(last) if last else []

        self._db.call(open_all, self._on_opened, self._on_open_failed)

    def _on_opened(self, result: tuple[OpenReport, list[Conversation], str | None, list[StoredMessage]]) -> None:
        report, conversations, last, messages = result
        self.report = report
        self.read_only = report.status is OpenStatus.READ_ONLY
        text = open_report_text(report)
        if text:
            self._messages.warning(text, report.detail)
        # A conversation started before the file was open is not in it yet (its write is queued behind): keep it.
        loaded = {c.id for c in conversations}
        self.conversation_list = [c for c in self.conversation_list if c.id not in loaded] + conversations
        self.conversations_changed.emit(list(self.conversation_list))
        self.store_opened.emit(report)
        if last and self.conversation is None and not self.busy:
            conversation = next((c for c in conversations if c.id == last), None)
            if conversation is not None:
                self._show(conversation, messages)

    def _on_open_failed(self, exc: BaseException) -> None:
        # open() handles bad files itself; this is the unexpected (a folder that cannot be created, say).
        self._messages.error(
            QCoreApplication.translate(
                "Chat", "Your conversations could not be opened ({error}). Chats in this window will not be saved."
            ).format(error=type(exc).__name__),
            str(exc),
        )
        self.read_only = True

    def _write(self, fn: Callable[[ConversationStore], Any], on_done: Callable[[Any], None] | None = None) -> None:
        if self.read_only or self._closed:
            return
        store = self.store
        self._db.call(lambda: fn(store), on_done, self._on_write_failed)

    def _on_write_failed(self, exc: BaseException) -> None:
        if self._save_error_shown:
            return
        self._save_error_shown = True
        self._messages.error(
            QCoreApplication.translate(
                "Chat",
                "Inkwell could not save the conversation ({error}). The chat goes on, but recent messages may be "
                "missing after a restart. Check free disk space and the permissions of the data folder.",
            ).format(error=type(exc).__name__),
            str(exc),
        )

    def _touch(self, conversation: Conversation) -> None:
        """Move a changed conversation to the top of the list."""
        rest = [c for c in self.conversation_list if c.id != conversation.id]
        self.conversation_list = [conversation, *rest]
        self.conversations_changed.emit(list(self.conversation_list))

    def _replace_in_list(self, conversation: Conversation) -> None:
        self.conversation_list = [conversation if c.id == conversation.id else c for c in self.conversation_list]
        self.conversations_changed.emit(list(self.conversation_list))
        if self.conversation is not None and self.conversation.id == conversation.id:
            self.conversation = conversation
            self.conversation_changed.emit(conversation)

    # -- conversations ---------------------------------------------------------------------------------------
    def _when_idle(self, action: Callable[[], None]) -> None:
        """Run `action` now, or, during a turn, stop the turn and run it once the turn has ended."""
        if self._turn is None:
            action()
            return
        self._after_turn = action
        self.stop()

    def select(self, conversation_id: str) -> None:
        if conversation_id == self.current_id and self._after_turn is None:
            return
        self._when_idle(lambda: self._select_now(conversation_id))

    def _select_now(self, conversation_id: str) -> None:
        conversation = next((c for c in self.conversation_list if c.id == conversation_id), None)
        if conversation is None:
            return
        self._loading = conversation_id
        self.conversation = conversation
        self.messages = []
        self._sent_tokens = {}
        store = self.store
        self._write(lambda s: s.set_last_open(conversation_id))
        self._db.call(lambda: store.messages(conversation_id), lambda msgs: self._on_messages(conversation_id, msgs))

    def _on_messages(self, conversation_id: str, messages: list[StoredMessage]) -> None:
        if self._loading != conversation_id or self.conversation is None:
            return
        self._show(self.conversation, messages)

    def _show(self, conversation: Conversation | None, messages: list[StoredMessage]) -> None:
        self._loading = None
        self.conversation = conversation
        self.messages = list(messages)
        self._sent_tokens = {m.seq: m.tokens for m in messages if m.role == "user" and m.tokens is not None}
        self.opened.emit(conversation, list(messages))
        self.conversation_changed.emit(self.draft)

    def new_conversation(self) -> None:
        """Open an empty conversation; it is saved (and listed) with its first message."""

        def now() -> None:
            draft = self.conversation or self._draft
            self._draft = Conversation("", preset=draft.preset, system_prompt=draft.system_prompt)
            self._loading = None
            self._write(lambda s: s.set_last_open(None))
            self._show(None, [])

        self._when_idle(now)

    def rename(self, conversation_id: str, title: str) -> None:
        title = " ".join(title.split())
        conversation = next((c for c in self.conversation_list if c.id == conversation_id), None)
        if conversation is None or not title or title == conversation.title:
            return
        self._replace_in_list(replace(conversation, title=title))
        self._write(lambda s: s.rename(conversation_id, title))

    def delete(self, conversation_id: str) -> None:
        """Soft delete, with `undo_delete` until the next start."""
        conversation = next((c for c in self.conversation_list if c.id == conversation_id), None)
        if conversation is None:
            return

        def now() -> None:
            self._last_deleted = conversation
            self.conversation_list = [c for c in self.conversation_list if c.id != conversation_id]
            self._write(lambda s: s.delete(conversation_id))
            self.conversations_changed.emit(list(self.conversation_list))
            if self.current_id == conversation_id:
                self._show(None, [])
            self.deleted.emit(conversation)

        if self._turn is not None and self._turn.conversation_id == conversation_id:
            self._when_idle(now)
        else:
            now()

    def undo_delete(self) -> Conversation | None:
        conversation = self._last_deleted
        if conversation is None:
            return None
        self._last_deleted = None
        self._write(lambda s: s.restore(conversation.id))
        self.conversation_list = sorted([*self.conversation_list, conversation], key=lambda c: -c.updated)
        self.conversations_changed.emit(list(self.conversation_list))
        return conversation

    def search(self, text: str) -> None:
        query = text.strip()
        if not query:
            self.search_results.emit("", None)
            return
        store = self.store
        self._db.call(lambda: store.search(query), lambda hits: self._on_search(query, hits))

    def _on_search(self, query: str, hits: list[SearchHit]) -> None:
        self.search_results.emit(query, hits)

    def set_system_prompt(self, text: str, preset: str = CUSTOM_PRESET) -> None:
        if self.conversation is None:
            self._draft = replace(self._draft, system_prompt=text, preset=preset)
            return
        conversation = replace(self.conversation, system_prompt=text, preset=preset)
        self.conversation = conversation
        self._replace_in_list(conversation)
        self._write(lambda s: s.update(conversation.id, system_prompt=text, preset=preset, touch=False))

    def set_preset(self, preset: str) -> None:
        if preset in PRESETS:
            self.set_system_prompt(system_for(preset), preset)

    def set_grounded(self, grounded: bool) -> None:
        if self.conversation is None:
            self._draft = replace(self._draft, grounded=grounded)
            return
        if self.conversation.grounded == grounded:
            return
        conversation = replace(self.conversation, grounded=grounded)
        self.conversation = conversation
        self._replace_in_list(conversation)
        self._write(lambda s: s.update(conversation.id, grounded=grounded, touch=False))

    def export(self, conversation_id: str, kind: str, path: Path) -> None:
        """Write the conversation as Markdown ("markdown") or JSON ("json") to `path`, off the GUI thread."""
        store = self.store

        def write() -> Path:
            write_text_atomic(path, store.export(conversation_id, kind), "utf-8")
            return path

        def failed(exc: BaseException) -> None:
            reason = file_error_text(exc) if isinstance(exc, TextFileError) else type(exc).__name__
            self._messages.error(
                QCoreApplication.translate("Chat", "The conversation could not be exported: {reason}").format(
                    reason=reason
                )
            )

        self._db.call(
            write,
            lambda p: self._messages.info(
                QCoreApplication.translate("Chat", "Conversation saved as {name}.").format(name=p.name)
            ),
            failed,
        )

    # -- context for the next message ------------------------------------------------------------------------
    def _document_offset(self, text: str) -> int:
        # The bridge gives the selection's text, not its place; the first occurrence is almost always it.
        return self.bridge.document_text().find(text)

    def ask_about(self, selection_text: str) -> bool:
        """Attach `selection_text` to the next message as its context (Ctrl+Shift+K)."""
        if not selection_text.strip():
            self._messages.info(
                QCoreApplication.translate("Chat", "Select some text in the document first, then ask about it.")
            )
            return False
        self.attachment = Grounding(selection_text, "selection", self._document_offset(selection_text))
        self.attachment_changed.emit(self.attachment)
        return True

    def use_as_context(self, text: str) -> None:
        """A message too long to send becomes context for the next question, in passages."""
        self.attachment = Grounding(text, "attachment", -1)
        self.attachment_changed.emit(self.attachment)

    def clear_attachment(self) -> None:
        if self.attachment is not None:
            self.attachment = None
            self.attachment_changed.emit(None)

    def _document_grounding(self) -> Grounding | None:
        bridge = self.bridge
        if bridge.has_selection():
            selected = bridge.selected_text()
            return Grounding(selected, "selection", self._document_offset(selected))
        text = bridge.document_text()
        return Grounding(text, "document", 0) if text.strip() else None

    # -- turns -----------------------------------------------------------------------------------------------
    def last_user_text(self) -> str:
        return next((m.content for m in reversed(self.messages) if m.role == "user"), "")

    def can_regenerate(self) -> bool:
        return not self.busy and self._loading is None and any(m.role == "user" for m in self.messages)

    def send(self, text: str) -> bool:
        """Ask `text` in the open conversation (starting one if none is open). False when not sent."""
        if self.phase is Phase.STOPPING and self._after_turn is None and text.strip() and not self._closed:
            # Asked while the last answer is still stopping: asked as soon as it has stopped, not refused.
            self._after_turn = lambda: self._send_later(text)
            return True
        if not text.strip() or self.busy or self._loading is not None or self._closed:
            return False
        unsaved: Conversation | None = None
        if self.conversation is None:
            # Saved and listed once the prompt is ready: a message refused as too long leaves nothing behind.
            unsaved = self.conversation = replace(Conversation.new(), **_draft_fields(self._draft))
        attachment = self.attachment
        context_stats: dict[str, Any] = {}
        if attachment is not None:
            context_stats = {"context_kind": attachment.kind, "context_offset": attachment.offset}
        self.clear_attachment()
        seq = len(self.messages)
        self._begin(text, attachment, context_stats, seq, replace_from=None, new_user=True)
        if self._turn is not None:
            self._turn.unsaved = unsaved
        return True

    def _send_later(self, text: str) -> None:
        if not self.send(text):
            self.unsent.emit(text)

    def regenerate(self) -> bool:
        """Answer the last user message again (the last answer is replaced)."""
        if not self.can_regenerate():
            return False
        user = next(m for m in reversed(self.messages) if m.role == "user")
        attachment = self._stored_attachment(user)
        replace_from = user.seq + 1 if user.seq + 1 < len(self.messages) else None
        self._begin(user.content, attachment, _context_stats(user), user.seq, replace_from, new_user=False)
        return True

    def edit(self, seq: int, text: str) -> bool:
        """Replace user message `seq` with `text`; the conversation continues from there (later messages go)."""
        if not text.strip() or self.busy or self._loading is not None:
            return False
        original = next((m for m in self.messages if m.seq == seq and m.role == "user"), None)
        if original is None:
            return False
        attachment = self._stored_attachment(original)
        self._begin(text, attachment, _context_stats(original), seq, replace_from=seq, new_user=True)
        return True

    def _stored_attachment(self, message: StoredMessage) -> Grounding | None:
        if not message.context:
            return None
        kind = message.stats.get("context_kind", "attachment")
        offset = int(message.stats.get("context_offset", -1))
        return Grounding(message.context, kind if kind in ("selection", "attachment") else "attachment", offset)

    def _begin(
        self,
        question: str,
        attachment: Grounding | None,
        context_stats: dict[str, Any],
        user_seq: int,
        replace_from: int | None,
        new_user: bool,
    ) -> None:
        assert self.conversation is not None
        self._serial += 1
        turn = _Turn(
            serial=self._serial,
            conversation_id=self.conversation.id,
            user_seq=user_seq,
            question=question,
            context=attachment.text if attachment else "",
            context_stats=context_stats,
            replace_from=replace_from,
            new_user_message=new_user,
        )
        self._turn = turn
        grounding = attachment
        if grounding is None and self.conversation.grounded:
            grounding = self._document_grounding()
        self._set_phase(Phase.PREPARING)
        self._prepare(turn, grounding)

    def _prepare(self, turn: _Turn, grounding: Grounding | None) -> None:
        info = self._info()
        if info is None:
            # The prompt is fitted to the model's context and tokenizer: wait for the model to be loaded.
            self._waiting_for_model = lambda: self._prepare(turn, grounding)
            self._set_phase(Phase.WAITING)
            self._client.load()
            return
        assert self.conversation is not None
        history = tuple(
            Turn("user" if m.role == "user" else "assistant", m.as_sent, self._sent_tokens.get(m.seq))
            for m in self.messages
            if m.seq < turn.user_seq
        )
        inputs = TurnInputs(
            conversation_id=turn.conversation_id,
            system_prompt=self.conversation.system_prompt,
            history=history,
            question=turn.question,
            context_length=info.context_length,
            sampling=self.sampling(),
            grounding=grounding,
        )
        model_path, services = info.path, self._services
        self._prep.call(
            lambda: services.run(build_turn_job, inputs, model_path),
            lambda result: self._on_plan(turn, result),
            lambda exc: self._on_plan_failed(turn, exc),
        )

    def _on_model_loaded(self, info: ModelInfo) -> None:
        resume, self._waiting_for_model = self._waiting_for_model, None
        if resume is not None and self._turn is not None:
            resume()

    def _on_model_failed(self, failure: Failure) -> None:
        if self._waiting_for_model is None or self._turn is None:
            return
        self._waiting_for_model = None
        self._messages.failure(failure)
        self._forget_unsaved(self._turn)
        self._end_turn(failure)

    def _forget_unsaved(self, turn: _Turn) -> None:
        """A new conversation whose first message never went out is not kept."""
        if turn.unsaved is not None and self.conversation is turn.unsaved:
            self.conversation = None
        turn.unsaved = None

    def _on_plan_failed(self, turn: _Turn, exc: BaseException) -> None:
        if turn is not self._turn:
            return
        self._forget_unsaved(turn)
        self._messages.error(
            QCoreApplication.translate(
                "Chat", "The message could not be prepared for the model ({error}). Try again."
            ).format(error=type(exc).__name__),
            str(exc),
        )
        self._end_turn(None)

    def _on_plan(self, turn: _Turn, result: TurnPlan | TooLong) -> None:
        if turn is not self._turn:
            return  # stopped (or superseded) while the prompt was being built
        if isinstance(result, TooLong):
            info = self._info()
            text = too_long_text(result, info.context_length if info else 0)
            self._forget_unsaved(turn)
            self._end_turn(result)
            self.too_long.emit(result, turn.question, text)
            return
        # Built in the text-services process: its request id counts there, not here.
        turn.plan = result = replace(result, request=result.request.renumbered())
        if turn.unsaved is not None:
            conversation, turn.unsaved = turn.unsaved, None
            self.conversation_list = [conversation, *self.conversation_list]
            self._write(lambda s: s.create(conversation))
            self._write(lambda s: s.set_last_open(conversation.id))
            self.conversations_changed.emit(list(self.conversation_list))
            self.conversation_changed.emit(conversation)
        for index, tokens in enumerate(result.history_tokens):
            self._sent_tokens.setdefault(index, tokens)
        conversation_id = turn.conversation_id
        if turn.replace_from is not None:
            cut = turn.replace_from
            self.messages = [m for m in self.messages if m.seq < cut]
            self._sent_tokens = {k: v for k, v in self._sent_tokens.items() if k < cut}
            self._write(lambda s: s.truncate(conversation_id, cut))
        user = StoredMessage(
            seq=turn.user_seq,
            role="user",
            content=turn.question,
            created=time.time(),
            prompt_content=result.user_content if result.user_content != turn.question else "",
            context=turn.context,
            tokens=result.user_tokens,
            stats=turn.context_stats,
        )
        if turn.new_user_message:
            self.messages.append(user)
        else:
            # Regenerate: the same question, perhaps with fresh passages or counts.
            self.messages = [user if m.seq == user.seq else m for m in self.messages]
        self._sent_tokens[user.seq] = result.user_tokens
        self._write(lambda s: s.put_message(conversation_id, user))
        if turn.replace_from is not None and self.conversation is not None:
            self.opened.emit(self.conversation, list(self.messages))
        elif turn.new_user_message:
            self.message_added.emit(user)
        handle = self._client.submit(result.request)
        turn.handle = handle
        handle.chunk.connect(self._on_chunk)
        handle.state_changed.connect(self._on_state)
        handle.finished.connect(self._on_finished)
        handle.failed.connect(self._on_failed)
        self._set_phase(Phase.GENERATING if handle.state is JobState.GENERATING else Phase.WAITING)
        self.answer_started.emit(user.seq + 1, turn_notes(result), bool(result.citations))

    def _on_state(self, state: JobState) -> None:
        if self._turn is None or self.sender() is not self._turn.handle:
            return
        if state is JobState.GENERATING and self.phase is Phase.WAITING:
            self._set_phase(Phase.GENERATING)

    def _on_chunk(self, text: str) -> None:
        turn = self._turn
        if turn is None or self.sender() is not turn.handle:
            return
        if turn.first_chunk_at is None:
            turn.first_chunk_at = time.perf_counter()
        turn.received.append(text)
        self._buffer.add(text)

    def stop(self) -> None:
        """Stop the current turn (Esc). A turn still being prepared ends at once."""
        turn = self._turn
        if turn is None:
            return
        if turn.handle is None:
            self._waiting_for_model = None
            self._forget_unsaved(turn)
            self._end_turn(None)
            return
        if turn.handle.active:
            self._set_phase(Phase.STOPPING)
            turn.handle.cancel()

    def _on_finished(self, done: Done) -> None:
        turn = self._turn
        if turn is None or self.sender() is not turn.handle:
            return
        self._buffer.flush()
        text = "".join(turn.received)
        message: StoredMessage | None = None
        if text.strip():
            message = self._answer_message(turn, done, text)
            conversation_id = turn.conversation_id
            self.messages.append(message)
            self._write(lambda s: s.put_message(conversation_id, message))
            self._title_if_first(turn, message)
        self.answer_finished.emit(message)
        self._end_turn(done)

    def _answer_message(self, turn: _Turn, done: Done, text: str) -> StoredMessage:
        plan = turn.plan
        assert plan is not None
        stats: dict[str, Any] = {"reason": done.reason}
        if done.stats is not None:
            s = done.stats
            stats.update(
                prompt_tokens=s.prompt_tokens,
                new_tokens=s.new_tokens,
                cached_prompt_tokens=s.cached_prompt_tokens,
                ttft_ms=round(s.ttft_ms, 1),
                tokens_per_s=round(s.tokens_per_s, 2),
                total_ms=round(s.total_ms, 1),
                decoding=s.decoding,
            )
        stats.update(plan_stats(plan))
        shown = citations_to_show(plan.citations, plan.grounding_mode, text)
        return StoredMessage(
            seq=turn.user_seq + 1,
            role="assistant",
            content=text,
            created=time.time(),
            tokens=done.stats.new_tokens if done.stats else None,
            stats=stats,
            citations=tuple(c.to_dict() for c in shown),
        )

    def _title_if_first(self, turn: _Turn, answer: StoredMessage) -> None:
        conversation = next((c for c in self.conversation_list if c.id == turn.conversation_id), None)
        if conversation is None:
            return
        now = time.time()
        if not conversation.title and turn.user_seq == 0:
            title = title_from_exchange(turn.question, answer.content) or QCoreApplication.translate(
                "Chat", "Conversation"
            )
            conversation = replace(conversation, title=title, updated=now)
            conversation_id = conversation.id
            self._write(lambda s: s.rename(conversation_id, title))
        else:
            conversation = replace(conversation, updated=now)
        if self.conversation is not None and self.conversation.id == conversation.id:
            self.conversation = conversation
            self.conversation_changed.emit(conversation)
        self._touch(conversation)

    def _on_failed(self, failure: Failure) -> None:
        turn = self._turn
        if turn is None or self.sender() is not turn.handle:
            return
        self._buffer.flush()
        self._messages.failure(failure)
        text = "".join(turn.received)
        if text.strip():  # the host died mid-answer: keep what the user already read
            done = Done(failure.request_id or 0, text, "cancelled")
            message = self._answer_message(turn, done, text)
            conversation_id = turn.conversation_id
            self.messages.append(message)
            self._write(lambda s: s.put_message(conversation_id, message))
            self.answer_finished.emit(message)
        else:
            self.answer_finished.emit(None)
        self._end_turn(failure)

    def _end_turn(self, result: Done | Failure | TooLong | None) -> None:
        self._turn = None
        self._buffer.clear()
        self._set_phase(Phase.IDLE)
        self.turn_finished.emit(result)
        action, self._after_turn = self._after_turn, None
        if action is not None:
            action()

    # -- messages --------------------------------------------------------------------------------------------
    def message(self, seq: int) -> StoredMessage | None:
        return next((m for m in self.messages if m.seq == seq), None)

    def insert_into_editor(self, seq: int) -> bool:
        message = self.message(seq)
        if message is None:
            return False
        self.bridge.insert_at_cursor(message.content)
        return True

    def open_citation(self, seq: int, number: int) -> bool:
        """Select the cited passage in the editor; say so when it cannot be found there any more."""
        message = self.message(seq)
        data = next((c for c in (message.citations if message else ()) if c.get("number") == number), None)
        if data is None:
            return False
        citation = Citation.from_dict(data)
        if not citation.in_document:
            self._messages.info(
                QCoreApplication.translate(
                    "Chat", "Passage [{n}] is from text you attached, not from the document."
                ).format(n=number)
            )
            return False
        document = self.bridge.document_text()
        start = citation.start
        if document[citation.start : citation.end] != citation.text:
            start = document.find(citation.text)
            if start < 0:
                self._messages.info(
                    QCoreApplication.translate(
                        "Chat",
                        "Passage [{n}] is no longer in the document: it was changed, or another document is open.",
                    ).format(n=number)
                )
                return False
        self.bridge.select_range(start, start + len(citation.text))
        return True

    # -- shutdown --------------------------------------------------------------------------------------------
    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Stop the turn, save what it wrote, finish every pending write, and end both background threads."""
        if self._closed:
            return
        turn = self._turn
        if turn is not None and turn.plan is not None:
            text = "".join(turn.received)
            if text.strip():
                done = Done(turn.handle.id if turn.handle else 0, text, "cancelled")
                message = self._answer_message(turn, done, text)
                conversation_id = turn.conversation_id
                self._write(lambda s: s.put_message(conversation_id, message))
            if turn.handle is not None and turn.handle.active:
                turn.handle.cancel()
        self._turn = None
        self._after_turn = None
        self._closed = True
        self._buffer.clear()
        store = self.store
        self._prep.close(timeout_s)
        self._db.call(store.close)
        self._db.close(timeout_s)


def _draft_fields(draft: Conversation) -> dict[str, Any]:
    return {"system_prompt": draft.system_prompt, "preset": draft.preset, "grounded": draft.grounded}


def _context_stats(message: StoredMessage) -> dict[str, Any]:
    return {k: v for k, v in message.stats.items() if k in ("context_kind", "context_offset")}
