"""Reading a text's notes: which note a call opens, and the notes of a paragraph.

A call is stored in its paragraph's ``notes`` as ``[offset, label, key]``;
the note is the paragraph of the same text whose ``note_key`` is ``key``.
Texts imported before keys existed (``[offset, label]``) and notes whose key
was not found are resolved by label: the first note paragraph with that label
after the calling paragraph (books number their notes again in every chapter,
and print them after it).  A note's printed label is left out of the text
handed back ("12. See …" gives "See …").

The reading API other parts use:
``paragraph_notes(session, paragraph_id)`` → the notes a paragraph calls, in order;
``text_notes(session, text_id)`` → every paragraph's notes at once (exports, ``show --json``);
``note_for_call(session, text_id, paragraph_position, label, key)`` → one note (the reader's popup).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Paragraph

_LEADING_LABEL = re.compile(r"^\s*[\[(]?(\d{1,4}|[*†‡]{1,3})[\])]?[.)]?\s+")


@dataclass(frozen=True, slots=True)
class NoteText:
    """A note as a reader or an export shows it."""

    label: str
    text: str
    key: str | None
    paragraph: int  # position of the note's paragraph in its text
    page: str | None = None


@dataclass(frozen=True, slots=True)
class _NoteRow:
    position: int
    key: str | None
    label: str | None
    text: str
    page: str | None


def note_label_of(text: str) -> str | None:
    """The label a note paragraph starts with ("12. See …" -> "12")."""
    m = _LEADING_LABEL.match(text)
    return m.group(1) if m else None


def _body(text: str, label: str) -> str:
    m = _LEADING_LABEL.match(text)
    return text[m.end():] if m and m.group(1) == label else text


class _TextNotes:
    """The note paragraphs of one text, indexed by key and by label."""

    def __init__(self, rows: list[_NoteRow]) -> None:
        self.by_key = {r.key: r for r in rows if r.key}
        self.by_label: dict[str, list[_NoteRow]] = defaultdict(list)
        for r in rows:
            label = r.label or note_label_of(r.text)
            if label:
                self.by_label[label].append(r)

    def find(self, position: int, label: str, key: str | None) -> NoteText | None:
        row = self.by_key.get(key) if key else None
        if row is None:
            candidates = self.by_label.get(label, [])
            row = next((r for r in candidates if r.position > position), None) or (candidates[-1] if candidates else None)
        if row is None:
            return None
        shown = row.label or label
        return NoteText(shown, _body(row.text, shown), row.key, row.position, row.page)


def _note_rows(session: Session, text_id: int) -> _TextNotes:
    rows = session.execute(
        select(Paragraph.position, Paragraph.note_key, Paragraph.note_label, Paragraph.text, Paragraph.page)
        .where(Paragraph.text_id == text_id, Paragraph.kind == "note")
        .order_by(Paragraph.position)
    ).all()
    return _TextNotes([_NoteRow(*r) for r in rows])


def calls_of(notes: list | None) -> list[tuple[int, str, str | None]]:
    """(offset, label, key) of a paragraph's stored calls, old two-field ones included."""
    out = []
    for n in notes or ():
        out.append((int(n[0]), str(n[1]), str(n[2]) if len(n) > 2 and n[2] else None))
    return out


def paragraph_notes(session: Session, paragraph_id: int) -> list[NoteText]:
    """The notes a paragraph calls, in the order of its calls (a note called twice, twice)."""
    p = session.get(Paragraph, paragraph_id)
    if p is None or not p.notes:
        return []
    index = _note_rows(session, p.text_id)
    found = (index.find(p.position, label, key) for _off, label, key in calls_of(p.notes))
    return [n for n in found if n is not None]


def text_notes(session: Session, text_id: int) -> dict[int, list[NoteText]]:
    """Paragraph position -> the notes it calls, for every paragraph of a text that calls one."""
    index = _note_rows(session, text_id)
    out: dict[int, list[NoteText]] = {}
    for position, notes in session.execute(
        select(Paragraph.position, Paragraph.notes)
        .where(Paragraph.text_id == text_id, Paragraph.notes.is_not(None))
        .order_by(Paragraph.position)
    ):
        found = [index.find(position, label, key) for _off, label, key in calls_of(notes)]
        found = [n for n in found if n is not None]
        if found:
            out[position] = found
    return out


def sentence_notes(session: Session, text_id: int, lo: int, hi: int) -> dict[int, list[NoteText]]:
    """Sentence position -> the notes its text calls, for sentences ``[lo, hi)`` of a text.

    A call belongs to the sentence whose span holds its offset (a call after a
    sentence's full stop, «…Leningrad.⁵⁵», is at the sentence's end)."""
    from db.models import Sentence

    rows = session.execute(
        select(Sentence.position, Sentence.start, Sentence.end, Paragraph.position, Paragraph.notes)
        .join(Paragraph, Paragraph.id == Sentence.paragraph_id)
        .where(Sentence.text_id == text_id, Sentence.position >= lo, Sentence.position < hi,
               Paragraph.notes.is_not(None))
        .order_by(Sentence.position)
    ).all()
    if not rows:
        return {}
    index = _note_rows(session, text_id)
    out: dict[int, list[NoteText]] = {}
    taken: set[tuple[int, int]] = set()
    for position, start, end, paragraph, notes in rows:
        for offset, label, key in calls_of(notes):
            if start <= offset <= end and (paragraph, offset) not in taken:
                taken.add((paragraph, offset))
                note = index.find(paragraph, label, key)
                if note is not None:
                    out.setdefault(position, []).append(note)
    return out


def note_for_call(session: Session, text_id: int, paragraph_position: int, label: str, key: str | None = None) -> NoteText | None:
    """The note a call (``label``, ``key``) of paragraph ``paragraph_position`` opens."""
    return _note_rows(session, text_id).find(paragraph_position, label, key)
