"""One open text: its QTextDocument, the file it belongs to (if any), and how to write it back."""

from __future__ import annotations

import itertools
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from app.store.line_endings import LineEndings, unix

_untitled = itertools.count(1)

# A longer text goes into the document a slice per event-loop turn, read-only until it is all there: setPlainText
# of 5 MB holds the GUI thread ~200 ms here. A 32,000-character slice takes 3 ms on an idle machine but 15-35 ms
# while a model streams on the same cores, so the slices are sized by the time they take, not by a fixed length.
# The first is small because it shares its turn with the new tab's first layout and paint.
SLICE_CHARS = 32_000  # texts longer than this go in slice by slice
FIRST_SLICE_CHARS = 4_000
SLICE_RANGE = (2_000, 64_000)
SLICE_BUDGET_S = 0.004


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
    loading_changed = Signal(bool)  # True while a long text is still going in, slice by slice

    def __init__(
        self,
        text: str = "",
        path: Path | None = None,
        encoding: str = "utf-8",
        endings: LineEndings | None = None,
        parent: QObject | None = None,
        *,
        modified: bool = False,  # an import: text that is in no file yet
    ) -> None:
        super().__init__(parent)
        self.id = uuid.uuid4().hex[:12]
        self.qdoc = QTextDocument(self)
        self.qdoc.setDocumentLayout(QPlainTextDocumentLayout(self.qdoc))
        self._filling: str | None = None  # the whole text while it goes in slice by slice
        self._fill_position = 0
        self._slice_chars = FIRST_SLICE_CHARS
        self._fill_timer: QTimer | None = None
        self._modified_when_loaded = modified
        # The text as a Python string until the next edit: copying 5 MB out of the QTextDocument holds the GUI
        # thread ~20 ms, and right after opening the counts, the panes and autosave all want it.
        self._text_copy: str | None = None
        if len(text) > SLICE_CHARS:
            self._start_filling(text)
        else:
            self.qdoc.setPlainText(text)
            self.qdoc.setModified(modified)
            self.qdoc.clearUndoRedoStacks()
            self._text_copy = text
        self.qdoc.contentsChanged.connect(self._forget_text_copy)
        self.path = path
        self.encoding = encoding
        self.endings = endings or unix()
        self.disk_stamp = DiskStamp.of(path) if path else None
        self.cursor_position = 0  # where the editor's cursor is (kept by its EditorPane), for the recovery file
        self._untitled_number = 0 if path else next(_untitled)
        self.qdoc.modificationChanged.connect(lambda _modified: self.title_changed.emit())

    def _forget_text_copy(self) -> None:
        self._text_copy = None

    @property
    def loading(self) -> bool:
        return self._filling is not None

    @property
    def expected_length(self) -> int:
        """Characters the document will hold once loaded (what it holds now when it is not loading)."""
        return len(self._filling) if self._filling is not None else self.qdoc.characterCount()

    def _start_filling(self, text: str) -> None:
        self._filling, self._fill_position = text, 0
        self.qdoc.setUndoRedoEnabled(False)  # opening a file is not an edit anyone undoes
        self._fill_timer = QTimer(self)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_slice)
        self._fill_timer.start()

    def _fill_slice(self) -> None:
        text, start = self._filling, self._fill_position
        if text is None:
            return
        began = time.perf_counter()
        end = min(len(text), start + self._slice_chars)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end  # whole lines when there are any
        if start == 0:
            self.qdoc.setPlainText(text[:end])  # editors' cursors stay at the start, not dragged along to the end
        else:
            cursor = QTextCursor(self.qdoc)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(text[start:end])
        self.qdoc.setModified(False)
        self._fill_position = end
        if end >= len(text):
            self.finish_loading()
            return
        took = max(time.perf_counter() - began, 1e-4)
        low, high = SLICE_RANGE
        grow = min(SLICE_BUDGET_S / took, 2.0)  # at most doubling: one quick turn says little about the next
        self._slice_chars = max(low, min(high, int((end - start) * grow)))

    def finish_loading(self) -> None:
        """Put the rest of the text in at once (also what closing a half-loaded document does)."""
        if self._filling is None:
            return
        if self._fill_timer is not None:
            self._fill_timer.stop()
            self._fill_timer.deleteLater()
            self._fill_timer = None
        rest = self._filling[self._fill_position :]
        if rest:
            cursor = QTextCursor(self.qdoc)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(rest)
        self._text_copy, self._filling = self._filling, None
        self.qdoc.setUndoRedoEnabled(True)
        self.qdoc.clearUndoRedoStacks()
        self.qdoc.setModified(self._modified_when_loaded)
        self.loading_changed.emit(False)

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
        if self._filling is not None:
            return self._filling  # still going in: the whole text is this, not the part shown so far
        if self._text_copy is not None:
            return self._text_copy
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
