"""What a user copies: the words of a passage (Russian, English or both) with its citation.

``quote_beads`` takes beads of an aligned pair, ``quote_sentences`` sentences of
a text read alone, ``quote_bookmark`` a bookmark's passage.  The words keep
their paragraph breaks; the citation is ``db.services.citations``'.  Formatting
for the clipboard is ``db.services.citing.quotation``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import TextNotFoundError
from db.models import LibraryText, Paragraph, Sentence
from db.services.citations import passage_citation, text_citation
from db.services.citing.passage import PassageCitation
from db.services.export import excerpt as excerpts


@dataclass(frozen=True, slots=True)
class Quotation:
    """The words of a passage on each side (``""`` where a side is absent) and its citation."""

    ru: str
    en: str
    citation: PassageCitation
    title: str = ""  # a bookmark's title, when one is copied


def _join(pieces: list[tuple[int | None, str]]) -> str:
    """Sentences joined by spaces within a paragraph and by a blank line between paragraphs."""
    out: list[str] = []
    current: object = object()
    for paragraph, text in pieces:
        if not text:
            continue
        if out and paragraph == current:
            out[-1] += " " + text
        else:
            out.append(text)
        current = paragraph
    return "\n\n".join(out)


def quote_beads(session: Session, alignment_id: int, first: int, last: int, *, title: str = "") -> Quotation:
    """Beads ``first..last`` (positions from 0, both included) of an aligned pair."""
    excerpt = excerpts.excerpt_for_range(session, alignment_id, first, last)
    ru = _join([(b.ru_paragraph, b.ru) for b in excerpt.beads])
    en = _join([(b.en_paragraph, b.en) for b in excerpt.beads])
    citation = excerpt.citation or passage_citation(session, alignment_id, first, last)
    return Quotation(ru=ru, en=en, citation=citation, title=title)


def quote_sentences(session: Session, text_id: int, first: int, last: int) -> Quotation:
    """Sentences ``first..last`` (positions from 0, both included) of a text read alone."""
    text = session.get(LibraryText, text_id)
    if text is None:
        raise TextNotFoundError(text_id)
    rows = session.execute(
        select(Paragraph.position, Sentence.text)
        .join(Paragraph, Paragraph.id == Sentence.paragraph_id)
        .where(Sentence.text_id == text_id, Sentence.position >= first, Sentence.position <= last)
        .order_by(Sentence.position)
    ).all()
    words = _join([(p, t) for p, t in rows])
    citation = text_citation(session, text_id, first, last)
    return Quotation(ru=words if text.lang == "ru" else "", en=words if text.lang == "en" else "", citation=citation)


def quote_bookmark(session: Session, bookmark_id: int) -> Quotation:
    excerpt = excerpts.excerpt_for_bookmark(session, bookmark_id)
    return quote_beads(session, excerpt.alignment_id, excerpt.bead_first, excerpt.bead_last, title=excerpt.heading)
