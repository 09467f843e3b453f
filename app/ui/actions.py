"""Every user action with its default shortcut and scope, in one table.

Shortcuts use QKeySequence's standard keys where one exists, so they follow each platform (Cmd on macOS).
"Ctrl" in a portable string is also Cmd on macOS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

Scope = Literal["window", "editor"]
Key = QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str  # source text; translated in the "Actions" context
    shortcut: Key
    scope: Scope
    tip: str = ""


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("file.open", "&Open…", QKeySequence.StandardKey.Open, "window", "Open a text or Markdown file"),
    ActionSpec("file.save", "&Save", QKeySequence.StandardKey.Save, "window", "Save the document"),
    ActionSpec("file.save_as", "Save &As…", QKeySequence.StandardKey.SaveAs, "window", "Save under a new name"),
    ActionSpec("file.quit", "&Quit", QKeySequence.StandardKey.Quit, "window", "Close Inkwell"),
    ActionSpec("ai.continue", "&Continue Writing", "Ctrl+Return", "editor", "Let the model continue from the cursor"),
    ActionSpec("ai.stop", "&Stop", "Escape", "window", "Stop the model"),
    ActionSpec("help.diagnostics", "Copy &Diagnostics", None, "window", "Copy versions, device and recent log lines"),
    ActionSpec("help.about", "&About Inkwell", None, "window", ""),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def key_sequence(key: Key) -> QKeySequence:
    if key is None:
        return QKeySequence()
    return QKeySequence(key)


class ActionRegistry(QObject):
    """Creates the QActions. Editor-scoped ones are added to the editor widget so they fire only there."""

    def __init__(self, window_widget: QObject, editor_widget: QObject) -> None:
        super().__init__(window_widget)
        self._actions: dict[str, QAction] = {}
        self.specs = {spec.id: spec for spec in SPECS}
        for spec in SPECS:
            owner = editor_widget if spec.scope == "editor" else window_widget
            action = QAction(_tr(spec.text), owner)
            action.setObjectName(spec.id)
            sequence = key_sequence(spec.shortcut)
            action.setShortcut(sequence)
            action.setShortcutContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
                if spec.scope == "editor"
                else Qt.ShortcutContext.WindowShortcut
            )
            tip = _tr(spec.tip) if spec.tip else action.text().replace("&", "")
            if not sequence.isEmpty():
                tip = f"{tip} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip)
            action.setStatusTip(tip)
            owner.addAction(action)  # type: ignore[attr-defined]
            self._actions[spec.id] = action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def all(self) -> dict[str, QAction]:
        return dict(self._actions)
