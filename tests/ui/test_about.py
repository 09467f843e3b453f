"""Help → About: version, licence and the third-party notices an installed copy must show."""

from __future__ import annotations

import sys

from app import __version__
from app.ui.dialogs.about import NOTICES, AboutDialog, notices_html


def test_about_shows_version_licence_and_notices(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert __version__ in dialog.title.text()
    assert "Apache License 2.0" in dialog.summary.text()
    text = dialog.notices.toPlainText()
    for needed in ("SmolLM2-135M-Instruct", "Apache-2.0", "Qt", "LGPL-3.0", "PyTorch", "Transformers"):
        assert needed in text
    assert dialog.notices.accessibleName()


def test_notices_read_versions_without_importing_torch() -> None:
    loaded_before = "torch" in sys.modules
    html = notices_html()  # versions come from package metadata: the GUI process never imports torch
    assert ("torch" in sys.modules) == loaded_before
    assert html.count("<p>") == len(NOTICES)
