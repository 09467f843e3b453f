"""Guards against a Qt binding that corrupts reference counts (PySide6 6.12.0 on Python 3.11 did).

Such a binding drops a reference to None on every void call, so a long streaming session crashes the app with
"Fatal Python error: none_dealloc". The calls below are the ones streaming makes for every chunk.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

CALLS = 5000


class _Sender(QObject):
    text = Signal(str)
    change = Signal(int, int, int)


class _Receiver(QObject):
    def on_text(self, text: str) -> None:
        self.sender()

    def on_change(self, position: int, removed: int, added: int) -> None:
        pass


def test_streaming_calls_keep_none_and_true_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    document = QTextDocument()
    cursor = QTextCursor(document)
    sender, receiver = _Sender(), _Receiver()
    sender.text.connect(receiver.on_text)
    sender.change.connect(receiver.on_change)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        cursor.joinPreviousEditBlock()
        cursor.insertText("x")
        cursor.endEditBlock()
        sender.text.emit("x")
        sender.change.emit(1, 2, 3)
    # A healthy binding leaves the counts where they were (give or take a few temporaries); the broken one
    # lowers None's by several per iteration.
    assert sys.getrefcount(None) - none_before > -100
    assert sys.getrefcount(True) - true_before > -100
