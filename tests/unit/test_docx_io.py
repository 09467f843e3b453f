"""Word import: what Word itself writes into a document must never stop it from opening."""

from __future__ import annotations

from pathlib import Path

import docx
from lxml import etree

from app.store.docx_io import import_docx


def test_xml_comments_in_the_body_and_in_tables_are_skipped(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_heading("Minutes", level=1)
    table = word.add_table(rows=2, cols=2)
    for r, row in enumerate([["Item", "Cost"], ["Harbour", "12"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    word.add_paragraph("Approved on Tuesday.")
    body = word.element.body
    body.insert(1, etree.Comment(" written by Word "))
    table._tbl.insert(0, etree.Comment(" table properties follow "))
    body.insert(2, etree.ProcessingInstruction("mso-application", 'progid="Word.Document"'))
    path = tmp_path / "minutes.docx"
    word.save(str(path))
    assert import_docx(path) == (
        "# Minutes\n\n| Item | Cost |\n| --- | --- |\n| Harbour | 12 |\n\nApproved on Tuesday.\n"
    )
