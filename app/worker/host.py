"""The model host: a child process (spawn) that imports torch, loads the model and generates.

It lives apart from the GUI for two reasons measured here: `import torch` and loading weights hold the GIL for
hundreds of milliseconds (a visible freeze if done in a thread of the GUI process), and a model killed by the OOM
killer or a crashing driver must not take the editor down with it. Commands arrive on a pipe; replies, including
each streamed chunk, go back on it. Cancellation is a flag in shared memory that the GUI thread sets directly.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from app.engine.errors import failure_from_exception
from app.engine.requests import ModelSpec, progress
from app.translatable import QT_TRANSLATE_NOOP
from app.worker.priority import yield_to_the_window
from app.worker.protocol import (
    ChunkMsg,
    CountTokensCmd,
    GenerateCmd,
    HostReady,
    LoadCmd,
    Loaded,
    LoadFailed,
    RawGenerateCmd,
    ShutdownCmd,
    TokenCounts,
)

log = logging.getLogger("inkwell.host")


@dataclass(frozen=True)
class HostConfig:
    models_root: str
    log_file: str
    threads: int | None = None
    # The int8/int4 fast decode path on the CPU when the precision is "auto" (app/engine/fast_decode.py). On for
    # the window; the CLI runs the backend itself, without it, so its float32 results stay exact.
    fast_cpu: bool = True
    # llama.cpp for GGUF models (the embedded one included) at precision "auto" on the CPU, when llama-cpp-python
    # is installed (app/engine/backends/choice.py); off, such models run on PyTorch as above.
    llamacpp: bool = True


def _exit_with_parent() -> None:
    """Leave no orphan: end this process the moment the GUI process is gone, even mid-generation."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class _Backends:
    """The host's backends: PyTorch always, llama.cpp made on the first GGUF model it takes. Only the one that
    loaded the current model holds one; the other is unloaded, so the host never keeps two models in memory."""

    def __init__(self, local: Any, config: HostConfig) -> None:
        self.local = local
        self.current: Any = local
        self._config = config
        self._llama: Any = None
        self._llama_broken = False

    def choose(self, spec: ModelSpec) -> Any:
        from app.engine.backends.choice import choose_backend, is_gguf, llamacpp_installed

        kind = "torch"
        if is_gguf(spec) and self._config.llamacpp and not self._llama_broken:
            from app.engine.backends.local import choose_device

            gpu = choose_device(spec.device).device != "cpu"
            kind = choose_backend(spec, available=llamacpp_installed(), enabled=True, gpu=gpu)
        if kind == "llamacpp" and self._llama is None:
            try:
                from app.engine.backends.llamacpp import LlamaCppBackend

                self._llama = LlamaCppBackend(self._config.threads)
            except Exception:
                # Installed but unusable (a wheel built for another CPU, a missing library): PyTorch still works.
                log.warning("llama.cpp is installed but cannot be used; GGUF models run on PyTorch", exc_info=True)
                self._llama_broken = True
                kind = "torch"
        chosen = self._llama if kind == "llamacpp" else self.local
        if self.current is not chosen:
            self.current.unload()
        self.current = chosen
        return chosen


def host_main(conn: Connection, cancel_flag: Any, config: HostConfig) -> None:
    """Entry point of the child process."""
    from app.logging_setup import setup_logging

    setup_logging(Path(config.log_file))
    # Library warnings go to the log, not the terminal the GUI was started from.
    logging.captureWarnings(True)
    _exit_with_parent()
    yield_to_the_window()

    def send(message: object) -> None:
        try:
            conn.send(message)
        except (BrokenPipeError, EOFError, OSError):
            os._exit(0)  # the GUI went away; nothing is left to serve

    try:
        send(progress("starting", QT_TRANSLATE_NOOP("Engine", "Starting the model engine…")))
        import torch

        from app.engine.backends.local import LocalBackend, configure_quiet_transformers

        configure_quiet_transformers()
        if config.threads:
            torch.set_num_threads(config.threads)
        local = LocalBackend(Path(config.models_root), fast_cpu=config.fast_cpu)
        backends = _Backends(local, config)
    except BaseException as exc:  # an install problem: report it rather than die silently
        send(LoadFailed(failure_from_exception(exc)))
        return
    send(HostReady(os.getpid(), str(torch.__version__)))  # TorchVersion would import torch on unpickling
    log.info("model host ready (pid %d, torch %s, %d threads)", os.getpid(), torch.__version__, torch.get_num_threads())

    while True:
        try:
            command = conn.recv()
        except (EOFError, OSError):
            break
        if isinstance(command, ShutdownCmd):
            break
        if isinstance(command, LoadCmd):
            try:
                send(Loaded(backends.choose(command.spec).load(command.spec, send), command.tag))
            except Exception as exc:
                failure = failure_from_exception(exc)
                log.warning("load failed: %s (%s)", failure.message, failure.detail.splitlines()[-1:] or "")
                send(LoadFailed(failure, command.tag))
        elif isinstance(command, GenerateCmd):
            request = command.request

            def chunk(text: str, request_id: int = request.id) -> None:
                send(ChunkMsg(request_id, text))

            try:
                send(backends.current.stream(request, chunk, cancel_flag))
            except Exception as exc:
                send(failure_from_exception(exc, request.id))
        elif isinstance(command, RawGenerateCmd):
            try:
                send(backends.current.raw_generate(command.request))
            except Exception as exc:
                send(failure_from_exception(exc, command.request.id))
        elif isinstance(command, CountTokensCmd):
            try:
                send(TokenCounts(command.tag, tuple(backends.current.count_tokens(t) for t in command.texts)))
            except Exception:
                log.exception("token count failed")
                send(TokenCounts(command.tag, ()))
    log.info("model host exiting")
    logging.shutdown()
    sys.stdout.flush()
    # Skip interpreter teardown (torch's takes a few hundred ms): the GUI is waiting for us to be gone.
    os._exit(0)
