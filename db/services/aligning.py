"""Aligning two texts of the library and reading the stored beads."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from alignment.aligner.align import align
from alignment.aligner.edit_errors import CoverageError
from alignment.aligner.edits import BeadSpan, check_coverage
from alignment.aligner.realign import realign_unconfirmed, spans_from_beads
from alignment.aligner.scoring.meaning import KnownVectors, default_meaning
from alignment.aligner.structure import align_structured
from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from alignment.quotes.semantic import Embedder
from db.dto import Changes
from db.engine import Library
from db.errors import TextNotFoundError
from db.models import Alignment, Bead, LibraryText, Paragraph, Sentence
from db.services.bead_store import load_spans
from db.services.sentence_vectors import stored_vectors, text_units

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


BOOK_FORMATS = frozenset({"pdf", "epub", "docx", "odt", "fb2"})


@dataclass(frozen=True, slots=True)
class _Units:
    texts: list[str]
    paragraphs: list[int]
    kinds: list[str]
    levels: list[int]
    book: bool = False  # a book file (PDF, EPUB, …): aligned by its structure


def _units(session: Session, text_id: int) -> _Units:
    rows = session.execute(
        select(Sentence.text, Paragraph.position, Paragraph.kind, Paragraph.level)
        .join(Paragraph, Sentence.paragraph_id == Paragraph.id)
        .where(Sentence.text_id == text_id)
        .order_by(Sentence.position)
    ).all()
    fmt = session.scalar(select(LibraryText.file_format).where(LibraryText.id == text_id))
    kinds = [r[2] for r in rows]
    return _Units([r[0] for r in rows], [r[1] for r in rows], kinds, [r[3] for r in rows], fmt in BOOK_FORMATS)


def _ranges(indices: tuple[int, ...]) -> tuple[int, int] | None:
    if not indices:
        return None
    return min(indices), max(indices) + 1


def meaning_for(session: Session, *text_ids: int) -> Embedder | None:
    """The model for the aligner's second look at doubtful beads (``scoring.meaning``), with the
    texts' stored meaning vectors at hand; None when the model is missing or switched off."""
    embedder = default_meaning()
    if embedder is None:
        return None
    known: dict[str, object] = {}
    for text_id in text_ids:
        units = text_units(session, text_id)
        vectors = stored_vectors(session, text_id, units, embedder)
        if vectors is not None:
            known.update(zip(units, vectors))
    return KnownVectors(embedder, known)  # type: ignore[arg-type]


def existing_alignment_id(session: Session, ru_text_id: int, en_text_id: int) -> int | None:
    return session.scalars(
        select(Alignment.id).where(Alignment.ru_text_id == ru_text_id, Alignment.en_text_id == en_text_id)
    ).first()


def reviewed_bead_count(session: Session, ru_text_id: int, en_text_id: int) -> int:
    """How many beads of the pair's alignment the user confirmed or edited (0 when not aligned)."""
    alignment_id = existing_alignment_id(session, ru_text_id, en_text_id)
    if alignment_id is None:
        return 0
    return session.scalar(
        select(func.count()).where(Bead.alignment_id == alignment_id, Bead.status != "auto")
    ) or 0


def align_texts(
    library: Library,
    ru_text_id: int,
    en_text_id: int,
    *,
    keep_review: bool = True,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Changes:
    """Align a Russian and an English text.

    Where the meaning model is available, the beads the confidence doubts get
    a second look by meaning (``meaning_for``): the same decision as
    ``python -m alignment align`` gives.

    When the pair is aligned already, the beads the user confirmed or edited
    are kept as fixed anchors and only the rest is aligned again (as "re-align
    the rest" does); ``keep_review=False`` discards that work and aligns from
    scratch, which callers must have had the user confirm.
    """
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
        alignment_id = existing_alignment_id(session, ru_text_id, en_text_id)
        old = load_spans(session, alignment_id) if alignment_id is not None else []
        meaning = meaning_for(session, ru_text_id, en_text_id)
    anchors = [s for s in old if s.is_anchor] if keep_review else []
    if anchors:
        spans = _realigned_around_anchors(old, ru, en, progress, cancel, meaning)
    elif ru.book or en.book:
        # books: headings with headings, notes apart from the body (alignment.aligner.structure)
        spans = spans_from_beads(align_structured(
            ru.texts, en.texts, src_kinds=ru.kinds, tgt_kinds=en.kinds, src_levels=ru.levels,
            tgt_levels=en.levels, src_paragraphs=ru.paragraphs, tgt_paragraphs=en.paragraphs,
            align_fn=align, progress=progress, cancel=cancel, meaning=meaning,
        ))
    else:
        spans = spans_from_beads(align(
            ru.texts,
            en.texts,
            src_paragraphs=ru.paragraphs,
            tgt_paragraphs=en.paragraphs,
            progress=progress,
            cancel=cancel,
            meaning=meaning,
        ))
    cancel.raise_if_cancelled()
    rows = [
        {
            "position": i,
            "ru_start": s.ru_start,
            "ru_end": s.ru_end,
            "en_start": s.en_start,
            "en_end": s.en_end,
            "score": float(s.score),
            "confidence": float(s.confidence),
            "status": s.status,
            "doubt": s.doubt,
        }
        for i, s in enumerate(spans)
    ]
    with library.sessions.begin() as session:
        existing = session.scalars(
            select(Alignment).where(Alignment.ru_text_id == ru_text_id, Alignment.en_text_id == en_text_id)
        ).first()
        if existing is None:
            existing = Alignment(ru_text_id=ru_text_id, en_text_id=en_text_id, method="sverka")
            session.add(existing)
            session.flush()
        else:
            now_anchors = [s for s in load_spans(session, existing.id) if s.is_anchor]
            if keep_review and now_anchors != anchors:
                raise ValueError("The alignment was changed while it was being aligned again; nothing was stored. "
                                 "Align it again.")
            session.execute(delete(Bead).where(Bead.alignment_id == existing.id))
            existing.updated_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        for row in rows:
            row["alignment_id"] = existing.id
        if rows:
            session.execute(insert(Bead), rows)
        alignment_id = existing.id
    log.info("aligned %d with %d: %d beads, %d kept as the user reviewed them", ru_text_id, en_text_id, len(rows),
             len(anchors))
    return Changes(texts=frozenset({ru_text_id, en_text_id}), alignments=frozenset({alignment_id}))


def _realigned_around_anchors(old: list[BeadSpan], ru: _Units, en: _Units, progress: Progress,
                              cancel: CancelToken, meaning: Embedder | None) -> list[BeadSpan]:
    try:
        check_coverage(old, len(ru.texts), len(en.texts))
    except CoverageError as exc:
        raise ValueError(f"The stored alignment does not match the texts any more ({exc}); "
                         "align from scratch to replace it.") from exc
    edit = realign_unconfirmed(old, ru.texts, en.texts, ru_paragraphs=ru.paragraphs, en_paragraphs=en.paragraphs,
                               progress=progress, cancel=cancel, meaning=meaning)
    return list(old) if edit is None else edit.apply(old)


def alignment_beads(session: Session, alignment_id: int) -> list[BeadRow]:
    return [
        BeadRow(b.position, b.ru_start, b.ru_end, b.en_start, b.en_end, b.score, b.confidence, b.status)
        for b in session.scalars(select(Bead).where(Bead.alignment_id == alignment_id).order_by(Bead.position))
    ]
