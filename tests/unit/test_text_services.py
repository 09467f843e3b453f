"""The text-services process: answers in order, raises the job's own errors, survives a crash, and ends cleanly."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engine import text_jobs
from app.engine.token_count import TokenCounter
from app.store.textfile import TextFileError
from app.worker.text_services import InlineTextServices, TextServices, TextServicesBusy, TextServicesError


@pytest.fixture
def services() -> Iterator[TextServices]:
    services = TextServices()
    yield services
    services.close()


def test_jobs_run_in_the_child_and_give_the_same_answers_as_here(services: TextServices, tiny_model_dir: Path) -> None:
    texts = ["Once upon a time", "a river rose in spring", ""]
    here = TokenCounter(tiny_model_dir).count_many(texts)
    assert services.run(text_jobs.count_tokens, str(tiny_model_dir), texts) == here
    assert services.pid is not None and services.pid != os.getpid()
    detection = services.run(text_jobs.detect_language, "Der Fluss stieg im Frühling, und im Sommer war alles grün.")
    assert detection.code == "de"


def test_a_jobs_error_arrives_as_itself_with_its_translatable_template(services: TextServices, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(TextFileError) as raised:
        services.run(text_jobs.read_docx, broken)
    assert raised.value.params == {"name": "broken.docx"}
    assert "{name}" in raised.value.template
    # The process is still there for the next call.
    assert services.run(text_jobs.count_tokens, None, ["x"])[0].tokens == 1


def test_a_crashed_process_is_started_again_for_the_next_call(services: TextServices) -> None:
    services.start()
    first = services.pid
    services.kill()
    assert services.run(text_jobs.count_tokens, None, ["four words of text"])[0].tokens > 0
    assert services.starts == 2 and services.pid != first


def test_a_job_that_kills_its_process_twice_is_reported_not_retried_forever(services: TextServices) -> None:
    with pytest.raises(TextServicesError, match="twice"):
        services.run(os._exit, 3)
    assert services.starts == 2


def test_the_gui_thread_gets_busy_instead_of_waiting(services: TextServices) -> None:
    with pytest.raises(TextServicesBusy):
        services.run_if_free(text_jobs.count_tokens, None, ["not started yet"])
    services.start()
    assert services.run_if_free(text_jobs.count_tokens, None, ["started"])[0].tokens > 0
    # A counter for the GUI thread falls back to an estimate on the high side while the process is busy.
    counter = text_jobs.ServiceCounter(services.run_if_free, None)
    assert not counter.exact and counter.count("abc def").tokens >= 2


def test_closing_ends_the_process_and_a_waiting_call_fails_plainly(services: TextServices, tmp_path: Path) -> None:
    services.start()
    pid = services.pid
    assert pid is not None
    failures: list[BaseException] = []
    long_text = "word " * 2_000_000
    started = threading.Event()

    def count_a_lot() -> None:
        started.set()
        try:
            services.run(text_jobs.plan_summary_job, long_text, text_jobs.SummaryOptions(), "", 2048, None, 3000)
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=count_a_lot)
    thread.start()
    started.wait(5)
    services.close()
    thread.join(30)
    assert not thread.is_alive()
    assert len(failures) == 1 and isinstance(failures[0], TextServicesError)
    with pytest.raises(TextServicesError):
        services.run(text_jobs.count_tokens, None, ["closed"])
    with pytest.raises(OSError):
        os.kill(pid, 0)  # gone, not an orphan


def test_inline_services_run_in_the_calling_thread() -> None:
    inline = InlineTextServices()
    assert inline.run(threading.get_ident) == threading.get_ident()
