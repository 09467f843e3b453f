"""Chinese (and Japanese, Korean) text in a font made for it, whatever font the user's Latin text is in.

Without a list, the platform picks a fallback for Han characters by its own rules: on Linux outside a Chinese
locale that is often a Japanese font (Japanese glyph shapes for Chinese text) or whichever font happens to have the
character. Each font keeps the user's family first, so Latin text looks as it always did, and then names CJK fonts
that ship with Linux distributions (Noto Sans CJK, Source Han Sans, WenQuanYi), Windows (Microsoft YaHei/JhengHei,
Yu Gothic, Malgun Gothic) and macOS (PingFang, Hiragino); the variant for the user's locale comes first.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QGuiApplication

SIMPLIFIED = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")
TRADITIONAL = ("Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei", "PingFang TC")
JAPANESE = ("Noto Sans CJK JP", "Source Han Sans JP", "Yu Gothic", "Hiragino Sans")
KOREAN = ("Noto Sans CJK KR", "Source Han Sans KR", "Malgun Gothic", "Apple SD Gothic Neo")


def cjk_families(locale: QLocale | None = None) -> tuple[str, ...]:
    """Fallback families, the user's own script first; Simplified Chinese when the locale says nothing about it."""
    locale = locale or QLocale()
    language, script = locale.language(), locale.script()
    first: tuple[str, ...]
    if language == QLocale.Language.Japanese:
        first = JAPANESE
    elif language == QLocale.Language.Korean:
        first = KOREAN
    elif language == QLocale.Language.Chinese and (
        script == QLocale.Script.TraditionalChineseScript
        or locale.territory() in (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macao)
    ):
        first = TRADITIONAL
    else:
        first = SIMPLIFIED
    rest = [family for group in (SIMPLIFIED, TRADITIONAL, JAPANESE, KOREAN) if group is not first for family in group]
    return (*first, *rest)


def with_cjk_fallback(font: QFont, locale: QLocale | None = None) -> QFont:
    """`font` with the CJK families after its own (the same font when it has them already)."""
    fallback = cjk_families(locale)
    own = [family for family in (font.families() or [font.family()]) if family not in fallback]
    result = QFont(font)
    result.setFamilies([*own, *fallback])
    return result


def apply_cjk_fallback(app: QGuiApplication) -> None:
    """For every widget that uses the application's font: panes, chat, preview, dialogs."""
    app.setFont(with_cjk_fallback(app.font()))
