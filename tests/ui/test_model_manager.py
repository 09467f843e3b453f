"""The Model manager dialog and its controller, on real downloads from the fake Hub (a real local HTTP server)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.engine.catalog import GIB, by_key, recommended_download
from app.engine.downloads import Downloader, DownloadOptions
from app.engine.requests import ModelSpec
from app.secrets import HF_TOKEN, SecretStore
from app.store.model_library import EMBEDDED_KEY, LIBRARY_FILE, ModelLibrary, hub_key, path_key
from app.ui.dialogs.first_run import FirstRunNotice, first_run_text, should_show_first_run
from app.ui.dialogs.model_manager import COLUMNS, ModelManagerDialog
from app.ui.dialogs.model_manager_controller import ModelManagerController
from app.ui.messages import Level, MessageCenter
from tests.helpers.fake_hub import FakeHub, fake_hub_fixture, tiny_repo_files_fixture  # noqa: F401
from tests.helpers.memory_keyring import MemoryKeyring

QWEN = "Qwen/Qwen2.5-0.5B-Instruct"
LLAMA = "meta-llama/Llama-3.2-1B-Instruct"
WEIGHTS = "model.safetensors"
CHUNK = 64 * 1024


@pytest.fixture
def hub(fake_hub: FakeHub, tiny_repo_files: dict[str, bytes]) -> FakeHub:
    fake_hub.add_repo(QWEN, tiny_repo_files)
    fake_hub.add_repo(LLAMA, tiny_repo_files, gated=True)
    fake_hub.add_token("hf_granted", LLAMA)
    return fake_hub


@pytest.fixture
def messages() -> MessageCenter:
    return MessageCenter()


def make_controller(tmp_path: Path, messages: MessageCenter, secrets: SecretStore) -> ModelManagerController:
    downloader = Downloader(tmp_path / "models", options=DownloadOptions(chunk_bytes=CHUNK, stall_seconds=5))
    library = ModelLibrary(downloader, tmp_path / "data" / LIBRARY_FILE)
    return ModelManagerController(
        library, secrets, messages, base_spec=lambda: ModelSpec(device="cpu", dtype="float32")
    )


@pytest.fixture
def controller(hub: FakeHub, tmp_path: Path, messages: MessageCenter) -> Iterator[ModelManagerController]:
    made = make_controller(tmp_path, messages, SecretStore(MemoryKeyring()))
    yield made
    made.shutdown()


@pytest.fixture
def opened() -> list[Path]:
    return []


@pytest.fixture
def dialog(qtbot, controller: ModelManagerController, opened: list[Path]) -> ModelManagerDialog:  # type: ignore[no-untyped-def]
    shown = ModelManagerDialog(controller)
    shown.open_path = opened.append  # type: ignore[method-assign]
    shown.confirm_delete = lambda row: True  # type: ignore[method-assign]
    qtbot.addWidget(shown)
    with qtbot.waitExposed(shown):
        shown.show()
    return shown


def texts(dialog: ModelManagerDialog, key: str) -> dict[str, str]:
    item = dialog._item(key)
    assert item is not None
    return {name: item.text(index) for index, name in enumerate(COLUMNS)}


def finish(qtbot, controller: ModelManagerController, repo_id: str) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(controller.download_finished, timeout=60_000) as blocker:
        pass
    assert blocker.args[0] == repo_id
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    return str(blocker.args[1])


def test_the_list_shows_embedded_catalog_and_user_models(
    qtbot, dialog: ModelManagerDialog, controller: ModelManagerController, tiny_model_dir: Path
) -> None:
    keys = [row.key for row in controller.rows]
    assert keys[0] == EMBEDDED_KEY and len(keys) == 1 + 8
    embedded = texts(dialog, EMBEDDED_KEY)
    assert embedded["Status"].startswith("Ready, offline") and embedded["Languages"] == "English"
    qwen = texts(dialog, hub_key("Qwen/Qwen2.5-1.5B-Instruct"))
    assert qwen["Size"] == "≈ 3.1 GB" and qwen["Memory (CPU · GPU)"] == "6.8 GB · 3.6 GB"
    assert qwen["Languages"] == "English, Chinese +11" and qwen["Licence"] == "Apache-2.0"
    assert qwen["Good for"] == "translate, chat, summarize" and qwen["Status"] == "Not downloaded"
    llama = texts(dialog, hub_key(LLAMA))
    assert llama["Licence"].endswith("(gated)") and llama["Status"] == "Gated: needs a token"

    dialog.select(EMBEDDED_KEY)
    assert "not for translation or Chinese" in dialog.note.text()
    assert not dialog.translate_button.isEnabled()  # the embedded model cannot translate
    assert not dialog.delete_button.isVisible() and not dialog.download_button.isVisible()

    dialog.choose_folder = lambda: tiny_model_dir  # type: ignore[method-assign]
    with qtbot.waitSignal(controller.rows_changed, timeout=10_000):
        dialog.add_folder_button.click()
    key = path_key(tiny_model_dir.resolve())
    assert texts(dialog, key)["Status"] == "Folder" and texts(dialog, key)["Size"] != "—"
    dialog.select(key)
    assert dialog.use_button.isEnabled() and dialog.delete_button.text() == "Remove from &list"
    for widget in (dialog.tree, dialog.use_button, dialog.token_edit, dialog.hub_id, dialog.progress):
        assert widget.accessibleName()


def test_download_with_progress_cancel_and_resume(
    qtbot, qapp, hub: FakeHub, dialog: ModelManagerDialog, controller: ModelManagerController
) -> None:
    fault = hub.fault(QWEN, WEIGHTS, hold_after=60 * CHUNK, throttle=0.003)
    on_gui_thread: set[bool] = set()
    controller.job_changed.connect(lambda _repo: on_gui_thread.add(QThread.currentThread() is qapp.thread()))
    key = hub_key(QWEN)
    dialog.select(key)
    assert dialog.download_button.isVisible() and dialog.download_button.text() == "&Download"
    dialog.download_button.click()
    assert fault.holding.wait(60)
    qtbot.waitUntil(
        lambda: (
            controller.job(QWEN) is not None
            and controller.job(QWEN).progress is not None  # type: ignore[union-attr]
            and controller.job(QWEN).progress.file == WEIGHTS  # type: ignore[union-attr]
            and dialog.progress.value() > 0
        ),
        timeout=30_000,
    )
    bar = dialog._bars[key]
    assert 0 < bar.value() < 1000 and bar.format().startswith("Downloading ")
    assert dialog.progress.isVisible() and " of " in dialog.progress_label.text()
    assert dialog.cancel_button.isVisible() and not dialog.use_button.isEnabled()

    dialog.cancel_button.click()
    assert dialog.progress_label.text() == "Stopping…"
    fault.release.set()
    qtbot.waitUntil(lambda: controller.job(QWEN) is not None and controller.job(QWEN).state == "paused", timeout=30_000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: texts(dialog, key)["Status"].startswith("Paused at "), timeout=10_000)
    dialog.select(key)
    assert dialog.download_button.text() == "&Resume download" and dialog.download_button.isEnabled()
    assert "Download again to continue where it stopped" in dialog.progress_label.text()

    dialog.download_button.click()
    folder = finish(qtbot, controller, QWEN)
    qtbot.waitUntil(lambda: texts(dialog, key)["Status"] == "Downloaded", timeout=10_000)
    gets = hub.gets(WEIGHTS)
    assert len(gets) == 2 and gets[1].range_start is not None and gets[1].range_start >= 60 * CHUNK
    assert on_gui_thread == {True}
    assert Path(folder, WEIGHTS).is_file()
    row = controller.row(key)
    assert row is not None and row.kind == "downloaded" and row.usable and row.job is None
    assert texts(dialog, key)["Size"] != "—" and not texts(dialog, key)["Size"].startswith("≈")


def test_use_this_model_and_use_for_translate_carry_a_model_spec(
    qtbot, dialog: ModelManagerDialog, controller: ModelManagerController
) -> None:
    controller.download(QWEN)
    folder = finish(qtbot, controller, QWEN)
    qtbot.waitUntil(lambda: controller.row(hub_key(QWEN)).usable, timeout=10_000)  # type: ignore[union-attr]
    dialog.select(hub_key(QWEN))
    with qtbot.waitSignal(controller.use_for_translate) as translate:
        dialog.translate_button.click()
    assert translate.args == [ModelSpec(ref=folder, device="cpu", dtype="float32")]
    assert texts(dialog, hub_key(QWEN))["Status"] == "Downloaded · for translation"
    assert not dialog.translate_button.isEnabled()

    with qtbot.waitSignal(controller.use_model) as use:
        dialog.use_button.click()
    assert use.args == [ModelSpec(ref=folder, device="cpu", dtype="float32")]
    assert texts(dialog, hub_key(QWEN))["Status"] == "Downloaded · in use"
    assert texts(dialog, EMBEDDED_KEY)["Status"] == "Ready, offline"
    dialog.select(hub_key(QWEN))
    assert not dialog.delete_button.isEnabled()  # its files are open in the model host

    dialog.select(EMBEDDED_KEY)
    with qtbot.waitSignal(controller.use_model) as back:
        dialog.use_button.click()
    assert back.args == [ModelSpec(ref="", device="cpu", dtype="float32")]


def test_open_folder_and_delete(
    qtbot, dialog: ModelManagerDialog, controller: ModelManagerController, opened: list[Path]
) -> None:
    controller.download(QWEN)
    folder = Path(finish(qtbot, controller, QWEN))
    qtbot.waitUntil(lambda: controller.row(hub_key(QWEN)).usable, timeout=10_000)  # type: ignore[union-attr]
    dialog.select(hub_key(QWEN))
    dialog.open_button.click()
    assert opened == [folder]
    assert dialog.delete_button.text() == "De&lete"
    with qtbot.waitSignal(controller.rows_changed, timeout=10_000):
        dialog.delete_button.click()
    qtbot.waitUntil(lambda: not controller.busy, timeout=10_000)
    assert not folder.exists()
    assert texts(dialog, hub_key(QWEN))["Status"] == "Not downloaded"


def test_failures_are_plain_words_in_the_message_center(
    qtbot, dialog: ModelManagerDialog, controller: ModelManagerController, messages: MessageCenter
) -> None:
    dialog.hub_id.setText("nobody/no-such-model")
    dialog.hub_button.click()
    qtbot.waitUntil(
        lambda: (
            controller.job("nobody/no-such-model") is not None
            and controller.job("nobody/no-such-model").state == "failed"
        ),  # type: ignore[union-attr]
        timeout=30_000,
    )
    notice = messages.last
    assert notice is not None and notice.level is Level.ERROR
    assert notice.text.startswith("There is no model nobody/no-such-model on 127.0.0.1:")
    assert "Traceback" not in notice.text and "Error" not in notice.text
    assert "RepositoryNotFoundError" in notice.detail  # the technical part goes to the log and diagnostics
    dialog.select(hub_key("nobody/no-such-model"))
    assert dialog.progress_label.text() == notice.text

    dialog.hub_id.setText("not an id")
    dialog.hub_button.click()
    assert messages.last is not None and "is not a Hugging Face model id" in messages.last.text
    qtbot.waitUntil(lambda: not controller.busy, timeout=10_000)


OLD = "someone/old-pickled-model"
OTHER = "stranger/other-pickled-model"
PICKLED = "pytorch_model.bin"


def pickle_only_files(tiny_repo_files: dict[str, bytes]) -> dict[str, bytes]:
    """A repository as older ones are published: config and tokenizer, weights only as pytorch_model.bin."""
    return {name: data for name, data in tiny_repo_files.items() if not name.endswith(".safetensors")}


def fetched(hub: FakeHub, repo_id: str, filename: str) -> list[str]:
    return [g.path for g in hub.gets(filename) if g.path.startswith(f"/{repo_id}/")]


def test_pickled_weights_only_with_consent_for_that_model(
    qtbot,
    hub: FakeHub,
    tiny_repo_files: dict[str, bytes],
    dialog: ModelManagerDialog,
    controller: ModelManagerController,
    messages: MessageCenter,
) -> None:
    hub.add_repo(OLD, pickle_only_files(tiny_repo_files))
    hub.add_repo(OTHER, pickle_only_files(tiny_repo_files))
    answers = [False, True, False]
    asked: list[str] = []
    hub_calls_when_asked: list[int] = []

    def answer(name: str) -> bool:
        asked.append(name)
        hub_calls_when_asked.append(len(hub.api_calls()))
        return answers.pop(0)

    dialog.confirm_pickle = answer  # type: ignore[method-assign]

    def refused(repo_id: str) -> bool:
        job = controller.job(repo_id)
        return job is not None and job.state == "failed" and job.pickle_only

    # By default the download is refused, in plain words, and the user is asked; "no" keeps it refused.
    dialog.hub_id.setText(OLD)
    with qtbot.waitSignal(controller.pickle_consent_needed, timeout=30_000) as needed:
        dialog.hub_button.click()
    assert needed.args == [OLD] and asked == [OLD]
    assert refused(OLD) and not controller.pickle_allowed(OLD)
    notice = messages.current
    assert notice is not None and notice.level is Level.WARNING
    assert "only as pickled PyTorch files (.bin)" in notice.text and "if you allow it for this model" in notice.text
    assert fetched(hub, OLD, PICKLED) == [] and fetched(hub, OLD, "config.json") == []
    key = hub_key(OLD)
    dialog.select(key)
    assert texts(dialog, key)["Status"] == "Pickled weights not allowed"
    assert dialog.progress_label.text() == notice.text
    assert dialog.download_button.isVisible() and dialog.download_button.isEnabled()
    assert dialog.download_button.text() == "&Download (pickled weights)…"

    # Download asks again at once (the Hub has already answered); "yes" downloads this model with its .bin.
    dialog.download_button.click()
    assert asked == [OLD, OLD] and controller.pickle_allowed(OLD)
    assert hub_calls_when_asked == [1, 1]  # asked without asking the Hub again
    assert messages.current is None  # the refusal is answered; it does not stay on screen
    folder = Path(finish(qtbot, controller, OLD))
    assert (folder / PICKLED).read_bytes() == tiny_repo_files[PICKLED]
    assert not list(folder.glob("*.safetensors")) and len(fetched(hub, OLD, PICKLED)) == 1
    qtbot.waitUntil(lambda: texts(dialog, key)["Status"] == "Downloaded", timeout=10_000)
    row = controller.row(key)
    assert row is not None and row.usable

    # The consent was for that model only: another pickled-only model is still refused, and asked about.
    controller.download(OTHER)
    qtbot.waitUntil(lambda: refused(OTHER), timeout=30_000)
    qtbot.waitUntil(lambda: len(asked) == 3, timeout=10_000)
    assert asked[-1] == OTHER and not controller.pickle_allowed(OTHER) and answers == []
    assert fetched(hub, OTHER, PICKLED) == []
    qtbot.waitUntil(lambda: not controller.busy, timeout=10_000)


def test_the_pickle_question_says_the_risk_and_defaults_to_no(qtbot, dialog: ModelManagerDialog) -> None:
    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"], seen["info"] = box.text(), box.informativeText()
        default = box.defaultButton()
        assert default is not None
        seen["default"] = default.text()
        default.click()

    QTimer.singleShot(0, answer)
    assert not dialog._confirm_pickle("Old Model")
    assert seen["text"] == "Old Model is published only as pickled PyTorch files (.bin)."
    assert "can run code on your computer" in seen["info"] and "Only allow this for a model you trust" in seen["info"]
    assert seen["default"] == "Don't download"


def test_a_hidden_dialog_does_not_ask_and_the_notice_stays(
    qtbot, hub: FakeHub, tiny_repo_files: dict[str, bytes], tmp_path: Path, messages: MessageCenter
) -> None:
    hub.add_repo(OLD, pickle_only_files(tiny_repo_files))
    controller = make_controller(tmp_path, messages, SecretStore(MemoryKeyring()))
    try:
        hidden = ModelManagerDialog(controller)
        qtbot.addWidget(hidden)
        asked: list[str] = []
        hidden.confirm_pickle = lambda name: asked.append(name) or True  # type: ignore[method-assign]
        with qtbot.waitSignal(controller.pickle_consent_needed, timeout=30_000):
            controller.download(OLD)
        assert asked == [] and not controller.pickle_allowed(OLD)
        assert messages.current is not None and "pickled" in messages.current.text
        qtbot.waitUntil(lambda: not controller.busy, timeout=10_000)
    finally:
        controller.shutdown()


def test_gated_model_with_a_token_from_the_keyring(
    qtbot, hub: FakeHub, dialog: ModelManagerDialog, controller: ModelManagerController, tmp_path: Path
) -> None:
    controller.download(LLAMA)
    qtbot.waitUntil(
        lambda: controller.job(LLAMA) is not None and controller.job(LLAMA).state == "failed", timeout=30_000
    )  # type: ignore[union-attr]
    assert "is gated" in controller.job(LLAMA).error  # type: ignore[union-attr]

    dialog.token_edit.setText("hf_granted")
    dialog.save_token_button.click()
    assert dialog.token_edit.text() == ""  # never left on screen
    qtbot.waitUntil(lambda: dialog.token_status.text() == "A token is stored in the system keyring.", timeout=10_000)
    assert controller.secrets.get(HF_TOKEN) == "hf_granted"
    assert not controller.token_state().session_only
    dialog.select(hub_key(LLAMA))
    dialog.download_button.click()
    finish(qtbot, controller, LLAMA)
    assert {g.authorization for g in hub.gets(WEIGHTS)} == {"Bearer hf_granted"}
    # The token is in the keyring only: no file Inkwell wrote holds it.
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and not [p for p in written if b"hf_granted" in p.read_bytes()]

    assert dialog.forget_token_button.isEnabled()
    dialog.forget_token_button.click()
    qtbot.waitUntil(lambda: not dialog.forget_token_button.isEnabled(), timeout=10_000)
    assert controller.secrets.get(HF_TOKEN) is None and dialog.token_status.text().startswith("No token stored.")


def test_without_a_keyring_the_token_is_kept_for_the_session_only(
    qtbot, hub: FakeHub, tmp_path: Path, messages: MessageCenter
) -> None:
    controller = make_controller(tmp_path, messages, SecretStore(fail.Keyring()))
    try:
        dialog = ModelManagerDialog(controller)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: "No system keyring is available" in dialog.token_status.text(), timeout=10_000)
        dialog.token_edit.setText("hf_granted")
        dialog.save_token_button.click()
        qtbot.waitUntil(lambda: dialog.token_status.text().endswith("A token is set for this session."), timeout=10_000)
        assert messages.last is not None and messages.last.level is Level.WARNING
        assert "No system keyring is available" in messages.last.text
        controller.download(LLAMA)
        finish(qtbot, controller, LLAMA)
        assert {g.authorization for g in hub.gets(WEIGHTS)} == {"Bearer hf_granted"}
    finally:
        controller.shutdown()


def test_first_run_notice_offers_the_recommended_download(qtbot) -> None:
    small = recommended_download(8 * GIB)
    notice = FirstRunNotice(small)
    qtbot.addWidget(notice)
    notice.show()
    assert small == by_key("qwen2.5-0.5b")
    assert "not for translation or Chinese" in notice.label.text() and small.name in notice.label.text()
    assert notice.download_button.text() == "Download Qwen2.5 0.5B Instruct (990 MB)"
    with qtbot.waitSignal(notice.download_requested) as asked:
        notice.download_button.click()
    assert asked.args == [QWEN] and not notice.isVisible()
    assert "Qwen2.5 1.5B Instruct" in first_run_text(recommended_download(16 * GIB))
    assert should_show_first_run("", dismissed=False, has_downloads=False)
    assert not should_show_first_run("/models/qwen", dismissed=False, has_downloads=False)
    assert not should_show_first_run("", dismissed=True, has_downloads=False)
    assert not should_show_first_run("", dismissed=False, has_downloads=True)


def test_first_run_one_click_starts_the_download_in_the_dialog(
    qtbot, dialog: ModelManagerDialog, controller: ModelManagerController
) -> None:
    notice = FirstRunNotice(by_key("qwen2.5-0.5b"))
    qtbot.addWidget(notice)
    notice.download_requested.connect(dialog.start_download)
    notice.download_button.click()
    assert dialog.selected_key() == hub_key(QWEN) and controller.job(QWEN) is not None
    finish(qtbot, controller, QWEN)


def test_the_gui_side_never_imports_torch(python_env: dict[str, str], tmp_path: Path) -> None:
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from app.paths import AppPaths; from app.secrets import SecretStore;"
        "from app.store.model_library import ModelLibrary;"
        "from app.ui.dialogs.model_manager import ModelManagerDialog;"
        "from app.ui.dialogs.model_manager_controller import ModelManagerController;"
        f"lib = ModelLibrary.at(AppPaths.under(__import__('pathlib').Path({str(tmp_path)!r})).ensure());"
        "c = ModelManagerController(lib, SecretStore()); d = ModelManagerDialog(c); lib.entries();"
        "import app.engine.downloads as dl; dl._tune_hub(dl.DownloadOptions());"
        "print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    env = {**python_env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


def test_closing_with_a_download_running_stops_it_cleanly(
    hub: FakeHub, tmp_path: Path, messages: MessageCenter
) -> None:
    fault = hub.fault(QWEN, WEIGHTS, hold_after=20 * CHUNK, throttle=0.01)
    controller = make_controller(tmp_path, messages, SecretStore(MemoryKeyring()))
    controller.download(QWEN)
    assert fault.holding.wait(60)
    fault.release.set()  # more bytes arrive (slowly), and the download sees the cancel at the next piece
    controller.shutdown()
    assert not controller.busy
    status = Downloader(tmp_path / "models").local_status(QWEN)
    assert status.partial and status.bytes_on_disk < status.bytes_total  # kept for the next start
