"""PDF export: the HTML export laid out by ``QTextDocument`` and printed with ``QPdfWriter``.

Works from the command line too: when no Qt application exists yet, a
``QGuiApplication`` is created on demand on the offscreen platform (no display
needed).  The file is written atomically and never over an existing file
unless ``overwrite`` is true (see ``db.services.export.writing``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from db.dto import ExportDocument
from db.services.export.html import render_html
from db.services.export.writing import write_atomically

log = logging.getLogger(__name__)

RESOLUTION_DPI = 300
BODY_FONT_PT = 10
_app: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new offscreen one (kept for the process's life)."""
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    _app = QGuiApplication(["sverka", "-platform", "offscreen"])
    return _app


def render_pdf(document: ExportDocument) -> bytes:
    """The document as PDF bytes (A4 portrait, 15 mm margins, page numbers left to the viewer)."""
    ensure_gui_application()
    text_document = QTextDocument()
    font = QFont("DejaVu Serif")
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSize(BODY_FONT_PT)
    text_document.setDefaultFont(font)
    text_document.setHtml(render_html(document, for_qt=True).decode("utf-8"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(document.title)
    writer.setCreator("Sverka")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    # Without a page size of its own, print_() paginates on the writer's page
    # and scales from screen to printer resolution, so point sizes stay true.
    text_document.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())


def write_pdf(document: ExportDocument, path: Path, *, overwrite: bool = False) -> Path:
    return write_atomically(path, render_pdf(document), overwrite=overwrite)
