"""How each translation rendered the glossary's terms: renderings with their counts.

``pair_renderings`` goes through every term occurrence on the original's side
of an aligned pair and asks ``alignment.glossary.renderings`` how the bead's
other side renders it; renderings that differ only by case, an English plural
or a Russian case ending count as one, shown in their most common form.
``entry_renderings`` answers the same for one entry across the library (the
search panel's "All occurrences").  ``rendering_finder`` gives the reader the
same finder, so what it highlights and what is counted agree.

The original's side is the Russian, except in a pair whose Russian is a
back-translation (made from the English): there the English is the original.

Results are kept in a small in-process cache keyed by the glossary and the
alignments, so that the translation report and the panel ask again for free.
"""

from __future__ import annotations

import bisect
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from alignment.glossary.renderings import BeadSide, Rendering, RenderingFinder, TermSpot
from db.models import Alignment, Bead, LibraryText, Sentence, TermOccurrence
from db.services.glossary import glossary_stamp, library_glossary
from db.services.locating import _alignments_signature, _Cache, _library_key, library_word_table
from db.services.reading import AlignmentNotFoundError, term_concordance
from db.services.search import SearchResult

log = logging.getLogger(__name__)



class _PeekCache(_Cache):
    def peek(self, key: object) -> object | None:
        """The value kept under ``key``, without building it."""
        with self._lock:
            return self._items.get(key)  # type: ignore[arg-type]


_finders = _Cache(2)
_pairs = _PeekCache(8)


