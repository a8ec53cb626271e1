"""What the reader shows: rows of beads (or paragraphs) with their sentence texts.

A *row* is one bead of an alignment (the sentences that translate each other)
or, for a text read on its own, one paragraph.  Every row is a pair of
sentence ranges, one per language; a range may be empty.

``reading_outline`` loads, in a couple of queries, the ranges and the length in
characters of every row: enough for the reader to lay out a scroll bar and
estimate heights without loading any text.  ``reading_rows`` then loads the
texts of a range of rows (a page), with paragraph starts, headings and note
calls, as frozen ``ReaderRow`` values.  ``find_in_text`` finds a string in the
texts of an outline (for Ctrl+F in the reader).  Segments carry their glossary
term spans (indexed at import); ``term_concordance`` lists where a term occurs
as parallel pairs.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.errors import TextNotFoundError
from db.models import Alignment, Bead, LibraryText, Paragraph, Sentence, TermOccurrence
from db.services.pages import page_at
from db.services.search import SearchHit, SearchResult
from db.services.unsure import is_stored_unsure

LANGS: tuple[str, str] = ("ru", "en")


class AlignmentNotFoundError(LookupError):
    """The alignment asked for is not in the library (deleted meanwhile)."""

    def __init__(self, alignment_id: int) -> None:
        super().__init__(f"Alignment {alignment_id} is not in the library; choose the texts again in the library.")
        self.alignment_id = alignment_id


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence as the reader shows it.

    ``notes`` are note calls as (offset into ``text``, label); ``starts_paragraph``
    is true for the first sentence of a paragraph.
    """

    sentence_id: int
    position: int
    text: str
    paragraph: int
    kind: str
    level: int
    starts_paragraph: bool
    notes: tuple[tuple[int, str], ...] = ()
    terms: tuple[tuple[int, int, str], ...] = ()  # glossary terms: (start, end, entry id)
    note_keys: tuple[str | None, ...] = ()  # the key of each call in ``notes`` (None: found by label)
    page: str | None = None  # printed page where the sentence starts
    page_marks: tuple[tuple[int, str], ...] = ()  # (offset, label) where a new page begins in the sentence
    note_label: str | None = None  # a note paragraph's printed label, shown before its first sentence


@dataclass(frozen=True, slots=True)
class ReaderRow:
    """One row of the reader: a bead, or a paragraph of a text read alone."""

    index: int
    key: int
    ru: tuple[Segment, ...]
    en: tuple[Segment, ...]
    confidence: float = 1.0
    status: str = "confirmed"
    unsure: bool = False
    doubt: str | None = None  # why the aligner is unsure (scoring.confidence.REASONS), when it is

    def side(self, lang: str) -> tuple[Segment, ...]:
        return self.ru if lang == "ru" else self.en


@dataclass(frozen=True, slots=True)
class SideOutline:
    """Row ranges of one language: row ``i`` holds sentences ``[starts[i], ends[i])``."""

    text_id: int
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    chars: tuple[int, ...]
    first_paragraph: tuple[int, ...]

    def row_of_sentence(self, position: int) -> int | None:
        """The row holding sentence ``position`` (None if no row does)."""
        i = bisect.bisect_right(self.starts, position) - 1
        while i >= 0 and self.starts[i] == self.ends[i]:
            i -= 1
        if i >= 0 and self.starts[i] <= position < self.ends[i]:
            return i
        return None


@dataclass(frozen=True, slots=True)
class ReadingOutline:
    """The rows of a pair or of a single text; ``sides`` maps "ru"/"en" to a side."""

    keys: tuple[int, ...]
    sides: dict[str, SideOutline]
    alignment_id: int | None = None

    @property
    def row_count(self) -> int:
        return len(self.keys)

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGS if lang in self.sides)

    def row_of_paragraph(self, lang: str, paragraph: int) -> int | None:
        """The first row whose text on ``lang`` starts at or after paragraph ``paragraph``."""
        side = self.sides.get(lang)
        if side is None:
            return None
        for i, p in enumerate(side.first_paragraph):
            if p >= paragraph:
                return i
        return None


@dataclass(frozen=True, slots=True)
class FindMatch:
    """A match of the reader's find: sentence ``position`` of ``lang``, ``[start, end)`` in it."""

    row: int
    lang: str
    position: int
    start: int
    end: int


def _sentence_facts(session: Session, text_id: int) -> tuple[list[int], list[int]]:
    """(length, paragraph position) of every sentence of a text, by sentence position."""
    rows = session.execute(
        select(Sentence.position, Sentence.end - Sentence.start, Paragraph.position)
        .join(Paragraph, Sentence.paragraph_id == Paragraph.id)
        .where(Sentence.text_id == text_id)
        .order_by(Sentence.position)
    ).all()
    return [r[1] for r in rows], [r[2] for r in rows]


