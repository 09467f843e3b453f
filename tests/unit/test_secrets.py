"""The keyring facade: a real round trip through a keyring backend, and keyring's real "no backend" path."""

from __future__ import annotations

import subprocess
import sys

import pytest
from keyring.backends import fail

from app.secrets import HF_TOKEN, REMOTE_API_KEY, SecretStore, SecretsUnavailable
from tests.helpers.memory_keyring import MemoryKeyring


def test_secrets_round_trip_by_name() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    assert store.available and store.status().message == ""
    assert store.get(HF_TOKEN) is None
    store.set(HF_TOKEN, "  hf_secret \n")
    store.set(REMOTE_API_KEY, "sk-local")
    assert store.get(HF_TOKEN) == "hf_secret"  # pasted whitespace is not part of a token
    assert store.get(REMOTE_API_KEY) == "sk-local"
    assert backend.store == {("Inkwell", HF_TOKEN): "hf_secret", ("Inkwell", REMOTE_API_KEY): "sk-local"}
    store.delete(HF_TOKEN)
    assert store.get(HF_TOKEN) is None and store.get(REMOTE_API_KEY) == "sk-local"
    store.delete(HF_TOKEN)  # deleting what is not there is fine
    store.set(REMOTE_API_KEY, "")  # an empty value forgets the secret
    assert store.get(REMOTE_API_KEY) is None


def test_without_a_system_keyring_the_app_is_told_plainly_and_keeps_working() -> None:
    store = SecretStore(fail.Keyring())  # what keyring gives on a headless Linux box like this one
    status = store.status()
    assert not status.available
    assert "No system keyring is available" in status.message and "HF_TOKEN" in status.message
    assert status.backend == "keyring.backends.fail.Keyring"
    assert store.get(HF_TOKEN) is None
    store.delete(HF_TOKEN)
    with pytest.raises(SecretsUnavailable) as refused:
        store.set(HF_TOKEN, "hf_secret")
    assert refused.value.message == status.message


def test_the_default_backend_comes_from_keyring_itself(python_env: dict[str, str]) -> None:
    # keyring's own discovery, in a fresh process, told to use its "fail" backend the way a headless box does.
    code = (
        "from app.secrets import SecretStore, HF_TOKEN; s = SecretStore(); st = s.status();"
        "print(st.available, st.backend); print(s.get(HF_TOKEN))"
    )
    env = {**python_env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "keyring.backends.fail.Keyring", "None"]


def test_keyring_is_not_imported_until_a_secret_is_needed(python_env: dict[str, str]) -> None:
    code = "import sys, app.secrets; print('keyring' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], env=python_env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
