"""The EditorBridge the panes get: it follows the active tab, and settles a pending continuation before any edit
so that a pane's insert never lands inside the model's unconfirmed text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPlainTextEdit

from app.ui.editor.bridge import PlainTextEditBridge


class ActiveEditorBridge:
    def __init__(self, current_editor: Callable[[], QPlainTextEdit | None], before_edit: Callable[[], None]) -> None:
        self._current = current_editor
        self._before_edit = before_edit

    def _bridge(self) -> PlainTextEditBridge | None:
        editor = self._current()
        return PlainTextEditBridge(editor) if editor is not None else None

    def selected_text(self) -> str:
        bridge = self._bridge()
        return bridge.selected_text() if bridge else ""

    def document_text(self) -> str:
        bridge = self._bridge()
        return bridge.document_text() if bridge else ""

    def document_length(self) -> int:
        bridge = self._bridge()
        return bridge.document_length() if bridge else 0

    def has_selection(self) -> bool:
        bridge = self._bridge()
        return bridge.has_selection() if bridge else False

    def replace_selection(self, text: str) -> bool:
        bridge = self._bridge()
        if bridge is None:
            return False
        self._before_edit()
        return bridge.replace_selection(text)

    def insert_at_cursor(self, text: str) -> None:
        bridge = self._bridge()
        if bridge is not None:
            self._before_edit()
            bridge.insert_at_cursor(text)

    def select_range(self, start: int, end: int) -> None:
        bridge = self._bridge()
        if bridge is not None:
            bridge.select_range(start, end)
            bridge.editor.setFocus()
