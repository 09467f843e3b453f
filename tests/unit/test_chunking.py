"""Splitting long texts on structure, summary plans, and Markdown segments for translation."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from app.engine.chunking import (
    Budget,
    Count,
    PlanError,
    Segment,
    SummaryRun,
    markdown_segments,
    plan_summary,
    render_segments,
    split_text,
    translation_segments,
)
from app.engine.token_count import TokenCounter

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def count(embedded_copy: Path) -> Count:
    """The real SmolLM2 tokenizer (the tiny test model uses the same one)."""
    counter = TokenCounter(embedded_copy)
    assert counter.exact

    def tokens(text: str) -> int:
        return counter.count(text).tokens

    return tokens


def words(text: str) -> int:
    return len(text.split())


def chapter() -> str:
    return (DATA / "river_year.md").read_text(encoding="utf-8")


def cut_points(text: str, spans: list[tuple[int, int]]) -> list[int]:
    return [start for start, _ in spans[1:]]


# -- split_text ----------------------------------------------------------------------------------------------


def test_parts_cover_the_text_exactly_and_fit(count: Count) -> None:
    text = chapter()
    spans = split_text(text, 900, count)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(a < b for a, b in spans)
    assert all(count(text[a:b]) <= 900 for a, b in spans)
    assert len(spans) >= count(text) // 900


def test_parts_end_at_paragraphs_and_prefer_headings(count: Count) -> None:
    text = chapter()
    spans = split_text(text, 900, count)
    for cut in cut_points(text, spans):
        # Every cut is at the start of a paragraph: after a blank line.
        assert text[:cut].endswith("\n\n"), repr(text[cut - 40 : cut + 40])


def test_a_part_ends_at_a_heading_rather_than_fill_up_with_the_next_section() -> None:
    section = "## Section\n\n" + "\n\n".join("word " * 99 + "end." for _ in range(4)) + "\n\n"
    text = section * 6
    # A section is 402 words; the next heading and paragraph would still fit in 520.
    spans = split_text(text, 520, words)
    assert len(spans) == 6
    assert all(text[a:b] == section for a, b in spans)


def test_a_text_that_fits_is_one_part(count: Count) -> None:
    assert split_text("A short text.", 50, count) == [(0, 13)]
    assert split_text("", 50, count) == []


def test_long_paragraph_is_cut_between_sentences_never_inside_a_word(count: Count) -> None:
    sentence = "The ferry crossed the grey river before dawn, and the lamps on the quay went out one by one. "
    text = sentence * 40
    spans = split_text(text, 120, count)
    assert "".join(text[a:b] for a, b in spans) == text
    for cut in cut_points(text, spans):
        assert text[:cut].endswith(". "), repr(text[cut - 20 : cut + 20])
    assert all(count(text[a:b]) <= 120 for a, b in spans)


def test_a_fifty_thousand_character_sentence_without_punctuation(count: Count) -> None:
    rng = random.Random(7)
    vocabulary = ["river", "lamp", "harbour", "ferry", "council", "winter", "bread", "market", "bridge", "mill"]
    pieces: list[str] = []
    length = -1  # of the pieces joined by spaces
    while length < 50_000:
        pieces.append(rng.choice(vocabulary))
        length += len(pieces[-1]) + 1
    text = " ".join(pieces)
    assert len(text) >= 50_000 and not re.search(r"[.!?\n]", text)
    spans = split_text(text, 1000, count)
    assert "".join(text[a:b] for a, b in spans) == text
    assert len(spans) > 5
    for a, b in spans:
        assert count(text[a:b]) <= 1000
    for cut in cut_points(text, spans):
        assert text[cut - 1] == " " and text[cut] != " "  # between words


def test_a_single_word_longer_than_a_part_is_cut_by_characters(count: Count) -> None:
    text = "x" * 20_000
    spans = split_text(text, 500, count)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(count(text[a:b]) <= 500 for a, b in spans)
    cjk = "我们今天去公园玩得很开心" * 800  # no spaces, no punctuation
    spans = split_text(cjk, 400, count)
    assert "".join(cjk[a:b] for a, b in spans) == cjk
    assert all(count(cjk[a:b]) <= 400 for a, b in spans)


def test_cjk_sentences_are_cut_after_full_stops(count: Count) -> None:
    text = "会议在下午三点开始，请大家准时参加。" * 100
    spans = split_text(text, 200, count)
    assert "".join(text[a:b] for a, b in spans) == text
    for cut in cut_points(text, spans):
        assert text[cut - 1] == "。"


def test_code_blocks_are_not_cut_at_their_blank_lines() -> None:
    code = "```python\n" + "\n\n".join(f"x{i} = {i}" for i in range(30)) + "\n```\n"
    text = "Intro paragraph.\n\n" + code + "\nAfter the code.\n"
    spans = split_text(text, len(code.split()) + 2, words)
    cuts = cut_points(text, spans)
    start = text.index("```")
    end = text.index("```", start + 3) + 3
    assert not any(start < cut < end for cut in cuts)


# -- plans ---------------------------------------------------------------------------------------------------


def budget(**changes: int | None) -> Budget:
    values: dict[str, int | None] = {
        "context_length": 2048,
        "prompt_tokens": 100,
        "answer_tokens": 200,
        "part_answer_tokens": 100,
    }
    values.update(changes)
    return Budget(**values)  # type: ignore[arg-type]


def test_a_text_that_fits_with_room_for_the_answer_is_one_pass() -> None:
    text = "word " * 1500
    plan = plan_summary(text, words, budget())
    assert plan.single_pass and plan.parts == 1 and plan.total_steps == 1
    assert plan.steps[0].final and plan.steps[0].span == (0, len(text))
    assert plan.answer_tokens == 200


def test_a_text_with_room_for_a_shorter_answer_only_is_one_pass_with_that_room() -> None:
    text = "word " * 1800  # 1800 + 100 prompt leaves 148 < 200 wanted, but more than a part summary
    plan = plan_summary(text, words, budget())
    assert plan.single_pass and plan.answer_tokens == 2048 - 100 - 1800


def test_a_long_text_is_mapped_then_combined_once() -> None:
    text = "\n\n".join("word " * 300 for _ in range(20))  # 6,000 words
    plan = plan_summary(text, words, budget())
    assert not plan.single_pass
    assert len(plan.levels) == 2
    assert plan.parts >= 4  # at most 2048 - 100 - 100 = 1848 words a part
    final = plan.levels[1][0]
    assert final.final and final.inputs == tuple(range(plan.parts))
    assert plan.max_new_tokens(final) == 200 and plan.max_new_tokens(plan.levels[0][0]) == 100
    spans = [s.span for s in plan.levels[0]]
    assert "".join(text[a:b] for a, b in spans) == text  # type: ignore[index]


def test_too_many_summaries_for_one_combine_add_rounds() -> None:
    text = "\n\n".join("word " * 90 for _ in range(400))  # 36,000 words in parts of at most 500
    plan = plan_summary(text, words, budget(part_tokens=500))
    assert plan.parts >= 72
    # 2048 - 100 - 200 = 1748 tokens hold 15 summaries of 100 + 12: more than one combine level is needed.
    assert len(plan.levels) >= 3
    for level, steps in enumerate(plan.levels[1:], start=1):
        below = len(plan.levels[level - 1])
        covered = [i for step in steps for i in step.inputs]
        assert covered == list(range(below))  # every summary of the level below is combined exactly once
        capacity = (2048 - 100 - (200 if steps[0].final else 100)) // 112
        assert all(len(step.inputs) <= capacity for step in steps)
    assert plan.levels[-1][0].final and len(plan.levels[-1]) == 1
    assert plan.covered_parts(plan.levels[-1][0]) == (0, plan.parts - 1)


def test_forced_part_size_splits_a_text_that_would_fit() -> None:
    text = "\n\n".join("word " * 100 for _ in range(10))
    assert plan_summary(text, words, budget()).single_pass
    plan = plan_summary(text, words, budget(part_tokens=250))
    assert plan.parts == 5 and not plan.single_pass
    assert plan.part_tokens == 250


def test_a_context_too_small_for_map_reduce_is_a_clear_error() -> None:
    with pytest.raises(PlanError, match="too small"):
        plan_summary("word " * 5000, words, budget(context_length=400, prompt_tokens=150, part_answer_tokens=100))


def test_plans_on_the_chapter_with_the_real_tokenizer(count: Count) -> None:
    text = chapter()
    plan = plan_summary(text, count, budget(context_length=8192, prompt_tokens=120, part_tokens=1024))
    assert plan.text_tokens == count(text)
    assert plan.parts == len(plan.levels[0]) >= plan.text_tokens // 1024
    for step in plan.levels[0]:
        a, b = step.span  # type: ignore[misc]
        assert count(text[a:b]) <= 1024


# -- running a plan ------------------------------------------------------------------------------------------


def test_a_run_walks_the_steps_in_order_and_feeds_summaries_upward() -> None:
    text = "\n\n".join(f"Paragraph {i}. " + "word " * 90 for i in range(12))
    plan = plan_summary(text, words, budget(part_tokens=200))
    run = SummaryRun(plan, text)
    order = []
    while (step := run.next_step()) is not None:
        inputs = run.inputs(step)
        if step.level == 0:
            assert inputs[0] in text
        else:
            assert all(i.startswith("summary") for i in inputs)
        order.append((step.level, step.index))
        run.accept(step, f"summary {step.level}.{step.index} ")
    assert order == [(s.level, s.index) for s in plan.steps]
    assert run.done and run.final == f"summary {plan.levels[-1][0].level}.0"
    assert run.completed_steps == plan.total_steps


def test_partial_result_after_a_stop_covers_what_was_read() -> None:
    text = "\n\n".join("word " * 90 for _ in range(12))
    plan = plan_summary(text, words, budget(part_tokens=200))
    run = SummaryRun(plan, text)
    for _ in range(3):
        step = run.next_step()
        assert step is not None
        run.accept(step, f"part {step.index + 1}")
    partial, covered = run.partial()
    assert partial == "part 1\n\npart 2\n\npart 3" and covered == 3
    assert run.final is None and not run.done


# -- translation segments ------------------------------------------------------------------------------------

MARKDOWN = """# The River Year

