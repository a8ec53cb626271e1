"""ORM classes of the library (SQLAlchemy 2.0 typed mappings).

The schema is owned by the Alembic migrations in ``db/migrations``; these
classes must match them (a test compares the migrated schema with
``Base.metadata``).  Large child collections (paragraphs, sentences, beads) are
write-only relationships: they are read with explicit, ordered selects.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    WriteOnlyMapped,
    mapped_column,
    relationship,
)

from db.types import CleanJSON, CleanString, CleanText

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

TextKind = Literal["original", "published_translation", "working_translation", "back_translation"]
TEXT_KINDS: tuple[str, ...] = (
    "original",
    "published_translation",
    "working_translation",
    "back_translation",
)
BEAD_STATUSES: tuple[str, ...] = ("auto", "confirmed", "edited")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Work(Base):
    """A work: the original and all its translations belong to one work."""

    __tablename__ = "works"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(CleanText)
    author: Mapped[str] = mapped_column(CleanText, default="")
    date: Mapped[str] = mapped_column(CleanString(40), default="")
    description: Mapped[str] = mapped_column(CleanText, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, server_default=func.current_timestamp())

    texts: Mapped[list[LibraryText]] = relationship(back_populates="work", passive_deletes=True)


class LibraryText(Base):
    """One text in one language, with its provenance."""

    __tablename__ = "texts"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('original', 'published_translation', 'working_translation', 'back_translation')",
            name="kind",
        ),
        CheckConstraint("role IN ('original', 'translation')", name="role"),
        CheckConstraint("lang IN ('ru', 'en')", name="lang"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    work_id: Mapped[int] = mapped_column(ForeignKey("works.id", ondelete="CASCADE"), index=True)
    key: Mapped[str | None] = mapped_column(String(120), unique=True)
    lang: Mapped[str] = mapped_column(String(8))
    role: Mapped[str] = mapped_column(String(16), default="original")
    kind: Mapped[str] = mapped_column(String(32), default="original")
    title: Mapped[str] = mapped_column(CleanText)
    author: Mapped[str] = mapped_column(CleanText, default="")
    translator: Mapped[str] = mapped_column(CleanText, default="")
    date: Mapped[str] = mapped_column(CleanString(40), default="")
    source: Mapped[str] = mapped_column(CleanText, default="")
    rights: Mapped[str] = mapped_column(CleanText, default="")
    note: Mapped[str] = mapped_column(CleanText, default="")
    file_format: Mapped[str] = mapped_column(String(16), default="text")
    encoding: Mapped[str] = mapped_column(String(32), default="utf-8")
    original_filename: Mapped[str] = mapped_column(CleanText, default="")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    bundled: Mapped[bool] = mapped_column(Boolean, default=False)
    paragraph_count: Mapped[int] = mapped_column(Integer, default=0)
    sentence_count: Mapped[int] = mapped_column(Integer, default=0)
    char_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, server_default=func.current_timestamp())
    # The structured bibliographic record (db.services.records); NULL: only the free-text fields above.
    record: Mapped[dict[str, object] | None] = mapped_column(CleanJSON)
    # "printed": paragraphs carry printed page labels; "physical": only the file's page numbers; NULL: no pages.
    page_labels: Mapped[str | None] = mapped_column(String(16))

    work: Mapped[Work] = relationship(back_populates="texts")
    paragraphs: WriteOnlyMapped[Paragraph] = relationship(passive_deletes=True, order_by="Paragraph.position")
    sentences: WriteOnlyMapped[Sentence] = relationship(passive_deletes=True, order_by="Sentence.position")


class Paragraph(Base):
    __tablename__ = "paragraphs"
    __table_args__ = (
        UniqueConstraint("text_id", "position"),
        CheckConstraint("kind IN ('heading', 'body', 'note', 'quote', 'epigraph', 'verse', 'table')", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    text_id: Mapped[int] = mapped_column(ForeignKey("texts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default="body")
    level: Mapped[int] = mapped_column(Integer, default=0)
    lang: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(CleanText)
    notes: Mapped[list[list[int | str]] | None] = mapped_column(CleanJSON)
    # Printed page label where the paragraph starts, and the page breaks inside
    # it as [[offset, label], …]: a sentence is cited to the page it starts on.
    page: Mapped[str | None] = mapped_column(CleanString(32))
    page_breaks: Mapped[list[list[int | str]] | None] = mapped_column(CleanJSON)
    # A note's text: the key its calls name (``notes`` of the calling paragraph holds
    # [offset, label, key]) and the label it is printed with.
    note_key: Mapped[str | None] = mapped_column(CleanString(64))
    note_label: Mapped[str | None] = mapped_column(CleanString(32))


class Sentence(Base):
    """A sentence; ``start``/``end`` are character offsets into its paragraph text.

    ``position`` numbers the sentences of a text from 0, across paragraphs, so
    that beads can refer to sentence ranges.
    """

    __tablename__ = "sentences"
    __table_args__ = (UniqueConstraint("text_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    text_id: Mapped[int] = mapped_column(ForeignKey("texts.id", ondelete="CASCADE"))
    paragraph_id: Mapped[int] = mapped_column(ForeignKey("paragraphs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(CleanText)


class Alignment(Base):
    """An alignment between a Russian text and an English text."""

    __tablename__ = "alignments"
    __table_args__ = (UniqueConstraint("ru_text_id", "en_text_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ru_text_id: Mapped[int] = mapped_column(ForeignKey("texts.id", ondelete="CASCADE"), index=True)
    en_text_id: Mapped[int] = mapped_column(ForeignKey("texts.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, server_default=func.current_timestamp())

    beads: WriteOnlyMapped[Bead] = relationship(passive_deletes=True, order_by="Bead.position")


class Bead(Base):
    """Russian sentence range ``[ru_start, ru_end)`` ↔ English ``[en_start, en_end)``.

    Ranges are sentence positions of the two texts; an empty range is an
    omission or addition.
    """

    __tablename__ = "beads"
    __table_args__ = (
        UniqueConstraint("alignment_id", "position"),
        CheckConstraint("status IN ('auto', 'confirmed', 'edited')", name="status"),
        CheckConstraint("ru_start <= ru_end AND en_start <= en_end", name="ranges"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alignment_id: Mapped[int] = mapped_column(ForeignKey("alignments.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    ru_start: Mapped[int] = mapped_column(Integer)
    ru_end: Mapped[int] = mapped_column(Integer)
    en_start: Mapped[int] = mapped_column(Integer)
    en_end: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    status: Mapped[str] = mapped_column(String(16), default="auto")
    # Why the aligner is unsure of this bead (a short code), NULL when it is sure.
    doubt: Mapped[str | None] = mapped_column(String(64))


class LibrarySetting(Base):
    """Small key/value facts about the library itself (e.g. bundled-library version)."""

    __tablename__ = "library_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(CleanText, default="")


class Bookmark(Base):
    """A bookmarked passage of an aligned pair, with the user's title, note, tags and colour.

    Anchoring: a bookmark points at *sentences*, not at beads or positions.  It
    keeps the first and the last sentence id of the passage on each side
    (``ru_first_id`` … ``en_last_id``).  Sentence ids never change when a pair
    is re-aligned or its beads are edited, so the bookmark's beads are
    recomputed on every read from the current alignment (the beads that
    overlap the anchored sentences on either side).  Positions are not stored:
    they shift when a sentence is split or merged (issue 8), ids do not.  Two
    sides make it robust: if the anchors of one side vanish (a sentence merged
    away sets them to NULL), the other side still locates the passage.  When a
    stand-in text is replaced, ``db.services.replacing`` re-anchors the
    replaced side through the unchanged one.

    ``ru_quote``/``en_quote`` keep the passage's words as they were anchored,
    so a bookmark whose anchors are all lost (its text deleted) still shows
    what it was about; such bookmarks and those that could not be remapped are
    flagged with ``needs_review`` and a ``review_reason`` — never dropped.
    """

    __tablename__ = "bookmarks"

    id: Mapped[int] = mapped_column(primary_key=True)
    ru_text_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id", ondelete="SET NULL"), index=True)
    en_text_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id", ondelete="SET NULL"), index=True)
    ru_first_id: Mapped[int | None] = mapped_column(ForeignKey("sentences.id", ondelete="SET NULL"))
    ru_last_id: Mapped[int | None] = mapped_column(ForeignKey("sentences.id", ondelete="SET NULL"))
    en_first_id: Mapped[int | None] = mapped_column(ForeignKey("sentences.id", ondelete="SET NULL"))
    en_last_id: Mapped[int | None] = mapped_column(ForeignKey("sentences.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(CleanText, default="")
    note: Mapped[str] = mapped_column(CleanText, default="")
    colour: Mapped[str] = mapped_column(String(16), default="#ffd54f")
    ru_quote: Mapped[str] = mapped_column(CleanText, default="")
    en_quote: Mapped[str] = mapped_column(CleanText, default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    review_reason: Mapped[str] = mapped_column(CleanText, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, server_default=func.current_timestamp())


class Tag(Base):
    """A bookmark tag; ``key`` is the case-folded name, so "Kulak" and "kulak" are one tag."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(CleanString(120))


