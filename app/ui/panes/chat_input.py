"""The chat's message box: Enter sends, Shift+Enter starts a new line, Up in an empty box recalls the last
message, Esc stops (or leaves editing). It grows with its text up to a few lines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget

MAX_LINES = 8


class ChatInput(QPlainTextEdit):
    submitted = Signal()
    recall_requested = Signal()
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatInput")
        self.setAccessibleName(QCoreApplication.translate("ChatInput", "Message"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "ChatInput",
                "Enter sends the message; Shift+Enter starts a new line; Up in an empty box brings back your last "
                "message.",
            )
        )
        self.setPlaceholderText(
            QCoreApplication.translate("ChatInput", "Message the model — Enter sends, Shift+Enter adds a line")
        )
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().contentsChanged.connect(self._fit_height)
        self._fit_height()

    def _line_height(self) -> int:
        return self.fontMetrics().lineSpacing()

    def _fit_height(self) -> None:
        lines = max(1, min(MAX_LINES, int(self.document().size().height())))
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(lines * self._line_height() + frame + 4)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers == Qt.KeyboardModifier.NoModifier:
            event.accept()
            self.submitted.emit()
            return
        if key == Qt.Key.Key_Up and modifiers == Qt.KeyboardModifier.NoModifier and not self.toPlainText():
            event.accept()
            self.recall_requested.emit()
            return
        if key == Qt.Key.Key_Escape:
            event.accept()
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)
