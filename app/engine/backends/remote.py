"""The remote backend: any OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp server, transformers serve).

Runs in the GUI process's model worker thread (no host process), so it imports neither torch nor transformers: only
httpx and the engine's plain types.

Base URLs follow the OpenAI convention and include `/v1` (each server's default is in `remote_urls`); requests go
to `{base}/chat/completions`, `{base}/completions` and `{base}/models`. Continue-writing (a RawText prompt) uses
`/completions`, which Ollama, vLLM, LM Studio, llama.cpp server and transformers serve all have: the text is continued
exactly as written, with no chat template. A server without it (OpenAI's chat-only models answer 404) gets a chat
request asking for a continuation instead, and that choice is remembered for the backend's life.

Only the OpenAI sampling fields are sent (temperature, top_p, max_tokens, seed): `transformers serve` rejects
unknown fields such as top_k with 422, so top_k, repetition_penalty and min_new_tokens are not sent (a server's own
fields can go in `extra_body`). Greedy means temperature 0. Prompt lookup and KV-cache reuse are local-only
and ignored here (Stats.decoding says so). Token counts are estimates (there is no local tokenizer) unless the
server reports `usage`, which is asked for with `stream_options.include_usage`.

Stop really stops the server: see `_SocketCloser` and `RemoteBackend._exchange`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

from app.engine.backends.base import CancelFlag
from app.engine.backends.remote_errors import (
    RemoteError,
    list_names,
    looks_like_html,
    status_error,
    transport_error,
)
from app.engine.backends.remote_urls import (
    SERVER_BASE_URLS,
    is_loopback_host,
    is_path_like,
    model_listed,
    normalize_base_url,
    parse_model_list,
    remote_url_warning,
    short_model_name,
)
from app.engine.backends.sse import SSEError, SSEParser
from app.engine.errors import EngineError
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
    Sampling,
    Stats,
    StopPoint,
    progress,
)
from app.engine.token_count import TokenCounter
from app.translatable import QT_TRANSLATE_NOOP

__all__ = [
    "SERVER_BASE_URLS",
    "ConnectionReport",
    "RemoteBackend",
    "RemoteError",
    "normalize_base_url",
    "remote_url_warning",
    "test_connection",
]

log = logging.getLogger(__name__)

DEFAULT_CONTEXT_LENGTH = 4096
# Below this much room for the answer a request is refused rather than answered with a stub (as the local backend).
_MIN_ANSWER_TOKENS = 64
# How often the calling thread looks at the cancel flag and the timers while it waits for the server.
_POLL_S = 0.02
# Most bytes of an error reply kept for the message and the log, and of a whole (non-streamed) JSON answer.
_ERROR_BODY_LIMIT = 64 * 1024
_WHOLE_REPLY_LIMIT = 16 * 1024 * 1024
# Continue-writing through chat, for servers without /completions. The text itself is the user message.
CONTINUE_VIA_CHAT_SYSTEM = (
    "Continue the user's text from exactly where it stops, in the same language, voice and style. "
    "Reply with the continuation only: do not repeat the text, do not comment, no quotation marks."
)

_estimator = TokenCounter(None)

Endpoint = Literal["chat", "completion"]


# -- one streamed exchange -------------------------------------------------------------------------------------
class _SocketCloser:
    """Remembers the socket of the request in flight, so the calling thread can shut it down from outside.

    httpx's `trace` extension reports each connection it opens (`connection.connect_tcp.complete`, then
    `connection.start_tls.complete` for https) with the network stream as its return value; that stream hands out
    its socket. `shutdown()` on it, unlike `close()`, wakes a thread blocked in `recv()` at once (it reads end of
    file) and sends the server a FIN, so the server sees the client go away and stops generating. Connections are
    never reused (no keep-alive in the client), so every request reports its own connection.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self.aborted = False

    def trace(self, event: str, info: Mapping[str, Any]) -> None:
        if not event.endswith(".complete"):
            return
        stream = info.get("return_value")
        get_extra = getattr(stream, "get_extra_info", None)
        sock = get_extra("socket") if callable(get_extra) else None
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._sock = sock
            if self.aborted:
                _shutdown(sock)

    @property
    def connected(self) -> bool:
        with self._lock:
            return self._sock is not None

    def abort(self) -> None:
        with self._lock:
            self.aborted = True
            if self._sock is not None:
                _shutdown(self._sock)


