"""Word, character and token counts of the document and the selection, for the status bar.

Words and characters (app/engine/text_stats.py: a Chinese character is a word) are counted on the GUI thread for
a short text and in a worker thread for a long one; tokens, with the loaded model's own tokenizer, always in the
worker, so a long document never stalls typing. Updates are debounced.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

from app.engine.text_jobs import ServiceCounter
from app.engine.text_stats import TextStats, text_stats
from app.engine.token_count import TokenCount
from app.ui.editor.editor import Editor
from app.worker.text_services import InlineTextServices, Services

# Above this many characters words are counted off the GUI thread (~2 s for 10 MB of Chinese), with the tokens:
# 50,000 take ~7 ms (English) to ~15 ms (Chinese) here, 300,000 six times that, which the window would feel.
LARGE_TEXT_CHARS = 50_000


@dataclass(frozen=True)
class Counts:
    stats: TextStats | None  # None: still being counted (a large text)
    length: int  # characters in the text, line breaks included
    tokens: TokenCount | None = None


def _counted(text: str) -> Counts:
    return Counts(text_stats(text) if len(text) <= LARGE_TEXT_CHARS else None, len(text))


def describe(document: Counts, selection: Counts | None) -> str:
    def one(c: Counts) -> str:
        if c.stats is None:
            parts = [QCoreApplication.translate("Counts", "counting words…")]
        else:
            parts = [
                QCoreApplication.translate("Counts", "{n} words").format(n=f"{c.stats.words:,}"),
                QCoreApplication.translate("Counts", "{n} chars ({m} without spaces)").format(
                    n=f"{c.stats.chars:,}", m=f"{c.stats.chars_no_spaces:,}"
                ),
            ]
        if c.tokens is not None:
            parts.append(QCoreApplication.translate("Counts", "{n} tokens").format(n=str(c.tokens)))
        return " · ".join(parts)

    text = one(document)
    if selection is not None and selection.length:
        text = QCoreApplication.translate("Counts", "Selected {sel} of {doc}").format(sel=one(selection), doc=text)
    return text


class _TokenSignals(QObject):
    # generation, doc TokenCount, selection TokenCount | None, (doc TextStats | None, selection TextStats | None)
    done = Signal(int, object, object, object)


class _TokenTask(QRunnable):
    def __init__(self, owner: CountsController, generation: int, text: str, selection: str) -> None:
        super().__init__()
        self.owner, self.generation, self.text, self.selection = owner, generation, text, selection
        self.signals = _TokenSignals()

    def run(self) -> None:
        counter = self.owner.counter()
        whole = counter.count(self.text)
        selected = counter.count(self.selection) if self.selection else None
        words = (
            text_stats(self.text) if len(self.text) > LARGE_TEXT_CHARS else None,
            text_stats(self.selection) if len(self.selection) > LARGE_TEXT_CHARS else None,
        )
        # RuntimeError: the window closed meanwhile and took the receiver with it; nobody waits for this count.
        with contextlib.suppress(RuntimeError):
            self.signals.done.emit(self.generation, whole, selected, words)


class CountsController(QObject):
    changed = Signal(str)

    def __init__(self, services: Services | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor: QPlainTextEdit | None = None
        self._model_dir: str | None = None
        # Tokenizing holds the GIL: the window passes its text-services process, which owns the tokenizer.
        self._services = services or InlineTextServices()
        self._counter: ServiceCounter | None = None
        self._counter_lock = threading.Lock()
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        self.last: tuple[Counts, Counts | None] | None = None

    def set_model_dir(self, path: str | None) -> None:
        """The loaded model's folder (its tokenizer.json counts tokens); None: estimates."""
        folder = path if path and Path(path).is_dir() else None
        with self._counter_lock:
            if folder != self._model_dir:
                self._model_dir, self._counter = folder, None
        self.schedule()

    def counter(self) -> ServiceCounter:
        """For background threads: waits for the text-services process."""
        with self._counter_lock:
            if self._counter is None:
                self._counter = ServiceCounter(self._services.run, self._model_dir)
            return self._counter

    def gui_counter(self) -> ServiceCounter:
        """For the GUI thread: an estimate on the high side rather than a wait behind a long job."""
        with self._counter_lock:
            return ServiceCounter(self._services.run_if_free, self._model_dir)

    def watch(self, editor: QPlainTextEdit | None) -> None:
        if self._editor is not None:
            self._editor.textChanged.disconnect(self.schedule)
            self._editor.selectionChanged.disconnect(self.schedule)
        self._editor = editor
        if editor is not None:
            editor.textChanged.connect(self.schedule)
            editor.selectionChanged.connect(self.schedule)
        self.refresh()

    def schedule(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        self._generation += 1
        if self._editor is None:
            self.changed.emit("")
            return
        editor = self._editor
        text = editor.text_source() if isinstance(editor, Editor) else editor.toPlainText()
        selection = editor.textCursor().selectedText().replace("\u2029", "\n")
        document = _counted(text)
        selected = _counted(selection) if selection else None
        self.last = (document, selected)
        self.changed.emit(describe(document, selected))
        task = _TokenTask(self, self._generation, text, selection)
        task.signals.done.connect(self._on_tokens)
        self._pool.start(task)

    def _on_tokens(
        self,
        generation: int,
        whole: TokenCount,
        selected: TokenCount | None,
        stats: tuple[TextStats | None, TextStats | None],
    ) -> None:
        if generation != self._generation or self.last is None:
            return  # the text changed since: a newer count is on its way
        document, selection = self.last
        document = Counts(stats[0] or document.stats, document.length, whole)
        selection = Counts(stats[1] or selection.stats, selection.length, selected) if selection is not None else None
        self.last = (document, selection)
        self.changed.emit(describe(document, selection))

    def shutdown(self) -> None:
        self._timer.stop()
        self._pool.waitForDone(2000)
