"""Add, edit and remove the user's own AI actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.store.custom_actions import StoredAction, validate
from app.ui.accessible_names import name_key_sequence_edit


class CustomActionsDialog(QDialog):
    def __init__(
        self,
        actions: list[StoredAction],
        parent: QWidget | None = None,
        *,
        taken: Callable[[QKeySequence], str | None] = lambda _key: None,
    ) -> None:
        super().__init__(parent)
        # Which of the app's own actions already uses a key (its name), or None: a clash would make both dead.
        self._taken = taken
        self.setWindowTitle(QCoreApplication.translate("CustomActions", "Custom Actions"))
        self.resize(640, 420)
        self.items = list(actions)
        self.list = QListWidget()
        self.list.setAccessibleName(QCoreApplication.translate("CustomActions", "Your actions"))
        self.name = QLineEdit()
        self.name.setAccessibleName(QCoreApplication.translate("CustomActions", "Action name"))
        self.template = QPlainTextEdit()
        self.template.setAccessibleName(QCoreApplication.translate("CustomActions", "Prompt"))
        self.template.setPlaceholderText(
            QCoreApplication.translate("CustomActions", "For example: Turn {text} into a numbered list of steps.")
        )
        self.shortcut = QKeySequenceEdit()
        name_key_sequence_edit(self.shortcut, QCoreApplication.translate("CustomActions", "Shortcut"))
        self.shortcut.setMaximumSequenceLength(1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        add, remove, save = (
            QPushButton(QCoreApplication.translate("CustomActions", "&New")),
            QPushButton(QCoreApplication.translate("CustomActions", "&Remove")),
            QPushButton(QCoreApplication.translate("CustomActions", "&Save Action")),
        )
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("CustomActions", "Name:"), self.name)
        form.addRow(QCoreApplication.translate("CustomActions", "Prompt ({text} is the selection):"), self.template)
        form.addRow(QCoreApplication.translate("CustomActions", "Shortcut (optional):"), self.shortcut)
        side = QVBoxLayout()
        side.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        side.addLayout(row)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(save)
        right.addWidget(self.error)
        body = QHBoxLayout()
        body.addLayout(side, 1)
        body.addLayout(right, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        add.clicked.connect(self.new)
        remove.clicked.connect(self.remove_current)
        save.clicked.connect(self.save_current)
        self.list.currentRowChanged.connect(self._load)
        self._refresh()

    def _refresh(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        self.list.addItems([a.name for a in self.items])
        if self.items:
            self.list.setCurrentRow(min(max(row, 0), len(self.items) - 1))

    def _load(self, row: int) -> None:
        action = self.items[row] if 0 <= row < len(self.items) else None
        self.name.setText(action.name if action else "")
        self.template.setPlainText(action.template if action else "")
        self.shortcut.setKeySequence(QKeySequence(action.shortcut) if action and action.shortcut else QKeySequence())
        self.error.clear()

    def new(self) -> None:
        self.list.setCurrentRow(-1)
        self._load(-1)
        self.name.setFocus()

    def save_current(self) -> bool:
        row = self.list.currentRow()
        existing = self.items[row] if 0 <= row < len(self.items) else None
        action = StoredAction(
            self.name.text().strip(),
            self.template.toPlainText().strip(),
            self.shortcut.keySequence().toString(QKeySequence.SequenceFormat.PortableText),
            **({"id": existing.id} if existing is not None else {}),
        )
        problem = validate(action)
        if problem:
            self.error.setText(QCoreApplication.translate("CustomActions", problem))
            return False
        clash = self._clash(self.shortcut.keySequence(), existing)
        if clash:
            self.error.setText(
                QCoreApplication.translate(
                    "CustomActions",
                    "{key} is already the shortcut of “{name}”. Choose another one, or change that one in "
                    "Help → Customize Shortcuts.",
                ).format(key=self.shortcut.keySequence().toString(QKeySequence.SequenceFormat.NativeText), name=clash)
            )
            return False
        if existing is not None:
            self.items[row] = action
        else:
            self.items.append(action)
            row = len(self.items) - 1
        self._refresh()
        self.list.setCurrentRow(row)
        self.error.setText(QCoreApplication.translate("CustomActions", "Saved."))
        return True

    def _clash(self, key: QKeySequence, editing: StoredAction | None) -> str | None:
        if key.isEmpty():
            return None
        portable = key.toString(QKeySequence.SequenceFormat.PortableText)
        for other in self.items:
            if other is not editing and other.shortcut == portable:
                return other.name
        return self._taken(key)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self._refresh()
            if not self.items:
                self._load(-1)
