"""The remote backend against a real OpenAI-compatible server: `transformers serve` with the embedded model.

Greedy decoding on the CPU is deterministic, so a streamed answer must equal what the same server returns for the
same request without streaming.
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from app.engine.backends import remote
from app.engine.backends.remote import RemoteBackend, RemoteError
from app.engine.requests import Chat, Done, FailureKind, Message, ModelSpec, RawText, Request, Sampling

if TYPE_CHECKING:  # imported for real by pytest_plugins, which must come first for pytest's assert rewriting
    from tests.helpers.serve import ServeProcess

pytest_plugins = ["tests.helpers.serve"]
pytestmark = pytest.mark.e2e

CONTEXT = 8192  # SmolLM2-135M's context length, as a user would enter it in Settings


@pytest.fixture
def backend(serve_embedded: ServeProcess) -> RemoteBackend:
    backend = RemoteBackend(serve_embedded.base_url, serve_embedded.model, context_length=CONTEXT)
    backend.load(ModelSpec(), lambda _: None)
    return backend


def unstreamed(server: ServeProcess, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """The same server's answer to the same request without streaming: the reference for streamed text."""
    payload = {**body, "model": server.model, "stream": False}
    reply = httpx.post(f"{server.base_url}/{path}", json=payload, timeout=300, trust_env=False)
    reply.raise_for_status()
    result: dict[str, Any] = reply.json()
    return result


def stream(backend: RemoteBackend, request: Request, cancel: threading.Event | None = None) -> tuple[Done, list[str]]:
    pieces: list[str] = []
    done = backend.stream(request, pieces.append, cancel or threading.Event())
    return done, pieces


def chat(*turns: tuple[str, str], max_new_tokens: int = 12) -> Request:
    messages = tuple(Message(role, text) for role, text in turns)  # type: ignore[arg-type]
    return Request("chat", Chat(messages), Sampling.plain_greedy(max_new_tokens))


def test_load_and_test_connection(serve_embedded: ServeProcess, backend: RemoteBackend) -> None:
    assert backend.info is not None and backend.info.device == "remote"
    assert backend.info.context_length == CONTEXT and backend.info.gpu_note == ""
    report = remote.test_connection(serve_embedded.base_url, None, serve_embedded.model, timeout=30)
    assert report.ok and report.model_present and report.models == (serve_embedded.model,)


def test_unknown_model_names_the_one_the_server_has(serve_embedded: ServeProcess) -> None:
    with pytest.raises(RemoteError) as caught:
        RemoteBackend(serve_embedded.base_url, "gpt-4o").load(ModelSpec(), lambda _: None)
    assert caught.value.kind is FailureKind.MODEL_NOT_FOUND and serve_embedded.model in caught.value.message


def test_streamed_chat_equals_the_unstreamed_greedy_answer(
    serve_embedded: ServeProcess, backend: RemoteBackend
) -> None:
    request = chat(("user", "What is a sonnet?"))
    done, pieces = stream(backend, request)
    reference = unstreamed(
        serve_embedded,
        "chat/completions",
        {"messages": [{"role": "user", "content": "What is a sonnet?"}], "max_tokens": 12, "temperature": 0},
    )
    assert len(pieces) > 1 and "".join(pieces) == done.text == reference["choices"][0]["message"]["content"]
    assert done.reason == "length" and done.stats is not None
    assert done.stats.new_tokens == 12 == reference["usage"]["completion_tokens"]  # the server's usage: exact
    assert done.stats.prompt_tokens == reference["usage"]["prompt_tokens"]
    assert done.stats.ttft_ms > 0 and "estimated" not in done.stats.decoding


def test_continue_writing_continues_the_text_as_written(serve_embedded: ServeProcess, backend: RemoteBackend) -> None:
    text = "The lamps along the river came on one by one"
    done, pieces = stream(backend, Request("continue", RawText(text, keep_tail=True), Sampling.plain_greedy(12)))
    reference = unstreamed(serve_embedded, "completions", {"prompt": text, "max_tokens": 12, "temperature": 0})
    assert "".join(pieces) == done.text == reference["choices"][0]["text"] and done.text.strip()
    assert done.stats is not None and "continued through chat" not in done.stats.decoding


@pytest.mark.parametrize(
    "turns",
    [
        (
            ("system", "Summarize the user's text in one short sentence."),
            ("user", "The council met on Monday. It approved a new bridge over the river, to open next spring."),
        ),
        (
            ("system", "Translate the user's text into French. Reply with the translation only."),
            ("user", "Good morning, how are you?"),
        ),
    ],
    ids=["summarize", "translate"],
)
def test_task_style_chat_requests(backend: RemoteBackend, turns: tuple[tuple[str, str], ...]) -> None:
    done, pieces = stream(backend, chat(*turns, max_new_tokens=16))
    assert done.text.strip() and done.text == "".join(pieces) and done.reason in ("eos", "length")


def test_stop_mid_stream_stops_the_server(serve_embedded: ServeProcess, backend: RemoteBackend) -> None:
    # An answer that would run for hours: transformers serve takes a generation config from the request.
    endless = RemoteBackend(
        serve_embedded.base_url,
        serve_embedded.model,
        context_length=10**6,
        extra_body={"generation_config": json.dumps({"min_new_tokens": 100_000})},
    )
    cancel = threading.Event()
    pieces: list[str] = []

    def take(piece: str) -> None:
        pieces.append(piece)
        if len(pieces) == 3:
            cancel.set()

    done = endless.stream(chat(("user", "Tell me a long story."), max_new_tokens=100_000), take, cancel)
    assert done.cancelled and done.stopped_in == "decode" and done.text == "".join(pieces) and len(pieces) == 3
    # The server generates one request at a time: had it not stopped, this request would wait behind 100,000
    # tokens and fail on its response timeout instead of answering.
    follow_up = RemoteBackend(serve_embedded.base_url, serve_embedded.model, response_timeout=120)
    after, _ = stream(follow_up, chat(("user", "What is a sonnet?")))
    assert after.reason == "length" and after.text == stream(backend, chat(("user", "What is a sonnet?")))[0].text
