"""Plain data that the text pipeline produces: blocks, sentences, note references.

Everything here is a frozen dataclass so that results can be shared between
threads and compared in tests.  Offsets are character offsets into the text of
the paragraph they belong to (Python string indices, end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "body", "note"]
"""``note``: the text of a foot- or endnote (shown apart, not aligned by default)."""


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A note call (``<sup>5</sup>``, ``Leningrad.⁵⁵``) removed from the running text.

    ``offset`` is where the call stood in the cleaned paragraph text.
    """

    offset: int
    label: str


@dataclass(frozen=True, slots=True)
class Block:
    """A cleaned paragraph or heading, before sentence splitting.

    ``lang`` is set when the block is in another language than its document
    (a Russian document transcribed inside an English book).
    """

    kind: BlockKind
    text: str
    level: int = 0
    notes: tuple[NoteRef, ...] = ()
    lang: str | None = None


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


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """What cleaning a file gives: the blocks plus what was learned on the way.

    ``title``: the HTML <title> or first heading (file name when nothing better);
    ``source_format``: "text" | "markdown" | "html" | "pdf-text";
    ``removed``: texts of the boilerplate blocks that cleaning dropped.
    """

    blocks: tuple[Block, ...]
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = field(default=())
    title: str | None = None
    source_format: str = "text"
    removed: tuple[str, ...] = field(default=())
