"""The conversations database on real SQLite files: persistence, bad files, search, export, undo."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.conversations import (
    SCHEMA_VERSION,
    Conversation,
    ConversationStore,
    OpenStatus,
    ReadOnlyStore,
    StoredMessage,
    default_path,
    title_from_exchange,
    to_json,
    to_markdown,
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return default_path(tmp_path / "data")


@pytest.fixture
def store(db_path: Path) -> Iterator[ConversationStore]:
    store = ConversationStore(db_path)
    assert store.open().status is OpenStatus.OK
    yield store
    store.close()


def add_exchange(store: ConversationStore, conversation: Conversation, question: str, answer: str) -> None:
    seq = len(store.messages(conversation.id))
    store.put_message(conversation.id, StoredMessage(seq, "user", question, tokens=5))
    store.put_message(
        conversation.id,
        StoredMessage(seq + 1, "assistant", answer, tokens=7, stats={"tokens_per_s": 12.5, "new_tokens": 7}),
    )


def test_conversations_persist_in_a_wal_file_with_the_schema_version(db_path: Path, store: ConversationStore) -> None:
    first = store.create(Conversation.new(system_prompt="Be brief.", preset="assistant"))
    add_exchange(store, first, "What is a sonnet?", "A poem of **14 lines**.")
    store.rename(first.id, "  Sonnets  ")
    store.update(first.id, grounded=True)
    store.set_last_open(first.id)
    store.close()

    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()

    again = ConversationStore(db_path)
    assert again.open().status is OpenStatus.OK
    [conversation] = again.conversations()
    assert (conversation.title, conversation.system_prompt, conversation.grounded) == ("Sonnets", "Be brief.", True)
    messages = again.messages(first.id)
    assert [(m.seq, m.role, m.content) for m in messages] == [
        (0, "user", "What is a sonnet?"),
        (1, "assistant", "A poem of **14 lines**."),
    ]
    assert messages[1].stats == {"tokens_per_s": 12.5, "new_tokens": 7} and messages[1].tokens == 7
    assert again.last_open() == first.id
    again.close()


def test_truncate_and_replace_continue_a_conversation_from_an_edit(store: ConversationStore) -> None:
    conversation = store.create(Conversation.new())
    add_exchange(store, conversation, "one", "answer one")
    add_exchange(store, conversation, "two", "answer two")
    store.truncate(conversation.id, 2)
    store.put_message(conversation.id, StoredMessage(2, "user", "two, edited"))
    store.put_message(conversation.id, StoredMessage(1, "assistant", "answer one, regenerated"))
    assert [m.content for m in store.messages(conversation.id)] == ["one", "answer one, regenerated", "two, edited"]


def test_the_list_is_most_recent_first(store: ConversationStore) -> None:
    old = store.create(Conversation.new())
    new = store.create(Conversation.new())
    add_exchange(store, old, "later activity", "moves it up")
    assert [c.id for c in store.conversations()] == [old.id, new.id]


def test_delete_is_undoable_until_the_next_start(db_path: Path, store: ConversationStore) -> None:
    keep = store.create(Conversation.new())
    gone = store.create(Conversation.new())
    add_exchange(store, gone, "secret plans", "noted")
    store.set_last_open(gone.id)
    store.delete(gone.id)
    assert [c.id for c in store.conversations()] == [keep.id]
    assert store.get(gone.id) is None and store.last_open() is None
    assert store.search("secret") == []
    store.restore(gone.id)
    assert {c.id for c in store.conversations()} == {keep.id, gone.id}
    store.delete(gone.id)
    store.close()

    again = ConversationStore(db_path)
    again.open()
    assert [c.id for c in again.conversations()] == [keep.id]
    again.restore(gone.id)  # too late: purged at open, messages included
    assert again.get(gone.id) is None and again.messages(gone.id) == []
    again.close()


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "like"])
def test_search_finds_words_across_messages_and_titles(db_path: Path, fts: bool) -> None:
    store = ConversationStore(db_path, fts=fts)
    store.open()
    assert store.fts is fts
    harbour = store.create(Conversation.new())
    add_exchange(store, harbour, "Tell me about the harbour at Kiel", "Kiel's harbour is deep.")
    recipe = store.create(Conversation.new())
    add_exchange(store, recipe, "A recipe with 100% rye_flour?", 'Use "sourdough" starter.')
    store.rename(recipe.id, "Bread")

    assert [h.conversation.id for h in store.search("harbour")] == [harbour.id]
    assert [h.conversation.id for h in store.search("harb")] == [harbour.id]  # prefixes count
    assert [h.conversation.id for h in store.search("kiel deep")] == [harbour.id]  # all words, any message
    assert "harbour" in store.search("harbour")[0].snippet.lower()
    assert [h.conversation.id for h in store.search("bread")] == [recipe.id]  # the title
    assert [h.conversation.id for h in store.search("rye_flour")] == [recipe.id]
    assert [h.conversation.id for h in store.search('"sourdough"')] == [recipe.id]
    assert store.search("100%") and store.search("%") == [] and store.search("   ") == []
    assert store.search("nothing-like-this") == []
    # Edited content is what is found afterwards.
    store.put_message(harbour.id, StoredMessage(1, "assistant", "The port is shallow."))
    assert [h.conversation.id for h in store.search("shallow")] == [harbour.id]
    assert [h.conversation.id for h in store.search("deep")] == []
    store.close()


def test_a_damaged_file_is_moved_aside_and_a_fresh_one_works(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    garbage = b"this is not a database " * 200
    db_path.write_bytes(garbage)
    store = ConversationStore(db_path)
    report = store.open()
    assert report.status is OpenStatus.RECOVERED
    assert report.backup is not None and report.backup.read_bytes() == garbage
    conversation = store.create(Conversation.new())
    add_exchange(store, conversation, "still works", "yes")
    store.close()
    again = ConversationStore(db_path)
    assert again.open().status is OpenStatus.OK
    assert [c.id for c in again.conversations()] == [conversation.id]
    again.close()


def test_a_file_with_a_damaged_page_is_caught_at_open(db_path: Path, store: ConversationStore) -> None:
    conversation = store.create(Conversation.new())
    for i in range(300):
        store.put_message(conversation.id, StoredMessage(i, "user", f"message {i} " + "lorem ipsum " * 30))
    store.close()  # checkpoints the log into the main file
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 256] = b"\x55" * 256
    db_path.write_bytes(bytes(data))
    again = ConversationStore(db_path)
    report = again.open()
    assert report.status is OpenStatus.RECOVERED and report.backup is not None
    assert report.backup.read_bytes() == bytes(data)
    assert again.conversations() == []
    again.close()


def test_a_locked_file_is_left_alone_copied_and_the_session_works_in_memory(db_path: Path) -> None:
    first = ConversationStore(db_path)
    first.open()
    existing = first.create(Conversation.new())
    add_exchange(first, existing, "kept safe", "indeed")
    first.close()
    before = db_path.read_bytes()

    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("PRAGMA locking_mode=EXCLUSIVE")
    locker.execute("BEGIN EXCLUSIVE")
    try:
        store = ConversationStore(db_path)
        report = store.open()
        assert report.status is OpenStatus.LOCKED
        assert report.backup is not None and report.backup.exists()
        fresh = store.create(Conversation.new())
        add_exchange(store, fresh, "in memory", "fine")
        assert [c.id for c in store.conversations()] == [fresh.id]
        store.close()
    finally:
        locker.execute("ROLLBACK")
        locker.close()

    assert db_path.read_bytes() == before
    copy = ConversationStore(report.backup)
    assert copy.open().status is OpenStatus.OK
    assert [c.id for c in copy.conversations()] == [existing.id]
    copy.close()
    again = ConversationStore(db_path)
    assert again.open().status is OpenStatus.OK
    assert [c.id for c in again.conversations()] == [existing.id]
    again.close()


def test_a_newer_schema_is_opened_read_only(db_path: Path) -> None:
    store = ConversationStore(db_path)
    store.open()
    conversation = store.create(Conversation.new())
    add_exchange(store, conversation, "from the future", "hello")
    store.close()
    raw = sqlite3.connect(db_path)
    raw.execute("ALTER TABLE conversations ADD COLUMN colour TEXT")
    raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    before = db_path.read_bytes()

    newer = ConversationStore(db_path)
    report = newer.open()
    assert report.status is OpenStatus.READ_ONLY and newer.read_only
    assert report.found_version == SCHEMA_VERSION + 1
    assert [c.id for c in newer.conversations()] == [conversation.id]
    assert [m.content for m in newer.messages(conversation.id)] == ["from the future", "hello"]
    assert [h.conversation.id for h in newer.search("future")] == [conversation.id]
    with pytest.raises(ReadOnlyStore):
        newer.create(Conversation.new())
    with pytest.raises(ReadOnlyStore):
        newer.put_message(conversation.id, StoredMessage(2, "user", "x"))
    newer.close()
    assert db_path.read_bytes() == before


def test_a_newer_schema_that_cannot_be_read_is_left_untouched(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE chats (x)")
    raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    raw.commit()
    raw.close()
    before = db_path.read_bytes()
    store = ConversationStore(db_path)
    assert store.open().status is OpenStatus.NEWER_UNREADABLE
    assert not store.read_only  # works in memory for this session
    store.create(Conversation.new())
    store.close()
    assert db_path.read_bytes() == before


def test_export_to_markdown_and_json(store: ConversationStore) -> None:
    conversation = store.create(Conversation.new(system_prompt="You are terse."))
    store.rename(conversation.id, "Lists")
    store.put_message(conversation.id, StoredMessage(0, "user", "Name two <b>colours</b>", context="A palette"))
    store.put_message(
        conversation.id,
        StoredMessage(
            1,
            "assistant",
            "- red\n- blue [1]",
            tokens=6,
            citations=({"number": 1, "start": 0, "end": 9, "snippet": "A palette", "text": "A palette"},),
        ),
    )
    markdown = store.export(conversation.id, "markdown")
    assert markdown.startswith("# Lists\n")
    assert "> **System:** You are terse." in markdown
    assert "## You\n\n> A palette\n\nName two <b>colours</b>\n\n## Assistant\n\n- red\n- blue [1]" in markdown
    assert "- [1] A palette" in markdown
    data = json.loads(store.export(conversation.id, "json"))
    assert data["format"] == "inkwell-conversation" and data["title"] == "Lists"
    assert [(m["role"], m["content"]) for m in data["messages"]] == [
        ("user", "Name two <b>colours</b>"),
        ("assistant", "- red\n- blue [1]"),
    ]
    assert data["messages"][1]["citations"][0]["number"] == 1
    conv = store.get(conversation.id)
    assert conv is not None
    assert to_markdown(conv, store.messages(conversation.id)) == markdown
    assert json.loads(to_json(conv, store.messages(conversation.id))) == data
    with pytest.raises(KeyError):
        store.export("no-such-id", "json")


@pytest.mark.parametrize(
    ("user", "answer", "title"),
    [
        ("What is a sonnet?", "", "What is a sonnet?"),
        ("## **Plan** for `chapter` two\nmore", "", "Plan for chapter two"),
        ("- first item of a list", "", "first item of a list"),
        ("   \n\n", "Here is a *poem* about rain", "Here is a poem about rain"),
        (
            "Explain the difference between affect and effect with many examples please",
            "",
            "Explain the difference between affect and…",
        ),
        ("", "", ""),
    ],
)
def test_titles_come_from_the_first_exchange(user: str, answer: str, title: str) -> None:
    assert title_from_exchange(user, answer) == title
