import _common  # noqa
import sys, tempfile, os
from pathlib import Path

V = sys.argv[1]


def main():
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication
    from app.gui import compose
    from app.paths import AppPaths
    from app.store.settings import Settings
    from app.ui.main_window import UnsavedChoice

    app = QApplication([])
    settings = Settings.at(str(Path(tempfile.mkdtemp()) / "settings.ini"))
    settings.set("continue/max_new_tokens", 8)
    context = compose(AppPaths.default().ensure(), settings)
    window = context.window
    window.ask_unsaved = lambda: UnsavedChoice.DISCARD
    window.show()
    window.editor.setPlainText("Hello there, my")
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    if V == "closeonly":
        QTimer.singleShot(100, window.close)
    elif V == "load":
        context.client.model_loaded.connect(lambda info: window.close())
        context.client.load()
    elif V.startswith("lam"):
        from app.engine.requests import Sampling

        n = int(V[3:])
        window.continuation.sampling = lambda: Sampling(max_new_tokens=n, min_new_tokens=n, seed=1)
        context.client.model_loaded.connect(lambda info: window.continue_writing())
        window.continuation.finished.connect(lambda r: QTimer.singleShot(0, window.close))
        context.client.load()
    elif V.startswith("set"):
        settings.set("continue/max_new_tokens", int(V[3:]))
        context.client.model_loaded.connect(lambda info: window.continue_writing())
        window.continuation.finished.connect(lambda r: QTimer.singleShot(0, window.close))
        context.client.load()
    elif V == "loadcont":
        context.client.model_loaded.connect(lambda info: window.continue_writing())
        window.continuation.finished.connect(lambda r: QTimer.singleShot(0, window.close))
        context.client.load()
    app.exec()


if __name__ == "__main__":
    main()
