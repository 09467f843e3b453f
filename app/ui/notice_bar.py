"""A slim bar above the editor that shows the MessageCenter's latest notice without blocking the user."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from app.ui.messages import Level, MessageCenter, Notice
from app.ui.theme import high_contrast

_COLORS = {
    Level.INFO: ("#e8f0fe", "#1a3d7c"),
    Level.WARNING: ("#fff4e5", "#6b4100"),
    Level.ERROR: ("#fdecea", "#7a1c14"),
}


class NoticeBar(QFrame):
    def __init__(self, messages: MessageCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        self.setObjectName("noticeBar")
        self.setAccessibleName(QCoreApplication.translate("NoticeBar", "Notice"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(QCoreApplication.translate("NoticeBar", "Dismiss"))
        close.setAccessibleName(QCoreApplication.translate("NoticeBar", "Dismiss notice"))
        close.clicked.connect(messages.dismiss)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()
        messages.posted.connect(self.show_notice)
        messages.dismissed.connect(self.hide)

    def show_notice(self, notice: Notice) -> None:
        background, foreground = _COLORS[notice.level]
        if high_contrast():  # the system's high-contrast colours, with a frame to set the bar apart
            self.setStyleSheet("#noticeBar { border-bottom: 2px solid palette(window-text); }")
        else:
            self.setStyleSheet(
                f"#noticeBar {{ background: {background}; border-bottom: 1px solid {foreground}; }}"
                f"#noticeBar QLabel {{ color: {foreground}; }}"
            )
        self.label.setText(notice.text)
        self.label.setToolTip(notice.detail[-2000:] if notice.detail else "")
        self.show()
