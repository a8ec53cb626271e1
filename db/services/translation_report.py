"""The translation report of an aligned pair: gathered from the library, computed in ``alignment.report``.

``translation_report(session, alignment_id)`` reads the pair's beads, both
texts' sentences (with the printed page each starts on, where the text has
pages) and headings in a few queries, and hands them, with how the translation renders each glossary term
(``db.services.renderings``), to ``alignment.report.sections.build_report_body``.  The header carries what a
reader must know about both texts: titles, authors, translators, sources,
kinds, and the label of a text written by Sverka's editors (as exports say it).
Writers for HTML, Markdown and JSON are in ``db.services.export.report_*``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alignment.progress import CancelToken, Progress
from alignment.report.sections import BeadFacts, HeadingFact, ReportBody, build_report_body
from alignment.report.terms import Rendering, TermRenderings
from db.dto import KIND_LABELS, PROJECT_WRITTEN_KINDS
from db.models import Alignment, Bead, LibraryText, Paragraph, Sentence, Work
from db.services.export.citation import project_label
from db.services.export.excerpt import alignment_for_text
from db.services.glossary import library_glossary
from db.services.pages import page_at
from db.services.reading import AlignmentNotFoundError
from db.services.renderings import pair_renderings
from db.services.unsure import is_stored_unsure


@dataclass(frozen=True, slots=True)
class ReportSide:
    """One text of the pair, as the report's header names it."""

    text_id: int
    lang: str
    title: str
    author: str
    translator: str
    date: str
    source: str
    kind: str
    kind_label: str
    written_by_project: bool
    label_en: str  # the project's label (empty unless written by Sverka's editors)
    label_ru: str
    sentence_count: int
    has_pages: bool


@dataclass(frozen=True, slots=True)
class TranslationReport:
    alignment_id: int
    work_title: str
    work_author: str
    ru: ReportSide
    en: ReportSide
    body: ReportBody
    made_at: str  # "2026-12-05 07:10 UTC"

    @property
    def sides(self) -> tuple[ReportSide, ReportSide]:
        return self.ru, self.en


def alignment_of_pair(session: Session, text_id: int) -> int:
    """The alignment a text belongs to (either side; the newest if several), as ``sverka export`` names pairs."""
    return alignment_for_text(session, text_id)


def _side(session: Session, text: LibraryText, work_author: str, partner_author: str) -> ReportSide:
    label = project_label(text.kind, text.lang, partner_author or work_author)
    has_pages = session.scalar(
        select(Paragraph.id).where(Paragraph.text_id == text.id, Paragraph.page.is_not(None)).limit(1)
    ) is not None
    count = session.scalar(select(func.count()).select_from(Sentence).where(Sentence.text_id == text.id)) or 0
    return ReportSide(
        text_id=text.id, lang=text.lang, title=text.title, author=text.author, translator=text.translator,
        date=text.date, source=text.source, kind=text.kind, kind_label=KIND_LABELS.get(text.kind, text.kind),
        written_by_project=text.kind in PROJECT_WRITTEN_KINDS, label_en=label.en if label else "",
        label_ru=label.ru if label else "", sentence_count=count, has_pages=has_pages,
    )


def _sentences(session: Session, text_id: int) -> tuple[list[str], list[str | None]]:
    """Every sentence's text and printed page (None without pages), by position."""
    texts: list[str] = []
    pages: list[str | None] = []
    for position, text, start, page, breaks in session.execute(
        select(Sentence.position, Sentence.text, Sentence.start, Paragraph.page, Paragraph.page_breaks)
        .join(Paragraph, Paragraph.id == Sentence.paragraph_id)
        .where(Sentence.text_id == text_id)
        .order_by(Sentence.position)
    ):
        while len(texts) < position:  # positions are contiguous; be safe if one is missing
            texts.append("")
            pages.append(None)
        texts.append(text)
        pages.append(page_at(page, breaks, start) if page is not None or breaks else None)
    return texts, pages


