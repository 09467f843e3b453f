"""`inkwell summarize [FILE]` and `inkwell translate --to LANG [FILE]`: the panes' engine without a window.

Same plan (app.engine.chunking) and prompts (app.engine.task_prompts) as the GUI; the model runs in this
process, as for `inkwell generate` (app.headless), or on an OpenAI-compatible server with --base-url. stdout carries
only the result, streamed; progress goes to stderr with -v; errors are one plain line on stderr and a non-zero exit
status.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.engine import language as languages
from app.engine.chunking import Count, PlanError, SummaryRun, plan_summary, translation_segments
from app.engine.requests import Done, Failure, ModelInfo, ModelSpec, Request
from app.engine.task_prompts import (
    LENGTHS,
    SummaryOptions,
    Task,
    TranslationStream,
    capability_note,
    summary_budget,
    summary_request,
    translate,
    translation_max_new_tokens,
    translation_prompt_tokens,
    translation_segment_tokens,
)
from app.headless import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    _say,
    add_remote_options,
    load_local,
    load_remote,
    remote_options_problem,
    spec_from_options,
)
from app.store import encodings
from app.store.textfile import TextFileError, read_text, text_from_bytes

TEXT_COMMANDS = ("summarize", "translate")
STYLE_NAMES = {"prose": "prose", "bullets": "bullets", "key-points": "key_points"}


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="a text or Markdown file; omitted: read standard input")
    parser.add_argument("--model", default="", help="model folder, .gguf file or Hugging Face id (default: embedded)")
    parser.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:N or mps (default: auto)")
    parser.add_argument("--dtype", default="auto", choices=["auto", "bfloat16", "float16", "float32"])
    parser.add_argument("--threads", type=int, default=None, help="CPU threads for the model")
    parser.add_argument("-v", "--verbose", action="store_true", help="show loading, progress and stats on stderr")
    add_remote_options(parser)


def command_parser(name: str) -> argparse.ArgumentParser:
    codes = ", ".join(language.code for language in languages.LANGUAGES)
    if name == "summarize":
        parser = argparse.ArgumentParser(
            prog="inkwell summarize",
            description="Summarize FILE (or standard input). Texts longer than the model's context are summarized "
            "part by part, then the part summaries are combined.",
        )
        _model_options(parser)
        parser.add_argument("--length", default="paragraph", choices=LENGTHS, help="default: paragraph")
        parser.add_argument("--style", default="prose", choices=sorted(STYLE_NAMES), help="default: prose")
        parser.add_argument(
            "--language", default="", help=f"write the summary in this language (default: the text's own): {codes}"
        )
        parser.add_argument("--part-tokens", type=int, default=None, help="largest part, in tokens (default: fit)")
        parser.add_argument("--seed", type=int, default=None, help="random seed for reproducible sampling")
        return parser
    parser = argparse.ArgumentParser(
        prog="inkwell translate",
        description="Translate FILE (or standard input) block by block, keeping its Markdown: code blocks are "
        "copied unchanged.",
    )
    _model_options(parser)
    parser.add_argument("--to", required=True, metavar="LANG", help=f"target language: {codes} (or its name)")
    parser.add_argument("--from", dest="source", default="", metavar="LANG", help="source language (default: detect)")
    return parser


def _read(path: str | None, verbose: bool = False) -> str | None:
    if path is not None and path.lower().endswith(".docx"):
        from app.store.docx_io import import_docx

        return import_docx(Path(path))  # its text as Markdown, never the zip's bytes; a broken one is refused
    if path is not None and path != "-":
        loaded = read_text(Path(path), allow_fallback=True)  # as the editor reads it: GBK, Big5... recognised
        if verbose:
            _say(f"read {Path(path).name} as {encodings.label(loaded.encoding)}")
        return loaded.text
    if sys.stdin is None or sys.stdin.isatty():
        return None
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:
        return sys.stdin.read()  # a text stream without bytes underneath (an embedding program's)
    loaded = text_from_bytes(raw.read(), Path("standard input"), allow_fallback=True)
    if verbose:
        _say(f"read standard input as {encodings.label(loaded.encoding)}")
    return loaded.text


def _language(name: str, option: str) -> languages.Language:
    found = languages.find_language(name)
    if found is None:
        codes = ", ".join(language.code for language in languages.LANGUAGES)
        raise _UsageError(f"{option}: unknown language {name!r}. Choose one of: {codes}.")
    return found


class _UsageError(Exception):
    pass


def run_text_command(argv: list[str]) -> int:
    name, rest = argv[0], argv[1:]
    if name not in TEXT_COMMANDS:
        _say(f"unknown command {name!r}.")
        return EXIT_USAGE
    options = command_parser(name).parse_args(rest)
    try:
        target = _language(options.to, "--to") if name == "translate" else None
        source = _language(options.source, "--from") if name == "translate" and options.source else None
        summary_language = (
            _language(options.language, "--language") if name == "summarize" and options.language else None
        )
        if name == "summarize" and options.part_tokens is not None and options.part_tokens < 32:
            raise _UsageError("--part-tokens must be at least 32.")
        problem = remote_options_problem(options)
        if problem:
            raise _UsageError(problem)
        text = _read(options.file, options.verbose)
    except _UsageError as error:
        _say(str(error))
        return EXIT_USAGE
    except (OSError, TextFileError) as error:
        _say(str(error))
        return EXIT_FAILURE
    if text is None:
        _say("give a FILE, or the text on standard input.")
        return EXIT_USAGE
    if not text.strip():
        _say("nothing to do: the input is empty.")
        return EXIT_USAGE

    from app.logging_setup import setup_logging
    from app.paths import AppPaths

    paths = AppPaths.default().ensure()
    setup_logging(paths.logs / "cli.log")
    logging.captureWarnings(True)
    warnings.simplefilter("ignore")
    verbose = options.verbose

    spec = spec_from_options(options)
    loaded = _load(spec, options.threads, verbose)
    if isinstance(loaded, Failure):
        _say(loaded.message)
        logging.getLogger(__name__).warning("%s: %s", loaded.kind.value, loaded.detail)
        return EXIT_FAILURE
    backend, info = loaded
    count = _counter(spec, backend)
    try:
        if name == "summarize":
            summary_options = SummaryOptions(
                length=options.length,
                style=STYLE_NAMES[options.style],  # type: ignore[arg-type]
                language=summary_language.code if summary_language else "",
                seed=options.seed,
            )
            return _summarize(backend, info, count, text, summary_options, options.part_tokens, verbose)
        assert target is not None
        return _translate(backend, info, count, text, target, source, verbose)
    except KeyboardInterrupt:
        print(file=sys.stdout, flush=True)
        _say("stopped.")
        return EXIT_INTERRUPTED


def _counter(spec: ModelSpec, backend: Any) -> Count:
    """How texts are measured for planning: the model's own tokenizer, or for a server (whose tokenizer is not
    here) the same estimate on the high side as the panes use, so no part overfills the server's context."""
    if spec.is_remote:
        from app.engine.token_count import conservative_count

        return conservative_count
    count: Count = backend.count_tokens
    return count


