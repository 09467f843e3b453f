"""Secrets (the Hugging Face token, later a remote server's API key) in the operating system's keyring, never in a file.

`keyring` picks the system's store: the Windows Credential Locker, the macOS Keychain, the Secret Service (GNOME
Keyring, KWallet) on Linux. A headless Linux box has none, and keyring's "fail" backend raises on every call. Then
`SecretStore` says so in plain words: `available` is False, `get` returns None, `set` raises `SecretsUnavailable`
with the explanation, and the app goes on without stored secrets (a caller may keep a value in memory for the
session). Nothing here ever writes a secret to the settings file or anywhere else.

`keyring` is imported on first use, not at start-up: choosing a backend probes D-Bus on Linux.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "Inkwell"
HF_TOKEN = "huggingface-token"
REMOTE_API_KEY = "remote-api-key"


UNAVAILABLE = QT_TRANSLATE_NOOP(
    "Secrets",
    "No system keyring is available on this computer, so Inkwell cannot store secrets such as your Hugging Face "
    "token. A token you enter is used until Inkwell closes; to keep one, set the HF_TOKEN environment variable.",
)
REFUSED = QT_TRANSLATE_NOOP(
    "Secrets",
    "The system keyring did not answer ({reason}). Unlock it and try again; until then the token is used only "
    "until Inkwell closes.",
)


class SecretsUnavailable(Exception):
    """The keyring cannot store or read secrets; `template`/`params` are the plain-words reason."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class SecretsStatus:
    available: bool
    backend: str  # the keyring backend's name, for diagnostics
    message: str  # "" when available, else why not (English; `template` for translation)
    template: str = ""


def _backend_usable(backend: Any) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_backend_usable(inner) for inner in backend.backends)
    return True


class SecretStore:
    """get / set / delete secrets by name, in the keyring under the service "Inkwell"."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self.service = service
        # Values the keyring could not take, kept in memory until the app closes (never written anywhere).
        self._session: dict[str, str] = {}

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    def status(self) -> SecretsStatus:
        try:
            backend = self.backend
        except Exception as exc:  # a broken keyring configuration must not take the app down
            log.warning("no keyring backend: %s", exc)
            return SecretsStatus(False, "none", UNAVAILABLE, UNAVAILABLE)
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        if not _backend_usable(backend):
            return SecretsStatus(False, name, UNAVAILABLE, UNAVAILABLE)
        return SecretsStatus(True, name, "")

    @property
    def available(self) -> bool:
        return self.status().available

    def get(self, name: str) -> str | None:
        """The stored secret (else one kept for this session), or None; a keyring error is logged, not raised."""
        if not self.available:
            return self._session.get(name)
        try:
            value = self.backend.get_password(self.service, name)
        except Exception as exc:
            log.warning("reading %s from the keyring failed: %s", name, exc)
            value = None
        return value or self._session.get(name)

    def keep_for_session(self, name: str, value: str) -> None:
        """Use `value` until the app closes, without storing it (the keyring refused it); empty forgets it."""
        if value.strip():
            self._session[name] = value.strip()
        else:
            self._session.pop(name, None)

    def session_only(self, name: str) -> bool:
        return name in self._session

    def set(self, name: str, value: str) -> None:
        """Store a secret; an empty value deletes it. Raises SecretsUnavailable in plain words."""
        value = value.strip()
        self._session.pop(name, None)
        if not value:
            self.delete(name)
            return
        if not self.available:
            raise SecretsUnavailable(UNAVAILABLE)
        try:
            self.backend.set_password(self.service, name, value)
        except Exception as exc:
            log.warning("storing %s in the keyring failed: %s", name, exc)
            raise SecretsUnavailable(REFUSED, reason=type(exc).__name__) from exc

    def delete(self, name: str) -> None:
        """Forget a secret; nothing stored, or no keyring, is not an error."""
        if not self.available:
            return
        from keyring.errors import PasswordDeleteError

        try:
            self.backend.delete_password(self.service, name)
        except PasswordDeleteError:
            pass
        except Exception as exc:
            log.warning("deleting %s from the keyring failed: %s", name, exc)
            raise SecretsUnavailable(REFUSED, reason=type(exc).__name__) from exc
