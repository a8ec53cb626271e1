"""PDF with a text layer to a book: reading order, paragraphs, pages, footnotes.

pdfminer.six (MIT) gives every line with its characters' fonts, sizes and
positions; it is pure Python and robust on the PDFs printers and scanners
with OCR make.  (PyMuPDF is faster but AGPL; pypdf's text positions are too
coarse for footnotes and superscripts.)  The analysis is ours, in two passes:

1. every page is read into lines (page by page: progress and Cancel);
2. the document is judged as a whole: the body font size (most characters),
   running heads and folios (top and bottom lines whose text, digits aside,
   repeats, or that are only a number), footnotes (smaller lines below the
   body, starting with a label), headings (larger or bold short lines), then
   paragraphs are rebuilt across lines and pages: a new paragraph starts at an
   indented line, after a vertical gap, or after a short line ending a
   sentence; line-end hyphens are decided by the reflow rules.

Page labels: the PDF's own /PageLabels when present, else the printed folios
(physical page + a constant offset, unnumbered pages as "[n]"), else the
physical page numbers, marked as such.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from alignment.text.decode import normalize_text
from alignment.text.document import CleanDocument, DocumentMetadata, Person
from alignment.text.errors import DamagedFileError, EmptyFileError, EncryptedFileError, ScannedPdfError
from alignment.text.readers.book import BookBuilder, make_document
from alignment.text.readers.names import split_people
from alignment.text.reflow import join_hyphenated, word_counts

log = logging.getLogger(__name__)

MIN_CHARS_PER_PAGE = 40
"""Fewer characters per page on average than this (with images present) is a scan."""
_FOLIO = re.compile(r"^(?:[-–—]\s*)?(\d{1,4}|[ivxlcdm]{1,7})(?:\s*[-–—])?$", re.I)
_FOLIO_EDGE = re.compile(r"^(\d{1,4})\s+\S|\S\s+(\d{1,4})$")
_NOTE_START = re.compile(r"^(\d{1,3}|[*†‡§]+)[.)]?\s+(?=\S)")
_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")
_TERMINAL = re.compile(r"[.!?…:»”\")]$")
_LINE_END_HYPHEN = re.compile(r"[^\W\d_][-\u00ad]$")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass(slots=True)
class Line:
    """One line of a page: its text (note calls as markers), where it is, how it is set."""

    text: str
    x0: float
    x1: float
    y: float  # baseline-ish: the bottom of the line box (PDF y grows upwards)
    size: float
    bold: bool
    calls: list[tuple[int, str]] = field(default_factory=list)  # (offset in text, label)


@dataclass(slots=True)
class PageLines:
    number: int  # physical, from 1
    lines: list[Line]
    height: float
    width: float
    images: int = 0


def read_pdf(
    data: bytes,
    *,
    path: Path | None = None,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> CleanDocument:
    progress = progress or NullProgress()
    pages, labels, metadata = _read_pages(data, path, progress, cancel)
    chars = sum(len(ln.text) for p in pages for ln in p.lines)
    if chars < MIN_CHARS_PER_PAGE * max(1, len(pages)) and (any(p.images for p in pages) or chars == 0):
        if any(p.images for p in pages):
            raise ScannedPdfError(path, len(pages))
        raise EmptyFileError(path)
    progress.update(len(pages), len(pages), "finding paragraphs")
    builder, page_kind = _Layout(pages, labels).build()
    blocks = builder.finish()
    if not any(b.kind != "note" for b in blocks):
        raise EmptyFileError(path, after_cleaning=True)
    return make_document(blocks, source_format="pdf", metadata=metadata, page_labels=page_kind)


# ------------------------------------------------------------------------------ pass 1


# pdfminer parses a hostile file with its own code, which can fail in any way
# (AssertionError on a bad octal escape, RecursionError on cyclic objects,
# zlib or struct errors…): everything it raises while reading is a damaged file.
_PDFMINER_FAULTS: tuple[type[BaseException], ...] = (Exception,)


def _read_pages(
    data: bytes, path: Path | None, progress: Progress, cancel: CancelToken
) -> tuple[list[PageLines], list[str] | None, DocumentMetadata]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFNoPageLabels, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise EncryptedFileError(path, "PDF") from None
    except _PDFMINER_FAULTS as exc:
        raise DamagedFileError(path, "PDF", f"its structure cannot be read: {exc}") from None
    metadata = _metadata(document)
    try:
        page_refs = list(PDFPage.create_pages(document))
    except _PDFMINER_FAULTS as exc:
        raise DamagedFileError(path, "PDF", f"its page tree cannot be read: {exc}") from None
    if not page_refs:
        raise EmptyFileError(path)
    labels: list[str] | None = None
    try:
        if "PageLabels" in document.catalog:
            it = document.get_page_labels()
            labels = [next(it) for _ in page_refs]
    except (PDFNoPageLabels, StopIteration, *_PDFMINER_FAULTS):
        labels = None
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(line_margin=0.3, boxes_flow=None))
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[PageLines] = []
    total = len(page_refs)
    for number, page in enumerate(page_refs, 1):
        cancel.raise_if_cancelled()
        try:
            interpreter.process_page(page)
            layout = device.get_result()
        except _PDFMINER_FAULTS as exc:
            log.warning("page %d of %s unreadable: %s", number, path, exc)
            pages.append(PageLines(number, [], 1.0, 1.0))
            continue
        pages.append(_page_lines(number, layout))
        progress.update(number, total, "reading pages")
    return pages, labels, metadata


def _page_lines(number: int, layout: object) -> PageLines:
    from pdfminer.layout import LTChar, LTFigure, LTImage, LTTextBox, LTTextLine

    lines: list[Line] = []
    images = 0
    stack = list(layout)  # type: ignore[call-overload]
    while stack:
        item = stack.pop()
        if isinstance(item, LTTextBox):
            stack.extend(item)
        elif isinstance(item, LTTextLine):
            line = _line(item, LTChar)
            if line is not None:
                lines.append(line)
        elif isinstance(item, (LTImage, LTFigure)):
            images += 1
            if isinstance(item, LTFigure):
                stack.extend(x for x in item if not isinstance(x, LTImage))
    # Reading order: top to bottom, then left to right on one baseline.
    lines.sort(key=lambda ln: (-round(ln.y), ln.x0))
    return PageLines(number, _merge_same_baseline(lines), float(layout.height), float(layout.width), images)  # type: ignore[attr-defined]


def _line(item: object, char_type: type) -> Line | None:
    chars = [c for c in item if isinstance(c, char_type)]  # type: ignore[attr-defined]
    if not chars:
        return None
    sizes = Counter(round(c.size, 1) for c in chars)
    size = sizes.most_common(1)[0][0]
    base = median(c.y0 for c in chars if round(c.size, 1) == size)
    parts: list[str] = []
    calls: list[tuple[int, str]] = []
    bold_chars = 0
    pending_call = ""
    length = 0
    for c in item:  # type: ignore[attr-defined]
        ch = c.get_text()
        if isinstance(c, char_type):
            raised = c.size < size * 0.8 and c.y0 > base + size * 0.15
            if raised and (ch.isdigit() or ch in "*†‡"):
                pending_call += ch
                continue
            if _BOLD.search(c.fontname or ""):
                bold_chars += 1
        if pending_call:
            calls.append((length, pending_call))
            pending_call = ""
        parts.append(ch)
        length += len(ch)
    if pending_call:
        calls.append((length, pending_call))
    text = normalize_text("".join(parts)).replace("\n", " ")
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    text = stripped.lstrip()
    calls = [(max(0, min(len(text), off - lead)), label) for off, label in calls]
    if not text and not calls:
        return None
    x0 = float(item.x0)  # type: ignore[attr-defined]
    return Line(text, x0, float(item.x1), float(base), float(size), bold_chars >= 0.7 * max(1, len(text.replace(" ", ""))), calls)  # type: ignore[attr-defined]


def _merge_same_baseline(lines: list[Line]) -> list[Line]:
    """Pieces of one printed line that pdfminer kept apart (a folio right of a running head stays apart:
    they are far from each other)."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and abs(prev.y - ln.y) < 0.3 * ln.size and 0 <= ln.x0 - prev.x1 < 2.5 * ln.size and abs(prev.size - ln.size) < 0.5:
            shift = len(prev.text) + 1
            prev.calls.extend((off + shift, label) for off, label in ln.calls)
            prev.text = f"{prev.text} {ln.text}"
            prev.x1 = ln.x1
            continue
        out.append(ln)
    return out


