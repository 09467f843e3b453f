"""Never lose text: autosave to recovery files, their removal on save and clean close, and recovery after a crash
(in-process for the choices, and a real app process killed with SIGKILL for the promise itself)."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor

from app.gui import AppContext
from app.paths import AppPaths
from app.store.recovery import RecoveryRecord
from app.store.settings import Settings
from app.ui import session
from app.ui.dialogs.asker import UnsavedChoice
from app.ui.main_window import MainWindow
from tests.conftest import REPO
from tests.helpers.asker import ScriptedAsker
from tests.helpers.editor_crash import leave_orphans
from tests.helpers.editor_windows import (
    RecoveryChoices,
    WindowFactory,
    decide_later,
    discard_all,
    open_and_wait,
    press,
    restore_all,
    shortcut,
    type_text,
)
from tests.helpers.type_and_wait import READY


@pytest.fixture
def new_window(qtbot, make_client, tiny_model_dir: Path) -> Iterator[WindowFactory]:  # type: ignore[no-untyped-def]
    factory = WindowFactory(qtbot, make_client, tiny_model_dir)
    yield factory
    factory.close_all()


@pytest.fixture
def home(tmp_path: Path, paths: AppPaths) -> AppPaths:
    """A user's folders for windows made in the test (the model cache is the session's)."""
    own = AppPaths.under(tmp_path / "user")
    return AppPaths(cache=paths.cache, data=own.data, config=own.config, logs=own.logs).ensure()


def recovery_file(window: MainWindow) -> Path:
    document = window.workspace.active
    assert document is not None
    return window.recovery_store.folder / f"{document.id}.json"


def recorded_text(path: Path) -> str | None:
    try:
        return str(json.loads(path.read_text(encoding="utf-8"))["text"])
    except (OSError, ValueError, KeyError):
        return None


def type_into(window: MainWindow, text: str) -> None:
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, text)


def texts(window: MainWindow) -> list[str]:
    return [pane.editor.toPlainText() for pane in window.tabs.panes()]


# -- autosave ----------------------------------------------------------------------------------------------------------
def test_autosave_writes_the_recovery_file_after_edits(qtbot, app_context: AppContext) -> None:
    window = app_context.window
    target = recovery_file(window)
    assert not target.exists()  # nothing to recover from an untouched document
    with qtbot.waitSignal(window.autosave.written, timeout=15_000):
        type_into(window, "Words worth keeping.")
    assert recorded_text(target) == "Words worth keeping."
    record = json.loads(target.read_text(encoding="utf-8"))
    assert record["path"] == "" and record["title"].startswith("Untitled") and record["saved_at"] > 0
    type_into(window, "\nAnd a second line, naïve café 中文.")
    qtbot.waitUntil(
        lambda: recorded_text(target) == "Words worth keeping.\nAnd a second line, naïve café 中文.", timeout=15_000
    )
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # written atomically: no scratch files left


def test_a_save_removes_the_recovery_file(qtbot, app_context: AppContext, asker: ScriptedAsker, tmp_path: Path) -> None:
    window = app_context.window
    path = tmp_path / "notes.md"
    path.write_text("start\n", encoding="utf-8")
    open_and_wait(qtbot, window, path)
    target = recovery_file(window)
    type_into(window, "more")
    qtbot.waitUntil(lambda: recorded_text(target) == "start\nmore", timeout=15_000)
    assert json.loads(target.read_text(encoding="utf-8"))["path"] == str(path)
    press(qtbot, window.editor, QKeySequence.StandardKey.Save)
    qtbot.waitUntil(lambda: not target.exists(), timeout=15_000)
    assert path.read_text(encoding="utf-8") == "start\nmore"


def test_discarding_a_tab_removes_its_recovery_file(qtbot, app_context: AppContext, asker: ScriptedAsker) -> None:
    window = app_context.window
    target = recovery_file(window)
    type_into(window, "throwaway")
    qtbot.waitUntil(lambda: recorded_text(target) == "throwaway", timeout=15_000)
    asker.unsaved = UnsavedChoice.DISCARD
    press(qtbot, window.editor, shortcut(window, "file.close"))
    qtbot.waitUntil(lambda: not target.exists(), timeout=15_000)


def test_a_clean_close_removes_the_instance_folder(qtbot, app_context: AppContext, asker: ScriptedAsker) -> None:
    window = app_context.window
    folder = window.recovery_store.folder
    type_into(window, "unsaved")
    qtbot.waitUntil(lambda: recorded_text(recovery_file(window)) == "unsaved", timeout=15_000)
    asker.unsaved = UnsavedChoice.DISCARD
    assert window.close()
    assert not folder.exists()
    assert not Path(str(folder) + ".lock").exists()
    assert list(folder.parent.iterdir()) == []


# -- recovery after a crash --------------------------------------------------------------------------------------------
def orphan_records(folder: Path) -> list[dict[str, object]]:
    kept = folder / "kept.md"
    kept.write_text("the saved version\n", encoding="utf-8")
    return [
        {"doc_id": "aaa", "title": "Untitled 1", "text": "An untitled draft.\nSecond line.", "saved_at": 1000.0},
        {"doc_id": "bbb", "title": "kept.md", "text": "the unsaved version\n", "path": str(kept), "saved_at": 2000.0},
        {
            "doc_id": "ccc",
            "title": "moved.md",
            "text": "its file is gone",
            "path": str(folder / "moved.md"),
            "saved_at": 3000.0,
        },
    ]


def test_a_new_window_offers_orphaned_work_and_restores_it(
    qtbot, home: AppPaths, tmp_path: Path, python: str, python_env: dict[str, str], new_window
) -> None:
    records = orphan_records(tmp_path)
    orphan = leave_orphans(python, python_env, home.data / "recovery", records)
    offered = RecoveryChoices(restore_all)
    context = new_window(home, Settings.at(str(home.settings_file)), recovery=offered)
    window = context.window

    assert len(offered.offered) == 1
    seen = offered.offered[0]
    assert [(r.title, r.text) for r in seen] == [(str(r["title"]), str(r["text"])) for r in records]
    assert all(isinstance(r, RecoveryRecord) for r in seen)
    documents = window.workspace.documents
    assert [d.text for d in documents] == [str(r["text"]) for r in records]
    assert all(d.modified for d in documents)  # restored as unsaved: closing asks, autosave keeps them
    assert documents[1].path == tmp_path / "kept.md"
    assert documents[0].path is None and documents[2].path is None  # its file is gone: untitled, nothing lost
    assert (tmp_path / "kept.md").read_text(encoding="utf-8") == "the saved version\n"  # the user decides
    assert "Restored 3 document(s)" in window.notice_bar.label.text()
    assert not orphan.exists()
    # The restored text is this instance's to protect now.
    qtbot.waitUntil(
        lambda: (
            sorted(recorded_text(p) or "" for p in window.recovery_store.folder.glob("*.json"))
            == sorted(str(r["text"]) for r in records)
        ),
        timeout=15_000,
    )


def test_decide_later_keeps_the_files_for_the_next_start(
    qtbot, home: AppPaths, tmp_path: Path, python: str, python_env: dict[str, str], new_window
) -> None:
    records = orphan_records(tmp_path)
    orphan = leave_orphans(python, python_env, home.data / "recovery", records)
    later = RecoveryChoices(decide_later)
    first = new_window(home, Settings.at(str(home.settings_file)), recovery=later)
    assert len(later.offered) == 1
    assert texts(first.window) == [""]
    assert orphan.exists()
    first.window.close()

    again = RecoveryChoices(restore_all)
    second = new_window(home, Settings.at(str(home.settings_file)), recovery=again)
    assert [r.text for r in again.offered[0]] == [str(r["text"]) for r in records]
    assert texts(second.window) == [str(r["text"]) for r in records]


def test_discard_all_removes_the_files(
    qtbot, home: AppPaths, tmp_path: Path, python: str, python_env: dict[str, str], new_window
) -> None:
    orphan = leave_orphans(python, python_env, home.data / "recovery", orphan_records(tmp_path))
    discard = RecoveryChoices(discard_all)
    context = new_window(home, Settings.at(str(home.settings_file)), recovery=discard)
    assert len(discard.offered) == 1
    assert texts(context.window) == [""]
    assert not orphan.exists()
    context.window.close()
    never = RecoveryChoices(restore_all)
    new_window(home, Settings.at(str(home.settings_file)), recovery=never)
    assert never.offered == []


def test_restoring_some_documents(
    qtbot, home: AppPaths, tmp_path: Path, python: str, python_env: dict[str, str], new_window
) -> None:
    leave_orphans(python, python_env, home.data / "recovery", orphan_records(tmp_path))
    second_only = RecoveryChoices(lambda records: [records[1]])
    context = new_window(home, Settings.at(str(home.settings_file)), recovery=second_only)
    assert texts(context.window) == ["the unsaved version\n"]
    assert "Restored 1 document(s)" in context.window.notice_bar.label.text()


def test_a_session_file_with_recovered_changes_opens_once_with_the_recovered_text(
    qtbot, home: AppPaths, tmp_path: Path, python: str, python_env: dict[str, str], new_window
) -> None:
    # The common crash: a file the last session restored was edited, then the app died. The next start restores
    # the session's files and the recovered copy of the same file; the user must get one tab, with their words.
    kept = tmp_path / "kept.md"
    kept.write_text("the saved version\n", encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text("untouched\n", encoding="utf-8")
    settings = Settings.at(str(home.settings_file))
    session.save(settings, session.SessionState([session.OpenDocument(str(kept), 4), session.OpenDocument(str(other))]))
    record = {"doc_id": "bbb", "title": "kept.md", "text": "the unsaved version\n", "path": str(kept), "saved_at": 1.0}
    leave_orphans(python, python_env, home.data / "recovery", [record])
    context = new_window(home, settings, recovery=RecoveryChoices(restore_all))
    window = context.window
    opened: list[object] = []
    window.workspace.opened.connect(opened.append)  # the files are read off the GUI thread; both reads report
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=15_000)

    documents = window.workspace.documents
    assert sorted(str(d.path) for d in documents) == sorted([str(kept), str(other)])
    assert window.tabs.count() == 2
    recovered = window.workspace.find(kept)
    assert recovered is not None and recovered.text == "the unsaved version\n" and recovered.modified
    assert kept.read_text(encoding="utf-8") == "the saved version\n"  # saving is the user's choice
    active = window.workspace.active
    assert active is recovered, "the session's active document, which is the recovered one"
    pane = window.tabs.pane_for(recovered)
    assert pane is not None and pane.editor.textCursor().position() == 4


def test_a_running_instance_is_not_taken_for_a_crashed_one(qtbot, home: AppPaths, new_window) -> None:
    first = new_window(home, Settings.at(str(home.settings_file)))
    type_into(first.window, "still being written")
    qtbot.waitUntil(lambda: recorded_text(recovery_file(first.window)) == "still being written", timeout=15_000)
    offered = RecoveryChoices(restore_all)
    second = new_window(home, Settings.at(str(home.settings_file)), recovery=offered)
    assert offered.offered == []  # the first window is alive and owns its files
    assert texts(second.window) == [""]
    assert recorded_text(recovery_file(first.window)) == "still being written"


# -- the promise: kill the app mid-edit, lose nothing ------------------------------------------------------------------
TYPED = (
    "Chapter One\n"
    "\n"
    "The harbour was quiet that morning; gulls argued over a crate of herring.\n"
    "Maren counted the boats twice (eleven, then twelve) and wrote both numbers down.\n"
    "Café au lait, naïve questions, 中文的句子, and one emoji 🙂 — all of it typed, none of it saved."
)


def read_line(process: subprocess.Popen[str], timeout_s: float) -> str:
    """The child's next line of output, waiting at most `timeout_s` (a child that dies or hangs fails the test)."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout_s
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while (remaining := deadline - time.monotonic()) > 0:
            if selector.select(remaining):
                return process.stdout.readline()
    return ""


