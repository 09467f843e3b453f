"""Prompt builders for summarize and translate, the stream filter for translations, and capability notes."""

from __future__ import annotations

from app.engine.chunking import Budget, Segment, SummaryRun, plan_summary
from app.engine.language import BY_CODE
from app.engine.requests import Chat, Request
from app.engine.task_prompts import (
    ANSWER_TOKENS,
    KEY_POINTS_EXTRA_TOKENS,
    PART_ANSWER_TOKENS,
    SUGGESTED_MODEL,
    SummaryOptions,
    TranslationStream,
    capability_note,
    combine_summaries,
    summarize,
    summarize_part,
    summary_budget,
    summary_request,
    translate,
    translation_max_new_tokens,
    translation_prompt_tokens,
    translation_segment_tokens,
    weak_at,
)


def words(text: str) -> int:
    return len(text.split())


def user_text(request: Request) -> str:
    assert isinstance(request.prompt, Chat)
    roles = [m.role for m in request.prompt.messages]
    assert roles == ["system", "user"]
    return request.prompt.messages[1].content


def test_one_pass_summary_prompt_says_length_style_and_language() -> None:
    text = "The council voted seven to five for the bridge above the weir."
    request = summarize(text, SummaryOptions(length="sentence", style="prose"), text_language="en")
    prompt = user_text(request)
    assert request.source == "summarize" and request.task == "summarize"
    assert text in prompt and "in one sentence" in prompt and "plain prose" in prompt
    assert "Write in English, the language of the text." in prompt
    assert request.sampling.max_new_tokens == ANSWER_TOKENS["sentence"]
    assert not request.sampling.greedy and request.sampling.prompt_lookup_tokens == 0


def test_styles_and_output_languages() -> None:
    bullets = user_text(summarize("Text.", SummaryOptions(style="bullets")))
    assert 'starting with "- "' in bullets
    assert "Write in the same language as the text." in bullets  # language unknown and not chosen
    key_points = summarize("Text.", SummaryOptions(style="key_points", length="detailed"))
    assert "Key points:" in user_text(key_points) and "Action items:" in user_text(key_points)
    assert key_points.sampling.max_new_tokens == ANSWER_TOKENS["detailed"] + KEY_POINTS_EXTRA_TOKENS
    german = user_text(summarize("Text.", SummaryOptions(language="de"), text_language="en"))
    assert "Write in German." in german and "English" not in german


def test_part_and_combine_prompts() -> None:
    part = summarize_part("Chapter text.", 2, 12, SummaryOptions())
    assert "part 3 of 12" in user_text(part) and "Chapter text." in user_text(part)
    assert part.task == "summarize-part" and part.sampling.max_new_tokens == PART_ANSWER_TOKENS
    final = combine_summaries(
        [((0, 0), "First."), ((1, 3), "Second."), ((4, 4), "  ")], SummaryOptions(style="bullets"), final=True
    )
    prompt = user_text(final)
    assert "Part 1: First." in prompt and "Parts 2–4: Second." in prompt and "Part 5" not in prompt
    assert "whole document" in prompt and 'starting with "- "' in prompt
    middle = combine_summaries([((0, 0), "A."), ((1, 1), "B.")], SummaryOptions(style="bullets"), final=False)
    assert "one short paragraph" in user_text(middle) and "- " not in user_text(middle).split("---")[-1]
    assert middle.sampling.max_new_tokens == PART_ANSWER_TOKENS


def test_budget_counts_the_largest_wrapper_and_the_answers() -> None:
    options = SummaryOptions(length="detailed")
    budget = summary_budget(8192, options, words, part_tokens=1000)
    longest = max(
        words(user_text(summarize("x", options))),
        words(user_text(combine_summaries([((0, 998), "x")], options, final=True))),
    )
    assert budget.prompt_tokens > longest
    assert budget.answer_tokens == ANSWER_TOKENS["detailed"] and budget.part_answer_tokens == PART_ANSWER_TOKENS
    assert budget.part_tokens == 1000 and budget.context_length == 8192


def test_each_step_of_a_plan_gets_its_prompt() -> None:
    text = "\n\n".join(f"Paragraph {i}: " + "word " * 80 for i in range(10))
    options = SummaryOptions(answer_tokens=50, part_answer_tokens=40)
    plan = plan_summary(text, words, Budget(2048, 100, 50, 40, part_tokens=200))
    run = SummaryRun(plan, text)
    seen = []
    while (step := run.next_step()) is not None:
        request = summary_request(run, step, options, text_language="en")
        seen.append(request.task)
        assert request.sampling.max_new_tokens == plan.max_new_tokens(step)
        run.accept(step, f"Summary {step.index}.")
    assert seen == ["summarize-part"] * plan.parts + ["summarize-combine"]
    single = plan_summary("Short text.", words, Budget(2048, 100, 50, 40))
    request = summary_request(SummaryRun(single, "Short text."), single.steps[0], options)
    assert request.task == "summarize" and "Short text." in user_text(request)


