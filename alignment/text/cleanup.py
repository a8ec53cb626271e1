"""Entry points of the text import: a file or a string in, a CleanDocument out.

Owns the order of the pipeline (read bytes -> refuse what cannot be imported
-> decode -> detect the format -> format-specific cleaning -> boilerplate
removal -> embedded-language marking -> language check) and the cleaning of
plain text (paragraphs, obvious headings, footnote lines).  The other steps
live in their own modules.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from statistics import median
from typing import Literal

from alignment.text.boilerplate import is_page_number, remove_boilerplate
from alignment.text.decode import decode_bytes, sniff_document_format
from alignment.text.document import Block, CleanDocument
from alignment.progress import NEVER_CANCELLED, CancelToken, Progress
from alignment.text.errors import (
    MAX_TEXT_BYTES,
    DamagedFileError,
    EmptyFileError,
    UnsupportedFormatError,
)
from alignment.text.readers import BOOK_FORMATS, read_book
from alignment.text.html_extract import decode_html_bytes, html_to_blocks
from alignment.text.source_file import read_source_bytes
from alignment.text.langcheck import check_language, mark_embedded_language
from alignment.text.notes_link import link_notes, notes_after_body
from alignment.text.markdown_clean import clean_inline, markdown_to_blocks, repair_split_blocks
from alignment.text.reflow import looks_like_pdf_text, reflow_pdf_text, rejoin_page_breaks

logger = logging.getLogger(__name__)

Format = Literal["text", "markdown", "html", "pdf-text"]
FORMATS: tuple[str, ...] = ("text", "markdown", "html", "pdf-text")

UNSUPPORTED_EXTENSIONS = {
    ".doc": "Word 97-2003 (DOC)", ".rtf": "RTF", ".djvu": "DjVu", ".mobi": "MOBI",
    ".azw3": "Kindle (AZW3)", ".pages": "Pages",
}
BOOK_EXTENSIONS = (".pdf", ".epub", ".docx", ".odt", ".fb2", ".fb2.zip")
_BOOK_NAMES = {".pdf": "PDF", ".epub": "EPUB", ".docx": "DOCX", ".odt": "ODT", ".fb2": "FB2", ".fb2.zip": "FB2"}
"""Book files, read by ``alignment.text.readers`` (recognised by their content, not by these)."""
_MARKDOWN_EXT = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml"}

_HTML_SIGNS = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
_HTML_TAGS = re.compile(r"</(?:p|div|h[1-6]|li|td|a|span)>", re.I)
_MD_HEADING = re.compile(r"^#{1,6} \S", re.M)
_MD_STRUCTURE = re.compile(r"<sup>\s*\d|\]\([^)\s]*\)|^\s*\[\^\w+\]:", re.M)
# Emphasis alone does not make a file Markdown (seed 003 is plain text with
# *italic* titles), but plain text then gets Markdown's inline cleanup.
_MD_EMPHASIS = re.compile(r"\*\*[^*\n]+\*\*|(?<![\w*])\*[^*\s][^*\n]*\*(?![\w*])")
MIN_EMPHASIS_FOR_MARKDOWN_INLINE = 5


def detect_format(path: Path | None, text: str) -> Format:
    """Format of a decoded text, from its file extension and its content."""
    ext = path.suffix.lower() if path is not None else ""
    if ext in _MARKDOWN_EXT:
        return "markdown"
    head = text[:5000]
    if ext in _HTML_EXT or _HTML_SIGNS.search(head) or len(_HTML_TAGS.findall(head)) >= 5:
        return "html"
    if looks_like_pdf_text(text):
        return "pdf-text"
    if len(_MD_HEADING.findall(text)) >= 2 or len(_MD_STRUCTURE.findall(text)) >= 3:
        return "markdown"
    return "text"


def clean_text(text: str, *, fmt: str, lang: str) -> CleanDocument:
    """Clean an already decoded text of format ``fmt`` written in ``lang``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown text format {fmt!r}; expected one of {FORMATS}")
    title: str | None = None
    if fmt == "markdown":
        blocks = markdown_to_blocks(text)
    elif fmt == "html":
        title, blocks = html_to_blocks(text)
    elif fmt == "pdf-text":
        blocks = reflow_pdf_text(text)
    else:
        blocks = plain_text_to_blocks(text)
    blocks, removed = remove_boilerplate(blocks)
    if removed:
        logger.info("removed %d boilerplate blocks", len(removed))
    blocks = mark_embedded_language(notes_after_body(link_notes(blocks)), lang)
    warnings: list[str] = []
    warning = check_language(blocks, lang)
    if warning is not None:
        warnings.append(warning.message)
    if title is None:
        title = _first_heading(blocks)
    return CleanDocument(
        blocks=tuple(blocks),
        warnings=tuple(warnings),
        title=title,
        source_format=fmt,
        removed=tuple(b.text for b in removed),
    )


