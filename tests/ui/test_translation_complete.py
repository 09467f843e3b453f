"""The 简体中文 interface is complete: every .ts entry is translated, the committed .qm matches its .ts, every string
the code marks for translation is in the .ts, and with the translation loaded no widget, menu or action of the main
window, its panes and its dialogs shows English any more."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel

from app.engine import language as languages
from app.engine.backends.remote_urls import SERVER_BASE_URLS
from app.engine.catalog import CATALOG
from app.engine.errors import EngineError
from app.engine.requests import FailureKind, progress
from app.gui import AppContext
from app.paths import AppPaths
from app.secrets import SecretStore
from app.store.settings import Settings
from app.translatable import QT_TRANSLATE_NOOP
from app.ui import i18n
from app.ui.dialogs.about import NOTICES
from app.ui.dialogs.model_manager import eta_text
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.messages import engine_text, failure_text
from app.worker.host_process import HostDied
from app.worker.model_worker import host_died_failure
from tests.helpers import ui_walk
from tests.helpers.memory_keyring import MemoryKeyring

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"
# 繁體中文 is made from 简体中文 (tools/zh_tw_from_zh_cn.py): both are checked the same way.
LANGUAGES = ("zh_CN", "zh_TW")

# Words that stay as they are in a Chinese interface: names, formats, units and technical terms.
KEPT_WORDS = {
    "inkwell", "markdown", "html", "pdf", "json", "gguf", "docx", "txt", "md", "word", "unicode", "utf", "big5",
    "gb18030", "gbk", "koi8", "latin", "windows", "unix", "hugging", "face", "hub", "transformers", "pytorch",
    "cpu", "gpu", "nvidia", "cuda", "apple", "metal", "mps", "top", "float32", "float16", "bfloat16", "bf16", "fp16",
    "fp32", "int4", "int8", "api", "http", "https", "url", "localhost", "ollama", "vllm", "lm", "studio", "llama",
    "cpp", "serve", "openai", "qt", "pyside6", "lgpl", "apache", "license", "licence", "mit", "bsd", "esc", "enter",
    "tab", "shift", "ctrl", "alt", "meta", "return", "escape", "home", "end", "del", "ins", "backspace", "space",
    "gemma", "qwen", "smollm2", "instruct", "hf", "token", "ram", "vram", "min", "ms", "kb", "mb", "gb",
    "inkwell_api_key", "inkwell_home", "hf_token", "hf_hub_offline", "config", "safetensors", "tb", "ai",
    "top-p", "top-k",
}  # fmt: skip
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[0-9nvm]")
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    unfinished: bool
    comment: str = ""


def entries(ts: Path) -> list[Entry]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                Entry(
                    name,
                    message.findtext("source") or "",
                    translation.text or "",
                    translation.get("type") in ("unfinished", "vanished", "obsolete"),
                    message.findtext("comment") or "",
                )
            )
    return found


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it comes with PySide6 (pip install -e .)")
    return found


# -- the .ts and .qm files ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_with_its_placeholders_and_accelerators(language: str) -> None:
    problems = []
    for entry in entries(_ts(language)):
        where = f"[{entry.context}] {entry.source!r}"
        if entry.unfinished or not entry.translation.strip():
            problems.append(f"unfinished: {where}")
            continue
        if sorted(PLACEHOLDER.findall(entry.source)) != sorted(PLACEHOLDER.findall(entry.translation)):
            problems.append(f"placeholders differ: {where} -> {entry.translation!r}")
        if re.search(r"&[A-Za-z]", entry.source.replace("&&", "")) and not re.search(
            r"\(&[A-Z0-9]\)", entry.translation
        ):
            problems.append(f"no (&X) accelerator: {where} -> {entry.translation!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_qm_holds_every_translation_of_the_ts(language: str) -> None:
    """Read back through QTranslator rather than compared byte for byte: another lrelease may lay it out anew."""
    committed = _ts(language).with_suffix(".qm")
    translator = QTranslator()
    assert translator.load(str(committed)), f"{committed.name} is missing: run make translations"
    stale = [
        f"[{e.context}] {e.source!r}"
        for e in entries(_ts(language))
        if not e.unfinished and translator.translate(e.context, e.source, e.comment or None) != e.translation
    ]
    assert not stale, f"{committed.name} is older than its .ts (run make translations):\n" + "\n".join(stale)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_the_code_marks_is_in_the_ts(tmp_path: Path, language: str) -> None:
    """A string added in the code with tr()/translate()/QT_TRANSLATE_NOOP and not yet translated fails here."""
    fresh = tmp_path / _ts(language).name
    shutil.copy(_ts(language), fresh)
    sources = sorted(str(path) for path in (REPO / "app").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-locations", "none", "-no-obsolete", "-silent", "-ts", str(fresh)],
        check=True,
        cwd=REPO,
    )
    missing = [f"[{e.context}] {e.source!r}" for e in entries(fresh) if e.unfinished or not e.translation]
    assert not missing, f"not in {fresh.name} yet (run make translations and translate them):\n" + "\n".join(missing)
    empty_context = [e.source for e in entries(fresh) if not e.context]
    assert not empty_context, (
        "marked without a context (a free tr() call): the app looks them up under its own context, so they would "
        "never be translated:\n" + "\n".join(empty_context)
    )


# -- the running interface ----------------------------------------------------------------------------------------
@pytest.fixture(params=LANGUAGES)
def chinese(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """A Chinese translation (and Qt's own) installed for one test, removed again so other tests stay English."""
    language = request.param
    translators = i18n.install(qapp, language)
    assert len(translators) == 2, f"inkwell_{language}.qm or Qt's qtbase_{language}.qm did not load"
    yield language
    for translator in translators:
        qapp.removeTranslator(translator)


def test_a_chinese_system_gets_the_chinese_interface() -> None:
    assert i18n.resolve("system", QLocale("zh_CN")) == "zh_CN"
    assert i18n.resolve("system", QLocale("zh_SG")) == "zh_CN"
    assert i18n.resolve("system", QLocale("zh_TW")) == i18n.resolve("system", QLocale("zh_HK")) == "zh_TW"
    assert i18n.resolve("system", QLocale("de_DE")) == "en"
    assert i18n.resolve("en", QLocale("zh_CN")) == "en"
    assert i18n.available("zh_CN") and i18n.available("zh_TW")


def test_settings_offer_the_languages_and_say_when_they_apply(qtbot, settings: Settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings, SecretStore(MemoryKeyring()), AppPaths.under(tmp_path / "home"), None)
    qtbot.addWidget(dialog)
    offered = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert offered == ["Follow the system", "English", "简体中文", "繁體中文"]  # none "not installed yet"
    assert settings.get("ui/language", str) == "system"
    dialog.language.setCurrentIndex(2)
    assert settings.get("ui/language", str) == "zh_CN"
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "The language applies the next time Inkwell starts." in labels


def test_engine_messages_are_translated_in_the_gui(chinese: str) -> None:
    died = failure_text(host_died_failure(HostDied(-9)))
    assert "SIGKILL" in died and CJK.search(died) and "unexpectedly" not in died
    error = EngineError(
        FailureKind.MODEL_NOT_FOUND, QT_TRANSLATE_NOOP("Engine", "There is no model file at {path}."), path="/m.gguf"
    )
    assert error.message == "There is no model file at /m.gguf."  # English for logs and the command line
    shown = failure_text(error.to_failure(7))
    assert "/m.gguf" in shown and "There is no" not in shown and CJK.search(shown)
    loading = progress("loading", QT_TRANSLATE_NOOP("Engine", "Loading {name}…"), name="Qwen")
    assert loading.message == "Loading Qwen…"
    assert engine_text(loading.template, loading.params, loading.message) == {"zh_CN": "正在加载 Qwen…"}.get(
        chinese, "正在載入 Qwen…"
    )


def test_download_times_are_translated(chinese: str) -> None:
    assert eta_text(185) == "3 分 05 秒"
    assert eta_text(3 * 3600 + 120) in ("3 小时 02 分", "3 小時 02 分")


def _ts(language: str) -> Path:
    return TRANSLATIONS / f"inkwell_{language}.ts"


def _english_sources(language: str) -> tuple[set[str], list[re.Pattern[str]]]:
    """Every English text a translated interface must not show: plain ones, and patterns for those with
    parameters (whose visible form has the values put in). Entries translated as themselves ("CPU") are fine."""
    plain: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for entry in entries(_ts(language)):
        text = _normal(entry.source)
        if not text or text == _normal(entry.translation):
            continue
        if PLACEHOLDER.search(text):
            parts = PLACEHOLDER.split(text)
            # "{done} of {total}" would match any English with " of " in it: only patterns with real words count.
            if len(re.findall(r"[A-Za-z]", "".join(parts))) >= 8:
                patterns.append(re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL))
        else:
            plain.add(text)
    return plain, patterns


