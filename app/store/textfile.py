"""Reading and atomically writing the user's text files, with failures in plain words.

Text reaches the editor with "\\n" line endings; the file's own endings (mixed ones too) are restored on save.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile

from app.store import encodings
from app.store.line_endings import LineEndings, restore_endings, split_endings, unix
from app.translatable import QT_TRANSLATE_NOOP

# QPlainTextEdit lays out a 10 MB text in a few seconds on the GUI thread; far beyond that the editor would freeze.
MAX_OPEN_BYTES = 10 * 1024 * 1024
FALLBACK_ENCODING = "cp1252"  # what a non-UTF-8 text file most often is; decoding it never fails for 0x80-0xFF


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


class CannotEncodeError(TextFileError):
    """A character of the text has no place in the encoding the file is to be written in (nothing was written)."""

    def __init__(self, name: str, encoding: str, character: str, line: int, column: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Files",
                "{name} cannot be saved as {encoding}: the character “{character}” ({code}) on line {line} "
                "has no place in that encoding.",
            ),
            name=name,
            encoding=encodings.label(encoding),
            character=character,
            code=f"U+{ord(character):04X}",
            line=line,
        )
        self.encoding, self.character, self.line, self.column = encoding, character, line, column


class CannotDecodeError(TextFileError):
    """The file is not text in the encoding the user chose."""

    def __init__(self, name: str, encoding: str, position: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Files",
                "{name} is not {encoding} text (the bytes at position {position} do not fit that encoding). "
                "Choose another encoding.",
            ),
            name=name,
            encoding=encodings.label(encoding),
            position=f"{position:,}",
        )
        self.encoding = encoding


@dataclass(frozen=True)
class LoadedText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", a detected or chosen codec ("gb18030", "cp950"...)
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


def read_text(path: Path, *, allow_fallback: bool = False, encoding: str | None = None) -> LoadedText:
    """Read a text file in `encoding`, or in the one it has (a BOM, UTF-8, or what detection finds); NotUtf8Error
    when no encoding fits (retry with allow_fallback=True once the user agrees to Windows-1252)."""
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
    return text_from_bytes(data, path, allow_fallback=allow_fallback, encoding=encoding)


def text_from_bytes(
    data: bytes, path: Path, *, allow_fallback: bool = False, encoding: str | None = None
) -> LoadedText:
    """What read_text makes of a file's bytes (for bytes from elsewhere too, such as standard input); `path`
    names them in messages."""
    if encoding is not None:
        text, encoding = _decode_as(path, data, encoding), encoding
    elif data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif b"\x00" in data[:8192]:
        raise TextFileError(
            QT_TRANSLATE_NOOP("Files", "{name} looks like a binary file, not text. Inkwell opens .txt and .md files."),
            name=path.name,
        )
    else:
        text, encoding = _decode_detected(path, data, allow_fallback)
    normalized, endings = split_endings(text)
    return LoadedText(normalized, encoding, endings)


def _decode_as(path: Path, data: bytes, encoding: str) -> str:
    if encoding == "utf-8-sig" or (encoding == "utf-8" and data.startswith(codecs.BOM_UTF8)):
        data = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
        encoding = "utf-8"
    try:
        return encodings.decode(data, encoding)
    except UnicodeDecodeError as exc:
        raise CannotDecodeError(path.name, encoding, exc.start) from exc
    except LookupError as exc:
        raise CannotDecodeError(path.name, encoding, 0) from exc


def _decode_detected(path: Path, data: bytes, allow_fallback: bool) -> tuple[str, str]:
    try:
        return encodings.decode(data, "utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    detected = encodings.detect(data)
    if detected is not None and detected != "utf-8":
        try:
            return encodings.decode(data, detected), detected
        except UnicodeDecodeError:
            pass  # the sample misled detection: ask, as for a file nothing fits
    if not allow_fallback:
        raise NotUtf8Error(path, first_bad)
    return data.decode(FALLBACK_ENCODING, errors="replace"), FALLBACK_ENCODING


def encode_text(text: str, encoding: str, endings: LineEndings | None = None, *, name: str = "") -> bytes:
    """The file's bytes. CannotEncodeError (naming the first such character and its line) when a character has no
    place in `encoding`: the caller asks the user, nothing is ever replaced by "?"."""
    written = restore_endings(text, endings) if endings is not None else text
    if encoding == "utf-16":
        return codecs.BOM_UTF16_LE + written.encode("utf-16-le")
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + written.encode("utf-8")
    try:
        return written.encode(encoding)
    except UnicodeEncodeError:
        pass
    try:
        text.encode(encoding)  # again on the editor's text, where lines are what the user sees
    except UnicodeEncodeError as exc:
        line_start = text.rfind("\n", 0, exc.start) + 1
        line = text.count("\n", 0, exc.start) + 1
        raise CannotEncodeError(name, encoding, text[exc.start], line, exc.start - line_start + 1) from None
    raise AssertionError("unreachable: the text encodes with one set of line endings and not the other")


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
    write_bytes_atomic(path, encode_text(text, encoding, endings, name=path.name))
