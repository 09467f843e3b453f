"""`inkwell models list | download ID | delete ID | path ID`: the Model manager without a window.

Results go to stdout (the table, a folder path); progress and errors go to stderr, errors as one plain line and a
non-zero exit status. ID is a catalog key (`qwen2.5-1.5b`), a Hugging Face id (`Qwen/Qwen2.5-1.5B-Instruct`),
`embedded`, or, for `path` and `delete`, the path of a folder or .gguf file added in the Model manager.
No torch, no transformers: this is file and network work only.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from app.engine.catalog import CATALOG, EMBEDDED, CatalogEntry, by_key, format_bytes, languages_text
from app.engine.downloads import (
    Downloader,
    DownloadError,
    DownloadProgress,
    format_eta,
    is_repo_id,
)
from app.paths import AppPaths
from app.secrets import HF_TOKEN, SecretStore
from app.store.model_library import EMBEDDED_KEY, LibraryEntry, ModelLibrary, ModelLibraryError, hub_key, path_key

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="inkwell models",
        description="List, download and delete models. Downloads resume where they stopped.",
    )
    commands = main.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands.add_parser("list", help="the built-in model, the recommended models, and the ones you have")
    download = commands.add_parser("download", help="download a model from Hugging Face (resumes a partial one)")
    download.add_argument("id", help="a key from `inkwell models list` or a Hugging Face id (owner/name)")
    download.add_argument(
        "--allow-pickle",
        action="store_true",
        help="allow pickled PyTorch weights (.bin) for this model when it has no safetensors (they can run code)",
    )
    download.add_argument(
        "--stall-seconds", type=float, default=20.0, help="retry when no data arrives for this long (default: 20)"
    )
    delete = commands.add_parser("delete", help="delete a downloaded model (or forget a folder you added)")
    delete.add_argument("id")
    where = commands.add_parser("path", help="print where a model is on disk")
    where.add_argument("id")
    return main


def run_models_command(argv: list[str], *, paths: AppPaths | None = None, secrets: SecretStore | None = None) -> int:
    """Entry point for `inkwell models ...`; `argv` excludes "models" itself."""
    try:
        options = parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has printed usage or help
        return EXIT_OK if exit_.code in (0, None) else EXIT_USAGE
    paths = (paths or AppPaths.default()).ensure()
    library = ModelLibrary.at(paths)
    try:
        if options.command == "list":
            return _list(library, sys.stdout)
        if options.command == "download":
            return _download(library, options.id, options.allow_pickle, options.stall_seconds, secrets)
        if options.command == "delete":
            return _delete(library, options.id)
        return _path(library, options.id)
    except ModelLibraryError as exc:
        return _fail(exc.message)
    except DownloadError as exc:
        return _fail(exc.message)


def _fail(message: str) -> int:
    print(f"inkwell: {message}", file=sys.stderr, flush=True)
    return EXIT_FAILURE


def _repo_for(model_id: str) -> str | None:
    entry = by_key(model_id)
    if entry is not None and not entry.embedded:
        return entry.repo_id
    return model_id if is_repo_id(model_id) else None


# -- list ---------------------------------------------------------------------------------------------------------


def _status(entry: CatalogEntry, library: ModelLibrary) -> str:
    if entry.embedded:
        return "ready" if library.embedded().usable else "not installed"
    found = library.find(hub_key(entry.repo_id))
    if found is None:
        return "gated: needs a token" if entry.gated else "-"
    if found.kind == "partial":
        share = found.size_bytes / found.total_bytes if found.total_bytes else 0
        return f"{share:.0%} downloaded"
    return f"downloaded, {format_bytes(found.size_bytes)}" if found.usable else "damaged"


def _list(library: ModelLibrary, out: TextIO) -> int:
    rows = [("ID", "NAME", "PARAMS", "DOWNLOAD", "RAM (CPU)", "GPU", "LANGUAGES", "LICENCE", "USES", "STATUS")]
    for entry in (EMBEDDED, *CATALOG):
        rows.append(
            (
                entry.key,
                entry.repo_id or entry.name,
                entry.params_text,
                "built in" if entry.embedded else format_bytes(entry.download_bytes),
                format_bytes(entry.ram_bytes),
                format_bytes(entry.vram_bytes),
                languages_text(entry, 3),
                entry.license + (" (gated)" if entry.gated else ""),
                ", ".join(entry.uses),
                _status(entry, library),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(), file=out)
    others: list[LibraryEntry] = [e for e in library.downloads() if e.catalog is None]
    if others:
        print("\nOther downloaded models:", file=out)
        for found in others:
            state = "" if found.usable else f"  ({found.problem})"
            print(f"  {found.repo_id}  {format_bytes(found.size_bytes)}  {found.path}{state}", file=out)
    added = library.user_added()
    if added:
        print("\nAdded by you:", file=out)
        for found in added:
            state = "" if found.usable else f"  ({found.problem})"
            print(f"  {found.path}  {found.kind}  {format_bytes(found.size_bytes)}{state}", file=out)
    print(f"\nDownloads are kept in {library.downloader.root}", file=out)
    return EXIT_OK


# -- download -----------------------------------------------------------------------------------------------------


class _ProgressPrinter:
    """One updating line on a terminal; otherwise a line per 5% and per change of state."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._lock = threading.Lock()
        self._last_step = -1
        self._last_state = ""
        self._last_print = 0.0

    def __call__(self, progress: DownloadProgress) -> None:
        with self._lock:
            line = self._line(progress)
            if self._tty:
                if time.monotonic() - self._last_print >= 0.2 or progress.state != self._last_state:
                    self._stream.write("\r\x1b[2K" + line)
                    self._stream.flush()
                    self._last_print = time.monotonic()
            else:
                step = int((progress.fraction or 0) * 20)
                if step != self._last_step or progress.state != self._last_state:
                    print(line, file=self._stream, flush=True)
                    self._last_step = step
            self._last_state = progress.state

    def finish(self) -> None:
        if self._tty and self._last_state:
            self._stream.write("\n")
            self._stream.flush()

    @staticmethod
    def _line(p: DownloadProgress) -> str:
        if p.state == "checking":
            return f"{p.repo_id}: asking the Hub which files are needed…"
        done = f"{format_bytes(p.bytes_done)} of {format_bytes(p.bytes_total)}"
        share = f"{p.fraction:.0%}" if p.fraction is not None else "?"
        if p.state == "stalled":
            return f"{p.repo_id}: {share}, {done}; no data for {p.idle_s:.0f} s, trying again…"
        if p.state == "verifying":
            return f"{p.repo_id}: {share}, checking {p.file}…"
        if p.state == "done":
            return f"{p.repo_id}: complete, {format_bytes(p.bytes_total)}"
        speed = f"{format_bytes(p.speed)}/s" if p.speed > 0 else "-"
        return f"{p.repo_id}: {share}, {done}, {speed}, {format_eta(p.eta_s)} left"


