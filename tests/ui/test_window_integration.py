"""How the parts meet in the window: keyboard reachability without ambiguity, panes wired to the editor."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QMenu

from app.gui import AppContext


def test_no_alt_key_is_claimed_twice_in_the_main_window(qtbot, app_context: AppContext) -> None:
    """An ambiguous shortcut fires nothing: menu mnemonics, window-wide buttons and actions must all differ."""
    window = app_context.window
    keys: list[str] = []
    for action in window.menuBar().actions():
        mnemonic = QKeySequence.mnemonic(action.text())
        if not mnemonic.isEmpty():
            keys.append(mnemonic.toString())
    central = window.centralWidget()
    for button in central.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty():
            keys.append(button.shortcut().toString())
    for action_id in window.commands.ids():
        if window.commands.scope(action_id) == "window":
            keys += [s.toString() for s in window.commands.sequences(action_id)]
    repeated = [key for key, count in Counter(keys).items() if count > 1]
    assert repeated == []


def test_every_menu_entry_is_reachable_by_keyboard(qtbot, app_context: AppContext) -> None:
    """Each top-level menu has a mnemonic, so every entry can be reached with Alt and the arrow keys."""
    for action in app_context.window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        assert "&" in action.text(), action.text()


def test_ctrl_shift_k_takes_the_selection_to_the_chat(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    editor = window.editor
    editor.setPlainText("The committee approved the budget on Tuesday.")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(13, QTextCursor.MoveMode.KeepAnchor)  # "committee"
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(window.chat_pane.controller.attachment_changed, timeout=5_000) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.docks["chat"].isVisible()
    assert blocker.args[0].text == "committee"
    qtbot.waitUntil(window.chat_pane.input.hasFocus, timeout=5_000)


def test_the_chat_pane_shortcuts_are_customizable_like_the_others(qtbot, app_context: AppContext) -> None:
    registry = app_context.window.commands
    assert "chat.regenerate" in registry and registry.scope("chat.regenerate") == "chat"
    registry.set_sequences("chat.regenerate", [QKeySequence("Ctrl+Alt+G")])
    assert app_context.window.chat_pane.actions_by_id["chat.regenerate"].shortcut().toString() == "Ctrl+Alt+G"
    registry.reset("chat.regenerate")
    assert app_context.window.chat_pane.actions_by_id["chat.regenerate"].shortcut().toString() == "Ctrl+R"
