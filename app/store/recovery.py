"""Recovery files: the unsaved text of every open document, written atomically every few seconds.

Each running Inkwell writes into its own folder under <data>/recovery and holds a lock on it; a folder whose lock
is free belonged to an instance that crashed or was killed, and its files are offered at the next start. A clean
close removes the instance's folder.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock, Timeout

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecoveryRecord:
    doc_id: str
    title: str
    text: str
    path: str = ""  # the file it belongs to; "" for an untitled document
    cursor: int = 0
    encoding: str = "utf-8"
    saved_at: float = 0.0  # seconds since the epoch
    endings: str = ""  # the file's line endings, one letter per line (store/line_endings.pack)
    dominant_ending: str = "\n"

    @property
    def words(self) -> int:
        return len(self.text.split())


def _write_json_atomic(path: Path, payload: dict[str, object]) -> None:
    scratch = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with scratch.open("w", encoding="utf-8") as handle:
        json.dump(payload, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(scratch, path)


def _read_record(path: Path) -> RecoveryRecord | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return RecoveryRecord(**{k: data[k] for k in RecoveryRecord.__dataclass_fields__ if k in data})
    except (OSError, ValueError, TypeError) as exc:
        log.warning("unreadable recovery file %s: %s", path, exc)
        return None


class RecoveryStore:
    """This instance's recovery folder. Not thread-safe: use it from one thread (the autosave writer)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.folder = root / f"session-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.folder.mkdir()
        self._lock = FileLock(str(self.folder) + ".lock")
        self._lock.acquire(timeout=0)

    def write(self, record: RecoveryRecord) -> None:
        payload = asdict(record)
        payload["saved_at"] = record.saved_at or time.time()
        _write_json_atomic(self.folder / f"{record.doc_id}.json", payload)

    def remove(self, doc_id: str) -> None:
        (self.folder / f"{doc_id}.json").unlink(missing_ok=True)

    def close(self) -> None:
        """A clean close: nothing to recover from this instance."""
        shutil.rmtree(self.folder, ignore_errors=True)
        self._lock.release()
        Path(str(self.folder) + ".lock").unlink(missing_ok=True)


def orphaned_sessions(root: Path) -> list[Path]:
    """Recovery folders of instances that ended without a clean close (their lock is free)."""
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.glob("session-*")):
        if not folder.is_dir():
            continue
        lock = FileLock(str(folder) + ".lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            continue  # another Inkwell is running and owns it
        lock.release()
        found.append(folder)
    return found


def recoverable(root: Path) -> list[RecoveryRecord]:
    records = []
    for folder in orphaned_sessions(root):
        for path in sorted(folder.glob("*.json")):
            record = _read_record(path)
            if record is not None and record.text:
                records.append(record)
    return sorted(records, key=lambda r: r.saved_at)


def discard_orphans(root: Path) -> None:
    """After the user restored or declined: the old instances' files are no longer needed."""
    for folder in orphaned_sessions(root):
        shutil.rmtree(folder, ignore_errors=True)
        Path(str(folder) + ".lock").unlink(missing_ok=True)
