"""Chat conversations in SQLite: schema versions and migrations, search, soft delete with undo, export.

`ConversationStore` is synchronous and confined to the thread that opened it (sqlite3's default check); the chat
controller runs every call on one background thread so the GUI never waits for the disk. Opening never fails for
the user: a damaged file is moved aside and a fresh one started, a locked file is left alone (a copy is kept)
and the session works in memory, and a file from a newer Inkwell is opened read-only. `OpenReport` says which.
"""

from __future__ import annotations

import contextlib
import enum
import json
import re
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
FILE_NAME = "conversations.sqlite3"
# Waiting this long for another writer at open time tells a briefly busy file from one that stays locked.
OPEN_TIMEOUT_S = 2.0
BUSY_TIMEOUT_MS = 5000
TITLE_CHARS = 48


def default_path(data_folder: Path) -> Path:
    """Where the app keeps conversations: the user data folder from app/paths.py."""
    return data_folder / FILE_NAME


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Conversation:
    id: str
    title: str = ""
    system_prompt: str = ""
    preset: str = ""
    grounded: bool = False  # "Ask about the document" is on for this conversation
    created: float = 0.0
    updated: float = 0.0

    @classmethod
    def new(cls, system_prompt: str = "", preset: str = "", grounded: bool = False) -> Conversation:
        now = time.time()
        return cls(new_id(), "", system_prompt, preset, grounded, now, now)


@dataclass(frozen=True)
class StoredMessage:
    seq: int  # position in the conversation, from 0
    role: str  # "user" or "assistant"
    content: str  # what the user typed or the model answered
    created: float = 0.0
    prompt_content: str = ""  # the user turn exactly as sent to the model (with context), when it differs
    context: str = ""  # text attached to a user message (a selection, a long paste)
    tokens: int | None = None
    stats: Mapping[str, Any] = field(default_factory=dict)
    citations: tuple[Mapping[str, Any], ...] = ()

    @property
    def as_sent(self) -> str:
        return self.prompt_content or self.content


@dataclass(frozen=True)
class SearchHit:
    conversation: Conversation
    snippet: str


class OpenStatus(enum.Enum):
    OK = "ok"
    RECOVERED = "recovered"  # the file was damaged: moved aside, a fresh one started
    LOCKED = "locked"  # another program holds the file: a copy was kept, this session works in memory
    READ_ONLY = "read_only"  # written by a newer Inkwell: readable, not writable
    NEWER_UNREADABLE = "newer_unreadable"  # written by a newer Inkwell in a form this one cannot read: left alone
    UNAVAILABLE = "unavailable"  # could not be opened for another reason (permissions, disk): left alone, in memory


@dataclass(frozen=True)
class OpenReport:
    status: OpenStatus
    path: Path
    backup: Path | None = None
    detail: str = ""  # technical, for the log
    found_version: int = SCHEMA_VERSION


class ReadOnlyStore(Exception):
    """A write to a store opened read-only (a newer schema)."""


# -- schema ------------------------------------------------------------------------------------------------------
def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Statement by statement: executescript() would COMMIT the migration's transaction first."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            conn.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending!r}")


def _migrate_to_1(conn: sqlite3.Connection, fts: bool) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            system_prompt TEXT NOT NULL DEFAULT '',
            preset TEXT NOT NULL DEFAULT '',
            grounded INTEGER NOT NULL DEFAULT 0,
            created REAL NOT NULL,
            updated REAL NOT NULL,
            deleted REAL
        );
        CREATE INDEX conversations_updated ON conversations(updated);
        CREATE TABLE messages (
            conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            role TEXT NOT NULL,
            content TEXT NOT NULL,
            created REAL NOT NULL,
            prompt_content TEXT NOT NULL DEFAULT '',
            context TEXT NOT NULL DEFAULT '',
            tokens INTEGER,
            stats TEXT NOT NULL DEFAULT '{}',
            citations TEXT NOT NULL DEFAULT '[]',
            UNIQUE (conversation_id, seq)
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    )
    if fts:
        _run_script(
            conn,
            """
            CREATE VIRTUAL TABLE messages_fts USING fts5(
                content, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
                INSERT INTO messages_fts(rowid, content) VALUES (new.rowid, new.content);
            END;
            CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
                INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
            END;
            CREATE TRIGGER messages_au AFTER UPDATE OF content ON messages BEGIN
                INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
                INSERT INTO messages_fts(rowid, content) VALUES (new.rowid, new.content);
            END;
            """,
        )
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('fts', ?)", ("1" if fts else "0",))


