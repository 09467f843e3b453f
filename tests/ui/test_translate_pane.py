"""The Translate pane on tiny models, with a real QPlainTextEdit behind the editor bridge.

No model that translates runs here: these tests check structure (Markdown, code blocks, paragraphs kept, exactly
the model's greedy answers put in place), progress, the language logic, replace-as-one-undo and bad input.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit

from app.engine import language as languages
from app.engine.requests import ModelSpec
from app.store.settings import Settings
from app.ui.editor.bridge import PlainTextEditBridge
from app.ui.messages import Level, MessageCenter
from app.ui.panes.translate_controller import AUTO, Phase, Skipped, TranslateController, TranslationOutcome
from app.ui.panes.translate_pane import TranslatePane
from app.worker.client import ModelClient
from tests.unit.test_text_cli import expected_translation, make_wordy_model

TIMEOUT = 180_000
CAP = 8  # tokens per translated block: the structure is under test, not the (random) words


@pytest.fixture(scope="session")
def wordy_model_dir(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_wordy_model(tiny_model_dir, tmp_path_factory.mktemp("wordy-tiny"))


@pytest.fixture
def wordy_client(make_client, wordy_model_dir: Path) -> ModelClient:  # type: ignore[no-untyped-def]
    return make_client(ModelSpec(ref=str(wordy_model_dir)))


@dataclass
class Rig:
    editor: QPlainTextEdit
    bridge: PlainTextEditBridge
    messages: MessageCenter
    controller: TranslateController
    pane: TranslatePane
    client: ModelClient
    settings: Settings


def build(qtbot, client: ModelClient, settings: Settings) -> Rig:  # type: ignore[no-untyped-def]
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    bridge = PlainTextEditBridge(editor)
    messages = MessageCenter()
    settings.set("translate/target", "de")  # most texts here are English
    controller = TranslateController(client, bridge, settings, messages)
    controller.max_new_tokens = CAP
    controller.debounce.setInterval(50)
    pane = TranslatePane(controller, settings)
    qtbot.addWidget(pane)
    pane.resize(420, 640)
    pane.show()
    return Rig(editor, bridge, messages, controller, pane, client, settings)


@pytest.fixture
def rig(qtbot, tiny_client: ModelClient, settings: Settings) -> Iterator[Rig]:  # type: ignore[no-untyped-def]
    built = build(qtbot, tiny_client, settings)
    yield built
    built.controller.close()


@pytest.fixture
def wordy(qtbot, wordy_client: ModelClient, settings: Settings) -> Iterator[Rig]:  # type: ignore[no-untyped-def]
    built = build(qtbot, wordy_client, settings)
    yield built
    built.controller.close()


def translate_and_wait(qtbot, rig: Rig) -> TranslationOutcome:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(rig.controller.finished, timeout=TIMEOUT) as blocker:
        rig.controller.start()
    outcome: TranslationOutcome = blocker.args[0]
    return outcome


def detect_and_wait(qtbot, rig: Rig) -> languages.Detection:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(rig.controller.detected, timeout=TIMEOUT) as blocker:
        rig.controller.detect_source()
    detection: languages.Detection = blocker.args[0]
    return detection


DOCUMENT = """# The river year

The ferry crossed the river at dawn.
It carried eight passengers and a cart.

```python
def untouched():
    return "code is never translated"
```

- the lock
- the mill

| Month | Rain |
|-------|-----:|
| March | 41 |

