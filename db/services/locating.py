"""Locating a quotation: which sentences of a Russian text an English passage translates.

``locate_quote`` answers "where is this quote in the original?" with
``alignment.quotes.locate`` over the text's stored sentences.  When the Russian text
is aligned with an English one, a word table learned from every aligned pair
of the library (beads the aligner is sure of, or the user confirmed) lets
ordinary words count, not only names, numbers and terms; the answer then also
carries the bead range and the aligned English passage.

When the sentence embedding model is installed (``alignment.quotes.semantic``), the
search also weighs meaning, which finds quotations in another translation and
parts of sentences far more often.  It needs the meaning vectors of the text's
sentences: computed once (seconds per few hundred sentences) and stored
(``db.services.sentence_vectors``); ``quote_search_ready`` tells the UI
whether to run ``prepare_quote_search`` as background work first.

The locate index of a text and the library's word table take a moment to
build, so both are kept in a small in-process cache, keyed so that any change
to the sentences or to an alignment builds them afresh.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alignment.aligner.beads import Bead as AlignedBead
from alignment.quotes.locate import (
    DEFAULT_THRESHOLD,
    SEMANTIC_THRESHOLD,
    LocateIndex,
    WordTable,
    build_index,
    learn_word_table,
    locate,
)
from alignment.progress import NEVER_CANCELLED, CancelToken, Progress
from alignment.quotes.second_look import piece_shown
from alignment.quotes.semantic import Embedder, default_embedder
from db.errors import TextNotFoundError
from db.models import Alignment, Bead, LibraryText, Sentence
from db.services.sentence_vectors import (
    compute_vectors,
    stored_vectors,
    text_units,
    vectors_current,
)

log = logging.getLogger(__name__)

# Beads below this calibrated confidence are left out of the word table (unless confirmed or edited by hand).
TABLE_MIN_CONFIDENCE = 0.9
# Chosen on the dev tuning queries of tests/bench/bench_locate.py with a table learned from
# all aligned pairs ("library-all": false found 0.8% there, 2.6% at 0.2).
LIBRARY_TABLE_THRESHOLD = 0.25
# The same, with meaning similarity and the standout term of ``alignment.quotes.locate``
# (``--semantic --library --pick --only-sets tune`` there, "library-all").
LIBRARY_SEMANTIC_THRESHOLD = 0.6
_INDEX_CACHE_SIZE = 8
_TABLE_CACHE_SIZE = 2

_T = TypeVar("_T")


class NotRussianTextError(ValueError):
    """The text to search is not Russian: quotations are located in a Russian original."""

    def __init__(self, text_id: int, lang: str) -> None:
        self.text_id = text_id
        self.lang = lang
        super().__init__(
            f"Text {text_id} is in '{lang}', not Russian: give the id of the Russian text to search "
            "(see `sverka list`)."
        )


@dataclass(frozen=True, slots=True)
class QuoteLocation:
    """Where a quotation stands in a Russian text, or the best guess when ``found`` is false.

    Sentence positions count from 0 and ``last_sentence`` is included.  The bead
    range ``[bead_start, bead_end)`` and ``en_text`` are set when the text is aligned.
    ``ru_part`` is the part of a long sentence the quotation most likely renders,
    when the search found the sentence by that part ("" otherwise), and
    ``ru_part_span`` its characters ``(start, end)`` in the stored sentence
    ``first_sentence`` (for the reader to mark it).
    """

    found: bool
    ru_text_id: int
    query: str
    first_sentence: int
    last_sentence: int
    score: float
    threshold: float
    runner_up: float
    ru_text: str
    used_word_table: bool = False
    semantic: bool = False
    alignment_id: int | None = None
    en_text_id: int | None = None
    bead_start: int | None = None
    bead_end: int | None = None
    en_first_sentence: int | None = None
    en_last_sentence: int | None = None
    en_text: str = ""
    ru_part: str = ""
    ru_part_span: tuple[int, int] | None = None

    @property
    def ru_part_shown(self) -> str:
        """``ru_part`` with "…" where it cuts the sentence (not at its start or end)."""
        return piece_shown(self.ru_text, self.ru_part) if self.ru_part else ""


class _Cache:
    """A small least-recently-used map, safe to share between threads."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], _T]) -> _T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[return-value]
        value = build()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_indexes = _Cache(_INDEX_CACHE_SIZE)
_tables = _Cache(_TABLE_CACHE_SIZE)


