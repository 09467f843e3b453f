"""Run the real window on MODEL through the work that holds the GIL, then report what this process imported.

    python -m tests.helpers.gui_isolation MODEL_DIR WORD_FILE

Opens WORD_FILE, detects the document's language in the Translate pane, plans a summary of a long text, and builds
a chat prompt that ranks passages of it; prints one JSON line with what each step found and which heavy libraries
ended up in this (the GUI) process. Run as a child so that nothing else imported them first.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HEAVY = ("tokenizers", "lingua", "bm25s", "numpy", "docx", "lxml", "torch", "transformers", "llama_cpp")


def main() -> int:
    model, word_file = sys.argv[1], Path(sys.argv[2])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.gui import compose
    from app.paths import AppPaths
    from app.store.settings import Settings
    from app.ui.panes.chat_controller import Phase as ChatPhase
    from tests.helpers.asker import ScriptedAsker
    from tests.helpers.signals import wait_for

    app = QApplication([])
    settings = Settings.at(str(Path(tempfile.mkdtemp()) / "settings.ini"))
    settings.set("model/ref", model)
    context = compose(AppPaths.default().ensure(), settings, asker=ScriptedAsker())
    window = context.window
    window.restore_session([])
    window.show()
    found: dict[str, object] = {}

    context.client.load()  # as the app does at start
    wait_for(context.client.model_loaded)
    window.workspace.open(word_file)
    (document,) = wait_for(window.workspace.opened)
    found["docx_text"] = document.text  # type: ignore[attr-defined]
    window.editor.setPlainText("Der Fluss stieg im Frühling, und im Sommer waren die Felder wieder grün. " * 5)
    window.commands["view.translate_pane"].trigger()
    (detection,) = wait_for(window.translator.detected)
    found["detected"] = detection.code  # type: ignore[attr-defined]
    long_text = "\n\n".join(f"Paragraph {i}: the harbour, the budget and the weather, again." for i in range(3000))
    window.summarize_text(long_text)
    (plan,) = wait_for(window.summarizer.planned)
    found["summary_parts"] = plan.parts  # type: ignore[attr-defined]
    window.summarizer.stop()
    chat = window.chat_pane.controller
    chat.ask_about(long_text)
    window.chat_pane.input.setPlainText("What happened to paragraph 1234?")
    window.chat_pane.submit()
    wait_for(chat.phase_changed, accept=lambda phase: phase not in (ChatPhase.PREPARING, ChatPhase.IDLE))
    turn_plan = chat._turn.plan if chat._turn is not None else None
    found["chat_mode"] = getattr(turn_plan, "grounding_mode", None)
    chat.stop()
    found["heavy_in_gui"] = sorted(name for name in HEAVY if name in sys.modules)
    found["services_pid"] = context.services.pid
    QTimer.singleShot(0, window.close)
    app.exec()
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
