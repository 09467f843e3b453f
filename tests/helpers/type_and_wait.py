"""The real app in a child process, typed into like a user would, for the kill-mid-edit test.

    python -m tests.helpers.type_and_wait --data DIR --config DIR --logs DIR --cache DIR --model DIR TEXT_FILE

Composes Inkwell exactly as `app.gui` does (offscreen), with its settings pointing at MODEL (the tiny model; it
is never loaded: typing needs no model), types the contents of TEXT_FILE into the editor key by key, prints
"RECOVERY-READY <file>" once the autosave's recovery file holds everything typed, and then keeps running until
it is killed. The test kills it with SIGKILL: no clean close, no cleanup code.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.gui import compose
from app.paths import AppPaths
from app.store.settings import Settings
from tests.helpers.editor_windows import type_text

READY = "RECOVERY-READY"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    for folder in ("data", "config", "logs", "cache"):
        parser.add_argument(f"--{folder}", required=True, type=Path)
    parser.add_argument("--model", required=True)
    parser.add_argument("text_file", type=Path)
    args = parser.parse_args(argv)

    app = QApplication(sys.argv[:1])
    paths = AppPaths(cache=args.cache, data=args.data, config=args.config, logs=args.logs).ensure()
    settings = Settings.at(str(paths.settings_file))
    settings.set("model/ref", args.model)
    context = compose(paths, settings)
    window = context.window
    window.show()
    window.restore_session([])
    editor = window.editor
    editor.setFocus()
    text = args.text_file.read_text(encoding="utf-8")

    def recovered() -> Path | None:
        for record in window.recovery_store.folder.glob("*.json"):
            try:
                if json.loads(record.read_text(encoding="utf-8")).get("text") == text:
                    return record
            except (OSError, ValueError):
                continue  # being replaced right now; the next check sees the new one
        return None

    def check() -> None:
        found = recovered()
        if found is not None:
            poll.stop()
            print(f"{READY} {found}", flush=True)

    def start() -> None:
        type_text(editor, text)
        assert editor.toPlainText() == text, "the editor does not hold what was typed"
        poll.start()

    # Checked on the GUI thread after each autosave pass; the writer thread only writes.
    poll = QTimer()
    poll.setInterval(100)
    poll.timeout.connect(check)
    QTimer.singleShot(0, start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
