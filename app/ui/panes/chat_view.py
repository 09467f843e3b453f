"""The conversation view: one read-only document, messages appended, the streaming answer appended in place.

User messages are plain text (whatever they contain shows as typed); answers are Markdown without raw HTML. Every
clickable thing is an anchor: `chat:` anchors are the view's own actions (copy, edit, insert, citation), anything
else is a link the pane may open (only http/https, only on click). The whole history is rendered only when a
conversation is opened, edited or the palette changes; streaming never touches it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.store.conversations import StoredMessage
from app.ui.panes.chat_markdown import MarkdownStream, SafeDocument, linkify_citations, render_markdown
from app.ui.panes.chat_notes import answer_notes


def stats_line(stats: Mapping[str, Any], tokens: int | None = None) -> str:
    """ "42 tokens · 18.3 tokens/s · prompt 310 (290 reused)" for an answer's footer."""
    parts: list[str] = []
    # A server that reports no usage leaves the counts to an estimate (the backend says so in `decoding`).
    about = "≈" if "estimated" in str(stats.get("decoding", "")) else ""
    new_tokens = stats.get("new_tokens", tokens)
    if new_tokens is not None:
        parts.append(about + QCoreApplication.translate("ChatView", "{n} tokens").format(n=new_tokens))
    speed = stats.get("tokens_per_s")
    if speed:
        parts.append(about + QCoreApplication.translate("ChatView", "{speed:.1f} tokens/s").format(speed=float(speed)))
    prompt = stats.get("prompt_tokens")
    if prompt:
        cached = stats.get("cached_prompt_tokens") or 0
        if cached:
            parts.append(
                QCoreApplication.translate("ChatView", "prompt {n} ({cached} reused)").format(
                    n=f"{about}{prompt}", cached=cached
                )
            )
        else:
            parts.append(QCoreApplication.translate("ChatView", "prompt {n}").format(n=f"{about}{prompt}"))
    if stats.get("reason") == "cancelled":
        parts.append(QCoreApplication.translate("ChatView", "stopped"))
    elif stats.get("reason") == "length":
        parts.append(QCoreApplication.translate("ChatView", "cut at the length limit"))
    return " · ".join(parts)


