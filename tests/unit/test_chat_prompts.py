"""Chat turn -> Request: presets, history fitting, grounding (whole or passages with citations), refusals.

Token counts come from the embedded model's real tokenizer.json (no torch in the counter); one test checks the
estimates against the real chat template.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine.chat_prompts import (
    PRESETS,
    Citation,
    Grounding,
    TooLong,
    Turn,
    TurnInputs,
    TurnPlan,
    build_turn,
    citations_to_show,
    cited_numbers,
    prompt_budget,
    system_for,
)
from app.engine.requests import Chat, Sampling
from app.engine.token_count import TokenCounter

FILLER = (
    "The committee met again on Tuesday to discuss the budget for the coming year, the state of the roads, "
    "and whether the library should open on Sundays. Nobody agreed on anything. "
)


@pytest.fixture(scope="module")
def counter(embedded_copy: Path) -> TokenCounter:
    counter = TokenCounter(embedded_copy)
    assert counter.exact
    return counter


def inputs(**overrides: object) -> TurnInputs:
    values: dict[str, object] = {
        "conversation_id": "conv-1",
        "system_prompt": system_for("assistant"),
        "history": (),
        "question": "What is a sonnet?",
        "context_length": 8192,
        "sampling": Sampling(max_new_tokens=256),
        "grounding": None,
    }
    values.update(overrides)
    return TurnInputs(**values)  # type: ignore[arg-type]


def plan_of(result: TurnPlan | TooLong) -> TurnPlan:
    assert isinstance(result, TurnPlan), result
    return result


def history_of(turns: int, words: int = 60) -> tuple[Turn, ...]:
    out: list[Turn] = []
    for i in range(turns):
        out.append(Turn("user", f"Question {i}: " + "please explain " * (words // 2)))
        out.append(Turn("assistant", f"Answer {i}: " + FILLER[: words * 5]))
    return tuple(out)


def test_presets_exist_and_a_turn_becomes_a_chat_request(counter: TokenCounter) -> None:
    assert set(PRESETS) == {"assistant", "editor", "translator", "tutor"}
    history = (Turn("user", "Hello"), Turn("assistant", "Hi! How can I help?"))
    sampling = Sampling(max_new_tokens=64, temperature=0.3)
    plan = plan_of(build_turn(inputs(history=history, sampling=sampling), counter))
    request = plan.request
    assert request.task == "chat" and request.source == "chat" and request.cache_key == "conv-1"
    assert request.sampling == sampling
    assert isinstance(request.prompt, Chat)
    assert [(m.role, m.content) for m in request.prompt.messages] == [
        ("system", PRESETS["assistant"].prompt),
        ("user", "Hello"),
        ("assistant", "Hi! How can I help?"),
        ("user", "What is a sonnet?"),
    ]
    assert plan.user_tokens == counter.count("What is a sonnet?").tokens
    assert plan.history_tokens == (counter.count("Hello").tokens, counter.count("Hi! How can I help?").tokens)
    assert plan.dropped_messages == 0 and plan.grounding_mode == "none" and plan.citations == ()


def test_the_oldest_turns_are_dropped_whole_and_counted(counter: TokenCounter) -> None:
    history = history_of(12)
    plan = plan_of(build_turn(inputs(history=history, context_length=1024), counter))
    assert isinstance(plan.request.prompt, Chat)
    messages = plan.request.prompt.messages
    assert plan.dropped_messages > 0 and plan.dropped_messages % 2 == 0  # whole exchanges
    kept = history[plan.dropped_messages :]
    assert [(m.role, m.content) for m in messages[1:-1]] == [(t.role, t.content) for t in kept]  # never cut
    assert messages[1].role == "user"
    assert plan.prompt_tokens <= prompt_budget(Sampling(max_new_tokens=256), 1024)
    # One more exchange would not have fitted.
    assert plan.prompt_tokens + sum(plan.history_tokens[plan.dropped_messages - 2 : plan.dropped_messages]) > (
        prompt_budget(Sampling(max_new_tokens=256), 1024) - 16
    )


def test_known_history_counts_are_used_as_given(counter: TokenCounter) -> None:
    history = (Turn("user", "Hello", tokens=3000), Turn("assistant", "Hi", tokens=3000))
    plan = plan_of(build_turn(inputs(history=history, context_length=4096), counter))
    assert plan.history_tokens == (3000, 3000) and plan.dropped_messages == 2


def test_a_document_that_fits_goes_whole_into_the_system_message(counter: TokenCounter) -> None:
    document = "The keeper's cat was called Pepper.\n\nThe ferry left at dawn for Kiel."
    grounding = Grounding(document, "document", 0)
    plan = plan_of(build_turn(inputs(grounding=grounding, question="What was the cat called?"), counter))
    assert plan.grounding_mode == "whole"
    assert isinstance(plan.request.prompt, Chat)
    system = plan.request.prompt.messages[0]
    assert system.role == "system" and "[1] The keeper's cat was called Pepper." in system.content
    assert plan.request.prompt.messages[-1].content == "What was the cat called?"  # the question alone
    assert [document[c.start : c.end] for c in plan.citations] == [c.text for c in plan.citations]
    # Of a whole document only the passages the answer names are shown.
    assert citations_to_show(plan.citations, plan.grounding_mode, "It was Pepper.") == []
    shown = citations_to_show(plan.citations, plan.grounding_mode, "Pepper [1], see also [1] and [7].")
    assert [c.number for c in shown] == [1]


def test_a_document_longer_than_the_context_is_given_as_ranked_passages(counter: TokenCounter) -> None:
    fact = "The keeper's cat, a grey tabby, was called Pepper and slept on the lamp room stairs."
    document = (FILLER * 6 + "\n\n") * 30 + fact + "\n\n" + (FILLER * 6 + "\n\n") * 30
    assert counter.count(document).tokens > 8192
    plan = plan_of(
        build_turn(inputs(grounding=Grounding(document, "document", 0), question="What was the cat called?"), counter)
    )
    assert plan.grounding_mode == "passages" and plan.passages_total > len(plan.citations) > 0
    first = plan.citations[0]
    assert first.number == 1 and fact in first.text
    assert document[first.start : first.end] == first.text
    assert isinstance(plan.request.prompt, Chat)
    user = plan.request.prompt.messages[-1].content
    assert user == plan.user_content and user.startswith("Passages from the document")
    assert f"[1] {first.text}" in user and user.endswith("Question: What was the cat called?")
    assert plan.prompt_tokens <= prompt_budget(Sampling(max_new_tokens=256), 8192)
    assert citations_to_show(plan.citations, "passages", "no numbers here") == list(plan.citations)


def test_a_selection_cites_document_offsets_and_an_attachment_does_not(counter: TokenCounter) -> None:
    document = "Intro line.\n\nThe bridge opened in 1932 after six years of work."
    selection = document[13:]
    plan = plan_of(
        build_turn(inputs(grounding=Grounding(selection, "selection", 13), question="When did it open?"), counter)
    )
    assert plan.grounding_mode == "whole"
    [citation] = plan.citations
    assert document[citation.start : citation.end] == citation.text and citation.in_document
    assert isinstance(plan.request.prompt, Chat)
    assert selection in plan.request.prompt.messages[-1].content  # a selection belongs to the question

    pasted = plan_of(build_turn(inputs(grounding=Grounding(selection, "attachment", -1), question="When?"), counter))
    assert not pasted.citations[0].in_document
    assert Citation.from_dict(pasted.citations[0].to_dict()) == pasted.citations[0]


def test_a_20000_token_paste_is_refused_with_numbers(counter: TokenCounter) -> None:
    paste = FILLER * 640
    result = build_turn(inputs(question=paste), counter)
    assert isinstance(result, TooLong) and result.what == "message" and result.exact
    assert result.tokens > 19_000 and 0 < result.limit < 8192
    # As context for a question instead, it goes in as passages.
    plan = plan_of(
        build_turn(
            inputs(question="What did the committee discuss?", grounding=Grounding(paste, "attachment", -1)), counter
        )
    )
    assert plan.grounding_mode == "passages"


def test_an_overlong_system_prompt_is_refused(counter: TokenCounter) -> None:
    result = build_turn(inputs(system_prompt=FILLER * 20, context_length=1024), counter)
    assert isinstance(result, TooLong) and result.what == "system"


def test_without_a_tokenizer_counts_are_estimates() -> None:
    plan = plan_of(build_turn(inputs(history=history_of(2)), TokenCounter(None)))
    assert not plan.exact and plan.user_tokens > 0


def test_estimates_cover_the_real_chat_template(counter: TokenCounter, embedded_copy: Path) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(embedded_copy)
    plan = plan_of(build_turn(inputs(history=history_of(20), context_length=2048), counter))
    assert isinstance(plan.request.prompt, Chat)
    messages = [{"role": m.role, "content": m.content} for m in plan.request.prompt.messages]
    rendered = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    real = len(tokenizer(rendered, add_special_tokens=False)["input_ids"])
    assert plan.dropped_messages > 0
    assert real <= plan.prompt_tokens <= 2048 - 256


def test_cited_numbers_in_order_of_first_mention() -> None:
    assert cited_numbers("See [3] and [1], again [3]; not [x] or [1000].") == [3, 1]
