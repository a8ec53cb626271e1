"""Replacing a stand-in text (a working translation or a back-translation written by
Sverka's editors) with the real thing, e.g. the Russian original of 1925 from an
archive edition.

The new text is imported into the same work and aligned with the unchanged
side; the stand-in stays in the library under its label, with its own
alignment.  Bookmarks of the stand-in pair move to the new pair: they are
located through their anchors on the unchanged side, and the replaced side is
re-anchored to the new text's sentences of the same beads.  A bookmark that
cannot be remapped stays where it was, flagged for review.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress, ProgressShare
from db.dto import PROJECT_WRITTEN_KINDS, ReplaceResult
from db.engine import Library
from db.errors import AlignmentNotFoundError, LibraryError, TextNotFoundError
from db.models import Alignment, Bookmark, LibraryText
from db.services import bookmarks as bm
from db.services.aligning import align_texts
from db.services.importing import ImportOptions, TextMetadata, prepare_text, store_text
from db.services.library import delete_text

log = logging.getLogger(__name__)

REPLACEMENT_KIND = {"back_translation": "original", "working_translation": "published_translation"}


class NotReplaceableError(LibraryError):
    def __init__(self, text_id: int, kind: str) -> None:
        self.text_id = text_id
        self.kind = kind
        super().__init__(
            f"Text {text_id} is a {kind.replace('_', ' ')}, not a working translation or back-translation "
            "written by Sverka's editors; only those can be replaced. Import the new text as a text of its own."
        )


def _partner(session: Session, old: LibraryText) -> LibraryText:
    alignment = session.scalars(
        select(Alignment)
        .where(or_(Alignment.ru_text_id == old.id, Alignment.en_text_id == old.id))
        .order_by(Alignment.id.desc())
    ).first()
    if alignment is None:
        raise AlignmentNotFoundError(old.id)
    partner_id = alignment.en_text_id if alignment.ru_text_id == old.id else alignment.ru_text_id
    partner = session.get(LibraryText, partner_id)
    assert partner is not None
    return partner


def replacement_metadata(session: Session, text_id: int, given: TextMetadata | None = None) -> TextMetadata:
    """Metadata for the replacement: the user's, completed from the stand-in's work.

    An empty ``kind`` means the usual one: a back-translation is replaced by the
    original, a working translation by a published translation."""
    old = session.get(LibraryText, text_id)
    if old is None:
        raise TextNotFoundError(text_id)
    if old.kind not in PROJECT_WRITTEN_KINDS:
        raise NotReplaceableError(text_id, old.kind)
    meta = given or TextMetadata(lang=old.lang, kind=REPLACEMENT_KIND[old.kind])
    return replace(
        meta,
        lang=old.lang,
        work_id=old.work_id,
        author=meta.author or old.author,
        kind=meta.kind or REPLACEMENT_KIND[old.kind],
        key=None,
        bundled=False,
    )


def replace_text(
    library: Library,
    text_id: int,
    path: Path,
    meta: TextMetadata | None = None,
    options: ImportOptions = ImportOptions(),
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ReplaceResult:
    """Import ``path`` as the replacement of stand-in ``text_id``, align it, remap bookmarks."""
    progress = progress or NullProgress()
    with library.sessions() as session:
        meta = replacement_metadata(session, text_id, meta)
        old = session.get(LibraryText, text_id)
        assert old is not None
        partner_id = _partner(session, old).id
        old_lang = old.lang
    prepared = prepare_text(path, meta, options, progress=ProgressShare(progress, 0.0, 0.45), cancel=cancel)
    result = store_text(library, prepared, options, progress=ProgressShare(progress, 0.45, 0.55), cancel=cancel)
    new_id = result.text_id
    ru_id, en_id = (new_id, partner_id) if old_lang == "ru" else (partner_id, new_id)
    try:
        changes = align_texts(library, ru_id, en_id, progress=ProgressShare(progress, 0.55, 1.0), cancel=cancel)
        with library.sessions.begin() as session:
            remapped, flagged = remap_bookmarks(session, text_id, new_id, partner_id)
    except BaseException:
        # Leave the library as it was: the new text goes again.
        with library.sessions.begin() as session:
            delete_text(session, new_id)
        raise
    log.info("replaced text %d by %d: %d bookmarks remapped, %d flagged", text_id, new_id, len(remapped), len(flagged))
    return ReplaceResult(
        old_text_id=text_id,
        new_text_id=new_id,
        alignment_id=min(changes.alignments),
        bookmarks_remapped=tuple(remapped),
        bookmarks_flagged=tuple(flagged),
        warnings=result.warnings,
    )


def remap_bookmarks(session: Session, old_id: int, new_id: int, partner_id: int) -> tuple[list[int], list[int]]:
    """Move the bookmarks of the pair (old, partner) to the pair (new, partner)."""
    old = session.get(LibraryText, old_id)
    assert old is not None
    side = old.lang
    other = "en" if side == "ru" else "ru"
    alignment_id = bm.find_alignment(
        session, *((new_id, partner_id) if side == "ru" else (partner_id, new_id))
    )
    assert alignment_id is not None
    remapped: list[int] = []
    flagged: list[int] = []
    bookmarks = session.scalars(
        select(Bookmark).where(
            getattr(Bookmark, f"{side}_text_id") == old_id, getattr(Bookmark, f"{other}_text_id") == partner_id
        )
    ).all()
    for b in bookmarks:
        anchor = bm.side_anchor(
            session, partner_id, getattr(b, f"{other}_first_id"), getattr(b, f"{other}_last_id")
        )
        if anchor is None:
            b.needs_review = True
            b.review_reason = (
                f"Text {old_id} was replaced by text {new_id}, but this passage exists only in the stand-in "
                "(it has no sentences on the other side), so it stays on the stand-in."
            )
            flagged.append(b.id)
            continue
        span = bm.beads_covering(
            session, alignment_id, **{other: (anchor.lo, anchor.hi), side: None}  # type: ignore[arg-type]
        )
        assert span is not None
        ru_range, en_range = bm.bead_sentence_ranges(session, alignment_id, *span)
        new_side = bm.side_sentences(session, new_id, *(ru_range if side == "ru" else en_range))
        setattr(b, f"{side}_text_id", new_id)
        setattr(b, f"{side}_first_id", new_side.first_id)
        setattr(b, f"{side}_last_id", new_side.last_id)
        setattr(b, f"{side}_quote", new_side.text)
        if new_side.first_id is None:
            b.needs_review = True
            b.review_reason = (
                f"Text {old_id} was replaced by text {new_id}, which has nothing aligned with this passage; "
                "check the alignment here."
            )
            flagged.append(b.id)
        else:
            remapped.append(b.id)
        b.updated_at = bm.utc_now()
    session.flush()
    return remapped, flagged
