"""Reading and managing the library: texts, works, paragraphs; rename, delete."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from db.dto import Changes, ParagraphView, SentenceView, TextInfo, WorkInfo
from db.errors import TextNotFoundError
from db.models import Alignment, LibraryText, Paragraph, Sentence, Work


def _partners(session: Session) -> dict[int, tuple[int, int]]:
    """text id → (aligned text id, alignment id); the newest alignment wins, so after
    a stand-in is replaced the unchanged side pairs with the replacement."""
    partners: dict[int, tuple[int, int]] = {}
    for a in session.scalars(select(Alignment).order_by(Alignment.id)):
        partners[a.ru_text_id] = (a.en_text_id, a.id)
        partners[a.en_text_id] = (a.ru_text_id, a.id)
    return partners


def _info(t: LibraryText, work_title: str, partner: tuple[int, int] | None) -> TextInfo:
    return TextInfo(
        id=t.id,
        work_id=t.work_id,
        work_title=work_title,
        title=t.title,
        author=t.author,
        lang=t.lang,
        role=t.role,
        kind=t.kind,
        translator=t.translator,
        date=t.date,
        source=t.source,
        rights=t.rights,
        note=t.note,
        paragraph_count=t.paragraph_count,
        sentence_count=t.sentence_count,
        char_count=t.char_count,
        bundled=t.bundled,
        key=t.key,
        aligned_with=partner[0] if partner else None,
        alignment_id=partner[1] if partner else None,
    )


def list_texts(session: Session) -> list[TextInfo]:
    partners = _partners(session)
    rows = session.execute(
        select(LibraryText, Work.title).join(Work, LibraryText.work_id == Work.id).order_by(Work.id, LibraryText.id)
    ).all()
    return [_info(t, work_title, partners.get(t.id)) for t, work_title in rows]


def list_works(session: Session) -> list[WorkInfo]:
    by_work: dict[int, list[TextInfo]] = defaultdict(list)
    for info in list_texts(session):
        by_work[info.work_id].append(info)
    works = session.scalars(select(Work).order_by(Work.id)).all()
    return [
        WorkInfo(id=w.id, title=w.title, author=w.author, date=w.date, texts=tuple(by_work.get(w.id, ())))
        for w in works
    ]


def get_text(session: Session, text_id: int) -> TextInfo:
    row = session.execute(
        select(LibraryText, Work.title).join(Work, LibraryText.work_id == Work.id).where(LibraryText.id == text_id)
    ).first()
    if row is None:
        raise TextNotFoundError(text_id)
    return _info(row[0], row[1], _partners(session).get(text_id))


def text_paragraphs(
    session: Session, text_id: int, *, start: int = 0, limit: int | None = None
) -> list[ParagraphView]:
    """Paragraphs ``[start, start+limit)`` of a text with their sentences."""
    get_text(session, text_id)
    q = select(Paragraph).where(Paragraph.text_id == text_id, Paragraph.position >= start).order_by(Paragraph.position)
    if limit is not None:
        q = q.limit(limit)
    paragraphs = session.scalars(q).all()
    if not paragraphs:
        return []
    ids = [p.id for p in paragraphs]
    sentences: dict[int, list[SentenceView]] = defaultdict(list)
    for s in session.scalars(
        select(Sentence).where(Sentence.text_id == text_id, Sentence.paragraph_id.in_(ids)).order_by(Sentence.position)
    ):
        sentences[s.paragraph_id].append(SentenceView(s.position, s.start, s.end, s.text))
    return [
        ParagraphView(
            position=p.position,
            kind=p.kind,
            level=p.level,
            text=p.text,
            lang=p.lang,
            sentences=tuple(sentences.get(p.id, ())),
            notes=tuple((int(n[0]), str(n[1])) for n in (p.notes or ())),
        )
        for p in paragraphs
    ]


def rename_text(session: Session, text_id: int, title: str) -> Changes:
    t = session.get(LibraryText, text_id)
    if t is None:
        raise TextNotFoundError(text_id)
    title = title.strip()
    if not title:
        raise ValueError("A title cannot be empty.")
    t.title = title
    return Changes(texts=frozenset({text_id}))


def delete_text(session: Session, text_id: int) -> Changes:
    """Delete a text with its paragraphs, sentences and alignments; an emptied work goes too."""
    t = session.get(LibraryText, text_id)
    if t is None:
        raise TextNotFoundError(text_id)
    work_id = t.work_id
    alignment_ids = set(
        session.scalars(
            select(Alignment.id).where(or_(Alignment.ru_text_id == text_id, Alignment.en_text_id == text_id))
        )
    )
    session.execute(delete(LibraryText).where(LibraryText.id == text_id))
    remaining = session.scalars(select(LibraryText.id).where(LibraryText.work_id == work_id)).first()
    if remaining is None:
        session.execute(delete(Work).where(Work.id == work_id))
    return Changes(texts=frozenset({text_id}), works=frozenset({work_id}), alignments=frozenset(alignment_ids))
