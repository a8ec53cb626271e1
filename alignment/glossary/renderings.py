"""How a glossary term was rendered in the other language of a bead.

Given the sentences of one bead on both sides and the glossary terms marked
in them, ``RenderingFinder`` answers, for every term on one side, which words
of the other side translate it (колхоз -> "collective farm", "Orgburo" ->
«Оргбюро»), or that nothing there does (the translator may have left it out).

Two sources of evidence, in order:

1. the glossary entry's own forms in the other language, found with the
   marker's morphology (``TermMatcher.find_entry``: any inflection, unmarked
   forms too, looser about case); spans the marker already found there are
   the same thing, found at import;
2. a form's stem inside a longer word: "Lenin" rendered within
   «послеленинского» ("post-Lenin"), "wrecker" within «вредительски-»;
3. when no form of the entry occurs, the word table learned from the
   library's aligned pairs (``alignment.aligner.scoring.word_table``): the
   counterpart words whose stems were seen to translate the term's stems,
   adjacent ones joined into one rendering ("collective farm").

When a bead holds the term several times, occurrences are paired with
renderings in reading order (relative position in the bead), so the second
"колхоз" of a sentence is linked to the second "kolkhoz".  Pure: no Qt, no SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from alignment.language.stemming import stem_word

if TYPE_CHECKING:  # the reader imports this module at start-up; the aligner's package is heavy
    from alignment.aligner.scoring.word_table import WordTable
    from alignment.glossary.terms import TermMatcher

Method = Literal["glossary", "inside a word", "word table"]

_WORD = re.compile(r"[^\W\d_]{3,}")
_MIN_INSIDE = 5  # letters of a form's stem found inside a longer word (ленин in послеленинского)
_PART = re.compile(r"[^\W\d_]+")  # a word, or one part of a hyphenated one
_JOIN = re.compile(r"[\s\-‐‑–]{0,3}")  # what may separate the words of one rendering
_MAX_JOINED = 4  # words in a rendering found through the word table
# Words that never render a glossary term, whatever a word table learned from a few beads says
# (in a small library "the" shares every bead with every term).
_FUNCTION_WORDS = frozenset("""
the and for but nor not yet with from into onto upon over under about above below after before
this that these those there their them they then than thus its his her him she our ours your you
who whom whose which what when where while why how all any each both some such only also very
was were are has have had been being will would shall should can could may might must does did
one ones other others more most less least same own out off again once here just even still
и в во на с со к ко по о об от до из за для не ни но а да же ли бы то это как так что чтобы
его ее её их им ими он она оно они мы вы я ты мой наш ваш свой тот та те этот эта эти весь вся
все всё был была было были быть есть который которая которые которого при под над перед между
уже ещё еще лишь только даже или либо если когда где там тут здесь через без про
""".split())


@dataclass(frozen=True, slots=True)
class TermSpot:
    """A term in a sentence: sentence position, ``[start, end)`` in its text, entry id."""

    sentence: int
    start: int
    end: int
    entry_id: str


@dataclass(frozen=True, slots=True)
class BeadSide:
    """One language of a bead: its sentences (position, text) in order and the terms marked in them."""

    lang: str
    sentences: tuple[tuple[int, str], ...]
    terms: tuple[TermSpot, ...] = ()

    def text_of(self, position: int) -> str:
        for pos, text in self.sentences:
            if pos == position:
                return text
        return ""

    def relative(self, position: int, offset: int) -> float:
        """Where a character stands in the bead, from 0 (its start) to 1 (its end)."""
        total = sum(len(t) + 1 for _p, t in self.sentences) or 1
        at = 0
        for pos, text in self.sentences:
            if pos == position:
                return (at + min(offset, len(text))) / total
            at += len(text) + 1
        return 0.5


@dataclass(frozen=True, slots=True)
class RenderedSpan:
    """Words of the counterpart that render a term: sentence position, ``[start, end)``, the words."""

    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Rendering:
    """How one term occurrence was rendered: ``spans`` (the first is its own rendering, any further
    ones repeat it elsewhere in the bead); none when the counterpart has no rendering of it."""

    term: TermSpot
    spans: tuple[RenderedSpan, ...]
    method: Method | None

    @property
    def rendered(self) -> bool:
        return bool(self.spans)

    @property
    def surface(self) -> str | None:
        """The words of the rendering as written (None when not rendered)."""
        return self.spans[0].text if self.spans else None


class RenderingFinder:
    """Finds the renderings of terms across the two sides of a bead."""

    def __init__(self, matcher: TermMatcher, word_table: WordTable | None = None) -> None:
        self._matcher = matcher
        partners = word_table.partners if word_table is not None else {}
        self._table: dict[str, dict[str, frozenset[str]]] = {"en": {}, "ru": {}}
        ru_to_en: dict[str, set[str]] = {}
        for en, rus in partners.items():
            self._table["en"][en] = frozenset(rus)  # English stem -> Russian stems
            for ru in rus:
                ru_to_en.setdefault(ru, set()).add(en)
        self._table["ru"] = {ru: frozenset(ens) for ru, ens in ru_to_en.items()}

    @property
    def matcher(self) -> TermMatcher:
        return self._matcher

    def fold(self, surface: str, lang: str) -> str:
        """The key under which renderings count as one (case, plural and case endings folded)."""
        return self._matcher.fold(surface, lang)

    def renderings(self, source: BeadSide, target: BeadSide) -> list[Rendering]:
        """One rendering per term of ``source`` (in its order) found in ``target``."""
        out: dict[TermSpot, Rendering] = {}
        used: list[RenderedSpan] = []
        by_entry: dict[str, list[TermSpot]] = {}
        for spot in source.terms:
            by_entry.setdefault(spot.entry_id, []).append(spot)
        tokens: dict[int, list] = {}  # the target's sentences tokenised once for every entry
        for entry_id, spots in by_entry.items():
            candidates = self._glossary_spans(entry_id, target, tokens)
            paired = _pair(spots, candidates, source, target)
            for spot, spans in paired.items():
                if spans:
                    out[spot] = Rendering(spot, tuple(spans), "glossary")
                    used.extend(spans)
        for spot in source.terms:
            if spot in out:
                continue
            span = self._inside_word_span(spot, source, target, used)
            method: Method = "inside a word"
            if span is None:
                span, method = self._table_span(spot, source, target, used), "word table"
            if span is not None:
                used.append(span)
                out[spot] = Rendering(spot, (span,), method)
            else:
                out[spot] = Rendering(spot, (), None)
        return [out[spot] for spot in source.terms]

    def rendering_of(self, spot: TermSpot, source: BeadSide, target: BeadSide) -> Rendering | None:
        """The rendering of one term of ``source`` (None if ``spot`` is not one of its terms)."""
        for rendering in self.renderings(source, target):
            if rendering.term == spot:
                return rendering
        return None

    # --- the glossary's forms --------------------------------------------------------------
    def _glossary_spans(self, entry_id: str, target: BeadSide, tokens: dict[int, list]) -> list[RenderedSpan]:
        """The entry's forms in the target: spans marked at import, then any the marker did not mark."""
        found = [RenderedSpan(t.sentence, t.start, t.end, target.text_of(t.sentence)[t.start:t.end])
                 for t in target.terms if t.entry_id == entry_id]
        if not self._matcher.has_forms(entry_id, target.lang):
            return found
        for position, text in target.sentences:
            if position not in tokens:
                tokens[position] = self._matcher.tokens(text, target.lang)  # type: ignore[arg-type]
            for hit in self._matcher.find_entry(text, target.lang, entry_id, tokens=tokens[position]):
                if not any(s.sentence == position and s.start < hit.end and hit.start < s.end for s in found):
                    found.append(RenderedSpan(position, hit.start, hit.end, hit.matched))
        order = {pos: i for i, (pos, _t) in enumerate(target.sentences)}
        found.sort(key=lambda s: (order.get(s.sentence, 0), s.start))
        return found

    def _inside_word_span(self, spot: TermSpot, source: BeadSide, target: BeadSide,
                          used: Sequence[RenderedSpan]) -> RenderedSpan | None:
        """A counterpart word that holds the stem of one of the entry's one-word forms."""
        stems = {stem_word(words[0]) for words in self._matcher.entry_forms(spot.entry_id, target.lang)
                 if len(words) == 1 and not words[0].isupper()}
        stems = {s for s in stems if len(s) >= _MIN_INSIDE}
        if not stems:
            return None
        found = []
        for position, text in target.sentences:
            for match in _PART.finditer(text):
                word = match.group().lower().replace("ё", "е")
                if any(s in word for s in stems) and not _overlaps(position, match.start(), match.end(), used):
                    found.append(RenderedSpan(position, match.start(), match.end(), match.group()))
        if not found:
            return None
        where = source.relative(spot.sentence, spot.start)
        return min(found, key=lambda s: abs(target.relative(s.sentence, s.start) - where))

    # --- the word table ------------------------------------------------------------------
    def _table_span(self, spot: TermSpot, source: BeadSide, target: BeadSide,
                    used: Sequence[RenderedSpan]) -> RenderedSpan | None:
        """The counterpart words the word table says translate the term, nearest its place."""
        table = self._table.get(source.lang, {})
        if not table:
            return None
        term_text = source.text_of(spot.sentence)[spot.start:spot.end]
        wanted: set[str] = set()
        for word in _WORD.findall(term_text):
            wanted.update(table.get(stem_word(word), ()))
        if not wanted:
            return None
        runs: list[tuple[int, int, int, int]] = []  # sentence, start, end, words
        for position, text in target.sentences:
            run: list[tuple[int, int]] = []
            for match in _WORD.finditer(text):
                hit = (match.group().lower() not in _FUNCTION_WORDS and stem_word(match.group()) in wanted
                       and not _overlaps(position, match.start(), match.end(), used))
                if hit and run and _JOIN.fullmatch(text[run[-1][1]:match.start()]) and len(run) < _MAX_JOINED:
                    run.append((match.start(), match.end()))
                    continue
                if run:
                    runs.append((position, run[0][0], run[-1][1], len(run)))
                run = [(match.start(), match.end())] if hit else []
            if run:
                runs.append((position, run[0][0], run[-1][1], len(run)))
        if not runs:
            return None
        where = source.relative(spot.sentence, spot.start)
        best = min(runs, key=lambda r: (-r[3], abs(target.relative(r[0], r[1]) - where)))
        position, start, end, _n = best
        return RenderedSpan(position, start, end, target.text_of(position)[start:end])


