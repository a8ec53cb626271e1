"""DOCX (python-docx): title, the labels and citation, then a two-column table per excerpt.

python-docx turns a newline in a run into a line break and a tab into a tab;
characters XML cannot hold are replaced (``xml_safe``).
"""

from __future__ import annotations

import io

from db.dto import ExportDocument
from db.services.export.citation import citation_fields, project_labels
from db.services.export.textsafety import xml_safe


def _cell_text(text: str) -> str:
    # python-docx makes a line break of both \r and \n: a Windows line end is one break.
    return xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))


def render_docx(document: ExportDocument) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = xml_safe(document.title)[:255]
    doc.add_heading(xml_safe(document.title), level=1)
    several = len(document.excerpts) > 1
    for excerpt in document.excerpts:
        if several or excerpt.heading:
            doc.add_heading(xml_safe(excerpt.heading or excerpt.work_title), level=2)
        for label in project_labels(excerpt):
            for wording in (label.en, label.ru):
                run = doc.add_paragraph().add_run(xml_safe(wording))
                run.bold = True
                run.font.color.rgb = RGBColor(0xB3, 0x26, 0x1E)
        for name, value in citation_fields(excerpt, document):
            p = doc.add_paragraph()
            p.add_run(xml_safe(name) + ": ").bold = True
            p.add_run(xml_safe(value))
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        head = table.rows[0].cells
        head[0].text, head[1].text, head[2].text = "#", "Русский", "English"
        for b in excerpt.beads:
            cells = table.add_row().cells
            cells[0].text = str(b.position + 1)
            cells[1].text = _cell_text(b.ru)
            cells[2].text = _cell_text(b.en)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