def _shutdown(sock: socket.socket) -> None:
    # The plain socket method even for TLS: SSLSocket.shutdown() drops its SSL object, which the reading thread may
    # be using at this very moment. OSError: closed already.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


@dataclass(frozen=True)
class _Status:
    code: int
    content_type: str


@dataclass(frozen=True)
class _Bytes:
    data: bytes


@dataclass(frozen=True)
class _End:
    pass


@dataclass(frozen=True)
class _Failed:
    error: BaseException


_Message = _Status | _Bytes | _End | _Failed


class _HTTPStatus(Exception):
    """A non-200 reply, kept raw so `stream` can choose a fallback before it becomes a RemoteError."""

    def __init__(self, code: int, body: bytes, content_type: str) -> None:
        super().__init__(f"HTTP {code}")
        self.code = code
        self.body = body
        self.content_type = content_type

    @property
    def words(self) -> str:
        """The whole body in lower case: a field name may sit anywhere in it (say in FastAPI's "loc")."""
        return self.body.decode("utf-8", errors="replace").lower()


@dataclass
class _Outcome:
    text: str
    reason: FinishReason
    usage: dict[str, Any] | None
    first_text_at: float | None
    finished_at: float
    stopped_in: StopPoint = ""


@dataclass
class _Reply:
    """What the events of one reply added up to so far."""

    endpoint: Endpoint
    pieces: list[str] = field(default_factory=list)
    finish: str | None = None
    done_marker: bool = False
    usage: dict[str, Any] | None = None
    first_text_at: float | None = None


def _read(
    client: httpx.Client, url: str, body: dict[str, Any], closer: _SocketCloser, inbox: queue.SimpleQueue[_Message]
) -> None:
    """The reader thread: blocking HTTP, every outcome posted to `inbox`."""
    try:
        with client.stream("POST", url, json=body, extensions={"trace": closer.trace}) as response:
            inbox.put(_Status(response.status_code, response.headers.get("content-type", "")))
            for data in response.iter_bytes():
                if closer.aborted:
                    return
                inbox.put(_Bytes(data))
        inbox.put(_End())
    except BaseException as exc:  # everything must reach the waiting thread, which decides what it means
        if not closer.aborted:
            inbox.put(_Failed(exc))


def _chunk_text(payload: dict[str, Any], endpoint: Endpoint) -> tuple[str, str | None]:
    """(new text, finish reason) of one streamed chunk, or of a whole non-streamed reply."""
    choices = payload.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        return "", None
    choice = choices[0]
    finish = choice.get("finish_reason")
    text: Any = None
    if endpoint == "chat":
        delta = choice.get("delta")
        if not isinstance(delta, dict):
            delta = choice.get("message")
        if isinstance(delta, dict):
            text = delta.get("content")
    if text is None:
        text = choice.get("text")
    return (text if isinstance(text, str) else ""), (finish if isinstance(finish, str) else None)


def _error_in(payload: dict[str, Any]) -> str | None:
    error = payload.get("error")
    if error is None:
        return None
    if isinstance(error, dict):
        error = error.get("message") or json.dumps(error)
    return str(error)


