"""The text editor widget: plain text (Markdown is plain text) with comfortable defaults.

Controllers plug in without subclassing: a key interceptor (continue-writing's Tab/Esc while text is pending),
extra context-menu actions (the AI actions), and dropped files go to the window to open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.ui.fonts import with_cjk_fallback

BASE_POINT_SIZE = 12.0  # the text's size at zoom 0, unless the system's font asks for larger
# Prose reads better a little larger than the menus; a larger system font (low vision) enlarges the text with it.
LARGER_THAN_SYSTEM = 3.0


class Editor(QPlainTextEdit):
    files_dropped = Signal(list)  # list[Path]
    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The text's owner, when there is one (app/ui/editor/document.py): it can give the text without a copy.
        self.text_source: Callable[[], str] = self.toPlainText
        self.setObjectName("editor")
        self.setAccessibleName(QCoreApplication.translate("Editor", "Document text"))
        # The placeholder that explains the model's part is gone once there is text; a screen reader keeps this.
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "Editor",
                "The model continues your text from the cursor (AI menu, Continue Writing). Its text stays in "
                "italics until Tab keeps it or Escape discards it.",
            )
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        self.base_point_size = max(BASE_POINT_SIZE, font.pointSizeF() + LARGER_THAN_SYSTEM)
        font.setPointSizeF(self.base_point_size)
        font.setStyleHint(QFont.StyleHint.Serif)
        self.setFont(with_cjk_fallback(font))
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontChanged.connect(self._follow_system_font)
        self.document().setDocumentMargin(24)
        # Changing the margin marks the document modified; a fresh editor has nothing to save.
        self.document().setModified(False)
        self.setPlaceholderText(
            QCoreApplication.translate(
                "Editor", "Start writing. Press Ctrl+Enter and the model continues from the cursor."
            )
        )
        self.zoom_steps = 0
        self.key_interceptor: Callable[[QKeyEvent], bool] | None = None
        self.input_method_interceptor: Callable[[QInputMethodEvent], None] | None = None
        self.context_actions: Callable[[], list[object]] | None = None

    def use_document(self, qdoc: QTextDocument) -> None:
        modified = qdoc.isModified()
        self.setDocument(qdoc)
        qdoc.setDocumentMargin(24)
        qdoc.setModified(modified)  # a margin is not a change to the user's text

    # -- keys and menus --------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_interceptor is not None and self.key_interceptor(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        # An input method's composition (pinyin, kana...) is typing that arrives without key events: the
        # interceptor sees it before the composition reaches the document.
        if self.input_method_interceptor is not None and (event.preeditString() or event.commitString()):
            self.input_method_interceptor(event)
        super().inputMethodEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        extra = self.context_actions() if self.context_actions is not None else []
        if extra:
            menu.insertSeparator(menu.actions()[0])
            for item in reversed(extra):
                if hasattr(item, "menuAction"):
                    menu.insertMenu(menu.actions()[0], item)  # type: ignore[arg-type]
                else:
                    menu.insertAction(menu.actions()[0], item)  # type: ignore[arg-type]
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- zoom ------------------------------------------------------------------------------------------------
    def _follow_system_font(self, font: QFont) -> None:
        # The user changed the system font while the app runs: the size set above would otherwise stay as it was.
        self.base_point_size = max(BASE_POINT_SIZE, font.pointSizeF() + LARGER_THAN_SYSTEM)
        self.set_zoom(self.zoom_steps)

    def set_zoom(self, steps: int) -> None:
        steps = max(-6, min(12, steps))
        font = self.font()
        font.setPointSizeF(max(6.0, self.base_point_size + steps))
        self.setFont(font)
        if steps != self.zoom_steps:
            self.zoom_steps = steps
            self.zoom_changed.emit(steps)

    # -- drag and drop of files ------------------------------------------------------------------------------
    def _local_files(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if self._local_files(event):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._local_files(event)
        if files:
            # A dropped file is opened, not pasted in as its path.
            event.acceptProposedAction()
            self.files_dropped.emit(files)
            return
        super().dropEvent(event)
