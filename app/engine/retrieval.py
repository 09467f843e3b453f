"""Passages of a document and which of them answer a question: split with exact offsets, rank with BM25.

Pure and torch-free: used by the chat pane's prompt builder (off the GUI thread) to ground answers in a document
longer than the model's context. Offsets index the document string, so a citation can select its passage in the
editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

# ~175 tokens of English: small enough that several passages fit a small model's context, large enough to
# carry a paragraph's meaning.
TARGET_CHARS = 700
MAX_CHARS = 1200

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？…])[\"'”’)\]]*\s+|(?<=[。！？])")
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
# Scripts written without spaces: a run of them is one "word" to a \w regex, useless for ranking. Character
# bigrams are the usual remedy.
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


@cache
def _stopwords() -> frozenset[str]:
    # bm25s (with numpy) is imported on first use, not when the GUI starts.
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


@dataclass(frozen=True)
class Passage:
    index: int  # position in the document, 0-based
    start: int  # character offsets into the document: document[start:end] == text
    end: int
    text: str


@dataclass(frozen=True)
class Ranked:
    passage: Passage
    score: float


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield _trimmed(text, position, match.start())
        position = match.end()
    yield _trimmed(text, position, len(text))


def _hard_split(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Cut a run with no sentence ends into pieces of at most max_chars, at whitespace when there is some."""
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        if cut <= start:
            cut = start + max_chars
        piece = _trimmed(text, start, cut)
        if piece[0] < piece[1]:
            yield piece
        start = _trimmed(text, cut, end)[0]
    if start < end:
        yield start, end


def _units(text: str, max_chars: int) -> Iterator[tuple[int, int]]:
    """Paragraphs; a paragraph longer than max_chars becomes its sentences (or hard pieces)."""
    for start, end in _paragraphs(text):
        if start >= end:
            continue
        if end - start <= max_chars:
            yield start, end
            continue
        position = start
        for match in _SENTENCE_END.finditer(text, start, end):
            if match.end() <= position:
                continue
            piece = _trimmed(text, position, match.end())
            if piece[0] < piece[1]:
                yield from _hard_split(text, *piece, max_chars)
            position = match.end()
        piece = _trimmed(text, position, end)
        if piece[0] < piece[1]:
            yield from _hard_split(text, *piece, max_chars)


def split_passages(text: str, target_chars: int = TARGET_CHARS, max_chars: int = MAX_CHARS) -> list[Passage]:
    """Consecutive paragraphs merged up to about target_chars; never longer than max_chars (unless one word is)."""
    if target_chars <= 0 or max_chars < target_chars:
        raise ValueError("need 0 < target_chars <= max_chars")
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in _units(text, max_chars):
        if current is None:
            current = (start, end)
        elif end - current[0] <= max_chars and (current[1] - current[0]) < target_chars:
            current = (current[0], end)
        else:
            spans.append(current)
            current = (start, end)
    if current is not None:
        spans.append(current)
    return [Passage(i, start, end, text[start:end]) for i, (start, end) in enumerate(spans)]


def terms(text: str) -> list[str]:
    """Lower-cased words without English stop words; character bigrams for scripts written without spaces."""
    out: list[str] = []
    stopwords = _stopwords()
    for word in _WORD.findall(text.lower()):
        if _NO_SPACE_SCRIPT.search(word):
            for run in _NO_SPACE_SCRIPT.split(word):
                if run and run not in stopwords and len(run) > 1:
                    out.append(run)
            for run in _NO_SPACE_SCRIPT.findall(word):
                out.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
        elif word not in stopwords and (len(word) > 1 or word.isdigit()):
            out.append(word)
    return out


class PassageIndex:
    """BM25 over a document's passages; build once per document text, rank many questions."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.passages = list(passages)
        corpus = [terms(p.text) for p in self.passages]
        self._bm25: Any = None
        if any(corpus):
            import bm25s

            self._bm25 = bm25s.BM25()
            self._bm25.index(corpus, show_progress=False)

    @classmethod
    def of(cls, text: str) -> PassageIndex:
        return cls(split_passages(text))

    def rank(self, question: str, k: int = 8) -> list[Ranked]:
        """The k best passages for `question`, best first.

        When no passage shares a word with the question (say "summarize this"), the opening passages stand in,
        in document order, with score 0: the start of a text is the best guess at what it is about.
        """
        if not self.passages or k <= 0:
            return []
        query = terms(question)
        scored: list[Ranked] = []
        if self._bm25 is not None and query:
            scores = self._bm25.get_scores(query)
            order = sorted(range(len(self.passages)), key=lambda i: (-float(scores[i]), i))
            scored = [Ranked(self.passages[i], float(scores[i])) for i in order[:k] if scores[i] > 0]
        if scored:
            return scored
        return [Ranked(p, 0.0) for p in self.passages[:k]]


def rank_passages(text: str, question: str, k: int = 8) -> list[Ranked]:
    return PassageIndex.of(text).rank(question, k)
