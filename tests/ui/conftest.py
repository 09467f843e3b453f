from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engine.requests import ModelSpec
from app.gui import AppContext, compose
from app.paths import AppPaths
from app.store.settings import Settings
from app.ui.main_window import UnsavedChoice
from tests.helpers.windows import show_active


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.at(str(tmp_path / "settings.ini"))


@pytest.fixture
def app_context(qtbot, make_client, tiny_model_dir: Path, paths: AppPaths, settings: Settings) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """The real main window on the tiny model (sharing the session's model host)."""
    settings.set("continue/max_new_tokens", 24)
    client = make_client(ModelSpec(ref=str(tiny_model_dir)))
    context = compose(paths, settings, client)
    context.window.ask_unsaved = lambda: UnsavedChoice.DISCARD
    qtbot.addWidget(context.window)
    show_active(qtbot, context.window, context.window.editor)
    yield context
    context.window.close()
