"""Plain data that the text pipeline produces: blocks, sentences, note references.

Everything here is a frozen dataclass so that results can be shared between
threads and compared in tests.  Offsets are character offsets into the text of
the paragraph they belong to (Python string indices, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "body", "note", "quote", "epigraph", "verse", "table"]
"""``note``: the text of a foot- or endnote (shown apart, not aligned with the body);
``quote``/``epigraph``/``verse``: set off from the running text in the source;
``table``: a table flattened to text, one row per block."""

PageBreak = tuple[int, str]
"""(offset into the block text, printed label of the page that starts there)."""


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A note call (``<sup>5</sup>``, ``Leningrad.⁵⁵``) removed from the running text.

    ``offset`` is where the call stood in the cleaned paragraph text; ``key``
    names the note block it calls (``Block.key``), None when the note's text
    was not found.
    """

    offset: int
    label: str
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A cleaned paragraph or heading, before sentence splitting.

    ``lang`` is set when the block is in another language than its document
    (a Russian document transcribed inside an English book).  ``page`` is the
    printed page label where the block starts and ``page_breaks`` the pages
    that start inside it.  A note block has a ``key`` (unique in its document,
    what calls refer to) and the ``label`` it is printed with ("1", "*").
    """

    kind: BlockKind
    text: str
    level: int = 0
    notes: tuple[NoteRef, ...] = ()
    lang: str | None = None
    page: str | None = None
    page_breaks: tuple[PageBreak, ...] = ()
    key: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block split into sentences; ``sentences[i].text == text[start:end]``."""

    kind: BlockKind
    text: str
    sentences: tuple[Sentence, ...]
    level: int = 0
    notes: tuple[NoteRef, ...] = ()
    lang: str | None = None
    page: str | None = None
    page_breaks: tuple[PageBreak, ...] = ()
    key: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """A name as bibliographic records keep it (CSL: ``family``, ``given``; or a
    ``literal`` name that cannot be split, such as an institution)."""

    family: str = ""
    given: str = ""
    literal: str = ""


@dataclass(frozen=True, slots=True)
class DocumentMetadata:
    """What a file says about itself (EPUB OPF, FB2 title-info, DOCX core properties, PDF info).

    Empty strings where the file says nothing; ``date`` as written ("1993",
    "1993-05-02"); ``language`` as a code ("ru", "en").
    """

    title: str = ""
    authors: tuple[Person, ...] = ()
    translators: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    language: str = ""
    date: str = ""
    publisher: str = ""
    place: str = ""
    isbn: str = ""
    description: str = ""
    series: str = ""


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """What cleaning a file gives: the blocks plus what was learned on the way.

    ``title``: the HTML <title> or first heading (file name when nothing better);
    ``source_format``: "text" | "markdown" | "html" | "pdf-text" | "pdf" | "epub" |
    "docx" | "odt" | "fb2";
    ``removed``: texts of the boilerplate blocks that cleaning dropped;
    ``metadata``: what the file says about itself (books), None for plain files;
    ``page_labels``: "printed" when blocks carry printed page labels, "physical"
    when the labels are only the file's page numbers, None without pages.
    """

    blocks: tuple[Block, ...]
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = field(default=())
    title: str | None = None
    source_format: str = "text"
    removed: tuple[str, ...] = field(default=())
    metadata: DocumentMetadata | None = None
    page_labels: str | None = None