def _normal(text: str) -> str:
    """Without markup, accelerators and extra spaces: the words as they are read."""
    if "<" in text and ">" in text:
        text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", text, flags=re.DOTALL)
    # 文件(&F); Qt's own tooltip for such an action drops only the "&": 文件(F)
    text = re.sub(r"\(&?[A-Z0-9]\)$|\(&\w\)", "", html.unescape(text))
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split())


def _allowed(text: str) -> bool:
    """Names, numbers, shortcuts, paths and the like: no English words a translation should have replaced."""
    if CJK.search(text) or not re.search(r"[A-Za-z]{2,}", text):
        return True
    if not QKeySequence(text).isEmpty() and QKeySequence(text).toString() == text:
        return True
    words = re.findall(r"[A-Za-z_][A-Za-z0-9_.+-]*", re.sub(r"\S*[/\\]\S*|\S+@\S+", " ", text))
    return all(word.lower().strip(".-+_") in KEPT_WORDS or any(c.isdigit() for c in word) for word in words)


def _a_notice(text: str) -> bool:
    """A third-party notice's line in the about box: the project's name, version and licence, as they write them."""
    tail = r"( [\w.,]+)*( — [\w.+-]+)?"
    return any(re.fullmatch(re.escape(notice.name) + tail, text) for notice in NOTICES)


