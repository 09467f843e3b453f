"""Autosave to recovery files: a moment after typing pauses (and at least every few seconds while it goes on),
each document with unsaved changes is written to this instance's recovery folder, off the GUI thread."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from app.store.line_endings import pack
from app.store.recovery import RecoveryRecord, RecoveryStore
from app.ui.editor.document import Document
from app.ui.editor.workspace import Workspace

log = logging.getLogger(__name__)


class Autosave(QObject):
    written = Signal(str)  # document id whose recovery file is now on disk (or removed)

    def __init__(
        self,
        workspace: Workspace,
        store: RecoveryStore,
        *,
        idle_ms: int = 1500,
        max_wait_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._workspace = workspace
        self._dirty: set[str] = set()
        self._documents: dict[str, Document] = {}
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inkwell-autosave")
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.flush)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(max_wait_ms)
        self._max_wait.timeout.connect(self.flush)
        workspace.document_added.connect(self._track)
        workspace.document_removed.connect(self._untrack)
        for document in workspace.documents:
            self._track(document)

    def _track(self, document: Document) -> None:
        self._documents[document.id] = document
        document.qdoc.contentsChanged.connect(lambda d=document: self._changed(d))
        document.qdoc.modificationChanged.connect(lambda modified, d=document: self._modification(d, modified))
        if document.modified:
            self._changed(document)

    def _untrack(self, document: Document) -> None:
        self._documents.pop(document.id, None)
        self._dirty.discard(document.id)
        self._submit_remove(document.id)

    def _changed(self, document: Document) -> None:
        if document.loading:
            return  # a file going in slice by slice is not an edit
        self._dirty.add(document.id)
        self._idle.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def _modification(self, document: Document, modified: bool) -> None:
        if not modified and not document.loading:
            # Saved: the file on disk is the truth now.
            self._dirty.discard(document.id)
            self._submit_remove(document.id)

    def flush(self) -> None:
        self._idle.stop()
        self._max_wait.stop()
        for doc_id in list(self._dirty):
            document = self._documents.get(doc_id)
            self._dirty.discard(doc_id)
            if document is None:
                continue
            if not document.modified:
                self._submit_remove(doc_id)
                continue
            record = RecoveryRecord(
                doc_id=document.id,
                title=document.title,
                text=document.text,
                path=str(document.path or ""),
                cursor=document.cursor_position,
                encoding=document.encoding,
                saved_at=time.time(),
                endings=pack(document.endings),
                dominant_ending=document.endings.dominant,
            )
            self._writer.submit(self._write, record)

    def _write(self, record: RecoveryRecord) -> None:
        try:
            self.store.write(record)
        except OSError:
            log.exception("could not write the recovery file for %s", record.title)
            return
        self.written.emit(record.doc_id)

    def _submit_remove(self, doc_id: str) -> None:
        def remove() -> None:
            self.store.remove(doc_id)
            self.written.emit(doc_id)

        self._writer.submit(remove)

    def shutdown(self, *, clean: bool) -> None:
        """Finish pending writes; on a clean close, remove this instance's recovery files."""
        if not clean:
            self.flush()
        self._idle.stop()
        self._max_wait.stop()
        self._writer.shutdown(wait=True)
        if clean:
            self.store.close()
