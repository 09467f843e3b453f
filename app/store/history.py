"""Version history of documents: snapshots in one SQLite file in the user's data folder.

A snapshot is taken on every save, before every accepted AI edit or pane replacement, before a reload from disk and
before a restore, labelled with what made it. SQLite commits are atomic, so a crash loses at most the snapshot being
written, never an earlier one. Pruning policy (per document, applied after each new snapshot):

- every snapshot of the last 24 hours is kept;
- older ones: the newest of each calendar day is kept, for 90 days;
- never more than MAX_PER_DOCUMENT snapshots or MAX_BYTES_PER_DOCUMENT of text per document (the oldest go first).

Not thread-safe: use one instance from one thread (the window's history runner).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

DAY_S = 24 * 3600
KEEP_ALL_S = DAY_S
KEEP_DAILY_S = 90 * DAY_S
MAX_PER_DOCUMENT = 200
MAX_BYTES_PER_DOCUMENT = 200 * 1024 * 1024

_SCHEMA = """
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document TEXT NOT NULL,
    label TEXT NOT NULL,
    created REAL NOT NULL,
    size INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_by_document ON snapshots (document, created);
"""


@dataclass(frozen=True)
class Snapshot:
    id: int
    document: str
    label: str
    created: float  # seconds since the epoch
    size: int  # characters


def default_path(data: Path) -> Path:
    return data / "history.sqlite3"


def document_key(path: Path | None, document_id: str) -> str:
    """Files by their path (history survives closing and reopening); untitled documents by their id."""
    return f"file:{path.resolve()}" if path is not None else f"untitled:{document_id}"


class HistoryStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path))
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def add(self, document: str, label: str, text: str, created: float | None = None) -> Snapshot | None:
        """Keep `text` as a version of `document`; None when it is the same as the latest one (nothing new)."""
        latest = self._db.execute(
            "SELECT text FROM snapshots WHERE document = ? ORDER BY created DESC, id DESC LIMIT 1", (document,)
        ).fetchone()
        if latest is not None and latest[0] == text:
            return None
        when = time.time() if created is None else created
        with self._db:
            cursor = self._db.execute(
                "INSERT INTO snapshots (document, label, created, size, text) VALUES (?, ?, ?, ?, ?)",
                (document, label, when, len(text), text),
            )
        snapshot = Snapshot(int(cursor.lastrowid or 0), document, label, when, len(text))
        self.prune(document, now=when)
        return snapshot

    def snapshots(self, document: str) -> list[Snapshot]:
        """Newest first."""
        rows = self._db.execute(
            "SELECT id, document, label, created, size FROM snapshots WHERE document = ? "
            "ORDER BY created DESC, id DESC",
            (document,),
        ).fetchall()
        return [Snapshot(*row) for row in rows]

    def text(self, snapshot_id: int) -> str:
        row = self._db.execute("SELECT text FROM snapshots WHERE id = ?", (snapshot_id,)).fetchone()
        if row is None:
            raise KeyError(snapshot_id)
        return str(row[0])

    def rename(self, old: str, new: str) -> None:
        """A document saved under a new name (or an untitled one saved for the first time) keeps its history."""
        with self._db:
            self._db.execute("UPDATE snapshots SET document = ? WHERE document = ?", (new, old))

    def prune(self, document: str, now: float | None = None) -> int:
        """Apply the policy in the module's docstring; the number of snapshots removed."""
        now = time.time() if now is None else now
        snapshots = self.snapshots(document)  # newest first
        keep: list[Snapshot] = []
        days_seen: set[str] = set()
        for snapshot in snapshots:
            age = now - snapshot.created
            if age <= KEEP_ALL_S:
                keep.append(snapshot)
            elif age <= KEEP_DAILY_S:
                day = time.strftime("%Y-%m-%d", time.localtime(snapshot.created))
                if day not in days_seen:
                    days_seen.add(day)
                    keep.append(snapshot)
        total = 0
        capped: list[Snapshot] = []
        for snapshot in keep:
            if len(capped) >= MAX_PER_DOCUMENT or total + snapshot.size > MAX_BYTES_PER_DOCUMENT:
                break
            capped.append(snapshot)
            total += snapshot.size
        kept_ids = {s.id for s in capped}
        gone = [s.id for s in snapshots if s.id not in kept_ids]
        if gone:
            with self._db:
                self._db.executemany("DELETE FROM snapshots WHERE id = ?", [(i,) for i in gone])
        return len(gone)

    def close(self) -> None:
        self._db.close()
