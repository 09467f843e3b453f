"""The fast CPU path (app/engine/fast_decode.py): quantization, the lean forward against transformers' own forward
on the same weights, and the backend's use of it (streaming, stop during prefill, cache reuse, prompt lookup)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from app.engine import fast_decode
from app.engine.backends.local import LocalBackend
from app.engine.requests import Chat, Message, ModelSpec, RawText, Request, Sampling


class Flag:
    def __init__(self, after: int | None = None) -> None:
        self.after, self.calls = after, 0

    def is_set(self) -> bool:
        self.calls += 1
        return self.after is not None and self.calls > self.after


def test_weights_from_a_4bit_block_format_become_int4_without_loss() -> None:
    torch.manual_seed(0)
    rows, cols = 64, 128
    q = torch.randint(0, 16, (rows, cols // fast_decode.GROUP, fast_decode.GROUP)).float()
    q[..., 0], q[..., 1] = 0, 15  # every block spans its full range, as GGUF's Q4_1 blocks do
    scale = (torch.rand(rows, cols // fast_decode.GROUP, 1) * 0.01 + 0.001).to(torch.bfloat16).float()
    low = (torch.randn(rows, cols // fast_decode.GROUP, 1) * 0.05).to(torch.bfloat16).float()
    weight = (q * scale + low).reshape(rows, cols)
    layer = fast_decode.QLinear(weight, None)
    assert layer.kind == "int4"
    x = torch.randn(3, cols).to(torch.bfloat16)
    expected = x.float() @ weight.t()
    assert torch.allclose(layer.mm(x).float(), expected, atol=0.02 * expected.abs().max().item())


def test_float_weights_stay_int8_with_per_channel_scales() -> None:
    torch.manual_seed(0)
    weight = torch.randn(48, 64) * torch.logspace(-2, 0, 48).unsqueeze(1)  # rows of very different sizes
    layer = fast_decode.QLinear(weight, None)
    assert layer.kind == "int8" and layer.weight_q is not None
    # Per-channel scales: every row, even the smallest, is within half a step of its own range.
    restored = layer.weight_q.float() * layer.scales.float().unsqueeze(1)
    row_range = weight.abs().amax(dim=1, keepdim=True)
    assert ((restored - weight).abs() / row_range).max() <= 0.5 / 127 + 1e-3
    x = torch.randn(2, 64)
    assert torch.allclose(layer(x), x @ restored.t(), rtol=0.02, atol=0.02)


def test_prompt_lookup_draft_follows_the_latest_match() -> None:
    tokens = [5, 6, 7, 1, 5, 6, 9, 2, 5, 6]
    assert fast_decode.find_draft(tokens, 3) == [9, 2, 5]
    assert fast_decode.find_draft([1, 2, 3], 4) == []
    assert fast_decode.find_draft(tokens, 0) == []


@pytest.fixture(scope="module")
def tiny_pair(tiny_model_dir: Path) -> tuple[object, fast_decode.FastModel]:
    """transformers' model and the fast model built from a second copy: the copy's modules are swapped in place."""
    from transformers import AutoModelForCausalLM

    fast = fast_decode.FastModel(AutoModelForCausalLM.from_pretrained(tiny_model_dir).eval(), max_len=256)
    return fast.model, fast


def test_lean_forward_matches_transformers_on_the_same_weights(tiny_pair) -> None:  # type: ignore[no-untyped-def]
    hf_model, fast = tiny_pair
    ids = torch.randint(0, 1000, (40,), generator=torch.Generator().manual_seed(3))
    with torch.inference_mode():
        reference = hf_model(ids.unsqueeze(0)).logits[0].float()  # the swapped-in int8 modules, HF's own attention
        # Prefill in two slices, then single tokens: the static cache must give the same result as one pass.
        fast.forward(ids[:17], 0, last_only=False)
        stepped = [fast.logits(fast.forward(ids[17:30], 17, last_only=False))]
        stepped += [fast.logits(fast.forward(ids[i : i + 1], i)) for i in range(30, 40)]
    ours = torch.cat(stepped)
    assert torch.allclose(ours, reference[17:], atol=0.05 * reference.abs().max().item())
    assert (ours.argmax(-1) == reference[17:].argmax(-1)).float().mean() >= 0.9


def test_unsupported_architectures_are_named() -> None:
    from transformers import GPT2Config, GPT2LMHeadModel

    model = GPT2LMHeadModel(GPT2Config(n_layer=1, n_embd=32, n_head=2, vocab_size=100))
    assert "gpt2" in fast_decode.unsupported_reason(model)


@pytest.fixture(scope="module")
def backend(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> LocalBackend:
    backend = LocalBackend(tmp_path_factory.mktemp("models"), fast_cpu=True)
    backend.load(ModelSpec(ref=str(tiny_model_dir), device="cpu"), lambda progress: None)
    return backend


def test_the_backend_loads_the_fast_path_and_says_so(backend: LocalBackend) -> None:
    assert backend.info is not None and backend.info.dtype == "int8"  # a random tiny model has no 4-bit blocks
    assert "Fast CPU path" in backend.info.dtype_note and "float32" in backend.info.dtype_note


def test_float32_and_the_cli_keep_the_plain_path(tiny_model_dir: Path, tmp_path: Path) -> None:
    explicit = LocalBackend(tmp_path, fast_cpu=True)
    assert explicit.load(ModelSpec(ref=str(tiny_model_dir), dtype="float32"), lambda p: None).dtype == "float32"
    cli = LocalBackend(tmp_path)  # what `inkwell generate` builds
    assert cli.load(ModelSpec(ref=str(tiny_model_dir)), lambda p: None).dtype == "float32"


def test_streamed_text_equals_the_unstreamed_fast_run(backend: LocalBackend) -> None:
    request = Request("continue", RawText("The lighthouse keeper"), Sampling.plain_greedy(30))
    pieces: list[str] = []
    done = backend.stream(request, pieces.append, Flag())
    assert done.stats is not None and done.stats.new_tokens == 30 and len(pieces) > 1
    assert "".join(pieces) == done.text == backend.raw_generate(request).text


def test_stop_during_prefill_is_seen_between_layers(backend: LocalBackend) -> None:
    long = RawText("word " * 900)
    flag = Flag(after=3)  # set part-way through the first prefill slice
    done = backend.stream(Request("continue", long, Sampling.plain_greedy(10)), lambda text: None, flag)
    assert done.reason == "cancelled" and done.stopped_in == "prefill" and done.text == ""
    assert flag.calls <= 6  # it stopped at once, not after the whole prompt


def test_chat_turns_reuse_the_static_cache_with_the_same_text(backend: LocalBackend) -> None:
    history = [Message("user", "Name a river.")]
    first = backend.stream(Request("chat", Chat(tuple(history)), Sampling.plain_greedy(12), cache_key="c"), str, Flag())
    history += [Message("assistant", first.text), Message("user", "How long is it?")]
    request = Request("chat", Chat(tuple(history)), Sampling.plain_greedy(12), cache_key="c")
    reused = backend.stream(request, str, Flag())
    fresh = backend.stream(Request("chat", Chat(tuple(history)), Sampling.plain_greedy(12)), str, Flag())
    assert reused.stats is not None and reused.stats.cached_prompt_tokens > 0
    assert fresh.stats is not None and fresh.stats.cached_prompt_tokens == 0
    assert reused.text == fresh.text


def test_prompt_lookup_and_sampling_work_on_the_fast_path(backend: LocalBackend) -> None:
    text = "Fix the spelling: Teh quick brown fox jumpd over the lazzy dog. Teh quick brown fox"
    plain = backend.stream(Request("edit", RawText(text), Sampling.plain_greedy(30)), str, Flag())
    lookup = Sampling(max_new_tokens=30, greedy=True, repetition_penalty=1.0, prompt_lookup_tokens=10)
    looked = backend.stream(Request("edit", RawText(text), lookup), str, Flag())
    assert looked.stats is not None and looked.stats.decoding == "greedy+lookup"
    assert looked.text == plain.text
    sampled = Sampling(max_new_tokens=20, temperature=0.8, seed=7)
    one = backend.stream(Request("continue", RawText(text), sampled), str, Flag())
    two = backend.stream(Request("continue", RawText(text), sampled), str, Flag())
    assert one.text == two.text and one.stats is not None and one.stats.new_tokens == 20
    # Sampling with prompt lookup is left to generate, on the same quantized modules.
    both = Sampling(max_new_tokens=20, temperature=0.8, seed=7, prompt_lookup_tokens=5)
    fallback = backend.stream(Request("continue", RawText(text), both), str, Flag())
    assert fallback.stats is not None and fallback.stats.new_tokens > 0


def test_the_window_s_model_host_reports_the_fast_path(qtbot, tiny_client) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(tiny_client.model_loaded, timeout=120_000) as blocker:
        tiny_client.load()
    info = blocker.args[0]
    assert info.device == "cpu" and info.dtype == "int8" and "Fast CPU path" in info.dtype_note


def test_a_request_longer_than_the_static_cache_runs_through_generate(backend: LocalBackend) -> None:
    assert backend._fast is not None
    full = backend._fast.max_len
    request = Request("continue", RawText("The lighthouse keeper"), Sampling.plain_greedy(12))
    expected = backend.stream(request, str, Flag())
    backend._fast.max_len = 8  # as if the model's context were larger than the fast path's cache
    try:
        pieces: list[str] = []
        done = backend.stream(request, pieces.append, Flag())
    finally:
        backend._fast.max_len = full
    assert done.stats is not None and done.stats.new_tokens == 12 and "".join(pieces) == done.text
    assert done.text.split()[:2] == expected.text.split()[:2]  # the same int8 weights, HF's own attention
