"""The local transformers backend: loads a model on CPU/CUDA/MPS and streams its text.

Imports torch and transformers at module level, so only the model host process and the CLI import this module.
"""

from __future__ import annotations

import copy
import gc
import json
import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import transformers
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    DynamicCache,
    LogitsProcessorList,
    RepetitionPenaltyLogitsProcessor,
    StoppingCriteria,
    StoppingCriteriaList,
    TemperatureLogitsWarper,
    TextStreamer,
    TopKLogitsWarper,
    TopPLogitsWarper,
)

from app.engine import fast_decode, faults
from app.engine.backends.base import CancelFlag
from app.engine.convert import ensure_converted
from app.engine.errors import EngineError
from app.engine.models import (
    EMBEDDED_DISPLAY_NAME,
    EMBEDDED_INSTALL_HINT,
    display_name,
    embedded_gguf,
    looks_like_model_folder,
)
from app.engine.prompts import render_plain_chat
from app.engine.requests import (
    Chat,
    Done,
    FailureKind,
    FinishReason,
    LoadProgress,
    ModelInfo,
    ModelSpec,
    RawText,
    Request,
    Stats,
    StopPoint,
    progress,
)
from app.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")
_DEFAULT_CONTEXT = 2048
# Below this much room for the answer a request is refused rather than answered with a stub.
_MIN_ANSWER_TOKENS = 64
# The fast path's static key/value cache is sized to the context, capped: its pages only become resident as a
# conversation reaches them, but a 128k-token context would still reserve a lot of address space.
_FAST_MAX_CACHE = 32_768
FAST_PATH_NOTE = QT_TRANSLATE_NOOP(
    "Engine",
    "Fast CPU path: {kinds} weights and a lean decode loop (several times faster; results are close to, not "
    "identical with, float32). Choose float32 under Precision for exact float32 results.",
)


class _Cancelled(Exception):
    """Raised by a layer hook to abandon a forward pass (a long prefill) as soon as Stop is pressed."""


class FlagStop(StoppingCriteria):
    """Ends generation at the next decode step once the cancel flag is set."""

    def __init__(self, flag: CancelFlag) -> None:
        self.flag = flag

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor, **kwargs: Any) -> torch.BoolTensor:
        stop = self.flag.is_set()
        return torch.full((input_ids.shape[0],), stop, dtype=torch.bool, device=input_ids.device)  # type: ignore[return-value]


class _Streamer(TextStreamer):
    """Hands each finalized piece of text to a callback and notes when the first new token came."""

    def __init__(self, tokenizer: Any, on_text: Callable[[str], None]) -> None:
        super().__init__(tokenizer, skip_prompt=True, skip_special_tokens=True)
        self._on_text = on_text
        self.first_token_at: float | None = None
        self.new_tokens = 0

    def put(self, value: torch.Tensor) -> None:
        is_prompt = self.skip_prompt and self.next_tokens_are_prompt
        super().put(value)
        if not is_prompt:
            if self.first_token_at is None:
                self.first_token_at = time.perf_counter()
            self.new_tokens += int(value.numel())

    def on_finalized_text(self, text: str, stream_end: bool = False) -> None:
        if text:
            self._on_text(text)


def _decoder_layers(model: torch.nn.Module) -> list[torch.nn.Module]:
    """The stack of transformer blocks, found by shape so it works across architectures."""
    wanted = getattr(model.config, "num_hidden_layers", None)
    for module in model.modules():
        if isinstance(module, torch.nn.ModuleList) and len(module) > 0 and (wanted is None or len(module) == wanted):
            return list(module)
    return []


@dataclass(frozen=True)
class DeviceChoice:
    device: str
    # Why no GPU is used, in a sentence, and the same in a few words for the status bar ("" when one is used):
    # templates marked for translation in context "Engine", with `params` to put in.
    reason_template: str = ""
    short_template: str = ""
    params: dict[str, object] = field(default_factory=dict, hash=False)

    @property
    def reason(self) -> str:
        return self.reason_template.format(**self.params)

    @property
    def short(self) -> str:
        return self.short_template.format(**self.params)


