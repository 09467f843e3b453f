"""The first-run notice: the built-in model's limits in plain words, and the recommended download in one click.

A small panel the main window can show above the editor (or anywhere) while the built-in model is in use and the
user has not dismissed it. "Download" emits `download_requested(repo_id)`; the composition root opens the Model
manager and starts that download there, so progress, cancel and resume work as for any download.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.engine.catalog import CatalogEntry, format_bytes, recommended_download
from app.ui.theme import high_contrast

# Settings key (registered by the composition root; see the report) remembering that the user dismissed it.
NOTICE_DONE_KEY = "models/first_run_notice_done"


def first_run_text(recommended: CatalogEntry) -> str:
    return QCoreApplication.translate(
        "FirstRun",
        "Inkwell is using its small built-in model ({embedded}). It works offline and is good for continuing and "
        "summarizing short English text, but not for translation or Chinese. For those, download {name} "
        "({size}, runs on this computer).",
    ).format(embedded="SmolLM2-135M", name=recommended.name, size=format_bytes(recommended.download_bytes))


def should_show_first_run(current_ref: str, dismissed: bool, has_downloads: bool) -> bool:
    """Only while the built-in model is in use, nothing better is on disk, and the user has not said no."""
    return current_ref == "" and not dismissed and not has_downloads


class FirstRunNotice(QFrame):
    download_requested = Signal(str)  # the recommended model's repo id
    dismissed = Signal()

    def __init__(self, recommended: CatalogEntry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recommended = recommended or recommended_download()
        self.setObjectName("firstRunNotice")
        self.setAccessibleName(QCoreApplication.translate("FirstRun", "About the built-in model"))
        if high_contrast():  # the system's high-contrast colours
            self.setStyleSheet("#firstRunNotice { border: 2px solid palette(window-text); }")
        else:
            self.setStyleSheet(
                "#firstRunNotice { background: #eef4fb; border: 1px solid #9bb8dc; border-radius: 4px; }"
                "#firstRunNotice QLabel { color: #1a3d7c; }"
            )
        self.label = QLabel(first_run_text(self.recommended))
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.download_button = QPushButton(
            QCoreApplication.translate("FirstRun", "Download {name} ({size})").format(
                name=self.recommended.name, size=format_bytes(self.recommended.download_bytes)
            )
        )
        self.download_button.setObjectName("firstRunDownload")
        self.download_button.setAccessibleName(QCoreApplication.translate("FirstRun", "Download the recommended model"))
        self.download_button.setDefault(True)
        self.download_button.clicked.connect(self._download)
        self.later_button = QPushButton(QCoreApplication.translate("FirstRun", "Keep the built-in model"))
        self.later_button.setAccessibleName(
            QCoreApplication.translate("FirstRun", "Dismiss and keep the built-in model")
        )
        self.later_button.clicked.connect(self._dismiss)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.download_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.label)
        layout.addLayout(buttons)

    def _download(self) -> None:
        self.hide()
        self.download_requested.emit(self.recommended.repo_id)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
