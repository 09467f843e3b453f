"""The user's own AI actions (a name, a prompt with {text}, an optional shortcut), kept in settings."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import asdict, dataclass, field

from app.store.settings import Settings, register_defaults
from app.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
KEY = "ai/custom_actions"
register_defaults({KEY: "[]"})


def new_id() -> str:
    return uuid.uuid4().hex[:10]


@dataclass(frozen=True)
class StoredAction:
    name: str
    template: str
    shortcut: str = ""  # portable key sequence text, "" for none
    # Stable across edits and removals of other actions, so a customized shortcut stays with its action.
    id: str = field(default_factory=new_id, compare=False)


def load(settings: Settings) -> list[StoredAction]:
    try:
        data = json.loads(settings.get(KEY, str) or "[]")
        actions = [
            StoredAction(str(d["name"]), str(d["template"]), str(d.get("shortcut", "")), str(d.get("id") or new_id()))
            for d in data
        ]
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring unreadable custom actions: %s", exc)
        return []
    if any("id" not in d for d in data):
        save(settings, actions)  # give older entries their ids once
    return actions


def save(settings: Settings, actions: list[StoredAction]) -> None:
    settings.set(KEY, json.dumps([asdict(a) for a in actions], ensure_ascii=False))


def validate(action: StoredAction) -> str | None:
    """Why the action cannot be saved, in plain words; None when it is fine."""
    if not action.name.strip():
        return QT_TRANSLATE_NOOP("CustomActions", "Give the action a name.")
    if not action.template.strip():
        return QT_TRANSLATE_NOOP(
            "CustomActions", "Write the prompt the model should follow; put {text} where the selected text goes."
        )
    return None
