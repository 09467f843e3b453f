"""Server addresses and model names for the remote backend: checks, the plain-http warning, the /models list.

Pure functions, safe in the GUI process (the settings dialog uses them as the user types).

Base URLs follow the OpenAI convention and include `/v1`. The common servers' defaults (`SERVER_BASE_URLS` lists
them for a preset menu):

=====================  ==========================  ==================================================================
Server                 Base URL                    Notes
=====================  ==========================  ==================================================================
Ollama                 http://localhost:11434/v1   model = a pulled tag (`llama3.2` matches `llama3.2:latest`); no key
vLLM                   http://localhost:8000/v1    model = the served name; key if started with `--api-key`
LM Studio              http://localhost:1234/v1    model = the identifier LM Studio shows; key only if enabled
llama.cpp server       http://localhost:8080/v1    model as `/v1/models` lists it; key if started with `--api-key`
transformers serve     http://localhost:8000/v1    model = the name or path it was started with (a path is fine)
=====================  ==========================  ==================================================================

All five also serve `/v1/completions`, which continue-writing uses.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from app.engine.backends.remote_errors import RemoteError
from app.engine.requests import FailureKind
from app.translatable import QT_TRANSLATE_NOOP

SERVER_BASE_URLS: tuple[tuple[str, str], ...] = (
    ("Ollama", "http://localhost:11434/v1"),
    ("vLLM", "http://localhost:8000/v1"),
    ("LM Studio", "http://localhost:1234/v1"),
    ("llama.cpp server", "http://localhost:8080/v1"),
    ("transformers serve", "http://localhost:8000/v1"),
)


_ENDPOINT_SUFFIXES = ("/chat/completions", "/completions", "/models")
EXAMPLE_URL = "http://localhost:11434/v1"
UNENCRYPTED_KEY = QT_TRANSLATE_NOOP(
    "Engine",
    "The API key would be sent unencrypted over http:// to {host}: anyone on the network between here and there "
    "could read it (and your text). Use an https:// address, or a server on this computer.",
)


def normalize_base_url(url: str) -> str:
    """The base URL without a trailing slash (or a pasted endpoint path); RemoteError when it is not a URL."""
    text = url.strip()
    if not text:
        raise RemoteError(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine", "No server address is set. Enter the server's base URL, for example {example}."
            ),
            example=EXAMPLE_URL,
        )
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed "[" of an IPv6 address
        parts = urlsplit("")
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise RemoteError(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The address “{address}” is not usable: it must start with http:// or https://, for example {example}.",
            ),
            address=text,
            example=EXAMPLE_URL,
        )
    try:
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as exc:
        raise RemoteError(
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP("Engine", "The port in “{address}” is not a number (for example {example})."),
            address=text,
            example=EXAMPLE_URL,
        ) from exc
    base = f"{parts.scheme.lower()}://{parts.netloc}{parts.path}".rstrip("/")
    for suffix in _ENDPOINT_SUFFIXES:
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    return base


def is_loopback_host(host: str) -> bool:
    """True for this computer (localhost, 127.x, ::1) without a DNS lookup."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def unencrypted_key_host(url: str, has_api_key: bool) -> str | None:
    """The host an API key would travel to unencrypted (plain http:// to another computer); else None."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return None
    if not has_api_key or parts.scheme.lower() != "http" or not host or is_loopback_host(host):
        return None
    return host


def remote_url_warning(url: str, has_api_key: bool) -> str | None:
    """A warning when an API key would travel unencrypted (UNENCRYPTED_KEY, in English); else None."""
    host = unencrypted_key_host(url, has_api_key)
    return UNENCRYPTED_KEY.format(host=host) if host is not None else None


def short_model_name(model: str) -> str:
    """What the status bar shows: a path's last part, any other name as it is."""
    if is_path_like(model):
        return model.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1] or model
    return model


def is_path_like(model: str) -> bool:
    """A file-system path, which `transformers serve` loads on demand without listing it in /models."""
    return model.startswith(("/", "~", "./", "../", "\\\\")) or (len(model) > 2 and model[1:3] in (":\\", ":/"))


def model_listed(model: str, models: tuple[str, ...]) -> bool:
    # Ollama lists "llama3.2:latest" for what its users call "llama3.2".
    return model in models or f"{model}:latest" in models


def parse_model_list(payload: Any) -> tuple[str, ...]:
    """Model ids from a /models reply: OpenAI's {"data": [{"id": ...}]}, or a "models" list (llama.cpp, Ollama)."""
    if not isinstance(payload, dict):
        raise ValueError("not a JSON object")
    names: list[str] = []
    for key, id_keys in (("data", ("id",)), ("models", ("id", "model", "name"))):
        entries = payload.get(key)
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if isinstance(entry, str):
                names.append(entry)
            elif isinstance(entry, dict):
                name = next((entry[k] for k in id_keys if isinstance(entry.get(k), str)), None)
                if name:
                    names.append(name)
        if names:
            break
    return tuple(dict.fromkeys(names))
