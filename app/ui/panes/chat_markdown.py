"""Markdown into a QTextDocument, safely and append-only while an answer streams.

Safety: Markdown is parsed with raw HTML turned off (tags show as the text they are), and the document loads no
resources at all, so an answer cannot pull in a local file or a tracking image. Links are only anchors; the view
decides what a click does.

Streaming: a finished block (the text up to a blank line outside a code fence) is rendered once with
`insertMarkdown`; the block still being written shows as plain text after it. Each new piece touches only that
last block, never the answer so far, let alone the history.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

_F = QTextDocument.MarkdownFeature
MARKDOWN_FLAGS = _F(_F.MarkdownDialectGitHub.value | _F.MarkdownNoHTML.value)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CITATION = re.compile(r"(?<![\\\]])\[(\d{1,3})\](?![(\[:])")


class SafeDocument(QTextDocument):
    """A document that never loads a resource: every image is a transparent pixel, anything else is empty."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        blank.fill(0)
        value: object = blank if kind == QTextDocument.ResourceType.ImageResource.value else b""
        self.addResource(kind, name, value)  # cached: asked once, not at every layout
        return value


def safe_boundary(text: str, start: int = 0) -> int:
    """The end of the last finished block after `start`: just past a blank line outside a code fence."""
    best = start
    position = 0
    fence: tuple[str, int] | None = None
    for line in text.splitlines(keepends=True):
        end = position + len(line)
        match = _FENCE.match(line)
        if fence is not None:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= fence[1]
                and not line[match.end() :].strip()
            ):
                fence = None
        elif match:
            fence = (match.group(1)[0], len(match.group(1)))
        elif not line.strip() and line.endswith("\n") and end > start:
            best = end
        position = end
    return best


def linkify_citations(markdown: str, seq: int) -> str:
    """[n] in prose becomes a link to citation n of message `seq` (not inside code)."""
    out: list[str] = []
    fence: tuple[str, int] | None = None
    for line in markdown.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= fence[1]:
                fence = None
            out.append(line)
            continue
        if match:
            fence = (match.group(1)[0], len(match.group(1)))
            out.append(line)
            continue
        parts = line.split("`")
        for i in range(0, len(parts), 2):  # even parts are outside inline code
            parts[i] = _CITATION.sub(lambda m: f"[\\[{m.group(1)}\\]](chat:cite/{seq}/{m.group(1)})", parts[i])
        out.append("`".join(parts))
    return "".join(out)


def render_markdown(cursor: QTextCursor, markdown: str, code_background: QColor) -> None:
    """Insert `markdown` at the cursor, then give fenced code blocks a background."""
    start = cursor.position()
    cursor.insertMarkdown(markdown, MARKDOWN_FLAGS)
    end = cursor.position()
    document = cursor.document()
    # The first inserted block merges into the cursor's block and keeps that block's format, which loses a
    # leading heading or code fence; give it the format the Markdown asked for.
    parsed = QTextDocument()
    parsed.setMarkdown(markdown, MARKDOWN_FLAGS)
    first_format = parsed.begin().blockFormat()
    first = document.findBlock(start)
    if not parsed.begin().textList():
        QTextCursor(first).setBlockFormat(first_format)
    elif first.length() == 1 and first.next().isValid() and first.next().textList():
        # A list cannot start in the cursor's block, so the importer left that block empty before it.
        QTextCursor(first.next()).deletePreviousChar()
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        block_format = block.blockFormat()
        if block_format.hasProperty(QTextFormat.Property.BlockCodeFence) or block_format.hasProperty(
            QTextFormat.Property.BlockCodeLanguage
        ):
            block_format.setBackground(code_background)
            block_format.setLeftMargin(6)
            block_format.setRightMargin(6)
            QTextCursor(block).setBlockFormat(block_format)
        block = block.next()


class MarkdownStream:
    """Streams one answer into the end of a document, from an empty block at `position`.

    Finished blocks are rendered once and never touched again. The block being written is re-rendered as it
    grows, so bold text or a code block looks right at once; past LIVE_LIMIT characters (a long code block)
    it is appended as plain text instead, until it is finished and rendered once.
    """

    LIVE_LIMIT = 2000

    def __init__(
        self,
        document: QTextDocument,
        body: QTextCharFormat,
        code_background: QColor,
        transform: Callable[[str], str] = lambda text: text,
    ) -> None:
        self.document = document
        self.body = body
        self.code_background = code_background
        self.transform = transform  # applied before rendering (citation links)
        self.text = ""
        self.start = document.characterCount() - 1
        self._committed = 0  # characters of self.text rendered for good
        self._tail_start = self.start  # document position where the unfinished block begins
        self._tail_plain = False  # the unfinished block is shown as plain text (it grew past LIVE_LIMIT)

    def _end_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    def _clear_tail(self) -> QTextCursor:
        cursor = self._end_cursor()
        cursor.setPosition(self._tail_start, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        return cursor

    def _render_at_tail(self, markdown: str) -> None:
        cursor = self._clear_tail()
        if not markdown.strip():
            return
        if self._committed:
            cursor.insertBlock(QTextBlockFormat(), self.body)
        render_markdown(cursor, self.transform(markdown), self.code_background)

    def _show_tail(self, piece: str) -> None:
        tail = self.text[self._committed :]
        if len(tail) <= self.LIVE_LIMIT:
            self._tail_plain = False
            self._render_at_tail(tail)
            return
        cursor = self._end_cursor()
        if not self._tail_plain:
            self._tail_plain = True
            cursor = self._clear_tail()
            piece = tail
            if self._committed:
                cursor.insertBlock(QTextBlockFormat(), self.body)
        cursor.insertText(piece, self.body)

    def append(self, piece: str) -> None:
        if not piece:
            return
        self.text += piece
        boundary = safe_boundary(self.text, self._committed)
        if boundary > self._committed:
            self._render_at_tail(self.text[self._committed : boundary])
            self._committed = boundary
            self._tail_start = self._end_cursor().position()
            self._tail_plain = False
            if self.text[boundary:]:
                self._show_tail(self.text[boundary:])
        else:
            self._show_tail(piece)

    def finish(self) -> None:
        """Render what is left for good (the last block has no blank line after it)."""
        if self._committed < len(self.text):
            self._render_at_tail(self.text[self._committed :])
            self._committed = len(self.text)
            self._tail_start = self._end_cursor().position()
