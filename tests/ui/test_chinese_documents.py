"""Chinese documents in the window: a GBK novel opens, shows its encoding, is edited and saved back as it was;
Reopen with Encoding and Save with Encoding; a character the encoding cannot hold is named, never written as "?"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QFontDatabase, QInputMethodEvent, QKeySequence, QTextCursor, QTextLayout
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from app.gui import AppContext
from app.ui import fonts
from app.ui.dialogs.asker import DialogAsker
from app.ui.dialogs.encoding_dialog import EncodingDialog
from app.ui.editor.continue_writing import Phase
from app.ui.main_window import MainWindow
from tests.helpers.asker import ScriptedAsker
from tests.helpers.editor_windows import ModalAnswer, open_and_wait, press, shortcut, type_text

StandardKey = QKeySequence.StandardKey

NOVEL = [
    "第一回 风雪山神庙",
    "话说林冲在草料场看守，那雪正下得紧。",
    "他拿了花枪，挑着酒葫芦，信步投东，“且去沽些酒来吃。”",
    "",
    "行不上半里多路，看见一所古庙，林冲顶礼道：“神明庇佑，改日来烧纸钱。”",
    "又行了一回，望见一簇人家，林冲住脚看时，见篱笆中挑着一个草帚儿在露天里。",
    "林冲径到店里，主人道：“客人那里来？”",
] * 40  # a chapter, not a sentence: what a writer opens


def type_at_line_end(window: MainWindow, line: int, text: str) -> None:
    editor = window.current_editor()
    assert editor is not None
    editor.setFocus()
    cursor = QTextCursor(editor.document().findBlockByNumber(line))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    type_text(editor, text)


def test_a_gbk_novel_is_edited_and_saved_back_as_gbk_byte_for_byte_outside_the_edited_line(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    lines = [line.encode("gbk") for line in NOVEL]
    raw = b"\r\n".join(lines) + b"\r\n"
    path = tmp_path / "novel.txt"
    path.write_bytes(raw)

    document = open_and_wait(qtbot, window, path)
    assert asker.asked == []  # recognised, not asked about
    assert document.text == "\n".join(NOVEL) + "\n"
    assert window.encoding_label.text() == "GB18030"

    type_at_line_end(window, 8, "雪越下越大了。")
    press(qtbot, window.editor, StandardKey.Save)
    saved = path.read_bytes().split(b"\r\n")  # Windows line endings kept on every line
    expected = [*lines, b""]
    expected[8] = (NOVEL[8] + "雪越下越大了。").encode("gbk")  # GB18030 writes GBK's characters as GBK does
    assert saved == expected
    assert not document.modified and window.encoding_label.text() == "GB18030"


def test_a_character_big5_cannot_hold_is_named_and_utf8_is_offered(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    raw = "第一回 風雪山神廟\r\n話說林沖在草料場看守，那雪正下得緊。\r\n他拿了花槍，挑著酒葫蘆。\r\n".encode("big5")
    path = tmp_path / "traditional.txt"
    path.write_bytes(raw)
    document = open_and_wait(qtbot, window, path)
    assert window.encoding_label.text() == "Big5"

    type_at_line_end(window, 1, "我们")  # 们 is Simplified only: Big5 has no place for it
    asker.utf8_instead = False
    press(qtbot, window.editor, StandardKey.Save)
    kind, message = asker.asked[-1]
    assert kind == "utf8" and "们" in message and "line 2" in message and "Big5" in message
    assert path.read_bytes() == raw  # nothing written: no "?" in place of the character
    assert document.modified and window.encoding_label.text() == "Big5"

    asker.utf8_instead = True
    press(qtbot, window.editor, StandardKey.Save)
    assert path.read_bytes().decode("utf-8") == (
        "第一回 風雪山神廟\r\n話說林沖在草料場看守，那雪正下得緊。我们\r\n他拿了花槍，挑著酒葫蘆。\r\n"
    )
    assert not document.modified and window.encoding_label.text() == "UTF-8"


def test_reopen_with_encoding_reads_a_misread_file_again(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    path = tmp_path / "letter.txt"
    path.write_bytes("他说：“我明天去北京。”\n".encode("gbk"))  # one line: too little for detection to be sure
    document = open_and_wait(qtbot, window, path)
    misread_as = document.encoding
    assert misread_as != "gb18030" and "北京" not in document.text  # gibberish, as the user sees it

    asker.encoding = "cp950"  # a wrong guess first: refused in plain words, the text stays as it was
    before = document.text
    with qtbot.waitSignal(app_context.messages.posted, timeout=5_000) as blocker:
        window.commands["file.reopen_encoding"].trigger()
    assert "is not Big5 text" in blocker.args[0].text and document.text == before

    asker.encoding = "gb18030"
    window.commands["file.reopen_encoding"].trigger()
    assert document.text == "他说：“我明天去北京。”\n" and not document.modified
    assert window.encoding_label.text() == "GB18030"
    assert asker.asked[-1] == ("reopen_encoding", f"letter.txt {misread_as}")  # the dialog starts at the current


def test_reopen_with_encoding_asks_before_replacing_unsaved_changes(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    path = tmp_path / "novel.txt"
    path.write_bytes("\n".join(NOVEL[:3]).encode("gbk"))
    document = open_and_wait(qtbot, window, path)
    type_at_line_end(window, 0, "（修订）")
    asker.encoding, asker.discard_for_reopen = "gbk", False
    window.commands["file.reopen_encoding"].trigger()
    assert asker.asked[-1] == ("reopen_discarding", "novel.txt GBK")
    assert document.text.startswith("第一回 风雪山神庙（修订）") and document.modified

    asker.discard_for_reopen = True
    window.commands["file.reopen_encoding"].trigger()
    assert document.text == "\n".join(NOVEL[:3]) and not document.modified
    assert window.encoding_label.text() == "GBK"


def test_save_with_encoding_writes_the_chosen_encoding_and_keeps_it(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    path = tmp_path / "draft.md"
    path.write_text("# 草稿\n\n春眠不觉晓，处处闻啼鸟。\n", encoding="utf-8")
    document = open_and_wait(qtbot, window, path)
    assert window.encoding_label.text() == "UTF-8"

    asker.encoding = None  # cancelled: nothing written
    window.commands["file.save_encoding"].trigger()
    assert path.read_text(encoding="utf-8") == "# 草稿\n\n春眠不觉晓，处处闻啼鸟。\n"

    asker.encoding = "gb18030"
    window.commands["file.save_encoding"].trigger()
    assert path.read_bytes() == "# 草稿\n\n春眠不觉晓，处处闻啼鸟。\n".encode("gb18030")
    assert document.encoding == "gb18030" and window.encoding_label.text() == "GB18030"
    type_at_line_end(window, 2, "夜来风雨声。")
    press(qtbot, window.editor, StandardKey.Save)  # the chosen encoding stays the document's
    assert path.read_bytes() == "# 草稿\n\n春眠不觉晓，处处闻啼鸟。夜来风雨声。\n".encode("gb18030")


def test_save_with_encoding_of_a_new_document_asks_where(
    app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    type_text(window.editor, "床前明月光")
    asker.encoding, asker.save_to = "cp950", tmp_path / "poem.txt"
    window.commands["file.save_encoding"].trigger()
    assert (tmp_path / "poem.txt").read_bytes() == "床前明月光".encode("cp950")
    assert window.encoding_label.text() == "Big5"


def test_the_file_menu_offers_both_encoding_commands(app_context: AppContext) -> None:
    window = app_context.window
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    texts = [action.text() for action in file_menu.actions()]
    assert "Save with Encodin&g…" in texts and "Reopen &with Encoding…" in texts


def test_the_status_bar_counts_each_chinese_character_as_a_word(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    window.editor.setPlainText("他说：“我明天去北京。” Then he left.")
    label = window.counts_label
    qtbot.waitUntil(lambda: label.text().startswith("11 words · 26 chars (23 without spaces)"), timeout=5_000)


def test_a_long_chinese_text_is_counted_the_same_way_in_the_background(qtbot, app_context: AppContext) -> None:
    from app.ui.editor.counts import LARGE_TEXT_CHARS

    window = app_context.window
    text = "风雪山神庙，林冲 walked on。\n" * (LARGE_TEXT_CHARS // 10)
    window.editor.setPlainText(text)
    lines = LARGE_TEXT_CHARS // 10
    expected = f"{9 * lines:,} words · {19 * lines:,} chars ({17 * lines:,} without spaces)"
    qtbot.waitUntil(lambda: window.counts_label.text().startswith(expected), timeout=30_000)


# -- input methods -------------------------------------------------------------------------------------------------
def compose(editor: QWidget, steps: list[str], commit: str) -> None:
    """What a Chinese input method sends while the user types pinyin and picks characters: the composition so far
    (preedit, not yet text), then the chosen characters (commit)."""
    for preedit in steps:
        QApplication.sendEvent(editor, QInputMethodEvent(preedit, []))
    done = QInputMethodEvent("", [])
    done.setCommitString(commit)
    QApplication.sendEvent(editor, done)


def test_composing_over_a_pending_suggestion_keeps_the_composed_text_and_not_the_suggestion(
    qtbot, app_context: AppContext
) -> None:
    window = app_context.window
    editor = window.editor
    editor.setPlainText("林冲走进了")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(window.continuation.finished, timeout=60_000):
        press(qtbot, editor, shortcut(window, "ai.continue"))
    assert window.continuation.phase is Phase.PENDING and window.continuation.pending_text

    QApplication.sendEvent(editor, QInputMethodEvent("cao", []))
    assert window.continuation.phase is Phase.IDLE  # composing dismisses the suggestion, as typing does
    assert editor.toPlainText() == "林冲走进了"
    compose(editor, ["caoliao", "草料"], "草料场")
    assert editor.toPlainText() == "林冲走进了草料场"
    assert editor.textCursor().position() == len("林冲走进了草料场")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "林冲走进了"  # the composed text is one ordinary edit


def test_composing_while_the_suggestion_streams_stops_it_and_keeps_the_composed_text(
    qtbot, app_context: AppContext
) -> None:
    app_context.settings.set("continue/max_new_tokens", 1500)
    window = app_context.window
    editor = window.editor
    editor.setPlainText("那雪正下得紧")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    press(qtbot, editor, shortcut(window, "ai.continue"))
    qtbot.waitUntil(lambda: len(editor.toPlainText()) > len("那雪正下得紧"), timeout=60_000)
    assert window.continuation.phase is Phase.WRITING

    QApplication.sendEvent(editor, QInputMethodEvent("le", []))
    assert window.continuation.phase is Phase.IDLE and editor.toPlainText() == "那雪正下得紧"  # nothing accepted
    qtbot.waitUntil(lambda: not app_context.client.busy, timeout=30_000)  # and the model stopped
    compose(editor, [], "了。")
    assert editor.toPlainText() == "那雪正下得紧了。"


# -- fonts ---------------------------------------------------------------------------------------------------------
def drawn_with(font: QFont, text: str) -> set[str]:
    """The families the text's glyphs are drawn from in `font`, as they reach the screen."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_chinese_text_is_drawn_with_a_simplified_chinese_font_in_the_editor_preview_and_chat(
    app_context: AppContext,
) -> None:
    if "Noto Sans CJK SC" not in QFontDatabase.families():
        pytest.skip("needs the Noto CJK fonts (Debian: fonts-noto-cjk)")
    window = app_context.window
    pane = window.tabs.current_pane()
    assert pane is not None
    for widget in (window.editor, pane.preview, window.chat_pane.view, window.chat_pane.input):
        assert widget.font().families()[0] not in fonts.cjk_families()  # the user's font comes first
        assert drawn_with(widget.font(), "风雪山神庙") == {"Noto Sans CJK SC"}, widget.objectName()
    zoomed = window.editor
    zoomed.set_zoom(3)
    assert drawn_with(zoomed.font(), "风雪山神庙") == {"Noto Sans CJK SC"}


