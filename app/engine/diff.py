"""Word-level diff between an original text and the model's rewrite, for the review view. Pure."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Op = Literal["equal", "insert", "delete"]

# Words with their trailing whitespace, so that joining the pieces gives back the exact text.
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Piece:
    op: Op
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(original: str, revised: str) -> list[Piece]:
    """Pieces such that equal+delete spell `original` and equal+insert spell `revised`."""
    return _diff(tokens(original), tokens(revised))


def line_diff(original: str, revised: str) -> list[Piece]:
    """As word_diff, line by line: for long texts, where comparing every word would take too long."""
    return _diff(original.splitlines(keepends=True), revised.splitlines(keepends=True))


def _diff(a: list[str], b: list[str]) -> list[Piece]:
    pieces: list[Piece] = []

    def add(op: Op, text: str) -> None:
        if not text:
            return
        if pieces and pieces[-1].op == op:
            pieces[-1] = Piece(op, pieces[-1].text + text)
        else:
            pieces.append(Piece(op, text))

    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return pieces


def change_ratio(pieces: list[Piece]) -> float:
    """Share of characters that changed (0 = identical, 1 = everything new)."""
    changed = sum(len(p.text) for p in pieces if p.op != "equal")
    total = sum(len(p.text) for p in pieces)
    return changed / total if total else 0.0


def diff_html(
    pieces: list[Piece],
    *,
    dark: bool = False,
    decisions: Mapping[int, bool] | None = None,
    current: int | None = None,
) -> str:
    """The diff as HTML for a QTextBrowser: deletions struck through in red, insertions in green.

    With `decisions` (change index → taken), a taken change shows only its new words, a left one only its old
    words (greyed); `current` marks the change the keys act on (underlined, with an anchor "change-N" to scroll to).
    """
    colors = {
        "delete": ("#5c1f1f", "#ffb3b3") if dark else ("#ffe0e0", "#8a1010"),
        "insert": ("#1f4d2a", "#b8f5c8") if dark else ("#dcf5e1", "#145c26"),
    }
    left_color = "#9a9a9a" if dark else "#6b6b6b"
    decisions = decisions or {}
    out: list[str] = []
    change = -1
    previous_equal = True
    for piece in pieces:
        text = html.escape(piece.text).replace("\n", "<br>")
        if piece.op == "equal":
            out.append(text)
            previous_equal = True
            continue
        if previous_equal:
            change += 1
            out.append(f'<a name="change-{change}"></a>')
        previous_equal = False
        taken = decisions.get(change)
        underline = " underline" if change == current else ""
        if (taken is True and piece.op == "delete") or (taken is False and piece.op == "insert"):
            continue
        if taken is False:
            out.append(f'<span style="color:{left_color};text-decoration:{underline or "none"}">{text}</span>')
            continue
        background, foreground = colors[piece.op]
        decoration = ("line-through" if piece.op == "delete" and taken is None else "") + underline
        out.append(
            f'<span style="background:{background};color:{foreground};'
            f'text-decoration:{decoration.strip() or "none"}">{text}</span>'
        )
    return '<div style="white-space:pre-wrap">' + "".join(out) + "</div>"
