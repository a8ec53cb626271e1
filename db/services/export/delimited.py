"""TSV and CSV: UTF-8, one row per bead, quoted so that any sentence survives a spreadsheet.

Layout: citation rows (first cell ``#``), an empty row, the header
``bead, ru, en, ru_paragraph, en_paragraph`` and one row per bead.  Written by
the one CSV writer (``csv_writer``), which quotes and guards every cell.
"""

from __future__ import annotations

from db.dto import ExportDocument
from db.services.export.citation import citation_fields, project_labels
from db.services.export.csv_writer import csv_text

HEADER = ("bead", "ru", "en", "ru_paragraph", "en_paragraph")


def _rows(document: ExportDocument) -> list[list[str]]:
    several = len(document.excerpts) > 1
    rows: list[list[str]] = [["#", "Title", document.title]]
    for n, excerpt in enumerate(document.excerpts, 1):
        prefix = f"Excerpt {n}: " if several else ""
        for label in project_labels(excerpt):
            rows.append(["#", prefix + "NOTE", label.en])
            rows.append(["#", prefix + "ВНИМАНИЕ", label.ru])
        rows += [["#", prefix + name, value] for name, value in citation_fields(excerpt, document)]
    rows.append([])
    rows.append(list(HEADER) + (["excerpt"] if several else []))
    for n, excerpt in enumerate(document.excerpts, 1):
        for b in excerpt.beads:
            row = [
                str(b.position + 1),
                b.ru,
                b.en,
                "" if b.ru_paragraph is None else str(b.ru_paragraph + 1),
                "" if b.en_paragraph is None else str(b.en_paragraph + 1),
            ]
            rows.append(row + ([str(n)] if several else []))
    return rows


def _render(document: ExportDocument, delimiter: str, encoding: str) -> bytes:
    return csv_text(_rows(document), delimiter=delimiter).encode(encoding)


def render_csv(document: ExportDocument) -> bytes:
    """Comma-separated, with a byte-order mark so that Excel reads it as UTF-8."""
    return _render(document, ",", "utf-8-sig")


def render_tsv(document: ExportDocument) -> bytes:
    return _render(document, "\t", "utf-8")