def test_the_fallback_puts_the_users_own_script_first() -> None:
    assert fonts.cjk_families(QLocale("en_US"))[0] == "Noto Sans CJK SC"
    assert fonts.cjk_families(QLocale("zh_CN"))[0] == "Noto Sans CJK SC"
    assert fonts.cjk_families(QLocale("zh_TW"))[0] == "Noto Sans CJK TC"
    assert fonts.cjk_families(QLocale("ja_JP"))[0] == "Noto Sans CJK JP"
    font = fonts.with_cjk_fallback(fonts.with_cjk_fallback(QFont("DejaVu Serif")))
    assert font.families() == ["DejaVu Serif", *fonts.cjk_families()]  # applied twice, listed once


# -- the real dialogs ------------------------------------------------------------------------------------------------
def test_the_encoding_dialog_lists_common_encodings_and_starts_at_the_current_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def pick_big5(dialog: QWidget) -> None:
        assert isinstance(dialog, EncodingDialog)
        assert "novel.txt" in dialog.prompt.text()
        items = [dialog.list.item(row).text() for row in range(dialog.list.count())]
        seen.extend(items)
        current = dialog.list.currentItem()
        assert current is not None and current.text().startswith("GB18030")
        dialog.list.setCurrentRow(next(i for i, text in enumerate(items) if text.startswith("Big5 ")))
        dialog.accept()

    answering = ModalAnswer(pick_big5)
    assert DialogAsker(parent).choose_encoding("novel.txt", "gb18030", saving=False) == "cp950"
    answering.check()
    assert any(item.startswith("UTF-8 ") for item in seen) and any(item.startswith("Shift-JIS ") for item in seen)

    answering = ModalAnswer(lambda dialog: dialog.close())  # Escape or the window's close button: nothing chosen
    assert DialogAsker(parent).choose_encoding("novel.txt", "utf-8", saving=True) is None
    answering.check()


