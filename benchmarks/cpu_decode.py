"""CPU decoding of the embedded model: plain float32 `generate` against the app's default fast path.

Greedy, 128 new tokens after a ~64-token prompt, 2 threads.
- raw: float32 `model.generate` in its own model host (inference_mode, no streamer/hooks), one warm-up, median of 3.
- app: the default CPU path (precision "auto": app/engine/fast_decode.py) through the whole app path: request ->
  worker thread -> host -> pipe -> worker -> queued signals on the GUI thread, timed there; one warm-up, median of 3.
- agreement: teacher-forced top-1 agreement. The float32 greedy continuations (128 new tokens) of 10 fixed, varied
  prompts are fed to the fast path; the fraction of positions where its choice of next token equals float32's.
  (Free-running outputs of two precisions part at the first near-tie, so comparing them measures luck.)
- ppl_ratio: perplexity of the fast path over float32's on tests/data/river_year.md (its first 4,096 tokens, in
  1,024-token windows).
- host_rss_mb: resident memory of the app's model host after a 256-token generation.
- llamacpp_*: where the optional llama-cpp-python is installed, the same app-path rounds, host memory and quality
  figures for the llama.cpp backend, which the window uses for GGUF models then (the embedded GGUF itself, Q4_1).
  Its agreement and perplexity come from its logits of the same token ids (logits_all=True).
Goals: speedup >= 5, agreement >= 0.97, ppl_ratio <= 1.03, host_rss_mb <= 450.

    python benchmarks/cpu_decode.py
    python benchmarks/cpu_decode.py --threads 1   # on a machine whose cores other jobs keep busy
"""

from __future__ import annotations

import math
import sys
import time
from typing import Any

import _common  # noqa: F401  (offscreen Qt and the repository on sys.path, before any app import)
from _common import REPO, median, report, wait_for

TOKENS = 128
ROUNDS = 3
THREADS = 2
PROMPT = (
    "The river had frozen early that year, and the ferryman, who had worked the crossing for forty winters, "
    "decided to walk across the ice to the village on the far bank. He packed bread, a lantern and a letter for "
    "his sister, and set out before the sun was up. Halfway across, he heard"
)
QUALITY_PROMPTS = (
    "The ferry left the harbour at dawn, and the passengers",
    "def fibonacci(n):\n    ",
    "Dear Sir or Madam,\n\nI am writing to complain about",
    "The mitochondria is the part of the cell that",
    "In 1848, revolutions swept across Europe because",
    "Here is a recipe for a simple tomato soup:\n\n1.",
    "Q: What is the capital of Australia?\nA:",
    "The three most important things to remember when writing a cover letter are",
    "Once upon a time, in a village at the edge of a great forest, there lived",
    "Photosynthesis converts sunlight into chemical energy. In simple terms,",
)
PPL_TOKENS = 4096
PPL_WINDOW = 1024


