"""The main window: layout and menus, wired to controllers. No model logic lives here."""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.diagnostics import diagnostics_text
from app.paths import AppPaths
from app.resources import resource_path
from app.store.settings import Settings
from app.store.textfile import TextFileError, read_text, write_text_atomic
from app.ui.actions import ActionRegistry
from app.ui.editor.continue_writing import ContinueWriting
from app.ui.editor.editor import Editor
from app.ui.messages import MessageCenter
from app.ui.notice_bar import NoticeBar
from app.ui.status_bar import ModelStatusView
from app.worker.client import ModelClient


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class UnsavedChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


TEXT_FILTER = "Text and Markdown (*.md *.markdown *.txt);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(
        self,
        client: ModelClient,
        settings: Settings,
        messages: MessageCenter,
        paths: AppPaths,
        on_close: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.client = client
        self.settings = settings
        self.messages = messages
        self.paths = paths
        self._on_close = on_close
        self.path: Path | None = None
        self._encoding = "utf-8"
        # Replaced in tests; asks Save / Discard / Cancel when closing over unsaved text.
        self.ask_unsaved: Callable[[], UnsavedChoice] = self._ask_unsaved

        self.setObjectName("mainWindow")
        self.setWindowIcon(QIcon(str(resource_path("icons", "inkwell.svg"))))
        self.resize(1100, 760)

        self.editor = Editor()
        self.notice_bar = NoticeBar(messages)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice_bar)
        layout.addWidget(self.editor, 1)
        self.setCentralWidget(central)

        # Slots for the task panes; each pane issue fills its dock.
        self.docks: dict[str, QDockWidget] = {}
        for key, title in (("summarize", _tr("Summarize")), ("translate", _tr("Translate")), ("chat", _tr("Chat"))):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock.{key}")
            dock.hide()
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.docks[key] = dock

        self.commands = ActionRegistry(self, self.editor)
        self.continuation = ContinueWriting(
            self.editor.document(), client, messages, settings.continue_sampling, parent=self
        )
        self.status = ModelStatusView(self.statusBar(), client)
        self._build_menus()
        self._connect()
        self.editor.document().modificationChanged.connect(self.setWindowModified)
        self._update_title()

    # -- layout ----------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.commands
        file_menu = self.menuBar().addMenu(_tr("&File"))
        for action_id in ("file.open", "file.save", "file.save_as"):
            file_menu.addAction(a[action_id])
        file_menu.addSeparator()
        file_menu.addAction(a["file.quit"])
        edit_menu = self.menuBar().addMenu(_tr("&Edit"))
        undo = edit_menu.addAction(_tr("&Undo"), self.editor.undo)
        undo.setShortcut("Ctrl+Z")
        undo.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        redo = edit_menu.addAction(_tr("&Redo"), self.editor.redo)
        redo.setShortcut("Ctrl+Shift+Z")
        redo.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        # The editor handles the keys itself; the menu shows them and follows what can be undone.
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.editor.undoAvailable.connect(undo.setEnabled)
        self.editor.redoAvailable.connect(redo.setEnabled)
        ai_menu = self.menuBar().addMenu(_tr("&AI"))
        ai_menu.addAction(a["ai.continue"])
        ai_menu.addAction(a["ai.stop"])
        help_menu = self.menuBar().addMenu(_tr("&Help"))
        help_menu.addAction(a["help.diagnostics"])
        help_menu.addAction(a["help.about"])

    def _connect(self) -> None:
        a = self.commands
        a["file.open"].triggered.connect(self.open_dialog)
        a["file.save"].triggered.connect(self.save)
        a["file.save_as"].triggered.connect(self.save_as)
        a["file.quit"].triggered.connect(self.close)
        a["ai.continue"].triggered.connect(self.continue_writing)
        a["ai.stop"].triggered.connect(self.stop)
        a["ai.stop"].setEnabled(False)
        a["help.diagnostics"].triggered.connect(self.copy_diagnostics)
        a["help.about"].triggered.connect(self.about)
        # Disabled when idle, so Escape reaches other widgets then.
        self.client.busy_changed.connect(a["ai.stop"].setEnabled)

    # -- AI --------------------------------------------------------------------------------------------------
    def continue_writing(self) -> None:
        self.continuation.start(self.editor.textCursor().position())

    def stop(self) -> None:
        self.client.cancel_all()

    # -- files -----------------------------------------------------------------------------------------------
    def _update_title(self) -> None:
        name = self.path.name if self.path else _tr("Untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    def open_file(self, path: Path) -> bool:
        try:
            loaded = read_text(path)
        except TextFileError as exc:
            self.messages.error(str(exc))
            return False
        self.editor.setPlainText(loaded.text)
        self.editor.document().setModified(False)
        self.path, self._encoding = path, loaded.encoding
        self._update_title()
        return True

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, _tr("Open"), str(self.path.parent if self.path else ""), TEXT_FILTER
        )
        if name:
            self.open_file(Path(name))

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(self, _tr("Save As"), str(self.path or "untitled.md"), TEXT_FILTER)
        return bool(name) and self._write(Path(name))

    def _write(self, path: Path) -> bool:
        try:
            write_text_atomic(path, self.editor.toPlainText(), self._encoding)
        except TextFileError as exc:
            self.messages.error(str(exc))
            return False
        self.path = path
        self.editor.document().setModified(False)
        self._update_title()
        return True

    # -- help ------------------------------------------------------------------------------------------------
    def copy_diagnostics(self) -> None:
        QGuiApplication.clipboard().setText(diagnostics_text(self.paths, self.client.info))
        self.messages.info(_tr("Diagnostics copied to the clipboard."))

    def about(self) -> None:
        QMessageBox.about(
            self,
            _tr("About Inkwell"),
            _tr("{app} {version}\nA local-first AI writing desk. Your text stays on this computer.").format(
                app=APP_NAME, version=__version__
            ),
        )

    # -- closing ---------------------------------------------------------------------------------------------
    def _ask_unsaved(self) -> UnsavedChoice:
        answer = QMessageBox.question(
            self,
            APP_NAME,
            _tr("Save the changes to {name} before closing?").format(
                name=self.path.name if self.path else _tr("Untitled")
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return {
            QMessageBox.StandardButton.Save: UnsavedChoice.SAVE,
            QMessageBox.StandardButton.Discard: UnsavedChoice.DISCARD,
        }.get(answer, UnsavedChoice.CANCEL)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor.document().isModified():
            choice = self.ask_unsaved()
            if choice is UnsavedChoice.CANCEL or (choice is UnsavedChoice.SAVE and not self.save()):
                event.ignore()
                return
        if self._on_close is not None:
            self._on_close()
        event.accept()
