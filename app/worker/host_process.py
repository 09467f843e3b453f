"""The GUI-process handle on the model host process: start, send, receive, stop.

Used by the worker thread only (one user at a time), except `cancel_flag`, which the GUI thread sets directly.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from app.engine.requests import ModelInfo, ModelSpec
from app.worker.host import HostConfig, host_main
from app.worker.protocol import Command, Reply, ShutdownCmd

log = logging.getLogger(__name__)

_ctx = multiprocessing.get_context("spawn")


class SharedFlag:
    """A cancel flag in shared memory, set from the GUI thread and read by the host per token and per layer.

    Not a multiprocessing.Event: an Event takes a lock shared with the host, and a host killed while holding it
    would freeze the GUI the next time Stop is pressed. A plain shared int has no lock to lose.
    """

    def __init__(self) -> None:
        self._value: Any = _ctx.RawValue("i", 0)

    def set(self) -> None:
        self._value.value = 1

    def clear(self) -> None:
        self._value.value = 0

    def is_set(self) -> bool:
        return bool(self._value.value)


class HostDied(Exception):
    def __init__(self, exitcode: int | None) -> None:
        super().__init__(describe_exit(exitcode))
        self.exitcode = exitcode


def signal_name(exitcode: int) -> str:
    """The signal that ended a process with this (negative) exit code: "SIGKILL", or "signal 64"."""
    try:
        return signal.Signals(-exitcode).name
    except ValueError:
        return f"signal {-exitcode}"


def killed(exitcode: int | None) -> bool:
    """Ended by SIGKILL: most often the system's out-of-memory killer."""
    return exitcode is not None and -exitcode == getattr(signal, "SIGKILL", 9)


def describe_exit(exitcode: int | None) -> str:
    if exitcode is None:
        return "the model process stopped answering"
    if exitcode < 0:
        name = signal_name(exitcode)
        if killed(exitcode):
            return f"the model process was killed ({name}); the system may have run out of memory"
        return f"the model process was stopped by {name}"
    return f"the model process exited with code {exitcode}"


class HostProcess:
    def __init__(self, config: HostConfig) -> None:
        self.config = config
        self.cancel_flag = SharedFlag()
        self.loaded_spec: ModelSpec | None = None
        self.info: ModelInfo | None = None
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def start(self) -> None:
        self.stop()
        parent_end, child_end = _ctx.Pipe(duplex=True)
        process = _ctx.Process(
            target=host_main,
            args=(child_end, self.cancel_flag, self.config),
            name="inkwell-model-host",
            daemon=True,
        )
        process.start()
        # Only the child keeps its end open, so a dead child shows up as EOF here.
        child_end.close()
        self._process, self._conn = process, parent_end
        self.loaded_spec = self.info = None
        log.info("model host started (pid %s)", process.pid)

    def send(self, command: Command) -> None:
        if self._conn is None or not self.alive:
            raise HostDied(self._exitcode())
        try:
            self._conn.send(command)
        except (BrokenPipeError, EOFError, OSError) as exc:
            raise HostDied(self._exitcode()) from exc

    def receive(self, timeout: float) -> Reply | None:
        """The next reply, None after `timeout` seconds without one; HostDied when the process is gone."""
        if self._conn is None or self._process is None:
            raise HostDied(None)
        ready = wait([self._conn, self._process.sentinel], timeout)
        if not ready:
            return None
        # Read what the host managed to send before it died before reporting the death.
        if self._conn.poll():
            try:
                reply: Reply = self._conn.recv()
                return reply
            except (EOFError, OSError):
                pass
        self._process.join(0.5)
        self.loaded_spec = self.info = None
        raise HostDied(self._exitcode())

    def _exitcode(self) -> int | None:
        return self._process.exitcode if self._process is not None else None

    def stop(self, timeout: float = 1.0) -> None:
        """Ask the host to exit, then terminate, then kill: never leave an orphan process."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        self.loaded_spec = self.info = None
        if process is None:
            return
        if process.is_alive() and conn is not None:
            with contextlib.suppress(BrokenPipeError, EOFError, OSError):
                conn.send(ShutdownCmd())
            process.join(timeout / 2)
        if process.is_alive():
            process.terminate()
            process.join(timeout / 2)
        if process.is_alive():
            process.kill()
            process.join(1.0)
        if conn is not None:
            conn.close()
        if not process.is_alive():
            process.close()
        log.info("model host stopped")
