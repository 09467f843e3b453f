"""One open text: its QTextDocument, the file it belongs to (if any), and how to write it back."""

from __future__ import annotations

import itertools
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from app.store.line_endings import LineEndings, unix

_untitled = itertools.count(1)


@dataclass(frozen=True)
class DiskStamp:
    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> DiskStamp | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return cls(stat.st_mtime_ns, stat.st_size)


class Document(QObject):
    title_changed = Signal()

    def __init__(
        self,
        text: str = "",
        path: Path | None = None,
        encoding: str = "utf-8",
        endings: LineEndings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.id = uuid.uuid4().hex[:12]
        self.qdoc = QTextDocument(self)
        self.qdoc.setDocumentLayout(QPlainTextDocumentLayout(self.qdoc))
        self.qdoc.setPlainText(text)
        self.qdoc.setModified(False)
        self.qdoc.clearUndoRedoStacks()
        self.path = path
        self.encoding = encoding
        self.endings = endings or unix()
        self.disk_stamp = DiskStamp.of(path) if path else None
        self._untitled_number = 0 if path else next(_untitled)
        self.qdoc.modificationChanged.connect(lambda _modified: self.title_changed.emit())

    @property
    def title(self) -> str:
        if self.path is not None:
            return self.path.name
        return QCoreApplication.translate("Document", "Untitled {n}").format(n=self._untitled_number)

    @property
    def modified(self) -> bool:
        return self.qdoc.isModified()

    @property
    def text(self) -> str:
        # toPlainText() turns no-break spaces into spaces and U+2028 into newlines; the file must come back as it was.
        return self.qdoc.toRawText().replace("\u2029", "\n")

    @property
    def is_empty_untitled(self) -> bool:
        return self.path is None and not self.modified and self.qdoc.isEmpty()

    def set_path(self, path: Path) -> None:
        self.path = path
        self.disk_stamp = DiskStamp.of(path)
        self.title_changed.emit()

    def mark_saved(self) -> None:
        self.disk_stamp = DiskStamp.of(self.path) if self.path else None
        self.qdoc.setModified(False)

    def replace_all_text(self, text: str) -> None:
        """Reload from disk: one undo step, so even a reload can be taken back."""
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(self.qdoc)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
