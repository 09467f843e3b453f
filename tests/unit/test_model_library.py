"""The user's models on the real disk: downloads (through the fake Hub), added folders and .gguf files, removal."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from app.engine.catalog import by_key
from app.engine.downloads import DownloadCancelled, Downloader, DownloadOptions
from app.engine.models import embedded_gguf
from app.engine.requests import ModelSpec
from app.store.model_library import (
    EMBEDDED_KEY,
    LIBRARY_FILE,
    ModelLibrary,
    ModelLibraryError,
    folder_size,
    hub_key,
    path_key,
)
from tests.helpers.fake_hub import FakeHub, fake_hub_fixture, tiny_repo_files_fixture  # noqa: F401

QWEN = "Qwen/Qwen2.5-0.5B-Instruct"  # a catalog id, served by the fake Hub with the tiny model's files


@pytest.fixture
def library(tmp_path: Path) -> ModelLibrary:
    downloader = Downloader(tmp_path / "models", options=DownloadOptions(chunk_bytes=64 * 1024))
    return ModelLibrary(downloader, tmp_path / "data" / LIBRARY_FILE)


def test_a_new_library_has_the_embedded_model(library: ModelLibrary) -> None:
    entries = library.entries()
    assert [entry.key for entry in entries] == [EMBEDDED_KEY]
    embedded = entries[0]
    assert embedded.kind == "embedded" and embedded.ref == "" and embedded.usable and not embedded.removable
    assert embedded.path == embedded_gguf() and embedded.size_bytes == embedded_gguf().stat().st_size  # type: ignore[union-attr]
    assert embedded.catalog is not None and "not for translation or Chinese" in embedded.catalog.note
    assert embedded.spec() == ModelSpec(ref="")
    with pytest.raises(ModelLibraryError) as refused:
        library.remove(EMBEDDED_KEY)
    assert "part of Inkwell" in refused.value.message


def test_downloaded_models_are_listed_with_their_disk_size_and_can_be_deleted(
    fake_hub: FakeHub, tiny_repo_files: dict[str, bytes], library: ModelLibrary
) -> None:
    fake_hub.add_repo(QWEN, tiny_repo_files)
    folder = library.downloader.download(QWEN)
    entry = library.find(hub_key(QWEN))
    assert entry is not None and entry.kind == "downloaded" and entry.usable
    assert entry.ref == str(folder) and entry.folder == folder and entry.repo_id == QWEN
    assert entry.catalog == by_key("qwen2.5-0.5b") and entry.name == "Qwen2.5 0.5B Instruct"
    assert entry.size_bytes == folder_size(folder) > len(tiny_repo_files["model.safetensors"])
    assert library.find_ref(str(folder)) == entry
    base = ModelSpec(device="cpu", dtype="float32")
    assert entry.spec(base) == ModelSpec(ref=str(folder), device="cpu", dtype="float32")

    (folder / "model.safetensors").unlink()  # damaged by hand
    damaged = library.find(hub_key(QWEN))
    assert damaged is not None and not damaged.usable and "missing or damaged" in damaged.problem

    library.remove(hub_key(QWEN))
    assert not folder.exists()
    assert library.find(hub_key(QWEN)) is None and [e.key for e in library.entries()] == [EMBEDDED_KEY]


def test_a_partial_download_is_listed_with_its_progress(
    qtbot, fake_hub: FakeHub, tiny_repo_files: dict[str, bytes], library: ModelLibrary
) -> None:
    fake_hub.add_repo(QWEN, tiny_repo_files)
    fault = fake_hub.fault(QWEN, "model.safetensors", hold_after=16 * 64 * 1024)
    cancel = threading.Event()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            library.downloader.download(QWEN, cancel=cancel)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    assert fault.holding.wait(30)
    qtbot.waitUntil(lambda: library.find(hub_key(QWEN)) is not None, timeout=10_000)
    cancel.set()
    fault.release.set()
    thread.join(30)
    assert isinstance(errors[0], DownloadCancelled)
    entry = library.find(hub_key(QWEN))
    assert entry is not None and entry.kind == "partial" and not entry.usable and entry.deletes_files
    assert 0 < entry.size_bytes < entry.total_bytes
    library.remove(entry.key)
    assert library.find(hub_key(QWEN)) is None


def test_added_folders_and_gguf_files_are_remembered_across_restarts(
    library: ModelLibrary, tiny_model_dir: Path, tmp_path: Path
) -> None:
    gguf = embedded_gguf()
    assert gguf is not None
    folder_entry = library.add_folder(tiny_model_dir, name="Tiny test model")
    gguf_entry = library.add_gguf(gguf)
    assert folder_entry.kind == "folder" and folder_entry.usable and folder_entry.name == "Tiny test model"
    assert folder_entry.ref == str(tiny_model_dir.resolve()) and folder_entry.size_bytes == folder_size(tiny_model_dir)
    assert gguf_entry.kind == "gguf" and gguf_entry.ref == str(gguf.resolve()) and gguf_entry.folder == gguf.parent
    library.add_folder(tiny_model_dir)  # adding it twice keeps one entry

    restarted = ModelLibrary(library.downloader, library.store_file)
    assert [e.key for e in restarted.user_added()] == [path_key(gguf.resolve()), path_key(tiny_model_dir.resolve())]
    saved = json.loads(library.store_file.read_text(encoding="utf-8"))
    assert {m["kind"] for m in saved["models"]} == {"folder", "gguf"}
    assert [p.name for p in library.store_file.parent.iterdir()] == [LIBRARY_FILE]  # no scratch file left over

    restarted.remove(gguf_entry.key)  # forgetting never deletes the user's files
    assert gguf.is_file() and tiny_model_dir.is_dir()
    assert [e.key for e in ModelLibrary(library.downloader, library.store_file).user_added()] == [folder_entry.key]


def test_what_is_not_a_model_is_refused_in_plain_words(library: ModelLibrary, tmp_path: Path) -> None:
    empty = tmp_path / "not-a-model"
    empty.mkdir()
    with pytest.raises(ModelLibraryError) as no_config:
        library.add_folder(empty)
    assert "no config.json" in no_config.value.message
    (empty / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelLibraryError) as no_weights:
        library.add_folder(empty)
    assert "no weights" in no_weights.value.message
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"not really")
    with pytest.raises(ModelLibraryError) as bad_gguf:
        library.add_gguf(fake)
    assert "not a GGUF model file" in bad_gguf.value.message
    with pytest.raises(ModelLibraryError):
        library.add_gguf(tmp_path / "missing.gguf")
    assert library.user_added() == []


def test_moved_models_and_a_damaged_list_do_not_break_the_library(
    library: ModelLibrary, tiny_model_dir: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "moved"
    moved.mkdir()
    (moved / "config.json").write_text('{"model_type": "llama"}', encoding="utf-8")
    (moved / "model.safetensors").write_bytes(b"weights")
    library.add_folder(moved)
    (moved / "config.json").unlink()
    (moved / "model.safetensors").unlink()
    moved.rmdir()
    entry = library.user_added()[0]
    assert not entry.usable and "no longer there" in entry.problem

    library.store_file.write_text("{ not json", encoding="utf-8")
    assert library.user_added() == []
    assert library.store_file.with_suffix(".damaged.json").is_file()  # kept for the user, not thrown away
    library.add_folder(tiny_model_dir)
    assert len(library.user_added()) == 1
