"""The app on a remote server: the real `transformers serve` with the embedded model, through the client, the
worker thread, the main window and the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.engine.requests import Chat, Done, Message, ModelSpec, Request, Sampling
from app.gui import compose
from app.paths import AppPaths
from app.store.settings import Settings
from app.worker.client import ModelClient
from tests.helpers.asker import ScriptedAsker
from tests.helpers.windows import show_active

if TYPE_CHECKING:
    from tests.helpers.serve import ServeProcess

pytestmark = pytest.mark.e2e
pytest_plugins = ["tests.helpers.serve"]
REPO = Path(__file__).resolve().parents[2]


def remote_spec(server: ServeProcess) -> ModelSpec:
    return ModelSpec(ref=server.model, base_url=server.base_url, context_length=8192)


def test_chat_streams_and_stops_through_the_client(qtbot, make_client, serve_embedded: ServeProcess) -> None:
    client: ModelClient = make_client(remote_spec(serve_embedded))
    with qtbot.waitSignal(client.model_loaded, timeout=60_000) as loaded:
        client.load()
    assert loaded.args[0].device == "remote"
    request = Request("chat", Chat((Message("user", "What is the capital of France?"),)), Sampling.plain_greedy(24),
                      source="chat")  # fmt: skip
    handle = client.submit(request)
    pieces: list[str] = []
    handle.chunk.connect(pieces.append)
    with qtbot.waitSignal(handle.finished, timeout=120_000) as blocker:
        pass
    done: Done = blocker.args[0]
    assert "".join(pieces) == done.text and "Paris" in done.text
    assert client.host.pid is None  # no local model process while a server does the work

    long = Request("chat", Chat((Message("user", "Write a very long story."),)), Sampling(max_new_tokens=4000),
                   source="chat")  # fmt: skip
    handle = client.submit(long)
    with qtbot.waitSignal(handle.chunk, timeout=120_000):
        pass
    handle.cancel()
    with qtbot.waitSignal(handle.finished, timeout=30_000) as stopped:
        pass
    assert stopped.args[0].cancelled


def test_the_window_continues_writing_from_a_server(
    qtbot, make_client, serve_embedded: ServeProcess, paths: AppPaths, tmp_path: Path
) -> None:
    settings = Settings.at(str(tmp_path / "s.ini"))
    settings.set("continue/max_new_tokens", 24)
    context = compose(paths, settings, make_client(remote_spec(serve_embedded)), ScriptedAsker())
    qtbot.addWidget(context.window)
    context.window.restore_session([])
    show_active(qtbot, context.window, context.window.editor)
    editor = context.window.editor
    editor.setPlainText("The river ran through the old town, and")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(context.window.continuation.finished, timeout=120_000) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert isinstance(blocker.args[0], Done) and blocker.args[0].text
    assert editor.toPlainText().startswith("The river ran through the old town, and") and len(editor.toPlainText()) > 45
    assert context.window.status.device.text().startswith("remote")
    context.window.close()


def test_cli_talks_to_a_server(serve_embedded: ServeProcess, python_env: dict[str, str]) -> None:
    base = [sys.executable, "-m", "app", "chat", "Name a colour.", "--greedy", "--max-new-tokens", "16"]
    result = subprocess.run(
        [*base, "--base-url", serve_embedded.base_url, "--remote-model", serve_embedded.model],
        env=python_env, capture_output=True, text=True, timeout=300, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    missing_key = subprocess.run(
        [*base, "--base-url", serve_embedded.base_url, "--api-key-env", "INKWELL_NO_SUCH_KEY"],
        env=python_env, capture_output=True, text=True, timeout=120, cwd=REPO,
    )  # fmt: skip
    assert missing_key.returncode == 2 and "INKWELL_NO_SUCH_KEY is not set" in missing_key.stderr
