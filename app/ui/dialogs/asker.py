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

    def choose_encoding(self, title: str, current: str, saving: bool) -> str | None:
        """A codec for "Reopen with Encoding…" (saving=False) or "Save with Encoding…"; None: cancelled."""
        ...

    def save_as_utf8(self, message: str) -> bool:
        """`message` says which character the file's encoding cannot hold. True: save as UTF-8 instead."""
        ...

    def reopen_discarding_changes(self, title: str, encoding: str) -> bool: ...


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

    def choose_encoding(self, title: str, current: str, saving: bool) -> str | None:
        from app.ui.dialogs.encoding_dialog import EncodingDialog

        dialog = EncodingDialog(title, current, saving, self.parent)
        try:
            return dialog.chosen if dialog.exec() == EncodingDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def save_as_utf8(self, message: str) -> bool:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Inkwell")
        box.setText(message)
        box.setInformativeText(
            QCoreApplication.translate(
                "Asker", "Save it as UTF-8 instead? UTF-8 holds every character; some old programs cannot read it."
            )
        )
        utf8_button = box.addButton(
            QCoreApplication.translate("Asker", "Save as UTF-8"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is utf8_button

    def reopen_discarding_changes(self, title: str, encoding: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            "Inkwell",
            QCoreApplication.translate(
                "Asker", "Read {name} again as {encoding}? Your unsaved changes to it are replaced by the file's text."
            ).format(name=title, encoding=encoding),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
