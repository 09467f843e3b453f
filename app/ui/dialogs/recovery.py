"""After a crash: show what can be restored, document by document, and let the user choose."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.store.recovery import RecoveryRecord


class RecoveryDialog(QDialog):
    """Lists unsaved documents from a session that did not close cleanly, with a preview of each."""

    def __init__(self, records: list[RecoveryRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.setWindowTitle(QCoreApplication.translate("Recovery", "Restore Unsaved Work"))
        self.resize(760, 480)
        intro = QLabel(
            QCoreApplication.translate(
                "Recovery",
                "Inkwell did not close normally last time. These documents had changes that were not saved. "
                "Tick the ones to restore; they open as unsaved documents.",
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(QCoreApplication.translate("Recovery", "Documents that can be restored"))
        for record in records:
            when = datetime.datetime.fromtimestamp(record.saved_at).strftime("%Y-%m-%d %H:%M:%S")
            item = QListWidgetItem(
                QCoreApplication.translate("Recovery", "{title} — {words} words, saved {when}").format(
                    title=record.title, words=record.words, when=when
                )
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(record.path or QCoreApplication.translate("Recovery", "Untitled document"))
            self.list.addItem(item)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(QCoreApplication.translate("Recovery", "What would be restored"))
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([280, 480])
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(QCoreApplication.translate("Recovery", "&Restore Selected"))
        self.discard_button = QPushButton(QCoreApplication.translate("Recovery", "&Discard All"))
        self.later_button = QPushButton(QCoreApplication.translate("Recovery", "Decide &Later"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.choice: list[RecoveryRecord] | None = None  # None: decide later
        self.list.currentRowChanged.connect(self._show)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        if records:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        self.preview.setPlainText(self.records[row].text if 0 <= row < len(self.records) else "")

    def _restore(self) -> None:
        self.choice = [r for i, r in enumerate(self.records) if self.list.item(i).checkState() == Qt.CheckState.Checked]
        self.accept()

    def _discard(self) -> None:
        self.choice = []
        self.accept()


def ask_recovery(records: list[RecoveryRecord], parent: QWidget | None) -> list[RecoveryRecord] | None:
    """The records to restore; [] to discard them all; None to be asked again next time."""
    dialog = RecoveryDialog(records, parent)
    dialog.exec()
    return dialog.choice
