"""The outline: the document's Markdown headings as a list; activating one moves the cursor there."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# An outline of a huge text would cost the GUI thread a regex pass over all of it on every pause in typing.
MAX_OUTLINE_CHARS = 2_000_000


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    position: int  # character offset of the heading's line in the text


def headings(text: str) -> list[Heading]:
    """ATX headings ("## Title"), not those inside fenced code blocks."""
    found: list[Heading] = []
    fence = ""
    position = 0
    for line in text.split("\n"):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = ""
        elif opener:
            fence = opener.group(1)
        else:
            match = _HEADING.match(line)
            if match:
                found.append(Heading(len(match.group(1)), match.group(2).strip(), position))
        position += len(line) + 1
    return found


class OutlineView(QListWidget):
    """Headings of the active editor's document, indented by level, refreshed while it is shown."""

    jumped = Signal(int)  # the position the cursor moved to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("Outline", "Outline of the document's headings"))
        self._editor: QPlainTextEdit | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh)
        self.itemActivated.connect(self._jump)
        self.itemClicked.connect(self._jump)

    def watch(self, editor: QPlainTextEdit | None) -> None:
        if self._editor is not None:
            self._editor.textChanged.disconnect(self._schedule)
        self._editor = editor
        if editor is not None:
            editor.textChanged.connect(self._schedule)
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _schedule(self) -> None:
        if self.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        self.clear()
        editor = self._editor
        if editor is None:
            return
        if editor.document().characterCount() > MAX_OUTLINE_CHARS:
            self.addItem(QCoreApplication.translate("Outline", "This document is too long for an outline."))
            return
        found = headings(editor.toPlainText())
        if not found:
            self.addItem(QCoreApplication.translate("Outline", "No headings yet: lines starting with # appear here."))
            return
        for heading in found:
            item = QListWidgetItem("    " * (heading.level - 1) + heading.title)
            item.setData(Qt.ItemDataRole.UserRole, heading.position)
            self.addItem(item)

    def _jump(self, item: QListWidgetItem) -> None:
        position = item.data(Qt.ItemDataRole.UserRole)
        editor = self._editor
        if editor is None or not isinstance(position, int):
            return
        cursor = editor.textCursor()
        cursor.setPosition(min(position, editor.document().characterCount() - 1))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        editor.setTextCursor(cursor)
        editor.centerCursor()
        editor.setFocus()
        self.jumped.emit(position)
