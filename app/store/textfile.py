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


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name Qt's lupdate looks for
    """Marks a message for translation without translating it here; the GUI translates it in context "Files"."""
    return text


class TextFileError(Exception):
    """A message for the user: what went wrong with which file, and what they can do.

    `template` (marked for translation) and `params` let the GUI show it in the user's language
    (`app.ui.messages.file_error_text`); str() is the English text, for logs and the command line."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params

    def __reduce__(self) -> tuple[object, ...]:
        # Raised in the text-services process and raised again in the GUI: rebuilt from the template and its
        # parameters (not the English text), so the GUI can still translate it; subclasses keep their fields.
        return _restore_error, (type(self), self.template, self.params, dict(self.__dict__))


def _restore_error(
    cls: type[TextFileError], template: str, params: dict[str, object], state: dict[str, object]
) -> TextFileError:
    error = cls.__new__(cls)
    TextFileError.__init__(error, template, **params)
    error.__dict__.update(state)
    return error


class NotUtf8Error(TextFileError):
    """The file is not UTF-8; it can still be read as FALLBACK_ENCODING if the user agrees."""

    def __init__(self, path: Path, position: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Files",
                "{name} is not UTF-8 text (first unexpected byte at position {position}). It may use an older "
                "encoding such as Windows-1252; opening it that way can show some characters wrongly.",
            ),
            name=path.name,
            position=f"{position:,}",
        )
        self.path = path


@dataclass(frozen=True)
class LoadedText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", or FALLBACK_ENCODING
    endings: LineEndings = field(default_factory=unix)


_MISSING = QT_TRANSLATE_NOOP("Files", "{name} does not exist (it may have been moved or deleted).")
_UNREADABLE = QT_TRANSLATE_NOOP("Files", "{name} could not be read: {reason}.")
CANNOT_SAVE_THERE = QT_TRANSLATE_NOOP("Files", "{name} cannot be saved there: {reason}. Choose another folder.")
NOT_SAVED = QT_TRANSLATE_NOOP("Files", "{name} could not be saved: {reason}.")


def check_size(path: Path) -> int:
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise TextFileError(_MISSING, name=path.name) from exc
    except OSError as exc:
        raise TextFileError(_UNREADABLE, name=path.name, reason=exc.strerror or exc) from exc
    if size > MAX_OPEN_BYTES:
        raise TextFileError(
            QT_TRANSLATE_NOOP(
                "Files",
                "{name} is {size} MB; Inkwell opens text files up to {limit} MB so that the editor stays "
                "responsive. Split the file, or open it in a tool made for very large files.",
            ),
            name=path.name,
            size=f"{size / 1024 / 1024:,.0f}",
            limit=MAX_OPEN_BYTES // 1024 // 1024,
        )
    return size


def read_text(path: Path, *, allow_fallback: bool = False) -> LoadedText:
    """Read a text file; NotUtf8Error when it is not UTF-8 (retry with allow_fallback=True once the user agrees)."""
    if path.is_dir():
        raise TextFileError(QT_TRANSLATE_NOOP("Files", "{name} is a folder, not a text file."), name=path.name)
    check_size(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise TextFileError(_MISSING, name=path.name) from exc
    except PermissionError as exc:
        raise TextFileError(
            QT_TRANSLATE_NOOP("Files", "You do not have permission to read {name}."), name=path.name
        ) from exc
    except OSError as exc:
        raise TextFileError(_UNREADABLE, name=path.name, reason=exc.strerror or exc) from exc
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif b"\x00" in data[:8192]:
        raise TextFileError(
            QT_TRANSLATE_NOOP("Files", "{name} looks like a binary file, not text. Inkwell opens .txt and .md files."),
            name=path.name,
        )
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
        raise TextFileError(CANNOT_SAVE_THERE, name=path.name, reason=target.errorString())
    if target.write(data) != len(data):
        message = target.errorString()
        target.cancelWriting()
        raise TextFileError(
            QT_TRANSLATE_NOOP("Files", "{name} could not be written completely: {reason}. Your text is still open."),
            name=path.name,
            reason=message,
        )
    if not target.commit():
        raise TextFileError(
            QT_TRANSLATE_NOOP("Files", "{name} could not be saved: {reason}. Your text is still open."),
            name=path.name,
            reason=target.errorString(),
        )


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8", endings: LineEndings | None = None) -> None:
    write_bytes_atomic(path, encode_text(text, encoding, endings))
