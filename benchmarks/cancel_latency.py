"""Time from Stop (the cancel flag set on the GUI thread) to the "cancelled" result back on the GUI thread.

Measured on the embedded model during decode (after a few streamed chunks) and during the prefill of a
~4,000-token prompt, through the real client, worker thread and model host. Each prefill round cancels at a
different point, so the figures cover every part of a transformer block (the largest piece that cannot be
interrupted is the attention product, ~200 ms at this length). Also reports how long closing the window
mid-generation takes (tests/helpers/close_midstream.py, in a separate process).
Goal here: decode <= 150 ms, prefill <= 300 ms.

    python benchmarks/cancel_latency.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import _common  # noqa: F401  (offscreen Qt and the repository on sys.path, before any app import)
from _common import REPO, make_app_context, median, report, wait_for

ROUNDS = 8
LONG_PROMPT = " ".join(["The committee met again to discuss the harbour, the budget and the weather."] * 280)


def main() -> int:
    from PySide6.QtCore import QTimer

    from app.engine.requests import RawText, Request, Sampling
    from app.worker.client import JobState

    _app, context = make_app_context()
    client = context.client
    try:
        client.load()
        wait_for(client.model_loaded)

        decode: list[float] = []
        for _ in range(ROUNDS):
            handle = client.submit(
                Request("generate", RawText("Once upon a time"), Sampling(max_new_tokens=2000, min_new_tokens=2000))
            )
            for _chunk in range(5):
                wait_for(handle.chunk)
            started = time.perf_counter()
            handle.cancel()
            (done,) = wait_for(handle.finished)
            decode.append((time.perf_counter() - started) * 1000)
            assert done.cancelled and done.stopped_in == "decode", done  # type: ignore[attr-defined]

        prefill: list[float] = []
        prompt_tokens = 0
        for round_index in range(ROUNDS):
            handle = client.submit(Request("generate", RawText(LONG_PROMPT), Sampling.plain_greedy(16)))
            wait_for(handle.state_changed, accept=lambda state: state is JobState.GENERATING)
            pause = QTimer()
            pause.setSingleShot(True)
            pause.start(700 + 433 * round_index)  # spread over the ~7 s prefill
            wait_for(pause.timeout)
            started = time.perf_counter()
            handle.cancel()
            (done,) = wait_for(handle.finished)
            prefill.append((time.perf_counter() - started) * 1000)
            assert done.cancelled and done.stopped_in == "prefill", done  # type: ignore[attr-defined]
            prompt_tokens = done.stats.prompt_tokens  # type: ignore[attr-defined]
    finally:
        context.window.close()

    # As a module from the repository root, so `tests.helpers` imports in the child with no PYTHONPATH set.
    closing = subprocess.run(
        [sys.executable, "-m", "tests.helpers.close_midstream", ""],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    if closing.returncode != 0 or not closing.stdout.strip():
        raise RuntimeError(f"closing mid-generation failed (exit {closing.returncode}):\n{closing.stderr[-2000:]}")
    close_ms = json.loads(closing.stdout.strip().splitlines()[-1])["close_ms"]
    report(
        {
            "decode_cancel_ms": round(median(decode), 1),
            "prefill_cancel_ms": round(median(prefill), 1),
            "decode_cancel_max_ms": round(max(decode), 1),
            "prefill_cancel_max_ms": round(max(prefill), 1),
            "prefill_prompt_tokens": prompt_tokens,
            "close_mid_generation_ms": round(close_ms, 1),
            "rounds": ROUNDS,
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
