"""Names for the parts of Qt's compound controls that Qt leaves unnamed, though a screen reader lands on them."""

from __future__ import annotations

from PySide6.QtWidgets import QKeySequenceEdit, QLineEdit


def name_key_sequence_edit(edit: QKeySequenceEdit, name: str) -> None:
    """The line edit inside takes the focus and is what AT-SPI shows; unnamed, a reader says only "edit text"."""
    edit.setAccessibleName(name)
    for field in edit.findChildren(QLineEdit):
        field.setAccessibleName(name)
