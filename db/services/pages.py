"""Printed page labels of paragraphs and sentences.

A paragraph stores the page label where it starts (``Paragraph.page``) and the
page breaks inside it (``Paragraph.page_breaks``: ``[[offset, label], …]``,
offsets into the paragraph text, ascending).  A sentence is on the page where
it starts; a citation of a range names the first and the last page.
"""

from __future__ import annotations

from collections.abc import Sequence


def page_at(start_page: str | None, page_breaks: Sequence[Sequence[int | str]] | None, offset: int) -> str | None:
    """The page label at ``offset`` of a paragraph (None when the text has no pages)."""
    page = start_page
    for brk in page_breaks or ():
        if int(brk[0]) <= offset:
            page = str(brk[1])
        else:
            break
    return page


def page_span(first: str | None, last: str | None) -> str | None:
    """"45" or "45–46" for a passage from page ``first`` to page ``last``."""
    if first is None and last is None:
        return None
    if first is None or last is None or first == last:
        return first or last
    return f"{first}–{last}"


def has_pages(session, text_ids) -> bool:  # noqa: ANN001 - a Session and ids
    """Whether any of the texts carries printed page labels (the reader then keeps a margin for them)."""
    from sqlalchemy import select

    from db.models import Paragraph

    return session.scalar(
        select(Paragraph.id).where(Paragraph.text_id.in_(list(text_ids)), Paragraph.page.is_not(None)).limit(1)
    ) is not None
