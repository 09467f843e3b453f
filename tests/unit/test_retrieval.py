"""Passages with exact offsets, and BM25 ranking of them for a question."""

from __future__ import annotations

import itertools

import pytest

from app.engine.retrieval import MAX_CHARS, PassageIndex, rank_passages, split_passages, terms

STORY = """# The lighthouse

The storm came in from the west just after midnight. Mara climbed the spiral stairs with the lamp oil.

Her father had kept the light for thirty years. He counted the steps aloud, and she did too.

## The ferry

At dawn the ferry left the harbour with nine passengers and a crate of oranges bound for Kiel.
"""


def test_passages_cover_the_text_with_exact_offsets() -> None:
    passages = split_passages(STORY, target_chars=120, max_chars=200)
    assert len(passages) >= 3
    for index, passage in enumerate(passages):
        assert passage.index == index
        assert STORY[passage.start : passage.end] == passage.text
        assert passage.text == passage.text.strip() and passage.text
    # In order, not overlapping, and nothing but whitespace between them.
    for before, after in itertools.pairwise(passages):
        assert before.end <= after.start
        assert not STORY[before.end : after.start].strip()
    assert not STORY[: passages[0].start].strip() and not STORY[passages[-1].end :].strip()


def test_short_paragraphs_merge_and_long_ones_split_at_sentences() -> None:
    sentence = "This sentence is about the harbour and its boats. "
    text = "Tiny.\n\nAlso tiny.\n\n" + sentence * 60
    passages = split_passages(text)
    assert passages[0].text.startswith("Tiny.\n\nAlso tiny.")
    assert all(len(p.text) <= MAX_CHARS for p in passages)
    assert all(p.text.endswith(".") for p in passages)  # cut after sentences, not mid-word
    assert "".join(p.text for p in passages).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace(
        "\n", ""
    )


def test_a_run_without_sentence_ends_is_cut_at_spaces() -> None:
    text = "word " * 1000
    passages = split_passages(text)
    assert all(len(p.text) <= MAX_CHARS for p in passages)
    assert all(not p.text.startswith(" ") and "wor d" not in p.text for p in passages)
    assert sum(p.text.count("word") for p in passages) == 1000


@pytest.mark.parametrize("text", ["", "   \n\n\t  ", "\n"])
def test_empty_text_has_no_passages(text: str) -> None:
    assert split_passages(text) == []
    assert PassageIndex.of(text).rank("anything") == []


def test_the_passage_that_answers_ranks_first() -> None:
    ranked = rank_passages(
        STORY * 3 + "\n\nThe keeper's cat was called Pepper.\n\n" + STORY, "What was the cat called?"
    )
    assert "Pepper" in ranked[0].passage.text
    assert ranked[0].score > 0


def test_stop_words_alone_fall_back_to_the_opening_passages() -> None:
    passages = split_passages(STORY, target_chars=80, max_chars=200)
    ranked = PassageIndex(passages).rank("what is it about?", k=2)
    assert [r.passage.index for r in ranked] == [0, 1] and all(r.score == 0 for r in ranked)


def test_terms_drop_stop_words_and_split_unspaced_scripts() -> None:
    assert terms("The cat and THE hat, 2020!") == ["cat", "hat", "2020"]
    assert terms("東京タワー") == ["東京", "京タ", "タワ", "ワー"]
    passages = split_passages("北京是中国的首都。\n\n东京是日本的首都。", target_chars=5, max_chars=50)
    ranked = PassageIndex(passages).rank("日本的首都是哪里？", k=1)
    assert ranked[0].passage.text.startswith("东京")
