"""Bookmarks: create, edit, delete (with an undo snapshot), list and locate them.

A bookmark is anchored to the first and last sentence of its passage on both
sides (see ``db.models.Bookmark``); its beads are recomputed from the current
alignment of its pair on every read, so re-aligning a pair or editing its
beads never loses it.  Functions take the caller's Session and never commit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from db.dto import BookmarkInfo, BookmarkSnapshot, BookmarkSpan
from db.errors import LibraryError
from db.models import Alignment, Bead, Bookmark, BookmarkTag, LibraryText, Sentence, Tag, Work

DEFAULT_COLOUR = "#ffd54f"
TITLE_WORDS = 8
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_UNSET: object = object()


class BookmarkNotFoundError(LibraryError):
    def __init__(self, bookmark_id: int) -> None:
        self.bookmark_id = bookmark_id
        super().__init__(f"There is no bookmark with id {bookmark_id}; `sverka bookmark list` shows the ids.")


class BookmarkRangeError(LibraryError):
    def __init__(self, alignment_id: int, bead_start: int, bead_end: int, bead_count: int) -> None:
        self.alignment_id = alignment_id
        self.bead_start = bead_start
        self.bead_end = bead_end
        self.bead_count = bead_count
        super().__init__(
            f"Beads {bead_start + 1}–{bead_end} are not in this alignment (it has {bead_count} beads); "
            "choose a range inside it."
        )


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def tag_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as given, trimmed, without empties and without case-insensitive repeats."""
    seen: dict[str, str] = {}
    for raw in tags:
        name = " ".join(raw.split())
        if name and tag_key(name) not in seen:
            seen[tag_key(name)] = name
    return tuple(seen.values())


def default_title(ru: str, en: str, *, words: int = TITLE_WORDS) -> str:
    """The first words of the passage (Russian side first), as a prefilled title."""
    source = ru.strip() or en.strip()
    parts = source.split()
    title = " ".join(parts[:words])
    return title + ("…" if len(parts) > words else "")


def _check_colour(colour: str) -> str:
    if not _COLOUR_RE.match(colour):
        raise ValueError(f"{colour!r} is not a colour like #ffd54f.")
    return colour.lower()


# --- locating ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    """Sentence positions ``[lo, hi]`` of one side, in the text ``text_id``."""

    text_id: int
    lo: int
    hi: int


def side_anchor(session: Session, text_id: int | None, first_id: int | None, last_id: int | None) -> Anchor | None:
    ids = [i for i in (first_id, last_id) if i is not None]
    if text_id is None or not ids:
        return None
    rows = session.execute(select(Sentence.position).where(Sentence.id.in_(ids), Sentence.text_id == text_id)).all()
    if not rows:
        return None
    positions = [r[0] for r in rows]
    return Anchor(text_id, min(positions), max(positions))


def find_alignment(session: Session, ru_text_id: int | None, en_text_id: int | None) -> int | None:
    if ru_text_id is None or en_text_id is None:
        return None
    return session.scalar(
        select(Alignment.id).where(Alignment.ru_text_id == ru_text_id, Alignment.en_text_id == en_text_id)
    )


def beads_covering(session: Session, alignment_id: int, *, ru: tuple[int, int] | None, en: tuple[int, int] | None) -> tuple[int, int] | None:
    """Beads ``[start, end)`` that overlap Russian sentences ``ru=(lo, hi)`` or English ``en=(lo, hi)``."""
    conditions = []
    if ru is not None:
        conditions.append(and_(Bead.ru_start <= ru[1], Bead.ru_end > ru[0]))
    if en is not None:
        conditions.append(and_(Bead.en_start <= en[1], Bead.en_end > en[0]))
    if not conditions:
        return None
    lo, hi = session.execute(
        select(func.min(Bead.position), func.max(Bead.position)).where(Bead.alignment_id == alignment_id, or_(*conditions))
    ).one()
    return None if lo is None else (lo, hi + 1)


def locate(session: Session, bookmark: Bookmark) -> tuple[int, int, int] | None:
    """(alignment id, bead start, bead end) of a bookmark in its pair's current alignment."""
    alignment_id = find_alignment(session, bookmark.ru_text_id, bookmark.en_text_id)
    if alignment_id is None:
        return None
    ru = side_anchor(session, bookmark.ru_text_id, bookmark.ru_first_id, bookmark.ru_last_id)
    en = side_anchor(session, bookmark.en_text_id, bookmark.en_first_id, bookmark.en_last_id)
    span = beads_covering(
        session, alignment_id, ru=(ru.lo, ru.hi) if ru else None, en=(en.lo, en.hi) if en else None
    )
    return None if span is None else (alignment_id, span[0], span[1])


