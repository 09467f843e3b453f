"""How late the GUI thread gets while the embedded model loads and streams, and while the user does other things.

A 5 ms repeating QTimer probes the real main window's event loop (offscreen); each tick's lateness beyond 5 ms is a
stall the user would feel. The run, in one app:

1. load: the embedded model loads (on a first run with an empty cache, it is converted first);
2. stream: continue-writing streams 256 tokens into a 3,000-word document, and meanwhile
   - translate_detect: the Translate pane opens (F8) and detects the document's language,
   - summarize_count: a 20,000-word text goes to the Summarize pane, which counts its tokens and plans its parts,
   - chat_retrieval: a question about that text goes to the chat, which ranks its passages (BM25);
3. chat_stream: a chat answer streams, and meanwhile
   - open_txt_5mb: a 5 MB text file opens,
   - open_docx: a 200-page Word file opens.

Top-level `max_stall_ms` / `p99_stall_ms` cover every probe of the run; `activities` reports each activity from
its start until 150 ms after it finished. Goal: max <= 50 ms, p99 <= 16 ms.

    python benchmarks/ui_stall.py
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import _common  # noqa: F401  (offscreen Qt and the repository on sys.path, before any app import)
from _common import make_app_context, percentile, report

PROBE_MS = 5
TOKENS = 256
SETTLE_MS = 150  # an activity's window stays open this long after it finished: the GUI's own follow-up work

_PHRASE = (
    "the river rose in spring and by summer the fields were green again while farmers moved their herds to the "
    "hills a council met each week to argue about the harbour the budget the weather and the new school which "
    "everyone wanted but nobody could pay for so the mayor wrote letters to the capital asking for help"
)
_WORDS = _PHRASE.split(" ")


def prose(words: int, seed: int, headings: bool = False) -> str:
    """English-looking paragraphs (and Markdown headings) of about `words` words, the same for the same seed."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        if headings and len(paragraphs) % 12 == 0:
            paragraphs.append(f"## Chapter {len(paragraphs) // 12 + 1}")
        sentences = []
        for _ in range(rng.randint(3, 7)):
            sentence = [rng.choice(_WORDS) for _ in range(rng.randint(8, 18))]
            sentences.append(" ".join(sentence).capitalize() + ".")
            count += len(sentence)
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def make_files(folder: Path) -> tuple[Path, Path]:
    """A 5 MB text file, and a 200-page .docx built in a child process (python-docx stays out of this one)."""
    text_file = folder / "big.txt"
    body = prose(900_000, seed=5)
    text_file.write_text(body[: 5 * 1024 * 1024], encoding="utf-8")
    docx_file = folder / "report.docx"
    script = (
        "import sys, docx\n"
        "from docx.shared import Pt\n"
        "paragraphs = open(sys.argv[1], encoding='utf-8').read().split('\\n\\n')\n"
        "d = docx.Document()\n"
        "for i, p in enumerate(paragraphs):\n"
        "    if p.startswith('## '):\n"
        "        d.add_heading(p[3:], level=2)\n"
        "    elif i % 25 == 7:\n"
        "        t = d.add_table(rows=3, cols=3)\n"
        "        for r in range(3):\n"
        "            for c in range(3): t.cell(r, c).text = p.split()[r * 3 + c]\n"
        "    else:\n"
        "        para = d.add_paragraph()\n"
        "        first, _, rest = p.partition(' ')\n"
        "        para.add_run(first + ' ').bold = True\n"
        "        para.add_run(rest)\n"
        "d.save(sys.argv[2])\n"
    )
    source = folder / "report.md"
    source.write_text(prose(100_000, seed=6, headings=True), encoding="utf-8")  # ~200 pages
    subprocess.run([sys.executable, "-c", script, str(source), str(docx_file)], check=True)
    return text_file, docx_file


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor

    from app.engine.requests import Sampling
    from app.ui.panes.chat_controller import Phase as ChatPhase

    folder = Path(tempfile.mkdtemp(prefix="inkwell-stall-"))
    big_txt, big_docx = make_files(folder)
    document_text = prose(3_000, seed=1)
    long_text = prose(20_000, seed=2, headings=True)

    app, context = make_app_context()
    window = context.window
    window.continuation.sampling = lambda: Sampling(max_new_tokens=TOKENS, min_new_tokens=TOKENS, seed=1)
    window.show()
    seed = document_text + "\nChapter one.\n\nThe storm arrived in the night, and by morning the village"
    window.editor.setPlainText(seed)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    chat = window.chat_pane.controller

    phase = {"name": "load"}
    stalls: dict[str, list[float]] = {"load": [], "stream": [], "between": [], "chat_stream": []}
    activity_stalls: dict[str, list[float]] = {}
    open_activities: set[str] = set()
    last = [time.perf_counter()]
    marks: dict[str, float] = {"start": time.perf_counter()}

    def tick() -> None:
        now = time.perf_counter()
        late = max((now - last[0]) * 1000 - PROBE_MS, 0.0)
        last[0] = now
        if phase["name"] in stalls:
            stalls[phase["name"]].append(late)
        for name in open_activities:
            activity_stalls[name].append(late)

    probe = QTimer()
    probe.setTimerType(probe.timerType().PreciseTimer)
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(tick)

    def later(ms: int, fn: Callable[[], None]) -> None:
        QTimer.singleShot(ms, fn)

    def activity(
        name: str,
        start: Callable[[], None],
        done_signal: object,
        is_done: Callable[..., bool],
        then: Callable[[], None],
    ) -> None:
        """Run one activity; its window closes SETTLE_MS after `is_done` holds on `done_signal`, then `then`."""
        activity_stalls[name] = []
        open_activities.add(name)
        print(f"  {name}…", file=sys.stderr, flush=True)
        finished = {"yes": False}

        def check(*args: object) -> None:
            if finished["yes"] or not is_done(*args):
                return
            finished["yes"] = True
            done_signal.disconnect(check)  # type: ignore[attr-defined]

            def close() -> None:
                open_activities.discard(name)
                then()

            later(SETTLE_MS, close)

        done_signal.connect(check)  # type: ignore[attr-defined]
        start()

    # -- activities during the continuation --------------------------------------------------------------------
    def translate_detect() -> None:
        activity(
            "translate_detect",
            window.commands["view.translate_pane"].trigger,  # F8
            window.translator.detected,
            lambda _detection: True,
            summarize_count,
        )

    def summarize_count() -> None:
        def stop_summary() -> None:
            window.summarizer.stop()
            chat_retrieval()

        activity(
            "summarize_count",
            lambda: window.summarize_text(long_text),
            window.summarizer.planned,
            lambda _plan: True,
            stop_summary,
        )

    def chat_retrieval() -> None:
        def ask() -> None:
            chat.ask_about(long_text)
            window.chat_pane.input.setPlainText("Why did the mayor write letters to the capital?")
            window.chat_pane.submit()

        def stop_chat() -> None:
            chat.stop()
            marks["activities_1"] = time.perf_counter()

        activity(
            "chat_retrieval",
            ask,
            chat.phase_changed,
            lambda new_phase: new_phase not in (ChatPhase.PREPARING, ChatPhase.IDLE),
            stop_chat,
        )

    # -- activities during a chat answer ---------------------------------------------------------------------
    def chat_stream() -> None:
        phase["name"] = "chat_stream"
        marks["chat_start"] = time.perf_counter()
        window.chat_pane.input.setPlainText("Write a long story about a river town.")
        window.chat_pane.submit()

        def started(new_phase: object) -> None:
            if new_phase is ChatPhase.GENERATING:
                chat.phase_changed.disconnect(started)
                open_txt()

        chat.phase_changed.connect(started)

    def opened(path: Path) -> Callable[[object], bool]:
        def done(document: object) -> bool:
            return getattr(document, "path", None) == path or (path.suffix == ".docx" and document is not None)

        return done

    def open_txt() -> None:
        def loaded() -> None:
            document = window.workspace.active
            if document is not None and document.loading:
                document.loading_changed.connect(lambda _loading: later(0, open_docx))
            else:
                open_docx()

        activity(
            "open_txt_5mb", lambda: window.workspace.open(big_txt), window.workspace.opened, opened(big_txt), loaded
        )

    def open_docx() -> None:
        def loaded() -> None:
            document = window.workspace.active
            if document is not None and document.loading:
                document.loading_changed.connect(lambda _loading: later(SETTLE_MS, finish))
            else:
                finish()

        activity(
            "open_docx", lambda: window.workspace.open(big_docx), window.workspace.opened, opened(big_docx), loaded
        )

    def finish() -> None:
        chat.stop()
        phase["name"] = "done"
        marks["finished_all"] = time.perf_counter()
        later(SETTLE_MS, window.close)

    # -- the stream ------------------------------------------------------------------------------------------
    def loaded(_info: object) -> None:
        marks["loaded"] = time.perf_counter()
        phase["name"] = "between"
        window.continue_writing()

    def first_text() -> None:
        if (
            "first_text" not in marks
            and phase["name"] == "between"
            and window.editor.document().characterCount() > len(seed) + 1
        ):
            phase["name"] = "stream"
            marks["first_text"] = time.perf_counter()
            translate_detect()

    def stream_finished(result: object) -> None:
        marks["stream_finished"] = time.perf_counter()
        marks["tokens"] = getattr(getattr(result, "stats", None), "new_tokens", 0)
        phase["name"] = "between"
        window.continuation.settle(accept=True)

        def when_idle() -> None:
            # The chat must have finished stopping too: a question sent while it stops is not taken.
            if "activities_1" in marks and chat.phase is ChatPhase.IDLE:
                chat_stream()
            else:
                later(50, when_idle)

        when_idle()

    context.client.model_loaded.connect(loaded)
    context.client.model_failed.connect(lambda failure: (print(failure.message, file=sys.stderr), window.close()))
    window.editor.textChanged.connect(first_text)
    window.continuation.finished.connect(stream_finished)
    probe.start()
    context.client.load()
    app.exec()
    probe.stop()

    every = [value for values in stalls.values() for value in values]
    report(
        {
            "max_stall_ms": round(max(every, default=0.0), 1),
            "p99_stall_ms": round(percentile(every, 99), 1),
            "load_max_stall_ms": round(max(stalls["load"], default=0.0), 1),
            "stream_max_stall_ms": round(max(stalls["stream"], default=0.0), 1),
            "stream_p99_stall_ms": round(percentile(stalls["stream"], 99), 1),
            "activities": {
                name: {
                    "max_stall_ms": round(max(values, default=0.0), 1),
                    "p99_stall_ms": round(percentile(values, 99), 1),
                }
                for name, values in activity_stalls.items()
            },
            "probes": len(every),
            "load_s": round(marks.get("loaded", 0) - marks["start"], 2),
            "stream_s": round(marks.get("stream_finished", 0) - marks.get("first_text", 0), 2),
            "tokens": marks.get("tokens", 0),
            "activities_s": round(marks.get("finished_all", 0) - marks.get("first_text", 0), 2),
        }
    )
    return 0 if "finished_all" in marks else 1


if __name__ == "__main__":
    sys.exit(main())
