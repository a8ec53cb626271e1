"""Correcting the segmentation of a text: split a sentence in two, join two sentences.

Both edits change sentence rows, and with them everything that refers to
sentences:

* positions: every later sentence of the text moves by one, and so does every
  bead boundary after the touched sentence, in every alignment of the text;
* beads: a split keeps both parts in the sentence's bead; joining two
  sentences that lie in different beads merges those beads (and any empty
  beads between them) into one "edited" bead;
* bookmarks keep their sentence ids: a split moves the anchors that *ended*
  at the sentence to its second part, a join first moves the anchors of the
  sentence joined away onto the first one (``move_sentence_anchors``);
* glossary marks of the touched sentences are found again and their
  full-text search rows rewritten.

Each edit returns its exact inverse (the undo of a join re-creates the second
sentence with its old id, so bookmarks point at it again).  Functions take the
caller's Session and never commit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import case, delete, insert, or_, select, text, update
from sqlalchemy.orm import Session

from alignment.aligner.edits import BeadSpan, ReplaceBeads, edited
from alignment.language.stemming import index_text
from db.errors import LibraryError
from db.models import (
    Alignment,
    Bead,
    Bookmark,
    LibraryText,
    Paragraph,
    Sentence,
    TermOccurrence,
)
from db.services.bead_store import load_spans, touch, write_window
from db.services.bookmarks import move_sentence_anchors
from db.services.glossary import library_glossary

_WORD = re.compile(r"\w")
_ANCHOR_COLUMNS = ("ru_first_id", "ru_last_id", "en_first_id", "en_last_id")


class SentenceEditError(LibraryError):
    """A sentence edit that does not fit the text; nothing was changed."""


class SentenceNotFoundError(SentenceEditError):
    def __init__(self, sentence_id: int) -> None:
        self.sentence_id = sentence_id
        super().__init__(f"Sentence {sentence_id} is not in the library (deleted meanwhile); reopen the text.")


class SplitOffsetError(SentenceEditError):
    def __init__(self, sentence_id: int, offset: int, length: int) -> None:
        self.sentence_id = sentence_id
        self.offset = offset
        self.length = length
        super().__init__(f"Splitting the sentence at character {offset} of {length} would leave a part without "
                         "words; put the cursor between two words.")


class JoinError(SentenceEditError):
    def __init__(self, sentence_id: int, reason: str) -> None:
        self.sentence_id = sentence_id
        self.reason = reason
        super().__init__(f"The sentence cannot be joined with the next one: {reason}.")


@dataclass(frozen=True, slots=True)
class SentencePart:
    """A sentence's words and its offsets ``[start, end)`` in its paragraph."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class BeadFix:
    """A bead edit of one alignment, in the numbering where the two sentences are separate."""

    alignment_id: int
    edit: ReplaceBeads

    def inverse(self) -> BeadFix:
        return BeadFix(self.alignment_id, self.edit.inverse())


class SentenceEdit:
    """Base of the sentence edits (``SplitSentence``, ``JoinSentences``)."""

    sentence_id: int


@dataclass(frozen=True, slots=True)
class SplitSentence(SentenceEdit):
    """Split a sentence before character ``offset`` of its text.

    The other fields make the split exact when it undoes a join: the id and
    words of the second part, the bookmark anchors (bookmark id, column) to
    point at it, and the bead edits to apply once the numbering has moved.
    """

    sentence_id: int
    offset: int
    new_sentence_id: int | None = None
    parts: tuple[SentencePart, SentencePart] | None = None
    anchors: tuple[tuple[int, str], ...] | None = None
    bead_fixes: tuple[BeadFix, ...] = ()


@dataclass(frozen=True, slots=True)
class JoinSentences(SentenceEdit):
    """Join a sentence with the next one of its paragraph.

    ``expect_next_id``, ``joined`` and ``bead_fixes`` make the join exact when
    it undoes a split; ``bead_fixes=None`` merges the beads as needed.
    """

    sentence_id: int
    expect_next_id: int | None = None
    joined: SentencePart | None = None
    bead_fixes: tuple[BeadFix, ...] | None = None


@dataclass(frozen=True, slots=True)
class SentenceOutcome:
    text_id: int
    alignment_ids: tuple[int, ...]
    windows: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    """Per alignment: (first bead changed, beads removed there, beads inserted)."""
    done: SentenceEdit | None = None
    undo: SentenceEdit | None = None


def apply_sentence_edit(session: Session, edit: SentenceEdit) -> SentenceOutcome:
    if isinstance(edit, SplitSentence):
        return split_sentence(session, edit)
    if isinstance(edit, JoinSentences):
        return join_sentences(session, edit)
    raise TypeError(f"not a sentence edit: {edit!r}")


# --- helpers ----------------------------------------------------------------------------


def _sentence(session: Session, sentence_id: int) -> Sentence:
    s = session.get(Sentence, sentence_id)
    if s is None:
        raise SentenceNotFoundError(sentence_id)
    return s


