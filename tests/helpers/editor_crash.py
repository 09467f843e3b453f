"""Leave recovery files behind the way a crashed Inkwell does: a real process writes them with the app's own
RecoveryStore while holding its lock, then dies by SIGKILL (no clean close, no cleanup code runs).

    python -m tests.helpers.editor_crash RECOVERY_ROOT RECORDS_JSON

RECORDS_JSON is a file with a list of RecoveryRecord fields. Prints the instance folder before it dies.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from app.store.recovery import RecoveryRecord, RecoveryStore


def main(root: str, records_file: str) -> None:
    store = RecoveryStore(Path(root))
    for fields in json.loads(Path(records_file).read_text(encoding="utf-8")):
        store.write(RecoveryRecord(**fields))
    print(store.folder, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


def leave_orphans(python: str, env: dict[str, str], root: Path, records: list[dict[str, object]]) -> Path:
    """Run this module in a child process that writes `records` and is killed; the folder it left behind."""
    records_file = root.parent / "orphan-records.json"
    root.mkdir(parents=True, exist_ok=True)
    records_file.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [python, "-m", "tests.helpers.editor_crash", str(root), str(records_file)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    folder = Path(done.stdout.strip())
    assert folder.is_dir() and folder.parent == root
    return folder


if __name__ == "__main__":
    main(*sys.argv[1:3])
