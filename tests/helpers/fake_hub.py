"""A real HTTP server on localhost that speaks the parts of the Hugging Face Hub API huggingface_hub downloads with.

- `GET /api/models/{repo}[/revision/{rev}]?blobs=true`: model info with the commit sha, `gated`, and every file's
  size, git blob id and LFS SHA-256 (what `HfApi.model_info(files_metadata=True)` reads).
- `HEAD|GET /{repo}/resolve/{rev}/{file}`: the file, with `ETag`, `X-Repo-Commit`, `X-Linked-Etag/Size` for LFS
  files, `Accept-Ranges` and `Range` requests answered with 206 and `Content-Range`.
- The Hub's error conventions (`X-Error-Code: RepoNotFound | GatedRepo | RevisionNotFound | EntryNotFound`), so
  huggingface_hub raises its own typed errors: 404 for unknown repos, 401/403 for gated ones without / with a token
  that has no access, 401 "Invalid credentials" for an unknown token.

Faults (on GET of one file, at an absolute byte offset, once each unless `times` says otherwise): `hold_after`
(send up to the offset, then wait for `release()`), `cut_after` (drop the connection there), `stall_after` (go
silent there until the client gives up and asks again), `corrupt` (flip bytes of the body), `ignore_range` (answer
a Range request with the whole file), `throttle` (seconds between 64 KiB pieces). Every request is logged with its
Range start and the bytes actually sent.

Point huggingface_hub at it with `HF_ENDPOINT=<hub.url>` (the `fake_hub` fixture does).
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

PIECE = 64 * 1024
LFS_SUFFIXES = (".safetensors", ".bin", ".gguf", ".model", ".pth")


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class HubFile:
    name: str
    data: bytes
    claimed_size: int | None = None  # what the listing says, when a test wants it to lie (disk-space check)

    @property
    def lfs(self) -> bool:
        return self.name.endswith(LFS_SUFFIXES) or len(self.data) > 1024 * 1024

    @property
    def size(self) -> int:
        return self.claimed_size if self.claimed_size is not None else len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def etag(self) -> str:
        return self.sha256 if self.lfs else git_blob_id(self.data)


@dataclass
class HubRepo:
    repo_id: str
    files: dict[str, HubFile]
    gated: bool = False
    private: bool = False

    @property
    def commit(self) -> str:
        digest = hashlib.sha1(self.repo_id.encode())
        for name in sorted(self.files):
            digest.update(name.encode() + self.files[name].etag.encode())
        return digest.hexdigest()

    def info(self) -> dict[str, object]:
        siblings = []
        for hub_file in self.files.values():
            sibling: dict[str, object] = {
                "rfilename": hub_file.name,
                "size": hub_file.size,
                "blobId": git_blob_id(hub_file.data),
            }
            if hub_file.lfs:
                sibling["lfs"] = {"size": hub_file.size, "sha256": hub_file.sha256, "pointerSize": 134}
            siblings.append(sibling)
        return {
            "_id": hashlib.md5(self.repo_id.encode()).hexdigest()[:24],
            "id": self.repo_id,
            "modelId": self.repo_id,
            "author": self.repo_id.split("/")[0],
            "sha": self.commit,
            "private": self.private,
            "gated": "manual" if self.gated else False,
            "disabled": False,
            "library_name": "transformers",
            "tags": ["transformers", "safetensors"],
            "lastModified": "2025-01-01T00:00:00.000Z",
            "siblings": siblings,
        }


@dataclass
class Fault:
    hold_after: int | None = None
    cut_after: int | None = None
    stall_after: int | None = None
    corrupt: bool = False
    ignore_range: bool = False  # answer a Range request with 200 and the whole file, as some proxies do
    throttle: float = 0.0
    times: int = 1  # how many GET requests of the file it applies to
    holding: threading.Event = field(default_factory=threading.Event)  # set when a hold or stall has begun
    release: threading.Event = field(default_factory=threading.Event)


@dataclass
class Logged:
    method: str
    path: str
    range_start: int | None
    authorization: str
    status: int = 0
    bytes_sent: int = 0

    @property
    def file(self) -> str:
        match = re.match(r"/[^/]+/[^/]+/resolve/[^/]+/(.+)", self.path)
        return unquote(match.group(1)) if match else ""


class FakeHub:
    def __init__(self) -> None:
        self.repos: dict[str, HubRepo] = {}
        self.tokens: dict[str, set[str]] = {}  # valid token -> gated repos it may read
        self.faults: dict[tuple[str, str], Fault] = {}
        self.requests: list[Logged] = []
        self._lock = threading.Lock()
        hub = self

        class Handler(_HubHandler):
            owner = hub

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, name="fake-hub", daemon=True)
        self._thread.start()

    # -- set-up ----------------------------------------------------------------------------------------------
    def add_repo(self, repo_id: str, files: dict[str, bytes], *, gated: bool = False, private: bool = False) -> HubRepo:
        repo = HubRepo(repo_id, {name: HubFile(name, data) for name, data in files.items()}, gated, private)
        self.repos[repo_id] = repo
        return repo

    def add_token(self, token: str, *gated_repos: str) -> None:
        self.tokens[token] = set(gated_repos)

    def fault(self, repo_id: str, filename: str, **kwargs: object) -> Fault:
        fault = Fault(**kwargs)  # type: ignore[arg-type]
        self.faults[(repo_id, filename)] = fault
        return fault

    # -- what happened ---------------------------------------------------------------------------------------
    def log(self, entry: Logged) -> None:
        with self._lock:
            self.requests.append(entry)

    def gets(self, filename: str) -> list[Logged]:
        with self._lock:
            return [r for r in self.requests if r.method == "GET" and r.file == filename]

    def api_calls(self) -> list[Logged]:
        with self._lock:
            return [r for r in self.requests if r.path.startswith("/api/")]

    def close(self) -> None:
        for fault in self.faults.values():
            fault.release.set()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=10)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up mid-file (cancel, timeout) is normal here, not an error worth a traceback.
        pass


class _HubHandler(BaseHTTPRequestHandler):
    owner: FakeHub
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # the base class names it so
        pass

    def do_HEAD(self) -> None:
        self._route(head=True)

    def do_GET(self) -> None:
        self._route(head=False)

    # -- routing ---------------------------------------------------------------------------------------------
    def _route(self, head: bool) -> None:
        parsed = urlparse(self.path)
        path = parsed.path
        range_header = self.headers.get("Range", "")
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", range_header.strip())
        entry = Logged(
            "HEAD" if head else "GET",
            path,
            int(match.group(1)) if match else None,
            self.headers.get("Authorization", ""),
        )
        self.owner.log(entry)
        api = re.fullmatch(r"/api/models/([^/]+/[^/]+?)(?:/revision/([^/]+))?", path)
        if api:
            self._model_info(entry, unquote(api.group(1)), unquote(api.group(2) or "main"), head)
            return
        resolve = re.fullmatch(r"/([^/]+/[^/]+)/resolve/([^/]+)/(.+)", path)
        if resolve:
            repo_id, revision, name = (unquote(part) for part in resolve.groups())
            self._resolve(entry, repo_id, revision, name, match, head)
            return
        self._error(entry, 404, "", "Not found")

    def _token(self) -> str:
        value = self.headers.get("Authorization", "")
        return value.removeprefix("Bearer ").strip()

    def _check_repo(self, entry: Logged, repo_id: str, *, files: bool) -> HubRepo | None:
        repo = self.owner.repos.get(repo_id)
        token = self._token()
        if token and token not in self.owner.tokens:
            self._error(entry, 401, "", "Invalid credentials in Authorization header")
            return None
        if repo is None:
            self._error(entry, 404, "RepoNotFound", "Repository not found")
            return None
        if repo.private and not token:
            self._error(entry, 401, "RepoNotFound", "Repository not found")
            return None
        if files and repo.gated and repo_id not in self.owner.tokens.get(token, set()):
            status = 403 if token else 401
            message = (
                f"Access to model {repo_id} is restricted and you are not in the authorized list."
                if token
                else f"Access to model {repo_id} is restricted. You must have access to it and be authenticated."
            )
            self._error(entry, status, "GatedRepo", message)
            return None
        return repo

    def _revision_ok(self, entry: Logged, repo: HubRepo, revision: str) -> bool:
        if revision in ("main", repo.commit):
            return True
        self._error(entry, 404, "RevisionNotFound", f"Invalid rev id: {revision}")
        return False

    def _model_info(self, entry: Logged, repo_id: str, revision: str, head: bool) -> None:
        repo = self._check_repo(entry, repo_id, files=False)
        if repo is None or not self._revision_ok(entry, repo, revision):
            return
        body = json.dumps(repo.info()).encode()
        entry.status = 200
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _resolve(
        self, entry: Logged, repo_id: str, revision: str, name: str, match: re.Match[str] | None, head: bool
    ) -> None:
        repo = self._check_repo(entry, repo_id, files=True)
        if repo is None or not self._revision_ok(entry, repo, revision):
            return
        hub_file = repo.files.get(name)
        if hub_file is None:
            self._error(entry, 404, "EntryNotFound", f"{name} does not exist", commit=repo.commit)
            return
        data = hub_file.data
        start, end = 0, len(data) - 1
        status = 200
        fault = self.owner.faults.get((repo_id, name))
        if match and not (fault is not None and fault.ignore_range and fault.times > 0 and not head):
            start = int(match.group(1))
            if match.group(2):
                end = min(int(match.group(2)), end)
            if start >= len(data):
                self._error(entry, 416, "", "Range not satisfiable")
                return
            status = 206
        entry.status = status
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", f'"{hub_file.etag}"')
        self.send_header("X-Repo-Commit", repo.commit)
        if hub_file.lfs:
            self.send_header("X-Linked-Etag", f'"{hub_file.etag}"')
            self.send_header("X-Linked-Size", str(len(data)))
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.end_headers()
        if head:
            return
        if fault is not None:
            # A new request for a file whose previous transfer went silent: the client gave up on that one.
            if fault.stall_after is not None and fault.holding.is_set():
                fault.release.set()
            if fault.times <= 0:
                fault = None
            else:
                fault.times -= 1
                if fault.stall_after is not None or fault.hold_after is not None:
                    fault.release.clear()
                    fault.holding.clear()
        self._send_body(entry, data, start, end + 1, fault)

    def _send_body(self, entry: Logged, data: bytes, start: int, stop: int, fault: Fault | None) -> None:
        body = bytearray(data[start:stop])
        if fault is not None and fault.corrupt:
            for index in range(0, len(body), 4096):
                body[index] ^= 0xFF
        position = start
        held = False
        try:
            while position < stop:
                if fault is not None:
                    if position == fault.cut_after:
                        self.wfile.flush()
                        self.close_connection = True
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return
                    if position == fault.stall_after:
                        self.wfile.flush()
                        fault.holding.set()
                        fault.release.wait(timeout=60)
                        self.close_connection = True
                        return
                    if position == fault.hold_after and not held:
                        held = True
                        self.wfile.flush()
                        fault.holding.set()
                        fault.release.wait(timeout=60)
                limit = stop
                for offset in (fault.hold_after, fault.cut_after, fault.stall_after) if fault is not None else ():
                    if offset is not None and position < offset < limit:
                        limit = offset
                piece_end = min(position + PIECE, limit)
                self.wfile.write(body[position - start : piece_end - start])
                entry.bytes_sent += piece_end - position
                position = piece_end
                if fault is not None and fault.throttle:
                    time.sleep(fault.throttle)
        except OSError:  # the client hung up (cancel, timeout): normal
            self.close_connection = True

    def _error(self, entry: Logged, status: int, code: str, message: str, commit: str = "") -> None:
        entry.status = status
        body = json.dumps({"error": message}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if code:
            self.send_header("X-Error-Code", code)
        self.send_header("X-Error-Message", message)
        if commit:
            self.send_header("X-Repo-Commit", commit)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


# -- fixtures --------------------------------------------------------------------------------------------------


@pytest.fixture(name="fake_hub")
def fake_hub_fixture(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeHub]:
    """A fresh fake Hub; huggingface_hub is pointed at it through HF_ENDPOINT, with no ambient token."""
    from huggingface_hub import constants

    hub = FakeHub()
    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    # A token saved by `hf auth login` on this machine must not reach the tests' requests.
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", str(tmp_path_factory.mktemp("hf-home") / "token"))
    yield hub
    hub.close()


DECOYS = {
    # What real repos carry besides what Inkwell needs; none of it may be downloaded.
    "pytorch_model.bin": b"\x80\x02pickled weights" * 4096,
    "original/consolidated.00.pth": b"pth" * 4096,
    "onnx/model.onnx": b"onnx" * 1024,
    "README.md": b"# A tiny model\n",
    ".gitattributes": b"*.safetensors filter=lfs diff=lfs merge=lfs -text\n",
    "model.gguf": b"GGUF" * 1024,
}


def model_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


@pytest.fixture(name="tiny_repo_files", scope="session")
def tiny_repo_files_fixture(tiny_model_dir: Path) -> dict[str, bytes]:
    """The real tiny model's files (config, tokenizer, ~13 MB of safetensors) plus the decoys a real repo has."""
    files = model_files(tiny_model_dir)
    assert "model.safetensors" in files and "config.json" in files
    return {**files, **DECOYS}
