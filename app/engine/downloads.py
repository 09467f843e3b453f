"""Downloading models from the Hugging Face Hub: only the files a model needs, resumable, with progress.

Runs in the GUI process (in a worker thread) and in `inkwell models download`, so it never imports torch or
transformers. All network traffic goes through `huggingface_hub` (its `HfApi`, `hf_hub_url` and `http_get`), imported
on first use (0.4 s of imports) so that the GUI can import this module, and read what is on disk, for free.

Why not `snapshot_download` / `hf_hub_download`: in huggingface_hub 2.x they write each file to a process-unique
temporary name and delete it when the transfer fails or is interrupted. The library resumes only *within* one call
(its `http_get` retries a dropped connection five times with a Range request); a cancel, an app restart or a
connection that stays down starts the file again from zero. So we keep the partial file ourselves
(`<folder>/.inkwell-partial/<name>.part`) and hand it to the library's own `http_get` with `resume_size`, which
sends `Range: bytes=N-` and appends: a download survives a cancel, a restart or a lost connection.

Xet is not used for the transfer: `xet_get` writes whole files from Rust, can only be aborted by a KeyboardInterrupt
in the main thread, and keeps no partial file we can resume from, so cancel, resume and the stall detector would not
apply. The Hub's `resolve` endpoint serves every file over plain HTTP (Xet-stored ones through its bridge, which
honours Range), so we lose Xet's de-duplication and nothing else.

Where files go: one plain folder per model under `downloads_root(paths)` (`<data>/models/<owner>--<name>`), not the
shared Hugging Face cache. A plain folder is what `from_pretrained(folder)` loads with no network at all, what
"Open folder" can show (the HF cache holds hashed blobs behind symlinks), what "Delete" removes without touching
other programs' models, and it follows `INKWELL_HOME` for portable installs and tests. The data folder, not the
cache folder, because a multi-gigabyte download is not something a cache cleaner should silently throw away.

Integrity: `http_get` checks every file's size against the Hub's metadata; on top of that each finished file is
hashed and compared with the Hub's SHA-256 (LFS files, i.e. the weights) or git blob id (small files) before it is
moved into place. A mismatch discards that file and fetches it once more.
"""

from __future__ import annotations

import enum
import errno
import hashlib
import json
import logging
import os
import re
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, cast
from urllib.parse import urlparse

from app import __version__
from app.engine.catalog import format_bytes
from app.paths import AppPaths
from app.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from filelock import FileLock

log = logging.getLogger(__name__)

PARTIAL_DIR = ".inkwell-partial"
STATE_FILE = "state.json"
MANIFEST = "inkwell-model.json"  # written last: its presence marks a complete download
MANIFEST_FORMAT = 1
DEFAULT_ENDPOINT = "https://huggingface.co"
_REPO_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+")


def downloads_root(paths: AppPaths) -> Path:
    """Where downloaded models live: `<data>/models` (see the module docstring for why not the HF cache)."""
    return paths.data / "models"


def folder_name(repo_id: str) -> str:
    return repo_id.replace("/", "--")


def is_repo_id(text: str) -> bool:
    return bool(_REPO_ID.fullmatch(text)) and ".." not in text


# -- which files --------------------------------------------------------------------------------------------------

# Everything transformers needs to load a causal LM and its tokenizer and chat template, at the repo's top level
# (sub-folders hold other formats: Llama's "original/" has a 2.5 GB pickled checkpoint, others hold ONNX or GGUF).
NEEDED_FILES = frozenset(
    {
        "config.json",
        "generation_config.json",
        "tokenizer.json",
        "tokenizer_config.json",
        "tokenizer.model",
        "special_tokens_map.json",
        "added_tokens.json",
        "vocab.json",
        "merges.txt",
        "vocab.txt",
        "chat_template.jinja",
        "chat_template.json",
    }
)
SAFETENSORS_PATTERNS = ("*.safetensors", "*.safetensors.index.json")
# Pickled weights can run code when loaded; fetched only when the user allows it for that model.
PICKLE_PATTERNS = ("pytorch_model*.bin", "pytorch_model.bin.index.json")
TOKENIZER_FILES = frozenset({"tokenizer.json", "tokenizer.model", "vocab.json", "vocab.txt"})