def main() -> int:
    import argparse
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from app.engine.backends.choice import llamacpp_installed
    from app.engine.requests import ModelSpec, RawText, Request, Sampling
    from app.paths import AppPaths
    from app.worker.client import ModelClient
    from app.worker.host import HostConfig

    parser = argparse.ArgumentParser(description="CPU decoding: float32 generate vs the app's fast path.")
    parser.add_argument("--threads", type=int, default=THREADS, help="torch threads in both model hosts")
    threads = parser.parse_args().threads
    app = QApplication.instance() or QApplication([])
    paths = AppPaths.default().ensure()
    # The torch fast path, also where llama-cpp-python is installed (its figures are the llamacpp_* keys).
    config = HostConfig(models_root=str(paths.models), log_file=str(paths.host_log), threads=threads, llamacpp=False)
    sampling = Sampling(max_new_tokens=TOKENS, min_new_tokens=TOKENS, greedy=True, repetition_penalty=1.0)
    request = Request("continue", RawText(PROMPT), sampling)

    def load(spec: ModelSpec, host: HostConfig = config) -> tuple[ModelClient, object]:
        client = ModelClient(host, spec)
        client.load()
        (info,) = wait_for(client.model_loaded, timeout_s=600)
        return client, info

    # The baseline first, in its own host, which is then stopped: the two never compete for the two cores.
    raw_client, raw_info = load(ModelSpec(dtype="float32"))
    try:
        raw_times = []
        for round_ in range(ROUNDS + 1):
            handle = raw_client.submit(request, raw=True)  # kept: the handle owns the signal being waited on
            (done,) = wait_for(handle.finished, timeout_s=600)
            assert done.stats.new_tokens == TOKENS, done  # type: ignore[attr-defined]
            if round_:
                raw_times.append(done.stats.total_ms / 1000)  # type: ignore[attr-defined]
        prompt_tokens = done.stats.prompt_tokens  # type: ignore[attr-defined]
    finally:
        raw_client.shutdown()

    def app_rounds(host: HostConfig) -> tuple[list[float], float, object]:
        """(seconds per round, host memory after a 256-token generation, ModelInfo) through the whole app path."""
        app_client, info = load(ModelSpec(), host)
        try:
            times = []
            for round_ in range(ROUNDS + 1):
                started = time.perf_counter()
                handle = app_client.submit(request)
                pieces: list[str] = []
                handle.chunk.connect(pieces.append)
                (done,) = wait_for(handle.finished, timeout_s=600)
                elapsed = time.perf_counter() - started
                assert done.stats.new_tokens == TOKENS and "".join(pieces) == done.text, done  # type: ignore[attr-defined]
                if round_:
                    times.append(elapsed)
            long = Request("continue", RawText(PROMPT), Sampling(max_new_tokens=256, min_new_tokens=256, greedy=True))
            handle = app_client.submit(long)
            wait_for(handle.finished, timeout_s=600)
            app.processEvents()
            return times, _rss_mb(app_client.host.pid), info
        finally:
            app_client.shutdown()

    app_times, host_rss_mb, info = app_rounds(config)
    llama: dict[str, object] = {}
    if llamacpp_installed():
        llama_times, llama_rss_mb, llama_info = app_rounds(replace(config, llamacpp=True))
        llama = {
            "llamacpp_tok_s": round(TOKENS / median(llama_times), 2),
            "llamacpp_speedup": 0.0,  # filled in below, against the same raw figure
            "llamacpp_rss_mb": round(llama_rss_mb, 1),
            "llamacpp_path": llama_info.dtype,  # type: ignore[attr-defined]
            "llamacpp_times_s": [round(t, 3) for t in llama_times],
        }

    raw_tok_s = TOKENS / median(raw_times)
    app_tok_s = TOKENS / median(app_times)
    agreement, ppl_ratio, llama_quality = quality(info.path, _gguf() if llama else "")  # type: ignore[attr-defined]
    if llama:
        llama["llamacpp_speedup"] = round(float(llama["llamacpp_tok_s"]) / raw_tok_s, 2)  # type: ignore[arg-type]
        llama.update(llama_quality)
    report(
        {
            "raw_fp32_tok_s": round(raw_tok_s, 2),
            "app_tok_s": round(app_tok_s, 2),
            "speedup": round(app_tok_s / raw_tok_s, 2),
            "agreement": round(agreement, 4),
            "ppl_ratio": round(ppl_ratio, 4),
            "host_rss_mb": round(host_rss_mb, 1),
            "path": describe_path(info.dtype),  # type: ignore[attr-defined]
            "raw_dtype": raw_info.dtype,  # type: ignore[attr-defined]
            "raw_times_s": [round(t, 3) for t in raw_times],
            "app_times_s": [round(t, 3) for t in app_times],
            "prompt_tokens": prompt_tokens,
            "tokens": TOKENS,
            "threads": threads,
            **llama,
        }
    )
    return 0


def _gguf() -> str:
    from app.engine.models import embedded_gguf

    return str(embedded_gguf() or "")


