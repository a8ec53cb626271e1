"""The one writer of CSV and TSV in Sverka (text exports, the glossary export).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a
tab or carriage return) as a formula: ``=HYPERLINK(…)`` in a shared file is an
attack on whoever opens it.  Every cell written here gets a leading apostrophe
in that case; ``unguard_cell`` takes it off again when Sverka reads its own
files back.  The ``csv`` module quotes commas, quotes, tabs and newlines in CSV.
TSV is quoted only where a tab or a line break inside a cell needs it (or a
cell starts with a quotation mark, which a reader would take for quoting), so a
sentence with quotation marks inside stays as it is for tools that split on tabs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def guard_cell(value: str) -> str:
    return GUARD + value if value.startswith(_FORMULA_START) else value


def unguard_cell(value: str) -> str:
    if value.startswith(GUARD) and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def _tsv_cell(value: str) -> str:
    if any(c in value for c in "\t\n\r") or value.startswith('"'):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_text(rows: Iterable[Sequence[object]], *, delimiter: str = ",", lineterminator: str = "\r\n") -> str:
    """Rows as CSV (or TSV) text, every cell guarded against formula injection."""
    if delimiter == "\t":
        return "".join(
            "\t".join(_tsv_cell(guard_cell("" if cell is None else str(cell))) for cell in row) + lineterminator
            for row in rows
        )
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator=lineterminator)
    for row in rows:
        writer.writerow([guard_cell("" if cell is None else str(cell)) for cell in row])
    return buffer.getvalue()
