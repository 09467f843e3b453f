"""Every user action with its default shortcut and scope, in one table; user overrides persisted in settings.

Shortcuts use QKeySequence's standard keys where one exists, so they follow each platform (Cmd on macOS).
"Ctrl" in a portable string is also Cmd on macOS. A scope says where a shortcut works: "window" anywhere in the
main window, "editor" only while the editor has focus. `tests/unit/test_shortcuts.py` checks that no default
clashes with a standard key on Windows, macOS, KDE or GNOME.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.store.settings import Settings
from app.translatable import QT_TRANSLATE_NOOP

Scope = Literal["window", "editor"]
StandardKey = QKeySequence.StandardKey
Key = StandardKey | str | None

SHORTCUT_PREFIX = "shortcuts/"


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str  # source text; translated in the "Actions" context
    keys: tuple[Key, ...]  # default bindings; a standard key with no binding on this platform falls to the next
    scope: Scope
    tip: str = ""
    group: str = ""  # for the cheat sheet; translated in the "Menus" context


def _s(action_id: str, text: str, *keys: Key, scope: Scope = "window", tip: str = "", group: str = "") -> ActionSpec:
    return ActionSpec(action_id, text, keys, scope, tip, group)


SPECS: tuple[ActionSpec, ...] = (
    # File
    _s(
        "file.new",
        QT_TRANSLATE_NOOP("Actions", "&New"),
        StandardKey.New,
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Start a new document in a new tab"),
    ),
    _s(
        "file.open",
        QT_TRANSLATE_NOOP("Actions", "&Open…"),
        StandardKey.Open,
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Open a Markdown or text file"),
    ),
    _s(
        "file.import_docx",
        QT_TRANSLATE_NOOP("Actions", "&Import Word Document…"),
        "Ctrl+Shift+I",
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Import the text and headings of a .docx file as a new document"),
    ),
    _s(
        "file.save",
        QT_TRANSLATE_NOOP("Actions", "&Save"),
        StandardKey.Save,
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Save the document"),
    ),
    _s(
        "file.save_as",
        QT_TRANSLATE_NOOP("Actions", "Save &As…"),
        StandardKey.SaveAs,
        "Ctrl+Shift+S",
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Save under a new name"),
    ),
    _s(
        "file.reopen_encoding",
        QT_TRANSLATE_NOOP("Actions", "Reopen &with Encoding…"),
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Read the file again in another encoding, when its text shows as gibberish"),
    ),
    _s(
        "file.save_encoding",
        QT_TRANSLATE_NOOP("Actions", "Save with Encodin&g…"),
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Save the file in another encoding, such as GB18030, Big5 or UTF-8"),
    ),
    _s(
        "file.export",
        QT_TRANSLATE_NOOP("Actions", "&Export…"),
        "Ctrl+Shift+E",
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Export as Markdown, text, HTML, Word or PDF"),
    ),
    _s(
        "file.print",
        QT_TRANSLATE_NOOP("Actions", "&Print…"),
        StandardKey.Print,
        "Ctrl+P",
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Print the document, with a preview"),
    ),
    _s(
        "file.close",
        QT_TRANSLATE_NOOP("Actions", "&Close Tab"),
        StandardKey.Close,
        "Ctrl+W",
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Close the document"),
    ),
    _s(
        "file.quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        StandardKey.Quit,
        "Ctrl+Q",
        group=QT_TRANSLATE_NOOP("Menus", "File"),
        tip=QT_TRANSLATE_NOOP("Actions", "Close Inkwell"),
    ),
    # Edit
    _s(
        "edit.undo",
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        StandardKey.Undo,
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "Edit"),
    ),
    _s(
        "edit.redo",
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        StandardKey.Redo,
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "Edit"),
    ),
    _s(
        "edit.find",
        QT_TRANSLATE_NOOP("Actions", "&Find…"),
        StandardKey.Find,
        group=QT_TRANSLATE_NOOP("Menus", "Edit"),
        tip=QT_TRANSLATE_NOOP("Actions", "Find text in the document"),
    ),
    _s(
        "edit.replace",
        QT_TRANSLATE_NOOP("Actions", "&Replace…"),
        StandardKey.Replace,
        "Ctrl+Alt+F",
        group=QT_TRANSLATE_NOOP("Menus", "Edit"),
        tip=QT_TRANSLATE_NOOP("Actions", "Find and replace"),
    ),
    _s(
        "edit.find_next",
        QT_TRANSLATE_NOOP("Actions", "Find &Next"),
        StandardKey.FindNext,
        group=QT_TRANSLATE_NOOP("Menus", "Edit"),
    ),
    _s(
        "edit.find_previous",
        QT_TRANSLATE_NOOP("Actions", "Find Pre&vious"),
        StandardKey.FindPrevious,
        group=QT_TRANSLATE_NOOP("Menus", "Edit"),
    ),
    _s(
        "edit.goto_line",
        QT_TRANSLATE_NOOP("Actions", "&Go to Line…"),
        "Ctrl+L",
        group=QT_TRANSLATE_NOOP("Menus", "Edit"),
        tip=QT_TRANSLATE_NOOP("Actions", "Jump to a line number"),
    ),
    # View
    _s(
        "view.zoom_in",
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        StandardKey.ZoomIn,
        group=QT_TRANSLATE_NOOP("Menus", "View"),
    ),
    _s(
        "view.zoom_out",
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        StandardKey.ZoomOut,
        group=QT_TRANSLATE_NOOP("Menus", "View"),
    ),
    _s(
        "view.zoom_reset",
        QT_TRANSLATE_NOOP("Actions", "&Actual Size"),
        "Ctrl+0",
        group=QT_TRANSLATE_NOOP("Menus", "View"),
    ),
    _s(
        "view.word_wrap",
        QT_TRANSLATE_NOOP("Actions", "&Word Wrap"),
        "Ctrl+Shift+W",
        group=QT_TRANSLATE_NOOP("Menus", "View"),
        tip=QT_TRANSLATE_NOOP("Actions", "Wrap long lines at the window edge"),
    ),
    _s(
        "view.preview",
        QT_TRANSLATE_NOOP("Actions", "Markdown &Preview"),
        "Ctrl+Shift+V",
        group=QT_TRANSLATE_NOOP("Menus", "View"),
        tip=QT_TRANSLATE_NOOP("Actions", "Show the rendered Markdown beside the text"),
    ),
    _s(
        "view.outline",
        QT_TRANSLATE_NOOP("Actions", "O&utline"),
        "Ctrl+Shift+T",
        group=QT_TRANSLATE_NOOP("Menus", "View"),
        tip=QT_TRANSLATE_NOOP("Actions", "The document's headings; click one to go there"),
    ),
    _s(
        "view.history",
        QT_TRANSLATE_NOOP("Actions", "&History"),
        "Ctrl+Alt+H",
        group=QT_TRANSLATE_NOOP("Menus", "View"),
        tip=QT_TRANSLATE_NOOP("Actions", "Every saved or AI-edited version of the document; compare and restore"),
    ),
    _s(
        "view.focus_mode",
        QT_TRANSLATE_NOOP("Actions", "&Distraction-Free Mode"),
        StandardKey.FullScreen,
        "F11",
        group=QT_TRANSLATE_NOOP("Menus", "View"),
        tip=QT_TRANSLATE_NOOP("Actions", "Full screen with only the text; the same key brings everything back"),
    ),
    _s(
        "view.summarize_pane",
        QT_TRANSLATE_NOOP("Actions", "&Summarize Pane"),
        "F7",
        group=QT_TRANSLATE_NOOP("Menus", "View"),
    ),
    _s(
        "view.translate_pane",
        QT_TRANSLATE_NOOP("Actions", "&Translate Pane"),
        "F8",
        group=QT_TRANSLATE_NOOP("Menus", "View"),
    ),
    _s("view.chat_pane", QT_TRANSLATE_NOOP("Actions", "&Chat Pane"), "F9", group=QT_TRANSLATE_NOOP("Menus", "View")),
    # AI in the editor
    _s(
        "ai.continue",
        QT_TRANSLATE_NOOP("Actions", "&Continue Writing"),
        "Ctrl+Return",
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Let the model continue from the cursor; Tab accepts, Esc discards"),
    ),
    _s(
        "ai.stop",
        QT_TRANSLATE_NOOP("Actions", "&Stop"),
        "Escape",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Stop the model"),
    ),
    _s(
        "ai.rewrite",
        QT_TRANSLATE_NOOP("Actions", "&Rewrite"),
        "Ctrl+Shift+R",
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Rewrite the selection more clearly"),
    ),
    _s(
        "ai.proofread",
        QT_TRANSLATE_NOOP("Actions", "&Proofread"),
        "Ctrl+Shift+P",
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Fix spelling and grammar only"),
    ),
    _s(
        "ai.shorten",
        QT_TRANSLATE_NOOP("Actions", "S&horten"),
        "Ctrl+Shift+H",
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Make the selection shorter"),
    ),
    _s(
        "ai.expand",
        QT_TRANSLATE_NOOP("Actions", "E&xpand"),
        "Ctrl+Shift+X",
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Develop the selection with more detail"),
    ),
    _s(
        "ai.formal",
        QT_TRANSLATE_NOOP("Actions", "Make &Formal"),
        "Ctrl+Shift+M",
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Change the tone to formal"),
    ),
    _s(
        "ai.friendly",
        QT_TRANSLATE_NOOP("Actions", "Make Frien&dly"),
        "Ctrl+Shift+Y",
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Change the tone to friendly"),
    ),
    _s(
        "ai.translate",
        QT_TRANSLATE_NOOP("Actions", "&Translate Selection"),
        "Ctrl+Shift+L",
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Translate the selection into the last-used language"),
    ),
    _s(
        "ai.explain",
        QT_TRANSLATE_NOOP("Actions", "E&xplain"),
        "Ctrl+Shift+J",
        scope="editor",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Explain the selection in plain words"),
    ),
    # The review bar under the editor: live only while it shows a change (Esc rejects a finished one, too).
    _s(
        "review.accept",
        QT_TRANSLATE_NOOP("Actions", "&Accept Change"),
        "Alt+A",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Replace the original with this version"),
    ),
    _s(
        "review.insert_below",
        QT_TRANSLATE_NOOP("Actions", "Insert &Below"),
        "Alt+B",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Put the explanation below the passage"),
    ),
    _s(
        "review.copy",
        QT_TRANSLATE_NOOP("Actions", "&Copy Result"),
        "Alt+C",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Copy the model's version"),
    ),
    _s(
        "review.reject",
        QT_TRANSLATE_NOOP("Actions", "&Reject Change"),
        "Alt+R",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Keep the original"),
    ),
    _s(
        "review.retry",
        QT_TRANSLATE_NOOP("Actions", "Retr&y"),
        "Alt+Y",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Ask the model again"),
    ),
    _s(
        "review.next_change",
        QT_TRANSLATE_NOOP("Actions", "&Next Change"),
        "Ctrl+Alt+Down",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Go to the next change of the review"),
    ),
    _s(
        "review.previous_change",
        QT_TRANSLATE_NOOP("Actions", "&Previous Change"),
        "Ctrl+Alt+Up",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Go to the previous change"),
    ),
    _s(
        "review.take_change",
        QT_TRANSLATE_NOOP("Actions", "&Take Change"),
        "Alt+Return",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Take this change, then go to the next one"),
    ),
    _s(
        "review.leave_change",
        QT_TRANSLATE_NOOP("Actions", "&Leave Change"),
        "Alt+K",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Keep the original words here, then go on"),
    ),
    _s(
        "ai.summarize",
        QT_TRANSLATE_NOOP("Actions", "Su&mmarize"),
        "Ctrl+Shift+U",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Summarize the selection or the document"),
    ),
    _s(
        "ai.ask_chat",
        QT_TRANSLATE_NOOP("Actions", "As&k About Selection"),
        "Ctrl+Shift+K",
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Ask the chat about the selection"),
    ),
    _s(
        "ai.custom_actions",
        QT_TRANSLATE_NOOP("Actions", "&Custom Actions…"),
        None,
        group=QT_TRANSLATE_NOOP("Menus", "AI"),
        tip=QT_TRANSLATE_NOOP("Actions", "Add, edit or remove your own actions"),
    ),
    # Model and help
    _s(
        "model.manager",
        QT_TRANSLATE_NOOP("Actions", "&Model Manager…"),
        "Ctrl+Shift+D",
        group=QT_TRANSLATE_NOOP("Menus", "Model"),
        tip=QT_TRANSLATE_NOOP("Actions", "Choose, download and manage models"),
    ),
    _s(
        "app.settings",
        QT_TRANSLATE_NOOP("Actions", "&Settings…"),
        StandardKey.Preferences,
        "Ctrl+Shift+,",
        group=QT_TRANSLATE_NOOP("Menus", "Model"),
    ),
    _s(
        "help.shortcuts",
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        "F1",
        "Ctrl+/",
        group=QT_TRANSLATE_NOOP("Menus", "Help"),
        tip=QT_TRANSLATE_NOOP("Actions", "Show every shortcut"),
    ),
    _s(
        "help.customize_shortcuts",
        QT_TRANSLATE_NOOP("Actions", "&Customize Shortcuts…"),
        None,
        group=QT_TRANSLATE_NOOP("Menus", "Help"),
    ),
    _s(
        "help.diagnostics",
        QT_TRANSLATE_NOOP("Actions", "Copy &Diagnostics"),
        None,
        group=QT_TRANSLATE_NOOP("Menus", "Help"),
        tip=QT_TRANSLATE_NOOP("Actions", "Copy versions, device and recent log lines"),
    ),
    _s("help.about", QT_TRANSLATE_NOOP("Actions", "&About Inkwell"), None, group=QT_TRANSLATE_NOOP("Menus", "Help")),
)

# Actions that take the selection (or the current paragraph) to the review view.
REVIEW_ACTIONS = (
    "ai.rewrite",
    "ai.proofread",
    "ai.shorten",
    "ai.expand",
    "ai.formal",
    "ai.friendly",
    "ai.translate",
    "ai.explain",
)


def default_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The default bindings on this platform. A standard key contributes its own bindings, or nothing where the
    platform has none (Replace on macOS), in which case the portable fallback after it applies."""
    sequences: list[QKeySequence] = []
    for key in spec.keys:
        if key is None:
            continue
        if isinstance(key, StandardKey):
            bound = QKeySequence.keyBindings(key)
            if bound:
                sequences.extend(bound[:1])  # the primary binding; the rest stay the platform's own
                break
            continue
        sequence = QKeySequence(key)
        if sequence not in sequences:
            sequences.append(sequence)
        if isinstance(spec.keys[0], StandardKey):
            break  # a fallback for a missing standard key: one is enough
    return sequences


