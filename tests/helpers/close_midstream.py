"""Start the real app on MODEL, press Ctrl+Enter, close the window as soon as text streams in; print a JSON report.

Run as a subprocess by the tests (a clean process exit, with no orphan host and no Qt thread warning, is what is
checked) and by the cancel benchmark (which reads close_ms).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    model, max_new_tokens = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from app.gui import compose
    from app.paths import AppPaths
    from app.store.settings import Settings
    from tests.helpers.asker import ScriptedAsker

    app = QApplication([])
    settings = Settings.at(str(Path(tempfile.mkdtemp()) / "settings.ini"))
    settings.set("model/ref", model)
    settings.set("continue/max_new_tokens", max_new_tokens)
    context = compose(AppPaths.default().ensure(), settings, asker=ScriptedAsker())
    window = context.window
    window.restore_session([])
    window.show()
    seed = "The lamps along the river came on one by one"
    window.editor.setPlainText(seed)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    report: dict[str, object] = {}

    def on_text() -> None:
        if "close_started" in report or len(window.editor.toPlainText()) <= len(seed):
            return
        report["host_pid"] = context.client.host.pid
        report["close_started"] = time.perf_counter()
        QTimer.singleShot(0, window.close)

    window.editor.textChanged.connect(on_text)
    QTimer.singleShot(0, window.continue_writing)
    app.exec()
    started = report.pop("close_started", None)
    report["close_ms"] = (time.perf_counter() - started) * 1000 if isinstance(started, float) else None
    report["torch_imported"] = "torch" in sys.modules
    report["transformers_imported"] = "transformers" in sys.modules
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
