"""Settings: the model (this computer or a server), device and precision, writing (sampling per task),
appearance and folders. Changes apply at once; a change of model or device reloads it in the background."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.engine.backends.remote_urls import SERVER_BASE_URLS, UNENCRYPTED_KEY, unencrypted_key_host
from app.engine.downloads import downloads_root
from app.engine.requests import ModelInfo
from app.model_choice import REMOTE_KEY_NAME
from app.paths import AppPaths
from app.secrets import SecretStore, SecretsUnavailable
from app.store.settings import SAMPLING_PARAMETERS, SAMPLING_TASKS, Settings, register_defaults
from app.translatable import QT_TRANSLATE_NOOP
from app.ui.messages import engine_text, info_note
from app.ui.theme import THEMES, high_contrast

log = logging.getLogger(__name__)

register_defaults({"ui/language": "system"})

DEVICES = (
    ("auto", QT_TRANSLATE_NOOP("Settings", "Automatic (GPU when there is one)")),
    ("cpu", QT_TRANSLATE_NOOP("Settings", "CPU")),
    ("cuda", QT_TRANSLATE_NOOP("Settings", "NVIDIA GPU (CUDA)")),
    ("cuda:1", QT_TRANSLATE_NOOP("Settings", "NVIDIA GPU 2 (cuda:1)")),
    ("mps", QT_TRANSLATE_NOOP("Settings", "Apple GPU (Metal)")),
)
DTYPES = (
    ("auto", QT_TRANSLATE_NOOP("Settings", "Automatic (bf16/fp16 on GPUs, fp32 on the CPU)")),
    ("bfloat16", "bfloat16"),
    ("float16", "float16"),
    ("float32", "float32"),
)
TASK_NAMES = {
    "continue": QT_TRANSLATE_NOOP("Settings", "Continue writing"),
    "edit": QT_TRANSLATE_NOOP("Settings", "Editing actions"),
    "chat": QT_TRANSLATE_NOOP("Settings", "Chat"),
    "summarize": QT_TRANSLATE_NOOP("Settings", "Summarize"),
    "translate": QT_TRANSLATE_NOOP("Settings", "Translate"),
}
# The label beside each field is the name up to " (": translations keep that ASCII separator.
PARAMETER_NAMES = {
    "temperature": QT_TRANSLATE_NOOP("Settings", "Temperature"),
    "top_p": QT_TRANSLATE_NOOP("Settings", "Top-p"),
    "top_k": QT_TRANSLATE_NOOP("Settings", "Top-k"),
    "repetition_penalty": QT_TRANSLATE_NOOP("Settings", "Repetition penalty"),
    "max_new_tokens": QT_TRANSLATE_NOOP("Settings", "Max new tokens (0 = automatic)"),
}
THEME_NAMES = (
    QT_TRANSLATE_NOOP("Settings", "Follow the system"),
    QT_TRANSLATE_NOOP("Settings", "Light"),
    QT_TRANSLATE_NOOP("Settings", "Dark"),
)
# Each language by its own name (a reader of it finds it whatever the interface's language is now).
LANGUAGES = (
    ("system", QT_TRANSLATE_NOOP("Settings", "Follow the system")),
    ("en", "English"),
    ("zh_CN", "简体中文"),
    ("zh_TW", "繁體中文"),
)


class _ConnectionTester(QObject):
    """Runs "Test connection" off the GUI thread and reports back by a queued signal."""

    done = Signal(object)  # ConnectionReport

    def start(self, base_url: str, api_key: str | None, model: str) -> None:
        from app.engine.backends.remote import test_connection

        def run() -> None:
            self.done.emit(test_connection(base_url, api_key, model, timeout=8.0))

        threading.Thread(target=run, name="inkwell-test-connection", daemon=True).start()


class SettingsDialog(QDialog):
    open_model_manager = Signal()
    open_shortcuts = Signal()

    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore,
        paths: AppPaths,
        info: ModelInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.secrets = secrets
        self.setWindowTitle(QCoreApplication.translate("Settings", "Settings"))
        self.resize(760, 600)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._model_tab(info), QCoreApplication.translate("Settings", "Model"))
        self.tabs.addTab(self._writing_tab(), QCoreApplication.translate("Settings", "Writing"))
        self.tabs.addTab(self._appearance_tab(), QCoreApplication.translate("Settings", "Appearance"))
        self.tabs.addTab(self._folders_tab(paths), QCoreApplication.translate("Settings", "Folders"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self._tester = _ConnectionTester(self)
        self._tester.done.connect(self._show_report)
        self._sync_backend()

    # -- model -----------------------------------------------------------------------------------------------
    def _model_tab(self, info: ModelInfo | None) -> QWidget:
        s = self.settings
        page = QWidget()
        self.local_radio = QRadioButton(QCoreApplication.translate("Settings", "On this computer"))
        self.remote_radio = QRadioButton(
            QCoreApplication.translate(
                "Settings", "On a server (OpenAI-compatible: Ollama, vLLM, LM Studio, llama.cpp…)"
            )
        )
        group = QButtonGroup(page)
        group.addButton(self.local_radio)
        group.addButton(self.remote_radio)
        (self.remote_radio if s.get("model/backend", str) == "remote" else self.local_radio).setChecked(True)
        self.local_radio.toggled.connect(lambda on: self._set("model/backend", "local" if on else "remote"))

        self.local_box = QGroupBox(QCoreApplication.translate("Settings", "Local model"))
        form = QFormLayout(self.local_box)
        model_row = QHBoxLayout()
        self.model_label = QLabel(
            s.get("model/ref", str)
            or QCoreApplication.translate("Settings", "The built-in model (SmolLM2-135M-Instruct)")
        )
        self.model_label.setWordWrap(True)
        manager = QPushButton(QCoreApplication.translate("Settings", "Model Manager…"))
        manager.clicked.connect(self.open_model_manager)
        model_row.addWidget(self.model_label, 1)
        model_row.addWidget(manager)
        form.addRow(QCoreApplication.translate("Settings", "Model:"), model_row)
        translate_row = QHBoxLayout()
        self.translate_label = QLabel(
            s.get("model/translate_ref", str) or QCoreApplication.translate("Settings", "The same model")
        )
        clear_translate = QPushButton(QCoreApplication.translate("Settings", "Use the Same"))
        clear_translate.clicked.connect(self._clear_translate)
        translate_row.addWidget(self.translate_label, 1)
        translate_row.addWidget(clear_translate)
        form.addRow(QCoreApplication.translate("Settings", "For translation:"), translate_row)
        self.device = self._combo(DEVICES, s.get("model/device", str), editable=True)
        self.device.currentTextChanged.connect(lambda _t: self._set("model/device", self._combo_value(self.device)))
        form.addRow(QCoreApplication.translate("Settings", "Device:"), self.device)
        detected = (
            QCoreApplication.translate("Settings", "In use: {device}, {dtype}.").format(
                device=info.device, dtype=info.dtype
            )
            if info
            else QCoreApplication.translate("Settings", "No model loaded yet.")
        )
        if info is not None and info.gpu_note:
            detected += " " + QCoreApplication.translate("Settings", "Why not the GPU: {reason}").format(
                reason=info_note(info, "gpu_note")
            )
        if info is not None and info.dtype_note:
            detected += " " + info_note(info, "dtype_note")
        self.detected = QLabel(detected)
        self.detected.setWordWrap(True)
        # A wrapped label in a form row is sized for one line before the dialog has a width; reserve its lines.
        self.detected.setMinimumHeight(self.detected.heightForWidth(420))
        self.detected.setAccessibleName(QCoreApplication.translate("Settings", "Device in use"))
        form.addRow("", self.detected)
        self.dtype = self._combo(DTYPES, s.get("model/dtype", str))
        self.dtype.currentIndexChanged.connect(lambda _i: self._set("model/dtype", self._combo_value(self.dtype)))
        form.addRow(QCoreApplication.translate("Settings", "Precision:"), self.dtype)
        self.threads = QSpinBox()
        self.threads.setRange(0, 256)
        self.threads.setSpecialValueText(QCoreApplication.translate("Settings", "Automatic"))
        self.threads.setValue(s.get("model/threads", int))
        self.threads.valueChanged.connect(lambda v: self._set("model/threads", v))
        form.addRow(QCoreApplication.translate("Settings", "CPU threads:"), self.threads)
        self.idle = QSpinBox()
        self.idle.setRange(0, 24 * 60)
        self.idle.setSuffix(QCoreApplication.translate("Settings", " min"))
        self.idle.setSpecialValueText(QCoreApplication.translate("Settings", "Never"))
        self.idle.setValue(s.get("model/idle_unload_min", int))
        self.idle.valueChanged.connect(lambda v: self._set("model/idle_unload_min", v))
        form.addRow(QCoreApplication.translate("Settings", "Unload when idle for:"), self.idle)

        self.remote_box = QGroupBox(QCoreApplication.translate("Settings", "Server"))
        remote = QFormLayout(self.remote_box)
        self.base_url = QComboBox()
        self.base_url.setEditable(True)
        for name, url in SERVER_BASE_URLS:
            self.base_url.addItem(f"{url}", url)
            self.base_url.setItemData(self.base_url.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.base_url.setEditText(s.get("remote/base_url", str))
        self.base_url.setAccessibleName(QCoreApplication.translate("Settings", "Server address"))
        self.base_url.currentTextChanged.connect(self._base_url_changed)
        remote.addRow(QCoreApplication.translate("Settings", "Address (ends in /v1):"), self.base_url)
        self.remote_model = QLineEdit(s.get("remote/model", str))
        self.remote_model.setPlaceholderText(
            QCoreApplication.translate("Settings", "e.g. llama3.2, or the path the server was started with")
        )
        self.remote_model.setAccessibleName(QCoreApplication.translate("Settings", "Model name on the server"))
        self.remote_model.editingFinished.connect(lambda: self._set("remote/model", self.remote_model.text().strip()))
        remote.addRow(QCoreApplication.translate("Settings", "Model:"), self.remote_model)
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setAccessibleName(QCoreApplication.translate("Settings", "API key"))
        self.api_key.setPlaceholderText(QCoreApplication.translate("Settings", "Only if the server asks for one"))
        save_key = QPushButton(QCoreApplication.translate("Settings", "Save Key"))
        save_key.clicked.connect(self._save_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(save_key)
        remote.addRow(QCoreApplication.translate("Settings", "API key:"), key_row)
        self.key_status = QLabel()
        self.key_status.setWordWrap(True)
        remote.addRow("", self.key_status)
        self.context = QSpinBox()
        self.context.setRange(512, 1_048_576)
        self.context.setSingleStep(1024)
        self.context.setValue(s.get("remote/context_length", int))
        self.context.valueChanged.connect(lambda v: self._set("remote/context_length", v))
        remote.addRow(QCoreApplication.translate("Settings", "Context length (tokens):"), self.context)
        test = QPushButton(QCoreApplication.translate("Settings", "Test Connection"))
        test.clicked.connect(self.test_connection)
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setAccessibleName(QCoreApplication.translate("Settings", "Connection test result"))
        remote.addRow(test, self.report)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        if not high_contrast():  # else the system's high-contrast text colour
            self.warning.setStyleSheet("color: #8a5a00")
        remote.addRow("", self.warning)
        self._refresh_key_status()

        layout = QVBoxLayout(page)
        layout.addWidget(self.local_radio)
        layout.addWidget(self.remote_radio)
        layout.addWidget(self.local_box)
        layout.addWidget(self.remote_box)
        layout.addStretch(1)
        self.local_radio.toggled.connect(lambda _on: self._sync_backend())
        return page

    def _combo(self, options: tuple[tuple[str, str], ...], current: str, editable: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        for value, label in options:
            combo.addItem(QCoreApplication.translate("Settings", label), value)
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)
        elif editable:
            combo.setEditText(current)
        return combo

    @staticmethod
    def _combo_value(combo: QComboBox) -> str:
        index = combo.findText(combo.currentText())
        data = combo.itemData(index) if index >= 0 else None
        return str(data) if data is not None else combo.currentText().strip()

    def _sync_backend(self) -> None:
        remote = self.remote_radio.isChecked()
        self.local_box.setEnabled(not remote)
        self.remote_box.setEnabled(remote)
        self._update_warning()

    def _set(self, key: str, value: object) -> None:
        self.settings.set(key, value)

    def _clear_translate(self) -> None:
        self.settings.set("model/translate_ref", "")
        self.translate_label.setText(QCoreApplication.translate("Settings", "The same model"))

    def _base_url_changed(self, text: str) -> None:
        index = self.base_url.findText(text)
        url = str(self.base_url.itemData(index)) if index >= 0 else text.strip()
        self._set("remote/base_url", url)
        self._update_warning()

    def _update_warning(self) -> None:
        has_key = bool(self.api_key.text().strip()) or bool(self.secrets.get(REMOTE_KEY_NAME))
        host = unencrypted_key_host(self.settings.get("remote/base_url", str), has_key)
        warning = QCoreApplication.translate("Engine", UNENCRYPTED_KEY).format(host=host) if host else ""
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))

    def _refresh_key_status(self) -> None:
        status = self.secrets.status()
        if self.secrets.session_only(REMOTE_KEY_NAME):
            self.key_status.setText(
                QCoreApplication.translate(
                    "Settings",
                    "The key could not be stored in a system keyring: it is used until Inkwell closes. To keep one, "
                    "set the INKWELL_API_KEY environment variable.",
                )
            )
        elif not status.available:
            self.key_status.setText(
                QCoreApplication.translate(
                    "Settings",
                    "No system keyring is available, so a key cannot be stored: a key you save is used until "
                    "Inkwell closes. To keep one, set the INKWELL_API_KEY environment variable.",
                )
            )
        elif self.secrets.get(REMOTE_KEY_NAME):
            self.key_status.setText(QCoreApplication.translate("Settings", "A key is stored in the system keyring."))
        else:
            self.key_status.setText(QCoreApplication.translate("Settings", "No key stored."))

    def _save_key(self) -> None:
        try:
            self.secrets.set(REMOTE_KEY_NAME, self.api_key.text())
        except SecretsUnavailable as exc:
            log.info("remote API key kept for this session only: %s", exc.template[:40])
            self.secrets.keep_for_session(REMOTE_KEY_NAME, self.api_key.text())
        self.api_key.clear()
        self._refresh_key_status()
        self._update_warning()
        self.settings.changed.emit("remote/api_key")  # the key is part of the server connection: reconnect

    def test_connection(self) -> None:
        self.report.setText(QCoreApplication.translate("Settings", "Testing…"))
        key = self.api_key.text().strip() or self.secrets.get(REMOTE_KEY_NAME)
        self._tester.start(self.settings.get("remote/base_url", str), key, self.remote_model.text().strip())

    def _show_report(self, report: object) -> None:
        message = engine_text(
            getattr(report, "template", ""), getattr(report, "params", {}), getattr(report, "message", "")
        )
        ok = bool(getattr(report, "ok", False))
        self.report.setText(("✔ " if ok else "✖ ") + message)

    # -- writing ---------------------------------------------------------------------------------------------
    def _writing_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            QCoreApplication.translate(
                "Settings",
                "How the model writes for each task. Lower temperature: steadier, more literal text; higher: more "
                "varied; temperature 0 always picks the likeliest word. Max new tokens 0 lets Inkwell size the "
                "answer to the text.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.sampling_fields: dict[str, dict[str, QDoubleSpinBox | QSpinBox]] = {}
        for task in SAMPLING_TASKS:
            box = QGroupBox(QCoreApplication.translate("Settings", TASK_NAMES[task]))
            row = QHBoxLayout(box)
            fields: dict[str, QDoubleSpinBox | QSpinBox] = {}
            for name in SAMPLING_PARAMETERS:
                field: QDoubleSpinBox | QSpinBox
                if name in ("top_k", "max_new_tokens"):
                    field = QSpinBox()
                    field.setRange(0, 32_768 if name == "max_new_tokens" else 1000)
                    field.setValue(self.settings.get(f"{task}/{name}", int))
                else:
                    field = QDoubleSpinBox()
                    field.setDecimals(2)
                    field.setSingleStep(0.05)
                    field.setRange(0.0 if name != "repetition_penalty" else 1.0, 2.0 if name != "top_p" else 1.0)
                    field.setValue(self.settings.get(f"{task}/{name}", float))
                parameter = QCoreApplication.translate("Settings", PARAMETER_NAMES[name])
                field.setAccessibleName(f"{QCoreApplication.translate('Settings', TASK_NAMES[task])}: {parameter}")
                field.setToolTip(parameter)
                field.valueChanged.connect(lambda v, k=f"{task}/{name}": self._set(k, v))
                label = QCoreApplication.translate("Settings", "{name}:", "a field's label")
                row.addWidget(QLabel(label.format(name=parameter.split(" (")[0])))
                row.addWidget(field)
                fields[name] = field
            reset = QPushButton(QCoreApplication.translate("Settings", "Reset"))
            reset.clicked.connect(lambda _c=False, t=task: self.reset_task(t))
            row.addWidget(reset)
            self.sampling_fields[task] = fields
            layout.addWidget(box)
        layout.addStretch(1)
        return page

    def reset_task(self, task: str) -> None:
        self.settings.reset_sampling(task)
        for name, field in self.sampling_fields[task].items():
            value = SAMPLING_TASKS[task][name]
            field.blockSignals(True)
            field.setValue(value)  # type: ignore[arg-type]
            field.blockSignals(False)

    # -- appearance ------------------------------------------------------------------------------------------
    def _appearance_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.theme = self._combo(tuple(zip(THEMES, THEME_NAMES, strict=True)), self.settings.get("ui/theme", str))
        self.theme.currentIndexChanged.connect(lambda _i: self._set("ui/theme", self._combo_value(self.theme)))
        form.addRow(QCoreApplication.translate("Settings", "Theme:"), self.theme)
        from app.ui import i18n

        languages = tuple(
            (
                code,
                name
                if code == i18n.SYSTEM or i18n.available(code)
                else f"{name} ({QCoreApplication.translate('Settings', 'translation not installed yet')})",
            )
            for code, name in LANGUAGES
        )
        self.language = self._combo(languages, self.settings.get("ui/language", str))
        self.language.currentIndexChanged.connect(lambda _i: self._set("ui/language", self._combo_value(self.language)))
        form.addRow(QCoreApplication.translate("Settings", "Language:"), self.language)
        note = QLabel(QCoreApplication.translate("Settings", "The language applies the next time Inkwell starts."))
        note.setWordWrap(True)
        form.addRow("", note)
        shortcuts = QPushButton(QCoreApplication.translate("Settings", "Customize Keyboard Shortcuts…"))
        shortcuts.clicked.connect(self.open_shortcuts)
        form.addRow(QCoreApplication.translate("Settings", "Shortcuts:"), shortcuts)
        return page

    # -- folders ---------------------------------------------------------------------------------------------
    def _folders_tab(self, paths: AppPaths) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        # Replaced in tests; the real one opens the platform's file manager.
        self.open_folder: Callable[[Path], None] = self._open_folder
        self.folder_fields: dict[str, QLineEdit] = {}
        self.folder_buttons: dict[str, QPushButton] = {}
        for key, label, folder in (
            ("data", QCoreApplication.translate("Settings", "Documents' recovery files and conversations"), paths.data),
            ("downloads", QCoreApplication.translate("Settings", "Downloaded models"), downloads_root(paths)),
            (
                "converted",
                QCoreApplication.translate("Settings", "Converted models (copies of .gguf files)"),
                paths.models,
            ),
            ("config", QCoreApplication.translate("Settings", "Settings"), paths.config),
            ("logs", QCoreApplication.translate("Settings", "Logs"), paths.logs),
        ):
            row = QHBoxLayout()
            field = QLineEdit(str(folder))
            field.setReadOnly(True)
            field.setAccessibleName(label)
            open_button = QPushButton(QCoreApplication.translate("Settings", "Open"))
            open_button.setAccessibleName(
                QCoreApplication.translate("Settings", "Open the folder: {name}").format(name=label)
            )
            open_button.clicked.connect(lambda _c=False, f=folder: self.open_folder(f))
            row.addWidget(field, 1)
            row.addWidget(open_button)
            form.addRow(label + ":", row)
            self.folder_fields[key] = field
            self.folder_buttons[key] = open_button
        hint = QLabel(
            QCoreApplication.translate(
                "Settings", "Set the INKWELL_HOME environment variable to keep all of these under one folder."
            )
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        return page

    @staticmethod
    def _open_folder(folder: Path) -> None:
        # Downloads create their folder on the first download; the file manager cannot open one that is not there.
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