def _overlaps(position: int, start: int, end: int, spans: Iterable[RenderedSpan]) -> bool:
    return any(s.sentence == position and s.start < end and start < s.end for s in spans)


def _pair(spots: list[TermSpot], candidates: list[RenderedSpan], source: BeadSide,
          target: BeadSide) -> dict[TermSpot, list[RenderedSpan]]:
    """Occurrences of one entry paired with its renderings in reading order.

    With as many renderings as occurrences they pair one to one; a surplus
    occurrence stays unpaired (it gets another chance through the word table);
    a surplus rendering joins the occurrence nearest it (a translator may
    repeat a term the original says once).
    """
    out: dict[TermSpot, list[RenderedSpan]] = {spot: [] for spot in spots}
    if not candidates:
        return out
    src = [source.relative(s.sentence, s.start) for s in spots]
    tgt = [target.relative(c.sentence, c.start) for c in candidates]
    n, m = len(spots), len(candidates)
    # Monotone pairing of min(n, m) items with the least total distance (n and m are tiny).
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, bool] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0] = [0.0] * (m + 1)
    for i in range(n + 1):
        cost[i][0] = 0.0
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = [(cost[i - 1][j - 1] + abs(src[i - 1] - tgt[j - 1]) - 2.0, (i - 1, j - 1, True)),
                       (cost[i - 1][j], (i - 1, j, False)), (cost[i][j - 1], (i, j - 1, False))]
            best = min(options, key=lambda o: o[0])
            cost[i][j], back[i][j] = best
    paired: dict[int, int] = {}
    i, j = n, m
    while i > 0 and j > 0 and back[i][j] is not None:
        pi, pj, matched = back[i][j]  # type: ignore[misc]
        if matched:
            paired[i - 1] = j - 1
        i, j = pi, pj
    for si, cj in paired.items():
        out[spots[si]].append(candidates[cj])
    taken = set(paired.values())
    for cj, candidate in enumerate(candidates):
        if cj in taken or not paired:
            continue
        nearest = min(paired, key=lambda si: abs(src[si] - tgt[cj]))
        out[spots[nearest]].append(candidate)
    return out
