"""The chat pane on the real embedded model (SmolLM2-135M-Instruct): a short conversation whose answers match a
direct greedy generate, a question about a document longer than the model's context, answered with a citation
that selects its passage in the editor, and a conversation found again after restarting the whole app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QWidget

from app.engine.requests import Chat, Done, ModelSpec, Request, Sampling
from app.engine.token_count import TokenCounter
from app.gui import AppContext, compose
from app.paths import AppPaths
from app.store.conversations import ConversationStore, OpenStatus, default_path
from app.store.settings import Settings
from app.ui.editor.bridge import PlainTextEditBridge
from app.ui.messages import MessageCenter
from app.ui.panes.chat_pane import ChatPane
from app.worker.client import JobHandle, ModelClient
from tests.helpers.asker import ScriptedAsker
from tests.helpers.models import direct_greedy
from tests.helpers.windows import show_active

pytestmark = pytest.mark.e2e

GREEDY = Sampling.plain_greedy(24)
FILLER = (
    "The committee met again on Tuesday to discuss the budget for the coming year, the state of the roads, "
    "and whether the library should open on Sundays. Nobody agreed on anything. "
)


class Setup:
    def __init__(self, qtbot, client: ModelClient, db: Path) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.client = client
        self.requests: list[Request] = []
        client.job_submitted.connect(self._submitted)
        self.window = QWidget()
        QHBoxLayout(self.window)
        self.editor = QPlainTextEdit()
        self.window.layout().addWidget(self.editor)
        self.messages = MessageCenter()
        self.pane = ChatPane(
            client,
            self.messages,
            PlainTextEditBridge(self.editor),
            ConversationStore(db),
            sampling=lambda: GREEDY,
            open_link=lambda url: None,
        )
        self.window.layout().addWidget(self.pane)
        self.window.resize(1100, 700)
        qtbot.addWidget(self.window)
        show_active(qtbot, self.window, self.pane.input)

    def _submitted(self, handle: JobHandle) -> None:
        self.requests.append(handle.request)

    def ask(self, text: str) -> Done:
        self.pane.input.setFocus()
        with self.qtbot.waitSignal(self.pane.controller.turn_finished, timeout=180_000) as blocker:
            self.qtbot.keyClicks(self.pane.input, text)
            self.qtbot.keyClick(self.pane.input, Qt.Key.Key_Return)
        result = blocker.args[0]
        assert isinstance(result, Done), result
        return result


@pytest.fixture
def setup(qtbot, make_client, tmp_path: Path) -> Iterator[Setup]:  # type: ignore[no-untyped-def]
    client = make_client(ModelSpec())
    with qtbot.waitSignal(client.model_loaded, timeout=180_000):
        client.load()
    made = Setup(qtbot, client, default_path(tmp_path / "data"))
    yield made
    made.pane.shutdown()


def sent_messages(request: Request) -> list[dict[str, str]]:
    assert isinstance(request.prompt, Chat)
    return [{"role": m.role, "content": m.content} for m in request.prompt.messages]


def test_a_short_conversation_matches_direct_generate(setup: Setup, embedded_copy: Path) -> None:
    first = setup.ask("What is the capital of France?")
    second = setup.ask("And what is it famous for?")
    assert first.text.strip() and second.text.strip()
    for request, done in zip(setup.requests, (first, second), strict=True):
        assert done.text == direct_greedy(embedded_copy, messages=sent_messages(request), max_new_tokens=24)
    history = sent_messages(setup.requests[1])
    assert [m["role"] for m in history] == ["system", "user", "assistant", "user"]
    assert history[2]["content"] == first.text
    controller = setup.pane.controller
    assert [m.content for m in controller.messages] == [
        "What is the capital of France?",
        first.text,
        "And what is it famous for?",
        second.text,
    ]
    assert controller.messages[3].stats["new_tokens"] == second.stats.new_tokens  # type: ignore[union-attr]
    view = setup.pane.view.toPlainText()
    assert first.text.strip().split("\n")[0] in view and "tokens/s" in view
    assert setup.pane.sidebar.titles() == ["What is the capital of France?"]


def test_a_document_longer_than_the_context_is_answered_with_a_citation(setup: Setup) -> None:
    fact = "The keeper's cat, a grey tabby called Pepper, slept every night on the lamp room stairs."
    document = (FILLER * 4 + "\n\n") * 35 + fact + "\n\n" + (FILLER * 4 + "\n\n") * 35
    info = setup.client.info
    assert info is not None
    assert TokenCounter(info.path).count(document).tokens > info.context_length
    setup.editor.setPlainText(document)
    setup.editor.moveCursor(QTextCursor.MoveOperation.Start)
    setup.pane.ground.click()
    done = setup.ask("What was the keeper's cat called?")
    assert done.text.strip()
    user = sent_messages(setup.requests[-1])[-1]["content"]
    assert user.startswith("Passages from the document") and f"[1] {fact}" in user
    answer = setup.pane.controller.messages[-1]
    assert answer.stats["grounding"] == "passages"
    citation = answer.citations[0]
    assert citation["number"] == 1 and fact in citation["text"]
    view = setup.pane.view
    href = f"chat:cite/{answer.seq}/1"
    position = view.anchor_position(href)
    assert position >= 0
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    setup.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center())
    selected = PlainTextEditBridge(setup.editor).selected_text()
    assert selected == citation["text"] and fact in selected


def start_app(qtbot, make_client, folders: AppPaths, settings_file: Path) -> AppContext:  # type: ignore[no-untyped-def]
    """The whole app (compose -> MainWindow) on the embedded model, with short, near-greedy chat answers."""
    settings = Settings.at(str(settings_file))
    settings.set("chat/max_new_tokens", 12)
    settings.set("chat/temperature", 0.0)
    context = compose(folders, settings, make_client(ModelSpec()), ScriptedAsker())
    qtbot.addWidget(context.window)
    context.window.restore_session([])
    show_active(qtbot, context.window, context.window.editor)
    context.window.docks["chat"].show()
    context.window.docks["chat"].raise_()
    controller = context.window.chat_pane.controller
    qtbot.waitUntil(lambda: controller.report is not None, timeout=15_000)
    return context


def send(qtbot, context: AppContext, text: str) -> Done:  # type: ignore[no-untyped-def]
    pane = context.window.chat_pane
    pane.input.setFocus()
    qtbot.waitUntil(pane.input.hasFocus, timeout=5_000)
    with qtbot.waitSignal(pane.controller.turn_finished, timeout=180_000) as blocker:
        qtbot.keyClicks(pane.input, text)
        qtbot.keyClick(pane.input, Qt.Key.Key_Return)
    result = blocker.args[0]
    assert isinstance(result, Done) and result.text.strip(), result
    return result


def test_restart_the_app_and_find_the_conversation_again(  # type: ignore[no-untyped-def]
    qtbot, make_client, paths: AppPaths, tmp_path: Path
) -> None:
    own = AppPaths.under(tmp_path / "home")
    folders = AppPaths(cache=paths.cache, data=own.data, config=own.config, logs=own.logs).ensure()
    settings_file = tmp_path / "settings.ini"
    first = start_app(qtbot, make_client, folders, settings_file)
    one = send(qtbot, first, "What is the capital of France?")
    two = send(qtbot, first, "And of Italy?")
    pane = first.window.chat_pane
    conversation_id = pane.controller.current_id
    said = [(m.role, m.content) for m in pane.controller.messages]
    assert said == [
        ("user", "What is the capital of France?"),
        ("assistant", one.text),
        ("user", "And of Italy?"),
        ("assistant", two.text),
    ]
    with qtbot.waitSignal(pane.controller.opened, timeout=10_000):
        pane.sidebar.new_button.click()  # leave it for a new, empty conversation
    first.window.close()
    assert not first.window.isVisible()

    second = start_app(qtbot, make_client, folders, settings_file)
    try:
        pane = second.window.chat_pane
        assert pane.controller.report is not None and pane.controller.report.status is OpenStatus.OK
        assert pane.sidebar.titles() == ["What is the capital of France?"]
        item = pane.sidebar.item_for(conversation_id)
        assert item is not None and pane.controller.conversation is None
        with qtbot.waitSignal(pane.controller.opened, timeout=10_000):
            qtbot.mouseClick(
                pane.sidebar.list.viewport(),
                Qt.MouseButton.LeftButton,
                pos=pane.sidebar.list.visualItemRect(item).center(),
            )
        assert [(m.role, m.content) for m in pane.controller.messages] == said
        shown = pane.view.toPlainText()
        assert all(content.strip().split("\n")[0] in shown for _role, content in said)
        assert "tokens/s" in shown  # each answer's figures came back with it
    finally:
        second.window.close()
