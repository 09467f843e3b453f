"""The Summarize pane: a thin view over SummarizeController."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.engine import language as languages
from app.engine.chunking import SummaryPlan
from app.store.settings import Settings
from app.ui.panes.summarize_controller import Phase, Progress, Source, SummarizeController, SummaryOutcome


def append_to(view: QPlainTextEdit, text: str) -> None:
    """Append at the end without re-rendering; follow the end only if the reader was already there."""
    bar = view.verticalScrollBar()
    at_end = bar.value() >= bar.maximum() - 4
    cursor = QTextCursor(view.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(text)
    if at_end:
        bar.setValue(bar.maximum())


def source_words(source: Source, characters: int) -> str:
    """Which text a pane works on, said the same way in both panes."""
    if source is Source.SELECTION:
        text = QCoreApplication.translate("Panes", "Source: the selection ({count} characters)")
    else:
        text = QCoreApplication.translate("Panes", "Source: the whole document ({count} characters)")
    return text.format(count=f"{characters:,}")


def model_note_label() -> QLabel:
    """The hidden-until-needed note on what the loaded model is poor at, styled the same in both panes."""
    note = QLabel()
    note.setWordWrap(True)
    note.setObjectName("modelNote")
    note.setAccessibleName(QCoreApplication.translate("Panes", "Note about the model"))
    note.setStyleSheet(
        "QLabel#modelNote { color: palette(text); background: palette(alternate-base);"
        " border-left: 3px solid #c8a200; padding: 4px; }"
    )
    note.hide()
    return note


class SummarizePane(QWidget):
    def __init__(self, controller: SummarizeController, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.setObjectName("summarizePane")

        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setAccessibleName(QCoreApplication.translate("SummarizePane", "Text to summarize"))

        self.length = QComboBox()
        for key, text in (
            ("sentence", QCoreApplication.translate("SummarizePane", "One sentence")),
            ("paragraph", QCoreApplication.translate("SummarizePane", "Short paragraph")),
            ("detailed", QCoreApplication.translate("SummarizePane", "Detailed")),
        ):
            self.length.addItem(text, key)
        self.length.setAccessibleName(QCoreApplication.translate("SummarizePane", "Summary length"))
        self.style_box = QComboBox()
        for key, text in (
            ("prose", QCoreApplication.translate("SummarizePane", "Prose")),
            ("bullets", QCoreApplication.translate("SummarizePane", "Bullet points")),
            ("key_points", QCoreApplication.translate("SummarizePane", "Key points and action items")),
        ):
            self.style_box.addItem(text, key)
        self.style_box.setAccessibleName(QCoreApplication.translate("SummarizePane", "Summary style"))
        self.language = QComboBox()
        self.language.addItem(QCoreApplication.translate("SummarizePane", "Same as the text"), "")
        for lang in languages.LANGUAGES:
            self.language.addItem(lang.native, lang.code)
        self.language.setAccessibleName(QCoreApplication.translate("SummarizePane", "Language of the summary"))
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("SummarizePane", "&Length:"), self.length)
        form.addRow(QCoreApplication.translate("SummarizePane", "F&orm:"), self.style_box)
        form.addRow(QCoreApplication.translate("SummarizePane", "&Write in:"), self.language)
        self._load_options()
        self.length.currentIndexChanged.connect(self._save_options)
        self.style_box.currentIndexChanged.connect(self._save_options)
        self.language.currentIndexChanged.connect(self._save_options)

        self.summarize_button = QPushButton(QCoreApplication.translate("SummarizePane", "Summari&ze"))
        self.summarize_button.setAccessibleName(QCoreApplication.translate("SummarizePane", "Summarize"))
        self.stop_button = QPushButton(QCoreApplication.translate("SummarizePane", "Stop"))
        self.stop_button.setAccessibleName(QCoreApplication.translate("SummarizePane", "Stop summarizing"))
        self.regenerate_button = QPushButton(QCoreApplication.translate("SummarizePane", "Re&generate"))
        self.regenerate_button.setAccessibleName(QCoreApplication.translate("SummarizePane", "Regenerate the summary"))
        run_row = QHBoxLayout()
        for button in (self.summarize_button, self.stop_button, self.regenerate_button):
            run_row.addWidget(button)

        self.note = model_note_label()

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(QCoreApplication.translate("SummarizePane", "Summary status"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(QCoreApplication.translate("SummarizePane", "Summary progress"))
        self.progress.hide()

        self.partial_label = QLabel()
        self.partial_label.setWordWrap(True)
        self.partial_label.setObjectName("partialNote")
        self.partial_label.setAccessibleName(QCoreApplication.translate("SummarizePane", "Partial summary"))
        self.partial_label.hide()

        self.result = QPlainTextEdit()
        self.result.setReadOnly(True)
        self.result.setAccessibleName(QCoreApplication.translate("SummarizePane", "Summary"))
        self.result.setPlaceholderText(QCoreApplication.translate("SummarizePane", "The summary appears here."))
        self.result.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.parts_label = QLabel(QCoreApplication.translate("SummarizePane", "Part summaries"))
        self.parts = QPlainTextEdit()
        self.parts.setReadOnly(True)
        self.parts.setAccessibleName(QCoreApplication.translate("SummarizePane", "Part summaries"))
        self.parts_label.setBuddy(self.parts)
        self.parts_label.hide()
        self.parts.hide()

        self.copy_button = QPushButton(QCoreApplication.translate("SummarizePane", "Co&py"))
        self.copy_button.setAccessibleName(QCoreApplication.translate("SummarizePane", "Copy the summary"))
        self.insert_button = QPushButton(QCoreApplication.translate("SummarizePane", "Insert at c&ursor"))
        self.insert_button.setAccessibleName(
            QCoreApplication.translate("SummarizePane", "Insert the summary at the cursor")
        )
        self.replace_button = QPushButton(QCoreApplication.translate("SummarizePane", "Replace selectio&n"))
        self.replace_button.setAccessibleName(
            QCoreApplication.translate("SummarizePane", "Replace the selection with the summary")
        )
        use_row = QHBoxLayout()
        for button in (self.copy_button, self.insert_button, self.replace_button):
            use_row.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addLayout(form)
        layout.addLayout(run_row)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.partial_label)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.parts_label)
        layout.addWidget(self.parts, 1)
        layout.addLayout(use_row)

        self.summarize_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(controller.stop)
        self.regenerate_button.clicked.connect(controller.regenerate)
        self.copy_button.clicked.connect(self.copy)
        self.insert_button.clicked.connect(controller.insert_at_cursor)
        self.replace_button.clicked.connect(controller.replace_selection)
        controller.phase_changed.connect(self._on_phase)
        controller.status_changed.connect(self._on_status)
        controller.source_changed.connect(self._on_source)
        controller.planned.connect(self._on_planned)
        controller.progress.connect(self._on_progress)
        controller.parts_text.connect(self._on_parts_text)
        controller.result_text.connect(self._on_result_text)
        controller.result_reset.connect(self._on_result_reset)
        controller.finished.connect(self._on_finished)
        controller.note_changed.connect(self._on_note)
        self.refresh_source()
        controller.refresh_note()
        self._update_buttons()

    # -- options ---------------------------------------------------------------------------------------------
    def _load_options(self) -> None:
        for box, key in (
            (self.length, "summarize/length"),
            (self.style_box, "summarize/style"),
            (self.language, "summarize/language"),
        ):
            index = box.findData(self.settings.get(key, str))
            box.setCurrentIndex(max(index, 0))

    def _save_options(self) -> None:
        self.settings.set("summarize/length", self.length.currentData())
        self.settings.set("summarize/style", self.style_box.currentData())
        self.settings.set("summarize/language", self.language.currentData())
        self.controller.refresh_note()

    # -- actions ---------------------------------------------------------------------------------------------
    def start(self) -> bool:
        return self.controller.start()

    def copy(self) -> None:
        if self.controller.result:
            QGuiApplication.clipboard().setText(self.controller.result)

    def focus_pane(self) -> None:
        """Keyboard focus into the pane (its shortcut opened it): its main button when idle, else the output."""
        target = self.summarize_button if self.controller.phase is Phase.IDLE else self.result
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh_source(self) -> None:
        """Say which text a start would summarize; connect to the editor's selectionChanged."""
        if not self.controller.running:
            source, characters = self.controller.describe_source()
            self.source_label.setText(source_words(source, characters))

    # -- controller → view -----------------------------------------------------------------------------------
    def _on_source(self, source: Source, characters: int) -> None:
        self.source_label.setText(source_words(source, characters))

    def _on_phase(self, phase: Phase) -> None:
        if phase in (Phase.WAITING_MODEL, Phase.PLANNING):
            self.progress.setRange(0, 0)  # busy, no measure yet
            self.progress.setFormat("")
            self.progress.show()
            self.partial_label.hide()
        self._update_buttons()

    def _on_status(self, text: str) -> None:
        self.status.setText(text)
        # The progress bar already says "Part 3 of 12"; the line above it says everything else.
        self.status.setVisible(not (self.progress.isVisible() and text == self.progress.format()))

    def _on_planned(self, plan: SummaryPlan) -> None:
        multi = not plan.single_pass
        self.parts.clear()
        self.parts.setVisible(multi)
        self.parts_label.setVisible(multi)
        if multi:
            self.result.setPlaceholderText(
                QCoreApplication.translate(
                    "SummarizePane",
                    "The text is long: its {parts} parts are summarized first (below), then the summary is written "
                    "here.",
                ).format(parts=plan.parts)
            )
            self.progress.setRange(0, plan.total_steps)
            self.progress.setValue(0)
        else:
            self.result.setPlaceholderText(QCoreApplication.translate("SummarizePane", "The summary appears here."))
            self.progress.setRange(0, 0)

    def _on_progress(self, progress: Progress) -> None:
        if progress.single_pass:
            return
        self.progress.setValue(progress.position - 1)
        label = self.controller.step_label(progress)
        self.progress.setFormat(label.replace("%", "%%"))
        self.status.setVisible(self.status.text() != label)

    def _on_parts_text(self, text: str) -> None:
        append_to(self.parts, text)

    def _on_result_text(self, text: str) -> None:
        append_to(self.result, text)

    def _on_result_reset(self, text: str) -> None:
        self.result.setPlainText(text)

    def _on_finished(self, outcome: SummaryOutcome) -> None:
        self.progress.hide()
        self.status.show()
        self.progress.setRange(0, 1)
        if outcome.partial:
            if outcome.total_parts > 1 and outcome.covered_parts:
                words = QCoreApplication.translate(
                    "SummarizePane", "Partial summary: it covers parts 1–{covered} of {parts} only."
                ).format(covered=outcome.covered_parts, parts=outcome.total_parts)
            else:
                words = QCoreApplication.translate(
                    "SummarizePane", "Partial summary: the model was stopped before it finished."
                )
            self.partial_label.setText(words)
            self.partial_label.show()
        else:
            self.partial_label.hide()
        self._update_buttons()

    def _on_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _update_buttons(self) -> None:
        running = self.controller.running
        has_result = bool(self.controller.result) and not running
        self.summarize_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.regenerate_button.setEnabled(not running and self.controller.can_regenerate)
        for button in (self.copy_button, self.insert_button, self.replace_button):
            button.setEnabled(has_result)
