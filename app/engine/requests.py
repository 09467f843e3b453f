"""Small frozen data types that travel between the GUI, the worker thread and the model host process.

They are pickled over a pipe, so they hold only plain values.
"""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass, field, replace
from typing import Literal

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str


@dataclass(frozen=True)
class RawText:
    """Text the model continues exactly as written: no chat template, no system prompt."""

    text: str
    # Continue-writing only needs the text nearest the cursor; keep the end of it when it exceeds the context.
    keep_tail: bool = False


@dataclass(frozen=True)
class Chat:
    """Messages rendered through the model's chat template."""

    messages: tuple[Message, ...]


Prompt = RawText | Chat


@dataclass(frozen=True)
class Sampling:
    max_new_tokens: int = 256
    min_new_tokens: int = 0  # >0 keeps the end-of-text token away until then (benchmarks need exact lengths)
    greedy: bool = False
    temperature: float = 0.7
    top_p: float = 0.9
    top_k: int = 50
    repetition_penalty: float = 1.1
    seed: int | None = None
    # >0: prompt-lookup decoding with this many draft tokens (fast for text grounded in the prompt: proofread,
    # rewrite, translate). Local backend only; ignored, and said so in Stats.decoding, where it cannot apply.
    prompt_lookup_tokens: int = 0

    @classmethod
    def plain_greedy(cls, max_new_tokens: int = 256) -> Sampling:
        """Greedy decoding with no logits processors: matches `model.generate(ids, do_sample=False)`."""
        return cls(max_new_tokens=max_new_tokens, greedy=True, repetition_penalty=1.0)


@dataclass(frozen=True)
class ModelSpec:
    """Which model to load and where. `ref` is "" for the embedded model, else a folder, a .gguf file or a Hub id;
    with a `base_url`, the model name on an OpenAI-compatible server."""

    ref: str = ""
    device: str = "auto"  # auto, cpu, cuda, cuda:N, mps
    dtype: str = "auto"  # auto, bfloat16, float16, float32
    base_url: str = ""  # set: a remote server (…/v1) instead of a local model
    context_length: int = 0  # remote only: the server has no tokenizer here to tell
    api_key: str = field(default="", repr=False, compare=False)  # remote only; never logged

    @property
    def is_embedded(self) -> bool:
        return not self.ref and not self.base_url

    @property
    def is_remote(self) -> bool:
        return bool(self.base_url)


_ids = itertools.count(1)


def next_request_id() -> int:
    return next(_ids)


@dataclass(frozen=True)
class Request:
    task: str  # "continue", "chat", ...: names the job for logs and stats
    prompt: Prompt
    sampling: Sampling = field(default_factory=Sampling)
    # Requests from the same source supersede each other; other sources queue behind.
    source: str = "editor"
    # Non-empty: the local backend keeps this request's KV cache and reuses the common token prefix with the
    # next request under the same key (a chat conversation id). One cache is kept at a time.
    cache_key: str = ""
    # A model for this request only (a translate model, say); None: the client's model. Swapped in when needed.
    model: ModelSpec | None = None
    id: int = field(default_factory=next_request_id)

    def renumbered(self) -> Request:
        """The same request with an id from this process's counter: ids are unique per process, so a request built
        in the text-services process must be renumbered before the GUI's client sees it."""
        return replace(self, id=next_request_id())


@dataclass(frozen=True)
class Stats:
    prompt_tokens: int
    new_tokens: int
    ttft_ms: float
    tokens_per_s: float
    total_ms: float
    prompt_tokens_dropped: int = 0
    decoding: str = "sampling"  # "greedy", "sampling", "greedy+lookup", ...
    cached_prompt_tokens: int = 0  # prompt tokens served from a reused KV cache instead of being read again


FinishReason = Literal["eos", "length", "cancelled"]
StopPoint = Literal["queue", "load", "prefill", "decode", ""]


@dataclass(frozen=True)
class Done:
    request_id: int
    text: str
    reason: FinishReason
    stats: Stats | None = None
    stopped_in: StopPoint = ""  # where a cancelled request was stopped
    superseded: bool = False

    @property
    def cancelled(self) -> bool:
        return self.reason == "cancelled"


class FailureKind(enum.Enum):
    MODEL_NOT_FOUND = "model_not_found"
    UNSUPPORTED_MODEL = "unsupported_model"
    NEEDS_REMOTE_CODE = "needs_remote_code"
    CORRUPT_MODEL = "corrupt_model"
    OUT_OF_MEMORY = "out_of_memory"
    DEVICE_UNAVAILABLE = "device_unavailable"
    NETWORK = "network"
    EMPTY_INPUT = "empty_input"
    CONTEXT_OVERFLOW = "context_overflow"
    HOST_DIED = "host_died"
    HOST_START = "host_start"
    INTERNAL = "internal"


@dataclass(frozen=True)
class Failure:
    kind: FailureKind
    message: str  # plain words: what happened and what the user can do (English, for logs and the command line)
    detail: str = ""  # technical detail for the log and "Copy diagnostics"
    request_id: int | None = None
    # `message` before its parameters were put in, marked for translation in context "Engine", so the GUI can show
    # it in the user's language ("" for a message that is not one of Inkwell's own).
    template: str = ""
    params: dict[str, object] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class LoadProgress:
    stage: str  # "starting", "converting", "loading"
    message: str
    fraction: float | None = None  # None: no measurable progress
    template: str = ""  # as in Failure: `message` marked for translation in context "Engine", and its parameters
    params: dict[str, object] = field(default_factory=dict, hash=False)


def progress(stage: str, template: str, fraction: float | None = None, **params: object) -> LoadProgress:
    """A LoadProgress whose message is `template` (marked for translation) with `params` put in."""
    return LoadProgress(stage, template.format(**params) if params else template, fraction, template, params)


@dataclass(frozen=True)
class ModelInfo:
    name: str
    path: str
    device: str
    dtype: str
    context_length: int
    has_chat_template: bool
    gpu_note: str  # why no GPU is used, "" when one is
    load_ms: float
    gpu_note_short: str = ""  # the same in a few words
    dtype_note: str = ""  # why the precision differs from the one chosen in the settings, "" when it does not
    torch_version: str = ""
    transformers_version: str = ""
    # The notes above before their parameters were put in, marked for translation in context "Engine" (keyed by
    # field name), so the GUI can show them in the user's language.
    note_templates: dict[str, str] = field(default_factory=dict, hash=False)
    note_params: dict[str, object] = field(default_factory=dict, hash=False)
