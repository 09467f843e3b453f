"""The status bar: which model, on which device (and why not the GPU), load progress, speed of the last run."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from app.engine.requests import Done, Failure, LoadProgress, ModelInfo
from app.ui.messages import engine_text, info_note
from app.worker.client import ModelClient

log = logging.getLogger(__name__)
MEMORY_REFRESH_MS = 5000


def process_memory_mb(pid: int | None) -> float | None:
    """Resident memory of a process in MB (the model host's, to show what the model costs), None if unknown."""
    if pid is None:
        return None
    try:
        import psutil

        return float(psutil.Process(pid).memory_info().rss) / 1024 / 1024
    except Exception:  # gone, or not ours to read: nothing to show
        return None


class ModelStatusView(QObject):
    def __init__(self, bar: QStatusBar, client: ModelClient) -> None:
        super().__init__(bar)
        self.state = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.model = QLabel(QCoreApplication.translate("StatusBar", "No model loaded"))
        self.device = QLabel()
        self.device.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.speed = QLabel()
        self.memory = QLabel()
        self._client = client
        for widget, name in (
            (self.state, QCoreApplication.translate("StatusBar", "Model activity")),
            (self.progress, QCoreApplication.translate("StatusBar", "Model loading progress")),
            (self.model, QCoreApplication.translate("StatusBar", "Model")),
            (self.device, QCoreApplication.translate("StatusBar", "Device")),
            (self.speed, QCoreApplication.translate("StatusBar", "Speed of the last run")),
            (self.memory, QCoreApplication.translate("StatusBar", "Memory used by the model")),
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
        client.model_unloaded.connect(self.on_unloaded)
        self._memory_timer = QTimer(self)
        self._memory_timer.setInterval(MEMORY_REFRESH_MS)
        self._memory_timer.timeout.connect(self.refresh_memory)
        self._memory_timer.start()

    def on_progress(self, update: LoadProgress) -> None:
        self.progress.show()
        if update.fraction is None:
            self.progress.setRange(0, 0)  # busy indicator
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(update.fraction * 1000))
        text = engine_text(update.template, update.params, update.message)
        self.progress.setToolTip(text)
        self.model.setText(text)

    def on_loaded(self, info: ModelInfo) -> None:
        self.progress.hide()
        QTimer.singleShot(0, self.refresh_memory)
        self.model.setText(info.name)
        self.model.setToolTip(
            QCoreApplication.translate("StatusBar", "{path}\nContext: {context} tokens").format(
                path=info.path, context=f"{info.context_length:,}"
            )
        )
        device = info.device.upper() if info.device == "cpu" else info.device
        text = f"{device} · {info.dtype}"
        if info.gpu_note:
            # Say why the GPU is not used where the user looks, not only in a tooltip.
            text += " — " + QCoreApplication.translate("StatusBar", "no GPU: {reason}").format(
                reason=info_note(info, "gpu_note_short") or info_note(info, "gpu_note")
            )
        self.device.setText(text)
        # The precision note says when the fast CPU path (4/8-bit weights) runs instead of the chosen precision.
        self.device.setToolTip(
            "\n".join(
                filter(
                    None,
                    [
                        info_note(info, "gpu_note") or QCoreApplication.translate("StatusBar", "Running on the GPU"),
                        info_note(info, "dtype_note"),
                    ],
                )
            )
        )

    def on_failed(self, failure: Failure) -> None:
        self.progress.hide()
        self.model.setText(QCoreApplication.translate("StatusBar", "Model not loaded"))
        self.model.setToolTip(engine_text(failure.template, failure.params, failure.message))

    def on_done(self, done: Done) -> None:
        if done.stats is not None and done.stats.new_tokens > 1:
            about = "≈" if "estimated" in done.stats.decoding else ""  # a server that reports no token usage
            self.speed.setText(
                about
                + QCoreApplication.translate("StatusBar", "{rate:.1f} tokens/s").format(rate=done.stats.tokens_per_s)
            )
            self.speed.setToolTip(
                QCoreApplication.translate("StatusBar", "{n} tokens, first after {ttft:.0f} ms").format(
                    n=done.stats.new_tokens, ttft=done.stats.ttft_ms
                )
            )

    def refresh_memory(self) -> None:
        if self._client.info is not None and self._client.info.device == "remote":
            self.memory.setText("")
            return
        megabytes = process_memory_mb(self._client.host.pid if self._client.host.alive else None)
        self.memory.setText(
            QCoreApplication.translate("StatusBar", "Model RAM {size}").format(size=_size(megabytes))
            if megabytes
            else ""
        )
        self.memory.setToolTip(
            QCoreApplication.translate(
                "StatusBar", "Memory used by the model process (the editor's own is not included)"
            )
        )

    def on_unloaded(self) -> None:
        self.model.setText(QCoreApplication.translate("StatusBar", "Model unloaded (idle)"))
        self.model.setToolTip(
            QCoreApplication.translate("StatusBar", "Unloaded to free memory; the next request loads it again.")
        )
        self.memory.setText("")

    def on_busy(self, busy: bool) -> None:
        self.state.setText(QCoreApplication.translate("StatusBar", "Generating…") if busy else "")


def _size(megabytes: float | None) -> str:
    if megabytes is None:
        return ""
    return f"{megabytes / 1024:.1f} GB" if megabytes >= 1024 else f"{megabytes:.0f} MB"