def select_files(names: Iterable[str], *, allow_pickle: bool = False) -> list[str]:
    """The files of a repository that Inkwell downloads. Raises DownloadError when the model is not usable."""
    top = [name for name in names if "/" not in name]
    chosen = [name for name in top if name in NEEDED_FILES]
    weights = [name for name in top if any(fnmatch(name, pattern) for pattern in SAFETENSORS_PATTERNS)]
    # Mistral-style repos carry the same weights twice: sharded model-*.safetensors and consolidated.safetensors.
    if any(not name.startswith("consolidated") for name in weights if name.endswith(".safetensors")):
        weights = [name for name in weights if not name.startswith("consolidated")]
    pickled = [name for name in top if any(fnmatch(name, pattern) for pattern in PICKLE_PATTERNS)]
    if not any(name.endswith(".safetensors") for name in weights):
        if pickled and not allow_pickle:
            raise DownloadError(
                DownloadErrorKind.PICKLE_ONLY,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "This model is published only as pickled PyTorch files (.bin), which can run code when they "
                    "are loaded. Inkwell downloads them only if you allow it for this model.",
                ),
            )
        weights = pickled if allow_pickle else []
    if "config.json" not in chosen or not weights:
        raise DownloadError(
            DownloadErrorKind.NO_WEIGHTS,
            QT_TRANSLATE_NOOP(
                "Downloads",
                "This repository has no Transformers model Inkwell can use (it needs config.json and "
                "safetensors weights). Choose another model.",
            ),
        )
    if not TOKENIZER_FILES & set(chosen):
        raise DownloadError(
            DownloadErrorKind.NO_WEIGHTS,
            QT_TRANSLATE_NOOP("Downloads", "This repository has no tokenizer, so Inkwell cannot use it."),
        )
    return sorted(chosen) + sorted(weights)


# -- results, progress and errors ---------------------------------------------------------------------------------


class DownloadErrorKind(enum.Enum):
    NOT_FOUND = "not_found"
    GATED = "gated"  # gated model, no token given
    NO_ACCESS = "no_access"  # token given but not (yet) allowed
    BAD_TOKEN = "bad_token"
    NETWORK = "network"
    STALLED = "stalled"
    SERVER = "server"
    OFFLINE = "offline"
    NO_SPACE = "no_space"  # found before starting
    DISK_FULL = "disk_full"  # found while writing
    WRITE_FAILED = "write_failed"
    NO_WEIGHTS = "no_weights"
    PICKLE_ONLY = "pickle_only"
    INTEGRITY = "integrity"
    BUSY = "busy"
    INTERNAL = "internal"


class DownloadError(Exception):
    """A failure explained in plain words. `template` is English; the GUI translates it (context "Downloads")."""

    def __init__(self, kind: DownloadErrorKind, template: str, detail: str = "", **params: object) -> None:
        self.kind = kind
        self.template = template
        self.params = params
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


class DownloadCancelled(Exception):
    """The cancel Event was set; what was downloaded so far is kept for a later resume."""


@dataclass(frozen=True)
class RemoteFile:
    name: str
    size: int
    etag: str  # SHA-256 for LFS files (the weights), the git blob id for small files
    lfs: bool


@dataclass(frozen=True)
class DownloadPlan:
    repo_id: str
    commit: str
    files: tuple[RemoteFile, ...]
    gated: bool

    @property
    def total_bytes(self) -> int:
        return sum(file.size for file in self.files)


ProgressState = Literal["checking", "downloading", "stalled", "verifying", "done"]


@dataclass(frozen=True)
class DownloadProgress:
    repo_id: str
    state: ProgressState
    bytes_done: int
    bytes_total: int  # 0 while unknown
    speed: float  # bytes per second over the last few seconds
    eta_s: float | None  # None while the speed is unknown
    file: str = ""
    files_done: int = 0
    files_total: int = 0
    idle_s: float = 0.0  # seconds since the last bytes arrived (for "stalled")
    resumed_from: int = 0  # bytes that were already on disk when this run started

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.bytes_done / self.bytes_total) if self.bytes_total else None


ProgressCallback = Callable[[DownloadProgress], None]


@dataclass(frozen=True)
class DownloadOptions:
    # No bytes for this long: the read times out, huggingface_hub retries with a Range request (up to 5 times)
    # and the progress reports "stalled" meanwhile.
    stall_seconds: float = 20.0
    # huggingface_hub reads and writes in pieces of this size; it is also how often progress and cancel are seen.
    chunk_bytes: int = 512 * 1024
    # Free space kept beyond the download itself.
    free_margin_bytes: int = 64 * 1024 * 1024
    verify: bool = True
    report_interval_s: float = 0.1


