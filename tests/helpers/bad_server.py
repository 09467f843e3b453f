"""Real local sockets that misbehave: the remote backend's error paths, tested against what actually goes over TCP.

`BadServer` listens on 127.0.0.1 and answers each request with the handler routed to "METHOD /path". Handlers
write raw bytes, so they can do what no well-behaved server does: send garbage instead of HTTP, cut a stream off
mid-chunk, stall between events, or never answer at all. `Conn.wait_for_close()` blocks until the client goes away
and records it, which is how the tests prove that Stop really closes the connection.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    422: "Unprocessable Entity",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


@dataclass(frozen=True)
class Seen:
    """A request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class Conn:
    """One accepted connection, with its request read; handlers answer through it."""

    def __init__(self, sock: socket.socket, request: Seen, server: BadServer) -> None:
        self.sock = sock
        self.request = request
        self.server = server

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def head(self, status: int = 200, content_type: str = "text/event-stream", *, chunked: bool = False) -> None:
        """Status line and headers. Without `chunked` the body ends when the connection closes."""
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Whatever')}", f"Content-Type: {content_type}"]
        lines.append("Transfer-Encoding: chunked" if chunked else "Connection: close")
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode())

    def whole(self, status: int, body: bytes, content_type: str) -> None:
        head = (
            f"HTTP/1.1 {status} {_REASONS.get(status, 'Whatever')}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        self.send(head.encode() + body)

    def event(self, payload: Any, *, chunked: bool = False) -> None:
        data = payload if isinstance(payload, str) else json.dumps(payload)
        raw = f"data: {data}\n\n".encode()
        self.send(f"{len(raw):x}\r\n".encode() + raw + b"\r\n" if chunked else raw)

    def wait_for_close(self) -> None:
        """Block until the client closes the connection (or the server stops); record a client close."""
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                data = b""
            if not data:
                break
        if not self.server.stopping:
            self.server.client_closed.set()


Handler = Callable[[Conn], None]


class BadServer:
    """A scriptable HTTP/1.1 server on 127.0.0.1 (one thread per connection). Use as a context manager."""

    def __init__(self, routes: dict[str, Handler] | None = None) -> None:
        self.routes: dict[str, Handler] = dict(routes or {})
        self.requests: list[Seen] = []
        self.client_closed = threading.Event()
        self.stopping = False
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._threads: list[threading.Thread] = []
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self._accepter = threading.Thread(target=self._accept, name="bad-server-accept", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> BadServer:
        self._accepter.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self.stopping = True
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._accepter.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        for conn in conns:
            conn.close()

    def posted(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.method == "POST" and r.path == path]

    def _accept(self) -> None:
        while not self.stopping:
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self._conns.append(sock)
            thread = threading.Thread(target=self._serve, args=(sock,), name="bad-server-conn", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        try:
            request = _read_request(sock)
            if request is None:
                return
            self.requests.append(request)
            handler = self.routes.get(f"{request.method} {request.path}", not_found)
            handler(Conn(sock, request, self))
        except OSError:
            # A write failed: the client went away (what the Stop tests do on purpose), and the server saw it.
            if not self.stopping:
                self.client_closed.set()
        finally:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def _read_request(sock: socket.socket) -> Seen | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _version = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return Seen(method, target.split("?", 1)[0], headers, body)


def closed_port() -> int:
    """A local port with nothing listening (connections to it are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- canned handlers ---------------------------------------------------------------------------------------------
def json_reply(status: int, payload: Any) -> Handler:
    def handle(conn: Conn) -> None:
        conn.whole(status, json.dumps(payload).encode(), "application/json")

    return handle


def text_reply(status: int, body: str, content_type: str = "text/html; charset=utf-8") -> Handler:
    def handle(conn: Conn) -> None:
        conn.whole(status, body.encode(), content_type)

    return handle


def not_found(conn: Conn) -> None:
    conn.whole(404, b'{"detail":"Not Found"}', "application/json")  # what FastAPI servers say for an unknown path


def models_reply(*names: str) -> Handler:
    return json_reply(200, {"object": "list", "data": [{"id": n, "object": "model"} for n in names]})


def garbage(data: bytes = b"SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n") -> Handler:
    """Something that is not HTTP at all (here: what an SSH server says)."""

    def handle(conn: Conn) -> None:
        conn.send(data)

    return handle


def hang(on_request: Callable[[], None] | None = None) -> Handler:
    """Read the request, never answer, and wait for the client to give up; `on_request` runs once it is read."""

    def handle(conn: Conn) -> None:
        if on_request is not None:
            on_request()
        conn.wait_for_close()

    return handle


def chat_chunk(content: str | None = None, finish: str | None = None, usage: dict[str, int] | None = None) -> Any:
    delta = {} if content is None else {"content": content}
    chunk: dict[str, Any] = {
        "object": "chat.completion.chunk",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    if usage is not None:
        chunk["usage"] = usage
    return chunk


def text_chunk(text: str = "", finish: str | None = None) -> Any:
    return {"object": "text_completion", "choices": [{"index": 0, "text": text, "finish_reason": finish}]}


def sse(
    events: Iterable[Any],
    *,
    then: str = "close",
    chunked: bool = False,
    after: Callable[[], None] | None = None,
) -> Handler:
    """Send `events` as a 200 event stream, then: "close" the connection, "done" (send [DONE] and close), "stall"
    (keep the connection open until the client closes it), or "cut" (close in the middle of a chunk; needs
    `chunked`). `after` runs once the events are sent, before `then`."""

    def handle(conn: Conn) -> None:
        conn.head(200, "text/event-stream; charset=utf-8", chunked=chunked)
        for payload in events:
            conn.event(payload, chunked=chunked)
        if after is not None:
            after()
        if then == "done":
            conn.event("[DONE]", chunked=chunked)
            if chunked:
                conn.send(b"0\r\n\r\n")
        elif then == "stall":
            conn.wait_for_close()
        elif then == "cut":
            conn.send(b'40\r\ndata: {"choices": [{"delta": {"content": "half')
        elif chunked:
            conn.send(b"0\r\n\r\n")

    return handle
