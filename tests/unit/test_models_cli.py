"""`inkwell models ...` in real subprocesses against the fake Hub: results on stdout, progress and errors on stderr."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.engine.downloads import PARTIAL_DIR
from app.models_cli import run_models_command
from app.paths import AppPaths
from app.secrets import SecretStore
from tests.helpers.fake_hub import FakeHub, fake_hub_fixture, tiny_repo_files_fixture  # noqa: F401
from tests.helpers.memory_keyring import MemoryKeyring

QWEN = "Qwen/Qwen2.5-0.5B-Instruct"
RUN = "import sys; from app.models_cli import run_models_command; sys.exit(run_models_command(sys.argv[1:]))"


@pytest.fixture
def env(python_env: dict[str, str], fake_hub: FakeHub, tmp_path: Path) -> dict[str, str]:
    return {
        **python_env,
        "INKWELL_HOME": str(tmp_path / "home"),
        "HF_ENDPOINT": fake_hub.url,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # as on a headless box
    }


def models(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", RUN, *args], env=env, capture_output=True, text=True, timeout=120)


def test_download_list_path_delete(fake_hub: FakeHub, tiny_repo_files: dict[str, bytes], env: dict[str, str]) -> None:
    fake_hub.add_repo(QWEN, tiny_repo_files)
    listed = models(env, "list")
    assert listed.returncode == 0 and listed.stderr == ""
    qwen_row = next(line for line in listed.stdout.splitlines() if line.startswith("qwen2.5-0.5b "))
    assert QWEN in qwen_row and "Apache-2.0" in qwen_row and "Chinese" in qwen_row and qwen_row.endswith("-")
    assert "llama3.2-1b" in listed.stdout and "(gated)" in listed.stdout

    got = models(env, "download", "qwen2.5-0.5b")
    folder = Path(env["INKWELL_HOME"]) / "data" / "models" / "Qwen--Qwen2.5-0.5B-Instruct"
    assert got.returncode == 0, got.stderr
    assert got.stdout.strip() == str(folder)  # stdout carries only the result
    assert (folder / "model.safetensors").read_bytes() == tiny_repo_files["model.safetensors"]
    progress = got.stderr.splitlines()
    assert progress[0].endswith("asking the Hub which files are needed…")
    assert any("%" in line and "left" in line for line in progress)
    assert progress[-1].startswith(f"{QWEN}: complete, ") and progress[-1].endswith("MB")

    assert "downloaded, " in next(line for line in models(env, "list").stdout.splitlines() if "qwen2.5-0.5b " in line)
    assert models(env, "path", QWEN).stdout.strip() == str(folder)
    assert models(env, "path", "embedded").stdout.strip().endswith(".gguf")

    deleted = models(env, "delete", "qwen2.5-0.5b")
    assert deleted.returncode == 0 and not folder.exists()
    missing = models(env, "path", "qwen2.5-0.5b")
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.strip() == (
        "inkwell: qwen2.5-0.5b is not downloaded. Download it with: inkwell models download qwen2.5-0.5b"
    )


def test_errors_are_one_plain_line(env: dict[str, str]) -> None:
    unknown = models(env, "download", "nobody/nothing")
    assert unknown.returncode == 1 and unknown.stdout == ""
    lines = unknown.stderr.strip().splitlines()
    assert lines[-1].startswith("inkwell: There is no model nobody/nothing on 127.0.0.1:")
    assert "Traceback" not in unknown.stderr

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = models({**env, "HF_ENDPOINT": f"http://127.0.0.1:{port}"}, "download", QWEN)
    assert refused.returncode == 1
    assert (
        refused.stderr.strip()
        .splitlines()[-1]
        .startswith(
            f"inkwell: Could not connect to the Hugging Face Hub at 127.0.0.1:{port} (the connection was refused)."
        )
    )
    nonsense = models(env, "download", "not an id")
    assert nonsense.returncode == 1 and "neither a model from" in nonsense.stderr
    usage = models(env, "frobnicate")
    assert usage.returncode == 2


def test_ctrl_c_pauses_and_the_same_command_resumes(
    qtbot, fake_hub: FakeHub, tiny_repo_files: dict[str, bytes], env: dict[str, str]
) -> None:
    fake_hub.add_repo(QWEN, tiny_repo_files)
    hold_at = 4 * 512 * 1024  # four of the CLI's 512 KiB pieces
    fault = fake_hub.fault(QWEN, "model.safetensors", hold_after=hold_at)
    process = subprocess.Popen(
        [sys.executable, "-c", RUN, "download", QWEN],
        env=env,
        # Ctrl+C as a terminal delivers it: a child inherits an ignored SIGINT from its parent, and something
        # earlier in a full test run can leave this process ignoring it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    part = Path(env["INKWELL_HOME"]) / "data" / "models" / "Qwen--Qwen2.5-0.5B-Instruct" / PARTIAL_DIR
    part = part / "model.safetensors.part"
    try:
        assert fault.holding.wait(60)
        qtbot.waitUntil(lambda: part.exists() and part.stat().st_size == hold_at, timeout=30_000)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        fault.release.set()
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130
    assert out == "" and err.strip().splitlines()[-1] == (
        "inkwell: download paused. Run the same command again to continue where it stopped."
    )
    assert part.stat().st_size == hold_at

    again = models(env, "download", QWEN)
    assert again.returncode == 0, again.stderr
    assert fake_hub.gets("model.safetensors")[-1].range_start == hold_at


def test_the_stored_token_comes_from_the_keyring(
    fake_hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gated = "meta-llama/Llama-3.2-1B-Instruct"
    fake_hub.add_repo(gated, tiny_repo_files, gated=True)
    fake_hub.add_token("hf_from_keyring", gated)
    secrets = SecretStore(MemoryKeyring())
    paths = AppPaths.under(tmp_path / "home")
    assert run_models_command(["download", "llama3.2-1b"], paths=paths, secrets=secrets) == 1
    assert "is gated" in capsys.readouterr().err
    secrets.set("huggingface-token", "hf_from_keyring")
    assert run_models_command(["download", "llama3.2-1b"], paths=paths, secrets=secrets) == 0
    assert capsys.readouterr().out.strip().endswith("meta-llama--Llama-3.2-1B-Instruct")