class RemoteBackend:
    """An OpenAI-compatible server. Not thread-safe: one request at a time (the worker thread's), while the cancel
    flag may be set from any thread."""

    # Token counts here come from text length; the GUI shows them with "≈".
    token_counts_exact = False

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        context_length: int = DEFAULT_CONTEXT_LENGTH,
        connect_timeout: float = 10.0,
        response_timeout: float = 300.0,
        stall_timeout: float = 60.0,
        extra_body: Mapping[str, Any] | None = None,
    ) -> None:
        """`response_timeout`: longest wait for the first text (a server may load the model first);
        `stall_timeout`: longest silence once text flows, and the read timeout of /models;
        `extra_body`: server-specific request fields (e.g. Ollama's `keep_alive`), sent with every generation."""
        self.base_url = normalize_base_url(base_url)
        self.model = model.strip()
        self.api_key = (api_key or "").strip() or None
        if self.api_key is not None and (not self.api_key.isascii() or not self.api_key.isprintable()):
            raise RemoteError(
                FailureKind.NETWORK,
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The API key contains characters that cannot be sent (letters outside ASCII, or a line break). "
                    "Paste the key again.",
                ),
            )
        self.context_length = max(16, int(context_length))
        self.connect_timeout = connect_timeout
        self.response_timeout = response_timeout
        self.stall_timeout = stall_timeout
        self.extra_body: dict[str, Any] = dict(extra_body or {})
        self.info: ModelInfo | None = None
        self._client: httpx.Client | None = None
        self._served_model: str | None = None  # the model name after load() (may be chosen from the list)
        self._completions_ok: bool | None = None  # None: not known yet
        self._stream_options_ok = True

    # -- plumbing --------------------------------------------------------------------------------------------
    def _http(self) -> httpx.Client:
        if self._client is None:
            headers = {"Accept": "application/json, text/event-stream"}
            if self.api_key:
                headers["Authorization"] = f"Bearer {self.api_key}"
            host = urlsplit(self.base_url).hostname or ""
            self._client = httpx.Client(
                headers=headers,
                timeout=httpx.Timeout(connect=self.connect_timeout, read=None, write=self.stall_timeout, pool=5.0),
                # A fresh connection per request: the cancel path needs each request's own socket (see _SocketCloser).
                limits=httpx.Limits(max_keepalive_connections=0),
                # A proxy from the environment must not capture a server on this computer.
                trust_env=not is_loopback_host(host),
                follow_redirects=True,
            )
        return self._client

    def _fail_transport(self, exc: BaseException, *, reached: bool) -> RemoteError:
        return transport_error(exc, self.base_url, reached=reached, connect_timeout=self.connect_timeout)

    def list_models(self) -> tuple[str, ...]:
        """The ids the server's /models lists (blocking; up to the connect + stall timeouts)."""
        url = f"{self.base_url}/models"
        try:
            response = self._http().get(url, timeout=httpx.Timeout(self.connect_timeout, read=self.stall_timeout))
        except httpx.HTTPError as exc:
            raise self._fail_transport(exc, reached=False) from exc
        body = response.content[:_ERROR_BODY_LIMIT]
        content_type = response.headers.get("content-type", "")
        if response.status_code != 200:
            raise status_error(
                response.status_code,
                body,
                content_type,
                base_url=self.base_url,
                model=self.model,
                what="models",
                has_api_key=self.api_key is not None,
            )
        try:
            return parse_model_list(json.loads(response.content))
        except ValueError as exc:
            what = "a web page" if looks_like_html(body, content_type) else "something that is not JSON"
            raise RemoteError(
                FailureKind.NETWORK,
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The server at {url} answered /models with {what}, not the OpenAI-compatible API. Check the "
                    "address: it usually ends in /v1.",
                ),
                f"{exc}: {body[:500]!r}",
                status=200,
                reached=True,
                url=self.base_url,
                what=what,
            ) from exc

    def _offered_quietly(self) -> tuple[str, ...] | None:
        try:
            return self.list_models()
        except EngineError:
            return None

    def _choose_model(self, models: tuple[str, ...]) -> str:
        if not self.model:
            if len(models) == 1:
                return models[0]
            if models:
                raise RemoteError(
                    FailureKind.MODEL_NOT_FOUND,
                    QT_TRANSLATE_NOOP(
                        "Engine", "Choose which of the server's models to use in Settings → Remote server: {models}."
                    ),
                    reached=True,
                    models=list_names(models),
                )
            raise RemoteError(
                FailureKind.MODEL_NOT_FOUND,
                QT_TRANSLATE_NOOP(
                    "Engine", "The server lists no models. Enter a model name in Settings → Remote server."
                ),
                reached=True,
            )
        # A server that lists nothing, or a path (transformers serve loads those on demand), is asked as given.
        if not models or model_listed(self.model, models) or is_path_like(self.model):
            return self.model
        raise RemoteError(
            FailureKind.MODEL_NOT_FOUND,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server has no model named “{model}”. It offers: {models}. Choose one of them in "
                "Settings → Remote server.",
            ),
            reached=True,
            model=self.model,
            models=list_names(models),
        )

    # -- Backend protocol ------------------------------------------------------------------------------------
    def load(self, spec: ModelSpec, on_progress: Callable[[LoadProgress], None]) -> ModelInfo:
        """Check that the server answers and has the model. `spec` is not used: the server decides device and dtype."""
        started = time.perf_counter()
        on_progress(progress("loading", QT_TRANSLATE_NOOP("Engine", "Connecting to {url}…"), url=self.base_url))
        name = self._choose_model(self.list_models())
        self._served_model = name
        self.info = ModelInfo(
            name=short_model_name(name),
            path=f"{name} at {self.base_url}",
            device="remote",
            dtype=urlsplit(self.base_url).netloc,  # unknown here; the status bar shows the server in its place
            context_length=self.context_length,
            has_chat_template=True,  # the server applies the model's template
            gpu_note="",
            load_ms=(time.perf_counter() - started) * 1000,
        )
        log.info("remote model %s at %s ready in %.0f ms", name, self.base_url, self.info.load_ms)
        return self.info

    def count_tokens(self, text: str) -> int:
        """An estimate from the text length: a remote model's tokenizer is not available here."""
        return _estimator.count(text).tokens

    def unload(self) -> None:
        if self._client is not None:
            self._client.close()
        self._client = None
        self._served_model = None
        self.info = None

    # -- building requests -----------------------------------------------------------------------------------
    def _fit(self, request: Request, prompt_tokens: int) -> tuple[int, int]:
        """(dropped prompt tokens, max_tokens) within the context length from settings; estimates throughout."""
        context = self.context_length
        wanted = max(1, min(request.sampling.max_new_tokens, context - 1))
        if prompt_tokens + wanted <= context:
            return 0, wanted
        if isinstance(request.prompt, RawText) and request.prompt.keep_tail:
            return prompt_tokens - (context - wanted), wanted
        room = context - prompt_tokens
        if room >= min(wanted, _MIN_ANSWER_TOKENS):
            return 0, room
        raise RemoteError(
            FailureKind.CONTEXT_OVERFLOW,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The text is too long for the remote model: about {tokens:,} tokens, but only about {fit:,} fit with "
                "room for an answer ({context:,} in all, as set in Settings → Remote server). Shorten it, or raise "
                "the context length if the server allows more.",
            ),
            tokens=prompt_tokens,
            fit=max(context - min(wanted, _MIN_ANSWER_TOKENS), 0),
            context=context,
        )

    def _sampling_fields(self, sampling: Sampling, max_tokens: int, model: str) -> dict[str, Any]:
        body: dict[str, Any] = {"model": model, "stream": True, "max_tokens": max_tokens}
        if sampling.greedy:
            body["temperature"] = 0.0
        else:
            body["temperature"] = sampling.temperature
            body["top_p"] = sampling.top_p
        if sampling.seed is not None:
            body["seed"] = sampling.seed
        if self._stream_options_ok:
            body["stream_options"] = {"include_usage": True}
        body.update(self.extra_body)
        return body

    def _build(self, request: Request, endpoint: Endpoint, text: str, max_tokens: int, model: str) -> dict[str, Any]:
        body = self._sampling_fields(request.sampling, max_tokens, model)
        prompt = request.prompt
        if isinstance(prompt, RawText):
            if endpoint == "completion":
                body["prompt"] = text
            else:
                body["messages"] = [
                    {"role": "system", "content": CONTINUE_VIA_CHAT_SYSTEM},
                    {"role": "user", "content": text},
                ]
        else:
            body["messages"] = [{"role": m.role, "content": m.content} for m in prompt.messages]
        return body

    # -- generation ------------------------------------------------------------------------------------------
    def stream(self, request: Request, on_text: Callable[[str], None], cancel: CancelFlag) -> Done:
        started = time.perf_counter()
        model = self._served_model or self.model
        if not model:
            raise RemoteError(
                FailureKind.MODEL_NOT_FOUND,
                QT_TRANSLATE_NOOP("Engine", "No remote model is chosen. Enter one in Settings."),
            )
        prompt = request.prompt
        if isinstance(prompt, RawText):
            if not prompt.text.strip():
                raise RemoteError(
                    FailureKind.EMPTY_INPUT,
                    QT_TRANSLATE_NOOP("Engine", "There is no text to work from: the input is empty."),
                )
            prompt_tokens = self.count_tokens(prompt.text)
        else:
            if not any(m.content.strip() for m in prompt.messages if m.role == "user"):
                raise RemoteError(FailureKind.EMPTY_INPUT, QT_TRANSLATE_NOOP("Engine", "The message is empty."))
            # A few tokens per message for the chat template's role markers.
            prompt_tokens = sum(self.count_tokens(m.content) + 4 for m in prompt.messages)
        dropped, max_tokens = self._fit(request, prompt_tokens)
        text = prompt.text if isinstance(prompt, RawText) else ""
        if dropped:
            text = _keep_tail(text, prompt_tokens - dropped)
        if isinstance(prompt, Chat):
            endpoint: Endpoint = "chat"
        else:
            endpoint = "chat" if self._completions_ok is False else "completion"
        via_chat = isinstance(prompt, RawText) and endpoint == "chat"
        if cancel.is_set():
            outcome = _Outcome("", "cancelled", None, None, time.perf_counter(), "prefill")
        else:
            outcome = self._with_fallbacks(request, endpoint, text, max_tokens, model, on_text, cancel, started)
            via_chat = via_chat or (isinstance(prompt, RawText) and self._completions_ok is False)
        return Done(
            request.id,
            outcome.text,
            outcome.reason,
            self._stats(request, outcome, started, prompt_tokens - dropped, dropped, via_chat),
            outcome.stopped_in,
        )

    def _with_fallbacks(
        self,
        request: Request,
        endpoint: Endpoint,
        text: str,
        max_tokens: int,
        model: str,
        on_text: Callable[[str], None],
        cancel: CancelFlag,
        started: float,
    ) -> _Outcome:
        """One exchange, retried once without `stream_options` for a server that refuses it, and continue-writing
        moved to chat for a server without /completions."""
        fell_back = False
        while True:
            body = self._build(request, endpoint, text, max_tokens, model)
            url = f"{self.base_url}/{'completions' if endpoint == 'completion' else 'chat/completions'}"
            try:
                outcome = self._exchange(url, body, endpoint, on_text, cancel, started)
            except _HTTPStatus as reply:
                if self._stream_options_ok and reply.code in (400, 422) and "stream_options" in reply.words:
                    self._stream_options_ok = False
                    continue
                if endpoint == "completion" and _no_completions_endpoint(reply):
                    log.info("%s has no usable /completions (HTTP %d); continuing through chat", url, reply.code)
                    endpoint, fell_back = "chat", True
                    continue
                offered = self._offered_quietly() if reply.code in (400, 404) else None
                raise status_error(
                    reply.code,
                    reply.body,
                    reply.content_type,
                    base_url=self.base_url,
                    model=model,
                    what=endpoint,
                    has_api_key=self.api_key is not None,
                    offered=offered,
                ) from None
            if isinstance(request.prompt, RawText) and endpoint == "completion":
                self._completions_ok = True
            elif fell_back:
                self._completions_ok = False
            return outcome

    def _exchange(
        self,
        url: str,
        body: dict[str, Any],
        endpoint: Endpoint,
        on_text: Callable[[str], None],
        cancel: CancelFlag,
        started: float,
    ) -> _Outcome:
        """POST `body` and stream the reply.

        Blocking I/O runs on a short-lived reader thread; this (the calling) thread waits on its queue in 20 ms
        steps, so it sees the cancel flag and the timeouts even while no byte arrives — during connect, while the
        server loads the model or reads a long prompt, or when it stalls mid-answer. On cancel it shuts the socket
        down (see _SocketCloser): the reader wakes at once, the server sees the connection close and stops.
        """
        closer = _SocketCloser()
        inbox: queue.SimpleQueue[_Message] = queue.SimpleQueue()
        reader = threading.Thread(
            target=_read, args=(self._http(), url, body, closer, inbox), name="inkwell-remote-reader", daemon=True
        )
        reader.start()
        reply = _Reply(endpoint)
        parser = SSEParser()
        status: _Status | None = None
        raw = bytearray()  # a non-streamed body: an error reply, or JSON from a server that ignored "stream"
        last_bytes_at = time.perf_counter()
        try:
            while True:
                if cancel.is_set():
                    closer.abort()
                    return self._cancelled(reply)
                try:
                    message = inbox.get(timeout=_POLL_S)
                except queue.Empty:
                    now = time.perf_counter()
                    if reply.first_text_at is None and now - started > self.response_timeout:
                        closer.abort()
                        raise RemoteError(
                            FailureKind.NETWORK,
                            QT_TRANSLATE_NOOP(
                                "Engine",
                                "The server at {url} sent no text within {timeout:g} s. It may still be loading the "
                                "model, or be overloaded. Try again, or raise the timeout in Settings → Remote server.",
                            ),
                            reached=status is not None,
                            url=self.base_url,
                            timeout=self.response_timeout,
                        ) from None
                    if reply.first_text_at is not None and now - last_bytes_at > self.stall_timeout:
                        closer.abort()
                        if reply.finish is not None:
                            return self._finished(reply)  # complete, only the end of the stream went missing
                        raise RemoteError(
                            FailureKind.NETWORK,
                            QT_TRANSLATE_NOOP(
                                "Engine",
                                "The server stopped sending in the middle of the answer (nothing for {timeout:g} s). "
                                "Try again; if it keeps happening, check the server.",
                            ),
                            reached=True,
                            timeout=self.stall_timeout,
                        ) from None
                    continue
                if isinstance(message, _Status):
                    status = message
                elif isinstance(message, _Bytes):
                    last_bytes_at = time.perf_counter()
                    if status is None or status.code != 200 or "json" in status.content_type.lower():
                        limit = _WHOLE_REPLY_LIMIT if status is not None and status.code == 200 else _ERROR_BODY_LIMIT
                        raw += message.data[: max(0, limit - len(raw))]
                        continue
                    try:
                        events = parser.feed(message.data)
                    except SSEError as exc:
                        closer.abort()
                        raise self._malformed(str(exc)) from exc
                    for event in events:
                        if cancel.is_set():
                            break  # the loop's top answers it; no text after Stop
                        self._take_event(event.data, reply, on_text)
                elif isinstance(message, _Failed):
                    if cancel.is_set():
                        return self._cancelled(reply)
                    error = message.error
                    if isinstance(error, httpx.HTTPError | OSError):
                        raise self._fail_transport(error, reached=status is not None) from error
                    raise error
                else:  # _End
                    if status is None or status.code != 200:
                        code = status.code if status else 0
                        raise _HTTPStatus(code, bytes(raw), status.content_type if status else "")
                    if "json" in status.content_type.lower():
                        return self._whole_json(bytes(raw), reply, on_text)
                    for event in parser.close():
                        self._take_event(event.data, reply, on_text)
                    return self._at_end(reply, parser, status)
        finally:
            closer.abort()  # a no-op after a normal end: the response is closed already
            if closer.connected:
                reader.join(timeout=1.0)  # ends at once after the shutdown
            # else the reader is still in connect(): it gives up there (abort shuts the socket as soon as it exists)

    def _take_event(self, data: str, reply: _Reply, on_text: Callable[[str], None]) -> None:
        if data.strip() == "[DONE]":
            reply.done_marker = True
            return
        try:
            payload = json.loads(data)
        except ValueError as exc:
            raise self._malformed(f"event data is not JSON: {data[:300]!r}") from exc
        if not isinstance(payload, dict):
            raise self._malformed(f"event data is not a JSON object: {data[:300]!r}")
        error = _error_in(payload)
        if error is not None:
            raise RemoteError(
                FailureKind.NETWORK,
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The server reported an error while answering: “{error}”. Check the server's log, then try again.",
                ),
                data[:2000],
                reached=True,
                error=error[:300],
            )
        text, finish = _chunk_text(payload, reply.endpoint)
        usage = payload.get("usage")
        if isinstance(usage, dict):
            reply.usage = usage
        if finish is not None:
            reply.finish = finish
        if text:
            if reply.first_text_at is None:
                reply.first_text_at = time.perf_counter()
            reply.pieces.append(text)
            on_text(text)

    def _malformed(self, detail: str) -> RemoteError:
        return RemoteError(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server's reply could not be read: it is not a valid OpenAI-compatible event stream. Check that "
                "the address points to an OpenAI-compatible API (it usually ends in /v1).",
            ),
            detail,
            status=200,
            reached=True,
        )

    def _whole_json(self, body: bytes, reply: _Reply, on_text: Callable[[str], None]) -> _Outcome:
        """A server that ignored `stream: true` and sent the whole answer at once."""
        try:
            payload = json.loads(body)
        except ValueError as exc:
            raise RemoteError(
                FailureKind.NETWORK,
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The server's reply is damaged or cut off (it is not valid JSON). Try again; if it keeps "
                    "happening, check the server.",
                ),
                f"{exc}: {body[:500]!r}",
                status=200,
                reached=True,
            ) from exc
        if not isinstance(payload, dict):
            raise self._malformed(f"reply is not a JSON object: {body[:300]!r}")
        self._take_event(json.dumps(payload), reply, on_text)
        reply.done_marker = True
        return self._finished(reply)

    def _at_end(self, reply: _Reply, parser: SSEParser, status: _Status) -> _Outcome:
        if reply.finish is not None or reply.done_marker:
            return self._finished(reply)
        if parser.events_seen == 0 and parser.fields_seen == 0:
            what = "an empty reply" if parser.bytes_seen == 0 else "something that is not an event stream"
            if "html" in status.content_type.lower():
                what = "a web page"
            raise self._malformed(f"{what} (content-type {status.content_type!r}, {parser.bytes_seen} bytes)")
        raise RemoteError(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server's answer was cut off: the stream ended before it was complete (the server may have stopped "
                "or restarted). Try again; if it keeps happening, check the server's log.",
            ),
            f"stream ended after {parser.events_seen} events without finish_reason or [DONE]",
            status=200,
            reached=True,
        )

    def _finished(self, reply: _Reply) -> _Outcome:
        reason: FinishReason = "length" if reply.finish == "length" else "eos"
        return _Outcome("".join(reply.pieces), reason, reply.usage, reply.first_text_at, time.perf_counter())

    def _cancelled(self, reply: _Reply) -> _Outcome:
        stopped_in: StopPoint = "decode" if reply.pieces else "prefill"
        return _Outcome(
            "".join(reply.pieces), "cancelled", reply.usage, reply.first_text_at, time.perf_counter(), stopped_in
        )

    def _stats(
        self, request: Request, outcome: _Outcome, started: float, prompt_tokens: int, dropped: int, via_chat: bool
    ) -> Stats:
        usage = outcome.usage or {}
        exact_prompt, exact_new = usage.get("prompt_tokens"), usage.get("completion_tokens")
        exact = isinstance(exact_prompt, int) and isinstance(exact_new, int)
        if isinstance(exact_prompt, int) and isinstance(exact_new, int):
            prompt_tokens, new_tokens = exact_prompt, exact_new
        else:
            new_tokens = self.count_tokens(outcome.text)
        details = usage.get("prompt_tokens_details")
        cached = details.get("cached_tokens") if isinstance(details, dict) else None
        first = outcome.first_text_at
        decode_s = outcome.finished_at - first if first is not None else 0.0
        return Stats(
            prompt_tokens=prompt_tokens,
            new_tokens=new_tokens,
            ttft_ms=(first - started) * 1000 if first is not None else 0.0,
            tokens_per_s=(new_tokens - 1) / decode_s if new_tokens > 1 and decode_s > 0 else 0.0,
            total_ms=(outcome.finished_at - started) * 1000,
            prompt_tokens_dropped=dropped,
            decoding=decoding_note(request, exact=exact, via_chat=via_chat),
            cached_prompt_tokens=cached if isinstance(cached, int) else 0,
        )


