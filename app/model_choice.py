"""Which model each request runs on, from the settings: the local model or a remote server, and optionally a
different model for translation (swapped in when a translation runs)."""

from __future__ import annotations

import os

from app.engine.requests import ModelSpec, Request
from app.secrets import SecretStore
from app.store.settings import Settings, register_defaults

REMOTE_KEY_NAME = "remote-api-key"  # the keyring entry for the remote server's API key
API_KEY_ENV = "INKWELL_API_KEY"  # the key, for machines without a keyring
register_defaults(
    {
        "model/backend": "local",  # "local" or "remote"
        "model/translate_ref": "",  # "" = the same model as everything else
        "model/idle_unload_min": 0,  # 0 = never unload
        "remote/base_url": "http://localhost:11434/v1",
        "remote/model": "",
        "remote/context_length": 4096,
    }
)

# Settings whose change means loading another model (in the background).
RELOAD_KEYS = frozenset(
    {"model/ref", "model/device", "model/dtype", "model/backend", "remote/base_url", "remote/model",
     "remote/context_length", "model/threads"}
)  # fmt: skip


def base_spec(settings: Settings, secrets: SecretStore | None = None) -> ModelSpec:
    if settings.get("model/backend", str) == "remote":
        # The keyring first; else the environment, for machines without a keyring (the CLI takes --api-key-env).
        key = (secrets.get(REMOTE_KEY_NAME) if secrets is not None else None) or os.environ.get(API_KEY_ENV)
        return ModelSpec(
            ref=settings.get("remote/model", str),
            base_url=settings.get("remote/base_url", str),
            context_length=settings.get("remote/context_length", int),
            api_key=key or "",
        )
    return settings.model_spec()


def translate_spec(settings: Settings, base: ModelSpec) -> ModelSpec | None:
    """The translate model, when one is chosen and differs from the base model (local models only)."""
    ref = settings.get("model/translate_ref", str)
    if not ref or base.is_remote or ref == base.ref:
        return None
    return ModelSpec(ref=ref, device=base.device, dtype=base.dtype)


def router(settings: Settings, base: ModelSpec):  # type: ignore[no-untyped-def]
    """The client's route: translation requests go to the translate model when there is one."""
    translate = translate_spec(settings, base)

    def route(request: Request) -> ModelSpec | None:
        if translate is not None and (request.source == "translate" or request.task.startswith("translate")):
            return translate
        return None

    return route
