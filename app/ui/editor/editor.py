"""The text editor widget: plain text (Markdown is plain text), comfortable defaults."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class Editor(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self.setAccessibleName(QCoreApplication.translate("Editor", "Document text"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 11.0) + 1)
        font.setStyleHint(QFont.StyleHint.Serif)
        self.setFont(font)
        self.document().setDocumentMargin(24)
        # Changing the margin marks the document modified; a fresh editor has nothing to save.
        self.document().setModified(False)
        self.setPlaceholderText(
            QCoreApplication.translate(
                "Editor", "Start writing. Press Ctrl+Enter and the model continues from the cursor."
            )
        )
