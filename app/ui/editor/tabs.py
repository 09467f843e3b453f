"""The tab view over the workspace: one editor (with an optional Markdown preview) per open document."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QSplitter, QTabBar, QTabWidget, QVBoxLayout, QWidget

from app.ui.editor.document import Document
from app.ui.editor.editor import Editor
from app.ui.editor.highlighter import MarkdownHighlighter
from app.ui.editor.preview import MarkdownPreview
from app.ui.editor.workspace import Workspace


class EditorPane(QWidget):
    """One document's editor and preview, side by side."""

    def __init__(self, document: Document, dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.editor = Editor()
        self.editor.use_document(document.qdoc)
        self.editor.text_source = lambda: document.text
        self.highlighter = MarkdownHighlighter(document.qdoc, dark, length=document.expected_length)
        # A long file goes in slice by slice; typing into a half-loaded text would scramble it.
        self.editor.setReadOnly(document.loading)
        document.loading_changed.connect(self._on_loading)
        self.editor.cursorPositionChanged.connect(self._remember_cursor)
        self.preview = MarkdownPreview(self.editor)
        self.preview.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _remember_cursor(self) -> None:
        self.document.cursor_position = self.editor.textCursor().position()

    def _on_loading(self, loading: bool) -> None:
        self.editor.setReadOnly(loading)
        cursor = self.editor.textCursor()
        if not loading and not cursor.hasSelection() and cursor.atEnd():
            # Text appended behind the cursor carried it along: a file opens at its start, as a small one does.
            self.editor.moveCursor(QTextCursor.MoveOperation.Start)

    def set_preview(self, visible: bool) -> None:
        self.preview.setVisible(visible)
        if visible:
            half = max(self.width() // 2, 200)
            self.splitter.setSizes([half, half])


class DocumentTabs(QTabWidget):
    editor_created = Signal(object)  # EditorPane, so controllers can hook the new editor
    current_pane_changed = Signal(object)  # EditorPane | None

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("documentTabs")
        self.setAccessibleName(QCoreApplication.translate("Tabs", "Open documents"))
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.dark = False
        self.preview_visible = False
        self.tabCloseRequested.connect(self._close_requested)
        self.currentChanged.connect(self._current_changed)
        workspace.document_added.connect(self._add)
        workspace.document_removed.connect(self._remove)
        workspace.active_changed.connect(self._activate)

    def panes(self) -> list[EditorPane]:
        return [pane for i in range(self.count()) if isinstance(pane := self.widget(i), EditorPane)]

    def pane_for(self, document: Document | None) -> EditorPane | None:
        return next((p for p in self.panes() if p.document is document), None)

    def current_pane(self) -> EditorPane | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, EditorPane) else None

    def current_editor(self) -> Editor | None:
        pane = self.current_pane()
        return pane.editor if pane is not None else None

    def _add(self, document: Document) -> None:
        pane = EditorPane(document, self.dark)
        pane.set_preview(self.preview_visible)
        index = self.addTab(pane, self._label(document))
        self.setTabToolTip(index, str(document.path) if document.path else document.title)
        self._name_close_button(index, document)
        document.title_changed.connect(lambda d=document: self._retitle(d))
        self.editor_created.emit(pane)

    def _label(self, document: Document) -> str:
        return ("● " if document.modified else "") + document.title

    def _retitle(self, document: Document) -> None:
        pane = self.pane_for(document)
        if pane is not None:
            index = self.indexOf(pane)
            self.setTabText(index, self._label(document))
            self.setTabToolTip(index, str(document.path) if document.path else document.title)
            self._name_close_button(index, document)

    def _name_close_button(self, index: int, document: Document) -> None:
        # Qt's close button has no accessible name: a screen reader would say only "button".
        for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
            button = self.tabBar().tabButton(index, side)
            if button is not None:
                button.setAccessibleName(self.tr("Close {title}").format(title=document.title))

    def _remove(self, document: Document) -> None:
        pane = self.pane_for(document)
        if pane is not None:
            self.removeTab(self.indexOf(pane))
            pane.deleteLater()

    def _activate(self, document: Document | None) -> None:
        pane = self.pane_for(document)
        if pane is not None and self.currentWidget() is not pane:
            self.setCurrentWidget(pane)

    def _current_changed(self, _index: int) -> None:
        pane = self.current_pane()
        self.workspace.set_active(pane.document if pane is not None else None)
        self.current_pane_changed.emit(pane)
        if pane is not None:
            pane.editor.setFocus()

    def _close_requested(self, index: int) -> None:
        pane = self.widget(index)
        if isinstance(pane, EditorPane):
            self.workspace.close(pane.document)

    def set_preview_visible(self, visible: bool) -> None:
        self.preview_visible = visible
        for pane in self.panes():
            pane.set_preview(visible)

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        for pane in self.panes():
            pane.highlighter.set_dark(dark)