def test_a_killed_app_restores_every_typed_character(
    qtbot,
    home: AppPaths,
    tmp_path: Path,
    python: str,
    python_env: dict[str, str],
    tiny_model_dir: Path,
    new_window,
) -> None:
    text_file = tmp_path / "typed.txt"
    text_file.write_text(TYPED, encoding="utf-8")
    log = tmp_path / "child-stderr.txt"
    with log.open("w") as stderr:
        child = subprocess.Popen(
            [
                python,
                "-m",
                "tests.helpers.type_and_wait",
                *("--data", str(home.data), "--config", str(home.config)),
                *("--logs", str(home.logs), "--cache", str(home.cache)),
                *("--model", str(tiny_model_dir)),
                str(text_file),
            ],
            cwd=REPO,
            env=python_env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        try:
            line = read_line(child, 120)
            assert line.startswith(READY), f"the app never saved what was typed: {line!r}\n{log.read_text()}"
            assert child.poll() is None  # still running, mid-edit
            os.kill(child.pid, signal.SIGKILL)
            assert child.wait(timeout=30) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(timeout=30)

    offered = RecoveryChoices(restore_all)
    context = new_window(home, Settings.at(str(home.settings_file)), recovery=offered)
    assert [r.text for r in offered.offered[0]] == [TYPED]
    assert texts(context.window) == [TYPED]  # 100 % of the typed text, character for character
    restored = context.window.workspace.active
    assert restored is not None and restored.modified and restored.path is None
    # The user can keep typing where they were.
    context.window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(context.window.editor, Qt.Key.Key_Period)
    assert context.window.editor.toPlainText() == TYPED + "."


def test_a_recovered_document_keeps_its_line_endings_and_cursor(
    qtbot, home: AppPaths, tmp_path: Path, python: str, python_env: dict[str, str], new_window
) -> None:
    """A CRLF file edited, then the app killed: it comes back where the cursor was, and saves as CRLF again."""
    path = tmp_path / "windows.txt"
    path.write_bytes(b"first line\r\nsecond line\r\n")
    first = new_window(home, Settings.at(str(home.settings_file)))
    window = first.window
    open_and_wait(qtbot, window, path)
    editor = window.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(len("first line"))
    editor.setTextCursor(cursor)
    type_text(editor, ", edited")
    # `written` also reports the removal of a stale record when the file opened, so wait for the record itself.
    path_of_record = recovery_file(window)
    qtbot.waitUntil(lambda: recorded_text(path_of_record) == "first line, edited\nsecond line\n", timeout=15_000)
    record = json.loads(path_of_record.read_text(encoding="utf-8"))
    assert record["cursor"] == len("first line, edited")
    assert record["endings"] == "cc" and record["dominant_ending"] == "\r\n"

    # What a crash leaves: the record in an instance folder whose lock nobody holds.
    orphan = leave_orphans(python, python_env, home.data / "recovery", [record])
    assert orphan.exists()
    offered = RecoveryChoices(restore_all)
    second = new_window(home, Settings.at(str(home.settings_file)), recovery=offered)
    restored = second.window.workspace.active
    assert restored is not None and restored.text == "first line, edited\nsecond line\n"
    assert second.window.editor.textCursor().position() == len("first line, edited")
    assert restored.endings.dominant == "\r\n"
    assert second.window.workspace.save(restored)
    assert path.read_bytes() == b"first line, edited\r\nsecond line\r\n"
