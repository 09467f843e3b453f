"""Shared bits of the benchmarks: headless Qt, the repository on sys.path, and the one-line JSON result."""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.helpers.signals import wait_for  # noqa: E402  (the repository must be on sys.path first)

__all__ = ["REPO", "make_app_context", "median", "percentile", "report", "wait_for"]


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def report(result: dict[str, object]) -> None:
    """Human-readable lines, then the result as a single JSON line (the last line of output)."""
    for key, value in result.items():
        print(f"  {key}: {value}", flush=True)
    print(json.dumps(result), flush=True)


def make_app_context(**settings_values: object):  # type: ignore[no-untyped-def]
    """The real composed app (main window, worker, model host) with throwaway settings."""
    import tempfile

    from PySide6.QtWidgets import QApplication

    from app.gui import compose
    from app.paths import AppPaths
    from app.store.settings import Settings
    from tests.helpers.asker import ScriptedAsker

    app = QApplication.instance() or QApplication([])
    scratch = Path(tempfile.mkdtemp(prefix="inkwell-bench-"))
    settings = Settings.at(str(scratch / "settings.ini"))
    for key, value in settings_values.items():
        settings.set(key.replace("__", "/"), value)
    # The user's model cache (a first run converts the embedded model, as the app's first start does), but folders
    # of its own for data and logs: a benchmark never reads or leaves recovery files or conversations of the user's.
    # Benchmarks never stop to ask: unsaved text is discarded at the end of a run.
    own = AppPaths.under(scratch)
    paths = AppPaths(cache=AppPaths.default().cache, data=own.data, config=own.config, logs=own.logs).ensure()
    context = compose(paths, settings, asker=ScriptedAsker())
    context.window.restore_session([])
    return app, context
