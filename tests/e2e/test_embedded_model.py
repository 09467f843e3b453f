"""End-to-end on the real embedded model (SmolLM2-135M-Instruct, converted once per session and cached)."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.engine.changes import apply
from app.engine.convert import ensure_converted
from app.engine.models import converted_copy_dir, copy_problem, embedded_gguf
from app.engine.requests import Done, LoadProgress, ModelSpec, RawText, Request, Sampling
from app.gui import compose
from app.paths import AppPaths
from app.store.settings import Settings
from app.worker.client import JobState, ModelClient
from tests.helpers.asker import ScriptedAsker
from tests.helpers.models import direct_greedy
from tests.helpers.windows import show_active

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def embedded_client(make_client, embedded_copy: Path) -> ModelClient:  # type: ignore[no-untyped-def]
    return make_client(ModelSpec())


def test_worker_stream_equals_direct_generate(qtbot, embedded_client: ModelClient, embedded_copy: Path) -> None:
    prompt = "The three most important things about writing are"
    handle = embedded_client.submit(Request("generate", RawText(prompt), Sampling.plain_greedy(32)))
    pieces: list[str] = []
    handle.chunk.connect(pieces.append)
    with qtbot.waitSignal(handle.finished, timeout=120_000) as blocker:
        pass
    expected = direct_greedy(embedded_copy, text=prompt, max_new_tokens=32)
    assert "".join(pieces) == expected == blocker.args[0].text
    assert embedded_client.info is not None and embedded_client.info.name == "SmolLM2-135M-Instruct"
    assert embedded_client.info.context_length == 8192


def test_stop_during_the_prefill_of_a_long_prompt(qtbot, embedded_client: ModelClient) -> None:
    with qtbot.waitSignal(embedded_client.model_loaded, timeout=120_000):
        embedded_client.load()
    long_prompt = " ".join(["The committee met again to discuss the harbour, the budget and the weather."] * 260)
    handle = embedded_client.submit(Request("generate", RawText(long_prompt), Sampling.plain_greedy(16)))
    with qtbot.waitSignal(
        handle.state_changed, timeout=60_000, check_params_cb=lambda state: state is JobState.GENERATING
    ):
        pass
    handle.cancel()
    with qtbot.waitSignal(handle.finished, timeout=60_000) as blocker:
        pass
    done: Done = blocker.args[0]
    assert done.cancelled and done.stopped_in == "prefill"
    assert done.stats is not None and done.stats.new_tokens == 0 and done.stats.prompt_tokens > 3500


def test_cli_greedy_matches_model_generate(python_env: dict[str, str], embedded_copy: Path) -> None:
    seed = "Dear diary, today I learned"
    result = subprocess.run(
        [sys.executable, "-m", "app", "generate", seed, "--greedy", "--max-new-tokens", "24"],
        env=python_env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == direct_greedy(embedded_copy, text=seed, max_new_tokens=24)


def test_continue_writing_in_the_window(qtbot, embedded_client: ModelClient, paths: AppPaths, tmp_path: Path) -> None:
    settings = Settings.at(str(tmp_path / "s.ini"))
    settings.set("continue/max_new_tokens", 32)
    context = compose(paths, settings, embedded_client, ScriptedAsker())
    qtbot.addWidget(context.window)
    context.window.restore_session([])
    show_active(qtbot, context.window)
    editor = context.window.editor
    original = "Chapter one.\n\nThe rain had not stopped for three days, and"
    editor.setPlainText(original)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    with qtbot.waitSignal(context.window.continuation.finished, timeout=120_000) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    done = blocker.args[0]
    assert isinstance(done, Done) and len(done.text.split()) > 3
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # accept the pending continuation
    assert editor.toPlainText() == original + done.text
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == original
    context.window.close()


def test_a_broken_copy_is_rebuilt_with_progress_and_a_good_one_reused(embedded_copy: Path, tmp_path: Path) -> None:
    gguf = embedded_gguf()
    assert gguf is not None
    models = tmp_path / "models"
    target = converted_copy_dir(models, gguf)
    shutil.copytree(embedded_copy, target)
    untouched: list[LoadProgress] = []
    assert ensure_converted(gguf, models, untouched.append) == target
    assert untouched == []  # a sane copy loads as is: no second conversion

    with (target / "model.safetensors").open("r+b") as weights:
        weights.truncate(1000)  # as if the disk filled up mid-write
    assert copy_problem(target) is not None
    seen: list[LoadProgress] = []
    assert ensure_converted(gguf, models, seen.append) == target
    assert copy_problem(target) is None
    fractions = [p.fraction for p in seen if p.fraction is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) > 10
    assert any("Converting weights" in p.message for p in seen)
    assert not list(models.glob("*.partial-*"))  # the scratch folder is gone


def test_chat_follow_ups_reuse_the_cache_with_identical_tokens(qtbot, embedded_client: ModelClient) -> None:
    from app.engine.requests import Chat, Message

    def converse(key: str) -> list[Done]:
        history: list[Message] = []
        results: list[Done] = []
        for question in ("What is a haiku?", "Write one about rain."):
            history.append(Message("user", question))
            request = Request("chat", Chat(tuple(history)), Sampling.plain_greedy(20), source="chat", cache_key=key)
            handle = embedded_client.submit(request)
            with qtbot.waitSignal(handle.finished, timeout=120_000) as blocker:
                pass
            results.append(blocker.args[0])
            history.append(Message("assistant", results[-1].text))
        return results

    reused, fresh = converse("poetry"), converse("")
    assert [d.text for d in reused] == [d.text for d in fresh]
    for previous, turn in itertools.pairwise(reused):
        assert previous.stats is not None and turn.stats is not None
        # The previous prompt and (most of) the previous answer were not read again.
        assert turn.stats.cached_prompt_tokens > previous.stats.prompt_tokens


def test_open_edit_proofread_accept_and_undo_restores_the_exact_text(
    qtbot, embedded_client: ModelClient, paths: AppPaths, tmp_path: Path
) -> None:
    """The editor issue's whole flow on the real model, through the keyboard."""
    path = tmp_path / "letter.md"
    path.write_text("# Letter\n\nTeh boats was still tied up along the old stone wall.\n", encoding="utf-8")
    context = compose(paths, Settings.at(str(tmp_path / "s.ini")), embedded_client, ScriptedAsker())
    qtbot.addWidget(context.window)
    context.window.restore_session([])
    show_active(qtbot, context.window)
    with qtbot.waitSignal(context.window.workspace.opened, timeout=30_000):
        context.window.open_file(path)
    editor = context.window.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "She sat on the pier.")  # an edit by the user
    original = editor.toPlainText()
    cursor = editor.textCursor()
    start = original.index("Teh boats")
    cursor.setPosition(start)
    cursor.setPosition(original.index("wall.") + len("wall."), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(context.window.review.finished, timeout=180_000):
        qtbot.keyClick(editor, Qt.Key.Key_P, shift)  # proofread
    review = context.window.review
    assert review.result.strip() and review.last_done is not None and review.last_done.stats is not None
    assert review.last_done.stats.decoding == "greedy+lookup"
    proposed = review.result
    with qtbot.waitSignal(review.phase_changed, timeout=5_000):  # a mnemonic "clicks" after a short animation
        qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Accept (the button's Alt+A)
    end = original.index("wall.") + len("wall.")
    assert editor.toPlainText() == original[:start] + proposed + original[end:]
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == original  # exactly the text before the AI action
    context.window.close()


def test_review_change_by_change_with_the_keyboard_lands_exactly_the_changes_taken(
    qtbot, embedded_client: ModelClient, paths: AppPaths, tmp_path: Path
) -> None:
    """Proofread finds several mistakes; the writer leaves one, takes another, and Accept lands just that."""
    sentence = "Teh boats was still tied up along teh old stone wall, and nobody new why."
    text = f"# Letter\n\n{sentence}\n"
    context = compose(paths, Settings.at(str(tmp_path / "s.ini")), embedded_client, ScriptedAsker())
    qtbot.addWidget(context.window)
    context.window.restore_session([])
    show_active(qtbot, context.window)
    window = context.window
    editor = window.editor
    editor.setPlainText(text)
    editor.document().clearUndoRedoStacks()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    cursor = editor.textCursor()
    cursor.setPosition(text.index(sentence))
    cursor.setPosition(text.index(sentence) + len(sentence), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(window.review.finished, timeout=180_000):
        qtbot.keyClick(editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    review, panel = window.review, window.review_panel
    changes = review.changes()
    assert len(changes) >= 2, [(c.old, c.new) for c in changes]
    assert panel.changes_list.count() == len(changes) and review.current_change == 0

    alt = Qt.KeyboardModifier.AltModifier
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | alt
    qtbot.keyClick(editor, Qt.Key.Key_K, alt)  # leave the first change: its original words stay
    assert review.decisions == {0: False} and review.current_change == 1
    assert panel.changes_list.item(0).text().startswith("✗")
    qtbot.keyClick(editor, Qt.Key.Key_Return, alt)  # take the second
    assert review.decisions == {0: False, 1: True}
    position = review.current_change  # after taking the second: the next undecided one (or the first, left)
    qtbot.keyClick(editor, Qt.Key.Key_Up, ctrl_alt)
    assert review.current_change == (position - 1) % len(changes)
    qtbot.keyClick(editor, Qt.Key.Key_Down, ctrl_alt)
    assert review.current_change == position
    assert "1 taken, 1 left" in panel.status.text()

    # Changes not decided are taken by Accept; the one left is not. One undo step takes it all back.
    expected = apply(sentence, changes, {c.index: c.index != 0 for c in changes})
    assert expected != sentence and expected != review.result
    with qtbot.waitSignal(review.phase_changed, timeout=5_000):
        qtbot.keyClick(editor, Qt.Key.Key_A, alt)
    assert editor.toPlainText() == text.replace(sentence, expected)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == text
    window.close()
