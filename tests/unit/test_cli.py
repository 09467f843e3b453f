"""The headless CLI as a user runs it: a real subprocess, stdout for the text only, one clear line for errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from tests.helpers.models import direct_greedy

REPO = Path(__file__).resolve().parents[2]


def inkwell(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )


def test_version_and_help_from_the_console_script(python_env: dict[str, str]) -> None:
    script = Path(sys.executable).parent / "inkwell"
    assert script.exists(), "the `inkwell` console entry point is not installed"
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True, env=python_env, timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == f"Inkwell {__version__}"
    helped = inkwell(["--help"], python_env)
    assert helped.returncode == 0
    assert "inkwell generate" in helped.stdout and "inkwell chat" in helped.stdout
    sub = inkwell(["generate", "--help"], python_env)
    assert "--greedy" in sub.stdout and "--max-new-tokens" in sub.stdout and "--device" in sub.stdout


def test_generate_greedy_prints_only_the_continuation(python_env: dict[str, str], tiny_model_dir: Path) -> None:
    seed = "It was a bright cold day in April"
    result = inkwell(
        ["generate", seed, "--model", str(tiny_model_dir), "--greedy", "--max-new-tokens", "20"], python_env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == direct_greedy(tiny_model_dir, text=seed, max_new_tokens=20)


def test_generate_reads_stdin(python_env: dict[str, str], tiny_model_dir: Path) -> None:
    seed = "Call me Ishmael."
    result = inkwell(
        ["generate", "--model", str(tiny_model_dir), "--greedy", "--max-new-tokens", "12", "--device", "cpu"],
        python_env,
        stdin=seed,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == direct_greedy(tiny_model_dir, text=seed, max_new_tokens=12)


def test_chat_answers_with_the_chat_template(python_env: dict[str, str], tiny_model_dir: Path) -> None:
    result = inkwell(
        ["chat", "Name a colour.", "--model", str(tiny_model_dir), "--greedy", "--max-new-tokens", "12"], python_env
    )
    assert result.returncode == 0, result.stderr
    expected = direct_greedy(
        tiny_model_dir, messages=[{"role": "user", "content": "Name a colour."}], max_new_tokens=12
    )
    assert result.stdout.rstrip("\n") == expected.rstrip("\n")


@pytest.mark.parametrize(
    ("case", "expected_words"),
    [
        ("empty_argument", "input is empty"),
        ("empty_stdin", "input is empty"),
        ("missing_path", "There is no model at"),
        ("unsupported", "does not support"),
        ("not_a_model_folder", "not a model folder"),
    ],
)
def test_bad_input_gives_one_clear_line_and_a_failing_status(
    python_env: dict[str, str], tmp_path: Path, case: str, expected_words: str
) -> None:
    args, stdin = ["generate", "Hello"], None
    if case == "empty_argument":
        args = ["generate", ""]
    elif case == "empty_stdin":
        args, stdin = ["generate"], "   \n"
    elif case == "missing_path":
        args += ["--model", str(tmp_path / "nowhere")]
    elif case == "unsupported":
        (tmp_path / "config.json").write_text(json.dumps({"model_type": "no-such-architecture"}))
        args += ["--model", str(tmp_path)]
    elif case == "not_a_model_folder":
        (tmp_path / "notes.txt").write_text("not a model")
        args += ["--model", str(tmp_path)]
    result = inkwell(args, python_env, stdin=stdin)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("inkwell: ") and expected_words in lines[0]
    assert "Traceback" not in result.stderr
