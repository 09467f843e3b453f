"""Show a window the way a user sees it: exposed, active, with the editor focused (shortcuts need focus)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def show_active(qtbot, window: QWidget, focus: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitExposed(window):
        window.show()
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()
    if focus is not None:
        focus.setFocus()
        qtbot.waitUntil(focus.hasFocus, timeout=5_000)