def load_document(
    path: Path,
    *,
    lang: str,
    fmt: str | None = None,
    max_bytes: int = MAX_TEXT_BYTES,
    encoding: str | None = None,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> CleanDocument:
    """Read, decode and clean a file; raise a TextImportError subclass on failure.

    Book formats (PDF, EPUB, DOCX, ODT, FB2) are recognised from the file's
    content and read by their reader (``progress`` advances page by page there);
    everything else is decoded as text, in ``encoding`` when the user chose one
    (default: detected).
    """
    path = Path(path)
    ext_format = UNSUPPORTED_EXTENSIONS.get(path.suffix.lower())
    if ext_format is not None and path.is_file():
        raise UnsupportedFormatError(path, ext_format)
    data = read_source_bytes(path, max_bytes)
    magic_format = sniff_document_format(data)
    if magic_format in BOOK_FORMATS and fmt not in ("text", "markdown", "html", "pdf-text"):
        document = read_book(data, magic_format, path=path, progress=progress, cancel=cancel)
        return _finish_book(document, lang=lang, path=path)
    if magic_format is not None:
        raise UnsupportedFormatError(path, magic_format)
    named = _BOOK_NAMES.get("".join(path.suffixes[-2:]).lower()) or _BOOK_NAMES.get(path.suffix.lower())
    if named is not None and fmt is None and not (named == "FB2" and data.lstrip()[:1] == b"<"):
        raise DamagedFileError(path, named, f"its content is not a {named} file")
    if not data.strip():
        raise EmptyFileError(path)
    if fmt == "html" or (fmt is None and path.suffix.lower() in _HTML_EXT):
        decoded = decode_html_bytes(data, path=path, encoding=encoding)
    else:
        decoded = decode_bytes(data, path=path, encoding=encoding)
        if fmt is None and detect_format(path, decoded.text) == "html":
            decoded = decode_html_bytes(data, path=path, encoding=encoding)
    if not decoded.text.strip():
        raise EmptyFileError(path)
    fmt = fmt or detect_format(path, decoded.text)
    document = clean_text(decoded.text, fmt=fmt, lang=lang)
    if not document.blocks:
        raise EmptyFileError(path, after_cleaning=True)
    return CleanDocument(
        blocks=document.blocks,
        encoding=decoded.encoding,
        warnings=document.warnings,
        title=document.title or path.stem,
        source_format=document.source_format,
        removed=document.removed,
    )


def _finish_book(document: CleanDocument, *, lang: str, path: Path) -> CleanDocument:
    """The language checks every import makes, on a book's body text."""
    blocks = mark_embedded_language(list(document.blocks), lang)
    warning = check_language([b for b in blocks if b.kind != "note"], lang)
    warnings = document.warnings + ((warning.message,) if warning is not None else ())
    return CleanDocument(
        blocks=tuple(blocks),
        encoding=document.encoding,
        warnings=warnings,
        title=document.title or path.stem,
        source_format=document.source_format,
        removed=document.removed,
        metadata=document.metadata,
        page_labels=document.page_labels,
    )


def _first_heading(blocks: list[Block]) -> str | None:
    for block in blocks[:5]:
        if block.kind == "heading":
            return block.text
    return None


# ------------------------------------------------------------ plain text

_LIST_MARK = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•–—]|[a-zа-я]\))\s+\S")
_NUMBERED = re.compile(r"^(\d{1,3})\. ")
_TERMINAL = re.compile(r"[.,;:!?…]$")
_FOOTNOTE_LINE = re.compile(r"^(\d{1,3})\s+(?=[A-ZА-ЯЁ*«\"“(])")
WRAPPED_MAX_LONG_SHARE = 0.05
HEADING_MAX_CHARS = 100
TITLE_MAX_CHARS = 160


