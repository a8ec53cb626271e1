"""PDF (ReportLab): the same layout as the DOCX, set in an embedded serif font.

Why ReportLab rather than Qt's printer: Qt writes every glyph at its own
position and no space characters, so copying or searching the PDF finds
``Этими\\tотношениями`` or nothing; ReportLab writes the words with real spaces
and no ligatures (it does not shape text), so what is copied is what is
printed.  It also keeps table rows whole across page breaks (a row taller than
a page is split inside), repeats the header row, and keeps headings, labels and
citation lines with what follows them.  The page is the locale's (A4 or Letter)
with 20 mm margins; the title, author and language are in the PDF's metadata.
No Qt is needed, so the command line and the window make PDFs alike.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from xml.sax.saxutils import escape

from db.dto import Excerpt, ExportDocument
from db.services.citing.styled import Styled
from db.services.export.citation import citation_fields, project_labels
from db.services.export.fonts import FontFiles, find_serif_font
from db.services.export.paper import SIZES_MM
from db.services.export.textsafety import xml_safe

MARGIN_MM = 20.0
NUMBER_COLUMN_MM = 10.0
BODY_PT = 9.5
FAMILY = "SverkaSerif"
LANG_TAGS = {"en": "en-US", "ru": "ru-RU"}
# Characters ReportLab's paragraph parser would read as markup are escaped; control
# characters a PDF string cannot show are dropped by xml_safe (replaced by U+FFFD).
_SPACES = re.compile(r" {2,}")


@lru_cache(maxsize=1)
def _register_fonts() -> FontFiles:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = find_serif_font()
    faces = (("", files.regular, 0, 0), ("-Bold", files.bold, 1, 0), ("-Italic", files.italic, 0, 1),
             ("-BoldItalic", files.bold_italic, 1, 1))
    for suffix, path, bold, italic in faces:
        pdfmetrics.registerFont(TTFont(FAMILY + suffix, str(path)))
        addMapping(FAMILY, bold, italic, FAMILY + suffix)
    return files


def _markup(text: str) -> str:
    """Plain text as ReportLab paragraph markup: escaped, line breaks kept, runs of spaces kept."""
    text = escape(xml_safe(text.replace("\r\n", "\n").replace("\r", "\n")))
    text = _SPACES.sub(lambda m: " " + "&nbsp;" * (len(m.group(0)) - 1), text)
    return text.replace("\n", "<br/>").replace("\t", "&nbsp;&nbsp;&nbsp;&nbsp;")


def _styled(value: Styled) -> str:
    return "".join(f"<i>{_markup(t)}</i>" if italic else _markup(t) for t, italic in value.parts)


def _styles():  # type: ignore[no-untyped-def]
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FAMILY, fontSize=BODY_PT, leading=BODY_PT * 1.3)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=FAMILY + "-Bold", fontSize=15, leading=19,
                                spaceAfter=8, keepWithNext=1),
        "heading": ParagraphStyle("heading", parent=base, fontName=FAMILY + "-Bold", fontSize=12, leading=15,
                                  spaceBefore=12, spaceAfter=4, keepWithNext=1),
        "label": ParagraphStyle("label", parent=base, fontName=FAMILY + "-Bold", textColor=colors.HexColor("#7a1712"),
                                backColor=colors.HexColor("#fdecea"), borderColor=colors.HexColor("#b3261e"),
                                borderWidth=1, borderPadding=4, spaceBefore=4, spaceAfter=8, keepWithNext=1),
        "field": ParagraphStyle("field", parent=base, fontSize=8.5, leading=11, spaceAfter=2, leftIndent=10,
                                firstLineIndent=-10),
        "cell": base,
        "note": ParagraphStyle("note", parent=base, fontSize=BODY_PT * 0.8, leading=BODY_PT * 1.0,
                               textColor=colors.HexColor("#444444"), spaceBefore=2),
        "number": ParagraphStyle("number", parent=base, fontSize=7.5, textColor=colors.HexColor("#777777"),
                                 alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=base, fontName=FAMILY + "-Bold"),
    }


def _cell(text: str, notes, styles):  # type: ignore[no-untyped-def]
    """A bead's text, and under it the notes its sentences call (smaller, with their labels)."""
    from reportlab.platypus import Paragraph

    main = Paragraph(_markup(text) or "—", styles["cell"])
    if not notes:
        return main
    return [main, *(Paragraph(f"<super>{_markup(n.label)}</super> {_markup(n.text)}", styles["note"]) for n in notes)]


