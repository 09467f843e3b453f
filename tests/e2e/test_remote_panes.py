"""Summarize and Translate on a remote server: the real `transformers serve` with the embedded model, through the
panes' controllers (client, worker thread, the server's HTTP stream) and through `inkwell summarize|translate`.

A remote model has no tokenizer here: plans are made with the conservative estimate (UTF-8 bytes / 3). Answers are
capped short; what is under test is the path through the server, not the small model's prose.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from app.engine.chunking import SummaryPlan
from app.engine.requests import ModelSpec
from app.engine.task_prompts import SummaryOptions
from app.engine.token_count import conservative_count
from app.store.settings import Settings
from app.ui.editor.bridge import PlainTextEditBridge
from app.ui.messages import MessageCenter, Notice
from app.ui.panes.summarize_controller import Progress, SummarizeController, SummaryOutcome
from app.ui.panes.translate_controller import TranslateController, TranslationOutcome
from app.worker.client import ModelClient

if TYPE_CHECKING:  # imported for real by pytest_plugins
    from tests.helpers.serve import ServeProcess

pytest_plugins = ["tests.helpers.serve"]
pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
CONTEXT = 8192  # SmolLM2-135M's context length, as a user would enter it in Settings
TIMEOUT_MS = 120_000

TEXT = (
    "The council of Harrowford met on Monday evening in the old grain hall. After two hours of argument it voted "
    "seven to five to build a new footbridge over the river Wend, just above the weir, where the ferry has run "
    "since the war. The bridge will cost four hundred thousand pounds, half of it from the county.\n\n"
    "The ferryman, Tom Ashby, spoke against it. He said the ferry carries eighty people on a market day and that "
    "the town would lose something no bridge could give back. The mayor thanked him and promised that the ferry "
    "would keep running until the bridge opens next spring, and that the old landing would become a small park.\n"
)

MARKDOWN = """# The ferry

The ferry crossed the river at dawn.

