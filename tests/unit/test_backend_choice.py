"""Which backend the model host gives a model: llama.cpp only for GGUF models at precision "auto" on the CPU, and
only where llama-cpp-python is installed; PyTorch in every other case. Runs with or without llama_cpp."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine.backends.choice import choose_backend, is_gguf, llamacpp_installed
from app.engine.requests import ModelSpec

EMBEDDED = ModelSpec()
USER_GGUF = ModelSpec(ref="/models/Qwen2.5-1.5B-Instruct-Q4_K_M.GGUF")


def test_without_llama_cpp_every_model_runs_on_pytorch() -> None:
    for spec in (EMBEDDED, USER_GGUF, ModelSpec(ref="/models/smollm2"), ModelSpec(ref="Qwen/Qwen2.5-1.5B-Instruct")):
        assert choose_backend(spec, available=False) == "torch"


def test_with_llama_cpp_gguf_models_run_on_it() -> None:
    assert choose_backend(EMBEDDED, available=True) == "llamacpp"  # the embedded model is a GGUF file
    assert choose_backend(USER_GGUF, available=True) == "llamacpp"
    assert choose_backend(ModelSpec(ref="/models/model.gguf", device="cpu"), available=True) == "llamacpp"


@pytest.mark.parametrize(
    "spec",
    [
        ModelSpec(ref="/models/smollm2"),  # a Transformers folder
        ModelSpec(ref="Qwen/Qwen2.5-1.5B-Instruct"),  # a Hub id
        ModelSpec(ref="qwen2.5:1.5b", base_url="http://localhost:11434/v1"),  # a server
        ModelSpec(dtype="float32"),  # exact float32 results are promised at this precision
        ModelSpec(ref="/models/model.gguf", dtype="bfloat16"),
    ],
)
def test_everything_else_stays_on_pytorch(spec: ModelSpec) -> None:
    assert choose_backend(spec, available=True) == "torch"


def test_a_usable_gpu_or_a_host_that_must_not_use_it_keeps_pytorch() -> None:
    assert choose_backend(EMBEDDED, available=True, gpu=True) == "torch"
    assert choose_backend(EMBEDDED, available=True, enabled=False) == "torch"


def test_gguf_is_told_by_the_file_name(tmp_path: Path) -> None:
    assert is_gguf(ModelSpec()) and is_gguf(ModelSpec(ref=str(tmp_path / "a.gguf")))
    assert not is_gguf(ModelSpec(ref=str(tmp_path))) and not is_gguf(ModelSpec(ref="m", base_url="http://x/v1"))


def test_installed_is_found_without_importing_it() -> None:
    import sys

    had = "llama_cpp" in sys.modules
    assert isinstance(llamacpp_installed(), bool)
    assert ("llama_cpp" in sys.modules) == had