def clear_caches() -> None:
    """Forget every cached index and word table (they are rebuilt on the next call)."""
    _indexes.clear()
    _tables.clear()


def _library_key(session: Session) -> str:
    return str(session.get_bind().url)


def _sentences_signature(session: Session, text_id: int) -> tuple[int, int, int]:
    """Changes whenever a sentence of the text is split, joined or re-stored."""
    row = session.execute(
        select(func.count(Sentence.id), func.max(Sentence.id), func.sum(func.length(Sentence.text)))
        .where(Sentence.text_id == text_id)
    ).one()
    return int(row[0] or 0), int(row[1] or 0), int(row[2] or 0)


def _alignment_of(session: Session, ru_text_id: int) -> Alignment | None:
    """The newest alignment of the text (the one the reader shows)."""
    return session.scalars(
        select(Alignment).where(Alignment.ru_text_id == ru_text_id).order_by(Alignment.id.desc())
    ).first()


def _alignments_signature(session: Session) -> tuple[tuple[int, str], ...]:
    return tuple((a_id, str(updated)) for a_id, updated in session.execute(
        select(Alignment.id, Alignment.updated_at).order_by(Alignment.id)))


def _text_index(session: Session, ru_text_id: int, embedder: Embedder | None, *,
                progress: Progress | None = None, cancel: CancelToken | None = None
                ) -> tuple[list[str], LocateIndex]:
    """The text's sentences and locate index; with ``embedder``, the stored (or new) meaning vectors too."""
    key = (_library_key(session), ru_text_id, _sentences_signature(session, ru_text_id),
           embedder.name if embedder is not None else None)

    def build() -> tuple[list[str], LocateIndex]:
        units = text_units(session, ru_text_id)
        log.info("building the locate index of text %d (%d sentences)", ru_text_id, len(units))
        vectors = None
        if embedder is not None:
            vectors = stored_vectors(session, ru_text_id, units, embedder)
            if vectors is None:
                vectors = compute_vectors(session, ru_text_id, units, embedder, progress=progress, cancel=cancel)
        return units, build_index(units, vectors=vectors)

    return _indexes.get(key, build)


def _russian_text(session: Session, ru_text_id: int) -> LibraryText:
    text = session.get(LibraryText, ru_text_id)
    if text is None:
        raise TextNotFoundError(ru_text_id)
    if text.lang != "ru":
        raise NotRussianTextError(ru_text_id, text.lang)
    return text


def quote_search_ready(session: Session, ru_text_id: int) -> bool:
    """Whether ``locate_quote`` on this text answers at once (False: its meaning vectors must be computed first)."""
    embedder = default_embedder()
    if embedder is None:
        return True
    _russian_text(session, ru_text_id)
    return vectors_current(session, ru_text_id, text_units(session, ru_text_id), embedder)


def prepare_quote_search(session: Session, ru_text_id: int, *, progress: Progress | None = None,
                         cancel: CancelToken | None = None) -> None:
    """Compute and store the text's meaning vectors (the slow part of the first search); cancellable."""
    _russian_text(session, ru_text_id)
    embedder = default_embedder()
    if embedder is not None:
        _text_index(session, ru_text_id, embedder, progress=progress, cancel=cancel)


def library_word_table(session: Session) -> WordTable:
    """A word table learned from the sure beads of every aligned pair in the library, together."""
    key = (_library_key(session), _alignments_signature(session))
    return _tables.get(key, lambda: _learn_library_table(session))


def _learn_library_table(session: Session) -> WordTable:
    ru_units: list[str] = []
    en_units: list[str] = []
    beads: list[AlignedBead] = []
    for a in session.scalars(select(Alignment).order_by(Alignment.id)):
        ru_offset, en_offset = len(ru_units), len(en_units)
        ru_units += text_units(session, a.ru_text_id)
        en_units += text_units(session, a.en_text_id)
        for b in session.scalars(select(Bead).where(Bead.alignment_id == a.id).order_by(Bead.position)):
            sure = b.confidence >= TABLE_MIN_CONFIDENCE or b.status != "auto"
            if sure and b.ru_end > b.ru_start and b.en_end > b.en_start and b.ru_end + ru_offset <= len(ru_units) \
                    and b.en_end + en_offset <= len(en_units):
                beads.append(AlignedBead(tuple(range(ru_offset + b.ru_start, ru_offset + b.ru_end)),
                                         tuple(range(en_offset + b.en_start, en_offset + b.en_end))))
    table = learn_word_table(ru_units, en_units, beads)
    log.info("learned a word table of %d pairs from %d beads", table.size, len(beads))
    return table


