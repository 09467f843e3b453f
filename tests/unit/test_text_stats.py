"""Counting as word processors do: a Chinese character is a word, markup and punctuation are not."""

from __future__ import annotations

import pytest

from app.engine.text_stats import TextStats, count_words, text_stats


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The quick brown fox jumps over the lazy dog, twice.", 10),
        ("他说：“我明天去北京。”", 8),  # eight characters; the quotes and the full stop are not words
        ("你好world，hello，世界 2024年", 8),  # 你 好 world hello 世 界 2024 年
        ("吾輩は猫である。", 7),  # kana count like Han
        ("안녕하세요 세계", 2),  # Korean puts spaces between words
        ("# A heading\n- a list item — with dash", 7),  # Markdown's marks and a lone dash are not words
        ("𠀀𠀁 々", 3),  # beyond the Basic Multilingual Plane too
        ("", 0),
    ],
)
def test_words_are_counted_as_word_processors_count_them(text: str, words: int) -> None:
    assert count_words(text) == words


def test_characters_are_counted_with_and_without_spaces_and_line_breaks_are_neither() -> None:
    assert text_stats("春眠 不觉晓，\n处处闻啼鸟。\u3000End of it.\n") == TextStats(
        words=13,
        chars=len("春眠 不觉晓，处处闻啼鸟。\u3000End of it."),
        chars_no_spaces=len("春眠不觉晓，处处闻啼鸟。Endofit."),
    )


def test_a_long_text_counts_the_same_in_pieces() -> None:
    line = "话说林冲在草料场看守，那雪正下得紧。 He walked on.\r\n"
    stats = text_stats(line * 70_000)  # ~3.7 M characters: counted in 1 M pieces
    assert stats == TextStats(
        words=19 * 70_000, chars=(len(line) - 1) * 70_000, chars_no_spaces=(len(line) - 5) * 70_000
    )
