"""The Summarize pane on the tiny model, with a real QPlainTextEdit behind the editor bridge."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit

from app.engine.chunking import SummaryPlan
from app.engine.requests import ModelSpec
from app.engine.task_prompts import SummaryOptions
from app.store.settings import Settings
from app.ui.editor.bridge import PlainTextEditBridge
from app.ui.messages import Level, MessageCenter
from app.ui.panes.summarize_controller import Phase, Progress, SummarizeController, SummaryOutcome
from app.ui.panes.summarize_pane import SummarizePane
from app.worker.client import ModelClient

CHAPTER = Path(__file__).resolve().parents[1] / "data" / "river_year.md"
TIMEOUT = 180_000


@dataclass
class Rig:
    editor: QPlainTextEdit
    bridge: PlainTextEditBridge
    messages: MessageCenter
    controller: SummarizeController
    pane: SummarizePane
    client: ModelClient


def build(qtbot, client: ModelClient, settings: Settings) -> Rig:  # type: ignore[no-untyped-def]
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    bridge = PlainTextEditBridge(editor)
    messages = MessageCenter()
    controller = SummarizeController(client, bridge, settings, messages)
    # Few tokens per answer: the structure is under test, and the random model's words are noise anyway.
    controller.options = lambda: SummaryOptions(answer_tokens=10, part_answer_tokens=6, seed=3)
    pane = SummarizePane(controller, settings)
    qtbot.addWidget(pane)
    pane.resize(420, 720)
    pane.show()
    return Rig(editor, bridge, messages, controller, pane, client)


@pytest.fixture
def rig(qtbot, tiny_client: ModelClient, settings: Settings) -> Iterator[Rig]:  # type: ignore[no-untyped-def]
    built = build(qtbot, tiny_client, settings)
    yield built
    built.controller.close()


def run(qtbot, rig: Rig, start=None) -> SummaryOutcome:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(rig.controller.finished, timeout=TIMEOUT) as blocker:
        assert (start or rig.controller.start)()
    outcome: SummaryOutcome = blocker.args[0]
    return outcome


def first_paragraphs(words: int) -> str:
    """The chapter's opening, cut at a paragraph end near `words` words."""
    text = CHAPTER.read_text(encoding="utf-8")
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        out.append(paragraph)
        if len(" ".join(out).split()) >= words:
            break
    return "\n\n".join(out)


def test_a_long_document_is_summarized_in_parts_with_progress(qtbot, rig: Rig) -> None:
    rig.editor.setPlainText(first_paragraphs(1200))
    rig.controller.part_tokens = 400  # several parts from a text the tiny model's context would hold
    plans: list[SummaryPlan] = []
    progress: list[Progress] = []
    formats: list[str] = []
    rig.controller.planned.connect(plans.append)
    rig.controller.progress.connect(progress.append)
    rig.controller.progress.connect(lambda _: formats.append(rig.pane.progress.format()))
    appended: list[str] = []
    rig.controller.result_text.connect(appended.append)
    reasons: list[str] = []
    rig.client.job_done.connect(lambda done: reasons.append(done.reason))
    outcome = run(qtbot, rig)

    (plan,) = plans
    assert plan.parts >= 4 and not plan.single_pass
    assert [p.position for p in progress] == list(range(1, plan.total_steps + 1))
    assert [p.index for p in progress if p.level == 0] == list(range(1, plan.parts + 1))
    assert progress[-1].final
    assert formats[2] == f"Part 3 of {plan.parts}"
    parts_view = rig.pane.parts.toPlainText()
    for i in range(1, plan.parts + 1):
        assert f"Part {i} of {plan.parts}" in parts_view
    assert rig.pane.parts.isVisible()
    # A part summary that ran out of room is marked where it stops; the final summary is not a part.
    sections = re.split(r"(?m)^(?:Part \d+ of \d+|Parts \d+–\d+ combined)\n", parts_view)[1:]
    assert len(sections) == len(reasons) - 1 == plan.total_steps - 1
    ran_out = [section for section, reason in zip(sections, reasons, strict=False) if reason == "length"]
    cut = [section.rstrip().endswith("…") for section in ran_out]
    assert cut and all(cut)
    assert not outcome.partial and outcome.covered_parts == outcome.total_parts == plan.parts
    assert outcome.text and outcome.text == rig.controller.result
    assert appended and "".join(appended).strip() == outcome.text  # streamed in coalesced pieces, append-only
    assert rig.pane.result.toPlainText().strip() == outcome.text
    assert not rig.pane.partial_label.isVisible()
    assert rig.pane.copy_button.isEnabled() and rig.pane.regenerate_button.isEnabled()
    assert rig.controller.phase is Phase.IDLE and not rig.pane.stop_button.isEnabled()


