"""The main window: layout and menus, each action routed to the controller that does the work."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.engine.requests import ModelSpec
from app.engine.text_jobs import export_document
from app.paths import AppPaths
from app.resources import resource_path
from app.secrets import SecretStore
from app.store import custom_actions, encodings, recovery
from app.store.export import FORMATS
from app.store.history import default_path as history_path
from app.store.history import document_key
from app.store.line_endings import unpack
from app.store.settings import Settings, register_defaults
from app.store.textfile import TextFileError
from app.translatable import QT_TRANSLATE_NOOP
from app.ui import session
from app.ui.actions import REVIEW_ACTIONS, ActionRegistry, parse_portable, plain_text, scopes_overlap
from app.ui.announcer import Announcer
from app.ui.dialogs.asker import Asker, DialogAsker
from app.ui.dialogs.custom_actions import CustomActionsDialog
from app.ui.dialogs.first_run import NOTICE_DONE_KEY, FirstRunNotice, should_show_first_run
from app.ui.dialogs.model_manager_controller import ModelManagerController
from app.ui.dialogs.recovery import ask_recovery
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.dialogs.shortcuts import CheatSheet, ShortcutsDialog
from app.ui.editor.active_bridge import ActiveEditorBridge
from app.ui.editor.autosave import Autosave
from app.ui.editor.continue_writing import ContinueWriting
from app.ui.editor.counts import CountsController
from app.ui.editor.document import Document
from app.ui.editor.editor import Editor
from app.ui.editor.find_bar import FindBar
from app.ui.editor.history import DocumentHistory
from app.ui.editor.history_panel import HistoryPanel
from app.ui.editor.outline import OutlineView
from app.ui.editor.review_panel import ReviewPanel
from app.ui.editor.selection_actions import CustomAction, LongSelectionChoice, Phase, SelectionActions
from app.ui.editor.tabs import DocumentTabs, EditorPane
from app.ui.editor.workspace import Workspace
from app.ui.messages import MessageCenter, file_error_text
from app.ui.notice_bar import NoticeBar
from app.ui.panes.chat_background import BackgroundRunner
from app.ui.status_bar import ModelStatusView
from app.worker.client import ModelClient
from app.worker.text_services import InlineTextServices, Services

register_defaults(
    {
        NOTICE_DONE_KEY: False,
        "editor/zoom": 0,
        "editor/word_wrap": True,
        "editor/preview": False,
        "ai/translate_language": "English",
    }
)

# English names: they are stored in settings and go into the prompt; the menu shows them translated.
TRANSLATION_LANGUAGES = (
    QT_TRANSLATE_NOOP("Languages", "English"),
    QT_TRANSLATE_NOOP("Languages", "Simplified Chinese"),
    QT_TRANSLATE_NOOP("Languages", "Traditional Chinese"),
    QT_TRANSLATE_NOOP("Languages", "Japanese"),
    QT_TRANSLATE_NOOP("Languages", "Korean"),
    QT_TRANSLATE_NOOP("Languages", "German"),
    QT_TRANSLATE_NOOP("Languages", "French"),
    QT_TRANSLATE_NOOP("Languages", "Spanish"),
    QT_TRANSLATE_NOOP("Languages", "Italian"),
    QT_TRANSLATE_NOOP("Languages", "Portuguese"),
    QT_TRANSLATE_NOOP("Languages", "Russian"),
    QT_TRANSLATE_NOOP("Languages", "Arabic"),
)


def _source_name(source: str) -> str:
    names = {
        "summarize": QCoreApplication.translate("MainWindow", "a summary"),
        "translate": QCoreApplication.translate("MainWindow", "a translation"),
        "chat": QCoreApplication.translate("MainWindow", "the chat"),
    }
    return names.get(source, QCoreApplication.translate("MainWindow", "another task"))


class MainWindow(QMainWindow):
    exported = Signal(object, bool)  # Path, written

    def __init__(
        self,
        client: ModelClient,
        settings: Settings,
        messages: MessageCenter,
        paths: AppPaths,
        on_close: Callable[[], None] | None = None,
        asker: Asker | None = None,
        models: ModelManagerController | None = None,
        secrets: SecretStore | None = None,
        services: Services | None = None,
    ) -> None:
        super().__init__()
        self.client = client
        # Where tokenizing, language detection, retrieval and Word/PDF work run: compose passes the
        # text-services process, so none of it holds the GIL in this process.
        self.services: Services = services or InlineTextServices()
        self._exports: BackgroundRunner | None = None  # made on the first export
        # Replaceable in tests: the modal print preview (None: Qt's, whose module loads on the first print).
        self.open_print_preview: Callable[[str, str, QWidget], None] | None = None
        self.models = models
        self.secrets = secrets or SecretStore()
        self._model_dialog: QDialog | None = None
        self.settings = settings
        self.messages = messages
        self.paths = paths
        self._on_close = on_close
        self.dark = False
        self.setObjectName("mainWindow")
        self.setWindowIcon(QIcon(str(resource_path("icons", "inkwell.svg"))))
        self.setAcceptDrops(True)
        self.resize(1180, 780)

        # Replaceable in tests: the questions, and the recovery choice.
        self.asker: Asker = asker or DialogAsker(self)
        self.ask_recovery: Callable[[list[recovery.RecoveryRecord]], list[recovery.RecoveryRecord] | None] = (
            lambda records: ask_recovery(records, self)
        )
        self.ask_long_selection: Callable[[int, int], LongSelectionChoice] = self._ask_long_selection

        self.workspace = Workspace(settings, messages, self.asker, self, self.services)
        self.tabs = DocumentTabs(self.workspace)
        self.notice_bar = NoticeBar(messages)
        self.find_bar = FindBar(self.current_editor)
        self.counts = CountsController(self.services, self)
        self.continuation = ContinueWriting(client, messages, settings.continue_sampling, self)
        self.review = SelectionActions(
            client,
            messages,
            self.counts.gui_counter,
            lambda: settings.get("ai/translate_language", str),
            lambda: settings.sampling("edit"),
            lambda tokens, budget: self.ask_long_selection(tokens, budget),
            self,
        )
        self.review_panel = ReviewPanel(self.review)
        self.bridge = ActiveEditorBridge(self.current_editor, self._before_pane_edit)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice_bar)
        self.first_run: FirstRunNotice | None = None
        if models is not None and should_show_first_run(
            settings.get("model/ref", str) if settings.get("model/backend", str) == "local" else "remote",
            settings.get(NOTICE_DONE_KEY, bool),
            False,  # downloads are checked off the GUI thread; the notice hides once the manager lists one
        ):
            self.first_run = FirstRunNotice()
            self.first_run.download_requested.connect(self._first_run_download)
            self.first_run.dismissed.connect(self._first_run_dismissed)
            layout.addWidget(self.first_run)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.review_panel)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        # Slots for the task panes; each pane fills its dock.
        self.docks: dict[str, QDockWidget] = {}
        for key, title in (
            ("summarize", QCoreApplication.translate("MainWindow", "Summarize")),
            ("translate", QCoreApplication.translate("MainWindow", "Translate")),
            ("chat", QCoreApplication.translate("MainWindow", "Chat")),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock.{key}")
            dock.hide()
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.docks[key] = dock
        # One side panel with a tab per pane: the editor keeps its width, and only one pane's Alt keys are live.
        self.outline = OutlineView()
        self.outline_dock = QDockWidget(QCoreApplication.translate("MainWindow", "Outline"), self)
        self.outline_dock.setObjectName("dock.outline")
        self.outline_dock.setWidget(self.outline)
        self.outline_dock.hide()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
        self._focus_mode_hidden: list[QWidget] = []
        self.history = DocumentHistory(history_path(paths.data), self.services, self)
        self.history_panel = HistoryPanel(self.history, self._active)
        self.history_dock = QDockWidget(QCoreApplication.translate("MainWindow", "History"), self)
        self.history_dock.setObjectName("dock.history")
        self.history_dock.setWidget(self.history_panel)
        self.history_dock.hide()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.history_dock)
        self.tabifyDockWidget(self.docks["summarize"], self.docks["translate"])
        self.tabifyDockWidget(self.docks["translate"], self.docks["chat"])

        self.commands = ActionRegistry(settings, self, self.tabs)
        self._build_panes(paths)
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Word, character and token counts")
        )
        self.statusBar().addWidget(self.counts_label, 1)
        self.encoding_label = QLabel()
        self.encoding_label.setAccessibleName(QCoreApplication.translate("MainWindow", "File encoding"))
        self.encoding_label.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "The encoding the file is read and saved in. File ▸ Reopen with Encoding… reads it again "
                "in another; File ▸ Save with Encoding… saves it in another.",
            )
        )
        self.encoding_label.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addWidget(self.encoding_label)
        self.status = ModelStatusView(self.statusBar(), client)
        self._custom_ids: list[str] = []
        self._pending_cursors: dict[str, int] = {}
        self._session_left: set[str] = set()
        self._session_active = ""
        self._build_menus()
        self._connect()
        # Runs are announced to screen readers from here, for every pane: started, sentences, how they ended.
        self.announcer = Announcer(self)
        chat = self.chat_pane.controller
        self.announcer.follow(self.continuation, self.review, self.summarizer, self.translator, chat)
        self.announcer.follow_notices(messages)
        self._load_custom_actions()
        self.recovery_store = recovery.RecoveryStore(paths.data / "recovery")
        self.autosave = Autosave(self.workspace, self.recovery_store, parent=self)
        self._update_title()

    # -- helpers ---------------------------------------------------------------------------------------------
    def current_editor(self) -> Editor | None:
        return self.tabs.current_editor()

    @property
    def editor(self) -> Editor:
        """The active tab's editor (there is always one: closing the last tab opens a blank one)."""
        editor = self.current_editor()
        if editor is None:
            self.workspace.new()
            editor = self.current_editor()
        assert editor is not None
        return editor

    def _active(self) -> Document | None:
        return self.workspace.active

    # -- panes -----------------------------------------------------------------------------------------------
    def _build_panes(self, paths: AppPaths) -> None:
        from app.store.conversations import ConversationStore, default_path
        from app.ui.panes.chat_controller import chat_sampling
        from app.ui.panes.chat_pane import ChatPane

        settings, client = self.settings, self.client
        self.chat_pane = ChatPane(
            client,
            self.messages,
            self.bridge,
            ConversationStore(default_path(paths.data)),
            lambda: client.info,
            sampling=lambda: chat_sampling(settings),
            default_preset=settings.get("chat/preset", str),
            services=self.services,
        )
        self.docks["chat"].setWidget(self.chat_pane)
        for action in self.chat_pane.actions_by_id.values():
            self.commands.adopt(action, "chat")

        from app.ui.panes.summarize_controller import SummarizeController
        from app.ui.panes.summarize_pane import SummarizePane
        from app.ui.panes.translate_controller import TranslateController
        from app.ui.panes.translate_pane import TranslatePane

        services = self.services
        self.summarizer = SummarizeController(client, self.bridge, settings, self.messages, services=services)
        self.summarize_pane = SummarizePane(self.summarizer, settings)
        self.docks["summarize"].setWidget(self.summarize_pane)
        self.translator = TranslateController(client, self.bridge, settings, self.messages, services=services)
        self.translate_pane = TranslatePane(self.translator, settings)
        self.docks["translate"].setWidget(self.translate_pane)
        # Typing changes the panes' "Source: … characters" line; recounting a long document on every key is waste.
        self._source_timer = QTimer(self)
        self._source_timer.setSingleShot(True)
        self._source_timer.setInterval(300)
        self._source_timer.timeout.connect(self._refresh_pane_sources)
        for key in ("summarize", "translate"):
            self.docks[key].visibilityChanged.connect(self._on_pane_visibility)
        # One "last-used language": the Translate pane's target and AI → Translation Language (Ctrl+Shift+L).
        self.settings.changed.connect(self._sync_translation_language)

    def _sync_translation_language(self, key: str) -> None:
        from app.engine import language as languages

        if key == "translate/target":
            chosen = languages.BY_CODE.get(self.settings.get("translate/target", str))
            if chosen is not None and chosen.english in TRANSLATION_LANGUAGES:
                self.settings.set("ai/translate_language", chosen.english)
        elif key == "ai/translate_language":
            english = self.settings.get("ai/translate_language", str)
            for language in languages.LANGUAGES:
                if language.english == english:
                    self.translator.set_target_language(language.code)
            for action in self._language_group.actions():
                action.setChecked(action.data() == english)

    def _on_pane_visibility(self, visible: bool) -> None:
        if visible:
            self._refresh_pane_sources()
            if self.sender() is self.docks["translate"]:
                self.translator.source_edited()  # the text may have changed while the pane was hidden

    def _refresh_pane_sources(self) -> None:
        if self.docks["summarize"].isVisible():
            self.summarize_pane.refresh_source()
        if self.docks["translate"].isVisible():
            self.translate_pane.refresh_source()

    def _on_editor_text(self) -> None:
        if self.sender() is not self.current_editor():
            return
        self._source_timer.start()
        if self.docks["translate"].isVisible():
            self.translator.source_edited()  # re-detect the language; translate-as-you-type when on (debounced)

    def _on_editor_selection(self) -> None:
        if self.sender() is self.current_editor():
            self._source_timer.start()

    def summarize(self) -> None:
        """Ctrl+Shift+U: summarize the selection, else the document, in the Summarize pane."""
        self._show_dock("summarize")
        self.summarize_pane.refresh_source()
        self.summarizer.start()

    def summarize_text(self, text: str) -> None:
        """A selection too long to rewrite, which the user chose to summarize instead."""
        self._show_dock("summarize")
        self.summarizer.summarize_text(text)

    def _show_dock(self, key: str) -> None:
        """Open a pane and move the keyboard into it: what the user types next must never land in the document."""
        self.docks[key].show()
        self.docks[key].raise_()
        focus = {
            "summarize": self.summarize_pane.focus_pane,
            "translate": self.translate_pane.focus_pane,
            "chat": self.chat_pane.focus_input,
        }[key]
        focus()

    def _set_dock_visible(self, key: str, visible: bool) -> None:
        if visible:
            self._show_dock(key)
            return
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.docks[key].isAncestorOf(focused)
        self.docks[key].hide()
        if had_focus and (editor := self.current_editor()) is not None:
            editor.setFocus()

    def ask_chat(self) -> None:
        """Ctrl+Shift+K: the selection goes to the chat as the context of the next question."""
        self._show_dock("chat")
        self.chat_pane.ask_about(self.bridge.selected_text())

    def shutdown_panes(self) -> None:
        """Before the model client goes: the panes stop their requests and save (conversations)."""
        if self._exports is not None:
            self._exports.close()  # an export under way is finished first: no half-written file is left
        self.chat_pane.shutdown()
        self.summarizer.close()
        self.translator.close()
        self.history.close()  # the versions being written are finished first

    # -- menus -----------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.commands
        bar = self.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        for action_id in ("file.new", "file.open"):
            file_menu.addAction(a[action_id])
        self.recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
        for action_id in ("file.import_docx", "file.save", "file.save_as", "file.export", "file.print", "file.close"):
            file_menu.addAction(a[action_id])
            if action_id == "file.save_as":
                file_menu.addAction(a["file.save_encoding"])
                file_menu.addAction(a["file.reopen_encoding"])
        file_menu.addSeparator()
        file_menu.addAction(a["file.quit"])

        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        for action_id in ("edit.undo", "edit.redo"):
            edit_menu.addAction(a[action_id])
        edit_menu.addSeparator()
        for action_id in ("edit.find", "edit.replace", "edit.find_next", "edit.find_previous", "edit.goto_line"):
            edit_menu.addAction(a[action_id])

        view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        for action_id in ("view.zoom_in", "view.zoom_out", "view.zoom_reset"):
            view_menu.addAction(a[action_id])
        view_menu.addSeparator()
        for action_id in ("view.word_wrap", "view.preview"):
            a[action_id].setCheckable(True)
            view_menu.addAction(a[action_id])
        view_menu.addSeparator()
        for action_id in ("view.outline", "view.history", "view.focus_mode"):
            a[action_id].setCheckable(True)
            view_menu.addAction(a[action_id])
            self.addAction(a[action_id])  # live while the menu bar is hidden (distraction-free mode)
        self.outline_dock.visibilityChanged.connect(a["view.outline"].setChecked)
        self.history_dock.visibilityChanged.connect(a["view.history"].setChecked)
        for action_id, key in (
            ("view.summarize_pane", "summarize"),
            ("view.translate_pane", "translate"),
            ("view.chat_pane", "chat"),
        ):
            a[action_id].setCheckable(True)
            view_menu.addAction(a[action_id])
            self.docks[key].visibilityChanged.connect(a[action_id].setChecked)
        theme_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Theme"))
        self._theme_group = QActionGroup(self)
        for mode, label in (
            ("system", QCoreApplication.translate("MainWindow", "Follow the System")),
            ("light", QCoreApplication.translate("MainWindow", "Light")),
            ("dark", QCoreApplication.translate("MainWindow", "Dark")),
        ):
            action = theme_menu.addAction(label)
            action.setCheckable(True)
            action.setData(mode)
            action.setChecked(self.settings.get("ui/theme", str) == mode)
            self._theme_group.addAction(action)
        self._theme_group.triggered.connect(lambda action: self.settings.set("ui/theme", action.data()))

        # Alt+I, not Alt+A: the review panel's Accept button owns Alt+A, and an ambiguous shortcut fires neither.
        self.ai_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "A&I"))
        self.ai_menu.addAction(a["ai.continue"])
        self.ai_menu.addAction(a["ai.stop"])
        self.ai_menu.addSeparator()
        for action_id in REVIEW_ACTIONS:
            self.ai_menu.addAction(a[action_id])
        self.language_menu = self.ai_menu.addMenu(QCoreApplication.translate("MainWindow", "Translation &Language"))
        self._language_group = QActionGroup(self)
        for language in TRANSLATION_LANGUAGES:
            action = self.language_menu.addAction(QCoreApplication.translate("Languages", language))
            action.setCheckable(True)
            action.setData(language)
            action.setChecked(self.settings.get("ai/translate_language", str) == language)
            self._language_group.addAction(action)
        self._language_group.triggered.connect(lambda action: self.settings.set("ai/translate_language", action.data()))
        self.custom_separator = self.ai_menu.addSeparator()
        self.ai_menu.addAction(a["ai.custom_actions"])
        self.ai_menu.addSeparator()
        self.ai_menu.addAction(a["ai.summarize"])
        self.ai_menu.addAction(a["ai.ask_chat"])

        chat_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "Cha&t"))
        for action_id in ("chat.new", "chat.regenerate", "chat.stop", "chat.copy_last", "chat.insert_last",
                          "chat.ground"):  # fmt: skip
            chat_menu.addAction(self.chat_pane.actions_by_id[action_id])
        chat_menu.addSeparator()
        for action_id in ("chat.export_markdown", "chat.export_json"):
            chat_menu.addAction(self.chat_pane.actions_by_id[action_id])

        model_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Model"))
        model_menu.addAction(a["model.manager"])
        model_menu.addAction(a["app.settings"])

        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        for action_id in ("help.shortcuts", "help.customize_shortcuts", "help.diagnostics", "help.about"):
            help_menu.addAction(a[action_id])

    def _connect(self) -> None:
        a = self.commands
        ws = self.workspace
        a["file.new"].triggered.connect(lambda: ws.new())
        a["file.open"].triggered.connect(self.open_dialog)
        a["file.import_docx"].triggered.connect(self.import_dialog)
        a["file.save"].triggered.connect(lambda: self._with_active(ws.save))
        a["file.save_as"].triggered.connect(lambda: self._with_active(ws.save_as))
        a["file.save_encoding"].triggered.connect(self.save_with_encoding)
        a["file.reopen_encoding"].triggered.connect(self.reopen_with_encoding)
        a["file.export"].triggered.connect(self.export_dialog)
        a["file.print"].triggered.connect(self.print_document)
        a["view.outline"].triggered.connect(self.set_outline_visible)
        a["view.history"].triggered.connect(self.set_history_visible)
        # Versions: on every save, before every accepted AI edit or pane replacement, around a reload from disk.
        ws.saved.connect(self._on_saved)
        ws.about_to_reload.connect(
            lambda d: self.history.snapshot(d, QCoreApplication.translate("MainWindow", "Before reloading from disk"))
        )
        ws.reloaded.connect(
            lambda d: self.history.snapshot(d, QCoreApplication.translate("MainWindow", "Reloaded from disk"))
        )
        self.review.about_to_replace.connect(self._snapshot_before)
        self.continuation.about_to_accept.connect(
            lambda q: self._snapshot_before(q, QCoreApplication.translate("MainWindow", "Continue writing"))
        )
        self.history.failed.connect(self.messages.error)
        a["view.focus_mode"].triggered.connect(self.set_focus_mode)
        a["file.close"].triggered.connect(lambda: self._with_active(ws.close))
        a["file.quit"].triggered.connect(self.close)
        a["edit.undo"].triggered.connect(lambda: self.editor.undo())
        a["edit.redo"].triggered.connect(lambda: self.editor.redo())
        a["edit.find"].triggered.connect(lambda: self.find_bar.open(replace=False))
        a["edit.replace"].triggered.connect(lambda: self.find_bar.open(replace=True))
        a["edit.find_next"].triggered.connect(self.find_bar.find_next)
        a["edit.find_previous"].triggered.connect(self.find_bar.find_previous)
        a["edit.goto_line"].triggered.connect(self.goto_line_dialog)
        a["view.zoom_in"].triggered.connect(lambda: self.set_zoom(self.settings.get("editor/zoom", int) + 1))
        a["view.zoom_out"].triggered.connect(lambda: self.set_zoom(self.settings.get("editor/zoom", int) - 1))
        a["view.zoom_reset"].triggered.connect(lambda: self.set_zoom(0))
        a["view.word_wrap"].setChecked(self.settings.get("editor/word_wrap", bool))
        a["view.word_wrap"].toggled.connect(self.set_word_wrap)
        a["view.preview"].setChecked(self.settings.get("editor/preview", bool))
        a["view.preview"].toggled.connect(self.set_preview)
        for action_id, key in (
            ("view.summarize_pane", "summarize"),
            ("view.translate_pane", "translate"),
            ("view.chat_pane", "chat"),
        ):
            a[action_id].triggered.connect(lambda on, k=key: self._set_dock_visible(k, on))
        a["ai.continue"].triggered.connect(self.continue_writing)
        a["ai.stop"].triggered.connect(self.stop)
        a["ai.stop"].setEnabled(False)
        for action_id in REVIEW_ACTIONS:
            task = action_id.split(".", 1)[1]
            a[action_id].triggered.connect(lambda _checked=False, t=task: self.run_action(t))
        a["ai.custom_actions"].triggered.connect(self.custom_actions_dialog)
        panel = self.review_panel
        self._review_buttons = {
            "review.accept": panel.accept_button,
            "review.insert_below": panel.insert_button,
            "review.copy": panel.copy_button,
            "review.reject": panel.reject_button,
            "review.retry": panel.retry_button,
            "review.next_change": panel.next_button,
            "review.previous_change": panel.previous_button,
            "review.take_change": panel.take_button,
            "review.leave_change": panel.leave_button,
        }
        for action_id, button in self._review_buttons.items():
            a[action_id].triggered.connect(button.click)
        self.review.phase_changed.connect(self._sync_review_actions)
        self.review.decisions_changed.connect(self._sync_review_actions)
        a.shortcuts_changed.connect(self._sync_review_actions)
        self._sync_review_actions()
        a["ai.ask_chat"].triggered.connect(self.ask_chat)
        a["ai.summarize"].triggered.connect(self.summarize)
        self.review.summarize_instead.connect(self.summarize_text)
        a["model.manager"].triggered.connect(self.open_model_manager)
        a["app.settings"].triggered.connect(self.open_settings)
        if self.models is not None:
            self.models.use_model.connect(self.use_model)
            self.models.use_for_translate.connect(self.use_for_translate)
            self.models.rows_changed.connect(self._hide_first_run_if_downloaded)
        a["help.shortcuts"].triggered.connect(self.show_cheat_sheet)
        a["help.customize_shortcuts"].triggered.connect(self.show_shortcuts_editor)
        a["help.diagnostics"].triggered.connect(self.copy_diagnostics)
        a["help.about"].triggered.connect(self.about)
        # Stop is live only while the model works, so Escape reaches other widgets otherwise.
        self.client.busy_changed.connect(self._update_stop)
        # A pane counting tokens or waiting for the model has no request yet, but Stop must reach it too.
        self.summarizer.phase_changed.connect(self._update_stop)
        self.translator.phase_changed.connect(self._update_stop)

        ws.active_changed.connect(self._on_active_changed)
        for signal in (ws.active_changed, ws.encoding_changed, ws.saved, ws.reloaded):
            signal.connect(self._show_encoding)
        ws.recent_changed.connect(self._fill_recent)
        ws.document_removed.connect(self._on_document_removed)
        self.tabs.editor_created.connect(self._setup_pane)
        self.counts.changed.connect(self.counts_label.setText)
        self.client.model_loaded.connect(lambda info: self.counts.set_model_dir(info.path))
        self.review.phase_changed.connect(self._on_review_phase)
        self.continuation.phase_changed.connect(self._on_continuation_phase)
        self._fill_recent()

    def _with_active(self, action: Callable[[Document], object]) -> None:
        document = self._active()
        if document is not None:
            action(document)

    def _show_encoding(self, *_args: object) -> None:
        document = self._active()
        self.encoding_label.setText(encodings.label(document.encoding) if document is not None else "")

    def save_with_encoding(self) -> None:
        document = self._active()
        if document is None:
            return
        held = self.continuation.hold()  # the file gets the user's words, never an unaccepted suggestion
        saved = self.workspace.save_with_encoding(document)
        self.continuation.resume(held)
        if saved and held is not None:
            document.qdoc.setModified(False)  # the suggestion back in place is not a change to the saved text

    def reopen_with_encoding(self) -> None:
        document = self._active()
        if document is None:
            return
        held = self.continuation.hold()
        if not self.workspace.reopen_with_encoding(document):
            self.continuation.resume(held)  # nothing was read again: the suggestion is still where it was

    # -- documents -------------------------------------------------------------------------------------------
    def _setup_pane(self, pane: EditorPane) -> None:
        editor = pane.editor
        editor.key_interceptor = self._editor_key
        editor.input_method_interceptor = self.continuation.handle_input_method
        editor.context_actions = self._context_actions
        editor.files_dropped.connect(self.open_files)
        editor.set_zoom(self.settings.get("editor/zoom", int))
        editor.setLineWrapMode(
            Editor.LineWrapMode.WidgetWidth
            if self.settings.get("editor/word_wrap", bool)
            else Editor.LineWrapMode.NoWrap
        )
        pane.set_preview(self.settings.get("editor/preview", bool))
        pane.highlighter.set_dark(self.dark)
        pane.document.title_changed.connect(self._update_title)
        editor.textChanged.connect(self._on_editor_text)
        editor.selectionChanged.connect(self._on_editor_selection)

    def _on_active_changed(self, document: Document | None) -> None:
        if self.continuation.active:
            self.continuation.settle(accept=True)
        self.counts.watch(self.current_editor())
        self.outline.watch(self.current_editor())
        self.history_panel.refresh()
        self._update_title()
        self._source_timer.start()

    def _on_document_removed(self, _document: Document) -> None:
        if not self.workspace.documents:
            QTimer.singleShot(0, self._ensure_a_document)

    def _ensure_a_document(self) -> None:
        if not self.workspace.documents:
            self.workspace.new()

    def _update_title(self) -> None:
        document = self._active()
        title = document.title if document is not None else QCoreApplication.translate("MainWindow", "Untitled")
        self.setWindowTitle(f"{title}[*] — {APP_NAME}")
        self.setWindowModified(bool(document and document.modified))

    def open_files(self, paths: list[Path]) -> None:
        for path in paths:
            self.workspace.open(path)

    def open_file(self, path: Path) -> None:
        self.workspace.open(path)

    def open_dialog(self) -> None:
        start = str(self._active().path.parent) if self._active() and self._active().path else ""  # type: ignore[union-attr]
        names, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("MainWindow", "Open"),
            start,
            QCoreApplication.translate("MainWindow", "Markdown and text (*.md *.markdown *.txt);;All files (*)"),
        )
        self.open_files([Path(n) for n in names])

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Import Word Document"),
            "",
            QCoreApplication.translate("MainWindow", "Word documents (*.docx)"),
        )
        if name:
            self.workspace.open(Path(name))

    def export_dialog(self) -> None:
        document = self._active()
        if document is None:
            return
        base = document.path.with_suffix("") if document.path else Path.home() / document.title
        filters = ";;".join(QCoreApplication.translate("MainWindow", f) for f in FORMATS.values())
        name, chosen = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("MainWindow", "Export"), str(base), filters
        )
        if not name:
            return
        kind = next(
            (k for k, f in FORMATS.items() if QCoreApplication.translate("MainWindow", f) == chosen),
            Path(name).suffix.lstrip(".") or "md",
        )
        path = Path(name) if Path(name).suffix else Path(name).with_suffix("." + kind)
        self.export_to(document, path, kind)

    def export_to(self, document: Document, path: Path, kind: str) -> None:
        """Write the document as `kind` in the background; `exported` and a notice say how it went. Laying out a
        long document for HTML or PDF and building a Word file hold the GIL, so the text-services process does it."""
        if self._exports is None:
            self._exports = BackgroundRunner("export", self)
        text, title, services = document.text, document.title, self.services
        self._exports.call(
            lambda: services.run(export_document, text, path, kind, title),
            lambda _none: self._on_exported(path, None),
            lambda exc: self._on_exported(path, exc),
        )

    def _on_exported(self, path: Path, error: BaseException | None) -> None:
        if isinstance(error, TextFileError):
            self.messages.error(file_error_text(error))
        elif error is not None:
            self.messages.error(
                QCoreApplication.translate(
                    "MainWindow", "{name} could not be exported ({error}). Your text is safe."
                ).format(name=path.name, error=error)
            )
        else:
            self.messages.info(QCoreApplication.translate("MainWindow", "Exported to {path}.").format(path=path))
        self.exported.emit(path, error is None)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.workspace.recent()
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.workspace.open(p))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(
                QCoreApplication.translate("MainWindow", "Clear Recent Files"), self.workspace.clear_recent
            )
        self.recent_menu.setEnabled(bool(recent))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_files(files)

    # -- editing comforts ------------------------------------------------------------------------------------
    def goto_line_dialog(self) -> None:
        editor = self.editor
        lines = editor.document().blockCount()
        line, ok = QInputDialog.getInt(
            self,
            QCoreApplication.translate("MainWindow", "Go to Line"),
            QCoreApplication.translate("MainWindow", "Line (1–{n}):").format(n=lines),
            editor.textCursor().blockNumber() + 1,
            1,
            lines,
        )
        if ok:
            self.goto_line(line)

    def goto_line(self, line: int) -> None:
        editor = self.editor
        block = editor.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        editor.setTextCursor(cursor)
        editor.centerCursor()
        editor.setFocus()

    def set_zoom(self, steps: int) -> None:
        steps = max(-6, min(12, steps))
        self.settings.set("editor/zoom", steps)
        for pane in self.tabs.panes():
            pane.editor.set_zoom(steps)

    def print_document(self) -> None:
        document = self._active()
        if document is None:
            return
        opener = self.open_print_preview
        if opener is None:
            from app.ui.printing import print_with_preview

            opener = print_with_preview
        opener(document.text, document.title, self)

    def set_outline_visible(self, visible: bool) -> None:
        self._set_side_dock(self.outline_dock, self.outline, visible)

    def set_history_visible(self, visible: bool) -> None:
        self._set_side_dock(self.history_dock, self.history_panel.versions, visible)

    def _set_side_dock(self, dock: QDockWidget, keyboard: QWidget, visible: bool) -> None:
        """Like the panes: opening moves the keyboard into the dock, closing gives it back to the editor."""
        dock.setVisible(visible)
        if visible:
            keyboard.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif (editor := self.current_editor()) is not None:
            editor.setFocus()

    def _on_saved(self, document: Document, before: Path | None) -> None:
        if before != document.path:  # first saved, or saved under a new name: its history goes with it
            self.history.renamed(document_key(before, document.id), document)
        self.history.snapshot(document, QCoreApplication.translate("MainWindow", "Saved"))

    def _before_pane_edit(self) -> None:
        """A pane is about to put text into the document (Insert, Replace): settle a continuation, keep a version."""
        self.continuation.settle(accept=True)
        document = self._active()
        if document is not None:
            self.history.snapshot(
                document, QCoreApplication.translate("MainWindow", "Before a pane's insert or replace")
            )

    def _snapshot_before(self, qdoc: QTextDocument, label: str) -> None:
        document = next((d for d in self.workspace.documents if d.qdoc is qdoc), None)
        if document is not None:
            self.history.snapshot(
                document, QCoreApplication.translate("MainWindow", "Before {action}").format(action=label)
            )

    def set_focus_mode(self, on: bool) -> None:
        """Distraction-free: full screen, only the text. What it hid comes back as it was."""
        if on and not self._focus_mode_hidden:
            bars: list[QWidget] = [self.menuBar(), self.statusBar(), self.outline_dock, *self.docks.values()]
            self._focus_mode_hidden = [w for w in bars if w.isVisible()]
            for widget in self._focus_mode_hidden:
                widget.hide()
            self.showFullScreen()
        elif not on:
            for widget in self._focus_mode_hidden:
                widget.show()
            self._focus_mode_hidden = []
            self.showNormal()
        self.commands["view.focus_mode"].setChecked(on)
        if (editor := self.current_editor()) is not None:
            editor.setFocus()

    def set_word_wrap(self, on: bool) -> None:
        self.settings.set("editor/word_wrap", on)
        mode = Editor.LineWrapMode.WidgetWidth if on else Editor.LineWrapMode.NoWrap
        for pane in self.tabs.panes():
            pane.editor.setLineWrapMode(mode)

    def set_preview(self, on: bool) -> None:
        self.settings.set("editor/preview", on)
        self.tabs.set_preview_visible(on)

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.tabs.set_dark(dark)
        self.review_panel.set_dark(dark)

    # -- AI --------------------------------------------------------------------------------------------------
    def _editor_key(self, event: QKeyEvent) -> bool:
        if self.continuation.handle_key(event):
            return True
        if event.key() == Qt.Key.Key_Escape and self.review.phase in (Phase.READY, Phase.STOPPED, Phase.FAILED):
            self.review.reject()
            return True
        return False

    def _context_actions(self) -> list[object]:
        menu = QMenu(QCoreApplication.translate("MainWindow", "AI"), self)
        for action_id in ("ai.continue", *REVIEW_ACTIONS, *self._custom_ids, "ai.summarize", "ai.ask_chat"):
            menu.addAction(self.commands[action_id])
        return [menu]

    def continue_writing(self) -> None:
        self.review.reject()
        self.continuation.start(self.editor)

    def run_action(self, task: str, custom: CustomAction | None = None) -> None:
        self.continuation.settle(accept=True)
        self.review.start(task, self.editor.textCursor(), custom)

    def stop(self) -> None:
        self.summarizer.stop()
        self.translator.stop()
        self.client.cancel_all()

    def _update_stop(self) -> None:
        self.commands["ai.stop"].setEnabled(self.client.busy or self.summarizer.running or self.translator.running)

    def _sync_review_actions(self, *_args: object) -> None:
        """The review keys work exactly when their button could be clicked; the buttons' tips show the keys."""
        for action_id, button in self._review_buttons.items():
            action = self.commands[action_id]
            action.setEnabled(self.review_panel.isVisibleTo(self) and not button.isHidden() and button.isEnabled())
            button.setToolTip(action.toolTip())

    def _on_continuation_phase(self, phase: object) -> None:
        from app.ui.editor.continue_writing import Phase as ContinuePhase

        # The editor has no panel of its own: say in the status bar that its request waits its turn.
        if phase is ContinuePhase.WAITING:
            other = next((h.request.source for h in self.client.active_handles() if h.request.source != "editor"), "")
            self.status.state.setText(
                QCoreApplication.translate(
                    "MainWindow", "Continue writing waits: the model is busy with {task}…"
                ).format(task=_source_name(other))
                if other
                else QCoreApplication.translate("MainWindow", "Continue writing: waiting for the model…")
            )
        elif phase is ContinuePhase.WRITING:
            self.status.state.setText(QCoreApplication.translate("MainWindow", "Generating…"))

    def _on_review_phase(self, phase: Phase) -> None:
        if phase is Phase.IDLE:
            editor = self.current_editor()
            if editor is not None:
                editor.setFocus()

    def _ask_long_selection(self, tokens: int, budget: int) -> LongSelectionChoice:
        box = QMessageBox(self)
        box.setWindowTitle(APP_NAME)
        box.setText(
            QCoreApplication.translate("MainWindow", "The selection is too long for the model to rewrite at once.")
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "MainWindow",
                "It has about {tokens:,} tokens; the model can take about {budget:,} at a time. Inkwell can work on "
                "it paragraph by paragraph, or summarize it instead.",
            ).format(tokens=tokens, budget=budget)
        )
        parts = box.addButton(
            QCoreApplication.translate("MainWindow", "Work in &Parts"), QMessageBox.ButtonRole.AcceptRole
        )
        summary = box.addButton(
            QCoreApplication.translate("MainWindow", "&Summarize Instead"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is parts:
            return LongSelectionChoice.IN_PARTS
        if clicked is summary:
            return LongSelectionChoice.SUMMARIZE
        return LongSelectionChoice.CANCEL

    # -- custom actions --------------------------------------------------------------------------------------
    def _load_custom_actions(self) -> None:
        for action_id in self._custom_ids:
            self.ai_menu.removeAction(self.commands[action_id])
            self.commands.remove(action_id)
        self._custom_ids = []
        for stored in custom_actions.load(self.settings):
            action_id = f"custom.{stored.id}"
            action = self.commands.add(
                action_id,
                stored.name,
                parse_portable(stored.shortcut),
                "editor",
                QCoreApplication.translate("MainWindow", "Your action: {name}").format(name=stored.name),
            )
            custom = CustomAction(stored.name, stored.template)
            action.triggered.connect(lambda _checked=False, c=custom: self.run_action("custom", c))
            self.ai_menu.insertAction(self.custom_separator, action)
            self._custom_ids.append(action_id)

    def custom_actions_dialog(self) -> None:
        dialog = CustomActionsDialog(custom_actions.load(self.settings), self, taken=self._shortcut_owner)
        if dialog.exec():
            custom_actions.save(self.settings, dialog.items)
            self._load_custom_actions()

    def _shortcut_owner(self, key: QKeySequence) -> str | None:
        """The app action (not a custom one: the dialog checks those) that a custom action's key would clash with."""
        for action_id in self.commands.ids():
            if action_id.startswith("custom."):
                continue
            if scopes_overlap("editor", self.commands.scope(action_id)) and key in self.commands.sequences(action_id):
                return plain_text(self.commands[action_id].text())
        return None

    # -- models and settings ---------------------------------------------------------------------------------
    def open_model_manager(self) -> None:
        if self.models is None:
            return
        if self._model_dialog is None:
            from app.ui.dialogs.model_manager import ModelManagerDialog

            self._model_dialog = ModelManagerDialog(self.models, self)
        self.models.set_current(
            self.settings.get("model/ref", str), self.settings.get("model/translate_ref", str) or None
        )
        self.models.refresh()
        self._model_dialog.show()
        self._model_dialog.raise_()
        self._model_dialog.activateWindow()

    def use_model(self, spec: ModelSpec) -> None:
        """From the model manager: this model for everything (device and precision stay as set)."""
        self.settings.set("model/backend", "local")
        self.settings.set("model/ref", spec.ref)  # the composition root reloads in the background

    def use_for_translate(self, spec: ModelSpec) -> None:
        self.settings.set("model/translate_ref", spec.ref)
        self.messages.info(
            QCoreApplication.translate(
                "MainWindow", "Translations will use {name}; it is loaded when a translation starts."
            ).format(name=spec.ref or "SmolLM2-135M-Instruct")
        )

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.secrets, self.paths, self.client.info, self)
        dialog.open_model_manager.connect(self.open_model_manager)
        dialog.open_shortcuts.connect(self.show_shortcuts_editor)
        dialog.exec()

    def _first_run_download(self, repo_id: str) -> None:
        self.settings.set(NOTICE_DONE_KEY, True)
        self.open_model_manager()
        if self._model_dialog is not None:
            self._model_dialog.start_download(repo_id)  # type: ignore[attr-defined]
        self._close_first_run()

    def _first_run_dismissed(self) -> None:
        self.settings.set(NOTICE_DONE_KEY, True)
        self._close_first_run()

    def _hide_first_run_if_downloaded(self) -> None:
        """A usable downloaded model means the user has gone past the built-in one: the notice has done its job."""
        models = self.models
        if (
            self.first_run is not None
            and models is not None
            and any(row.kind != "embedded" and row.repo_id and row.usable for row in models.rows)
        ):
            self._close_first_run()

    def _close_first_run(self) -> None:
        if self.first_run is not None:
            self.first_run.hide()
            self.first_run.deleteLater()
            self.first_run = None

    # -- help ------------------------------------------------------------------------------------------------
    def show_cheat_sheet(self) -> None:
        sheet = CheatSheet(self.commands, self)

        def customize() -> None:
            sheet.accept()
            self.show_shortcuts_editor()

        sheet.customize.clicked.connect(customize)
        sheet.show()

    def show_shortcuts_editor(self) -> None:
        ShortcutsDialog(self.commands, self).exec()

    def copy_diagnostics(self) -> None:
        from app.diagnostics import diagnostics_text  # importlib.metadata: slow to load, needed only here

        QGuiApplication.clipboard().setText(diagnostics_text(self.paths, self.client.info))
        self.messages.info(QCoreApplication.translate("MainWindow", "Diagnostics copied to the clipboard."))

    def about(self) -> None:
        from app.ui.dialogs.about import AboutDialog

        self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    # -- start and close -------------------------------------------------------------------------------------
    def restore_session(self, files: list[Path] | None = None) -> None:
        """Reopen the last session's documents and layout, offer crash recovery, then open `files`."""
        state = session.load(self.settings)
        if state.geometry:
            self.restoreGeometry(QByteArray(base64.b64decode(state.geometry)))
        if state.layout:
            self.restoreState(QByteArray(base64.b64decode(state.layout)))
        for entry in state.documents:
            if Path(entry.path).exists():
                self.workspace.open(Path(entry.path))
        self._pending_cursors.update({str(Path(e.path).resolve()): e.cursor for e in state.documents})
        self._session_left = {str(Path(e.path).resolve()) for e in state.documents if Path(e.path).exists()}
        active = state.documents[state.active].path if 0 <= state.active < len(state.documents) else ""
        self._session_active = str(Path(active).resolve()) if active else ""
        self.workspace.opened.connect(self._restore_cursor)
        self.recover()
        for path in files or []:
            self.workspace.open(path)
        if not self.workspace.documents:
            self.workspace.new()

    def _restore_cursor(self, document: Document) -> None:
        if document.path is None:
            return
        key = str(document.path.resolve())
        position = self._pending_cursors.pop(key, None)
        if key in self._session_left:
            self._session_left.discard(key)
            if not self._session_left and self._session_active:
                # Every document of the last session is back: show the one that was active then.
                chosen = self.workspace.find(Path(self._session_active))
                self._session_active = ""
                if chosen is not None:
                    self.workspace.set_active(chosen)
        if position is not None:
            self._place_cursor(document, position)

    def _place_cursor(self, document: Document, position: int) -> None:
        if document.loading:  # a long text still going in: once it is all there
            document.loading_changed.connect(lambda _loading: self._place_cursor(document, position))
            return
        pane = self.tabs.pane_for(document)
        if pane is not None:
            cursor = pane.editor.textCursor()
            cursor.setPosition(max(0, min(position, document.qdoc.characterCount() - 1)))
            pane.editor.setTextCursor(cursor)
            pane.editor.centerCursor()

    def recover(self) -> None:
        records = recovery.recoverable(self.paths.data / "recovery")
        if not records:
            return
        chosen = self.ask_recovery(records)
        if chosen is None:
            return
        for record in chosen:
            path = Path(record.path) if record.path else None
            endings = unpack(record.endings, record.dominant_ending)
            document = Document(
                record.text, path if path and path.exists() else None, record.encoding, endings, modified=True
            )
            self.workspace.add(document)
            self._place_cursor(document, record.cursor)  # back where the writer was
        recovery.discard_orphans(self.paths.data / "recovery")
        if chosen:
            self.messages.info(
                QCoreApplication.translate("MainWindow", "Restored {n} document(s). Save them to keep them.").format(
                    n=len(chosen)
                )
            )

    def session_state(self, active_document: Document | None = None) -> session.SessionState:
        """The session to save; `active_document` (default: the current tab's) is the one to show first next time."""
        documents: list[session.OpenDocument] = []
        current = active_document if active_document is not None else self.workspace.active
        # The index among the saved documents, not the tab's: untitled tabs are not saved, so tab indexes shift.
        active = -1
        for pane in self.tabs.panes():
            if pane.document.path is not None:
                if pane.document is current:
                    active = len(documents)
                documents.append(session.OpenDocument(str(pane.document.path), pane.editor.textCursor().position()))
        return session.SessionState(
            documents,
            active,
            base64.b64encode(bytes(self.saveGeometry().data())).decode(),
            base64.b64encode(bytes(self.saveState().data())).decode(),
            self.settings.get("editor/preview", bool),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        # Cancel must leave an unaccepted continuation and a review as they were, and Save must never write the
        # continuation's pending text into the file. So the pending text is taken out of its document before the
        # questions (Save then writes only the user's words, and a document that only the suggestion changed asks
        # nothing) and put back, pending again, on Cancel; its model run stops, since what is asked about must not
        # change under the question. A review's text is not in the document: it is left alone until the window
        # really closes. Settling first (as before) lost both on Cancel; settling after the questions would let
        # Save write the pending text, and close_all's tab switching would accept it.
        previous = self.workspace.active
        held = self.continuation.hold()
        if not self.workspace.close_all():
            if held is not None:
                self.workspace.set_active(previous)  # the tab the suggestion is in, before it is shown again
                self.continuation.resume(held)
            event.ignore()
            return
        self.review.reject()
        # close_all showed each changed document as it asked; the one the user was in is the session's active one.
        session.save(self.settings, self.session_state(previous))
        self.autosave.shutdown(clean=True)
        self.counts.shutdown()
        self.shutdown_panes()
        if self._on_close is not None:
            self._on_close()
        event.accept()
