"""Choosing what to export: a bead range, a bookmark, every bookmark with a tag, a whole text.

Each choice becomes an ``Excerpt`` (beads with their Russian and English
sentences plus the provenance of both texts) inside an ``ExportDocument``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.dto import KIND_LABELS, PROJECT_WRITTEN_KINDS, Excerpt, ExcerptBead, ExcerptNote, ExportDocument, TextCitation
from db.errors import AlignmentNotFoundError, TextNotFoundError
from db.models import Alignment, Bead, LibraryText, Paragraph, Sentence, Work
from db.services import bookmarks as bookmark_service
from db.services.citations import passage_citation
from db.services.citing import STYLES
from db.services.export.errors import NothingToExportError
from db.services.notes import NoteText, sentence_notes
from db.services.pages import page_at


def alignment_for_text(session: Session, text_id: int) -> int:
    """The alignment a text belongs to (the newest one if there are several)."""
    if session.get(LibraryText, text_id) is None:
        raise TextNotFoundError(text_id)
    alignment_id = session.scalar(
        select(Alignment.id)
        .where(or_(Alignment.ru_text_id == text_id, Alignment.en_text_id == text_id))
        .order_by(Alignment.id.desc())
    )
    if alignment_id is None:
        raise AlignmentNotFoundError(text_id)
    return alignment_id


def bead_count(session: Session, alignment_id: int) -> int:
    return session.scalar(select(func.count()).select_from(Bead).where(Bead.alignment_id == alignment_id)) or 0


def _sentences(session: Session, text_id: int, lo: int, hi: int) -> dict[int, tuple[str, int, str | None]]:
    """position → (sentence text, paragraph position, printed page or None) for positions [lo, hi)."""
    rows = session.execute(
        select(Sentence.position, Sentence.text, Paragraph.position, Sentence.start, Paragraph.page, Paragraph.page_breaks)
        .join(Paragraph, Paragraph.id == Sentence.paragraph_id)
        .where(Sentence.text_id == text_id, Sentence.position >= lo, Sentence.position < hi)
    ).all()
    return {r[0]: (r[1], r[2], page_at(r[4], r[5], r[3])) for r in rows}


def _notes(found: dict[int, list[NoteText]], positions: list[int]) -> tuple[ExcerptNote, ...]:
    return tuple(ExcerptNote(n.label, n.text) for p in positions for n in found.get(p, ()))


def _citation(t: LibraryText, sentences: list[int], paragraphs: list[int]) -> TextCitation:
    return TextCitation(
        text_id=t.id,
        lang=t.lang,
        title=t.title,
        author=t.author,
        date=t.date,
        source=t.source,
        translator=t.translator,
        rights=t.rights,
        kind=t.kind,
        kind_label=KIND_LABELS.get(t.kind, t.kind),
        note=t.note,
        written_by_project=t.kind in PROJECT_WRITTEN_KINDS,
        paragraph_first=min(paragraphs) if paragraphs else None,
        paragraph_last=max(paragraphs) if paragraphs else None,
        sentence_first=min(sentences) if sentences else None,
        sentence_last=max(sentences) if sentences else None,
    )


def excerpt_for_range(
    session: Session, alignment_id: int, bead_first: int, bead_last: int, *, heading: str = "", note: str = "",
    tags: tuple[str, ...] = (),
) -> Excerpt:
    """Beads ``bead_first..bead_last`` (positions from 0, both included) of an alignment."""
    a = session.get(Alignment, alignment_id)
    if a is None:
        raise NothingToExportError(f"alignment {alignment_id} does not exist")
    count = bead_count(session, alignment_id)
    bead_first, bead_last = max(bead_first, 0), min(bead_last, count - 1)
    if bead_first > bead_last:
        raise NothingToExportError(f"the alignment has {count} beads and the range is outside them")
    beads = list(
        session.scalars(
            select(Bead)
            .where(Bead.alignment_id == alignment_id, Bead.position >= bead_first, Bead.position <= bead_last)
            .order_by(Bead.position)
        )
    )
    ru_lo, ru_hi = min(b.ru_start for b in beads), max(b.ru_end for b in beads)
    en_lo, en_hi = min(b.en_start for b in beads), max(b.en_end for b in beads)
    ru_sents = _sentences(session, a.ru_text_id, ru_lo, ru_hi)
    en_sents = _sentences(session, a.en_text_id, en_lo, en_hi)
    ru_notes = sentence_notes(session, a.ru_text_id, ru_lo, ru_hi)
    en_notes = sentence_notes(session, a.en_text_id, en_lo, en_hi)
    rows = []
    for b in beads:
        ru_pos = [p for p in range(b.ru_start, b.ru_end) if p in ru_sents]
        en_pos = [p for p in range(b.en_start, b.en_end) if p in en_sents]
        rows.append(
            ExcerptBead(
                position=b.position,
                ru=" ".join(ru_sents[p][0] for p in ru_pos),
                en=" ".join(en_sents[p][0] for p in en_pos),
                ru_paragraph=ru_sents[ru_pos[0]][1] if ru_pos else None,
                en_paragraph=en_sents[en_pos[0]][1] if en_pos else None,
                status=b.status,
                ru_page=ru_sents[ru_pos[0]][2] if ru_pos else None,
                en_page=en_sents[en_pos[0]][2] if en_pos else None,
                ru_notes=_notes(ru_notes, ru_pos),
                en_notes=_notes(en_notes, en_pos),
            )
        )
    ru_text = session.get(LibraryText, a.ru_text_id)
    en_text = session.get(LibraryText, a.en_text_id)
    assert ru_text is not None and en_text is not None
    work = session.get(Work, ru_text.work_id)
    assert work is not None
    return Excerpt(
        alignment_id=alignment_id,
        work_title=work.title,
        work_author=work.author,
        work_date=work.date,
        ru=_citation(ru_text, list(ru_sents), sorted({v[1] for v in ru_sents.values()})),
        en=_citation(en_text, list(en_sents), sorted({v[1] for v in en_sents.values()})),
        bead_first=bead_first,
        bead_last=bead_last,
        beads=tuple(rows),
        heading=heading,
        note=note,
        tags=tags,
        citation=passage_citation(session, alignment_id, bead_first, bead_last),
    )


def excerpt_for_text(session: Session, text_id: int) -> Excerpt:
    """The whole aligned pair a text belongs to."""
    alignment_id = alignment_for_text(session, text_id)
    return excerpt_for_range(session, alignment_id, 0, bead_count(session, alignment_id) - 1)


def excerpt_for_bookmark(session: Session, bookmark_id: int) -> Excerpt:
    info = bookmark_service.get_bookmark(session, bookmark_id)
    if info.alignment_id is None or info.bead_start is None or info.bead_end is None:
        raise NothingToExportError(
            f"bookmark {bookmark_id} (“{info.title}”) can no longer be found in its texts; review it first"
        )
    return excerpt_for_range(
        session, info.alignment_id, info.bead_start, info.bead_end - 1, heading=info.title, note=info.note,
        tags=info.tags,
    )


def excerpts_for_tag(session: Session, tag: str) -> list[Excerpt]:
    """Every bookmark with a tag, in reading order (work, then position)."""
    infos = [b for b in bookmark_service.list_bookmarks(session, tag=tag) if not b.lost]
    if not infos:
        raise NothingToExportError(f"no bookmark that can be found has the tag “{tag}”")
    infos.sort(key=lambda b: (b.alignment_id or 0, b.bead_start or 0, b.id))
    return [excerpt_for_bookmark(session, b.id) for b in infos]


def make_document(
    title: str,
    excerpts: list[Excerpt] | tuple[Excerpt, ...],
    *,
    now: dt.datetime | None = None,
    style: str = "chicago",
    romanisation: str = "strict",
    paper: str | None = None,
    author: str | None = None,
) -> ExportDocument:
    """An export of ``excerpts``; the paper defaults to the locale's (A4, or Letter in the
    Americas), the author to the user's name."""
    from db.services.export.paper import default_paper, user_name

    if style not in STYLES:
        raise ValueError(f"Unknown citation style {style!r}; expected one of {', '.join(STYLES)}.")
    stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    return ExportDocument(
        title=title, excerpts=tuple(excerpts), exported_at=stamp, style=style, romanisation=romanisation,
        paper=paper or default_paper(), author=user_name() if author is None else author,
    )


def by_paragraph(excerpt: Excerpt, side: str) -> list[tuple[int | None, list[str]]]:
    """Sentences of one side grouped by paragraph, for formats that print running text."""
    groups: dict[int | None, list[str]] = defaultdict(list)
    order: list[int | None] = []
    for b in excerpt.beads:
        text = b.ru if side == "ru" else b.en
        paragraph = b.ru_paragraph if side == "ru" else b.en_paragraph
        if not text:
            continue
        if paragraph not in groups:
            order.append(paragraph)
        groups[paragraph].append(text)
    return [(p, groups[p]) for p in order]
