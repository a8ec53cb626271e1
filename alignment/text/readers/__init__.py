"""Readers of book formats: PDF, EPUB, DOCX, ODT, FB2 (and FB2.ZIP).

One small module per format, all returning a ``CleanDocument`` built with
``BookBuilder`` (``book.py``): body blocks in reading order with their printed
page labels, then the notes, each linked to its calls by a key.  Archives are
opened through ``safezip`` and XML parsed through ``safexml`` only.
"""

from __future__ import annotations

from pathlib import Path

from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from alignment.text.document import CleanDocument

BOOK_FORMATS = {"PDF": "pdf", "EPUB": "epub", "DOCX": "docx", "ODT": "odt", "FB2": "fb2", "FB2 (zipped)": "fb2"}
"""Names ``sniff_document_format`` gives -> the reader's format name."""


def read_book(
    data: bytes,
    format_name: str,
    *,
    path: Path | None = None,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> CleanDocument:
    """The document of a book file whose format was sniffed as ``format_name``."""
    progress = progress or NullProgress()
    fmt = BOOK_FORMATS[format_name]
    if fmt == "pdf":
        from alignment.text.readers.pdf import read_pdf

        return read_pdf(data, path=path, progress=progress, cancel=cancel)
    if fmt == "epub":
        from alignment.text.readers.epub import read_epub

        return read_epub(data, path=path, progress=progress, cancel=cancel)
    if fmt == "docx":
        from alignment.text.readers.docx import read_docx

        return read_docx(data, path=path)
    if fmt == "odt":
        from alignment.text.readers.odt import read_odt

        return read_odt(data, path=path)
    from alignment.text.readers.fb2 import read_fb2

    return read_fb2(data, path=path, zipped=format_name == "FB2 (zipped)")
