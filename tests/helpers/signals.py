"""Waiting for a Qt signal outside pytest-qt: for benchmarks and the helper programs tests run as children."""

from __future__ import annotations


def wait_for(signal: object, timeout_s: float = 300.0, accept: object = None) -> tuple[object, ...]:
    """Run the Qt event loop until `signal` fires (with args that `accept` approves); return its arguments."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    got: list[tuple[object, ...]] = []

    def fired(*args: object) -> None:
        if accept is None or accept(*args):  # type: ignore[operator]
            got.append(args)
            loop.quit()

    signal.connect(fired)  # type: ignore[attr-defined]
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    signal.disconnect(fired)  # type: ignore[attr-defined]
    if not got:
        raise TimeoutError(f"no signal within {timeout_s} s")
    return got[0]
