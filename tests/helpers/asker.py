"""An Asker that answers the app's questions from a script and records them, for tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.ui.dialogs.asker import UnsavedChoice


@dataclass
class ScriptedAsker:
    unsaved: UnsavedChoice = UnsavedChoice.DISCARD
    legacy_encoding: bool = False
    reload: bool = True
    save_to: Path | None = None
    encoding: str | None = None  # the choice in the encoding dialog; None: cancelled
    utf8_instead: bool = False
    discard_for_reopen: bool = True
    asked: list[tuple[str, str]] = field(default_factory=list)

    def unsaved_changes(self, title: str) -> UnsavedChoice:
        self.asked.append(("unsaved", title))
        return self.unsaved

    def read_with_legacy_encoding(self, message: str) -> bool:
        self.asked.append(("encoding", message))
        return self.legacy_encoding

    def reload_changed_file(self, title: str) -> bool:
        self.asked.append(("reload", title))
        return self.reload

    def save_path(self, suggested: Path, filters: str) -> Path | None:
        self.asked.append(("save_path", str(suggested)))
        return self.save_to

    def choose_encoding(self, title: str, current: str, saving: bool) -> str | None:
        self.asked.append(("save_encoding" if saving else "reopen_encoding", f"{title} {current}"))
        return self.encoding

    def save_as_utf8(self, message: str) -> bool:
        self.asked.append(("utf8", message))
        return self.utf8_instead

    def reopen_discarding_changes(self, title: str, encoding: str) -> bool:
        self.asked.append(("reopen_discarding", f"{title} {encoding}"))
        return self.discard_for_reopen
