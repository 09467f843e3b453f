"""The user interface's language: Qt translation files (.qm) from resources/translations, chosen in Settings.

The setting is a translation's name ("zh_CN"), "en", or "system": the system's language when Inkwell has a
translation for it, else English."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.resources import resource_path

log = logging.getLogger(__name__)


SYSTEM = "system"


def resolve(language: str, locale: QLocale | None = None) -> str:
    """The translation a setting stands for: "system" becomes the system locale's, or "en" when there is none."""
    if language != SYSTEM:
        return language or "en"
    locale = locale if locale is not None else QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        traditional = locale.script() == QLocale.Script.TraditionalChineseScript or locale.territory() in (
            QLocale.Country.Taiwan,
            QLocale.Country.HongKong,
            QLocale.Country.Macao,
        )
        candidates = ["zh_TW"] if traditional else ["zh_CN"]
    else:
        candidates = [locale.name(), locale.name().split("_")[0]]
    return next((code for code in candidates if code != "C" and available(code)), "en")


def translation_file(language: str) -> str:
    return str(resource_path("translations", f"inkwell_{language}.qm"))


def available(language: str) -> bool:
    return language == "en" or resource_path("translations", f"inkwell_{language}.qm").is_file()


def install(app: QApplication, language: str) -> list[QTranslator]:
    """Load Inkwell's and Qt's own translations for `language` ("en": nothing to load; "system": the system's).
    Keep the result alive."""
    language = resolve(language)
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
