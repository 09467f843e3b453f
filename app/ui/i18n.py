"""The user interface's language: Qt translation files (.qm) from resources/translations, chosen in Settings."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.resources import resource_path

log = logging.getLogger(__name__)


def translation_file(language: str) -> str:
    return str(resource_path("translations", f"inkwell_{language}.qm"))


def available(language: str) -> bool:
    return language == "en" or resource_path("translations", f"inkwell_{language}.qm").is_file()


def install(app: QApplication, language: str) -> list[QTranslator]:
    """Load Inkwell's and Qt's own translations for `language` ("en": nothing to load). Keep the result alive."""
    if language in ("", "en"):
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(translation_file(language)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no Inkwell translation for %s; the interface stays in English", language)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)  # Qt's own dialogs and buttons (Save, Cancel, ...)
        installed.append(qt)
    return installed