NATIVE_NAMES = {language.native for language in languages.LANGUAGES}
MODEL_NAMES = {name for entry in CATALOG for name in (entry.name, entry.repo_id)} | {"SmolLM2-135M-Instruct"}
SERVER_NAMES = {name for name, _url in SERVER_BASE_URLS}  # programs' own names ("llama.cpp server")


def test_no_english_left_in_the_main_window_panes_dialogs_menus_and_actions(
    chinese: str, app_context: AppContext
) -> None:
    window = app_context.window
    first_menu = window.menuBar().actions()[0].text()
    assert first_menu in ("文件(&F)", "檔案(&F)"), "the window was built before the translation loaded"
    plain, patterns = _english_sources(chinese)
    left: list[str] = []

    def check(where: str, what: str, raw: str) -> None:
        text = _normal(raw)
        if not text or text in NATIVE_NAMES or text in MODEL_NAMES or text in SERVER_NAMES or _a_notice(text):
            return
        if what != "tooltip" and re.search(r"\(&?[A-Z0-9]\)$", raw.split(":")[0].strip()) and "(&" not in raw:
            left.append(f"{where} {what}: {raw!r} (a mnemonic shown as text)")
        elif text in plain or any(pattern.fullmatch(text) for pattern in patterns):
            left.append(f"{where} {what}: {raw!r} (untranslated)")
        elif not _allowed(text):
            left.append(f"{where} {what}: {raw!r} (English not in the translation file)")

    for surface in ui_walk.surfaces(window):
        for widget in ui_walk.widgets(surface.widget):
            if widget is window.editor or window.editor.isAncestorOf(widget):
                continue  # the user's document
            name = f"{surface.name} › {type(widget).__name__}" + (
                f" {widget.objectName()}" if widget.objectName() else ""
            )
            for what, raw in ui_walk.texts(widget):
                check(name, what, raw)
    for menu in ui_walk.menus(window):
        for what, raw in ui_walk.menu_texts(menu):
            check("menu", what, raw)
    for action in ui_walk.actions(window):
        for what, raw in ui_walk.action_texts(action):
            check(f"action {action.objectName() or action.text()!r}", what, raw)
    assert not left, f"{len(left)} texts are not yet right in Chinese:\n" + "\n".join(sorted(set(left)))
    assert QCoreApplication.translate("Menus", "File") in ("文件", "檔案")
