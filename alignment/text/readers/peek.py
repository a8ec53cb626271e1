"""What a book file says about itself, read without reading the book (for the import dialog)."""

from __future__ import annotations

import io
from pathlib import Path

from alignment.text.decode import sniff_document_format
from alignment.text.document import DocumentMetadata
from alignment.text.errors import MAX_TEXT_BYTES, TextImportError
from alignment.text.readers import BOOK_FORMATS
from alignment.text.source_file import read_source_bytes


def peek_metadata(path: Path) -> DocumentMetadata | None:
    """The file's own metadata, or None for a plain text (or a file that cannot be read: the import will say why)."""
    try:
        data = read_source_bytes(Path(path), MAX_TEXT_BYTES)
        fmt = BOOK_FORMATS.get(sniff_document_format(data) or "")
        if fmt is None:
            return None
        if fmt == "pdf":
            from pdfminer.pdfdocument import PDFDocument
            from pdfminer.pdfparser import PDFParser

            from alignment.text.readers.pdf import _metadata

            return _metadata(PDFDocument(PDFParser(io.BytesIO(data))))
        from alignment.text.readers.safexml import local, parse_xml
        from alignment.text.readers.safezip import SafeZip

        if fmt == "fb2":
            from alignment.text.readers.fb2 import _metadata as fb2_metadata

            if sniff_document_format(data) == "FB2 (zipped)":
                archive = SafeZip(data, format_name="FB2", path=path)
                member = next(n for n in archive.names() if n.lower().endswith(".fb2"))
                data = archive.read(member)
            return fb2_metadata(parse_xml(data, format_name="FB2", path=path))
        if fmt == "epub":
            from alignment.text.readers.epub import _metadata as epub_metadata, _rootfile

            archive = SafeZip(data, format_name="EPUB", path=path)
            return epub_metadata(parse_xml(archive.read(_rootfile(archive, path)), format_name="EPUB", path=path))
        archive = SafeZip(data, format_name=fmt.upper(), path=path)
        if fmt == "docx":
            from alignment.text.readers.docx import _core

            return _core(archive, path)
        from alignment.text.readers.odt import _meta

        del local
        return _meta(archive, path)
    except (TextImportError, Exception):  # noqa: BLE001 - a peek never fails the dialog
        return None
