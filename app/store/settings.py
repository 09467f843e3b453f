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
    "continue/max_new_tokens": 96,
    "continue/temperature": 0.7,
    "continue/top_p": 0.9,
    "continue/repetition_penalty": 1.1,
}


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

    def continue_sampling(self) -> Sampling:
        return Sampling(
            max_new_tokens=self.get("continue/max_new_tokens", int),
            temperature=self.get("continue/temperature", float),
            top_p=self.get("continue/top_p", float),
            repetition_penalty=self.get("continue/repetition_penalty", float),
        )
