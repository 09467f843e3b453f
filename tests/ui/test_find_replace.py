"""The find / replace bar in the real window, driven by keys and clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QCheckBox, QPushButton

from app.gui import AppContext
from app.ui.editor.find_bar import FindBar
from tests.helpers.editor_windows import press, shortcut

TEXT = "The cat sat. A concatenated Cat!\nAnother cat, the category, cat."


def put_text(context: AppContext, text: str = TEXT) -> None:
    editor = context.window.editor
    editor.setPlainText(text)
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    assert editor.hasFocus()


def selection(context: AppContext) -> tuple[int, int, str]:
    cursor = context.window.editor.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd(), cursor.selectedText()


def button(bar: FindBar, text: str) -> QPushButton:
    found = [b for b in bar.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, text
    return found[0]


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_bar(qtbot, context: AppContext, action: str = "edit.find") -> FindBar:  # type: ignore[no-untyped-def]
    press(qtbot, context.window.editor, shortcut(context.window, action))
    bar = context.window.find_bar
    assert bar.isVisible()
    return bar


def test_ctrl_f_opens_the_bar_and_typing_finds(qtbot, app_context: AppContext) -> None:
    put_text(app_context)
    assert not app_context.window.find_bar.isVisible()
    assert QKeySequence("Ctrl+F") in app_context.window.commands["edit.find"].shortcuts()
    bar = open_bar(qtbot, app_context)
    assert bar.find_field.hasFocus()
    qtbot.keyClicks(bar.find_field, "cat")
    assert selection(app_context) == (4, 7, "cat")
    assert bar.status.text() == "6 matches"  # case-insensitive, inside words too
    assert bar.find_field.hasFocus()  # typing goes on in the field, not into the document
    assert app_context.window.editor.toPlainText() == TEXT


def test_enter_next_and_previous_walk_the_matches_and_wrap(qtbot, app_context: AppContext) -> None:
    put_text(app_context, "one two one two one")
    bar = open_bar(qtbot, app_context)
    qtbot.keyClicks(bar.find_field, "one")
    assert selection(app_context)[:2] == (0, 3)
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert selection(app_context)[:2] == (8, 11)
    click(qtbot, button(bar, "Next"))
    assert selection(app_context)[:2] == (16, 19)
    press(qtbot, bar.find_field, shortcut(app_context.window, "edit.find_next"))  # F3 / Ctrl+G
    assert selection(app_context)[:2] == (0, 3)  # wrapped to the top
    click(qtbot, button(bar, "Previous"))
    assert selection(app_context)[:2] == (16, 19)  # and back to the bottom
    press(qtbot, bar.find_field, shortcut(app_context.window, "edit.find_previous"))
    assert selection(app_context)[:2] == (8, 11)


def test_find_opens_with_the_selected_word(qtbot, app_context: AppContext) -> None:
    put_text(app_context)
    editor = app_context.window.editor
    cursor = editor.textCursor()
    cursor.setPosition(TEXT.index("category"))
    cursor.setPosition(TEXT.index("category") + len("category"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    bar = open_bar(qtbot, app_context)
    assert bar.find_field.text() == "category"
    assert bar.find_field.selectedText() == "category"  # typing replaces it


def test_regex_and_whole_word(qtbot, app_context: AppContext) -> None:
    put_text(app_context)
    bar = open_bar(qtbot, app_context)
    whole = next(b for b in bar.findChildren(QCheckBox) if b.text() == "Whole word")
    regex = next(b for b in bar.findChildren(QCheckBox) if b.text() == "Regex")
    qtbot.keyClicks(bar.find_field, "cat")
    click(qtbot, whole)
    assert bar.status.text() == "4 matches"  # "concatenated" and "category" no longer count
    click(qtbot, bar.case)
    assert bar.status.text() == "3 matches"  # "Cat" is out too
    click(qtbot, bar.case)
    click(qtbot, whole)
    bar.find_field.clear()
    click(qtbot, regex)
    qtbot.keyClicks(bar.find_field, r"c\w+y")
    assert bar.status.text() == "1 matches"
    assert selection(app_context)[2] == "category"


def test_replace_one_then_the_next(qtbot, app_context: AppContext) -> None:
    put_text(app_context, "red, red and red")
    bar = open_bar(qtbot, app_context, "edit.replace")
    qtbot.keyClicks(bar.find_field, "red")
    qtbot.keyClicks(bar.replace_field, "blue")
    click(qtbot, button(bar, "Replace"))
    assert app_context.window.editor.toPlainText() == "blue, red and red"
    assert selection(app_context)[2] == "red"  # the next one is selected, ready for the next Replace
    qtbot.keyClick(bar.replace_field, Qt.Key.Key_Return)  # Enter in the replace field replaces too
    assert app_context.window.editor.toPlainText() == "blue, blue and red"


def test_replace_all_is_one_undo_step(qtbot, app_context: AppContext) -> None:
    put_text(app_context)
    editor = app_context.window.editor
    editor.document().clearUndoRedoStacks()
    bar = open_bar(qtbot, app_context, "edit.replace")
    qtbot.keyClicks(bar.find_field, "cat")
    qtbot.keyClicks(bar.replace_field, "dog")
    click(qtbot, button(bar, "Replace All"))
    assert editor.toPlainText() == "The dog sat. A condogenated dog!\nAnother dog, the dogegory, dog."
    assert bar.status.text() == "Replaced 6"
    editor.setFocus()
    press(qtbot, editor, QKeySequence.StandardKey.Undo)
    assert editor.toPlainText() == TEXT  # one Ctrl+Z brings back the exact text
    assert not editor.document().isUndoAvailable()  # and that was the only step
    press(qtbot, editor, QKeySequence.StandardKey.Redo)
    assert editor.toPlainText() == "The dog sat. A condogenated dog!\nAnother dog, the dogegory, dog."


def test_replace_all_with_regex_groups(qtbot, app_context: AppContext) -> None:
    put_text(app_context, "Smith, John\nDoe, Jane\n")
    bar = open_bar(qtbot, app_context, "edit.replace")
    click(qtbot, next(b for b in bar.findChildren(QCheckBox) if b.text() == "Regex"))
    qtbot.keyClicks(bar.find_field, r"(\w+), (\w+)")
    qtbot.keyClicks(bar.replace_field, r"\2 \1")
    click(qtbot, button(bar, "Replace All"))
    assert app_context.window.editor.toPlainText() == "John Smith\nJane Doe\n"


def test_replace_all_after_an_emoji_replaces_exactly_the_matches(qtbot, app_context: AppContext) -> None:
    """Characters outside the Basic Multilingual Plane (emoji) are two positions in Qt's text but one in
    Python's; the replacement must still land exactly on the matches."""
    put_text(app_context, "I 😀 my dog. My dog 🐕 sleeps; dog!")
    bar = open_bar(qtbot, app_context, "edit.replace")
    qtbot.keyClicks(bar.find_field, "dog")
    assert selection(app_context)[2] == "dog"
    qtbot.keyClicks(bar.replace_field, "cat")
    click(qtbot, button(bar, "Replace All"))
    assert app_context.window.editor.toPlainText() == "I 😀 my cat. My cat 🐕 sleeps; cat!"


