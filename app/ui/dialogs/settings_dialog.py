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

from app.engine.backends.remote_urls import SERVER_BASE_URLS, remote_url_warning
from app.engine.downloads import downloads_root
from app.engine.requests import ModelInfo
from app.model_choice import REMOTE_KEY_NAME
from app.paths import AppPaths
from app.secrets import SecretStore, SecretsUnavailable
from app.store.settings import SAMPLING_PARAMETERS, SAMPLING_TASKS, Settings, register_defaults
from app.ui.theme import THEMES

log = logging.getLogger(__name__)

register_defaults({"ui/language": "en"})

DEVICES = (("auto", "Automatic (GPU when there is one)"), ("cpu", "CPU"), ("cuda", "NVIDIA GPU (CUDA)"),
           ("cuda:1", "NVIDIA GPU 2 (cuda:1)"), ("mps", "Apple GPU (Metal)"))  # fmt: skip
DTYPES = (("auto", "Automatic (bf16/fp16 on GPUs, fp32 on the CPU)"), ("bfloat16", "bfloat16"),
          ("float16", "float16"), ("float32", "float32"))  # fmt: skip
TASK_NAMES = {"continue": "Continue writing", "edit": "Editing actions", "chat": "Chat", "summarize": "Summarize",
              "translate": "Translate"}  # fmt: skip
