"""The review view under the editor: the model's version of the passage as a word-level diff, streamed in,
with Accept (one undo step), Reject, Retry and Stop. Explain shows its text with Insert Below instead."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.engine.diff import change_ratio, diff_html
from app.engine.requests import Done
from app.ui.editor.selection_actions import Phase, SelectionActions

REFRESH_MS = 100  # re-diffing the passage ten times a second is plenty for the eye and cheap for the CPU


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewPanel", text)


class ReviewPanel(QFrame):
    def __init__(self, controller: SelectionActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dark = False
        self.setObjectName("reviewPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_tr("Review of the model's change"))
        self.title = QLabel()
        self.title.setObjectName("reviewTitle")
        self.status = QLabel()
        self.status.setAccessibleName(_tr("Review status"))
        self.view = QTextBrowser()
        self.view.setAccessibleName(_tr("Proposed change"))
        self.view.setOpenLinks(False)
        self.view.setMinimumHeight(90)
        # No mnemonics: the keys are the window's customizable review.* actions (Alt+A, Alt+R, ... by default).
        self.accept_button = QPushButton(_tr("Accept"))
        self.insert_button = QPushButton(_tr("Insert Below"))
        self.copy_button = QPushButton(_tr("Copy"))
        self.reject_button = QPushButton(_tr("Reject"))
        self.retry_button = QPushButton(_tr("Retry"))
        self.stop_button = QPushButton(_tr("&Stop"))
        self.stop_button.setToolTip(_tr("Stop the model — Esc"))
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.status)
        buttons = QHBoxLayout()
        for button in (
            self.accept_button,
            self.insert_button,
            self.copy_button,
            self.reject_button,
            self.retry_button,
            self.stop_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        controller.phase_changed.connect(self._on_phase)
        controller.text_changed.connect(self._schedule)
        self.accept_button.clicked.connect(self._accept)
        self.insert_button.clicked.connect(self._insert)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(controller.result.strip()))
        self.reject_button.clicked.connect(controller.reject)
        self.retry_button.clicked.connect(controller.retry)
        self.stop_button.clicked.connect(controller.stop)
        self.hide()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        if self.isVisible():
            self.refresh()

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        c = self.controller
        if c.phase is Phase.IDLE:
            return
        if c.replaces_text:
            pieces = c.diff()
            self.view.setHtml(diff_html(pieces, dark=self.dark))
        else:
            self.view.setPlainText(c.result)
        self._update_status()

    def _update_status(self) -> None:
        c = self.controller
        part, parts = c.progress
        where = _tr(" (part {part} of {parts})").format(part=part, parts=parts) if parts > 1 else ""
        status = {
            Phase.WAITING: _tr("Waiting for the model…"),
            Phase.WRITING: _tr("Writing…") + where,
            Phase.READY: _tr("Done."),
            Phase.STOPPED: _tr("Stopped — you can accept what was written."),
            Phase.FAILED: _tr("Failed — see the message above."),
        }.get(c.phase, "")
        done = c.last_done
        if isinstance(done, Done) and done.stats is not None and c.phase in (Phase.READY, Phase.STOPPED):
            speed = _tr("{rate:.1f} tokens/s, {mode}")
            status += "  " + speed.format(rate=done.stats.tokens_per_s, mode=done.stats.decoding)
            if c.replaces_text:
                status += "  " + _tr("{pct:.0f}% changed").format(pct=change_ratio(c.diff()) * 100)
        self.status.setText(status)

    def _on_phase(self, phase: Phase) -> None:
        c = self.controller
        if phase is Phase.IDLE:
            self.hide()
            self._timer.stop()
            return
        self.title.setText(f"<b>{c.title}</b>")
        generating = phase in (Phase.WAITING, Phase.WRITING)
        finished = phase in (Phase.READY, Phase.STOPPED)
        self.accept_button.setVisible(c.replaces_text)
        self.insert_button.setVisible(not c.replaces_text)
        self.copy_button.setVisible(not c.replaces_text)
        self.accept_button.setEnabled(finished)
        self.insert_button.setEnabled(finished)
        self.copy_button.setEnabled(finished)
        self.retry_button.setEnabled(not generating)
        self.stop_button.setEnabled(generating)
        self.show()
        self.refresh()

    def _accept(self) -> None:
        self.controller.accept()

    def _insert(self) -> None:
        self.controller.insert_below()
