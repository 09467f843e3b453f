"""`inkwell summarize` and `inkwell translate` as a user runs them: a real subprocess on a real (tiny) model.

The lead wires the commands into `python -m app`; until then they run as `python -m app.text_cli`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.engine.chunking import markdown_segments
from app.engine.language import BY_CODE
from app.engine.requests import Chat, ModelSpec
from app.engine.task_prompts import (
    TranslationStream,
    translate,
    translation_max_new_tokens,
    translation_prompt_tokens,
)
from app.engine.token_count import TokenCounter, conservative_count
from app.text_cli import _counter, command_parser, run_text_command
from tests.helpers.models import direct_greedy

REPO = Path(__file__).resolve().parents[2]
CHAPTER = REPO / "tests" / "data" / "river_year.md"


def make_wordy_model(tiny: Path, folder: Path) -> Path:
    """The tiny random model, but unable to write white space: its greedy output is words, not empty lines.

    (The random model's greedy answer to any chat prompt is a run of line breaks, which a translation rightly
    drops; tests of structure need a model that writes something.)
    """
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny)
    model = AutoModelForCausalLM.from_pretrained(tiny)
    blank = [i for i in range(len(tokenizer)) if not tokenizer.decode([i]).strip()]
    with torch.no_grad():
        model.get_input_embeddings().weight[blank] = 0.0  # tied: their logits become 0, below the best word
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def wordy_model_dir(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_wordy_model(tiny_model_dir, tmp_path_factory.mktemp("wordy-tiny"))


def text_command(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )


def expected_translation(model: Path, text: str, target: str, source: str | None, cap: int | None = None) -> str:
    """What must come out: each segment's plain greedy answer, filtered, inside the document's markup.

    `cap` limits each answer (the panes' tests cap them to stay quick)."""
    counter = TokenCounter(model)

    def count(t: str) -> int:
        return counter.count(t).tokens

    prompt_tokens = translation_prompt_tokens(count)
    out = []
    for segment in markdown_segments(text):
        if not segment.translatable:
            out.append(segment.text)
            continue
        max_new = translation_max_new_tokens(count(segment.text), 2048, prompt_tokens)
        if cap is not None:
            max_new = min(max_new, cap)
        request = translate(segment, BY_CODE[target], BY_CODE.get(source or ""), max_new_tokens=max_new)
        assert isinstance(request.prompt, Chat)
        messages = [{"role": m.role, "content": m.content} for m in request.prompt.messages]
        answer = direct_greedy(model, messages=messages, max_new_tokens=max_new)
        stream = TranslationStream(segment)
        out.append(segment.prefix + stream.feed(answer) + stream.finish())
    return "".join(out)


DOCUMENT = """# The ferry

The ferry crossed the river at dawn.
It carried eight passengers.

```python
print("left alone")
```

- first item
- second item
"""


def test_translate_keeps_markdown_and_code_and_streams_each_block(
    python_env: dict[str, str], wordy_model_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "doc.md"
    source.write_text(DOCUMENT, encoding="utf-8")
    result = text_command(
        ["translate", str(source), "--to", "Deutsch", "--model", str(wordy_model_dir), "--threads", "1", "-v"],
        python_env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected_translation(wordy_model_dir, DOCUMENT, "de", "en")
    assert '```python\nprint("left alone")\n```\n' in result.stdout
    assert result.stdout.startswith("# ") and "\n- " in result.stdout
    assert "source language: English" in result.stderr and "part 4 of 4" in result.stderr


def test_translate_reads_stdin_and_takes_the_source_language(python_env: dict[str, str], wordy_model_dir: Path) -> None:
    text = "Guten Morgen, wie geht es dir heute?"
    result = text_command(
        ["translate", "--to", "en", "--from", "de", "--model", str(wordy_model_dir), "--threads", "1"],
        python_env,
        stdin=text,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected_translation(wordy_model_dir, text, "en", "de")
    assert result.stdout and result.stdout != text


def test_translate_into_the_same_language_copies_the_text(python_env: dict[str, str], tiny_model_dir: Path) -> None:
    text = "This sentence is already written in plain English, as you can see."
    result = text_command(
        ["translate", "--to", "English", "--model", str(tiny_model_dir), "--threads", "1"], python_env, stdin=text
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == text
    assert "already in English" in result.stderr


def test_summarize_a_long_chapter_in_parts(python_env: dict[str, str], tiny_model_dir: Path) -> None:
    text = CHAPTER.read_text(encoding="utf-8")[:12_000]
    result = text_command(
        ["summarize", "--model", str(tiny_model_dir), "--part-tokens", "800", "--threads", "1", "-v", "--seed", "1"],
        python_env,
        stdin=text,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    parts = re.search(r"(\d+) parts, (\d+) combining steps", result.stderr)
    assert parts is not None and int(parts.group(1)) >= 3
    total = int(parts.group(1))
    for i in range(1, total + 1):
        assert f"part {i} of {total}" in result.stderr
    assert f"writing the summary from {total} part summaries" in result.stderr


def test_summarize_a_short_text_in_one_pass(python_env: dict[str, str], tiny_model_dir: Path) -> None:
    result = text_command(
        ["summarize", "--model", str(tiny_model_dir), "--threads", "1", "--length", "sentence", "-v"],
        python_env,
        stdin="The council voted seven to five to build the bridge above the weir.",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and "part 1 of" not in result.stderr


@pytest.mark.parametrize(
    ("args", "stdin", "words"),
    [
        (["summarize"], "   \n\t ", "input is empty"),
        (["translate", "--to", "de"], "", "input is empty"),
        (["translate", "--to", "Klingon"], "Hello.", "unknown language 'Klingon'"),
        (["summarize", "--language", "xx"], "Hello.", "unknown language 'xx'"),
        (["summarize", "--part-tokens", "4"], "Hello.", "at least 32"),
        (["summarize", "--base-url", "http://127.0.0.1:8000/v1", "--model", "m"], "Hello.", "use --remote-model"),
        (["translate", "--to", "de", "--base-url", "http://127.0.0.1:8000/v1", "--device", "cpu"], "Hi.", "local"),
        (
            ["translate", "--to", "de", "--base-url", "http://127.0.0.1:8000/v1", "--api-key-env", "INKWELL_NO_KEY"],
            "Hello.",
            "INKWELL_NO_KEY is not set",
        ),
    ],
)
def test_bad_input_is_one_plain_line(
    args: list[str], stdin: str, words: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert run_text_command(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert words in captured.err and captured.err.count("\n") == 1 and "Traceback" not in captured.err


def test_a_missing_file_is_reported_plainly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run_text_command(["summarize", str(tmp_path / "nope.md")]) == 1
    err = capsys.readouterr().err
    assert "nope.md" in err and "Traceback" not in err


@pytest.mark.parametrize("command", [["summarize"], ["translate", "--to", "de"]])
def test_server_options_name_a_remote_model(command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from app.headless import remote_options_problem, spec_from_options

    monkeypatch.setenv("INKWELL_TEST_API_KEY", "sk-local-test")
    server = ["--base-url", "http://127.0.0.1:8000/v1", "--remote-model", "qwen2.5:1.5b"]
    options = command_parser(command[0]).parse_args(
        [*command[1:], *server, "--api-key-env", "INKWELL_TEST_API_KEY", "--context-length", "2048"]
    )
    assert remote_options_problem(options) == ""
    spec = spec_from_options(options)
    assert spec == ModelSpec(ref="qwen2.5:1.5b", base_url="http://127.0.0.1:8000/v1", context_length=2048)
    assert spec.is_remote and spec.api_key == "sk-local-test"
    # No tokenizer for a server's model: plans count with the panes' estimate, on the high side.
    assert _counter(spec, None) is conservative_count

    local = spec_from_options(command_parser(command[0]).parse_args([*command[1:], "--model", "/models/m"]))
    assert local == ModelSpec(ref="/models/m") and not local.is_remote
    assert command_parser(command[0]).parse_args(command[1:]).context_length == 4096


def test_a_word_file_is_read_as_word_and_a_broken_one_refused(
    python_env: dict[str, str], tiny_model_dir: Path, tmp_path: Path
) -> None:
    import docx

    word = docx.Document()
    word.add_heading("Harbour report", level=1)
    word.add_paragraph("This sentence is already written in plain English, as you can see in the report.")
    path = tmp_path / "report.docx"
    word.save(str(path))
    args = ["translate", "--to", "English", "--model", str(tiny_model_dir), "--threads", "1"]
    result = text_command([*args, str(path)], python_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "# Harbour report\n\nThis sentence is already written in plain English, as you can see in the report.\n"
    )
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = text_command(["summarize", "--model", str(tiny_model_dir), str(broken)], python_env)
    assert result.returncode == 1
    assert result.stderr.strip() == "inkwell: broken.docx is not a Word document Inkwell can read (.docx)."


def test_output_into_a_pipe_that_closes_early_ends_quietly(
    python_env: dict[str, str], tiny_model_dir: Path, tmp_path: Path
) -> None:
    """`inkwell translate FILE | head`: no BrokenPipeError traceback when the reader stops reading."""
    path = tmp_path / "long.md"
    path.write_text("This sentence is already written in plain English, as you can see.\n\n" * 20_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "translate", "--to", "English", "--model", str(tiny_model_dir), str(path)],
        env=python_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100).startswith(b"This sentence")
    process.stdout.close()  # what `head` does once it has its lines
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr


NOVEL = "第一回 风雪山神庙\n\n话说林冲在草料场看守，那雪正下得紧。他拿了花枪，挑着酒葫芦，信步投东。\n"


def test_a_gbk_file_is_read_as_gb18030_and_v_says_so(
    python_env: dict[str, str], tiny_model_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "novel.txt"
    path.write_bytes(NOVEL.replace("\n", "\r\n").encode("gbk"))
    model = ["--model", str(tiny_model_dir), "--threads", "1"]
    result = text_command(["summarize", *model, "--length", "sentence", "-v", str(path)], python_env)
    assert result.returncode == 0, result.stderr
    assert "inkwell: read novel.txt as GB18030" in result.stderr.splitlines()
    # Chinese "translated" into Chinese is copied as it is: proof that the text read was the novel, not mojibake.
    result = text_command(["translate", "--to", "zh", *model, str(path)], python_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == NOVEL and "read novel.txt" not in result.stderr  # said only with -v


def test_gbk_on_standard_input_is_read_the_same_way(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from app.text_cli import _read

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NOVEL.replace("\n", "\r\n").encode("gbk"))))
    assert _read(None, verbose=True) == NOVEL
    assert capsys.readouterr().err == "inkwell: read standard input as GB18030\n"
