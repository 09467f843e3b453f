"""The outline of headings, distraction-free mode and printing, as a writer uses them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.gui import AppContext
from app.ui.editor.outline import Heading, headings
from app.ui.printing import print_markdown

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TEXT = "# Book\n\nIntro.\n\n## Chapter one\n\n```\n# not a heading, code\n```\n\n### A scene ###\n\nEnd.\n"


def test_headings_outside_code_with_their_positions() -> None:
    assert headings(TEXT) == [
        Heading(1, "Book", 0),
        Heading(2, "Chapter one", TEXT.index("## Chapter")),
        Heading(3, "A scene", TEXT.index("### A scene")),
    ]
    assert headings("#hashtag, not a heading\n    # indented code\n") == []


def test_the_outline_lists_headings_and_a_click_goes_there(qtbot, app_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = app_context.window
    window.editor.setPlainText(TEXT)
    qtbot.keyClick(window.editor, Qt.Key.Key_T, CTRL_SHIFT)
    assert window.outline_dock.isVisible() and window.outline.hasFocus()
    outline = window.outline
    assert [outline.item(i).text() for i in range(outline.count())] == ["Book", "    Chapter one", "        A scene"]
    outline.setCurrentRow(2)
    qtbot.keyClick(outline, Qt.Key.Key_Return)
    assert window.editor.hasFocus()
    block = window.editor.textCursor().block()
    assert block.text() == "### A scene ###"
    # Edits show up in the outline.
    cursor = QTextCursor(window.editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\n## Epilogue\n")
    qtbot.waitUntil(lambda: outline.count() == 4 and outline.item(3).text() == "    Epilogue", timeout=5_000)
    qtbot.keyClick(window.editor, Qt.Key.Key_T, CTRL_SHIFT)
    assert not window.outline_dock.isVisible()


def test_distraction_free_mode_hides_everything_but_the_text_and_brings_it_back(qtbot, app_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = app_context.window
    window.docks["chat"].show()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    assert window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert not window.docks["chat"].isVisible()
    assert window.editor.isVisible() and window.editor.hasFocus()
    qtbot.keyClicks(window.editor, "still typing")
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)  # the same key, with the menu bar hidden
    assert not window.isFullScreen()
    assert window.menuBar().isVisible() and window.statusBar().isVisible() and window.docks["chat"].isVisible()
    assert window.editor.toPlainText() == "still typing"


def test_print_shows_a_preview_of_the_rendered_document(qtbot, app_context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = app_context.window
    window.editor.setPlainText(TEXT)
    shown: list[tuple[str, str]] = []

    def preview(markdown: str, title: str, parent: QWidget) -> None:
        shown.append((markdown, title))

    window.open_print_preview = preview
    qtbot.keyClick(window.editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert shown == [(TEXT, window.workspace.active.title)]  # type: ignore[union-attr]
    # What the preview's Print sends to a printer: the rendered pages (here into a PDF).
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_markdown(TEXT, "Book", printer)
    pdf = (tmp_path / "printed.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 1000
