from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engine.requests import ModelSpec
from app.gui import AppContext, compose
from app.paths import AppPaths
from app.store.settings import Settings
from app.ui.dialogs.asker import UnsavedChoice
from tests.helpers.asker import ScriptedAsker
from tests.helpers.windows import show_active


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.at(str(tmp_path / "settings.ini"))


@pytest.fixture
def app_paths(tmp_path: Path, paths: AppPaths) -> AppPaths:
    """Folders of this test's own (recovery files, logs), sharing the session's model cache."""
    own = AppPaths.under(tmp_path / "home")
    return AppPaths(cache=paths.cache, data=own.data, config=own.config, logs=own.logs).ensure()


@pytest.fixture
def asker() -> ScriptedAsker:
    return ScriptedAsker()


@pytest.fixture
def app_context(  # type: ignore[no-untyped-def]
    qtbot, make_client, tiny_model_dir: Path, app_paths: AppPaths, settings: Settings, asker: ScriptedAsker
) -> Iterator[AppContext]:
    """The real main window on the tiny model (sharing the session's model host), with one empty document."""
    settings.set("continue/max_new_tokens", 24)
    client = make_client(ModelSpec(ref=str(tiny_model_dir)))
    context = compose(app_paths, settings, client, asker)
    qtbot.addWidget(context.window)
    context.window.restore_session([])
    show_active(qtbot, context.window, context.window.editor)
    yield context
    asker.unsaved = UnsavedChoice.DISCARD  # a test may have answered Cancel; the window must close now
    context.window.close()
