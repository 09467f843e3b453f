"""`inkwell --self-test`: proves that an installed Inkwell works end to end on this computer.

It composes the real main window (offscreen), continues a short text through the model host — the spawned child
process, started from the frozen executable in an installed app — and checks that the streamed text arrived; then
it detects a language in the other child, the text-services process (lingua's language models must be bundled).
`inkwell generate` cannot prove that: it runs the model in its own process. Prints `self-test ok` and returns 0, or
prints one line saying what failed and returns 1.

The user's settings, session and documents are never touched: the window is composed on a throwaway config and data
folder. Only the model cache is the user's own, so the embedded model is converted at most once per user.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.engine.requests import Done, Failure, ModelSpec, RawText, Request, Sampling
from app.paths import AppPaths

if TYPE_CHECKING:
    from app.worker.client import ModelClient

PROMPT = "The quick brown fox"
NEW_TOKENS = 8
TIMEOUT_S = 600.0  # the first run converts the embedded model (tens of seconds on a slow laptop)
OK_LINE = "self-test ok"
GERMAN_TEXT = "Heute Morgen hat es in der ganzen Stadt geregnet, aber am Nachmittag schien wieder die Sonne."
GERMAN_CODE = "de"


class SelfTestError(Exception):
    """One line for the user: what failed."""


@dataclass
class Outcome:
    chunks: list[str] = field(default_factory=list)
    done: Done | None = None
    failure: Failure | None = None
    timed_out: bool = False


def run_self_test(spec: ModelSpec | None = None, timeout_s: float = TIMEOUT_S) -> int:
    """Run the check; `spec` None means the embedded model. Returns the process exit code."""
    try:
        host_pid, text = _check(spec, timeout_s)
    except SelfTestError as exc:
        print(f"self-test failed: {exc}", file=sys.stderr, flush=True)
        return 1
    except Exception as exc:  # anything else is a failure too, reported in one line, not a traceback
        print(f"self-test failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return 1
    print(f"model host pid {host_pid} streamed: {text!r}", flush=True)
    try:
        print(user_data_summary(AppPaths.default()), flush=True)
    except Exception as exc:
        print(f"self-test failed: the user's data cannot be read: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(OK_LINE, flush=True)
    return 0


def user_data_summary(paths: AppPaths) -> str:
    """What this user has, opened the way the app opens it at start: proves an upgraded app still reads it.

    Nothing is created where there is nothing yet.
    """
    from PySide6.QtCore import QSettings

    from app.store import recovery
    from app.store.conversations import ConversationStore, default_path

    settings = 0
    if paths.settings_file.is_file():
        settings = len(QSettings(str(paths.settings_file), QSettings.Format.IniFormat).allKeys())
    conversations = messages = 0
    database = default_path(paths.data)
    if database.is_file():
        store = ConversationStore(database)
        store.open()
        try:
            found = store.conversations()
            conversations = len(found)
            messages = sum(len(store.messages(c.id)) for c in found)
        finally:
            store.close()
    recoverable = len(recovery.recoverable(paths.data / "recovery"))
    return (
        f"user data: {settings} settings, {conversations} conversations ({messages} messages), "
        f"{recoverable} recovery files"
    )


def _check(spec: ModelSpec | None, timeout_s: float) -> tuple[int, str]:
    # Before Qt starts: an installed app may run this over SSH or in CI, with no display at all.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_API", "pyside6")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.gui import compose, host_config
    from app.model_choice import base_spec
    from app.store.settings import Settings
    from app.worker.client import ModelClient

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    user = AppPaths.default()
    with tempfile.TemporaryDirectory(prefix="inkwell-self-test-") as scratch:
        root = Path(scratch)
        paths = AppPaths(cache=user.cache, data=root / "data", config=root / "config", logs=root / "logs").ensure()
        settings = Settings.at(str(paths.settings_file))
        if spec is not None:
            settings.set("model/ref", spec.ref)
        # Made here, not by compose, so that its thread and process are stopped even when composing fails.
        client = ModelClient(host_config(paths, settings), base_spec(settings))
        try:
            context = compose(paths, settings, client=client)
            try:
                context.window.show()
                app.processEvents()
                if not context.window.isVisible():
                    raise SelfTestError("the main window did not open")
                outcome = _continue_text(client, timeout_s, QEventLoop, QTimer)
                host_pid = client.host.pid
                language = _detect_in_text_services(context.services)
            finally:
                context.shutdown()
                context.window.hide()
                context.window.deleteLater()
        finally:
            client.shutdown()
            settings.sync()
    if outcome.timed_out:
        raise SelfTestError(f"no answer from the model host within {timeout_s:.0f} s")
    if outcome.failure is not None:
        raise SelfTestError(f"the model host failed: {outcome.failure.message}")
    if outcome.done is None or outcome.done.cancelled:
        raise SelfTestError("the request ended without an answer")
    streamed = "".join(outcome.chunks)
    if not streamed.strip():
        raise SelfTestError("the model host finished but no text was streamed")
    if streamed != outcome.done.text:
        raise SelfTestError("the streamed text differs from the finished text")
    if host_pid is None or host_pid == os.getpid():
        raise SelfTestError("the text was not produced by a separate model host process")
    if language != GERMAN_CODE:
        raise SelfTestError(f"the text services process detected {language!r} instead of {GERMAN_CODE!r}")
    return host_pid, streamed


def _detect_in_text_services(services: object) -> str | None:
    """Language detection in the second child process: it needs lingua's bundled language models."""
    from app.engine.text_jobs import detect_language
    from app.worker.text_services import TextServices

    if not isinstance(services, TextServices):
        raise SelfTestError("the window was composed without the text services process")
    try:
        detection = services.run(detect_language, GERMAN_TEXT)
    except Exception as exc:
        raise SelfTestError(f"the text services process failed: {type(exc).__name__}: {exc}") from exc
    if services.pid is None or services.pid == os.getpid():
        raise SelfTestError("language detection did not run in the text services process")
    return detection.code


def _continue_text(client: ModelClient, timeout_s: float, event_loop: type, timer: type) -> Outcome:
    outcome = Outcome()
    loop = event_loop()
    request = Request(
        task="continue",
        prompt=RawText(PROMPT),
        sampling=Sampling.plain_greedy(NEW_TOKENS),
        source="self-test",
    )
    handle = client.submit(request)

    def finished(done: Done) -> None:
        outcome.done = done
        loop.quit()

    def failed(failure: Failure) -> None:
        outcome.failure = failure
        loop.quit()

    def timed_out() -> None:
        outcome.timed_out = True
        loop.quit()

    handle.chunk.connect(outcome.chunks.append)
    handle.finished.connect(finished)
    handle.failed.connect(failed)
    deadline = timer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(timed_out)
    deadline.start(int(timeout_s * 1000))
    loop.exec()
    deadline.stop()
    return outcome
