"""Screenshots for docs/img, on the embedded model: the editor mid-continuation, the review diff, the summarize
pane mid-way through a long chapter, the translate pane mid-stream, the shortcuts editor and the settings dialog,
in the light and the dark look.

    python tools/screenshots.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

DOCUMENT = """# The lighthouse

The storm came in from the west just after midnight. Mara climbed the spiral stairs with the lamp oil, counting \
the steps as her father had taught her.

## Morning

Teh harbour was quiet when she came down, and the boats was still tied up along the old stone wall. \
She walked to the end of the pier to see what the night had left behind.
"""

TO_TRANSLATE = """# Field notes

The river rose in spring. Farmers moved their herds to the hills.

- Check the north dam.
- Count the boats.

```
water_level = read_gauge("north")
```
"""


def main() -> int:
    from _common import make_app_context, wait_for
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QWidget

    from app.ui.dialogs.settings_dialog import SettingsDialog
    from app.ui.dialogs.shortcuts import ShortcutsDialog

    app, context = make_app_context(**{"continue__max_new_tokens": 60, "models__first_run_notice_done": True})
    window = context.window
    out = REPO / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 150) -> None:
        timer = QTimer()
        timer.setSingleShot(True)
        timer.start(ms)
        wait_for(timer.timeout)

    def grab(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / name))
        print("saved", name)

    try:
        window.resize(1200, 760)
        window.show()
        context.client.load()
        wait_for(context.client.model_loaded)
        editor = window.editor
        for theme in ("light", "dark"):
            context.settings.set("ui/theme", theme)
            window.set_preview(True)
            editor.setPlainText(DOCUMENT)
            cursor = editor.textCursor()
            cursor.setPosition(DOCUMENT.index("her father had taught her.") + len("her father had taught her."))
            editor.setTextCursor(cursor)
            window.continue_writing()
            for _ in range(6):  # a few coalesced inserts: mid-stream, in the pending style
                wait_for(editor.textChanged)
            grab(window, f"editor-{theme}.png")
            context.client.cancel_all()
            wait_for(window.continuation.finished)
            window.continuation.settle(accept=False)
            window.set_preview(False)

            start = DOCUMENT.index("Teh harbour")
            end = DOCUMENT.index("behind.") + len("behind.")
            cursor = editor.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            window.run_action("proofread")
            wait_for(window.review.finished, timeout_s=300)
            if len(window.review.changes()) >= 2:  # change by change: the first left, the second taken
                window.review.decide_current(False)
                window.review.decide_current(True)
            window.review_panel.refresh()
            grab(window, f"review-{theme}.png")
            window.review.reject()

            # Summarize: the first chapters of the test book, split into parts so the progress shows.
            chapter = (REPO / "tests" / "data" / "river_year.md").read_text(encoding="utf-8")
            editor.setPlainText(" ".join(chapter.split(" ")[:2500]))
            window.summarizer.part_tokens = 700
            window.summarize()
            for _ in range(3):
                wait_for(window.summarizer.progress, timeout_s=300)
            for _ in range(4):
                wait_for(window.summarizer.parts_text, timeout_s=120)
            grab(window, f"summarize-{theme}.png")
            window.summarizer.stop()
            wait_for(window.summarizer.finished, timeout_s=60)
            grab(window, f"summarize-partial-{theme}.png")
            window.summarizer.part_tokens = None

            # Translate: Markdown structure kept, code copied; the note says the embedded model cannot translate.
            editor.setPlainText(TO_TRANSLATE)
            window.translator.set_target_language("zh-Hans")
            window.docks["translate"].show()
            window.docks["translate"].raise_()
            window.translator.start()
            for _ in range(2):
                wait_for(window.translator.progress, timeout_s=120)
            grab(window, f"translate-{theme}.png")
            window.translator.stop()
            wait_for(window.translator.finished, timeout_s=60)
            window.docks["translate"].hide()

            dialog = ShortcutsDialog(window.commands, window)
            dialog.filter.setText("")
            dialog.select("ai.rewrite")
            dialog.show()
            grab(dialog, f"shortcuts-{theme}.png")
            dialog.close()

            settings_dialog = SettingsDialog(context.settings, window.secrets, context.paths, context.client.info, window)
            settings_dialog.show()
            grab(settings_dialog, f"settings-{theme}.png")
            settings_dialog.close()
        context.settings.set("ui/theme", "system")
        editor.document().setModified(False)
    finally:
        window.close()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
