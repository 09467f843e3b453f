"""Editing comforts in the real window: counts in the status bar, Markdown highlighting, light and dark looks, the
shortcuts editor, the cheat sheet, and the user's own actions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget
from transformers import AutoTokenizer

from app.gui import AppContext
from app.store import custom_actions
from app.store.custom_actions import StoredAction
from app.store.settings import Settings
from app.ui.dialogs.custom_actions import CustomActionsDialog
from app.ui.dialogs.shortcuts import CheatSheet, ShortcutsDialog
from app.ui.editor.editor import Editor
from app.ui.main_window import MainWindow
from tests.helpers.editor_windows import ModalAnswer, press, shortcut
from tests.helpers.windows import show_active

PORTABLE = QKeySequence.SequenceFormat.PortableText


def put_text(window: MainWindow, text: str) -> Editor:
    editor = window.editor
    editor.setPlainText(text)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    return editor


def select(editor: Editor, start: int, end: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def button(parent: QWidget, text: str) -> QPushButton:
    found = [b for b in parent.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, f"{text!r} among {[b.text() for b in parent.findChildren(QPushButton)]}"
    return found[0]


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# -- counts ------------------------------------------------------------------------------------------------------------
def test_counts_estimate_tokens_without_a_model_and_count_them_with_one(
    qtbot, app_context: AppContext, tiny_model_dir: Path
) -> None:
    window = app_context.window
    text = "The quick brown fox jumps over the lazy dog, twice."
    put_text(window, text)
    label = window.counts_label
    estimate = max(1, round(len(text) / 4))
    counted = f"10 words · {len(text)} chars (42 without spaces)"
    qtbot.waitUntil(lambda: label.text() == f"{counted} · ≈{estimate} tokens", timeout=5_000)

    window.counts.set_model_dir(str(tiny_model_dir))
    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    exact = len(tokenizer(text, add_special_tokens=False)["input_ids"])
    qtbot.waitUntil(lambda: label.text() == f"{counted} · {exact} tokens", timeout=5_000)

    select(window.editor, 4, 19)  # "quick brown fox"
    selected = len(tokenizer("quick brown fox", add_special_tokens=False)["input_ids"])
    expected = f"Selected 3 words · 15 chars (13 without spaces) · {selected} tokens of {counted}"
    qtbot.waitUntil(lambda: label.text().startswith(expected), timeout=5_000)

    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText(" 我爱你")  # Chinese characters are words of their own
    qtbot.waitUntil(lambda: label.text().startswith("13 words · "), timeout=5_000)
    assert label.accessibleName()


def test_the_counts_follow_the_active_tab(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    put_text(window, "one two three")
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("3 words"), timeout=5_000)
    press(qtbot, window.editor, QKeySequence.StandardKey.New)
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("0 words"), timeout=5_000)
    window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("3 words"), timeout=5_000)


# -- highlighting and themes -------------------------------------------------------------------------------------------
def formats(editor: Editor, line: int) -> list[tuple[int, int, QTextCharFormat]]:
    block = editor.document().findBlockByNumber(line)
    # Copies: the ranges (and their formats) belong to the list the layout returns.
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def format_at(editor: Editor, line: int, column: int) -> QTextCharFormat | None:
    for start, length, fmt in formats(editor, line):
        if start <= column < start + length:
            return fmt
    return None


MARKDOWN = "# A heading\nplain words and **strong** and `code`\n- a list item\n```\ncode block\n```\nafter"


def test_markdown_highlighting_formats_headings_emphasis_and_code(qtbot, app_context: AppContext) -> None:
    editor = put_text(app_context.window, MARKDOWN)
    heading = format_at(editor, 0, 3)
    assert heading is not None and heading.fontWeight() == QFont.Weight.Bold
    assert formats(editor, 0)[0][:2] == (0, len("# A heading"))  # the whole heading line
    assert format_at(editor, 1, 2) is None  # plain words stay plain
    strong = format_at(editor, 1, MARKDOWN.split("\n")[1].index("strong"))
    assert strong is not None and strong.fontWeight() == QFont.Weight.Bold
    code = format_at(editor, 1, MARKDOWN.split("\n")[1].index("code"))
    assert code is not None and code.fontFixedPitch()
    assert format_at(editor, 4, 0) is not None and format_at(editor, 4, 0).fontFixedPitch()  # inside a fence
    assert format_at(editor, 6, 0) is None  # after the closing fence: plain again
    # Typing a heading mark makes a line a heading at once.
    cursor = QTextCursor(editor.document().findBlockByNumber(6))
    cursor.insertText("## ")
    after = format_at(editor, 6, 4)
    assert after is not None and after.fontWeight() == QFont.Weight.Bold


@pytest.fixture
def light_afterwards(app_context: AppContext) -> Iterator[None]:
    """The palette is application-wide: put the light one back for the tests that follow."""
    yield
    app_context.settings.set("ui/theme", "light")


def test_the_theme_follows_the_setting_and_reaches_the_highlighters(
    qtbot, app_context: AppContext, light_afterwards: None
) -> None:
    window = app_context.window
    editor = put_text(window, MARKDOWN)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app_context.settings.set("ui/theme", "light")
    light_heading = format_at(editor, 0, 3)
    assert light_heading is not None
    light_window = app.palette().color(QPalette.ColorRole.Window)

    app_context.settings.set("ui/theme", "dark")
    assert window.dark
    assert app.palette().color(QPalette.ColorRole.Window) == QColor("#202124")
    assert app.palette().color(QPalette.ColorRole.Base).lightness() < 60  # dark text background
    assert app.palette().color(QPalette.ColorRole.Text).lightness() > 200
    dark_heading = format_at(editor, 0, 3)
    assert dark_heading is not None
    assert dark_heading.foreground().color() != light_heading.foreground().color()
    assert dark_heading.foreground().color().lightness() > light_heading.foreground().color().lightness()
    assert window.review_panel.dark
    # A tab opened in the dark look is dark too.
    press(qtbot, editor, QKeySequence.StandardKey.New)
    put_text(window, "# new")
    new_heading = format_at(window.editor, 0, 2)
    assert new_heading is not None and new_heading.foreground().color() == dark_heading.foreground().color()
    app_context.settings.set("ui/theme", "light")
    assert not window.dark
    assert app.palette().color(QPalette.ColorRole.Window) == light_window
    assert format_at(window.editor, 0, 2).foreground().color() == light_heading.foreground().color()  # type: ignore[union-attr]


def test_choosing_dark_in_the_view_menu_is_remembered(
    qtbot, app_context: AppContext, tmp_path: Path, light_afterwards: None
) -> None:
    window = app_context.window
    dark = next(a for a in window._theme_group.actions() if a.data() == "dark")
    dark.trigger()
    assert window.dark
    app_context.settings.sync()
    assert Settings.at(str(tmp_path / "settings.ini")).get("ui/theme", str) == "dark"


# -- the shortcuts editor and the cheat sheet --------------------------------------------------------------------------
def test_the_shortcuts_editor_assigns_clears_resets_and_lists_conflicts(
    qtbot, app_context: AppContext, tmp_path: Path
) -> None:
    window = app_context.window
    registry = window.commands
    dialog = ShortcutsDialog(registry, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.conflicts.text() == "No conflicts."

    dialog.select("view.word_wrap")
    dialog.editor.setKeySequence(QKeySequence("Ctrl+Alt+W"))
    click(qtbot, button(dialog, "&Assign"))
    assert [s.toString(PORTABLE) for s in registry["view.word_wrap"].shortcuts()] == ["Ctrl+Alt+W"]
    row = dialog.table.currentRow()
    assert dialog.table.item(row, 1).text() == QKeySequence("Ctrl+Alt+W").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert dialog.table.item(row, 2).text() == "Window"

    dialog.select("ai.rewrite")
    assert dialog.editor.keySequence() == QKeySequence("Ctrl+Shift+R")  # the editor shows the current one
    dialog.editor.setKeySequence(QKeySequence("Ctrl+Shift+U"))
    click(qtbot, button(dialog, "&Assign"))
    assert "Ctrl+Shift+U is used by both “Rewrite” and “Summarize”." in dialog.conflicts.text()
    click(qtbot, button(dialog, "&Clear"))
    assert registry["ai.rewrite"].shortcuts() == []
    assert dialog.conflicts.text() == "No conflicts."
    click(qtbot, button(dialog, "&Reset to Default"))
    assert [s.toString(PORTABLE) for s in registry["ai.rewrite"].shortcuts()] == ["Ctrl+Shift+R"]

    dialog.filter.setText("wrap")
    visible = [
        dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)
    ]
    assert visible == ["Word Wrap"]
    dialog.close()

    # The new key works in the window at once; the old one does nothing now.
    show_active(qtbot, window, window.editor)
    press(qtbot, window.editor, "Ctrl+Alt+W")
    assert window.editor.lineWrapMode() == Editor.LineWrapMode.NoWrap
    press(qtbot, window.editor, "Ctrl+Shift+W")
    assert window.editor.lineWrapMode() == Editor.LineWrapMode.NoWrap
    # ... and it is kept for the next start.
    app_context.settings.sync()
    assert Settings.at(str(tmp_path / "settings.ini")).raw("shortcuts/view.word_wrap") == "Ctrl+Alt+W"

    reset_all = ShortcutsDialog(registry, window)
    qtbot.addWidget(reset_all)
    click(qtbot, button(reset_all, "Reset &All"))
    assert [s.toString(PORTABLE) for s in registry["view.word_wrap"].shortcuts()] == ["Ctrl+Shift+W"]


def visible_cheat_sheets(window: MainWindow) -> list[CheatSheet]:
    return [sheet for sheet in window.findChildren(CheatSheet) if sheet.isVisible()]


@pytest.mark.parametrize("keys", ["F1", "Ctrl+/"])
def test_the_cheat_sheet_opens_with_its_keys_and_lists_the_shortcuts(qtbot, app_context: AppContext, keys: str) -> None:
    window = app_context.window
    press(qtbot, window.editor, keys)
    qtbot.waitUntil(lambda: len(visible_cheat_sheets(window)) == 1, timeout=5_000)
    sheet = visible_cheat_sheets(window)[0]
    listed = sheet.view.toPlainText()
    native = QKeySequence.SequenceFormat.NativeText
    for name, action_id in (
        ("Continue Writing", "ai.continue"),
        ("Rewrite", "ai.rewrite"),
        ("Proofread", "ai.proofread"),
        ("Translate Selection", "ai.translate"),
        ("Summarize", "ai.summarize"),
        ("Ask About Selection", "ai.ask_chat"),
        ("Stop", "ai.stop"),
        ("Save", "file.save"),
    ):
        assert name in listed
        assert shortcut(window, action_id).toString(native) in listed
    assert "F1" in listed and "Ctrl+/" in listed
    # Changing a shortcut updates the open sheet.
    window.commands.set_sequences("ai.rewrite", [QKeySequence("Ctrl+Alt+R")])
    assert "Ctrl+Alt+R" in sheet.view.toPlainText()

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ShortcutsDialog)
        dialog.reject()

    answering = ModalAnswer(look)
    click(qtbot, sheet.customize)  # "Customize…" opens the shortcuts editor
    answering.check()
    sheet.close()


# -- the user's own actions --------------------------------------------------------------------------------------------
def ai_menu_texts(window: MainWindow) -> list[str]:
    return [a.text() for a in window.ai_menu.actions() if not a.isSeparator()]


def test_a_stored_custom_action_appears_in_the_ai_menu_with_its_shortcut(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    custom_actions.save(
        app_context.settings, [StoredAction("Bullet points", "Turn {text} into a bulleted list.", "Ctrl+Alt+B")]
    )
    window._load_custom_actions()
    window._load_custom_actions()  # reloading does not duplicate it
    assert ai_menu_texts(window).count("Bullet points") == 1
    action = next(a for a in window.ai_menu.actions() if a.text() == "Bullet points")
    assert [s.toString(PORTABLE) for s in action.shortcuts()] == ["Ctrl+Alt+B"]
    assert action.toolTip() == "Your action: Bullet points (Ctrl+Alt+B)"
    assert window.commands.conflicts() == []
    context_menu = window._context_actions()[0]
    assert "Bullet points" in [a.text() for a in context_menu.actions()]  # type: ignore[attr-defined]
    # Its shortcut runs it: on an empty document the user is told why nothing happens.
    put_text(window, "")
    with qtbot.waitSignal(app_context.messages.posted, timeout=5_000) as blocker:
        press(qtbot, window.editor, "Ctrl+Alt+B")
    assert "The document is empty" in blocker.args[0].text
    # The cheat sheet lists it.
    press(qtbot, window.editor, "F1")
    qtbot.waitUntil(lambda: len(visible_cheat_sheets(window)) == 1, timeout=5_000)
    assert "Bullet points" in visible_cheat_sheets(window)[0].view.toPlainText()
    visible_cheat_sheets(window)[0].close()


def test_custom_actions_are_added_and_removed_in_their_dialog(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    window = app_context.window

    def add(dialog: QWidget) -> None:
        assert isinstance(dialog, CustomActionsDialog)
        click(qtbot, button(dialog, "&New"))
        click(qtbot, button(dialog, "&Save Action"))
        assert dialog.error.text() == "Give the action a name."  # nothing saved without a name
        assert dialog.items == []
        dialog.name.setText("Haiku")
        dialog.template.setPlainText("Rewrite {text} as a haiku.")
        dialog.shortcut.setKeySequence(QKeySequence("Ctrl+Alt+K"))
        click(qtbot, button(dialog, "&Save Action"))
        assert dialog.error.text() == "Saved."
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        click(qtbot, ok)

    answering = ModalAnswer(add)
    window.commands["ai.custom_actions"].trigger()
    answering.check()
    assert "Haiku" in ai_menu_texts(window)
    haiku = next(a for a in window.ai_menu.actions() if a.text() == "Haiku")
    assert [s.toString(PORTABLE) for s in haiku.shortcuts()] == ["Ctrl+Alt+K"]
    app_context.settings.sync()
    assert custom_actions.load(Settings.at(str(tmp_path / "settings.ini"))) == [
        StoredAction("Haiku", "Rewrite {text} as a haiku.", "Ctrl+Alt+K")
    ]

    def remove(dialog: QWidget) -> None:
        assert isinstance(dialog, CustomActionsDialog)
        assert dialog.name.text() == "Haiku"  # the first action is shown for editing
        click(qtbot, button(dialog, "&Remove"))
        assert dialog.items == []
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    answering = ModalAnswer(remove)
    window.commands["ai.custom_actions"].trigger()
    answering.check()
    assert "Haiku" not in ai_menu_texts(window)
    assert all(QKeySequence("Ctrl+Alt+K") not in window.commands[i].shortcuts() for i in window.commands.ids())


def test_removing_a_custom_action_does_not_move_its_shortcut_to_another(qtbot, app_context: AppContext) -> None:
    """A shortcut the user changed for one of their actions stays with that action, not with its list position."""
    window = app_context.window
    first = StoredAction("First", "Do one thing with {text}.", "Ctrl+Alt+1")
    second = StoredAction("Second", "Do another thing with {text}.", "Ctrl+Alt+2")
    custom_actions.save(app_context.settings, [first, second])
    window._load_custom_actions()
    first_id = next(i for i in window.commands.ids() if window.commands[i].text() == "First")
    window.commands.set_sequences(first_id, [QKeySequence("F6")])  # customized in the shortcuts editor
    custom_actions.save(app_context.settings, [second])  # then "First" is removed
    window._load_custom_actions()
    remaining = next(a for a in window.ai_menu.actions() if a.text() == "Second")
    assert [s.toString(PORTABLE) for s in remaining.shortcuts()] == ["Ctrl+Alt+2"]


def test_a_large_file_opens_plain_and_its_words_are_counted_in_the_background(
    qtbot, app_context: AppContext, tmp_path: Path
) -> None:
    """Highlighting and word counting run on the GUI thread; above a size they would freeze it for seconds."""
    from app.ui.editor.counts import LARGE_TEXT_CHARS
    from app.ui.editor.highlighter import HIGHLIGHT_MAX_CHARS

    window = app_context.window
    paragraph = "## A heading\n\nThe **river** rose in spring and the farmers moved their herds.\n\n"
    repeats = HIGHLIGHT_MAX_CHARS // len(paragraph) + 10
    path = tmp_path / "large.md"
    path.write_text(paragraph * repeats, encoding="utf-8")
    assert path.stat().st_size > max(HIGHLIGHT_MAX_CHARS, LARGE_TEXT_CHARS)
    window.open_file(path)
    qtbot.waitUntil(lambda: window.tabs.current_pane() is not None and window._active().path == path, timeout=30_000)
    pane = window.tabs.current_pane()
    assert pane is not None and not pane.highlighter.active
    words = repeats * 13  # "##" and "**" are markup, not words
    qtbot.waitUntil(lambda: window.counts_label.text().startswith(f"{words:,} words"), timeout=30_000)

    window.workspace.new()  # a new, small document is highlighted as usual
    small = window.tabs.current_pane()
    assert small is not None and small is not pane and small.highlighter.active


def test_a_custom_action_cannot_take_a_shortcut_that_is_already_used(qtbot, app_context: AppContext) -> None:
    """Qt fires neither of two actions that share a key: the dialog refuses the clash and names the owner."""
    window = app_context.window
    dialog = CustomActionsDialog([], window, taken=window._shortcut_owner)
    qtbot.addWidget(dialog)

    def save(name: str, key: str) -> bool:
        dialog.new()
        dialog.name.setText(name)
        dialog.template.setPlainText("Make {text} rhyme.")
        dialog.shortcut.setKeySequence(QKeySequence(key))
        return dialog.save_current()

    rewrite = window.commands["ai.rewrite"].text().replace("&", "")
    assert not save("Rhyme", "Ctrl+Shift+R")
    assert f"“{rewrite}”" in dialog.error.text() and dialog.items == []
    assert save("Rhyme", "Ctrl+Alt+1")
    assert not save("Limerick", "Ctrl+Alt+1")
    assert "“Rhyme”" in dialog.error.text() and len(dialog.items) == 1
    assert save("Limerick", "")  # no shortcut is always fine