def _headings(session: Session, text_id: int, lang: str) -> list[HeadingFact]:
    return [
        HeadingFact(lang, max(1, level or 1), position, text)
        for position, level, text in session.execute(
            select(func.min(Sentence.position), Paragraph.level, Paragraph.text)
            .join(Sentence, Sentence.paragraph_id == Paragraph.id)
            .where(Paragraph.text_id == text_id, Paragraph.kind == "heading")
            .group_by(Paragraph.id)
            .order_by(Paragraph.position)
        )
    ]


def _term_renderings(session: Session, alignment_id: int) -> list[TermRenderings]:
    """How the pair renders each glossary term found on its original's side (``db.services.renderings``)."""
    glossary = library_glossary(session)
    out = []
    for entry_id, counts in pair_renderings(session, alignment_id).items():
        entry = glossary.get(entry_id)
        out.append(TermRenderings(entry_id, entry.headword_en if entry is not None else entry_id,
                                  tuple(Rendering(c.rendering, c.count, tuple(c.beads)) for c in counts)))
    return out


def _joined(texts: list[str], start: int, end: int) -> str:
    return " ".join(texts[start:end])


def translation_report(
    session: Session,
    alignment_id: int,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    now: dt.datetime | None = None,
) -> TranslationReport:
    """The report of alignment ``alignment_id`` (read-only: nothing is written)."""
    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise AlignmentNotFoundError(alignment_id)
    ru_text = session.get(LibraryText, alignment.ru_text_id)
    en_text = session.get(LibraryText, alignment.en_text_id)
    assert ru_text is not None and en_text is not None
    work = session.get(Work, ru_text.work_id)
    work_title = work.title if work is not None else ru_text.title
    work_author = work.author if work is not None else ""
    stage = "reading the pair"
    if progress is not None:
        progress.update(0, 5, stage)
    rows = session.execute(
        select(Bead.position, Bead.ru_start, Bead.ru_end, Bead.en_start, Bead.en_end, Bead.confidence, Bead.status,
               Bead.doubt)
        .where(Bead.alignment_id == alignment_id)
        .order_by(Bead.position)
    ).all()
    ru_texts, ru_pages = _sentences(session, ru_text.id)
    if progress is not None:
        progress.update(1, 5, stage)
    if cancel is not None:
        cancel.raise_if_cancelled()
    en_texts, en_pages = _sentences(session, en_text.id)
    if progress is not None:
        progress.update(2, 5, stage)
    if cancel is not None:
        cancel.raise_if_cancelled()
    beads = [
        BeadFacts(
            position=position, ru_start=rs, ru_end=re, en_start=es, en_end=ee,
            ru_text=_joined(ru_texts, rs, re), en_text=_joined(en_texts, es, ee),
            ru_page=ru_pages[rs] if rs < re and rs < len(ru_pages) else None,
            en_page=en_pages[es] if es < ee and es < len(en_pages) else None,
            unsure=is_stored_unsure(status, confidence), doubt=doubt, confidence=confidence,
        )
        for position, rs, re, es, ee, confidence, status, doubt in rows
    ]
    headings = _headings(session, ru_text.id, "ru") + _headings(session, en_text.id, "en")
    if progress is not None:
        progress.update(3, 5, "finding how terms were rendered")
    terms = _term_renderings(session, alignment_id)
    if cancel is not None:
        cancel.raise_if_cancelled()
    if progress is not None:
        progress.update(4, 5, "finding omissions and additions")
    body = build_report_body(beads, headings, terms=terms, cancel=cancel)
    if progress is not None:
        progress.update(5, 5, "finding omissions and additions")
    partner_author = en_text.author
    stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    return TranslationReport(
        alignment_id=alignment_id, work_title=work_title, work_author=work_author,
        ru=_side(session, ru_text, work_author, partner_author),
        en=_side(session, en_text, work_author, partner_author),
        body=body, made_at=stamp,
    )