def test_stop_in_the_middle_keeps_a_partial_summary_marked_partial(qtbot, rig: Rig) -> None:
    rig.editor.setPlainText(first_paragraphs(1200))
    rig.controller.part_tokens = 400

    def stop_at_part_three(progress: Progress) -> None:
        if progress.level == 0 and progress.index == 3:
            QTimer.singleShot(0, rig.controller.stop)  # as a user would: after the part has started

    rig.controller.progress.connect(stop_at_part_three)
    outcome = run(qtbot, rig)
    assert outcome.stopped and outcome.partial and outcome.failure is None
    assert outcome.covered_parts == 2 and outcome.total_parts >= 4
    assert outcome.text and outcome.text == rig.controller.result
    assert rig.pane.result.toPlainText() == outcome.text
    assert rig.pane.partial_label.isVisible()
    assert f"parts 1–2 of {outcome.total_parts}" in rig.pane.partial_label.text()
    assert "Stopped" in rig.pane.status.text()
    assert not rig.client.busy  # the request really ended


def test_stop_while_the_plan_is_made_or_the_model_loads(qtbot, rig: Rig) -> None:
    rig.editor.setPlainText("A few words to summarize.")
    with qtbot.waitSignal(rig.controller.finished, timeout=TIMEOUT) as blocker:
        rig.controller.start()
        assert rig.controller.phase in (Phase.WAITING_MODEL, Phase.PLANNING)
        rig.controller.stop()
    assert blocker.args[0].stopped and not blocker.args[0].text
    assert rig.controller.phase is Phase.IDLE


def test_the_selection_is_the_source_and_replace_is_one_undo_step(qtbot, rig: Rig) -> None:
    original = (
        "Intro line.\n\n"
        "The council met on Thursday. It voted seven to five to build the bridge above the weir.\n\n"
        "Outro line."
    )
    rig.editor.setPlainText(original)
    start = original.index("The council")
    end = original.index("\n\nOutro")
    rig.bridge.select_range(start, end)
    rig.pane.refresh_source()
    assert "selection" in rig.pane.source_label.text()
    outcome = run(qtbot, rig)
    assert outcome.text and "selection" in rig.pane.source_label.text()
    assert rig.controller.source.value == "selection"
    rig.pane.copy_button.click()
    assert QGuiApplication.clipboard().text() == outcome.text

    assert not rig.editor.document().isUndoAvailable()  # setPlainText left an empty undo stack
    assert rig.controller.replace_selection()
    assert rig.editor.toPlainText() == original[:start] + outcome.text + original[end:]
    rig.editor.undo()
    assert rig.editor.toPlainText() == original
    assert not rig.editor.document().isUndoAvailable()  # the replacement was exactly one undo step

    rig.bridge.select_range(0, 0)
    assert rig.controller.insert_at_cursor()
    assert rig.editor.toPlainText() == outcome.text + original
    rig.editor.undo()
    assert rig.editor.toPlainText() == original
    assert not rig.editor.document().isUndoAvailable()


def test_without_a_selection_the_whole_document_is_summarized_and_replace_asks_for_one(qtbot, rig: Rig) -> None:
    rig.editor.setPlainText("The mill wheel turned again on the twenty-ninth of July.")
    rig.pane.refresh_source()
    assert "whole document" in rig.pane.source_label.text()
    run(qtbot, rig)
    assert not rig.controller.replace_selection()
    assert rig.messages.last is not None and "Select the text" in rig.messages.last.text
    assert rig.editor.toPlainText() == "The mill wheel turned again on the twenty-ninth of July."


@pytest.mark.parametrize("text", ["", "   \n\t  \n"])
def test_an_empty_source_gives_a_notice_and_no_request(qtbot, rig: Rig, text: str) -> None:
    rig.editor.setPlainText(text)
    submitted: list[object] = []
    rig.client.job_submitted.connect(submitted.append)
    assert not rig.controller.start()
    assert rig.messages.last is not None and rig.messages.last.level is Level.INFO
    assert "no text to summarize" in rig.messages.last.text
    assert rig.controller.phase is Phase.IDLE and not submitted


