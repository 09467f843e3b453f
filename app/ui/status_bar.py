"""The status bar: which model, on which device (and why not the GPU), load progress, speed of the last run."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from app.engine.requests import Done, Failure, LoadProgress, ModelInfo
from app.worker.client import ModelClient


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusBar", text)


class ModelStatusView(QObject):
    def __init__(self, bar: QStatusBar, client: ModelClient) -> None:
        super().__init__(bar)
        self.state = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.model = QLabel(_tr("No model loaded"))
        self.device = QLabel()
        self.device.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.speed = QLabel()
        for widget, name in (
            (self.state, _tr("Model activity")),
            (self.progress, _tr("Model loading progress")),
            (self.model, _tr("Model")),
            (self.device, _tr("Device")),
            (self.speed, _tr("Speed of the last run")),
        ):
            widget.setAccessibleName(name)
            if isinstance(widget, QLabel):
                widget.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(widget)
        client.load_progress.connect(self.on_progress)
        client.model_loaded.connect(self.on_loaded)
        client.model_failed.connect(self.on_failed)
        client.job_done.connect(self.on_done)
        client.busy_changed.connect(self.on_busy)

    def on_progress(self, update: LoadProgress) -> None:
        self.progress.show()
        if update.fraction is None:
            self.progress.setRange(0, 0)  # busy indicator
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(update.fraction * 1000))
        self.progress.setToolTip(update.message)
        self.model.setText(update.message)

    def on_loaded(self, info: ModelInfo) -> None:
        self.progress.hide()
        self.model.setText(info.name)
        self.model.setToolTip(
            _tr("{path}\nContext: {context} tokens").format(path=info.path, context=f"{info.context_length:,}")
        )
        device = info.device.upper() if info.device == "cpu" else info.device
        text = f"{device} · {info.dtype}"
        if info.gpu_note:
            # Say why the GPU is not used where the user looks, not only in a tooltip.
            text += " — " + _tr("no GPU: {reason}").format(reason=info.gpu_note_short or info.gpu_note)
        self.device.setText(text)
        self.device.setToolTip(info.gpu_note or _tr("Running on the GPU"))

    def on_failed(self, failure: Failure) -> None:
        self.progress.hide()
        self.model.setText(_tr("Model not loaded"))
        self.model.setToolTip(failure.message)

    def on_done(self, done: Done) -> None:
        if done.stats is not None and done.stats.new_tokens > 1:
            self.speed.setText(_tr("{rate:.1f} tokens/s").format(rate=done.stats.tokens_per_s))
            self.speed.setToolTip(
                _tr("{n} tokens, first after {ttft:.0f} ms").format(n=done.stats.new_tokens, ttft=done.stats.ttft_ms)
            )

    def on_busy(self, busy: bool) -> None:
        self.state.setText(_tr("Generating…") if busy else "")
