"""Light and dark looks: follow the operating system, or the user's choice in Settings. A high-contrast system
theme always wins over our colours, and keyboard focus is always drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget

from app.store.settings import Settings, register_defaults
from app.ui.fonts import with_cjk_fallback

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessibilityHints, QStyleHints

THEMES = ("system", "light", "dark")
register_defaults({"ui/theme": "system"})


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    colors = {
        roles.Window: "#202124",
        roles.WindowText: "#e8eaed",
        roles.Base: "#17181a",
        roles.AlternateBase: "#26282b",
        roles.ToolTipBase: "#303134",
        roles.ToolTipText: "#e8eaed",
        roles.PlaceholderText: "#8a8f98",
        roles.Text: "#e8eaed",
        roles.Button: "#2b2d31",
        roles.ButtonText: "#e8eaed",
        roles.BrightText: "#ff8a80",
        roles.Link: "#8ab4f8",
        # Styles draw keyboard focus in this colour: 3.5:1 against the window (visible focus), 4.5:1 under white text.
        roles.Highlight: "#4f75bf",
        roles.HighlightedText: "#ffffff",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (roles.Text, roles.ButtonText, roles.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b6f76"))
    return palette


class ThemeController(QObject):
    """Applies the chosen look to the application and says whether it is dark (for highlighting and diffs)."""

    dark_changed = Signal(bool)

    def __init__(self, app: QApplication, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent or app)
        self._app = app
        self._settings = settings
        self.dark = False
        self.contrast = False
        settings.changed.connect(self._on_setting)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())
        # Kept: PySide6 invalidates the accessibility hints once the style hints' wrapper is collected.
        self._style_hints = app.styleHints()
        self._accessibility = _accessibility_hints(self._style_hints)
        if self._accessibility is not None:
            self._accessibility.contrastPreferenceChanged.connect(self._on_contrast)
        # Bound methods, not functions: the connections end with this controller (tests make many windows).
        app.focusChanged.connect(self._on_focus)
        if isinstance(parent, QWidget):
            parent.installEventFilter(self)  # the window hears of a change of the system's theme (and font)
        self.apply()

    def _on_contrast(self, _preference: Qt.ContrastPreference) -> None:
        self.apply()

    def _on_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        _show_focus(old, new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ThemeChange:
            self._follow_system_font()
        return False

    def _follow_system_font(self) -> None:
        # The application font was set explicitly (for its CJK fallback), and Qt stops updating an explicit font
        # when the system's changes: a user who enlarges the system font must not have to restart.
        font = with_cjk_fallback(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        if font != self._app.font():
            self._app.setFont(font)

    def _on_setting(self, key: str) -> None:
        if key == "ui/theme":
            self.apply()

    def wants_dark(self) -> bool:
        mode = self._settings.get("ui/theme", str)
        if mode == "dark":
            return True
        if mode == "light":
            return False
        return self._app.styleHints().colorScheme() == Qt.ColorScheme.Dark

    def high_contrast(self) -> bool:
        return high_contrast()

    def apply(self) -> None:
        contrast = self.high_contrast()
        if contrast:
            # The platform's palette is the high-contrast theme the user chose; any colour of ours would dilute it.
            self._app.setPalette(QPalette())
            dark = self._app.palette().color(QPalette.ColorRole.Window).lightness() < 128
        else:
            dark = self.wants_dark()
            self._app.setPalette(dark_palette() if dark else self._app.style().standardPalette())
        if dark != self.dark or contrast != self.contrast:
            self.dark, self.contrast = dark, contrast
            self.dark_changed.emit(dark)  # the highlighting and diffs recolour (and read the contrast again)


def high_contrast() -> bool:
    """Whether the platform asks for high contrast (Qt 6.10+): then our own colours give way to its palette."""
    style_hints = QGuiApplication.styleHints()  # kept while the accessibility hints are read (see ThemeController)
    accessibility = _accessibility_hints(style_hints)
    return accessibility is not None and accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast


def _accessibility_hints(style_hints: QStyleHints) -> QAccessibilityHints | None:
    """Qt 6.10's accessibility hints (contrast preference); None on an older Qt."""
    hints = getattr(style_hints, "accessibility", None)
    return hints() if callable(hints) else None


def _show_focus(_old: QWidget | None, new: QWidget | None) -> None:
    # Styles draw the focus frame only after a Tab or a shortcut moved focus; a pane opened from the menu or a
    # focus set by code would leave a keyboard user guessing where the next key goes.
    if new is None:
        return
    new.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    # A read-only text (a pane's output, a preview) draws no focus frame and, selectable by mouse only, no caret
    # either: with the keyboard flag it shows a caret, and arrow keys read it (screen readers follow the caret).
    if isinstance(new, QPlainTextEdit | QTextEdit) and new.isReadOnly():
        flags = new.textInteractionFlags()
        if not flags & Qt.TextInteractionFlag.TextSelectableByKeyboard:
            new.setTextInteractionFlags(flags | Qt.TextInteractionFlag.TextSelectableByKeyboard)
