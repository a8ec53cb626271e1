"""Reading an alignment's beads as ``BeadSpan`` lists and writing an edited window back.

``write_window`` stores one ``ReplaceBeads`` with as few writes as it can: the
beads of the window are updated in place (their ids survive, so the reader's
caches keyed by bead id stay valid), surplus rows are deleted or inserted, and
only when the number of beads changes are the positions of the beads after
the window shifted.  Functions take the caller's Session and never commit.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from alignment.aligner.edit_errors import CoverageError
from alignment.aligner.edits import BeadSpan, ReplaceBeads, check_coverage
from db.models import Alignment, Bead, Sentence
from db.services.reading import AlignmentNotFoundError


def load_spans(session: Session, alignment_id: int) -> list[BeadSpan]:
    """Every bead of an alignment, in order."""
    rows = session.execute(
        select(Bead.ru_start, Bead.ru_end, Bead.en_start, Bead.en_end, Bead.score, Bead.confidence, Bead.status,
               Bead.doubt)
        .where(Bead.alignment_id == alignment_id)
        .order_by(Bead.position)
    ).all()
    return [BeadSpan(*row) for row in rows]


def get_alignment(session: Session, alignment_id: int) -> Alignment:
    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise AlignmentNotFoundError(alignment_id)
    return alignment


def _values(span: BeadSpan) -> dict[str, object]:
    return {
        "ru_start": span.ru_start,
        "ru_end": span.ru_end,
        "en_start": span.en_start,
        "en_end": span.en_end,
        "score": span.score,
        "confidence": span.confidence,
        "status": span.status,
        "doubt": span.doubt,
    }


def shift_bead_positions(session: Session, alignment_id: int, from_position: int, delta: int) -> None:
    """Add ``delta`` to the position of every bead at ``from_position`` or later.

    SQLite checks the unique (alignment, position) pair row by row, so the rows
    pass through negative positions first.
    """
    if delta == 0:
        return
    params = {"a": alignment_id, "p": from_position, "d": delta}
    session.execute(
        text("UPDATE beads SET position = -(position + :d) - 1 WHERE alignment_id = :a AND position >= :p"), params
    )
    session.execute(text("UPDATE beads SET position = -position - 1 WHERE alignment_id = :a AND position < 0"),
                    {"a": alignment_id})


def write_window(session: Session, alignment_id: int, edit: ReplaceBeads) -> None:
    """Store ``edit`` (already checked against the stored beads)."""
    ids = list(
        session.scalars(
            select(Bead.id)
            .where(Bead.alignment_id == alignment_id, Bead.position >= edit.start,
                   Bead.position < edit.start + len(edit.old))
            .order_by(Bead.position)
        )
    )
    common = min(len(edit.old), len(edit.new))
    for bead_id, old, new in zip(ids, edit.old, edit.new):
        if old != new:
            session.execute(update(Bead).where(Bead.id == bead_id).values(_values(new)))
    if len(ids) > common:
        session.execute(delete(Bead).where(Bead.id.in_(ids[common:])))
    shift_bead_positions(session, alignment_id, edit.start + len(edit.old), len(edit.new) - len(edit.old))
    if len(edit.new) > common:
        session.execute(
            insert(Bead),
            [dict(_values(span), alignment_id=alignment_id, position=edit.start + k)
             for k, span in enumerate(edit.new[common:], start=common)],
        )
    touch(session, alignment_id)


def touch(session: Session, alignment_id: int) -> None:
    session.execute(
        update(Alignment)
        .where(Alignment.id == alignment_id)
        .values(updated_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    )


def check_stored_alignment(session: Session, alignment_id: int) -> None:
    """Raise ``CoverageError`` unless the alignment's beads cover both texts exactly once, in order."""
    alignment = get_alignment(session, alignment_id)
    counts = []
    for text_id in (alignment.ru_text_id, alignment.en_text_id):
        counts.append(session.scalar(select(func.count()).select_from(Sentence).where(Sentence.text_id == text_id)))
    positions = session.scalars(
        select(Bead.position).where(Bead.alignment_id == alignment_id).order_by(Bead.position)
    ).all()
    if list(positions) != list(range(len(positions))):
        raise CoverageError(0, "bead positions are not numbered 0, 1, 2…")
    check_coverage(load_spans(session, alignment_id), counts[0], counts[1])
