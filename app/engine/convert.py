"""Turn a GGUF file into a safetensors copy once, so later launches load in under a second.

Runs inside the model host or the CLI (it imports transformers); never in the GUI process.
Dequantizing a GGUF through transformers takes ~30 s here, loading the copy ~0.5 s, and the copy generates the
same tokens.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from app.engine.models import CopyRecord, converted_copy_dir, copy_problem, write_copy_marker
from app.engine.requests import LoadProgress, progress
from app.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

ProgressFn = Callable[[LoadProgress], None]

# Share of the conversion time each stage takes here (measured on SmolLM2: tokenizer 7 s, reading metadata 10 s,
# weights 13 s, saving 2 s); used to show one progress bar over the whole conversion.
_STAGES = {"tokenizer": (0.0, 0.2), "metadata": (0.2, 0.5), "weights": (0.5, 0.93), "saving": (0.93, 1.0)}


def _report(on_progress: ProgressFn, stage: str, template: str, within: float = 0.0, **params: object) -> None:
    start, end = _STAGES[stage]
    on_progress(progress("converting", template, start + (end - start) * within, **params))


@contextlib.contextmanager
def _tensor_progress(on_progress: ProgressFn) -> Iterator[None]:
    """Report per-tensor progress from transformers' GGUF reader, which only offers a tqdm bar."""
    from transformers import modeling_gguf_pytorch_utils as gguf_utils

    original = getattr(gguf_utils, "tqdm", None)

    def tracked(iterable: Any = None, *args: Any, **kwargs: Any) -> Iterator[Any]:
        items = list(iterable or [])
        total = max(len(items), 1)
        for index, item in enumerate(items):
            if index % 8 == 0:
                _report(
                    on_progress,
                    "weights",
                    QT_TRANSLATE_NOOP("Engine", "Converting weights ({index}/{total})…"),
                    index / total,
                    index=index,
                    total=total,
                )
            yield item

    if original is not None:
        gguf_utils.tqdm = tracked
    try:
        yield
    finally:
        if original is not None:
            gguf_utils.tqdm = original


def convert_gguf(gguf: Path, target: Path, on_progress: ProgressFn) -> None:
    """Write a float32 safetensors copy of `gguf` (config, weights, tokenizer, chat template) into `target`."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    _report(on_progress, "tokenizer", QT_TRANSLATE_NOOP("Engine", "Reading the vocabulary…"))
    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    _report(on_progress, "metadata", QT_TRANSLATE_NOOP("Engine", "Reading the model description…"))
    with _tensor_progress(on_progress):
        model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, trust_remote_code=False)
    _report(on_progress, "saving", QT_TRANSLATE_NOOP("Engine", "Saving the converted copy…"))
    # transformers refuses to save a model it still considers quantized; the tensors are already plain floats.
    setattr(model, "hf_quantizer", None)  # noqa: B010 (typed as a module attribute in transformers)
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(target, safe_serialization=True)
    tokenizer.save_pretrained(target)
    weights = {p.name: p.stat().st_size for p in sorted(target.glob("*.safetensors"))}
    write_copy_marker(target, CopyRecord(source=str(gguf), source_bytes=gguf.stat().st_size, weights=weights))


def ensure_converted(gguf: Path, models_root: Path, on_progress: ProgressFn) -> Path:
    """The verified safetensors copy of `gguf`, converting (or rebuilding a broken copy) first if needed.

    A file lock makes a second process (the CLI while the GUI converts) wait rather than convert again; the copy
    is written to a temporary folder and renamed into place, so a kill mid-way never leaves a half copy in use.
    """
    target = converted_copy_dir(models_root, gguf)
    problem = copy_problem(target)
    if problem is None:
        return target
    models_root.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(target) + ".lock")
    while True:
        try:
            lock.acquire(timeout=0.5)
            break
        except Timeout:
            on_progress(
                progress(
                    "converting",
                    QT_TRANSLATE_NOOP("Engine", "Waiting for another Inkwell window converting the model…"),
                )
            )
    try:
        problem = copy_problem(target)
        if problem is None:
            return target
        log.info("converting %s into %s (%s)", gguf, target, problem)
        if target.exists():
            shutil.rmtree(target)
        scratch = target.with_name(f"{target.name}.partial-{os.getpid()}")
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True)
        try:
            convert_gguf(gguf, scratch, on_progress)
            os.replace(scratch, target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        on_progress(progress("converting", QT_TRANSLATE_NOOP("Engine", "Converted."), 1.0))
        return target
    finally:
        lock.release()