```
tide = 3
```
"""


def remote_spec(server: ServeProcess) -> ModelSpec:
    return ModelSpec(ref=server.model, base_url=server.base_url, context_length=CONTEXT)


@pytest.fixture
def remote_client(make_client, serve_embedded: ServeProcess) -> ModelClient:  # type: ignore[no-untyped-def]
    return make_client(remote_spec(serve_embedded))


@pytest.fixture
def editor(qtbot) -> QPlainTextEdit:  # type: ignore[no-untyped-def]
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def notices() -> Iterator[tuple[MessageCenter, list[Notice]]]:
    messages = MessageCenter()
    posted: list[Notice] = []
    messages.posted.connect(posted.append)
    yield messages, posted


def test_summarize_pane_runs_a_plan_in_parts_on_the_server(
    qtbot,  # type: ignore[no-untyped-def]
    remote_client: ModelClient,
    editor: QPlainTextEdit,
    notices: tuple[MessageCenter, list[Notice]],
    tmp_path: Path,
) -> None:
    messages, posted = notices
    editor.setPlainText(TEXT)
    controller = SummarizeController(
        remote_client, PlainTextEditBridge(editor), Settings.at(str(tmp_path / "s.ini")), messages
    )
    # language="en": no language detection, which is not what runs on the server.
    controller.options = lambda: SummaryOptions(
        length="sentence", language="en", answer_tokens=16, part_answer_tokens=12, seed=7
    )
    controller.part_tokens = 128  # the server's 8,192 tokens would hold it all: force parts
    plans: list[SummaryPlan] = []
    progress: list[Progress] = []
    parts: list[str] = []
    controller.planned.connect(plans.append)
    controller.progress.connect(progress.append)
    controller.parts_text.connect(parts.append)
    try:
        with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS) as blocker:
            assert controller.start()
        outcome: SummaryOutcome = blocker.args[0]
    finally:
        controller.close()
    assert remote_client.info is not None and remote_client.info.device == "remote"
    (plan,) = plans
    # No tokenizer for a server's model: the plan counts with the estimate taken on the high side.
    assert plan.text_tokens == conservative_count(TEXT)
    assert plan.parts >= 2 and not plan.single_pass and plan.levels[-1][0].final
    assert [p.position for p in progress] == list(range(1, plan.total_steps + 1))
    assert [p.index for p in progress[: plan.parts]] == list(range(1, plan.parts + 1)) and progress[-1].final
    assert outcome.failure is None and not outcome.stopped and not outcome.partial
    assert outcome.covered_parts == outcome.total_parts == plan.parts
    assert outcome.text.strip() and outcome.text == controller.result
    for i in range(1, plan.parts + 1):
        assert f"Part {i} of {plan.parts}" in "".join(parts)
    assert posted == []  # nothing went wrong, so nothing was said
    assert editor.toPlainText() == TEXT


def test_translate_pane_keeps_markdown_and_copies_code_on_the_server(
    qtbot,  # type: ignore[no-untyped-def]
    remote_client: ModelClient,
    editor: QPlainTextEdit,
    notices: tuple[MessageCenter, list[Notice]],
    tmp_path: Path,
) -> None:
    messages, posted = notices
    settings = Settings.at(str(tmp_path / "s.ini"))
    settings.set("translate/source", "en")
    settings.set("translate/target", "fr")
    editor.setPlainText(MARKDOWN)
    controller = TranslateController(remote_client, PlainTextEditBridge(editor), settings, messages)
    controller.max_new_tokens = 8
    progress: list[tuple[int, int]] = []
    streamed: list[str] = []
    controller.progress.connect(lambda done, total: progress.append((done, total)))
    controller.output_text.connect(streamed.append)
    try:
        with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS) as blocker:
            assert controller.start()
        outcome: TranslationOutcome = blocker.args[0]
    finally:
        controller.close()
    assert outcome.failure is None and not outcome.partial and not outcome.stopped
    assert outcome.total == 2 and outcome.translated == 2 and progress[-1] == (2, 2)  # the heading, the paragraph
    text = outcome.text
    assert text == "".join(streamed) == controller.output
    heading, paragraph, code = text.split("\n\n", 2)
    assert heading.startswith("# ") and "\n" not in heading and heading[2:].strip()
    assert paragraph.strip() and not paragraph.startswith(("#", "```"))
    assert code == "```\ntide = 3\n```\n"  # copied, never sent to the model
    assert posted == []
    assert editor.toPlainText() == MARKDOWN  # nothing written into the document until the user asks


def inkwell(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True, timeout=300, cwd=REPO
    )


def test_cli_summarizes_and_translates_through_the_server(
    serve_embedded: ServeProcess, python_env: dict[str, str], tmp_path: Path
) -> None:
    server = ["--base-url", serve_embedded.base_url, "--remote-model", serve_embedded.model]
    story = tmp_path / "story.md"
    # One sentence: the model restates it and stops, well before the 80 tokens a one-sentence summary may take (the
    # CLI has no cap below what the length allows).
    story.write_text(
        "The council voted seven to five on Monday to build a footbridge over the river.\n", encoding="utf-8"
    )
    summary = inkwell(["summarize", str(story), *server, "--length", "sentence", "--language", "en", "-v"], python_env)
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout.strip() and "Traceback" not in summary.stderr
    assert f"connecting to {serve_embedded.base_url}" in summary.stderr

    doc = tmp_path / "doc.md"
    doc.write_text("# Good morning\n\n```\ntide = 3\n```\n", encoding="utf-8")  # one short block to translate
    translation = inkwell(["translate", str(doc), "--to", "fr", "--from", "en", *server], python_env)
    assert translation.returncode == 0, translation.stderr
    heading, code = translation.stdout.split("\n\n", 1)
    assert heading.startswith("# ") and heading[2:].strip() and code == "```\ntide = 3\n```\n"


def test_cli_with_the_server_down_says_so_in_one_line(python_env: dict[str, str], tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(TEXT, encoding="utf-8")
    # A port bound but not listening refuses connections, and nobody else can take it while the test runs.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        base_url = f"http://127.0.0.1:{closed.getsockname()[1]}/v1"
        for command in (["summarize", str(story)], ["translate", str(story), "--to", "fr"]):
            result = inkwell([*command, "--base-url", base_url, "--remote-model", "any"], python_env)
            assert result.returncode == 1, result.stderr
            assert result.stdout == ""
            lines = result.stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith("inkwell: ") and "Traceback" not in result.stderr
            assert f"Nothing answers at {base_url}" in lines[0]