def _load(spec: ModelSpec, threads: int | None, verbose: bool) -> tuple[Any, ModelInfo] | Failure:
    from app.engine.errors import failure_from_exception

    if spec.is_remote:
        if verbose:
            _say(f"connecting to {spec.base_url}")
        try:
            return load_remote(spec)
        except Exception as exc:
            return failure_from_exception(exc)
    return load_local(spec, threads, verbose)


def _write(piece: str) -> None:
    sys.stdout.write(piece)
    sys.stdout.flush()


def _generate(backend: Any, request: Request, on_text: Callable[[str], None]) -> Done | Failure:
    from app.engine.errors import failure_from_exception

    try:
        done: Done = backend.stream(request, on_text, threading.Event())
    except Exception as exc:
        return failure_from_exception(exc, request.id)
    return done


def _summarize(
    backend: Any,
    info: ModelInfo,
    count: Count,
    text: str,
    options: SummaryOptions,
    part_tokens: int | None,
    verbose: bool,
) -> int:
    task: Task = "summarize_other_language" if options.language not in ("", "en") else "summarize"
    note = capability_note(info.name, task)
    if note:
        _say(note)
    try:
        plan = plan_summary(text, count, summary_budget(info.context_length, options, count, part_tokens=part_tokens))
    except PlanError as error:
        _say(str(error))
        return EXIT_FAILURE
    text_language = None if options.language else languages.detect(text[:3000]).code
    if verbose and not plan.single_pass:
        _say(f"{plan.text_tokens:,} tokens: {plan.parts} parts, {plan.total_steps - plan.parts} combining steps.")
    run = SummaryRun(plan, text)
    wrote: list[str] = []

    def final_piece(piece: str) -> None:
        if not wrote:
            piece = piece.lstrip()
        if piece:
            wrote.append(piece)
            _write(piece)

    try:
        while (step := run.next_step()) is not None:
            if verbose and not plan.single_pass:
                if step.level == 0:
                    _say(f"part {step.index + 1} of {step.of}")
                elif step.final:
                    _say(f"writing the summary from {plan.parts} part summaries")
                else:
                    _say(f"combining part summaries: {step.index + 1} of {step.of}")
            request = summary_request(run, step, options, text_language=text_language, source="cli")
            result = _generate(backend, request, final_piece if step.final else _ignore)
            if isinstance(result, Failure):
                if wrote:
                    print(flush=True)
                _say(result.message)
                return EXIT_FAILURE
            run.accept(step, result.text, cut_off=result.reason == "length")
    except KeyboardInterrupt:
        partial, covered = run.partial()
        if not wrote and partial:
            _write(partial + "\n")
            _say(f"stopped: partial summary of parts 1–{covered} of {plan.parts}.")
        else:
            print(flush=True)
            _say("stopped.")
        return EXIT_INTERRUPTED
    if not wrote:
        _say("the model wrote no summary; try again, or another model (--model).")
        return EXIT_FAILURE
    if not "".join(wrote).endswith("\n"):
        print(flush=True)
    return 0


