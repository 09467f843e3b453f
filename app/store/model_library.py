"""The user's models: the embedded one, models downloaded from the Hub, and folders / .gguf files the user added.

Downloaded models are found on disk, in the downloads folder (app/engine/downloads.py), so a folder deleted by hand
never leaves a stale entry. Folders and .gguf files the user added are remembered in `<data>/model-library.json`,
written atomically (a scratch file renamed over the old one). Removing a user-added entry only forgets it: Inkwell
never deletes files it did not download. Deleting a downloaded model deletes its folder.

No Qt, no network, no torch: the Model manager's controller calls this from a worker thread for anything that
touches big files (sizes, deletes), and `inkwell models` calls it directly.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from app.engine.catalog import EMBEDDED, CatalogEntry, by_repo_id
from app.engine.downloads import (
    PARTIAL_DIR,
    Downloader,
    DownloadError,
    downloads_root,
    read_manifest,
)
from app.engine.models import EMBEDDED_INSTALL_HINT, embedded_gguf, looks_like_model_folder
from app.engine.requests import ModelSpec
from app.paths import AppPaths
from app.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

LIBRARY_FILE = "model-library.json"
LIBRARY_FORMAT = 1
EMBEDDED_KEY = "embedded"

EntryKind = Literal["embedded", "downloaded", "partial", "folder", "gguf"]


# Why an entry cannot be used; the GUI translates them in context "ModelLibrary".
NOT_INSTALLED = QT_TRANSLATE_NOOP("ModelLibrary", "The built-in model is not installed ({hint}).")
DAMAGED = QT_TRANSLATE_NOOP(
    "ModelLibrary", "Some of its files are missing or damaged. Delete it and download it again."
)
PARTIAL = QT_TRANSLATE_NOOP("ModelLibrary", "Not completely downloaded.")
FILE_GONE = QT_TRANSLATE_NOOP("ModelLibrary", "The file is no longer there.")
FOLDER_GONE = QT_TRANSLATE_NOOP("ModelLibrary", "The folder is no longer there.")
NO_CONFIG = QT_TRANSLATE_NOOP("ModelLibrary", "The folder has no config.json any more.")


class ModelLibraryError(Exception):
    """Plain words for what the user asked that cannot be done; `template` is translated by the GUI."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class LibraryEntry:
    key: str  # "embedded", "hub:<owner/name>" or "path:<absolute path>"
    kind: EntryKind
    name: str
    ref: str  # what ModelSpec.ref takes: "" for the embedded model, else a folder or a .gguf file
    path: Path | None  # the folder, or the .gguf file
    repo_id: str = ""
    size_bytes: int = 0  # on disk now
    total_bytes: int = 0  # the full size (partial downloads)
    catalog: CatalogEntry | None = None
    problem: str = ""  # why it cannot be used now, in plain words ("" when it can)

    @property
    def usable(self) -> bool:
        return self.kind != "partial" and not self.problem

    @property
    def deletes_files(self) -> bool:
        """Removing it deletes files (downloads) rather than only forgetting it (what the user added)."""
        return self.kind in ("downloaded", "partial")

    @property
    def removable(self) -> bool:
        return self.kind != "embedded"

    @property
    def folder(self) -> Path | None:
        """What "Open folder" shows: the model's folder, or the folder holding a .gguf file."""
        if self.path is None:
            return None
        return self.path.parent if self.path.suffix.lower() == ".gguf" else self.path

    def spec(self, base: ModelSpec | None = None) -> ModelSpec:
        """The ModelSpec that loads this model, keeping device and dtype from `base` (the settings)."""
        return replace(base or ModelSpec(), ref=self.ref)


def hub_key(repo_id: str) -> str:
    return f"hub:{repo_id}"


def path_key(path: Path) -> str:
    return f"path:{path}"


