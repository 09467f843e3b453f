"""Documents in the real window: tabs, opening and saving, the unsaved-changes question, recent files, dropped
files, files changed by other programs, bad input, Word import, export, session restore, and the view settings."""

from __future__ import annotations

import codecs
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from app.gui import AppContext
from app.paths import AppPaths
from app.store.settings import Settings
from app.ui.dialogs.asker import UnsavedChoice
from app.ui.editor import continue_writing, selection_actions
from app.ui.editor.document import Document
from app.ui.editor.editor import BASE_POINT_SIZE, Editor
from app.ui.main_window import MainWindow
from tests.helpers.asker import ScriptedAsker
from tests.helpers.editor_windows import (
    ModalAnswer,
    RecoveryChoices,
    WindowFactory,
    open_and_wait,
    open_expecting_notice,
    press,
    restore_all,
    shortcut,
    type_text,
)

StandardKey = QKeySequence.StandardKey


@pytest.fixture
def new_window(qtbot, make_client, tiny_model_dir: Path) -> Iterator[WindowFactory]:  # type: ignore[no-untyped-def]
    factory = WindowFactory(qtbot, make_client, tiny_model_dir)
    yield factory
    factory.close_all()


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def texts(window: MainWindow) -> list[str]:
    return [pane.editor.toPlainText() for pane in window.tabs.panes()]


def active_editor(window: MainWindow) -> Editor:
    editor = window.current_editor()
    assert editor is not None
    return editor


def type_at_end(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = active_editor(window)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, text)


def replace_atomically(path: Path, text: str) -> None:
    """How most editors save: write a new file and rename it over the old one."""
    scratch = path.with_name(path.name + ".new")
    scratch.write_bytes(text.encode("utf-8"))
    os.replace(scratch, path)


