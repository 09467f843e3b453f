"""Data types, prompts, error classification and cancellation tokens: pure logic."""

from __future__ import annotations

import dataclasses
import pickle
import threading

import pytest

from app.engine import prompts
from app.engine.errors import EngineError, classify, failure_from_exception
from app.engine.requests import Chat, Done, FailureKind, Message, RawText, Request, Sampling, Stats
from app.worker.cancel import CancelToken
from app.worker.host_process import SharedFlag


def test_requests_are_frozen_picklable_and_uniquely_numbered() -> None:
    a = prompts.continue_writing("Some text", Sampling())
    b = prompts.continue_writing("Some text", Sampling())
    assert a.id != b.id
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.task = "other"  # type: ignore[misc]
    done = Done(a.id, "text", "length", Stats(3, 5, 10.0, 20.0, 100.0))
    assert pickle.loads(pickle.dumps(done)) == done
    assert pickle.loads(pickle.dumps(a)) == a


def test_plain_greedy_has_no_penalty() -> None:
    s = Sampling.plain_greedy(64)
    assert s.greedy and s.repetition_penalty == 1.0 and s.max_new_tokens == 64


def test_continue_prompt_is_the_text_itself_trimmed_to_the_nearest_part() -> None:
    long_text = "x" * (prompts.CONTINUE_CONTEXT_CHARS + 500) + "the end"
    request = prompts.continue_writing(long_text, Sampling())
    assert isinstance(request.prompt, RawText) and request.prompt.keep_tail
    assert request.prompt.text.endswith("the end")
    assert len(request.prompt.text) == prompts.CONTINUE_CONTEXT_CHARS
    assert request.task == "continue" and request.source == "editor"


def test_chat_prompt_has_system_then_user() -> None:
    request = prompts.chat("Why?", Sampling(), system="Be brief.")
    assert isinstance(request.prompt, Chat)
    assert request.prompt.messages == (Message("system", "Be brief."), Message("user", "Why?"))


def test_plain_chat_fallback_ends_with_the_assistant_turn() -> None:
    text = prompts.render_plain_chat([Message("system", "S"), Message("user", "U")])
    assert text == "System: S\n\nUser: U\n\nAssistant:"


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (MemoryError(), FailureKind.OUT_OF_MEMORY),
        (RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB"), FailureKind.OUT_OF_MEMORY),
        (
            ValueError("Loading this model requires you to execute custom code; set trust_remote_code=True"),
            FailureKind.NEEDS_REMOTE_CODE,
        ),
        (
            ValueError("The checkpoint has model type `x` but Transformers does not recognize this architecture"),
            FailureKind.UNSUPPORTED_MODEL,
        ),
        (OSError("Error while deserializing header: HeaderTooLarge"), FailureKind.CORRUPT_MODEL),
        (OSError("We couldn't connect to 'https://huggingface.co' to load the files"), FailureKind.NETWORK),
        (FileNotFoundError("config.json"), FailureKind.MODEL_NOT_FOUND),
    ],
)
def test_known_exceptions_become_plain_failures(exc: BaseException, kind: FailureKind) -> None:
    failure = failure_from_exception(exc, request_id=7)
    assert failure.kind is kind and failure.request_id == 7
    assert failure.message and "Traceback" not in failure.message


def test_unknown_exception_keeps_the_traceback_for_diagnostics_only() -> None:
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        failure = failure_from_exception(exc)
    assert classify(ZeroDivisionError("boom")) is None
    assert failure.kind is FailureKind.INTERNAL
    assert "Traceback" in failure.detail and "Traceback" not in failure.message


def test_engine_error_keeps_its_words() -> None:
    failure = failure_from_exception(EngineError(FailureKind.EMPTY_INPUT, "Nothing here."))
    assert failure.message == "Nothing here." and failure.kind is FailureKind.EMPTY_INPUT


def test_cancel_before_bind_means_never_sent() -> None:
    token, flag = CancelToken(), SharedFlag()
    token.cancel()
    assert token.cancelled and not token.bind(flag)
    assert not flag.is_set()


def test_cancel_after_bind_reaches_the_host_flag_and_unbind_detaches() -> None:
    token, flag = CancelToken(), SharedFlag()
    flag.set()  # left over from the previous request
    assert token.bind(flag)
    assert not flag.is_set()  # binding starts the request with a clear flag
    token.cancel(superseded=True)
    assert flag.is_set() and token.superseded
    other = CancelToken()
    assert other.bind(flag) and not flag.is_set()
    token.unbind()
    token.cancel()
    assert not flag.is_set()  # a finished request's token no longer reaches the flag


def test_cancel_from_another_thread_is_seen() -> None:
    token, flag = CancelToken(), SharedFlag()
    assert token.bind(flag)
    thread = threading.Thread(target=token.cancel)
    thread.start()
    thread.join()
    assert flag.is_set() and token.wait(0)


def test_requests_default_to_the_editor_source() -> None:
    assert Request("continue", RawText("x")).source == "editor"