def folder_size(folder: Path) -> int:
    """Bytes in `folder` and below (symbolic links not followed). Slow for huge trees: call it off the GUI thread."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += (Path(root) / name).lstat().st_size
            except OSError:
                continue
    return total


class ModelLibrary:
    """Lists and changes the user's models. Safe to call from one worker thread while the GUI reads results."""

    def __init__(self, downloader: Downloader, store_file: Path) -> None:
        self.downloader = downloader
        self.store_file = store_file
        self._lock = threading.Lock()

    @classmethod
    def at(cls, paths: AppPaths, downloader: Downloader | None = None) -> ModelLibrary:
        """The library in the app's data folder, downloads in `downloads_root(paths)`."""
        return cls(downloader or Downloader(downloads_root(paths)), paths.data / LIBRARY_FILE)

    # -- the list ----------------------------------------------------------------------------------------------
    def entries(self) -> list[LibraryEntry]:
        """The embedded model, then downloads (complete and partial), then what the user added."""
        return [self.embedded(), *self.downloads(), *self.user_added()]

    def embedded(self) -> LibraryEntry:
        gguf = embedded_gguf()
        return LibraryEntry(
            key=EMBEDDED_KEY,
            kind="embedded",
            name=EMBEDDED.name,
            ref="",
            path=gguf,
            size_bytes=gguf.stat().st_size if gguf else 0,
            catalog=EMBEDDED,
            problem="" if gguf else NOT_INSTALLED.format(hint=EMBEDDED_INSTALL_HINT),
        )

    def downloads(self) -> list[LibraryEntry]:
        root = self.downloader.root
        if not root.is_dir():
            return []
        found = []
        for folder in sorted(root.iterdir(), key=lambda p: p.name.lower()):
            if not folder.is_dir() or folder.name.startswith("."):
                continue
            entry = self._download_entry(folder)
            if entry is not None:
                found.append(entry)
        return found

    def _download_entry(self, folder: Path) -> LibraryEntry | None:
        manifest = read_manifest(folder)
        repo_id = str(manifest.get("repo_id", "")) if manifest else self._partial_repo_id(folder)
        if not repo_id:
            return None
        status = self.downloader.local_status(repo_id)
        catalog = by_repo_id(repo_id)
        name = catalog.name if catalog else repo_id
        key = hub_key(repo_id)
        entry = functools.partial(
            LibraryEntry, key=key, name=name, ref=str(folder), path=folder, repo_id=repo_id, catalog=catalog
        )
        if status.complete:
            return entry(kind="downloaded", size_bytes=folder_size(folder), total_bytes=status.bytes_total)
        if manifest is not None and not status.partial:
            return entry(kind="downloaded", size_bytes=folder_size(folder), problem=DAMAGED)
        return entry(kind="partial", size_bytes=status.bytes_on_disk, total_bytes=status.bytes_total, problem=PARTIAL)

    @staticmethod
    def _partial_repo_id(folder: Path) -> str:
        try:
            data = json.loads((folder / PARTIAL_DIR / "state.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return ""
        repo_id = data.get("repo_id") if isinstance(data, dict) else None
        return repo_id if isinstance(repo_id, str) else ""

    def user_added(self) -> list[LibraryEntry]:
        entries = []
        for record in self._load()["models"]:
            path = Path(record["path"])
            kind: EntryKind = "gguf" if record.get("kind") == "gguf" else "folder"
            problem = ""
            size = 0
            if kind == "gguf":
                if path.is_file():
                    size = path.stat().st_size
                else:
                    problem = FILE_GONE
            elif path.is_dir():
                size = folder_size(path)
                if not looks_like_model_folder(path):
                    problem = NO_CONFIG
            else:
                problem = FOLDER_GONE
            entries.append(
                LibraryEntry(
                    key=path_key(path),
                    kind=kind,
                    name=str(record.get("name") or (path.stem if kind == "gguf" else path.name)),
                    ref=str(path),
                    path=path,
                    size_bytes=size,
                    problem=problem,
                )
            )
        return entries

    def find(self, key: str) -> LibraryEntry | None:
        if key == EMBEDDED_KEY:
            return self.embedded()
        if key.startswith("hub:"):
            folder = self.downloader.folder_for(key[4:])
            return self._download_entry(folder) if folder.is_dir() else None
        return next((entry for entry in self.user_added() if entry.key == key), None)

    def find_ref(self, ref: str) -> LibraryEntry | None:
        """The entry a ModelSpec.ref points at ("" is the embedded model)."""
        if not ref:
            return self.embedded()
        wanted = Path(ref).expanduser()
        for entry in [*self.downloads(), *self.user_added()]:
            if entry.path is not None and entry.path == wanted:
                return entry
        return None

    # -- changes -----------------------------------------------------------------------------------------------
    def add_folder(self, folder: Path, name: str = "") -> LibraryEntry:
        """Remember a folder holding a Transformers model (config.json and weights)."""
        folder = folder.expanduser().resolve()
        if not folder.is_dir():
            raise ModelLibraryError(QT_TRANSLATE_NOOP("ModelLibrary", "{path} is not a folder."), path=folder)
        if not looks_like_model_folder(folder):
            raise ModelLibraryError(
                QT_TRANSLATE_NOOP(
                    "ModelLibrary",
                    "{path} has no config.json, so it is not a Transformers model folder. Choose the folder that "
                    "holds config.json and the weights, or a .gguf file.",
                ),
                path=folder,
            )
        if not any(folder.glob("*.safetensors")) and not any(folder.glob("*.bin")):
            raise ModelLibraryError(
                QT_TRANSLATE_NOOP("ModelLibrary", "{path} has a config.json but no weights (.safetensors)."),
                path=folder,
            )
        self._remember(folder, "folder", name)
        entry = self.find(path_key(folder))
        assert entry is not None
        return entry

    def add_gguf(self, file: Path, name: str = "") -> LibraryEntry:
        """Remember a .gguf file (Inkwell converts it to a Transformers copy when it is first used)."""
        file = file.expanduser().resolve()
        if not file.is_file() or file.suffix.lower() != ".gguf":
            raise ModelLibraryError(QT_TRANSLATE_NOOP("ModelLibrary", "{path} is not a .gguf file."), path=file)
        try:
            with file.open("rb") as handle:
                magic = handle.read(4)
        except OSError as exc:
            raise ModelLibraryError(
                QT_TRANSLATE_NOOP("ModelLibrary", "{path} cannot be read ({reason})."),
                path=file,
                reason=exc.strerror or type(exc).__name__,
            ) from exc
        if magic != b"GGUF":
            raise ModelLibraryError(
                QT_TRANSLATE_NOOP("ModelLibrary", "{path} is not a GGUF model file (its header is wrong)."),
                path=file,
            )
        self._remember(file, "gguf", name)
        entry = self.find(path_key(file))
        assert entry is not None
        return entry

    def remove(self, key: str) -> None:
        """Forget a user-added model, or delete a downloaded one's files. The embedded model stays."""
        entry = self.find(key)
        if entry is None:
            return
        if entry.kind == "embedded":
            raise ModelLibraryError(
                QT_TRANSLATE_NOOP("ModelLibrary", "The built-in model cannot be removed; it is part of Inkwell.")
            )
        if entry.deletes_files:
            try:
                self.downloader.delete(entry.repo_id)
            except DownloadError as exc:
                raise ModelLibraryError(exc.template, **exc.params) from exc
            except OSError as exc:
                raise ModelLibraryError(
                    QT_TRANSLATE_NOOP("ModelLibrary", "{path} could not be deleted ({reason})."),
                    path=entry.path,
                    reason=exc.strerror or type(exc).__name__,
                ) from exc
            return
        with self._lock:
            data = self._load()
            data["models"] = [record for record in data["models"] if path_key(Path(record["path"])) != key]
            self._save(data)

    # -- the file ----------------------------------------------------------------------------------------------
    def _remember(self, path: Path, kind: str, name: str) -> None:
        with self._lock:
            data = self._load()
            models = [record for record in data["models"] if Path(record["path"]) != path]
            models.append({"path": str(path), "kind": kind, "name": name})
            data["models"] = models
            self._save(data)

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.store_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"format": LIBRARY_FORMAT, "models": []}
        except (OSError, ValueError) as exc:
            # A damaged list must not stop the app; it is kept aside for the user rather than overwritten blindly.
            log.warning("model library %s unreadable (%s); starting a new one", self.store_file, exc)
            self.store_file.replace(self.store_file.with_suffix(".damaged.json"))
            return {"format": LIBRARY_FORMAT, "models": []}
        models = data.get("models") if isinstance(data, dict) else None
        if not isinstance(models, list):
            return {"format": LIBRARY_FORMAT, "models": []}
        valid = [m for m in models if isinstance(m, dict) and isinstance(m.get("path"), str)]
        return {"format": LIBRARY_FORMAT, "models": valid}

    def _save(self, data: dict[str, Any]) -> None:
        self.store_file.parent.mkdir(parents=True, exist_ok=True)
        scratch = self.store_file.with_name(f".{self.store_file.name}.{os.getpid()}.tmp")
        with scratch.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(scratch, self.store_file)
