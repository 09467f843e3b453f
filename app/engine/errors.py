"""Expected engine failures and their plain-words messages.

Exceptions from torch, transformers or the file system are turned into a `Failure` here, once, so that the host,
the CLI and the GUI all say the same thing. Classification works on names and messages so this module never
imports torch.
"""

from __future__ import annotations

import traceback

from app.engine.requests import Failure, FailureKind
from app.translatable import QT_TRANSLATE_NOOP


class EngineError(Exception):
    """A failure we expected and can explain; carries the words the user will read.

    As with TextFileError, `template` is marked for translation (context "Engine") and `params` are put into it:
    `message` is the English text, for logs and the command line; the GUI translates the template."""

    def __init__(self, kind: FailureKind, template: str, detail: str = "", **params: object) -> None:
        message = template.format(**params) if params else template
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.detail = detail
        self.template = template
        self.params = params

    def to_failure(self, request_id: int | None = None) -> Failure:
        return Failure(self.kind, self.message, self.detail, request_id, self.template, self.params)


def _names(exc: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(exc).__mro__}


def classify(exc: BaseException) -> tuple[FailureKind, str] | None:
    """(kind, message) for an exception we recognise, else None. The message has no parameters: it is its own
    translation template."""
    text = str(exc)
    lowered = text.lower()
    names = _names(exc)
    if "OutOfMemoryError" in names or isinstance(exc, MemoryError) or "out of memory" in lowered:
        return (
            FailureKind.OUT_OF_MEMORY,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The model does not fit in memory. Choose a smaller model, close other programs, or use the CPU.",
            ),
        )
    if "trust_remote_code" in lowered or "custom code" in lowered:
        return (
            FailureKind.NEEDS_REMOTE_CODE,
            QT_TRANSLATE_NOOP(
                "Engine",
                "This model needs to run its own Python code, which Inkwell never allows. Choose a model that "
                "Transformers supports natively.",
            ),
        )
    if (
        "does not recognize this architecture" in lowered
        or "unrecognized model" in lowered
        or "unrecognized configuration class" in lowered
        or ("model type" in lowered and "not" in lowered and "support" in lowered)
    ):
        return (
            FailureKind.UNSUPPORTED_MODEL,
            QT_TRANSLATE_NOOP(
                "Engine",
                "This model's architecture is not supported by the installed Transformers. Choose another model, "
                "or update Inkwell.",
            ),
        )
    if (
        "SafetensorError" in names
        or "deserializing header" in lowered
        or "headertoolarge" in lowered
        or "invalid load key" in lowered
        or "unpickling" in lowered
        or "incomplete metadata" in lowered
        or "size mismatch" in lowered
        or "JSONDecodeError" in names
    ):
        return (
            FailureKind.CORRUPT_MODEL,
            QT_TRANSLATE_NOOP("Engine", "The model's files are damaged or incomplete. Download or convert it again."),
        )
    if (
        "LocalEntryNotFoundError" in names
        or "ConnectError" in names
        or "ConnectionError" in names
        or "offline" in lowered
        or "couldn't connect" in lowered
    ):
        return (
            FailureKind.NETWORK,
            QT_TRANSLATE_NOOP(
                "Engine",
                "The model could not be downloaded: the network or the Hugging Face Hub is unreachable. "
                "Check your connection, or choose a model folder on this computer.",
            ),
        )
    if isinstance(exc, FileNotFoundError) or "does not appear to have a file named" in lowered:
        return (
            FailureKind.MODEL_NOT_FOUND,
            QT_TRANSLATE_NOOP(
                "Engine",
                "No usable model was found there. Choose a folder with config.json and weights, or a .gguf file.",
            ),
        )
    return None


def failure_from_exception(exc: BaseException, request_id: int | None = None) -> Failure:
    if isinstance(exc, EngineError):
        return exc.to_failure(request_id)
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    known = classify(exc)
    if known is not None:
        return Failure(known[0], known[1], detail, request_id, known[1])
    internal = QT_TRANSLATE_NOOP(
        "Engine",
        "Something unexpected went wrong in the model engine. Your text is safe; try again, and use "
        "Help → Copy diagnostics if it keeps happening.",
    )
    return Failure(
        FailureKind.INTERNAL,
        internal,
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
        request_id,
        internal,
    )
