"""Aligning two texts of the library and reading the stored beads."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from alignment.aligner.align import align
from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from db.dto import Changes
from db.engine import Library
from db.errors import TextNotFoundError
from db.models import Alignment, Bead, LibraryText, Paragraph, Sentence

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BeadRow:
    position: int
    ru_start: int
    ru_end: int
    en_start: int
    en_end: int
    score: float
    confidence: float
    status: str


@dataclass(frozen=True, slots=True)
class _Units:
    texts: list[str]
    paragraphs: list[int]


def _units(session: Session, text_id: int) -> _Units:
    rows = session.execute(
        select(Sentence.text, Paragraph.position)
        .join(Paragraph, Sentence.paragraph_id == Paragraph.id)
        .where(Sentence.text_id == text_id)
        .order_by(Sentence.position)
    ).all()
    return _Units([r[0] for r in rows], [r[1] for r in rows])


def _ranges(indices: tuple[int, ...]) -> tuple[int, int] | None:
    if not indices:
        return None
    return min(indices), max(indices) + 1


def align_texts(
    library: Library,
    ru_text_id: int,
    en_text_id: int,
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Changes:
    """Align a Russian and an English text, replacing any earlier alignment of the pair."""
    progress = progress or NullProgress()
    with library.sessions() as session:
        for tid, lang in ((ru_text_id, "ru"), (en_text_id, "en")):
            t = session.get(LibraryText, tid)
            if t is None:
                raise TextNotFoundError(tid)
            if t.lang != lang:
                raise ValueError(f"Text {tid} is {t.lang}, not {lang}: give the Russian text first, then the English.")
        ru = _units(session, ru_text_id)
        en = _units(session, en_text_id)
    beads = align(
        ru.texts,
        en.texts,
        src_paragraphs=ru.paragraphs,
        tgt_paragraphs=en.paragraphs,
        progress=progress,
        cancel=cancel,
    )
    cancel.raise_if_cancelled()
    rows = []
    ru_next = en_next = 0
    for i, b in enumerate(beads):
        ru_range = _ranges(tuple(b.src)) or (ru_next, ru_next)
        en_range = _ranges(tuple(b.tgt)) or (en_next, en_next)
        ru_next, en_next = ru_range[1], en_range[1]
        rows.append(
            {
                "position": i,
                "ru_start": ru_range[0],
                "ru_end": ru_range[1],
                "en_start": en_range[0],
                "en_end": en_range[1],
                "score": float(b.score),
                "confidence": float(b.confidence),
                "status": "auto",
                "doubt": b.doubt,
            }
        )
    with library.sessions.begin() as session:
        existing = session.scalars(
            select(Alignment).where(Alignment.ru_text_id == ru_text_id, Alignment.en_text_id == en_text_id)
        ).first()
        if existing is None:
            existing = Alignment(ru_text_id=ru_text_id, en_text_id=en_text_id, method="sverka")
            session.add(existing)
            session.flush()
        else:
            session.execute(delete(Bead).where(Bead.alignment_id == existing.id))
            existing.updated_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        for row in rows:
            row["alignment_id"] = existing.id
        if rows:
            session.execute(insert(Bead), rows)
        alignment_id = existing.id
    log.info("aligned %d with %d: %d beads", ru_text_id, en_text_id, len(rows))
    return Changes(texts=frozenset({ru_text_id, en_text_id}), alignments=frozenset({alignment_id}))


def alignment_beads(session: Session, alignment_id: int) -> list[BeadRow]:
    return [
        BeadRow(b.position, b.ru_start, b.ru_end, b.en_start, b.en_end, b.score, b.confidence, b.status)
        for b in session.scalars(select(Bead).where(Bead.alignment_id == alignment_id).order_by(Bead.position))
    ]
