"""DOCX (Word 2007+) to a book: headings from styles, paragraphs, footnotes and
endnotes from their package parts, tables flattened one row per paragraph.

The package is read directly (``safezip`` + ``safexml``) rather than through
python-docx, which does not read footnotes or endnotes.  Word files have no
printed pages (pagination is the viewer's), so no page labels are kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from alignment.text.decode import normalize_text
from alignment.text.document import CleanDocument, DocumentMetadata
from alignment.text.errors import DamagedFileError, EmptyFileError
from alignment.text.readers.book import BookBuilder, make_document
from alignment.text.readers.names import split_people
from alignment.text.readers.safexml import local, parse_xml
from alignment.text.readers.safezip import SafeZip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|заголовок|überschrift|titre)\s*(\d)$", re.I)
_QUOTE_STYLE = re.compile(r"quote|цитата|block ?text", re.I)
_EPIGRAPH_STYLE = re.compile(r"epigraph|эпиграф", re.I)
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def read_docx(data: bytes, *, path: Path | None = None) -> CleanDocument:
    archive = SafeZip(data, format_name="DOCX", path=path)
    main = archive.find("word/document.xml")
    if main is None:
        raise DamagedFileError(path, "DOCX", "word/document.xml is missing")
    document = parse_xml(archive.read(main), format_name="DOCX", part=main, path=path)
    styles = _styles(archive, path)
    notes = {kind: _notes(archive, f"word/{kind}s.xml", kind, path) for kind in ("footnote", "endnote")}
    reader = _Reader(styles, notes)
    body = document.find(f"{W}body")
    if body is None:
        raise EmptyFileError(path)
    reader.container(body)
    blocks = reader.b.finish()
    if not any(b.kind != "note" for b in blocks):
        raise EmptyFileError(path, after_cleaning=True)
    return make_document(blocks, source_format="docx", metadata=_core(archive, path))


def _styles(archive: SafeZip, path: Path | None) -> dict[str, tuple[str, int | None]]:
    """style id -> (style name, outline level 1-9 or None)."""
    name = archive.find("word/styles.xml")
    if name is None:
        return {}
    root = parse_xml(archive.read(name), format_name="DOCX", part=name, path=path)
    out = {}
    for style in root.iter(f"{W}style"):
        sid = style.get(f"{W}styleId", "")
        nm = style.find(f"{W}name")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        level = int(outline.get(f"{W}val", "9")) + 1 if outline is not None else None
        out[sid] = ((nm.get(f"{W}val", "") if nm is not None else sid), level if level and level <= 6 else None)
    return out


def _notes(archive: SafeZip, part: str, kind: str, path: Path | None) -> dict[str, etree._Element]:
    name = archive.find(part)
    if name is None:
        return {}
    root = parse_xml(archive.read(name), format_name="DOCX", part=name, path=path)
    return {n.get(f"{W}id", ""): n for n in root.iter(f"{W}{kind}") if n.get(f"{W}type") in (None, "normal")}


class _Reader:
    def __init__(self, styles: dict[str, tuple[str, int | None]], notes: dict[str, dict[str, etree._Element]]) -> None:
        self.b = BookBuilder()
        self.styles = styles
        self.notes = notes
        self.counts = {"footnote": 0, "endnote": 0}

    def container(self, el: etree._Element) -> None:
        for child in el:
            tag = local(child.tag)
            if tag == "p":
                self.paragraph(child)
            elif tag == "tbl":
                self.table(child)
            elif tag in ("sdt", "sdtContent", "customXml", "ins", "smartTag"):
                self.container(child)

    def paragraph(self, p: etree._Element) -> None:
        style = p.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val", "") if style is not None else ""
        name, outline = self.styles.get(style_id, (style_id, None))
        direct = p.find(f"{W}pPr/{W}outlineLvl")
        if direct is not None:
            outline = int(direct.get(f"{W}val", "9")) + 1
            outline = outline if outline <= 6 else None
        self.inline(p)
        m = _HEADING_STYLE.match(name.strip())
        if m or outline or name.strip().lower() in ("title", "заголовок"):
            self.b.end("heading", int(m.group(1)) if m else (outline or 1))
        elif _EPIGRAPH_STYLE.search(name):
            self.b.end("epigraph")
        elif _QUOTE_STYLE.search(name):
            self.b.end("quote")
        else:
            self.b.end()

    def inline(self, el: etree._Element) -> None:
        for child in el:
            tag = local(child.tag)
            if tag == "r":
                self.run(child)
            elif tag in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml"):
                self.inline(child)
            elif tag == "del" or tag == "pPr":
                continue

    def run(self, r: etree._Element) -> None:
        for child in r:
            tag = local(child.tag)
            if tag == "t":
                self.b.text(child.text or "")
            elif tag in ("tab", "br", "cr"):
                self.b.text(" ")
            elif tag == "noBreakHyphen":
                self.b.text("-")
            elif tag in ("footnoteReference", "endnoteReference"):
                kind = tag[: -len("Reference")]
                nid = child.get(f"{W}id", "")
                note = self.notes[kind].get(nid)
                self.counts[kind] += 1
                label = str(self.counts[kind]) if kind == "footnote" else _roman(self.counts[kind])
                if child.get(f"{W}customMarkFollows") in ("1", "true"):
                    label = "*"
                key = f"{kind}-{nid}"
                if note is not None:
                    self.b.add_note(key, label, _plain_text(note))
                self.b.call(label, key if note is not None else None)

    def table(self, tbl: etree._Element) -> None:
        self.b.end()
        for row in tbl.iter(f"{W}tr"):
            cells = [" ".join(_plain_text(c).split()) for c in row if local(c.tag) == "tc"]
            cells = [c for c in cells if c]
            if cells:
                self.b.text(" | ".join(cells))
                self.b.end("table")


def _plain_text(el: etree._Element) -> str:
    """The text of a note or cell: runs, tabs and breaks, paragraphs joined by spaces."""
    parts: list[str] = []
    for node in el.iter():
        tag = local(node.tag)
        if tag == "t":
            parts.append(node.text or "")
        elif tag in ("tab", "br", "p"):
            parts.append(" ")
        elif tag == "delText":
            continue
    return normalize_text(" ".join("".join(parts).split()))


def _core(archive: SafeZip, path: Path | None) -> DocumentMetadata:
    name = archive.find("docProps/core.xml")
    if name is None:
        return DocumentMetadata()
    root = parse_xml(archive.read(name), format_name="DOCX", part=name, path=path)
    values = {local(el.tag): normalize_text(el.text or "").strip() for el in root.iter() if (el.text or "").strip()}
    created = values.get("created", "")
    return DocumentMetadata(
        title=values.get("title", ""),
        authors=split_people(values.get("creator", "")),
        language=values.get("language", "").split("-")[0].lower(),
        date=created[:4] if re.match(r"\d{4}", created) else "",
        description="" if "python-docx" in values.get("description", "") else values.get("description", ""),
    )
