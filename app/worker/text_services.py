"""The text-services process: work that holds the GIL, kept out of the GUI process.

Loading a tokenizer (`Tokenizer.from_file`, ~150 ms), lingua's first detection (~140 ms), importing bm25s/numpy,
parsing a large Word file and laying out a long document for PDF are native calls that hold the GIL. In *any*
thread of the GUI process they freeze the window just as if they ran on the GUI thread, because the GUI thread
needs the GIL to process its events. So they run here, in one child process started on first use (spawn, like
the model host) and started again if it dies.

`TextServices.run(fn, *args)` is a blocking call meant for background threads: it pickles a call to a
module-level function, sends it over a pipe and waits for the answer (waiting on a pipe releases the GIL, so the
GUI thread runs on). Exceptions raised by `fn` are raised again in the caller. Calls are answered one at a time,
in the order they were made; the child keeps per-process caches (tokenizers, lingua's models, see
`app/engine/text_jobs.py`), so only the first call of each kind pays for loading.

`InlineTextServices` runs the same calls in the calling thread: for the command line, which has no window to keep
responsive, and for unit tests of controllers.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import pickle
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Protocol, TypeVar

from app.worker.priority import yield_to_the_window

log = logging.getLogger(__name__)

_ctx = multiprocessing.get_context("spawn")
T = TypeVar("T")


class TextServicesError(RuntimeError):
    """The text-services process could not answer (it died twice in a row, or the app is closing)."""


class TextServicesBusy(TextServicesError):
    """`run_if_free` found the process busy with another call, or not started yet."""


class Services(Protocol):
    def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T: ...

    def run_if_free(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T: ...

    def close(self) -> None: ...


class InlineTextServices:
    """Runs each call right here, in the calling thread."""

    def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        return fn(*args, **kwargs)

    run_if_free = run

    def close(self) -> None:
        pass


class TextServices:
    """A handle on the text-services child process; thread-safe, one call at a time."""

    def __init__(self, name: str = "inkwell-text-services") -> None:
        self.name = name
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._closed = False
        self.starts = 0  # how many processes were started: a test can see a restart

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None else None

    def start(self) -> None:
        """Start the process now rather than at the first call (it takes a few hundred ms, off the GUI thread)."""
        with self._lock:
            self._ensure_started()

    def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return self._call(fn, args, kwargs)

    def run_if_free(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """For the GUI thread, with a short call: raises TextServicesBusy rather than wait for another call to
        end or for the process to start."""
        if not self._lock.acquire(timeout=0.02):
            raise TextServicesBusy("the text-services process is busy")
        try:
            if self._process is None or not self._process.is_alive():
                raise TextServicesBusy("the text-services process is not running")
            return self._call(fn, args, kwargs)
        finally:
            self._lock.release()

    def _call(self, fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        for attempt in (1, 2):
            process, conn = self._ensure_started()
            try:
                conn.send((fn, args, kwargs))
                ready = wait([conn, process.sentinel])
                if conn not in ready and not conn.poll():
                    raise EOFError
                status, value = conn.recv()  # value: fn's result (a T) or the exception it raised
            except Exception as exc:
                if self._closed:  # close() pulled the connection from under this call
                    raise TextServicesError("Inkwell is closing") from exc
                if not isinstance(exc, (EOFError, OSError)):
                    raise
                exitcode = process.exitcode
                self._discard()
                log.warning("text services process ended (exit code %s); attempt %d", exitcode, attempt)
                if attempt == 2:
                    raise TextServicesError(
                        f"the text-services process ended twice in a row (exit code {exitcode})"
                    ) from exc
                continue
            if status == "error":
                raise value
            result: T = value
            return result
        raise AssertionError("unreachable")

    def _ensure_started(self) -> tuple[BaseProcess, Connection]:
        if self._closed:
            raise TextServicesError("Inkwell is closing")
        if self._process is not None and self._conn is not None and self._process.is_alive():
            return self._process, self._conn
        self._discard()
        parent_end, child_end = _ctx.Pipe(duplex=True)
        process = _ctx.Process(target=serve, args=(child_end,), name=self.name, daemon=True)
        process.start()
        # Only the child keeps its end open: when it dies, our end reads EOF; when we die, its end does.
        child_end.close()
        self._process, self._conn = process, parent_end
        self.starts += 1
        log.info("text services started (pid %s)", process.pid)
        return process, parent_end

    def _discard(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            _end(process)

    def kill(self) -> None:
        """End the process as a crash would (tests); the next call starts a new one."""
        process = self._process
        if process is not None:
            process.kill()
            process.join(5)

    def close(self) -> None:
        """End the process. A call waiting for it fails with TextServicesError; later calls too."""
        self._closed = True
        process, conn = self._process, self._conn
        if process is not None and conn is not None:
            # Not under the lock: a thread may be waiting for a long call. Closing our end ends the child's loop.
            with contextlib.suppress(OSError):
                conn.close()
            _end(process)
        with self._lock:
            self._process = self._conn = None


def _end(process: BaseProcess) -> None:
    process.join(0.5)
    if process.is_alive():
        process.terminate()
        process.join(1.0)
    if process.is_alive():
        process.kill()
        process.join(1.0)


def serve(conn: Connection) -> None:
    """The child's loop: answer calls until the GUI process closes its end (or dies)."""
    yield_to_the_window()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        fn, args, kwargs = message
        try:
            reply: tuple[str, Any] = ("ok", fn(*args, **kwargs))
        except Exception as exc:
            reply = ("error", _picklable(exc))
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return
        except Exception as exc:  # a result that does not pickle is a bug in the job, reported as one
            conn.send(("error", TextServicesError(f"{getattr(fn, '__name__', fn)} returned {exc!r}")))


def _picklable(exc: Exception) -> Exception:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return TextServicesError(f"{type(exc).__name__}: {exc}")
    return exc
