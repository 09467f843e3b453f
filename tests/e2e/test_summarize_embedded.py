"""One real multi-part summary on the embedded model (SmolLM2-135M-Instruct), through the Summarize pane."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from app.engine.chunking import SummaryPlan
from app.engine.requests import ModelSpec
from app.engine.task_prompts import SummaryOptions
from app.store.settings import Settings
from app.ui.editor.bridge import PlainTextEditBridge
from app.ui.messages import MessageCenter
from app.ui.panes.summarize_controller import Progress, SummarizeController, SummaryOutcome
from app.ui.panes.summarize_pane import SummarizePane
from app.ui.panes.translate_controller import TranslateController
from app.worker.client import ModelClient

pytestmark = pytest.mark.e2e
CHAPTER = Path(__file__).resolve().parents[1] / "data" / "river_year.md"


@pytest.fixture
def embedded_client(make_client, embedded_copy: Path) -> ModelClient:  # type: ignore[no-untyped-def]
    return make_client(ModelSpec())


def test_a_real_summary_in_parts(qtbot, embedded_client: ModelClient, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = CHAPTER.read_text(encoding="utf-8")
    opening = text[: text.index("The ice census is older")]  # the introduction and January's start: ~600 words
    settings = Settings.at(str(tmp_path / "settings.ini"))
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(opening)
    messages = MessageCenter()
    bridge = PlainTextEditBridge(editor)
    controller = SummarizeController(embedded_client, bridge, settings, messages)
    controller.options = lambda: SummaryOptions(length="sentence", answer_tokens=60, part_answer_tokens=48, seed=7)
    controller.part_tokens = 320  # the model's 8,192 tokens would hold it all: force parts
    pane = SummarizePane(controller, settings)
    qtbot.addWidget(pane)
    plans: list[SummaryPlan] = []
    progress: list[Progress] = []
    controller.planned.connect(plans.append)
    controller.progress.connect(progress.append)
    try:
        with qtbot.waitSignal(controller.finished, timeout=600_000) as blocker:
            controller.start()
        outcome: SummaryOutcome = blocker.args[0]
        (plan,) = plans
        assert plan.parts >= 2 and plan.levels[-1][0].final
        assert len(progress) == plan.total_steps
        assert not outcome.partial and outcome.failure is None and outcome.text
        # A real summary of this text names what it is about.
        assert any(word in outcome.text for word in ("Harrowford", "river", "Wend", "town", "ice", "bridge"))
        for i in range(1, plan.parts + 1):
            assert f"Part {i} of {plan.parts}" in pane.parts.toPlainText()
        assert embedded_client.info is not None and embedded_client.info.name == "SmolLM2-135M-Instruct"
        # The embedded model cannot translate, and the Translate pane says so.
        translate = TranslateController(embedded_client, bridge, settings, messages)
        assert "cannot translate" in translate.model_note()
        translate.close()
    finally:
        controller.close()


MARKDOWN = """# The ferry

The ferry crossed the river at dawn.

```
tide = 3
```

- the lock
- the mill
"""


def test_a_real_translation_keeps_the_documents_structure(qtbot, embedded_client: ModelClient, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """SmolLM2 cannot translate well, but whatever it writes lands inside the document's own structure."""
    settings = Settings.at(str(tmp_path / "settings.ini"))
    settings.set("translate/target", "fr")
    settings.set("translate/max_new_tokens", 16)  # the user's cap per block: short, and still a real stream
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(MARKDOWN)
    controller = TranslateController(embedded_client, PlainTextEditBridge(editor), settings, MessageCenter())
    progress: list[tuple[int, int]] = []
    controller.progress.connect(lambda done, total: progress.append((done, total)))
    try:
        with qtbot.waitSignal(controller.finished, timeout=300_000) as blocker:
            controller.start()
        outcome = blocker.args[0]
        assert not outcome.partial and outcome.failure is None
        assert outcome.total == 4 and progress[-1] == (4, 4)  # heading, paragraph, two list items
        text = outcome.text
        assert text.startswith("# ") and "\n\n```\ntide = 3\n```\n\n- " in text and "\n- " in text.split("```")[-1]
        assert text.count("\n\n") == MARKDOWN.count("\n\n")
        assert editor.toPlainText() == MARKDOWN  # nothing written into the document until the user asks
    finally:
        controller.close()
