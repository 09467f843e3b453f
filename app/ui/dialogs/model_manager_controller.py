"""What the Model manager does, without widgets: rows to show, downloads with progress, delete, add, choose, token.

Downloads, deletes and folder scans run on Python worker threads (a download blocks on the network for minutes;
sizes and deletes touch big files). Workers never touch Qt objects other than emitting a `_Relay`'s signals; the
relay lives on the GUI thread, so Qt queues those emissions to the controller's slots there. The controller's own
signals therefore always arrive on the GUI thread.

Choosing a model only emits a signal with a `ModelSpec`; the composition root loads it through the ModelClient
and stores it in the settings.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.engine.catalog import CATALOG, EMBEDDED, CatalogEntry, by_repo_id
from app.engine.downloads import DownloadCancelled, DownloadError, DownloadErrorKind, DownloadProgress, is_repo_id
from app.engine.requests import ModelSpec
from app.secrets import HF_TOKEN, SecretStore, SecretsUnavailable
from app.store.model_library import (
    EMBEDDED_KEY,
    LibraryEntry,
    ModelLibrary,
    ModelLibraryError,
    hub_key,
)
from app.ui.messages import MessageCenter

log = logging.getLogger(__name__)

RowKind = Literal["embedded", "catalog", "downloaded", "partial", "folder", "gguf"]
JobState = Literal["starting", "checking", "downloading", "stalled", "verifying", "cancelling", "paused", "failed"]


@dataclass(frozen=True)
class JobView:
    """A download of one repository as the dialog shows it."""

    repo_id: str
    state: JobState
    progress: DownloadProgress | None = None
    error: str = ""  # translated, plain words (state "failed")
    pickle_only: bool = False  # failed because the repository has only pickled weights and they were not allowed

    @property
    def active(self) -> bool:
        return self.state not in ("paused", "failed")


@dataclass(frozen=True)
class ModelRow:
    key: str  # "embedded", "hub:<owner/name>" or "path:<path>"
    kind: RowKind
    name: str
    repo_id: str = ""
    catalog: CatalogEntry | None = None
    entry: LibraryEntry | None = None  # what is on disk, if anything
    in_use: bool = False  # the model for everything
    for_translate: bool = False  # the model chosen for translation (when it differs)
    job: JobView | None = None

    @property
    def usable(self) -> bool:
        return self.entry is not None and self.entry.usable and not (self.job and self.job.active)

    @property
    def can_download(self) -> bool:
        return bool(self.repo_id) and self.kind in ("catalog", "partial") and not (self.job and self.job.active)

    @property
    def can_cancel(self) -> bool:
        return self.job is not None and self.job.active and self.job.state != "cancelling"

    @property
    def can_delete(self) -> bool:
        # The model in use stays until another is chosen: its files are open in the model host.
        busy = bool(self.job and self.job.active) or self.in_use or self.for_translate
        return self.entry is not None and self.entry.removable and not busy

    @property
    def folder(self) -> Path | None:
        return self.entry.folder if self.entry is not None else None

    @property
    def size_bytes(self) -> int:
        """On disk when it is there, else the catalog's download estimate."""
        if self.entry is not None and self.entry.kind != "partial":
            return self.entry.size_bytes
        return self.catalog.download_bytes if self.catalog else 0


