"""Plain words for what can go wrong with a remote server: HTTP status replies and failures below HTTP.

Each message says what happened and what the user can do; the raw reply goes to `detail` for the log.
"""

from __future__ import annotations

import json
from typing import Literal
from urllib.parse import urlsplit

from app.engine.errors import EngineError
from app.engine.requests import FailureKind
from app.translatable import QT_TRANSLATE_NOOP


class RemoteError(EngineError):
    """An EngineError about the server, with what is known of the exchange (for tests, logs and "Test connection")."""

    def __init__(
        self,
        kind: FailureKind,
        template: str,
        detail: str = "",
        *,
        status: int | None = None,
        reached: bool = False,
        **params: object,
    ) -> None:
        super().__init__(kind, template, detail, **params)
        self.status = status
        self.reached = reached  # the server answered over HTTP (it is up, whatever it said)


def list_names(models: tuple[str, ...], most: int = 8) -> str:
    shown = ", ".join(models[:most])
    return shown + (f" and {len(models) - most} more" if len(models) > most else "")


def server_message(body: bytes) -> str:
    """The error text a server put in a JSON body (OpenAI, FastAPI, Ollama styles), shortened; "" if none."""
    try:
        payload = json.loads(body.decode("utf-8", errors="replace"))
    except ValueError:
        return ""
    text = ""
    if isinstance(payload, dict):
        error = payload.get("error")
        if isinstance(error, dict):
            error = error.get("message") or error.get("msg")
        detail = payload.get("detail")
        if isinstance(detail, list):  # FastAPI validation errors
            detail = "; ".join(str(d.get("msg", d)) if isinstance(d, dict) else str(d) for d in detail)
        for candidate in (error, detail, payload.get("message")):
            if isinstance(candidate, str) and candidate.strip():
                text = candidate.strip()
                break
    elif isinstance(payload, str):
        text = payload.strip()
    return text if len(text) <= 300 else text[:297] + "…"


def looks_like_html(body: bytes, content_type: str) -> bool:
    head = body[:200].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<head", b"<body"))


# vLLM, OpenAI: "maximum context length"; llama.cpp: "exceeds the available context size"; LM Studio: "overflows".
_CONTEXT_WORDS = (
    "context length",
    "context size",
    "context window",
    "maximum context",
    "overflow",
    "too many tokens",
    "prompt is too long",
)


def status_error(
    status: int,
    body: bytes,
    content_type: str,
    *,
    base_url: str,
    model: str,
    what: Literal["models", "chat", "completion"],
    has_api_key: bool,
    offered: tuple[str, ...] | None = None,
) -> RemoteError:
    """Plain words for an HTTP error reply. `offered`: the server's models, for a 404 on a generation request."""
    words = server_message(body)
    lowered = words.lower()
    detail = f"HTTP {status} from {base_url} ({what}): {body[:2000].decode('utf-8', errors='replace')}"

    def fail(kind: FailureKind, template: str, said: str = "", **params: object) -> RemoteError:
        """`said`: the same sentence followed by the server's own words, used when the server gave some."""
        if said and words:
            return RemoteError(kind, said, detail, status=status, reached=True, words=words, **params)
        return RemoteError(kind, template, detail, status=status, reached=True, **params)

    if status == 401:
        if has_api_key:
            return fail(
                FailureKind.NETWORK,
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The server rejected the API key (401 Unauthorized). Check the key in Settings → Remote server.",
                ),
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The server rejected the API key (401 Unauthorized). Check the key in Settings → Remote server. "
                    "The server said: “{words}”",
                ),
            )
        return fail(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine", "The server needs an API key (401 Unauthorized). Enter it in Settings → Remote server."
            ),
        )
    if status == 403:
        return fail(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server refused access (403 Forbidden): the API key lacks permission for this model, or the "
                "server does not accept requests from this computer. Check the key and the server's access settings.",
            ),
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server refused access (403 Forbidden): the API key lacks permission for this model, or the "
                "server does not accept requests from this computer. Check the key and the server's access settings. "
                "The server said: “{words}”",
            ),
        )
    if what == "models" and status in (404, 405):
        return fail(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine",
                "There is no OpenAI-compatible API at {url} (HTTP {code} for /models). The address usually ends "
                "in /v1, for example http://localhost:11434/v1.",
            ),
            url=base_url,
            code=status,
        )
    pinned = status == 400 and "pinned" in lowered  # transformers serve started for one model, asked for another
    if status == 404 or pinned or (status == 400 and "model" in lowered and "not found" in lowered):
        if offered:
            return fail(
                FailureKind.MODEL_NOT_FOUND,
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The server has no model named “{model}”. It offers: {models}. Choose one of them in "
                    "Settings → Remote server.",
                ),
                model=model,
                models=list_names(offered),
            )
        return fail(
            FailureKind.MODEL_NOT_FOUND,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server has no model named “{model}” (HTTP {code}). Check the model name in Settings → "
                "Remote server.",
            ),
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server has no model named “{model}” (HTTP {code}). Check the model name in Settings → "
                "Remote server. The server said: “{words}”",
            ),
            model=model,
            code=status,
        )
    if status in (400, 413, 422) and any(w in lowered for w in _CONTEXT_WORDS):
        return fail(
            FailureKind.CONTEXT_OVERFLOW,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The text is too long for the server's model. Shorten it, or set the remote context length in "
                "Settings to what the server allows.",
            ),
            QT_TRANSLATE_NOOP(
                "Engine",
                "The text is too long for the server's model. Shorten it, or set the remote context length in "
                "Settings to what the server allows. The server said: “{words}”",
            ),
        )
    if status == 429:
        return fail(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine", "The server is busy or a usage limit was reached (429). Wait a moment, then try again."
            ),
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server is busy or a usage limit was reached (429). Wait a moment, then try again. The server "
                "said: “{words}”",
            ),
        )
    if status >= 500:
        if looks_like_html(body, content_type):
            words = ""
        if status in (502, 503, 504):
            return fail(
                FailureKind.NETWORK,
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The server is unavailable or overloaded (HTTP {code}); it may still be starting or loading "
                    "the model. Try again in a moment.",
                ),
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The server is unavailable or overloaded (HTTP {code}); it may still be starting or loading "
                    "the model. Try again in a moment. The server said: “{words}”",
                ),
                code=status,
            )
        return fail(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine", "The server had an internal error (HTTP {code}). Check the server's log, then try again."
            ),
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server had an internal error (HTTP {code}). Check the server's log, then try again. The "
                "server said: “{words}”",
            ),
            code=status,
        )
    if looks_like_html(body, content_type):
        return fail(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server answered with a web page (HTTP {code}), not the OpenAI-compatible API. Check the "
                "address: it usually ends in /v1.",
            ),
            code=status,
        )
    return fail(
        FailureKind.NETWORK,
        QT_TRANSLATE_NOOP("Engine", "The server refused the request (HTTP {code})."),
        QT_TRANSLATE_NOOP("Engine", "The server refused the request (HTTP {code}). The server said: “{words}”"),
        code=status,
    )


