"""Storing corrections of an alignment: one edit, one transaction, one exact inverse.

``apply_edit(session, alignment_id, edit)`` stores a bead edit from
``alignment.aligner.edits`` (merge, split, shift, detach, confirm…) or a sentence edit
from ``db.services.segmentation`` (split a sentence, join two) in the caller's
transaction, and returns an ``EditResult``: the ``Changes`` for the views, the
window of beads that changed, and ``undo``, the edit that restores the library
exactly (push ``edit`` as a command's redo and ``result.undo`` as its undo).

``realign_rest`` aligns again, outside any transaction (run it off the UI
thread), every part of the alignment the user has neither confirmed nor
edited; ``apply_realign`` stores its result in the caller's transaction as one
more exact, undoable edit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from alignment.aligner.edits import BeadSpan, Edit, ReplaceBeads
from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from alignment.aligner.realign import realign_unconfirmed
from db.dto import Changes
from db.engine import Library
from db.models import Paragraph, Sentence
from db.services.aligning import meaning_for
from db.services.bead_store import get_alignment, load_spans, write_window
from db.services.segmentation import SentenceEdit, apply_sentence_edit

log = logging.getLogger(__name__)

AnyEdit = Edit | SentenceEdit


@dataclass(frozen=True, slots=True)
class EditResult(Changes):
    """What an edit changed, and how to undo it.

    In the alignment ``alignment_id`` the ``removed`` beads from position
    ``start`` were replaced by ``inserted`` beads; ``renumbered`` says that the
    sentence ranges of the beads after them moved too (a sentence edit).
    ``done`` is the edit as applied (exact) and ``undo`` its inverse.
    """

    alignment_id: int = 0
    start: int = 0
    removed: int = 0
    inserted: int = 0
    renumbered: bool = False
    done: AnyEdit | None = None
    undo: AnyEdit | None = None


def apply_edit(session: Session, alignment_id: int, edit: AnyEdit) -> EditResult:
    """Apply one edit in the caller's transaction; raises ``EditError`` and changes nothing when it does not fit."""
    if isinstance(edit, SentenceEdit):
        outcome = apply_sentence_edit(session, edit)
        window = outcome.windows.get(alignment_id)
        return EditResult(
            texts=frozenset({outcome.text_id}),
            alignments=frozenset(outcome.alignment_ids),
            alignment_id=alignment_id,
            start=window[0] if window else 0,
            removed=window[1] if window else 0,
            inserted=window[2] if window else 0,
            renumbered=True,
            done=outcome.done,
            undo=outcome.undo,
        )
    get_alignment(session, alignment_id)
    exact = edit.resolve(load_spans(session, alignment_id))
    write_window(session, alignment_id, exact)
    log.debug("alignment %d: %s", alignment_id, type(edit).__name__)
    return EditResult(
        alignments=frozenset({alignment_id}),
        alignment_id=alignment_id,
        start=exact.start,
        removed=len(exact.old),
        inserted=len(exact.new),
        done=exact,
        undo=exact.inverse(),
    )


@dataclass(frozen=True, slots=True)
class RealignPlan:
    """The result of ``realign_rest``, not yet stored: ``edit`` is None when nothing changes."""

    alignment_id: int
    edit: ReplaceBeads | None

    @property
    def new_beads(self) -> tuple[BeadSpan, ...]:
        return self.edit.new if self.edit is not None else ()

    @property
    def changed(self) -> int:
        """How many beads the re-alignment replaces."""
        return len(self.edit.old) if self.edit is not None else 0


def _units(session: Session, text_id: int) -> tuple[list[str], list[int]]:
    rows = session.execute(
        select(Sentence.text, Paragraph.position)
        .join(Paragraph, Sentence.paragraph_id == Paragraph.id)
        .where(Sentence.text_id == text_id)
        .order_by(Sentence.position)
    ).all()
    return [r[0] for r in rows], [r[1] for r in rows]


def realign_rest(
    library: Library,
    alignment_id: int,
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> RealignPlan:
    """Align again all beads that are neither confirmed nor edited, keeping those as fixed anchors.

    Reads in a short session and writes nothing: store the plan with
    ``apply_realign`` (it refuses a plan the user's edits have made stale).
    """
    progress = progress or NullProgress()
    with library.sessions() as session:
        alignment = get_alignment(session, alignment_id)
        ru_units, ru_paragraphs = _units(session, alignment.ru_text_id)
        en_units, en_paragraphs = _units(session, alignment.en_text_id)
        spans = load_spans(session, alignment_id)
        meaning = meaning_for(session, alignment.ru_text_id, alignment.en_text_id)
    progress.update(0, 1, "re-aligning")
    edit = realign_unconfirmed(spans, ru_units, en_units, ru_paragraphs=ru_paragraphs, en_paragraphs=en_paragraphs,
                               progress=progress, cancel=cancel, meaning=meaning)
    cancel.raise_if_cancelled()
    log.info("re-aligned alignment %d: %d beads change", alignment_id, len(edit.old) if edit else 0)
    return RealignPlan(alignment_id, edit)


def apply_realign(session: Session, plan: RealignPlan) -> EditResult:
    """Store a re-alignment in the caller's transaction (undo it with ``result.undo``)."""
    if plan.edit is None:
        return EditResult(alignment_id=plan.alignment_id)
    return apply_edit(session, plan.alignment_id, plan.edit)
