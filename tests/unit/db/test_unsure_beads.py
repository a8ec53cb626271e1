"""Unsure beads in the library: few on a right alignment, each with its reason, one definition everywhere."""

from __future__ import annotations

from sqlalchemy import select, update

from alignment.aligner.scoring.confidence import REASONS
from db.models import Alignment, Bead, LibraryText
from db.services.review import next_unsure, review_progress
from db.services.unsure import UNSURE, is_stored_unsure

# The bundled 1931 pair was checked by reading: every bead is right, so every flag is a false flag.
# The old confidence flagged 26 of its 418 beads; the calibrated one flags 1.
MAX_FALSE_FLAGS_1931 = 3


def _alignment_1931(session) -> int:
    ru = session.scalars(select(LibraryText).where(LibraryText.key == "trotsky-1931-problems-of-development.ru")).one()
    return session.scalars(select(Alignment.id).where(Alignment.ru_text_id == ru.id)).one()


def test_a_right_alignment_has_at_most_a_handful_of_unsure_beads(bundled_library) -> None:
    with bundled_library.sessions() as s:
        aid = _alignment_1931(s)
        beads = s.scalars(select(Bead).where(Bead.alignment_id == aid)).all()
        progress = review_progress(s, aid)
    unsure = [b for b in beads if is_stored_unsure(b.status, b.confidence)]
    assert len(beads) == 418
    assert progress.unsure == len(unsure) <= MAX_FALSE_FLAGS_1931
    # Every unsure bead says why; sure beads carry no reason.
    assert all(b.doubt in REASONS for b in unsure)
    assert all(b.doubt is None for b in beads if not is_stored_unsure(b.status, b.confidence))


def test_sql_and_python_agree_on_what_is_unsure(bundled_library) -> None:
    with bundled_library.sessions.begin() as s:
        aid = _alignment_1931(s)
        s.execute(update(Bead).where(Bead.alignment_id == aid, Bead.position.in_((2, 7)))
                  .values(confidence=0.05, doubt="merge"))
        s.execute(update(Bead).where(Bead.alignment_id == aid, Bead.position == 7).values(status="confirmed"))
    with bundled_library.sessions() as s:
        rows = s.execute(select(Bead.position, Bead.status, Bead.confidence, UNSURE)
                         .where(Bead.alignment_id == aid).order_by(Bead.position)).all()
        assert all(bool(sql) == is_stored_unsure(status, c) for _p, status, c, sql in rows)
        flagged = [p for p, status, c, _sql in rows if is_stored_unsure(status, c)]
        assert 2 in flagged and 7 not in flagged  # a confirmed bead is never unsure
        assert next_unsure(s, aid, -1) == flagged[0]
