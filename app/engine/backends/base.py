"""The contract every model backend keeps (local transformers today, an OpenAI-compatible server next)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from app.engine.requests import Done, LoadProgress, ModelInfo, ModelSpec, Request


class CancelFlag(Protocol):
    """Anything with is_set(): a threading.Event, or the flag shared with the model host."""

    def is_set(self) -> bool: ...


class Backend(Protocol):
    def load(self, spec: ModelSpec, on_progress: Callable[[LoadProgress], None]) -> ModelInfo:
        """Load the model; raise EngineError (or let transformers raise) on failure."""
        ...

    def stream(self, request: Request, on_text: Callable[[str], None], cancel: CancelFlag) -> Done:
        """Generate for `request`, calling on_text with each new piece; return when done or cancelled."""
        ...

    def count_tokens(self, text: str) -> int: ...

    def unload(self) -> None: ...
