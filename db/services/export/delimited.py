"""TSV and CSV: UTF-8, one row per bead, quoted so that any sentence survives a spreadsheet.

Layout: citation rows (first cell ``#``), an empty row, the header
``bead, ru, en, ru_paragraph, en_paragraph`` and one row per bead.  The
``csv`` module quotes commas, quotes, tabs and newlines.  A cell a spreadsheet
would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) gets a
leading apostrophe, which ``unguard_cell`` removes on import.
"""

from __future__ import annotations

import csv
import io

from db.dto import ExportDocument
from db.services.export.citation import citation_fields, project_labels

HEADER = ("bead", "ru", "en", "ru_paragraph", "en_paragraph")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def guard_cell(value: str) -> str:
    return GUARD + value if value.startswith(_FORMULA_START) else value


def unguard_cell(value: str) -> str:
    if value.startswith(GUARD) and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


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
    return [[guard_cell(c) for c in row] for row in rows]


def _render(document: ExportDocument, delimiter: str, encoding: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerows(_rows(document))
    return buffer.getvalue().encode(encoding)


def render_csv(document: ExportDocument) -> bytes:
    """Comma-separated, with a byte-order mark so that Excel reads it as UTF-8."""
    return _render(document, ",", "utf-8-sig")


def render_tsv(document: ExportDocument) -> bytes:
    return _render(document, "\t", "utf-8")
