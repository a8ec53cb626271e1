"""DOCX (python-docx): title, the labels and citation, then a three-column table per excerpt.

Laid out to open cleanly in Word and LibreOffice: the locale's paper (A4, or
Letter in the Americas) with 20 mm margins; a fixed table layout whose bead
number column is 1 cm wide and whose text columns share the rest; the header
row repeated on every page and no row split across pages where it fits (Word
splits one taller than a page anyway).  Every run carries its language
(``ru-RU`` / ``en-US``, by column in the table, by script in the citation) so
Word checks each side's spelling in its own language.  The document properties
name the user as author and Sverka as the program, not python-docx.

python-docx turns a newline in a run into a line break and a tab into a tab;
characters XML cannot hold are replaced (``xml_safe``).
"""

from __future__ import annotations

import datetime as dt
import io
import re

from db.dto import Excerpt, ExportDocument
from db.services.citing.styled import Styled
from db.services.export.citation import citation_fields, project_labels
from db.services.export.paper import SIZES_MM
from db.services.export.textsafety import xml_safe

LANGS = {"ru": "ru-RU", "en": "en-US"}
MARGIN_MM = 20.0
NUMBER_COLUMN_MM = 10.0
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A word with its trailing spaces and punctuation: the unit a language is decided for.
_WORD = re.compile(r"\S+\s*|\s+")


def _cell_text(text: str) -> str:
    # python-docx makes a line break of both \r and \n: a Windows line end is one break.
    return xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))


def _set_lang(run, tag: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = run._r.get_or_add_rPr()  # noqa: SLF001 - python-docx has no API for w:lang
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), tag)


def _add_run(paragraph, text: str, lang: str, *, bold: bool = False, italic: bool = False, colour=None):  # type: ignore[no-untyped-def]
    run = paragraph.add_run(_cell_text(text))
    run.bold = bold or None
    run.italic = italic or None
    if colour is not None:
        run.font.color.rgb = colour
    _set_lang(run, LANGS[lang])
    return run


def _script_runs(text: str, default: str) -> list[tuple[str, str]]:
    """Text cut into runs of one language: words with Cyrillic letters are Russian, other words
    ``default`` (spaces and punctuation stay with the word before them)."""
    runs: list[tuple[str, str]] = []
    for piece in _WORD.findall(text):
        lang = "ru" if _CYRILLIC.search(piece) else ("en" if re.search(r"[A-Za-z]", piece) else None)
        if lang is None:
            lang = runs[-1][1] if runs else default
        if runs and runs[-1][1] == lang:
            runs[-1] = (runs[-1][0] + piece, lang)
        else:
            runs.append((piece, lang))
    return runs


def _add_mixed(paragraph, value: Styled | str, default: str, *, bold: bool = False, colour=None) -> None:  # type: ignore[no-untyped-def]
    parts = value.parts if isinstance(value, Styled) else ((value, False),)
    for text, italic in parts:
        for piece, lang in _script_runs(text, default):
            _add_run(paragraph, piece, lang, bold=bold, italic=italic, colour=colour)


def _row_properties(row, *, header: bool) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()  # noqa: SLF001
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _fixed_layout(table, widths) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table.autofit = False
    tbl_pr = table._tbl.tblPr  # noqa: SLF001
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, width in zip(table.columns, widths):
        col.width = width


def _table(doc, excerpt: Excerpt, widths, doc_lang: str) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    _fixed_layout(table, widths)
    head = table.rows[0]
    _row_properties(head, header=True)
    for cell, (text, lang) in zip(head.cells, (("#", doc_lang), ("Русский", "ru"), ("English", "en"))):
        _add_run(cell.paragraphs[0], text, lang, bold=True)
    for b in excerpt.beads:
        row = table.add_row()
        _row_properties(row, header=False)
        number, ru, en = row.cells
        run = _add_run(number.paragraphs[0], str(b.position + 1), doc_lang)
        run.font.size = Pt(8)
        number.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _add_run(ru.paragraphs[0], b.ru, "ru")
        _add_run(en.paragraphs[0], b.en, "en")
        for cell, notes, lang in ((ru, b.ru_notes, "ru"), (en, b.en_notes, "en")):
            for n in notes:  # the notes the bead's sentences call, smaller, under its text
                paragraph = cell.add_paragraph()
                label = _add_run(paragraph, n.label + " ", lang)
                label.font.superscript = True
                label.font.size = Pt(7)
                _add_run(paragraph, n.text, lang).font.size = Pt(8)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def render_docx(document: ExportDocument) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt, RGBColor

    doc_lang = "ru" if document.style == "gost" else "en"
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    width_mm, height_mm = SIZES_MM.get(document.paper, SIZES_MM["a4"])
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    text_mm = width_mm - 2 * MARGIN_MM
    widths = (Mm(NUMBER_COLUMN_MM), Mm((text_mm - NUMBER_COLUMN_MM) / 2), Mm((text_mm - NUMBER_COLUMN_MM) / 2))
    doc.styles["Normal"].font.size = Pt(10)

    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    props = doc.core_properties
    props.title = xml_safe(document.title)[:255]
    props.author = xml_safe(document.author)[:255]
    props.last_modified_by = xml_safe(document.author)[:255]
    props.comments = "Exported from Sverka"
    props.subject = xml_safe(", ".join(dict.fromkeys(e.work_title for e in document.excerpts)))[:255]
    props.language = "en-US" if doc_lang == "en" else "ru-RU"
    props.keywords = "Sverka"
    props.created = props.modified = now
    props.revision = 1

    _add_mixed(doc.add_heading(level=1), document.title, doc_lang)
    several = len(document.excerpts) > 1
    for excerpt in document.excerpts:
        if several or excerpt.heading:
            _add_mixed(doc.add_heading(level=2), excerpt.heading or excerpt.work_title, doc_lang)
        for label in project_labels(excerpt):
            for wording, lang in ((label.en, "en"), (label.ru, "ru")):
                p = doc.add_paragraph()
                p.paragraph_format.keep_with_next = True
                _add_run(p, wording, lang, bold=True, colour=RGBColor(0xB3, 0x26, 0x1E))
        for name, value in citation_fields(excerpt, document):
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(3)
            _add_mixed(p, name + ": ", doc_lang, bold=True)
            _add_mixed(p, value, doc_lang)
        _table(doc, excerpt, widths, doc_lang)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
