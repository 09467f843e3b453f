"""ModelWorker: the one QObject, on the one QThread, that owns the model (through the model host process).

Requests reach it as queued slot calls, so they run one at a time in arrival order; each slot blocks its thread
while the host works and turns the host's replies into signals. Nothing here touches a widget.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal, Slot

from app.engine.backends.base import Backend
from app.engine.errors import failure_from_exception
from app.engine.requests import Done, Failure, FailureKind, LoadProgress, ModelInfo, ModelSpec, Request, progress
from app.translatable import QT_TRANSLATE_NOOP
from app.worker.cancel import CancelToken
from app.worker.host_process import HostDied, HostProcess, killed, signal_name
from app.worker.protocol import (
    ChunkMsg,
    CountTokensCmd,
    GenerateCmd,
    LoadCmd,
    Loaded,
    LoadFailed,
    RawGenerateCmd,
    TokenCounts,
)

log = logging.getLogger(__name__)

# How often a blocked slot looks up from the pipe to notice Stop during a load, or shutdown.
_POLL_S = 0.05

_load_tags = itertools.count(1)


@dataclass(frozen=True)
class Job:
    request: Request
    token: CancelToken = field(default_factory=CancelToken, compare=False)
    raw: bool = False  # benchmark baseline: plain model.generate, nothing streamed


def host_died_failure(error: HostDied, request_id: int | None = None) -> Failure:
    """Why the model process ended, in words the GUI can translate (one whole sentence per cause)."""
    code = error.exitcode
    params: dict[str, object] = {}
    if code is None:
        template = QT_TRANSLATE_NOOP(
            "Engine",
            "The model stopped unexpectedly: the model process stopped answering. Your text is safe. The next "
            "request starts the model again.",
        )
    elif code < 0 and killed(code):
        params = {"signal": signal_name(code)}
        template = QT_TRANSLATE_NOOP(
            "Engine",
            "The model stopped unexpectedly: the model process was killed ({signal}); the system may have run out "
            "of memory. Your text is safe. The next request starts the model again.",
        )
    elif code < 0:
        params = {"signal": signal_name(code)}
        template = QT_TRANSLATE_NOOP(
            "Engine",
            "The model stopped unexpectedly: the model process was stopped by {signal}. Your text is safe. The next "
            "request starts the model again.",
        )
    else:
        params = {"code": code}
        template = QT_TRANSLATE_NOOP(
            "Engine",
            "The model stopped unexpectedly: the model process exited with code {code}. Your text is safe. The next "
            "request starts the model again.",
        )
    return Failure(FailureKind.HOST_DIED, template.format(**params), str(error), request_id, template, params)


class ModelWorker(QObject):
    load_progress = Signal(object)  # LoadProgress
    model_loaded = Signal(object)  # ModelInfo
    load_failed = Signal(object)  # Failure
    job_started = Signal(int)  # picked up: loading the model if needed
    job_generating = Signal(int)  # handed to the host
    chunk = Signal(int, str)
    job_finished = Signal(int, object)  # Done
    job_failed = Signal(int, object)  # Failure
    token_counts = Signal(int, object)  # tag, tuple[int, ...]
    unloaded = Signal()

    def __init__(self, host: HostProcess, spec: ModelSpec) -> None:
        super().__init__()
        self._host = host
        self._spec = spec
        self._stopping = threading.Event()
        # A remote (OpenAI-compatible) server is driven from this thread directly: no model to keep in a process.
        self._remote: Backend | None = None
        self._remote_info: ModelInfo | None = None
        self._remote_spec: ModelSpec | None = None

    def request_stop(self) -> None:
        """Called from the GUI thread at shutdown: every wait loop returns within one poll."""
        self._stopping.set()

    # -- loading ---------------------------------------------------------------------------------------------
    @Slot(object)
    def load(self, spec: ModelSpec) -> None:
        self._spec = spec
        if spec.is_remote:
            self._ensure_remote(spec, None)
            return
        host = self._host
        if host.alive and host.loaded_spec == spec and host.info is not None:
            self.model_loaded.emit(host.info)  # already there (a shared host): the caller still hears about it
            return
        self._ensure_loaded(None)

    def _spec_for(self, job: Job | None) -> ModelSpec:
        return job.request.model if job is not None and job.request.model is not None else self._spec

    def _ensure_remote(self, spec: ModelSpec, job: Job | None) -> bool:
        remote, connected = self._remote, self._remote_spec
        # The key is left out of spec equality (it must never reach logs or reprs); a new key needs a new client.
        if remote is not None and connected is not None and connected == spec and connected.api_key == spec.api_key:
            if job is None and self._remote_info is not None:
                self.model_loaded.emit(self._remote_info)  # an explicit load: the caller still hears about it
            return True
        from app.engine.backends.remote import RemoteBackend

        if self._host.alive:
            self._host.stop()  # the local model's memory is not needed while a server does the work
        self.load_progress.emit(
            progress("loading", QT_TRANSLATE_NOOP("Engine", "Connecting to {url}…"), url=spec.base_url)
        )
        try:
            backend = RemoteBackend(
                spec.base_url, spec.ref, api_key=spec.api_key or None, context_length=spec.context_length or 4096
            )
            info = backend.load(spec, self.load_progress.emit)
        except Exception as exc:
            failure = failure_from_exception(exc)
            self.load_failed.emit(failure)
            if job is not None:
                self.job_failed.emit(job.request.id, dataclasses.replace(failure, request_id=job.request.id))
            return False
        self._remote, self._remote_spec, self._remote_info = backend, spec, info
        self.model_loaded.emit(info)
        return True

    def _ensure_loaded(self, job: Job | None) -> bool:
        """Start the host and load the model if needed. While loading, Stop on `job` answers at once."""
        spec = self._spec_for(job)
        if spec.is_remote:
            return self._ensure_remote(spec, job)
        self._remote = self._remote_spec = None
        host = self._host
        if host.alive and host.loaded_spec == spec:
            return True
        cancel_reported = False
        try:
            if not host.alive:
                self.load_progress.emit(progress("starting", QT_TRANSLATE_NOOP("Engine", "Starting the model engine…")))
                host.start()
            tag = next(_load_tags)
            # The host drops its current model before loading; until Loaded arrives it has none.
            host.loaded_spec = host.info = None
            host.send(LoadCmd(spec, tag))
            while not self._stopping.is_set():
                if job is not None and job.token.cancelled and not cancel_reported:
                    # The load goes on (the next request needs it); the user's request ends now.
                    cancel_reported = True
                    self._finish_cancelled(job, "load")
                reply = host.receive(_POLL_S)
                if isinstance(reply, LoadProgress):
                    self.load_progress.emit(reply)
                elif isinstance(reply, Loaded) and reply.tag == tag:
                    host.loaded_spec, host.info = spec, reply.info
                    self.model_loaded.emit(reply.info)
                    return not cancel_reported
                elif isinstance(reply, LoadFailed) and reply.tag in (tag, 0):
                    self.load_failed.emit(reply.failure)
                    if job is not None and not cancel_reported:
                        self.job_failed.emit(
                            job.request.id, dataclasses.replace(reply.failure, request_id=job.request.id)
                        )
                    return False
        except HostDied as error:
            failure = host_died_failure(error)
            log.warning("model host died while loading: %s", error)
            self.load_failed.emit(failure)
            if job is not None and not cancel_reported:
                self.job_failed.emit(job.request.id, dataclasses.replace(failure, request_id=job.request.id))
        return False

    # -- requests --------------------------------------------------------------------------------------------
    def _finish_cancelled(self, job: Job, where: str) -> None:
        done = Done(job.request.id, "", "cancelled", None, where, job.token.superseded)  # type: ignore[arg-type]
        self.job_finished.emit(job.request.id, done)

    @Slot(object)
    def run_job(self, job: Job) -> None:
        if self._stopping.is_set():
            return
        request = job.request
        if job.token.cancelled:
            self._finish_cancelled(job, "queue")
            return
        self.job_started.emit(request.id)
        if not self._ensure_loaded(job):
            return
        if self._spec_for(job).is_remote:
            self._run_remote(job)
            return
        if not job.token.bind(self._host.cancel_flag):
            self._finish_cancelled(job, "queue")
            return
        self.job_generating.emit(request.id)
        try:
            self._host.send(RawGenerateCmd(request) if job.raw else GenerateCmd(request))
            while not self._stopping.is_set():
                reply = self._host.receive(_POLL_S)
                if isinstance(reply, ChunkMsg) and reply.request_id == request.id:
                    self.chunk.emit(request.id, reply.text)
                elif isinstance(reply, Done) and reply.request_id == request.id:
                    self.job_finished.emit(request.id, dataclasses.replace(reply, superseded=job.token.superseded))
                    return
                elif isinstance(reply, Failure) and reply.request_id == request.id:
                    self.job_failed.emit(request.id, reply)
                    return
        except HostDied as error:
            log.warning("model host died during request %d: %s", request.id, error)
            self.job_failed.emit(request.id, host_died_failure(error, request.id))
        finally:
            job.token.unbind()

    def _run_remote(self, job: Job) -> None:
        request, backend = job.request, self._remote
        assert backend is not None
        if job.token.cancelled:
            self._finish_cancelled(job, "queue")
            return
        self.job_generating.emit(request.id)
        try:
            # The token is the cancel flag: the remote backend closes the HTTP stream when it is set.
            done = backend.stream(request, lambda text: self.chunk.emit(request.id, text), job.token)
        except Exception as exc:
            self.job_failed.emit(request.id, failure_from_exception(exc, request.id))
            return
        self.job_finished.emit(request.id, dataclasses.replace(done, superseded=job.token.superseded))

    @Slot()
    def unload(self) -> None:
        """Free the model's memory (the host process ends); the next request loads it again."""
        self._remote = self._remote_spec = None
        if self._host.alive:
            self._host.stop()
        self.unloaded.emit()

    @Slot(int, object)
    def count_tokens(self, tag: int, texts: tuple[str, ...]) -> None:
        if self._stopping.is_set() or not self._ensure_loaded(None):
            self.token_counts.emit(tag, ())
            return
        if self._remote is not None:
            self.token_counts.emit(tag, tuple(self._remote.count_tokens(t) for t in texts))
            return
        try:
            self._host.send(CountTokensCmd(tag, texts))
            while not self._stopping.is_set():
                reply = self._host.receive(_POLL_S)
                if isinstance(reply, TokenCounts) and reply.tag == tag:
                    self.token_counts.emit(tag, reply.counts)
                    return
        except HostDied as error:
            self.load_failed.emit(host_died_failure(error))
        self.token_counts.emit(tag, ())