def test_an_invalid_regex_says_so_and_changes_nothing(qtbot, app_context: AppContext) -> None:
    put_text(app_context)
    editor = app_context.window.editor
    editor.document().clearUndoRedoStacks()
    bar = open_bar(qtbot, app_context, "edit.replace")
    click(qtbot, next(b for b in bar.findChildren(QCheckBox) if b.text() == "Regex"))
    qtbot.keyClicks(bar.find_field, "(cat")
    assert bar.status.text().startswith("The regular expression is not valid")
    qtbot.keyClicks(bar.replace_field, "dog")
    click(qtbot, button(bar, "Replace All"))
    click(qtbot, button(bar, "Replace"))
    assert editor.toPlainText() == TEXT
    assert not editor.document().isUndoAvailable()
    assert bar.status.text().startswith("The regular expression is not valid")


def test_escape_closes_the_bar_and_returns_to_the_text(qtbot, app_context: AppContext) -> None:
    put_text(app_context)
    bar = open_bar(qtbot, app_context)
    qtbot.keyClicks(bar.find_field, "sat")
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.waitUntil(app_context.window.editor.hasFocus, timeout=5_000)
    assert selection(app_context)[2] == "sat"  # the last match stays selected where the user left it
    assert app_context.window.editor.toPlainText() == TEXT
