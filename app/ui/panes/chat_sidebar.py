"""The conversation list: search, new, rename (in place), delete with Undo, export from the context menu."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.store.conversations import Conversation, SearchHit

ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 200
UNDO_VISIBLE_MS = 15_000


def _when(stamp: float) -> str:
    if not stamp:
        return ""
    if time.time() - stamp < 20 * 3600:
        return time.strftime("%H:%M", time.localtime(stamp))
    return time.strftime("%Y-%m-%d", time.localtime(stamp))


class ChatSidebar(QWidget):
    new_requested = Signal()
    selected = Signal(str)  # conversation id
    rename_requested = Signal(str, str)  # id, new title
    delete_requested = Signal(str)
    undo_requested = Signal()
    search_changed = Signal(str)
    export_requested = Signal(str, str)  # id, "markdown" | "json"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatSidebar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.search = QLineEdit()
        self.search.setPlaceholderText(QCoreApplication.translate("ChatSidebar", "Search conversations"))
        self.search.setAccessibleName(QCoreApplication.translate("ChatSidebar", "Search conversations"))
        self.search.setClearButtonEnabled(True)
        for clear in self.search.findChildren(QToolButton):  # Qt's clear button has no name of its own
            clear.setAccessibleName(self.tr("Clear the search"))
        layout.addWidget(self.search)

        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.new_button = self._button(
            QCoreApplication.translate("ChatSidebar", "New"),
            QCoreApplication.translate("ChatSidebar", "Start a new conversation"),
            self.new_requested.emit,
        )
        self.rename_button = self._button(
            QCoreApplication.translate("ChatSidebar", "Rename"),
            QCoreApplication.translate("ChatSidebar", "Rename the selected conversation"),
            self.rename_current,
        )
        self.delete_button = self._button(
            QCoreApplication.translate("ChatSidebar", "Delete"),
            QCoreApplication.translate("ChatSidebar", "Delete the selected conversation"),
            self.delete_current,
        )
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.list = QListWidget()
        self.list.setAccessibleName(QCoreApplication.translate("ChatSidebar", "Conversations"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setWordWrap(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemClicked.connect(self._on_clicked)
        self.list.itemActivated.connect(self._on_clicked)
        self.list.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.list, 1)

        self.undo_bar = QFrame()
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(6, 2, 2, 2)
        self.undo_label = QLabel()
        self.undo_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_label.setWordWrap(True)
        self.undo_button = self._button(
            QCoreApplication.translate("ChatSidebar", "Undo"),
            QCoreApplication.translate("ChatSidebar", "Bring the deleted conversation back"),
            self._undo,
        )
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()
        layout.addWidget(self.undo_bar)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.search_changed.emit(self.search.text()))
        self.search.textChanged.connect(self._search_timer.start)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_VISIBLE_MS)
        self._undo_timer.timeout.connect(self.undo_bar.hide)
        self._conversations: list[Conversation] = []
        self._current = ""
        self._filling = False
        self._update_buttons()

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- contents ----------------------------------------------------------------------------------------------
    def set_conversations(self, conversations: list[Conversation]) -> None:
        self._conversations = list(conversations)
        if not self.search.text().strip():
            self._fill([(c, "") for c in conversations])

    def show_results(self, query: str, hits: list[SearchHit] | None) -> None:
        if query != self.search.text().strip():
            return  # an older search
        if hits is None:
            self._fill([(c, "") for c in self._conversations])
        else:
            self._fill([(h.conversation, h.snippet) for h in hits])

    def _fill(self, rows: list[tuple[Conversation, str]]) -> None:
        self._filling = True
        try:
            self.list.clear()
            for conversation, snippet in rows:
                title = conversation.title or QCoreApplication.translate("ChatSidebar", "New conversation")
                item = QListWidgetItem(title)
                item.setData(ID_ROLE, conversation.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                tip = _when(conversation.updated)
                if snippet:
                    tip = f"{tip}\n{snippet}" if tip else snippet
                    item.setText(f"{title}\n{snippet[:80]}")
                item.setToolTip(tip)
                self.list.addItem(item)
                if conversation.id == self._current:
                    item.setSelected(True)
                    self.list.setCurrentItem(item)
        finally:
            self._filling = False
        self._update_buttons()

    def set_current(self, conversation_id: str) -> None:
        self._current = conversation_id
        self._filling = True
        try:
            self.list.clearSelection()
            for row in range(self.list.count()):
                item = self.list.item(row)
                if item.data(ID_ROLE) == conversation_id:
                    self.list.setCurrentItem(item)
                    item.setSelected(True)
        finally:
            self._filling = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self._current_id())
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _current_id(self) -> str:
        """The open conversation: Rename and Delete act on it."""
        return self._current if self.item_for(self._current) is not None else ""

    def item_for(self, conversation_id: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == conversation_id:
                return item
        return None

    def titles(self) -> list[str]:
        return [self.list.item(row).text().split("\n")[0] for row in range(self.list.count())]

    # -- actions -----------------------------------------------------------------------------------------------
    def _on_clicked(self, item: QListWidgetItem) -> None:
        self._update_buttons()
        conversation_id = str(item.data(ID_ROLE))
        if conversation_id and conversation_id != self._current:
            self.selected.emit(conversation_id)

    def rename_current(self) -> None:
        item = self.item_for(self._current) or self.list.currentItem()
        if item is not None:
            self.list.setCurrentItem(item)
            conversation = next((c for c in self._conversations if c.id == item.data(ID_ROLE)), None)
            if conversation is not None:
                self._filling = True
                item.setText(conversation.title)  # without a search snippet while editing
                self._filling = False
            self.list.editItem(item)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        title = " ".join(item.text().split())
        if title:
            self.rename_requested.emit(str(item.data(ID_ROLE)), title)

    def delete_current(self) -> None:
        conversation_id = self._current_id()
        if conversation_id:
            self.delete_requested.emit(conversation_id)

    def show_deleted(self, conversation: Conversation) -> None:
        title = conversation.title or QCoreApplication.translate("ChatSidebar", "New conversation")
        self.undo_label.setText(QCoreApplication.translate("ChatSidebar", "Deleted “{title}”.").format(title=title))
        self.undo_bar.show()
        self._undo_timer.start()

    def _undo(self) -> None:
        self.undo_bar.hide()
        self._undo_timer.stop()
        self.undo_requested.emit()

    def _menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        conversation_id = str(item.data(ID_ROLE))
        menu = QMenu(self)
        menu.addAction(QCoreApplication.translate("ChatSidebar", "Rename"), self.rename_current)
        menu.addAction(
            QCoreApplication.translate("ChatSidebar", "Delete"), lambda: self.delete_requested.emit(conversation_id)
        )
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("ChatSidebar", "Export as Markdown…"),
            lambda: self.export_requested.emit(conversation_id, "markdown"),
        )
        menu.addAction(
            QCoreApplication.translate("ChatSidebar", "Export as JSON…"),
            lambda: self.export_requested.emit(conversation_id, "json"),
        )
        menu.exec(self.list.viewport().mapToGlobal(point))
