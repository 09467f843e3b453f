"""The review view under the editor: the model's version of the passage as a word-level diff, streamed in,
with Accept (one undo step), Reject, Retry and Stop. Explain shows its text with Insert Below instead.

Once the text is written, each change of the diff is listed and can be taken or left on its own (the keys are the
window's review.* actions); Accept then puts exactly the taken changes in the document, as one undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.engine.diff import change_ratio, diff_html
from app.engine.requests import Done
from app.ui.editor.selection_actions import Phase, SelectionActions

REFRESH_MS = 100  # re-diffing the passage ten times a second is plenty for the eye and cheap for the CPU


class ReviewPanel(QFrame):
    def __init__(self, controller: SelectionActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dark = False
        self.setObjectName("reviewPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(QCoreApplication.translate("ReviewPanel", "Review of the model's change"))
        self.title = QLabel()
        self.title.setObjectName("reviewTitle")
        self.status = QLabel()
        self.status.setAccessibleName(QCoreApplication.translate("ReviewPanel", "Review status"))
        self.view = QTextBrowser()
        self.view.setAccessibleName(QCoreApplication.translate("ReviewPanel", "Proposed change"))
        self.view.setOpenLinks(False)
        self.view.setMinimumHeight(90)
        # No mnemonics: the keys are the window's customizable review.* actions (Alt+A, Alt+R, ... by default).
        self.accept_button = QPushButton(QCoreApplication.translate("ReviewPanel", "Accept"))
        self.insert_button = QPushButton(QCoreApplication.translate("ReviewPanel", "Insert Below"))
        self.copy_button = QPushButton(QCoreApplication.translate("ReviewPanel", "Copy"))
        self.reject_button = QPushButton(QCoreApplication.translate("ReviewPanel", "Reject"))
        self.retry_button = QPushButton(QCoreApplication.translate("ReviewPanel", "Retry"))
        self.stop_button = QPushButton(QCoreApplication.translate("ReviewPanel", "&Stop"))
        self.stop_button.setToolTip(QCoreApplication.translate("ReviewPanel", "Stop the model — Esc"))
        self.previous_button = QPushButton(QCoreApplication.translate("ReviewPanel", "◀ Previous Change"))
        self.next_button = QPushButton(QCoreApplication.translate("ReviewPanel", "Next Change ▶"))
        self.take_button = QPushButton(QCoreApplication.translate("ReviewPanel", "Take Change"))
        self.leave_button = QPushButton(QCoreApplication.translate("ReviewPanel", "Leave Change"))
        self.changes_list = QListWidget()
        self.changes_list.setAccessibleName(QCoreApplication.translate("ReviewPanel", "Changes, each taken or left"))
        self.changes_list.setMaximumWidth(320)
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
        change_buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.take_button, self.leave_button):
            change_buttons.addWidget(button)
        change_buttons.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(self.changes_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addLayout(change_buttons)
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
        self.previous_button.clicked.connect(lambda: controller.move_change(-1))
        self.next_button.clicked.connect(lambda: controller.move_change(1))
        self.take_button.clicked.connect(lambda: controller.decide_current(True))
        self.leave_button.clicked.connect(lambda: controller.decide_current(False))
        self.changes_list.currentRowChanged.connect(self._on_row)
        controller.decisions_changed.connect(self.refresh)
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
        finished = c.phase in (Phase.READY, Phase.STOPPED)
        if c.replaces_text:
            pieces = c.diff()
            current = c.current_change if finished else None
            self.view.setHtml(diff_html(pieces, dark=self.dark, decisions=c.decisions, current=current))
            if current is not None:
                self.view.scrollToAnchor(f"change-{current}")
        else:
            self.view.setPlainText(c.result)
        self._fill_changes(finished)
        self._update_status()

    def _fill_changes(self, finished: bool) -> None:
        """One line per change: taken (✓), left (✗) or not decided yet (•), with its old and new words."""
        c = self.controller
        changes = c.changes() if c.replaces_text and finished else []
        self.changes_list.setVisible(bool(changes))
        for button in (self.previous_button, self.next_button, self.take_button, self.leave_button):
            button.setVisible(c.replaces_text)
            button.setEnabled(bool(changes))
        self.changes_list.blockSignals(True)
        self.changes_list.clear()
        for change in changes:
            decision = c.decisions.get(change.index)
            mark = "•" if decision is None else "✓" if decision else "✗"
            old, new = _short(change.old) or "—", _short(change.new) or "—"
            self.changes_list.addItem(f"{mark} {old} → {new}")
        if changes:
            self.changes_list.setCurrentRow(min(c.current_change, len(changes) - 1))
        self.changes_list.blockSignals(False)

    def _on_row(self, row: int) -> None:
        if row >= 0 and row != self.controller.current_change:
            self.controller.go_to_change(row)

    def _update_status(self) -> None:
        c = self.controller
        part, parts = c.progress
        where = (
            QCoreApplication.translate("ReviewPanel", " (part {part} of {parts})").format(part=part, parts=parts)
            if parts > 1
            else ""
        )
        status = {
            Phase.WAITING: QCoreApplication.translate("ReviewPanel", "Waiting for the model…"),
            Phase.WRITING: QCoreApplication.translate("ReviewPanel", "Writing…") + where,
            Phase.READY: QCoreApplication.translate("ReviewPanel", "Done."),
            Phase.STOPPED: QCoreApplication.translate("ReviewPanel", "Stopped — you can accept what was written."),
            Phase.FAILED: QCoreApplication.translate("ReviewPanel", "Failed — see the message above."),
        }.get(c.phase, "")
        done = c.last_done
        if isinstance(done, Done) and done.stats is not None and c.phase in (Phase.READY, Phase.STOPPED):
            speed = QCoreApplication.translate("ReviewPanel", "{rate:.1f} tokens/s, {mode}")
            status += "  " + speed.format(rate=done.stats.tokens_per_s, mode=done.stats.decoding)
            if c.replaces_text:
                status += "  " + QCoreApplication.translate("ReviewPanel", "{pct:.0f}% changed").format(
                    pct=change_ratio(c.diff()) * 100
                )
                count = len(c.changes())
                if count:
                    taken = sum(1 for v in c.decisions.values() if v)
                    left = sum(1 for v in c.decisions.values() if not v)
                    status += "  " + QCoreApplication.translate(
                        "ReviewPanel", "change {n} of {count}: {taken} taken, {left} left"
                    ).format(n=min(c.current_change, count - 1) + 1, count=count, taken=taken, left=left)
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


def _short(text: str, most: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"