class BookmarkTag(Base):
    __tablename__ = "bookmark_tags"

    bookmark_id: Mapped[int] = mapped_column(ForeignKey("bookmarks.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True)


class GlossaryUserEntry(Base):
    """A glossary entry the user wrote (or their edited copy of a bundled one).

    Stored as the entry's JSON; an update of the bundled glossary never
    touches this table, and an entry here wins over a bundled one of the same id.
    """

    __tablename__ = "glossary_user_entries"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    data: Mapped[dict[str, object]] = mapped_column(CleanJSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, server_default=func.current_timestamp())


class TermOccurrence(Base):
    """A glossary term found in a sentence when the text was imported.

    ``start``/``end`` are offsets into the sentence text; ``entry_id`` names a
    bundled or user glossary entry (not a foreign key: bundled entries live in
    ``resources``).
    """

    __tablename__ = "term_occurrences"

    id: Mapped[int] = mapped_column(primary_key=True)
    text_id: Mapped[int] = mapped_column(ForeignKey("texts.id", ondelete="CASCADE"), index=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    entry_id: Mapped[str] = mapped_column(String(120), index=True)


class TextVectors(Base):
    """Meaning vectors of a text's sentences, for locating quotations (``db.services.sentence_vectors``).

    Computing them takes seconds per few hundred sentences, so they are stored.
    They are valid only for the sentences they were computed from (``signature``)
    and the model that computed them (``model``); either changing makes them stale.
    ``vectors`` holds ``count`` x ``dim`` float16 numbers, row by row.
    """

    __tablename__ = "text_vectors"

    text_id: Mapped[int] = mapped_column(ForeignKey("texts.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(200))
    signature: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(Integer)
    dim: Mapped[int] = mapped_column(Integer)
    vectors: Mapped[bytes] = mapped_column(LargeBinary)
