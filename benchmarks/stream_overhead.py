"""What the app's streaming path costs compared with a bare model.generate in the same model host.

Same model (embedded), same prompt, greedy, exactly 128 new tokens, and the same decoding path and precision on
both sides (reported as "dtype"): "raw" is the backend's raw_generate inside the model host with no streamer,
hooks or stopping criteria (timed there) -- plain `model.generate` for a float precision, the fast path's own loop
without streaming or cancel checks for the default CPU path (int4/int8, app/engine/fast_decode.py); "app" is the
whole path: request -> worker thread -> host -> streamer -> pipe -> worker -> queued signals -> coalesced inserts
into the editor, timed on the GUI thread from Ctrl+Enter to the finished signal. Rounds alternate after one
warm-up of each. Goal: ratio >= 0.95, identical.

    python benchmarks/stream_overhead.py                 # the default device (auto)
    python benchmarks/stream_overhead.py --device cuda   # on a GPU machine
    python benchmarks/stream_overhead.py --dtype float32 # the exact float32 path instead of the fast CPU path
"""

from __future__ import annotations

import sys

import _common  # noqa: F401  (offscreen Qt and the repository on sys.path, before any app import)
from _common import make_app_context, median, report, wait_for

TOKENS = 128
ROUNDS = 5
SEED = "Chapter one.\n\nThe ferry left the harbour at dawn, and the passengers"


def main() -> int:
    import argparse
    import time

    from PySide6.QtGui import QTextCursor

    from app.engine import prompts
    from app.engine.requests import Sampling

    parser = argparse.ArgumentParser(description="Streaming overhead of the app path vs raw model.generate.")
    parser.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:N or mps")
    parser.add_argument("--dtype", default="auto", help="auto (the fast CPU path on a CPU), float32, bfloat16")
    options = parser.parse_args()
    _app, context = make_app_context(model__device=options.device, model__dtype=options.dtype)
    window, client = context.window, context.client
    sampling = Sampling(max_new_tokens=TOKENS, min_new_tokens=TOKENS, greedy=True, repetition_penalty=1.0)
    window.continuation.sampling = lambda: sampling
    window.show()
    client.load()
    wait_for(client.model_loaded)

    def raw_run() -> tuple[float, str]:
        handle = client.submit(prompts.continue_writing(SEED, sampling), raw=True)
        (done,) = wait_for(handle.finished)
        return done.stats.total_ms / 1000, done.text  # type: ignore[attr-defined]

    def app_run() -> tuple[float, str]:
        window.editor.setPlainText(SEED)
        window.editor.moveCursor(QTextCursor.MoveOperation.End)
        started = time.perf_counter()
        window.continue_writing()
        (done,) = wait_for(window.continuation.finished)
        elapsed = time.perf_counter() - started
        assert done.stats.new_tokens == TOKENS, done  # type: ignore[attr-defined]
        return elapsed, window.editor.toPlainText()[len(SEED) :]

    try:
        result = measure(raw_run, app_run)
        result["device"] = client.info.device if client.info else ""
        result["dtype"] = client.info.dtype if client.info else ""
    finally:
        window.close()
    report(result)
    return 0


def measure(raw_run, app_run) -> dict[str, object]:  # type: ignore[no-untyped-def]
    raw_run(), app_run()  # warm-up: first-call allocations and caches
    raw_times, app_times, identical = [], [], True
    reference = None
    for _ in range(ROUNDS):
        raw_s, raw_text = raw_run()
        app_s, app_text = app_run()
        raw_times.append(raw_s)
        app_times.append(app_s)
        reference = reference or raw_text
        identical = identical and app_text == raw_text == reference
    raw_tok_s = TOKENS / median(raw_times)
    app_tok_s = TOKENS / median(app_times)
    return {
        "raw_tok_s": round(raw_tok_s, 2),
        "app_tok_s": round(app_tok_s, 2),
        "ratio": round(app_tok_s / raw_tok_s, 3),
        "identical": identical,
        "tokens": TOKENS,
        "rounds": ROUNDS,
    }


if __name__ == "__main__":
    sys.exit(main())
