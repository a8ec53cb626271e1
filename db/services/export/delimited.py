"""TSV and CSV: one row per bead under one header row, readable by any reader with no options.

``pandas.read_csv`` (CSV), ``pandas.read_table`` (TSV) and ``csv.reader`` read
the file as it is: there are no comment or citation rows above the header
(readers would take them for data or fail on their width).  Instead every row
carries its own provenance — the citation of that bead at its page (or
paragraph, said as such), each text's kind, translator, rights and the label
of a text written by Sverka's editors — so a row copied out of a spreadsheet
still says where it comes from, and Sverka's import brings all of it back (the
texts' full bibliographic records, as CSL-JSON, are on an excerpt's first row).

CSV is quoted where the ``csv`` module needs it and starts with a byte-order
mark so that Excel reads UTF-8.  TSV is quoted only where a tab or a line break
inside a cell needs it (or a cell starts with a quotation mark), so text with
quotation marks inside stays as it is.  A cell a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``) gets a leading apostrophe,
which ``unguard_cell`` removes on import.  The rows are written by the one
CSV/TSV writer, ``csv_writer``.
"""

from __future__ import annotations

import json
from dataclasses import replace

from db.dto import ExportDocument
from db.services.export.citation import bead_citation, short_label
from db.services.export.csv_writer import csv_text

SIDE_FIELDS = ("kind", "title", "author", "translator", "date", "rights", "source")
HEADER = (
    "bead", "ru", "en", "ru_page", "en_page", "ru_paragraph", "en_paragraph", "status", "citation", "label",
    *(f"{lang}_{name}" for lang in ("ru", "en") for name in SIDE_FIELDS),
    "ru_record", "en_record", "ru_notes", "en_notes",
)


def _rows(document: ExportDocument) -> list[list[str]]:
    several = len(document.excerpts) > 1
    rows: list[list[str]] = [list(HEADER) + (["excerpt"] if several else [])]
    for n, excerpt in enumerate(document.excerpts, 1):
        sides = {"ru": excerpt.ru, "en": excerpt.en}
        provenance = [str(getattr(sides[lang], name) or "") for lang in ("ru", "en") for name in SIDE_FIELDS]
        label = " | ".join(x for x in (short_label(excerpt.ru.kind), short_label(excerpt.en.kind)) if x)
        records = _records(excerpt)
        for i, b in enumerate(excerpt.beads):
            row = [
                str(b.position + 1),
                b.ru,
                b.en,
                b.ru_page or "",
                b.en_page or "",
                "" if b.ru_paragraph is None else str(b.ru_paragraph + 1),
                "" if b.en_paragraph is None else str(b.en_paragraph + 1),
                b.status,
                bead_citation(excerpt, b, document),
                label,
                *provenance,
                *(records if i == 0 else ("", "")),  # once per excerpt: Sverka's import brings them back
                _notes(b.ru_notes),
                _notes(b.en_notes),
            ]
            rows.append(row + ([excerpt.heading or str(n)] if several else []))
    return rows


def _notes(notes) -> str:  # type: ignore[no-untyped-def]
    """The notes a bead's sentences call, in one cell: "[1] text [2] text"."""
    return " ".join(f"[{n.label}] {n.text}" for n in notes)


def _records(excerpt) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The two texts' bibliographic records as CSL-JSON (written on an excerpt's first row only)."""
    if excerpt.citation is None:
        return ("", "")
    found = {side.lang: json.dumps(replace(side.record, bundled=False).to_csl(), ensure_ascii=False)
             for side in excerpt.citation.sides}
    return (found.get("ru", ""), found.get("en", ""))


def render_csv(document: ExportDocument) -> bytes:
    """Comma-separated, with a byte-order mark so that Excel reads it as UTF-8."""
    return csv_text(_rows(document), delimiter=",").encode("utf-8-sig")


def render_tsv(document: ExportDocument) -> bytes:
    return csv_text(_rows(document), delimiter="\t").encode("utf-8")