class _BeadBounds:
    """One alignment's bead ranges in memory, to locate many bookmarks with one query.

    Beads cover both texts once, in order, so their starts and ends never go back
    as their position grows: the beads meeting a sentence range are one run, found
    by binary search (``beads_covering`` asks the same of SQLite, which scans).
    """

    def __init__(self, session: Session, alignment_id: int) -> None:
        # Through the connection: the ORM's row loading would cost more than the query (20,000 beads).
        rows = session.connection().execute(
            select(Bead.ru_start, Bead.ru_end, Bead.en_start, Bead.en_end)
            .where(Bead.alignment_id == alignment_id).order_by(Bead.position)
        ).all()
        # Plain tuples: numpy reads SQLAlchemy's rows item by item through their key lookup (10x slower).
        columns = np.array([tuple(r) for r in rows], dtype=np.int64).reshape(len(rows), 4).T
        self.ru_start, self.ru_end, self.en_start, self.en_end = columns
        self.in_order = all(bool(np.all(np.diff(c) >= 0)) for c in columns)

    @staticmethod
    def _run(starts: np.ndarray, ends: np.ndarray, lo: int, hi: int) -> tuple[int, int]:
        """Positions ``[first, last]`` of the beads with ``start <= hi`` and ``end > lo`` (first > last: none)."""
        return int(np.searchsorted(ends, lo, side="right")), int(np.searchsorted(starts, hi, side="right")) - 1

    def covering(self, ru: tuple[int, int] | None, en: tuple[int, int] | None) -> tuple[int, int] | None:
        """As ``beads_covering``."""
        runs = []
        if ru is not None:
            runs.append(self._run(self.ru_start, self.ru_end, *ru))
        if en is not None:
            runs.append(self._run(self.en_start, self.en_end, *en))
        runs = [(a, b) for a, b in runs if a <= b]
        if not runs:
            return None
        return min(a for a, _ in runs), max(b for _, b in runs) + 1


def _locations(session: Session, bookmarks: Sequence[Bookmark]) -> dict[int, tuple[int, int, int] | None]:
    """``locate`` for many bookmarks: one query for their sentences, one per alignment for its beads."""
    if len(bookmarks) < 4:
        return {b.id: locate(session, b) for b in bookmarks}
    ids = {i for b in bookmarks for i in (b.ru_first_id, b.ru_last_id, b.en_first_id, b.en_last_id) if i is not None}
    position: dict[int, tuple[int, int]] = {}
    id_list = sorted(ids)
    for k in range(0, len(id_list), 500):
        for sid, text_id, pos in session.execute(
            select(Sentence.id, Sentence.text_id, Sentence.position).where(Sentence.id.in_(id_list[k:k + 500]))
        ):
            position[sid] = (text_id, pos)

    def anchor(text_id: int | None, first_id: int | None, last_id: int | None) -> tuple[int, int] | None:
        found = [position[i][1] for i in (first_id, last_id)
                 if i is not None and i in position and position[i][0] == text_id]
        return (min(found), max(found)) if text_id is not None and found else None

    alignments: dict[tuple[int | None, int | None], int | None] = {}
    bounds: dict[int, _BeadBounds] = {}
    out: dict[int, tuple[int, int, int] | None] = {}
    for b in bookmarks:
        pair = (b.ru_text_id, b.en_text_id)
        if pair not in alignments:
            alignments[pair] = find_alignment(session, *pair)
        alignment_id = alignments[pair]
        if alignment_id is None:
            out[b.id] = None
            continue
        if alignment_id not in bounds:
            bounds[alignment_id] = _BeadBounds(session, alignment_id)
        ru = anchor(b.ru_text_id, b.ru_first_id, b.ru_last_id)
        en = anchor(b.en_text_id, b.en_first_id, b.en_last_id)
        beads = bounds[alignment_id]
        span = (beads.covering(ru, en) if beads.in_order
                else beads_covering(session, alignment_id, ru=ru, en=en))
        out[b.id] = None if span is None else (alignment_id, span[0], span[1])
    return out


# --- anchors from beads -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SideSentences:
    """The sentences of one side that a run of beads covers."""

    first_id: int | None
    last_id: int | None
    text: str


