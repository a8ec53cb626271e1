"""Review mode's questions about an alignment: how much is confirmed, where the next unsure bead is.

A bead is *unsure* as ``db.services.unsure`` defines it (made by the aligner,
confidence below the threshold); confirmed and edited beads are never unsure.
Functions take the caller's Session and never write.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Bead
from db.services.bead_store import get_alignment
from db.services.unsure import UNSURE


@dataclass(frozen=True, slots=True)
class ReviewProgress:
    """Bead counts by status and the share of sentences (both sides) in confirmed or edited beads."""

    beads: int
    confirmed: int
    edited: int
    unsure: int
    sentences: int
    sentences_checked: int

    @property
    def checked_fraction(self) -> float:
        return self.sentences_checked / self.sentences if self.sentences else 0.0


def review_progress(session: Session, alignment_id: int) -> ReviewProgress:
    get_alignment(session, alignment_id)
    size = (Bead.ru_end - Bead.ru_start) + (Bead.en_end - Bead.en_start)
    rows = session.execute(
        select(Bead.status, UNSURE, func.count(), func.sum(size))
        .where(Bead.alignment_id == alignment_id)
        .group_by(Bead.status, UNSURE)
    ).all()
    count = {"auto": 0, "confirmed": 0, "edited": 0}
    unsure = sentences = checked = 0
    for status, is_unsure, n, s in rows:
        count[status] += n
        sentences += s or 0
        unsure += n if is_unsure else 0
        if status != "auto":
            checked += s or 0
    return ReviewProgress(sum(count.values()), count["confirmed"], count["edited"], unsure, sentences, checked)


def next_unsure(session: Session, alignment_id: int, after: int, *, backwards: bool = False) -> int | None:
    """Position of the first unsure bead after position ``after`` (before it with ``backwards``)."""
    query = select(Bead.position).where(Bead.alignment_id == alignment_id, UNSURE)
    if backwards:
        query = query.where(Bead.position < after).order_by(Bead.position.desc())
    else:
        query = query.where(Bead.position > after).order_by(Bead.position)
    return session.scalars(query.limit(1)).first()
