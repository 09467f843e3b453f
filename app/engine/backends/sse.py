"""An incremental parser for server-sent events (the `text/event-stream` format of streamed OpenAI replies).

Pure: bytes in, events out, so it is tested without a network. It follows the WHATWG rules that matter here:
lines end in CRLF, LF or CR (even when a CRLF is split across two reads); a blank line dispatches the event; lines
starting with ":" are comments (keep-alive pings); several `data:` lines join with newlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE_END = re.compile(rb"\r\n|\r|\n")
# A line longer than this is not an event stream (a server sending a binary file, or garbage without newlines);
# stop buffering instead of growing without bound.
MAX_LINE_BYTES = 4 * 1024 * 1024


class SSEError(ValueError):
    """The bytes cannot be an event stream."""


@dataclass(frozen=True)
class SSEEvent:
    data: str
    event: str = "message"
    id: str | None = None


class SSEParser:
    def __init__(self) -> None:
        self._buffer = bytearray()
        self._data: list[str] = []
        self._event = ""
        self._id: str | None = None
        self.bytes_seen = 0
        self.events_seen = 0
        self.fields_seen = 0  # lines that were a field or a comment: evidence that this is an event stream at all

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        """The events completed by `chunk`."""
        self.bytes_seen += len(chunk)
        self._buffer += chunk
        events: list[SSEEvent] = []
        start = 0
        while True:
            match = _LINE_END.search(self._buffer, start)
            if match is None:
                break
            if match.group() == b"\r" and match.end() == len(self._buffer):
                break  # maybe the first half of a CRLF: wait for the next read
            event = self._line(bytes(self._buffer[start : match.start()]))
            if event is not None:
                events.append(event)
            start = match.end()
        del self._buffer[:start]
        if len(self._buffer) > MAX_LINE_BYTES:
            raise SSEError(f"a line longer than {MAX_LINE_BYTES} bytes")
        return events

    def close(self) -> list[SSEEvent]:
        """Events still pending when the stream ends.

        The standard drops an event that was not followed by a blank line; some servers omit the last one, so a
        complete final `data:` line is kept. Whether that event is whole is for the caller to judge (its JSON
        parses, or not).
        """
        events: list[SSEEvent] = []
        if self._buffer:
            line = bytes(self._buffer.rstrip(b"\r"))
            self._buffer.clear()
            event = self._line(line)
            if event is not None:
                events.append(event)
        event = self._dispatch()
        if event is not None:
            events.append(event)
        return events

    @property
    def pending(self) -> bool:
        """True while part of an event has arrived without its end."""
        return bool(self._buffer or self._data)

    def _line(self, raw: bytes) -> SSEEvent | None:
        if not raw:
            return self._dispatch()
        line = raw.decode("utf-8", errors="replace")
        if line.startswith(":"):
            self.fields_seen += 1
            return None
        name, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            self._id = value
        elif name != "retry":
            return None  # unknown field names are ignored, as the standard says
        self.fields_seen += 1
        return None

    def _dispatch(self) -> SSEEvent | None:
        data, event = self._data, self._event
        self._data, self._event = [], ""
        if not data:
            return None
        self.events_seen += 1
        return SSEEvent("\n".join(data), event or "message", self._id)
