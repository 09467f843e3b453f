"""Marks a text for translation where it is defined, for code that translates it later, when it is shown.

lupdate finds `QT_TRANSLATE_NOOP("<Context>", "<text>")` by name and puts the text in the .ts file; at run time the
marker returns the English text unchanged, and the GUI passes it to `QCoreApplication.translate` with the same
context. Plain Python with no Qt import, so the engine and the store can mark their messages too."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text
