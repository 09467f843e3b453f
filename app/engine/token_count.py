"""Token counts without torch: the `tokenizers` library reading the model's tokenizer.json.

Usable in the GUI process (off the GUI thread for long texts: counting 100k words takes ~100 ms). Without a
tokenizer (a remote model) counts are estimates, and say so.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

# Rough English average for BPE vocabularies; used only when no tokenizer is available, and shown as "≈".
CHARS_PER_TOKEN_ESTIMATE = 4.0


@dataclass(frozen=True)
class TokenCount:
    tokens: int
    exact: bool  # False: an estimate from the text length

    def __str__(self) -> str:
        return f"{self.tokens:,}" if self.exact else f"≈{self.tokens:,}"


class Counter(Protocol):
    """What counting code needs: TokenCounter here, or a counter whose work runs in the text-services process."""

    @property
    def exact(self) -> bool: ...

    def count(self, text: str) -> TokenCount: ...

    def count_many(self, texts: list[str]) -> list[TokenCount]: ...


class TokenCounter:
    """Counts with the model's own tokenizer when `tokenizer.json` exists in `model_dir`, else estimates."""

    def __init__(self, model_dir: str | Path | None) -> None:
        self._tokenizer: Any = None
        self._lock = threading.Lock()  # tokenizers' objects are not documented as thread-safe
        if model_dir is not None:
            path = Path(model_dir) / "tokenizer.json"
            if path.is_file():
                from tokenizers import Tokenizer

                self._tokenizer = Tokenizer.from_file(str(path))

    @property
    def exact(self) -> bool:
        return self._tokenizer is not None

    def count(self, text: str) -> TokenCount:
        if not text:
            return TokenCount(0, self.exact)
        if self._tokenizer is None:
            return TokenCount(max(1, round(len(text) / CHARS_PER_TOKEN_ESTIMATE)), False)
        with self._lock:
            encoding = self._tokenizer.encode(text, add_special_tokens=False)
        return TokenCount(len(encoding.ids), True)

    def count_many(self, texts: list[str]) -> list[TokenCount]:
        if self._tokenizer is None:
            return [self.count(t) for t in texts]
        with self._lock:
            encodings = self._tokenizer.encode_batch(texts, add_special_tokens=False)
        return [TokenCount(len(e.ids), True) for e in encodings]


def conservative_count(text: str) -> int:
    """A token count on the high side without a tokenizer (UTF-8 bytes / 3: about a third more than English needs,
    about what CJK needs), for planning against a model whose tokenizer is not here (a server)."""
    return math.ceil(len(text.encode("utf-8")) / 3) if text else 0
