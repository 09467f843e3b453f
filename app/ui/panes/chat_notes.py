"""What the user should know about how an answer's prompt was put together, said the same way live and reopened.

Built from the answer's saved stats, so a conversation opened next week reads exactly as it did while streaming.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication


def answer_notes(stats: Mapping[str, Any]) -> list[str]:
    notes: list[str] = []
    dropped = stats.get("dropped_messages")
    if dropped:
        notes.append(
            QCoreApplication.translate(
                "Chat", "{count} earlier messages no longer fit the model's context and were left out of this answer."
            ).format(count=dropped)
        )
    grounding = stats.get("grounding")
    if grounding == "passages" and stats.get("passages_used") is not None:
        notes.append(
            QCoreApplication.translate(
                "Chat",
                "The text is longer than the model's context: it was given the {used} best-matching of {total} "
                "passages.",
            ).format(used=stats["passages_used"], total=stats.get("passages_total", "?"))
        )
    elif grounding == "no_room":
        notes.append(
            QCoreApplication.translate(
                "Chat", "There was no room left for the document in the model's context; this answer ignores it."
            )
        )
    return notes
