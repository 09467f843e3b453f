"""The review view's word diff (app/engine/diff.py) and line endings kept as they were (app/store/line_endings.py)."""

from __future__ import annotations

import codecs
import itertools
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument

from app.engine.diff import Piece, change_ratio, diff_html, tokens, word_diff
from app.store.line_endings import restore_endings, split_endings, unix
from app.store.textfile import read_text, write_text_atomic

PAIRS = [
    ("The cat sat on the mat.", "The dog sat on the red mat!"),
    ("", "Everything is new."),
    ("Everything goes.", ""),
    ("", ""),
    ("same text", "same text"),
    ("Teh  quick   brwon fox\njumps.\n\n", "The quick brown fox\n\njumps over.\n"),
    ("我爱你。 It's fine — naïve café", "我很爱你！ It is fine – naive café"),
    ("tabs\tand\r\nwindows endings", "tabs and\nunix endings"),
    ("a,b;c:d", "a, b; c: d"),
    ("emoji 😀 stays", "emoji 😀😀 stays, mostly"),
    ("<b>bold & proud</b>", "<i>bold &amp; proud</i>"),
]


def spelled(pieces: list[Piece], *ops: str) -> str:
    return "".join(p.text for p in pieces if p.op in ops)


@pytest.mark.parametrize(("original", "revised"), PAIRS)
def test_the_pieces_spell_both_texts_exactly(original: str, revised: str) -> None:
    pieces = word_diff(original, revised)
    assert spelled(pieces, "equal", "delete") == original
    assert spelled(pieces, "equal", "insert") == revised
    assert all(p.text for p in pieces)  # no empty pieces to draw
    assert all(a.op != b.op for a, b in itertools.pairwise(pieces))  # neighbours of one kind are merged


def test_the_diff_works_on_words_not_characters() -> None:
    pieces = word_diff("The cat sat on the mat.", "The dog sat on the mat.")
    assert [p for p in pieces if p.op != "equal"] == [Piece("delete", "cat"), Piece("insert", "dog")]
    # A changed word is replaced whole, even when letters are shared ("brwon" -> "brown").
    changed = [p for p in word_diff("a brwon fox", "a brown fox") if p.op != "equal"]
    assert changed == [Piece("delete", "brwon"), Piece("insert", "brown")]


def test_tokens_keep_every_character() -> None:
    for text, _ in PAIRS:
        assert "".join(tokens(text)) == text


def test_change_ratio_is_the_share_of_changed_characters() -> None:
    assert change_ratio(word_diff("same text", "same text")) == 0.0
    assert change_ratio(word_diff("", "")) == 0.0
    assert change_ratio(word_diff("cat", "dog")) == 1.0
    assert change_ratio(word_diff("", "all new")) == 1.0
    one_word = change_ratio(word_diff("the cat sat here", "the dog sat here"))
    two_words = change_ratio(word_diff("the cat sat here", "the dog ran here"))
    assert 0.0 < one_word < two_words < 1.0
    # "cat" and "dog" changed (6 characters) out of "the cat sat here" plus the inserted "dog" (19 characters).
    assert one_word == pytest.approx(6 / 19)


def test_the_html_escapes_what_the_user_wrote(qapp) -> None:  # type: ignore[no-untyped-def]
    original = '<script>alert("x")</script> Tom & Jerry <b>'
    revised = '<script>alert("y")</script> Tom &amp; Jerry <i>'
    pieces = word_diff(original, revised)
    html = diff_html(pieces)
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    # Rendered the way the review view renders it, every character the user or the model wrote comes back as
    # text (deletions and insertions in place), none of it as markup.
    document = QTextDocument()
    document.setHtml(html)
    assert document.toPlainText() == "".join(p.text for p in pieces)
    assert document.toPlainText().startswith('<script>alert("')


def test_the_html_marks_deletions_and_insertions_and_keeps_line_breaks(qapp) -> None:  # type: ignore[no-untyped-def]
    pieces = word_diff("one two\nthree", "one 2\nthree")
    light, dark = diff_html(pieces), diff_html(pieces, dark=True)
    assert "line-through" in light  # the deleted word is struck through
    assert light.count("<span") == 2
    assert "<br>" in light
    assert light != dark  # dark mode has its own colours
    document = QTextDocument()
    document.setHtml(light)
    assert document.toPlainText() == "one two2\nthree"  # deleted then inserted, in place, with the line break


# -- line endings ------------------------------------------------------------------------------------------------------
ROUND_TRIPS = [
    "",
    "no ending",
    "unix\nlines\n",
    "windows\r\nlines\r\n",
    "old mac\rlines\r",
    "one\r\ntwo\nthree\rfour",
    "one\r\ntwo\nthree\rfour\r\n",
    "\r\n\r\n\n\r",
    "cr then crlf\r\r\nend",
    "中文\r\n第二行\n",
]


@pytest.mark.parametrize("text", ROUND_TRIPS)
def test_split_and_restore_give_back_the_exact_text(text: str) -> None:
    normalized, endings = split_endings(text)
    assert "\r" not in normalized
    assert normalized.count("\n") == text.count("\n") + text.count("\r") - text.count("\r\n")
    assert restore_endings(normalized, endings) == text


def test_the_dominant_ending_and_mixed_files_are_recognized() -> None:
    _, crlf = split_endings("a\r\nb\r\nc\n")
    assert crlf.dominant == "\r\n" and crlf.mixed
    _, plain = split_endings("a\nb\n")
    assert plain.dominant == "\n" and not plain.mixed
    _, none = split_endings("just one line")
    assert none.dominant == "\n" and not none.mixed
    _, cr = split_endings("a\rb\r")
    assert cr.dominant == "\r" and not cr.mixed
    assert unix().dominant == "\n" and not unix().mixed


def test_lines_added_by_the_user_get_the_files_own_ending() -> None:
    normalized, endings = split_endings("first\r\nsecond\r\n")
    assert restore_endings(normalized + "third\nfourth", endings) == "first\r\nsecond\r\nthird\r\nfourth"
    normalized, endings = split_endings("first\rsecond")
    assert restore_endings(normalized + "\nthird\n", endings) == "first\rsecond\rthird\r"


def test_a_mixed_file_keeps_each_lines_ending_when_text_is_added_to_lines() -> None:
    original = "one\r\ntwo\nthree\rfour"
    normalized, endings = split_endings(original)
    edited = normalized.replace("two", "two and a half") + " and more\nfive\n"
    # Existing lines keep their own endings; the new lines get the most common one (here all three tie, and the
    # first seen wins).
    assert restore_endings(edited, endings) == f"one\r\ntwo and a half\nthree\rfour and more{endings.dominant}five" + (
        endings.dominant
    )


def test_unix_text_is_written_unchanged() -> None:
    text = "a\nb\n\nc"
    normalized, endings = split_endings(text)
    assert normalized == text
    assert restore_endings(normalized + "\nd", endings) == text + "\nd"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (b"one\r\ntwo\nthree\rfour\r\n", "utf-8"),
        (codecs.BOM_UTF8 + "caf\u00e9\r\nbar\n".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "中文\r\nline two\nthree".encode("utf-16-le"), "utf-16"),
        (b"caf\xe9\r\n\xabquoted\xbb\r\n", "cp1252"),
    ],
)
def test_files_are_written_back_byte_for_byte_after_reading(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(raw)
    loaded = read_text(path, allow_fallback=True)
    assert loaded.encoding == encoding
    assert "\r" not in loaded.text
    write_text_atomic(path, loaded.text, loaded.encoding, loaded.endings)
    assert path.read_bytes() == raw
