"""Find and replace over plain text: literal or regex, whole words, case. Pure, so it is tested without widgets."""

from __future__ import annotations

import re
from dataclasses import dataclass


class SearchError(ValueError):
    """A pattern the user typed that is not a valid regular expression; the message says where."""


@dataclass(frozen=True)
class Query:
    pattern: str
    regex: bool = False
    whole_word: bool = False
    case_sensitive: bool = False

    def compile(self) -> re.Pattern[str]:
        body = self.pattern if self.regex else re.escape(self.pattern)
        if self.whole_word:
            body = rf"(?<!\w)(?:{body})(?!\w)"
        try:
            return re.compile(body, 0 if self.case_sensitive else re.IGNORECASE)
        except re.error as exc:
            raise SearchError(f"The regular expression is not valid: {exc.msg} (at position {exc.pos}).") from exc


@dataclass(frozen=True)
class Match:
    start: int
    end: int


def find_all(text: str, query: Query) -> list[Match]:
    if not query.pattern:
        return []
    # Zero-length matches (e.g. "^") cannot be selected or replaced usefully; skip them.
    return [Match(m.start(), m.end()) for m in query.compile().finditer(text) if m.end() > m.start()]


def next_match(text: str, query: Query, position: int, *, backwards: bool = False) -> Match | None:
    """The match after (or before) `position`, wrapping around the document."""
    matches = find_all(text, query)
    if not matches:
        return None
    if backwards:
        before = [m for m in matches if m.end <= position]
        return before[-1] if before else matches[-1]
    after = [m for m in matches if m.start >= position]
    return after[0] if after else matches[0]


def replacement_for(text: str, query: Query, match: Match, replacement: str) -> str:
    """The text replacing `match`: with regex, backreferences like \\1 are expanded."""
    if not query.regex:
        return replacement
    found = query.compile().match(text, match.start)
    if found is None or found.end() != match.end:
        return replacement
    try:
        return found.expand(replacement)
    except (re.error, IndexError) as exc:
        raise SearchError(f"The replacement refers to a group that does not exist: {exc}.") from exc