@dataclass(frozen=True)
class LocalStatus:
    complete: bool
    bytes_on_disk: int  # downloaded so far (complete files and partial ones)
    bytes_total: int  # 0 when unknown (nothing started)
    commit: str = ""

    @property
    def partial(self) -> bool:
        return not self.complete and self.bytes_on_disk > 0


# -- the download ------------------------------------------------------------------------------------------------

_hub_tuning_lock = threading.Lock()


def _tune_hub(options: DownloadOptions) -> None:
    """Set the knobs huggingface_hub reads from its `constants` module at every call.

    The library reads 10 MB pieces (progress and cancel every 10 MB: a minute apart on a slow line) and times out
    reads after 10 s; it offers no per-call argument for either. They are process-wide, which is acceptable here:
    in the GUI and CLI processes only this module downloads (the model host is another process).
    """
    from huggingface_hub import constants

    with _hub_tuning_lock:
        constants.DOWNLOAD_CHUNK_SIZE = options.chunk_bytes
        constants.HF_HUB_DOWNLOAD_TIMEOUT = options.stall_seconds  # type: ignore[assignment]
        # Inkwell promises no telemetry. Unless told otherwise, huggingface_hub adds the torch version and a
        # detected "AI agent" to its user agent, and fetches {endpoint}/api/agent-harnesses once a day to detect it.
        constants.HF_HUB_DISABLE_TELEMETRY = True


class _SilentBar:
    """Stands in for tqdm so huggingface_hub draws no progress bar of its own; we report through a callback."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __enter__(self) -> _SilentBar:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def update(self, n: float | None = 1) -> None:
        pass


class _Meter:
    """Bytes done, speed and ETA for one download, reported through the callback (from two threads, serialised)."""

    def __init__(
        self,
        repo_id: str,
        on_progress: ProgressCallback | None,
        options: DownloadOptions,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.repo_id = repo_id
        self._on_progress = on_progress
        self._options = options
        self._clock = clock
        self._lock = threading.RLock()
        self.total = 0
        self.files_total = 0
        self.files_done = 0
        self.done_before = 0  # bytes of files finished before the current one
        self.current = 0  # bytes of the current file on disk
        self.file = ""
        self.received = 0  # bytes received in this run, for the speed
        self.resumed_from = 0
        self.state: ProgressState = "checking"
        self._samples: deque[tuple[float, int]] = deque()
        self.last_data = clock()
        self._last_report = -1e9
        self._pending = False  # a report was skipped to keep the rate down; the watchdog sends it

    @property
    def done(self) -> int:
        return self.done_before + self.current

    def speed(self, now: float) -> float:
        window = 5.0
        while len(self._samples) > 1 and now - self._samples[0][0] > window:
            self._samples.popleft()
        if not self._samples:
            return 0.0
        start_time, start_bytes = self._samples[0]
        elapsed = max(now - start_time, 0.5)
        return (self.received - start_bytes) / elapsed

    def snapshot(self, now: float) -> DownloadProgress:
        speed = self.speed(now)
        remaining = max(self.total - self.done, 0)
        eta = remaining / speed if speed > 0 and self.total else None
        return DownloadProgress(
            repo_id=self.repo_id,
            state=self.state,
            bytes_done=self.done,
            bytes_total=self.total,
            speed=speed,
            eta_s=eta,
            file=self.file,
            files_done=self.files_done,
            files_total=self.files_total,
            idle_s=max(0.0, now - self.last_data),
            resumed_from=self.resumed_from,
        )

    def report(self, state: ProgressState | None = None, *, force: bool = False) -> None:
        with self._lock:
            now = self._clock()
            changed = state is not None and state != self.state
            if state is not None:
                self.state = state
            if not (force or changed) and now - self._last_report < self._options.report_interval_s:
                self._pending = True
                return
            self._last_report = now
            self._pending = False
            progress = self.snapshot(now)
            if self._on_progress is not None:
                self._on_progress(progress)

    def start(self, total: int, files_total: int, on_disk: int) -> None:
        with self._lock:
            self.total, self.files_total, self.resumed_from = total, files_total, on_disk
            now = self._clock()
            self.last_data = now
            self._samples.clear()
            self._samples.append((now, self.received))

    def start_file(self, name: str, on_disk: int) -> None:
        with self._lock:
            self.file, self.current = name, on_disk
            # The wait for a new request is not a stall, nor is the time the previous file took to verify.
            self.last_data = self._clock()

    def finish_file(self, size: int) -> None:
        with self._lock:
            self.done_before += size
            self.current = 0
            self.files_done += 1

    def skip_file(self, size: int) -> None:
        self.finish_file(size)

    def set_current(self, on_disk: int) -> None:
        with self._lock:
            self.current = on_disk

    def add(self, count: int) -> None:
        with self._lock:
            now = self._clock()
            self.current += count
            self.received += count
            self.last_data = now
            self._samples.append((now, self.received))
            stalled = self.state == "stalled"
        self.report("downloading" if stalled else None)

    def tick(self) -> None:
        """Called by the watchdog: report a stall, and keep speed and ETA moving when no bytes arrive."""
        with self._lock:
            now = self._clock()
            idle = now - self.last_data
            if self.state == "downloading" and idle >= self._options.stall_seconds:
                log.warning("download of %s stalled: no data for %.0f s", self.repo_id, idle)
                self.report("stalled")
            elif self._pending or now - self._last_report >= 0.5:
                self.report(force=True)


class _MeteredFile:
    """The partial file as `http_get` sees it: counts bytes and sees Cancel between pieces."""

    def __init__(self, raw: BinaryIO, meter: _Meter, cancel: threading.Event) -> None:
        self._raw = raw
        self._meter = meter
        self._cancel = cancel

    def write(self, data: bytes) -> int:
        if self._cancel.is_set():
            raise DownloadCancelled()
        written = self._raw.write(data)
        self._meter.add(len(data))
        return written

    def tell(self) -> int:
        return self._raw.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._raw.seek(offset, whence)

    def truncate(self, size: int | None = None) -> int:
        # http_get rewinds when a server ignores the Range header and sends the whole file again.
        result = self._raw.truncate(size)
        self._meter.set_current(self._raw.tell())
        return result

    def flush(self) -> None:
        self._raw.flush()


class _Watchdog:
    def __init__(self, meter: _Meter, interval: float) -> None:
        self._meter = meter
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"download-watchdog {meter.repo_id}", daemon=True)

    def __enter__(self) -> _Watchdog:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self._meter.tick()
            except Exception:  # a failing progress callback must not end the watchdog silently
                log.exception("download progress report failed")


@dataclass
class _State:
    """What a partial download has on disk, kept in `.inkwell-partial/state.json` across restarts."""

    repo_id: str
    commit: str
    files: dict[str, dict[str, Any]]  # name -> {"size", "etag", "done"}
    allow_pickle: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"repo_id": self.repo_id, "commit": self.commit, "files": self.files, "allow_pickle": self.allow_pickle}


def _write_json_atomic(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    scratch.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    os.replace(scratch, path)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The completion record of a downloaded model folder, or None when it is not complete."""
    data = _read_json(folder / MANIFEST)
    if data is None or data.get("format") != MANIFEST_FORMAT or not isinstance(data.get("files"), dict):
        return None
    return data


