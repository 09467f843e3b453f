"""`inkwell generate` and `inkwell chat`: the engine without a window.

The model runs in this process (no GUI to keep responsive). stdout carries only the model's text; progress,
stats and errors go to stderr, errors as one plain line and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import warnings
from typing import TYPE_CHECKING, Any, TextIO

from app.engine.requests import (
    Done,
    Failure,
    LoadProgress,
    ModelInfo,
    ModelSpec,
    RawText,
    Request,
    Sampling,
)

if TYPE_CHECKING:
    from app.engine.backends.remote import RemoteBackend

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def command_parser(name: str) -> argparse.ArgumentParser:
    about = {
        "generate": "Continue TEXT exactly as written (no chat template, no system prompt).",
        "chat": "Answer TEXT as a chat message, using the model's chat template.",
    }[name]
    parser = argparse.ArgumentParser(prog=f"inkwell {name}", description=about + " Reads stdin when TEXT is absent.")
    parser.add_argument("text", nargs="?", help="the input; omitted: read standard input")
    parser.add_argument("--model", default="", help="model folder, .gguf file or Hugging Face id (default: embedded)")
    parser.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:N or mps (default: auto)")
    parser.add_argument("--dtype", default="auto", choices=["auto", "bfloat16", "float16", "float32"])
    parser.add_argument("--max-new-tokens", type=int, default=256, help="most tokens to generate (default: 256)")
    parser.add_argument("--temperature", type=float, default=0.7, help="sampling temperature (default: 0.7)")
    parser.add_argument("--seed", type=int, default=None, help="random seed for reproducible sampling")
    parser.add_argument("--greedy", action="store_true", help="plain greedy decoding: no sampling, no penalties")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads for the model")
    parser.add_argument("-v", "--verbose", action="store_true", help="show loading progress and stats on stderr")
    add_remote_options(parser)
    return parser


def add_remote_options(parser: argparse.ArgumentParser) -> None:
    """The remote-server options, shared by every command that runs a model (`generate`, `chat`, `summarize`,
    `translate`)."""
    remote = parser.add_argument_group("remote server (OpenAI-compatible: Ollama, vLLM, LM Studio, llama.cpp, ...)")
    remote.add_argument("--base-url", default="", help="the server's base URL, ending in /v1")
    remote.add_argument("--remote-model", default="", help="the model name to ask the server for")
    remote.add_argument("--api-key-env", default="", help="the environment variable that holds the API key")
    remote.add_argument("--context-length", type=int, default=4096, help="the server model's context (tokens)")


def remote_options_problem(options: argparse.Namespace) -> str:
    """What is wrong with the model and remote-server options, in plain words; "" when nothing is."""
    if options.base_url and (options.model or options.device != "auto"):
        return "--model and --device choose a local model; with --base-url use --remote-model."
    if options.api_key_env and not os.environ.get(options.api_key_env, ""):
        return f"the environment variable {options.api_key_env} is not set; it should hold the server's API key."
    return ""


def spec_from_options(options: argparse.Namespace) -> ModelSpec:
    """The model the options name: the server's with --base-url, else a local one. Check remote_options_problem
    first."""
    if options.base_url:
        api_key = os.environ.get(options.api_key_env, "") if options.api_key_env else ""
        return ModelSpec(
            ref=options.remote_model, base_url=options.base_url, context_length=options.context_length, api_key=api_key
        )
    return ModelSpec(ref=options.model, device=options.device, dtype=options.dtype)


def _say(message: str, stream: TextIO | None = None) -> None:
    print(f"inkwell: {message}", file=stream or sys.stderr, flush=True)


def _read_input(text: str | None) -> str | None:
    if text is not None:
        return text
    if sys.stdin is None or sys.stdin.isatty():
        return None
    return sys.stdin.read()


def run_command(argv: list[str]) -> int:
    name, rest = argv[0], argv[1:]
    options = command_parser(name).parse_args(rest)
    text = _read_input(options.text)
    if text is None:
        _say("give the text as an argument or on standard input.")
        return EXIT_USAGE
    if not text.strip():
        _say("nothing to do: the input is empty.")
        return EXIT_USAGE
    if options.max_new_tokens < 1:
        _say("--max-new-tokens must be at least 1.")
        return EXIT_USAGE
    if options.temperature <= 0 and not options.greedy:
        _say("--temperature must be above 0 (use --greedy for deterministic output).")
        return EXIT_USAGE
    problem = remote_options_problem(options)
    if problem:
        _say(problem)
        return EXIT_USAGE

    from app.logging_setup import setup_logging
    from app.paths import AppPaths

    paths = AppPaths.default().ensure()
    setup_logging(paths.logs / "cli.log")
    logging.captureWarnings(True)
    warnings.simplefilter("ignore")
    verbose = options.verbose or sys.stderr.isatty()

    if options.greedy:
        sampling = Sampling.plain_greedy(options.max_new_tokens)
    else:
        sampling = Sampling(max_new_tokens=options.max_new_tokens, temperature=options.temperature, seed=options.seed)
    if name == "generate":
        request = Request(task="generate", prompt=RawText(text), sampling=sampling, source="cli")
    else:
        from app.engine import prompts

        request = prompts.chat(text, sampling, source="cli")
    spec = spec_from_options(options)
    try:
        result = _run(spec, request, options.threads, verbose)
    except KeyboardInterrupt:
        print(file=sys.stdout, flush=True)
        _say("stopped.")
        return EXIT_INTERRUPTED
    if isinstance(result, Failure):
        _say(result.message)
        logging.getLogger(__name__).warning("%s: %s", result.kind.value, result.detail)
        return EXIT_FAILURE
    if name == "chat" and not result.text.endswith("\n"):
        print(flush=True)
    if verbose and result.stats:
        s = result.stats
        print(
            f"[{s.new_tokens} tokens, {s.tokens_per_s:.1f} tokens/s, first token after {s.ttft_ms:.0f} ms]",
            file=sys.stderr,
        )
    return 0


def load_remote(spec: ModelSpec) -> tuple[RemoteBackend, ModelInfo]:
    """Connect to the server `spec` names and check that it has the model, after the warning about a plain-http
    remote URL with a key if there is one to give. Raises what the backend raises (make it one line with
    failure_from_exception)."""
    from app.engine.backends.remote import RemoteBackend, remote_url_warning

    warning = remote_url_warning(spec.base_url, bool(spec.api_key))
    if warning:
        _say(warning)
    backend = RemoteBackend(
        spec.base_url, spec.ref, api_key=spec.api_key or None, context_length=spec.context_length or 4096
    )
    info = backend.load(spec, lambda _progress: None)
    return backend, info


def _run_remote(spec: ModelSpec, request: Request) -> Done | Failure:
    from app.engine.errors import failure_from_exception

    try:
        backend, _info = load_remote(spec)

        def write(piece: str) -> None:
            sys.stdout.write(piece)
            sys.stdout.flush()

        return backend.stream(request, write, threading.Event())
    except Exception as exc:
        return failure_from_exception(exc, request.id)


def load_local(spec: ModelSpec, threads: int | None, verbose: bool) -> tuple[Any, ModelInfo] | Failure:
    """Load a local model in this process, with one self-overwriting progress line on stderr when `verbose`."""
    from app.engine.errors import failure_from_exception
    from app.paths import AppPaths

    try:
        import torch

        from app.engine.backends.local import LocalBackend, configure_quiet_transformers
    except Exception as exc:  # a broken install: say so in one line
        return failure_from_exception(exc)
    configure_quiet_transformers()
    if threads:
        torch.set_num_threads(threads)

    last = {"line": ""}

    def progress(update: LoadProgress) -> None:
        if not verbose:
            return
        pct = f" {update.fraction:.0%}" if update.fraction is not None else ""
        line = f"{update.message}{pct}"
        if line != last["line"]:
            last["line"] = line
            print(f"\r{line:<70}", end="", file=sys.stderr, flush=True)

    backend = LocalBackend(AppPaths.default().models)
    try:
        info = backend.load(spec, progress)
    except Exception as exc:
        if last["line"]:
            print(file=sys.stderr)
        return failure_from_exception(exc)
    if last["line"]:
        print("\r" + " " * 72 + "\r", end="", file=sys.stderr, flush=True)
    return backend, info


def _run(spec: ModelSpec, request: Request, threads: int | None, verbose: bool) -> Done | Failure:
    from app.engine.errors import failure_from_exception

    if spec.is_remote:
        return _run_remote(spec, request)
    loaded = load_local(spec, threads, verbose)
    if isinstance(loaded, Failure):
        return loaded
    backend, _info = loaded

    def write(piece: str) -> None:
        sys.stdout.write(piece)
        sys.stdout.flush()

    try:
        return backend.stream(request, write, threading.Event())
    except Exception as exc:
        return failure_from_exception(exc, request.id)
