"""CPU decoding at the size where it decides usability: a Qwen2.5-1.5B-shaped model, float32 against the fast path.

The model is built from Qwen2.5-1.5B's published configuration with random weights (nothing is downloaded), so
this measures speed and memory only; quality is measured on the real embedded model by cpu_decode.py. Each
variant runs in its own process, so resident memory is that variant's alone:
- fp32: plain greedy `model.generate`, as `inkwell generate` runs it.
- fast: app/engine/fast_decode.py (random float weights quantize to int8 per channel: int4 is used only where it
  loses nothing against int8, which random weights never allow), its greedy loop.
Greedy, 64 new tokens after a 16-token prompt, 2 threads. Goals: speedup >= 3, fast_rss_mb <= 0.35 x fp32_rss_mb.

    python benchmarks/cpu_decode_1p5b.py
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from typing import Any

import _common  # noqa: F401  (the repository on sys.path)
from _common import report

TOKENS = 64
PROMPT_TOKENS = 16
THREADS = 2

# Qwen/Qwen2.5-1.5B-Instruct config.json, as published.
QWEN2_5_1_5B: dict[str, Any] = {
    "hidden_size": 1536,
    "intermediate_size": 8960,
    "num_hidden_layers": 28,
    "num_attention_heads": 12,
    "num_key_value_heads": 2,
    "max_position_embeddings": 32768,
    "rope_theta": 1000000.0,
    "rms_norm_eps": 1e-6,
    "vocab_size": 151936,
    "tie_word_embeddings": True,
    "hidden_act": "silu",
    "use_sliding_window": False,
    "sliding_window": 32768,
    "max_window_layers": 21,
    "bos_token_id": 151643,
    "eos_token_id": 151645,
}


def build() -> Any:
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    torch.manual_seed(0)
    model = Qwen2ForCausalLM(Qwen2Config(**QWEN2_5_1_5B)).eval()
    return model


def run_variant(variant: str, results: Any) -> None:
    import psutil
    import torch

    from app.engine.fast_decode import FastModel, release_memory

    torch.set_num_threads(THREADS)
    started = time.perf_counter()
    model = build()
    prompt = torch.randint(1000, 100000, (PROMPT_TOKENS,), generator=torch.Generator().manual_seed(1))
    with torch.inference_mode():
        if variant == "fp32":
            ids = prompt.unsqueeze(0)

            def generate(count: int) -> list[int]:
                out = model.generate(
                    ids,
                    attention_mask=torch.ones_like(ids),
                    max_new_tokens=count,
                    min_new_tokens=count,
                    do_sample=False,
                    pad_token_id=0,
                )
                return [int(t) for t in out[0, PROMPT_TOKENS:]]

        else:
            fast = FastModel(model, max_len=QWEN2_5_1_5B["max_position_embeddings"])
            del model
            release_memory()

            def generate(count: int) -> list[int]:
                hidden = fast.forward(prompt, 0)
                tokens = [int(fast.pick(hidden, fast.logits(hidden))[0])]
                while len(tokens) < count:
                    hidden = fast.forward(torch.tensor(tokens[-1:]), PROMPT_TOKENS + len(tokens) - 1)
                    tokens.append(int(fast.pick(hidden, fast.logits(hidden))[0]))
                return tokens

        prepared = time.perf_counter() - started
        generate(2)  # warm-up: first-call allocations
        began = time.perf_counter()
        tokens = generate(TOKENS)
        elapsed = time.perf_counter() - began
    assert len(tokens) == TOKENS
    rss = psutil.Process().memory_info().rss / 1024 / 1024
    kinds = getattr(locals().get("fast"), "kinds", {})
    results.put({"tok_s": TOKENS / elapsed, "rss_mb": rss, "prepare_s": prepared, "kinds": kinds})


def measure(variant: str) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    process = context.Process(target=run_variant, args=(variant, results))
    process.start()
    result: dict[str, Any] = results.get(timeout=900)
    process.join(60)
    return result


def main() -> int:
    fp32 = measure("fp32")
    fast = measure("fast")
    report(
        {
            "fp32_tok_s": round(fp32["tok_s"], 3),
            "fast_tok_s": round(fast["tok_s"], 3),
            "speedup": round(fast["tok_s"] / fp32["tok_s"], 2),
            "fp32_rss_mb": round(fp32["rss_mb"], 1),
            "fast_rss_mb": round(fast["rss_mb"], 1),
            "memory_ratio": round(fast["rss_mb"] / fp32["rss_mb"], 3),
            "fast_layers": fast["kinds"],
            "prepare_s": {"fp32": round(fp32["prepare_s"], 1), "fast": round(fast["prepare_s"], 1)},
            "tokens": TOKENS,
            "threads": THREADS,
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