def plain_text(text: str) -> str:
    """An action's text without its mnemonic: "&Save" and, as Chinese menus write it, "保存(&S)" alike."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def native(sequences: list[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def portable(sequences: list[QKeySequence]) -> str:
    return "; ".join(s.toString(QKeySequence.SequenceFormat.PortableText) for s in sequences if not s.isEmpty())


def parse_portable(text: str) -> list[QKeySequence]:
    return [QKeySequence(part.strip()) for part in text.split(";") if part.strip()]


def scopes_overlap(a: Scope | str, b: Scope | str) -> bool:
    """A window-wide shortcut is live inside the editor too; two editor shortcuts share the editor."""
    return a == "window" or b == "window" or a == b


@dataclass(frozen=True)
class Conflict:
    sequence: str
    first: str  # action id
    second: str


def find_conflicts(bindings: dict[str, tuple[Scope | str, list[QKeySequence]]]) -> list[Conflict]:
    items = list(bindings.items())
    conflicts: list[Conflict] = []
    for i, (first, (scope_a, keys_a)) in enumerate(items):
        for second, (scope_b, keys_b) in items[i + 1 :]:
            if not scopes_overlap(scope_a, scope_b):
                continue
            for key in keys_a:
                if not key.isEmpty() and key in keys_b:
                    conflicts.append(Conflict(key.toString(QKeySequence.SequenceFormat.NativeText), first, second))
    return conflicts


class ActionRegistry(QObject):
    """Creates the QActions, applies the user's shortcut overrides, and keeps tooltips in step with them."""

    shortcuts_changed = Signal()

    def __init__(self, settings: Settings, window: QWidget, editor_scope: QWidget) -> None:
        super().__init__(window)
        self.settings = settings
        self._actions: dict[str, QAction] = {}
        self._scopes: dict[str, Scope | str] = {}
        self._defaults: dict[str, list[QKeySequence]] = {}
        self._tips: dict[str, str] = {}
        self.specs = {spec.id: spec for spec in SPECS}
        self._window = window
        self._editor_scope = editor_scope
        for spec in SPECS:
            tip = QCoreApplication.translate("Actions", spec.tip) if spec.tip else ""
            self.add(
                spec.id, QCoreApplication.translate("Actions", spec.text), default_sequences(spec), spec.scope, tip
            )

    def add(self, action_id: str, text: str, defaults: list[QKeySequence], scope: Scope | str, tip: str) -> QAction:
        """Register an action (built-in or a user's custom one)."""
        owner = self._editor_scope if scope == "editor" else self._window
        action = QAction(text, owner)
        action.setObjectName(action_id)
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut if scope == "editor" else Qt.ShortcutContext.WindowShortcut
        )
        owner.addAction(action)
        self._actions[action_id] = action
        self._scopes[action_id] = scope
        self._defaults[action_id] = defaults
        self._tips[action_id] = tip or plain_text(text)
        self._apply(action_id)
        return action

    def adopt(self, action: QAction, scope: str, tip: str = "") -> None:
        """Take an action a pane made (its shortcut works inside the pane) into the table: customizable,
        checked for conflicts, shown in the cheat sheet."""
        action_id = action.objectName()
        self._actions[action_id] = action
        self._scopes[action_id] = scope
        self._defaults[action_id] = list(action.shortcuts())
        self._tips[action_id] = tip or plain_text(action.text())
        self._apply(action_id)

    def remove(self, action_id: str) -> None:
        action = self._actions.pop(action_id, None)
        if action is not None:
            for owner in (self._window, self._editor_scope):
                owner.removeAction(action)
            action.deleteLater()
        self._scopes.pop(action_id, None)
        self._defaults.pop(action_id, None)

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self._actions

    def ids(self) -> list[str]:
        return list(self._actions)

    def scope(self, action_id: str) -> Scope | str:
        return self._scopes[action_id]

    def defaults(self, action_id: str) -> list[QKeySequence]:
        return list(self._defaults[action_id])

    def sequences(self, action_id: str) -> list[QKeySequence]:
        stored = self.settings.raw(SHORTCUT_PREFIX + action_id)
        if stored is None:
            return self.defaults(action_id)
        return parse_portable(str(stored))

    def set_sequences(self, action_id: str, sequences: list[QKeySequence]) -> None:
        if portable(sequences) == portable(self.defaults(action_id)):
            self.settings.remove_raw(SHORTCUT_PREFIX + action_id)
        else:
            self.settings.set_raw(SHORTCUT_PREFIX + action_id, portable(sequences))
        self._apply(action_id)
        self.shortcuts_changed.emit()

    def reset(self, action_id: str) -> None:
        self.set_sequences(action_id, self.defaults(action_id))

    def bindings(self) -> dict[str, tuple[Scope | str, list[QKeySequence]]]:
        return {i: (self._scopes[i], self.sequences(i)) for i in self._actions}

    def conflicts(self) -> list[Conflict]:
        return find_conflicts(self.bindings())

    def _apply(self, action_id: str) -> None:
        action = self._actions[action_id]
        sequences = self.sequences(action_id)
        action.setShortcuts(sequences)
        tip = self._tips[action_id]
        shown = native(sequences)
        action.setToolTip(f"{tip} ({shown})" if shown else tip)
        action.setStatusTip(action.toolTip())
