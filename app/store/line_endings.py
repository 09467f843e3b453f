"""Keep a file's line endings as they were: the editor works with "\\n", the file gets its own endings back.

Each line's ending is remembered by position; lines beyond the remembered ones (added by the user) get the file's
dominant ending. An unedited file is written back byte for byte, a file with mixed endings included.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_LINE = re.compile(r"(.*?)(\r\n|\r|\n|$)", re.DOTALL)


@dataclass(frozen=True)
class LineEndings:
    endings: tuple[str, ...]  # the ending of each line, in order ("" for a last line without one)
    dominant: str

    @property
    def mixed(self) -> bool:
        return len({e for e in self.endings if e}) > 1


def split_endings(text: str) -> tuple[str, LineEndings]:
    """(text with "\\n" only, the endings to restore)."""
    lines: list[str] = []
    endings: list[str] = []
    position = 0
    while position < len(text):
        match = _LINE.match(text, position)
        assert match is not None
        lines.append(match.group(1))
        endings.append(match.group(2))
        position = match.end()
    counts = Counter(e for e in endings if e)
    dominant = counts.most_common(1)[0][0] if counts else "\n"
    normalized = "".join(line + ("\n" if ending else "") for line, ending in zip(lines, endings, strict=True))
    return normalized, LineEndings(tuple(endings), dominant)


def restore_endings(text: str, endings: LineEndings) -> str:
    if not endings.mixed and endings.dominant == "\n":
        return text
    parts = text.split("\n")
    out: list[str] = []
    for index, line in enumerate(parts):
        out.append(line)
        if index == len(parts) - 1:
            break
        remembered = endings.endings[index] if index < len(endings.endings) else ""
        out.append(remembered or endings.dominant)
    return "".join(out)


def unix() -> LineEndings:
    return LineEndings((), "\n")


_CODES = {"\n": "n", "\r\n": "c", "\r": "r", "": "-"}
_ENDINGS = {code: ending for ending, code in _CODES.items()}


def pack(endings: LineEndings) -> str:
    """One letter per line (for a recovery file): "c" CRLF, "n" LF, "r" CR, "-" none."""
    return "".join(_CODES[e] for e in endings.endings)


def unpack(codes: str, dominant: str) -> LineEndings:
    return LineEndings(tuple(_ENDINGS.get(code, dominant) for code in codes), dominant or "\n")
