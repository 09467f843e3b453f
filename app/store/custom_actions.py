"""The user's own AI actions (a name, a prompt with {text}, an optional shortcut), kept in settings."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass

from app.store.settings import Settings, register_defaults

log = logging.getLogger(__name__)
KEY = "ai/custom_actions"
register_defaults({KEY: "[]"})


@dataclass(frozen=True)
class StoredAction:
    name: str
    template: str
    shortcut: str = ""  # portable key sequence text, "" for none


def load(settings: Settings) -> list[StoredAction]:
    try:
        data = json.loads(settings.get(KEY, str) or "[]")
        return [StoredAction(str(d["name"]), str(d["template"]), str(d.get("shortcut", ""))) for d in data]
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring unreadable custom actions: %s", exc)
        return []


def save(settings: Settings, actions: list[StoredAction]) -> None:
    settings.set(KEY, json.dumps([asdict(a) for a in actions], ensure_ascii=False))


def validate(action: StoredAction) -> str | None:
    """Why the action cannot be saved, in plain words; None when it is fine."""
    if not action.name.strip():
        return "Give the action a name."
    if not action.template.strip():
        return "Write the prompt the model should follow; put {text} where the selected text goes."
    return None
