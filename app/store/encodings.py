"""Which encoding a text file is in, and decoding it without holding the GIL for long.

Detection is charset-normalizer's. Two things are added around it: it looks at a bounded sample (the first
non-ASCII stretch of the file), so a 10 MB file costs what 64 KB does; and the codec it names is widened to the
superset that real files of that family are written in (GBK and GB2312 text is GB18030, Shift-JIS text from
Windows is cp932, Big5 is cp950), so that every such file decodes and is written back byte for byte.
"""

from __future__ import annotations

import codecs
import re

# (codec, the name users know it by). The order is the order of the encoding dialog.
ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"),
    ("utf-8-sig", "UTF-8 BOM"),
    ("utf-16", "UTF-16"),
    ("gb18030", "GB18030"),
    ("gbk", "GBK"),
    ("cp950", "Big5"),
    ("big5hkscs", "Big5-HKSCS"),
    ("cp932", "Shift-JIS"),
    ("euc_jp", "EUC-JP"),
    ("cp949", "EUC-KR"),
    ("cp1252", "Windows-1252"),
    ("iso8859-1", "ISO-8859-1"),
    ("cp1250", "Windows-1250"),
    ("cp1251", "Windows-1251"),
    ("koi8-r", "KOI8-R"),
)
_LABELS = dict(ENCODINGS)

# A file's own codec name (as Python spells it) -> the superset that decodes every file of that family.
_WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "cp950",
    "shift_jis": "cp932",
    "shift_jis_2004": "cp932",
    "shift_jisx0213": "cp932",
    "euc_kr": "cp949",
    "ascii": "utf-8",
}

# When charset-normalizer finds several codecs that fit equally well (short texts often fit many), the one
# Inkwell's writers most likely used: Chinese before the other CJK codecs, Windows-1252 before its neighbours.
_PREFERRED = ("gb18030", "cp950", "cp932", "euc_jp", "cp949", "cp1252", "cp1251", "cp1250")


def _widest(encoding: str) -> str:
    name = canonical(encoding)
    return _WIDER.get(name, name)


SAMPLE_BYTES = 64 * 1024  # detection on 64 KB holds the GIL ~2 ms here; on 1 MB ~20 ms
DECODE_CHUNK = 256 * 1024  # a GB18030 decode of 10 MB at once holds the GIL ~30 ms; in 256 KB steps ~1 ms each

_NON_ASCII = re.compile(rb"[\x80-\xff]")


def canonical(encoding: str) -> str:
    """Python's own name for a codec ("GBK" -> "gbk", "latin_1" -> "iso8859-1"); unknown names stay as they are."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def label(encoding: str) -> str:
    """The name a user knows ("GB18030", "UTF-8"), for the status bar and messages."""
    return _LABELS.get(canonical(encoding)) or encoding.upper().replace("_", "-")


def sample(data: bytes) -> bytes:
    """Up to SAMPLE_BYTES from the line where the first non-ASCII byte is, ending at a line break. No legacy CJK
    codec uses 0x0A inside a character, so the sample never starts or ends inside one."""
    first = _NON_ASCII.search(data)
    if first is None:
        return b""
    start = data.rfind(b"\n", 0, first.start()) + 1
    piece = data[start : start + SAMPLE_BYTES]
    if start + SAMPLE_BYTES < len(data):
        end = piece.rfind(b"\n")
        piece = piece[: end + 1] if end > 0 else piece
    return piece


def detect(data: bytes) -> str | None:
    """The codec `data` is most likely in (a name Python's codecs know), or None when nothing fits."""
    piece = sample(data)
    if not piece:
        return "utf-8"  # all ASCII
    from charset_normalizer import from_bytes

    matches = list(from_bytes(piece))
    if not matches:
        return None
    best = min(match.chaos for match in matches)
    fitting = [
        _widest(name)
        for match in matches
        if match.chaos <= best + 0.01
        for name in [match.encoding, *match.could_be_from_charset]
    ]
    for preferred in _PREFERRED:
        if preferred in fitting:
            return preferred
    return fitting[0]


def decode(data: bytes, encoding: str) -> str:
    """Strict decode in steps, so that another thread (the GUI's) gets the GIL between them. Raises
    UnicodeDecodeError with the position in `data`."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    parts: list[str] = []
    for start in range(0, len(data), DECODE_CHUNK):
        try:
            parts.append(decoder.decode(data[start : start + DECODE_CHUNK]))
        except UnicodeDecodeError as exc:
            raise UnicodeDecodeError(exc.encoding, data, start + exc.start, start + exc.end, exc.reason) from exc
    try:
        parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError as exc:
        raise UnicodeDecodeError(exc.encoding, data, len(data) - 1, len(data), exc.reason) from exc
    return "".join(parts)