def _side(text_id: int, ranges: list[tuple[int, int]], lengths: list[int], paragraphs: list[int]) -> SideOutline:
    prefix = [0]
    for n in lengths:
        prefix.append(prefix[-1] + n)
    size = len(lengths)
    starts, ends, chars, first = [], [], [], []
    for a, b in ranges:
        a, b = min(a, size), min(b, size)
        starts.append(a)
        ends.append(b)
        chars.append(prefix[b] - prefix[a])
        first.append(paragraphs[a] if a < b else (paragraphs[a - 1] if 0 < a <= size else 0))
    return SideOutline(text_id, tuple(starts), tuple(ends), tuple(chars), tuple(first))


def pair_outline(session: Session, alignment_id: int) -> ReadingOutline:
    """The rows of an aligned pair: one per bead, in bead order."""
    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise AlignmentNotFoundError(alignment_id)
    beads = session.execute(
        select(Bead.id, Bead.ru_start, Bead.ru_end, Bead.en_start, Bead.en_end)
        .where(Bead.alignment_id == alignment_id)
        .order_by(Bead.position)
    ).all()
    ru_len, ru_par = _sentence_facts(session, alignment.ru_text_id)
    en_len, en_par = _sentence_facts(session, alignment.en_text_id)
    return ReadingOutline(
        keys=tuple(b[0] for b in beads),
        sides={
            "ru": _side(alignment.ru_text_id, [(b[1], b[2]) for b in beads], ru_len, ru_par),
            "en": _side(alignment.en_text_id, [(b[3], b[4]) for b in beads], en_len, en_par),
        },
        alignment_id=alignment_id,
    )


def text_outline(session: Session, text_id: int) -> ReadingOutline:
    """The rows of a text read on its own: one per paragraph that has sentences."""
    text = session.get(LibraryText, text_id)
    if text is None:
        raise TextNotFoundError(text_id)
    rows = session.execute(
        select(Paragraph.id, Paragraph.position, Sentence.position, Sentence.end - Sentence.start)
        .join(Sentence, Sentence.paragraph_id == Paragraph.id)
        .where(Paragraph.text_id == text_id)
        .order_by(Sentence.position)
    ).all()
    keys: list[int] = []
    ranges: list[tuple[int, int]] = []
    for pid, _ppos, spos, _n in rows:
        if keys and keys[-1] == pid:
            ranges[-1] = (ranges[-1][0], spos + 1)
        else:
            keys.append(pid)
            ranges.append((spos, spos + 1))
    lengths = [r[3] for r in rows]
    paragraphs = [r[1] for r in rows]
    return ReadingOutline(keys=tuple(keys), sides={text.lang: _side(text_id, ranges, lengths, paragraphs)})


def outline_for_text(session: Session, text_id: int, *, paired: bool = True) -> ReadingOutline:
    """The pair the text is aligned in, else the text alone.

    A text aligned twice (its stand-in partner was replaced by the real text)
    opens with its newest partner, as exports do.
    """
    if paired:
        alignment_id = session.scalars(
            select(Alignment.id)
            .where((Alignment.ru_text_id == text_id) | (Alignment.en_text_id == text_id))
            .order_by(Alignment.id.desc())
        ).first()
        if alignment_id is not None:
            return pair_outline(session, alignment_id)
    return text_outline(session, text_id)


def _segments(session: Session, text_id: int, start: int, end: int) -> list[Segment]:
    if start >= end:
        return []
    rows = session.execute(
        select(
            Sentence.id,
            Sentence.position,
            Sentence.text,
            Sentence.start,
            Sentence.end,
            Paragraph.position,
            Paragraph.kind,
            Paragraph.level,
            Paragraph.notes,
            Paragraph.page,
            Paragraph.page_breaks,
            Paragraph.note_label,
        )
        .join(Paragraph, Sentence.paragraph_id == Paragraph.id)
        .where(Sentence.text_id == text_id, Sentence.position >= start, Sentence.position < end)
        .order_by(Sentence.position)
    ).all()
    out: list[Segment] = []
    previous_paragraph = -1
    previous_page: str | None = None
    terms = _term_spans(session, {r[0]: r[1] for r in rows})
    if rows:
        # Whether the first sentence loaded starts its paragraph (and a page) needs the one before it.
        before = session.execute(
            select(Paragraph.position, Paragraph.page, Paragraph.page_breaks, Sentence.end)
            .join(Sentence, Sentence.paragraph_id == Paragraph.id)
            .where(Sentence.text_id == text_id, Sentence.position == rows[0][1] - 1)
        ).first()
        if before is not None:
            previous_paragraph = before[0]
            previous_page = page_at(before[1], before[2], max(0, before[3] - 1))
    for sid, pos, text, s_start, s_end, ppos, kind, level, notes, page, breaks, note_label in rows:
        # A call right after a sentence's last character belongs to that sentence.
        calls = [
            (int(n[0]) - s_start, str(n[1]), str(n[2]) if len(n) > 2 and n[2] else None)
            for n in (notes or ())
            if s_start < int(n[0]) <= s_end or int(n[0]) == s_start == 0
        ]
        starts = ppos != previous_paragraph
        here = page_at(page, breaks, s_start)
        marks: list[tuple[int, str]] = []
        if page is not None:
            if starts and s_start == 0 and page != previous_page:
                marks.append((0, page))
            marks += [(int(off) - s_start, str(label)) for off, label in (breaks or ()) if s_start < int(off) <= s_end
                      or (s_start == int(off) and s_start > 0)]
        label = note_label if kind == "note" and starts and note_label and not text.startswith(note_label) else None
        out.append(Segment(sid, pos, text, ppos, kind, level, starts, tuple((o, lab) for o, lab, _k in calls),
                           terms.get(pos, ()), tuple(k for _o, _l, k in calls), here, tuple(marks), label))
        previous_paragraph = ppos
        previous_page = page_at(page, breaks, s_end) if page is not None else previous_page
    return out


