"""Screenshots of the 简体中文 interface for README.zh-CN.md (docs/img/zh-*.png), in the light and the dark look:
the window with a Chinese document, its outline and the summarize pane; the chat pane; the settings dialog; the
cheat sheet. Needs a CJK font (Debian: fonts-noto-cjk); without one the glyphs come out as boxes.

    python tools/screenshots_zh.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

DOCUMENT = """# 灯塔

午夜刚过，风暴从西边压了过来。玛拉提着灯油爬上螺旋楼梯，像父亲教她的那样，一级一级数着台阶。

## 清晨

她下楼时，港湾一片寂静，渔船仍旧系在古老的石堤边。她走到码头尽头，想看看这一夜留下了什么。

- 检查北边的堤坝
- 清点船只
"""


def main() -> int:
    from _common import make_app_context, wait_for
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from app.ui import i18n
    from app.ui.dialogs.settings_dialog import SettingsDialog
    from app.ui.dialogs.shortcuts import CheatSheet

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "zh_CN")  # before any widget is built, as the app does at start
    app, context = make_app_context(**{"models__first_run_notice_done": True})
    window = context.window
    out = REPO / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 200) -> None:
        timer = QTimer()
        timer.setSingleShot(True)
        timer.start(ms)
        wait_for(timer.timeout)

    def grab(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / name))
        print("saved", name)

    try:
        window.resize(1200, 760)
        window.show()
        context.client.load()
        wait_for(context.client.model_loaded, timeout_s=180)
        editor = window.editor
        editor.setPlainText(DOCUMENT)
        settle(1500)  # the word count is made off the GUI thread
        for theme in ("light", "dark"):
            context.settings.set("ui/theme", theme)
            window.set_outline_visible(True)
            window.docks["summarize"].show()
            window.docks["summarize"].raise_()
            grab(window, f"zh-main-{theme}.png")
            window.set_outline_visible(False)
            window.docks["summarize"].hide()

            window.docks["chat"].show()
            window.docks["chat"].raise_()
            grab(window, f"zh-chat-{theme}.png")
            window.docks["chat"].hide()

            dialog = SettingsDialog(context.settings, window.secrets, context.paths, context.client.info, window)
            dialog.tabs.setCurrentIndex(2)  # Appearance: theme and language
            dialog.show()
            grab(dialog, f"zh-settings-{theme}.png")
            dialog.close()

            sheet = CheatSheet(window.commands, window)
            sheet.show()
            grab(sheet, f"zh-shortcuts-{theme}.png")
            sheet.close()
        context.settings.set("ui/theme", "system")
        editor.document().setModified(False)
    finally:
        window.close()
        QApplication.processEvents()
        for translator in translators:
            app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
