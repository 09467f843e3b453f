"""The one place where errors and notices reach the user.

Controllers report here; the notice bar above the editor shows the latest; the log keeps all of them.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.engine.requests import Failure, FailureKind, ModelInfo
from app.store.textfile import TextFileError

log = logging.getLogger(__name__)


class Level(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Notice:
    level: Level
    text: str
    detail: str = ""


def file_error_text(error: TextFileError) -> str:
    """A file error in the user's language (its template is marked for translation in context "Files")."""
    return QCoreApplication.translate("Files", error.template).format(**error.params)


def joined(items: Iterable[str]) -> str:
    """The items of a list as the user's language writes them: "a, b" in English, "a、b" in Chinese."""
    return QCoreApplication.translate("Messages", ", ", "between the items of a list").join(items)


def engine_text(template: str, params: Mapping[str, object], english: str) -> str:
    """A message made by the engine (a failure, load progress, a connection test), in the user's language: its
    template is marked for translation in context "Engine". `english` when the engine gave no template."""
    if not template:
        return english
    translated = QCoreApplication.translate("Engine", template)
    return translated.format(**params) if params else translated


def info_note(info: ModelInfo, name: Literal["gpu_note", "gpu_note_short", "dtype_note"]) -> str:
    """One of the loaded model's notes (why no GPU, why another precision) in the user's language."""
    return engine_text(info.note_templates.get(name, ""), info.note_params, getattr(info, name))


def failure_text(failure: Failure) -> str:
    """The user's words for a failure. The engine's message names paths and numbers; a few kinds get a lead-in."""
    lead = {
        FailureKind.HOST_DIED: QCoreApplication.translate("Messages", "The model stopped."),
        FailureKind.OUT_OF_MEMORY: QCoreApplication.translate("Messages", "Out of memory."),
        FailureKind.MODEL_NOT_FOUND: QCoreApplication.translate("Messages", "Model not found."),
        FailureKind.UNSUPPORTED_MODEL: QCoreApplication.translate("Messages", "Unsupported model."),
        FailureKind.CORRUPT_MODEL: QCoreApplication.translate("Messages", "Damaged model files."),
        FailureKind.NEEDS_REMOTE_CODE: QCoreApplication.translate("Messages", "Model not allowed."),
        FailureKind.CONTEXT_OVERFLOW: QCoreApplication.translate("Messages", "Text too long."),
        FailureKind.NETWORK: QCoreApplication.translate("Messages", "Network problem."),
    }.get(failure.kind, "")
    return f"{lead} {engine_text(failure.template, failure.params, failure.message)}".strip()


class MessageCenter(QObject):
    posted = Signal(object)  # Notice
    dismissed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history: list[Notice] = []
        self.current: Notice | None = None  # shown and not yet dismissed

    @property
    def last(self) -> Notice | None:
        return self.history[-1] if self.history else None

    def dismiss(self) -> None:
        self.current = None
        self.dismissed.emit()

    def post(self, notice: Notice) -> None:
        # The same failure can arrive twice (a model load failing on behalf of a request): show it once
        # while it is still on screen.
        if self.current == notice:
            return
        self.current = notice
        self.history.append(notice)
        logging_level = {Level.INFO: logging.INFO, Level.WARNING: logging.WARNING, Level.ERROR: logging.ERROR}
        log.log(logging_level[notice.level], "%s %s", notice.text, notice.detail)
        self.posted.emit(notice)

    def info(self, text: str) -> None:
        self.post(Notice(Level.INFO, text))

    def warning(self, text: str, detail: str = "") -> None:
        self.post(Notice(Level.WARNING, text, detail))

    def error(self, text: str, detail: str = "") -> None:
        self.post(Notice(Level.ERROR, text, detail))

    def failure(self, failure: Failure) -> None:
        self.post(Notice(Level.ERROR, failure_text(failure), failure.detail))
