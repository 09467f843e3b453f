"""A screen-reader user can work in Inkwell: every control has a name, Tab goes somewhere sensible, runs are
announced."""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFont,
    QFontDatabase,
    QPalette,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from app.engine.requests import Done, Failure, FailureKind, ModelSpec
from app.gui import AppContext
from app.ui import announcer as announcer_module
from app.ui import notice_bar as notice_bar_module
from app.ui import theme as theme_module
from app.ui.announcer import MAX_PIECE, Announcer, Politeness, SentenceBuffer, speakable
from app.ui.dialogs import first_run as first_run_module
from app.ui.dialogs.first_run import FirstRunNotice
from app.ui.dialogs.shortcuts import CheatSheet
from app.ui.editor import continue_writing as continue_module
from app.ui.editor import editor as editor_module
from app.ui.editor import highlighter as highlighter_module
from app.ui.editor.continue_writing import Phase as ContinuePhase
from app.ui.editor.editor import Editor
from app.ui.editor.highlighter import MarkdownHighlighter
from app.ui.panes.summarize_controller import SummaryOutcome
from app.ui.theme import ThemeController, dark_palette
from tests.helpers import ui_walk

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QAbstractSlider,
    QKeySequenceEdit,
)
# The parts of these are announced as the one control that holds them (a combo box's popup list, a spin box's
# line edit); a header view is read through its view's column names. Not a key sequence edit: its line edit takes
# the focus and is what a screen reader finds (tools/atspi_tree.py showed it), so it needs the name too.
COMPOUND = (QAbstractSpinBox, QComboBox)
# Buttons Qt keeps out of the accessibility tree: a menu bar's children are its menus, a table's are its cells.
OUTSIDE_THE_TREE = {"qt_menubar_ext_button", "qt_tableview_cornerbutton"}


def _inside_compound(widget: QWidget) -> bool:
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, COMPOUND):
            return True
        node = node.parentWidget()
    return False


def interactive(root: QWidget) -> Iterator[QWidget]:
    for widget in ui_walk.widgets(root):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar | QHeaderView):
            continue
        if _inside_compound(widget) or widget.objectName() in OUTSIDE_THE_TREE:
            continue
        yield widget


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader says. On Linux a combo box's name is its current item, and the reader names it after
    the label that the Label relation points to (a buddy), so that is what counts for one."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    if isinstance(widget, QComboBox):
        labels = [
            target.text(QAccessible.Text.Name)
            for target, relation in interface.relations()
            if relation & QAccessible.RelationFlag.Label
        ]
        return " ".join(labels).strip()
    return interface.text(QAccessible.Text.Name).strip()


def _describe(widget: QWidget) -> str:
    path: list[str] = []
    node: QWidget | None = widget
    while node is not None and len(path) < 4:
        kind = type(node).__name__
        path.append(f"{kind}#{node.objectName()}" if node.objectName() else kind)
        node = node.parentWidget()
    return " < ".join(path)


