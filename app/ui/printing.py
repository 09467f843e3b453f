"""Print a document (its Markdown rendered as in the preview), with Qt's print preview first."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.store.export import markdown_document


def print_markdown(markdown: str, title: str, printer: QPrinter) -> None:
    markdown_document(markdown, title).print_(printer)


def print_with_preview(markdown: str, title: str, parent: QWidget | None) -> None:
    """The preview dialog shows the pages; its Print button sends them to the printer the user picks there."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda target: print_markdown(markdown, title, target))
    dialog.exec()