def _aligned_side(session: Session, alignment: Alignment, first: int, end: int
                  ) -> tuple[int | None, int | None, int | None, int | None, str]:
    """Beads covering Russian sentences ``[first, end)``, their English sentence range and text."""
    rows = session.execute(
        select(Bead.position, Bead.en_start, Bead.en_end)
        .where(Bead.alignment_id == alignment.id, Bead.ru_start < end, Bead.ru_end > first)
        .order_by(Bead.position)
    ).all()
    if not rows:
        return None, None, None, None, ""
    bead_start, bead_end = rows[0][0], rows[-1][0] + 1
    # Additions (empty Russian side) inside the bead range belong to the passage too.
    en_rows = session.execute(
        select(Bead.en_start, Bead.en_end)
        .where(Bead.alignment_id == alignment.id, Bead.position >= bead_start, Bead.position < bead_end)
    ).all()
    en_lo = min(r[0] for r in en_rows)
    en_hi = max(r[1] for r in en_rows)
    if en_hi <= en_lo:
        return bead_start, bead_end, None, None, ""
    sentences = session.scalars(
        select(Sentence.text).where(Sentence.text_id == alignment.en_text_id, Sentence.position >= en_lo,
                                    Sentence.position < en_hi).order_by(Sentence.position)
    ).all()
    return bead_start, bead_end, en_lo, en_hi - 1, " ".join(s.strip() for s in sentences)


def _part_span(session: Session, ru_text_id: int, position: int, part: str) -> tuple[int, int] | None:
    """Where ``part`` (words joined by single spaces, as the second look cut them) stands in the stored
    sentence: its spaces may have been any run of white space there."""
    text = session.scalar(select(Sentence.text).where(Sentence.text_id == ru_text_id, Sentence.position == position))
    words = part.split()
    if not text or not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (match.start(), match.end()) if match else None


def locate_quote(session: Session, ru_text_id: int, query: str, *, threshold: float | None = None,
                 semantic: bool = True, cancel: CancelToken | None = None) -> QuoteLocation:
    """The run of sentences of Russian text ``ru_text_id`` that the English ``query`` translates.

    ``threshold`` overrides the measured score a span needs to count as found.
    With ``semantic`` (and the model installed) meaning similarity counts too;
    the first search of a text then computes and stores its meaning vectors,
    which takes a while (see ``quote_search_ready``).  Raises
    ``TextNotFoundError`` for an unknown id and ``NotRussianTextError`` when
    the text is not Russian.  ``cancel`` is checked between the steps (the
    text's index, the library's word table, the search), raising ``Cancelled``.
    """
    cancel = cancel or NEVER_CANCELLED
    _russian_text(session, ru_text_id)
    embedder = default_embedder() if semantic else None
    units, index = _text_index(session, ru_text_id, embedder, cancel=cancel)
    cancel.raise_if_cancelled()
    alignment = _alignment_of(session, ru_text_id)
    table = library_word_table(session) if alignment is not None else None
    cancel.raise_if_cancelled()
    if table is not None and not table.partners:
        table = None
    if threshold is None:
        if embedder is not None:
            threshold = LIBRARY_SEMANTIC_THRESHOLD if table is not None else SEMANTIC_THRESHOLD
        else:
            threshold = LIBRARY_TABLE_THRESHOLD if table is not None else DEFAULT_THRESHOLD
    result = locate(query, units, index=index, word_table=table, threshold=threshold, embedder=embedder)
    cancel.raise_if_cancelled()
    location = QuoteLocation(
        found=result.found,
        ru_text_id=ru_text_id,
        query=query,
        first_sentence=result.start,
        last_sentence=max(result.start, result.end - 1),
        score=result.score,
        threshold=threshold,
        runner_up=result.runner_up,
        ru_text=result.text,
        used_word_table=table is not None,
        semantic=result.semantic,
        ru_part=result.part,
        ru_part_span=_part_span(session, ru_text_id, result.start, result.part) if result.part else None,
    )
    if alignment is None or result.end <= result.start:
        return location
    bead_start, bead_end, en_first, en_last, en_text = _aligned_side(session, alignment, result.start, result.end)
    return replace(
        location,
        alignment_id=alignment.id,
        en_text_id=alignment.en_text_id,
        bead_start=bead_start,
        bead_end=bead_end,
        en_first_sentence=en_first,
        en_last_sentence=en_last,
        en_text=en_text,
    )
