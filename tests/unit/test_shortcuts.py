"""Default shortcuts (app/ui/actions.py): no clash with any platform's standard keys, no clash with each other, the
defaults the cheat sheet documents, and user overrides persisted in a real settings file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from app.store.settings import Settings
from app.ui.actions import (
    SHORTCUT_PREFIX,
    SPECS,
    ActionRegistry,
    ActionSpec,
    Conflict,
    StandardKey,
    default_sequences,
    find_conflicts,
    scopes_overlap,
)

PORTABLE = QKeySequence.SequenceFormat.PortableText
PLATFORMS = ("windows", "macos", "kde", "gnome")

# Qt's standard key bindings, per platform, primary binding first, as listed in the Qt 6 documentation of
# QKeySequence::StandardKey ("Standard Shortcuts": https://doc.qt.io/qt-6/qkeysequence.html#standard-shortcuts)
# and its source, QPlatformThemePrivate::keyBindings in qtbase/src/gui/kernel/qplatformtheme.cpp (the KDE and
# GNOME columns include the rows Qt marks for all X11 desktops; the dedicated hardware keys "Open", "Save",
# "Zoom In", … are Qt 6 rows for every platform). Written as Qt's portable text: on macOS "Ctrl" is Command and
# "Meta" is Control, exactly as Qt maps them, so the same strings compare across platforms.
# Columns: Windows | macOS | KDE Plasma | GNOME; " | " separates bindings; "" means none.
STANDARD_KEYS: dict[str, tuple[str, str, str, str]] = {
    "HelpContents": ("F1 | Help", "Ctrl+? | Help", "F1 | Help", "F1 | Help"),
    "WhatsThis": ("Shift+F1", "Shift+F1", "Shift+F1", "Shift+F1"),
    "Open": ("Ctrl+O | Open", "Ctrl+O | Open", "Ctrl+O | Open", "Ctrl+O | Open"),
    "Close": ("Ctrl+F4 | Ctrl+W | Close", "Ctrl+W | Ctrl+F4 | Close", "Ctrl+W | Close", "Ctrl+W | Close"),
    "Save": ("Ctrl+S | Save", "Ctrl+S | Save", "Ctrl+S | Save", "Ctrl+S | Save"),
    "New": ("Ctrl+N | New", "Ctrl+N | New", "Ctrl+N | New", "Ctrl+N | New"),
    "Delete": ("Del", "Del | Meta+D", "Del | Ctrl+D", "Del | Ctrl+D"),
    "Cut": (
        "Ctrl+X | Shift+Del | Cut",
        "Ctrl+X | Meta+K | Cut",
        "Ctrl+X | Shift+Del | F20 | Cut",
        "Ctrl+X | Shift+Del | F20 | Cut",
    ),
    "Copy": (
        "Ctrl+C | Ctrl+Ins | Copy",
        "Ctrl+C | Copy",
        "Ctrl+C | Ctrl+Ins | F16 | Copy",
        "Ctrl+C | Ctrl+Ins | F16 | Copy",
    ),
    "Paste": (
        "Ctrl+V | Shift+Ins | Paste",
        "Ctrl+V | Meta+Y | Paste",
        "Ctrl+V | Ctrl+Shift+Ins | Shift+Ins | F18 | Paste",
        "Ctrl+V | Ctrl+Shift+Ins | Shift+Ins | F18 | Paste",
    ),
    "Undo": ("Ctrl+Z | Alt+Backspace | Undo", "Ctrl+Z | Undo", "Ctrl+Z | F14 | Undo", "Ctrl+Z | F14 | Undo"),
    "Redo": (
        "Ctrl+Y | Alt+Shift+Backspace | Ctrl+Shift+Z | Redo",
        "Ctrl+Shift+Z | Redo",
        "Ctrl+Shift+Z | Redo",
        "Ctrl+Shift+Z | Redo",
    ),
    "Back": ("Alt+Left | Backspace | Back", "Ctrl+[ | Ctrl+Left | Back", "Alt+Left | Back", "Alt+Left | Back"),
    "Forward": (
        "Alt+Right | Shift+Backspace | Forward",
        "Ctrl+] | Ctrl+Right | Forward",
        "Alt+Right | Forward",
        "Alt+Right | Forward",
    ),
    "Refresh": ("F5 | Refresh", "Ctrl+R | Refresh", "F5 | Refresh", "Ctrl+R | F5 | Refresh"),
    "ZoomIn": ("Ctrl++ | Zoom In", "Ctrl++ | Zoom In", "Ctrl++ | Zoom In", "Ctrl++ | Zoom In"),
    "ZoomOut": ("Ctrl+- | Zoom Out", "Ctrl+- | Zoom Out", "Ctrl+- | Zoom Out", "Ctrl+- | Zoom Out"),
    "Print": ("Ctrl+P", "Ctrl+P", "Ctrl+P", "Ctrl+P"),
    "AddTab": ("Ctrl+T", "Ctrl+T", "Ctrl+Shift+N | Ctrl+T", "Ctrl+T"),
    "NextChild": (
        "Ctrl+Tab | Ctrl+F6 | Forward",
        "Ctrl+} | Ctrl+Tab | Forward",
        "Ctrl+Tab | Ctrl+, | Forward",
        "Ctrl+Tab | Forward",
    ),
    "PreviousChild": (
        "Ctrl+Shift+Backtab | Ctrl+Shift+F6 | Back",
        "Ctrl+{ | Ctrl+Shift+Backtab | Back",
        "Ctrl+Shift+Backtab | Ctrl+. | Back",
        "Ctrl+Shift+Backtab | Back",
    ),
    "Find": ("Ctrl+F | Find", "Ctrl+F | Find", "Ctrl+F | Find", "Ctrl+F | Find"),
    "FindNext": ("F3 | Ctrl+G", "Ctrl+G", "F3", "Ctrl+G | F3"),
    "FindPrevious": ("Shift+F3 | Ctrl+Shift+G", "Ctrl+Shift+G", "Shift+F3", "Ctrl+Shift+G | Shift+F3"),
    "Replace": ("Ctrl+H", "", "Ctrl+R", "Ctrl+H"),
    "SelectAll": ("Ctrl+A", "Ctrl+A", "Ctrl+A", "Ctrl+A"),
    "Bold": ("Ctrl+B", "Ctrl+B", "Ctrl+B", "Ctrl+B"),
    "Italic": ("Ctrl+I", "Ctrl+I", "Ctrl+I", "Ctrl+I"),
    "Underline": ("Ctrl+U", "Ctrl+U", "Ctrl+U", "Ctrl+U"),
    "MoveToNextChar": ("Right", "Right | Meta+F", "Right", "Right"),
    "MoveToPreviousChar": ("Left", "Left | Meta+B", "Left", "Left"),
    "MoveToNextWord": ("Ctrl+Right", "Alt+Right", "Ctrl+Right", "Ctrl+Right"),
    "MoveToPreviousWord": ("Ctrl+Left", "Alt+Left", "Ctrl+Left", "Ctrl+Left"),
    "MoveToNextLine": ("Down", "Down | Meta+N", "Down", "Down"),
    "MoveToPreviousLine": ("Up", "Up | Meta+P", "Up", "Up"),
    "MoveToNextPage": ("PgDown", "PgDown | Meta+PgDown | Meta+Down | Meta+V | Alt+PgDown", "PgDown", "PgDown"),
    "MoveToPreviousPage": ("PgUp", "PgUp | Meta+PgUp | Meta+Up | Alt+PgUp", "PgUp", "PgUp"),
    "MoveToStartOfLine": ("Home", "Meta+Left | Ctrl+Left", "Home", "Home"),
    "MoveToEndOfLine": ("End", "Meta+Right | Ctrl+Right", "End | Ctrl+E", "End | Ctrl+E"),
    "MoveToStartOfBlock": ("", "Alt+Up | Meta+A", "", ""),
    "MoveToEndOfBlock": ("", "Alt+Down | Meta+E", "", ""),
    "MoveToStartOfDocument": ("Ctrl+Home", "Ctrl+Up | Home", "Ctrl+Home", "Ctrl+Home"),
    "MoveToEndOfDocument": ("Ctrl+End", "Ctrl+Down | End", "Ctrl+End", "Ctrl+End"),
    "SelectNextChar": ("Shift+Right", "Shift+Right", "Shift+Right", "Shift+Right"),
    "SelectPreviousChar": ("Shift+Left", "Shift+Left", "Shift+Left", "Shift+Left"),
    "SelectNextWord": ("Ctrl+Shift+Right", "Alt+Shift+Right", "Ctrl+Shift+Right", "Ctrl+Shift+Right"),
    "SelectPreviousWord": ("Ctrl+Shift+Left", "Alt+Shift+Left", "Ctrl+Shift+Left", "Ctrl+Shift+Left"),
    "SelectNextLine": ("Shift+Down", "Shift+Down", "Shift+Down", "Shift+Down"),
    "SelectPreviousLine": ("Shift+Up", "Shift+Up", "Shift+Up", "Shift+Up"),
    "SelectNextPage": ("Shift+PgDown", "Shift+PgDown", "Shift+PgDown", "Shift+PgDown"),
    "SelectPreviousPage": ("Shift+PgUp", "Shift+PgUp", "Shift+PgUp", "Shift+PgUp"),
    "SelectStartOfLine": ("Shift+Home", "Ctrl+Shift+Left | Meta+Shift+Left", "Shift+Home", "Shift+Home"),
    "SelectEndOfLine": ("Shift+End", "Ctrl+Shift+Right | Meta+Shift+Right", "Shift+End", "Shift+End"),
    "SelectStartOfBlock": ("", "Alt+Shift+Up | Meta+Shift+A", "", ""),
    "SelectEndOfBlock": ("", "Alt+Shift+Down | Meta+Shift+E", "", ""),
    "SelectStartOfDocument": ("Ctrl+Shift+Home", "Ctrl+Shift+Up | Shift+Home", "Ctrl+Shift+Home", "Ctrl+Shift+Home"),
    "SelectEndOfDocument": ("Ctrl+Shift+End", "Ctrl+Shift+Down | Shift+End", "Ctrl+Shift+End", "Ctrl+Shift+End"),
    "DeleteStartOfWord": ("Ctrl+Backspace", "Alt+Backspace", "Ctrl+Backspace", "Ctrl+Backspace"),
    "DeleteEndOfWord": ("Ctrl+Del", "Alt+Del", "Ctrl+Del", "Ctrl+Del"),
    "DeleteEndOfLine": ("", "", "Ctrl+K", "Ctrl+K"),
    "InsertParagraphSeparator": ("Enter | Return", "Enter | Return", "Enter | Return", "Enter | Return"),
    "InsertLineSeparator": (
        "Shift+Enter | Shift+Return",
        "Meta+Enter | Meta+Return | Shift+Enter | Shift+Return | Meta+O",
        "Shift+Enter | Shift+Return",
        "Shift+Enter | Shift+Return",
    ),
    "SaveAs": ("Ctrl+Shift+S | Shift+Save", "Ctrl+Shift+S | Shift+Save", "Ctrl+Shift+S", "Ctrl+Shift+S"),
    "Preferences": ("", "Ctrl+,", "", ""),
    "Quit": ("", "Ctrl+Q", "Ctrl+Q", "Ctrl+Q"),
    "FullScreen": ("F11 | Alt+Enter", "Ctrl+Meta+F", "F11 | Ctrl+Shift+F", "Ctrl+F11"),
    "Deselect": ("", "", "Ctrl+Shift+A", "Ctrl+Shift+A"),
    "DeleteCompleteLine": ("", "", "Ctrl+U", "Ctrl+U"),
    "Backspace": ("", "Meta+H", "", ""),
    "Cancel": ("Esc | Cancel", "Esc | Ctrl+. | Cancel", "Esc | Cancel", "Esc | Cancel"),
}

# A default may equal a standard key only where it means the same thing (documented in app/ui/actions.py and the
# issue): Esc stops the model (~ Cancel), F1 shows the shortcut sheet (~ HelpContents), Ctrl+, opens Settings
# (~ Preferences), plus any standard key the action is itself defined with.
SAME_MEANING = {
    ("ai.stop", "Cancel"),
    ("help.shortcuts", "HelpContents"),
    ("app.settings", "Preferences"),
}


def norm(text: str) -> str:
    return QKeySequence(text).toString(PORTABLE)


def bindings(platform: str, standard_key: str) -> list[str]:
    column = STANDARD_KEYS[standard_key][PLATFORMS.index(platform)]
    return [norm(part.strip()) for part in column.split(" | ") if part.strip()]


def defaults_on(platform: str, spec: ActionSpec) -> list[str]:
    """What `default_sequences` gives on `platform`: a standard key's primary binding there, or the portable
    fallback after it where the platform has none."""
    sequences: list[str] = []
    for key in spec.keys:
        if key is None:
            continue
        if isinstance(key, StandardKey):
            bound = bindings(platform, key.name)
            if bound:
                sequences.append(bound[0])
                break
            continue
        if norm(key) not in sequences:
            sequences.append(norm(key))
        if isinstance(spec.keys[0], StandardKey):
            break
    return sequences


def own_standard_keys(spec: ActionSpec) -> set[str]:
    return {key.name for key in spec.keys if isinstance(key, StandardKey)}


# -- the table itself --------------------------------------------------------------------------------------------------
def test_the_table_covers_every_standard_key_and_parses(qapp) -> None:  # type: ignore[no-untyped-def]
    names = {key.name for key in StandardKey if key is not StandardKey.UnknownKey}
    assert set(STANDARD_KEYS) == names
    for key, columns in STANDARD_KEYS.items():
        for column in columns:
            for part in (p.strip() for p in column.split(" | ") if p.strip()):
                assert not QKeySequence(part).isEmpty(), f"{key}: {part!r} is not a key sequence"


def test_the_windows_column_is_what_this_qt_reports(qapp) -> None:  # type: ignore[no-untyped-def]
    """The test suite runs on Qt's offscreen platform, which uses the Windows keyboard scheme: Qt's own answer for
    every standard key must be exactly the Windows column (this keeps the transcription honest)."""
    for key in StandardKey:
        if key is StandardKey.UnknownKey:
            continue
        live = [s.toString(PORTABLE) for s in QKeySequence.keyBindings(key)]
        assert live == bindings("windows", key.name), key.name
    for spec in SPECS:
        assert [s.toString(PORTABLE) for s in default_sequences(spec)] == defaults_on("windows", spec), spec.id


# -- (1) no clash with a standard key of any platform ------------------------------------------------------------------
@pytest.mark.parametrize("platform", PLATFORMS)
def test_no_default_clashes_with_a_standard_key(qapp, platform: str) -> None:  # type: ignore[no-untyped-def]
    clashes = []
    for spec in SPECS:
        for sequence in defaults_on(platform, spec):
            for standard_key in STANDARD_KEYS:
                if sequence not in bindings(platform, standard_key):
                    continue
                if standard_key in own_standard_keys(spec) or (spec.id, standard_key) in SAME_MEANING:
                    continue
                clashes.append(f"{spec.id} ({spec.text.replace('&', '')}): {sequence} is Qt's {standard_key}")
    assert clashes == [], f"defaults that clash with standard keys on {platform}: {clashes}"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_action_with_a_standard_key_gets_a_binding(qapp, platform: str) -> None:  # type: ignore[no-untyped-def]
    """Where a platform has no binding for the standard key (Replace on macOS), the portable fallback applies."""
    for spec in SPECS:
        if own_standard_keys(spec):
            assert defaults_on(platform, spec), f"{spec.id} has no shortcut on {platform}"


# -- (2) no two defaults conflict --------------------------------------------------------------------------------------
@pytest.mark.parametrize("platform", PLATFORMS)
def test_no_two_defaults_conflict(qapp, platform: str) -> None:  # type: ignore[no-untyped-def]
    table = {spec.id: (spec.scope, [QKeySequence(s) for s in defaults_on(platform, spec)]) for spec in SPECS}
    assert find_conflicts(table) == []


def test_no_two_defaults_conflict_in_the_real_registry(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    registry = ActionRegistry(Settings.at(str(tmp_path / "s.ini")), window, QWidget(window))
    assert registry.conflicts() == []
    assert set(registry.ids()) == {spec.id for spec in SPECS}


def test_every_action_states_its_scope() -> None:
    for spec in SPECS:
        assert spec.scope in ("window", "editor"), spec.id
        assert spec.group, f"{spec.id} has no cheat-sheet group"
    assert len({spec.id for spec in SPECS}) == len(SPECS)


# -- (3) the documented defaults -------------------------------------------------------------------------------
REQUIRED = {
    "ai.continue": ["Ctrl+Return"],
    "ai.stop": ["Esc"],
    "ai.rewrite": ["Ctrl+Shift+R"],
    "ai.proofread": ["Ctrl+Shift+P"],
    "ai.summarize": ["Ctrl+Shift+U"],
    "ai.translate": ["Ctrl+Shift+L"],
    "ai.ask_chat": ["Ctrl+Shift+K"],
    "help.shortcuts": ["F1", "Ctrl+/"],
}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_required_defaults_on_every_platform(qapp, platform: str) -> None:  # type: ignore[no-untyped-def]
    specs = {spec.id: spec for spec in SPECS}
    for action_id, keys in REQUIRED.items():
        assert defaults_on(platform, specs[action_id]) == [norm(k) for k in keys], action_id


def test_the_required_defaults_are_live_with_their_scopes(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    registry = ActionRegistry(Settings.at(str(tmp_path / "s.ini")), window, QWidget(window))
    for action_id, keys in REQUIRED.items():
        assert [s.toString(PORTABLE) for s in registry[action_id].shortcuts()] == [norm(k) for k in keys], action_id
    # The editor's actions work in the editor; Stop works anywhere in the window.
    for action_id in ("ai.continue", "ai.rewrite", "ai.proofread", "ai.translate"):
        assert registry.scope(action_id) == "editor"
    assert registry.scope("ai.stop") == "window"
    # Shortcuts show in tooltips.
    assert registry["ai.rewrite"].toolTip().endswith("(Ctrl+Shift+R)")
    assert "F1" in registry["help.shortcuts"].toolTip() and "Ctrl+/" in registry["help.shortcuts"].toolTip()
    # Ctrl+Shift+S is Save As everywhere, never an AI action.
    for spec in SPECS:
        if spec.id != "file.save_as":
            for platform in PLATFORMS:
                assert norm("Ctrl+Shift+S") not in defaults_on(platform, spec), spec.id


# -- (4) overrides, reset, conflicts between scopes --------------------------------------------------------------------
class Registry:
    """An ActionRegistry on its own widgets (a window and an editor inside it), as the main window makes it."""

    def __init__(self, path: Path) -> None:
        self.settings = Settings.at(str(path))
        self.window = QWidget()
        self.actions = ActionRegistry(self.settings, self.window, QWidget(self.window))


@pytest.fixture
def make_registry(qapp) -> Iterator[Callable[[Path], tuple[ActionRegistry, Settings]]]:  # type: ignore[no-untyped-def]
    made: list[Registry] = []

    def make(path: Path) -> tuple[ActionRegistry, Settings]:
        made.append(Registry(path))
        return made[-1].actions, made[-1].settings

    yield make
    for registry in made:
        registry.window.deleteLater()


def test_overrides_persist_in_the_settings_file(qtbot, tmp_path: Path, make_registry) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "settings.ini"
    registry, settings = make_registry(path)
    with qtbot.waitSignal(registry.shortcuts_changed):
        registry.set_sequences("ai.rewrite", [QKeySequence("Ctrl+Alt+R"), QKeySequence("F12")])
    registry.set_sequences("app.settings", [QKeySequence("Ctrl+Shift+,")])  # a comma inside an INI value
    registry.set_sequences("ai.proofread", [])  # cleared by the user
    assert [s.toString(PORTABLE) for s in registry["ai.rewrite"].shortcuts()] == ["Ctrl+Alt+R", "F12"]
    assert registry["ai.rewrite"].toolTip().endswith("(Ctrl+Alt+R, F12)")
    assert registry["ai.proofread"].shortcuts() == []
    settings.sync()
    assert "ai.rewrite" in path.read_text()

    again, _ = make_registry(path)
    assert [s.toString(PORTABLE) for s in again["ai.rewrite"].shortcuts()] == ["Ctrl+Alt+R", "F12"]
    assert [s.toString(PORTABLE) for s in again["app.settings"].shortcuts()] == ["Ctrl+Shift+,"]
    assert again["ai.proofread"].shortcuts() == []  # still cleared, not back to the default
    assert [s.toString(PORTABLE) for s in again["ai.translate"].shortcuts()] == ["Ctrl+Shift+L"]  # untouched


def test_reset_to_default_removes_the_override(qtbot, tmp_path: Path, make_registry) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "settings.ini"
    registry, settings = make_registry(path)
    registry.set_sequences("ai.rewrite", [QKeySequence("Ctrl+Alt+R")])
    registry.set_sequences("ai.proofread", [])
    registry.reset("ai.rewrite")
    registry.reset("ai.proofread")
    assert [s.toString(PORTABLE) for s in registry["ai.rewrite"].shortcuts()] == ["Ctrl+Shift+R"]
    assert [s.toString(PORTABLE) for s in registry["ai.proofread"].shortcuts()] == ["Ctrl+Shift+P"]
    assert settings.raw(SHORTCUT_PREFIX + "ai.rewrite") is None
    settings.sync()
    stored = path.read_text() if path.exists() else ""
    assert "ai.rewrite" not in stored and "ai.proofread" not in stored
    # Choosing the default by hand is the same as resetting: nothing is stored.
    registry.set_sequences("ai.translate", [QKeySequence("Ctrl+Shift+L")])
    assert settings.raw(SHORTCUT_PREFIX + "ai.translate") is None
    again, _ = make_registry(path)
    assert [s.toString(PORTABLE) for s in again["ai.rewrite"].shortcuts()] == ["Ctrl+Shift+R"]


def test_conflicts_between_window_and_editor_scopes_are_detected(qtbot, tmp_path: Path, make_registry) -> None:  # type: ignore[no-untyped-def]
    registry, _ = make_registry(tmp_path / "settings.ini")
    registry.set_sequences("ai.rewrite", [QKeySequence("Ctrl+Shift+U")])  # editor scope; Summarize is window-wide
    assert registry.conflicts() == [Conflict("Ctrl+Shift+U", "ai.rewrite", "ai.summarize")]
    registry.set_sequences("ai.proofread", [QKeySequence("Ctrl+Shift+U")])  # two editor actions as well
    pairs = {(c.first, c.second) for c in registry.conflicts()}
    assert pairs == {("ai.rewrite", "ai.proofread"), ("ai.rewrite", "ai.summarize"), ("ai.proofread", "ai.summarize")}
    registry.reset("ai.rewrite")
    registry.reset("ai.proofread")
    assert registry.conflicts() == []
    # A user's own action in the editor scope is checked too.
    registry.add("custom.0", "Bullet points", [QKeySequence("Ctrl+Shift+R")], "editor", "")
    assert registry.conflicts() == [Conflict("Ctrl+Shift+R", "ai.rewrite", "custom.0")]
    registry.remove("custom.0")
    assert registry.conflicts() == []


def test_find_conflicts_respects_scopes(qapp) -> None:  # type: ignore[no-untyped-def]
    key = [QKeySequence("Ctrl+Alt+Q")]
    assert scopes_overlap("window", "editor") and scopes_overlap("editor", "window")
    assert scopes_overlap("editor", "editor") and scopes_overlap("window", "window")
    assert not scopes_overlap("editor", "chat_input")
    assert find_conflicts({"a": ("editor", key), "b": ("chat_input", key)}) == []
    assert find_conflicts({"a": ("window", key), "b": ("chat_input", key)}) == [Conflict("Ctrl+Alt+Q", "a", "b")]
    assert find_conflicts({"a": ("editor", []), "b": ("editor", [QKeySequence()])}) == []