@pytest.mark.parametrize(
    "text",
    [
        "| Month | Rain |\n|---|---:|\n| March | 41 |\n\n```python\nprint('flood')\n```\n\nThe table shows rain.",
        "The minutes follow. Протокол заседания приведён ниже. 会议记录如下。議事録は以下の通りです。",
        "我们今天去公园玩得很开心" * 40,
    ],
    ids=["table-and-code", "mixed-script", "cjk-without-spaces"],
)
def test_odd_documents_are_summarized(qtbot, rig: Rig, text: str) -> None:
    rig.editor.setPlainText(text)
    outcome = run(qtbot, rig)
    assert outcome.text and not outcome.partial and outcome.failure is None


def test_a_fifty_thousand_character_sentence_is_planned_in_parts(qtbot, rig: Rig) -> None:
    words = ("river lamp harbour ferry council winter bread market bridge lantern " * 800).split()
    sentence = " ".join(words)
    assert len(sentence) > 50_000 and "." not in sentence
    rig.editor.setPlainText(sentence)
    plans: list[SummaryPlan] = []
    rig.controller.planned.connect(plans.append)

    def stop_after_the_first_part(progress: Progress) -> None:
        if progress.position == 2:
            QTimer.singleShot(0, rig.controller.stop)

    rig.controller.progress.connect(stop_after_the_first_part)
    outcome = run(qtbot, rig)
    (plan,) = plans
    assert plan.parts >= 5  # about 10,000 tokens against the tiny model's 2,048
    spans = [step.span for step in plan.levels[0]]
    assert "".join(sentence[a:b] for a, b in spans) == sentence  # type: ignore[misc]
    assert all(sentence[a - 1] == " " for a, _ in spans[1:])  # type: ignore[misc]  # between words
    assert outcome.partial and outcome.covered_parts == 1 and outcome.text


def test_regenerate_summarizes_the_same_text_again(qtbot, rig: Rig) -> None:
    rig.editor.setPlainText("The ferry crossed the river a hundred times a day in summer.")
    run(qtbot, rig)
    rig.editor.setPlainText("Something else entirely.")
    sources: list[tuple[object, int]] = []
    rig.controller.source_changed.connect(lambda source, count: sources.append((source, count)))
    outcome = run(qtbot, rig, rig.controller.regenerate)
    assert outcome.text
    assert sources[-1][1] == len("The ferry crossed the river a hundred times a day in summer.")


def test_a_model_that_is_not_loaded_yet_shows_a_waiting_state(
    qtbot, make_client, tiny_model_dir: Path, tmp_path: Path, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    fresh = shutil.copytree(tiny_model_dir, tmp_path / "fresh-tiny")
    client = make_client(ModelSpec(ref=str(fresh)))
    assert client.info is None
    built = build(qtbot, client, settings)
    try:
        built.editor.setPlainText("The lock-keeper read the gauge every half hour.")
        phases: list[Phase] = []
        built.controller.phase_changed.connect(phases.append)
        with qtbot.waitSignal(built.controller.finished, timeout=TIMEOUT) as blocker:
            built.controller.start()
            assert built.controller.phase is Phase.WAITING_MODEL
            assert built.pane.status.text() == "Waiting for the model to load…"
            assert built.pane.progress.isVisible() and built.pane.stop_button.isEnabled()
        assert blocker.args[0].text
        assert phases[:3] == [Phase.WAITING_MODEL, Phase.PLANNING, Phase.RUNNING]
    finally:
        built.controller.close()


def test_a_model_that_cannot_load_is_reported_plainly(qtbot, make_client, tmp_path: Path, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    client = make_client(ModelSpec(ref=str(tmp_path / "no-such-model")))
    built = build(qtbot, client, settings)
    try:
        built.editor.setPlainText("Some text.")
        outcome = run(qtbot, built)
        assert outcome.failure is not None and not outcome.text
        assert built.messages.last is not None and built.messages.last.level is Level.ERROR
        assert "no-such-model" in built.messages.last.text
        assert "could not be loaded" in built.pane.status.text()
    finally:
        built.controller.close()