The council voted for the bridge.
"""


def test_translation_keeps_paragraphs_markdown_and_code_blocks(qtbot, wordy: Rig, wordy_model_dir: Path) -> None:
    wordy.settings.set("translate/target", "de")
    wordy.editor.setPlainText(DOCUMENT)
    progress: list[tuple[int, int]] = []
    appended: list[str] = []
    wordy.controller.progress.connect(lambda done, total: progress.append((done, total)))
    wordy.controller.output_text.connect(appended.append)
    outcome = translate_and_wait(qtbot, wordy)

    expected = expected_translation(wordy_model_dir, DOCUMENT, "de", "en", cap=CAP)
    assert outcome.text == expected != DOCUMENT
    assert wordy.pane.output.toPlainText() == expected
    assert len(appended) > 1 and "".join(appended) == expected  # streamed, append-only
    assert '```python\ndef untouched():\n    return "code is never translated"\n```\n' in expected
    assert "\n|-------|-----:|\n" in expected  # the rule row: kept
    table = [line for line in expected.splitlines() if line.startswith("|")]
    assert [line.count("|") for line in table] == [3, 3, 3] and table[2].endswith("| 41 |")  # cell by cell
    assert expected.startswith("# ") and "\n- " in expected
    assert expected.count("\n\n") == DOCUMENT.count("\n\n")  # paragraphs stay paragraphs
    # Line breaks between blocks are the document's own; inside a paragraph they are the model's to keep (the
    # prompt asks it to), and this model cannot write one.
    assert expected.count("\n") == DOCUMENT.count("\n") - 1
    total = 8  # a heading, two paragraphs, two list items, three table cells with words
    assert progress[0] == (0, outcome.total) and progress[-1] == (outcome.total, outcome.total)
    assert outcome.total == outcome.translated == total
    assert not outcome.partial and outcome.skipped is Skipped.NOTHING
    assert wordy.pane.detected_label.text() == "Detected: English"


def test_replace_selection_with_the_translation_is_one_undo_step(qtbot, wordy: Rig) -> None:
    original = "First paragraph stays.\n\nTranslate this sentence about the weir.\n\nLast paragraph stays."
    wordy.settings.set("translate/target", "es")
    wordy.editor.setPlainText(original)
    start, end = original.index("Translate"), original.index("\n\nLast")
    wordy.bridge.select_range(start, end)
    wordy.pane.refresh_source()
    assert "selection" in wordy.pane.source_label.text()
    assert wordy.pane.replace_button.text().replace("&", "") == "Replace selection"
    outcome = translate_and_wait(qtbot, wordy)
    assert outcome.text and outcome.text != original[start:end]
    wordy.pane.copy_button.click()
    assert QGuiApplication.clipboard().text() == outcome.text
    assert wordy.controller.replace_selection()
    assert wordy.editor.toPlainText() == original[:start] + outcome.text + original[end:]
    wordy.editor.undo()
    assert wordy.editor.toPlainText() == original
    assert not wordy.editor.document().isUndoAvailable()


def test_replace_the_whole_translated_document_in_one_undo_step(qtbot, wordy: Rig) -> None:
    original = "## Notes\n\nThe mill turned again in July."
    wordy.settings.set("translate/target", "it")
    wordy.editor.setPlainText(original)
    outcome = translate_and_wait(qtbot, wordy)
    assert wordy.pane.replace_button.text().replace("&", "") == "Replace document"
    assert wordy.controller.replace_selection()
    assert wordy.editor.toPlainText() == outcome.text
    wordy.editor.undo()
    assert wordy.editor.toPlainText() == original
    assert not wordy.editor.document().isUndoAvailable()
    wordy.editor.setPlainText(original + " Changed since.")
    assert not wordy.controller.replace_selection()  # the document changed: never overwrite blindly
    assert wordy.messages.last is not None and "Select the text" in wordy.messages.last.text


def test_detected_language_is_shown_and_can_be_overridden_and_the_pair_is_remembered(
    qtbot, rig: Rig, settings: Settings
) -> None:
    rig.editor.setPlainText("Der Fluss war im Winter zugefroren, und die Fähre lag still am Ufer.")
    detection = detect_and_wait(qtbot, rig)
    assert detection.code == "de"
    assert rig.pane.detected_label.text() == "Detected: Deutsch"
    rig.pane.from_box.setCurrentIndex(rig.pane.from_box.findData("fr"))
    rig.pane.to_box.setCurrentIndex(rig.pane.to_box.findData("ja"))
    assert rig.controller.source_language == "fr" and rig.controller.target_language == "ja"
    again = TranslatePane(TranslateController(rig.client, rig.bridge, settings, MessageCenter()), settings)
    qtbot.addWidget(again)
    assert again.from_box.currentData() == "fr" and again.to_box.currentData() == "ja"
    assert again.to_box.currentText() == "日本語"
    again.controller.close()
    rig.pane.from_box.setCurrentIndex(0)
    assert rig.controller.source_language == AUTO


def test_swap_exchanges_the_languages_using_the_detected_one(qtbot, rig: Rig) -> None:
    rig.settings.set("translate/target", "en")
    rig.editor.setPlainText("Der Ausschuss traf sich am Donnerstag wieder, um über den Hafen zu sprechen.")
    detect_and_wait(qtbot, rig)
    rig.pane.swap_button.click()
    assert (rig.controller.source_language, rig.controller.target_language) == ("en", "de")
    assert rig.pane.from_box.currentData() == "en" and rig.pane.to_box.currentData() == "de"
    rig.pane.swap_button.click()
    assert (rig.controller.source_language, rig.controller.target_language) == ("de", "en")


def test_swap_without_a_known_source_asks_for_one(qtbot, rig: Rig) -> None:
    rig.editor.setPlainText("12345 !!!")
    detect_and_wait(qtbot, rig)
    assert not rig.controller.swap()
    assert rig.messages.last is not None and "Choose the source language" in rig.messages.last.text
    assert rig.controller.source_language == AUTO


def test_source_equal_to_target_is_not_sent_to_the_model(qtbot, rig: Rig) -> None:
    rig.settings.set("translate/target", "en")
    rig.editor.setPlainText("This sentence is already written in plain English, as anyone can see.")
    submitted: list[object] = []
    rig.client.job_submitted.connect(submitted.append)
    outcome = translate_and_wait(qtbot, rig)
    assert outcome.skipped is Skipped.SAME_LANGUAGE and not submitted
    assert rig.messages.last is not None and "already in English" in rig.messages.last.text
    rig.controller.set_source_language("de")
    rig.controller.set_target_language("de")
    assert translate_and_wait(qtbot, rig).skipped is Skipped.SAME_LANGUAGE and not submitted


def test_undetectable_text_says_so_and_is_still_translated(qtbot, rig: Rig) -> None:
    rig.editor.setPlainText("xq zvk brrt pfft")
    outcome = translate_and_wait(qtbot, rig)
    assert "Could not tell the language" in rig.pane.detected_label.text()
    assert outcome.total == 1 and outcome.translated == 1 and outcome.skipped is Skipped.NOTHING


def test_text_without_words_has_nothing_to_translate(qtbot, rig: Rig) -> None:
    rig.editor.setPlainText("12345 67 !!!\n\n---\n")
    submitted: list[object] = []
    rig.client.job_submitted.connect(submitted.append)
    outcome = translate_and_wait(qtbot, rig)
    assert outcome.skipped is Skipped.NO_WORDS and outcome.text == "12345 67 !!!\n\n---\n" and not submitted
    assert "no words" in rig.pane.detected_label.text()
    assert rig.messages.last is not None and "nothing to translate" in rig.messages.last.text


def test_mixed_script_text_is_detected_as_mixed_and_translated(qtbot, rig: Rig) -> None:
    rig.settings.set("translate/target", "ru")
    rig.editor.setPlainText(
        "The minutes of the meeting are below. Протокол заседания приведён ниже, прочитайте его внимательно."
    )
    outcome = translate_and_wait(qtbot, rig)
    assert "mixed with" in rig.pane.detected_label.text()
    assert outcome.skipped is Skipped.NOTHING and outcome.translated == 1


@pytest.mark.parametrize("text", ["", "  \n\t "])
def test_an_empty_source_gives_a_notice_and_no_request(qtbot, rig: Rig, text: str) -> None:
    rig.editor.setPlainText(text)
    assert not rig.controller.start()
    assert rig.messages.last is not None and rig.messages.last.level is Level.INFO
    assert "no text to translate" in rig.messages.last.text
    assert rig.controller.phase is Phase.IDLE and not rig.client.busy


def test_a_huge_unpunctuated_sentence_is_translated_piece_by_piece_and_stops(qtbot, rig: Rig) -> None:
    sentence = " ".join(("river lamp harbour ferry council winter bread market bridge lantern " * 800).split())
    assert len(sentence) > 50_000
    rig.editor.setPlainText(sentence)

    def stop_after_two(done: int, total: int) -> None:
        if done == 2:
            QTimer.singleShot(0, rig.controller.stop)

    rig.controller.progress.connect(stop_after_two)
    outcome = translate_and_wait(qtbot, rig)
    assert outcome.total >= 20  # ~10,000 tokens in pieces of at most 400
    assert outcome.stopped and outcome.partial and outcome.translated == 2
    assert sentence.startswith(outcome.text.rstrip())  # the random model writes nothing: the words are kept
    assert "Stopped: 2 of" in rig.pane.status.text()


def test_translate_as_you_type_waits_for_a_pause_and_the_latest_text_wins(
    qtbot, wordy: Rig, wordy_model_dir: Path
) -> None:
    wordy.settings.set("translate/target", "fr")
    wordy.pane.as_you_type.setChecked(True)
    assert wordy.controller.as_you_type
    wordy.editor.textChanged.connect(wordy.controller.source_edited)
    starts: list[object] = []
    finished: list[TranslationOutcome] = []
    wordy.controller.source_changed.connect(lambda source, count: starts.append(count))
    wordy.controller.finished.connect(finished.append)
    with qtbot.waitSignal(wordy.controller.finished, timeout=TIMEOUT):
        for text in ("The", "The lock", "The lock keeper", "The lock keeper reads the gauge."):
            wordy.editor.setPlainText(text)
    assert starts == [len("The lock keeper reads the gauge.")]  # one run, after the pause
    last = "The lock keeper reads the gauge."
    detected = languages.detect(last).code
    assert finished[-1].text == expected_translation(wordy_model_dir, last, "fr", detected, cap=CAP)

    # An edit while a translation runs supersedes it: only the newest one finishes.
    # Long enough that it cannot finish within the pause the next edit waits for, even on a fast machine.
    long_text = "\n\n".join(f"Paragraph {i} about the river and the mill." for i in range(40))
    finished.clear()
    with qtbot.waitSignal(wordy.controller.progress, timeout=TIMEOUT, check_params_cb=lambda d, t: d == 1):
        wordy.editor.setPlainText(long_text)
    with qtbot.waitSignal(wordy.controller.finished, timeout=TIMEOUT):
        wordy.editor.setPlainText("Newest text wins.")
    assert len(finished) == 1 and not finished[0].partial
    newest = "Newest text wins."
    assert finished[0].text == expected_translation(
        wordy_model_dir, newest, "fr", languages.detect(newest).code, cap=CAP
    )
    assert wordy.pane.output.toPlainText() == finished[0].text


def test_a_weak_model_gets_a_plain_note_and_a_waiting_state_while_it_loads(
    qtbot, make_client, tiny_model_dir: Path, tmp_path: Path, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    # The tiny model under the embedded model's name: the note is about the name, not the weights.
    named = shutil.copytree(tiny_model_dir, tmp_path / "SmolLM2-135M-Instruct")
    client = make_client(ModelSpec(ref=str(named)))
    assert client.info is None
    built = build(qtbot, client, settings)
    try:
        assert not built.pane.note.isVisible()
        built.editor.setPlainText("The ferry crossed the river at dawn.")
        with qtbot.waitSignal(built.controller.finished, timeout=TIMEOUT):
            built.controller.start()
            assert built.controller.phase is Phase.WAITING_MODEL
            assert built.pane.status.text() == "Waiting for the model to load…"
            assert built.pane.stop_button.isEnabled()
        assert built.pane.note.isVisible()
        assert "cannot translate" in built.pane.note.text() and "Qwen2.5-1.5B-Instruct" in built.pane.note.text()
    finally:
        built.controller.close()


def test_a_capable_model_gets_no_note(qtbot, rig: Rig) -> None:
    with qtbot.waitSignal(rig.client.model_loaded, timeout=TIMEOUT):
        rig.client.load()
    assert rig.controller.model_note() == "" and not rig.pane.note.isVisible()
