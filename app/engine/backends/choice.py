"""Which local backend runs a model: llama.cpp for GGUF files when it is installed, else transformers.

Pure: imports neither torch nor llama_cpp, so the GUI, the CLI and tests without either may use it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Literal

from app.engine.requests import ModelSpec

BackendKind = Literal["torch", "llamacpp"]

# The name of the llama.cpp decoding path wherever it is shown (Settings, status bar, benchmarks).
LLAMACPP_PATH = "llama.cpp"


def llamacpp_installed() -> bool:
    """Whether llama-cpp-python is installed, found without importing it (its import loads the native library)."""
    try:
        return importlib.util.find_spec("llama_cpp") is not None
    except (ImportError, ValueError):
        return False


def is_gguf(spec: ModelSpec) -> bool:
    """The model is a single GGUF file: the embedded model (shipped as one) or a .gguf the user chose."""
    if spec.is_remote:
        return False
    return spec.is_embedded or Path(spec.ref).suffix.lower() == ".gguf"


def choose_backend(spec: ModelSpec, *, available: bool, enabled: bool = True, gpu: bool = False) -> BackendKind:
    """The backend for `spec` in the model host.

    `available`: llama-cpp-python can be used here; `enabled`: the host may use it (off for runs that promise
    PyTorch's results); `gpu`: PyTorch would run this model on a GPU. llama.cpp takes a GGUF model only at the
    precision "auto" (an explicit precision asks for PyTorch at that precision, and float32 is where results are
    exact) and only on the CPU, where it is several times faster than PyTorch; Inkwell's llama.cpp runs on the CPU
    only, so a usable GPU stays with PyTorch.
    """
    if not (available and enabled) or not is_gguf(spec):
        return "torch"
    if (spec.dtype or "auto") != "auto":
        return "torch"
    if gpu:
        return "torch"
    return "llamacpp"
