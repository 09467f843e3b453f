"""The questions the workspace asks the user, behind a protocol so that tests can answer them."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class UnsavedChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Asker(Protocol):
    def unsaved_changes(self, title: str) -> UnsavedChoice: ...

    def read_with_legacy_encoding(self, message: str) -> bool: ...

    def reload_changed_file(self, title: str) -> bool:
        """True: reload from disk; False: keep the text in the editor."""
        ...

    def save_path(self, suggested: Path, filters: str) -> Path | None: ...


class DialogAsker:
    """Asks with message boxes and file dialogs over `parent`."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def unsaved_changes(self, title: str) -> UnsavedChoice:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.parent,
            "Inkwell",
            QCoreApplication.translate("Asker", "Save the changes to {name} before closing?").format(name=title),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        return {buttons.Save: UnsavedChoice.SAVE, buttons.Discard: UnsavedChoice.DISCARD}.get(
            answer, UnsavedChoice.CANCEL
        )

    def read_with_legacy_encoding(self, message: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            "Inkwell",
            message + "\n\n" + QCoreApplication.translate("Asker", "Open it as Windows-1252 text?"),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open

    def reload_changed_file(self, title: str) -> bool:
        box = QMessageBox(self.parent)
        box.setWindowTitle("Inkwell")
        box.setText(QCoreApplication.translate("Asker", "{name} was changed by another program.").format(name=title))
        box.setInformativeText(
            QCoreApplication.translate("Asker", "Reload it from disk, or keep the text you have here?")
        )
        reload_button = box.addButton(QCoreApplication.translate("Asker", "Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("Asker", "Keep Mine"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is reload_button

    def save_path(self, suggested: Path, filters: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent, QCoreApplication.translate("Asker", "Save As"), str(suggested), filters
        )
        return Path(name) if name else None