def _term_spans(session: Session, positions: dict[int, int]) -> dict[int, tuple[tuple[int, int, str], ...]]:
    """Glossary terms of the sentences ``positions`` (sentence id -> position), by position.

    Terms are indexed at import, so this is one query on the sentence-id index
    (``terms_in_sentences`` filters on the text and walks all its occurrences).
    """
    by_position: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    ids = list(positions)
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for sid, a, b, entry_id in session.execute(
            select(TermOccurrence.sentence_id, TermOccurrence.start, TermOccurrence.end, TermOccurrence.entry_id)
            .where(TermOccurrence.sentence_id.in_(chunk))
        ):
            by_position[positions[sid]].append((a, b, entry_id))
    return {pos: tuple(sorted(spans)) for pos, spans in by_position.items()}


def reading_rows(session: Session, outline: ReadingOutline, start: int, stop: int) -> list[ReaderRow]:
    """Rows ``[start, stop)`` of ``outline`` with their texts."""
    start, stop = max(0, start), min(stop, outline.row_count)
    if start >= stop:
        return []
    by_lang: dict[str, dict[int, Segment]] = {}
    for lang, side in outline.sides.items():
        lo = min(side.starts[start:stop])
        hi = max(side.ends[start:stop])
        by_lang[lang] = {s.position: s for s in _segments(session, side.text_id, lo, hi)}
    beads: dict[int, tuple[float, str, str | None]] = {}
    if outline.alignment_id is not None:
        keys = outline.keys[start:stop]
        beads = {
            r[0]: (r[1], r[2], r[3])
            for r in session.execute(
                select(Bead.id, Bead.confidence, Bead.status, Bead.doubt).where(Bead.id.in_(keys)))
        }
    rows: list[ReaderRow] = []
    for i in range(start, stop):
        sides: dict[str, tuple[Segment, ...]] = defaultdict(tuple)
        for lang, side in outline.sides.items():
            found = by_lang[lang]
            sides[lang] = tuple(found[p] for p in range(side.starts[i], side.ends[i]) if p in found)
        key = outline.keys[i]
        confidence, status, doubt = beads.get(key, (1.0, "confirmed", None))
        unsure = outline.alignment_id is not None and is_stored_unsure(status, confidence)
        rows.append(ReaderRow(i, key, sides["ru"], sides["en"], confidence, status, unsure,
                              doubt if unsure else None))
    return rows


@dataclass(frozen=True, slots=True)
class TocEntry:
    """A heading of the open text or pair: the row it is on, its level, and its words per language."""

    row: int
    level: int
    titles: dict[str, str]
    page: str | None = None


def table_of_contents(session: Session, outline: ReadingOutline) -> list[TocEntry]:
    """The headings of an outline's texts, in row order; a pair's headings that share a row
    (translations of each other, aligned heading with heading) make one entry."""
    by_row: dict[int, TocEntry] = {}
    for lang, side in outline.sides.items():
        for position, level, text, page in session.execute(
            select(func.min(Sentence.position), Paragraph.level, Paragraph.text, Paragraph.page)
            .join(Sentence, Sentence.paragraph_id == Paragraph.id)
            .where(Paragraph.text_id == side.text_id, Paragraph.kind == "heading")
            .group_by(Paragraph.id)
            .order_by(Paragraph.position)
        ):
            row = side.row_of_sentence(position)
            if row is None:
                continue
            entry = by_row.get(row)
            if entry is None:
                by_row[row] = TocEntry(row, max(1, level or 1), {lang: text}, page)
            elif lang not in entry.titles:
                entry.titles[lang] = text
                if entry.page is None:
                    by_row[row] = TocEntry(row, min(entry.level, max(1, level or 1)), entry.titles, page)
    return [by_row[r] for r in sorted(by_row)]