def test_every_interactive_control_has_an_accessible_name(qtbot, app_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    missing: list[str] = []
    seen: set[int] = set()
    for surface in ui_walk.surfaces(app_context.window):
        for widget in interactive(surface.widget):
            if id(widget) in seen:
                continue
            seen.add(id(widget))
            if not accessible_name(widget):
                missing.append(f"{surface.name}: {_describe(widget)}")
    assert len(seen) > 100  # the walk reached the panes and dialogs, not just the window's frame
    assert not missing, "controls without an accessible name:\n" + "\n".join(missing)


# -- announcements -------------------------------------------------------------------------------------------------


def test_streamed_text_is_cut_into_sentences_and_the_rest_is_kept_for_the_end() -> None:
    buffer = SentenceBuffer()
    said: list[str] = []
    for token in [
        "The ri",
        "ver rose",
        ". It fell",
        " again! ",
        "河水上涨。",
        "“Who",
        " knew?” she",
        " said.",
        " Then",
    ]:
        said += buffer.feed(token)
    assert said == ["The river rose.", "It fell again!", "河水上涨。", "“Who knew?”", "she said."]
    assert buffer.flush() == "Then"
    long = "word " * 200  # no sentence end at all: still read, in pieces
    pieces = buffer.feed(long)
    assert pieces and all(len(piece) <= MAX_PIECE for piece in pieces)


def test_announced_sentences_leave_out_markdown_marks_and_list_numbers_end_nothing() -> None:
    buffer = SentenceBuffer()
    said: list[str] = []
    for token in [
        "## Plan\n",
        "1. Open the **draft",
        "**. 2. Read it",
        " aloud.\n- Fix `typos` in [the notes](notes.md). ",
    ]:
        said += [speakable(sentence) for sentence in buffer.feed(token)]
    assert said == ["Plan", "1. Open the draft.", "2. Read it aloud.", "Fix typos in the notes."]
    assert speakable("2 * 3 = 6, and snake_case stays.") == "2 * 3 = 6, and snake_case stays."


def test_the_announcer_knows_every_phase_of_every_controller() -> None:
    """A run starts when a controller's phase leaves "idle" for a working one; a phase added later must be sorted."""
    from app.ui.editor import selection_actions
    from app.ui.panes import chat_controller, summarize_controller, translate_controller

    ended = {"idle", "pending", "ready", "stopped", "failed", "stopping"}
    for module in (continue_module, selection_actions, summarize_controller, translate_controller, chat_controller):
        for phase in module.Phase:
            assert phase.value in announcer_module._WORKING | ended, f"{module.__name__}: {phase}"


class _Controller(QObject):
    """Stands in for any of the controllers: the announcer connects to the signals its kind has."""

    phase_changed = Signal(object)
    text_added = Signal(str)
    text_changed = Signal()
    result_text = Signal(str)
    output_text = Signal(str)
    answer_delta = Signal(str)
    finished = Signal(object)
    turn_finished = Signal(object)
    title = "Proofread"
    result = ""


class _Phase(enum.Enum):
    IDLE = "idle"
    GENERATING = "generating"


def _follow(qtbot) -> tuple[Announcer, list[tuple[str, Politeness]], dict[str, _Controller]]:  # type: ignore[no-untyped-def]
    target = QWidget()
    qtbot.addWidget(target)
    announcer = Announcer(target)
    said: list[tuple[str, Politeness]] = []
    announcer.announced.connect(lambda text, politeness: said.append((text, politeness)))
    fakes = {key: _Controller(target) for key in ("continue", "review", "summary", "translation", "chat")}
    announcer.follow(*fakes.values())  # type: ignore[arg-type]
    return announcer, said, fakes


def test_a_streamed_chat_answer_is_announced_sentence_by_sentence_then_finished(qtbot) -> None:  # type: ignore[no-untyped-def]
    _announcer, said, fakes = _follow(qtbot)
    chat = fakes["chat"]
    chat.phase_changed.emit(_Phase.GENERATING)
    for token in ["Rivers ", "rise in ", "spring", ". They ", "fall in ", "autumn. And", " then"]:
        chat.answer_delta.emit(token)
    assert [text for text, _ in said] == ["The answer started.", "Rivers rise in spring.", "They fall in autumn."]
    chat.turn_finished.emit(Done(1, "…", "eos"))
    chat.phase_changed.emit(_Phase.IDLE)
    assert [text for text, _ in said][3:] == ["And then", "The answer finished."]
    assert {politeness for _, politeness in said} == {Politeness.POLITE}


def test_an_editing_action_is_read_from_its_whole_text_a_few_times_a_second(qtbot) -> None:  # type: ignore[no-untyped-def]
    _announcer, said, fakes = _follow(qtbot)
    review = fakes["review"]
    review.phase_changed.emit(_Phase.GENERATING)
    for whole in ["The rain", "The rain fell. It", "The rain fell. It kept falling"]:
        review.result = whole
        review.text_changed.emit()
    qtbot.waitUntil(lambda: len(said) == 2, timeout=5_000)
    assert [text for text, _ in said] == ["Proofread started.", "The rain fell."]
    review.result = "The rain fell. It kept falling all day."
    review.finished.emit(Done(1, review.result, "eos"))
    assert [text for text, _ in said][2:] == [
        "It kept falling all day.",
        "Proofread finished. The change is ready to review.",
    ]


def test_stopped_and_failed_runs_are_announced_and_a_failure_interrupts(qtbot) -> None:  # type: ignore[no-untyped-def]
    _announcer, said, fakes = _follow(qtbot)
    summary = fakes["summary"]
    summary.phase_changed.emit(_Phase.GENERATING)
    summary.result_text.emit("Half a sent")
    summary.finished.emit(SummaryOutcome("Half a sent", partial=True, covered_parts=0, total_parts=1, stopped=True))
    assert [text for text, _ in said] == ["The summary started.", "The summary stopped."]  # no half sentence

    said.clear()
    review = fakes["review"]
    review.phase_changed.emit(_Phase.GENERATING)
    review.finished.emit(Failure(FailureKind.OUT_OF_MEMORY, "The model ran out of memory."))
    assert said[-1] == ("Proofread failed. Out of memory. The model ran out of memory.", Politeness.ASSERTIVE)
    # Nothing is said for signals outside a run (a pane replaying a finished text).
    said.clear()
    fakes["translation"].output_text.emit("Nobody asked. ")
    assert said == []


def test_the_window_announces_continue_writing_started_finished_stopped_and_failed(  # type: ignore[no-untyped-def]
    qtbot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    events: list[tuple[str, QAccessible.AnnouncementPoliteness]] = []
    real_event = QAccessibleAnnouncementEvent

    def recording_event(target: QObject, text: str) -> QAccessibleAnnouncementEvent:
        event = real_event(target, text)
        original = event.setPoliteness

        def set_politeness(politeness: QAccessible.AnnouncementPoliteness) -> None:
            original(politeness)
            events.append((event.message(), event.politeness()))

        event.setPoliteness = set_politeness  # type: ignore[method-assign]
        return event

    monkeypatch.setattr(announcer_module, "_ANNOUNCEMENT_EVENT", recording_event)
    window = app_context.window
    said: list[str] = []
    window.announcer.announced.connect(lambda text, _politeness: said.append(text))
    editor = window.editor
    editor.setPlainText("The harbour was quiet that morning, and")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(window.continuation.finished, timeout=60_000):
        window.continue_writing()
    assert said[0] == "Continue writing started."
    assert said[-1] == "Continue writing finished. Tab keeps the text, Escape discards it."
    assert events[-1] == (said[-1], QAccessible.AnnouncementPoliteness.Polite)  # the accessibility event was sent
    window.continuation.settle(accept=False)

    said.clear()
    app_context.settings.set("continue/max_new_tokens", 1500)
    with qtbot.waitSignal(window.continuation.finished, timeout=60_000):
        window.continue_writing()
        qtbot.waitUntil(lambda: window.continuation.phase is ContinuePhase.WRITING, timeout=60_000)
        window.continuation.stop()
    assert said[0] == "Continue writing started." and said[-1].startswith("Continue writing stopped.")
    window.continuation.settle(accept=False)

    with qtbot.waitSignal(app_context.client.model_failed, timeout=60_000):
        app_context.client.load(ModelSpec(ref=str(tmp_path / "no-such-model")))
    # The notice bar's notices are read too.
    qtbot.waitUntil(lambda: said[-1].startswith("Model not found."), timeout=5_000)
    window.messages.dismiss()
    said.clear()
    with qtbot.waitSignal(window.continuation.finished, timeout=60_000):
        window.continue_writing()
    assert said[-1].startswith("Continue writing failed. Model not found.")
    assert events[-1] == (said[-1], QAccessible.AnnouncementPoliteness.Assertive)
    # The notice bar shows the same failure again; it is not read a second time.
    notice = window.messages.current
    assert notice is not None and notice.text in said[-1]
    window.messages.info("Diagnostics copied to the clipboard.")
    qtbot.waitUntil(lambda: said[-1] == "Diagnostics copied to the clipboard.", timeout=5_000)
    assert sum(notice.text in text for text in said) == 1


# -- keyboard ------------------------------------------------------------------------------------------------------


def _tab_through(qtbot, first: QWidget, presses: int, key: Qt.Key = Qt.Key.Key_Tab) -> list[QWidget]:  # type: ignore[no-untyped-def]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus, timeout=5_000)
    visited = [first]
    for _ in range(presses):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, key)
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused)
    return visited


