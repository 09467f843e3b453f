"""Settings, text files, user folders and resources, on real files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.resources import resource_path
from app.store.settings import Settings
from app.store.textfile import CannotEncodeError, NotUtf8Error, TextFileError, read_text, write_text_atomic


def test_settings_are_typed_persisted_and_signal_changes(qtbot, tmp_path: Path) -> None:
    settings = Settings.at(str(tmp_path / "s.ini"))
    assert settings.get("continue/max_new_tokens", int) == 96
    with qtbot.waitSignal(settings.changed) as blocker:
        settings.set("continue/max_new_tokens", 40)
    assert blocker.args == ["continue/max_new_tokens"]
    settings.set("model/ref", "/models/x")
    settings.sync()
    again = Settings.at(str(tmp_path / "s.ini"))
    assert again.get("continue/max_new_tokens", int) == 40  # read back from the INI file as text
    assert again.model_spec().ref == "/models/x"
    assert again.continue_sampling().max_new_tokens == 40


def test_settings_fall_back_to_defaults_on_garbage(tmp_path: Path) -> None:
    (tmp_path / "s.ini").write_text("[continue]\nmax_new_tokens=lots\n")
    settings = Settings.at(str(tmp_path / "s.ini"))
    assert settings.get("continue/max_new_tokens", int) == 96
    with pytest.raises(KeyError):
        settings.set("no/such/key", 1)


def test_text_files_round_trip_in_their_encoding(tmp_path: Path) -> None:
    utf8 = tmp_path / "a.md"
    utf8.write_text("héllo\r\nworld\r\n", encoding="utf-8", newline="")
    loaded = read_text(utf8)
    assert loaded.text == "héllo\nworld\n" and loaded.encoding == "utf-8"
    write_text_atomic(utf8, loaded.text + "more\n", loaded.encoding, loaded.endings)
    assert utf8.read_bytes() == "héllo\r\nworld\r\nmore\r\n".encode()
    utf16 = tmp_path / "b.txt"
    utf16.write_bytes(codecs.BOM_UTF16_LE + "中文 text".encode("utf-16-le"))
    loaded16 = read_text(utf16)
    assert loaded16.text == "中文 text" and loaded16.encoding == "utf-16"
    write_text_atomic(utf16, "更新", loaded16.encoding)
    assert read_text(utf16).text == "更新"
    bom = tmp_path / "c.txt"
    bom.write_bytes(codecs.BOM_UTF8 + b"with bom")
    assert read_text(bom).text == "with bom"


def test_mixed_line_endings_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    original = b"one\r\ntwo\nthree\rfour"
    path.write_bytes(original)
    loaded = read_text(path)
    assert loaded.text == "one\ntwo\nthree\nfour" and loaded.endings.mixed
    write_text_atomic(path, loaded.text, loaded.encoding, loaded.endings)
    assert path.read_bytes() == original


def test_a_windows_1252_file_is_recognised_and_a_character_it_cannot_hold_is_named(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(b"caf\xe9 au lait\r\nsecond line\r\n")
    loaded = read_text(path)
    assert loaded.text == "café au lait\nsecond line\n" and loaded.encoding == "cp1252"
    with pytest.raises(CannotEncodeError) as raised:
        write_text_atomic(path, loaded.text + "tea ☕", loaded.encoding, loaded.endings)
    assert "☕" in str(raised.value) and "line 3" in str(raised.value) and "Windows-1252" in str(raised.value)
    assert path.read_bytes() == b"caf\xe9 au lait\r\nsecond line\r\n"  # nothing written, no "?" anywhere
    write_text_atomic(path, loaded.text + "tea ☕", "utf-8", loaded.endings)
    assert path.read_bytes().decode("utf-8") == "café au lait\r\nsecond line\r\ntea ☕"


def test_a_file_no_encoding_fits_is_read_only_after_the_user_agrees(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 2)
    with pytest.raises(NotUtf8Error, match="not UTF-8"):
        read_text(path)
    loaded = read_text(path, allow_fallback=True)
    assert loaded.encoding == "cp1252" and loaded.text.startswith("€")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # 100 MB, sparse: refused on its size alone
    with pytest.raises(TextFileError, match="up to 10 MB"):
        read_text(path)


@pytest.mark.parametrize(("content", "words"), [(b"\x89PNG\r\n\x1a\n\x00\x00", "binary")])
def test_unreadable_files_are_explained(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(content)
    with pytest.raises(TextFileError, match=words):
        read_text(path)


def test_missing_file_and_folder_are_explained(tmp_path: Path) -> None:
    with pytest.raises(TextFileError, match="does not exist"):
        read_text(tmp_path / "gone.md")
    with pytest.raises(TextFileError, match="is a folder"):
        read_text(tmp_path)


def test_saving_where_writing_is_not_allowed_is_explained(tmp_path: Path) -> None:
    # /proc refuses new files even to root (CI runs as root, where chmod would not stop the write).
    target = Path("/proc/inkwell-test.md") if Path("/proc/self").exists() else tmp_path / "locked" / "x.md"
    if not target.parent.exists():
        target.parent.mkdir()
        target.parent.chmod(0o500)
    with pytest.raises(TextFileError, match="cannot be saved"):
        write_text_atomic(target, "text")
    assert not target.exists()


def test_saving_into_a_missing_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(TextFileError, match="cannot be saved"):
        write_text_atomic(tmp_path / "no" / "such" / "dir" / "x.md", "text")


def test_atomic_save_replaces_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("old content that is longer than the new one")
    write_text_atomic(path, "new")
    assert path.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.md"]


def test_user_folders_follow_inkwell_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INKWELL_HOME", str(tmp_path))
    paths = AppPaths.default().ensure()
    assert paths.models == tmp_path / "cache" / "models" and paths.models.is_dir()
    assert paths.settings_file.parent == tmp_path / "config"
    assert paths.gui_log != paths.host_log and paths.gui_log.parent == tmp_path / "logs"


def test_resources_resolve_in_a_checkout() -> None:
    icon = resource_path("icons", "inkwell.svg")
    assert icon.is_file() and icon.read_text().startswith("<svg")