def _alignments(session: Session, text_id: int) -> list[tuple[int, str]]:
    """(alignment id, side of the text in it) for every alignment of a text."""
    rows = session.execute(
        select(Alignment.id, Alignment.ru_text_id)
        .where(or_(Alignment.ru_text_id == text_id, Alignment.en_text_id == text_id))
        .order_by(Alignment.id)
    ).all()
    return [(aid, "ru" if ru == text_id else "en") for aid, ru in rows]


def _shift_sentences(session: Session, text_id: int, after: int, delta: int) -> None:
    """Add ``delta`` to the position of every sentence after position ``after`` (via negatives:
    SQLite checks the unique position row by row)."""
    params = {"t": text_id, "p": after, "d": delta}
    session.execute(text("UPDATE sentences SET position = -(position + :d) - 1 WHERE text_id = :t AND position > :p"),
                    params)
    session.execute(text("UPDATE sentences SET position = -position - 1 WHERE text_id = :t AND position < 0"),
                    {"t": text_id})


def _renumber_beads(session: Session, alignment_id: int, side: str, after: int, delta: int) -> None:
    """Move every bead boundary of ``side`` that lies after sentence position ``after``."""
    start, end = (Bead.ru_start, Bead.ru_end) if side == "ru" else (Bead.en_start, Bead.en_end)
    session.execute(
        update(Bead)
        .where(Bead.alignment_id == alignment_id, end > after)
        .values({start.key: case((start > after, start + delta), else_=start), end.key: end + delta})
    )


def _reindex(session: Session, text_id: int, sentence_ids: list[int]) -> None:
    """Rewrite the search rows and glossary marks of some sentences of a text."""
    session.execute(delete(TermOccurrence).where(TermOccurrence.sentence_id.in_(sentence_ids)))
    for sid in sentence_ids:
        session.execute(text("DELETE FROM sentence_search WHERE rowid = :id"), {"id": sid})
    lang_of_text = session.scalar(select(LibraryText.lang).where(LibraryText.id == text_id)) or "ru"
    matcher = library_glossary(session).matcher
    marks = []
    for sid, words, lang in session.execute(
        select(Sentence.id, Sentence.text, Paragraph.lang)
        .join(Paragraph, Sentence.paragraph_id == Paragraph.id)
        .where(Sentence.id.in_(sentence_ids))
    ):
        session.execute(text("INSERT INTO sentence_search (rowid, stems) VALUES (:id, :stems)"),
                        {"id": sid, "stems": index_text(words)})
        marks += [{"text_id": text_id, "sentence_id": sid, "start": hit.start, "end": hit.end, "entry_id": hit.entry_id}
                  for hit in matcher.find(words, lang or lang_of_text)]
    if marks:
        session.execute(insert(TermOccurrence), marks)


def _apply_fixes(session: Session, fixes: tuple[BeadFix, ...]) -> dict[int, tuple[int, int, int]]:
    done: dict[int, tuple[int, int, int]] = {}
    for fix in fixes:
        exact = fix.edit.resolve(load_spans(session, fix.alignment_id))
        write_window(session, fix.alignment_id, exact)
        done[fix.alignment_id] = (exact.start, len(exact.old), len(exact.new))
    return done


def _holder_windows(session: Session, alignments: list[tuple[int, str]], position: int,
                    windows: dict[int, tuple[int, int, int]]) -> dict[int, tuple[int, int, int]]:
    """``windows`` completed with the bead holding sentence ``position`` where no bead was replaced."""
    out = dict(windows)
    for aid, side in alignments:
        if aid not in out:
            start, end = (Bead.ru_start, Bead.ru_end) if side == "ru" else (Bead.en_start, Bead.en_end)
            at = session.scalar(select(Bead.position).where(Bead.alignment_id == aid, start <= position,
                                                            end > position))
            if at is not None:
                out[aid] = (at, 1, 1)
    return out


def _bead_holding(spans: list[BeadSpan], side: str, position: int) -> int:
    for i, b in enumerate(spans):
        start, end = b.side(side)  # type: ignore[arg-type]
        if start <= position < end:
            return i
    raise JoinError(-1, f"no bead holds sentence {position}; re-align the pair")


def _count(session: Session, text_id: int, delta: int) -> None:
    session.execute(update(LibraryText).where(LibraryText.id == text_id)
                    .values(sentence_count=LibraryText.sentence_count + delta))


# --- split ------------------------------------------------------------------------------


def _parts(s: Sentence, offset: int) -> tuple[SentencePart, SentencePart]:
    head, tail = s.text[:offset].rstrip(), s.text[offset:].lstrip()
    if not (0 < offset < len(s.text)) or not _WORD.search(head) or not _WORD.search(tail):
        raise SplitOffsetError(s.id, offset, len(s.text))
    tail_start = s.start + offset + (len(s.text) - offset - len(tail))
    return SentencePart(head, s.start, s.start + len(head)), SentencePart(tail, tail_start, s.end)


