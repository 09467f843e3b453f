"""Typed settings over QSettings, with a change signal. One instance, made by the composition root and passed on."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

from app.engine.requests import ModelSpec, Sampling

T = TypeVar("T", int, float, str, bool)

DEFAULTS: dict[str, Any] = {
    "model/ref": "",
    "model/device": "auto",
    "model/dtype": "auto",
    "model/threads": 0,  # 0: let torch decide
}

# Sampling per task: "{task}/{parameter}". max_new_tokens 0 means "as long as the input needs" (edits, summaries).
SAMPLING_TASKS: dict[str, dict[str, float | int]] = {
    "continue": {"temperature": 0.7, "top_p": 0.9, "top_k": 50, "repetition_penalty": 1.1, "max_new_tokens": 96},
    "edit": {"temperature": 0.4, "top_p": 0.9, "top_k": 50, "repetition_penalty": 1.05, "max_new_tokens": 0},
    "chat": {"temperature": 0.7, "top_p": 0.9, "top_k": 50, "repetition_penalty": 1.1, "max_new_tokens": 512},
    "summarize": {"temperature": 0.3, "top_p": 0.9, "top_k": 50, "repetition_penalty": 1.1, "max_new_tokens": 0},
    "translate": {"temperature": 0.0, "top_p": 0.9, "top_k": 50, "repetition_penalty": 1.0, "max_new_tokens": 0},
}
SAMPLING_PARAMETERS = ("temperature", "top_p", "top_k", "repetition_penalty", "max_new_tokens")
for _task, _values in SAMPLING_TASKS.items():
    for _name, _value in _values.items():
        DEFAULTS[f"{_task}/{_name}"] = _value


def register_defaults(defaults: dict[str, Any]) -> None:
    """Let a feature module declare its own keys and defaults (at import), next to the code that reads them."""
    clash = {key for key in defaults if key in DEFAULTS and DEFAULTS[key] != defaults[key]}
    if clash:
        raise ValueError(f"settings declared twice with different defaults: {sorted(clash)}")
    DEFAULTS.update(defaults)


class Settings(QObject):
    changed = Signal(str)  # the key that changed

    def __init__(self, store: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store

    @classmethod
    def at(cls, path: str) -> Settings:
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def get(self, key: str, kind: type[T]) -> T:
        default = DEFAULTS[key]
        value: Any = self._store.value(key, default)
        try:
            if kind is bool and isinstance(value, str):
                return value.lower() in ("1", "true", "yes")
            return kind(value)
        except (TypeError, ValueError):
            return kind(default)

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        if self._store.value(key, DEFAULTS[key]) == value:
            return
        self._store.setValue(key, value)
        self.changed.emit(key)

    # Keys made at run time (one per shortcut, per custom action) have no declared default.
    def raw(self, key: str) -> Any:
        return self._store.value(key) if self._store.contains(key) else None

    def set_raw(self, key: str, value: Any) -> None:
        self._store.setValue(key, value)
        self.changed.emit(key)

    def remove_raw(self, key: str) -> None:
        if self._store.contains(key):
            self._store.remove(key)
            self.changed.emit(key)

    def reset(self, key: str) -> None:
        self._store.remove(key)
        self.changed.emit(key)

    def sync(self) -> None:
        self._store.sync()

    # -- typed views -----------------------------------------------------------------------------------------
    def model_spec(self) -> ModelSpec:
        return ModelSpec(
            ref=self.get("model/ref", str),
            device=self.get("model/device", str),
            dtype=self.get("model/dtype", str),
        )

    def threads(self) -> int | None:
        return self.get("model/threads", int) or None

    def sampling(self, task: str) -> Sampling:
        """The user's sampling settings for `task` (a key of SAMPLING_TASKS); max_new_tokens 0 means automatic."""
        temperature = self.get(f"{task}/temperature", float)
        return Sampling(
            max_new_tokens=self.get(f"{task}/max_new_tokens", int),
            temperature=temperature,
            top_p=self.get(f"{task}/top_p", float),
            top_k=self.get(f"{task}/top_k", int),
            repetition_penalty=self.get(f"{task}/repetition_penalty", float),
            greedy=temperature <= 0.0,  # temperature 0: always the likeliest token (Settings says so)
        )

    def reset_sampling(self, task: str) -> None:
        for name in SAMPLING_PARAMETERS:
            self.reset(f"{task}/{name}")

    def continue_sampling(self) -> Sampling:
        return self.sampling("continue")
