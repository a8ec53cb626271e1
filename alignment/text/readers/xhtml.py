"""Walking (X)HTML book content into a BookBuilder: the part EPUB needs.

Block elements end paragraphs; headings keep their level; ``blockquote``
becomes a quotation (an ``epub:type="epigraph"`` one an epigraph); tables are
flattened one row per paragraph, cells joined by " | "; page-break markers
(``epub:type="pagebreak"``, ``role="doc-pagebreak"``) set the printed page;
note calls (``epub:type="noteref"``, ``role="doc-noteref"``, or a short
superscript link to a note) become calls linked to the note's element, and
note elements (``aside``/``footnote``/``endnote`` and every element a call
points to) are taken out of the body as notes.  Navigation (``nav``), scripts
and styles are skipped.
"""

from __future__ import annotations

import re

from lxml import etree

from alignment.text.readers.book import BookBuilder
from alignment.text.readers.safexml import attr, local

_BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "main", "body", "header", "footer",
    "figure", "figcaption", "caption", "address", "center", "hr", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "table", "tr", "thead", "tbody", "tfoot", "aside", "hgroup",
})
_SKIP = frozenset({"script", "style", "head", "nav", "svg", "math", "object", "iframe", "template", "title"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_NOTE_TYPES = frozenset({"footnote", "endnote", "rearnote", "note", "doc-footnote", "doc-endnote"})
_NOTES_SECTIONS = frozenset({"footnotes", "endnotes", "rearnotes", "doc-endnotes", "doc-footnotes"})
_LABEL = re.compile(r"^\s*[\[(]?\s*(\d{1,4}|[*†‡§]{1,3}|[a-z]|[ivxlc]{1,5})\s*[\])]?\s*\.?\s*$", re.I)
_BACKLINK = re.compile(r"^\s*(?:[\[(]?\d{1,4}[\])]?\.?|↩|↑|\^|back|назад)\s*$", re.I)


def types_of(el: etree._Element) -> set[str]:
    """``epub:type`` words and the ARIA role of an element."""
    words: set[str] = set()
    for key, value in el.attrib.items():
        if key.endswith("}type") or key == "epub:type":
            words.update(value.split())
    role = el.get("role")
    if role:
        words.update(role.split())
    return words


def is_pagebreak(el: etree._Element) -> bool:
    t = types_of(el)
    return "pagebreak" in t or "doc-pagebreak" in t


def pagebreak_label(el: etree._Element) -> str:
    label = el.get("title") or el.get("aria-label") or "".join(el.itertext()).strip()
    if not label:
        label = re.sub(r"^(?:page|pg|p)[-_]?", "", el.get("id") or "", flags=re.I)
    return label.strip()


class XhtmlWalker:
    """Walks one document; ``resolve(href)`` gives the key of the element a link points to."""

    def __init__(self, builder: BookBuilder, *, doc_key: str, note_targets: set[str], heading_targets: dict[str, int]) -> None:
        self.b = builder
        self.doc_key = doc_key  # "OEBPS/ch1.xhtml": keys of this document's elements are doc_key#id
        self.note_targets = note_targets
        self.heading_targets = heading_targets
        self.resolve = lambda href: None  # set by the reader

    def key_of(self, el: etree._Element) -> str | None:
        ident = el.get("id")
        return f"{self.doc_key}#{ident}" if ident else None

    def walk_body(self, body: etree._Element) -> None:
        self._children(body, in_notes=False)
        self.b.end()

    def _children(self, el: etree._Element, *, in_notes: bool) -> None:
        if el.text:
            self.b.text(el.text)
        for child in el:
            self._visit(child, in_notes=in_notes)
            if child.tail:
                self.b.text(child.tail)

    def _visit(self, el: etree._Element, *, in_notes: bool) -> None:
        tag = local(el.tag)
        if not tag or tag in _SKIP:
            return
        if is_pagebreak(el):
            self.b.page_break(pagebreak_label(el))
            return
        kinds = types_of(el)
        key = self.key_of(el)
        if key is not None and (key in self.note_targets or kinds & _NOTE_TYPES) and tag not in ("a", "span", "sup"):
            self._note(el, key)
            return
        if kinds & _NOTE_TYPES and key is None:
            return  # an unreferenced, unnamed note: nothing can call it
        if kinds & _NOTES_SECTIONS or (tag == "aside" and not kinds):
            self._notes_only(el)
            return
        call = self._call(el, tag, kinds)
        if call is not None:
            label, target = call
            self.b.call(label, target)
            return
        if tag in _HEADINGS:
            self.b.end()
            self._children(el, in_notes=in_notes)
            self.b.end("heading", _HEADINGS[tag])
            return
        if tag == "br":
            self.b.text(" ")
            return
        if tag == "table":
            self._table(el)
            return
        if tag == "blockquote":
            self.b.end()
            kind = "epigraph" if "epigraph" in kinds else "quote"
            self._quote(el, kind)
            return
        if tag in _BLOCKS:
            self.b.end()
            self._children(el, in_notes=in_notes)
            level = self.heading_targets.get(key or "", 0)
            if level:
                self.b.end("heading", level)
            elif "epigraph" in kinds:
                self.b.end("epigraph")
            else:
                self.b.end()
            return
        self._children(el, in_notes=in_notes)

    def _quote(self, el: etree._Element, kind: str) -> None:
        """Paragraphs inside a block quotation keep the quotation's kind."""
        blocks_before = len(self.b.blocks)
        self._children(el, in_notes=False)
        self.b.end()
        for i in range(blocks_before, len(self.b.blocks)):
            block = self.b.blocks[i]
            if block.kind == "body":
                from dataclasses import replace

                self.b.blocks[i] = replace(block, kind=kind)  # type: ignore[arg-type]

    def _call(self, el: etree._Element, tag: str, kinds: set[str]) -> tuple[str, str | None] | None:
        """(label, note key) when ``el`` is a note call."""
        link = el
        if tag == "sup" and len(el) == 1 and local(el[0].tag) == "a" and not (el.text or "").strip():
            link = el[0]
        elif tag != "a":
            return None
        href = link.get("href") or attr(link, "href")
        text = "".join(link.itertext()).strip()
        kinds = kinds | types_of(link)
        explicit = "noteref" in kinds or "doc-noteref" in kinds
        if not href or "#" not in href:
            return None
        target = self.resolve(href)
        if explicit or (target in self.note_targets and _LABEL.match(text or "")):
            return (text or "*"), target
        return None

    def _note(self, el: etree._Element, key: str) -> None:
        """A note element: its text (without the link back to the call) becomes the note ``key``."""
        saved = self.b.open_text
        parts: list[str] = []
        label = ""

        def collect(node: etree._Element, top: bool) -> None:
            nonlocal label
            if node.text:
                parts.append(node.text)
            for child in node:
                ctag = local(child.tag)
                if ctag in _SKIP:
                    pass
                elif ctag == "a" and _BACKLINK.match("".join(child.itertext())) and not label and not "".join(parts).strip():
                    label = "".join(child.itertext()).strip().strip("[]().")
                elif ctag in _BLOCKS or ctag == "br":
                    parts.append(" ")
                    collect(child, False)
                    parts.append(" ")
                else:
                    collect(child, False)
                if child.tail:
                    parts.append(child.tail)

        collect(el, True)
        text = " ".join("".join(parts).split())
        m = re.match(r"^(\d{1,4})[.)]\s+", text)
        if m and not label:
            label, text = m.group(1), text[m.end():]
        self.b.add_note(key, label or "*", text, page=self.b.page)
        del saved

    def _notes_only(self, el: etree._Element) -> None:
        """A notes section: its notes are taken, its own headings and furniture dropped."""
        for child in el.iter():
            if child is el:
                continue
            key = self.key_of(child)
            if key is not None and (key in self.note_targets or types_of(child) & _NOTE_TYPES) and local(child.tag) not in ("a", "span", "sup"):
                if not self.b.has_note(key) and not any(
                    self.key_of(a) is not None and self.b.has_note(self.key_of(a) or "") for a in child.iterancestors()
                ):
                    self._note(child, key)
            elif is_pagebreak(child):
                self.b.page_break(pagebreak_label(child))

    def _table(self, table: etree._Element) -> None:
        self.b.end()
        for row in table.iter():
            if local(row.tag) != "tr":
                continue
            cells = [" ".join("".join(c.itertext()).split()) for c in row if local(c.tag) in ("td", "th")]
            cells = [c for c in cells if c]
            if cells:
                self.b.text(" | ".join(cells))
                self.b.end("table")