@dataclass(frozen=True)
class TokenState:
    stored: bool  # a token is saved in the keyring
    session_only: bool  # a token is kept in memory because no keyring can hold it
    keyring_available: bool
    message: str  # translated: what the user should know


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit its signals and Qt queues them to the controller."""

    progress = Signal(object)  # DownloadProgress
    download_ended = Signal(str, object)  # repo_id, Path | DownloadError | DownloadCancelled
    scanned = Signal(object)  # list[LibraryEntry]
    task_failed = Signal(str, str)  # translated message, detail
    token_state = Signal(bool, bool, str)  # stored, keyring available, why not (English template)
    token_saved = Signal(bool, str, object)  # stored in the keyring, template, params


class ModelManagerController(QObject):
    rows_changed = Signal()  # the list was rebuilt
    job_changed = Signal(str)  # repo_id whose download state or progress changed
    download_finished = Signal(str, str)  # repo_id, folder
    use_model = Signal(object)  # ModelSpec: use this model for everything
    use_for_translate = Signal(object)  # ModelSpec: use this model when translating
    token_changed = Signal()
    # repo_id: its download was refused because it has only pickled weights; the view may ask the user to allow them
    pickle_consent_needed = Signal(str)

    def __init__(
        self,
        library: ModelLibrary,
        secrets: SecretStore,
        messages: MessageCenter | None = None,
        *,
        base_spec: Callable[[], ModelSpec] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.secrets = secrets
        self.messages = messages
        self._base_spec = base_spec or ModelSpec
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.download_ended.connect(self._on_download_ended)
        self._relay.scanned.connect(self._on_scanned)
        self._relay.task_failed.connect(self._on_task_failed)
        self._relay.token_state.connect(self._on_token_state)
        self._relay.token_saved.connect(self._on_token_saved)
        self._entries: list[LibraryEntry] = [library.embedded()]
        self._jobs: dict[str, JobView] = {}
        self._cancels: dict[str, threading.Event] = {}
        # Repositories whose pickled weights the user allowed in this session; consent is per model, never global.
        self._pickle_allowed: set[str] = set()
        self._threads: list[threading.Thread] = []
        self._session_token = ""
        self._token_state: TokenState | None = None
        self._current_ref = ""
        self._translate_ref: str | None = None
        self.rows: list[ModelRow] = []
        self._rebuild()
        # The keyring is first read when something asks for the token state (the model manager, a download): loading
        # keyring and probing its backends at start would compete with the first paint for the GIL.
        self._token_state_asked = False

    # -- the list ----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read what is on disk (sizes of downloaded folders) off the GUI thread; `rows_changed` follows."""
        self._spawn("model-library-scan", self._scan)

    def _scan(self) -> None:
        try:
            entries = self.library.entries()
        except Exception as exc:  # a scan must never take the dialog down
            log.exception("scanning models failed")
            self._relay.task_failed.emit(
                QCoreApplication.translate("ModelManager", "Inkwell could not read its list of models."), repr(exc)
            )
            return
        self._relay.scanned.emit(entries)

    def _on_scanned(self, entries: list[LibraryEntry]) -> None:
        self._entries = entries
        self._rebuild()

    def set_current(self, ref: str, translate_ref: str | None = None) -> None:
        """Mark the model in use (ModelSpec.ref; "" is the embedded one) and the one for translation, if any."""
        self._current_ref, self._translate_ref = ref, translate_ref
        self._rebuild()

    def row(self, key: str) -> ModelRow | None:
        return next((row for row in self.rows if row.key == key), None)

    def row_for_repo(self, repo_id: str) -> ModelRow | None:
        return self.row(hub_key(repo_id)) or next((r for r in self.rows if r.repo_id == repo_id), None)

    def _same_ref(self, entry: LibraryEntry | None, ref: str | None) -> bool:
        if entry is None or ref is None:
            return False
        if entry.kind == "embedded":
            return ref == ""
        return bool(ref) and entry.path is not None and Path(ref).expanduser() == entry.path

    def _rebuild(self) -> None:
        by_key = {entry.key: entry for entry in self._entries}
        rows: list[ModelRow] = []
        embedded = by_key.get(EMBEDDED_KEY) or self.library.embedded()
        name = QCoreApplication.translate("Catalog", EMBEDDED.name)
        rows.append(self._row(EMBEDDED_KEY, "embedded", name, "", EMBEDDED, embedded))
        for catalog in CATALOG:
            entry = by_key.get(hub_key(catalog.repo_id))
            kind: RowKind = "catalog" if entry is None else ("partial" if entry.kind == "partial" else "downloaded")
            rows.append(self._row(hub_key(catalog.repo_id), kind, catalog.name, catalog.repo_id, catalog, entry))
        listed = {row.key for row in rows}
        for entry in self._entries:
            if entry.key in listed:
                continue
            kind = entry.kind if entry.kind != "embedded" else "embedded"
            rows.append(self._row(entry.key, kind, entry.name, entry.repo_id, entry.catalog, entry))
        # A download started for a model not yet on disk (a Hub id typed by the user) shows up at once.
        for repo_id in self._jobs:
            if hub_key(repo_id) not in {row.key for row in rows}:
                rows.append(self._row(hub_key(repo_id), "partial", repo_id, repo_id, by_repo_id(repo_id), None))
        self.rows = rows
        self.rows_changed.emit()

    def _row(
        self,
        key: str,
        kind: RowKind,
        name: str,
        repo_id: str,
        catalog: CatalogEntry | None,
        entry: LibraryEntry | None,
    ) -> ModelRow:
        in_use = self._same_ref(entry, self._current_ref)
        for_translate = self._translate_ref is not None and self._same_ref(entry, self._translate_ref)
        return ModelRow(key, kind, name, repo_id, catalog, entry, in_use, for_translate, self._jobs.get(repo_id))

    # -- downloads ---------------------------------------------------------------------------------------------
    def download(self, repo_id: str, *, allow_pickle: bool = False) -> bool:
        """Start (or resume) downloading `repo_id`; False when it is not a Hub id or already running.

        `allow_pickle` is the user's explicit consent to pickled weights (.bin) for this repository only; it is
        remembered for the session, so a resume after Cancel does not ask again.
        """
        repo_id = repo_id.strip()
        if not is_repo_id(repo_id):
            self._report(
                QCoreApplication.translate(
                    "ModelManager", "“{id}” is not a Hugging Face model id. Ids look like owner/name."
                ).format(id=repo_id),
                "",
            )
            return False
        job = self._jobs.get(repo_id)
        if job is not None and job.active:
            return False
        if allow_pickle:
            self._pickle_allowed.add(repo_id)
            self._dismiss_refusal(job)
        allow_pickle = repo_id in self._pickle_allowed
        cancel = threading.Event()
        self._cancels[repo_id] = cancel
        self._jobs[repo_id] = JobView(repo_id, "starting")
        self._spawn(f"download {repo_id}", lambda: self._download(repo_id, allow_pickle, cancel))
        self._rebuild()
        self.job_changed.emit(repo_id)
        return True

    def _download(self, repo_id: str, allow_pickle: bool, cancel: threading.Event) -> None:
        outcome: object
        token = self._token_for_download()
        try:
            outcome = self.library.downloader.download(
                repo_id, token=token, allow_pickle=allow_pickle, on_progress=self._relay.progress.emit, cancel=cancel
            )
        except (DownloadError, DownloadCancelled) as exc:
            outcome = exc
        except Exception as exc:  # explained in plain words, never a traceback in the dialog
            outcome = self.library.downloader.explain(exc, repo_id, token=token)
        self._relay.download_ended.emit(repo_id, outcome)

    def pickle_allowed(self, repo_id: str) -> bool:
        """Whether the user allowed pickled weights for this repository in this session."""
        return repo_id in self._pickle_allowed

    def _dismiss_refusal(self, job: JobView | None) -> None:
        # The notice "only pickled files" is answered once the user allows them; it must not stay on screen.
        if self.messages is None or job is None or not job.pickle_only:
            return
        current = self.messages.current
        if current is not None and current.text == job.error:
            self.messages.dismiss()

    def cancel(self, repo_id: str) -> None:
        """Stop a download; what arrived is kept, and Download resumes from there."""
        cancel = self._cancels.get(repo_id)
        job = self._jobs.get(repo_id)
        if cancel is None or job is None or not job.active:
            return
        cancel.set()
        self._jobs[repo_id] = replace(job, state="cancelling")
        self._rebuild()
        self.job_changed.emit(repo_id)

    def job(self, repo_id: str) -> JobView | None:
        return self._jobs.get(repo_id)

    def _on_progress(self, progress: DownloadProgress) -> None:
        job = self._jobs.get(progress.repo_id)
        if job is None or not job.active:
            return
        state: JobState = "cancelling" if job.state == "cancelling" else progress.state  # type: ignore[assignment]
        if progress.state == "done":
            state = "verifying"  # the end arrives as download_ended; until then, still busy
        self._jobs[progress.repo_id] = JobView(progress.repo_id, state, progress)
        self._refresh_row(progress.repo_id)
        self.job_changed.emit(progress.repo_id)

    def _on_download_ended(self, repo_id: str, outcome: object) -> None:
        self._cancels.pop(repo_id, None)
        last = self._jobs.get(repo_id)
        progress = last.progress if last else None
        if isinstance(outcome, Path):
            self._jobs.pop(repo_id, None)
            self.download_finished.emit(repo_id, str(outcome))
        elif isinstance(outcome, DownloadCancelled):
            self._jobs[repo_id] = JobView(repo_id, "paused", progress)
        elif isinstance(outcome, DownloadError):
            text = QCoreApplication.translate("Downloads", outcome.template).format(**outcome.params)
            pickle_only = outcome.kind is DownloadErrorKind.PICKLE_ONLY
            self._jobs[repo_id] = JobView(repo_id, "failed", progress, text, pickle_only)
            if pickle_only:
                self._warn(text, outcome.detail)  # refused for safety, not broken: the user can allow it
            else:
                self._report(text, outcome.detail)
        self._rebuild()
        self.job_changed.emit(repo_id)
        self.refresh()
        # Last: a view may answer with a modal question, and everything above must be in place while it waits.
        if isinstance(outcome, DownloadError) and outcome.kind is DownloadErrorKind.PICKLE_ONLY:
            self.pickle_consent_needed.emit(repo_id)

    def _refresh_row(self, repo_id: str) -> None:
        for index, row in enumerate(self.rows):
            if row.repo_id == repo_id:
                self.rows[index] = replace(row, job=self._jobs.get(repo_id))

    # -- other actions ---------------------------------------------------------------------------------------------
    def delete(self, key: str) -> None:
        """Delete a downloaded model's files, or forget a folder / .gguf file the user added (files untouched)."""
        row = self.row(key)
        if row is None or not row.can_delete:
            return
        self._spawn(f"delete {key}", lambda: self._delete(key))

    def _delete(self, key: str) -> None:
        try:
            self.library.remove(key)
        except ModelLibraryError as exc:
            text = QCoreApplication.translate("ModelLibrary", exc.template).format(**exc.params)
            self._relay.task_failed.emit(text, "")
        except Exception as exc:
            log.exception("removing %s failed", key)
            self._relay.task_failed.emit(
                QCoreApplication.translate("ModelManager", "The model could not be removed."), repr(exc)
            )
        self._scan()

    def add_folder(self, folder: Path) -> bool:
        """Add a Transformers model folder; False (and a message) when it is not one."""
        return self._add(self.library.add_folder, folder)

    def add_gguf(self, file: Path) -> bool:
        return self._add(self.library.add_gguf, file)

    def _add(self, add: Callable[[Path], LibraryEntry], path: Path) -> bool:
        try:
            add(path)
        except ModelLibraryError as exc:
            self._report(QCoreApplication.translate("ModelLibrary", exc.template).format(**exc.params), "")
            return False
        self.refresh()
        return True

    def choose(self, key: str) -> None:
        """Use this model for everything."""
        row = self.row(key)
        if row is None or row.entry is None or not row.usable:
            return
        spec = row.entry.spec(self._base_spec())
        self.set_current(spec.ref, self._translate_ref if self._translate_ref != spec.ref else None)
        self.use_model.emit(spec)

    def choose_for_translate(self, key: str) -> None:
        """Use this model when translating (swapped in when needed); everything else keeps the current one."""
        row = self.row(key)
        if row is None or row.entry is None or not row.usable:
            return
        spec = row.entry.spec(self._base_spec())
        self.set_current(self._current_ref, spec.ref)
        self.use_for_translate.emit(spec)

    def open_folder_path(self, key: str) -> Path | None:
        row = self.row(key)
        return row.folder if row is not None else None

    # -- the Hugging Face token --------------------------------------------------------------------------------
    # The keyring is only ever touched on worker threads: on Linux it talks to D-Bus, on macOS the Keychain may ask
    # the user for permission, and either can take long enough to freeze a window.
    def token_state(self) -> TokenState:
        """What the token field shows; computed off the GUI thread (`token_changed` says when it changed)."""
        if not self._token_state_asked:
            self.refresh_token_state()
        if self._token_state is None:
            return TokenState(
                False,
                bool(self._session_token),
                True,
                QCoreApplication.translate("ModelManager", "Checking the system keyring…"),
            )
        return replace(self._token_state, session_only=bool(self._session_token))

    def refresh_token_state(self) -> None:
        self._token_state_asked = True
        self._spawn("keyring-status", self._read_token_state)

    def _read_token_state(self) -> None:
        status = self.secrets.status()
        if not status.available:
            self._relay.token_state.emit(False, False, status.template or status.message)
            return
        self._relay.token_state.emit(self.secrets.get(HF_TOKEN) is not None, True, "")

    def _on_token_state(self, stored: bool, available: bool, reason: str) -> None:
        if not available:
            message = QCoreApplication.translate("Secrets", reason)
        elif stored:
            message = QCoreApplication.translate("ModelManager", "A token is stored in the system keyring.")
        else:
            message = QCoreApplication.translate(
                "ModelManager",
                "No token stored. Gated models (Llama, Gemma) need one: create it at huggingface.co/settings/tokens.",
            )
        self._token_state = TokenState(stored, bool(self._session_token), available, message)
        self.token_changed.emit()

    def _token_for_download(self) -> str | None:
        """Called on the download's worker thread: the keyring's token, else the one kept for this session."""
        return self.secrets.get(HF_TOKEN) or self._session_token or None

    def save_token(self, token: str) -> None:
        """Store the token in the keyring; without a keyring, keep it in memory for this session only."""
        token = token.strip()
        if not token:
            self.forget_token()
            return
        self._session_token = token  # usable at once, also while the keyring is being written
        self._spawn("keyring-save", lambda: self._save_token(token))

    def _save_token(self, token: str) -> None:
        try:
            self.secrets.set(HF_TOKEN, token)
        except SecretsUnavailable as exc:
            self._relay.token_saved.emit(False, exc.template, exc.params)
        else:
            self._relay.token_saved.emit(True, "", {})
        self._read_token_state()

    def _on_token_saved(self, stored: bool, template: str, params: dict[str, object]) -> None:
        if stored:
            self._session_token = ""
        elif self.messages is not None:
            self.messages.warning(QCoreApplication.translate("Secrets", template).format(**params))

    def forget_token(self) -> None:
        self._session_token = ""
        self._spawn("keyring-forget", self._forget_token)

    def _forget_token(self) -> None:
        try:
            self.secrets.delete(HF_TOKEN)
        except SecretsUnavailable as exc:
            text = QCoreApplication.translate("Secrets", exc.template).format(**exc.params)
            self._relay.task_failed.emit(text, "")
        self._read_token_state()

    # -- plumbing ----------------------------------------------------------------------------------------------
    def _report(self, text: str, detail: str) -> None:
        if self.messages is not None:
            self.messages.error(text, detail)
        else:
            log.warning("%s %s", text, detail)

    def _warn(self, text: str, detail: str) -> None:
        if self.messages is not None:
            self.messages.warning(text, detail)
        else:
            log.warning("%s %s", text, detail)

    def _on_task_failed(self, text: str, detail: str) -> None:
        self._report(text, detail)

    def _spawn(self, name: str, target: Callable[[], None]) -> None:
        self._threads = [thread for thread in self._threads if thread.is_alive()]
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    @property
    def busy(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

    def shutdown(self, timeout_s: float = 30.0) -> None:
        """Cancel every download (their parts stay for a resume) and wait for the worker threads."""
        for cancel in self._cancels.values():
            cancel.set()
        for thread in self._threads:
            thread.join(timeout_s)
        self._threads = [thread for thread in self._threads if thread.is_alive()]