def _citation_block(excerpt: Excerpt, document: ExportDocument, styles) -> list:  # type: ignore[no-untyped-def]
    from reportlab.platypus import KeepTogether, Paragraph

    out: list = []
    for label in project_labels(excerpt):
        out.append(Paragraph(_markup(label.en), styles["label"]))
        out.append(Paragraph(_markup(label.ru), styles["label"]))
    fields = [Paragraph(f"<b>{_markup(name)}:</b> {_styled(value)}", styles["field"])
              for name, value in citation_fields(excerpt, document)]
    # The block is short: kept on one page, so no field name is left at the foot of a page.
    out.append(KeepTogether(fields))
    return out


def _table(excerpt: Excerpt, width_pt: float, height_pt: float, styles):  # type: ignore[no-untyped-def]
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    number_w = NUMBER_COLUMN_MM * mm
    text_w = (width_pt - number_w) / 2
    rows = [[Paragraph("#", styles["head"]), Paragraph("Русский", styles["head"]), Paragraph("English", styles["head"])]]
    for b in excerpt.beads:
        rows.append([
            Paragraph(str(b.position + 1), styles["number"]),
            _cell(b.ru, b.ru_notes, styles),
            _cell(b.en, b.en_notes, styles),
        ])
    # Rows stay whole across page breaks.  ReportLab's in-row splitting, once allowed, also
    # splits rows that would fit on the next page, so it is allowed only for a table that has
    # a row taller than a page (which must be split somewhere).
    padding = 7 + 2 * BODY_PT
    def height(cell) -> float:  # type: ignore[no-untyped-def]
        parts = cell if isinstance(cell, list) else [cell]
        return sum(p.wrap(text_w - 8, height_pt)[1] for p in parts)

    tallest = max((max(height(c) for c in row[1:]) for row in rows[1:]), default=0)
    split_in_row = 1 if tallest + padding > height_pt - 30 else 0
    table = Table(rows, colWidths=[number_w, text_w, text_w], repeatRows=1, splitByRow=1, splitInRow=split_in_row,
                  spaceBefore=6)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.HexColor("#444444")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.HexColor("#cccccc")),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def render_pdf(document: ExportDocument) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    _register_fonts()
    styles = _styles()
    width_mm, height_mm = SIZES_MM.get(document.paper, SIZES_MM["a4"])
    lang = "ru" if document.style == "gost" else "en"
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=(width_mm * mm, height_mm * mm),
        leftMargin=MARGIN_MM * mm, rightMargin=MARGIN_MM * mm, topMargin=MARGIN_MM * mm, bottomMargin=MARGIN_MM * mm,
        title=xml_safe(document.title), author=xml_safe(document.author), creator="Sverka", producer="Sverka (ReportLab)",
        subject=xml_safe(", ".join(dict.fromkeys(e.work_title for e in document.excerpts))),
        lang=LANG_TAGS[lang], invariant=False,
    )
    story: list = [Paragraph(_markup(document.title), styles["title"])]
    several = len(document.excerpts) > 1
    for excerpt in document.excerpts:
        if several or excerpt.heading:
            story.append(Paragraph(_markup(excerpt.heading or excerpt.work_title), styles["heading"]))
        story += _citation_block(excerpt, document, styles)
        story.append(_table(excerpt, doc.width, doc.height, styles))

    def footer(canvas, _doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(FAMILY, 7.5)
        canvas.drawRightString(doc.leftMargin + doc.width, MARGIN_MM * mm / 2, str(canvas.getPageNumber()))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
