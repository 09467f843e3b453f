"""The open documents: new, open, save, close, recent files, and files changed by other programs.

A controller without widgets: the tab view and the window observe its signals, and the questions it asks go
through an Asker, so all of it runs in tests exactly as in the app.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QRunnable, QThreadPool, Signal

from app.engine.text_jobs import read_docx
from app.store import encodings
from app.store.settings import Settings, register_defaults
from app.store.textfile import (
    CannotDecodeError,
    CannotEncodeError,
    LoadedText,
    NotUtf8Error,
    TextFileError,
    read_text,
    write_text_atomic,
)
from app.ui.dialogs.asker import Asker, UnsavedChoice
from app.ui.editor.document import DiskStamp, Document
from app.ui.messages import MessageCenter, file_error_text
from app.worker.text_services import InlineTextServices, Services

log = logging.getLogger(__name__)

RECENT_LIMIT = 10
TEXT_FILTER = "Markdown (*.md *.markdown);;Text (*.txt);;All files (*)"
register_defaults({"files/recent": ""})


class _ReadSignals(QObject):
    done = Signal(object, object)  # path, LoadedText | Exception


class _ReadTask(QRunnable):
    """Reads (and decodes) a file off the GUI thread; a 10 MB file takes a noticeable moment."""

    def __init__(self, path: Path, allow_fallback: bool, docx: bool, services: Services) -> None:
        super().__init__()
        self.path, self.allow_fallback, self.docx = path, allow_fallback, docx
        self.services = services
        self.signals = _ReadSignals()

    def run(self) -> None:
        try:
            if self.docx:
                # Parsing Word's XML holds the GIL: it runs in the text-services process, this thread waits.
                result: object = LoadedText(self.services.run(read_docx, self.path), "utf-8")
            else:
                result = read_text(self.path, allow_fallback=self.allow_fallback)
        except Exception as exc:  # reported to the user on the GUI thread
            result = exc
        self.signals.done.emit(self.path, result)


class Workspace(QObject):
    document_added = Signal(object)  # Document
    document_removed = Signal(object)  # Document
    active_changed = Signal(object)  # Document | None
    recent_changed = Signal()
    opening = Signal(object)  # Path being read
    opened = Signal(object)  # Document, once a requested file is open (or was already)
    saved = Signal(object, object)  # Document, the Path it had before (None: untitled until now)
    about_to_reload = Signal(object)  # Document whose text the file's new version is about to replace
    reloaded = Signal(object)  # Document
    encoding_changed = Signal(object)  # Document, whose file is now read or written in another encoding

    def __init__(
        self,
        settings: Settings,
        messages: MessageCenter,
        asker: Asker,
        parent: QObject | None = None,
        services: Services | None = None,
    ):
        super().__init__(parent)
        self.services = services or InlineTextServices()
        self.settings = settings
        self.messages = messages
        self.asker = asker
        self.documents: list[Document] = []
        self.active: Document | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._reading: dict[Path, _ReadTask] = {}
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._asking_about: set[str] = set()

    # -- documents -------------------------------------------------------------------------------------------
    def add(self, document: Document) -> Document:
        document.setParent(self)
        self.documents.append(document)
        if document.path is not None:
            self._watch(document.path)
        self.document_added.emit(document)
        self.set_active(document)
        return document

    def new(self, text: str = "") -> Document:
        return self.add(Document(text))

    def set_active(self, document: Document | None) -> None:
        if document is not self.active:
            self.active = document
            self.active_changed.emit(document)

    def find(self, path: Path) -> Document | None:
        resolved = path.resolve()
        return next((d for d in self.documents if d.path is not None and d.path.resolve() == resolved), None)

    # -- opening ---------------------------------------------------------------------------------------------
    def open(self, path: Path, *, allow_fallback: bool = False) -> None:
        """Open `path` in a new tab (or show it if open). The file is read off the GUI thread; `opened` follows."""
        path = Path(path).expanduser()
        existing = self.find(path)
        if existing is not None:
            self.set_active(existing)
            self.opened.emit(existing)
            return
        if path.resolve() in self._reading:
            return
        task = _ReadTask(path, allow_fallback, path.suffix.lower() == ".docx", self.services)
        task.signals.done.connect(self._on_read)
        self._reading[path.resolve()] = task
        self.opening.emit(path)
        self._pool.start(task)

    def wait_for_reads(self, timeout_ms: int = -1) -> bool:
        return self._pool.waitForDone(timeout_ms)

    def _on_read(self, path: Path, result: object) -> None:
        self._reading.pop(path.resolve(), None)
        existing = self.find(path) if path.suffix.lower() != ".docx" else None
        if existing is not None:
            # It was opened while the file was read: crash recovery restored its unsaved copy over the session's
            # file, or a document was saved under this name. What is open wins over the file on disk, and one
            # path never gets two tabs (two copies would each save over the other).
            self.set_active(existing)
            self.opened.emit(existing)
            return
        if isinstance(result, NotUtf8Error):
            if self.asker.read_with_legacy_encoding(str(result)):
                self.open(path, allow_fallback=True)
            return
        if isinstance(result, TextFileError):
            self.messages.error(file_error_text(result))
            return
        if isinstance(result, Exception):
            log.error("could not open %s", path, exc_info=result)
            self.messages.error(
                QCoreApplication.translate("Workspace", "{name} could not be opened ({error}).").format(
                    name=path.name, error=result
                )
            )
            return
        assert isinstance(result, LoadedText)
        if path.suffix.lower() == ".docx":
            # An import: a new Markdown document, so saving never overwrites the Word file with Markdown.
            document = Document(result.text, modified=True)
            self.add(document)
            self.messages.info(
                QCoreApplication.translate("Workspace", "Imported {name} as a new Markdown document.").format(
                    name=path.name
                )
            )
        else:
            replaceable = self.active if self.active is not None and self.active.is_empty_untitled else None
            document = self.add(Document(result.text, path, result.encoding, result.endings))
            if replaceable is not None:
                self._remove(replaceable)  # the blank tab a new window starts with is not worth keeping
            self.remember_recent(path)
        self.opened.emit(document)

    # -- saving ----------------------------------------------------------------------------------------------
    def save(self, document: Document) -> bool:
        if document.path is None:
            return self.save_as(document)
        return self._write(document, document.path)

    def save_as(self, document: Document, encoding: str | None = None) -> bool:
        suggested = document.path or Path.home() / f"{document.title}.md"
        path = self.asker.save_path(suggested, TEXT_FILTER)
        if path is None:
            return False
        if path.suffix == "":
            path = path.with_suffix(".md")
        return self._write(document, path, encoding)

    def save_with_encoding(self, document: Document) -> bool:
        """Save in an encoding the user picks (a new file's name is asked for too); it stays the document's."""
        encoding = self.asker.choose_encoding(document.title, document.encoding, True)
        if encoding is None:
            return False
        if document.path is None:
            return self.save_as(document, encoding)
        return self._write(document, document.path, encoding)

    def _write(self, document: Document, path: Path, encoding: str | None = None) -> bool:
        encoding = encoding or document.encoding
        if document.path is not None:
            self._watcher.removePath(str(document.path))
        try:
            try:
                write_text_atomic(path, document.text, encoding, document.endings)
            except CannotEncodeError as exc:
                # Never a silent "?" or a silent change of encoding: say which character, offer UTF-8.
                if encoding == "utf-8" or not self.asker.save_as_utf8(file_error_text(exc)):
                    if document.path is not None and document.path.exists():
                        self._watch(document.path)
                    return False
                encoding = "utf-8"
                write_text_atomic(path, document.text, encoding, document.endings)
        except TextFileError as exc:
            self.messages.error(file_error_text(exc))
            if document.path is not None and document.path.exists():
                self._watch(document.path)
            return False
        if encoding != document.encoding:
            document.encoding = encoding
            self.encoding_changed.emit(document)
        before = document.path
        if document.path != path:
            document.set_path(path)
            self.remember_recent(path)
        document.mark_saved()
        self._watch(path)
        self.saved.emit(document, before)
        return True

    # -- closing ---------------------------------------------------------------------------------------------
    def close(self, document: Document) -> bool:
        """Close one document, asking first when it has unsaved changes. False: the user kept it open."""
        if document.modified:
            choice = self.asker.unsaved_changes(document.title)
            if choice is UnsavedChoice.CANCEL or (choice is UnsavedChoice.SAVE and not self.save(document)):
                return False
        self._remove(document)
        return True

    def close_all(self) -> bool:
        """Ask about every unsaved document (for quitting). False: the user cancelled, nothing is closed."""
        for document in [d for d in self.documents if d.modified]:
            self.set_active(document)
            choice = self.asker.unsaved_changes(document.title)
            if choice is UnsavedChoice.CANCEL or (choice is UnsavedChoice.SAVE and not self.save(document)):
                return False
        return True

    def _remove(self, document: Document) -> None:
        if document not in self.documents:
            return
        index = self.documents.index(document)
        self.documents.remove(document)
        if document.path is not None and not self.find(document.path):
            self._watcher.removePath(str(document.path))
        self.document_removed.emit(document)
        if self.active is document:
            self.set_active(self.documents[min(index, len(self.documents) - 1)] if self.documents else None)
        document.deleteLater()

    # -- recent files ----------------------------------------------------------------------------------------
    def recent(self) -> list[Path]:
        raw = self.settings.get("files/recent", str)
        return [Path(p) for p in raw.split("\n") if p]

    def remember_recent(self, path: Path) -> None:
        entries = [p for p in self.recent() if p.resolve() != path.resolve()]
        entries.insert(0, path.resolve())
        self.settings.set("files/recent", "\n".join(str(p) for p in entries[:RECENT_LIMIT]))
        self.recent_changed.emit()

    def clear_recent(self) -> None:
        self.settings.set("files/recent", "")
        self.recent_changed.emit()

    # -- files changed by other programs ---------------------------------------------------------------------
    def _watch(self, path: Path) -> None:
        if path.exists() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))

    def _on_file_changed(self, name: str) -> None:
        path = Path(name)
        for document in [d for d in self.documents if d.path is not None and d.path == path]:
            self.check_disk(document)
        if path.exists():
            self._watch(path)  # editors that replace files by renaming drop the watch; add it back

    def check_disk(self, document: Document) -> None:
        """Reload a document whose file changed on disk (asking first when it has unsaved edits), or say that the
        file was deleted."""
        if document.path is None or document.id in self._asking_about:
            return
        stamp = DiskStamp.of(document.path)
        if stamp == document.disk_stamp:
            return  # our own save, or a touch that changed nothing we track
        if stamp is None:
            document.disk_stamp = None
            document.qdoc.setModified(True)  # the editor holds the only copy now
            gone = QCoreApplication.translate(
                "Workspace",
                "{name} was deleted or moved by another program. Your text is still here; save it to keep it.",
            )
            self.messages.warning(gone.format(name=document.title))
            return
        if not document.modified:
            # Nothing of the user's would be lost: take the new version without a question (one undo step).
            self._reload(document)
            self.messages.info(
                QCoreApplication.translate("Workspace", "{name} changed on disk and was reloaded.").format(
                    name=document.title
                )
            )
            return
        self._asking_about.add(document.id)
        try:
            if self.asker.reload_changed_file(document.title):
                self._reload(document)
            else:
                document.disk_stamp = stamp  # keep theirs out of mind until it changes again
                document.qdoc.setModified(True)
        finally:
            self._asking_about.discard(document.id)

    def reopen_with_encoding(self, document: Document) -> bool:
        """Read the document's file again in an encoding the user picks (for a file detection got wrong)."""
        if document.path is None:
            self.messages.info(
                QCoreApplication.translate(
                    "Workspace", "{name} is not in a file yet, so there is nothing to read again. Save it first."
                ).format(name=document.title)
            )
            return False
        encoding = self.asker.choose_encoding(document.title, document.encoding, False)
        if encoding is None:
            return False
        if document.modified and not self.asker.reopen_discarding_changes(document.title, encodings.label(encoding)):
            return False
        return self._reload(document, encoding)

    def _reload(self, document: Document, chosen: str | None = None) -> bool:
        assert document.path is not None
        try:
            if chosen is not None:
                loaded = read_text(document.path, encoding=chosen)
            else:
                try:
                    # A file the user reopened as Big5, say, is still Big5 when another program changes it.
                    legacy = document.encoding not in ("utf-8", "utf-8-sig", "utf-16")
                    loaded = read_text(document.path, encoding=document.encoding if legacy else None)
                except CannotDecodeError:
                    loaded = read_text(document.path, allow_fallback=document.encoding == "cp1252")
        except TextFileError as exc:
            self.messages.error(file_error_text(exc))
            return False
        changed_encoding = loaded.encoding != document.encoding
        self.about_to_reload.emit(document)
        document.replace_all_text(loaded.text)
        document.encoding, document.endings = loaded.encoding, loaded.endings
        document.mark_saved()
        self.reloaded.emit(document)
        if changed_encoding:
            self.encoding_changed.emit(document)
        return True