def side_sentences(session: Session, text_id: int, lo: int, hi: int) -> SideSentences:
    """Sentences at positions ``[lo, hi)`` of a text: their end ids and joined words."""
    if hi <= lo:
        return SideSentences(None, None, "")
    rows = session.execute(
        select(Sentence.id, Sentence.text)
        .where(Sentence.text_id == text_id, Sentence.position >= lo, Sentence.position < hi)
        .order_by(Sentence.position)
    ).all()
    if not rows:
        return SideSentences(None, None, "")
    return SideSentences(rows[0][0], rows[-1][0], " ".join(r[1] for r in rows))


def bead_sentence_ranges(session: Session, alignment_id: int, bead_start: int, bead_end: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """Russian and English sentence ranges ``[lo, hi)`` covered by beads ``[bead_start, bead_end)``."""
    rows = session.execute(
        select(Bead.ru_start, Bead.ru_end, Bead.en_start, Bead.en_end).where(
            Bead.alignment_id == alignment_id, Bead.position >= bead_start, Bead.position < bead_end
        )
    ).all()
    ru = [(r[0], r[1]) for r in rows if r[1] > r[0]]
    en = [(r[2], r[3]) for r in rows if r[3] > r[2]]
    ru_range = (min(a for a, _ in ru), max(b for _, b in ru)) if ru else (0, 0)
    en_range = (min(a for a, _ in en), max(b for _, b in en)) if en else (0, 0)
    return ru_range, en_range


# --- reading ----------------------------------------------------------------------------


def _tags_of(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    tags: dict[int, list[str]] = defaultdict(list)
    if ids:
        for bookmark_id, name in session.execute(
            select(BookmarkTag.bookmark_id, Tag.name)
            .join(Tag, Tag.id == BookmarkTag.tag_id)
            .where(BookmarkTag.bookmark_id.in_(ids))
            .order_by(Tag.key)
        ):
            tags[bookmark_id].append(name)
    return {i: tuple(tags.get(i, ())) for i in ids}


def _work_titles(session: Session, text_ids: Iterable[int | None]) -> dict[int, str]:
    ids = {i for i in text_ids if i is not None}
    if not ids:
        return {}
    return dict(
        session.execute(
            select(LibraryText.id, Work.title).join(Work, Work.id == LibraryText.work_id).where(LibraryText.id.in_(ids))
        ).all()
    )


def _info(b: Bookmark, tags: tuple[str, ...], work_title: str, where: tuple[int, int, int] | None) -> BookmarkInfo:
    return BookmarkInfo(
        id=b.id,
        title=b.title,
        note=b.note,
        colour=b.colour,
        tags=tags,
        ru_text_id=b.ru_text_id,
        en_text_id=b.en_text_id,
        work_title=work_title,
        ru_quote=b.ru_quote,
        en_quote=b.en_quote,
        alignment_id=where[0] if where else None,
        bead_start=where[1] if where else None,
        bead_end=where[2] if where else None,
        needs_review=b.needs_review or where is None,
        review_reason=b.review_reason
        or ("" if where is not None else "The passage can no longer be found in its texts; its words are kept."),
        created_at=b.created_at.isoformat(timespec="seconds"),
        updated_at=b.updated_at.isoformat(timespec="seconds"),
    )


def _infos(session: Session, bookmarks: Sequence[Bookmark]) -> list[BookmarkInfo]:
    tags = _tags_of(session, [b.id for b in bookmarks])
    works = _work_titles(session, [t for b in bookmarks for t in (b.ru_text_id, b.en_text_id)])
    where = _locations(session, bookmarks)
    return [
        _info(b, tags[b.id], works.get(b.ru_text_id or -1) or works.get(b.en_text_id or -1, ""), where[b.id])
        for b in bookmarks
    ]


def _load(session: Session, bookmark_id: int) -> Bookmark:
    b = session.get(Bookmark, bookmark_id)
    if b is None:
        raise BookmarkNotFoundError(bookmark_id)
    return b


def get_bookmark(session: Session, bookmark_id: int) -> BookmarkInfo:
    return _infos(session, [_load(session, bookmark_id)])[0]


def _like(words: str) -> list[str]:
    return [f"%{w.replace('%', '').replace('_', '')}%" for w in words.split() if w.replace("%", "").replace("_", "")]


def list_bookmarks(
    session: Session,
    *,
    text: str = "",
    tag: str = "",
    note: str = "",
    text_id: int | None = None,
    alignment_id: int | None = None,
) -> list[BookmarkInfo]:
    """Bookmarks across the library, newest first.

    ``text``: every word must occur in the title, the note or the passage;
    ``note``: every word must occur in the note; ``tag``: has this tag (any
    case); ``text_id``/``alignment_id``: only those of a text or a pair.
    Matching ignores case for Cyrillic too (done in Python: SQLite's LIKE folds ASCII only).
    """
    q = select(Bookmark).order_by(Bookmark.created_at.desc(), Bookmark.id.desc())
    if tag:
        q = q.join(BookmarkTag, BookmarkTag.bookmark_id == Bookmark.id).join(Tag, Tag.id == BookmarkTag.tag_id)
        q = q.where(Tag.key == tag_key(tag))
    if text_id is not None:
        q = q.where(or_(Bookmark.ru_text_id == text_id, Bookmark.en_text_id == text_id))
    if alignment_id is not None:
        a = session.get(Alignment, alignment_id)
        if a is None:
            return []
        q = q.where(Bookmark.ru_text_id == a.ru_text_id, Bookmark.en_text_id == a.en_text_id)
    bookmarks = list(session.scalars(q))
    text_words = [w.casefold() for w in text.split()]
    note_words = [w.casefold() for w in note.split()]
    if text_words or note_words:
        tags = _tags_of(session, [b.id for b in bookmarks])

        def keep(b: Bookmark) -> bool:
            hay = " ".join((b.title, b.note, b.ru_quote, b.en_quote, *tags[b.id])).casefold()
            return all(w in hay for w in text_words) and all(w in b.note.casefold() for w in note_words)

        bookmarks = [b for b in bookmarks if keep(b)]
    return _infos(session, bookmarks)


def bookmark_spans(session: Session, alignment_id: int) -> list[BookmarkSpan]:
    """The bookmarks of one alignment with their bead ranges, for marking the reader."""
    spans = []
    for info in list_bookmarks(session, alignment_id=alignment_id):
        if info.alignment_id == alignment_id and info.bead_start is not None and info.bead_end is not None:
            spans.append(BookmarkSpan(info.id, info.bead_start, info.bead_end, info.colour, info.title))
    return sorted(spans, key=lambda s: (s.bead_start, s.bookmark_id))


def all_tags(session: Session) -> list[str]:
    """Every tag in use, sorted."""
    used = select(BookmarkTag.tag_id).distinct()
    return list(session.scalars(select(Tag.name).where(Tag.id.in_(used)).order_by(Tag.key)))


# --- writing ----------------------------------------------------------------------------


def _set_tags(session: Session, bookmark_id: int, tags: Iterable[str]) -> None:
    session.execute(delete(BookmarkTag).where(BookmarkTag.bookmark_id == bookmark_id))
    for name in clean_tags(tags):
        tag = session.scalars(select(Tag).where(Tag.key == tag_key(name))).first()
        if tag is None:
            tag = Tag(key=tag_key(name), name=name)
            session.add(tag)
            session.flush()
        session.add(BookmarkTag(bookmark_id=bookmark_id, tag_id=tag.id))
    session.flush()


def add_bookmark(
    session: Session,
    alignment_id: int,
    bead_start: int,
    bead_end: int,
    *,
    title: str | None = None,
    note: str = "",
    tags: Iterable[str] = (),
    colour: str = DEFAULT_COLOUR,
) -> BookmarkInfo:
    """Bookmark beads ``[bead_start, bead_end)`` (positions from 0) of an alignment.

    ``title=None`` takes the first words of the passage.
    """
    a = session.get(Alignment, alignment_id)
    if a is None:
        raise ValueError(f"There is no alignment with id {alignment_id}.")
    count = session.scalar(select(func.count()).select_from(Bead).where(Bead.alignment_id == alignment_id)) or 0
    if not 0 <= bead_start < bead_end <= count:
        raise BookmarkRangeError(alignment_id, bead_start, bead_end, count)
    ru_range, en_range = bead_sentence_ranges(session, alignment_id, bead_start, bead_end)
    ru = side_sentences(session, a.ru_text_id, *ru_range)
    en = side_sentences(session, a.en_text_id, *en_range)
    b = Bookmark(
        ru_text_id=a.ru_text_id,
        en_text_id=a.en_text_id,
        ru_first_id=ru.first_id,
        ru_last_id=ru.last_id,
        en_first_id=en.first_id,
        en_last_id=en.last_id,
        title=(title if title is not None else default_title(ru.text, en.text)).strip(),
        note=note,
        colour=_check_colour(colour),
        ru_quote=ru.text,
        en_quote=en.text,
        needs_review=False,
        review_reason="",
    )
    session.add(b)
    session.flush()
    _set_tags(session, b.id, tags)
    return get_bookmark(session, b.id)


def update_bookmark(
    session: Session,
    bookmark_id: int,
    *,
    title: str | object = _UNSET,
    note: str | object = _UNSET,
    tags: Iterable[str] | object = _UNSET,
    colour: str | object = _UNSET,
    reviewed: bool = False,
) -> BookmarkInfo:
    """Change what is given; ``reviewed=True`` clears the "needs review" flag."""
    b = _load(session, bookmark_id)
    if isinstance(title, str):
        b.title = title.strip()
    if isinstance(note, str):
        b.note = note
    if isinstance(colour, str):
        b.colour = _check_colour(colour)
    if tags is not _UNSET:
        _set_tags(session, b.id, tags)  # type: ignore[arg-type]
    if reviewed:
        b.needs_review = False
        b.review_reason = ""
    b.updated_at = utc_now()
    session.flush()
    return get_bookmark(session, b.id)


def snapshot(session: Session, bookmark_id: int) -> BookmarkSnapshot:
    b = _load(session, bookmark_id)
    return BookmarkSnapshot(
        id=b.id,
        ru_text_id=b.ru_text_id,
        en_text_id=b.en_text_id,
        ru_first_id=b.ru_first_id,
        ru_last_id=b.ru_last_id,
        en_first_id=b.en_first_id,
        en_last_id=b.en_last_id,
        title=b.title,
        note=b.note,
        colour=b.colour,
        ru_quote=b.ru_quote,
        en_quote=b.en_quote,
        needs_review=b.needs_review,
        review_reason=b.review_reason,
        tags=_tags_of(session, [b.id])[b.id],
        created_at=b.created_at.isoformat(),
        updated_at=b.updated_at.isoformat(),
    )


def delete_bookmark(session: Session, bookmark_id: int) -> BookmarkSnapshot:
    """Delete a bookmark; the returned snapshot lets ``restore_bookmark`` undo it."""
    saved = snapshot(session, bookmark_id)
    session.execute(delete(Bookmark).where(Bookmark.id == bookmark_id))
    return saved


def restore_bookmark(session: Session, saved: BookmarkSnapshot) -> BookmarkInfo:
    """Put a deleted bookmark back with its id, anchors and tags (anchors whose
    sentences have gone meanwhile are left empty)."""
    existing_sentences = set(
        session.scalars(
            select(Sentence.id).where(
                Sentence.id.in_([i for i in (saved.ru_first_id, saved.ru_last_id, saved.en_first_id, saved.en_last_id) if i])
            )
        )
    )
    existing_texts = set(
        session.scalars(select(LibraryText.id).where(LibraryText.id.in_([i for i in (saved.ru_text_id, saved.en_text_id) if i])))
    )

    def keep(i: int | None, pool: set[int]) -> int | None:
        return i if i in pool else None

    b = Bookmark(
        id=saved.id,
        ru_text_id=keep(saved.ru_text_id, existing_texts),
        en_text_id=keep(saved.en_text_id, existing_texts),
        ru_first_id=keep(saved.ru_first_id, existing_sentences),
        ru_last_id=keep(saved.ru_last_id, existing_sentences),
        en_first_id=keep(saved.en_first_id, existing_sentences),
        en_last_id=keep(saved.en_last_id, existing_sentences),
        title=saved.title,
        note=saved.note,
        colour=saved.colour,
        ru_quote=saved.ru_quote,
        en_quote=saved.en_quote,
        needs_review=saved.needs_review,
        review_reason=saved.review_reason,
        created_at=dt.datetime.fromisoformat(saved.created_at),
        updated_at=dt.datetime.fromisoformat(saved.updated_at),
    )
    session.add(b)
    session.flush()
    _set_tags(session, b.id, saved.tags)
    return get_bookmark(session, b.id)


def move_sentence_anchors(session: Session, old_sentence_id: int, new_sentence_id: int) -> int:
    """Point anchors at another sentence (call before a sentence is merged away); returns rows changed."""
    changed = 0
    for column in (Bookmark.ru_first_id, Bookmark.ru_last_id, Bookmark.en_first_id, Bookmark.en_last_id):
        result = session.execute(update(Bookmark).where(column == old_sentence_id).values({column.key: new_sentence_id}))
        changed += result.rowcount or 0
    return changed
