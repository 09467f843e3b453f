"""Which of transformers' model folders an installed Inkwell can never load, so the spec can leave their code out.

Inkwell loads models only with AutoModelForCausalLM and AutoTokenizer. A folder stays whole when:

- its model type is one AutoModelForCausalLM maps to (any text-generation checkpoint a user may download, including
  the multimodal ones that the causal-LM mapping names);
- it holds a tokenizer (a checkpoint's tokenizer_config may name any tokenizer class);
- transformers' own code outside `models/` imports it (the GGUF tokenizer mapping, quantizers);
- a kept folder imports it, or a kept folder's configuration names its model type (a vision or audio tower that a
  multimodal causal LM builds with AutoModel.from_config).

Every other folder (vision, audio, video, detection, time series and encoder-only models) keeps only its
`__init__.py` and `configuration_*.py`: AutoConfig still reads every model type, so a checkpoint of one of them fails
with the same "Unrecognized configuration class" as from source instead of a missing module. Everywhere,
`modular_*.py` and `convert_*.py` go: they generate and convert model code at development time, and transformers'
import scan skips them.

Computed from the installed transformers at build time, so it follows an upgrade of transformers.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_IMPORT = re.compile(r"^\s*(?:from|import)\s+(?:transformers\.models\.|\.\.\.models\.|\.\.|\.models\.)(\w+)", re.M)
_QUOTED = re.compile(r"""["'](\w+)["']""")
DEV_ONLY_PREFIXES = ("modular_", "convert_")


def _runtime_files(folder: Path) -> list[Path]:
    return [f for f in folder.glob("*.py") if not f.name.startswith(DEV_ONLY_PREFIXES)]


@cache
def unused_model_folders() -> frozenset[str]:
    import transformers
    from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES, model_type_to_module_name
    from transformers.models.auto.modeling_auto import MODEL_FOR_CAUSAL_LM_MAPPING_NAMES

    root = Path(transformers.__file__).parent
    models = root / "models"
    folders = {p.name for p in models.iterdir() if (p / "__init__.py").is_file()}
    model_types = set(CONFIG_MAPPING_NAMES)

    def referenced(file: Path) -> set[str]:
        text = file.read_text(encoding="utf-8", errors="replace")
        found = set(_IMPORT.findall(text))
        if file.name.startswith("configuration_"):
            found |= {model_type_to_module_name(t) for t in _QUOTED.findall(text) if t in model_types}
        return found & folders

    keep = {"auto"} | ({model_type_to_module_name(t) for t in MODEL_FOR_CAUSAL_LM_MAPPING_NAMES} & folders)
    keep |= {p.parent.name for p in models.glob("*/tokenization_*.py")}
    for file in root.rglob("*.py"):
        # Export helpers name model modules only in patches applied while exporting to ONNX/OpenVINO.
        if models not in file.parents and "exporters" not in file.parts and file.name != "testing_utils.py":
            keep |= referenced(file)
    pending = list(keep)
    while pending:
        for file in _runtime_files(models / pending.pop()):
            for name in referenced(file) - keep:
                keep.add(name)
                pending.append(name)
    return frozenset(folders - keep)


def unused(parts: list[str]) -> bool:
    """True for a path below transformers/models/ (split into parts, file name last) that the app never imports."""
    if len(parts) < 4 or parts[:2] != ["transformers", "models"]:
        return False
    name = parts[-1]
    if name.startswith(DEV_ONLY_PREFIXES):
        return True
    if parts[2] not in unused_model_folders():
        return False
    return not (len(parts) == 4 and (name == "__init__.py" or name.startswith("configuration_")))


def unused_module(module: str) -> bool:
    """The same for a module name (transformers.models.vit.modeling_vit)."""
    parts = module.split(".")
    if len(parts) < 4:
        return False  # a package's __init__ stays: transformers.models.vit
    return unused([*parts[:-1], parts[-1] + ".py"])
