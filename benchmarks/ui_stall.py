"""How late the GUI thread gets while the embedded model loads and while 256 tokens stream into the editor.

A 5 ms repeating QTimer probes the real main window's event loop (offscreen); each tick's lateness beyond 5 ms is
a stall the user would feel. Goal: max <= 50 ms, p99 <= 16 ms.

    python benchmarks/ui_stall.py
"""

from __future__ import annotations

import sys
import time

import _common  # noqa: F401  (offscreen Qt and the repository on sys.path, before any app import)
from _common import make_app_context, percentile, report

PROBE_MS = 5
TOKENS = 256


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor

    from app.engine.requests import Sampling

    app, context = make_app_context()
    window = context.window
    window.continuation.sampling = lambda: Sampling(max_new_tokens=TOKENS, min_new_tokens=TOKENS, seed=1)
    window.show()
    seed = "Chapter one.\n\nThe storm arrived in the night, and by morning the village"
    window.editor.setPlainText(seed)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)

    phase = {"name": "load"}
    stalls: dict[str, list[float]] = {"load": [], "stream": []}
    last = [time.perf_counter()]
    marks: dict[str, float] = {"start": time.perf_counter()}

    def tick() -> None:
        now = time.perf_counter()
        late = (now - last[0]) * 1000 - PROBE_MS
        last[0] = now
        if phase["name"] in stalls:
            stalls[phase["name"]].append(max(late, 0.0))

    probe = QTimer()
    probe.setTimerType(probe.timerType().PreciseTimer)
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(tick)

    def loaded(_info: object) -> None:
        marks["loaded"] = time.perf_counter()
        phase["name"] = "between"
        window.continue_writing()

    def first_text() -> None:
        if phase["name"] == "between" and len(window.editor.toPlainText()) > len(seed):
            phase["name"] = "stream"
            marks["first_text"] = time.perf_counter()

    def finished(result: object) -> None:
        phase["name"] = "done"
        marks["finished"] = time.perf_counter()
        marks["tokens"] = getattr(getattr(result, "stats", None), "new_tokens", 0)
        window.close()

    context.client.model_loaded.connect(loaded)
    context.client.model_failed.connect(lambda failure: (print(failure.message, file=sys.stderr), window.close()))
    window.editor.textChanged.connect(first_text)
    window.continuation.finished.connect(finished)
    probe.start()
    context.client.load()
    app.exec()
    probe.stop()

    every = stalls["load"] + stalls["stream"]
    report(
        {
            "max_stall_ms": round(max(every, default=0.0), 1),
            "p99_stall_ms": round(percentile(every, 99), 1),
            "load_max_stall_ms": round(max(stalls["load"], default=0.0), 1),
            "stream_max_stall_ms": round(max(stalls["stream"], default=0.0), 1),
            "stream_p99_stall_ms": round(percentile(stalls["stream"], 99), 1),
            "probes": len(every),
            "load_s": round(marks.get("loaded", 0) - marks["start"], 2),
            "stream_s": round(marks.get("finished", 0) - marks.get("first_text", 0), 2),
            "tokens": marks.get("tokens", 0),
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
