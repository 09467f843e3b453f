"""Hub downloads against a real local HTTP server speaking the Hub's API (tests/helpers/fake_hub.py).

Stand-ins, where the real thing cannot run here: the fake Hub itself, and for "disk full while writing" a
monkeypatched write of the partial file that raises ENOSPC (a real tiny filesystem needs root to mount). The
before-start disk check runs on the real disk: the fake Hub claims a file larger than the free space.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.engine.downloads import (
    MANIFEST,
    PARTIAL_DIR,
    DownloadCancelled,
    Downloader,
    DownloadError,
    DownloadErrorKind,
    DownloadOptions,
    DownloadProgress,
    _Meter,
    _MeteredFile,
    format_eta,
    select_files,
)
from app.engine.requests import ModelSpec, RawText, Request, Sampling
from tests.helpers.fake_hub import DECOYS, FakeHub, fake_hub_fixture, tiny_repo_files_fixture  # noqa: F401
from tests.helpers.models import direct_greedy

REPO = "tiny-org/tiny-llama"
WEIGHTS = "model.safetensors"
CHUNK = 64 * 1024
NEEDED = {
    "config.json",
    "generation_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "chat_template.jinja",
    WEIGHTS,
}


class Background:
    """Runs a download in a thread, as the GUI does, and keeps its outcome."""

    def __init__(self, fn: Callable[[], Path]) -> None:
        self.result: Path | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self.thread.start()

    def _run(self, fn: Callable[[], Path]) -> None:
        try:
            self.result = fn()
        except BaseException as exc:
            self.error = exc

    def join(self) -> None:
        self.thread.join(timeout=60)
        assert not self.thread.is_alive()


def downloader(root: Path, **options: Any) -> Downloader:
    return Downloader(root, options=DownloadOptions(chunk_bytes=CHUNK, **options))


@pytest.fixture
def hub(fake_hub: FakeHub, tiny_repo_files: dict[str, bytes]) -> FakeHub:
    fake_hub.add_repo(REPO, tiny_repo_files)
    return fake_hub


def weights_size(files: dict[str, bytes]) -> int:
    return len(files[WEIGHTS])


# -- which files -------------------------------------------------------------------------------------------------


def test_only_the_files_a_model_needs_are_selected() -> None:
    llama = [
        ".gitattributes",
        "LICENSE.txt",
        "README.md",
        "USE_POLICY.md",
        "config.json",
        "generation_config.json",
        "model.safetensors",
        "original/consolidated.00.pth",
        "original/params.json",
        "original/tokenizer.model",
        "special_tokens_map.json",
        "tokenizer.json",
        "tokenizer_config.json",
    ]
    assert select_files(llama) == [
        "config.json",
        "generation_config.json",
        "special_tokens_map.json",
        "tokenizer.json",
        "tokenizer_config.json",
        "model.safetensors",
    ]
    qwen_3b = [
        "config.json",
        "generation_config.json",
        "merges.txt",
        "model-00001-of-00002.safetensors",
        "model-00002-of-00002.safetensors",
        "model.safetensors.index.json",
        "tokenizer.json",
        "tokenizer_config.json",
        "vocab.json",
        "pytorch_model.bin",
        "onnx/model.safetensors",
        "model.gguf",
    ]
    chosen = select_files(qwen_3b)
    assert "pytorch_model.bin" not in chosen and "onnx/model.safetensors" not in chosen and "model.gguf" not in chosen
    assert {"model.safetensors.index.json", "vocab.json", "merges.txt"} <= set(chosen)
    # Mistral-style repos ship the same weights twice.
    mistral = ["config.json", "tokenizer.json", "consolidated.safetensors", "model-00001-of-00001.safetensors"]
    assert "consolidated.safetensors" not in select_files(mistral)


def test_pickled_weights_only_when_allowed_for_that_model() -> None:
    old = ["config.json", "tokenizer.json", "pytorch_model.bin", "README.md"]
    with pytest.raises(DownloadError) as refused:
        select_files(old)
    assert refused.value.kind is DownloadErrorKind.PICKLE_ONLY
    assert "can run code" in refused.value.message
    assert select_files(old, allow_pickle=True) == ["config.json", "tokenizer.json", "pytorch_model.bin"]
    # With safetensors present, .bin files are never fetched even when allowed.
    assert "pytorch_model.bin" not in select_files([*old, "model.safetensors"], allow_pickle=True)
    with pytest.raises(DownloadError) as nothing:
        select_files(["README.md", "model.gguf"])
    assert nothing.value.kind is DownloadErrorKind.NO_WEIGHTS


def test_eta_is_written_for_people() -> None:
    assert format_eta(None) == "–"
    assert format_eta(42.4) == "42 s"
    assert format_eta(185) == "3 min 05 s"
    assert format_eta(3 * 3600 + 120) == "3 h 02 min"


def test_speed_eta_and_stalls_as_the_meter_counts_them() -> None:
    now = [100.0]
    seen: list[DownloadProgress] = []
    options = DownloadOptions(stall_seconds=10, report_interval_s=0)
    meter = _Meter("a/b", seen.append, options, clock=lambda: now[0])
    meter.start(total=1000, files_total=1, on_disk=0)
    meter.start_file("w", 0)
    meter.report("downloading")
    for _ in range(4):
        now[0] += 1
        meter.add(100)
    assert seen[-1].speed == 100 and seen[-1].eta_s == 6 and seen[-1].fraction == 0.4
    now[0] += 9.9
    meter.tick()
    assert seen[-1].state == "downloading"
    now[0] += 0.2
    meter.tick()
    assert seen[-1].state == "stalled" and seen[-1].idle_s >= 10
    now[0] += 1
    meter.add(100)
    assert seen[-1].state == "downloading" and seen[-1].idle_s == 0
    meter.report("verifying")
    now[0] += 60  # hashing a big file is not a stall
    meter.tick()
    assert seen[-1].state == "verifying"
    meter.finish_file(500)
    meter.start_file("x", 0)
    meter.report("downloading")
    meter.tick()
    assert seen[-1].state == "downloading"
    now[0] += 30  # long after the last bytes: the speed has decayed to nothing, and there is no ETA
    meter.tick()
    assert seen[-1].state == "stalled" and seen[-1].speed == 0 and seen[-1].eta_s is None


# -- downloading -------------------------------------------------------------------------------------------------


def test_download_reports_progress_fetches_only_needed_files_and_loads_as_a_model(
    qtbot, hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path, make_client, tiny_model_dir: Path
) -> None:
    hub.fault(REPO, WEIGHTS, throttle=0.002)  # a network slower than localhost, so speed and ETA mean something
    seen: list[DownloadProgress] = []
    folder = downloader(tmp_path, report_interval_s=0.0).download(REPO, on_progress=seen.append)

    assert folder == tmp_path / "tiny-org--tiny-llama"
    on_disk = {path.name for path in folder.iterdir()}
    assert on_disk == NEEDED | {MANIFEST}  # no partial folder left, no decoys
    for name in NEEDED:
        assert (folder / name).read_bytes() == tiny_repo_files[name]
    fetched = {entry.file for entry in hub.requests if entry.method == "GET" and entry.file}
    assert fetched == NEEDED
    assert not set(DECOYS) & fetched
    # One API call and the files: no telemetry (huggingface_hub would fetch /api/agent-harnesses unless told not to).
    assert [entry.path for entry in hub.api_calls()] == [f"/api/models/{REPO}"]

    total = sum(len(tiny_repo_files[name]) for name in NEEDED)
    states = [p.state for p in seen]
    assert states[0] == "checking" and states[-1] == "done"
    assert "downloading" in states and "verifying" in states
    done = [p.bytes_done for p in seen if p.state == "downloading"]
    assert done == sorted(done) and max(done) <= total  # never goes backwards, never past the total
    assert seen[-1].bytes_done == seen[-1].bytes_total == total and seen[-1].fraction == 1.0
    assert seen[-1].files_done == seen[-1].files_total == len(NEEDED)
    assert any(p.speed > 0 and p.eta_s is not None for p in seen)
    # Progress arrives piece by piece (64 KiB here), not only at the end of each file.
    assert len({p.bytes_done for p in seen if p.file == WEIGHTS}) >= weights_size(tiny_repo_files) // CHUNK

    # The folder is a model: the real model host loads it and generates what the original folder generates.
    client = make_client(ModelSpec(ref=str(folder)))
    handle = client.submit(Request("generate", RawText("Once upon a time"), Sampling.plain_greedy(12)))
    with qtbot.waitSignal(handle.finished, timeout=120_000) as blocker:
        pass
    assert blocker.args[0].text == direct_greedy(tiny_model_dir, text="Once upon a time", max_new_tokens=12)


def test_a_complete_download_is_not_fetched_again(hub: FakeHub, tmp_path: Path) -> None:
    first = downloader(tmp_path).download(REPO)
    requests_before = len(hub.requests)
    seen: list[DownloadProgress] = []
    assert downloader(tmp_path).download(REPO, on_progress=seen.append) == first
    assert len(hub.requests) == requests_before
    assert seen[-1].state == "done" and seen[-1].fraction == 1.0
    status = downloader(tmp_path).local_status(REPO)
    assert status.complete and status.bytes_on_disk == status.bytes_total > 0


def _wait_for_bytes(qtbot, seen: list[DownloadProgress], count: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(seen) and seen[-1].file == WEIGHTS and seen[-1].bytes_done >= count, timeout=30_000)


def test_cancel_keeps_the_part_and_resume_continues_from_there(
    qtbot, hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path
) -> None:
    size = weights_size(tiny_repo_files)
    hold_at = 40 * CHUNK
    fault = hub.fault(REPO, WEIGHTS, hold_after=hold_at)
    seen: list[DownloadProgress] = []
    cancel = threading.Event()
    job = Background(lambda: downloader(tmp_path).download(REPO, on_progress=seen.append, cancel=cancel))
    assert fault.holding.wait(30)
    part = tmp_path / "tiny-org--tiny-llama" / PARTIAL_DIR / f"{WEIGHTS}.part"
    qtbot.waitUntil(lambda: part.exists() and part.stat().st_size == hold_at, timeout=30_000)
    _wait_for_bytes(qtbot, seen, hold_at)  # the progress reached the same point
    cancel.set()
    fault.release.set()  # the next piece arrives, and the download sees the cancel before writing it
    job.join()
    assert isinstance(job.error, DownloadCancelled)
    assert part.stat().st_size == hold_at
    status = downloader(tmp_path).local_status(REPO)
    assert status.partial and 0 < status.bytes_on_disk < status.bytes_total

    # A new Downloader is what an app restart gives: only the state on disk carries over.
    resumed: list[DownloadProgress] = []
    folder = downloader(tmp_path).download(REPO, on_progress=resumed.append)
    gets = hub.gets(WEIGHTS)
    assert len(gets) == 2
    assert gets[1].range_start == hold_at > 0
    assert gets[1].status == 206
    assert gets[1].bytes_sent == size - hold_at < size
    assert (folder / WEIGHTS).read_bytes() == tiny_repo_files[WEIGHTS]
    assert resumed[-1].state == "done" and resumed[-1].resumed_from >= hold_at
    # Files finished before the cancel are not fetched again.
    assert len(hub.gets("config.json")) == 1


def test_resume_after_the_process_was_killed(
    qtbot, hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path, python_env: dict[str, str]
) -> None:
    hold_at = 30 * CHUNK
    fault = hub.fault(REPO, WEIGHTS, hold_after=hold_at)
    script = (
        "import sys; from pathlib import Path; from app.engine.downloads import Downloader, DownloadOptions;"
        f"Downloader(Path(sys.argv[1]), options=DownloadOptions(chunk_bytes={CHUNK})).download({REPO!r})"
    )
    env = {**python_env, "HF_ENDPOINT": hub.url}
    env.pop("HF_TOKEN", None)
    process = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], env=env)
    part = tmp_path / "tiny-org--tiny-llama" / PARTIAL_DIR / f"{WEIGHTS}.part"
    try:
        assert fault.holding.wait(60)
        qtbot.waitUntil(lambda: part.exists() and part.stat().st_size == hold_at, timeout=30_000)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        fault.release.set()
    assert process.returncode == -signal.SIGKILL

    folder = downloader(tmp_path).download(REPO)
    gets = hub.gets(WEIGHTS)
    assert gets[-1].range_start == hold_at
    assert gets[-1].bytes_sent == weights_size(tiny_repo_files) - hold_at
    assert (folder / WEIGHTS).read_bytes() == tiny_repo_files[WEIGHTS]


def test_a_dropped_connection_is_resumed_not_restarted(
    hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path
) -> None:
    cut_at = 50 * CHUNK
    hub.fault(REPO, WEIGHTS, cut_after=cut_at)
    folder = downloader(tmp_path).download(REPO)
    gets = hub.gets(WEIGHTS)
    assert [g.range_start for g in gets] == [None, cut_at]
    assert gets[0].bytes_sent == cut_at
    assert gets[1].bytes_sent == weights_size(tiny_repo_files) - cut_at
    assert (folder / WEIGHTS).read_bytes() == tiny_repo_files[WEIGHTS]


def test_a_stall_is_reported_and_retried_from_where_it_stopped(
    hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path
) -> None:
    stall_at = 20 * CHUNK
    hub.fault(REPO, WEIGHTS, stall_after=stall_at)
    seen: list[DownloadProgress] = []
    folder = downloader(tmp_path, stall_seconds=0.5).download(REPO, on_progress=seen.append)
    stalled = [p for p in seen if p.state == "stalled"]
    assert stalled and stalled[0].idle_s >= 0.5 and stalled[0].file == WEIGHTS
    # After the stall the transfer went on (state back to downloading) and finished.
    after = seen[seen.index(stalled[0]) :]
    assert "downloading" in [p.state for p in after] and seen[-1].state == "done"
    assert [g.range_start for g in hub.gets(WEIGHTS)] == [None, stall_at]
    assert (folder / WEIGHTS).read_bytes() == tiny_repo_files[WEIGHTS]


def test_a_stall_that_never_ends_gives_a_plain_error_and_keeps_the_part(hub: FakeHub, tmp_path: Path) -> None:
    stall_at = 10 * CHUNK
    hub.fault(REPO, WEIGHTS, stall_after=stall_at, times=100)
    with pytest.raises(DownloadError) as failed:
        downloader(tmp_path, stall_seconds=0.3).download(REPO)
    assert failed.value.kind is DownloadErrorKind.STALLED
    message = failed.value.message
    assert "stalled" in message and "0.3 seconds" in message and "Resume" in message
    assert "Traceback" not in message and "Error" not in message
    assert downloader(tmp_path).local_status(REPO).bytes_on_disk >= stall_at
    assert all(g.range_start == stall_at for g in hub.gets(WEIGHTS)[1:])


def test_unknown_model_is_a_plain_not_found(fake_hub: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(DownloadError) as failed:
        downloader(tmp_path).download("nobody/no-such-model")
    assert failed.value.kind is DownloadErrorKind.NOT_FOUND
    assert "nobody/no-such-model" in failed.value.message and "Check the name" in failed.value.message
    assert fake_hub.api_calls()[-1].status == 404
    with pytest.raises(DownloadError) as malformed:
        downloader(tmp_path).download("not a model id")
    assert malformed.value.kind is DownloadErrorKind.NOT_FOUND and "owner/name" in malformed.value.message
    assert not (tmp_path / "nobody--no-such-model").exists()


def test_connection_refused_is_a_plain_network_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    with pytest.raises(DownloadError) as failed:
        downloader(tmp_path).download(REPO)
    assert failed.value.kind is DownloadErrorKind.NETWORK
    assert f"127.0.0.1:{port}" in failed.value.message and "refused" in failed.value.message
    assert "ConnectError" in failed.value.detail


def test_not_enough_disk_space_is_found_before_downloading(hub: FakeHub, tmp_path: Path) -> None:
    free = shutil.disk_usage(tmp_path).free
    hub.repos[REPO].files[WEIGHTS].claimed_size = free + 10 * 1024**4  # the real disk cannot hold it
    with pytest.raises(DownloadError) as failed:
        downloader(tmp_path).download(REPO)
    assert failed.value.kind is DownloadErrorKind.NO_SPACE
    assert "Not enough disk space" in failed.value.message and "Free some space" in failed.value.message
    assert hub.gets(WEIGHTS) == [] and hub.gets("config.json") == []


def test_disk_full_while_writing_is_plain_and_resumable(
    hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = _MeteredFile.write

    def write_until_full(self: _MeteredFile, data: bytes) -> int:  # the injected fault: the disk fills up
        if self.tell() >= 25 * CHUNK and self._meter.file == WEIGHTS:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(self, data)

    monkeypatch.setattr(_MeteredFile, "write", write_until_full)
    with pytest.raises(DownloadError) as failed:
        downloader(tmp_path).download(REPO)
    assert failed.value.kind is DownloadErrorKind.DISK_FULL
    assert "disk is full" in failed.value.message and "Resume" in failed.value.message
    kept = downloader(tmp_path).local_status(REPO).bytes_on_disk
    assert kept >= 25 * CHUNK

    monkeypatch.setattr(_MeteredFile, "write", real_write)  # space was freed
    folder = downloader(tmp_path).download(REPO)
    assert hub.gets(WEIGHTS)[-1].range_start == 25 * CHUNK
    assert (folder / WEIGHTS).read_bytes() == tiny_repo_files[WEIGHTS]


def test_gated_models_need_a_token_with_access(
    fake_hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path
) -> None:
    gated = "meta-tiny/Gated-1B-Instruct"
    fake_hub.add_repo(gated, tiny_repo_files, gated=True)
    fake_hub.add_token("hf_allowed", gated)
    fake_hub.add_token("hf_no_access")

    with pytest.raises(DownloadError) as no_token:
        downloader(tmp_path).download(gated)
    assert no_token.value.kind is DownloadErrorKind.GATED
    assert "accept their licence" in no_token.value.message and "access token" in no_token.value.message
    assert f"{fake_hub.url}/{gated}" in no_token.value.message

    with pytest.raises(DownloadError) as not_allowed:
        downloader(tmp_path).download(gated, token="hf_no_access")
    assert not_allowed.value.kind is DownloadErrorKind.NO_ACCESS

    with pytest.raises(DownloadError) as bad:
        downloader(tmp_path).download(gated, token="hf_typo")
    assert bad.value.kind is DownloadErrorKind.BAD_TOKEN and "did not accept your access token" in bad.value.message

    folder = downloader(tmp_path).download(gated, token="hf_allowed")
    assert (folder / WEIGHTS).read_bytes() == tiny_repo_files[WEIGHTS]
    assert {g.authorization for g in fake_hub.gets(WEIGHTS) if g.status in (200, 206)} == {"Bearer hf_allowed"}


def test_a_damaged_transfer_is_caught_by_the_checksum_and_fetched_again(
    hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path
) -> None:
    hub.fault(REPO, WEIGHTS, corrupt=True)
    folder = downloader(tmp_path).download(REPO)
    assert len(hub.gets(WEIGHTS)) == 2
    assert (folder / WEIGHTS).read_bytes() == tiny_repo_files[WEIGHTS]

    hub.fault(REPO, "tokenizer.json", corrupt=True, times=2)
    other = tmp_path / "again"
    with pytest.raises(DownloadError) as failed:
        downloader(other).download(REPO)
    assert failed.value.kind is DownloadErrorKind.INTEGRITY and "tokenizer.json" in failed.value.message
    assert not (other / "tiny-org--tiny-llama" / "tokenizer.json").exists()


def test_one_download_per_model_and_delete(qtbot, hub: FakeHub, tmp_path: Path) -> None:
    fault = hub.fault(REPO, WEIGHTS, hold_after=10 * CHUNK)
    cancel = threading.Event()
    job = Background(lambda: downloader(tmp_path).download(REPO, cancel=cancel))
    assert fault.holding.wait(30)
    with pytest.raises(DownloadError) as busy:
        downloader(tmp_path).download(REPO)
    assert busy.value.kind is DownloadErrorKind.BUSY
    with pytest.raises(DownloadError) as busy_delete:
        downloader(tmp_path).delete(REPO)
    assert busy_delete.value.kind is DownloadErrorKind.BUSY
    cancel.set()
    fault.release.set()
    job.join()
    assert isinstance(job.error, DownloadCancelled)

    downloader(tmp_path).delete(REPO)
    assert not (tmp_path / "tiny-org--tiny-llama").exists()
    assert not downloader(tmp_path).local_status(REPO).partial


def test_a_partial_download_survives_a_new_version_of_the_repository(
    qtbot, hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path
) -> None:
    fault = hub.fault(REPO, WEIGHTS, hold_after=10 * CHUNK)
    cancel = threading.Event()
    job = Background(lambda: downloader(tmp_path).download(REPO, cancel=cancel))
    assert fault.holding.wait(30)
    part = tmp_path / "tiny-org--tiny-llama" / PARTIAL_DIR / f"{WEIGHTS}.part"
    qtbot.waitUntil(lambda: part.exists() and part.stat().st_size == 10 * CHUNK, timeout=30_000)
    cancel.set()
    fault.release.set()
    job.join()
    assert isinstance(job.error, DownloadCancelled)
    # The repository moves on (its old commit is no longer served); the weights are unchanged, one file is new.
    changed = dict(tiny_repo_files)
    changed["generation_config.json"] = b'{"max_new_tokens": 7}'
    hub.add_repo(REPO, changed)
    folder = downloader(tmp_path).download(REPO)
    assert (folder / "generation_config.json").read_bytes() == b'{"max_new_tokens": 7}'
    assert len(hub.gets("generation_config.json")) == 2
    assert hub.gets(WEIGHTS)[-1].range_start == 10 * CHUNK  # the part still matched the Hub's checksum
    assert (folder / WEIGHTS).read_bytes() == tiny_repo_files[WEIGHTS]


def test_a_server_that_ignores_range_gets_the_file_again_from_the_start(
    qtbot, hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path
) -> None:
    fault = hub.fault(REPO, WEIGHTS, hold_after=10 * CHUNK)
    cancel = threading.Event()
    job = Background(lambda: downloader(tmp_path).download(REPO, cancel=cancel))
    assert fault.holding.wait(30)
    part = tmp_path / "tiny-org--tiny-llama" / PARTIAL_DIR / f"{WEIGHTS}.part"
    qtbot.waitUntil(lambda: part.exists() and part.stat().st_size == 10 * CHUNK, timeout=30_000)
    cancel.set()
    fault.release.set()
    job.join()
    hub.fault(REPO, WEIGHTS, ignore_range=True)
    seen: list[DownloadProgress] = []
    folder = downloader(tmp_path).download(REPO, on_progress=seen.append)
    last = hub.gets(WEIGHTS)[-1]
    assert last.range_start == 10 * CHUNK and last.status == 200  # asked to resume, got the whole file
    assert (folder / WEIGHTS).read_bytes() == tiny_repo_files[WEIGHTS]  # rewound, not appended
    assert all(p.bytes_done <= p.bytes_total for p in seen)


def test_the_fake_hub_speaks_the_api_huggingface_hub_itself_expects(hub: FakeHub, tmp_path: Path) -> None:
    """hf_hub_download's HEAD-then-GET path, with its ETag and X-Repo-Commit checks, accepts the fake Hub."""
    from huggingface_hub import hf_hub_download

    path = hf_hub_download(REPO, "config.json", cache_dir=tmp_path, endpoint=hub.url)
    assert Path(path).read_bytes() == hub.repos[REPO].files["config.json"].data
    assert [r.method for r in hub.requests if r.file == "config.json"] == ["HEAD", "GET"]