def transport_error(exc: BaseException, base_url: str, *, reached: bool, connect_timeout: float) -> RemoteError:
    """Plain words for a failure below HTTP: nothing listening, no such host, TLS, a dropped connection."""
    import httpx  # here, not at the top: the settings dialog imports this module at start, and httpx loads slowly

    detail = f"{type(exc).__name__}: {exc}"
    text = str(exc).lower()
    host = urlsplit(base_url).hostname or base_url
    if isinstance(exc, httpx.ConnectTimeout):
        return RemoteError(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The server at {url} did not accept a connection within {timeout:g} s. Check the address, that the "
                "server is running, and any firewall in between.",
            ),
            detail,
            url=base_url,
            timeout=connect_timeout,
        )
    if isinstance(exc, httpx.ConnectError):
        if "refused" in text or "errno 111" in text or "errno 61" in text or "10061" in text:
            template = QT_TRANSLATE_NOOP(
                "Engine",
                "Nothing answers at {url}: the connection was refused. Start the server (Ollama, vLLM, LM Studio, "
                "llama.cpp server or transformers serve), or check the address and port in Settings.",
            )
        elif "certificate" in text or "ssl" in text or "tls" in text:
            template = QT_TRANSLATE_NOOP(
                "Engine",
                "A secure connection to {host} could not be set up (its certificate was not accepted). Check the "
                "address, or the server's certificate.",
            )
        elif "name" in text or "nodename" in text or "getaddrinfo" in text or "resolve" in text:
            template = QT_TRANSLATE_NOOP(
                "Engine", "The server name “{host}” could not be found. Check the address in Settings and your network."
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Engine",
                "Could not connect to {url}. Check the address, that the server is running, and your network.",
            )
        return RemoteError(FailureKind.NETWORK, template, detail, url=base_url, host=host)
    if isinstance(exc, httpx.TimeoutException):
        return RemoteError(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP("Engine", "The server at {url} stopped answering. Try again."),
            detail,
            reached=reached,
            url=base_url,
        )
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError | OSError):
        if not reached:
            return RemoteError(
                FailureKind.NETWORK,
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The program at {url} does not speak HTTP, or closed the connection without an answer. Check "
                    "the address and port: they must point to an OpenAI-compatible server.",
                ),
                detail,
                url=base_url,
            )
        return RemoteError(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The connection to the server broke before the answer was complete (the server may have stopped or "
                "restarted). Try again; if it keeps happening, check the server's log.",
            ),
            detail,
            reached=True,
        )
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return RemoteError(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP("Engine", "“{url}” is not a usable server address."),
            detail,
            url=base_url,
        )
    return RemoteError(
        FailureKind.NETWORK,
        QT_TRANSLATE_NOOP("Engine", "Talking to the server at {url} failed. Try again."),
        detail,
        reached=reached,
        url=base_url,
    )
