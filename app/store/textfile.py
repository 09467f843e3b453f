"""Reading and atomically writing the user's text files, with failures in plain words."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile


class TextFileError(Exception):
    """A message for the user: what went wrong with which file, and what they can do."""


@dataclass(frozen=True)
class LoadedText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16"


def read_text(path: Path) -> LoadedText:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise TextFileError(f"{path.name} does not exist (it may have been moved or deleted).") from exc
    except IsADirectoryError as exc:
        raise TextFileError(f"{path.name} is a folder, not a text file.") from exc
    except PermissionError as exc:
        raise TextFileError(f"You do not have permission to read {path.name}.") from exc
    except OSError as exc:
        raise TextFileError(f"{path.name} could not be read: {exc.strerror or exc}.") from exc
    if data.startswith(codecs.BOM_UTF8):
        return LoadedText(data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return LoadedText(data.decode("utf-16"), "utf-16")
    if b"\x00" in data[:8192]:
        raise TextFileError(f"{path.name} looks like a binary file, not text. Inkwell opens .txt and .md files.")
    try:
        return LoadedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        raise TextFileError(f"{path.name} is not valid UTF-8 text (first bad byte at position {exc.start:,}).") from exc


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write all or nothing: QSaveFile writes a temporary file and renames it over the old one on commit."""
    data = text.encode(encoding)
    if encoding == "utf-16" and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    target = QSaveFile(str(path))
    if not target.open(QIODevice.OpenModeFlag.WriteOnly):
        raise TextFileError(f"{path.name} cannot be saved there: {target.errorString()}. Choose another folder.")
    if target.write(data) != len(data):
        message = target.errorString()
        target.cancelWriting()
        raise TextFileError(f"{path.name} could not be written completely: {message}. Your text is still open.")
    if not target.commit():
        raise TextFileError(f"{path.name} could not be saved: {target.errorString()}. Your text is still open.")
