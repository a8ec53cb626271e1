"""Exporting excerpts of aligned texts: choose (``excerpt``), render (one module per
format), write safely (``writing``).  No format needs Qt, so the command line and the
window's background jobs make every one of them alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from db.dto import ExportDocument
from db.services.export.delimited import render_csv, render_tsv
from db.services.export.docx import render_docx
from db.services.export.errors import UnknownFormatError
from db.services.export.html import render_html
from db.services.export.markdown import render_markdown
from db.services.export.pdf import render_pdf
from db.services.export.plain import render_text
from db.services.export.tmx import render_tmx
from db.services.export.writing import write_atomically

RENDERERS: dict[str, Callable[[ExportDocument], bytes]] = {
    "tmx": render_tmx,
    "tsv": render_tsv,
    "csv": render_csv,
    "html": render_html,
    "md": render_markdown,
    "txt": render_text,
    "docx": render_docx,
    "pdf": render_pdf,
}
ALL_FORMATS: tuple[str, ...] = tuple(RENDERERS)
EXTENSIONS = {"tmx": "tmx", "tsv": "tsv", "csv": "csv", "html": "html", "md": "md", "txt": "txt", "docx": "docx", "pdf": "pdf"}
FORMAT_ALIASES = {"markdown": "md", "text": "txt", "htm": "html"}


def normalise_format(fmt: str) -> str:
    fmt = FORMAT_ALIASES.get(fmt.lower().lstrip("."), fmt.lower().lstrip("."))
    if fmt not in ALL_FORMATS:
        raise UnknownFormatError(fmt, ALL_FORMATS)
    return fmt


def format_for_path(path: Path) -> str:
    """The format a file name asks for (``out.tmx`` → ``tmx``)."""
    return normalise_format(path.suffix or "?")


def render(document: ExportDocument, fmt: str) -> bytes:
    return RENDERERS[normalise_format(fmt)](document)


def export_document(document: ExportDocument, fmt: str, path: Path, *, overwrite: bool = False) -> Path:
    """Render ``document`` as ``fmt`` and write it to ``path`` atomically."""
    return write_atomically(path, render(document, fmt), overwrite=overwrite)
