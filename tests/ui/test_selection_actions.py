"""AI actions on the selection, through the real window: shortcuts, the review view, accept as one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument

from app.engine.requests import Done, ModelSpec
from app.gui import AppContext
from app.store import custom_actions
from app.ui.editor.selection_actions import LongSelectionChoice, Phase, paragraph_at

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TEXT = "First paragraph stays.\nTeh secund paragrafh has erors.\nLast paragraph stays too."
SECOND = "Teh secund paragrafh has erors."


def select(context: AppContext, start: int, end: int) -> None:
    editor = context.window.editor
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def put(context: AppContext, text: str = TEXT) -> None:
    context.window.editor.setPlainText(text)
    context.window.editor.document().clearUndoRedoStacks()


def run_and_wait(qtbot, context: AppContext, key: Qt.Key) -> Done:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(context.window.review.finished, timeout=60_000) as blocker:
        qtbot.keyClick(context.window.editor, key, CTRL_SHIFT)
    result = blocker.args[0]
    assert isinstance(result, Done)
    return result


def test_rewrite_selection_review_accept_and_one_undo_restores(qtbot, app_context: AppContext) -> None:
    put(app_context)
    start = TEXT.index(SECOND)
    select(app_context, start, start + len(SECOND))
    run_and_wait(qtbot, app_context, Qt.Key.Key_R)
    review, panel = app_context.window.review, app_context.window.review_panel
    assert review.phase is Phase.READY and review.title == "Rewrite"
    assert panel.isVisible() and panel.accept_button.isEnabled()
    assert review.original == SECOND
    proposed = review.result
    assert proposed.strip()
    panel.accept_button.click()
    editor = app_context.window.editor
    assert editor.toPlainText() == TEXT.replace(SECOND, proposed)
    assert not panel.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == TEXT
    assert editor.document().availableUndoSteps() == 0  # accepting was a single undo step


WRAPPED_SECOND = "Teh secund paragrafh, hard-wrapped\nat short lines as Markdown\nwriters do, has erors."
WRAPPED = f"# Title\nFirst paragraph stays.\n\n{WRAPPED_SECOND}\n\nLast paragraph stays too."


def test_without_a_selection_the_paragraph_at_the_cursor_is_used(qtbot, app_context: AppContext) -> None:
    put(app_context, WRAPPED)
    select(app_context, WRAPPED.index("Markdown"), WRAPPED.index("Markdown"))  # a caret on the middle line
    run_and_wait(qtbot, app_context, Qt.Key.Key_P)
    review = app_context.window.review
    # The whole hard-wrapped paragraph, between the blank lines: not just the line the caret is on.
    assert review.title == "Proofread" and review.original == WRAPPED_SECOND
    assert review.last_done is not None and review.last_done.stats is not None
    # Proofreading copies most of its input: it runs greedy with prompt-lookup decoding.
    assert review.last_done.stats.decoding == "greedy+lookup"


def test_reject_keeps_the_original(qtbot, app_context: AppContext) -> None:
    put(app_context)
    select(app_context, 0, len("First paragraph stays."))
    run_and_wait(qtbot, app_context, Qt.Key.Key_H)
    app_context.window.review_panel.reject_button.click()
    assert app_context.window.editor.toPlainText() == TEXT
    assert app_context.window.review.phase is Phase.IDLE and not app_context.window.review_panel.isVisible()


def test_escape_rejects_a_finished_review(qtbot, app_context: AppContext) -> None:
    put(app_context)
    select(app_context, 0, len("First paragraph stays."))
    run_and_wait(qtbot, app_context, Qt.Key.Key_M)
    qtbot.keyClick(app_context.window.editor, Qt.Key.Key_Escape)
    assert app_context.window.review.phase is Phase.IDLE
    assert app_context.window.editor.toPlainText() == TEXT


def test_an_empty_document_gets_a_notice(qtbot, app_context: AppContext) -> None:
    put(app_context, "")
    qtbot.keyClick(app_context.window.editor, Qt.Key.Key_R, CTRL_SHIFT)
    assert app_context.messages.last is not None and "document is empty" in app_context.messages.last.text
    assert app_context.window.review.phase is Phase.IDLE and not app_context.client.busy


def test_escape_stops_generation_and_the_partial_text_can_be_accepted(qtbot, app_context: AppContext) -> None:
    put(app_context, "Expand me please. " * 5)
    select(app_context, 0, len("Expand me please."))
    review = app_context.window.review
    with qtbot.waitSignal(review.text_changed, timeout=60_000):
        qtbot.keyClick(app_context.window.editor, Qt.Key.Key_X, CTRL_SHIFT)  # expand: a long answer
    with qtbot.waitSignal(review.finished, timeout=30_000) as blocker:
        qtbot.keyClick(app_context.window.editor, Qt.Key.Key_Escape)  # the window's Stop while the model works
    assert isinstance(blocker.args[0], Done) and blocker.args[0].cancelled
    assert review.phase is Phase.STOPPED
    partial = review.result
    if partial.strip():
        assert review.accept()
        assert app_context.window.editor.toPlainText().startswith(partial)


def test_accept_refuses_when_the_original_was_edited_meanwhile(qtbot, app_context: AppContext) -> None:
    put(app_context)
    start = TEXT.index(SECOND)
    select(app_context, start, start + len(SECOND))
    run_and_wait(qtbot, app_context, Qt.Key.Key_R)
    cursor = QTextCursor(app_context.window.editor.document())
    cursor.setPosition(start + 4)
    cursor.insertText("EDIT")  # the user changed the passage under review
    assert not app_context.window.review.accept()
    assert "edited while the model worked" in app_context.messages.last.text  # type: ignore[union-attr]
    assert "EDIT" in app_context.window.editor.toPlainText()


def test_a_new_action_supersedes_the_running_one(qtbot, app_context: AppContext) -> None:
    put(app_context, "Some words to work on. " * 4)
    select(app_context, 0, 20)
    review = app_context.window.review
    with qtbot.waitSignal(review.text_changed, timeout=60_000):
        qtbot.keyClick(app_context.window.editor, Qt.Key.Key_X, CTRL_SHIFT)
    first_handle = review._handle
    run_and_wait(qtbot, app_context, Qt.Key.Key_P)
    assert first_handle is not None and first_handle.job.token.superseded
    assert review.title == "Proofread" and review.phase is Phase.READY


def test_a_selection_longer_than_the_context_can_be_done_in_parts(
    qtbot, app_context: AppContext, tiny_short_context_dir: Path
) -> None:
    with qtbot.waitSignal(app_context.client.model_loaded, timeout=60_000):
        app_context.client.load(ModelSpec(ref=str(tiny_short_context_dir)))  # a 384-token context
    paragraph = "This sentence makes a long paragraph. " * 8
    text = "\n".join([paragraph.strip()] * 4)
    put(app_context, text)
    select(app_context, 0, len(text))
    asked: list[tuple[int, int]] = []

    def choose_parts(tokens: int, budget: int) -> LongSelectionChoice:
        asked.append((tokens, budget))
        return LongSelectionChoice.IN_PARTS

    app_context.window.ask_long_selection = choose_parts
    review = app_context.window.review
    with qtbot.waitSignal(review.phase_changed, timeout=120_000, check_params_cb=lambda p: p is Phase.READY):
        qtbot.keyClick(app_context.window.editor, Qt.Key.Key_P, CTRL_SHIFT)
    assert asked and asked[0][0] > asked[0][1]
    assert review.progress[1] > 1  # several parts, each a whole paragraph group
    assert review.accept(), [n.text for n in app_context.messages.history]
    qtbot.keyClick(app_context.window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app_context.window.editor.toPlainText() == text


def test_a_too_long_selection_can_go_to_the_summary_instead(qtbot, app_context: AppContext) -> None:
    text = "A very long passage of words. " * 900
    put(app_context, text)
    select(app_context, 0, len(text))
    app_context.window.ask_long_selection = lambda tokens, budget: LongSelectionChoice.SUMMARIZE
    with qtbot.waitSignal(app_context.window.review.summarize_instead, timeout=10_000) as blocker:
        qtbot.keyClick(app_context.window.editor, Qt.Key.Key_R, CTRL_SHIFT)
    assert blocker.args[0] == text
    assert not app_context.client.busy


def test_explain_offers_insert_below_instead_of_replace(qtbot, app_context: AppContext) -> None:
    put(app_context, "E = mc^2")
    select(app_context, 0, len("E = mc^2"))
    run_and_wait(qtbot, app_context, Qt.Key.Key_J)
    panel = app_context.window.review_panel
    assert not panel.accept_button.isVisible() and panel.insert_button.isVisible()
    explanation = app_context.window.review.result.strip()
    panel.insert_button.click()
    assert app_context.window.editor.toPlainText() == "E = mc^2\n\n" + explanation + "\n"


def test_a_custom_action_runs_its_prompt_on_the_selection(qtbot, app_context: AppContext) -> None:
    custom_actions.save(
        app_context.settings,
        [custom_actions.StoredAction("Make a list", "Turn {text} into a numbered list.", "Ctrl+Shift+F12")],
    )
    app_context.window._load_custom_actions()
    (stored,) = custom_actions.load(app_context.settings)
    action = app_context.window.commands[f"custom.{stored.id}"]
    assert action.text() == "Make a list"
    assert action in app_context.window.ai_menu.actions()
    put(app_context, "eggs, milk, bread")
    select(app_context, 0, len("eggs, milk, bread"))
    with qtbot.waitSignal(app_context.window.review.finished, timeout=60_000):
        qtbot.keyClick(app_context.window.editor, Qt.Key.Key_F12, CTRL_SHIFT)
    review = app_context.window.review
    assert review.title == "Make a list" and review.phase is Phase.READY
    assert review.last_done is not None


def paragraph_around(text: str, marker: str) -> str:
    """The paragraph `paragraph_at` takes with the caret just before `marker` in `text`."""
    document = QTextDocument()
    document.setPlainText(text)
    cursor = QTextCursor(document)
    cursor.setPosition(text.index(marker))
    return paragraph_at(cursor).selectedText().replace("\u2029", "\n")


def test_the_paragraph_at_the_caret_runs_between_blank_lines_headings_and_fences() -> None:
    text = (
        "# Chapter one\n"
        "The harbour was quiet;\n"
        "gulls argued over herring.\n"
        "   \n"  # a line of spaces is blank too
        "Maren counted the boats\n"
        "twice.\n"
        "## Later\n"
        "```\n"
        "code line one\n"
        "code line two\n"
        "~~~\n"
        "After the fence."
    )
    assert paragraph_around(text, "gulls") == "The harbour was quiet;\ngulls argued over herring."
    assert paragraph_around(text, "The harbour") == "The harbour was quiet;\ngulls argued over herring."
    assert paragraph_around(text, "twice") == "Maren counted the boats\ntwice."  # stops before the heading
    assert paragraph_around(text, "Chapter") == "# Chapter one"  # a heading is a paragraph of its own
    assert paragraph_around(text, "Later") == "## Later"
    assert paragraph_around(text, "code line two") == "code line one\ncode line two"  # fences are not crossed
    assert paragraph_around(text, "After") == "After the fence."
    assert paragraph_around(text, "   \n").strip() == ""  # on a blank line: nothing to work on
    assert paragraph_around("#hashtag, not a heading\nnext line", "next") == "#hashtag, not a heading\nnext line"
    assert paragraph_around("one line", "line") == "one line"


def test_a_caret_on_a_blank_line_gets_a_notice(qtbot, app_context: AppContext) -> None:
    put(app_context, WRAPPED)
    blank = WRAPPED.index("\n\n") + 1
    select(app_context, blank, blank)
    qtbot.keyClick(app_context.window.editor, Qt.Key.Key_R, CTRL_SHIFT)
    assert app_context.messages.last is not None and "put the cursor in a paragraph" in app_context.messages.last.text
    assert app_context.window.review.phase is Phase.IDLE and not app_context.client.busy


def test_the_review_keys_are_customizable_and_live_only_while_a_change_is_shown(qtbot, app_context: AppContext) -> None:
    from PySide6.QtGui import QKeySequence

    window = app_context.window
    commands = window.commands
    assert not commands["review.accept"].isEnabled()  # no review: Alt+A does nothing
    commands.set_sequences("review.accept", [QKeySequence("Ctrl+Alt+Return")])
    assert "Ctrl+Alt+Return" in window.review_panel.accept_button.toolTip().replace("Enter", "Return")
    put(app_context)
    start = TEXT.index(SECOND)
    select(app_context, start, start + len(SECOND))
    run_and_wait(qtbot, app_context, Qt.Key.Key_R)
    assert commands["review.accept"].isEnabled() and commands["review.reject"].isEnabled()
    assert not commands["review.insert_below"].isEnabled()  # only Explain offers it
    proposed = window.review.result
    qtbot.keyClick(
        window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert window.editor.toPlainText() == TEXT.replace(SECOND, proposed)
    assert not commands["review.accept"].isEnabled()