def decoding_note(request: Request, *, exact: bool, via_chat: bool = False) -> str:
    """Stats.decoding for a remote request: the decoding, and what the server did not do that a local model would."""
    sampling = request.sampling
    parts = ["greedy" if sampling.greedy else "sampling"]
    local_only = []
    if sampling.prompt_lookup_tokens > 0:
        local_only.append("prompt lookup")
    if request.cache_key:
        local_only.append("KV-cache reuse")
    if local_only:
        parts.append(f"{' and '.join(local_only)} not used (local models only)")
    if via_chat:
        parts.append("continued through chat (the server has no /completions)")
    if not exact:
        parts.append("token counts estimated (≈)")
    return "; ".join(parts)


def _no_completions_endpoint(reply: _HTTPStatus) -> bool:
    """The server has no (usable) /completions: 404/405/501, or OpenAI's "chat model" refusal."""
    if reply.code in (405, 501):
        return True
    words = reply.words
    if reply.code == 404:
        # A 404 about the model itself is a model problem, not a missing endpoint.
        return "chat" in words or not ("model" in words and ("not found" in words or "does not exist" in words))
    return reply.code == 400 and ("chat model" in words or "chat/completions" in words)


def _keep_tail(text: str, tokens: int) -> str:
    """The end of `text` worth about `tokens` tokens, starting at a word boundary when one is near."""
    keep = int(tokens * 4.0)
    if keep >= len(text):
        return text
    tail = text[len(text) - keep :]
    cut = next((i for i, c in enumerate(tail[:64]) if c.isspace()), -1)
    return tail[cut + 1 :] if cut >= 0 else tail