def row_of_page(session: Session, outline: ReadingOutline, label: str, lang: str | None = None) -> int | None:
    """The row where printed page ``label`` begins (in ``lang``'s text first), None if no page has it."""
    wanted = label.strip().lower()
    langs = [lang] if lang in outline.sides else []
    langs += [x for x in outline.langs if x not in langs]
    for code in langs:
        side = outline.sides[code]
        for pid, page, breaks in session.execute(
            select(Paragraph.id, Paragraph.page, Paragraph.page_breaks)
            .where(Paragraph.text_id == side.text_id, Paragraph.page.is_not(None))
            .order_by(Paragraph.position)
        ):
            offset = None
            if (page or "").lower() == wanted:
                offset = 0
            else:
                offset = next((int(o) for o, lab in (breaks or ()) if str(lab).lower() == wanted), None)
            if offset is None:
                continue
            position = session.scalar(
                select(Sentence.position).where(Sentence.paragraph_id == pid, Sentence.end > offset)
                .order_by(Sentence.position).limit(1)
            )
            if position is not None:
                row = side.row_of_sentence(position)
                if row is not None:
                    return row
    return None


def find_in_text(session: Session, outline: ReadingOutline, needle: str, *, limit: int = 5000) -> list[FindMatch]:
    """Case-insensitive occurrences of ``needle`` in the sentences of ``outline``, in reading order."""
    needle = needle.casefold()
    if not needle.strip():
        return []
    matches: list[FindMatch] = []
    for lang in outline.langs:
        side = outline.sides[lang]
        for pos, text in session.execute(
            select(Sentence.position, Sentence.text).where(Sentence.text_id == side.text_id).order_by(Sentence.position)
        ):
            folded = text.casefold()
            if len(folded) != len(text):  # rare characters whose case folding changes length
                folded = text.lower()
            at = folded.find(needle)
            while at >= 0 and len(matches) < limit:
                row = side.row_of_sentence(pos)
                if row is not None:
                    matches.append(FindMatch(row, lang, pos, at, at + len(needle)))
                at = folded.find(needle, at + max(1, len(needle)))
    matches.sort(key=lambda m: (m.row, m.lang, m.position, m.start))
    return matches


def term_concordance(session: Session, entry_id: str, *, limit: int = 200,
                     sentence_ids: frozenset[int] | None = None) -> SearchResult:
    """Every sentence where a glossary entry occurs, with its counterpart: a parallel concordance.

    Built like a library search result (one hit per sentence, the term's
    spans highlighted), so the search panel can show it.  ``sentence_ids``
    keeps only those sentences (the occurrences behind one rendering).
    """
    from db.services.search import _counterparts, _partners  # the search's own pairing, not duplicated

    count = select(func.count(func.distinct(TermOccurrence.sentence_id))).where(TermOccurrence.entry_id == entry_id)
    if sentence_ids is not None:
        count = count.where(TermOccurrence.sentence_id.in_(sentence_ids))
    total = session.scalar(count) or 0
    query = (
        select(Sentence.id, Sentence.text_id, Sentence.position, Sentence.text, LibraryText.title, LibraryText.lang,
               TermOccurrence.start, TermOccurrence.end)
        .join(Sentence, TermOccurrence.sentence_id == Sentence.id)
        .join(LibraryText, TermOccurrence.text_id == LibraryText.id)
        .where(TermOccurrence.entry_id == entry_id)
        .order_by(Sentence.text_id, Sentence.position, TermOccurrence.start)
    )
    if sentence_ids is not None:
        query = query.where(TermOccurrence.sentence_id.in_(sentence_ids))
    found = session.execute(query).all()
    rows: list[tuple[int, int, int, str, str, str]] = []
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for sid, tid, position, text, title, lang, a, b in found:
        if sid not in spans:
            if len(rows) >= limit:
                break
            rows.append((sid, tid, position, text, title, lang))
        spans[sid].append((a, b))
    partners = _partners(session, {r[1] for r in rows})
    counterparts = _counterparts(session, rows, partners)
    hits = []
    for sid, tid, position, text, title, lang in rows:
        partner = partners.get(tid)
        bead_position, counterpart = counterparts.get(sid, (None, ""))
        hits.append(SearchHit(
            sentence_id=sid, text_id=tid, text_title=title, lang=lang, position=position, text=text,
            spans=tuple(spans[sid]), partner_text_id=partner[1] if partner else None,
            partner_lang=partner[2] if partner else None, partner_text=counterpart,
            alignment_id=partner[0] if partner else None, bead_position=bead_position,
        ))
    return SearchResult(entry_id, tuple(hits), int(total))
