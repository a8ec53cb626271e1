"""ODT (OpenDocument text) to a book: headings (``text:h``), paragraphs, lists,
tables flattened one row per paragraph, and ``text:note`` foot- and endnotes."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from alignment.text.decode import normalize_text
from alignment.text.document import CleanDocument, DocumentMetadata
from alignment.text.errors import DamagedFileError, EmptyFileError
from alignment.text.readers.book import BookBuilder, make_document
from alignment.text.readers.names import split_people
from alignment.text.readers.safexml import attr, local, parse_xml
from alignment.text.readers.safezip import SafeZip

_QUOTE_STYLE = re.compile(r"quot|цитат", re.I)


def read_odt(data: bytes, *, path: Path | None = None) -> CleanDocument:
    archive = SafeZip(data, format_name="ODT", path=path)
    content = archive.find("content.xml")
    if content is None:
        raise DamagedFileError(path, "ODT", "content.xml is missing")
    root = parse_xml(archive.read(content), format_name="ODT", part=content, path=path)
    text = next((el for el in root.iter() if local(el.tag) == "text" and local(el.getparent().tag) == "body"), None) if len(root) else None
    if text is None:
        raise EmptyFileError(path)
    reader = _Reader()
    reader.container(text)
    blocks = reader.b.finish()
    if not any(b.kind != "note" for b in blocks):
        raise EmptyFileError(path, after_cleaning=True)
    return make_document(blocks, source_format="odt", metadata=_meta(archive, path))


class _Reader:
    def __init__(self) -> None:
        self.b = BookBuilder()

    def container(self, el: etree._Element) -> None:
        for child in el:
            tag = local(child.tag)
            if tag == "h":
                self.inline(child)
                self.b.end("heading", int(attr(child, "outline-level") or 1))
            elif tag == "p":
                self.inline(child)
                self.b.end("quote" if _QUOTE_STYLE.search(attr(child, "style-name")) else "body")
            elif tag in ("list", "list-item", "list-header", "section", "index-body", "table-of-content"):
                if tag == "table-of-content":
                    continue  # a generated table of contents is not text
                self.container(child)
            elif tag == "table":
                self.table(child)

    def inline(self, el: etree._Element) -> None:
        if el.text:
            self.b.text(el.text)
        for child in el:
            tag = local(child.tag)
            if tag == "s":
                self.b.text(" " * int(attr(child, "c") or 1))
            elif tag in ("tab", "line-break"):
                self.b.text(" ")
            elif tag == "note":
                citation = next((c for c in child if local(c.tag) == "note-citation"), None)
                body = next((c for c in child if local(c.tag) == "note-body"), None)
                label = "".join(citation.itertext()).strip() if citation is not None else "*"
                key = f"note-{attr(child, 'id') or self.b.new_key()}"
                if body is not None:
                    self.b.add_note(key, label, " ".join("".join(body.itertext()).split()))
                self.b.call(label, key if body is not None else None)
            elif tag in ("span", "a", "bookmark-ref", "reference-ref", "sequence", "date", "author-name", "title", "chapter", "page-number"):
                self.inline(child)
            if child.tail:
                self.b.text(child.tail)

    def table(self, table: etree._Element) -> None:
        self.b.end()
        for row in table.iter():
            if local(row.tag) != "table-row":
                continue
            cells = [" ".join("".join(c.itertext()).split()) for c in row if local(c.tag) == "table-cell"]
            cells = [c for c in cells if c]
            if cells:
                self.b.text(" | ".join(cells))
                self.b.end("table")


def _meta(archive: SafeZip, path: Path | None) -> DocumentMetadata:
    name = archive.find("meta.xml")
    if name is None:
        return DocumentMetadata()
    root = parse_xml(archive.read(name), format_name="ODT", part=name, path=path)
    values = {local(el.tag): normalize_text(el.text or "").strip() for el in root.iter() if (el.text or "").strip()}
    date = values.get("date", "") or values.get("creation-date", "")
    return DocumentMetadata(
        title=values.get("title", ""),
        authors=split_people(values.get("initial-creator", "") or values.get("creator", "")),
        language=values.get("language", "").split("-")[0].lower(),
        date=date[:4] if re.match(r"\d{4}", date) else "",
        description=values.get("description", "") or values.get("subject", ""),
    )
