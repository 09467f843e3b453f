"""Prompt-lookup decoding on an input-grounded edit: a proofreading request of ~120 words through the app's engine
(ModelClient -> worker thread -> model host), plain greedy vs greedy with prompt lookup, alternating in one run.
Goal: ratio >= 3 with identical text.

    python benchmarks/grounded_speedup.py
"""

from __future__ import annotations

import dataclasses
import sys

import _common  # noqa: F401  (offscreen Qt and the repository on sys.path, before any app import)
from _common import median, report, wait_for

ROUNDS = 3
PASSAGE = (
    "Last summer our team desided to rebuild the the website from scratch. The old site had grown slow and hard "
    "to maintain, and nobody remembered why half of the pages existed. We started by listing every page, who "
    "visited it and what they came for. It turned out that most visiters only needed three things: the opening "
    "hours, the price list and a way to book an appointment. Everything else was noise. The new site has five "
    "pages instead of fourty, it loads in under a second, and bookings went up by a third in the first month. "
    "The lesson we took away is simple: before you build, ask what people actualy need, and then build only that."
)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from app.engine import prompts
    from app.engine.requests import Sampling
    from app.paths import AppPaths
    from app.worker.client import ModelClient
    from app.worker.host import HostConfig

    app = QApplication([])
    paths = AppPaths.default().ensure()
    client = ModelClient(HostConfig(str(paths.models), str(paths.host_log)))
    try:
        client.load()
        wait_for(client.model_loaded)
        lookup_sampling = prompts.edit_sampling("proofread", 180, 8192)
        assert lookup_sampling.greedy and lookup_sampling.prompt_lookup_tokens > 0
        plain_sampling = dataclasses.replace(lookup_sampling, prompt_lookup_tokens=0)

        def run(sampling: Sampling) -> tuple[float, str, str]:
            handle = client.submit(prompts.edit_selection("proofread", PASSAGE, sampling))
            (done,) = wait_for(handle.finished, timeout_s=600)
            stats = done.stats  # type: ignore[attr-defined]
            return stats.new_tokens / (stats.total_ms / 1000), done.text, stats.decoding  # type: ignore[attr-defined]

        run(plain_sampling), run(lookup_sampling)  # warm-up
        plain, lookup, identical = [], [], True
        for _ in range(ROUNDS):
            plain_rate, plain_text, _ = run(plain_sampling)
            lookup_rate, lookup_text, decoding = run(lookup_sampling)
            plain.append(plain_rate)
            lookup.append(lookup_rate)
            identical = identical and plain_text == lookup_text
    finally:
        client.shutdown()
        app.processEvents()
    report(
        {
            "plain_tok_s": round(median(plain), 2),
            "lookup_tok_s": round(median(lookup), 2),
            "ratio": round(median(lookup) / median(plain), 2),
            "identical": identical,
            "words": len(PASSAGE.split()),
            "decoding": decoding,
            "rounds": ROUNDS,
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