def split_sentence(session: Session, edit: SplitSentence) -> SentenceOutcome:
    s = _sentence(session, edit.sentence_id)
    original = SentencePart(s.text, s.start, s.end)
    first, second = edit.parts or _parts(s, edit.offset)
    text_id, p = s.text_id, s.position
    _shift_sentences(session, text_id, p, 1)
    s.text, s.start, s.end = first.text, first.start, first.end
    row = {"text_id": text_id, "paragraph_id": s.paragraph_id, "position": p + 1,
           "start": second.start, "end": second.end, "text": second.text}
    if edit.new_sentence_id is not None and session.get(Sentence, edit.new_sentence_id) is None:
        row["id"] = edit.new_sentence_id
    session.flush()
    new_id = session.scalars(insert(Sentence).returning(Sentence.id), [row]).one()
    if edit.anchors is None:
        anchors = tuple(
            (bid, col) for col in ("ru_last_id", "en_last_id")
            for bid in session.scalars(select(Bookmark.id).where(getattr(Bookmark, col) == s.id))
        )
    else:
        anchors = edit.anchors
    for bid, col in anchors:
        session.execute(update(Bookmark).where(Bookmark.id == bid).values({col: new_id}))
    _reindex(session, text_id, [s.id, new_id])
    alignments = _alignments(session, text_id)
    for aid, side in alignments:
        _renumber_beads(session, aid, side, p, 1)
        touch(session, aid)
    windows = _holder_windows(session, alignments, p, _apply_fixes(session, edit.bead_fixes))
    _count(session, text_id, 1)
    done = SplitSentence(s.id, edit.offset, new_id, (first, second), anchors, edit.bead_fixes)
    undo = JoinSentences(s.id, new_id, original, tuple(f.inverse() for f in reversed(edit.bead_fixes)))
    return SentenceOutcome(text_id, tuple(aid for aid, _ in alignments), windows, done, undo)


# --- join -------------------------------------------------------------------------------


def _joined(session: Session, s: Sentence, n: Sentence) -> SentencePart:
    paragraph = session.get(Paragraph, s.paragraph_id)
    body = paragraph.text if paragraph is not None else ""
    if body[s.start : s.end] == s.text and body[n.start : n.end] == n.text:
        return SentencePart(body[s.start : n.end], s.start, n.end)
    return SentencePart(f"{s.text} {n.text}", s.start, n.end)


def _merge_fixes(session: Session, alignments: list[tuple[int, str]], p: int) -> tuple[BeadFix, ...]:
    """Merge the beads between those holding sentences ``p`` and ``p + 1``, where they differ."""
    fixes = []
    for aid, side in alignments:
        spans = load_spans(session, aid)
        a, b = _bead_holding(spans, side, p), _bead_holding(spans, side, p + 1)
        if a != b:
            old = tuple(spans[a : b + 1])
            merged = edited(old[0].ru_start, old[-1].ru_end, old[0].en_start, old[-1].en_end)
            fixes.append(BeadFix(aid, ReplaceBeads(a, old, (merged,))))
    return tuple(fixes)


def join_sentences(session: Session, edit: JoinSentences) -> SentenceOutcome:
    s = _sentence(session, edit.sentence_id)
    n = session.scalars(select(Sentence).where(Sentence.text_id == s.text_id,
                                               Sentence.position == s.position + 1)).first()
    if n is None:
        raise JoinError(s.id, "it is the last sentence of the text")
    if n.paragraph_id != s.paragraph_id:
        raise JoinError(s.id, "the next sentence is in another paragraph")
    if edit.expect_next_id is not None and n.id != edit.expect_next_id:
        raise JoinError(s.id, "the text changed since this edit was prepared; reopen it")
    text_id, p = s.text_id, s.position
    original = (SentencePart(s.text, s.start, s.end), SentencePart(n.text, n.start, n.end))
    joined = edit.joined or _joined(session, s, n)
    alignments = _alignments(session, text_id)
    fixes = edit.bead_fixes if edit.bead_fixes is not None else _merge_fixes(session, alignments, p)
    windows = _apply_fixes(session, fixes)
    anchors = tuple(
        (bid, col) for col in _ANCHOR_COLUMNS
        for bid in session.scalars(select(Bookmark.id).where(getattr(Bookmark, col) == n.id))
    )
    move_sentence_anchors(session, n.id, s.id)
    next_id = n.id
    session.delete(n)
    session.flush()
    _shift_sentences(session, text_id, p + 1, -1)
    s.text, s.start, s.end = joined.text, joined.start, joined.end
    session.flush()
    _reindex(session, text_id, [s.id])
    for aid, side in alignments:
        _renumber_beads(session, aid, side, p, -1)
        touch(session, aid)
    _count(session, text_id, -1)
    windows = _holder_windows(session, alignments, p, windows)
    done = JoinSentences(s.id, next_id, joined, fixes)
    undo = SplitSentence(s.id, len(original[0].text), next_id, original, anchors,
                         tuple(f.inverse() for f in reversed(fixes)))
    return SentenceOutcome(text_id, tuple(aid for aid, _ in alignments), windows, done, undo)