# MIGRATIONS[n] takes a database from version n to n + 1, inside one transaction.
MIGRATIONS: list[Callable[[sqlite3.Connection, bool], None]] = [_migrate_to_1]
assert len(MIGRATIONS) == SCHEMA_VERSION


def fts5_available() -> bool:
    try:
        conn = sqlite3.connect(":memory:")
        try:
            conn.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def _is_locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _is_damaged(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    markers = ("not a database", "malformed", "quick_check", "corrupt", "disk image")
    return any(m in text for m in markers) or (
        isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)
    )


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


# -- the store ---------------------------------------------------------------------------------------------------
class ConversationStore:
    """One conversations database. Not thread-safe: open it and use it on one thread."""

    def __init__(self, path: Path | str, *, fts: bool | None = None) -> None:
        self.path = Path(path)
        self._want_fts = fts
        self.fts = False
        self.read_only = False
        self.report: OpenReport | None = None
        self._conn: sqlite3.Connection | None = None

    # -- opening -------------------------------------------------------------------------------------------------
    def open(self) -> OpenReport:
        """Open (creating or migrating) the database; never raises for a bad or busy file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fts = fts5_available() if self._want_fts is None else self._want_fts
        try:
            report = self._open_file(fts)
        except sqlite3.Error as exc:
            self.close()
            if _is_locked(exc):
                report = self._open_in_memory_beside_locked(fts, exc)
            elif _is_damaged(exc):
                report = self._recover(fts, exc)
            else:
                # Neither busy nor damaged (a full disk, a permission, a bug): never move the user's file for
                # that; work in memory and say so.
                self._open_memory(fts)
                report = OpenReport(OpenStatus.UNAVAILABLE, self.path, None, f"{type(exc).__name__}: {exc}")
        self.report = report
        return report

    def _connect(self, target: str, *, uri: bool = False) -> sqlite3.Connection:
        conn = sqlite3.connect(target, timeout=OPEN_TIMEOUT_S, uri=uri, isolation_level=None)
        conn.row_factory = sqlite3.Row
        return conn

    def _open_file(self, fts: bool) -> OpenReport:
        conn = self._conn = self._connect(str(self.path))
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            conn.close()
            return self._open_newer(fts, version)
        # Every open checks the pages: a file damaged by a crash or a disk error is caught here, where it can
        # be moved aside, rather than halfway through saving an answer.
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {check}")
        conn.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL: a commit is one append to the log, no fsync; a power cut can lose the
        # last answers but never damages the file.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        self._migrate(conn, version, fts)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        self.fts = self._meta_fts(fts)
        self._purge_deleted()
        return OpenReport(OpenStatus.OK, self.path, found_version=version)

    def _open_newer(self, fts: bool, version: int) -> OpenReport:
        """A newer Inkwell's file is never changed (not even moved aside): read it if we can, else leave it."""
        try:
            self._conn = self._connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            self._conn.execute(f"SELECT {self._COLUMNS} FROM conversations LIMIT 1").fetchall()
            self._conn.execute("SELECT seq, role, content FROM messages LIMIT 1").fetchall()
            self.fts = self._meta_fts(fts)
        except sqlite3.Error as exc:
            self.close()
            self._open_memory(fts)
            return OpenReport(OpenStatus.NEWER_UNREADABLE, self.path, None, str(exc), version)
        self.read_only = True
        return OpenReport(OpenStatus.READ_ONLY, self.path, found_version=version)

    def _meta_fts(self, available: bool) -> bool:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone()
        return available and row is not None and row[0] == "1"

    def _migrate(self, conn: sqlite3.Connection, version: int, fts: bool) -> None:
        for step in range(version, SCHEMA_VERSION):
            # BEGIN IMMEDIATE takes the write lock now: a second Inkwell migrating the same file waits here
            # instead of failing halfway.
            conn.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[step](conn, fts)
                conn.execute(f"PRAGMA user_version={step + 1}")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _recover(self, fts: bool, exc: Exception) -> OpenReport:
        backup = self.path.with_name(f"{self.path.stem}.damaged-{_stamp()}{self.path.suffix}")
        try:
            self.path.replace(backup)
            for sidecar in _sidecars(self.path):
                if sidecar.exists():
                    sidecar.replace(backup.with_name(backup.name + sidecar.name[len(self.path.name) :]))
        except OSError:
            backup_or_none: Path | None = None
        else:
            backup_or_none = backup
        try:
            self._open_file(fts)
        except sqlite3.Error as again:
            self.close()
            self._open_memory(fts)
            return OpenReport(OpenStatus.LOCKED, self.path, backup_or_none, f"{exc}; then {again}")
        return OpenReport(OpenStatus.RECOVERED, self.path, backup_or_none, str(exc))

    def _open_in_memory_beside_locked(self, fts: bool, exc: Exception) -> OpenReport:
        # Moving a file another program is using would take its data from under it (and fails on Windows):
        # keep a copy instead, leave the original alone, and work in memory for this session.
        copy = self.path.with_name(f"{self.path.stem}.locked-{_stamp()}{self.path.suffix}")
        backup: Path | None = copy
        try:
            shutil.copy2(self.path, copy)
            wal = self.path.with_name(self.path.name + "-wal")
            if wal.exists():
                shutil.copy2(wal, copy.with_name(copy.name + "-wal"))
        except OSError:
            backup = None
        self._open_memory(fts)
        return OpenReport(OpenStatus.LOCKED, self.path, backup, str(exc))

    def _open_memory(self, fts: bool) -> None:
        conn = self._conn = self._connect(":memory:")
        conn.execute("PRAGMA foreign_keys=ON")
        self._migrate(conn, 0, fts)
        self.fts = fts

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("the conversation store is not open")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise ReadOnlyStore("the conversations file was written by a newer Inkwell and is open read-only")
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- conversations -------------------------------------------------------------------------------------------
    @staticmethod
    def _conversation(row: sqlite3.Row) -> Conversation:
        return Conversation(
            id=row["id"],
            title=row["title"],
            system_prompt=row["system_prompt"],
            preset=row["preset"],
            grounded=bool(row["grounded"]),
            created=row["created"],
            updated=row["updated"],
        )

    _COLUMNS = "id, title, system_prompt, preset, grounded, created, updated"

    def create(self, conversation: Conversation) -> Conversation:
        with self._write() as conn:
            conn.execute(
                f"INSERT INTO conversations({self._COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    conversation.id,
                    conversation.title,
                    conversation.system_prompt,
                    conversation.preset,
                    int(conversation.grounded),
                    conversation.created,
                    conversation.updated,
                ),
            )
        return conversation

    def get(self, conversation_id: str) -> Conversation | None:
        row = self.conn.execute(
            f"SELECT {self._COLUMNS} FROM conversations WHERE id = ? AND deleted IS NULL", (conversation_id,)
        ).fetchone()
        return self._conversation(row) if row else None

    def conversations(self) -> list[Conversation]:
        """Conversations not deleted, the most recently changed first."""
        rows = self.conn.execute(
            f"SELECT {self._COLUMNS} FROM conversations WHERE deleted IS NULL ORDER BY updated DESC, rowid DESC"
        ).fetchall()
        return [self._conversation(r) for r in rows]

    def update(
        self,
        conversation_id: str,
        *,
        title: str | None = None,
        system_prompt: str | None = None,
        preset: str | None = None,
        grounded: bool | None = None,
        touch: bool = True,
    ) -> None:
        changes: dict[str, Any] = {}
        if title is not None:
            changes["title"] = title
        if system_prompt is not None:
            changes["system_prompt"] = system_prompt
        if preset is not None:
            changes["preset"] = preset
        if grounded is not None:
            changes["grounded"] = int(grounded)
        if touch:
            changes["updated"] = time.time()
        if not changes:
            return
        assignments = ", ".join(f"{name} = ?" for name in changes)
        with self._write() as conn:
            conn.execute(f"UPDATE conversations SET {assignments} WHERE id = ?", (*changes.values(), conversation_id))

    def rename(self, conversation_id: str, title: str) -> None:
        self.update(conversation_id, title=title.strip(), touch=False)

    def delete(self, conversation_id: str) -> None:
        """Soft delete: hidden at once, restorable with `restore` until the next start purges it."""
        with self._write() as conn:
            conn.execute("UPDATE conversations SET deleted = ? WHERE id = ?", (time.time(), conversation_id))
            conn.execute("DELETE FROM meta WHERE key = 'last_open' AND value = ?", (conversation_id,))

    def restore(self, conversation_id: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE conversations SET deleted = NULL WHERE id = ?", (conversation_id,))

    def _purge_deleted(self) -> int:
        with self._write() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM conversations WHERE deleted IS NOT NULL")]
            for conversation_id in ids:
                conn.execute("DELETE FROM messages WHERE conversation_id = ?", (conversation_id,))
                conn.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))
        return len(ids)

    # -- messages ------------------------------------------------------------------------------------------------
    @staticmethod
    def _message(row: sqlite3.Row) -> StoredMessage:
        return StoredMessage(
            seq=row["seq"],
            role=row["role"],
            content=row["content"],
            created=row["created"],
            prompt_content=row["prompt_content"],
            context=row["context"],
            tokens=row["tokens"],
            stats=json.loads(row["stats"] or "{}"),
            citations=tuple(json.loads(row["citations"] or "[]")),
        )

    def messages(self, conversation_id: str) -> list[StoredMessage]:
        rows = self.conn.execute(
            "SELECT seq, role, content, created, prompt_content, context, tokens, stats, citations "
            "FROM messages WHERE conversation_id = ? ORDER BY seq",
            (conversation_id,),
        ).fetchall()
        return [self._message(r) for r in rows]

    def put_message(self, conversation_id: str, message: StoredMessage) -> None:
        """Insert or replace the message at message.seq; the conversation counts as changed."""
        values = (
            message.role,
            message.content,
            message.created or time.time(),
            message.prompt_content,
            message.context,
            message.tokens,
            json.dumps(dict(message.stats)),
            json.dumps([dict(c) for c in message.citations]),
        )
        with self._write() as conn:
            updated = conn.execute(
                "UPDATE messages SET role = ?, content = ?, created = ?, prompt_content = ?, context = ?, "
                "tokens = ?, stats = ?, citations = ? WHERE conversation_id = ? AND seq = ?",
                (*values, conversation_id, message.seq),
            ).rowcount
            if not updated:
                conn.execute(
                    "INSERT INTO messages(role, content, created, prompt_content, context, tokens, stats, "
                    "citations, conversation_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, conversation_id, message.seq),
                )
            conn.execute("UPDATE conversations SET updated = ? WHERE id = ?", (time.time(), conversation_id))

    def truncate(self, conversation_id: str, from_seq: int) -> None:
        """Delete the messages from `from_seq` on (an edit or a regenerate continues from there)."""
        with self._write() as conn:
            conn.execute("DELETE FROM messages WHERE conversation_id = ? AND seq >= ?", (conversation_id, from_seq))
            conn.execute("UPDATE conversations SET updated = ? WHERE id = ?", (time.time(), conversation_id))

    # -- search --------------------------------------------------------------------------------------------------
    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Conversations whose title or messages contain every word of `text` (prefixes count), newest first."""
        words = re.findall(r"\w+", text)
        if not words:
            return []
        hits = self._search_fts(words, limit) if self.fts else self._search_like(words, limit)
        seen = {h.conversation.id for h in hits}
        for conversation in self._titles_matching(words):
            if conversation.id not in seen:
                hits.append(SearchHit(conversation, conversation.title))
                seen.add(conversation.id)
        hits.sort(key=lambda h: h.conversation.updated, reverse=True)
        return hits[:limit]

    def _titles_matching(self, words: Sequence[str]) -> list[Conversation]:
        clauses = " AND ".join("title LIKE ? ESCAPE '\\'" for _ in words)
        rows = self.conn.execute(
            f"SELECT {self._COLUMNS} FROM conversations WHERE deleted IS NULL AND {clauses}",
            tuple(f"%{_like_escape(w)}%" for w in words),
        ).fetchall()
        return [self._conversation(r) for r in rows]

    def _search_fts(self, words: Sequence[str], limit: int) -> list[SearchHit]:
        query = " ".join('"' + w.replace('"', '""') + '"*' for w in words)
        rows = self.conn.execute(
            f"""
            SELECT {", ".join("c." + c.strip() for c in self._COLUMNS.split(","))},
                   snippet(messages_fts, 0, '', '', '…', 12) AS snippet
            FROM messages_fts
            JOIN messages m ON m.rowid = messages_fts.rowid
            JOIN conversations c ON c.id = m.conversation_id
            WHERE messages_fts MATCH ? AND c.deleted IS NULL
            ORDER BY rank
            """,
            (query,),
        ).fetchall()
        return _first_per_conversation(rows, lambda r: r["snippet"], limit)

    def _search_like(self, words: Sequence[str], limit: int) -> list[SearchHit]:
        clauses = " AND ".join("m.content LIKE ? ESCAPE '\\'" for _ in words)
        rows = self.conn.execute(
            f"""
            SELECT {", ".join("c." + c.strip() for c in self._COLUMNS.split(","))}, m.content AS content
            FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE c.deleted IS NULL AND {clauses}
            ORDER BY c.updated DESC, m.seq
            """,
            tuple(f"%{_like_escape(w)}%" for w in words),
        ).fetchall()
        return _first_per_conversation(rows, lambda r: _snippet(r["content"], words[0]), limit)

    # -- the last open conversation ------------------------------------------------------------------------------
    def set_last_open(self, conversation_id: str | None) -> None:
        with self._write() as conn:
            if conversation_id is None:
                conn.execute("DELETE FROM meta WHERE key = 'last_open'")
            else:
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('last_open', ?)", (conversation_id,))

    def last_open(self) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'last_open'").fetchone()
        if row is None or self.get(row[0]) is None:
            return None
        return str(row[0])

    # -- export --------------------------------------------------------------------------------------------------
    def export(self, conversation_id: str, kind: str) -> str:
        conversation = self.get(conversation_id)
        if conversation is None:
            raise KeyError(conversation_id)
        messages = self.messages(conversation_id)
        if kind == "json":
            return to_json(conversation, messages)
        if kind == "markdown":
            return to_markdown(conversation, messages)
        raise ValueError(f"unknown export format {kind!r}")


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _snippet(content: str, word: str, width: int = 80) -> str:
    at = content.lower().find(word.lower())
    start = max(0, at - width // 2) if at >= 0 else 0
    piece = " ".join(content[start : start + width].split())
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(content) else "")


def _first_per_conversation(
    rows: Sequence[sqlite3.Row], snippet: Callable[[sqlite3.Row], str], limit: int
) -> list[SearchHit]:
    hits: list[SearchHit] = []
    seen: set[str] = set()
    for row in rows:
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        hits.append(SearchHit(ConversationStore._conversation(row), " ".join(snippet(row).split())))
        if len(hits) >= limit:
            break
    return hits


# -- pure helpers ------------------------------------------------------------------------------------------------
def title_from_exchange(user: str, answer: str = "", limit: int = TITLE_CHARS) -> str:
    """A short title from the first exchange: the user's first line, without Markdown, cut at a word."""
    for source in (user, answer):
        for line in source.splitlines():
            text = re.sub(r"[`*_#>\[\]]+", "", line)
            text = re.sub(r"^\s*(?:[-+]|\d+[.)])\s+", "", text)
            text = " ".join(text.split())
            if text:
                if len(text) <= limit:
                    return text
                cut = text.rfind(" ", limit // 2, limit)
                return text[: cut if cut > 0 else limit].rstrip(" ,.;:") + "…"
    return ""


def _iso(stamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp)) if stamp else ""


