"""The composition root: builds the objects of the GUI process and runs the Qt + asyncio event loop.

Nothing here imports torch or transformers: the window is on screen before the model host has imported them.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")  # qasync would otherwise take the first Qt binding it finds

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import APP_NAME, __version__
from app.logging_setup import setup_logging
from app.model_choice import RELOAD_KEYS, base_spec, router
from app.paths import AppPaths
from app.resources import resource_path
from app.secrets import SecretStore
from app.store.model_library import ModelLibrary
from app.store.settings import Settings
from app.ui.dialogs.asker import Asker
from app.ui.dialogs.model_manager_controller import ModelManagerController
from app.ui.fonts import apply_cjk_fallback
from app.ui.main_window import MainWindow
from app.ui.messages import MessageCenter
from app.ui.theme import ThemeController
from app.worker.client import ModelClient
from app.worker.host import HostConfig
from app.worker.text_services import TextServices

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    messages: MessageCenter
    client: ModelClient
    window: MainWindow
    models: ModelManagerController
    services: TextServices

    def shutdown(self) -> None:
        self.models.shutdown(timeout_s=2.0)  # a download in progress keeps its partial file and resumes later
        self.client.shutdown()
        self.services.close()
        self.settings.sync()


def host_config(paths: AppPaths, settings: Settings) -> HostConfig:
    return HostConfig(models_root=str(paths.models), log_file=str(paths.host_log), threads=settings.threads())


def compose(
    paths: AppPaths,
    settings: Settings,
    client: ModelClient | None = None,
    asker: Asker | None = None,
    secrets: SecretStore | None = None,
) -> AppContext:
    """Wire the app together. Tests pass their own client (sharing one model host) and an asker that answers."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_cjk_fallback(app)  # before any widget takes the application's font
    messages = MessageCenter()
    secrets = secrets or SecretStore()
    client = client or ModelClient(host_config(paths, settings), base_spec(settings, secrets))
    client.route = router(settings, client.spec)
    client.set_idle_unload(settings.get("model/idle_unload_min", float))
    models = ModelManagerController(ModelLibrary.at(paths), secrets, messages, base_spec=settings.model_spec)
    services = TextServices()  # started on first use, off the GUI thread
    context: AppContext
    window = MainWindow(
        client,
        settings,
        messages,
        paths,
        on_close=lambda: context.shutdown(),
        asker=asker,
        models=models,
        secrets=secrets,
        services=services,
    )
    context = AppContext(paths, settings, messages, client, window, models, services)
    client.model_failed.connect(messages.failure)

    def on_setting(key: str) -> None:
        if key == "model/threads":
            client.host.config = host_config(paths, settings)
            client.unload()  # the next request starts the model with the new thread count
        if key in RELOAD_KEYS or key == "remote/api_key":
            spec = base_spec(settings, secrets)
            client.route = router(settings, spec)
            if spec != client.spec or key == "remote/api_key":
                client.load(spec)  # in the background; the window stays responsive
        elif key == "model/translate_ref":
            client.route = router(settings, client.spec)
        elif key == "model/idle_unload_min":
            client.set_idle_unload(settings.get("model/idle_unload_min", float))

    settings.changed.connect(on_setting)
    models.refresh()  # what is downloaded, read off the GUI thread (the first-run notice hides if a model is there)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        theme = ThemeController(app, settings, parent=window)
        theme.dark_changed.connect(window.set_dark)
        window.set_dark(theme.dark)
    return context


def _install_excepthook(messages: MessageCenter) -> None:
    """An unexpected exception in a slot is logged and shown; it never ends the app with the user's text in it."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: object) -> None:
        log.error("unhandled exception", exc_info=(kind, value, tb))  # type: ignore[arg-type]
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, tb)  # type: ignore[arg-type]
            return
        messages.error(
            QApplication.translate("App", "Something went wrong inside Inkwell ({error}). Your text is safe.").format(
                error=kind.__name__
            )
        )

    sys.excepthook = hook


# Set by benchmarks/cold_start.py: print one line once the window has painted, then quit.
STARTUP_PROBE_ENV = "INKWELL_STARTUP_PROBE"


class _FirstPaintProbe(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            QTimer.singleShot(0, self._report)  # after this paint has finished
        return False

    def _report(self) -> None:
        print("inkwell: window painted", flush=True)
        QTimer.singleShot(0, self._app.quit)  # once the event loop runs (the paint may come before it starts)


def run_gui(file: str | None = None) -> int:
    paths = AppPaths.default().ensure()
    setup_logging(paths.gui_log, console=True)
    log.info("Inkwell %s starting", __version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "inkwell.svg"))))
    if sys.platform == "darwin":
        from PySide6.QtGui import qt_set_sequence_auto_mnemonic

        # Qt turns Alt (Option) mnemonics off on macOS; the review bar's Accept/Reject and the panes rely on them.
        qt_set_sequence_auto_mnemonic(True)
    settings = Settings.at(str(paths.settings_file))
    from app.ui import i18n

    translators = i18n.install(app, settings.get("ui/language", str))  # before any widget is built
    context = compose(paths, settings)
    _install_excepthook(context.messages)
    if os.environ.get(STARTUP_PROBE_ENV):
        app.installEventFilter(_FirstPaintProbe(app))
    context.window.show()
    context.window.restore_session([Path(file)] if file else [])
    # The host starts and loads in the background; the window is already up.
    context.client.load()
    # Paint before the event loop's own imports (asyncio, qasync: a fifth of the start-up): the user sees the
    # window while they load.
    app.processEvents()
    import asyncio

    import qasync

    async def until_quit() -> None:
        closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def quitting() -> None:
            if not closed.done():
                closed.set_result(None)

        app.aboutToQuit.connect(quitting)
        await closed

    try:
        qasync.run(until_quit())
    finally:
        context.shutdown()
    del translators
    return 0
