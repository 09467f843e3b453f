"""Child processes run below the window's priority.

The model host and the text-services process can keep every core busy for minutes; the window needs a few
milliseconds now and then, and without this it waits its turn behind them (on two cores a big file opening while a
model streams stalled the window 60-130 ms). A lower priority costs the model nothing while the window is idle.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

NICENESS = 5  # POSIX: 0 is normal, 19 the lowest
_BELOW_NORMAL_PRIORITY_CLASS = 0x4000  # Windows


def yield_to_the_window() -> None:
    """Lower this process's scheduling priority; a failure only costs responsiveness, so it is logged, not raised."""
    try:
        if sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), _BELOW_NORMAL_PRIORITY_CLASS)
        else:
            os.nice(NICENESS)
    except OSError as exc:
        log.info("could not lower the priority of process %d: %s", os.getpid(), exc)