def choose_device(preference: str) -> DeviceChoice:
    """The device to use and, when it is not a GPU, why not."""
    preference = (preference or "auto").lower()
    if faults.active(faults.GPU_OOM_ON_LOAD) and preference != "cpu":
        return DeviceChoice("cuda:0")  # a pretend GPU that the injected fault makes run out of memory
    cuda_built = torch.version.cuda is not None or getattr(torch.version, "hip", None) is not None
    mps_ok = bool(getattr(torch.backends, "mps", None) and torch.backends.mps.is_available())
    if not cuda_built:
        no_cuda = DeviceChoice(
            "cpu",
            QT_TRANSLATE_NOOP(
                "Engine",
                "This PyTorch build ({version}) has no CUDA support; install a CUDA build to use an NVIDIA GPU.",
            ),
            QT_TRANSLATE_NOOP("Engine", "CPU-only PyTorch"),
            {"version": str(torch.__version__)},
        )
        cuda_asked = QT_TRANSLATE_NOOP(
            "Engine",
            "CUDA was requested but is unavailable: This PyTorch build ({version}) has no CUDA support; install a "
            "CUDA build to use an NVIDIA GPU.",
        )
    elif not torch.cuda.is_available():
        no_cuda = DeviceChoice(
            "cpu",
            QT_TRANSLATE_NOOP(
                "Engine", "PyTorch found no usable NVIDIA GPU (no GPU, or the driver is missing or too old)."
            ),
            QT_TRANSLATE_NOOP("Engine", "no NVIDIA GPU found"),
        )
        cuda_asked = QT_TRANSLATE_NOOP(
            "Engine",
            "CUDA was requested but is unavailable: PyTorch found no usable NVIDIA GPU (no GPU, or the driver is "
            "missing or too old).",
        )
    else:
        no_cuda = None
    if preference == "cpu":
        return DeviceChoice(
            "cpu",
            QT_TRANSLATE_NOOP("Engine", "The CPU was chosen in Settings."),
            QT_TRANSLATE_NOOP("Engine", "CPU chosen in Settings"),
        )
    if preference.startswith("cuda"):
        if no_cuda is not None:
            return DeviceChoice("cpu", cuda_asked, no_cuda.short_template, no_cuda.params)
        index = int(preference.split(":", 1)[1]) if ":" in preference else 0
        if index >= torch.cuda.device_count():
            return DeviceChoice(
                "cpu",
                QT_TRANSLATE_NOOP("Engine", "CUDA device {index} does not exist ({count} found)."),
                QT_TRANSLATE_NOOP("Engine", "no cuda:{index}"),
                {"index": index, "count": torch.cuda.device_count()},
            )
        return DeviceChoice(f"cuda:{index}")
    if preference == "mps":
        if mps_ok:
            return DeviceChoice("mps")
        return DeviceChoice(
            "cpu",
            QT_TRANSLATE_NOOP("Engine", "Apple Metal (MPS) was requested but is not available here."),
            QT_TRANSLATE_NOOP("Engine", "MPS unavailable"),
        )
    if no_cuda is None:
        return DeviceChoice("cuda:0")
    if mps_ok:
        return DeviceChoice("mps")
    return no_cuda


def choose_dtype(device: str, preference: str) -> torch.dtype:
    return dtype_choice(device, preference)[0]


def dtype_choice(device: str, preference: str) -> tuple[torch.dtype, str]:
    """The precision to load in, and why it differs from the user's choice ("" when it does not)."""
    named = {"bfloat16": torch.bfloat16, "float16": torch.float16, "float32": torch.float32}
    cuda = device.startswith("cuda")
    bf16_ok = cuda and torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    if preference == "bfloat16" and cuda and not bf16_ok:
        return torch.float16, QT_TRANSLATE_NOOP(
            "Engine", "This GPU does not support bfloat16, so the model runs in float16."
        )
    if preference == "float16" and device == "cpu":
        # Half precision on the CPU is either unsupported by some operations or far slower than float32.
        return torch.float32, QT_TRANSLATE_NOOP(
            "Engine", "float16 is not practical on the CPU, so the model runs in float32."
        )
    if preference in named:
        return named[preference], ""
    if cuda:
        return (torch.bfloat16 if bf16_ok else torch.float16), ""
    if device == "mps":
        return torch.float16, ""
    return torch.float32, ""


def _check_architecture(folder: Path) -> None:
    """Explain an unsupported or remote-code model before transformers fails with a long traceback."""
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EngineError(
            FailureKind.CORRUPT_MODEL,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The model description (config.json) in {folder} cannot be read. Download or convert the model again.",
            ),
            str(exc),
            folder=str(folder),
        ) from exc
    model_type = config.get("model_type") if isinstance(config, dict) else None
    from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES

    if model_type in CONFIG_MAPPING_NAMES:
        return
    if isinstance(config, dict) and config.get("auto_map"):
        raise EngineError(
            FailureKind.NEEDS_REMOTE_CODE,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The model in {folder} needs to run its own Python code ({architecture} architecture), which "
                "Inkwell never allows. Choose a model that Transformers supports natively.",
            ),
            folder=folder.name,
            architecture=model_type or "custom",
        )
    raise EngineError(
        FailureKind.UNSUPPORTED_MODEL,
        QT_TRANSLATE_NOOP(
            "Engine",
            "The model in {folder} has an architecture ({architecture}) that the installed Transformers {version} "
            "does not support. Choose another model.",
        ),
        folder=folder.name,
        architecture=model_type or "unknown",
        version=transformers.__version__,
    )


