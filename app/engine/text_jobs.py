"""The jobs the GUI hands to the text-services process (`app/worker/text_services.py`).

Each is a module-level function of picklable arguments, so it can be called there by reference. They tokenize,
detect languages, rank passages with BM25 and read or write Word files: work that holds the GIL and so must not
run in any thread of the GUI process. The caches below live in whichever process runs the jobs (the text-services
process for the window; the CLI's own process for the command line).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.engine import language as languages
from app.engine.chat_prompts import TooLong, TurnInputs, TurnPlan, build_turn
from app.engine.chunking import Count, Segment, SummaryPlan, plan_summary, translation_segments
from app.engine.task_prompts import (
    SummaryOptions,
    summary_budget,
    translation_prompt_tokens,
    translation_segment_tokens,
)
from app.engine.token_count import TokenCount, TokenCounter, conservative_count

_counters: dict[str, TokenCounter] = {}
_counters_lock = threading.Lock()


def counter_for(model_dir: str | None) -> TokenCounter:
    """The model's own tokenizer (tokenizer.json in its folder), loaded once; an estimating counter without one."""
    key = model_dir or ""
    with _counters_lock:
        counter = _counters.get(key)
        if counter is None:
            folder = key if key and Path(key).is_dir() else None
            counter = _counters[key] = TokenCounter(folder)
        return counter


def count_function(model_dir: str | None) -> Count:
    """Exact counts with the model's tokenizer; without one, counts on the high side, so a plan never overfills."""
    counter = counter_for(model_dir)
    if counter.exact:

        def exact(text: str) -> int:
            return counter.count(text).tokens

        return exact
    return conservative_count


def count_tokens(model_dir: str | None, texts: list[str]) -> list[TokenCount]:
    return counter_for(model_dir).count_many(texts) if texts else []


class ServiceCounter:
    """TokenCounter's interface for the GUI process: the counting happens where `run` sends it (the text-services
    process), the tokenizer is never loaded here. `run` is `Services.run`, or `Services.run_if_free` for the GUI
    thread, which must not wait behind a long job: a busy service gives an estimate on the high side instead."""

    def __init__(self, run: Callable[..., Any], model_dir: str | None) -> None:
        self._run = run
        self.model_dir = model_dir if model_dir and Path(model_dir).is_dir() else None
        self.exact = self.model_dir is not None and (Path(self.model_dir) / "tokenizer.json").is_file()

    def count(self, text: str) -> TokenCount:
        return self.count_many([text])[0]

    def count_many(self, texts: list[str]) -> list[TokenCount]:
        if not self.exact:
            return _ESTIMATOR.count_many(texts)  # no tokenizer (a server's model): the usual estimate, marked ≈
        try:
            counts: list[TokenCount] = self._run(count_tokens, self.model_dir, texts)
            return counts
        except RuntimeError:  # the service is busy, closing or gone: an estimate on the high side
            return [TokenCount(conservative_count(t), False) if t else TokenCount(0, False) for t in texts]


_ESTIMATOR = TokenCounter(None)


def detect_language(text: str) -> languages.Detection:
    return languages.detect(text)


@dataclass(frozen=True)
class PlannedSummary:
    plan: SummaryPlan
    text_language: str | None  # None: asked for a language, or could not tell


def plan_summary_job(
    text: str,
    options: SummaryOptions,
    model_dir: str,
    context_length: int,
    part_tokens: int | None,
    detect_chars: int,
) -> PlannedSummary:
    count = count_function(model_dir)
    budget = summary_budget(context_length, options, count, part_tokens=part_tokens)
    plan = plan_summary(text, count, budget)
    text_language = None if options.language else languages.detect(text[:detect_chars]).code
    return PlannedSummary(plan, text_language)


@dataclass(frozen=True)
class PreparedTranslation:
    detection: languages.Detection | None
    segments: tuple[Segment, ...]
    tokens: tuple[int, ...]  # per translatable segment
    prompt_tokens: int


def prepare_translation_job(
    text: str, model_dir: str, context_length: int, detect_chars: int | None
) -> PreparedTranslation:
    """Segments sized for the model; the source language too when `detect_chars` is given."""
    detection = languages.detect(text[:detect_chars]) if detect_chars is not None else None
    count = count_function(model_dir)
    prompt_tokens = translation_prompt_tokens(count)
    limit = translation_segment_tokens(context_length, prompt_tokens)
    segments = tuple(translation_segments(text, limit, count))
    tokens = tuple(count(s.text) for s in segments if s.translatable)
    return PreparedTranslation(detection, segments, tokens, prompt_tokens)


def build_turn_job(inputs: TurnInputs, model_dir: str) -> TurnPlan | TooLong:
    """A chat turn's prompt: counting, and for a long document BM25 ranking of its passages."""
    return build_turn(inputs, counter_for(model_dir))


# Above this many characters (both versions together) versions are compared line by line, not word by word.
WORD_DIFF_MAX_CHARS = 200_000


def history_diff_html(older: str, current: str, dark: bool) -> str:
    """An older version against the current text, as the review shows diffs (what was removed since, what added)."""
    from app.engine.diff import diff_html, line_diff, word_diff

    compare = word_diff if len(older) + len(current) <= WORD_DIFF_MAX_CHARS else line_diff
    return diff_html(compare(older, current), dark=dark)


def read_docx(path: Path) -> str:
    from app.store.docx_io import import_docx

    return import_docx(path)


def export_document(markdown: str, path: Path, kind: str, title: str) -> None:
    """Markdown to Markdown, plain text, HTML, Word or PDF. Text, HTML and PDF go through Qt's reading of the
    Markdown, which needs a QGuiApplication (fonts) in this process; the text-services process makes an offscreen
    one on first use."""
    if kind in ("txt", "html", "pdf"):
        _ensure_gui_application()
    from app.store.export import export

    export(markdown, path, kind, title)


def _ensure_gui_application() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        # The app object must outlive this call; Qt keeps the one instance for the life of the process.
        global _gui_application
        _gui_application = QGuiApplication(["inkwell-text-services", "-platform", "offscreen"])


_gui_application: object = None
