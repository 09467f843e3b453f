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
