"""How map-reduce summarizing scales: the first 5,000 words and the whole ~20,000-word test chapter.

The real app path on the embedded model: the Summarize pane's controller on a QPlainTextEdit in this (GUI)
process, the model in its host process. Both runs use the app's default options (short paragraph, prose, the
text's language) with a fixed sampling seed, and the SAME forced part size, so that the 5,000-word run is split
too and the two figures compare like with like. Timed from Summarize to the finished summary, after the model is
loaded and warm. Goal: time per 1,000 words at 20,000 words <= 1.3 x at 5,000.

peak_rss_mb is the model host process's peak resident memory (Linux VmHWM; it holds the model and does the
work); peak_rss_mb_gui is this GUI process's.

    python benchmarks/long_summary.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import _common  # (offscreen Qt and the repository on sys.path, before any app import)
from _common import report, wait_for

CHAPTER = _common.REPO / "tests" / "data" / "river_year.md"
PART_TOKENS = 2048  # forced for both runs: 5,000 words (~6,000 tokens) would otherwise fit the 8,192 context
SEED = 11
RUN_TIMEOUT_S = 780


def first_words(text: str, words: int) -> str:
    """The text up to the end of the paragraph where `words` words are reached."""
    out: list[str] = []
    count = 0
    for paragraph in text.split("\n\n"):
        out.append(paragraph)
        count += len(paragraph.split())
        if count >= words:
            break
    return "\n\n".join(out)


def peak_rss_mb(pid: int | None) -> float:
    """Peak resident memory of a process in MB (Linux: VmHWM); elsewhere its current RSS, as psutil sees it."""
    if pid is None:
        return 0.0
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import psutil

    return float(psutil.Process(pid).memory_info().rss) / 2**20


def gui_peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def main() -> int:
    import tempfile

    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from app.engine.requests import Done, ModelSpec, Request, Sampling
    from app.engine.task_prompts import SummaryOptions
    from app.paths import AppPaths
    from app.store.settings import Settings
    from app.ui.editor.bridge import PlainTextEditBridge
    from app.ui.messages import MessageCenter
    from app.ui.panes.summarize_controller import SummarizeController, SummaryOutcome
    from app.worker.client import ModelClient
    from app.worker.host import HostConfig

    app = QApplication.instance() or QApplication([])
    paths = AppPaths.default().ensure()
    client = ModelClient(HostConfig(str(paths.models), str(paths.host_log), None), ModelSpec())
    settings = Settings.at(str(Path(tempfile.mkdtemp()) / "settings.ini"))
    editor = QPlainTextEdit()
    messages = MessageCenter()
    controller = SummarizeController(client, PlainTextEditBridge(editor), settings, messages)
    defaults = controller.options_from_settings()
    controller.options = lambda: SummaryOptions(defaults.length, defaults.style, defaults.language, seed=SEED)
    controller.part_tokens = PART_TOKENS
    failures: list[str] = []
    messages.posted.connect(lambda notice: failures.append(notice.text))
    try:
        client.load()
        wait_for(client.model_loaded, timeout_s=600)
        # Warm-up: first-call allocations, and lingua's models for the language of the text.
        warm = client.submit(Request("warm-up", _chat("Say hello."), Sampling.plain_greedy(4), source="bench"))
        wait_for(warm.finished, timeout_s=120)

        text = CHAPTER.read_text(encoding="utf-8")
        runs: dict[str, dict[str, float | int]] = {}
        for key, source in (("5k", first_words(text, 5000)), ("20k", text)):
            editor.setPlainText(source)
            plans: list[object] = []
            dones: list[Done] = []
            controller.planned.connect(plans.append)
            client.job_done.connect(dones.append)
            started = time.perf_counter()
            controller.start()
            (outcome,) = wait_for(controller.finished, timeout_s=RUN_TIMEOUT_S)
            elapsed = time.perf_counter() - started
            controller.planned.disconnect(plans.append)
            client.job_done.disconnect(dones.append)
            stats = [d.stats for d in dones if d.stats is not None]
            assert isinstance(outcome, SummaryOutcome)
            if outcome.partial or not outcome.text:
                raise RuntimeError(f"the {key} summary did not finish: {failures[-1:] or outcome}")
            plan = plans[0]
            words = len(source.split())
            runs[key] = {
                "words": words,
                "tokens": plan.text_tokens,  # type: ignore[attr-defined]
                "parts": plan.parts,  # type: ignore[attr-defined]
                "steps": plan.total_steps,  # type: ignore[attr-defined]
                "total_s": round(elapsed, 1),
                "ms_per_1k_words": round(elapsed * 1000 / (words / 1000), 1),
                "summary_chars": len(outcome.text),
                # Where the time goes: reading prompts vs writing summaries (the part summaries' lengths vary).
                "prompt_tokens": sum(st.prompt_tokens for st in stats),
                "new_tokens": sum(st.new_tokens for st in stats),
                "model_s": round(sum(st.total_ms for st in stats) / 1000, 1),
            }
            print(f"  {key}: {runs[key]}", flush=True)
            print(f"  {key} summary: {outcome.text[:300]!r}", flush=True)
        ratio = runs["20k"]["ms_per_1k_words"] / runs["5k"]["ms_per_1k_words"]
        result: dict[str, object] = {
            "ms_per_1k_words_5k": runs["5k"]["ms_per_1k_words"],
            "ms_per_1k_words_20k": runs["20k"]["ms_per_1k_words"],
            "parts_5k": runs["5k"]["parts"],
            "parts_20k": runs["20k"]["parts"],
            "peak_rss_mb": round(peak_rss_mb(client.host.pid), 1),
            "peak_rss_mb_gui": round(gui_peak_rss_mb(), 1),
            "peak_rss_of": "model host",
            "ratio_20k_to_5k": round(ratio, 3),
            "goal_met": ratio <= 1.3,
            "total_s_5k": runs["5k"]["total_s"],
            "total_s_20k": runs["20k"]["total_s"],
            "words_5k": runs["5k"]["words"],
            "words_20k": runs["20k"]["words"],
            "tokens_20k": runs["20k"]["tokens"],
            "steps_5k": runs["5k"]["steps"],
            "steps_20k": runs["20k"]["steps"],
            "new_tokens_5k": runs["5k"]["new_tokens"],
            "new_tokens_20k": runs["20k"]["new_tokens"],
            "prompt_tokens_5k": runs["5k"]["prompt_tokens"],
            "prompt_tokens_20k": runs["20k"]["prompt_tokens"],
            "model_s_5k": runs["5k"]["model_s"],
            "model_s_20k": runs["20k"]["model_s"],
            "part_tokens": PART_TOKENS,
            "device": client.info.device if client.info else "",
        }
    finally:
        controller.close()
        client.shutdown()
        del app
    report(result)
    return 0


def _chat(text: str):  # type: ignore[no-untyped-def]
    from app.engine.requests import Chat, Message

    return Chat((Message("user", text),))


if __name__ == "__main__":
    sys.exit(main())