def test_translation_prompt_sends_only_the_text_and_uses_prompt_lookup() -> None:
    segment = Segment("heading", "The River Year", prefix="## ")
    request = translate(segment, BY_CODE["de"], BY_CODE["en"], max_new_tokens=40)
    prompt = user_text(request)
    assert request.source == "translate" and request.task == "translate"
    assert request.sampling.prompt_lookup_tokens == 10 and request.sampling.greedy
    assert request.sampling.max_new_tokens == 40
    assert prompt.endswith("\n\nThe River Year") and "##" not in prompt
    assert "from English into German" in prompt and "one line" in prompt
    cell = user_text(translate(Segment("table_cell", "Rain (mm)"), BY_CODE["fr"], None, max_new_tokens=9))
    assert "table cell" in cell and "into French" in cell and " from " not in cell.split(".")[0]
    assert cell.endswith("\n\nRain (mm)") and "one line" in cell
    paragraph = user_text(translate(Segment("paragraph", "Hello."), BY_CODE["ja"], None, max_new_tokens=9))
    assert "line breaks" in paragraph and "`backticks`" in paragraph and "Japanese" in paragraph


def test_translation_sizes_fit_the_context() -> None:
    prompt = translation_prompt_tokens(words)
    assert prompt > 20
    limit = translation_segment_tokens(2048, prompt)
    assert limit == 400
    small = translation_segment_tokens(600, prompt)
    assert small < 400 and prompt + small * 4 <= 600
    assert translation_max_new_tokens(100, 8192, prompt) == 316
    assert translation_max_new_tokens(1000, 2048, prompt) == 2048 - prompt - 1000


def test_translation_stream_keeps_structure_append_only() -> None:
    stream = TranslationStream(Segment("quote", "a\nb", "> ", "> "))
    pieces = [stream.feed(p) for p in ["\n\n  Hallo", " Welt", "\n", "zweite", " Zeile  \n\n"]]
    pieces.append(stream.finish())
    assert "".join(pieces) == "Hallo Welt\n> zweite Zeile"
    heading = TranslationStream(Segment("heading", "Title", "# "))
    assert heading.feed("Der\nTitel\n\n") + heading.finish() == "Der Titel"
    cell = TranslationStream(Segment("table_cell", "Rain | snow"))
    assert cell.feed("Pluie | neige\n") + cell.finish() == "Pluie \\| neige"  # a pipe would split the cell


def test_an_empty_translation_keeps_the_original_text() -> None:
    stream = TranslationStream(Segment("list_item", "one\ntwo", "- ", "  "))
    assert stream.feed(" \n ") == ""
    assert stream.finish() == "one\n  two"
    assert not TranslationStream(Segment("paragraph", "x")).wrote_anything


def test_weak_models_get_a_plain_note_suggesting_a_better_one() -> None:
    assert weak_at("SmolLM2-135M-Instruct", "translate")
    assert weak_at("smollm2-135m-instruct.q4-1-364fa1f63a", "translate")
    assert not weak_at("SmolLM2-135M-Instruct", "summarize")
    assert not weak_at("Qwen2.5-1.5B-Instruct", "translate")
    note = capability_note("SmolLM2-135M-Instruct", "translate")
    assert note is not None and "cannot translate" in note and SUGGESTED_MODEL in note
    assert capability_note("Qwen2.5-7B-Instruct", "translate") is None


def test_what_the_model_writes_after_a_blank_line_is_not_part_of_the_translation() -> None:
    """SmolLM2 translating "- the mill" wrote "L'amélioratif de la millle\\n\\nL'": the chatter must not add a
    paragraph to the document."""
    from app.engine.chunking import Segment
    from app.engine.task_prompts import TranslationStream

    item = TranslationStream(Segment("list_item", "the mill", prefix="- ", line_prefix="  "))
    out = (
        item.feed("Le moulin") + item.feed("\n") + item.feed("\nNote: this is") + item.feed(" a list.") + item.finish()
    )
    assert out == "Le moulin"
    paragraph = TranslationStream(Segment("paragraph", "One.\nTwo."))
    assert paragraph.feed("Un.\nDeux.\n \n(Translated.)") + paragraph.finish() == "Un.\nDeux."
