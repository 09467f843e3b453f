"""Markdown syntax highlighting: headings, emphasis, code, links, lists and quotes, in light or dark colours."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app.ui.theme import high_contrast

_IN_CODE_BLOCK = 1


def _format(color: str, *, bold: bool = False, italic: bool = False, mono: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if color:
        fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFamilies(["monospace"])
        fmt.setFontFixedPitch(True)
    return fmt


# Highlighting runs on the GUI thread, block by block: a 6 MB file takes seconds. Larger documents open plain.
HIGHLIGHT_MAX_CHARS = 1_000_000


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, dark: bool = False, length: int | None = None) -> None:
        # `length`: what the document will hold, when it is still being filled slice by slice.
        if max(document.characterCount(), length or 0) <= HIGHLIGHT_MAX_CHARS:
            super().__init__(document)
        else:
            super().__init__(None)  # type: ignore[call-overload]  # attached to no document: the text stays plain
        self.set_dark(dark)

    @property
    def active(self) -> bool:
        return self.document() is not None

    def set_dark(self, dark: bool) -> None:
        c = (
            {"heading": "#8ab4f8", "emph": "#e6c07b", "code": "#98c379", "link": "#61afef", "mark": "#7f848e"}
            if dark
            else {"heading": "#1a4f9c", "emph": "#8a5a00", "code": "#2f6f3e", "link": "#0b57d0", "mark": "#6b7280"}
        )
        if high_contrast():  # the theme's text colour throughout: bold, italics and monospace still show the marks
            c = dict.fromkeys(c, "")
        self._rules: list[tuple[re.Pattern[str], QTextCharFormat]] = [
            (re.compile(r"^#{1,6}\s.*$"), _format(c["heading"], bold=True)),
            (re.compile(r"^\s*([-*+]|\d+[.)])\s"), _format(c["mark"], bold=True)),
            (re.compile(r"^\s*>.*$"), _format(c["mark"], italic=True)),
            (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), _format(c["emph"], bold=True)),
            (re.compile(r"(?<![*\w])\*[^*\n]+\*(?!\*)|(?<![_\w])_[^_\n]+_(?!_)"), _format(c["emph"], italic=True)),
            (re.compile(r"`[^`\n]+`"), _format(c["code"], mono=True)),
            (re.compile(r"\[[^\]\n]*\]\([^)\n]*\)"), _format(c["link"])),
        ]
        self._fence = _format(c["code"], mono=True)
        if self.active:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        fence = text.lstrip().startswith("```")
        inside = self.previousBlockState() == _IN_CODE_BLOCK
        if inside or fence:
            self.setFormat(0, len(text), self._fence)
            # A fence line toggles the state; lines between fences stay code.
            self.setCurrentBlockState(0 if (inside and fence) else _IN_CODE_BLOCK)
            return
        self.setCurrentBlockState(0)
        for pattern, fmt in self._rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
