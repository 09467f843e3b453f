"""Language list and detection (lingua, restricted to the languages Inkwell offers)."""

from __future__ import annotations

import pytest

from app.engine import language as languages
from app.engine.language import BY_CODE, LANGUAGES, LanguageDetector, chinese_variant, find_language, script_shares


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def test_the_required_targets_are_offered_with_their_own_names() -> None:
    natives = [language.native for language in LANGUAGES]
    for name in (
        "English",
        "简体中文",
        "繁體中文",
        "日本語",
        "한국어",
        "Deutsch",
        "Français",
        "Español",
        "Italiano",
        "Português",
        "Русский",
        "العربية",
    ):
        assert name in natives
    assert len({language.code for language in LANGUAGES}) == len(LANGUAGES)
    assert BY_CODE["zh-Hant"].english == "Traditional Chinese"


@pytest.mark.parametrize(
    ("name", "code"),
    [("de", "de"), ("German", "de"), ("deutsch", "de"), ("zh", "zh-Hans"), ("zh_TW", "zh-Hant"), ("日本語", "ja")],
)
def test_languages_are_found_by_code_or_either_name(name: str, code: str) -> None:
    found = find_language(name)
    assert found is not None and found.code == code


def test_an_unknown_language_name_is_none() -> None:
    assert find_language("Klingon") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The committee met again on Thursday to discuss the harbour and the budget.", "en"),
        ("Der Ausschuss traf sich am Donnerstag wieder, um über den Hafen zu sprechen.", "de"),
        ("Le comité s'est réuni jeudi pour discuter du port et du budget de la ville.", "fr"),
        ("El comité se reunió el jueves para hablar del puerto y del presupuesto.", "es"),
        ("Il comitato si è riunito giovedì per discutere del porto e del bilancio.", "it"),
        ("O comitê reuniu-se na quinta-feira para discutir o porto e o orçamento.", "pt"),
        ("Комитет снова собрался в четверг, чтобы обсудить гавань и бюджет.", "ru"),
        ("اجتمعت اللجنة يوم الخميس لمناقشة الميناء والميزانية.", "ar"),
        ("委员会星期四再次开会，讨论港口和预算的问题。", "zh-Hans"),
        ("委員會星期四再次開會，討論港口和預算的問題。", "zh-Hant"),
        ("委員会は木曜日に再び集まり、港と予算について話し合いました。", "ja"),
        ("위원회는 목요일에 다시 모여 항구와 예산에 대해 논의했습니다.", "ko"),
    ],
)
def test_detects_each_required_language(detector: LanguageDetector, text: str, code: str) -> None:
    found = detector.detect(text)
    assert found.code == code, found
    assert found.known and not found.mixed and found.confidence >= 0.5


def test_long_texts_use_the_small_models_and_still_detect(detector: LanguageDetector) -> None:
    text = "Der Fluss war im Winter zugefroren, und die Fähre lag still am Ufer. " * 20
    assert detector.detect(text).code == "de"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", languages.NO_TEXT),
        ("   \n\t ", languages.NO_TEXT),
        ("12345 67 !!! -- ??", languages.NO_LETTERS),
        ("ok", languages.TOO_SHORT),
        ("Καλημέρα σας, τι κάνετε σήμερα;", languages.UNSUPPORTED_SCRIPT),
        ("שלום עולם, מה שלומך היום?", languages.UNSUPPORTED_SCRIPT),
        ("xq zvk brrt pfft", languages.UNSURE),
    ],
)
def test_undetectable_text_says_it_could_not_tell_and_why(detector: LanguageDetector, text: str, reason: str) -> None:
    found = detector.detect(text)
    assert found.code is None and not found.known and found.language is None
    assert found.reason == reason
    assert languages.REASONS[found.reason]


def test_mixed_script_text_names_the_main_language_and_the_others(detector: LanguageDetector) -> None:
    found = detector.detect(
        "The minutes of the meeting are below. Протокол заседания приведён ниже, прочитайте его внимательно."
    )
    assert found.known and found.mixed
    assert {found.code, *found.others} == {"en", "ru"}
    cjk = detector.detect("Please read the report before Thursday. 请在星期四之前阅读这份报告。")
    assert cjk.known and cjk.mixed and {cjk.code, *cjk.others} == {"en", "zh-Hans"}


def test_scripts_and_chinese_variants() -> None:
    shares = script_shares("abc 日本語です")
    assert set(shares) == {"latin", "kana"}  # the Han characters of Japanese count with the kana
    assert chinese_variant("这个国家") == "zh-Hans"
    assert chinese_variant("這個國家") == "zh-Hant"
    assert script_shares("123 !?") == {}
