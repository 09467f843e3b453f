"""Walk everything a user of the main window can look at: the window, each pane, each dialog, every menu and action,
and the texts on each widget. Shared by the tests that check every visible text is translated and every control
has an accessible name, so both look at the same surfaces.

Each dialog is built the way the window builds it, shown without a modal loop (a walk must not block), handed to the
caller, and closed again when the caller asks for the next surface."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from app.store import custom_actions
from app.store.custom_actions import StoredAction
from app.store.recovery import RecoveryRecord
from app.ui.main_window import MainWindow

# Rows of a list, tree or table read per view: the first rows show whether the view's texts are translated.
MAX_ROWS = 200


@dataclass(frozen=True)
class Surface:
    name: str  # "main window", "pane: chat", "dialog: settings", ... (for failure messages)
    widget: QWidget


def _settle() -> None:
    QApplication.processEvents()


def panes(window: MainWindow) -> Iterator[Surface]:
    """Each dock (task panes, outline, history) shown in turn, then the find/replace bar and the review bar."""
    for key, dock in window.docks.items():
        was_visible = dock.isVisible()
        dock.show()
        dock.raise_()
        _settle()
        try:
            yield Surface(f"pane: {key}", dock)
        finally:
            dock.setVisible(was_visible)
    for key, dock in (("outline", window.outline_dock), ("history", window.history_dock)):
        was_visible = dock.isVisible()
        dock.show()
        _settle()
        try:
            yield Surface(f"pane: {key}", dock)
        finally:
            dock.setVisible(was_visible)
    window.find_bar.open(replace=True)
    _settle()
    try:
        yield Surface("find/replace bar", window.find_bar)
    finally:
        window.find_bar.close_bar()
    # The review bar shows itself while a model's change is reviewed; its widgets exist (hidden) before that.
    review = window.review_panel
    was_visible = review.isVisible()
    review.show()
    _settle()
    try:
        yield Surface("review bar", review)
    finally:
        review.setVisible(was_visible)


def _dialogs(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """(name, widget) for every dialog, each made only when the walk reaches it."""
    from app.ui.dialogs.about import AboutDialog
    from app.ui.dialogs.custom_actions import CustomActionsDialog
    from app.ui.dialogs.first_run import FirstRunNotice
    from app.ui.dialogs.recovery import RecoveryDialog
    from app.ui.dialogs.settings_dialog import SettingsDialog
    from app.ui.dialogs.shortcuts import CheatSheet, ShortcutsDialog

    yield "settings", SettingsDialog(window.settings, window.secrets, window.paths, window.client.info, window)
    if window.models is not None:
        from app.ui.dialogs.model_manager import ModelManagerDialog

        yield "model manager", ModelManagerDialog(window.models, window)
    yield "keyboard shortcuts", ShortcutsDialog(window.commands, window)
    yield "cheat sheet", CheatSheet(window.commands, window)
    # One action in the list, so the editing fields show what they show for a real one.
    stored = custom_actions.load(window.settings) or [StoredAction(name="押韵", template="{text}")]
    yield "custom actions", CustomActionsDialog(stored, window)
    # The user's own words (here in no particular language): what a translation must leave alone.
    record = RecoveryRecord(doc_id="walk", title="notes.md", text="…", saved_at=time.time())
    yield "recovery", RecoveryDialog([record], window)
    yield "first run", FirstRunNotice()
    yield "about", AboutDialog(window)


def dialogs(window: MainWindow) -> Iterator[Surface]:
    """Every dialog, shown (not modal) while the caller looks at it, then closed and deleted."""
    for name, widget in _dialogs(window):
        widget.show()
        _settle()
        try:
            yield Surface(f"dialog: {name}", widget)
        finally:
            if isinstance(widget, QDialog):
                widget.reject()
            widget.hide()
            widget.deleteLater()
            _settle()


def surfaces(window: MainWindow) -> Iterator[Surface]:
    """The main window, each pane, each dialog (each shown while the caller looks at it)."""
    _settle()
    yield Surface("main window", window)
    yield from panes(window)
    yield from dialogs(window)


def menus(window: MainWindow) -> Iterator[QMenu]:
    """Every menu of the menu bar (submenus too), the editor's context submenus, and any other menu the window owns."""
    seen: set[int] = set()

    def walk(menu: QMenu) -> Iterator[QMenu]:
        if id(menu) in seen:
            return
        seen.add(id(menu))
        menu.aboutToShow.emit()  # menus filled when opened (recent files, ...) fill now
        yield menu
        for action in menu.actions():
            if (sub := action.menu()) is not None and isinstance(sub, QMenu):
                yield from walk(sub)

    for action in window.menuBar().actions():
        if (menu := action.menu()) is not None and isinstance(menu, QMenu):
            yield from walk(menu)
    editor = window.current_editor()
    if editor is not None and editor.context_actions is not None:
        for item in editor.context_actions():
            if isinstance(item, QMenu):
                yield from walk(item)
    for menu in window.findChildren(QMenu):
        yield from walk(menu)


