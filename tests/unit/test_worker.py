"""The worker thread and model host on the tiny model: streaming, cancel, supersede, queue, failures, restarts."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QThread

from app.engine.requests import (
    Chat,
    Done,
    Failure,
    FailureKind,
    Message,
    ModelSpec,
    RawText,
    Request,
    Sampling,
)
from app.worker.client import GenerationFailed, JobHandle, JobState, ModelClient
from tests.helpers.models import direct_greedy
from tests.helpers.procs import pid_alive

LONG = 1500  # more new tokens than any test waits for: such a request only ends when stopped


def collect(handle: JobHandle) -> list[str]:
    pieces: list[str] = []
    handle.chunk.connect(pieces.append)
    return pieces


def raw(text: str, n: int = 32, source: str = "editor") -> Request:
    return Request("generate", RawText(text), Sampling.plain_greedy(n), source=source)


def run_to_end(qtbot, handle: JobHandle, timeout: int = 60_000) -> Done:  # type: ignore[no-untyped-def]
    if handle.active:
        with qtbot.waitSignal(handle.finished, timeout=timeout) as blocker:
            pass
        return blocker.args[0]  # type: ignore[no-any-return]
    assert isinstance(handle.result, Done)
    return handle.result


def test_streamed_text_equals_direct_generate(qtbot, qapp, tiny_client: ModelClient, tiny_model_dir: Path) -> None:
    prompt = "Once upon a time in a quiet village"
    handle = tiny_client.submit(raw(prompt, 40))
    pieces = collect(handle)
    threads: set[bool] = set()
    handle.chunk.connect(lambda _text: threads.add(QThread.currentThread() is qapp.thread()))
    handle.state_changed.connect(lambda _state: threads.add(QThread.currentThread() is qapp.thread()))
    done = run_to_end(qtbot, handle)
    expected = direct_greedy(tiny_model_dir, text=prompt, max_new_tokens=40)
    assert threads == {True}  # every signal a caller sees arrives on the GUI thread
    assert "".join(pieces) == expected
    assert done.text == expected
    assert done.reason in ("length", "eos")
    assert done.stats is not None and done.stats.new_tokens > 0 and done.stats.decoding == "greedy"
    assert done.stats.ttft_ms > 0 and done.stats.prompt_tokens > 0


def test_chat_prompt_uses_the_chat_template(qtbot, tiny_client: ModelClient, tiny_model_dir: Path) -> None:
    request = Request("chat", Chat((Message("user", "What is a haiku?"),)), Sampling.plain_greedy(24), source="chat")
    done = run_to_end(qtbot, tiny_client.submit(request))
    assert done.text == direct_greedy(
        tiny_model_dir, messages=[{"role": "user", "content": "What is a haiku?"}], max_new_tokens=24
    )


def test_cancel_during_decode_ends_promptly_with_partial_text(qtbot, tiny_client: ModelClient) -> None:
    handle = tiny_client.submit(raw("The sea was calm and", LONG))
    with qtbot.waitSignal(handle.chunk, timeout=60_000):
        pass
    handle.cancel()
    assert handle.stopping
    done = run_to_end(qtbot, handle)
    assert done.cancelled and done.stopped_in == "decode"
    assert done.stats is not None and 0 < done.stats.new_tokens < LONG


def test_superseding_request_never_shows_old_chunks(qtbot, tiny_client: ModelClient, tiny_model_dir: Path) -> None:
    old = tiny_client.submit(raw("First request that runs long", LONG))
    with qtbot.waitSignal(old.chunk, timeout=60_000):
        pass
    late_old_chunks = collect(old)  # connected after the first chunk: anything here came after the supersede
    new = tiny_client.submit(raw("Second request", 24))
    assert old.job.token.cancelled
    new_pieces = collect(new)
    old_done = run_to_end(qtbot, old)
    new_done = run_to_end(qtbot, new)
    assert old_done.cancelled and old_done.superseded
    assert late_old_chunks == []
    assert (
        "".join(new_pieces) == new_done.text == direct_greedy(tiny_model_dir, text="Second request", max_new_tokens=24)
    )


def test_other_sources_wait_in_line_and_can_be_stopped_while_waiting(qtbot, tiny_client: ModelClient) -> None:
    running = tiny_client.submit(raw("A long chat answer", LONG, source="chat"))
    with qtbot.waitSignal(running.chunk, timeout=60_000):
        pass
    waiting = tiny_client.submit(raw("Summarize this", 8, source="summarize"))
    queued = tiny_client.submit(raw("Translate this", 8, source="translate"))
    assert running.active and not running.job.token.cancelled  # another source never supersedes
    assert waiting.state is JobState.WAITING and queued.state is JobState.WAITING

    waiting.cancel()  # answered at once: it never reached the model
    assert not waiting.active
    assert isinstance(waiting.result, Done) and waiting.result.stopped_in == "queue"

    running.cancel()
    assert run_to_end(qtbot, running).cancelled
    finished = run_to_end(qtbot, queued)  # nothing silently dropped: the third one still runs
    assert finished.reason in ("length", "eos") and finished.stats is not None and finished.stats.new_tokens > 0


def test_async_stream_api(qtbot, qapp, tiny_client: ModelClient, tiny_model_dir: Path) -> None:
    loop = qasync.QEventLoop(qapp, already_running=False)

    async def consume() -> tuple[str, Done | None]:
        stream = tiny_client.stream(raw("In the morning the baker", 20))
        text = "".join([piece async for piece in stream])
        return text, stream.done

    async def consume_first_piece() -> Done | Failure | None:
        stream = tiny_client.stream(raw("Leaving early", LONG))
        async for _piece in stream:
            break  # leaving the loop stops the request
        while stream.handle.active:
            await asyncio.sleep(0.01)
        return stream.handle.result

    try:
        text, done = loop.run_until_complete(consume())
        stopped = loop.run_until_complete(consume_first_piece())
    finally:
        loop.close()
    assert done is not None and text == done.text
    assert text == direct_greedy(tiny_model_dir, text="In the morning the baker", max_new_tokens=20)
    assert isinstance(stopped, Done) and stopped.cancelled


def test_async_stream_raises_on_failure(qtbot, qapp, tiny_client: ModelClient) -> None:
    loop = qasync.QEventLoop(qapp, already_running=False)

    async def consume() -> None:
        async for _piece in tiny_client.stream(raw("   ", 8)):
            pass

    try:
        with pytest.raises(GenerationFailed) as caught:
            loop.run_until_complete(consume())
    finally:
        loop.close()
    assert caught.value.failure.kind is FailureKind.EMPTY_INPUT


def test_prompt_longer_than_context_is_refused_with_numbers(qtbot, tiny_client: ModelClient) -> None:
    request = Request("chat", Chat((Message("user", "word " * 3000),)), Sampling.plain_greedy(16), source="chat")
    handle = tiny_client.submit(request)
    with qtbot.waitSignal(handle.failed, timeout=60_000) as blocker:
        pass
    failure: Failure = blocker.args[0]
    assert failure.kind is FailureKind.CONTEXT_OVERFLOW
    assert "2,048 in all" in failure.message  # the tiny model's context, stated, not silently cut


def test_continue_prompt_keeps_the_text_nearest_the_cursor(qtbot, tiny_client: ModelClient) -> None:
    request = Request("continue", RawText("word " * 3000, keep_tail=True), Sampling.plain_greedy(8))
    done = run_to_end(qtbot, tiny_client.submit(request))
    assert done.stats is not None and done.stats.prompt_tokens_dropped > 0
    assert done.stats.prompt_tokens + 8 <= 2048


def test_token_counts_come_from_the_host(qtbot, tiny_client: ModelClient) -> None:
    with qtbot.waitSignal(tiny_client.token_counts, timeout=60_000) as blocker:
        tag = tiny_client.count_tokens(("Hello world", ""))
    assert blocker.args[0] == tag
    assert blocker.args[1][0] > 0 and blocker.args[1][1] == 0


@pytest.mark.parametrize(
    ("make_model", "kind"),
    [
        ("missing", FailureKind.MODEL_NOT_FOUND),
        ("corrupt", FailureKind.CORRUPT_MODEL),
        ("unknown_architecture", FailureKind.UNSUPPORTED_MODEL),
        ("remote_code", FailureKind.NEEDS_REMOTE_CODE),
    ],
)
def test_load_failure_is_readable_and_the_worker_keeps_working(
    qtbot, make_client, tiny_model_dir: Path, tmp_path: Path, make_model: str, kind: FailureKind
) -> None:
    folder = tmp_path / "model"
    if make_model == "corrupt":
        folder.mkdir()
        for name in ("config.json", "tokenizer.json", "tokenizer_config.json"):
            (folder / name).write_bytes((tiny_model_dir / name).read_bytes())
        (folder / "model.safetensors").write_bytes(b"\x00\x01 this is not a safetensors file" * 100)
    elif make_model == "unknown_architecture":
        folder.mkdir()
        (folder / "config.json").write_text(json.dumps({"model_type": "frobnicator-9000"}))
    elif make_model == "remote_code":
        folder.mkdir()
        (folder / "config.json").write_text(
            json.dumps({"model_type": "my-custom", "auto_map": {"AutoModelForCausalLM": "modeling_x.MyModel"}})
        )
    client: ModelClient = make_client(ModelSpec(ref=str(folder)))
    handle = client.submit(raw("Hello there", 8))
    with qtbot.waitSignal(handle.failed, timeout=60_000) as blocker:
        pass
    failure: Failure = blocker.args[0]
    assert failure.kind is kind
    assert failure.message and "Traceback" not in failure.message
    assert client.last_failure is not None and client.last_failure.kind is kind

    with qtbot.waitSignal(client.model_loaded, timeout=60_000):
        client.load(ModelSpec(ref=str(tiny_model_dir)))
    done = run_to_end(qtbot, client.submit(raw("Hello there", 8)))
    assert done.reason in ("length", "eos")


def test_killed_host_gives_a_clear_failure_and_the_next_request_restarts_it(
    qtbot, tiny_client: ModelClient, tiny_model_dir: Path
) -> None:
    handle = tiny_client.submit(raw("The mountain road", LONG))
    with qtbot.waitSignal(handle.chunk, timeout=60_000):
        pass
    old_pid = tiny_client.host.pid
    assert old_pid is not None
    os.kill(old_pid, signal.SIGKILL)
    with qtbot.waitSignal(handle.failed, timeout=30_000) as blocker:
        pass
    failure: Failure = blocker.args[0]
    assert failure.kind is FailureKind.HOST_DIED
    assert "killed" in failure.message and "text is safe" in failure.message

    done = run_to_end(qtbot, tiny_client.submit(raw("After the restart", 16)))
    assert tiny_client.host.pid != old_pid
    assert done.text == direct_greedy(tiny_model_dir, text="After the restart", max_new_tokens=16)


def test_stop_while_the_model_loads_answers_at_once(qtbot, make_client, host_config, tiny_model_dir: Path) -> None:
    from app.worker.host_process import HostProcess

    fresh = HostProcess(host_config)  # not started: the request has to wait for torch to import
    try:
        client: ModelClient = make_client(ModelSpec(ref=str(tiny_model_dir)), host=fresh)
        handle = client.submit(raw("Hello", 8))
        with qtbot.waitSignal(handle.state_changed, timeout=30_000, check_params_cb=lambda s: s is JobState.PREPARING):
            pass
        handle.cancel()
        done = run_to_end(qtbot, handle)
        assert done.cancelled and done.stopped_in == "load"
        assert client.info is None  # the model is still loading behind it
        with qtbot.waitSignal(client.model_loaded, timeout=60_000):
            pass
        assert run_to_end(qtbot, client.submit(raw("Hello", 8))).reason in ("length", "eos")
    finally:
        fresh.stop()


def test_shutdown_stops_thread_and_owned_host_mid_generation(qtbot, host_config, tiny_model_dir: Path) -> None:
    client = ModelClient(host_config, ModelSpec(ref=str(tiny_model_dir)))
    try:
        handle = client.submit(raw("Keep going", LONG))
        with qtbot.waitSignal(handle.chunk, timeout=60_000):
            pass
        pid = client.host.pid
    finally:
        client.shutdown()
    assert not client._thread.isRunning()
    assert pid is not None and not pid_alive(pid)
    assert isinstance(handle.result, Done) and handle.result.cancelled
