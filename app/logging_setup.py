"""Rotating log files in the user's log folder; the terminal only hears about warnings and worse."""

from __future__ import annotations

import logging
import logging.handlers
from collections import deque
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


def setup_logging(log_file: Path, *, level: int = logging.INFO, console: bool = False) -> None:
    """Send this process's log records to `log_file` (rotated at 1 MB, 3 backups)."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_inkwell", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._inkwell = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        stream._inkwell = True  # type: ignore[attr-defined]
        root.addHandler(stream)


def tail(log_file: Path, lines: int = 40) -> list[str]:
    """The last `lines` lines of a log file, or nothing if it does not exist yet."""
    try:
        with log_file.open(encoding="utf-8", errors="replace") as handle:
            return [line.rstrip("\n") for line in deque(handle, maxlen=lines)]
    except OSError:
        return []
