"""A shortcut that opens a pane moves the keyboard into it: what the user types next never lands in the document."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from app.gui import AppContext
from app.ui.panes.chat_controller import Phase as ChatPhase
from app.ui.panes.summarize_controller import Phase as SummaryPhase

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
TEXT = "The river rose in spring.\n\nBy summer the fields were green again."


def _load_model(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    """The app loads the model at start; the chat waits for it rather than loading it itself."""
    if context.client.info is None:
        with qtbot.waitSignal(context.client.model_loaded, timeout=60_000):
            context.client.load()


def _stop_chat(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    controller = context.window.chat_pane.controller
    controller.stop()
    qtbot.waitUntil(lambda: controller.phase is ChatPhase.IDLE, timeout=30_000)


def _type_after(qtbot, context: AppContext, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> QWidget:  # type: ignore[no-untyped-def]
    window = context.window
    qtbot.keyClick(window.editor, key, modifiers)
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, "what is this about")
    qtbot.keyClick(target, Qt.Key.Key_Return)
    return target


@pytest.mark.parametrize(
    ("key", "pane"), [(Qt.Key.Key_F7, "summarize"), (Qt.Key.Key_F8, "translate"), (Qt.Key.Key_F9, "chat")]
)
def test_pane_keys_move_focus_into_their_pane(qtbot, app_context: AppContext, key: Qt.Key, pane: str) -> None:  # type: ignore[no-untyped-def]
    window = app_context.window
    _load_model(qtbot, app_context)
    window.editor.setPlainText(TEXT)
    for dock in window.docks.values():
        dock.hide()
    target = _type_after(qtbot, app_context, key, Qt.KeyboardModifier.NoModifier)
    assert window.docks[pane].isVisible()
    assert window.docks[pane].isAncestorOf(target)
    assert window.editor.toPlainText() == TEXT
    if pane == "chat":  # the Enter sent the typed question to the chat
        _stop_chat(qtbot, app_context)
    # The same key closes the pane and gives the keyboard back to the document.
    qtbot.keyClick(target, key)
    assert not window.docks[pane].isVisible()
    qtbot.waitUntil(window.editor.hasFocus, timeout=5_000)


@pytest.mark.parametrize("selected", [False, True])
def test_ask_in_chat_takes_the_keyboard_with_or_without_a_selection(
    qtbot, app_context: AppContext, selected: bool
) -> None:  # type: ignore[no-untyped-def]
    window = app_context.window
    _load_model(qtbot, app_context)
    window.editor.setPlainText(TEXT)
    if selected:
        cursor = window.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        window.editor.setTextCursor(cursor)
    target = _type_after(qtbot, app_context, Qt.Key.Key_K, CTRL_SHIFT)
    assert target is window.chat_pane.input
    assert window.editor.toPlainText() == TEXT
    # The question went to the chat, not to the document.
    qtbot.waitUntil(lambda: any(m.content == "what is this about" for m in window.chat_pane.controller.messages))
    _stop_chat(qtbot, app_context)


def test_summarize_shortcut_moves_the_keyboard_into_the_pane(qtbot, app_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = app_context.window
    window.editor.setPlainText(TEXT)
    target = _type_after(qtbot, app_context, Qt.Key.Key_U, CTRL_SHIFT)
    assert window.docks["summarize"].isAncestorOf(target)
    assert window.editor.toPlainText() == TEXT
    window.summarizer.stop()
    qtbot.waitUntil(lambda: window.summarizer.phase is SummaryPhase.IDLE, timeout=30_000)
