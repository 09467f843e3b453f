"""Chinese and Japanese files in their legacy encodings: recognised, shown by name, and written back as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store import encodings
from app.store.textfile import CannotDecodeError, CannotEncodeError, read_text, write_text_atomic

NOVEL_SC = (
    "第一回 风雪山神庙\r\n"
    "话说林冲在草料场看守，那雪正下得紧。\r\n"
    "他拿了花枪，挑着酒葫芦，信步投东，“且去沽些酒来吃。”\r\n"
    "\r\n"
    "行不上半里多路，看见一所古庙，林冲顶礼道：“神明庇佑，改日来烧纸钱。”\r\n"
    "又行了一回，望见一簇人家，林冲住脚看时，见篱笆中挑着一个草帚儿在露天里。\r\n"
)
NOVEL_TC = (
    "第一回 風雪山神廟\r\n"
    "話說林沖在草料場看守，那雪正下得緊。\r\n"
    "他拿了花槍，挑著酒葫蘆，信步投東，「且去沽些酒來吃。」\r\n"
    "行不上半里多路，看見一所古廟，林沖頂禮道：「神明庇佑，改日來燒紙錢。」\r\n"
)
NOVEL_JA = (
    "吾輩は猫である。名前はまだ無い。\n"
    "どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。\n"
    "吾輩はここで始めて人間というものを見た。\n"
)


@pytest.mark.parametrize(
    ("text", "written_as", "expected", "shown_as"),
    [
        (NOVEL_SC, "gbk", "gb18030", "GB18030"),
        (NOVEL_SC, "gb18030", "gb18030", "GB18030"),
        (NOVEL_TC, "big5", "cp950", "Big5"),
        (NOVEL_JA, "shift_jis", "cp932", "Shift-JIS"),
    ],
)
def test_legacy_cjk_files_are_recognised_and_written_back_byte_for_byte(
    tmp_path: Path, text: str, written_as: str, expected: str, shown_as: str
) -> None:
    raw = text.encode(written_as)
    path = tmp_path / "novel.txt"
    path.write_bytes(raw)
    loaded = read_text(path)
    assert loaded.encoding == expected and encodings.label(loaded.encoding) == shown_as
    assert loaded.text == text.replace("\r\n", "\n")
    write_text_atomic(path, loaded.text, loaded.encoding, loaded.endings)
    assert path.read_bytes() == raw


def test_gbk_text_after_a_long_ascii_opening_is_still_recognised(tmp_path: Path) -> None:
    # Detection looks where the first non-ASCII text is, not only at the file's first bytes.
    opening = "Chapter notes, in English for the editor.\n" * 3000  # ~130 KB of ASCII
    path = tmp_path / "notes.txt"
    path.write_bytes(opening.encode("ascii") + NOVEL_SC.encode("gbk"))
    loaded = read_text(path)
    assert loaded.encoding == "gb18030" and loaded.text.endswith("草帚儿在露天里。\n")


def test_a_chosen_encoding_is_used_and_a_wrong_one_is_refused_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "novel.txt"
    path.write_bytes(NOVEL_TC.encode("big5"))
    assert read_text(path, encoding="cp950").text.startswith("第一回 風雪山神廟")
    with pytest.raises(CannotDecodeError, match="is not UTF-8 text") as raised:
        read_text(path, encoding="utf-8")
    assert "Choose another encoding" in str(raised.value)


def test_a_character_gbk_cannot_hold_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "novel.txt"
    raw = NOVEL_SC.encode("gbk")
    path.write_bytes(raw)
    loaded = read_text(path)
    edited = loaded.text.replace("那雪正下得紧。", "那雪正下得紧。😀")
    with pytest.raises(CannotEncodeError, match="on line 2") as raised:
        write_text_atomic(path, edited, "gbk", loaded.endings)
    error = raised.value
    assert (error.character, error.line, error.column) == ("😀", 2, len("话说林冲在草料场看守，那雪正下得紧。") + 1)
    assert "U+1F600" in str(error)
    assert path.read_bytes() == raw
    # GB18030 holds every Unicode character: the file's own (detected) encoding saves it.
    write_text_atomic(path, edited, loaded.encoding, loaded.endings)
    assert read_text(path).text == edited


def test_decoding_in_steps_reports_the_position_in_the_whole_file() -> None:
    data = b"a" * (encodings.DECODE_CHUNK + 10) + b"\xff" + b"tail"
    with pytest.raises(UnicodeDecodeError) as raised:
        encodings.decode(data, "utf-8")
    assert raised.value.start == encodings.DECODE_CHUNK + 10
    multibyte = NOVEL_SC.encode("gb18030") * 20_000  # characters straddle every step boundary
    assert encodings.decode(multibyte, "gb18030") == NOVEL_SC * 20_000


def test_detection_looks_at_a_bounded_sample_of_a_large_file() -> None:
    # A 10 MB file costs what 64 KB does: detection holds the GIL ~2 ms, not ~200 ms, in the GUI's reader thread.
    data = NOVEL_SC.encode("gbk") * 40_000
    piece = encodings.sample(data)
    assert len(piece) <= encodings.SAMPLE_BYTES and piece.endswith(b"\n")
    assert encodings.detect(data) == "gb18030"
    assert encodings.sample(b"plain ASCII\n" * 10) == b"" and encodings.detect(b"plain ASCII\n") == "utf-8"
