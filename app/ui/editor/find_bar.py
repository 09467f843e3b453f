"""The find / replace bar under the editor: search as you type, next/previous, replace, replace all (one undo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.ui.editor.search import Query, SearchError, find_all, next_match, replacement_for


def _qt_pos(text: str, index: int) -> int:
    """Qt positions count UTF-16 code units; Python indexes count code points (an emoji is 2 vs 1)."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def _py_index(text: str, position: int) -> int:
    index = units = 0
    while index < len(text) and units < position:
        units += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, editor_provider: Callable[[], QPlainTextEdit | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor_provider
        self.setObjectName("findBar")
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(QCoreApplication.translate("FindBar", "Find"))
        self.find_field.setAccessibleName(QCoreApplication.translate("FindBar", "Find text"))
        self.replace_field = QLineEdit()
        self.replace_field.setPlaceholderText(QCoreApplication.translate("FindBar", "Replace with"))
        self.replace_field.setAccessibleName(QCoreApplication.translate("FindBar", "Replacement text"))
        self.regex = QCheckBox(QCoreApplication.translate("FindBar", "Regex"))
        self.whole_word = QCheckBox(QCoreApplication.translate("FindBar", "Whole word"))
        self.case = QCheckBox(QCoreApplication.translate("FindBar", "Match case"))
        self.status = QLabel()
        self.status.setAccessibleName(QCoreApplication.translate("FindBar", "Search result"))
        previous_button = QPushButton(QCoreApplication.translate("FindBar", "Previous"))
        next_button = QPushButton(QCoreApplication.translate("FindBar", "Next"))
        replace_button = QPushButton(QCoreApplication.translate("FindBar", "Replace"))
        replace_all_button = QPushButton(QCoreApplication.translate("FindBar", "Replace All"))
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName(QCoreApplication.translate("FindBar", "Close find bar"))
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.find_field, 0, 0)
        layout.addWidget(previous_button, 0, 1)
        layout.addWidget(next_button, 0, 2)
        layout.addWidget(self.regex, 0, 3)
        layout.addWidget(self.whole_word, 0, 4)
        layout.addWidget(self.case, 0, 5)
        layout.addWidget(close, 0, 6)
        layout.addWidget(self.replace_field, 1, 0)
        layout.addWidget(replace_button, 1, 1)
        layout.addWidget(replace_all_button, 1, 2)
        layout.addWidget(self.status, 1, 3, 1, 4)
        layout.setColumnStretch(0, 1)
        self.find_field.textChanged.connect(lambda _text: self.find_next(from_selection_start=True))
        self.find_field.returnPressed.connect(self.find_next)
        self.replace_field.returnPressed.connect(self.replace_one)
        for box in (self.regex, self.whole_word, self.case):
            box.toggled.connect(lambda _on: self.find_next(from_selection_start=True))
        next_button.clicked.connect(self.find_next)
        previous_button.clicked.connect(self.find_previous)
        replace_button.clicked.connect(self.replace_one)
        replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close_bar)
        self.hide()

    def query(self) -> Query:
        return Query(self.find_field.text(), self.regex.isChecked(), self.whole_word.isChecked(), self.case.isChecked())

    def open(self, replace: bool = False) -> None:
        editor = self._editor()
        if editor is not None and editor.textCursor().hasSelection():
            selected = editor.textCursor().selectedText()
            if "\u2029" not in selected:
                self.find_field.setText(selected)
        self.replace_field.setVisible(True)
        self.show()
        (self.replace_field if replace and self.find_field.text() else self.find_field).setFocus()
        self.find_field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        editor = self._editor()
        if editor is not None:
            editor.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.matches(QKeySequence.StandardKey.FindPrevious):
            self.find_previous()
            return
        super().keyPressEvent(event)

    def _matches_or_report(self, text: str) -> bool:
        try:
            count = len(find_all(text, self.query()))
        except SearchError as exc:
            self.status.setText(str(exc))
            return False
        if not self.query().pattern:
            self.status.setText("")
            return False
        self.status.setText(
            QCoreApplication.translate("FindBar", "{n} matches").format(n=count)
            if count
            else QCoreApplication.translate("FindBar", "No matches")
        )
        return count > 0

    def find_next(self, *, from_selection_start: bool = False) -> bool:
        return self._find(backwards=False, from_selection_start=from_selection_start)

    def find_previous(self) -> bool:
        return self._find(backwards=True)

    def _find(self, *, backwards: bool, from_selection_start: bool = False) -> bool:
        editor = self._editor()
        if editor is None:
            return False
        text = editor.toPlainText()
        if not self._matches_or_report(text):
            return False
        cursor = editor.textCursor()
        position = cursor.selectionStart() if (backwards or from_selection_start) else cursor.selectionEnd()
        match = next_match(text, self.query(), _py_index(text, position), backwards=backwards)
        if match is None:
            return False
        cursor.setPosition(_qt_pos(text, match.start))
        cursor.setPosition(_qt_pos(text, match.end), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        return True

    def replace_one(self) -> bool:
        editor = self._editor()
        if editor is None:
            return False
        text = editor.toPlainText()
        cursor = editor.textCursor()
        matches = find_all(text, self.query()) if self._matches_or_report(text) else []
        selected = (_py_index(text, cursor.selectionStart()), _py_index(text, cursor.selectionEnd()))
        current = next((m for m in matches if (m.start, m.end) == selected), None)
        if current is None:
            return self.find_next(from_selection_start=True)
        try:
            cursor.insertText(replacement_for(text, self.query(), current, self.replace_field.text()))
        except SearchError as exc:
            self.status.setText(str(exc))
            return False
        editor.setTextCursor(cursor)
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        editor = self._editor()
        if editor is None:
            return 0
        text = editor.toPlainText()
        if not self._matches_or_report(text):
            return 0
        query, replacement = self.query(), self.replace_field.text()
        matches = find_all(text, query)
        try:
            new_texts = [replacement_for(text, query, m, replacement) for m in matches]
        except SearchError as exc:
            self.status.setText(str(exc))
            return 0
        cursor = QTextCursor(editor.document())
        cursor.beginEditBlock()
        for match, new_text in zip(reversed(matches), reversed(new_texts), strict=True):  # back to front: offsets hold
            cursor.setPosition(_qt_pos(text, match.start))
            cursor.setPosition(_qt_pos(text, match.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(new_text)
        cursor.endEditBlock()
        self.status.setText(QCoreApplication.translate("FindBar", "Replaced {n}").format(n=len(matches)))
        return len(matches)
