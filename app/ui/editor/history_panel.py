"""The History panel: the active document's versions (time and what made each), the chosen one's differences
from the current text, and Restore (one undo step, itself kept as a version)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.store.history import Snapshot
from app.ui.editor.document import Document
from app.ui.editor.history import DocumentHistory


def when(snapshot: Snapshot, now: float | None = None) -> str:
    """Today's times as 14:32, older ones with their date."""
    now = time.time() if now is None else now
    same_day = time.strftime("%Y-%m-%d", time.localtime(now)) == time.strftime(
        "%Y-%m-%d", time.localtime(snapshot.created)
    )
    return time.strftime("%H:%M:%S" if same_day else "%Y-%m-%d %H:%M", time.localtime(snapshot.created))


class HistoryPanel(QWidget):
    def __init__(
        self, history: DocumentHistory, active: Callable[[], Document | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self._active = active
        self.dark = False
        self.snapshots: list[Snapshot] = []
        self.versions = QListWidget()
        self.versions.setAccessibleName(
            QCoreApplication.translate("HistoryPanel", "Versions of the document, newest first")
        )
        self.diff = QTextBrowser()
        self.diff.setAccessibleName(
            QCoreApplication.translate("HistoryPanel", "Differences between the chosen version and the current text")
        )
        self.note = QLabel(QCoreApplication.translate("HistoryPanel", "Choose a version to see what changed since."))
        self.note.setWordWrap(True)
        self.restore_button = QPushButton(QCoreApplication.translate("HistoryPanel", "&Restore This Version"))
        self.restore_button.setEnabled(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.versions)
        splitter.addWidget(self.diff)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.versions.currentRowChanged.connect(self._on_row)
        self.restore_button.clicked.connect(self.restore)
        history.listed.connect(self._on_listed)
        history.changed.connect(self._on_changed)
        history.compared.connect(self._on_compared)

    def refresh(self) -> None:
        document = self._active()
        if document is not None and self.isVisible():
            self.history.list(document)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _on_changed(self, key: str) -> None:
        document = self._active()
        if document is not None and DocumentHistory.key(document) == key:
            self.refresh()

    def _on_listed(self, key: str, snapshots: list[Snapshot]) -> None:
        document = self._active()
        if document is None or DocumentHistory.key(document) != key:
            return
        self.snapshots = snapshots
        self.versions.blockSignals(True)
        self.versions.clear()
        for snapshot in snapshots:
            item = QListWidgetItem(f"{when(snapshot)} · {snapshot.label}")
            item.setToolTip(QCoreApplication.translate("HistoryPanel", "{n} characters").format(n=f"{snapshot.size:,}"))
            self.versions.addItem(item)
        self.versions.blockSignals(False)
        self.restore_button.setEnabled(False)
        if not snapshots:
            self.diff.clear()
            self.note.setText(
                QCoreApplication.translate(
                    "HistoryPanel", "No versions yet: saving, an accepted AI edit or a reload keeps one."
                )
            )
        else:
            self.note.setText(QCoreApplication.translate("HistoryPanel", "Choose a version to see what changed since."))

    def _on_row(self, row: int) -> None:
        document = self._active()
        if document is None or not 0 <= row < len(self.snapshots):
            self.restore_button.setEnabled(False)
            return
        self.restore_button.setEnabled(True)
        self.note.setText(QCoreApplication.translate("HistoryPanel", "Comparing…"))
        self.history.compare(self.snapshots[row], document.text, self.dark)

    def _on_compared(self, snapshot_id: int, html: str) -> None:
        row = self.versions.currentRow()
        if 0 <= row < len(self.snapshots) and self.snapshots[row].id == snapshot_id:
            self.diff.setHtml(html)
            self.note.setText(
                QCoreApplication.translate(
                    "HistoryPanel", "Struck through: text this version had that is gone now; green: added since."
                )
            )

    def restore(self) -> None:
        document = self._active()
        row = self.versions.currentRow()
        if document is None or not 0 <= row < len(self.snapshots):
            return
        snapshot = self.snapshots[row]
        self.history.restore(document, snapshot, when(snapshot))
