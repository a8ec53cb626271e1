"""Citations from the library: where a passage stands in each text (printed pages from
the paragraphs' page labels, else paragraph numbers) and the records of its texts.

``passage_citation(session, alignment_id, first, last)`` cites beads
``first..last`` of a pair; ``text_citation(session, text_id, …)`` cites a text
read alone (or the whole text).  The rendering is ``db.services.citing``.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.errors import TextNotFoundError
from db.models import Alignment, Bead, LibraryText, Paragraph, Sentence
from db.services.citing.locators import Locator
from db.services.citing.passage import CitedSide, PassageCitation
from db.services.pages import page_at
from db.services.records import Record, record_of


def sentence_locator(session: Session, text_id: int, first: int, last: int) -> Locator:
    """Pages (or paragraphs) of sentences ``first..last`` (positions from 0, both included) of a text."""
    if last < first:
        return Locator()
    rows = session.execute(
        select(Sentence.position, Sentence.start, Sentence.end, Paragraph.position, Paragraph.page, Paragraph.page_breaks)
        .join(Paragraph, Paragraph.id == Sentence.paragraph_id)
        .where(Sentence.text_id == text_id, Sentence.position.in_((first, last)))
    ).all()
    by_position = {r[0]: r for r in rows}
    a, b = by_position.get(first), by_position.get(last)
    if a is None or b is None:
        return Locator()
    first_page = page_at(a[4], a[5], a[1])
    last_page = page_at(b[4], b[5], max(b[1], b[2] - 1))  # the page the last sentence ends on
    if first_page or last_page:
        return Locator(first_page=first_page or last_page, last_page=last_page or first_page)
    return Locator(first_paragraph=a[3] + 1, last_paragraph=b[3] + 1)


def _offset(record: Record, key: str) -> int:
    value = record.extra.get(key)
    return value if isinstance(value, int) and value > 0 else 0


def _side(session: Session, text: LibraryText, first: int | None, last: int | None) -> CitedSide:
    record = record_of(text)
    locator = sentence_locator(session, text.id, first, last) if first is not None and last is not None else Locator()
    shift = _offset(record, "x-sverka-paragraph-offset")  # an excerpt re-imported: the source's numbers
    if shift and locator.has_paragraphs and not locator.has_pages:
        locator = replace(locator, first_paragraph=locator.first_paragraph + shift,  # type: ignore[operator]
                          last_paragraph=(locator.last_paragraph or locator.first_paragraph) + shift)  # type: ignore[operator]
    return CitedSide(lang=text.lang, kind=text.kind, record=record, locator=locator)


def passage_citation(session: Session, alignment_id: int, bead_first: int, bead_last: int) -> PassageCitation:
    """The citation of beads ``bead_first..bead_last`` (positions from 0, both included) of an alignment."""
    a = session.get(Alignment, alignment_id)
    if a is None:
        raise ValueError(f"There is no alignment {alignment_id} in the library.")
    beads = session.execute(
        select(Bead.ru_start, Bead.ru_end, Bead.en_start, Bead.en_end)
        .where(Bead.alignment_id == alignment_id, Bead.position >= bead_first, Bead.position <= bead_last)
    ).all()
    sides = []
    for lang, text_id, lo, hi in (("ru", a.ru_text_id, 0, 1), ("en", a.en_text_id, 2, 3)):
        text = session.get(LibraryText, text_id)
        assert text is not None
        spans = [(b[lo], b[hi]) for b in beads if b[hi] > b[lo]]
        first = min((s for s, _ in spans), default=None)
        last = max((e for _, e in spans), default=None)
        sides.append(_side(session, text, first, None if last is None else last - 1))
    shift = _offset(sides[0].record, "x-sverka-bead-offset")
    return PassageCitation(sides=tuple(sides), beads=(bead_first + 1 + shift, bead_last + 1 + shift))


def text_citation(session: Session, text_id: int, first_sentence: int | None = None,
                  last_sentence: int | None = None) -> PassageCitation:
    """A text alone: sentences ``first..last`` of it, or the whole work when they are None."""
    text = session.get(LibraryText, text_id)
    if text is None:
        raise TextNotFoundError(text_id)
    return PassageCitation(sides=(_side(session, text, first_sentence, last_sentence),))


def text_side(session: Session, text_id: int) -> CitedSide:
    text = session.get(LibraryText, text_id)
    if text is None:
        raise TextNotFoundError(text_id)
    return _side(session, text, None, None)


def citation_for(session: Session, text_id: int | None = None, bead_range: tuple[int, int] | None = None,
                 bookmark_id: int | None = None) -> PassageCitation:
    """What ``sverka cite`` and the window cite: beads of the pair a text is in (positions from
    0, both included), a bookmark's passage, or a whole text (its work, no locator)."""
    from db.services.export.excerpt import alignment_for_text
    from db.services.bookmarks import get_bookmark

    if bookmark_id is not None:
        info = get_bookmark(session, bookmark_id)
        if info.alignment_id is None or info.bead_start is None or info.bead_end is None:
            raise ValueError(f"Bookmark {bookmark_id} can no longer be found in its texts; review it first.")
        return passage_citation(session, info.alignment_id, info.bead_start, info.bead_end - 1)
    if text_id is None:
        raise ValueError("Say what to cite: a text id, with --range FIRST-LAST for beads of its pair, or --bookmark ID.")
    if bead_range is None:
        return text_citation(session, text_id)
    alignment_id = alignment_for_text(session, text_id)
    first, last = bead_range
    count = session.scalar(select(func.count()).select_from(Bead).where(Bead.alignment_id == alignment_id)) or 0
    if first >= count:
        raise ValueError(f"The pair has {count} beads; bead {first + 1} is not one of them.")
    return passage_citation(session, alignment_id, first, min(last, count - 1))
