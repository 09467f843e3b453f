"""GPU out-of-memory, injected (this machine has no GPU): loading falls back to the CPU and says why;
running out while writing says exactly what to change."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine.faults import FAULTS_ENV, GPU_OOM_ON_GENERATE, GPU_OOM_ON_LOAD
from app.engine.requests import FailureKind, ModelInfo, ModelSpec, RawText, Request, Sampling
from app.worker.client import ModelClient
from app.worker.host import HostConfig
from app.worker.host_process import HostProcess


@pytest.fixture
def faulty_host(monkeypatch: pytest.MonkeyPatch, host_config: HostConfig):  # type: ignore[no-untyped-def]
    """A model host of its own, started with a fault injected (the spawned process inherits the environment)."""
    hosts: list[HostProcess] = []

    def make(fault: str) -> HostProcess:
        monkeypatch.setenv(FAULTS_ENV, fault)
        host = HostProcess(host_config)
        hosts.append(host)
        return host

    yield make
    for host in hosts:
        host.stop()


def test_out_of_gpu_memory_while_loading_falls_back_to_the_cpu(
    qtbot, make_client, faulty_host, tiny_model_dir: Path
) -> None:
    client: ModelClient = make_client(ModelSpec(ref=str(tiny_model_dir)), host=faulty_host(GPU_OOM_ON_LOAD))
    with qtbot.waitSignal(client.model_loaded, timeout=60_000) as blocker:
        client.load()
    info: ModelInfo = blocker.args[0]
    # On the CPU it takes the CPU's own precision: float32, or the fast path's quantized weights.
    assert info.device == "cpu" and info.dtype in ("float32", "int8", "int4")
    assert info.gpu_note_short == "GPU out of memory"
    assert "did not fit in the GPU's memory" in info.gpu_note and "smaller model" in info.gpu_note
    handle = client.submit(Request("generate", RawText("Still works"), Sampling.plain_greedy(8)))
    with qtbot.waitSignal(handle.finished, timeout=60_000):
        pass


def test_out_of_gpu_memory_while_writing_says_what_to_change(
    qtbot, make_client, faulty_host, tiny_model_dir: Path
) -> None:
    client: ModelClient = make_client(ModelSpec(ref=str(tiny_model_dir)), host=faulty_host(GPU_OOM_ON_GENERATE))
    handle = client.submit(Request("generate", RawText("A long text"), Sampling.plain_greedy(8)))
    with qtbot.waitSignal(handle.failed, timeout=60_000) as blocker:
        pass
    failure = blocker.args[0]
    assert failure.kind is FailureKind.OUT_OF_MEMORY
    assert "ran out of memory while writing" in failure.message
    assert "Max new tokens" in failure.message and "choose the CPU" in failure.message
    assert "Traceback" not in failure.message


def test_a_precision_the_device_cannot_use_is_replaced_and_the_reason_shown(
    qtbot, make_client, tiny_model_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    client: ModelClient = make_client(ModelSpec(ref=str(tiny_model_dir), device="cpu", dtype="float16"))
    with qtbot.waitSignal(client.model_loaded, timeout=120_000) as loaded:
        client.load()
    info: ModelInfo = loaded.args[0]
    assert info.dtype == "float32" and "float16 is not practical on the CPU" in info.dtype_note


def test_bfloat16_on_a_gpu_without_it_falls_back_to_float16(monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    from app.engine.backends.local import dtype_choice

    # No GPU here: the two questions torch would ask the driver are answered as an older GPU (Turing) would.
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *args, **kwargs: False)
    dtype, note = dtype_choice("cuda", "bfloat16")
    assert dtype is torch.float16 and "does not support bfloat16" in note
    assert dtype_choice("cuda", "auto") == (torch.float16, "")
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *args, **kwargs: True)
    assert dtype_choice("cuda", "auto") == (torch.bfloat16, "") == dtype_choice("cuda", "bfloat16")
    assert dtype_choice("cpu", "auto") == (torch.float32, "")