def _metadata(document: object) -> DocumentMetadata:
    from pdfminer.utils import decode_text

    info: dict[str, str] = {}
    for entry in getattr(document, "info", []) or []:
        for key, value in entry.items():
            try:
                value = value.resolve() if hasattr(value, "resolve") else value
                text = decode_text(value) if isinstance(value, bytes) else str(value)
            except Exception:  # noqa: BLE001 - a bad info string is only metadata
                continue
            info[key] = normalize_text(text).strip()
    date = ""
    m = re.match(r"D?:?(\d{4})", info.get("CreationDate", ""))
    producer = info.get("Producer", "") + info.get("Creator", "")
    if m and not re.search(r"reportlab|word|latex|tex|acrobat|distiller|libreoffice|ghostscript", producer, re.I):
        date = m.group(1)  # the file's creation date is the book's only when nothing says it was generated
    return DocumentMetadata(
        title=info.get("Title", "") if not re.fullmatch(r"(?i)untitled|.*\.(?:docx?|pdf|indd|qxd)", info.get("Title", "")) else "",
        authors=split_people(info.get("Author", "")),
        description=info.get("Subject", ""),
        date=date,
    )


# ------------------------------------------------------------------------------ pass 2


class _Layout:
    """The whole document's lines judged together, then turned into blocks."""

    def __init__(self, pages: list[PageLines], pdf_labels: list[str] | None) -> None:
        self.pages = pages
        self.pdf_labels = pdf_labels
        sizes: Counter[float] = Counter()
        for p in pages:
            for ln in p.lines:
                sizes[round(ln.size)] += len(ln.text)
        self.body_size = float(sizes.most_common(1)[0][0]) if sizes else 10.0
        body_lines = [ln for p in pages for ln in p.lines if abs(ln.size - self.body_size) < 0.6]
        self.left = Counter(round(ln.x0) for ln in body_lines).most_common(1)[0][0] if body_lines else 0.0
        rights = sorted(ln.x1 for ln in body_lines)
        self.right = rights[int(len(rights) * 0.9)] if rights else 0.0
        gaps = Counter()
        for p in pages:
            prev = None
            for ln in p.lines:
                if abs(ln.size - self.body_size) < 0.6:
                    if prev is not None and 0 < prev.y - ln.y < 3 * self.body_size:
                        gaps[round(prev.y - ln.y, 1)] += 1
                    prev = ln
        self.leading = gaps.most_common(1)[0][0] if gaps else self.body_size * 1.2
        self.indent_style = sum(1 for ln in body_lines if self.body_size * 0.6 < ln.x0 - self.left < self.body_size * 4) >= 3
        self.furniture = self._find_furniture()
        self.counts = word_counts(" ".join(ln.text for p in pages for ln in p.lines))
        self.heading_levels = self._heading_levels()

    # --- running heads and folios -------------------------------------------------------
    def _edge_groups(self, page: PageLines) -> list[Line]:
        """Lines on the topmost and bottommost baselines of a page."""
        if not page.lines:
            return []
        top_y = max(ln.y for ln in page.lines)
        bottom_y = min(ln.y for ln in page.lines)
        return [ln for ln in page.lines if abs(ln.y - top_y) < 2 or abs(ln.y - bottom_y) < 2]

    def _find_furniture(self) -> dict[int, tuple[set[int], str | None]]:
        """Per physical page: ids of the lines that are running heads or folios, and the folio found."""
        shapes: Counter[str] = Counter()
        edges = {p.number: self._edge_groups(p) for p in self.pages}
        for lines in edges.values():
            for shape in {_shape(ln.text) for ln in lines}:
                shapes[shape] += 1
        recurring = max(3, len(self.pages) // 8)
        out: dict[int, tuple[set[int], str | None]] = {}
        for p in self.pages:
            ids: set[int] = set()
            folio: str | None = None
            called = {label for ln in p.lines for _off, label in ln.calls}
            for ln in edges[p.number]:
                if ln.size > self.body_size * 1.1 or ln.bold and ln.size > self.body_size:
                    continue  # a heading at the top of a chapter's first page
                note = _NOTE_START.match(ln.text)
                if note and note.group(1) in called or ln.calls and ln.calls[0][0] == 0:
                    continue  # a footnote of this page, not a running foot
                m = _FOLIO.match(ln.text)
                if m:
                    ids.add(id(ln))
                    folio = folio or m.group(1)
                    continue
                if shapes[_shape(ln.text)] >= recurring and len(ln.text) < 120:
                    ids.add(id(ln))
                    e = _FOLIO_EDGE.search(ln.text)
                    if e:
                        folio = folio or e.group(1) or e.group(2)
            out[p.number] = (ids, folio)
        return out

    def page_labels(self) -> tuple[dict[int, str], str]:
        """Label of every physical page, and whether they are "printed" or "physical"."""
        numbers = [p.number for p in self.pages]
        if self.pdf_labels and any(lab != str(n) for lab, n in zip(self.pdf_labels, numbers)):
            return {n: lab or f"[{n}]" for n, lab in zip(numbers, self.pdf_labels)}, "printed"
        folios = {n: f for n, (_ids, f) in self.furniture.items() if f}
        offsets = Counter(int(f) - n for n, f in folios.items() if f.isdigit())
        if offsets:
            offset, votes = offsets.most_common(1)[0]
            arabic = sum(1 for f in folios.values() if f.isdigit())
            if votes >= max(2, arabic // 2):
                labels = {}
                first_numbered = min(n for n, f in folios.items() if f.isdigit() and int(f) - n == offset)
                for n in numbers:
                    found = folios.get(n)
                    if found and not found.isdigit():
                        labels[n] = found.lower()  # roman front matter
                    elif n >= first_numbered or n + offset >= 1 and found:
                        labels[n] = str(n + offset)
                    else:
                        labels[n] = f"[{n}]"  # an unnumbered page, cited in brackets
                return labels, "printed"
        return {n: str(n) for n in numbers}, "physical"

    # --- headings -----------------------------------------------------------------------
    def _is_heading(self, ln: Line) -> bool:
        if len(ln.text) > 160 or ln.text.endswith((",", ";")):
            return False
        if ln.size >= self.body_size * 1.12:
            return True
        return ln.bold and abs(ln.size - self.body_size) < 0.6 and len(ln.text) < 100 and not _TERMINAL.search(ln.text[-1:]) or False

    def _heading_levels(self) -> dict[float, int]:
        sizes = sorted({round(ln.size, 1) for p in self.pages for ln in p.lines
                        if ln.size >= self.body_size * 1.12 and len(ln.text) <= 160}, reverse=True)
        return {s: i + 1 for i, s in enumerate(sizes[:3])}

    def _level(self, ln: Line) -> int:
        m = _NUMBERED_HEADING.match(ln.text)
        if m and "." in m.group(1):
            return min(6, m.group(1).count(".") + 1)
        if ln.size >= self.body_size * 1.12:
            return self.heading_levels.get(round(ln.size, 1), len(self.heading_levels) or 1)
        return min(6, len(self.heading_levels) + 1)

    # --- footnotes ------------------------------------------------------------------------
    def _split_notes(self, page: PageLines, lines: list[Line]) -> tuple[list[Line], list[Line]]:
        """(body lines, footnote lines): footnotes are the smaller lines below the last body line."""
        body_ys = [ln.y for ln in lines if ln.size >= self.body_size - 0.6]
        if not body_ys:
            return lines, []
        lowest = min(body_ys)
        notes = [ln for ln in lines if ln.y < lowest and ln.size < self.body_size - 0.6]
        if notes and not (_NOTE_START.match(notes[0].text) or notes[0].calls and notes[0].calls[0][0] == 0):
            # small lines at the page foot that do not start like a note: a continued note, or a caption
            pass
        ids = {id(ln) for ln in notes}
        return [ln for ln in lines if id(ln) not in ids], notes

    # --- building --------------------------------------------------------------------------
    def build(self) -> tuple[BookBuilder, str]:
        labels, kind = self.page_labels()
        b = BookBuilder()
        prev: Line | None = None  # the last body line added to the open paragraph
        open_kind: str | None = None
        last_note: str | None = None
        for page in self.pages:
            ids, _folio = self.furniture.get(page.number, (set(), None))
            lines = [ln for ln in page.lines if id(ln) not in ids]
            body, notes = self._split_notes(page, lines)
            label = labels[page.number]
            b.page_break(label)
            page_keys: dict[str, str] = {}
            # the page's footnotes first, so that calls can be linked to them
            for ln in notes:
                text = ln.text
                start = _NOTE_START.match(text)
                call_label = None
                if ln.calls and ln.calls[0][0] == 0:
                    call_label = ln.calls[0][1]
                elif start:
                    call_label = start.group(1)
                    text = text[start.end():]
                if call_label is not None and call_label not in page_keys:
                    last_note = f"p{page.number}-{call_label}"
                    page_keys[call_label] = last_note
                    b.add_note(last_note, call_label, _strip_calls(text), page=label)
                elif last_note is not None:
                    if b.has_note(last_note):
                        self._continue_note(b, last_note, text)
                    else:
                        b.add_note(last_note, "*", text, page=label)
            first_on_page = True
            for ln in body:
                heading = self._is_heading(ln)
                if heading:
                    if open_kind == "heading" and prev is not None and abs(prev.size - ln.size) < 0.6 and prev.y - ln.y < 2.2 * ln.size:
                        b.text(" ")
                        self._add_line(b, ln, page_keys)
                        prev = ln
                        continue
                    if open_kind is not None:
                        self._close(b, open_kind, prev)
                    open_kind = "heading"
                    self._add_line(b, ln, page_keys)
                    prev = ln
                    first_on_page = False
                    continue
                if open_kind == "heading":
                    self._close(b, open_kind, prev)
                    open_kind = None
                    prev = None
                if open_kind is not None and prev is not None and self._starts_paragraph(ln, prev, first_on_page):
                    self._close(b, open_kind, prev)
                    open_kind = None
                    prev = None
                if open_kind is None:
                    open_kind = "body"
                    self._add_line(b, ln, page_keys)
                else:
                    self._join(b, prev, ln, page_keys)
                prev = ln
                first_on_page = False
        if open_kind is not None:
            self._close(b, open_kind, prev)
        return b, kind

    def _continue_note(self, b: BookBuilder, key: str, text: str) -> None:
        b.add_note(key, "", _strip_calls(text))

    def _close(self, b: BookBuilder, kind: str, last: Line | None) -> None:
        if kind == "heading":
            b.end("heading", self._level(last) if last is not None else 1)
        else:
            b.end("body")

    def _starts_paragraph(self, ln: Line, prev: Line, first_on_page: bool) -> bool:
        indent = ln.x0 - self.left
        if self.indent_style and self.body_size * 0.6 < indent < self.body_size * 6:
            return True
        if not first_on_page and prev.y - ln.y > self.leading * 1.6:
            return True
        if self.indent_style:
            return False
        # block paragraphs (no indents): a line ending a sentence well short of the measure ends one
        short = prev.x1 < self.right - (self.right - self.left) * 0.15
        return short and bool(_TERMINAL.search(prev.text))

    def _add_line(self, b: BookBuilder, ln: Line, page_keys: dict[str, str]) -> None:
        last = 0
        for offset, label in ln.calls:
            b.text(ln.text[last:offset])
            b.call(label, page_keys.get(label))
            last = offset
        b.text(ln.text[last:])

    def _join(self, b: BookBuilder, prev: Line | None, ln: Line, page_keys: dict[str, str]) -> None:
        """Continue the open paragraph with ``ln``: a hyphen at the end of the previous line is
        the typesetter's or a real one (the reflow rules decide), otherwise a space."""
        if prev is not None and _LINE_END_HYPHEN.search(prev.text) and re.match(r"[^\W\d_]", ln.text):
            head = prev.text.rsplit(" ", 1)[-1]
            joined = join_hyphenated(head, ln.text.split(" ", 1)[0], self.counts)
            if "-" not in joined[len(head) - 1 :]:  # the typesetter's hyphen: drop it
                b.drop_trailing_hyphen()
        else:
            b.text(" ")
        self._add_line(b, ln, page_keys)


def _shape(text: str) -> str:
    """A line's text with its numbers blanked: running heads differ only in their folio."""
    return re.sub(r"\d+", "#", text.strip().lower())


def _strip_calls(text: str) -> str:
    return text


__all__ = ["read_pdf", "Person"]