def _download(
    library: ModelLibrary, model_id: str, allow_pickle: bool, stall_seconds: float, secrets: SecretStore | None
) -> int:
    repo_id = _repo_for(model_id)
    if repo_id is None:
        if model_id.strip().lower() == EMBEDDED_KEY:
            print("The built-in model ships with Inkwell; there is nothing to download.", file=sys.stdout)
            return EXIT_OK
        return _fail(f"“{model_id}” is neither a model from `inkwell models list` nor a Hugging Face id (owner/name).")
    downloader = Downloader(
        library.downloader.root,
        endpoint=library.downloader.endpoint,
        options=replace(library.downloader.options, stall_seconds=stall_seconds),
    )
    # The keyring's token if there is one; otherwise huggingface_hub's own (HF_TOKEN, `hf auth login`).
    token = (secrets or SecretStore()).get(HF_TOKEN)
    printer = _ProgressPrinter(sys.stderr)
    try:
        folder = downloader.download(repo_id, token=token, allow_pickle=allow_pickle, on_progress=printer)
    except KeyboardInterrupt:
        printer.finish()
        print(
            "inkwell: download paused. Run the same command again to continue where it stopped.",
            file=sys.stderr,
            flush=True,
        )
        return EXIT_INTERRUPTED
    except DownloadError as exc:
        printer.finish()
        return _fail(exc.message)
    printer.finish()
    print(folder, flush=True)
    return EXIT_OK


# -- delete / path ------------------------------------------------------------------------------------------------


def _find(library: ModelLibrary, model_id: str) -> LibraryEntry | None:
    if model_id.strip().lower() == EMBEDDED_KEY:
        return library.embedded()
    repo_id = _repo_for(model_id)
    if repo_id is not None:
        return library.find(hub_key(repo_id))
    return library.find(path_key(Path(model_id).expanduser().resolve()))


def _delete(library: ModelLibrary, model_id: str) -> int:
    entry = _find(library, model_id)
    if entry is None:
        return _fail(f"{model_id} is not downloaded, and not in your list of models.")
    library.remove(entry.key)
    if entry.deletes_files:
        print(f"Deleted {entry.path}")
    else:
        print(f"Removed {entry.path} from your models (its files are untouched).")
    return EXIT_OK


def _path(library: ModelLibrary, model_id: str) -> int:
    entry = _find(library, model_id)
    if entry is None or entry.path is None:
        return _fail(f"{model_id} is not downloaded. Download it with: inkwell models download {model_id}")
    if entry.kind == "partial":
        return _fail(f"{model_id} is only partly downloaded. Finish it with: inkwell models download {model_id}")
    print(entry.path)
    return EXIT_OK
