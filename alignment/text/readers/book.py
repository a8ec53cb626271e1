"""Building a book's blocks while a reader walks its file: the one place that
knows how paragraphs, page breaks and notes become a ``CleanDocument``.

A reader feeds inline text, note calls and page breaks, and ends paragraphs
with their kind; note texts are added by key.  Calls and page breaks travel
inside the paragraph text as private-use markers until the paragraph ends, so
that collapsing spaces can never shift an offset.  ``finish`` gives the body
blocks in reading order followed by the notes (in the order they are first
called), so that the body and the notes can be aligned apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from alignment.text.decode import normalize_text
from alignment.text.document import Block, BlockKind, CleanDocument, DocumentMetadata, NoteRef
from alignment.text.reflow import has_split_words, repair_split_words, word_counts

_CALL_OPEN, _CALL_CLOSE, _KEY_SEP = "\ue010", "\ue011", "\ue012"
_PAGE_OPEN, _PAGE_CLOSE = "\ue013", "\ue014"
_MARKER = re.compile(
    f"{_CALL_OPEN}([^{_CALL_CLOSE}{_KEY_SEP}]*){_KEY_SEP}([^{_CALL_CLOSE}]*){_CALL_CLOSE}"
    f"|{_PAGE_OPEN}([^{_PAGE_CLOSE}]*){_PAGE_CLOSE}"
)
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_CALL = re.compile(rf"\s+(?={_CALL_OPEN})")


def call_marker(label: str, key: str | None) -> str:
    return f"{_CALL_OPEN}{label}{_KEY_SEP}{key or ''}{_CALL_CLOSE}"


def page_marker(label: str) -> str:
    return f"{_PAGE_OPEN}{label}{_PAGE_CLOSE}"


def take_markers(raw: str) -> tuple[str, tuple[NoteRef, ...], tuple[tuple[int, str], ...], str | None]:
    """Collapse spaces and take the markers out of a paragraph's raw text.

    Returns (text, note calls, page breaks inside the text, page that starts
    before the first character or None).  A break at the very end belongs to
    the next paragraph and is returned by nobody: the builder already moved on.
    """
    # The text import's cleaning (control characters, NFC, odd spaces), here where offsets
    # are made: the markers are private-use characters, which it keeps.
    raw = _SPACE_BEFORE_CALL.sub("", _SPACES.sub(" ", normalize_text(raw)))
    out: list[str] = []
    notes: list[NoteRef] = []
    breaks: list[tuple[int, str]] = []
    length = 0
    last = 0
    for m in _MARKER.finditer(raw):
        piece = raw[last : m.start()]
        if length == 0:
            piece = piece.lstrip()
        elif piece.startswith(" ") and out and out[-1].endswith(" "):
            piece = piece[1:]  # "word <break> word": one space, not two
        out.append(piece)
        length += len(piece)
        last = m.end()
        if m.group(3) is not None:
            breaks.append((length, m.group(3)))
        else:
            notes.append(NoteRef(length, m.group(1), m.group(2) or None))
    tail = raw[last:]
    if length == 0:
        tail = tail.lstrip()
    elif tail.startswith(" ") and out and "".join(out).endswith(" "):
        tail = tail[1:]
    out.append(tail)
    text = "".join(out)
    stripped = text.rstrip()
    end = len(stripped)
    # A break before the first word says where the paragraph starts; a space left
    # before a mid-paragraph break (" word <break> word") is already collapsed.
    start_page = None
    inner: list[tuple[int, str]] = []
    for offset, label in breaks:
        if offset == 0:
            start_page = label
        elif offset < end:
            inner.append((offset, label))
    notes = [NoteRef(min(n.offset, end), n.label, n.key) for n in notes]
    return stripped, tuple(notes), tuple(inner), start_page


class BookBuilder:
    """Collects a book's paragraphs and notes in reading order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._notes: dict[str, Block] = {}
        self._buffer: list[str] = []
        self._has_text = False
        self.page: str | None = None
        self._paragraph_page: str | None = None
        self._key_count = 0

    # --- inline content -----------------------------------------------------------------
    def text(self, value: str) -> None:
        if not value:
            return
        if not self._has_text and value.strip():
            self._has_text = True
            self._paragraph_page = self.page
        self._buffer.append(value)

    def call(self, label: str, key: str | None) -> None:
        """A note call at the current point (``key`` names the note; None: find it by label later)."""
        label = label.strip().strip("[]()") or "*"
        if not self._has_text:
            # a call before any word (a heading's star) still belongs to this paragraph
            self._paragraph_page = self.page
            self._has_text = True
        self._buffer.append(call_marker(label, key))

    def page_break(self, label: str) -> None:
        """A new printed page starts here (inside the open paragraph, or before the next one)."""
        label = label.strip()
        if not label:
            return
        self.page = label
        if self._has_text:
            self._buffer.append(page_marker(label))

    def drop_trailing_hyphen(self) -> None:
        """Remove the line-end hyphen of the open paragraph (page-break markers after it stay)."""
        for i in range(len(self._buffer) - 1, -1, -1):
            piece = self._buffer[i]
            if piece.startswith(_PAGE_OPEN):
                continue
            if piece.endswith(("-", "\u00ad")):
                self._buffer[i] = piece[:-1]
            return

    def new_key(self, prefix: str = "n") -> str:
        self._key_count += 1
        return f"{prefix}{self._key_count}"

    @property
    def open_text(self) -> str:
        """The text of the open paragraph so far (markers included)."""
        return "".join(self._buffer)

    def end(self, kind: BlockKind = "body", level: int = 0) -> Block | None:
        """Close the open paragraph as a block of ``kind``; None when it held no text."""
        raw = "".join(self._buffer)
        page = self._paragraph_page
        self._buffer = []
        self._has_text = False
        text, notes, breaks, start_page = take_markers(raw)
        if not text:
            return None
        block = Block(kind, text, level, notes, None, start_page or page, breaks)
        self.blocks.append(block)
        return block

    def discard(self) -> None:
        self._buffer = []
        self._has_text = False

    # --- notes --------------------------------------------------------------------------
    def add_note(self, key: str, label: str, text: str, *, page: str | None = None, notes: tuple[NoteRef, ...] = ()) -> None:
        """The text of note ``key``; a second text for the same key continues it (a note run over a page)."""
        if not notes:  # a note with calls of its own comes from take_markers, cleaned already
            text = _SPACES.sub(" ", normalize_text(text)).strip()
        if not text:
            return
        old = self._notes.get(key)
        if old is not None:
            shift = len(old.text) + 1
            moved = tuple(NoteRef(n.offset + shift, n.label, n.key) for n in notes)
            self._notes[key] = replace(old, text=f"{old.text} {text}", notes=old.notes + moved)
            return
        self._notes[key] = Block("note", text, 0, notes, None, page, (), key, label.strip() or "*")

    def has_note(self, key: str) -> bool:
        return key in self._notes

    def note_keys(self) -> list[str]:
        return list(self._notes)

    # --- the result ---------------------------------------------------------------------
    def finish(self) -> list[Block]:
        """Body blocks, then every note in the order of its first call (notes never called last)."""
        if self._buffer:
            self.end()
        body = repair_words(self.blocks)
        order: list[str] = []
        seen: set[str] = set()
        for block in body:
            for ref in block.notes:
                if ref.key and ref.key in self._notes and ref.key not in seen:
                    seen.add(ref.key)
                    order.append(ref.key)
                    if self._notes[ref.key].label in (None, "*") and ref.label != "*":
                        self._notes[ref.key] = replace(self._notes[ref.key], label=ref.label)
        order += [k for k in self._notes if k not in seen]
        notes = [self._notes[k] for k in order]
        # a call whose note never came is kept as a plain call (its label shows), unlinked
        body = [
            replace(b, notes=tuple(NoteRef(n.offset, n.label, n.key if n.key in self._notes else None) for n in b.notes))
            if any(n.key and n.key not in self._notes for n in b.notes) else b
            for b in body
        ]
        return body + notes


