"""Injected faults, for tests of failures this machine cannot produce (a GPU running out of memory).

Set INKWELL_FAULTS to a comma-separated list; the model host inherits it. Unset in normal use, so each check is a
set lookup and nothing more.
"""

from __future__ import annotations

import os

FAULTS_ENV = "INKWELL_FAULTS"

GPU_OOM_ON_LOAD = "gpu_oom_on_load"  # a GPU appears to exist, and loading onto it runs out of memory
GPU_OOM_ON_GENERATE = "gpu_oom_on_generate"  # generation runs out of GPU memory


def active(name: str) -> bool:
    return name in {f.strip() for f in os.environ.get(FAULTS_ENV, "").split(",") if f.strip()}
