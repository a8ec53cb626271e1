"""FictionBook 2 (FB2, and FB2 inside a zip) to a book.

Sections and their titles become headings (level by nesting), ``epigraph``
and ``cite`` keep their kinds (epigraph, quote), poems are verse, tables are
flattened; ``<a type="note" l:href="#n1">`` calls are linked to the sections
of ``<body name="notes">`` (or "comments").  The encoding comes from the XML
declaration (old Russian files are windows-1251), which lxml honours.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from alignment.text.decode import normalize_text
from alignment.text.document import CleanDocument, DocumentMetadata, Person
from alignment.text.errors import DamagedFileError, EmptyFileError
from alignment.text.readers.book import BookBuilder, make_document
from alignment.text.readers.safexml import attr, local, parse_xml
from alignment.text.readers.safezip import SafeZip

_NOTE_BODIES = ("notes", "comments", "footnotes")
_LABEL = re.compile(r"^\s*[\[{(]?\s*([^\]})]{1,6}?)\s*[\]})]?\s*$")


def read_fb2(data: bytes, *, path: Path | None = None, zipped: bool = False) -> CleanDocument:
    if zipped:
        archive = SafeZip(data, format_name="FB2", path=path)
        member = next((n for n in archive.names() if n.lower().endswith(".fb2")), None)
        if member is None:
            raise DamagedFileError(path, "FB2", "the archive holds no .fb2 file")
        data = archive.read(member)
    root = parse_xml(data, format_name="FB2", path=path)
    if local(root.tag) != "FictionBook":
        raise DamagedFileError(path, "FB2", "its root element is not FictionBook")
    bodies = [el for el in root if local(el.tag) == "body"]
    notes_bodies = [b for b in bodies if (b.get("name") or "").lower() in _NOTE_BODIES]
    main = [b for b in bodies if b not in notes_bodies]
    if not main:
        raise EmptyFileError(path)
    b = BookBuilder()
    note_ids: dict[str, tuple[str, str]] = {}  # id -> (label, text)
    for body in notes_bodies:
        for section in body.iter():
            if local(section.tag) == "section" and section.get("id"):
                title = next((c for c in section if local(c.tag) == "title"), None)
                label = " ".join("".join(title.itertext()).split()) if title is not None else ""
                text = " ".join(" ".join(" ".join(c.itertext()) for c in section if local(c.tag) not in ("title", "section")).split())
                note_ids[section.get("id", "")] = (label, normalize_text(text))
    walker = _Walker(b, note_ids)
    for body in main:
        walker.body(body)
    blocks = b.finish()
    if not any(x.kind != "note" for x in blocks):
        raise EmptyFileError(path, after_cleaning=True)
    return make_document(blocks, source_format="fb2", metadata=_metadata(root), encoding=_declared(data))


def _declared(data: bytes) -> str:
    m = re.match(rb"\s*<\?xml[^>]*encoding=[\"']([\w.-]+)", data[:200])
    return m.group(1).decode("ascii").lower() if m else "utf-8"


class _Walker:
    def __init__(self, b: BookBuilder, notes: dict[str, tuple[str, str]]) -> None:
        self.b = b
        self.notes = notes

    def body(self, body: etree._Element) -> None:
        has_title = any(local(c.tag) == "title" for c in body)
        for child in body:
            self.block(child, depth=0 if has_title else -1)
        self.b.end()

    def block(self, el: etree._Element, depth: int) -> None:
        tag = local(el.tag)
        level = max(1, min(6, depth + 1))
        if tag == "section":
            for child in el:
                self.block(child, depth + 1)
        elif tag == "title":
            paragraphs = [c for c in el if local(c.tag) == "p"] or [el]
            for i, p in enumerate(paragraphs):
                if i:
                    self.b.text(". " if not self.b.open_text.rstrip().endswith((".", "!", "?", ":")) else " ")
                self.inline(p)
            self.b.end("heading", level)
        elif tag == "subtitle":
            self.inline(el)
            self.b.end("heading", min(6, level + 1))
        elif tag == "epigraph":
            self.kinded(el, "epigraph")
        elif tag == "cite":
            self.kinded(el, "quote")
        elif tag == "poem":
            self.kinded(el, "verse")
        elif tag == "p":
            self.inline(el)
            self.b.end()
        elif tag == "table":
            for row in el:
                if local(row.tag) == "tr":
                    cells = [" ".join("".join(c.itertext()).split()) for c in row if local(c.tag) in ("td", "th")]
                    if any(cells):
                        self.b.text(" | ".join(c for c in cells if c))
                        self.b.end("table")
        # image, empty-line, annotation inside body: nothing to read

    def kinded(self, el: etree._Element, kind: str) -> None:
        for child in el:
            tag = local(child.tag)
            if tag in ("p", "text-author", "subtitle"):
                self.inline(child)
                self.b.end(kind)  # type: ignore[arg-type]
            elif tag == "stanza":
                for v in child:
                    if local(v.tag) == "v":
                        self.inline(v)
                        self.b.text(" ")
                self.b.end(kind)  # type: ignore[arg-type]
            elif tag in ("poem", "cite", "epigraph"):
                self.kinded(child, kind)
            elif tag == "title":
                self.inline(child)
                self.b.end(kind)  # type: ignore[arg-type]

    def inline(self, el: etree._Element) -> None:
        if el.text:
            self.b.text(el.text)
        for child in el:
            tag = local(child.tag)
            href = attr(child, "href")
            if tag == "a" and href.startswith("#") and (attr(child, "type") == "note" or href[1:] in self.notes):
                target = href[1:]
                shown = " ".join("".join(child.itertext()).split())
                m = _LABEL.match(shown)
                note = self.notes.get(target)
                label = (m.group(1) if m else shown) or (note[0] if note else "*")
                if note is not None:
                    self.b.add_note(target, note[0].strip("[]{}().") or label, note[1])
                self.b.call(label, target if note is not None else None)
            elif tag == "p":  # a title's paragraphs
                self.inline(child)
                self.b.text(" ")
            elif tag != "image":
                self.inline(child)
            if child.tail:
                self.b.text(child.tail)


def _metadata(root: etree._Element) -> DocumentMetadata:
    description = next((el for el in root if local(el.tag) == "description"), None)
    if description is None:
        return DocumentMetadata()
    title_info = next((el for el in description if local(el.tag) == "title-info"), None)
    publish = next((el for el in description if local(el.tag) == "publish-info"), None)

    def child_text(el: etree._Element | None, name: str) -> str:
        if el is None:
            return ""
        found = next((c for c in el if local(c.tag) == name), None)
        return normalize_text(" ".join("".join(found.itertext()).split())) if found is not None else ""

    def people(name: str) -> tuple[Person, ...]:
        out = []
        for a in (title_info if title_info is not None else []):
            if local(a.tag) != name:
                continue
            family = child_text(a, "last-name")
            given = " ".join(x for x in (child_text(a, "first-name"), child_text(a, "middle-name")) if x)
            if family or given:
                out.append(Person(family=family, given=given))
            elif child_text(a, "nickname"):
                out.append(Person(literal=child_text(a, "nickname")))
        return tuple(out)

    date_el = next((c for c in title_info if local(c.tag) == "date"), None) if title_info is not None else None
    date = (date_el.get("value") or "".join(date_el.itertext())).strip() if date_el is not None else ""
    year = child_text(publish, "year")
    return DocumentMetadata(
        title=child_text(title_info, "book-title") or child_text(publish, "book-name"),
        authors=people("author"),
        translators=people("translator"),
        language=child_text(title_info, "lang").lower(),
        date=year or date,
        publisher=child_text(publish, "publisher"),
        place=child_text(publish, "city"),
        isbn=child_text(publish, "isbn"),
        description=child_text(title_info, "annotation"),
    )
