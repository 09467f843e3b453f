"""The main window driven like a user would: keys, menus, the status bar, the notice bar."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor

from app.engine.requests import Done, FailureKind, ModelSpec
from app.gui import AppContext
from app.ui.dialogs.asker import UnsavedChoice
from app.ui.editor.continue_writing import Phase
from tests.helpers.asker import ScriptedAsker

CTRL = Qt.KeyboardModifier.ControlModifier


def put_text(context: AppContext, text: str) -> None:
    editor = context.window.editor
    editor.setPlainText(text)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    assert editor.hasFocus()  # the fixture made the window active; shortcuts depend on it


def continue_and_wait(qtbot, context: AppContext) -> object:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(context.window.continuation.finished, timeout=60_000) as blocker:
        qtbot.keyClick(context.window.editor, Qt.Key.Key_Return, CTRL)
    return blocker.args[0]


def test_ctrl_enter_streams_pending_text_tab_accepts_and_one_undo_removes_it(qtbot, app_context: AppContext) -> None:
    original = "The harbour was quiet that morning, and"
    put_text(app_context, original)
    editor = app_context.window.editor
    editor.document().clearUndoRedoStacks()
    result = continue_and_wait(qtbot, app_context)
    assert isinstance(result, Done) and result.text
    continuation = app_context.window.continuation
    assert continuation.phase is Phase.PENDING
    assert editor.toPlainText() == original + result.text  # shown in place, in the pending style
    in_pending = QTextCursor(editor.document())
    in_pending.setPosition(len(editor.toPlainText()))
    assert in_pending.charFormat().fontItalic()  # the pending style marks the model's unconfirmed text

    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert continuation.phase is Phase.IDLE
    assert editor.toPlainText() == original + result.text
    # Accepted text is plain text: no pending colour left on it.
    cursor = QTextCursor(editor.document())
    cursor.setPosition(len(editor.toPlainText()))
    assert not cursor.charFormat().fontItalic()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == original
    assert editor.document().availableUndoSteps() == 0  # the accepted continuation was exactly one undo step


def test_escape_discards_a_finished_continuation_without_a_trace(qtbot, app_context: AppContext) -> None:
    original = "She opened the letter"
    put_text(app_context, original)
    editor = app_context.window.editor
    editor.document().clearUndoRedoStacks()
    continue_and_wait(qtbot, app_context)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.toPlainText() == original
    assert editor.document().availableUndoSteps() == 0
    assert editor.document().availableRedoSteps() == 0  # nothing to bring the discarded text back


def test_continuation_in_the_middle_keeps_the_text_after_the_cursor(qtbot, app_context: AppContext) -> None:
    put_text(app_context, "Before the cursor. After the cursor.")
    editor = app_context.window.editor
    cursor = editor.textCursor()
    cursor.setPosition(len("Before the cursor."))
    editor.setTextCursor(cursor)
    result = continue_and_wait(qtbot, app_context)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert isinstance(result, Done)
    assert editor.toPlainText() == "Before the cursor." + result.text + " After the cursor."


def test_enter_types_a_new_line_and_dismisses_a_pending_suggestion(qtbot, app_context: AppContext) -> None:
    put_text(app_context, "First line.")
    editor = app_context.window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    result = continue_and_wait(qtbot, app_context)
    assert isinstance(result, Done) and result.text
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Second line.")
    assert editor.toPlainText() == "First line.\nSecond line."
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText().startswith("First line.")


def test_escape_stops_generation_then_tab_keeps_what_was_written(qtbot, app_context: AppContext) -> None:
    app_context.settings.set("continue/max_new_tokens", 1500)
    put_text(app_context, "A long story begins")
    editor = app_context.window.editor
    stop = app_context.window.commands["ai.stop"]
    assert not stop.isEnabled()  # idle: Escape belongs to other widgets
    with qtbot.waitSignal(app_context.client.busy_changed, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(editor.toPlainText()) > len("A long story begins"), timeout=60_000)
    assert stop.isEnabled()
    with qtbot.waitSignal(app_context.window.continuation.finished, timeout=30_000) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    done = blocker.args[0]
    assert isinstance(done, Done) and done.cancelled
    assert app_context.window.continuation.phase is Phase.PENDING
    written = editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == written and written.startswith("A long story begins")
    assert not stop.isEnabled()


def test_typing_stops_the_model_and_typing_again_dismisses_the_suggestion(qtbot, app_context: AppContext) -> None:
    app_context.settings.set("continue/max_new_tokens", 1500)
    put_text(app_context, "She opened the door")
    editor = app_context.window.editor
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(editor.toPlainText()) > len("She opened the door"), timeout=60_000)
    with qtbot.waitSignal(app_context.window.continuation.finished, timeout=30_000):
        qtbot.keyClick(editor, Qt.Key.Key_X)  # stops the model; this key is not typed
    assert app_context.window.continuation.phase is Phase.PENDING
    qtbot.keyClicks(editor, "!")  # typing over the suggestion dismisses it and types as usual
    assert app_context.window.continuation.phase is Phase.IDLE
    assert editor.toPlainText() == "She opened the door!"


def test_continue_on_an_empty_document_explains_instead_of_failing(qtbot, app_context: AppContext) -> None:
    put_text(app_context, "")
    qtbot.keyClick(app_context.window.editor, Qt.Key.Key_Return, CTRL)
    assert app_context.messages.last is not None
    assert "Write a few words first" in app_context.messages.last.text
    assert app_context.window.notice_bar.isVisible()
    assert not app_context.client.busy


def test_status_bar_shows_model_device_and_why_no_gpu(qtbot, app_context: AppContext, tiny_model_dir: Path) -> None:
    with qtbot.waitSignal(app_context.client.model_loaded, timeout=60_000):
        app_context.client.load()
    status = app_context.window.status
    assert status.model.text() == tiny_model_dir.name
    info = app_context.client.info
    assert info is not None and status.device.text().startswith(f"CPU · {info.dtype}")
    assert info.dtype in ("float32", "int8", "int4")  # float32, or the fast CPU path's weights
    # This machine's torch is a CPU build: the bar says so in words, the tooltip in a full sentence.
    assert status.device.text().endswith("no GPU: CPU-only PyTorch")
    assert "has no CUDA support" in status.device.toolTip()
    put_text(app_context, "Speed is shown after a run")
    continue_and_wait(qtbot, app_context)
    assert status.speed.text().endswith("tokens/s")


def test_load_failure_reaches_the_notice_bar_and_the_app_keeps_working(
    qtbot, app_context: AppContext, tmp_path: Path, tiny_model_dir: Path
) -> None:
    with qtbot.waitSignal(app_context.client.model_failed, timeout=60_000):
        app_context.client.load(ModelSpec(ref=str(tmp_path / "no-such-model")))
    assert app_context.window.notice_bar.isVisible()
    assert "Model not found." in app_context.window.notice_bar.label.text()
    assert str(tmp_path / "no-such-model") in app_context.window.notice_bar.label.text()
    assert app_context.window.status.model.text() == "Model not loaded"

    with qtbot.waitSignal(app_context.client.model_loaded, timeout=60_000):
        app_context.client.load(ModelSpec(ref=str(tiny_model_dir)))
    put_text(app_context, "Still working")
    assert isinstance(continue_and_wait(qtbot, app_context), Done)


def test_killed_model_host_keeps_the_text_and_the_next_request_works(qtbot, app_context: AppContext) -> None:
    app_context.settings.set("continue/max_new_tokens", 1500)
    put_text(app_context, "The train left the station")
    editor = app_context.window.editor
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(editor.toPlainText()) > len("The train left the station"), timeout=60_000)
    pid = app_context.client.host.pid
    assert pid is not None
    with qtbot.waitSignal(app_context.window.continuation.finished, timeout=30_000) as blocker:
        os.kill(pid, signal.SIGKILL)
    assert getattr(blocker.args[0], "kind", None) is FailureKind.HOST_DIED
    assert "The model stopped." in app_context.window.notice_bar.label.text()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # what was written before the crash can still be kept
    text_after_crash = editor.toPlainText()
    assert text_after_crash.startswith("The train left the station")

    app_context.settings.set("continue/max_new_tokens", 16)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    result = continue_and_wait(qtbot, app_context)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert isinstance(result, Done) and result.reason in ("length", "eos")
    assert editor.toPlainText() == text_after_crash + result.text


def test_a_fresh_window_closes_without_asking(qtbot, app_context: AppContext, asker: ScriptedAsker) -> None:
    assert not app_context.window.isWindowModified()
    assert app_context.window.close()
    assert asker.asked == []


def test_close_with_unsaved_text_can_be_cancelled(qtbot, app_context: AppContext, asker: ScriptedAsker) -> None:
    put_text(app_context, "Unsaved words")
    qtbot.keyClicks(app_context.window.editor, "!")
    asker.unsaved = UnsavedChoice.CANCEL
    assert not app_context.window.close()
    assert [kind for kind, _ in asker.asked] == ["unsaved"]
    assert app_context.window.isVisible()
    assert app_context.window.editor.toPlainText() == "Unsaved words!"
    assert app_context.client._thread.isRunning()  # the model was not shut down either


def test_open_and_save_a_file(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nfirst line\n", encoding="utf-8")
    with qtbot.waitSignal(app_context.window.workspace.opened, timeout=10_000):
        app_context.window.open_file(path)
    editor = app_context.window.editor
    assert editor.toPlainText() == "# Notes\n\nfirst line\n"
    assert app_context.window.windowTitle().startswith("notes.md")
    assert app_context.window.tabs.count() == 1  # the blank starting tab made room for the file
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "second line")
    assert app_context.window.isWindowModified()
    app_context.window.commands["file.save"].trigger()
    assert path.read_text(encoding="utf-8") == "# Notes\n\nfirst line\nsecond line"
    assert not app_context.window.isWindowModified()


def test_opening_a_binary_file_says_so_and_keeps_the_text(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    put_text(app_context, "my draft")
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with qtbot.waitSignal(app_context.messages.posted, timeout=10_000):
        app_context.window.open_file(binary)
    assert "binary" in app_context.window.notice_bar.label.text()
    assert app_context.window.editor.toPlainText() == "my draft"


def test_copy_diagnostics(qtbot, app_context: AppContext) -> None:
    app_context.window.commands["help.diagnostics"].trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Inkwell ")
    assert "torch" in text and "PySide6-Essentials" in text
    assert "Diagnostics copied" in app_context.window.notice_bar.label.text()
