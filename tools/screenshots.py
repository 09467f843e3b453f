"""Screenshots for docs/img: the main window mid-stream on the embedded model, and a notice.

    python tools/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def main() -> int:
    from _common import make_app_context, wait_for
    from PySide6.QtGui import QTextCursor

    app, context = make_app_context(**{"continue__max_new_tokens": 120})
    window = context.window
    out = REPO / "docs" / "img"
    try:
        window.resize(1100, 700)
        window.show()
        context.client.load()
        wait_for(context.client.model_loaded)
        window.editor.setPlainText(
            "# The lighthouse\n\nThe storm came in from the west just after midnight. Mara climbed the spiral "
            "stairs with the lamp oil, counting the steps as her father had taught her, and when she reached the top"
        )
        window.editor.moveCursor(QTextCursor.MoveOperation.End)
        window.continue_writing()
        for _ in range(8):  # a few coalesced inserts in: mid-stream
            wait_for(window.editor.textChanged)
        window.grab().save(str(out / "main-window-streaming.png"))
        wait_for(window.continuation.finished)
        context.messages.warning("Text too long. The text is too long for this model: 9,120 tokens, but only 8,064 fit.")
        window.grab().save(str(out / "main-window-notice.png"))
    finally:
        window.close()
    print("saved to", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