def split_plain_paragraphs(text: str) -> list[str]:
    """Paragraph texts of a plain text file.

    Paragraphs are separated by blank lines.  When the lines are hard-wrapped
    (short, like a typewritten page) the lines of a paragraph are joined;
    otherwise every line is a paragraph of its own (files with one paragraph
    per line, with or without blank lines between them).  List items always
    start a new paragraph.
    """
    lines = [ln.rstrip() for ln in text.split("\n")]
    content = [ln for ln in lines if ln.strip()]
    if not content:
        return []
    long_lines = sum(1 for ln in content if len(ln) > 120)
    wrapped = long_lines <= len(content) * WRAPPED_MAX_LONG_SHARE and median(
        len(ln) for ln in content
    ) > 25
    paragraphs: list[str] = []
    current: list[str] = []
    for ln in lines + [""]:
        if not ln.strip() or not wrapped or _LIST_MARK.match(ln) or ln.startswith(("\t", "    ")):
            if current:
                paragraphs.append(" ".join(current))
                current = []
        if ln.strip():
            if wrapped:
                current.append(ln.strip())
            else:
                paragraphs.append(ln.strip())
    return paragraphs


def plain_text_to_blocks(text: str) -> list[Block]:
    """Blocks of a plain text: paragraphs, obvious headings, and footnotes
    ("18 See …" lines whose number is a note call of the text)."""
    blocks: list[Block] = []
    markdown_inline = len(_MD_EMPHASIS.findall(text)) >= MIN_EMPHASIS_FOR_MARKDOWN_INLINE
    for para in split_plain_paragraphs(text):
        if is_page_number(para):
            continue  # removed here so that the page's halves can be rejoined
        body, notes = clean_inline(para, markdown=markdown_inline)
        if body:
            blocks.append(Block("body", body, notes=notes))
    labels = {n.label for b in blocks for n in b.notes}
    blocks = [
        Block("note", b.text, notes=b.notes)
        if (m := _FOOTNOTE_LINE.match(b.text)) and m.group(1) in labels
        else b
        for b in blocks
    ]
    blocks = _mark_plain_headings(blocks)
    return rejoin_page_breaks(repair_split_blocks(blocks))


def _mark_plain_headings(blocks: list[Block]) -> list[Block]:
    """A short line without final punctuation, starting with a capital, followed
    by a longer paragraph (or by another such heading) is a heading.  Runs of
    short lines (signatures, addresses) and numbered lists are not."""
    out = list(blocks)
    next_is_heading = False
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        prev = blocks[i - 1] if i > 0 else None
        is_heading = (
            nxt is not None
            and _heading_candidate(block, first=i == 0)
            and not (prev is not None and _signature_line(prev))
            and not _in_numbered_run(blocks, i)
            and (
                next_is_heading
                or nxt.kind == "body"
                and (_title_line(block, i) or len(nxt.text) >= max(100, 2 * len(block.text)))
            )
        )
        if is_heading:
            level = 1 if i == 0 else 2
            out[i] = Block("heading", block.text, level=level, notes=block.notes)
        next_is_heading = is_heading
    return out


def _title_line(block: Block, i: int) -> bool:
    """The first line of a file, if it is worded like a title (an author's name
    such as "Л. Д. Троцкий" is not)."""
    return i == 0 and len(block.text.split()) >= 4


def _signature_line(block: Block) -> bool:
    """"Prepared" before "Victor Shapovalov": a line of a signature or address."""
    return (
        block.kind == "body"
        and len(block.text.split()) <= 3
        and not _TERMINAL.search(block.text)
    )


def _heading_candidate(block: Block, *, first: bool) -> bool:
    text = block.text
    limit = TITLE_MAX_CHARS if first else HEADING_MAX_CHARS
    if block.kind != "body" or len(text) > limit or _TERMINAL.search(text):
        return False
    start = re.sub(r"^\d{1,3}\.\s+", "", text)
    return start[:1].isupper() or start[:1] in "«\"“"


def _in_numbered_run(blocks: list[Block], i: int) -> bool:
    """Whether block i is an item of a numbered list (a neighbour is numbered too)."""
    if not _NUMBERED.match(blocks[i].text):
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(blocks) and _NUMBERED.match(blocks[j].text):
            return True
    return False