def actions(window: MainWindow) -> Iterator[QAction]:
    """Every action once: those in the menus, in the registry (shortcut-only ones too) and owned by any widget."""
    seen: set[int] = set()
    candidates: list[QAction] = []
    for menu in menus(window):
        candidates.extend(menu.actions())
    candidates.extend(window.commands[action_id] for action_id in window.commands.ids())
    candidates.extend(window.findChildren(QAction))
    for action in candidates:
        if id(action) in seen or action.isSeparator():
            continue
        seen.add(id(action))
        yield action


def widgets(root: QWidget, *, include_hidden: bool = True) -> Iterator[QWidget]:
    """`root` and every widget inside it. Hidden ones are included by default: they show in some state of the app
    (a button that appears while a model writes), and the walk cannot reach every state."""
    for widget in (root, *root.findChildren(QWidget)):
        if include_hidden or widget.isVisibleTo(root) or widget is root:
            yield widget


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # A list model hides columnCount (it is always one column).
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _flat(model: QAbstractItemModel) -> bool:
    """List and table models have no children (and hide hasChildren)."""
    return isinstance(model, (QAbstractListModel, QAbstractTableModel))


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, budget: list[int]) -> Iterator[tuple[str, str]]:
    for row in range(model.rowCount(parent)):
        if budget[0] <= 0:
            return
        budget[0] -= 1
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role, what in ((Qt.ItemDataRole.DisplayRole, "item"), (Qt.ItemDataRole.ToolTipRole, "item tooltip")):
                value = model.data(index, role)
                if isinstance(value, str) and value:
                    yield what, value
            if column == 0 and not _flat(model) and model.hasChildren(index):
                yield from _model_texts(model, index, budget)


def texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for each non-empty text the widget shows or gives assistive technology: its text, title,
    tooltip, placeholder, accessible name and description, and its items, tabs and headers."""
    own: list[tuple[str, str]] = [
        ("tooltip", widget.toolTip()),
        ("status tip", widget.statusTip()),
        ("what's this", widget.whatsThis()),
        ("accessible name", widget.accessibleName()),
        ("accessible description", widget.accessibleDescription()),
    ]
    if widget.isWindow() or isinstance(widget, QDockWidget):
        own.append(("window title", widget.windowTitle()))
    if isinstance(widget, (QLabel, QAbstractButton)):
        own.append(("text", widget.text()))
    if isinstance(widget, QGroupBox):
        own.append(("title", widget.title()))
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        own.append(("placeholder", widget.placeholderText()))
    if isinstance(widget, QComboBox):
        own.extend(("item", widget.itemText(i)) for i in range(widget.count()))
        own.extend(
            ("item tooltip", str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")) for i in range(widget.count())
        )
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            own.extend((("tab", widget.tabText(i)), ("tab tooltip", widget.tabToolTip(i))))
    if isinstance(widget, QTabBar) and not isinstance(widget.parent(), QTabWidget):
        for i in range(widget.count()):
            own.extend((("tab", widget.tabText(i)), ("tab tooltip", widget.tabToolTip(i))))
    yield from ((what, text) for what, text in own if text)
    # A read-only text view shows the app's words (the cheat sheet, the about box), not the user's.
    if isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.isReadOnly():
        yield from (("content", line) for line in widget.toPlainText().splitlines() if line.strip())
    if isinstance(widget, QAbstractItemView) and (model := widget.model()) is not None:
        for section in range(_columns(model, QModelIndex())):
            header = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if isinstance(header, str) and header:
                yield "header", header
        yield from _model_texts(model, QModelIndex(), [MAX_ROWS])


def action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    """(what, text) for each non-empty text of an action: menu text, tooltip, status tip, what's this."""
    for what, text in (
        ("text", action.text()),
        ("tooltip", action.toolTip()),
        ("status tip", action.statusTip()),
        ("what's this", action.whatsThis()),
    ):
        if text:
            yield what, text


def menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    for what, text in (("title", menu.title()), ("tooltip", menu.toolTip())):
        if text:
            yield what, text
