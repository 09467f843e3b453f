"""The GPU check: load a model on CUDA in bfloat16 through the app and stream 256 tokens into the editor.

Prints decode tokens/s (the host's own timing, first token excluded), time to first token, and the
bandwidth-bound ratio: tokens/s x the bytes of weights read per token, divided by the GPU memory bandwidth
measured here with a large device-to-device copy. A small model is bound by kernel launches, not bandwidth, so its
ratio is low; a 7B model should come close to 1.

    python benchmarks/gpu_stream.py                      # the embedded model
    python benchmarks/gpu_stream.py --model /path/to/Qwen2.5-7B-Instruct

On a machine without CUDA it says so and exits 0 (so `make bench` runs everywhere).
"""

from __future__ import annotations

import sys

import _common  # noqa: F401  (offscreen Qt and the repository on sys.path, before any app import)
from _common import make_app_context, report, wait_for

TOKENS = 256
SEED = "Chapter one.\n\nThe ferry left the harbour at dawn, and the passengers"


def cuda_reason() -> str:
    import torch

    if not torch.cuda.is_available():
        return f"no CUDA device (torch {torch.__version__})"
    return ""


def bandwidth_gb_s() -> float:
    """Device memory bandwidth, measured: a 2 GiB copy reads and writes every byte once."""
    import torch

    size = 2 * 1024**3
    source = torch.empty(size, dtype=torch.uint8, device="cuda")
    target = torch.empty_like(source)
    for _ in range(3):
        target.copy_(source)
    torch.cuda.synchronize()
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    rounds = 10
    start.record()
    for _ in range(rounds):
        target.copy_(source)
    end.record()
    torch.cuda.synchronize()
    seconds = start.elapsed_time(end) / 1000
    del source, target
    torch.cuda.empty_cache()
    return 2 * size * rounds / seconds / 1e9


def weight_bytes(path: str) -> int:
    """Bytes of weights read per generated token: every parameter once, in bfloat16."""
    import torch
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.bfloat16, device_map="cuda")
    total = sum(p.numel() * p.element_size() for p in model.parameters())
    del model
    torch.cuda.empty_cache()
    return total


def main() -> int:
    import argparse

    from PySide6.QtGui import QTextCursor

    from app.engine.requests import Sampling

    parser = argparse.ArgumentParser(description="Stream 256 tokens on CUDA in bfloat16 through the app.")
    parser.add_argument("--model", default="", help="a model folder or .gguf file (default: the embedded model)")
    options = parser.parse_args()
    reason = cuda_reason()
    if reason:
        print(f"gpu_stream: skipped, {reason}", flush=True)
        report({"skipped": True, "reason": reason})
        return 0

    _app, context = make_app_context(model__device="cuda", model__dtype="bfloat16", model__ref=options.model)
    window, client = context.window, context.client
    sampling = Sampling(max_new_tokens=TOKENS, min_new_tokens=TOKENS, greedy=True, repetition_penalty=1.0)
    window.continuation.sampling = lambda: sampling
    try:
        window.show()
        client.load()
        (info,) = wait_for(client.model_loaded, timeout_s=600)
        runs = []
        for _ in range(3):  # the first run warms up kernels and allocations
            window.editor.setPlainText(SEED)
            window.editor.moveCursor(QTextCursor.MoveOperation.End)
            window.continue_writing()
            (done,) = wait_for(window.continuation.finished)
            window.continuation.settle(accept=False)
            runs.append(done.stats)  # type: ignore[attr-defined]
    finally:
        window.close()
    stats = runs[-1]
    decode_s = (stats.total_ms - stats.ttft_ms) / 1000
    tok_s = (stats.new_tokens - 1) / decode_s if decode_s > 0 else 0.0
    weights = weight_bytes(info.path)  # type: ignore[attr-defined]
    bandwidth = bandwidth_gb_s()
    bound_tok_s = bandwidth * 1e9 / weights
    report(
        {
            "model": info.name,  # type: ignore[attr-defined]
            "device": info.device,  # type: ignore[attr-defined]
            "dtype": info.dtype,  # type: ignore[attr-defined]
            "tokens": stats.new_tokens,
            "tok_s": round(tok_s, 1),
            "ttft_ms": round(stats.ttft_ms, 1),
            "weights_mb": round(weights / 2**20, 1),
            "bandwidth_gb_s": round(bandwidth, 1),
            "bandwidth_bound_tok_s": round(bound_tok_s, 1),
            "bandwidth_bound_ratio": round(tok_s / bound_tok_s, 4),
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
