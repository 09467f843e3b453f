"""Shared fixtures: isolated user folders, the embedded model's converted copy (made once and cached), a tiny
random model, and one model host process shared by the tests that can share it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
REPO = Path(__file__).resolve().parent.parent
# Every test run gets its own folders, except the model cache: converting the embedded model takes ~30 s, so the
# converted copy is kept between runs in .test-cache (git-ignored); CI, on a clean clone, converts it once.
TEST_HOME = Path(os.environ.get("INKWELL_TEST_HOME", REPO / ".test-cache" / "home"))
os.environ["INKWELL_HOME"] = str(TEST_HOME)

import pytest  # noqa: E402
from PySide6.QtCore import QThread  # noqa: E402

from app.engine.requests import ModelSpec  # noqa: E402
from app.paths import AppPaths  # noqa: E402
from app.worker.client import ModelClient  # noqa: E402
from app.worker.host import HostConfig  # noqa: E402
from app.worker.host_process import HostProcess  # noqa: E402

pytest_plugins = ["tests.helpers.models"]


@pytest.fixture(scope="session")
def paths() -> AppPaths:
    return AppPaths.under(TEST_HOME).ensure()


@pytest.fixture(scope="session")
def host_config(paths: AppPaths) -> HostConfig:
    # PyTorch for every model, whether or not the optional llama-cpp-python is installed in this environment: the
    # suite means the same thing everywhere, and tests/e2e/test_llamacpp.py makes its own host with llama.cpp on.
    return HostConfig(models_root=str(paths.models), log_file=str(paths.host_log), threads=None, llamacpp=False)


@pytest.fixture(scope="session")
def shared_host(host_config: HostConfig) -> Iterator[HostProcess]:
    """One model host for the session: each start costs seconds (importing torch)."""
    host = HostProcess(host_config)
    yield host
    host.stop()


@pytest.fixture
def make_client(shared_host: HostProcess, qtbot: object) -> Iterator[object]:
    """Build ModelClients on the shared host; every one is shut down after the test."""
    made: list[ModelClient] = []

    def make(spec: ModelSpec, *, host: HostProcess | None = None) -> ModelClient:
        client = ModelClient(spec=spec, host=host or shared_host)
        made.append(client)
        return client

    yield make
    for client in made:
        client.shutdown()


@pytest.fixture
def tiny_client(make_client, tiny_model_dir: Path) -> ModelClient:  # type: ignore[no-untyped-def]
    return make_client(ModelSpec(ref=str(tiny_model_dir)))


@pytest.fixture(autouse=True)
def no_dangling_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a QThread running (it would be destroyed while running at exit)."""
    started: list[QThread] = []
    original = QThread.start

    def start(self: QThread, *args: object) -> None:
        started.append(self)
        original(self, *args)

    monkeypatch.setattr(QThread, "start", start)
    yield
    running = [t.objectName() or repr(t) for t in started if _is_running(t)]
    assert not running, f"QThreads still running after the test: {running}"


def _is_running(thread: QThread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # the C++ object is gone, so it is not running
        return False


@pytest.fixture
def python_env(paths: AppPaths) -> dict[str, str]:
    """Environment for subprocesses: offscreen Qt, the test folders, this interpreter's packages."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["INKWELL_HOME"] = str(TEST_HOME)
    env["PYTHONPATH"] = str(REPO)
    return env


@pytest.fixture(scope="session")
def python() -> str:
    return sys.executable