def test_the_utf8_offer_names_the_character_and_can_be_declined(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    message = "traditional.txt cannot be saved as Big5: the character “们” (U+4EEC) on line 2 has no place in it."

    def answer(button_text: str) -> Callable[[QWidget], None]:
        def click(box: QWidget) -> None:
            assert isinstance(box, QMessageBox) and box.text() == message and "UTF-8" in box.informativeText()
            button = next(b for b in box.buttons() if b.text() == button_text)
            button.click()

        return click

    answering = ModalAnswer(answer("Save as UTF-8"))
    assert DialogAsker(parent).save_as_utf8(message)
    answering.check()
    answering = ModalAnswer(answer("Cancel"))
    assert not DialogAsker(parent).save_as_utf8(message)
    answering.check()


def test_save_with_encoding_never_writes_a_pending_suggestion_and_keeps_it_pending(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    path = tmp_path / "draft.txt"
    path.write_text("春眠不觉晓", encoding="utf-8")
    document = open_and_wait(qtbot, window, path)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(window.continuation.finished, timeout=60_000):
        press(qtbot, window.editor, shortcut(window, "ai.continue"))
    pending = window.continuation.pending_text
    assert pending

    asker.encoding = "gb18030"
    window.commands["file.save_encoding"].trigger()
    assert path.read_bytes() == "春眠不觉晓".encode("gb18030")
    assert window.continuation.phase is Phase.PENDING and window.editor.toPlainText() == "春眠不觉晓" + pending
    assert not document.modified
