"""ModelClient: the GUI thread's side of the model worker.

It owns the worker thread, hands requests to it, and enforces the scheduling rules: a new request from a source
(a pane, the editor) supersedes that source's waiting or running one; requests from other sources wait in line
with a visible "waiting" state; every request ends with exactly one `finished` or `failed`; chunks of a request
that was stopped or superseded are dropped, never shown.
"""

from __future__ import annotations

import dataclasses
import enum
import itertools
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from app.engine.requests import Done, Failure, ModelInfo, ModelSpec, Request
from app.worker.host import HostConfig
from app.worker.host_process import HostProcess
from app.worker.model_worker import Job, ModelWorker

log = logging.getLogger(__name__)


class JobState(enum.Enum):
    WAITING = "waiting"  # queued behind another request
    PREPARING = "preparing"  # picked up; the model may still be loading
    GENERATING = "generating"
    FINISHED = "finished"


class GenerationFailed(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


class JobHandle(QObject):
    """One request as the caller sees it. Signals fire on the GUI thread."""

    state_changed = Signal(object)  # JobState
    chunk = Signal(str)
    finished = Signal(object)  # Done
    failed = Signal(object)  # Failure

    def __init__(self, client: ModelClient, job: Job) -> None:
        super().__init__()
        self._client = client
        self.job = job
        self.state = JobState.WAITING
        self.result: Done | Failure | None = None

    @property
    def request(self) -> Request:
        return self.job.request

    @property
    def id(self) -> int:
        return self.job.request.id

    @property
    def active(self) -> bool:
        return self.state is not JobState.FINISHED

    @property
    def stopping(self) -> bool:
        return self.active and self.job.token.cancelled

    def cancel(self) -> None:
        self._client.cancel(self)

    def _set_state(self, state: JobState) -> None:
        if self.state is not JobState.FINISHED and state is not self.state:
            self.state = state
            self.state_changed.emit(state)


class Stream:
    """`async for piece in client.stream(request)`; afterwards `.done` holds the result.

    Raises GenerationFailed on a failure. Leaving the loop early stops the request.
    """

    def __init__(self, handle: JobHandle) -> None:
        import asyncio  # here: the window paints before asyncio is loaded (app/gui.py)

        self.handle = handle
        self.done: Done | None = None
        self._queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        handle.chunk.connect(lambda text: self._queue.put_nowait(("chunk", text)))
        handle.finished.connect(lambda done: self._queue.put_nowait(("done", done)))
        handle.failed.connect(lambda failure: self._queue.put_nowait(("failed", failure)))

    async def __aiter__(self) -> AsyncIterator[str]:
        try:
            while True:
                kind, value = await self._queue.get()
                if kind == "chunk":
                    yield value
                elif kind == "done":
                    self.done = value
                    return
                else:
                    raise GenerationFailed(value)
        finally:
            if self.handle.active:
                self.handle.cancel()


class ModelClient(QObject):
    load_progress = Signal(object)  # LoadProgress
    model_loaded = Signal(object)  # ModelInfo
    model_failed = Signal(object)  # Failure
    job_submitted = Signal(object)  # JobHandle
    job_done = Signal(object)  # Done: for the status bar's tokens/s
    job_failed = Signal(object)  # Failure
    busy_changed = Signal(bool)
    token_counts = Signal(int, object)
    model_unloaded = Signal()

    # Queued (cross-thread) calls into the worker.
    _run = Signal(object)
    _load = Signal(object)
    _count = Signal(int, object)
    _unload = Signal()

    def __init__(
        self,
        config: HostConfig | None = None,
        spec: ModelSpec | None = None,
        *,
        host: HostProcess | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if host is None:
            if config is None:
                raise ValueError("ModelClient needs a HostConfig or a HostProcess")
            host = HostProcess(config)
            self._owns_host = True
        else:
            self._owns_host = False
        self.host = host
        self.spec = spec or ModelSpec()
        self.info: ModelInfo | None = host.info if host.loaded_spec == self.spec else None
        self.last_failure: Failure | None = None
        self._handles: dict[int, JobHandle] = {}
        self._tags = itertools.count(1)
        self._closed = False
        # Which model a request runs on when it names none: the composition root routes translation to the
        # translate model, say. None: every request uses `spec`.
        self.route: Callable[[Request], ModelSpec | None] | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.unload)

        self._thread = QThread(self)
        self._thread.setObjectName("inkwell-model-worker")
        self._worker = ModelWorker(host, self.spec)
        self._worker.moveToThread(self._thread)
        self._run.connect(self._worker.run_job)
        self._load.connect(self._worker.load)
        self._count.connect(self._worker.count_tokens)
        self._unload.connect(self._worker.unload)
        self._worker.unloaded.connect(self._on_unloaded)
        self._worker.load_progress.connect(self.load_progress)
        self._worker.model_loaded.connect(self._on_loaded)
        self._worker.load_failed.connect(self._on_load_failed)
        # Bound methods, never lambdas: a lambda has no thread of its own, so Qt would call it on the worker thread.
        self._worker.job_started.connect(self._on_started)
        self._worker.job_generating.connect(self._on_generating)
        self._worker.chunk.connect(self._on_chunk)
        self._worker.job_finished.connect(self._on_finished)
        self._worker.job_failed.connect(self._on_failed)
        self._worker.token_counts.connect(self.token_counts)
        self._thread.start()

    # -- model -----------------------------------------------------------------------------------------------
    def load(self, spec: ModelSpec | None = None) -> None:
        """Start the host and load `spec` in the background (the next request would do it lazily anyway)."""
        if spec is not None:
            self.spec = spec
            self.info = None
        self._load.emit(self.spec)

    def set_idle_unload(self, minutes: float) -> None:
        """Unload the model after `minutes` without a request (0: keep it loaded)."""
        self._idle.setInterval(int(minutes * 60_000))
        self._restart_idle()

    def _restart_idle(self) -> None:
        if self._idle.interval() > 0 and not self.busy and self.info is not None:
            self._idle.start()
        else:
            self._idle.stop()

    def unload(self) -> None:
        if not self.busy and not self._closed:
            self._unload.emit()

    def _on_unloaded(self) -> None:
        self.info = None
        self.model_unloaded.emit()

    def _on_loaded(self, info: ModelInfo) -> None:
        self.info = info
        self.last_failure = None
        self.model_loaded.emit(info)
        self._restart_idle()

    def _on_load_failed(self, failure: Failure) -> None:
        self.info = None
        self.last_failure = failure
        self.model_failed.emit(failure)

    def count_tokens(self, texts: tuple[str, ...]) -> int:
        """Ask the host for token counts; the answer comes as token_counts(tag, counts)."""
        tag = next(self._tags)
        self._count.emit(tag, texts)
        return tag

    # -- requests --------------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._handles)

    def active_handles(self) -> list[JobHandle]:
        return list(self._handles.values())

    def submit(self, request: Request, *, raw: bool = False) -> JobHandle:
        if self._closed:
            raise RuntimeError("the model client is shut down")
        if request.model is None and self.route is not None:
            routed = self.route(request)
            if routed is not None and routed != self.spec:
                request = dataclasses.replace(request, model=routed)
        self._idle.stop()
        for handle in list(self._handles.values()):
            if handle.request.source == request.source:
                self._cancel(handle, superseded=True)
        was_busy = self.busy
        handle = JobHandle(self, Job(request, raw=raw))
        self._handles[request.id] = handle
        self.job_submitted.emit(handle)
        self._run.emit(handle.job)
        if not was_busy:
            self.busy_changed.emit(True)
        return handle

    def stream(self, request: Request) -> Stream:
        return Stream(self.submit(request))

    def cancel(self, handle: JobHandle) -> None:
        self._cancel(handle, superseded=False)

    def cancel_source(self, source: str) -> None:
        for handle in list(self._handles.values()):
            if handle.request.source == source:
                self.cancel(handle)

    def cancel_all(self) -> None:
        for handle in list(self._handles.values()):
            self.cancel(handle)

    def _cancel(self, handle: JobHandle, *, superseded: bool) -> None:
        if not handle.active:
            return
        handle.job.token.cancel(superseded=superseded)
        if handle.state is JobState.WAITING:
            # Not started: nothing to wait for. If the worker picks it up meanwhile, it sees the token and its
            # own report for this id is dropped as stale.
            self._finish(handle, Done(handle.id, "", "cancelled", None, "queue", superseded))

    def _on_started(self, request_id: int) -> None:
        self._set_state(request_id, JobState.PREPARING)

    def _on_generating(self, request_id: int) -> None:
        self._set_state(request_id, JobState.GENERATING)

    def _set_state(self, request_id: int, state: JobState) -> None:
        handle = self._handles.get(request_id)
        if handle is not None:
            handle._set_state(state)

    def _on_chunk(self, request_id: int, text: str) -> None:
        handle = self._handles.get(request_id)
        if handle is None or handle.job.token.cancelled:
            return  # stale: stopped or superseded
        handle.chunk.emit(text)

    def _on_finished(self, request_id: int, done: Done) -> None:
        handle = self._handles.get(request_id)
        if handle is not None:
            self._finish(handle, done)

    def _on_failed(self, request_id: int, failure: Failure) -> None:
        handle = self._handles.pop(request_id, None)
        if handle is None:
            return
        handle.result = failure
        handle._set_state(JobState.FINISHED)
        if handle.job.token.cancelled:
            # A failure after Stop (say the host died while stopping) still ends the request; report it as
            # cancelled to the caller, who asked for nothing more, but keep the cause in the log.
            log.info("request %d failed after it was stopped: %s", request_id, failure.message)
            handle.finished.emit(Done(request_id, "", "cancelled", None, "", handle.job.token.superseded))
        else:
            handle.failed.emit(failure)
            self.job_failed.emit(failure)
        self._after_finish()

    def _finish(self, handle: JobHandle, done: Done) -> None:
        self._handles.pop(handle.id, None)
        handle.result = done
        handle._set_state(JobState.FINISHED)
        handle.finished.emit(done)
        self.job_done.emit(done)
        self._after_finish()

    def _after_finish(self) -> None:
        if not self._handles:
            self.busy_changed.emit(False)
            self._restart_idle()

    # -- shutdown --------------------------------------------------------------------------------------------
    def shutdown(self, timeout_s: float = 1.5) -> None:
        """Stop every request, the worker thread and (if ours) the host process. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._idle.stop()
        for handle in list(self._handles.values()):
            handle.job.token.cancel()
        self._worker.request_stop()
        self._thread.quit()
        if not self._thread.wait(int(timeout_s * 1000)):
            log.error("model worker thread did not stop in %.1f s", timeout_s)
        if self._owns_host:
            self.host.stop(timeout=0.8)
        for handle in list(self._handles.values()):
            self._finish(handle, Done(handle.id, "", "cancelled", None, "", False))
