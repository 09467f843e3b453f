"""The chat pane: conversation list, system prompt, "Ask about the document", the conversation, the message box.

A thin view over ChatController. Collaborators come in through the constructor; nothing global.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.engine.chat_prompts import CUSTOM_PRESET, PRESETS, TooLong, system_for
from app.engine.requests import Done, Failure, ModelInfo, Sampling
from app.store.conversations import Conversation, ConversationStore, StoredMessage
from app.ui.editor.bridge import EditorBridge
from app.ui.messages import MessageCenter
from app.ui.panes.chat_controller import ChatController, Phase
from app.ui.panes.chat_input import ChatInput
from app.ui.panes.chat_sidebar import ChatSidebar
from app.ui.panes.chat_view import ChatView, stats_line
from app.worker.client import ModelClient
from app.worker.text_services import Services

SYSTEM_PROMPT_DELAY_MS = 400


def _preset_label(preset_id: str) -> str:
    if preset_id == CUSTOM_PRESET:
        return QCoreApplication.translate("ChatPane", "Custom")
    return QCoreApplication.translate("ChatPresets", PRESETS[preset_id].label)


def open_web_link(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


class _Banner(QFrame):
    """A line of plain text with optional buttons, above the conversation."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.hide()

    def add_button(self, text: str, accessible: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def say(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class ChatPane(QWidget):
    def __init__(
        self,
        client: ModelClient,
        messages: MessageCenter,
        bridge: EditorBridge,
        store: ConversationStore,
        info: Callable[[], ModelInfo | None] | None = None,
        *,
        sampling: Callable[[], Sampling] | None = None,
        default_preset: str = "assistant",
        open_link: Callable[[QUrl], object] = open_web_link,
        services: Services | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chatPane")
        self.setAccessibleName(QCoreApplication.translate("ChatPane", "Chat"))
        self.client = client
        self.messages = messages
        self._info = info or (lambda: client.info)
        self._open_link = open_link
        self.controller = ChatController(
            client, messages, bridge, store, self._info, sampling, default_preset, services=services, parent=self
        )
        self._editing_seq: int | None = None
        self._refused_text = ""
        self._build()
        self._connect()
        self._update_template_notice()
        self._on_phase(Phase.IDLE)
        self._show_draft(self.controller.draft)
        self.view.show_conversation([], self._empty_hint())
        self.controller.start()

    # -- layout ------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(True)
        outer.addWidget(self.splitter)

        self.sidebar = ChatSidebar()
        self.splitter.addWidget(self.sidebar)

        main = QWidget()
        layout = QVBoxLayout(main)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(4)
        self.splitter.addWidget(main)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 420])

        top = QHBoxLayout()
        top.setSpacing(4)
        self.preset = QComboBox()
        self.preset.setAccessibleName(QCoreApplication.translate("ChatPane", "System prompt preset"))
        self.preset.setToolTip(
            QCoreApplication.translate("ChatPane", "How the model should behave in this conversation")
        )
        for preset_id in [*PRESETS, CUSTOM_PRESET]:
            self.preset.addItem(_preset_label(preset_id), preset_id)
        top.addWidget(self.preset)
        # On Linux a screen reader names a combo box after its buddy label; this row has no room for one to show.
        preset_label = QLabel(QCoreApplication.translate("ChatPane", "System prompt preset"))
        preset_label.setBuddy(self.preset)
        preset_label.hide()
        top.addWidget(preset_label)
        self.system_toggle = QToolButton()
        self.system_toggle.setText(QCoreApplication.translate("ChatPane", "System prompt"))
        self.system_toggle.setCheckable(True)
        self.system_toggle.setAccessibleName(QCoreApplication.translate("ChatPane", "Show the system prompt"))
        self.system_toggle.setToolTip(
            QCoreApplication.translate("ChatPane", "Show and edit this conversation's system prompt")
        )
        top.addWidget(self.system_toggle)
        self.ground = QCheckBox(QCoreApplication.translate("ChatPane", "Ask about the document"))
        self.ground.setAccessibleName(QCoreApplication.translate("ChatPane", "Ask about the document"))
        self.ground.setToolTip(
            QCoreApplication.translate(
                "ChatPane",
                "Ground answers in the open document (or its selection); answers cite the passages they used",
            )
        )
        top.addWidget(self.ground)
        top.addStretch(1)
        layout.addLayout(top)

        self.system_edit = QPlainTextEdit()
        self.system_edit.setAccessibleName(QCoreApplication.translate("ChatPane", "System prompt"))
        self.system_edit.setPlaceholderText(
            QCoreApplication.translate("ChatPane", "Instructions the model follows throughout this conversation")
        )
        self.system_edit.setMaximumHeight(90)
        self.system_edit.hide()
        layout.addWidget(self.system_edit)

        self.template_notice = _Banner("chatTemplateNotice")
        layout.addWidget(self.template_notice)
        self.offer = _Banner("chatOffer")
        self.use_as_context = self.offer.add_button(
            QCoreApplication.translate("ChatPane", "Use as context"),
            QCoreApplication.translate("ChatPane", "Use the long text as context for a question"),
            self._accept,
        )
        self.offer.add_button(
            QCoreApplication.translate("ChatPane", "Dismiss"),
            QCoreApplication.translate("ChatPane", "Dismiss"),
            self.offer.hide,
        )
        layout.addWidget(self.offer)
        self.attachment = _Banner("chatAttachment")
        self.attachment.add_button(
            "✕", QCoreApplication.translate("ChatPane", "Remove the attached text"), self.controller.clear_attachment
        )
        layout.addWidget(self.attachment)
        self.edit_banner = _Banner("chatEditBanner")
        self.edit_banner.add_button(
            QCoreApplication.translate("ChatPane", "Cancel"),
            QCoreApplication.translate("ChatPane", "Cancel editing"),
            self.cancel_edit,
        )
        layout.addWidget(self.edit_banner)

        self.view = ChatView()
        layout.addWidget(self.view, 1)

        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(QCoreApplication.translate("ChatPane", "Chat status"))
        row.addWidget(self.status, 1)
        self.regenerate_button = QToolButton()
        self.regenerate_button.setText(QCoreApplication.translate("ChatPane", "Regenerate"))
        self.regenerate_button.setAccessibleName(QCoreApplication.translate("ChatPane", "Regenerate the last answer"))
        row.addWidget(self.regenerate_button)
        layout.addLayout(row)

        inputs = QHBoxLayout()
        self.input = ChatInput()
        inputs.addWidget(self.input, 1)
        self.send_button = QPushButton(QCoreApplication.translate("ChatPane", "Send"))
        self.send_button.setAccessibleName(QCoreApplication.translate("ChatPane", "Send the message"))
        inputs.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(inputs)
        self.setFocusProxy(self.input)

        self._system_timer = QTimer(self)
        self._system_timer.setSingleShot(True)
        self._system_timer.setInterval(SYSTEM_PROMPT_DELAY_MS)
        self._system_timer.timeout.connect(self._commit_system_prompt)
        self.actions_by_id = self._make_actions()

    def _make_actions(self) -> dict[str, QAction]:
        """Pane actions for the window's Chat menu; their shortcuts work while the pane has focus."""
        specs: list[tuple[str, str, str, Callable[[], object]]] = [
            (
                "chat.new",
                QCoreApplication.translate("ChatPane", "&New Conversation"),
                "Ctrl+Shift+O",
                self.controller.new_conversation,
            ),
            (
                "chat.regenerate",
                QCoreApplication.translate("ChatPane", "&Regenerate Answer"),
                "Ctrl+R",
                self.regenerate,
            ),
            (
                "chat.copy_last",
                QCoreApplication.translate("ChatPane", "&Copy Last Answer"),
                "Ctrl+Shift+C",
                self.copy_last_answer,
            ),
            (
                "chat.insert_last",
                QCoreApplication.translate("ChatPane", "&Insert Last Answer into Document"),
                "",
                self.insert_last_answer,
            ),
            (
                "chat.export_markdown",
                QCoreApplication.translate("ChatPane", "Export as &Markdown…"),
                "",
                lambda: self.export_current("markdown"),
            ),
            (
                "chat.export_json",
                QCoreApplication.translate("ChatPane", "Export as &JSON…"),
                "",
                lambda: self.export_current("json"),
            ),
            ("chat.stop", QCoreApplication.translate("ChatPane", "&Stop"), "", self.controller.stop),
        ]
        actions: dict[str, QAction] = {}
        for action_id, text, keys, slot in specs:
            action = QAction(text, self)
            action.setObjectName(action_id)
            if keys:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions[action_id] = action
        ground = QAction(QCoreApplication.translate("ChatPane", "Ask About the &Document"), self)
        ground.setObjectName("chat.ground")
        ground.setCheckable(True)
        ground.toggled.connect(self.ground.setChecked)
        self.ground.toggled.connect(ground.setChecked)
        actions["chat.ground"] = ground
        return actions

    def _connect(self) -> None:
        c = self.controller
        c.conversations_changed.connect(self.sidebar.set_conversations)
        c.search_results.connect(self.sidebar.show_results)
        c.opened.connect(self._on_opened)
        c.message_added.connect(self.view.add_message)
        c.answer_started.connect(self._on_answer_started)
        c.answer_delta.connect(self.view.append_answer)
        c.answer_finished.connect(self._on_answer_finished)
        c.turn_finished.connect(self._on_turn_finished)
        c.phase_changed.connect(self._on_phase)
        c.attachment_changed.connect(self._on_attachment)
        c.too_long.connect(self._on_too_long)
        c.unsent.connect(self._on_unsent)
        c.deleted.connect(self.sidebar.show_deleted)
        c.conversation_changed.connect(self._show_draft)
        self.sidebar.new_requested.connect(c.new_conversation)
        self.sidebar.selected.connect(c.select)
        self.sidebar.rename_requested.connect(c.rename)
        self.sidebar.delete_requested.connect(c.delete)
        self.sidebar.undo_requested.connect(self._undo_delete)
        self.sidebar.search_changed.connect(c.search)
        self.sidebar.export_requested.connect(self.export)
        self.view.action_requested.connect(self._on_view_action)
        self.view.link_clicked.connect(self._on_link)
        self.input.submitted.connect(self.submit)
        self.input.recall_requested.connect(self.recall_last)
        self.input.escape_pressed.connect(self._on_escape)
        self.send_button.clicked.connect(self._on_send_button)
        self.regenerate_button.clicked.connect(self.regenerate)
        self.preset.activated.connect(self._on_preset)
        self.system_toggle.toggled.connect(self.system_edit.setVisible)
        self.system_edit.textChanged.connect(self._system_timer.start)
        self.ground.toggled.connect(c.set_grounded)
        self.client.model_loaded.connect(self._update_template_notice)

    # -- public API (wired by the main window) -----------------------------------------------------------------
    def ask_about(self, selection_text: str) -> None:
        """Ctrl+Shift+K: the selection becomes the context of the next question; the message box gets focus even
        without a selection (then the pane says to select some text), so the next keys never reach the document."""
        self.controller.ask_about(selection_text)
        self.focus_input()

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def shutdown(self) -> None:
        """Stop, save and end the pane's background threads. Call before the ModelClient shuts down."""
        self._system_timer.stop()
        if self._system_timer_pending():
            self._commit_system_prompt()
        self.controller.shutdown()

    # -- sending -----------------------------------------------------------------------------------------------
    def submit(self) -> bool:
        text = self.input.toPlainText()
        if not text.strip():
            return False
        if self._editing_seq is not None:
            sent = self.controller.edit(self._editing_seq, text)
        else:
            sent = self.controller.send(text)
        if sent:
            self._leave_edit()
            self.input.clear()
            self.offer.hide()
        return sent

    def _on_send_button(self) -> None:
        if self.controller.busy:
            self.controller.stop()
        else:
            self.submit()
        self.focus_input()

    def recall_last(self) -> None:
        text = self.controller.last_user_text()
        if text:
            self.input.setPlainText(text)
            self.input.moveCursor(self.input.textCursor().MoveOperation.End)

    def _on_escape(self) -> None:
        if self.controller.busy:
            self.controller.stop()
        elif self._editing_seq is not None:
            self.cancel_edit()

    def regenerate(self) -> None:
        if not self.controller.regenerate() and self.controller.busy:
            self.messages.info(
                QCoreApplication.translate(
                    "ChatPane", "Wait for the answer to finish (or stop it) before regenerating."
                )
            )

    def begin_edit(self, seq: int) -> None:
        message = self.controller.message(seq)
        if message is None or message.role != "user":
            return
        if self.controller.busy:
            self.messages.info(
                QCoreApplication.translate(
                    "ChatPane", "Wait for the answer to finish (or stop it) before editing a message."
                )
            )
            return
        self._editing_seq = seq
        self.input.setPlainText(message.content)
        self.input.moveCursor(self.input.textCursor().MoveOperation.End)
        self.edit_banner.say(
            QCoreApplication.translate(
                "ChatPane", "Editing an earlier message: sending replaces it and everything after it. Esc cancels."
            )
        )
        self.focus_input()

    def cancel_edit(self) -> None:
        if self._editing_seq is not None:
            self._leave_edit()
            self.input.clear()

    def _leave_edit(self) -> None:
        self._editing_seq = None
        self.edit_banner.hide()

    # -- controller events -------------------------------------------------------------------------------------
    def _empty_hint(self) -> str:
        return QCoreApplication.translate(
            "ChatPane",
            "Ask anything. Turn on “Ask about the document” to ask about the open document, or select text and "
            "press Ctrl+Shift+K.",
        )

    def _on_opened(self, conversation: Conversation | None, messages: list[StoredMessage]) -> None:
        self._leave_edit()
        self.view.show_conversation(messages, self._empty_hint())
        self.sidebar.set_current(conversation.id if conversation else "")
        self._update_buttons()

    def _on_answer_started(self, seq: int, notes: list[str], cite: bool) -> None:
        self.view.begin_answer(seq, notes, cite)

    def _on_answer_finished(self, message: StoredMessage | None) -> None:
        self.view.finish_answer(message)
        if message is not None:
            self.status.setText(stats_line(message.stats, message.tokens))

    def _on_turn_finished(self, result: Done | Failure | TooLong | None) -> None:
        self._update_buttons()

    def _on_phase(self, phase: Phase) -> None:
        texts = {
            Phase.IDLE: "",
            Phase.PREPARING: QCoreApplication.translate("ChatPane", "Preparing the prompt…"),
            Phase.WAITING: QCoreApplication.translate("ChatPane", "Waiting for the model…"),
            Phase.GENERATING: QCoreApplication.translate("ChatPane", "Writing… (Esc stops)"),
            Phase.STOPPING: QCoreApplication.translate("ChatPane", "Stopping…"),
        }
        if phase is not Phase.IDLE:
            self.status.setText(texts[phase])
        busy = phase is not Phase.IDLE
        self.send_button.setText(
            QCoreApplication.translate("ChatPane", "Stop") if busy else QCoreApplication.translate("ChatPane", "Send")
        )
        self.send_button.setAccessibleName(
            QCoreApplication.translate("ChatPane", "Stop the answer")
            if busy
            else QCoreApplication.translate("ChatPane", "Send the message")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.regenerate_button.setEnabled(self.controller.can_regenerate())
        self.actions_by_id["chat.regenerate"].setEnabled(self.controller.can_regenerate())

    def _on_attachment(self, attachment: object) -> None:
        if attachment is None:
            self.attachment.hide()
            self.input.setPlaceholderText(
                QCoreApplication.translate("ChatInput", "Message the model — Enter sends, Shift+Enter adds a line")
            )
            return
        text = " ".join(getattr(attachment, "text", "").split())
        shown = text if len(text) <= 90 else text[:89] + "…"
        self.attachment.say(
            QCoreApplication.translate(
                "ChatPane", "Your next question is about: “{text}” ({count:,} characters)"
            ).format(text=shown, count=len(getattr(attachment, "text", "")))
        )
        self.input.setPlaceholderText(QCoreApplication.translate("ChatPane", "Ask a question about the attached text"))

    def _on_unsent(self, text: str) -> None:
        """A question typed while the last answer stopped could not go out: it goes back where it was typed."""
        if not self.input.toPlainText().strip():
            self.input.setPlainText(text)

    def _on_too_long(self, result: TooLong, text: str, explanation: str) -> None:
        if not self.input.toPlainText().strip():
            self.input.setPlainText(text)
        if result.what == "message":
            self._refused_text = text
            self.offer.say(explanation)
            self.use_as_context.show()
        else:
            self._refused_text = ""
            self.offer.say(explanation)
            self.use_as_context.hide()

    def _accept(self) -> None:
        text, self._refused_text = self._refused_text, ""
        self.offer.hide()
        if text:
            self.controller.use_as_context(text)
            if self.input.toPlainText() == text:
                self.input.clear()
            self.focus_input()

    def _show_draft(self, conversation: Conversation) -> None:
        """Reflect the conversation's (or the next one's) system prompt and grounding in the controls."""
        self.sidebar.set_current(conversation.id)
        index = self.preset.findData(conversation.preset if conversation.preset in PRESETS else CUSTOM_PRESET)
        self.preset.setCurrentIndex(max(0, index))
        if self.system_edit.toPlainText() != conversation.system_prompt:
            self.system_edit.blockSignals(True)
            self.system_edit.setPlainText(conversation.system_prompt)
            self.system_edit.blockSignals(False)
        self.ground.blockSignals(True)
        self.ground.setChecked(conversation.grounded)
        self.ground.blockSignals(False)
        self.actions_by_id["chat.ground"].blockSignals(True)
        self.actions_by_id["chat.ground"].setChecked(conversation.grounded)
        self.actions_by_id["chat.ground"].blockSignals(False)

    def _on_preset(self, index: int) -> None:
        preset_id = str(self.preset.itemData(index))
        if preset_id == CUSTOM_PRESET:
            self.system_toggle.setChecked(True)
            self.system_edit.setFocus()
            return
        self.controller.set_preset(preset_id)
        self.system_edit.blockSignals(True)
        self.system_edit.setPlainText(system_for(preset_id))
        self.system_edit.blockSignals(False)

    def _system_timer_pending(self) -> bool:
        return self.system_edit.toPlainText() != self.controller.draft.system_prompt

    def _commit_system_prompt(self) -> None:
        text = self.system_edit.toPlainText()
        if text == self.controller.draft.system_prompt:
            return
        matching = next((p for p in PRESETS.values() if p.prompt == text), None)
        self.controller.set_system_prompt(text, matching.id if matching else CUSTOM_PRESET)
        index = self.preset.findData(matching.id if matching else CUSTOM_PRESET)
        self.preset.setCurrentIndex(max(0, index))

    def _update_template_notice(self, *_: object) -> None:
        info = self._info()
        if info is not None and not info.has_chat_template:
            self.template_notice.say(
                QCoreApplication.translate(
                    "ChatPane",
                    "{model} has no chat template, so Inkwell sends the conversation as a plain transcript "
                    "(“User: … Assistant: …”). Answers may be weaker than with a chat (instruct) model.",
                ).format(model=info.name)
            )
        else:
            self.template_notice.hide()

    # -- message actions ---------------------------------------------------------------------------------------
    def _on_view_action(self, action: str, seq: int, number: int) -> None:
        if action == "copy":
            self.copy_message(seq)
        elif action == "edit":
            self.begin_edit(seq)
        elif action == "insert":
            self.controller.insert_into_editor(seq)
        elif action == "cite":
            self.controller.open_citation(seq, number)

    def copy_message(self, seq: int) -> None:
        message = self.controller.message(seq)
        if message is not None:
            QGuiApplication.clipboard().setText(message.content)

    def _last_answer_seq(self) -> int | None:
        return next((m.seq for m in reversed(self.controller.messages) if m.role == "assistant"), None)

    def copy_last_answer(self) -> None:
        seq = self._last_answer_seq()
        if seq is not None:
            self.copy_message(seq)

    def insert_last_answer(self) -> None:
        seq = self._last_answer_seq()
        if seq is not None:
            self.controller.insert_into_editor(seq)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme().lower() in ("http", "https") and url.host():
            self._open_link(url)
        else:
            self.messages.info(
                QCoreApplication.translate(
                    "ChatPane", "Inkwell opens only web links (http and https); this one was not opened: {url}"
                ).format(url=url.toString()[:200])
            )

    # -- sidebar -----------------------------------------------------------------------------------------------
    def _undo_delete(self) -> None:
        restored = self.controller.undo_delete()
        if restored is not None:
            self.controller.select(restored.id)

    def export_current(self, kind: str) -> None:
        if self.controller.conversation is not None and any(
            c.id == self.controller.current_id for c in self.controller.conversation_list
        ):
            self.export(self.controller.current_id, kind)

    def export(self, conversation_id: str, kind: str) -> None:
        conversation = next((c for c in self.controller.conversation_list if c.id == conversation_id), None)
        if conversation is None:
            return
        suffix, file_filter = (
            (".md", QCoreApplication.translate("ChatPane", "Markdown (*.md)"))
            if kind == "markdown"
            else (".json", QCoreApplication.translate("ChatPane", "JSON (*.json)"))
        )
        stem = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in (conversation.title or "conversation"))
        name, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("ChatPane", "Export Conversation"), stem.strip() + suffix, file_filter
        )
        if name:
            self.controller.export(conversation_id, kind, Path(name))
