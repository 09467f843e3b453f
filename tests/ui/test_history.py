"""Version history in the window: versions kept on save and before an accepted AI edit, compared and restored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.gui import AppContext
from app.store.history import HistoryStore, default_path

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def labels(context: AppContext) -> list[str]:
    return [
        context.window.history_panel.versions.item(i).text().split(" · ", 1)[1]
        for i in range(context.window.history_panel.versions.count())
    ]


def test_versions_are_kept_compared_and_restored_as_one_undo_step(
    qtbot, app_context: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = app_context.window
    path = tmp_path / "essay.md"
    path.write_text("First paragraph stays.\nTeh secund paragrafh has erors.\n", encoding="utf-8")
    with qtbot.waitSignal(window.workspace.opened, timeout=15_000):
        window.workspace.open(path)
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "Third line.")
    saved_text = editor.toPlainText()
    with qtbot.waitSignal(window.history.changed, timeout=15_000):
        assert window.workspace.save(window.workspace.active)  # type: ignore[arg-type]

    # An accepted AI edit keeps the text it replaces (here with an unsaved edit in it).
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Unsaved words.")
    before_rewrite = editor.toPlainText()
    cursor = editor.textCursor()
    start = saved_text.index("Teh")
    cursor.setPosition(start)
    cursor.setPosition(saved_text.index("erors.") + len("erors."), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(window.review.finished, timeout=60_000):
        qtbot.keyClick(editor, Qt.Key.Key_R, CTRL_SHIFT)  # rewrite
    assert window.review.result.strip()
    window.review_panel.accept_button.click()
    edited = editor.toPlainText()
    assert edited != before_rewrite

    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL_ALT)
    panel = window.history_panel
    assert window.history_dock.isVisible() and panel.versions.hasFocus()
    qtbot.waitUntil(lambda: labels(app_context) == ["Before Rewrite", "Saved"], timeout=15_000)

    panel.versions.setCurrentRow(1)  # "Saved"
    qtbot.waitUntil(lambda: "Third line." in panel.diff.toPlainText(), timeout=30_000)
    assert panel.restore_button.isEnabled()
    with qtbot.waitSignal(window.history.restored, timeout=15_000):
        panel.restore_button.click()
    assert editor.toPlainText() == saved_text
    # The restore is a version of its own, and so is the text it replaced.
    qtbot.waitUntil(lambda: labels(app_context)[0].startswith("Restored"), timeout=15_000)
    assert labels(app_context)[1].startswith("Before restoring")
    # Restoring is one undo step.
    editor.undo()
    assert editor.toPlainText() == edited
    # The versions are in the user's data folder, in a real SQLite file.
    window.history.close()
    store = HistoryStore(default_path(app_context.paths.data))
    assert len(store.snapshots(f"file:{path.resolve()}")) >= 4
    store.close()
