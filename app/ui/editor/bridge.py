"""What the task panes may do to the active document, without knowing about tabs or widgets.

The main window hands each pane an EditorBridge that follows the active tab. Every change a pane makes is a
single undo step in that document.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit


class EditorBridge(Protocol):
    def selected_text(self) -> str:
        """The selection as plain text ("" when nothing is selected); paragraph separators become newlines."""
        ...

    def document_text(self) -> str: ...

    def document_length(self) -> int:
        """Characters in the document, without copying its text (a 5 MB copy takes ~20 ms of the GUI thread)."""
        ...

    def has_selection(self) -> bool: ...

    def replace_selection(self, text: str) -> bool:
        """Replace the selection (one undo step); False when there is no selection."""
        ...

    def insert_at_cursor(self, text: str) -> None:
        """Insert at the cursor (one undo step)."""
        ...

    def select_range(self, start: int, end: int) -> None:
        """Select characters [start, end) of the document and show them."""
        ...


class PlainTextEditBridge:
    """EditorBridge over one QPlainTextEdit (the main window's bridge delegates to the active tab's)."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        self.editor = editor

    def selected_text(self) -> str:
        return self.editor.textCursor().selectedText().replace("\u2029", "\n")

    def document_text(self) -> str:
        return self.editor.toPlainText()

    def document_length(self) -> int:
        return max(0, self.editor.document().characterCount() - 1)  # Qt counts a final paragraph separator

    def has_selection(self) -> bool:
        return self.editor.textCursor().hasSelection()

    def replace_selection(self, text: str) -> bool:
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return False
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        return True

    def insert_at_cursor(self, text: str) -> None:
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)

    def select_range(self, start: int, end: int) -> None:
        length = len(self.editor.toPlainText())
        cursor = self.editor.textCursor()
        cursor.setPosition(max(0, min(start, length)))
        cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