def test_tab_moves_through_each_pane_in_reading_order(qtbot, app_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = app_context.window
    window.commands["view.summarize_pane"].trigger()
    summary = window.summarize_pane
    expected: list[QWidget] = [
        summary.length,
        summary.style_box,
        summary.language,
        summary.summarize_button,
        summary.result,
    ]
    assert _tab_through(qtbot, expected[0], len(expected) - 1) == expected

    window.commands["view.translate_pane"].trigger()
    translate = window.translate_pane
    expected = [
        translate.from_box,
        translate.swap_button,
        translate.to_box,
        translate.translate_button,
        translate.as_you_type,
        translate.output,
    ]
    assert _tab_through(qtbot, expected[0], len(expected) - 1) == expected
    # Shift+Tab walks the same way back.
    back = _tab_through(qtbot, expected[-1], len(expected) - 1, Qt.Key.Key_Backtab)
    assert back == expected[::-1]

    window.commands["view.chat_pane"].trigger()
    chat = window.chat_pane
    expected = [chat.preset, chat.system_toggle, chat.ground, chat.view, chat.input, chat.send_button]
    assert _tab_through(qtbot, expected[0], len(expected) - 1) == expected


def tab_chain(root: QWidget) -> list[QWidget]:
    """The controls inside `root` in the order Tab visits them (Qt's focus chain, as focusNextPrevChild walks it)."""
    chain: list[QWidget] = []
    node = root.nextInFocusChain()
    for _ in range(5_000):
        if node is None or node is root:
            break
        takes_tab = (node.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus
        usable = node.isVisible() and node.isEnabled() and takes_tab
        if usable and root.isAncestorOf(node) and not _inside_compound(node) and not isinstance(node, QTabBar):
            chain.append(node)
        node = node.nextInFocusChain()
    return chain


def test_tab_never_goes_back_left_on_the_same_row_in_any_pane_or_dialog(qtbot, app_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Reading order, loosely: Tab may go right, down, or up into the next column, but going left without going
    down to a new row means the order is wrong (the cheat sheet's buttons were)."""
    wrong: list[str] = []
    for surface in ui_walk.surfaces(app_context.window):
        chain = tab_chain(surface.widget)
        window = surface.widget.window()
        for before, after in itertools.pairwise(chain):
            a, b = before.mapTo(window, QPoint(0, 0)), after.mapTo(window, QPoint(0, 0))
            went_left = b.x() < a.x() - 2
            went_down = b.y() >= a.y() + before.height() // 2
            if went_left and not went_down:
                wrong.append(f"{surface.name}: {accessible_name(before)!r} -> {accessible_name(after)!r}")
    assert not wrong, "Tab goes back left on the same row:\n" + "\n".join(wrong)


def test_tab_in_the_cheat_sheet_goes_left_to_right_along_the_buttons(qtbot, app_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    sheet = CheatSheet(app_context.window.commands, app_context.window)
    qtbot.addWidget(sheet)
    with qtbot.waitExposed(sheet):
        sheet.show()
    visited = _tab_through(qtbot, sheet.view, 2)
    assert visited[1] is sheet.customize
    assert visited[1].x() < visited[2].x()


def test_focus_is_drawn_even_when_code_or_a_menu_moved_it(qtbot, app_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = app_context.window
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)
    window.commands["view.chat_pane"].trigger()  # as from the menu: no Tab, no shortcut
    qtbot.waitUntil(window.chat_pane.input.hasFocus, timeout=5_000)
    # Styles draw the focus frame only on a window with this attribute.
    assert window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    # A read-only output shows a caret when focused, and the arrow keys move it (a reader follows the caret).
    output = window.translate_pane.output
    window.commands["view.translate_pane"].trigger()
    output.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(output.hasFocus, timeout=5_000)
    assert output.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard


# -- the system's look ---------------------------------------------------------------------------------------------


def test_a_high_contrast_system_theme_replaces_our_colours(qtbot, app_context: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme = app_context.window.findChild(ThemeController)
    assert theme is not None
    app_context.settings.set("ui/theme", "dark")
    assert app.palette().color(QPalette.ColorRole.Window) == dark_palette().color(QPalette.ColorRole.Window)
    monkeypatch.setattr(ThemeController, "high_contrast", lambda _self: True)
    theme.apply()
    assert app.palette() == QPalette()  # the platform's palette: the high-contrast theme's own colours
    monkeypatch.undo()
    app_context.settings.set("ui/theme", "system")


class _SystemFonts:
    """Stands in for QFontDatabase: a system whose font is set large (low vision)."""

    SystemFont = QFontDatabase.SystemFont

    @staticmethod
    def systemFont(kind: QFontDatabase.SystemFont) -> QFont:
        font = QFontDatabase.systemFont(kind)
        font.setPointSizeF(16.0)
        return font


def test_the_editor_text_grows_with_a_larger_system_font(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    normal = Editor()
    qtbot.addWidget(normal)
    monkeypatch.setattr(editor_module, "QFontDatabase", _SystemFonts)
    large = Editor()
    qtbot.addWidget(large)
    assert large.font().pointSizeF() == 16.0 + editor_module.LARGER_THAN_SYSTEM > normal.font().pointSizeF()
    large.set_zoom(2)
    assert large.font().pointSizeF() == 16.0 + editor_module.LARGER_THAN_SYSTEM + 2


def test_the_editor_follows_a_system_font_changed_while_the_app_runs(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = Editor()
    qtbot.addWidget(editor)
    editor.set_zoom(1)
    before = QApplication.font()
    larger = QFont(before)
    larger.setPointSizeF(18.0)
    try:
        QApplication.setFont(larger)
        assert editor.font().pointSizeF() == 18.0 + editor_module.LARGER_THAN_SYSTEM + 1  # the zoom is kept
    finally:
        QApplication.setFont(before)
    assert editor.font().pointSizeF() == editor.base_point_size + 1


def test_in_high_contrast_the_notices_and_the_pending_text_take_the_system_colours(  # type: ignore[no-untyped-def]
    qtbot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in (notice_bar_module, continue_module, first_run_module):
        monkeypatch.setattr(module, "high_contrast", lambda: True)
    window = app_context.window
    window.messages.error("Something failed.")
    assert "#fdecea" not in window.notice_bar.styleSheet()  # no colour of ours
    notice = FirstRunNotice()
    qtbot.addWidget(notice)
    assert "#eef4fb" not in notice.styleSheet()
    editor = window.editor
    editor.setPlainText("The harbour was quiet that morning, and")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(window.continuation.finished, timeout=60_000):
        window.continue_writing()
    cursor = QTextCursor(editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    assert window.continuation.pending_text
    pending = cursor.charFormat()
    assert pending.fontItalic() and not pending.hasProperty(QTextFormat.Property.ForegroundBrush)
    window.continuation.settle(accept=False)


def test_in_high_contrast_markdown_is_marked_by_weight_and_slant_not_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    document = QTextDocument("# A heading")
    highlighter = MarkdownHighlighter(document)
    ranges = document.firstBlock().layout().formats()  # kept: each range's format lives in it
    coloured = ranges[0].format
    assert coloured.hasProperty(QTextFormat.Property.ForegroundBrush)
    monkeypatch.setattr(highlighter_module, "high_contrast", lambda: True)
    highlighter.set_dark(False)  # what the theme controller calls when the contrast changes
    ranges = document.firstBlock().layout().formats()
    plain = ranges[0].format
    assert plain.fontWeight() == QFont.Weight.Bold and not plain.hasProperty(QTextFormat.Property.ForegroundBrush)


def test_a_system_font_change_reaches_the_app_though_its_font_was_set_for_cjk(  # type: ignore[no-untyped-def]
    qtbot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = QApplication.font()
    monkeypatch.setattr(theme_module, "QFontDatabase", _SystemFonts)  # the user set the system font to 16 pt
    try:
        QApplication.sendEvent(app_context.window, QEvent(QEvent.Type.ThemeChange))  # as the platform sends it
        assert QApplication.font().pointSizeF() == 16.0
        assert app_context.window.editor.font().pointSizeF() == 16.0 + editor_module.LARGER_THAN_SYSTEM
    finally:
        QApplication.setFont(before)
