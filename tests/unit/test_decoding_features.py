"""KV-cache reuse across chat turns and prompt-lookup decoding: faster, and the same tokens."""

from __future__ import annotations

from pathlib import Path

from app.engine.requests import Chat, Done, Message, RawText, Request, Sampling
from app.worker.client import JobHandle, ModelClient
from tests.helpers.models import direct_greedy


def finish(qtbot, handle: JobHandle) -> Done:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(handle.finished, timeout=120_000) as blocker:
        pass
    return blocker.args[0]  # type: ignore[no-any-return]


def chat_request(messages: list[Message], key: str) -> Request:
    return Request("chat", Chat(tuple(messages)), Sampling.plain_greedy(20), source="chat", cache_key=key)


def converse(qtbot, client: ModelClient, key: str) -> list[Done]:  # type: ignore[no-untyped-def]
    """Four turns; each reply goes into the history of the next turn, as the chat pane does."""
    history: list[Message] = [Message("system", "You are brief.")]
    results = []
    for question in ("Name a river.", "How long is it?", "Which sea does it reach?", "Thanks!"):
        history.append(Message("user", question))
        done = finish(qtbot, client.submit(chat_request(history, key)))
        results.append(done)
        history.append(Message("assistant", done.text))
    return results


def prompt_ids(folder: Path, history: list[Message]) -> list[int]:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    rendered = tokenizer.apply_chat_template(
        [{"role": m.role, "content": m.content} for m in history], add_generation_prompt=True, tokenize=False
    )
    return list(tokenizer(rendered, add_special_tokens=False)["input_ids"])


def common_prefix(a: list[int], b: list[int]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def test_follow_up_turns_reuse_the_cache_and_give_the_same_tokens(
    qtbot, tiny_client: ModelClient, tiny_model_dir: Path
) -> None:
    with_reuse = converse(qtbot, tiny_client, key="conversation-1")
    without = converse(qtbot, tiny_client, key="")
    assert [d.text for d in with_reuse] == [d.text for d in without]
    assert with_reuse[0].stats is not None and with_reuse[0].stats.cached_prompt_tokens == 0
    assert all(d.stats is not None and d.stats.cached_prompt_tokens == 0 for d in without)
    # Rebuild each turn's prompt: every token a turn shares with the previous turn's prompt came from the cache
    # (more when the re-tokenized reply matches what was generated), so only the new part was read.
    history: list[Message] = [Message("system", "You are brief.")]
    prompts: list[list[int]] = []
    for question, done in zip(
        ("Name a river.", "How long is it?", "Which sea does it reach?", "Thanks!"), with_reuse, strict=True
    ):
        history.append(Message("user", question))
        prompts.append(prompt_ids(tiny_model_dir, history))
        history.append(Message("assistant", done.text))
    for turn in range(1, len(with_reuse)):
        stats = with_reuse[turn].stats
        assert stats is not None and stats.prompt_tokens == len(prompts[turn])
        assert stats.cached_prompt_tokens >= common_prefix(prompts[turn - 1], prompts[turn]) > 0
    assert all(d.stats is not None and d.stats.cached_prompt_tokens == 0 for d in without)


def test_an_edited_turn_reuses_only_the_common_prefix(qtbot, tiny_client: ModelClient, tiny_model_dir: Path) -> None:
    first = [Message("user", "Tell me about the moon.")]
    done = finish(qtbot, tiny_client.submit(chat_request(first, "edit-test")))
    long_history = [*first, Message("assistant", done.text), Message("user", "And the sun?")]
    finish(qtbot, tiny_client.submit(chat_request(long_history, "edit-test")))
    # The user edits the first message: the cache is cut where the prompts diverge, and the answer is exact.
    edited = [Message("user", "Tell me about the stars.")]
    again = finish(qtbot, tiny_client.submit(chat_request(edited, "edit-test")))
    assert again.stats is not None and 0 < again.stats.cached_prompt_tokens < again.stats.prompt_tokens
    assert again.text == direct_greedy(
        tiny_model_dir, messages=[{"role": "user", "content": "Tell me about the stars."}], max_new_tokens=20
    )


def test_a_stopped_turn_does_not_poison_the_next_one(qtbot, tiny_client: ModelClient, tiny_model_dir: Path) -> None:
    messages = [Message("user", "Write a long story.")]
    long = Request("chat", Chat(tuple(messages)), Sampling.plain_greedy(1500), source="chat", cache_key="stop-test")
    handle = tiny_client.submit(long)
    with qtbot.waitSignal(handle.chunk, timeout=60_000):
        pass
    handle.cancel()
    assert finish(qtbot, handle).cancelled
    done = finish(qtbot, tiny_client.submit(chat_request(messages, "stop-test")))
    assert done.text == direct_greedy(
        tiny_model_dir, messages=[{"role": "user", "content": "Write a long story."}], max_new_tokens=20
    )


def test_prompt_lookup_gives_the_same_greedy_text(qtbot, tiny_client: ModelClient, tiny_model_dir: Path) -> None:
    text = "Fix the spelling: Teh quick brown fox jumpd over the lazzy dog. Teh quick brown fox"
    plain = finish(qtbot, tiny_client.submit(Request("edit", RawText(text), Sampling.plain_greedy(40))))
    lookup_sampling = Sampling(max_new_tokens=40, greedy=True, repetition_penalty=1.0, prompt_lookup_tokens=10)
    fast = finish(qtbot, tiny_client.submit(Request("edit", RawText(text), lookup_sampling)))
    assert fast.text == plain.text == direct_greedy(tiny_model_dir, text=text, max_new_tokens=40)
    assert fast.stats is not None and fast.stats.decoding == "greedy+lookup"
    assert plain.stats is not None and plain.stats.decoding == "greedy"
