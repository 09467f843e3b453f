"""Every version of a document kept: the window's side of the version history (no widgets).

Snapshots are written on one background thread that owns the SQLite file (`store/history.py`); a diff of two long
versions is computed in the text-services process (it holds the GIL for as long as it takes). Results come back
on the GUI thread as signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.engine.text_jobs import history_diff_html
from app.store.history import HistoryStore, Snapshot, document_key
from app.ui.editor.document import Document
from app.ui.panes.chat_background import BackgroundRunner
from app.worker.text_services import Services


class DocumentHistory(QObject):
    changed = Signal(str)  # a document key whose snapshots changed
    listed = Signal(str, object)  # document key, list[Snapshot] (newest first)
    compared = Signal(int, str)  # snapshot id, HTML of its diff against the text it was compared with
    restored = Signal(object, object)  # Document, Snapshot
    failed = Signal(str)  # what went wrong, in plain words

    def __init__(self, path: Path, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._services = services
        self._store: HistoryStore | None = None  # made on the runner's thread: sqlite3 objects stay on theirs
        self._runner = BackgroundRunner("history", self)
        self._closed = False

    def _db(self) -> HistoryStore:
        if self._store is None:
            self._store = HistoryStore(self.path)
        return self._store

    @staticmethod
    def key(document: Document) -> str:
        return document_key(document.path, document.id)

    def snapshot(self, document: Document, label: str) -> None:
        """Keep the document's text as it is now (a copy is taken here, on the GUI thread)."""
        if self._closed:
            return  # the window is closing: what it saves now is in its file
        key, text = self.key(document), document.text
        self._runner.call(lambda: self._db().add(key, label, text), lambda _s: self.changed.emit(key), self._fail)

    def renamed(self, old_key: str, document: Document) -> None:
        new_key = self.key(document)
        if new_key != old_key and not self._closed:
            self._runner.call(lambda: self._db().rename(old_key, new_key), lambda _r: self.changed.emit(new_key))

    def list(self, document: Document) -> None:
        key = self.key(document)
        if self._closed:
            return
        self._runner.call(lambda: self._db().snapshots(key), lambda found: self.listed.emit(key, found), self._fail)

    def compare(self, snapshot: Snapshot, current: str, dark: bool = False) -> None:
        services = self._services

        def work() -> str:
            return services.run(history_diff_html, self._db().text(snapshot.id), current, dark)

        self._runner.call(work, lambda html: self.compared.emit(snapshot.id, html), self._fail)

    def restore(self, document: Document, snapshot: Snapshot, when: str) -> None:
        """Put the snapshot's text back as one undo step, keeping what is replaced as a snapshot of its own."""
        self.snapshot(document, self.tr("Before restoring {when}").format(when=when))

        def done(text: str) -> None:
            document.finish_loading()
            document.replace_all_text(text)
            self.snapshot(document, self.tr("Restored {when}").format(when=when))
            self.restored.emit(document, snapshot)

        self._runner.call(lambda: self._db().text(snapshot.id), done, self._fail)

    def _fail(self, exc: BaseException) -> None:
        self.failed.emit(self.tr("The version history could not be read or written ({error}).").format(error=exc))

    def wait_idle(self) -> bool:
        return not self._runner.busy

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        store = self._store

        def finish() -> None:
            if store is not None:
                store.close()

        if store is not None:
            self._runner.call(finish)
        self._runner.close()