@dataclass
class _KVState:
    key: str
    cache: Any  # DynamicCache
    tokens: list[int]  # the token ids whose keys and values the cache holds


def _crop_to(cache: Any, length: int) -> None:
    """Cut the cache to its first `length` tokens. transformers 5 takes a negative count of tokens to remove."""
    surplus = cache.get_seq_length() - length
    if surplus > 0:
        cache.crop(-surplus)


@dataclass
class _FastRun:
    generated: list[int]
    reason: FinishReason
    stopped_in: StopPoint
    reused: int
    decoding: str


class LocalBackend:
    """transformers on this machine. One model at a time; not thread-safe (the host runs one request at a time).

    `fast_cpu`: on the CPU with precision "auto", load supported models into the int8 fast path
    (`app/engine/fast_decode.py`). The model host (the window) turns it on; the CLI does not, so `inkwell generate`
    stays exactly plain float32 `generate` unless asked otherwise.
    """

    def __init__(self, models_root: Path, fast_cpu: bool = False) -> None:
        self.models_root = models_root
        self.fast_cpu = fast_cpu
        self.model: Any = None
        self.tokenizer: Any = None
        self.info: ModelInfo | None = None
        self._layers: list[torch.nn.Module] = []
        self._kv: _KVState | None = None
        self._fast: fast_decode.FastModel | None = None
        # The tokens whose keys/values the fast path's static cache holds, and the cache key they belong to.
        self._fast_tokens: list[int] = []
        self._fast_key = ""

    # -- loading ---------------------------------------------------------------------------------------------
    def _resolve(self, spec: ModelSpec, on_progress: Callable[[LoadProgress], None]) -> tuple[str, str]:
        """(what to pass to from_pretrained, display name)."""
        if spec.is_embedded:
            gguf = embedded_gguf()
            if gguf is None:
                raise EngineError(
                    FailureKind.MODEL_NOT_FOUND,
                    QT_TRANSLATE_NOOP("Engine", "The embedded model is not installed. Install it with: {command}"),
                    command=EMBEDDED_INSTALL_HINT,
                )
            return str(ensure_converted(gguf, self.models_root, on_progress)), EMBEDDED_DISPLAY_NAME
        path = Path(spec.ref).expanduser()
        if path.suffix.lower() == ".gguf":
            if not path.is_file():
                raise EngineError(
                    FailureKind.MODEL_NOT_FOUND,
                    QT_TRANSLATE_NOOP("Engine", "There is no model file at {path}."),
                    path=str(path),
                )
            return str(ensure_converted(path, self.models_root, on_progress)), display_name(spec.ref)
        if path.exists():
            if not path.is_dir() or not looks_like_model_folder(path):
                raise EngineError(
                    FailureKind.MODEL_NOT_FOUND,
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "{path} is not a model folder (it has no config.json). Choose a folder with a Transformers "
                        "model, or a .gguf file.",
                    ),
                    path=str(path),
                )
            _check_architecture(path)
            return str(path), display_name(spec.ref)
        if _HUB_ID.fullmatch(spec.ref) and not spec.ref.startswith((".", "/", "~")):
            return spec.ref, spec.ref
        raise EngineError(
            FailureKind.MODEL_NOT_FOUND,
            QT_TRANSLATE_NOOP(
                "Engine",
                "There is no model at {path}. Choose a folder with a Transformers model, a .gguf file, or a Hugging "
                "Face model id such as Qwen/Qwen2.5-1.5B-Instruct.",
            ),
            path=str(path),
        )

    def load(self, spec: ModelSpec, on_progress: Callable[[LoadProgress], None]) -> ModelInfo:
        started = time.perf_counter()
        self.unload()
        source, name = self._resolve(spec, on_progress)
        choice = choose_device(spec.device)
        device = choice.device
        dtype, dtype_note = dtype_choice(device, spec.dtype)
        if dtype_note:
            log.info("%s", dtype_note)
        on_progress(progress("loading", QT_TRANSLATE_NOOP("Engine", "Loading {name}…"), name=name))
        folder = Path(source)
        kwargs: dict[str, Any] = {"trust_remote_code": False}
        if folder.is_dir() and any(folder.glob("*.safetensors")):
            kwargs["use_safetensors"] = True
        tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
        gpu_note, gpu_short = choice.reason_template, choice.short_template
        note_params: dict[str, object] = dict(choice.params)
        try:
            model = self._load_weights(source, device, dtype, kwargs)
        except Exception as exc:
            if device == "cpu" or not _out_of_memory(exc):
                raise
            # The GPU is too small for this model: run it on the CPU rather than not at all, and say so.
            log.warning("out of GPU memory loading %s on %s; falling back to the CPU", name, device)
            gc.collect()
            if torch.cuda.is_available():
                torch.cuda.empty_cache()
            device, dtype, dtype_note = "cpu", torch.float32, ""
            gpu_note = QT_TRANSLATE_NOOP(
                "Engine",
                "The model did not fit in the GPU's memory, so it runs on the CPU (slower). Choose a smaller model, "
                "or close programs that use the GPU, to run it there. ({error})",
            )
            gpu_short = QT_TRANSLATE_NOOP("Engine", "GPU out of memory")
            note_params = {"error": _first_line(exc)}
            model = self._load_weights(source, device, dtype, kwargs)
        self.model, self.tokenizer = model, tokenizer
        dtype_name = str(dtype).removeprefix("torch.")
        if self.fast_cpu and device == "cpu" and (spec.dtype or "auto") == "auto":
            reason = fast_decode.unsupported_reason(model)
            if reason:
                log.info("fast CPU path not used for %s: %s", name, reason)
            else:
                on_progress(
                    progress(
                        "loading", QT_TRANSLATE_NOOP("Engine", "Preparing {name} for fast CPU decoding…"), name=name
                    )
                )
                limit = min(self._context_length(), _FAST_MAX_CACHE)
                self._fast = fast_decode.FastModel(model, max_len=limit)
                dtype_name = "/".join(self._fast.kinds)  # "int4" for the embedded model: its GGUF is 4-bit
                dtype_note = FAST_PATH_NOTE
                note_params["kinds"] = dtype_name
        self._layers = _decoder_layers(model)
        self.info = ModelInfo(
            name=name,
            path=source,
            device=device,
            dtype=dtype_name,
            context_length=self._context_length(),
            has_chat_template=bool(getattr(tokenizer, "chat_template", None)),
            gpu_note=gpu_note.format(**note_params),
            gpu_note_short=gpu_short.format(**note_params),
            dtype_note=dtype_note.format(**note_params),
            load_ms=(time.perf_counter() - started) * 1000,
            torch_version=str(torch.__version__),  # a plain str: unpickling TorchVersion imports torch
            transformers_version=transformers.__version__,
            note_templates={"gpu_note": gpu_note, "gpu_note_short": gpu_short, "dtype_note": dtype_note},
            note_params=note_params,
        )
        log.info("loaded %s on %s (%s) in %.0f ms", name, device, self.info.dtype, self.info.load_ms)
        return self.info

    @staticmethod
    def _load_weights(source: str, device: str, dtype: torch.dtype, kwargs: dict[str, Any]) -> Any:
        if faults.active(faults.GPU_OOM_ON_LOAD) and device != "cpu":
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB (injected fault)")
        model: Any = AutoModelForCausalLM.from_pretrained(source, dtype=dtype, **kwargs)
        model.to(device)
        model.eval()
        return model

    def _context_length(self) -> int:
        candidates = [
            getattr(self.model.config, "max_position_embeddings", None),
            getattr(self.tokenizer, "model_max_length", None),
        ]
        usable = [int(c) for c in candidates if isinstance(c, int) and 0 < c < 10_000_000]
        return min(usable) if usable else _DEFAULT_CONTEXT

    def unload(self) -> None:
        self._kv = None
        self._fast = None
        self._fast_tokens, self._fast_key = [], ""
        self.model = self.tokenizer = self.info = None
        self._layers = []
        if torch.cuda.is_available():
            torch.cuda.empty_cache()

    # -- generation ------------------------------------------------------------------------------------------
    def _require_model(self) -> None:
        if self.model is None or self.info is None:
            raise EngineError(FailureKind.INTERNAL, QT_TRANSLATE_NOOP("Engine", "No model is loaded yet."))

    def encode(self, prompt: RawText | Chat) -> list[int]:
        self._require_model()
        if isinstance(prompt, RawText):
            if not prompt.text.strip():
                raise EngineError(
                    FailureKind.EMPTY_INPUT,
                    QT_TRANSLATE_NOOP("Engine", "There is no text to work from: the input is empty."),
                )
            return list(self.tokenizer(prompt.text)["input_ids"])
        if not any(m.content.strip() for m in prompt.messages if m.role == "user"):
            raise EngineError(FailureKind.EMPTY_INPUT, QT_TRANSLATE_NOOP("Engine", "The message is empty."))
        messages = [{"role": m.role, "content": m.content} for m in prompt.messages]
        if getattr(self.tokenizer, "chat_template", None):
            text = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        else:
            text = render_plain_chat(prompt.messages)
        return list(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def count_tokens(self, text: str) -> int:
        self._require_model()
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def _fit(self, request: Request, ids: list[int]) -> tuple[list[int], int, int]:
        """(ids, dropped, max_new_tokens) that fit the context window; never drops text silently."""
        assert self.info is not None
        context = self.info.context_length
        wanted = max(1, min(request.sampling.max_new_tokens, context - 1))
        if len(ids) + wanted <= context:
            return ids, 0, wanted
        if isinstance(request.prompt, RawText) and request.prompt.keep_tail:
            budget = context - wanted
            return ids[-budget:], len(ids) - budget, wanted
        room = context - len(ids)
        if room >= min(wanted, _MIN_ANSWER_TOKENS):
            return ids, 0, room  # a shorter answer than asked; Done says "length" if it runs out
        raise EngineError(
            FailureKind.CONTEXT_OVERFLOW,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The text is too long for this model: {tokens:,} tokens, but only {fit:,} fit with room for an "
                "answer ({context:,} in all). Shorten it, or use a model with a longer context.",
            ),
            tokens=len(ids),
            fit=max(context - min(wanted, _MIN_ANSWER_TOKENS), 0),
            context=context,
        )

    def _generation_config(self, request: Request, max_new: int) -> Any:
        config = copy.deepcopy(self.model.generation_config)
        s = request.sampling
        if s.greedy:
            # Plain greedy: no processors at all, whatever defaults the model ships with.
            config.update(do_sample=False, temperature=None, top_p=None, top_k=None, repetition_penalty=None)
        else:
            config.update(
                do_sample=True,
                temperature=max(s.temperature, 1e-3),
                top_p=s.top_p,
                top_k=s.top_k,
                repetition_penalty=s.repetition_penalty,
            )
        config.update(max_new_tokens=max_new, max_length=None, min_new_tokens=min(s.min_new_tokens, max_new) or None)
        if config.pad_token_id is None:
            config.pad_token_id = self.tokenizer.pad_token_id or self.tokenizer.eos_token_id
        return config

    @contextmanager
    def _cancellable_forward(self, cancel: CancelFlag) -> Iterator[None]:
        """Abandon any forward pass, even a long prefill, within one layer of Stop being pressed."""

        def check(module: torch.nn.Module, args: Any) -> None:
            if cancel.is_set():
                raise _Cancelled

        # Every submodule of every block (projections, norms, attention, MLP), not just the blocks: at a
        # 4,000-token prefill one block takes ~400 ms here, its pieces 30-120 ms each.
        handles = [module.register_forward_pre_hook(check) for layer in self._layers for module in layer.modules()]
        try:
            yield
        finally:
            for handle in handles:
                handle.remove()

    def _eos_ids(self) -> set[int]:
        eos = self.model.generation_config.eos_token_id
        if eos is None:
            eos = self.tokenizer.eos_token_id
        return set(eos) if isinstance(eos, list) else ({eos} if eos is not None else set())

    # -- KV-cache reuse ---------------------------------------------------------------------------------------
    def _reusable_cache(self, request: Request, ids: list[int]) -> tuple[Any, int]:
        """(cache, tokens already in it) for a request with a cache key; (None, 0) otherwise.

        The cache of the last request with the same key is cropped to the longest common token prefix with the new
        prompt (a regenerate or an edited turn diverges earlier) and reused, so a follow-up turn reads only its new
        tokens. One cache is kept; requests without a key neither use nor disturb it.
        """
        if not request.cache_key or request.sampling.prompt_lookup_tokens:
            return None, 0
        state = self._kv
        if state is None or state.key != request.cache_key:
            self._kv = _KVState(request.cache_key, DynamicCache(config=self.model.config), [])
            return self._kv.cache, 0
        common = 0
        for cached, new in zip(state.tokens, ids, strict=False):
            if cached != new:
                break
            common += 1
        common = min(common, len(ids) - 1)  # generate needs at least one token to read
        _crop_to(state.cache, common)
        state.tokens = state.tokens[:common]
        return state.cache, common

    def drop_cache(self) -> None:
        self._kv = None
        self._fast_tokens, self._fast_key = [], ""

    # -- the fast CPU path -------------------------------------------------------------------------------------
    def _fast_handles(self, request: Request) -> bool:
        """Whether the lean loop runs this request. Sampling with prompt lookup is left to `generate` (on the same
        int8 weights): lookup only pays off for grounded edits, which are greedy."""
        if faults.active(faults.GPU_OOM_ON_GENERATE):
            return False  # the injected fault stands for a model on a GPU, where the CPU's lean loop never runs
        return self._fast is not None and (request.sampling.greedy or not request.sampling.prompt_lookup_tokens)

    def _fast_reuse(self, request: Request, ids: list[int]) -> int:
        """How many leading prompt tokens the static cache already holds for this request's conversation.

        Same rules as the plain path: only a request with the cache key of the last one reuses (the longest common
        prefix, so an edited turn reuses up to the edit); any other request starts from zero and takes the cache over.
        """
        if not request.cache_key or request.sampling.prompt_lookup_tokens or request.cache_key != self._fast_key:
            self._fast_tokens, self._fast_key = [], request.cache_key
            return 0
        common = 0
        for cached, new in zip(self._fast_tokens, ids, strict=False):
            if cached != new:
                break
            common += 1
        return min(common, len(ids) - 1)  # the last prompt token is always run: its logits give the first token

    def _fast_processors(self, request: Request) -> LogitsProcessorList:
        """The same sampling processors, in the same order, as `generate` builds from the generation config."""
        s = request.sampling
        processors = LogitsProcessorList()
        if s.repetition_penalty and s.repetition_penalty != 1.0:
            processors.append(RepetitionPenaltyLogitsProcessor(s.repetition_penalty))
        processors.append(TemperatureLogitsWarper(max(s.temperature, 1e-3)))
        if s.top_k:
            processors.append(TopKLogitsWarper(s.top_k))
        if s.top_p is not None and s.top_p < 1.0:
            processors.append(TopPLogitsWarper(s.top_p))
        return processors

    def _fast_run(
        self,
        request: Request,
        ids: list[int],
        max_new: int,
        cancel: CancelFlag,
        on_token: Callable[[int], None],
    ) -> _FastRun:
        """The lean decode loop: sliced prefill, then one token per step (or a verified prompt-lookup draft)."""
        fm = self._fast
        assert fm is not None
        sampling = request.sampling
        reused = self._fast_reuse(request, ids)
        eos = sorted(self._eos_ids())
        min_new = min(sampling.min_new_tokens, max_new)
        lookup = sampling.prompt_lookup_tokens if sampling.greedy else 0
        processors = None if sampling.greedy else self._fast_processors(request)
        generated: list[int] = []
        position = reused  # cache slots [0, position) hold ids+generated up to here
        fm.cancel_check = cancel.is_set

        def choose(hidden: torch.Tensor) -> list[int]:
            logits = fm.logits(hidden)
            if eos and len(generated) < min_new:
                logits[:, eos] = float("-inf")  # as generate's min_new_tokens: no end of text before then
            if processors is None:
                return [int(t) for t in fm.pick(hidden, logits)]
            scores = processors(torch.tensor([ids + generated]), logits[-1:])  # type: ignore[arg-type]
            return [int(torch.multinomial(torch.softmax(scores, dim=-1), 1)[0, 0])]

        reason: FinishReason = "length"
        stopped_in: StopPoint = ""
        try:
            with torch.inference_mode():
                hidden = None
                for start in range(reused, len(ids), fast_decode.PREFILL_SLICE):
                    piece = ids[start : start + fast_decode.PREFILL_SLICE]
                    hidden = fm.forward(torch.tensor(piece), start, last_only=True)
                    position = start + len(piece)
                assert hidden is not None
                pending = choose(hidden)
                while True:
                    for token in pending:
                        generated.append(token)
                        on_token(token)
                        if token in eos and len(generated) >= min_new:
                            reason = "eos"
                            break
                        if len(generated) >= max_new:
                            break
                    else:
                        if cancel.is_set():
                            reason, stopped_in = "cancelled", "decode"
                            break
                        # The last token of `pending` is not in the cache yet: feed it, plus a draft to verify.
                        room = max_new - len(generated) - 1
                        draft = fast_decode.find_draft(ids + generated, min(lookup, room)) if lookup else []
                        feed = [generated[-1], *draft]
                        hidden = fm.forward(torch.tensor(feed), position, last_only=not draft)
                        picks = choose(hidden)
                        accepted = 0
                        while accepted < len(draft) and picks[accepted] == draft[accepted]:
                            accepted += 1
                        position += 1 + accepted  # slots past the accepted draft hold rejected guesses
                        pending = [*draft[:accepted], picks[accepted]]
                        continue
                    break
        except fast_decode.Cancelled:
            reason, stopped_in = "cancelled", "decode" if generated else "prefill"
        # Slots below `position` are exact whatever happened after them, so even a stopped turn leaves a usable cache.
        self._fast_tokens = (ids + generated)[:position]
        decoding = ("greedy" if sampling.greedy else "sampling") + ("+lookup" if lookup else "")
        return _FastRun(generated, reason, stopped_in, reused, decoding)

    def _fast_stream(
        self, request: Request, on_text: Callable[[str], None], cancel: CancelFlag, started: float
    ) -> Done | None:
        """The request on the fast path; None when it needs more than the static cache holds (a context over
        _FAST_MAX_CACHE tokens), for `generate` to run instead, on the same weights."""
        assert self._fast is not None
        ids, dropped, max_new = self._fit(request, self.encode(request.prompt))
        if len(ids) + max_new > self._fast.max_len:
            log.info("request %d needs more than the fast path's cache; decoding with generate", request.id)
            return None
        if request.sampling.seed is not None:
            torch.manual_seed(request.sampling.seed)
        pieces: list[str] = []

        def emit(text: str) -> None:
            pieces.append(text)
            on_text(text)

        streamer = _Streamer(self.tokenizer, emit)
        streamer.next_tokens_are_prompt = False  # the prompt is never put: nothing to skip

        def on_token(token: int) -> None:
            streamer.put(torch.tensor([token]))

        run = self._fast_run(request, ids, max_new, cancel, on_token)
        streamer.end()
        stats = _stats(
            len(ids), len(run.generated), started, streamer.first_token_at, dropped, run.decoding, run.reused
        )
        return Done(request.id, "".join(pieces), run.reason, stats, run.stopped_in)

    # -- generation ------------------------------------------------------------------------------------------
    def stream(self, request: Request, on_text: Callable[[str], None], cancel: CancelFlag) -> Done:
        self._require_model()
        assert self.info is not None
        started = time.perf_counter()
        if self._fast_handles(request):
            done = self._fast_stream(request, on_text, cancel, started)
            if done is not None:
                return done
        ids, dropped, max_new = self._fit(request, self.encode(request.prompt))
        config = self._generation_config(request, max_new)
        sampling = request.sampling
        decoding = "greedy" if sampling.greedy else "sampling"
        cache, reused = self._reusable_cache(request, ids)
        if sampling.seed is not None:
            torch.manual_seed(sampling.seed)
        pieces: list[str] = []

        def emit(text: str) -> None:
            pieces.append(text)
            on_text(text)

        streamer = _Streamer(self.tokenizer, emit)
        input_ids = torch.tensor([ids], device=self.model.device)
        extra: dict[str, Any] = {}
        if cache is not None:
            extra["cache"] = cache  # transformers 5.24 deprecates the old name, past_key_values
        if sampling.prompt_lookup_tokens > 0:
            extra["prompt_lookup_num_tokens"] = sampling.prompt_lookup_tokens

        def run() -> Any:
            """The generated ids, or None when Stop abandoned a forward pass."""
            if faults.active(faults.GPU_OOM_ON_GENERATE):
                raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 512.00 MiB (injected fault)")
            try:
                with torch.inference_mode(), self._cancellable_forward(cancel):
                    return self.model.generate(
                        input_ids=input_ids,
                        attention_mask=torch.ones_like(input_ids),
                        generation_config=config,
                        streamer=streamer,
                        stopping_criteria=StoppingCriteriaList([FlagStop(cancel)]),
                        **extra,
                    )
            except _Cancelled:
                return None

        try:
            output = run()
        except torch.OutOfMemoryError as exc:
            self.drop_cache()
            if torch.cuda.is_available():
                torch.cuda.empty_cache()
            raise EngineError(
                FailureKind.OUT_OF_MEMORY,
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The {device} ran out of memory while writing ({tokens:,} tokens of text plus up to {new:,} new "
                    "ones). Select less text, lower “Max new tokens” in Settings → Writing, or choose the CPU in "
                    "Settings → Model.",
                ),
                _first_line(exc),
                device=self.info.device,
                tokens=len(ids),
                new=max_new,
            ) from exc
        except ValueError:
            # Assisted (prompt-lookup) decoding refuses some generation settings; fall back to plain decoding,
            # visibly, rather than fail the request. Anything else is a real error.
            if "prompt_lookup_num_tokens" not in extra or streamer.new_tokens:
                raise
            log.info("prompt lookup not applicable to request %d; decoding plainly", request.id, exc_info=True)
            del extra["prompt_lookup_num_tokens"]
            decoding += " (prompt lookup not applicable)"
            output = run()
        else:
            if "prompt_lookup_num_tokens" in extra:
                decoding += "+lookup"
        stopped_in: StopPoint = ""
        reason: FinishReason
        if output is None:
            if cache is not None:
                self.drop_cache()  # a forward abandoned half-way leaves the cache inconsistent
            new_tokens = streamer.new_tokens
            reason, stopped_in = "cancelled", "decode" if new_tokens else "prefill"
        else:
            generated = output[0, len(ids) :].tolist()
            new_tokens = len(generated)
            if cache is not None and self._kv is not None:
                self._kv.tokens = (ids + generated)[: cache.get_seq_length()]
            if cancel.is_set():
                reason, stopped_in = "cancelled", "decode"
            elif generated and generated[-1] in self._eos_ids():
                reason = "eos"
            else:
                reason = "length"
        stats = _stats(len(ids), new_tokens, started, streamer.first_token_at, dropped, decoding, reused)
        return Done(request.id, "".join(pieces), reason, stats, stopped_in)

    def raw_generate(self, request: Request) -> Done:
        """Plain `model.generate` with no streamer, hooks or stopping criteria: the benchmarks' baseline.

        With the fast path loaded, its lean loop with no streaming or cancel checks instead, so that a benchmark
        comparing raw with the app compares the same path and precision.
        """
        self._require_model()
        ids, dropped, max_new = self._fit(request, self.encode(request.prompt))
        if self._fast_handles(request) and self._fast is not None and len(ids) + max_new <= self._fast.max_len:
            started = time.perf_counter()
            run = self._fast_run(request, ids, max_new, _NEVER, lambda token: None)
            elapsed = time.perf_counter() - started
            text = self.tokenizer.decode(run.generated, skip_special_tokens=True)
            n = len(run.generated)
            rate = n / elapsed if elapsed > 0 else 0.0
            stats = Stats(len(ids), n, 0.0, rate, elapsed * 1000, dropped, run.decoding)
            return Done(request.id, text, run.reason, stats)
        config = self._generation_config(request, max_new)
        input_ids = torch.tensor([ids], device=self.model.device)
        started = time.perf_counter()
        with torch.inference_mode():
            output = self.model.generate(
                input_ids=input_ids, attention_mask=torch.ones_like(input_ids), generation_config=config
            )
        elapsed = time.perf_counter() - started
        generated = output[0, len(ids) :]
        text = self.tokenizer.decode(generated, skip_special_tokens=True)
        n = int(generated.numel())
        stats = Stats(len(ids), n, 0.0, n / elapsed if elapsed > 0 else 0.0, elapsed * 1000, dropped, "greedy")
        return Done(request.id, text, "length", stats)


class _NeverSet:
    def is_set(self) -> bool:
        return False


_NEVER = _NeverSet()


def _out_of_memory(exc: BaseException) -> bool:
    return isinstance(exc, (torch.OutOfMemoryError, MemoryError)) or "out of memory" in str(exc).lower()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def configure_quiet_transformers() -> None:
    """Keep transformers' progress bars and advice off the terminal; Inkwell reports progress itself."""
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _stats(
    prompt_tokens: int, new_tokens: int, started: float, first: float | None, dropped: int, decoding: str, reused: int
) -> Stats:
    finished = time.perf_counter()
    decode_s = finished - first if first is not None else 0.0
    return Stats(
        prompt_tokens=prompt_tokens,
        new_tokens=new_tokens,
        ttft_ms=((first - started) * 1000) if first is not None else 0.0,
        # Tokens after the first, over the time after the first: the decode speed the user sees.
        tokens_per_s=((new_tokens - 1) / decode_s) if new_tokens > 1 and decode_s > 0 else 0.0,
        total_ms=(finished - started) * 1000,
        prompt_tokens_dropped=dropped,
        decoding=decoding,
        cached_prompt_tokens=reused,
    )