# -- new, open, save, save as, close -----------------------------------------------------------------------------------
def test_new_save_and_save_as_through_the_keys(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    press(qtbot, window.editor, shortcut(window, "file.new"))
    assert window.tabs.count() == 2
    assert window.workspace.active is window.tabs.current_pane().document  # type: ignore[union-attr]
    title = window.workspace.active.title  # type: ignore[union-attr]
    assert title.startswith("Untitled ")
    type_at_end(qtbot, window, "A first draft.")
    assert window.isWindowModified()
    assert window.windowTitle() == f"{title}[*] — Inkwell"
    assert window.tabs.tabText(window.tabs.currentIndex()) == f"● {title}"

    asker.save_to = tmp_path / "draft"  # no extension given: Markdown
    press(qtbot, window.editor, StandardKey.Save)
    assert [kind for kind, _ in asker.asked] == ["save_path"]
    assert asker.asked[0][1].endswith(f"{title}.md")  # the suggested name is the tab's name, as Markdown
    saved = tmp_path / "draft.md"
    assert saved.read_text(encoding="utf-8") == "A first draft."
    assert not window.isWindowModified()
    assert window.windowTitle() == "draft.md[*] — Inkwell"
    assert window.tabs.tabText(window.tabs.currentIndex()) == "draft.md"

    type_at_end(qtbot, window, " More.")
    asker.save_to = tmp_path / "copy.md"
    press(qtbot, window.editor, shortcut(window, "file.save_as"))
    assert (tmp_path / "copy.md").read_text(encoding="utf-8") == "A first draft. More."
    assert saved.read_text(encoding="utf-8") == "A first draft."  # Save As leaves the old file as it was
    assert window.workspace.active.path == tmp_path / "copy.md"  # type: ignore[union-attr]

    type_at_end(qtbot, window, "!")
    asker.save_to = None  # the user cancels the file dialog
    press(qtbot, window.editor, shortcut(window, "file.save_as"))
    assert window.isWindowModified()
    assert (tmp_path / "copy.md").read_text(encoding="utf-8") == "A first draft. More."
    press(qtbot, window.editor, StandardKey.Save)  # plain Save writes to the file it has, without asking
    assert (tmp_path / "copy.md").read_text(encoding="utf-8") == "A first draft. More.!"


def test_opening_shows_the_file_and_closing_an_unchanged_tab_asks_nothing(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    first = open_and_wait(qtbot, window, write(tmp_path / "a.md", "alpha\n"))
    assert texts(window) == ["alpha\n"]  # the blank starting tab made room
    open_and_wait(qtbot, window, write(tmp_path / "b.md", "beta\n"))
    assert texts(window) == ["alpha\n", "beta\n"]
    again = open_and_wait(qtbot, window, tmp_path / "a.md")  # already open: shown, not opened twice
    assert again is first and window.tabs.count() == 2
    assert window.workspace.active is first
    assert window.windowTitle() == "a.md[*] — Inkwell" and not window.isWindowModified()
    assert window.tabs.tabToolTip(window.tabs.currentIndex()) == str(tmp_path / "a.md")
    press(qtbot, window.editor, shortcut(window, "file.close"))
    assert texts(window) == ["beta\n"]
    assert asker.asked == []
    press(qtbot, window.editor, shortcut(window, "file.close"))
    # Closing the last tab leaves a blank document to write in.
    qtbot.waitUntil(lambda: window.tabs.count() == 1 and texts(window) == [""], timeout=5_000)
    assert window.workspace.active is not None and window.workspace.active.path is None


@pytest.mark.parametrize("choice", [UnsavedChoice.CANCEL, UnsavedChoice.DISCARD, UnsavedChoice.SAVE])
def test_closing_a_changed_document_asks_save_discard_or_cancel(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path, choice: UnsavedChoice
) -> None:
    window = app_context.window
    path = write(tmp_path / "notes.md", "kept on disk\n")
    open_and_wait(qtbot, window, path)
    open_and_wait(qtbot, window, write(tmp_path / "other.md", "other\n"))
    window.tabs.setCurrentIndex(0)
    type_at_end(qtbot, window, "new words")
    asker.unsaved = choice
    press(qtbot, window.editor, shortcut(window, "file.close"))
    assert asker.asked == [("unsaved", "notes.md")]
    if choice is UnsavedChoice.CANCEL:
        assert texts(window) == ["kept on disk\nnew words", "other\n"]
        assert window.isWindowModified()
        assert path.read_text() == "kept on disk\n"
    elif choice is UnsavedChoice.DISCARD:
        assert texts(window) == ["other\n"]
        assert path.read_text() == "kept on disk\n"
    else:
        assert texts(window) == ["other\n"]
        assert path.read_text() == "kept on disk\nnew words"


def test_a_path_is_never_open_in_two_tabs(qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path) -> None:
    window = app_context.window
    path = write(tmp_path / "twice.md", "from the disk\n")
    with qtbot.waitSignal(window.workspace.opened, timeout=15_000):
        window.open_file(path)
        window.open_file(tmp_path / "." / "twice.md")  # the same file again while the first read is under way
    assert texts(window) == ["from the disk\n"]
    window.workspace.new()
    type_at_end(qtbot, window, "mine")
    mine = window.workspace.active
    other = write(tmp_path / "other.md", "the file's words\n")
    with qtbot.waitSignal(window.workspace.opened, timeout=15_000) as blocker:
        window.open_file(other)
        asker.save_to = other  # the untitled document is saved under that name while the file is read
        assert window.workspace.save_as(mine)  # type: ignore[arg-type]
    assert blocker.args[0] is mine and window.workspace.active is mine  # what is open wins, shown once
    assert texts(window) == ["from the disk\n", "mine"]
    assert other.read_text(encoding="utf-8") == "mine"


def test_saving_an_untitled_document_on_close_can_still_be_cancelled(
    qtbot, app_context: AppContext, asker: ScriptedAsker
) -> None:
    window = app_context.window
    type_at_end(qtbot, window, "never lose this")
    asker.unsaved = UnsavedChoice.SAVE
    asker.save_to = None  # ... then the user cancels the file dialog
    press(qtbot, window.editor, shortcut(window, "file.close"))
    assert [kind for kind, _ in asker.asked] == ["unsaved", "save_path"]
    assert texts(window) == ["never lose this"]


def test_quitting_asks_about_each_changed_document(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    for name in ("a.md", "b.md", "c.md"):
        open_and_wait(qtbot, window, write(tmp_path / name, name))
    for index in (0, 2):
        window.tabs.setCurrentIndex(index)
        type_at_end(qtbot, window, " changed")
    asker.unsaved = UnsavedChoice.CANCEL
    assert not window.close()
    assert asker.asked == [("unsaved", "a.md")]  # cancelled at the first: nothing else asked, nothing closed
    assert window.isVisible() and window.tabs.count() == 3
    asker.asked.clear()
    asker.unsaved = UnsavedChoice.SAVE
    assert window.close()
    assert asker.asked == [("unsaved", "a.md"), ("unsaved", "c.md")]
    assert (tmp_path / "a.md").read_text() == "a.md changed" and (tmp_path / "c.md").read_text() == "c.md changed"
    assert (tmp_path / "b.md").read_text() == "b.md"


STORY = "The harbour was quiet that morning, and"


def continue_and_wait(qtbot, window: MainWindow) -> str:  # type: ignore[no-untyped-def]
    """Continue writing at the end of the active document; the model's text, left pending."""
    with qtbot.waitSignal(window.continuation.finished, timeout=60_000):
        press(qtbot, window.editor, shortcut(window, "ai.continue"))
    pending = window.continuation.pending_text
    assert pending and window.continuation.phase is continue_writing.Phase.PENDING
    return pending


def test_cancelling_the_close_keeps_an_unaccepted_continuation_and_save_never_writes_it(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    notes = write(tmp_path / "notes.md", "notes\n")
    open_and_wait(qtbot, window, notes)
    type_at_end(qtbot, window, " today")  # a changed document before the story: closing asks about it first
    path = write(tmp_path / "story.md", "The harbour was quiet")
    story = open_and_wait(qtbot, window, path)
    type_at_end(qtbot, window, " that morning, and")  # the user's own change, which closing asks about too
    pending = continue_and_wait(qtbot, window)
    editor = window.editor
    assert editor.toPlainText() == STORY + pending

    asker.unsaved = UnsavedChoice.CANCEL
    assert not window.close()
    assert asker.asked == [("unsaved", "notes.md")]  # the question showed notes.md; Cancel goes back to the story
    assert window.isVisible() and window.workspace.active is story and window.editor is editor
    assert window.continuation.phase is continue_writing.Phase.PENDING and window.continuation.pending_text == pending
    assert editor.toPlainText() == STORY + pending  # in place, still pending
    in_pending = QTextCursor(editor.document())
    in_pending.setPosition(len(STORY) + 1)
    assert in_pending.charFormat().fontItalic()
    assert path.read_text(encoding="utf-8") == "The harbour was quiet"

    asker.asked.clear()
    asker.unsaved = UnsavedChoice.SAVE
    assert window.close()
    assert asker.asked == [("unsaved", "notes.md"), ("unsaved", "story.md")]
    assert path.read_text(encoding="utf-8") == STORY  # the user's words, never the unaccepted suggestion
    assert notes.read_text(encoding="utf-8") == "notes\n today"


def test_a_continuation_kept_by_cancelling_the_close_is_still_one_tab_to_accept(
    qtbot, app_context: AppContext, asker: ScriptedAsker
) -> None:
    window = app_context.window
    type_at_end(qtbot, window, STORY)
    window.editor.document().clearUndoRedoStacks()
    pending = continue_and_wait(qtbot, window)
    asker.unsaved = UnsavedChoice.CANCEL
    assert not window.close()
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.continuation.phase is continue_writing.Phase.IDLE
    assert window.editor.toPlainText() == STORY + pending
    in_accepted = QTextCursor(window.editor.document())
    in_accepted.setPosition(len(STORY) + 1)
    assert not in_accepted.charFormat().fontItalic()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == STORY and window.editor.document().availableUndoSteps() == 0


def test_a_document_changed_only_by_a_pending_continuation_closes_without_asking(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    path = write(tmp_path / "story.md", STORY)
    open_and_wait(qtbot, window, path)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    continue_and_wait(qtbot, window)
    asker.unsaved = UnsavedChoice.CANCEL
    assert window.close()
    assert asker.asked == [] and path.read_text(encoding="utf-8") == STORY


def test_cancelling_the_close_keeps_the_review(qtbot, app_context: AppContext, asker: ScriptedAsker) -> None:
    window = app_context.window
    type_at_end(qtbot, window, "Teh secund paragrafh has erors.")
    review = window.review
    with qtbot.waitSignal(review.finished, timeout=60_000):
        press(qtbot, window.editor, shortcut(window, "ai.proofread"))
    assert review.phase is selection_actions.Phase.READY
    result = review.result
    asker.unsaved = UnsavedChoice.CANCEL
    assert not window.close()
    assert review.phase is selection_actions.Phase.READY and review.result == result
    assert window.review_panel.isVisible()
    assert texts(window) == ["Teh secund paragrafh has erors."]


# -- tabs and the panes' bridge ----------------------------------------------------------------------------------------
def test_the_panes_bridge_follows_the_active_tab(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    window = app_context.window
    a = open_and_wait(qtbot, window, write(tmp_path / "a.md", "alpha one two\n"))
    b = open_and_wait(qtbot, window, write(tmp_path / "b.md", "beta three\n"))
    bridge = window.bridge
    assert bridge.document_text() == "beta three\n"
    window.tabs.setCurrentIndex(0)
    assert window.workspace.active is a
    assert bridge.document_text() == "alpha one two\n"
    assert not bridge.has_selection()
    bridge.select_range(0, 5)
    assert bridge.selected_text() == "alpha"
    assert bridge.replace_selection("ALPHA")
    assert a.text == "ALPHA one two\n" and b.text == "beta three\n"
    qtbot.waitUntil(lambda: "3 words" in window.counts_label.text(), timeout=5_000)  # the counts follow too
    window.tabs.setCurrentIndex(1)
    assert bridge.document_text() == "beta three\n"
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("2 words"), timeout=5_000)
    bridge.insert_at_cursor("inserted ")
    assert b.text == "inserted beta three\n" and a.text == "ALPHA one two\n"
    window.tabs.setCurrentIndex(0)
    active_editor(window).undo()  # the pane's change was one undo step
    assert a.text == "alpha one two\n"


# -- recent files ------------------------------------------------------------------------------------------------------
def test_recent_files_are_remembered_and_reopen(
    qtbot, app_context: AppContext, settings: Settings, tmp_path: Path
) -> None:
    window = app_context.window
    a, b = write(tmp_path / "a.md", "alpha\n"), write(tmp_path / "b.md", "beta\n")
    assert not window.recent_menu.isEnabled()
    for path in (a, b, a):
        open_and_wait(qtbot, window, path)
    assert window.workspace.recent() == [b.resolve(), a.resolve()]
    # Persisted in the settings file: a fresh reader of the file sees them.
    settings.sync()
    assert Settings.at(str(tmp_path / "settings.ini")).get("files/recent", str).split("\n") == [str(b), str(a)]
    names = [action.text() for action in window.recent_menu.actions() if not action.isSeparator()]
    assert names == ["b.md", "a.md", "Clear Recent Files"]
    assert window.recent_menu.isEnabled()

    for _ in range(2):
        press(qtbot, window.editor, shortcut(window, "file.close"))
    qtbot.waitUntil(lambda: texts(window) == [""], timeout=5_000)
    reopen = next(action for action in window.recent_menu.actions() if action.text() == "a.md")
    with qtbot.waitSignal(window.workspace.opened, timeout=15_000):
        reopen.trigger()
    assert texts(window) == ["alpha\n"]

    clear = next(action for action in window.recent_menu.actions() if action.text() == "Clear Recent Files")
    clear.trigger()
    assert window.workspace.recent() == []
    assert not window.recent_menu.isEnabled()


# -- drag and drop -----------------------------------------------------------------------------------------------------
def test_dropping_files_on_the_editor_opens_them(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    window = app_context.window
    editor = window.editor
    editor.setPlainText("my draft")
    first, second = write(tmp_path / "one.md", "first file\n"), write(tmp_path / "two.txt", "second file\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second))])
    target = editor.viewport()
    point = target.rect().center()
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(texts(window)) == 3, timeout=15_000)
    assert texts(window) == ["my draft", "first file\n", "second file\n"]  # the path was not pasted as text


def test_dropping_text_still_inserts_text(qtbot, app_context: AppContext) -> None:
    editor = app_context.window.editor
    editor.setPlainText("")
    mime = QMimeData()
    mime.setText("dropped words")
    target = editor.viewport()
    point = QPoint(10, 10)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers),
        QDragMoveEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers),
        QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, modifiers),
    ):
        QApplication.sendEvent(target, event)
        assert event.isAccepted()
    assert editor.toPlainText() == "dropped words"
    assert app_context.window.tabs.count() == 1


# -- files changed by other programs -----------------------------------------------------------------------------------
def test_a_file_changed_on_disk_reloads_without_a_question_when_nothing_is_unsaved(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    path = write(tmp_path / "shared.md", "version one\n")
    document = open_and_wait(qtbot, window, path)
    asker.reload = False  # would keep the old text if asked: it must not be asked
    replace_atomically(path, "version two, from another program\n")
    qtbot.waitUntil(lambda: document.text == "version two, from another program\n", timeout=15_000)
    assert ("reload", "shared.md") not in asker.asked
    assert "shared.md changed on disk and was reloaded" in window.notice_bar.label.text()
    assert not document.modified
    # The reload is one undo step: the user can take it back, which makes the text differ from the file again.
    active_editor(window).undo()
    assert document.text == "version one\n" and document.modified
    # The watch survives the rename: a second change is noticed too, and now it asks before replacing that text.
    asker.reload = True
    replace_atomically(path, "version three\n")
    qtbot.waitUntil(lambda: document.text == "version three\n", timeout=15_000)
    assert asker.asked.count(("reload", "shared.md")) == 1


def test_keeping_my_text_when_the_file_changed_on_disk(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    path = write(tmp_path / "shared.md", "mine\n")
    document = open_and_wait(qtbot, window, path)
    type_at_end(qtbot, window, " too")  # unsaved edits: now a change on disk asks first
    asker.reload = False
    replace_atomically(path, "theirs, longer\n")
    qtbot.waitUntil(lambda: ("reload", "shared.md") in asker.asked, timeout=15_000)
    assert document.text == "mine\n too"
    assert document.modified  # what is on screen differs from the file: saving or closing must not lose it
    window.workspace.check_disk(document)  # nothing new on disk: not asked again
    assert asker.asked.count(("reload", "shared.md")) == 1
    press(qtbot, window.editor, StandardKey.Save)
    assert path.read_text() == "mine\n too"


def test_a_deleted_file_is_reported_and_its_text_saved_again(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    window = app_context.window
    path = write(tmp_path / "gone.md", "still here\n")
    document = open_and_wait(qtbot, window, path)
    path.unlink()
    qtbot.waitUntil(lambda: "deleted" in (app_context.messages.last.text if app_context.messages.last else ""))
    assert "gone.md" in window.notice_bar.label.text() and window.notice_bar.isVisible()
    assert document.text == "still here\n"
    press(qtbot, window.editor, StandardKey.Save)
    assert path.read_text() == "still here\n"


def test_closing_after_the_file_was_deleted_asks_first(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    """The notice says "save it to keep it": the only copy is in the editor, so closing must ask."""
    window = app_context.window
    path = write(tmp_path / "gone.md", "the only copy\n")
    open_and_wait(qtbot, window, path)
    path.unlink()
    qtbot.waitUntil(lambda: "deleted" in (app_context.messages.last.text if app_context.messages.last else ""))
    asker.unsaved = UnsavedChoice.CANCEL
    press(qtbot, window.editor, shortcut(window, "file.close"))
    assert ("unsaved", "gone.md") in asker.asked
    assert texts(window) == ["the only copy\n"]


def test_a_folder_removed_before_saving_gives_a_message_and_keeps_the_text(
    qtbot, app_context: AppContext, tmp_path: Path
) -> None:
    window = app_context.window
    folder = tmp_path / "project"
    folder.mkdir()
    document = open_and_wait(qtbot, window, write(folder / "notes.md", "draft\n"))
    type_at_end(qtbot, window, "unsaved line")
    shutil.rmtree(folder)
    with qtbot.waitSignal(app_context.messages.posted, timeout=5_000) as blocker:
        press(qtbot, window.editor, StandardKey.Save)
    assert "notes.md cannot be saved there" in blocker.args[0].text
    assert "Traceback" not in blocker.args[0].text
    assert document.text == "draft\nunsaved line" and document.modified and window.isWindowModified()


def make_unwritable(path: Path) -> None:
    """Make `path` refuse writes. Read-only modes stop ordinary users; root ignores them (CI runs as root), so
    there the folder becomes a link into /proc, which refuses new files even to root."""
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        with path.open("a"):
            pass
    except PermissionError:
        return
    path.parent.chmod(0o755)
    moved = path.parent.with_name(path.parent.name + "-moved")
    path.parent.rename(moved)
    moved.with_name(path.parent.name).symlink_to("/proc")


def test_a_file_made_read_only_before_saving_gives_a_message_and_keeps_the_text(
    qtbot, app_context: AppContext, tmp_path: Path
) -> None:
    window = app_context.window
    folder = tmp_path / "ro"
    folder.mkdir()
    path = write(folder / "locked.md", "original\n")
    document = open_and_wait(qtbot, window, path)
    type_at_end(qtbot, window, "my edit")
    make_unwritable(path)
    try:
        with qtbot.waitSignal(app_context.messages.posted, timeout=5_000) as blocker:
            press(qtbot, window.editor, StandardKey.Save)
    finally:
        if folder.is_dir() and not folder.is_symlink():
            folder.chmod(0o755)
    assert "locked.md" in blocker.args[0].text and "saved" in blocker.args[0].text
    assert document.text == "original\nmy edit" and document.modified


def test_save_as_to_a_place_without_write_permission(qtbot, app_context: AppContext, asker: ScriptedAsker) -> None:
    window = app_context.window
    type_at_end(qtbot, window, "important")
    asker.save_to = Path("/proc/inkwell-test.md")  # /proc refuses new files even to root
    with qtbot.waitSignal(app_context.messages.posted, timeout=5_000) as blocker:
        press(qtbot, window.editor, shortcut(window, "file.save_as"))
    assert "cannot be saved there" in blocker.args[0].text and "Choose another folder" in blocker.args[0].text
    document = window.workspace.active
    assert document is not None and document.path is None and document.modified
    assert texts(window) == ["important"]
    assert not Path("/proc/inkwell-test.md").exists()


# -- encodings and line endings ----------------------------------------------------------------------------------------
def test_a_windows_1252_file_opens_without_a_question_and_saves_back_byte_for_byte(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    raw = b"Caf\xe9 cr\xe8me \x80 5\r\n"
    path = tmp_path / "old.txt"
    path.write_bytes(raw)
    document = open_and_wait(qtbot, window, path)
    assert asker.asked == []
    assert document.text == "Café crème € 5\n" and document.encoding == "cp1252"
    assert window.encoding_label.text() == "Windows-1252"
    press(qtbot, window.editor, StandardKey.Save)
    assert path.read_bytes() == raw  # written back in its own encoding, byte for byte


def test_a_file_no_encoding_fits_asks_first_and_opens_as_windows_1252(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    raw = bytes(range(0x80, 0x100)) * 2
    path = tmp_path / "old.txt"
    path.write_bytes(raw)
    asker.legacy_encoding = False
    window.open_file(path)
    qtbot.waitUntil(lambda: bool(asker.asked), timeout=15_000)
    kind, message = asker.asked[0]
    assert kind == "encoding" and "old.txt is not UTF-8" in message
    window.workspace.wait_for_reads(5_000)
    assert texts(window) == [""]  # declined: nothing opened

    asker.asked.clear()
    asker.legacy_encoding = True
    document = open_and_wait(qtbot, window, path)
    assert document.encoding == "cp1252" and document.text.startswith("€")


def test_utf16_with_a_bom_opens_and_saves_in_utf16(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    window = app_context.window
    raw = codecs.BOM_UTF16_LE + "中文 text\r\nsecond line\r\n".encode("utf-16-le")
    path = tmp_path / "wide.txt"
    path.write_bytes(raw)
    document = open_and_wait(qtbot, window, path)
    assert document.text == "中文 text\nsecond line\n"
    press(qtbot, window.editor, StandardKey.Save)
    assert path.read_bytes() == raw
    type_at_end(qtbot, window, "third")
    press(qtbot, window.editor, StandardKey.Save)
    assert path.read_bytes() == raw + "third".encode("utf-16-le")


def test_mixed_line_endings_survive_a_save_byte_for_byte(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    window = app_context.window
    raw = b"one\r\ntwo\nthree\rfour\r\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(raw)
    document = open_and_wait(qtbot, window, path)
    assert document.text == "one\ntwo\nthree\nfour\n"
    press(qtbot, window.editor, StandardKey.Save)
    assert path.read_bytes() == raw
    # An edit inside a line keeps every line's own ending.
    cursor = QTextCursor(document.qdoc)
    cursor.setPosition(len("one\ntwo"))
    cursor.insertText(" and a half")
    press(qtbot, window.editor, StandardKey.Save)
    assert path.read_bytes() == b"one\r\ntwo and a half\nthree\rfour\r\n"


def test_special_spaces_and_separators_survive_a_save_byte_for_byte(
    qtbot, app_context: AppContext, tmp_path: Path
) -> None:
    """French typography puts no-break spaces before "!" and ":"; a file must come back exactly as it was."""
    window = app_context.window
    raw = "Bonjour\u00a0! Prix\u00a0: 5\u202f€\nline\u2028separator\n".encode()
    path = tmp_path / "fr.md"
    path.write_bytes(raw)
    open_and_wait(qtbot, window, path)
    press(qtbot, window.editor, StandardKey.Save)
    assert path.read_bytes() == raw


# -- files that are not for the editor ---------------------------------------------------------------------------------
def test_a_binary_file_is_refused_with_a_message(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    app_context.window.editor.setPlainText("my draft")
    notice = open_expecting_notice(qtbot, app_context, path)
    assert "archive.txt looks like a binary file" in notice
    assert texts(app_context.window) == ["my draft"]


def test_a_100_mb_file_is_refused_before_it_is_read(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: takes no room, but says it is 100 MB
    notice = open_expecting_notice(qtbot, app_context, path)
    assert "huge.txt is 100 MB" in notice and "up to 10 MB" in notice
    assert texts(app_context.window) == [""]
    assert app_context.window.isVisible()


def test_a_missing_file_is_explained(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    notice = open_expecting_notice(qtbot, app_context, tmp_path / "nowhere.md")
    assert "nowhere.md does not exist" in notice


# -- Word documents ----------------------------------------------------------------------------------------------------
def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Quarterly Notes", level=1)
    document.add_paragraph("Sales rose in spring.")
    document.add_paragraph("First point", style="List Bullet")
    document.add_paragraph("Second point", style="List Bullet")
    document.add_heading("Next steps", level=2)
    document.add_paragraph("Hire two people.")
    document.save(str(path))
    return path


def test_a_word_document_is_imported_as_a_new_markdown_document(
    qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path
) -> None:
    window = app_context.window
    source = make_docx(tmp_path / "report.docx")
    before = source.read_bytes()
    document = open_and_wait(qtbot, window, source)
    assert document.text == (
        "# Quarterly Notes\n\nSales rose in spring.\n\n- First point\n- Second point\n\n## Next steps\n\n"
        "Hire two people.\n"
    )
    assert document.path is None and document.modified  # a new document: saving never overwrites the .docx
    assert "Imported report.docx" in window.notice_bar.label.text()
    asker.save_to = tmp_path / "report-notes"
    press(qtbot, window.editor, StandardKey.Save)
    assert (tmp_path / "report-notes.md").read_text(encoding="utf-8") == document.text
    assert source.read_bytes() == before


def test_a_broken_word_document_is_explained(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"this is not a zip file")
    notice = open_expecting_notice(qtbot, app_context, path)
    assert "broken.docx is not a Word document Inkwell can read" in notice


# -- export ------------------------------------------------------------------------------------------------------------
EXPORTED = "# Report\n\nSome **bold** words and *italic* ones.\n\n- item one\n- item two\n"


def test_export_writes_real_files_of_each_kind(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    window = app_context.window
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    window.editor.setPlainText(EXPORTED)
    document = window.workspace.active
    assert document is not None
    for kind in ("md", "txt", "html", "docx", "pdf"):
        with qtbot.waitSignal(window.exported, timeout=60_000) as written:
            window.export_to(document, tmp_path / f"report.{kind}", kind)
        assert written.args == [tmp_path / f"report.{kind}", True]
        assert f"Exported to {tmp_path / f'report.{kind}'}" in window.notice_bar.label.text()

    assert (tmp_path / "report.md").read_text(encoding="utf-8") == EXPORTED
    # Plain text: the words without Markdown's markup; headings, paragraphs and list items as plain lines.
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == (
        "Report\n\nSome bold words and italic ones.\n\n- item one\n- item two\n"
    )
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert re.search(r"<h1[^>]*>.*Report.*</h1>", html, re.DOTALL)
    assert re.search(r"font-weight:\s*(700|bold|600)[^>]*>bold<", html)
    assert "<li" in html and "item two" in html
    word = docx.Document(str(tmp_path / "report.docx"))
    paragraphs = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Heading 1", "Report") in paragraphs
    assert ("List Bullet", "item one") in paragraphs and ("List Bullet", "item two") in paragraphs
    body = next(p for p in word.paragraphs if p.text.startswith("Some"))
    assert body.text == "Some bold words and italic ones."
    assert [r.text for r in body.runs if r.bold] == ["bold"] and [r.text for r in body.runs if r.italic] == ["italic"]
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:] and len(pdf) > 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"report.{k}" for k in ("docx", "html", "md", "pdf", "txt")]


@pytest.mark.parametrize("kind", ["md", "html", "docx", "pdf"])
def test_export_to_a_place_without_write_permission_says_so(qtbot, app_context: AppContext, kind: str) -> None:
    window = app_context.window
    window.editor.setPlainText(EXPORTED)
    document = window.workspace.active
    assert document is not None
    with qtbot.waitSignal(window.exported, timeout=60_000) as written:
        window.export_to(document, Path(f"/proc/inkwell-export.{kind}"), kind)
    assert written.args == [Path(f"/proc/inkwell-export.{kind}"), False]
    notice = window.notice_bar.label.text()
    assert f"inkwell-export.{kind}" in notice and "saved" in notice
    assert "Traceback" not in notice
    assert window.editor.toPlainText() == EXPORTED
    assert not Path(f"/proc/inkwell-export.{kind}").exists()


# -- session restore, view settings ------------------------------------------------------------------------------------
def test_the_next_start_restores_documents_active_tab_cursors_and_layout(
    qtbot, app_context: AppContext, app_paths: AppPaths, settings: Settings, tmp_path: Path, new_window
) -> None:
    window = app_context.window
    a = write(tmp_path / "a.md", "alpha line one\nalpha line two\n")
    b = write(tmp_path / "b.md", "beta line one\nbeta line two\nbeta line three\n")
    c = write(tmp_path / "c.md", "gamma\n")
    for path, position in ((a, 20), (b, 31), (c, 3)):
        open_and_wait(qtbot, window, path)
        cursor = active_editor(window).textCursor()
        cursor.setPosition(position)
        active_editor(window).setTextCursor(cursor)
    window.tabs.setCurrentIndex(1)  # b is the active tab
    window.docks["chat"].show()
    press(qtbot, window.editor, StandardKey.ZoomIn)
    press(qtbot, window.editor, shortcut(window, "view.word_wrap"))
    assert window.close()

    restarted = new_window(app_paths, Settings.at(str(tmp_path / "settings.ini")))
    second = restarted.window
    qtbot.waitUntil(lambda: [d.path for d in second.workspace.documents] == [a, b, c], timeout=15_000)
    qtbot.waitUntil(lambda: [p.editor.textCursor().position() for p in second.tabs.panes()] == [20, 31, 3])
    assert not second.docks["chat"].isHidden()
    for pane in second.tabs.panes():
        assert pane.editor.zoom_steps == 1 and pane.editor.font().pointSizeF() == BASE_POINT_SIZE + 1
        assert pane.editor.lineWrapMode() == Editor.LineWrapMode.NoWrap
    active = second.workspace.active
    assert active is not None and active.path == b, "the tab that was active is active again"
    assert active_editor(second) is second.tabs.pane_for(active).editor  # type: ignore[union-attr]


def test_the_active_tab_is_restored_when_untitled_tabs_come_before_it(
    qtbot, app_context: AppContext, app_paths: AppPaths, tmp_path: Path, new_window, asker: ScriptedAsker
) -> None:
    window = app_context.window
    type_at_end(qtbot, window, "scratch")  # an untitled tab, first: the session does not keep it
    a = write(tmp_path / "a.md", "alpha\n")
    b = write(tmp_path / "b.md", "beta\n")
    open_and_wait(qtbot, window, a)
    open_and_wait(qtbot, window, b)
    window.tabs.setCurrentIndex(0)
    assert window.session_state().active == -1  # the untitled tab was active: none of the saved ones
    window.tabs.setCurrentIndex(1)  # a is the active tab
    assert window.session_state().active == 0
    asker.unsaved = UnsavedChoice.DISCARD
    assert window.close()

    restarted = new_window(app_paths, Settings.at(str(tmp_path / "settings.ini")))
    second = restarted.window
    qtbot.waitUntil(lambda: [d.path for d in second.workspace.documents] == [a, b], timeout=15_000)
    active = second.workspace.active
    assert active is not None and active.path == a, "the tab that was active is active again"
    assert active_editor(second) is second.tabs.pane_for(active).editor  # type: ignore[union-attr]


def test_an_untitled_document_is_not_in_the_session(
    qtbot, app_context: AppContext, app_paths: AppPaths, tmp_path: Path, new_window, asker: ScriptedAsker
) -> None:
    window = app_context.window
    type_at_end(qtbot, window, "scratch")
    asker.unsaved = UnsavedChoice.DISCARD
    assert window.close()
    offered = RecoveryChoices(restore_all)
    restarted = new_window(app_paths, Settings.at(str(tmp_path / "settings.ini")), recovery=offered)
    assert texts(restarted.window) == [""]
    assert offered.offered == []  # a clean close leaves nothing to recover either


def test_markdown_preview_shows_rendered_headings(qtbot, app_context: AppContext, settings: Settings) -> None:
    window = app_context.window
    window.editor.setPlainText("# Title\n\nSome *words*.\n")
    pane = window.tabs.current_pane()
    assert pane is not None and not pane.preview.isVisible()
    press(qtbot, window.editor, shortcut(window, "view.preview"))
    assert pane.preview.isVisible()
    assert settings.get("editor/preview", bool)

    def headings() -> list[tuple[int, str]]:
        found = []
        block = pane.preview.document().firstBlock()
        while block.isValid():
            if block.blockFormat().headingLevel():
                found.append((block.blockFormat().headingLevel(), block.text()))
            block = block.next()
        return found

    qtbot.waitUntil(lambda: headings() == [(1, "Title")], timeout=5_000)
    assert "#" not in pane.preview.toPlainText()

    type_at_end(qtbot, window, "\n## Second part\n")
    qtbot.waitUntil(lambda: headings() == [(1, "Title"), (2, "Second part")], timeout=5_000)
    press(qtbot, window.editor, StandardKey.New)
    new_pane = window.tabs.current_pane()
    assert new_pane is not None and new_pane.preview.isVisible()  # new tabs follow the setting
    press(qtbot, window.editor, shortcut(window, "view.preview"))
    assert not new_pane.preview.isVisible() and not pane.preview.isVisible()
    assert not settings.get("editor/preview", bool)


def test_zoom_and_word_wrap_apply_to_every_tab_and_persist(
    qtbot, app_context: AppContext, settings: Settings, tmp_path: Path
) -> None:
    window = app_context.window
    press(qtbot, window.editor, StandardKey.ZoomIn)
    press(qtbot, window.editor, StandardKey.ZoomIn)
    assert settings.get("editor/zoom", int) == 2
    assert window.editor.font().pointSizeF() == BASE_POINT_SIZE + 2
    press(qtbot, window.editor, StandardKey.New)
    assert window.editor.font().pointSizeF() == BASE_POINT_SIZE + 2  # a new tab opens at the same zoom
    press(qtbot, window.editor, StandardKey.ZoomOut)
    assert [p.editor.zoom_steps for p in window.tabs.panes()] == [1, 1]
    press(qtbot, window.editor, shortcut(window, "view.zoom_reset"))
    assert settings.get("editor/zoom", int) == 0 and window.editor.font().pointSizeF() == BASE_POINT_SIZE

    assert window.editor.lineWrapMode() == Editor.LineWrapMode.WidgetWidth
    press(qtbot, window.editor, shortcut(window, "view.word_wrap"))
    assert [p.editor.lineWrapMode() for p in window.tabs.panes()] == [Editor.LineWrapMode.NoWrap] * 2
    assert not window.commands["view.word_wrap"].isChecked()
    press(qtbot, window.editor, StandardKey.ZoomIn)
    settings.sync()
    reread = Settings.at(str(tmp_path / "settings.ini"))
    assert reread.get("editor/word_wrap", bool) is False and reread.get("editor/zoom", int) == 1


def test_go_to_line_from_its_shortcut(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    window.editor.setPlainText("\n".join(f"line {n}" for n in range(1, 41)))
    seen: dict[str, int] = {}

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        seen["maximum"], seen["start"] = dialog.intMaximum(), dialog.intValue()
        dialog.setIntValue(27)
        dialog.accept()

    answering = ModalAnswer(answer)
    press(qtbot, window.editor, shortcut(window, "edit.goto_line"))
    answering.check()
    assert seen == {"maximum": 40, "start": 1}
    cursor = window.editor.textCursor()
    assert cursor.blockNumber() == 26 and cursor.block().text() == "line 27"


def test_the_document_opened_on_the_command_line_follows_the_restored_ones(
    qtbot, app_paths: AppPaths, settings: Settings, tmp_path: Path, new_window
) -> None:
    path = write(tmp_path / "cli.md", "from the command line\n")
    context = new_window(app_paths, settings, files=[path])
    qtbot.waitUntil(lambda: texts(context.window) == ["from the command line\n"], timeout=15_000)
    document = context.window.workspace.active
    assert isinstance(document, Document) and document.path == path


def test_file_errors_are_shown_in_the_users_language(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    """The messages come from the store in English; the notice goes through Qt's translators (context "Files")."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    class Chinese(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
            if context == "Files" and source == "{name} is a folder, not a text file.":
                return "{name} 是文件夹，不是文本文件。"
            return ""

    translator = Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        (tmp_path / "notes").mkdir()
        notice = open_expecting_notice(qtbot, app_context, tmp_path / "notes")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert notice == "notes 是文件夹，不是文本文件。"


# -- large files -------------------------------------------------------------------------------------------------------
def test_a_large_file_goes_in_slice_by_slice_read_only_until_it_is_all_there(
    qtbot, app_context: AppContext, tmp_path: Path
) -> None:
    """setPlainText of megabytes would hold the GUI thread for a long moment: a large text goes in a slice per
    event-loop turn, the editor is read-only meanwhile, and the result is the file, unmodified, with nothing to undo."""
    window = app_context.window
    lines = [f"Line {i}: the harbour, the budget, and the weather — ünïcode 漢字 😀." for i in range(30_000)]
    text = "\r\n".join(lines) + "\r\n"  # Windows line endings stay the file's own
    path = tmp_path / "large.txt"
    path.write_bytes(text.encode("utf-8"))
    with qtbot.waitSignal(window.workspace.opened, timeout=15_000) as blocker:
        window.workspace.open(path)
    document: Document = blocker.args[0]
    assert document.loading and window.editor.isReadOnly()
    assert document.text == text.replace("\r\n", "\n")  # already the whole text for saving and the panes
    with qtbot.waitSignal(document.loading_changed, timeout=30_000):
        pass
    assert not document.loading and not window.editor.isReadOnly()
    assert window.editor.toPlainText() == text.replace("\r\n", "\n")
    assert not document.modified and not document.qdoc.isUndoAvailable()
    assert window.editor.textCursor().position() == 0  # a file opens at its start
    qtbot.keyClicks(window.editor, "!")
    assert document.modified
    assert window.workspace.save(document)
    assert path.read_bytes() == ("!" + text).encode("utf-8")


def test_a_large_word_import_is_an_unsaved_document_once_loaded(qtbot, app_context: AppContext, tmp_path: Path) -> None:
    word = docx.Document()
    for i in range(1_500):
        word.add_paragraph(f"Paragraph {i} of a long report about the harbour and its budget.")
    path = tmp_path / "long.docx"
    word.save(str(path))
    window = app_context.window
    with qtbot.waitSignal(window.workspace.opened, timeout=60_000) as blocker:
        window.workspace.open(path)
    document: Document = blocker.args[0]
    if document.loading:
        with qtbot.waitSignal(document.loading_changed, timeout=30_000):
            pass
    assert document.modified and document.path is None  # saving asks where: never over the Word file
    assert document.text.startswith("Paragraph 0 of a long report") and "Paragraph 1499 of" in document.text


def test_the_preview_scrolls_with_the_editor(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    window.editor.setPlainText("\n\n".join(f"## Section {i}\n\nParagraph {i} of a long text." for i in range(200)))
    pane = window.tabs.current_pane()
    assert pane is not None
    press(qtbot, window.editor, shortcut(window, "view.preview"))
    preview_bar, editor_bar = pane.preview.verticalScrollBar(), window.editor.verticalScrollBar()
    qtbot.waitUntil(lambda: preview_bar.maximum() > 0, timeout=5_000)

    def fraction(bar: object) -> float:
        return bar.value() / bar.maximum()  # type: ignore[attr-defined]

    editor_bar.setValue(editor_bar.maximum())
    assert preview_bar.value() == preview_bar.maximum()
    editor_bar.setValue(editor_bar.maximum() // 2)
    assert abs(fraction(preview_bar) - fraction(editor_bar)) < 0.02
    editor_bar.setValue(0)
    assert preview_bar.value() == 0
    # An edit re-renders the preview; it stays where the editor is.
    editor_bar.setValue(editor_bar.maximum() // 3)
    at_end = QTextCursor(window.editor.document())
    at_end.movePosition(QTextCursor.MoveOperation.End)
    at_end.insertText("!")
    qtbot.waitUntil(lambda: "!" in pane.preview.toPlainText(), timeout=5_000)
    assert abs(fraction(preview_bar) - fraction(editor_bar)) < 0.02