# -- "Test connection" -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConnectionReport:
    ok: bool  # ready to use as configured
    reachable: bool  # the server answered over HTTP
    latency_ms: float | None  # time for GET /models
    models: tuple[str, ...]
    model_present: bool | None  # None: no model chosen, or the server lists none
    message: str  # plain words for the settings dialog (English; the dialog translates `template`)
    warning: str | None = None  # remote_url_warning
    template: str = ""  # `message` marked for translation in context "Engine", before `params` were put in
    params: dict[str, object] = field(default_factory=dict, hash=False)


def _report(
    ok: bool,
    latency: float,
    offered: tuple[str, ...],
    present: bool | None,
    warning: str | None,
    template: str,
    /,
    **params: object,
) -> ConnectionReport:
    message = template.format(latency=latency, **params)
    return ConnectionReport(
        ok, True, latency, offered, present, message, warning, template, {"latency": latency, **params}
    )


def _failed(error: RemoteError, warning: str | None) -> ConnectionReport:
    return ConnectionReport(False, error.reached, None, (), None, error.message, warning, error.template, error.params)


def test_connection(base_url: str, api_key: str | None, model: str, timeout: float = 10.0) -> ConnectionReport:
    """What the settings dialog's "Test connection" shows. Blocking (run it off the GUI thread); never raises."""
    warning = remote_url_warning(base_url, bool(api_key))
    try:
        backend = RemoteBackend(base_url, model, api_key=api_key, connect_timeout=timeout, stall_timeout=timeout)
    except RemoteError as error:
        return _failed(error, warning)
    try:
        started = time.perf_counter()
        models = backend.list_models()
        latency = (time.perf_counter() - started) * 1000
    except RemoteError as error:
        return _failed(error, warning)
    finally:
        backend.unload()
    name = backend.model
    if not name:
        if len(models) == 1:
            template = QT_TRANSLATE_NOOP(
                "Engine", "Connected in {latency:.0f} ms. The server offers one model, {model}, which will be used."
            )
            return _report(True, latency, models, None, warning, template, model=models[0])
        if models:
            template = QT_TRANSLATE_NOOP(
                "Engine", "Connected in {latency:.0f} ms. Choose one of the server's models: {models}."
            )
            return _report(False, latency, models, None, warning, template, models=list_names(models))
        template = QT_TRANSLATE_NOOP(
            "Engine", "Connected in {latency:.0f} ms. The server lists no models; enter a model name."
        )
        return _report(False, latency, models, None, warning, template)
    if not models:
        template = QT_TRANSLATE_NOOP(
            "Engine",
            "Connected in {latency:.0f} ms. The server lists no models; it will be asked for “{model}” as given.",
        )
        return _report(True, latency, models, None, warning, template, model=name)
    if model_listed(name, models):
        template = QT_TRANSLATE_NOOP(
            "Engine", "Connected in {latency:.0f} ms. The server offers {count} model(s), including “{model}”."
        )
        return _report(True, latency, models, True, warning, template, count=len(models), model=name)
    if is_path_like(name):
        template = QT_TRANSLATE_NOOP(
            "Engine",
            "Connected in {latency:.0f} ms. “{model}” is not listed (it offers {models}); a server that loads models "
            "from a path on demand, like transformers serve, may still accept it.",
        )
        return _report(True, latency, models, False, warning, template, model=name, models=list_names(models))
    template = QT_TRANSLATE_NOOP(
        "Engine", "Connected in {latency:.0f} ms. But the server has no model named “{model}”. It offers: {models}."
    )
    return _report(False, latency, models, False, warning, template, model=name, models=list_names(models))


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test, whatever its name
