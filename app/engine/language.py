"""Languages Inkwell translates between, and detection of the language a text is written in.

Detection uses lingua (`lingua-language-detector`) restricted to the languages listed here, which keeps it fast
and its memory small. Its first use loads models (~0.1 s, ~20 MB for long texts; ~1-2 s, ~180 MB for short
ones, which need the more accurate models), so callers in the GUI run `detect` off the GUI thread.
No import of torch; safe in the GUI process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

# Short texts need lingua's full models; longer ones are told apart reliably by its small, fast ones.
_LOW_ACCURACY_FROM_LETTERS = 120
# Below this many letters nobody, program or person, can tell a language reliably.
_MIN_LETTERS = 3
# A best guess below this confidence is reported as "could not tell".
_MIN_CONFIDENCE = 0.5
# A second script with at least this share of the letters makes a text mixed.
_MIXED_SHARE = 0.15


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47 tag: "en", "zh-Hans", "zh-Hant", ...
    native: str  # the language's name in itself: shown in pickers
    english: str  # used in prompts: small models follow English instructions best
    lingua: str  # lingua's Language member name


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English", "ENGLISH"),
    Language("zh-Hans", "简体中文", "Simplified Chinese", "CHINESE"),
    Language("zh-Hant", "繁體中文", "Traditional Chinese", "CHINESE"),
    Language("ja", "日本語", "Japanese", "JAPANESE"),
    Language("ko", "한국어", "Korean", "KOREAN"),
    Language("de", "Deutsch", "German", "GERMAN"),
    Language("fr", "Français", "French", "FRENCH"),
    Language("es", "Español", "Spanish", "SPANISH"),
    Language("it", "Italiano", "Italian", "ITALIAN"),
    Language("pt", "Português", "Portuguese", "PORTUGUESE"),
    Language("ru", "Русский", "Russian", "RUSSIAN"),
    Language("ar", "العربية", "Arabic", "ARABIC"),
    Language("nl", "Nederlands", "Dutch", "DUTCH"),
    Language("pl", "Polski", "Polish", "POLISH"),
    Language("tr", "Türkçe", "Turkish", "TURKISH"),
    Language("uk", "Українська", "Ukrainian", "UKRAINIAN"),
)
BY_CODE = {language.code: language for language in LANGUAGES}


def find_language(name: str) -> Language | None:
    """A language by code ("de", "zh-hans", "zh"), English name ("German") or own name ("Deutsch")."""
    wanted = name.strip().casefold().replace("_", "-")
    aliases = {"zh": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant"}
    if wanted in aliases:
        return BY_CODE[aliases[wanted]]
    for language in LANGUAGES:
        if wanted in (language.code.casefold(), language.english.casefold(), language.native.casefold()):
            return language
    if wanted in ("chinese", "中文"):
        return BY_CODE["zh-Hans"]
    return None


# -- scripts -------------------------------------------------------------------------------------------------


def _script(ch: str) -> str | None:
    """The writing system of a letter, as far as detection cares; None for anything that is not a letter."""
    code = ord(ch)
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return "kana"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F:
        return "han"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if not ch.isalpha():
        return None
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    if 0x600 <= code <= 0x6FF or 0x750 <= code <= 0x77F or 0x8A0 <= code <= 0x8FF or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    return "other"


def script_shares(text: str) -> dict[str, float]:
    """Share of the letters in each script; kana and the Han characters around them count as Japanese script."""
    counts: dict[str, int] = {}
    for ch in text:
        script = _script(ch)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values())
    if not total:
        return {}
    if counts.get("kana"):
        counts["kana"] += counts.pop("han", 0)
    return {script: n / total for script, n in sorted(counts.items(), key=lambda kv: -kv[1])}


# Characters written differently in simplified and traditional Chinese (common ones; enough to tell a text).
_SIMPLIFIED_ONLY = (
    "这个们说国来时会为对学发经过后么还没现样开长问见听书车门马东语话请谢让认识爱关给点电买卖体万与产动实头应从华边机气进难几号写业"
    "间总结觉单级红续线络网页图钱银铁饭馆汉欢务员济运议论设计亲历选择专课师导报纸"
)
_TRADITIONAL_ONLY = (
    "這個們說國來時會為對學發經過後麼還沒現樣開長問見聽書車門馬東語話請謝讓認識愛關給點電買賣體萬與產動實頭應從華邊機氣進難幾號寫業"
    "間總結覺單級紅續線絡網頁圖錢銀鐵飯館漢歡務員濟運議論設計親歷選擇專課師導報紙"
)
# Set difference as a guard: a character written the same way in both would count for neither.
_SIMPLIFIED = set(_SIMPLIFIED_ONLY) - set(_TRADITIONAL_ONLY)
_TRADITIONAL = set(_TRADITIONAL_ONLY) - set(_SIMPLIFIED_ONLY)


def chinese_variant(text: str) -> str:
    """ "zh-Hant" when traditional-only characters outnumber simplified-only ones, else "zh-Hans"."""
    simplified = sum(1 for ch in text if ch in _SIMPLIFIED)
    traditional = sum(1 for ch in text if ch in _TRADITIONAL)
    return "zh-Hant" if traditional > simplified else "zh-Hans"


# -- detection -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Detection:
    """What `detect` found. `code` is None when it could not tell; `reason` then says why (a key of REASONS)."""

    code: str | None
    confidence: float = 0.0
    others: tuple[str, ...] = ()  # further languages in a mixed text, by share
    reason: str = ""

    @property
    def known(self) -> bool:
        return self.code is not None

    @property
    def mixed(self) -> bool:
        return bool(self.others)

    @property
    def language(self) -> Language | None:
        return BY_CODE.get(self.code) if self.code else None


# Why detection could not tell (Detection.reason); the GUI translates REASONS' words, the CLI prints them.
NO_TEXT = "no_text"
TOO_SHORT = "too_short"
NO_LETTERS = "no_letters"
UNSUPPORTED_SCRIPT = "unsupported_script"
UNSURE = "unsure"
REASONS = {
    NO_TEXT: "There is no text to look at.",
    TOO_SHORT: "The text is too short to tell its language.",
    NO_LETTERS: "The text has no words, only numbers or symbols.",
    UNSUPPORTED_SCRIPT: "The text is written in a script Inkwell does not know.",
    UNSURE: "The text does not look clearly like any language Inkwell knows.",
}


class LanguageDetector:
    """Thread-safe detection over LANGUAGES; lingua's models load on first use (call it off the GUI thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._detectors: dict[bool, Any] = {}

    def _detector(self, low_accuracy: bool) -> Any:
        with self._lock:
            if low_accuracy not in self._detectors:
                from lingua import Language as LinguaLanguage
                from lingua import LanguageDetectorBuilder

                wanted = {getattr(LinguaLanguage, language.lingua) for language in LANGUAGES}
                builder = LanguageDetectorBuilder.from_languages(*wanted)
                if low_accuracy:
                    builder = builder.with_low_accuracy_mode()
                self._detectors[low_accuracy] = builder.build()
            return self._detectors[low_accuracy]

    def _code(self, lingua_language: Any, text: str) -> str | None:
        name = lingua_language.name
        if name == "CHINESE":
            return chinese_variant(text)
        for language in LANGUAGES:
            if language.lingua == name:
                return language.code
        return None

    def detect(self, text: str) -> Detection:
        if not text.strip():
            return Detection(None, reason=NO_TEXT)
        shares = script_shares(text)
        letters = sum(1 for ch in text if _script(ch) is not None)
        if not shares:
            return Detection(None, reason=NO_LETTERS)
        if next(iter(shares)) == "other":
            return Detection(None, reason=UNSUPPORTED_SCRIPT)
        # Han, kana and hangul say a lot per character; a couple of them are enough.
        dense = next(iter(shares)) in ("han", "kana", "hangul")
        if letters < (1 if dense else _MIN_LETTERS):
            return Detection(None, reason=TOO_SHORT)
        detector = self._detector(low_accuracy=letters >= _LOW_ACCURACY_FROM_LETTERS)
        values = detector.compute_language_confidence_values(text)
        if not values or values[0].value < _MIN_CONFIDENCE:
            return Detection(None, values[0].value if values else 0.0, reason=UNSURE)
        code = self._code(values[0].language, text)
        if code is None:
            return Detection(None, reason=UNSURE)
        others: tuple[str, ...] = ()
        if sum(1 for share in shares.values() if share >= _MIXED_SHARE) > 1:
            others = self._other_languages(detector, text, code)
        return Detection(code, float(values[0].value), others)

    def _other_languages(self, detector: Any, text: str, main: str) -> tuple[str, ...]:
        """Languages of the other scripts' runs, largest first."""
        sizes: dict[str, int] = {}
        for found in detector.detect_multiple_languages_of(text):
            piece = text[found.start_index : found.end_index]
            code = self._code(found.language, piece)
            if code is not None and code != main:
                sizes[code] = sizes.get(code, 0) + len(piece)
        if not sizes:
            # lingua called the whole text one language although two scripts are in it: guess the other one by
            # its script, so the text is still reported as mixed.
            main_script = _script_of(main)
            for script, share in script_shares(text).items():
                guess = _SCRIPT_GUESS.get(script)
                if share >= _MIXED_SHARE and script != main_script and guess:
                    sizes[guess] = 1
                    break
        return tuple(code for code, _ in sorted(sizes.items(), key=lambda kv: -kv[1]))


_SCRIPT_GUESS = {"latin": "en", "cyrillic": "ru", "arabic": "ar", "hangul": "ko", "kana": "ja", "han": "zh-Hans"}
_LANGUAGE_SCRIPT = {
    "zh-Hans": "han",
    "zh-Hant": "han",
    "ja": "kana",
    "ko": "hangul",
    "ru": "cyrillic",
    "uk": "cyrillic",
    "ar": "arabic",
}


def _script_of(code: str) -> str:
    return _LANGUAGE_SCRIPT.get(code, "latin")


_default = LanguageDetector()


def detect(text: str) -> Detection:
    """Detect with a shared detector (its models are loaded once per process)."""
    return _default.detect(text)
