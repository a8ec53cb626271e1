"""A text as one JSON object: the stable contract of ``sverka show ID --json``.

``{"id", "title", "language", "paragraphs": [{"n", "kind", "level", "text",
"page", "notes": [{"label", "text"}]}]}``: ``n`` counts from 1, a body
paragraph's kind is "text" (others: "heading", "note", "quote", "epigraph",
"verse", "table"), ``level`` is a heading's level (null otherwise), ``page``
the printed page label where the paragraph starts (null without pages).
Other tools read this shape: change it only by adding keys.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Paragraph
from db.services.library import get_text
from db.services.notes import text_notes


def text_as_json(session: Session, text_id: int) -> dict[str, Any]:
    info = get_text(session, text_id)
    notes = text_notes(session, text_id)
    paragraphs = []
    for position, kind, level, text, page in session.execute(
        select(Paragraph.position, Paragraph.kind, Paragraph.level, Paragraph.text, Paragraph.page)
        .where(Paragraph.text_id == text_id)
        .order_by(Paragraph.position)
    ):
        paragraphs.append({
            "n": len(paragraphs) + 1,
            "kind": "text" if kind == "body" else kind,
            "level": (level or 1) if kind == "heading" else None,
            "text": text,
            "page": page,
            "notes": [{"label": n.label, "text": n.text} for n in notes.get(position, [])],
        })
    return {"id": info.id, "title": info.title, "language": info.lang, "paragraphs": paragraphs}
