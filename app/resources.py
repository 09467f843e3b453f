"""One resolver for bundled resources, wherever Inkwell runs from.

The folder `resources/` sits at the top of a checkout; a wheel carries it as the package `inkwell_resources`;
a PyInstaller bundle unpacks it under `sys._MEIPASS/resources`.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidate = Path(bundle) / "resources"
        if candidate.is_dir():
            return candidate
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec("inkwell_resources")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise FileNotFoundError("Inkwell's resources folder is missing; reinstall the application.")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. resource_path("icons", "inkwell.svg")."""
    return resources_root().joinpath(*parts)