@dataclass(frozen=True, slots=True)
class RenderingCount:
    """One way a term was rendered in a pair and how often.

    ``rendering`` is its most common written form, None for "not rendered";
    ``key`` the folded form occurrences were grouped by; ``beads`` the bead
    positions behind it (ascending, once each); ``sentence_ids`` the original's
    sentences where those occurrences stand.
    """

    rendering: str | None
    key: str | None
    count: int
    beads: tuple[int, ...]
    sentence_ids: tuple[int, ...]
    # Where each rendered occurrence's words stand: (original's sentence id, translation's sentence
    # position, start, end) — what the concordance highlights in the counterpart.
    spans: tuple[tuple[int, int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class PairRenderings:
    """The renderings of one entry in one aligned pair, most frequent first ("not rendered" last)."""

    alignment_id: int
    source_lang: str
    target_lang: str
    target_title: str
    renderings: tuple[RenderingCount, ...]

    @property
    def total(self) -> int:
        return sum(r.count for r in self.renderings)


def rendering_finder(session: Session) -> RenderingFinder:
    """The finder for the glossary in force and the library's word table (cached)."""
    key = (_library_key(session), glossary_stamp(session), _alignments_signature(session))

    def build() -> RenderingFinder:
        return RenderingFinder(library_glossary(session).matcher, library_word_table(session))

    return _finders.get(key, build)


def pair_direction(session: Session, alignment: Alignment) -> tuple[str, str]:
    """(original's language, translation's language) of a pair."""
    ru = session.get(LibraryText, alignment.ru_text_id)
    if ru is not None and ru.kind == "back_translation":
        return "en", "ru"
    return "ru", "en"


def pair_renderings(session: Session, alignment_id: int) -> dict[str, list[RenderingCount]]:
    """Entry id -> how the pair's translation rendered it, most frequent first ("not rendered" last).

    Every occurrence of the entry on the original's side is counted once, so
    the counts of an entry add up to its occurrences there.
    """
    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise AlignmentNotFoundError(alignment_id)
    key = _pair_key(session, alignment)
    return _pairs.get(key, lambda: _count(session, alignment, None))


def _pair_key(session: Session, alignment: Alignment) -> tuple[object, ...]:
    return (_library_key(session), alignment.id, str(alignment.updated_at), glossary_stamp(session),
            _alignments_signature(session))


def entry_renderings(session: Session, entry_id: str) -> list[PairRenderings]:
    """How every aligned pair where the entry occurs on the original's side rendered it."""
    out = []
    alignments = session.scalars(select(Alignment).order_by(Alignment.id)).all()
    for alignment in alignments:
        source_lang, target_lang = pair_direction(session, alignment)
        source_id = alignment.ru_text_id if source_lang == "ru" else alignment.en_text_id
        target_id = alignment.en_text_id if source_lang == "ru" else alignment.ru_text_id
        present = session.scalars(select(TermOccurrence.id).where(
            TermOccurrence.text_id == source_id, TermOccurrence.entry_id == entry_id).limit(1)).first()
        if present is None:
            continue
        counts = _pairs.peek(_pair_key(session, alignment))
        if counts is None:
            counts = _count(session, alignment, entry_id)
        found = counts.get(entry_id, [])  # type: ignore[union-attr]
        target = session.get(LibraryText, target_id)
        out.append(PairRenderings(alignment.id, source_lang, target_lang, target.title if target else "",
                                  tuple(found)))
    return out


def rendering_concordance(session: Session, entry_id: str, pair: PairRenderings,
                          rendering: RenderingCount) -> SearchResult:
    """The occurrences behind one rendering, as a concordance, with the rendering's words marked
    in each counterpart (``SearchHit.partner_spans``)."""
    result = term_concordance(session, entry_id, sentence_ids=frozenset(rendering.sentence_ids))
    alignment = session.get(Alignment, pair.alignment_id)
    if alignment is None or not rendering.spans:
        return result
    target_id = alignment.en_text_id if pair.target_lang == "en" else alignment.ru_text_id
    texts = _sentences(session, target_id, {position for _sid, position, _a, _b in rendering.spans})
    by_sentence: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for sentence_id, position, start, end in rendering.spans:
        by_sentence[sentence_id].append((position, start, end))
    hits = []
    for hit in result.hits:
        marks = []
        for position, start, end in by_sentence.get(hit.sentence_id, ()):
            # The counterpart is the bead's sentences joined: find where this one begins in it.
            at = hit.partner_text.find(texts[position][1].strip()) if position in texts else -1
            if at >= 0:
                lead = len(texts[position][1]) - len(texts[position][1].lstrip())
                marks.append((at + start - lead, at + end - lead))
        hits.append(replace(hit, partner_spans=tuple(sorted(marks))) if marks else hit)
    return replace(result, hits=tuple(hits))


def _count(session: Session, alignment: Alignment, only: str | None) -> dict[str, list[RenderingCount]]:
    """Renderings of every entry (or of entry ``only``) on the original's side of ``alignment``."""
    finder = rendering_finder(session)
    source_lang, target_lang = pair_direction(session, alignment)
    ids = {"ru": alignment.ru_text_id, "en": alignment.en_text_id}
    beads = session.execute(
        select(Bead.position, Bead.ru_start, Bead.ru_end, Bead.en_start, Bead.en_end)
        .where(Bead.alignment_id == alignment.id).order_by(Bead.position)).all()
    ranges = {lang: [(b[1], b[2]) if lang == "ru" else (b[3], b[4]) for b in beads] for lang in ("ru", "en")}
    terms = _terms(session, ids[source_lang], only)
    # Beads that hold a wanted term on the original's side.
    starts = [a for a, _b in ranges[source_lang]]
    wanted: dict[int, None] = {}
    for position in sorted({p for p, *_rest in terms}):
        i = bisect.bisect_right(starts, position) - 1
        while i >= 0 and ranges[source_lang][i][0] == ranges[source_lang][i][1]:
            i -= 1
        if i >= 0 and ranges[source_lang][i][0] <= position < ranges[source_lang][i][1]:
            wanted[i] = None
    needed = {lang: {p for i in wanted for p in range(*ranges[lang][i])} for lang in ("ru", "en")}
    texts = {lang: _sentences(session, ids[lang], needed[lang]) for lang in ("ru", "en")}
    spots = {source_lang: _terms(session, ids[source_lang], None) if only else terms,
             target_lang: _terms(session, ids[target_lang], None)}
    by_position = {lang: _by_position(spots[lang], needed[lang]) for lang in ("ru", "en")}

    gathered: dict[str, dict[str | None, _Tally]] = defaultdict(dict)
    for i in wanted:
        sides = {}
        for lang in ("ru", "en"):
            a, b = ranges[lang][i]
            sides[lang] = BeadSide(
                lang,
                tuple((p, texts[lang][p][1]) for p in range(a, b) if p in texts[lang]),
                tuple(s for p in range(a, b) for s in by_position[lang].get(p, ())),
            )
        for rendering in finder.renderings(sides[source_lang], sides[target_lang]):
            entry_id = rendering.term.entry_id
            if only is not None and entry_id != only:
                continue
            surface = rendering.surface
            fold = finder.fold(surface, target_lang) if surface is not None else None
            tally = gathered[entry_id].setdefault(fold, _Tally())
            tally.add(rendering, beads[i][0], texts[source_lang][rendering.term.sentence][0])
    return {entry_id: _ordered(tallies) for entry_id, tallies in gathered.items()}


class _Tally:
    __slots__ = ("surfaces", "beads", "sentences", "spans", "count")

    def __init__(self) -> None:
        self.surfaces: Counter[str] = Counter()
        self.beads: set[int] = set()
        self.sentences: set[int] = set()
        self.spans: list[tuple[int, int, int, int]] = []
        self.count = 0

    def add(self, rendering: Rendering, bead: int, sentence_id: int) -> None:
        if rendering.spans:
            self.surfaces[" ".join(rendering.spans[0].text.split())] += 1
            self.spans += [(sentence_id, s.sentence, s.start, s.end) for s in rendering.spans]
        self.beads.add(bead)
        self.sentences.add(sentence_id)
        self.count += 1

    def shown(self) -> str | None:
        """The most common written form; a capital only because a sentence starts there gives way."""
        if not self.surfaces:
            return None
        best = max(self.surfaces.items(), key=lambda item: (item[1], item[0].islower()))[0]
        lower = best[:1].lower() + best[1:]
        if lower != best and lower in self.surfaces:
            return lower
        return best


def _ordered(tallies: dict[str | None, _Tally]) -> list[RenderingCount]:
    out = [RenderingCount(t.shown(), key, t.count, tuple(sorted(t.beads)), tuple(sorted(t.sentences)),
                          tuple(sorted(set(t.spans)))) for key, t in tallies.items()]
    out.sort(key=lambda r: (r.rendering is None, -r.count, r.rendering or ""))
    return out


def _terms(session: Session, text_id: int, only: str | None) -> list[tuple[int, int, int, str]]:
    q = (select(Sentence.position, TermOccurrence.start, TermOccurrence.end, TermOccurrence.entry_id)
         .join(Sentence, TermOccurrence.sentence_id == Sentence.id)
         .where(TermOccurrence.text_id == text_id)
         .order_by(Sentence.position, TermOccurrence.start))
    if only is not None:
        q = q.where(TermOccurrence.entry_id == only)
    return [tuple(row) for row in session.execute(q)]  # type: ignore[misc]


def _by_position(rows: list[tuple[int, int, int, str]], keep: set[int]) -> dict[int, list[TermSpot]]:
    out: dict[int, list[TermSpot]] = defaultdict(list)
    for position, start, end, entry_id in rows:
        if position in keep:
            out[position].append(TermSpot(position, start, end, entry_id))
    return out


def _sentences(session: Session, text_id: int, positions: set[int]) -> dict[int, tuple[int, str]]:
    """Position -> (sentence id, text) of the given sentences of a text."""
    if not positions:
        return {}
    lo, hi = min(positions), max(positions)
    return {pos: (sid, text) for sid, pos, text in session.execute(
        select(Sentence.id, Sentence.position, Sentence.text)
        .where(Sentence.text_id == text_id, Sentence.position >= lo, Sentence.position <= hi))
        if pos in positions}
