"""The version history's store: a real SQLite file, its pruning policy, and what survives a closed connection."""

from __future__ import annotations

from pathlib import Path

from app.store import history
from app.store.history import DAY_S, HistoryStore, document_key

NOW = 1_800_000_000.0


def test_versions_are_kept_newest_first_and_an_unchanged_text_is_not_kept_twice(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    key = document_key(tmp_path / "a.md", "x")
    assert store.add(key, "Saved", "one", created=NOW - 30) is not None
    assert store.add(key, "Saved", "one", created=NOW - 20) is None  # nothing new
    assert store.add(key, "Before Proofread", "two", created=NOW - 10) is not None
    found = store.snapshots(key)
    assert [(s.label, s.size) for s in found] == [("Before Proofread", 3), ("Saved", 3)]
    assert store.text(found[0].id) == "two" and store.text(found[1].id) == "one"
    assert store.snapshots(document_key(tmp_path / "b.md", "y")) == []
    store.close()
    # A new connection (the next start, or after a crash) sees every committed version.
    again = HistoryStore(tmp_path / "history.sqlite3")
    assert [s.label for s in again.snapshots(key)] == ["Before Proofread", "Saved"]


def test_pruning_keeps_the_last_day_whole_then_one_a_day(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    key = "untitled:abc"
    for hour in range(0, 24 * 5, 6):  # every six hours over five days
        store.add(key, "Saved", f"text at {hour}", created=NOW - hour * 3600)
    store.prune(key, now=NOW)
    kept = store.snapshots(key)
    recent = [s for s in kept if NOW - s.created <= DAY_S]
    older = [s for s in kept if NOW - s.created > DAY_S]
    assert len(recent) == 5  # 0, 6, 12, 18 and 24 hours ago: all of the last day
    days = {int(s.created // DAY_S) for s in older}
    assert len(older) == len(days)  # one per calendar day before that
    assert store.add(key, "Saved", "too old to keep", created=NOW - 200 * DAY_S) is not None
    store.prune(key, now=NOW)
    assert all("too old" not in store.text(s.id) for s in store.snapshots(key))


def test_a_document_keeps_at_most_the_cap(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(history, "MAX_PER_DOCUMENT", 3)
    store = HistoryStore(tmp_path / "history.sqlite3")
    for i in range(6):
        store.add("untitled:x", "Saved", f"v{i}", created=NOW - 60 * (6 - i))
    assert [store.text(s.id) for s in store.snapshots("untitled:x")] == ["v5", "v4", "v3"]


def test_an_untitled_document_saved_under_a_name_keeps_its_history(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    store.add("untitled:doc1", "Before Rewrite", "draft", created=NOW)
    store.rename("untitled:doc1", document_key(tmp_path / "essay.md", "doc1"))
    assert [s.label for s in store.snapshots(document_key(tmp_path / "essay.md", "other id"))] == ["Before Rewrite"]
