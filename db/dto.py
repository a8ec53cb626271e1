"""Plain data handed from the library layer to its callers (CLI, GUI).

Callers never hold ORM objects: these frozen dataclasses are safe to keep,
pass between threads and show in item models.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.services.citing.passage import PassageCitation

KIND_LABELS = {
    "original": "original",
    "published_translation": "published translation",
    "working_translation": "working translation",
    "back_translation": "back-translation",
}
PROJECT_WRITTEN_KINDS = frozenset({"working_translation", "back_translation"})


@dataclass(frozen=True, slots=True)
class TextInfo:
    id: int
    work_id: int
    work_title: str
    title: str
    author: str
    lang: str
    role: str
    kind: str
    translator: str
    date: str
    source: str
    rights: str
    note: str
    paragraph_count: int
    sentence_count: int
    char_count: int
    bundled: bool
    key: str | None
    aligned_with: int | None = None
    alignment_id: int | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def written_by_project(self) -> bool:
        """A working translation or reconstruction written by Sverka's editors."""
        return self.kind in PROJECT_WRITTEN_KINDS

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind_label"] = self.kind_label
        return data


@dataclass(frozen=True, slots=True)
class WorkInfo:
    id: int
    title: str
    author: str
    date: str
    texts: tuple[TextInfo, ...]


@dataclass(frozen=True, slots=True)
class SentenceView:
    position: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ParagraphView:
    position: int
    kind: str
    level: int
    text: str
    lang: str | None
    sentences: tuple[SentenceView, ...]
    notes: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ImportResult:
    text_id: int
    work_id: int
    paragraph_count: int
    sentence_count: int
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Changes:
    """Ids touched by an operation, so that views refresh only what changed."""

    texts: frozenset[int] = frozenset()
    works: frozenset[int] = frozenset()
    alignments: frozenset[int] = frozenset()
    library_reset: bool = False


@dataclass(frozen=True, slots=True)
class BookmarkInfo:
    """A bookmark as the panel and the reader show it.

    ``alignment_id``/``bead_start``/``bead_end`` locate it in the current
    alignment of its pair (beads ``[bead_start, bead_end)``, positions from 0);
    they are ``None`` when the anchors can no longer be found (``lost``).
    """

    id: int
    title: str
    note: str
    colour: str
    tags: tuple[str, ...]
    ru_text_id: int | None
    en_text_id: int | None
    work_title: str
    ru_quote: str
    en_quote: str
    alignment_id: int | None
    bead_start: int | None
    bead_end: int | None
    needs_review: bool
    review_reason: str
    created_at: str
    updated_at: str

    @property
    def lost(self) -> bool:
        return self.bead_start is None


@dataclass(frozen=True, slots=True)
class BookmarkSnapshot:
    """Everything needed to put a deleted bookmark back exactly as it was (undo)."""

    id: int
    ru_text_id: int | None
    en_text_id: int | None
    ru_first_id: int | None
    ru_last_id: int | None
    en_first_id: int | None
    en_last_id: int | None
    title: str
    note: str
    colour: str
    ru_quote: str
    en_quote: str
    needs_review: bool
    review_reason: str
    tags: tuple[str, ...]
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class BookmarkSpan:
    """Where a bookmark lies in one alignment, for marking passages in the reader."""

    bookmark_id: int
    bead_start: int
    bead_end: int
    colour: str
    title: str


@dataclass(frozen=True, slots=True)
class TextCitation:
    """Provenance of one side of an excerpt, as it must be cited."""

    text_id: int
    lang: str
    title: str
    author: str
    date: str
    source: str
    translator: str
    rights: str
    kind: str
    kind_label: str
    note: str
    written_by_project: bool
    paragraph_first: int | None
    paragraph_last: int | None
    sentence_first: int | None
    sentence_last: int | None


@dataclass(frozen=True, slots=True)
class ExcerptNote:
    """A foot- or endnote called by an exported sentence: its printed label and its text."""

    label: str
    text: str


@dataclass(frozen=True, slots=True)
class ExcerptBead:
    """One bead of an excerpt: the Russian and English sentences it pairs."""

    position: int
    ru: str
    en: str
    ru_paragraph: int | None
    en_paragraph: int | None
    status: str
    ru_page: str | None = None  # printed page the bead's Russian starts on, if the text has pages
    en_page: str | None = None
    ru_notes: tuple[ExcerptNote, ...] = ()  # the notes the bead's sentences call, in order
    en_notes: tuple[ExcerptNote, ...] = ()


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A run of beads of one alignment with the citation of both texts.

    ``bead_first``/``bead_last`` are positions from 0 (inclusive); people see
    them as numbers from 1.  ``heading`` names a bookmark when the excerpt is one.
    """

    alignment_id: int
    work_title: str
    work_author: str
    work_date: str
    ru: TextCitation
    en: TextCitation
    bead_first: int
    bead_last: int
    beads: tuple[ExcerptBead, ...]
    heading: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()
    citation: PassageCitation | None = None  # the records of both texts and where the passage is in each


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """What one export file holds: one or more excerpts, and when it was made.

    ``style`` (chicago, gost) and ``romanisation`` (strict, plain) choose how the
    citations are written; ``paper`` (a4, letter) is the page of DOCX and PDF;
    ``author`` is who made the export (DOCX and PDF properties).
    """

    title: str
    excerpts: tuple[Excerpt, ...]
    exported_at: str
    style: str = "chicago"
    romanisation: str = "strict"
    paper: str = "a4"
    author: str = ""


@dataclass(frozen=True, slots=True)
class AlignedImportResult:
    ru_text_id: int
    en_text_id: int
    alignment_id: int
    bead_count: int
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class ReplaceResult:
    """A stand-in replaced: the new text, its alignment, and what became of the bookmarks."""

    old_text_id: int
    new_text_id: int
    alignment_id: int
    bookmarks_remapped: tuple[int, ...]
    bookmarks_flagged: tuple[int, ...]
    warnings: tuple[str, ...] = field(default=())