def describe_path(dtype: str) -> str:
    if dtype.startswith("int"):
        return f"fast CPU path: {dtype} weights (output layer int8), lean decode loop, static KV cache"
    return f"plain generate, {dtype}"


def _rss_mb(pid: int | None) -> float:
    import psutil

    return float(psutil.Process(pid).memory_info().rss) / 1024 / 1024 if pid else 0.0


def quality(folder: str, gguf: str = "") -> tuple[float, float, dict[str, float]]:
    """(agreement, ppl_ratio) of the fast path against float32, computed here after the app runs are over, and with
    a `gguf`, the same two figures for llama.cpp on it (keys llamacpp_agreement, llamacpp_ppl_ratio)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from app.engine.fast_decode import FastModel

    # One thread: the quality figures do not depend on it, and on a busy machine two threads are far slower.
    torch.set_num_threads(1)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    reference = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32).eval()
    fast = FastModel(AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32).eval(), max_len=PPL_WINDOW * 2)
    llama = _LlamaLogits(gguf) if gguf else None
    agree = positions = llama_agree = 0
    with torch.inference_mode():
        for prompt in QUALITY_PROMPTS:
            ids = tokenizer(prompt, return_tensors="pt").input_ids
            full = reference.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=TOKENS, do_sample=False)
            if full.shape[1] <= ids.shape[1] + 1:
                continue
            wanted = reference(full).logits[0, ids.shape[1] - 1 : -1].argmax(-1)
            hidden = fast.forward(full[0], 0, last_only=False)[ids.shape[1] - 1 : -1]
            got = fast.pick(hidden, fast.logits(hidden))
            agree += int((got == wanted).sum())
            positions += int(wanted.numel())
            if llama is not None:
                llama_got = llama.logits(full[0].tolist())[ids.shape[1] - 1 : -1].argmax(-1)
                llama_agree += int((llama_got == wanted).sum())
        text = (REPO / "tests" / "data" / "river_year.md").read_text(encoding="utf-8")
        tokens = tokenizer(text, return_tensors="pt").input_ids[0, :PPL_TOKENS]
        nll_ref = nll_fast = nll_llama = 0.0
        count = 0
        for start in range(0, len(tokens) - 1, PPL_WINDOW):
            window = tokens[start : start + PPL_WINDOW]
            targets = window[1:]
            ref_logits = reference(window.unsqueeze(0)).logits[0, :-1].float()
            fast_logits = fast.logits(fast.forward(window, 0, last_only=False))[:-1]
            nll_ref += float(torch.nn.functional.cross_entropy(ref_logits, targets, reduction="sum"))
            nll_fast += float(torch.nn.functional.cross_entropy(fast_logits, targets, reduction="sum"))
            if llama is not None:
                llama_logits = llama.logits(window.tolist())[:-1]
                nll_llama += float(torch.nn.functional.cross_entropy(llama_logits, targets, reduction="sum"))
            count += int(targets.numel())
    extra: dict[str, float] = {}
    if llama is not None:
        extra = {
            "llamacpp_agreement": round(llama_agree / max(positions, 1), 4),
            "llamacpp_ppl_ratio": round(math.exp(nll_llama / count) / math.exp(nll_ref / count), 4),
        }
        llama.close()
    return agree / max(positions, 1), math.exp(nll_fast / count) / math.exp(nll_ref / count), extra


class _LlamaLogits:
    """llama.cpp's logits at every position of a token sequence (the same ids float32 saw), one sequence at a time."""

    def __init__(self, gguf: str) -> None:
        import llama_cpp

        self.llm = llama_cpp.Llama(
            model_path=gguf, n_ctx=PPL_WINDOW, n_batch=PPL_WINDOW, n_threads=1, logits_all=True, verbose=False
        )

    def logits(self, ids: list[int]) -> Any:
        import torch

        self.llm.reset()
        self.llm.eval(ids)
        return torch.from_numpy(self.llm.scores[: len(ids)].copy())

    def close(self) -> None:
        self.llm.close()


if __name__ == "__main__":
    sys.exit(main())
