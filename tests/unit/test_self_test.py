"""`inkwell --self-test` from the source checkout: the real window, the real model host process, one line out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.engine.requests import ModelSpec
from app.self_test import OK_LINE, run_self_test

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.e2e
def test_self_test_passes_through_the_spawned_model_host(python_env: dict[str, str], embedded_copy: Path) -> None:
    # embedded_copy: the converted model is in the shared test cache, so the self-test does not convert it again.
    done = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        env=python_env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == OK_LINE
    assert any(line.startswith("model host pid ") for line in lines)
    assert any(line.startswith("user data: ") for line in lines)


def test_self_test_failure_is_one_line_and_exit_1(
    qtbot: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-model"
    code = run_self_test(ModelSpec(ref=str(missing)), timeout_s=120)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and err[0].startswith("self-test failed: ")
    assert "the model host failed" in err[0]
