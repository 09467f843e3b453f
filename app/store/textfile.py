"""Reading and atomically writing the user's text files, with failures in plain words.

Text reaches the editor with "\\n" line endings; the file's own endings (mixed ones too) are restored on save.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile

from app.store.line_endings import LineEndings, restore_endings, split_endings, unix

# QPlainTextEdit lays out a 10 MB text in a few seconds on the GUI thread; far beyond that the editor would freeze.
MAX_OPEN_BYTES = 10 * 1024 * 1024
FALLBACK_ENCODING = "cp1252"  # what a non-UTF-8 text file most often is; decoding it never fails for 0x80-0xFF


class TextFileError(Exception):
    """A message for the user: what went wrong with which file, and what they can do."""


class NotUtf8Error(TextFileError):
    """The file is not UTF-8; it can still be read as FALLBACK_ENCODING if the user agrees."""

    def __init__(self, path: Path, position: int) -> None:
        super().__init__(
            f"{path.name} is not UTF-8 text (first unexpected byte at position {position:,}). It may use an older "
            f"encoding such as Windows-1252; opening it that way can show some characters wrongly."
        )
        self.path = path


@dataclass(frozen=True)
class LoadedText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", or FALLBACK_ENCODING
    endings: LineEndings = field(default_factory=unix)


def check_size(path: Path) -> int:
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise TextFileError(f"{path.name} does not exist (it may have been moved or deleted).") from exc
    except OSError as exc:
        raise TextFileError(f"{path.name} could not be read: {exc.strerror or exc}.") from exc
    if size > MAX_OPEN_BYTES:
        raise TextFileError(
            f"{path.name} is {size / 1024 / 1024:,.0f} MB; Inkwell opens text files up to "
            f"{MAX_OPEN_BYTES // 1024 // 1024} MB so that the editor stays responsive. Split the file, or open it "
            "in a tool made for very large files."
        )
    return size


def read_text(path: Path, *, allow_fallback: bool = False) -> LoadedText:
    """Read a text file; NotUtf8Error when it is not UTF-8 (retry with allow_fallback=True once the user agrees)."""
    if path.is_dir():
        raise TextFileError(f"{path.name} is a folder, not a text file.")
    check_size(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise TextFileError(f"{path.name} does not exist (it may have been moved or deleted).") from exc
    except PermissionError as exc:
        raise TextFileError(f"You do not have permission to read {path.name}.") from exc
    except OSError as exc:
        raise TextFileError(f"{path.name} could not be read: {exc.strerror or exc}.") from exc
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif b"\x00" in data[:8192]:
        raise TextFileError(f"{path.name} looks like a binary file, not text. Inkwell opens .txt and .md files.")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if not allow_fallback:
                raise NotUtf8Error(path, exc.start) from exc
            text, encoding = data.decode(FALLBACK_ENCODING, errors="replace"), FALLBACK_ENCODING
    normalized, endings = split_endings(text)
    return LoadedText(normalized, encoding, endings)


def encode_text(text: str, encoding: str, endings: LineEndings | None = None) -> bytes:
    text = restore_endings(text, endings) if endings is not None else text
    if encoding == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding == FALLBACK_ENCODING:
        try:
            return text.encode(encoding)
        except UnicodeEncodeError:
            # New characters the old encoding cannot hold: save as UTF-8 rather than lose them.
            return text.encode("utf-8")
    return text.encode(encoding)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write all or nothing: QSaveFile writes a temporary file and renames it over the old one on commit."""
    target = QSaveFile(str(path))
    if not target.open(QIODevice.OpenModeFlag.WriteOnly):
        raise TextFileError(f"{path.name} cannot be saved there: {target.errorString()}. Choose another folder.")
    if target.write(data) != len(data):
        message = target.errorString()
        target.cancelWriting()
        raise TextFileError(f"{path.name} could not be written completely: {message}. Your text is still open.")
    if not target.commit():
        raise TextFileError(f"{path.name} could not be saved: {target.errorString()}. Your text is still open.")


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8", endings: LineEndings | None = None) -> None:
    write_bytes_atomic(path, encode_text(text, encoding, endings))
