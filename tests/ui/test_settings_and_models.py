"""Settings, model choice and the model's lifetime: device reloads, per-task models, idle unload, the first run."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.engine.downloads import downloads_root
from app.engine.requests import ModelSpec, RawText, Request, Sampling
from app.gui import AppContext
from app.model_choice import REMOTE_KEY_NAME
from app.paths import AppPaths
from app.secrets import SecretStore
from app.store.model_library import ModelLibrary
from app.store.settings import Settings
from app.ui.dialogs.first_run import NOTICE_DONE_KEY
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.worker.client import ModelClient
from tests.helpers.bad_server import BadServer, models_reply
from tests.helpers.memory_keyring import MemoryKeyring


def dialog_for(context: AppContext, secrets: SecretStore | None = None) -> SettingsDialog:
    dialog = SettingsDialog(
        context.settings, secrets or context.window.secrets, context.paths, context.client.info, context.window
    )
    dialog.setModal(False)
    return dialog


def test_the_folders_tab_shows_where_downloaded_and_converted_models_are(
    qtbot, settings: Settings, tmp_path: Path
) -> None:
    paths = AppPaths.under(tmp_path / "home")
    dialog = SettingsDialog(settings, SecretStore(MemoryKeyring()), paths, None)
    qtbot.addWidget(dialog)
    opened: list[Path] = []
    dialog.open_folder = opened.append  # type: ignore[method-assign]
    shown = {key: field.text() for key, field in dialog.folder_fields.items()}
    # Downloads go where the model library looks for them (the data folder), conversions to the cache.
    assert Path(shown["downloads"]) == downloads_root(paths) == paths.data / "models"
    assert Path(shown["downloads"]) == ModelLibrary.at(paths).downloader.folder_for("a/b").parent
    assert Path(shown["converted"]) == paths.models and paths.models.is_relative_to(paths.cache)
    assert shown == {
        "data": str(paths.data),
        "downloads": str(paths.data / "models"),
        "converted": str(paths.cache / "models"),
        "config": str(paths.config),
        "logs": str(paths.logs),
    }
    assert dialog.folder_fields["downloads"].accessibleName() == "Downloaded models"
    assert dialog.folder_fields["converted"].accessibleName() == "Converted models (copies of .gguf files)"
    for key in ("downloads", "converted"):
        dialog.folder_buttons[key].click()
    assert opened == [paths.data / "models", paths.cache / "models"]
    assert all(button.accessibleName().startswith("Open the folder: ") for button in dialog.folder_buttons.values())


def test_changing_the_device_reloads_the_model_in_the_background(qtbot, app_context: AppContext) -> None:
    with qtbot.waitSignal(app_context.client.model_loaded, timeout=60_000):
        app_context.client.load()
    dialog = dialog_for(app_context)
    assert "Why not the GPU" in dialog.detected.text()  # this machine's torch has no CUDA: said where it is chosen
    with qtbot.waitSignal(app_context.client.model_loaded, timeout=60_000) as blocker:
        dialog.device.setCurrentIndex(dialog.device.findData("cpu"))
    assert app_context.settings.get("model/device", str) == "cpu"
    assert app_context.client.spec.device == "cpu"
    assert blocker.args[0].gpu_note == "The CPU was chosen in Settings."
    dialog.close()


def test_sampling_per_task_is_saved_and_reset(qtbot, app_context: AppContext) -> None:
    dialog = dialog_for(app_context)
    dialog.sampling_fields["chat"]["temperature"].setValue(1.3)
    dialog.sampling_fields["continue"]["max_new_tokens"].setValue(40)
    assert app_context.settings.sampling("chat").temperature == 1.3
    assert app_context.settings.continue_sampling().max_new_tokens == 40
    dialog.reset_task("chat")
    assert app_context.settings.sampling("chat").temperature == 0.7
    assert dialog.sampling_fields["chat"]["temperature"].value() == 0.7
    assert app_context.settings.continue_sampling().max_new_tokens == 40  # other tasks keep theirs
    assert not app_context.settings.sampling("chat").greedy
    dialog.sampling_fields["chat"]["temperature"].setValue(0.0)
    assert app_context.settings.sampling("chat").greedy  # temperature 0: always the likeliest token
    dialog.close()


def test_the_theme_applies_at_once(qtbot, app_context: AppContext) -> None:
    dialog = dialog_for(app_context)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().window().color().lightness() < 80
    assert app_context.window.dark
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    assert app.palette().window().color().lightness() > 180
    dialog.close()


def test_remote_settings_warn_and_test_the_connection(qtbot, app_context: AppContext) -> None:
    dialog = dialog_for(app_context)
    dialog.remote_radio.setChecked(True)
    dialog.api_key.setText("sk-secret")
    dialog.base_url.setEditText("http://models.example.com/v1")
    assert not dialog.warning.isHidden() and "http" in dialog.warning.text()
    with BadServer({"GET /v1/models": models_reply("small-model")}) as server:
        dialog.base_url.setEditText(server.base_url)
        dialog.remote_model.setText("missing-model")
        with qtbot.waitSignal(dialog._tester.done, timeout=30_000):
            dialog.test_connection()
        assert dialog.report.text().startswith("✖") and "small-model" in dialog.report.text()
        dialog.remote_model.setText("small-model")
        with qtbot.waitSignal(dialog._tester.done, timeout=30_000):
            dialog.test_connection()
        assert dialog.report.text().startswith("✔")
    dialog.close()
    app_context.settings.set("model/backend", "local")


def test_without_a_keyring_the_key_is_used_for_the_session_only_and_it_says_so(qtbot, app_context: AppContext) -> None:
    from keyring.backends import fail

    secrets = SecretStore(backend=fail.Keyring())
    dialog = dialog_for(app_context, secrets)
    assert "No system keyring" in dialog.key_status.text()
    dialog.api_key.setText("sk-secret")
    dialog._save_key()  # no crash; the reason is shown
    assert secrets.get(REMOTE_KEY_NAME) == "sk-secret" and secrets.session_only(REMOTE_KEY_NAME)
    assert "until Inkwell closes" in dialog.key_status.text() and "INKWELL_API_KEY" in dialog.key_status.text()
    assert SecretStore(backend=fail.Keyring()).get(REMOTE_KEY_NAME) is None  # the next start has no key
    assert "sk-secret" not in Path(app_context.settings._store.fileName()).read_text(errors="replace")
    dialog.close()


def test_translation_runs_on_the_translate_model_and_the_next_request_on_the_main_one(
    qtbot, app_context: AppContext, tiny_model_dir: Path, tiny_short_context_dir: Path
) -> None:
    client: ModelClient = app_context.client
    app_context.settings.set("model/translate_ref", str(tiny_short_context_dir))
    loaded: list[str] = []
    client.model_loaded.connect(lambda info: loaded.append(info.path))
    translate = client.submit(Request("translate", RawText("Bonjour"), Sampling.plain_greedy(4), source="translate"))
    assert translate.request.model is not None and translate.request.model.ref == str(tiny_short_context_dir)
    with qtbot.waitSignal(translate.finished, timeout=60_000):
        pass
    normal = client.submit(Request("continue", RawText("Hello"), Sampling.plain_greedy(4)))
    assert normal.request.model is None
    with qtbot.waitSignal(normal.finished, timeout=60_000):
        pass
    assert loaded[-2:] == [str(tiny_short_context_dir), str(tiny_model_dir)]  # swapped in, then back


def test_the_model_unloads_after_being_idle_and_comes_back(qtbot, app_context: AppContext) -> None:
    client = app_context.client
    with qtbot.waitSignal(client.model_loaded, timeout=60_000):
        client.load()
    with qtbot.waitSignal(client.model_unloaded, timeout=30_000):
        client.set_idle_unload(0.002)  # ~120 ms without a request
    assert not client.host.alive and client.info is None
    assert "unloaded" in app_context.window.status.model.text()
    client.set_idle_unload(0)
    handle = client.submit(Request("continue", RawText("Back again"), Sampling.plain_greedy(4)))
    with qtbot.waitSignal(handle.finished, timeout=60_000):
        pass
    assert client.host.alive


def test_the_status_bar_shows_the_model_process_memory(qtbot, app_context: AppContext) -> None:
    with qtbot.waitSignal(app_context.client.model_loaded, timeout=60_000):
        app_context.client.load()
    app_context.window.status.refresh_memory()
    assert app_context.window.status.memory.text().startswith("Model RAM ")


def test_the_first_run_notice_offers_the_recommended_model_once(qtbot, app_context: AppContext) -> None:
    notice = app_context.window.first_run
    assert notice is not None and notice.isVisible()
    assert "not for translation or Chinese" in notice.label.text()
    notice.dismissed.emit()
    assert app_context.window.first_run is None
    assert app_context.settings.get(NOTICE_DONE_KEY, bool)


def test_use_this_model_from_the_manager_switches_the_model(
    qtbot, app_context: AppContext, tiny_short_context_dir: Path
) -> None:
    assert app_context.window.models is not None
    with qtbot.waitSignal(app_context.client.model_loaded, timeout=60_000) as blocker:
        app_context.window.models.use_model.emit(ModelSpec(ref=str(tiny_short_context_dir)))
    assert blocker.args[0].path == str(tiny_short_context_dir)
    assert app_context.settings.get("model/ref", str) == str(tiny_short_context_dir)


def test_a_new_api_key_reconnects_even_without_a_keyring(
    qtbot, make_client, tiny_model_dir: Path, app_paths, settings, asker
) -> None:
    """Without a keyring the key is used for the session; saving another key while connected reconnects with it."""
    from keyring.backends import fail

    from app.gui import compose
    from tests.helpers.bad_server import Conn, json_reply

    accepted = {"key": "sk-first"}

    def models(conn: Conn) -> None:
        if conn.request.headers.get("authorization") == f"Bearer {accepted['key']}":
            models_reply("small-model")(conn)
        else:
            json_reply(401, {"error": {"message": "Invalid API key"}})(conn)

    with BadServer({"GET /v1/models": models}) as server:
        secrets = SecretStore(backend=fail.Keyring())
        context = compose(app_paths, settings, make_client(ModelSpec(ref=str(tiny_model_dir))), asker, secrets)
        qtbot.addWidget(context.window)
        client = context.client
        settings.set("remote/base_url", server.base_url)
        settings.set("remote/model", "small-model")
        with qtbot.waitSignal(client.model_failed, timeout=30_000) as failed:
            settings.set("model/backend", "remote")
        assert "needs an API key" in failed.args[0].message

        dialog = dialog_for(context, secrets)
        for key in ("sk-first", "sk-second"):
            accepted["key"] = key
            dialog.api_key.setText(key)
            with qtbot.waitSignal(client.model_loaded, timeout=30_000):
                dialog._save_key()
            last = [r for r in server.requests if r.path == "/v1/models"][-1]
            assert last.headers["authorization"] == f"Bearer {key}"
            assert client.info is not None and client.info.name == "small-model"
            assert "until Inkwell closes" in dialog.key_status.text()
        assert secrets.get(REMOTE_KEY_NAME) == "sk-second"
        assert "sk-second" not in Path(settings._store.fileName()).read_text(errors="replace")
        dialog.close()
        settings.set("model/backend", "local")
        context.window.close()
