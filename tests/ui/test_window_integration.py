"""How the parts meet in the window: keyboard reachability without ambiguity, panes wired to the editor."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QWidget

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


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_shift_u_summarizes_the_document_in_the_summarize_pane(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    window.settings.set("summarize/max_new_tokens", 12)  # the user's cap on the answer (Settings → Generation)
    window.editor.setPlainText("The river rose in spring. Farmers moved their herds to the hills.")
    summarizer = window.summarizer
    with qtbot.waitSignal(summarizer.finished, timeout=60_000) as blocker:
        qtbot.keyClick(window.editor, Qt.Key.Key_U, CTRL_SHIFT)
    assert window.docks["summarize"].isVisible()
    outcome = blocker.args[0]
    assert not outcome.partial and outcome.text
    assert window.summarize_pane.result.toPlainText() == outcome.text
    assert "whole document" in window.summarize_pane.source_label.text()
    assert window.editor.toPlainText().startswith("The river rose")  # the document is untouched


def test_a_too_long_selection_chosen_for_summary_goes_to_the_summarize_pane(qtbot, app_context: AppContext) -> None:
    from app.ui.editor.selection_actions import LongSelectionChoice
    from app.ui.panes.summarize_controller import Phase as SummaryPhase
    from app.ui.panes.summarize_controller import Source

    window = app_context.window
    text = "A very long passage of words. " * 900
    window.editor.setPlainText(text)
    cursor = window.editor.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    window.editor.setTextCursor(cursor)
    window.ask_long_selection = lambda tokens, budget: LongSelectionChoice.SUMMARIZE
    with qtbot.waitSignal(window.summarizer.source_changed, timeout=10_000) as blocker:
        qtbot.keyClick(window.editor, Qt.Key.Key_R, CTRL_SHIFT)
    assert blocker.args == [Source.SELECTION, len(text)]
    assert window.docks["summarize"].isVisible()
    with qtbot.waitSignal(window.summarizer.finished, timeout=60_000):
        window.summarize_pane.stop_button.click() if window.summarizer.running else None
    assert window.summarizer.phase is SummaryPhase.IDLE
    assert window.editor.toPlainText() == text


def test_the_panes_say_which_text_they_work_on_as_the_selection_changes(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.docks["translate"].isVisible()
    window.editor.setPlainText("Guten Morgen, liebe Freunde.")
    qtbot.waitUntil(lambda: "whole document (28 characters)" in window.translate_pane.source_label.text())
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(5, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    qtbot.waitUntil(lambda: "selection (5 characters)" in window.translate_pane.source_label.text())


def _alt_keys(widget: QWidget) -> list[str]:
    keys = [b.shortcut().toString() for b in widget.findChildren(QAbstractButton) if not b.shortcut().isEmpty()]
    for label in widget.findChildren(QLabel):
        mnemonic = QKeySequence.mnemonic(label.text())
        if label.buddy() is not None and not mnemonic.isEmpty():
            keys.append(mnemonic.toString())
    return keys


@pytest.mark.parametrize("pane", ["summarize", "translate", "chat"])
def test_no_alt_key_is_claimed_twice_with_a_pane_open(qtbot, app_context: AppContext, pane: str) -> None:
    """The panes share one tabbed side panel: the open pane's Alt keys must differ from each other, the menus'
    and the review bar's (which shows over the editor while a pane is open)."""
    window = app_context.window
    window.docks[pane].show()
    window.docks[pane].raise_()
    assert all(window.tabifiedDockWidgets(window.docks[pane]))  # one panel, one pane visible at a time
    keys = [QKeySequence.mnemonic(a.text()).toString() for a in window.menuBar().actions()]
    keys += _alt_keys(window.centralWidget()) + _alt_keys(window.docks[pane])
    repeated = [key for key, count in Counter(key for key in keys if key).items() if count > 1]
    assert repeated == []


def test_esc_stops_a_summary_even_before_it_has_sent_a_request(qtbot, app_context: AppContext) -> None:
    """While the model loads or the text is being counted there is no request to cancel; Esc must still stop."""
    window = app_context.window
    window.editor.setPlainText("The river rose in spring. Farmers moved their herds to the hills.")
    window.summarize()
    assert window.summarizer.running and window.commands["ai.stop"].isEnabled()
    with qtbot.waitSignal(window.summarizer.finished, timeout=10_000) as blocker:
        qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert blocker.args[0].stopped and not blocker.args[0].text
    assert "Stopped" in window.summarize_pane.status.text()
    qtbot.waitUntil(lambda: not window.commands["ai.stop"].isEnabled())


def test_the_translate_pane_and_ctrl_shift_l_share_the_last_used_language(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    window.translator.set_target_language("de")
    assert window.settings.get("ai/translate_language", str) == "German"  # what Ctrl+Shift+L translates into
    checked = [a.data() for a in window.language_menu.actions() if a.isChecked()]
    assert checked == ["German"]
    french = next(a for a in window.language_menu.actions() if a.data() == "French")
    french.trigger()
    assert window.translator.target_language == "fr"
    assert window.translate_pane.to_box.currentData() == "fr"


def test_continue_writing_behind_a_running_summary_says_it_waits(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    window.editor.setPlainText("\n\n".join(f"Paragraph {i} is about the river and the town." * 8 for i in range(12)))
    window.summarizer.part_tokens = 120  # several requests in a row
    with qtbot.waitSignal(window.summarizer.progress, timeout=30_000):
        window.summarize()
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    window.continue_writing()  # the summary's request is running: this one waits its turn
    assert "busy with a summary" in window.status.state.text()
    with qtbot.waitSignal(window.continuation.finished, timeout=60_000):
        window.stop()
