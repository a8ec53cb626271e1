"""Editing a text's details (title, author, translator, date, source, rights, note, kind)
and its bibliographic record (``db.services.records``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.dto import Changes
from db.errors import TextNotFoundError
from db.models import TEXT_KINDS, LibraryText
from db.services.records import Record, record_of, set_text_record


@dataclass(frozen=True, slots=True)
class TextDetails:
    title: str
    author: str = ""
    translator: str = ""
    date: str = ""
    source: str = ""
    rights: str = ""
    note: str = ""
    kind: str = "original"
    record: Record | None = None  # the bibliographic record (stored, or made from the fields above)


def text_details(session: Session, text_id: int) -> TextDetails:
    t = session.get(LibraryText, text_id)
    if t is None:
        raise TextNotFoundError(text_id)
    return TextDetails(t.title, t.author, t.translator, t.date, t.source, t.rights, t.note, t.kind, record_of(t))


def update_text_details(session: Session, text_id: int, details: TextDetails) -> Changes:
    """Store new details for a text; the title cannot be empty and the kind must be known."""
    t = session.get(LibraryText, text_id)
    if t is None:
        raise TextNotFoundError(text_id)
    title = details.title.strip()
    if not title:
        raise ValueError("A title cannot be empty.")
    if details.kind not in TEXT_KINDS:
        raise ValueError(f"Unknown kind {details.kind!r}; expected one of {', '.join(TEXT_KINDS)}.")
    before = record_of(t)  # what the dialog was shown: only a changed record is stored
    t.title = title
    t.author = details.author.strip()
    t.translator = details.translator.strip()
    t.date = details.date.strip()
    t.source = details.source.strip()
    t.rights = details.rights.strip()
    t.note = details.note.strip()
    t.kind = details.kind
    t.role = "original" if details.kind == "original" else "translation"
    if details.record is not None and details.record != before:
        set_text_record(session, text_id, details.record)
    return Changes(texts=frozenset({text_id}))