def manifest_problem(folder: Path) -> str | None:
    """Why a downloaded folder is not usable (missing or wrong-sized files), or None."""
    manifest = read_manifest(folder)
    if manifest is None:
        return "not completely downloaded"
    for name, size in manifest["files"].items():
        path = folder / name
        if not path.is_file():
            return f"missing {name}"
        if path.stat().st_size != size:
            return f"{name} has the wrong size"
    return None


def _hash_file(path: Path, algorithm: str, prefix: bytes = b"") -> str:
    digest = hashlib.new(algorithm)
    digest.update(prefix)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def file_matches(path: Path, remote: RemoteFile) -> bool:
    """The Hub's own checks: SHA-256 for LFS files, the git blob id (sha1 of "blob <size>\\0" + data) otherwise."""
    if path.stat().st_size != remote.size:
        return False
    if remote.lfs:
        return _hash_file(path, "sha256") == remote.etag
    return _hash_file(path, "sha1", f"blob {remote.size}\0".encode()) == remote.etag


def _free_bytes(folder: Path) -> int:
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return shutil.disk_usage(candidate).free
    return 0


@dataclass
class Downloader:
    """Downloads Hub models into `root/<owner>--<name>`. Thread-safe for different models; one download per
    model at a time (a file lock also keeps a second Inkwell process off the same folder)."""

    root: Path
    endpoint: str | None = None  # None: $HF_ENDPOINT read at each call, else huggingface.co
    options: DownloadOptions = field(default_factory=DownloadOptions)

    def hub_endpoint(self) -> str:
        return (self.endpoint or os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")

    def folder_for(self, repo_id: str) -> Path:
        return self.root / folder_name(repo_id)

    def _partial(self, repo_id: str) -> Path:
        return self.folder_for(repo_id) / PARTIAL_DIR

    def _lock(self, repo_id: str) -> FileLock:
        from filelock import FileLock  # here: the window imports this module at start, filelock loads slowly

        locks = self.root / ".locks"
        locks.mkdir(parents=True, exist_ok=True)
        return FileLock(str(locks / f"{folder_name(repo_id)}.lock"))

    # -- on disk ---------------------------------------------------------------------------------------------
    def local_status(self, repo_id: str) -> LocalStatus:
        folder = self.folder_for(repo_id)
        manifest = read_manifest(folder)
        if manifest is not None and manifest_problem(folder) is None:
            size = sum(int(v) for v in manifest["files"].values())
            return LocalStatus(True, size, size, str(manifest.get("commit", "")))
        state = self._read_state(repo_id)
        if state is None:
            return LocalStatus(False, 0, 0)
        total = on_disk = 0
        for name, record in state.files.items():
            size = int(record.get("size", 0))
            total += size
            if record.get("done") and (folder / name).is_file():
                on_disk += size
            else:
                part = self._partial(repo_id) / f"{name}.part"
                if part.is_file():
                    on_disk += min(part.stat().st_size, size)
        return LocalStatus(False, on_disk, total, state.commit)

    def delete(self, repo_id: str) -> None:
        """Delete a downloaded (or partly downloaded) model's files. Raises DownloadError while it downloads."""
        from filelock import Timeout

        lock = self._lock(repo_id)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise DownloadError(
                DownloadErrorKind.BUSY,
                QT_TRANSLATE_NOOP("Downloads", "{repo_id} is being downloaded. Cancel the download first."),
                repo_id=repo_id,
            ) from None
        try:
            folder = self.folder_for(repo_id)
            if folder.exists():
                shutil.rmtree(folder)
        finally:
            lock.release()

    def _read_state(self, repo_id: str) -> _State | None:
        data = _read_json(self._partial(repo_id) / STATE_FILE)
        if data is None or data.get("repo_id") != repo_id or not isinstance(data.get("files"), dict):
            return None
        return _State(repo_id, str(data.get("commit", "")), data["files"], bool(data.get("allow_pickle", False)))

    def _write_state(self, state: _State) -> None:
        _write_json_atomic(self._partial(state.repo_id) / STATE_FILE, state.to_json())

    # -- network ---------------------------------------------------------------------------------------------
    def plan(
        self, repo_id: str, *, token: str | None = None, revision: str | None = None, allow_pickle: bool = False
    ) -> DownloadPlan:
        """Ask the Hub which files the model needs and how big they are (one API call)."""
        if not is_repo_id(repo_id):
            raise DownloadError(
                DownloadErrorKind.NOT_FOUND,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "“{repo_id}” is not a Hugging Face model id. Ids look like owner/name, for example "
                    "Qwen/Qwen2.5-1.5B-Instruct.",
                ),
                repo_id=repo_id,
            )
        try:
            return self._plan(repo_id, token, revision, allow_pickle)
        except DownloadError:
            raise
        except Exception as exc:
            raise self.explain(exc, repo_id, token=token) from exc

    def _plan(self, repo_id: str, token: str | None, revision: str | None, allow_pickle: bool) -> DownloadPlan:
        from huggingface_hub import HfApi

        _tune_hub(self.options)
        api = HfApi(endpoint=self.hub_endpoint(), library_name="inkwell", library_version=__version__)
        # huggingface_hub waits forever by default; a Hub that accepts the connection but never answers is a stall.
        info = api.model_info(
            repo_id,
            revision=revision,
            files_metadata=True,
            token=token or None,
            timeout=max(self.options.stall_seconds, 10.0),
        )
        siblings = {sibling.rfilename: sibling for sibling in info.siblings or []}
        chosen = select_files(siblings, allow_pickle=allow_pickle)
        files = []
        for name in chosen:
            sibling = siblings[name]
            lfs = sibling.lfs
            if lfs is not None:
                files.append(RemoteFile(name, int(lfs.size), str(lfs.sha256), True))
            else:
                files.append(RemoteFile(name, int(sibling.size or 0), str(sibling.blob_id or ""), False))
        if not info.sha:
            raise DownloadError(
                DownloadErrorKind.SERVER,
                QT_TRANSLATE_NOOP("Downloads", "The Hub did not say which version of {repo_id} to download."),
                repo_id=repo_id,
            )
        return DownloadPlan(repo_id, info.sha, tuple(files), bool(info.gated))

    def download(
        self,
        repo_id: str,
        *,
        token: str | None = None,
        allow_pickle: bool = False,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> Path:
        """Download (or finish downloading) `repo_id`; returns the model folder.

        Raises DownloadCancelled when `cancel` is set (the partial files stay for a resume) and DownloadError,
        in plain words, for everything else. Blocking: call it from a worker thread.
        """
        cancel = cancel or threading.Event()
        meter = _Meter(repo_id, on_progress, self.options)
        folder = self.folder_for(repo_id)
        if self.local_status(repo_id).complete:
            size = self.local_status(repo_id).bytes_total
            meter.start(size, 0, size)
            meter.done_before = size
            meter.report("done", force=True)
            return folder
        from filelock import Timeout

        lock = self._lock(repo_id)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise DownloadError(
                DownloadErrorKind.BUSY,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "{repo_id} is already being downloaded, by this window or another Inkwell. Wait for it to "
                    "finish or cancel it there.",
                ),
                repo_id=repo_id,
            ) from None
        try:
            meter.report("checking", force=True)
            _tune_hub(self.options)
            with _Watchdog(meter, interval=min(0.25, self.options.stall_seconds / 4)):
                self._download_locked(repo_id, folder, token, allow_pickle, meter, cancel)
            meter.report("done", force=True)
            return folder
        except (DownloadCancelled, DownloadError):
            raise
        except Exception as exc:
            raise self.explain(exc, repo_id, token=token, folder=folder) from exc
        finally:
            lock.release()

    def _download_locked(
        self,
        repo_id: str,
        folder: Path,
        token: str | None,
        allow_pickle: bool,
        meter: _Meter,
        cancel: threading.Event,
    ) -> None:
        state = self._read_state(repo_id)
        plan: DownloadPlan | None = None
        if state is not None:
            # Resume the version we started, even if the repository moved on since: its parts match it.
            try:
                plan = self.plan(repo_id, token=token, revision=state.commit, allow_pickle=allow_pickle)
            except DownloadError as exc:
                from huggingface_hub.errors import RevisionNotFoundError

                if not isinstance(exc.__cause__, RevisionNotFoundError):
                    raise
                log.info("%s: version %s is gone from the Hub; continuing with the current one", repo_id, state.commit)
        if plan is None:
            plan = self.plan(repo_id, token=token, allow_pickle=allow_pickle)
        if cancel.is_set():
            raise DownloadCancelled()
        partial = self._partial(repo_id)
        if state is None:
            if partial.exists():
                shutil.rmtree(partial)
            state = _State(repo_id, plan.commit, {}, allow_pickle)
        state.commit = plan.commit
        # Keep records of the planned files only; a part or file whose content differs on the Hub now is dropped
        # (a new version often changes only the README, and then every part is still good).
        records: dict[str, dict[str, Any]] = {}
        for remote in plan.files:
            old = state.files.get(remote.name, {})
            same = old.get("etag") == remote.etag and int(old.get("size", -1)) == remote.size
            if not same:
                (partial / f"{remote.name}.part").unlink(missing_ok=True)
            records[remote.name] = {"size": remote.size, "etag": remote.etag, "done": bool(same and old.get("done"))}
        state.files = records
        self._write_state(state)

        on_disk = 0
        needed = 0
        for remote in plan.files:
            if records[remote.name]["done"] and (folder / remote.name).is_file():
                on_disk += remote.size
                continue
            part = partial / f"{remote.name}.part"
            have = part.stat().st_size if part.is_file() else 0
            if have > remote.size:
                part.unlink()
                have = 0
            on_disk += have
            needed += remote.size - have
        self._check_space(folder, needed, repo_id)
        meter.start(plan.total_bytes, len(plan.files), on_disk)
        meter.report("downloading", force=True)

        from huggingface_hub.utils import build_hf_headers

        headers = build_hf_headers(token=token or None, library_name="inkwell", library_version=__version__)
        # Ranges count bytes of the stored file, so nothing may be compressed on the way.
        headers["Accept-Encoding"] = "identity"
        for remote in plan.files:
            if cancel.is_set():
                raise DownloadCancelled()
            destination = folder / remote.name
            if records[remote.name]["done"] and destination.is_file():
                meter.skip_file(remote.size)
                continue
            self._fetch(repo_id, plan.commit, remote, destination, partial, headers, meter, cancel)
            records[remote.name]["done"] = True
            self._write_state(state)
            meter.finish_file(remote.size)
        _write_json_atomic(
            folder / MANIFEST,
            {
                "format": MANIFEST_FORMAT,
                "repo_id": repo_id,
                "commit": plan.commit,
                "files": {remote.name: remote.size for remote in plan.files},
                "allow_pickle": allow_pickle,
                "downloaded_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            },
        )
        shutil.rmtree(partial, ignore_errors=True)

    def _fetch(
        self,
        repo_id: str,
        commit: str,
        remote: RemoteFile,
        destination: Path,
        partial: Path,
        headers: dict[str, str],
        meter: _Meter,
        cancel: threading.Event,
    ) -> None:
        from huggingface_hub import hf_hub_url
        from huggingface_hub.file_download import http_get

        part = partial / f"{remote.name}.part"
        part.parent.mkdir(parents=True, exist_ok=True)
        url = hf_hub_url(repo_id, remote.name, revision=commit, endpoint=self.hub_endpoint())
        for attempt in (1, 2):
            with part.open("ab") as raw:
                resume = raw.tell()
                meter.start_file(remote.name, resume)
                meter.report("downloading")
                http_get(
                    url,
                    cast(BinaryIO, _MeteredFile(raw, meter, cancel)),
                    resume_size=resume,
                    headers=dict(headers),
                    expected_size=remote.size,
                    displayed_filename=remote.name,
                    tqdm_class=cast(Any, _SilentBar),
                )
            if not self.options.verify or not remote.etag:
                break
            meter.report("verifying", force=True)
            if file_matches(part, remote):
                break
            log.warning("%s of %s does not match the Hub's checksum (attempt %d)", remote.name, repo_id, attempt)
            part.unlink()
            meter.set_current(0)
            if attempt == 2:
                raise DownloadError(
                    DownloadErrorKind.INTEGRITY,
                    QT_TRANSLATE_NOOP(
                        "Downloads",
                        "{file} of {repo_id} arrived damaged twice (its checksum does not match the Hub's). "
                        "Try again later, or from another network.",
                    ),
                    file=remote.name,
                    repo_id=repo_id,
                )
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, destination)

    def _check_space(self, folder: Path, needed: int, repo_id: str) -> None:
        free = _free_bytes(folder)
        if free < needed + self.options.free_margin_bytes:
            raise DownloadError(
                DownloadErrorKind.NO_SPACE,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "Not enough disk space for {repo_id}: it needs {needed} more, and only {free} is free in "
                    "{folder}. Free some space, then try again.",
                ),
                repo_id=repo_id,
                needed=format_bytes(needed),
                free=format_bytes(free),
                folder=str(folder.parent),
            )

    # -- errors ----------------------------------------------------------------------------------------------
    def explain(
        self, exc: BaseException, repo_id: str, *, token: str | None = None, folder: Path | None = None
    ) -> DownloadError:
        """Plain words for whatever went wrong; the original goes into `detail` for the log."""
        from huggingface_hub.errors import (
            GatedRepoError,
            HfHubHTTPError,
            OfflineModeIsEnabled,
            RemoteEntryNotFoundError,
            RepositoryNotFoundError,
            RevisionNotFoundError,
        )

        http = _hub_http_library()
        detail = f"{type(exc).__name__}: {exc}"
        page = f"{self.hub_endpoint()}/{repo_id}"
        host = urlparse(self.hub_endpoint()).netloc or self.hub_endpoint()
        where = str(folder or self.root)

        def error(kind: DownloadErrorKind, template: str, **params: object) -> DownloadError:
            return DownloadError(kind, template, detail, repo_id=repo_id, page=page, host=host, **params)

        if isinstance(exc, DownloadError):
            return exc
        if isinstance(exc, GatedRepoError):
            status = exc.response.status_code if exc.response is not None else 0
            if not token or status == 401:
                return error(
                    DownloadErrorKind.GATED,
                    QT_TRANSLATE_NOOP(
                        "Downloads",
                        "{repo_id} is gated: its authors ask you to accept their licence first. Accept it on "
                        "{page} while logged in to Hugging Face, then add your access token in the Model manager "
                        "and try again.",
                    ),
                )
            return error(
                DownloadErrorKind.NO_ACCESS,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "Your Hugging Face token has no access to {repo_id} yet. Accept the licence on {page} with "
                    "the account the token belongs to (approval can take a while), then try again.",
                ),
            )
        if isinstance(exc, RevisionNotFoundError):
            return error(
                DownloadErrorKind.NOT_FOUND,
                QT_TRANSLATE_NOOP("Downloads", "That version of {repo_id} does not exist on the Hub."),
            )
        if isinstance(exc, RemoteEntryNotFoundError):
            return error(
                DownloadErrorKind.NOT_FOUND,
                QT_TRANSLATE_NOOP(
                    "Downloads", "A file of {repo_id} is no longer on the Hub. Delete the download and start again."
                ),
            )
        if isinstance(exc, RepositoryNotFoundError):
            return error(
                DownloadErrorKind.NOT_FOUND,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "There is no model {repo_id} on {host}, or it is private. Check the name; for a private "
                    "model, add an access token that may read it.",
                ),
            )
        if isinstance(exc, HfHubHTTPError):
            status = exc.response.status_code if exc.response is not None else 0
            if status == 401:
                return error(
                    DownloadErrorKind.BAD_TOKEN,
                    QT_TRANSLATE_NOOP(
                        "Downloads",
                        "Hugging Face did not accept your access token. Check it in the Model manager, or remove "
                        "it to download public models.",
                    ),
                )
            if status == 403:
                return error(
                    DownloadErrorKind.NO_ACCESS,
                    QT_TRANSLATE_NOOP(
                        "Downloads",
                        "Hugging Face refused access to {repo_id} (HTTP 403). Check that your token may read "
                        "this model.",
                    ),
                )
            if status == 404:
                return error(
                    DownloadErrorKind.NOT_FOUND,
                    QT_TRANSLATE_NOOP("Downloads", "There is no model {repo_id} on {host}. Check the name."),
                )
            return error(
                DownloadErrorKind.SERVER,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "The Hugging Face Hub answered with an error (HTTP {status}). Try again later; the download "
                    "continues where it stopped.",
                ),
                status=status,
            )
        if isinstance(exc, OfflineModeIsEnabled):
            return error(
                DownloadErrorKind.OFFLINE,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "Downloads are switched off on this computer (HF_HUB_OFFLINE is set). Unset it to download.",
                ),
            )
        if isinstance(exc, http.TimeoutException) and not isinstance(exc, http.ConnectTimeout):
            return error(
                DownloadErrorKind.STALLED,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "The download of {repo_id} stalled: no data arrived for {seconds} seconds, even after several "
                    "retries. Check your connection and press Resume; it continues where it stopped.",
                ),
                seconds=f"{self.options.stall_seconds:g}",
            )
        if isinstance(exc, http.ConnectError | http.ConnectTimeout):
            text = str(exc).lower()
            if "refused" in text:
                reason = QT_TRANSLATE_NOOP("Downloads", "the connection was refused")
            elif "name" in text or "resolve" in text or "nodename" in text:
                reason = QT_TRANSLATE_NOOP("Downloads", "the name could not be looked up")
            else:
                reason = QT_TRANSLATE_NOOP("Downloads", "no connection")
            return error(
                DownloadErrorKind.NETWORK,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "Could not connect to the Hugging Face Hub at {host} ({reason}). Check your internet connection "
                    "or proxy, then press Resume; the download continues where it stopped.",
                ),
                reason=reason,
            )
        if isinstance(exc, http.TransportError):
            return error(
                DownloadErrorKind.NETWORK,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "The connection to the Hugging Face Hub kept breaking off. Press Resume to continue where it "
                    "stopped.",
                ),
            )
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return error(
                DownloadErrorKind.DISK_FULL,
                QT_TRANSLATE_NOOP(
                    "Downloads",
                    "The disk is full: there is no room left in {folder}. Free some space and press Resume; the "
                    "download continues where it stopped.",
                ),
                folder=where,
            )
        if isinstance(exc, OSError) and "consistency check failed" in str(exc).lower():
            return error(
                DownloadErrorKind.NETWORK,
                QT_TRANSLATE_NOOP(
                    "Downloads", "A file of {repo_id} arrived incomplete. Press Resume to fetch the rest."
                ),
            )
        if isinstance(exc, OSError):
            return error(
                DownloadErrorKind.WRITE_FAILED,
                QT_TRANSLATE_NOOP(
                    "Downloads", "Inkwell could not write the model to {folder} ({reason}). Check that folder."
                ),
                folder=where,
                reason=exc.strerror or type(exc).__name__,
            )
        return error(
            DownloadErrorKind.INTERNAL,
            QT_TRANSLATE_NOOP(
                "Downloads",
                "The download of {repo_id} failed unexpectedly ({error}). Press Resume to try again; the log has "
                "the details.",
            ),
            error=type(exc).__name__,
        )


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def _hub_http_library() -> Any:
    """The HTTP library huggingface_hub raises its transfer errors from: httpx2 in hub 2.x, httpx before."""
    try:
        import httpx2

        return httpx2
    except ImportError:
        import httpx

        return httpx