def repair_words(blocks: list[Block]) -> list[Block]:
    """Words a converter split as "Черни- говской" are joined as the reflow rules decide."""
    if not any(has_split_words(b.text) for b in blocks):
        return blocks
    counts: Counter[str] = word_counts(" ".join(b.text for b in blocks))
    out = []
    for b in blocks:
        if not has_split_words(b.text) or b.page_breaks:
            out.append(b)
            continue
        fixed = repair_split_words(b, counts)
        out.append(replace(fixed, page=b.page, key=b.key, label=b.label, notes=tuple(
            NoteRef(n.offset, n.label, o.key) for n, o in zip(fixed.notes, b.notes))))
    return out


def make_document(
    blocks: list[Block],
    *,
    source_format: str,
    metadata: DocumentMetadata | None,
    encoding: str = "utf-8",
    page_labels: str | None = None,
    warnings: tuple[str, ...] = (),
) -> CleanDocument:
    """The CleanDocument of a book; its title is the file's own, else its first heading."""
    title = (metadata.title if metadata else "") or next((b.text for b in blocks[:8] if b.kind == "heading"), None)
    if page_labels is None and any(b.page for b in blocks):
        page_labels = "printed"
    return CleanDocument(
        blocks=tuple(blocks),
        encoding=encoding,
        warnings=warnings,
        title=title,
        source_format=source_format,
        metadata=metadata,
        page_labels=page_labels if any(b.page for b in blocks) else None,
    )