def _ignore(piece: str) -> None:
    pass


def _translate(
    backend: Any,
    info: ModelInfo,
    count: Count,
    text: str,
    target: languages.Language,
    source: languages.Language | None,
    verbose: bool,
) -> int:
    note = capability_note(info.name, "translate")
    if note:
        _say(note)
    if source is None:
        detection = languages.detect(text)
        source = detection.language
        if verbose:
            found = source.english if source else languages.REASONS.get(detection.reason, "")
            _say(f"source language: {found}")
        mixed = detection.mixed
    else:
        mixed = False
    if source is not None and source.code == target.code and not mixed:
        _say(f"the text is already in {target.english}; it is copied unchanged.")
        _write(text)
        return 0
    prompt_tokens = translation_prompt_tokens(count)
    limit = translation_segment_tokens(info.context_length, prompt_tokens)
    segments = translation_segments(text, limit, count)
    total = sum(1 for s in segments if s.translatable)
    done = 0
    for segment in segments:
        if not segment.translatable:
            _write(segment.text)
            continue
        done += 1
        if verbose and total > 1:
            _say(f"part {done} of {total}")
        stream = TranslationStream(segment)
        _write(segment.prefix)
        max_new = translation_max_new_tokens(count(segment.text), info.context_length, prompt_tokens)
        request = translate(segment, target, source, max_new_tokens=max_new, source="cli")
        result = _generate(backend, request, lambda piece, stream=stream: _write(stream.feed(piece)))  # type: ignore[misc]
        if isinstance(result, Failure):
            print(flush=True)
            _say(result.message)
            return EXIT_FAILURE
        _write(stream.finish())
    return 0


if __name__ == "__main__":
    sys.exit(run_text_command(sys.argv[1:]))