class ChatView(QTextBrowser):
    action_requested = Signal(str, int, int)  # "copy" | "edit" | "insert" | "cite", message seq, citation number
    link_clicked = Signal(QUrl)  # any other link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatView")
        self.setAccessibleName(QCoreApplication.translate("ChatView", "Conversation"))
        self.setDocument(SafeDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(10)
        self.anchorClicked.connect(self._on_anchor)
        self._messages: list[StoredMessage] = []
        self._stream: MarkdownStream | None = None
        self._stream_seq = -1
        self._answer_start = -1  # where the streaming answer's header begins
        self._empty_hint = ""
        self._showing_hint = False
        self._stale_palette = False

    # -- formats from the palette ------------------------------------------------------------------------------
    def _color(self, role: QPalette.ColorRole) -> QColor:
        return self.palette().color(role)

    def _muted(self) -> QColor:
        text, base = self._color(QPalette.ColorRole.Text), self._color(QPalette.ColorRole.Base)
        return QColor(
            (text.red() + base.red() * 2) // 3,
            (text.green() + base.green() * 2) // 3,
            (text.blue() + base.blue() * 2) // 3,
        )

    def _code_background(self) -> QColor:
        base = self._color(QPalette.ColorRole.Base)
        return base.darker(108) if base.lightness() > 128 else base.lighter(135)

    def _body(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(self._color(QPalette.ColorRole.Text))
        return fmt

    def _small(self, color: QColor | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(color or self._muted())
        size = self.font().pointSizeF()
        if size > 0:
            fmt.setFontPointSize(size * 0.88)
        return fmt

    def _link(self, href: str, small: bool = True) -> QTextCharFormat:
        fmt = self._small(self._color(QPalette.ColorRole.Link)) if small else QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(self._color(QPalette.ColorRole.Link))
        return fmt

    # -- building blocks ---------------------------------------------------------------------------------------
    def _cursor_at_end(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    def _new_block(self, cursor: QTextCursor, top_margin: float = 0.0) -> None:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top_margin)
        if self.document().isEmpty() and cursor.position() == 0:
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(self._body())
        else:
            cursor.insertBlock(fmt, self._body())

    def _header(self, cursor: QTextCursor, message_role: str, seq: int) -> None:
        self._new_block(cursor, top_margin=14)
        name = QTextCharFormat()
        name.setFontWeight(QFont.Weight.Bold)
        if message_role == "user":
            name.setForeground(self._color(QPalette.ColorRole.Highlight))
            cursor.insertText(QCoreApplication.translate("ChatView", "You"), name)
        else:
            name.setForeground(self._color(QPalette.ColorRole.Text))
            cursor.insertText(QCoreApplication.translate("ChatView", "Assistant"), name)
        actions = [("copy", QCoreApplication.translate("ChatView", "Copy"))]
        if message_role == "user":
            actions.append(("edit", QCoreApplication.translate("ChatView", "Edit")))
        else:
            actions.append(("insert", QCoreApplication.translate("ChatView", "Insert into document")))
        for action, label in actions:
            cursor.insertText("   ", self._small())
            cursor.insertText(label, self._link(f"chat:{action}/{seq}"))
        self._new_block(cursor)

    def _footer_line(self, cursor: QTextCursor, text: str, color: QColor | None = None) -> None:
        self._new_block(cursor, top_margin=2)
        cursor.insertText(text, self._small(color))

    def _user_body(self, cursor: QTextCursor, message: StoredMessage) -> None:
        if message.context:
            quote = QTextBlockFormat()
            quote.setLeftMargin(12)
            quote.setTopMargin(2)
            cursor.setBlockFormat(quote)
            context = " ".join(message.context.split())
            shown = context if len(context) <= 300 else context[:299] + "…"
            cursor.insertText(
                QCoreApplication.translate("ChatView", "About: “{text}”").format(text=shown), self._small()
            )
            self._new_block(cursor)
        cursor.insertText(message.content, self._body())  # plain text: HTML and Markdown show as typed
        if message.tokens is not None:
            self._footer_line(cursor, QCoreApplication.translate("ChatView", "{n} tokens").format(n=message.tokens))

    def _answer_notes(self, cursor: QTextCursor, notes: Sequence[str]) -> None:
        """Notes about how the answer's prompt was put together, above the answer: where they are seen first."""
        for note in notes:
            self._footer_line(cursor, note, self._color(QPalette.ColorRole.Text))
        if notes:
            self._new_block(cursor)

    def _answer_footer(self, cursor: QTextCursor, message: StoredMessage) -> None:
        line = stats_line(message.stats, message.tokens)
        if line:
            self._footer_line(cursor, line)
        if message.citations:
            self._footer_line(
                cursor, QCoreApplication.translate("ChatView", "Sources (click to select the passage in the document):")
            )
            for citation in message.citations:
                number = int(citation.get("number", 0))
                self._new_block(cursor)
                cursor.insertText(f"[{number}] ", self._link(f"chat:cite/{message.seq}/{number}"))
                cursor.insertText(str(citation.get("snippet", "")), self._link(f"chat:cite/{message.seq}/{number}"))

    def _append(self, message: StoredMessage) -> None:
        cursor = self._cursor_at_end()
        self._header(cursor, message.role, message.seq)
        if message.role == "user":
            self._user_body(cursor, message)
        else:
            # The same place as while it streamed in (begin_answer), so a reopened conversation reads the same.
            self._answer_notes(cursor, answer_notes(message.stats))
            markdown = linkify_citations(message.content, message.seq) if message.citations else message.content
            render_markdown(cursor, markdown, self._code_background())
            cursor = self._cursor_at_end()
            self._answer_footer(cursor, message)

    # -- public ------------------------------------------------------------------------------------------------
    @property
    def streaming(self) -> bool:
        return self._stream is not None

    def _keep_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _scroll_if(self, at_bottom: bool) -> None:
        if at_bottom:
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum())

    def show_conversation(self, messages: Sequence[StoredMessage], empty_hint: str = "") -> None:
        """Render a whole conversation (on open, after an edit, or after a palette change)."""
        self._messages = list(messages)
        self._stream = None
        self._stream_seq = -1
        self._empty_hint = empty_hint
        self.document().clear()
        self._showing_hint = not messages
        if not messages:
            if empty_hint:
                cursor = self._cursor_at_end()
                cursor.insertText(empty_hint, self._small())
            return
        for message in messages:
            self._append(message)
        self._scroll_if(True)

    def add_message(self, message: StoredMessage) -> None:
        if self._showing_hint:
            self.document().clear()
            self._showing_hint = False
        at_bottom = self._keep_bottom()
        self._messages.append(message)
        self._append(message)
        self._scroll_if(at_bottom or message.role == "user")

    def begin_answer(self, seq: int, notes: Sequence[str], cite: bool = False) -> None:
        if self._showing_hint:
            self.document().clear()
            self._showing_hint = False
        at_bottom = self._keep_bottom()
        cursor = self._cursor_at_end()
        self._answer_start = cursor.position()
        self._header(cursor, "assistant", seq)
        self._answer_notes(cursor, notes)
        self._stream_seq = seq
        self._stream = MarkdownStream(
            self.document(),
            self._body(),
            self._code_background(),
            (lambda text: linkify_citations(text, seq)) if cite else (lambda text: text),
        )
        self._scroll_if(at_bottom)

    def append_answer(self, text: str) -> None:
        if self._stream is None:
            return
        at_bottom = self._keep_bottom()
        self._stream.append(text)
        self._scroll_if(at_bottom)

    def finish_answer(self, message: StoredMessage | None) -> None:
        """Close the streaming answer: render its last block and add its footer, or remove it if none came."""
        stream, self._stream = self._stream, None
        if stream is None:
            return
        at_bottom = self._keep_bottom()
        if message is None:
            cursor = self._cursor_at_end()
            cursor.setPosition(max(0, self._answer_start), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        else:
            stream.finish()
            self._messages.append(message)
            self._answer_footer(self._cursor_at_end(), message)
        self._stream_seq = -1
        if self._stale_palette:
            self._stale_palette = False
            self.show_conversation(self._messages, self._empty_hint)
        self._scroll_if(at_bottom)

    def streamed_text(self) -> str:
        return self._stream.text if self._stream else ""

    # -- links -------------------------------------------------------------------------------------------------
    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "chat":
            parts = url.path().split("/")
            try:
                action, seq = parts[0], int(parts[1])
                number = int(parts[2]) if len(parts) > 2 else 0
            except (IndexError, ValueError):
                return
            self.action_requested.emit(action, seq, number)
            return
        self.link_clicked.emit(url)

    def anchor_position(self, href: str) -> int:
        """Document position of the first anchor with this href (-1 if none); tests click it like a user."""
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().anchorHref() == href:
                    return fragment.position() + fragment.length() // 2
                iterator += 1
            block = block.next()
        return -1

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            if self._stream is not None:
                self._stale_palette = True  # re-rendered when the answer is done
            else:
                self.show_conversation(self._messages, self._empty_hint)
