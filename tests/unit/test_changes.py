"""Change by change: the diff of an AI edit as separate changes, and the text with only the ones taken."""

from __future__ import annotations

import itertools

from app.engine.changes import Change, apply, changes_of
from app.engine.diff import diff_html, word_diff

ORIGINAL = "Teh river rose in spring, and by summer the feilds were green agian."
REVISED = "The river rose in the spring, and by summer the fields were green again!"


def test_each_run_of_deletions_and_insertions_is_one_change_at_its_place_in_the_original() -> None:
    changes = changes_of(word_diff(ORIGINAL, REVISED))
    assert [(c.old, c.new) for c in changes] == [
        ("Teh", "The"),
        ("", " the"),
        ("feilds", "fields"),
        ("agian.", "again!"),
    ]
    assert all(ORIGINAL[c.start : c.end] == c.old for c in changes)
    assert [c.index for c in changes] == [0, 1, 2, 3]


def test_the_text_holds_exactly_the_changes_taken() -> None:
    changes = changes_of(word_diff(ORIGINAL, REVISED))
    assert apply(ORIGINAL, changes, {}) == ORIGINAL
    assert apply(ORIGINAL, changes, {c.index: True for c in changes}) == REVISED
    assert (
        apply(ORIGINAL, changes, {0: True, 2: True})
        == "The river rose in spring, and by summer the fields were green agian."
    )
    # Every subset gives the original with just those changes, and nothing else moves.
    for taken in itertools.product([False, True], repeat=len(changes)):
        text = apply(ORIGINAL, changes, dict(enumerate(taken)))
        for change, was_taken in zip(changes, taken, strict=True):
            assert (change.new if was_taken else change.old) in text or not (change.new or change.old)


def test_identical_texts_have_no_changes_and_a_rewrite_of_everything_has_one() -> None:
    assert changes_of(word_diff("Same words.", "Same words.")) == []
    assert changes_of(word_diff("abc", "xyz")) == [Change(0, 0, 3, "abc", "xyz")]
    assert changes_of(word_diff("", "new text")) == [Change(0, 0, 0, "", "new text")]


def test_the_review_shows_taken_changes_as_new_words_and_left_ones_as_the_old_words() -> None:
    pieces = word_diff(ORIGINAL, REVISED)
    undecided = diff_html(pieces)
    assert "line-through" in undecided and "Teh" in undecided and "The" in undecided
    html = diff_html(pieces, decisions={0: True, 2: False}, current=3)
    assert "Teh" not in html  # taken: only the new word
    assert "feilds" in html and ">fields<" not in html  # left: only the old word
    assert '<a name="change-3"></a>' in html and "underline" in html
