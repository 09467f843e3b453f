"""An AI edit as separate changes, each taken or left on its own. Pure.

A change is a maximal run of the word diff's deletions and insertions between two unchanged stretches: "teh" →
"the" is one change, a rewritten clause another. `apply` builds the text with only the accepted changes, so what
lands in the document is exactly what the writer took.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.engine.diff import Piece


@dataclass(frozen=True)
class Change:
    index: int
    start: int  # where the change sits in the original: original[start:end] == old
    end: int
    old: str
    new: str


def changes_of(pieces: Sequence[Piece]) -> list[Change]:
    changes: list[Change] = []
    position = 0
    old: list[str] = []
    new: list[str] = []
    start = 0

    def close() -> None:
        if old or new:
            text_old = "".join(old)
            changes.append(Change(len(changes), start, start + len(text_old), text_old, "".join(new)))
            old.clear()
            new.clear()

    for piece in pieces:
        if piece.op == "equal":
            close()
            position += len(piece.text)
            start = position
        elif piece.op == "delete":
            old.append(piece.text)
            position += len(piece.text)
        else:
            new.append(piece.text)
    close()
    return changes


def apply(original: str, changes: Sequence[Change], accepted: Mapping[int, bool]) -> str:
    """`original` with each change whose index maps to True made; the others (False or missing) left as they were."""
    out: list[str] = []
    position = 0
    for change in changes:
        out.append(original[position : change.start])
        out.append(change.new if accepted.get(change.index, False) else change.old)
        position = change.end
    out.append(original[position:])
    return "".join(out)
