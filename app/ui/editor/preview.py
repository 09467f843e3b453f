"""Markdown preview beside the editor, rendered by Qt's own Markdown support, refreshed as you type and scrolled
with the editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QWidget


class MarkdownPreview(QTextBrowser):
    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.setAccessibleName(QCoreApplication.translate("Preview", "Markdown preview"))
        self.setOpenLinks(False)  # links open in the browser, and only web links (see _open)
        self.anchorClicked.connect(self._open)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        editor.textChanged.connect(self._schedule)
        editor.verticalScrollBar().valueChanged.connect(self.follow_editor)

    def _schedule(self) -> None:
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self.setMarkdown(self._editor.toPlainText())
        self.follow_editor()

    def follow_editor(self) -> None:
        """Show the same part of the text as the editor: the same fraction of the way down (a rendered heading or
        table is not as tall as its Markdown, so lines cannot be matched one for one)."""
        if not self.isVisible():
            return
        source, bar = self._editor.verticalScrollBar(), self.verticalScrollBar()
        fraction = source.value() / source.maximum() if source.maximum() > 0 else 0.0
        bar.setValue(round(fraction * bar.maximum()))

    @staticmethod
    def _open(url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
