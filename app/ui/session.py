"""Session restore: the documents, cursor positions and window layout of the last clean close."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field

from app.store.settings import Settings, register_defaults

log = logging.getLogger(__name__)
KEY = "session/state"
register_defaults({KEY: ""})


@dataclass(frozen=True)
class OpenDocument:
    path: str
    cursor: int = 0


@dataclass(frozen=True)
class SessionState:
    documents: list[OpenDocument] = field(default_factory=list)
    active: int = 0  # index into `documents`, not the tab's index; -1: the active tab was untitled (not saved)
    geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    layout: str = ""  # base64 of QMainWindow.saveState(): docks and their sizes
    preview: bool = False


def save(settings: Settings, state: SessionState) -> None:
    settings.set(KEY, json.dumps(asdict(state)))


def load(settings: Settings) -> SessionState:
    raw = settings.get(KEY, str)
    if not raw:
        return SessionState()
    try:
        data = json.loads(raw)
        documents = [OpenDocument(str(d["path"]), int(d.get("cursor", 0))) for d in data.get("documents", [])]
        return SessionState(
            documents,
            int(data.get("active", 0)),
            str(data.get("geometry", "")),
            str(data.get("layout", "")),
            bool(data.get("preview", False)),
        )
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring an unreadable session: %s", exc)
        return SessionState()
