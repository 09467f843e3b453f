"""The shortcuts editor (change, clear, reset, with conflicts shown) and the cheat sheet (F1 or Ctrl+/)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.translatable import QT_TRANSLATE_NOOP
from app.ui.accessible_names import name_key_sequence_edit
from app.ui.actions import ActionRegistry, native, plain_text

SCOPE_NAMES = {"window": QT_TRANSLATE_NOOP("Shortcuts", "Window"), "editor": QT_TRANSLATE_NOOP("Shortcuts", "Editor")}


def _label(registry: ActionRegistry, action_id: str) -> str:
    return plain_text(registry[action_id].text())


class ShortcutsDialog(QDialog):
    """Edit every action's shortcut. Changes apply at once; conflicts are listed under the table."""

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.setWindowTitle(QCoreApplication.translate("Shortcuts", "Keyboard Shortcuts"))
        self.resize(720, 560)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(QCoreApplication.translate("Shortcuts", "Filter actions"))
        self.filter.setAccessibleName(QCoreApplication.translate("Shortcuts", "Filter actions"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Shortcuts", "Action"),
                QCoreApplication.translate("Shortcuts", "Shortcut"),
                QCoreApplication.translate("Shortcuts", "Where"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(QCoreApplication.translate("Shortcuts", "Actions and their shortcuts"))
        self.editor = QKeySequenceEdit()
        name_key_sequence_edit(self.editor, QCoreApplication.translate("Shortcuts", "New shortcut"))
        self.editor.setMaximumSequenceLength(1)
        assign = QPushButton(QCoreApplication.translate("Shortcuts", "&Assign"))
        clear = QPushButton(QCoreApplication.translate("Shortcuts", "&Clear"))
        reset = QPushButton(QCoreApplication.translate("Shortcuts", "&Reset to Default"))
        reset_all = QPushButton(QCoreApplication.translate("Shortcuts", "Reset &All"))
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        self.conflicts.setAccessibleName(QCoreApplication.translate("Shortcuts", "Shortcut conflicts"))
        row = QHBoxLayout()
        row.addWidget(QLabel(QCoreApplication.translate("Shortcuts", "Shortcut:")))
        row.addWidget(self.editor, 1)
        for button in (assign, clear, reset, reset_all):
            row.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.conflicts)
        layout.addWidget(close)
        self.filter.textChanged.connect(self._apply_filter)
        self.table.currentCellChanged.connect(lambda *_: self._load_current())
        assign.clicked.connect(self.assign_current)
        clear.clicked.connect(lambda: self.set_current([]))
        reset.clicked.connect(self.reset_current)
        reset_all.clicked.connect(self.reset_all)
        registry.shortcuts_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        current = self.current_id()
        ids = self.registry.ids()
        self.table.setRowCount(len(ids))
        for row, action_id in enumerate(ids):
            name = QTableWidgetItem(_label(self.registry, action_id))
            name.setData(Qt.ItemDataRole.UserRole, action_id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(native(self.registry.sequences(action_id))))
            self.table.setItem(
                row,
                2,
                QTableWidgetItem(
                    QCoreApplication.translate("Shortcuts", SCOPE_NAMES.get(str(self.registry.scope(action_id)), ""))
                ),
            )
        if current is not None:
            self.select(current)
        self._apply_filter(self.filter.text())
        conflicts = self.registry.conflicts()
        if conflicts:
            lines = [
                QCoreApplication.translate("Shortcuts", "{keys} is used by both “{a}” and “{b}”.").format(
                    keys=c.sequence, a=_label(self.registry, c.first), b=_label(self.registry, c.second)
                )
                for c in conflicts
            ]
            self.conflicts.setText("⚠ " + " ".join(lines))
        else:
            self.conflicts.setText(QCoreApplication.translate("Shortcuts", "No conflicts."))

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.table.rowCount()):
            cells = [item.text().lower() for c in range(2) if (item := self.table.item(row, c)) is not None]
            self.table.setRowHidden(row, bool(needle) and not any(needle in cell for cell in cells))

    def current_id(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select(self, action_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == action_id:
                self.table.setCurrentCell(row, 0)
                return

    def _load_current(self) -> None:
        action_id = self.current_id()
        sequences = self.registry.sequences(action_id) if action_id else []
        self.editor.setKeySequence(sequences[0] if sequences else QKeySequence())

    def set_current(self, sequences: list[QKeySequence]) -> None:
        action_id = self.current_id()
        if action_id is not None:
            self.registry.set_sequences(action_id, sequences)

    def assign_current(self) -> None:
        sequence = self.editor.keySequence()
        self.set_current([sequence] if not sequence.isEmpty() else [])

    def reset_current(self) -> None:
        action_id = self.current_id()
        if action_id is not None:
            self.registry.reset(action_id)

    def reset_all(self) -> None:
        for action_id in self.registry.ids():
            self.registry.reset(action_id)


class CheatSheet(QDialog):
    """Every shortcut, grouped like the menus; printable at a glance."""

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Shortcuts", "Keyboard Shortcuts"))
        self.resize(560, 640)
        self.view = QTextBrowser()
        self.view.setAccessibleName(QCoreApplication.translate("Shortcuts", "Shortcut list"))
        self.customize = QPushButton(QCoreApplication.translate("Shortcuts", "&Customize…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.customize, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        # Every platform's button order puts an action left of Close, but Tab follows creation (Close first).
        self.setTabOrder(self.customize, buttons.button(QDialogButtonBox.StandardButton.Close))
        self.registry = registry
        registry.shortcuts_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        groups: dict[str, list[tuple[str, str]]] = {}
        for action_id in self.registry.ids():
            spec = self.registry.specs.get(action_id)
            group = spec.group if spec is not None else "AI"
            keys = native(self.registry.sequences(action_id))
            if keys:
                groups.setdefault(group, []).append((_label(self.registry, action_id), keys))
        html = ["<style>td{padding:2px 14px 2px 0} h3{margin:12px 0 4px 0}</style>"]
        for group, rows in groups.items():
            html.append(f"<h3>{QCoreApplication.translate('Menus', group)}</h3><table>")
            html += [f"<tr><td>{name}</td><td><b>{keys}</b></td></tr>" for name, keys in rows]
            html.append("</table>")
        accept = QCoreApplication.translate("Shortcuts", "Accept a continuation")
        discard = QCoreApplication.translate("Shortcuts", "Discard a continuation")
        html.append(
            "<h3>"
            + QCoreApplication.translate("Shortcuts", "In the editor")
            + "</h3><table>"
            + f"<tr><td>{accept}</td><td><b>Tab</b> / <b>Enter</b></td></tr>"
            + f"<tr><td>{discard}</td><td><b>Esc</b></td></tr>"
            + "</table>"
        )
        self.view.setHtml("".join(html))
