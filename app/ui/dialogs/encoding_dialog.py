"""The list of encodings that "Reopen with Encoding…" and "Save with Encoding…" choose from."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.store import encodings


def _scripts() -> dict[str, str]:
    """What each encoding is for, in the user's language."""

    # lupdate gives a nested tr() function no context: each text names its own.
    return {
        "utf-8": QCoreApplication.translate("EncodingDialog", "Unicode, every language"),
        "utf-8-sig": QCoreApplication.translate("EncodingDialog", "Unicode, with a byte order mark (Windows Notepad)"),
        "utf-16": QCoreApplication.translate("EncodingDialog", "Unicode, two bytes per character"),
        "gb18030": QCoreApplication.translate("EncodingDialog", "Simplified Chinese"),
        "gbk": QCoreApplication.translate("EncodingDialog", "Simplified Chinese, older programs"),
        "cp950": QCoreApplication.translate("EncodingDialog", "Traditional Chinese"),
        "big5hkscs": QCoreApplication.translate("EncodingDialog", "Traditional Chinese, Hong Kong"),
        "cp932": QCoreApplication.translate("EncodingDialog", "Japanese"),
        "euc_jp": QCoreApplication.translate("EncodingDialog", "Japanese (Unix)"),
        "cp949": QCoreApplication.translate("EncodingDialog", "Korean"),
        "cp1252": QCoreApplication.translate("EncodingDialog", "Western European"),
        "iso8859-1": QCoreApplication.translate("EncodingDialog", "Western European (Latin-1)"),
        "cp1250": QCoreApplication.translate("EncodingDialog", "Central European"),
        "cp1251": QCoreApplication.translate("EncodingDialog", "Cyrillic"),
        "koi8-r": QCoreApplication.translate("EncodingDialog", "Cyrillic (KOI8-R)"),
    }


class EncodingDialog(QDialog):
    def __init__(self, title: str, current: str, saving: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save with Encoding") if saving else self.tr("Reopen with Encoding"))
        prompt = (self.tr("Save {name} in this encoding:") if saving else self.tr("Read {name} again as:")).format(
            name=title
        )
        self.prompt = QLabel(prompt)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Encodings"))
        self.prompt.setBuddy(self.list)
        scripts = _scripts()
        current = encodings.canonical(current)
        for codec, name in encodings.ENCODINGS:
            item = QListWidgetItem(f"{name} \u2014 {scripts[codec]}")
            item.setData(Qt.ItemDataRole.UserRole, codec)
            self.list.addItem(item)
            if codec == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setFocus()

    @property
    def chosen(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else "utf-8"
