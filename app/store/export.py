"""Export a document (Markdown text) as Markdown, plain text, HTML, Word or PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument, QTextListFormat

from app.store.docx_io import export_docx
from app.store.textfile import CANNOT_SAVE_THERE, NOT_SAVED, QT_TRANSLATE_NOOP, TextFileError, write_bytes_atomic

FORMATS = {
    "md": QT_TRANSLATE_NOOP("MainWindow", "Markdown (*.md)"),
    "txt": QT_TRANSLATE_NOOP("MainWindow", "Plain text (*.txt)"),
    "html": QT_TRANSLATE_NOOP("MainWindow", "Web page (*.html)"),
    "docx": QT_TRANSLATE_NOOP("MainWindow", "Word document (*.docx)"),
    "pdf": QT_TRANSLATE_NOOP("MainWindow", "PDF (*.pdf)"),
}


def markdown_document(markdown: str, title: str) -> QTextDocument:
    document = QTextDocument()
    document.setMarkdown(markdown)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return document


def plain_text(markdown: str) -> str:
    """The text without its Markdown: paragraphs and headings as plain lines with a blank line between them, list
    items as "- item" / "1. item" lines, code as it was, emphasis and link markup gone (their words stay)."""
    bullets = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle, QTextListFormat.Style.ListSquare)
    document = markdown_document(markdown, "")
    lines: list[str] = []
    block = document.begin()
    previous_list = None
    previous_code = False
    while block.isValid():
        text = block.text().replace("\u2028", "\n")
        items = block.textList()
        code = block.blockFormat().nonBreakableLines()
        if items is not None:
            marker = "-" if items.format().style() in bullets else items.itemText(block).strip()
            if lines and items is not previous_list:
                lines.append("")
            lines.append(f"{marker} {text}")
        elif text.strip() or code:
            if lines and not (code and previous_code):
                lines.append("")
            lines.append(text)
        previous_list, previous_code = items, code
        block = block.next()
    return "\n".join(lines) + "\n" if lines else ""


def export(markdown: str, path: Path, kind: str, title: str) -> None:
    """Write `markdown` to `path` as `kind` (a key of FORMATS). Raises TextFileError with a plain message."""
    if kind == "md":
        write_bytes_atomic(path, markdown.encode("utf-8"))
    elif kind == "txt":
        write_bytes_atomic(path, plain_text(markdown).encode("utf-8"))
    elif kind == "html":
        write_bytes_atomic(path, markdown_document(markdown, title).toHtml().encode("utf-8"))
    elif kind == "docx":
        export_docx(markdown, path)
    elif kind == "pdf":
        _export_pdf(markdown, path, title)
    else:
        raise TextFileError(QT_TRANSLATE_NOOP("Files", "Inkwell cannot export to .{kind}."), kind=kind)


def _export_pdf(markdown: str, path: Path, title: str) -> None:
    # QPdfWriter writes straight to its file; write next to the target and rename, so a failure leaves no half PDF.
    scratch = path.with_name(f".{path.name}.partial")
    try:
        scratch.open("wb").close()  # QPdfWriter cannot say why it failed; find out before painting
    except OSError as exc:
        raise TextFileError(CANNOT_SAVE_THERE, name=path.name, reason=exc.strerror or exc) from exc
    writer = QPdfWriter(str(scratch))
    writer.setTitle(title)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(18, 18, 18, 18))
    )
    markdown_document(markdown, title).print_(writer)
    del writer  # finishes the file
    try:
        scratch.replace(path)
    except OSError as exc:
        scratch.unlink(missing_ok=True)
        raise TextFileError(NOT_SAVED, name=path.name, reason=exc.strerror or exc) from exc
