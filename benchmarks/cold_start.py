"""From process start to the main window painted, against a process that only imports torch.

The window must not wait for torch: the model host imports it in the background. Goal: ratio <= 0.5.

    python benchmarks/cold_start.py
    python benchmarks/cold_start.py --exe /usr/bin/inkwell     (an installed or frozen Inkwell instead of source)

With --exe, the same measurement runs against that executable and against the source checkout, interleaved, and
reports both and their ratio (installers goal: installed <= 1.2 x source).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

import _common  # noqa: F401  (offscreen Qt and the repository on sys.path, before any app import)
from _common import REPO, median, report

ROUNDS = 5


SOURCE = [sys.executable, "-m", "app"]


def time_window(env: dict[str, str], command: list[str] = SOURCE) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if "window painted" in line:
                elapsed = time.perf_counter() - started
                break
        else:
            raise RuntimeError("the app exited without painting its window")
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    return elapsed * 1000


def time_import_torch(env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import torch"], env=env, check=True)
    return (time.perf_counter() - started) * 1000


def compare_executable(exe: str, env: dict[str, str]) -> int:
    """Installed (or frozen) app against source, alternating rounds so that both see the same machine load."""
    command = [exe]
    time_window(env, command), time_window(env)  # warm the file cache for both
    installed: list[float] = []
    source: list[float] = []
    for _ in range(ROUNDS):
        installed.append(time_window(env, command))
        source.append(time_window(env))
    installed_ms, source_ms = median(installed), median(source)
    report(
        {
            "executable": exe,
            "installed_window_ms": round(installed_ms),
            "source_window_ms": round(source_ms),
            "ratio": round(installed_ms / source_ms, 3),
            "installed_ms_max": round(max(installed)),
            "source_ms_max": round(max(source)),
            "rounds": ROUNDS,
        }
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exe", help="time this Inkwell executable against the source checkout")
    options = parser.parse_args()
    env = dict(os.environ, INKWELL_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
    if options.exe:
        return compare_executable(options.exe, env)
    time_window(env), time_import_torch(env)  # warm the file cache for both
    windows = [time_window(env) for _ in range(ROUNDS)]
    torches = [time_import_torch(env) for _ in range(ROUNDS)]
    window_ms, torch_ms = median(windows), median(torches)
    report(
        {
            "window_ms": round(window_ms),
            "import_torch_ms": round(torch_ms),
            "ratio": round(window_ms / torch_ms, 3),
            "window_ms_max": round(max(windows)),
            "rounds": ROUNDS,
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
