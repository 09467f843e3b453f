"""Whole-process behaviour: clean exit mid-generation, and torch never entering the GUI process."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.helpers.procs import pid_alive

REPO = Path(__file__).resolve().parents[2]


def test_closing_mid_generation_exits_cleanly_without_torch_in_the_gui(
    python: str, python_env: dict[str, str], tiny_model_dir: Path
) -> None:
    result = subprocess.run(
        [python, str(REPO / "tests" / "helpers" / "close_midstream.py"), str(tiny_model_dir)],
        env=python_env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "QThread: Destroyed while thread" not in result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["host_pid"], "text never streamed in"
    assert not pid_alive(report["host_pid"]), "the model host outlived the app"
    # The GUI process streamed a whole continuation without importing torch or transformers.
    assert report["torch_imported"] is False
    assert report["transformers_imported"] is False


def test_work_that_holds_the_gil_runs_outside_the_gui_process(
    python: str, python_env: dict[str, str], tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Tokenizing, language detection, BM25 and Word parsing hold the GIL: in any thread of the GUI process they
    would freeze the window. They run in the text-services process; the GUI process never imports their libraries."""
    import docx

    word = docx.Document()
    word.add_heading("Harbour report", level=1)
    word.add_paragraph("The council met on Tuesday.")
    word_file = tmp_path / "report.docx"
    word.save(str(word_file))
    result = subprocess.run(
        [python, "-m", "tests.helpers.gui_isolation", str(tiny_model_dir), str(word_file)],
        env=python_env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["docx_text"] == "# Harbour report\n\nThe council met on Tuesday.\n"
    assert found["detected"] == "de"
    assert found["summary_parts"] > 1
    assert found["chat_mode"] == "passages"
    assert found["services_pid"] is not None
    assert found["heavy_in_gui"] == []
