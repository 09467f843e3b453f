"""Helpers for the editor's window tests: keys as the user presses them, files opened and waited for, and more
windows composed on the same settings and data folder (a restart, or a second instance)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.engine.requests import ModelSpec
from app.gui import AppContext, compose
from app.paths import AppPaths
from app.store.recovery import RecoveryRecord
from app.store.settings import Settings
from app.ui.dialogs.asker import UnsavedChoice
from app.ui.editor.document import Document
from app.ui.main_window import MainWindow
from tests.helpers.asker import ScriptedAsker
from tests.helpers.windows import show_active


def press(qtbot, widget: QWidget, keys: QKeySequence | QKeySequence.StandardKey | str) -> None:  # type: ignore[no-untyped-def]
    """Press a one-chord shortcut the way a user does (the key with its modifiers), whatever the platform binds."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    assert not sequence.isEmpty(), f"no key sequence for {keys!r} on this platform"
    combination = sequence[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def shortcut(window: MainWindow, action_id: str) -> QKeySequence:
    """The action's first shortcut as the window has it now (defaults follow the platform)."""
    keys = window.commands[action_id].shortcuts()
    assert keys, f"{action_id} has no shortcut"
    return keys[0]


def open_and_wait(qtbot, window: MainWindow, path: Path) -> Document:  # type: ignore[no-untyped-def]
    """Open `path` in `window` and wait until it is read (files are read off the GUI thread)."""
    with qtbot.waitSignal(window.workspace.opened, timeout=15_000) as blocker:
        window.open_file(path)
    document = blocker.args[0]
    assert isinstance(document, Document)
    return document


def open_expecting_notice(qtbot, context: AppContext, path: Path) -> str:  # type: ignore[no-untyped-def]
    """Open a file that cannot be opened; the notice the user sees."""
    with qtbot.waitSignal(context.messages.posted, timeout=15_000) as blocker:
        context.window.open_file(path)
    return str(blocker.args[0].text)


class RecoveryChoices:
    """Stands in for the recovery dialog: records what it was offered and answers with a fixed choice."""

    def __init__(self, choose: Callable[[list[RecoveryRecord]], list[RecoveryRecord] | None]) -> None:
        self.choose = choose
        self.offered: list[list[RecoveryRecord]] = []

    def __call__(self, records: list[RecoveryRecord]) -> list[RecoveryRecord] | None:
        self.offered.append(list(records))
        return self.choose(records)


def restore_all(records: list[RecoveryRecord]) -> list[RecoveryRecord]:
    return list(records)


def decide_later(_records: list[RecoveryRecord]) -> None:
    return None


def discard_all(_records: list[RecoveryRecord]) -> list[RecoveryRecord]:
    return []


class WindowFactory:
    """Composes real main windows on the tiny model, like the `app_context` fixture, but lets a test choose the
    folders and answer the recovery question before the session is restored. `close_all` ends them."""

    def __init__(self, qtbot, make_client, model_dir: Path) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.make_client = make_client
        self.model_dir = model_dir
        self.made: list[tuple[AppContext, ScriptedAsker]] = []

    def __call__(
        self,
        paths: AppPaths,
        settings: Settings,
        asker: ScriptedAsker | None = None,
        *,
        recovery: RecoveryChoices | None = None,
        files: list[Path] | None = None,
        show: bool = True,
    ) -> AppContext:
        asker = asker or ScriptedAsker()
        client = self.make_client(ModelSpec(ref=str(self.model_dir)))
        context = compose(paths, settings, client, asker)
        self.qtbot.addWidget(context.window)
        if recovery is not None:
            context.window.ask_recovery = recovery
        if show:
            # As the app does it: the window is on screen, then the session is restored.
            show_active(self.qtbot, context.window)
        context.window.restore_session(files or [])
        self.made.append((context, asker))
        return context

    def close_all(self) -> None:
        for context, asker in self.made:
            asker.unsaved = UnsavedChoice.DISCARD
            context.window.close()


class ModalAnswer:
    """Answers the next modal dialog as a user would. A modal dialog runs its own event loop until it is answered,
    so the answer is given from a timer inside that loop; `check()` re-raises what went wrong in it."""

    def __init__(self, answer: Callable[[QWidget], None]) -> None:
        self.answer = answer
        self.errors: list[BaseException] = []
        self.answered = False
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        self.timer.stop()
        self.answered = True
        try:
            self.answer(dialog)
        except BaseException as exc:
            self.errors.append(exc)
            dialog.close()

    def check(self) -> None:
        self.timer.stop()
        if self.errors:
            raise self.errors[0]
        assert self.answered, "no dialog was shown"


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` key by key. QTest knows only ASCII keys; other characters arrive as a keyboard
    layout or an input method delivers them: a key event carrying the character as its text."""
    for index, line in enumerate(text.split("\n")):
        if index:
            QTest.keyClick(widget, Qt.Key.Key_Return)
        run = ""
        for char in line + "\0":
            if char != "\0" and char.isascii() and char.isprintable():
                run += char
                continue
            if run:
                QTest.keyClicks(widget, run)
                run = ""
            if char != "\0":
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
