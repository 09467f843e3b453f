"""Make the 繁體中文 translation from the 简体中文 one: every entry of inkwell_zh_CN.ts converted with OpenCC's
s2twp (Traditional characters and Taiwan's vocabulary: 檔案, 設定, 資料夾, 儲存), then the few corrections below.
Run it after translating new zh_CN entries, then `make translations` to compile both .qm files.

    pip install opencc   # once; only this tool needs it
    python tools/zh_tw_from_zh_cn.py
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "resources" / "translations" / "inkwell_zh_CN.ts"
TARGET = REPO / "resources" / "translations" / "inkwell_zh_TW.ts"

# Where Taiwan's software says it otherwise than a character-by-character conversion does.
CORRECTIONS = (
    ("“", "「"),
    ("”", "」"),
    ("新建", "新增"),
    ("文本", "文字"),
    ("標籤頁", "分頁"),
    ("許可證", "授權條款"),
    ("撤銷", "復原"),
    ("賬戶", "帳戶"),
    ("模型程式", "模型處理程序"),
    ("模型進程", "模型處理程序"),
    ("文字系統", "書寫系統"),
)


def main() -> int:
    try:
        import opencc
    except ImportError:
        print("this tool needs OpenCC: pip install opencc", file=sys.stderr)
        return 1
    convert = opencc.OpenCC("s2twp").convert
    tree = ET.parse(SOURCE)
    root = tree.getroot()
    root.set("language", "zh_TW")
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished" or not translation.text:
            continue  # translate the Simplified Chinese first
        text = convert(translation.text)
        for wrong, right in CORRECTIONS:
            text = text.replace(wrong, right)
        translation.text = text
    tree.write(TARGET, encoding="utf-8", xml_declaration=True)
    print(f"wrote {TARGET.relative_to(REPO)}; now run make translations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
