"""The text behind Help → Copy diagnostics: versions, device, folders and the last log lines."""

from __future__ import annotations

import importlib.metadata
import platform
import sys

from app import __version__
from app.engine.requests import ModelInfo
from app.logging_setup import tail
from app.paths import AppPaths


def _version(package: str) -> str:
    # Read from package metadata: importing torch here would cost the GUI seconds.
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def diagnostics_text(paths: AppPaths, info: ModelInfo | None, log_lines: int = 40) -> str:
    lines = [
        f"Inkwell {__version__}",
        f"Python {sys.version.split()[0]} on {platform.platform()} ({platform.machine()})",
        *(f"{name} {_version(name)}" for name in ("PySide6-Essentials", "torch", "transformers", "qasync")),
    ]
    if info is None:
        lines.append("Model: not loaded")
    else:
        lines += [
            f"Model: {info.name} ({info.path})",
            f"Device: {info.device}, {info.dtype}; context {info.context_length} tokens; "
            f"loaded in {info.load_ms:.0f} ms",
            f"GPU: {info.gpu_note or 'in use'}",
        ]
    lines += [f"Logs: {paths.logs}", f"Cache: {paths.cache}", "", "--- inkwell.log ---"]
    lines += tail(paths.gui_log, log_lines)
    lines += ["", "--- model-host.log ---"]
    lines += tail(paths.host_log, log_lines)
    return "\n".join(lines)
