"""A real `transformers serve` (the OpenAI-compatible server of `transformers[serving]`) on localhost.

Facts about transformers 5.24's server that shape this fixture (read from `transformers/cli/serve.py` and
`cli/serving/`): the model is the positional FORCE_MODEL argument (a folder path is fine); a server started that
way answers only to that exact name in the request's `model` field (another name gets 400 "Server is pinned to
..."), and `/v1/models` lists it alone. `--host`/`--port` choose the address, `GET /health` answers 200 once the
app is up, and with FORCE_MODEL the model is loaded before the server listens. It serves `/v1/chat/completions`
and `/v1/completions` with SSE streaming (no `data: [DONE]`; the last chunk has finish_reason and usage), accepts
`stream_options` and `seed` but rejects fields outside the OpenAI schema (top_k: 422), and runs generation on one
inference thread, one request at a time; a client that disconnects cancels its generation.

Register with `pytest_plugins = ["tests.helpers.serve"]` in the test module that uses it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

# Starting means importing torch and transformers and loading the model: ~7 s here on an idle machine.
START_TIMEOUT_S = 240.0


@dataclass
class ServeProcess:
    process: subprocess.Popen[bytes]
    port: int
    model: str  # the name requests must use: the folder path it was started with
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=2.0, trust_env=False).status_code == 200
    except httpx.HTTPError:
        return False


def start_serve(model_dir: Path, log_path: Path, *, attempts: int = 3) -> ServeProcess:
    """Start `transformers serve MODEL_DIR` on a free port and wait until it answers; raise with its log if not."""
    env = dict(os.environ)
    env.update(HF_HUB_OFFLINE="1", PYTHONUNBUFFERED="1", TOKENIZERS_PARALLELISM="false")
    for _attempt in range(attempts):
        port = _free_port()  # another process may take it before the server binds: then try another
        command = [
            sys.executable,
            "-m",
            "transformers.cli.transformers",
            "serve",
            str(model_dir),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--device",
            "cpu",
        ]
        with log_path.open("ab") as log:
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        server = ServeProcess(process, port, str(model_dir), log_path)
        waited = 0.0
        while waited < START_TIMEOUT_S:
            try:
                process.wait(timeout=0.25)  # the tick of the wait, and notice of an early exit
                break
            except subprocess.TimeoutExpired:
                waited += 0.25
            if _answers(port):
                return server
        server.stop()
        if "address already in use" not in server.log_tail().lower():
            break
    raise RuntimeError(f"transformers serve did not start (exit status {process.returncode}):\n{server.log_tail()}")


@pytest.fixture(scope="session")
def serve_embedded(embedded_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    """`transformers serve` with the embedded model's converted copy, for the whole session."""
    server = start_serve(embedded_copy, tmp_path_factory.mktemp("transformers-serve") / "serve.log")
    yield server
    server.stop()
