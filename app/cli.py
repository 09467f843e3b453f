"""Command line: `inkwell [FILE]` opens the GUI; `inkwell generate|chat|summarize|translate ...` run headless on
the same engine; `inkwell models ...` manages downloaded models."""

from __future__ import annotations

import argparse
import os
import sys

from app import APP_NAME, __version__

COMMANDS = ("generate", "chat")
MODEL_COMMANDS = ("models",)
TEXT_COMMANDS = ("summarize", "translate")


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    # A frozen (PyInstaller) build must let the model host's spawned process through before anything else.
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS + TEXT_COMMANDS + MODEL_COMMANDS:
        try:
            return _run_command(args)
        except BrokenPipeError:
            # `inkwell summarize FILE | head`: the reader has what it wanted. Stop quietly, and keep Python from
            # complaining again when it flushes stdout on the way out.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    options = gui_parser().parse_args(args)
    if options.self_test:
        from app.self_test import run_self_test

        return run_self_test()
    from app.gui import run_gui

    return run_gui(options.file)


def _run_command(args: list[str]) -> int:
    if args[0] in COMMANDS:
        from app.headless import run_command

        return run_command(args)
    if args[0] in TEXT_COMMANDS:
        from app.text_cli import run_text_command

        return run_text_command(args)
    from app.models_cli import run_models_command

    return run_models_command(args[1:])


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inkwell",
        description=f"{APP_NAME}: a local-first AI writing desk. Without a command, opens the editor.",
        epilog=(
            "commands (run without the window, on the same engine):\n"
            "  inkwell generate [TEXT]   continue TEXT (or stdin) as the model would; only the continuation\n"
            "                            goes to stdout\n"
            "  inkwell chat [TEXT]       answer TEXT (or stdin) as a chat message\n"
            "  inkwell summarize [FILE]  summarize FILE (or stdin), part by part when it is long\n"
            "  inkwell translate --to LANG [FILE]\n"
            "                            translate FILE (or stdin), keeping its Markdown structure\n"
            "  inkwell models list       the built-in, recommended and downloaded models\n"
            "  inkwell models download ID | delete ID | path ID\n"
            "  inkwell COMMAND --help    options of a command"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation: open the window offscreen, continue a short text through the model "
        "process, print 'self-test ok' (exit 0) or what failed (exit 1)",
    )
    parser.add_argument("file", nargs="?", help="a text or Markdown file to open")
    return parser
