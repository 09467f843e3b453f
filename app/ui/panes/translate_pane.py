"""The Translate pane: a thin view over TranslateController."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.engine import language as languages
from app.store.settings import Settings
from app.ui.messages import joined
from app.ui.panes.summarize_pane import append_to, model_note_label, source_words
from app.ui.panes.translate_controller import AUTO, Phase, Source, TranslateController, TranslationOutcome


def detection_words(detection: languages.Detection | None) -> str:
    if detection is None:
        return ""
    if detection.code is None:
        reason = {
            languages.NO_TEXT: QCoreApplication.translate("TranslatePane", "There is no text to look at."),
            languages.TOO_SHORT: QCoreApplication.translate("TranslatePane", "The text is too short to tell."),
            languages.NO_LETTERS: QCoreApplication.translate(
                "TranslatePane", "The text has no words, only numbers or symbols."
            ),
            languages.UNSUPPORTED_SCRIPT: QCoreApplication.translate(
                "TranslatePane", "It is written in a script Inkwell does not know."
            ),
        }.get(
            detection.reason,
            QCoreApplication.translate("TranslatePane", "It does not look clearly like any language Inkwell knows."),
        )
        return QCoreApplication.translate(
            "TranslatePane", "Could not tell the language. {reason} Choose the source language if you know it."
        ).format(reason=reason)
    names = [
        languages.BY_CODE[code].native for code in (detection.code, *detection.others) if code in languages.BY_CODE
    ]
    if detection.mixed:
        return QCoreApplication.translate("TranslatePane", "Detected: {main}, mixed with {others}").format(
            main=names[0], others=joined(names[1:])
        )
    return QCoreApplication.translate("TranslatePane", "Detected: {language}").format(language=names[0])


class TranslatePane(QWidget):
    def __init__(self, controller: TranslateController, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.setObjectName("translatePane")

        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setAccessibleName(QCoreApplication.translate("TranslatePane", "Text to translate"))

        self.from_box = QComboBox()
        self.from_box.addItem(QCoreApplication.translate("TranslatePane", "Detect language"), AUTO)
        self.to_box = QComboBox()
        for lang in languages.LANGUAGES:
            self.from_box.addItem(lang.native, lang.code)
            self.to_box.addItem(lang.native, lang.code)
        self.from_box.setAccessibleName(QCoreApplication.translate("TranslatePane", "Translate from"))
        self.to_box.setAccessibleName(QCoreApplication.translate("TranslatePane", "Translate into"))
        self.swap_button = QToolButton()
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip(QCoreApplication.translate("TranslatePane", "Swap the languages"))
        self.swap_button.setAccessibleName(QCoreApplication.translate("TranslatePane", "Swap the languages"))
        # Visible labels as buddies: on Linux a screen reader takes a combo box's name from its label, not from
        # setAccessibleName (no mnemonics: Alt+F and Alt+I belong to the menus).
        from_label = QLabel(QCoreApplication.translate("TranslatePane", "From:"))
        from_label.setBuddy(self.from_box)
        to_label = QLabel(QCoreApplication.translate("TranslatePane", "Into:"))
        to_label.setBuddy(self.to_box)
        pair = QHBoxLayout()
        pair.addWidget(from_label)
        pair.addWidget(self.from_box, 1)
        pair.addWidget(self.swap_button)
        pair.addWidget(to_label)
        pair.addWidget(self.to_box, 1)

        self.detected_label = QLabel()
        self.detected_label.setWordWrap(True)
        self.detected_label.setAccessibleName(QCoreApplication.translate("TranslatePane", "Detected language"))

        self.translate_button = QPushButton(QCoreApplication.translate("TranslatePane", "Trans&late"))
        self.translate_button.setAccessibleName(QCoreApplication.translate("TranslatePane", "Translate"))
        self.stop_button = QPushButton(QCoreApplication.translate("TranslatePane", "Stop"))
        self.stop_button.setAccessibleName(QCoreApplication.translate("TranslatePane", "Stop translating"))
        self.as_you_type = QCheckBox(QCoreApplication.translate("TranslatePane", "Translate &while I type"))
        self.as_you_type.setAccessibleName(QCoreApplication.translate("TranslatePane", "Translate as I type"))
        run_row = QHBoxLayout()
        run_row.addWidget(self.translate_button)
        run_row.addWidget(self.stop_button)
        run_row.addWidget(self.as_you_type, 1)

        self.note = model_note_label()

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(QCoreApplication.translate("TranslatePane", "Translation status"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(QCoreApplication.translate("TranslatePane", "Translation progress"))
        self.progress.hide()

        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.output.setAccessibleName(QCoreApplication.translate("TranslatePane", "Translation"))
        self.output.setPlaceholderText(QCoreApplication.translate("TranslatePane", "The translation appears here."))

        self.copy_button = QPushButton(QCoreApplication.translate("TranslatePane", "Co&py"))
        self.copy_button.setAccessibleName(QCoreApplication.translate("TranslatePane", "Copy the translation"))
        self.insert_button = QPushButton(QCoreApplication.translate("TranslatePane", "Insert at c&ursor"))
        self.insert_button.setAccessibleName(
            QCoreApplication.translate("TranslatePane", "Insert the translation at the cursor")
        )
        self.replace_button = QPushButton(QCoreApplication.translate("TranslatePane", "Replace selectio&n"))
        self.replace_button.setAccessibleName(
            QCoreApplication.translate("TranslatePane", "Replace the selection with the translation")
        )
        use_row = QHBoxLayout()
        for button in (self.copy_button, self.insert_button, self.replace_button):
            use_row.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addLayout(pair)
        layout.addWidget(self.detected_label)
        layout.addLayout(run_row)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.output, 1)
        layout.addLayout(use_row)

        self._show_languages(controller.source_language, controller.target_language)
        self.as_you_type.setChecked(controller.as_you_type)
        self.from_box.currentIndexChanged.connect(self._on_from_changed)
        self.to_box.currentIndexChanged.connect(self._on_to_changed)
        self.swap_button.clicked.connect(controller.swap)
        self.as_you_type.toggled.connect(controller.set_as_you_type)
        self.translate_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(controller.stop)
        self.copy_button.clicked.connect(self.copy)
        self.insert_button.clicked.connect(controller.insert_at_cursor)
        self.replace_button.clicked.connect(controller.replace_selection)
        controller.languages_changed.connect(self._show_languages)
        controller.detected.connect(self._on_detected)
        controller.phase_changed.connect(self._on_phase)
        controller.status_changed.connect(self.status.setText)
        controller.source_changed.connect(self._on_source)
        controller.progress.connect(self._on_progress)
        controller.output_text.connect(self._on_output_text)
        controller.output_reset.connect(self.output.setPlainText)
        controller.finished.connect(self._on_finished)
        controller.note_changed.connect(self._on_note)
        self.refresh_source()
        controller.refresh_note()
        self._update_buttons()

    # -- languages -------------------------------------------------------------------------------------------
    def _show_languages(self, source: str, target: str) -> None:
        with QSignalBlocker(self.from_box), QSignalBlocker(self.to_box):
            self.from_box.setCurrentIndex(max(self.from_box.findData(source), 0))
            self.to_box.setCurrentIndex(max(self.to_box.findData(target), 0))

    def _on_from_changed(self) -> None:
        self.controller.set_source_language(str(self.from_box.currentData()))

    def _on_to_changed(self) -> None:
        self.controller.set_target_language(str(self.to_box.currentData()))

    def _on_detected(self, detection: languages.Detection) -> None:
        self.detected_label.setText(detection_words(detection))

    # -- actions ---------------------------------------------------------------------------------------------
    def start(self) -> bool:
        return self.controller.start()

    def copy(self) -> None:
        if self.controller.output:
            QGuiApplication.clipboard().setText(self.controller.output)

    def focus_pane(self) -> None:
        """Keyboard focus into the pane (its shortcut opened it): its main button when idle, else the output."""
        target = self.translate_button if self.controller.phase is Phase.IDLE else self.output
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh_source(self) -> None:
        """Say which text a start would translate; connect to the editor's selectionChanged."""
        if not self.controller.running:
            source, characters = self.controller.describe_source()
            self.source_label.setText(source_words(source, characters))
            self._update_buttons()

    # -- controller → view -----------------------------------------------------------------------------------
    def _on_source(self, source: Source, characters: int) -> None:
        self.source_label.setText(source_words(source, characters))

    def _on_phase(self, phase: Phase) -> None:
        if phase in (Phase.WAITING_MODEL, Phase.PREPARING):
            self.progress.setRange(0, 0)
            self.progress.show()
        self._update_buttons()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(QCoreApplication.translate("TranslatePane", "%v of %m parts translated"))
        self.progress.setVisible(total > 1)

    def _on_output_text(self, text: str) -> None:
        append_to(self.output, text)

    def _on_finished(self, outcome: TranslationOutcome) -> None:
        self.progress.hide()
        self._update_buttons()

    def _on_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _update_buttons(self) -> None:
        running = self.controller.running
        has_output = bool(self.controller.output) and not running
        self.translate_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        for button in (self.copy_button, self.insert_button, self.replace_button):
            button.setEnabled(has_output)
        if self.controller.can_replace_document():
            self.replace_button.setText(QCoreApplication.translate("TranslatePane", "Replace &document"))
            self.replace_button.setAccessibleName(
                QCoreApplication.translate("TranslatePane", "Replace the document with the translation")
            )
        else:
            self.replace_button.setText(QCoreApplication.translate("TranslatePane", "Replace selectio&n"))
            self.replace_button.setAccessibleName(
                QCoreApplication.translate("TranslatePane", "Replace the selection with the translation")
            )