An opening paragraph. It has two sentences,
and a soft line break.

## Notes

- first item
- second item
  with a continuation
1. numbered item
- [ ] a task

> A quotation that runs
> over two lines.

| Month | Rain (mm) |
|-------|----------:|
| March | 41 |
| 12 | 34 |

```python
# not a heading
print("not translated")
```

    indented code stays

Setext title
============

***

<!-- a comment -->
Last words with `inline code`.
"""


def test_segments_render_back_to_the_original_exactly() -> None:
    segments = markdown_segments(MARKDOWN)
    assert "".join(s.render() for s in segments) == MARKDOWN
    rng = random.Random(3)
    lines = MARKDOWN.splitlines(keepends=True)
    for _ in range(200):  # shuffled fragments: odd Markdown must round-trip too
        sample = "".join(rng.choice(lines) for _ in range(rng.randint(1, 25)))
        assert "".join(s.render() for s in markdown_segments(sample)) == sample


def test_code_markup_and_numbers_are_never_sent() -> None:
    segments = markdown_segments(MARKDOWN)
    sent = "\n".join(s.text for s in segments if s.translatable)
    for kept in ('print("not translated")', "# not a heading", "indented code stays", "|-------|", "| 12 | 34 |"):
        assert kept not in sent
    assert "a comment" not in sent and "***" not in sent and "====" not in sent
    kinds = {s.text: (s.kind, s.prefix, s.line_prefix) for s in segments if s.translatable}
    assert kinds["The River Year"] == ("heading", "# ", "")
    assert kinds["Notes"] == ("heading", "## ", "")
    assert kinds["first item"] == ("list_item", "- ", "")
    assert kinds["second item\nwith a continuation"] == ("list_item", "- ", "  ")
    assert kinds["numbered item"] == ("list_item", "1. ", "")
    assert kinds["a task"] == ("list_item", "- [ ] ", "")
    assert kinds["A quotation that runs\nover two lines."] == ("quote", "> ", "> ")
    for cell in ("Month", "Rain (mm)", "March"):
        assert kinds[cell] == ("table_cell", "", "")  # cell by cell: the pipes never reach the model
    assert kinds["An opening paragraph. It has two sentences,\nand a soft line break."][0] == "paragraph"
    assert kinds["Last words with `inline code`."][0] == "paragraph"


def test_translations_go_back_inside_the_markup() -> None:
    segments = markdown_segments("## Title\n\n- one\n  two\n\n> a\n> b\n\n```\ncode\n```\n")
    translated = render_segments(segments, ["TITLE", "ONE\nTWO", "A\nB"])
    assert translated == "## TITLE\n\n- ONE\n  TWO\n\n> A\n> B\n\n```\ncode\n```\n"


def test_an_unclosed_fence_keeps_the_rest_verbatim() -> None:
    text = "Intro.\n\n```\nnever closed\n# still code\n"
    segments = markdown_segments(text)
    assert [s.text for s in segments if s.translatable] == ["Intro."]
    assert "".join(s.render() for s in segments) == text


def test_long_paragraphs_are_cut_for_translation_between_sentences(count: Count) -> None:
    paragraph = "The mill wheel turned all winter. " * 60
    text = f"# Title\n\n{paragraph.strip()}\n\nShort one.\n"
    segments = translation_segments(text, 100, count)
    assert "".join(s.render() for s in segments) == text
    pieces = [s for s in segments if s.translatable and s.kind == "paragraph"]
    assert len(pieces) > 3
    assert all(count(s.text) <= 100 for s in pieces)
    assert all(s.text.endswith(".") for s in pieces)


def test_a_huge_unpunctuated_sentence_is_cut_for_translation_between_words(count: Count) -> None:
    text = " ".join(["lantern"] * 9000)
    segments = translation_segments(text, 300, count)
    assert "".join(s.render() for s in segments) == text
    assert all(count(s.text) <= 300 for s in segments if s.translatable)
    assert all(not s.text.startswith(" ") and not s.text.endswith(" ") for s in segments if s.translatable)


def test_letterless_text_has_nothing_to_translate() -> None:
    segments = markdown_segments("12345 !!!\n\n---\n\n| 1 | 2 |\n|---|---|\n| 3 | 4 |\n")
    assert not any(s.translatable for s in segments)


def test_a_quoted_list_keeps_its_markers_on_every_line() -> None:
    segment = Segment("quote", "one\ntwo", "> ", "> ")
    assert segment.render("uno\ndos") == "> uno\n> dos"


def test_a_part_summary_cut_off_mid_sentence_is_combined_from_its_whole_sentences() -> None:
    from app.engine.chunking import whole_sentences

    assert whole_sentences("The town voted. The bridge was built. Then the") == "The town voted. The bridge was built."
    assert whole_sentences("All of it is fine.") == "All of it is fine."
    assert whole_sentences("One short. Then a very long sentence that the model never finished writing") == (
        "One short. Then a very long sentence that the model never finished writing"
    )  # cutting would drop most of it: kept whole
    assert whole_sentences("河水上涨了。农民把牛赶到山上。秋天") == "河水上涨了。农民把牛赶到山上。"


def test_a_cut_off_part_summary_reaches_the_combining_step_without_its_broken_sentence() -> None:
    text = "\n\n".join(f"Paragraph {i}. " + "word " * 90 for i in range(12))
    plan = plan_summary(text, words, budget(part_tokens=200))
    run = SummaryRun(plan, text)
    while (step := run.next_step()) is not None:
        run.accept(step, "The mill was rebuilt. The lock-keeper said that the", cut_off=True)
    combine = next(s for s in plan.steps if s.level == 1)
    assert all(i == "The mill was rebuilt." for i in run.inputs(combine))
    assert run.final == "The mill was rebuilt. The lock-keeper said that the"  # the user's summary is never cut
