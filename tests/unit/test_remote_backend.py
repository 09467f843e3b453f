"""The remote (OpenAI-compatible) backend against real local sockets that misbehave, and its pure parsers.

Every error case must end in one plain sentence the user can act on; Stop must close the connection so the server
stops generating (the server side of the socket sees the close), also while the client waits for bytes.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engine.backends import remote
from app.engine.backends.remote import RemoteBackend, RemoteError
from app.engine.backends.remote_urls import normalize_base_url, parse_model_list, remote_url_warning
from app.engine.backends.sse import MAX_LINE_BYTES, SSEError, SSEEvent, SSEParser
from app.engine.requests import (
    Chat,
    Done,
    FailureKind,
    Message,
    ModelSpec,
    RawText,
    Request,
    Sampling,
)
from tests.helpers.bad_server import (
    BadServer,
    chat_chunk,
    closed_port,
    garbage,
    hang,
    json_reply,
    models_reply,
    sse,
    text_chunk,
    text_reply,
)

REPO = Path(__file__).resolve().parents[2]
MODEL = "test-model"
GREEDY = Sampling.plain_greedy(16)
USAGE = {"prompt_tokens": 11, "completion_tokens": 3, "total_tokens": 14}
HAPPY_CHAT = [
    chat_chunk(None),
    chat_chunk("Hello"),
    chat_chunk(", world"),
    chat_chunk("!"),
    chat_chunk(None, "stop", USAGE),
]


def chat_request(text: str = "Say hello.", sampling: Sampling = GREEDY, cache_key: str = "") -> Request:
    messages = (Message("system", "Be brief."), Message("user", text))
    return Request("chat", Chat(messages), sampling, cache_key=cache_key)


def continue_request(text: str = "The lamps along the river", sampling: Sampling = GREEDY) -> Request:
    return Request("continue", RawText(text, keep_tail=True), sampling)


@pytest.fixture
def server() -> Iterator[BadServer]:
    with BadServer({"GET /v1/models": models_reply(MODEL, "other-model")}) as running:
        yield running


def backend_for(server: BadServer, **options: object) -> RemoteBackend:
    return RemoteBackend(server.base_url, MODEL, **options)  # type: ignore[arg-type]


def run(backend: RemoteBackend, request: Request, cancel: threading.Event | None = None) -> tuple[Done, list[str]]:
    pieces: list[str] = []
    done = backend.stream(request, pieces.append, cancel or threading.Event())
    return done, pieces


def failure(backend: RemoteBackend, request: Request | None = None) -> RemoteError:
    with pytest.raises(RemoteError) as caught:
        run(backend, request or chat_request())
    error = caught.value
    assert_plain(error.message)
    return error


def assert_plain(message: str) -> None:
    """One or two sentences for a person: no traceback, no "Error:" prefix, no exception class names."""
    assert message and message[0].isupper()
    assert "Traceback" not in message and not message.lower().startswith("error")
    assert "Exception" not in message and "httpx" not in message and "<html" not in message.lower()


# -- the event-stream parser -----------------------------------------------------------------------------------
def test_sse_parser_joins_events_split_anywhere() -> None:
    stream = b': ping\r\ndata: {"a": 1}\r\n\r\ndata: line one\ndata: line two\n\nevent: end\rdata: [DONE]\r\r'
    for size in (1, 2, 3, 7, len(stream)):  # every way of cutting it, including between \r and \n
        parser = SSEParser()
        events: list[SSEEvent] = []
        for start in range(0, len(stream), size):
            events += parser.feed(stream[start : start + size])
        events += parser.close()
        assert [e.data for e in events] == ['{"a": 1}', "line one\nline two", "[DONE]"], size
        assert events[2].event == "end"
        assert not parser.pending


def test_sse_parser_keeps_a_final_event_without_blank_line_and_decodes_split_utf8() -> None:
    parser = SSEParser()
    raw = 'data: {"t": "naïve 中文"}'.encode()
    events = parser.feed(raw[:14]) + parser.feed(raw[14:])
    assert events == [] and parser.pending
    assert [e.data for e in parser.close()] == ['{"t": "naïve 中文"}']


def test_sse_parser_refuses_endless_lines() -> None:
    parser = SSEParser()
    with pytest.raises(SSEError):
        parser.feed(b"x" * (MAX_LINE_BYTES + 1))


def test_sse_parser_sees_no_fields_in_html() -> None:
    parser = SSEParser()
    assert parser.feed(b"<html>\n<body>Welcome to nginx!</body>\n</html>\n") + parser.close() == []
    assert parser.fields_seen == 0 and parser.bytes_seen > 0


# -- addresses and model lists ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://localhost:11434/v1/", "http://localhost:11434/v1"),
        ("  https://api.example.com/v1  ", "https://api.example.com/v1"),
        ("http://127.0.0.1:8000/v1/chat/completions", "http://127.0.0.1:8000/v1"),
        ("HTTP://[::1]:8080/v1/models", "http://[::1]:8080/v1"),
    ],
)
def test_base_urls_are_normalized(given: str, expected: str) -> None:
    assert normalize_base_url(given) == expected


@pytest.mark.parametrize("given", ["", "localhost:11434/v1", "ftp://example.com/v1", "http://", "http://host:port/v1"])
def test_unusable_base_urls_are_explained(given: str) -> None:
    with pytest.raises(RemoteError) as caught:
        normalize_base_url(given)
    assert_plain(caught.value.message)
    assert "http://localhost:11434/v1" in caught.value.message


def test_api_key_over_plain_http_to_another_computer_is_warned_about() -> None:
    warning = remote_url_warning("http://192.168.1.20:8000/v1", has_api_key=True)
    assert warning is not None and "192.168.1.20" in warning and "https://" in warning
    assert remote_url_warning("http://gpu-box.example.org/v1", has_api_key=True) is not None
    for safe in (
        "https://gpu-box.example.org/v1",
        "http://localhost:11434/v1",
        "http://127.0.0.5:1/v1",
        "http://[::1]/v1",
    ):
        assert remote_url_warning(safe, has_api_key=True) is None, safe
    assert remote_url_warning("http://gpu-box.example.org/v1", has_api_key=False) is None


def test_model_lists_of_the_common_servers_are_read() -> None:
    assert parse_model_list({"object": "list", "data": [{"id": "a"}, {"id": "b"}, {"id": "a"}]}) == ("a", "b")
    # llama.cpp's server adds a "models" list beside "data"; some proxies send only that one.
    assert parse_model_list({"models": [{"name": "m.gguf", "model": "m.gguf"}]}) == ("m.gguf",)
    assert parse_model_list({"data": []}) == ()
    with pytest.raises(ValueError):
        parse_model_list(["not", "an", "object"])


def test_importing_the_backend_imports_neither_torch_nor_transformers() -> None:
    code = (
        "import sys, app.engine.backends.remote; "
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# -- loading ---------------------------------------------------------------------------------------------------
def test_load_checks_the_server_and_describes_the_model(server: BadServer) -> None:
    seen: list[object] = []
    info = backend_for(server, context_length=32768).load(ModelSpec(), seen.append)
    assert info.device == "remote" and info.name == MODEL and info.context_length == 32768
    assert info.gpu_note == "" and server.base_url in info.path and seen
    assert [r.path for r in server.requests] == ["/v1/models"]


def test_load_names_the_models_the_server_has_when_the_chosen_one_is_missing(server: BadServer) -> None:
    with pytest.raises(RemoteError) as caught:
        RemoteBackend(server.base_url, "llama-9000").load(ModelSpec(), lambda _: None)
    error = caught.value
    assert error.kind is FailureKind.MODEL_NOT_FOUND
    assert "llama-9000" in error.message and "test-model, other-model" in error.message


def test_load_picks_the_only_model_when_none_is_named() -> None:
    with BadServer({"GET /v1/models": models_reply("llama3.2:latest")}) as server:
        backend = RemoteBackend(server.base_url, "")
        assert backend.load(ModelSpec(), lambda _: None).name == "llama3.2:latest"
        # Ollama's users write tags without ":latest".
        assert RemoteBackend(server.base_url, "llama3.2").load(ModelSpec(), lambda _: None).name == "llama3.2"


@pytest.mark.parametrize(
    ("handler", "words"),
    [
        (json_reply(404, {"detail": "Not Found"}), "usually ends in /v1"),
        (text_reply(200, "<!doctype html><html><body>Router login</body></html>"), "web page"),
        (text_reply(200, "plain words, not JSON", "text/plain"), "not JSON"),
        (json_reply(401, {"error": {"message": "Invalid API key"}}), "needs an API key"),
        (garbage(), "does not speak HTTP"),
    ],
)
def test_load_failures_are_explained(handler: object, words: str) -> None:
    with BadServer({"GET /v1/models": handler}) as server, pytest.raises(RemoteError) as caught:  # type: ignore[dict-item]
        RemoteBackend(server.base_url, MODEL).load(ModelSpec(), lambda _: None)
    assert words in caught.value.message
    assert_plain(caught.value.message)


# -- streaming -------------------------------------------------------------------------------------------------
def test_chat_streams_and_sends_what_the_openai_api_expects(server: BadServer) -> None:
    server.routes["POST /v1/chat/completions"] = sse(HAPPY_CHAT, then="done")
    backend = backend_for(server, api_key="sk-local-123")
    done, pieces = run(backend, chat_request(sampling=dataclasses.replace(Sampling.plain_greedy(16), seed=7)))
    assert pieces == ["Hello", ", world", "!"] and done.text == "Hello, world!" and done.reason == "eos"
    assert done.stats is not None
    assert (done.stats.prompt_tokens, done.stats.new_tokens) == (11, 3)  # from the server's usage: exact
    assert "estimated" not in done.stats.decoding and done.stats.decoding.startswith("greedy")
    (sent,) = server.posted("/v1/chat/completions")
    body = sent.json()
    assert body["model"] == MODEL and body["stream"] is True and body["max_tokens"] == 16
    assert body["temperature"] == 0.0 and body["seed"] == 7 and "top_p" not in body
    assert body["stream_options"] == {"include_usage": True}
    assert body["messages"] == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello."}]
    assert not {"top_k", "repetition_penalty", "min_new_tokens"} & body.keys()  # transformers serve refuses them
    assert sent.headers["authorization"] == "Bearer sk-local-123"


def test_sampling_settings_and_local_only_features_are_reported(server: BadServer) -> None:
    server.routes["POST /v1/chat/completions"] = sse([chat_chunk("Hi"), chat_chunk(None, "length")])
    sampling = Sampling(max_new_tokens=8, temperature=0.8, top_p=0.95, prompt_lookup_tokens=10)
    done, _ = run(backend_for(server), chat_request(sampling=sampling, cache_key="conversation-1"))
    body = server.posted("/v1/chat/completions")[0].json()
    assert (body["temperature"], body["top_p"], body["max_tokens"]) == (0.8, 0.95, 8) and "seed" not in body
    assert done.reason == "length" and done.stats is not None
    decoding = done.stats.decoding
    assert decoding.startswith("sampling") and "prompt lookup and KV-cache reuse not used" in decoding
    assert "token counts estimated" in decoding  # no usage in this stream
    assert "Authorization" not in server.posted("/v1/chat/completions")[0].headers


def test_continue_writing_uses_completions(server: BadServer) -> None:
    server.routes["POST /v1/completions"] = sse([text_chunk(" came on"), text_chunk(" one by one", "length")])
    done, pieces = run(backend_for(server), continue_request())
    assert pieces == [" came on", " one by one"] and done.reason == "length"
    body = server.posted("/v1/completions")[0].json()
    assert body["prompt"] == "The lamps along the river" and "messages" not in body


def test_continue_writing_falls_back_to_chat_without_completions_and_remembers(server: BadServer) -> None:
    server.routes["POST /v1/chat/completions"] = sse([chat_chunk(" came on"), chat_chunk(None, "stop")])
    backend = backend_for(server)
    for _ in range(2):
        done, _ = run(backend, continue_request())
        assert done.text == " came on" and done.stats is not None
        assert "continued through chat" in done.stats.decoding
    assert len(server.posted("/v1/completions")) == 1  # the 404 is asked once per backend
    messages = server.posted("/v1/chat/completions")[0].json()["messages"]
    assert messages[0]["role"] == "system" and "Continue" in messages[0]["content"]
    assert messages[1] == {"role": "user", "content": "The lamps along the river"}


def test_a_server_refusing_stream_options_is_asked_again_without(server: BadServer) -> None:
    answers = iter(
        [
            json_reply(422, {"detail": [{"loc": ["body", "stream_options"], "msg": "Extra inputs are not permitted"}]}),
            sse(HAPPY_CHAT),
            sse(HAPPY_CHAT),
        ]
    )
    server.routes["POST /v1/chat/completions"] = lambda conn: next(answers)(conn)
    backend = backend_for(server)
    assert run(backend, chat_request())[0].text == "Hello, world!"
    assert run(backend, chat_request())[0].text == "Hello, world!"
    sent = [r.json() for r in server.posted("/v1/chat/completions")]
    assert ["stream_options" in body for body in sent] == [True, False, False]


def test_a_whole_json_answer_from_a_server_that_ignores_stream_is_accepted(server: BadServer) -> None:
    reply = {"choices": [{"message": {"role": "assistant", "content": "All at once."}, "finish_reason": "stop"}]}
    server.routes["POST /v1/chat/completions"] = json_reply(200, reply)
    done, pieces = run(backend_for(server), chat_request())
    assert pieces == ["All at once."] and done.reason == "eos"


def test_long_continue_text_keeps_its_end_and_says_how_much_was_dropped(server: BadServer) -> None:
    server.routes["POST /v1/completions"] = sse([text_chunk(" end.", "stop")])
    text = " ".join(f"word{i}" for i in range(2000))  # ~4,000 estimated tokens
    done, _ = run(backend_for(server, context_length=1000), continue_request(text, Sampling.plain_greedy(100)))
    sent = server.posted("/v1/completions")[0].json()["prompt"]
    assert text.endswith(sent) and len(sent) < len(text) and sent.startswith("word")
    assert done.stats is not None and done.stats.prompt_tokens_dropped > 0


def test_too_long_chat_is_refused_before_anything_is_sent(server: BadServer) -> None:
    with pytest.raises(RemoteError) as caught:
        run(backend_for(server, context_length=500), chat_request("word " * 4000))
    assert caught.value.kind is FailureKind.CONTEXT_OVERFLOW and "Settings" in caught.value.message
    assert server.requests == []


def test_empty_input_is_refused(server: BadServer) -> None:
    with pytest.raises(RemoteError) as caught:
        run(backend_for(server), continue_request("   "))
    assert caught.value.kind is FailureKind.EMPTY_INPUT


def test_token_counts_are_estimates() -> None:
    backend = RemoteBackend("http://127.0.0.1:9/v1", MODEL)
    assert backend.count_tokens("") == 0 and backend.count_tokens("x" * 400) == 100
    assert backend.token_counts_exact is False


# -- errors ------------------------------------------------------------------------------------------------------
def test_nothing_listening_is_explained() -> None:
    backend = RemoteBackend(f"http://127.0.0.1:{closed_port()}/v1", MODEL)
    error = failure(backend)
    assert error.kind is FailureKind.NETWORK and "refused" in error.message and "Start the server" in error.message
    assert not error.reached


@pytest.mark.parametrize(
    ("handler", "api_key", "kind", "words"),
    [
        (json_reply(401, {"error": {"message": "Missing API key"}}), None, FailureKind.NETWORK, "needs an API key"),
        (json_reply(401, {"error": "invalid key"}), "sk-wrong", FailureKind.NETWORK, "rejected the API key"),
        (text_reply(403, "<html><h1>403 Forbidden</h1></html>"), "sk-1", FailureKind.NETWORK, "403 Forbidden"),
        (
            json_reply(404, {"error": {"message": 'model "test-model" not found, try pulling it first'}}),
            None,
            FailureKind.MODEL_NOT_FOUND,
            "It offers: test-model, other-model",
        ),
        (
            json_reply(400, {"detail": "Server is pinned to '/models/x'; requested 'test-model'."}),
            None,
            FailureKind.MODEL_NOT_FOUND,
            "no model named “test-model”",
        ),
        (
            json_reply(400, {"error": {"message": "This model's maximum context length is 2048 tokens."}}),
            None,
            FailureKind.CONTEXT_OVERFLOW,
            "too long",
        ),
        (json_reply(500, {"error": "CUDA error: device-side assert"}), None, FailureKind.NETWORK, "internal error"),
        (text_reply(502, "<html><body>Bad gateway</body></html>"), None, FailureKind.NETWORK, "unavailable"),
        (text_reply(200, "<!doctype html><title>Welcome</title>"), None, FailureKind.NETWORK, "could not be read"),
        (garbage(), None, FailureKind.NETWORK, "does not speak HTTP"),
        (sse(["{not json"]), None, FailureKind.NETWORK, "could not be read"),
        (sse([chat_chunk("Hel"), {"error": "boom"}]), None, FailureKind.NETWORK, "reported an error"),
        (sse([chat_chunk("Hel"), chat_chunk("lo")]), None, FailureKind.NETWORK, "was cut off"),
        (sse([chat_chunk("Hel")], chunked=True, then="cut"), None, FailureKind.NETWORK, "broke before"),
        (sse([]), None, FailureKind.NETWORK, "could not be read"),
    ],
    ids=[
        "401-no-key",
        "401-bad-key",
        "403-html",
        "404-model",
        "400-pinned",
        "400-context",
        "500-json",
        "502-html",
        "200-html",
        "not-http",
        "bad-event-json",
        "error-event",
        "truncated",
        "truncated-chunk",
        "empty-stream",
    ],
)
def test_server_failures_are_explained(
    server: BadServer, handler: object, api_key: str | None, kind: FailureKind, words: str
) -> None:
    server.routes["POST /v1/chat/completions"] = handler  # type: ignore[assignment]
    error = failure(backend_for(server, api_key=api_key))
    assert error.kind is kind and words in error.message, error.message
    assert error.detail  # the raw story goes to the log


def test_server_words_are_quoted_but_web_pages_are_not(server: BadServer) -> None:
    server.routes["POST /v1/chat/completions"] = json_reply(500, {"error": {"message": "CUDA out of memory"}})
    assert "“CUDA out of memory”" in failure(backend_for(server)).message
    server.routes["POST /v1/chat/completions"] = text_reply(500, "<html><body><h1>Oops</h1></body></html>")
    assert "Oops" not in failure(backend_for(server)).message


def test_no_answer_at_all_times_out_plainly(server: BadServer) -> None:
    server.routes["POST /v1/chat/completions"] = hang()
    error = failure(backend_for(server, response_timeout=0.3))
    assert "sent no text within 0.3 s" in error.message
    assert server.client_closed.wait(10)  # and the connection was closed, not left hanging


def test_a_stream_that_stalls_mid_answer_times_out_plainly(server: BadServer) -> None:
    server.routes["POST /v1/chat/completions"] = sse([chat_chunk("Hel")], then="stall")
    error = failure(backend_for(server, stall_timeout=0.3))
    assert "stopped sending in the middle of the answer" in error.message
    assert server.client_closed.wait(10)


# -- cancel ------------------------------------------------------------------------------------------------------
def test_stop_mid_stream_closes_the_connection(server: BadServer) -> None:
    cancel, both_shown = threading.Event(), threading.Event()

    def press_stop() -> None:
        both_shown.wait(10)
        cancel.set()  # while the client waits for more bytes, which never come

    server.routes["POST /v1/chat/completions"] = sse(
        [chat_chunk("Once"), chat_chunk(" upon")], then="stall", after=press_stop
    )
    pieces: list[str] = []

    def take(piece: str) -> None:
        pieces.append(piece)
        if len(pieces) == 2:
            both_shown.set()

    done = backend_for(server).stream(chat_request(), take, cancel)
    assert done.cancelled and done.stopped_in == "decode" and done.text == "Once upon" == "".join(pieces)
    assert server.client_closed.wait(10)


def test_stop_while_waiting_for_the_first_byte_closes_the_connection(server: BadServer) -> None:
    cancel = threading.Event()
    server.routes["POST /v1/chat/completions"] = hang(on_request=cancel.set)
    done, pieces = run(backend_for(server), chat_request(), cancel)
    assert done.cancelled and done.stopped_in == "prefill" and pieces == [] and done.text == ""
    assert server.client_closed.wait(10)


def test_stop_before_sending_sends_nothing(server: BadServer) -> None:
    cancel = threading.Event()
    cancel.set()
    done, _ = run(backend_for(server), chat_request(), cancel)
    assert done.cancelled and server.requests == []


def test_no_text_is_delivered_after_stop(server: BadServer) -> None:
    cancel = threading.Event()
    server.routes["POST /v1/chat/completions"] = sse([chat_chunk(str(i)) for i in range(50)], then="stall")
    pieces: list[str] = []

    def take(piece: str) -> None:
        pieces.append(piece)
        if len(pieces) == 3:
            cancel.set()  # pressed while the rest of the burst is already in the client's buffers

    done = backend_for(server).stream(chat_request(), take, cancel)
    assert done.cancelled and pieces == ["0", "1", "2"] and done.text == "012"
    assert server.client_closed.wait(10)


# -- "Test connection" ---------------------------------------------------------------------------------------------
def test_connection_report_when_all_is_well(server: BadServer) -> None:
    report = remote.test_connection(server.base_url, None, MODEL, timeout=5)
    assert report.ok and report.reachable and report.model_present is True
    assert report.latency_ms is not None and report.models == (MODEL, "other-model")
    assert report.message.startswith("Connected in") and report.warning is None


def test_connection_report_names_the_models_when_the_chosen_one_is_missing(server: BadServer) -> None:
    report = remote.test_connection(server.base_url, None, "gpt-7", timeout=5)
    assert not report.ok and report.reachable and report.model_present is False
    assert "gpt-7" in report.message and "test-model, other-model" in report.message


@pytest.mark.parametrize(
    ("routes", "reachable", "words"),
    [
        ({}, True, "usually ends in /v1"),
        ({"GET /v1/models": json_reply(401, {"error": "no key"})}, True, "needs an API key"),
        (None, False, "refused"),
    ],
)
def test_connection_report_on_failure(routes: dict[str, object] | None, reachable: bool, words: str) -> None:
    if routes is None:
        report = remote.test_connection(f"http://127.0.0.1:{closed_port()}/v1", None, MODEL, timeout=5)
    else:
        with BadServer(routes) as server:  # type: ignore[arg-type]
            report = remote.test_connection(server.base_url, None, MODEL, timeout=5)
    assert not report.ok and report.reachable is reachable and words in report.message
    assert_plain(report.message)


def test_connection_report_on_a_bad_address() -> None:
    report = remote.test_connection("localhost:11434", "key", MODEL)
    assert not report.ok and not report.reachable and "http://" in report.message
