"""Word documents: import text and headings as Markdown, export Markdown as .docx (python-docx)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from app.store.textfile import QT_TRANSLATE_NOOP, TextFileError

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)")


def import_docx(path: Path) -> str:
    """Markdown text of a .docx: headings, paragraphs, bullet and numbered lists, tables."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise TextFileError(
            QT_TRANSLATE_NOOP("Files", "{name} is not a Word document Inkwell can read (.docx)."), name=path.name
        ) from exc
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if not isinstance(child.tag, str):
            continue  # an XML comment or processing instruction (Word writes comments into some tables)
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(_paragraph_markdown(Paragraph(child, document)))
        elif tag == "tbl":
            blocks.append(_table_markdown(Table(child, document)))
    out: list[str] = []
    for block in (b for b in blocks if b.strip()):
        # Items of one list stay together; everything else is a paragraph of its own.
        is_item = bool(_BULLET.match(block) or _NUMBERED.match(block))
        previous_item = bool(out) and bool(_BULLET.match(out[-1]) or _NUMBERED.match(out[-1]))
        out.append(("\n" if is_item and previous_item else "\n\n" if out else "") + block)
    text = "".join(out)
    return text + "\n" if text else ""


def _paragraph_markdown(paragraph: Any) -> str:
    text = paragraph.text.strip()
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if not text:
        return ""
    if style == "Title":
        return f"# {text}"
    match = re.match(r"Heading (\d)", style)
    if match:
        return f"{'#' * min(int(match.group(1)), 6)} {text}"
    if style.startswith("List Bullet"):
        return f"- {text}"
    if style.startswith("List Number"):
        return f"1. {text}"
    return text


def _table_markdown(table: Any) -> str:
    rows = [[cell.text.strip().replace("|", "\\|").replace("\n", " ") for cell in row.cells] for row in table.rows]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(["---"] * width) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _add_runs(paragraph: Any, text: str) -> None:
    for part in _INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            paragraph.add_run(part[1:-1]).font.name = "Courier New"
        elif part.startswith("*") and part.endswith("*"):
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def export_docx(markdown: str, path: Path) -> None:
    """Write `markdown` as a Word document: headings, lists, code blocks and inline emphasis become Word styles."""
    import docx

    from app.store.textfile import write_bytes_atomic

    document = docx.Document()
    in_code = False
    paragraph_lines: list[str] = []

    def flush() -> None:
        if paragraph_lines:
            _add_runs(document.add_paragraph(), " ".join(line.strip() for line in paragraph_lines))
            paragraph_lines.clear()

    table_rows: list[list[str]] = []

    def flush_table() -> None:
        rows = [r for r in table_rows if not all(re.fullmatch(r":?-{3,}:?", c.strip()) for c in r)]
        table_rows.clear()
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell.strip()

    for line in markdown.split("\n"):
        if not in_code and line.strip().startswith("|") and line.strip().endswith("|"):
            flush()
            table_rows.append(line.strip()[1:-1].split("|"))
            continue
        if table_rows:
            flush_table()
        if line.strip().startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            run = document.add_paragraph().add_run(line)
            run.font.name = "Courier New"
            continue
        heading, bullet, numbered = _HEADING.match(line), _BULLET.match(line), _NUMBERED.match(line)
        if heading:
            flush()
            document.add_heading(heading.group(2).strip(), level=len(heading.group(1)))
        elif bullet:
            flush()
            _add_runs(document.add_paragraph(style="List Bullet"), bullet.group(1))
        elif numbered:
            flush()
            _add_runs(document.add_paragraph(style="List Number"), numbered.group(1))
        elif not line.strip():
            flush()
        else:
            paragraph_lines.append(line)
    flush()
    flush_table()
    buffer = io.BytesIO()
    document.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())
