"""Light and dark looks: follow the operating system, or the user's choice in Settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.store.settings import Settings, register_defaults

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
        roles.Highlight: "#3d5a99",
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
        settings.changed.connect(self._on_setting)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())
        self.apply()

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

    def apply(self) -> None:
        dark = self.wants_dark()
        self._app.setPalette(dark_palette() if dark else self._app.style().standardPalette())
        if dark != self.dark:
            self.dark = dark
            self.dark_changed.emit(dark)