PARAMETER_NAMES = {
    "temperature": "Temperature",
    "top_p": "Top-p",
    "top_k": "Top-k",
    "repetition_penalty": "Repetition penalty",
    "max_new_tokens": "Max new tokens (0 = automatic)",
}
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


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
        self.setWindowTitle(_tr("Settings"))
        self.resize(760, 600)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._model_tab(info), _tr("Model"))
        self.tabs.addTab(self._writing_tab(), _tr("Writing"))
        self.tabs.addTab(self._appearance_tab(), _tr("Appearance"))
        self.tabs.addTab(self._folders_tab(paths), _tr("Folders"))
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
        self.local_radio = QRadioButton(_tr("On this computer"))
        self.remote_radio = QRadioButton(_tr("On a server (OpenAI-compatible: Ollama, vLLM, LM Studio, llama.cpp…)"))
        group = QButtonGroup(page)
        group.addButton(self.local_radio)
        group.addButton(self.remote_radio)
        (self.remote_radio if s.get("model/backend", str) == "remote" else self.local_radio).setChecked(True)
        self.local_radio.toggled.connect(lambda on: self._set("model/backend", "local" if on else "remote"))

        self.local_box = QGroupBox(_tr("Local model"))
        form = QFormLayout(self.local_box)
        model_row = QHBoxLayout()
        self.model_label = QLabel(s.get("model/ref", str) or _tr("The built-in model (SmolLM2-135M-Instruct)"))
        self.model_label.setWordWrap(True)
        manager = QPushButton(_tr("Model Manager…"))
        manager.clicked.connect(self.open_model_manager)
        model_row.addWidget(self.model_label, 1)
        model_row.addWidget(manager)
        form.addRow(_tr("Model:"), model_row)
        translate_row = QHBoxLayout()
        self.translate_label = QLabel(s.get("model/translate_ref", str) or _tr("The same model"))
        clear_translate = QPushButton(_tr("Use the Same"))
        clear_translate.clicked.connect(self._clear_translate)
        translate_row.addWidget(self.translate_label, 1)
        translate_row.addWidget(clear_translate)
        form.addRow(_tr("For translation:"), translate_row)
        self.device = self._combo(DEVICES, s.get("model/device", str), editable=True)
        self.device.currentTextChanged.connect(lambda _t: self._set("model/device", self._combo_value(self.device)))
        form.addRow(_tr("Device:"), self.device)
        detected = (
            _tr("In use: {device}, {dtype}.").format(device=info.device, dtype=info.dtype)
            if info
            else _tr("No model loaded yet.")
        )
        if info is not None and info.gpu_note:
            detected += " " + _tr("Why not the GPU: {reason}").format(reason=info.gpu_note)
        if info is not None and info.dtype_note:
            detected += " " + info.dtype_note
        self.detected = QLabel(detected)
        self.detected.setWordWrap(True)
        # A wrapped label in a form row is sized for one line before the dialog has a width; reserve its lines.
        self.detected.setMinimumHeight(self.detected.heightForWidth(420))
        self.detected.setAccessibleName(_tr("Device in use"))
        form.addRow("", self.detected)
        self.dtype = self._combo(DTYPES, s.get("model/dtype", str))
        self.dtype.currentIndexChanged.connect(lambda _i: self._set("model/dtype", self._combo_value(self.dtype)))
        form.addRow(_tr("Precision:"), self.dtype)
        self.threads = QSpinBox()
        self.threads.setRange(0, 256)
        self.threads.setSpecialValueText(_tr("Automatic"))
        self.threads.setValue(s.get("model/threads", int))
        self.threads.valueChanged.connect(lambda v: self._set("model/threads", v))
        form.addRow(_tr("CPU threads:"), self.threads)
        self.idle = QSpinBox()
        self.idle.setRange(0, 24 * 60)
        self.idle.setSuffix(_tr(" min"))
        self.idle.setSpecialValueText(_tr("Never"))
        self.idle.setValue(s.get("model/idle_unload_min", int))
        self.idle.valueChanged.connect(lambda v: self._set("model/idle_unload_min", v))
        form.addRow(_tr("Unload when idle for:"), self.idle)

        self.remote_box = QGroupBox(_tr("Server"))
        remote = QFormLayout(self.remote_box)
        self.base_url = QComboBox()
        self.base_url.setEditable(True)
        for name, url in SERVER_BASE_URLS:
            self.base_url.addItem(f"{url}", url)
            self.base_url.setItemData(self.base_url.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.base_url.setEditText(s.get("remote/base_url", str))
        self.base_url.setAccessibleName(_tr("Server address"))
        self.base_url.currentTextChanged.connect(self._base_url_changed)
        remote.addRow(_tr("Address (ends in /v1):"), self.base_url)
        self.remote_model = QLineEdit(s.get("remote/model", str))
        self.remote_model.setPlaceholderText(_tr("e.g. llama3.2, or the path the server was started with"))
        self.remote_model.setAccessibleName(_tr("Model name on the server"))
        self.remote_model.editingFinished.connect(lambda: self._set("remote/model", self.remote_model.text().strip()))
        remote.addRow(_tr("Model:"), self.remote_model)
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setAccessibleName(_tr("API key"))
        self.api_key.setPlaceholderText(_tr("Only if the server asks for one"))
        save_key = QPushButton(_tr("Save Key"))
        save_key.clicked.connect(self._save_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(save_key)
        remote.addRow(_tr("API key:"), key_row)
        self.key_status = QLabel()
        self.key_status.setWordWrap(True)
        remote.addRow("", self.key_status)
        self.context = QSpinBox()
        self.context.setRange(512, 1_048_576)
        self.context.setSingleStep(1024)
        self.context.setValue(s.get("remote/context_length", int))
        self.context.valueChanged.connect(lambda v: self._set("remote/context_length", v))
        remote.addRow(_tr("Context length (tokens):"), self.context)
        test = QPushButton(_tr("Test Connection"))
        test.clicked.connect(self.test_connection)
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setAccessibleName(_tr("Connection test result"))
        remote.addRow(test, self.report)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
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
            combo.addItem(_tr(label), value)
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
        self.translate_label.setText(_tr("The same model"))

    def _base_url_changed(self, text: str) -> None:
        index = self.base_url.findText(text)
        url = str(self.base_url.itemData(index)) if index >= 0 else text.strip()
        self._set("remote/base_url", url)
        self._update_warning()

    def _update_warning(self) -> None:
        has_key = bool(self.api_key.text().strip()) or bool(self.secrets.get(REMOTE_KEY_NAME))
        warning = remote_url_warning(self.settings.get("remote/base_url", str), has_key)
        self.warning.setText(warning or "")
        self.warning.setVisible(bool(warning))

    def _refresh_key_status(self) -> None:
        status = self.secrets.status()
        if self.secrets.session_only(REMOTE_KEY_NAME):
            self.key_status.setText(
                _tr(
                    "The key could not be stored in a system keyring: it is used until Inkwell closes. To keep one, "
                    "set the INKWELL_API_KEY environment variable."
                )
            )
        elif not status.available:
            self.key_status.setText(
                _tr(
                    "No system keyring is available, so a key cannot be stored: a key you save is used until "
                    "Inkwell closes. To keep one, set the INKWELL_API_KEY environment variable."
                )
            )
        elif self.secrets.get(REMOTE_KEY_NAME):
            self.key_status.setText(_tr("A key is stored in the system keyring."))
        else:
            self.key_status.setText(_tr("No key stored."))

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
        self.report.setText(_tr("Testing…"))
        key = self.api_key.text().strip() or self.secrets.get(REMOTE_KEY_NAME)
        self._tester.start(self.settings.get("remote/base_url", str), key, self.remote_model.text().strip())

    def _show_report(self, report: object) -> None:
        message = getattr(report, "message", "")
        ok = bool(getattr(report, "ok", False))
        self.report.setText(("✔ " if ok else "✖ ") + message)

    # -- writing ---------------------------------------------------------------------------------------------
    def _writing_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            _tr(
                "How the model writes for each task. Lower temperature: steadier, more literal text; higher: more "
                "varied; temperature 0 always picks the likeliest word. Max new tokens 0 lets Inkwell size the "
                "answer to the text."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.sampling_fields: dict[str, dict[str, QDoubleSpinBox | QSpinBox]] = {}
        for task in SAMPLING_TASKS:
            box = QGroupBox(_tr(TASK_NAMES[task]))
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
                field.setAccessibleName(f"{_tr(TASK_NAMES[task])}: {_tr(PARAMETER_NAMES[name])}")
                field.setToolTip(_tr(PARAMETER_NAMES[name]))
                field.valueChanged.connect(lambda v, k=f"{task}/{name}": self._set(k, v))
                row.addWidget(QLabel(_tr(PARAMETER_NAMES[name]).split(" (")[0] + ":"))
                row.addWidget(field)
                fields[name] = field
            reset = QPushButton(_tr("Reset"))
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
        self.theme = self._combo(
            tuple(zip(THEMES, ("Follow the system", "Light", "Dark"), strict=True)), self.settings.get("ui/theme", str)
        )
        self.theme.currentIndexChanged.connect(lambda _i: self._set("ui/theme", self._combo_value(self.theme)))
        form.addRow(_tr("Theme:"), self.theme)
        from app.ui import i18n

        languages = tuple(
            (code, name if i18n.available(code) else f"{name} ({_tr('translation not installed yet')})")
            for code, name in LANGUAGES
        )
        self.language = self._combo(languages, self.settings.get("ui/language", str))
        self.language.currentIndexChanged.connect(lambda _i: self._set("ui/language", self._combo_value(self.language)))
        form.addRow(_tr("Language:"), self.language)
        note = QLabel(_tr("The language applies the next time Inkwell starts."))
        note.setWordWrap(True)
        form.addRow("", note)
        shortcuts = QPushButton(_tr("Customize Keyboard Shortcuts…"))
        shortcuts.clicked.connect(self.open_shortcuts)
        form.addRow(_tr("Shortcuts:"), shortcuts)
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
            ("data", _tr("Documents' recovery files and conversations"), paths.data),
            ("downloads", _tr("Downloaded models"), downloads_root(paths)),
            ("converted", _tr("Converted models (copies of .gguf files)"), paths.models),
            ("config", _tr("Settings"), paths.config),
            ("logs", _tr("Logs"), paths.logs),
        ):
            row = QHBoxLayout()
            field = QLineEdit(str(folder))
            field.setReadOnly(True)
            field.setAccessibleName(label)
            open_button = QPushButton(_tr("Open"))
            open_button.setAccessibleName(_tr("Open the folder: {name}").format(name=label))
            open_button.clicked.connect(lambda _c=False, f=folder: self.open_folder(f))
            row.addWidget(field, 1)
            row.addWidget(open_button)
            form.addRow(label + ":", row)
            self.folder_fields[key] = field
            self.folder_buttons[key] = open_button
        hint = QLabel(_tr("Set the INKWELL_HOME environment variable to keep all of these under one folder."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        return page

    @staticmethod
    def _open_folder(folder: Path) -> None:
        # Downloads create their folder on the first download; the file manager cannot open one that is not there.
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