def to_markdown(conversation: Conversation, messages: Sequence[StoredMessage]) -> str:
    lines = [f"# {conversation.title or 'Conversation'}", ""]
    if conversation.created:
        lines += [f"_{_iso(conversation.created)}_", ""]
    if conversation.system_prompt:
        lines += ["> **System:** " + conversation.system_prompt.replace("\n", "\n> "), ""]
    for message in messages:
        lines.append("## You" if message.role == "user" else "## Assistant")
        lines.append("")
        if message.context:
            lines += ["> " + message.context.strip().replace("\n", "\n> "), ""]
        lines += [message.content.rstrip(), ""]
        if message.citations:
            for citation in message.citations:
                lines.append(f"- [{citation.get('number', '?')}] {citation.get('snippet', '')}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_json(conversation: Conversation, messages: Sequence[StoredMessage]) -> str:
    data = {
        "format": "inkwell-conversation",
        "version": 1,
        "id": conversation.id,
        "title": conversation.title,
        "system_prompt": conversation.system_prompt,
        "preset": conversation.preset,
        "grounded": conversation.grounded,
        "created": conversation.created,
        "updated": conversation.updated,
        "messages": [
            {
                "role": m.role,
                "content": m.content,
                "created": m.created,
                "context": m.context,
                "tokens": m.tokens,
                "stats": dict(m.stats),
                "citations": [dict(c) for c in m.citations],
            }
            for m in messages
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
