"""Chapters of an aligned pair and what the report lists in each.

Input: one ``BeadFacts`` per bead (its sentence ranges, texts, pages and the
aligner's doubt) and the pair's headings (``HeadingFact``).  Chapters start
at the headings of the chapter level: the highest level used more than once
on either side (a book's title stands alone; the reader's Chapters menu uses
the same rule).  Beads before the first chapter heading make a section of
their own (front matter), named by its first heading if it has one; a pair
without headings is one section.

Each section lists omissions (Russian with no English: beads n–0), additions
(English with no Russian: 0–n), length outliers (``length.LengthModel``) and
unsure beads that are neither omissions nor additions (those are uncertain by
nature and already listed).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from alignment.progress import CancelToken
from alignment.report.length import FAR_Z, MIN_SCALE, LengthModel, fit_length_model
from alignment.report.terms import TermRenderings, varied_terms

OMISSION, ADDITION, OUTLIER, UNSURE = "omission", "addition", "outlier", "unsure"
MIN_CHAPTER_CHARS = 500  # a chapter's length is compared with the pair's ratio from this many characters
ITEM_KINDS: tuple[str, ...] = (OMISSION, ADDITION, OUTLIER, UNSURE)


@dataclass(frozen=True, slots=True)
class BeadFacts:
    """One bead as the report needs it; sentence ranges are ``[start, end)`` positions from 0."""

    position: int
    ru_start: int
    ru_end: int
    en_start: int
    en_end: int
    ru_text: str
    en_text: str
    ru_page: str | None = None
    en_page: str | None = None
    unsure: bool = False
    doubt: str | None = None
    confidence: float = 1.0

    @property
    def ru_chars(self) -> int:
        return len(self.ru_text.strip())

    @property
    def en_chars(self) -> int:
        return len(self.en_text.strip())


@dataclass(frozen=True, slots=True)
class HeadingFact:
    """A heading paragraph of one side: its level and the position of its first sentence."""

    lang: str
    level: int
    sentence: int
    text: str


@dataclass(frozen=True, slots=True)
class ReportItem:
    """One listed bead, or a run of consecutive omissions (additions) listed as one passage
    (beads ``bead``..``last_bead``).  ``ratio`` (outliers): the bead's English length over the expected one."""

    kind: str
    bead: int
    ru_sentences: tuple[int, int] | None  # first and last sentence position (from 0), None if none
    en_sentences: tuple[int, int] | None
    ru_text: str
    en_text: str
    ru_page: str | None = None
    en_page: str | None = None
    ratio: float | None = None
    doubt: str | None = None
    confidence: float | None = None
    last_bead: int | None = None  # a run of several beads ends here (None: one bead)

    @property
    def beads(self) -> tuple[int, int]:
        return self.bead, self.bead if self.last_bead is None else self.last_bead


@dataclass(frozen=True, slots=True)
class ChapterReport:
    index: int
    ru_title: str
    en_title: str
    first_bead: int
    last_bead: int  # inclusive
    ru_sentences: int
    en_sentences: int
    omitted_sentences: int  # Russian sentences in omissions
    added_sentences: int  # English sentences in additions
    omissions: tuple[ReportItem, ...] = ()
    additions: tuple[ReportItem, ...] = ()
    outliers: tuple[ReportItem, ...] = ()
    unsure: tuple[ReportItem, ...] = ()
    front: bool = False  # the beads before the first chapter heading
    ru_chars: int = 0
    en_chars: int = 0
    length_vs_usual: float | None = None  # English chars over those the pair's ratio expects (None: too short)
    terms: tuple[TermRenderings, ...] = ()  # glossary terms rendered in more than one way in this chapter

    @property
    def items(self) -> tuple[ReportItem, ...]:
        return self.omissions + self.additions + self.outliers + self.unsure


@dataclass(frozen=True, slots=True)
class ReportBody:
    chapters: tuple[ChapterReport, ...]
    model: LengthModel
    bead_count: int
    totals: dict[str, int] = field(default_factory=dict)
    terms: tuple[TermRenderings, ...] = ()  # rendered in more than one way in the whole pair


def chapter_level(headings: Sequence[HeadingFact]) -> int | None:
    """The highest heading level (smallest number) used more than once on a side, else the highest used."""
    if not headings:
        return None
    counts: dict[tuple[str, int], int] = {}
    for h in headings:
        counts[(h.lang, h.level)] = counts.get((h.lang, h.level), 0) + 1
    repeated = [level for (_lang, level), n in counts.items() if n > 1]
    return min(repeated) if repeated else min(h.level for h in headings)


class _BeadIndex:
    """Sentence position → bead position, per side (beads are in order; empty ranges hold nothing)."""

    def __init__(self, beads: Sequence[BeadFacts], lang: str) -> None:
        ranges = [(b.ru_start, b.ru_end) if lang == "ru" else (b.en_start, b.en_end) for b in beads]
        self._pairs = [(a, e, i) for i, (a, e) in enumerate(ranges) if a < e]
        self._starts = [p[0] for p in self._pairs]

    def bead_of(self, sentence: int) -> int | None:
        k = bisect.bisect_right(self._starts, sentence) - 1
        if k >= 0 and self._pairs[k][0] <= sentence < self._pairs[k][1]:
            return self._pairs[k][2]
        return None


def chapter_starts(beads: Sequence[BeadFacts], headings: Sequence[HeadingFact]) -> list[tuple[int, str, str]]:
    """(first bead index, Russian title, English title) of each chapter, in bead order."""
    level = chapter_level(headings)
    if level is None:
        return []
    index = {lang: _BeadIndex(beads, lang) for lang in ("ru", "en")}
    by_bead: dict[int, dict[str, str]] = {}
    for h in headings:
        if h.level != level:
            continue
        bead = index[h.lang].bead_of(h.sentence)
        if bead is not None:
            by_bead.setdefault(bead, {}).setdefault(h.lang, h.text)
    return [(b, t.get("ru", ""), t.get("en", "")) for b, t in sorted(by_bead.items())]


def _span(start: int, end: int) -> tuple[int, int] | None:
    return (start, end - 1) if end > start else None


def _item(kind: str, b: BeadFacts, *, ratio: float | None = None) -> ReportItem:
    return ReportItem(
        kind=kind, bead=b.position, ru_sentences=_span(b.ru_start, b.ru_end), en_sentences=_span(b.en_start, b.en_end),
        ru_text=b.ru_text, en_text=b.en_text, ru_page=b.ru_page, en_page=b.en_page, ratio=ratio,
        doubt=b.doubt if b.unsure else None, confidence=b.confidence if b.unsure else None,
    )


def _extend(run: ReportItem, b: BeadFacts) -> ReportItem | None:
    """``run`` with bead ``b`` added when ``b`` continues it (the next bead, of the same kind), else None."""
    if b.position != run.beads[1] + 1:
        return None
    if run.kind == OMISSION and run.ru_sentences is not None:
        return replace(run, last_bead=b.position, ru_sentences=(run.ru_sentences[0], b.ru_end - 1),
                       ru_text=f"{run.ru_text} {b.ru_text}")
    if run.kind == ADDITION and run.en_sentences is not None:
        return replace(run, last_bead=b.position, en_sentences=(run.en_sentences[0], b.en_end - 1),
                       en_text=f"{run.en_text} {b.en_text}")
    return None


def _add_to_runs(runs: list[ReportItem], kind: str, b: BeadFacts) -> None:
    """Consecutive omissions (additions) are one passage left out (added): one item."""
    longer = _extend(runs[-1], b) if runs else None
    if longer is not None:
        runs[-1] = longer
    else:
        runs.append(_item(kind, b))


def _first_heading(headings: Sequence[HeadingFact], beads: Sequence[BeadFacts], stop: int) -> tuple[str, str]:
    """Titles of the first heading inside beads ``[0, stop)`` (for the front-matter section)."""
    titles: dict[str, str] = {}
    index = {lang: _BeadIndex(beads, lang) for lang in ("ru", "en")}
    for h in sorted(headings, key=lambda h: h.sentence):
        bead = index[h.lang].bead_of(h.sentence)
        if bead is not None and bead < stop:
            titles.setdefault(h.lang, h.text)
    return titles.get("ru", ""), titles.get("en", "")


def build_report_body(beads: Sequence[BeadFacts], headings: Sequence[HeadingFact] = (), *,
                      terms: Sequence[TermRenderings] = (), cancel: CancelToken | None = None,
                      far_z: float = FAR_Z, min_scale: float = MIN_SCALE) -> ReportBody:
    """The report's chapters with their counts and listed beads (``beads`` in bead order);
    ``terms``: how the pair renders each glossary term (``terms.TermRenderings``);
    ``far_z`` and ``min_scale`` as in ``length`` (the benchmark tries others)."""
    model = fit_length_model(((b.ru_chars, b.en_chars) for b in beads), far_z=far_z, min_scale=min_scale)
    starts = chapter_starts(beads, headings)
    bounds: list[tuple[int, int, str, str, bool]] = []  # (first, stop, ru title, en title, front)
    first_start = starts[0][0] if starts else len(beads)
    if first_start > 0 or not starts:
        ru_title, en_title = _first_heading(headings, beads, first_start) if starts else ("", "")
        bounds.append((0, first_start, ru_title, en_title, bool(starts)))
    for k, (first, ru_title, en_title) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(beads)
        bounds.append((first, stop, ru_title, en_title, False))
    chapters = []
    for index, (first, stop, ru_title, en_title, front) in enumerate(bounds):
        if cancel is not None:
            cancel.raise_if_cancelled()
        chapter = _chapter(index, beads[first:stop], model, ru_title, en_title, front)
        if terms and first < stop:
            chapter = replace(chapter, terms=varied_terms(terms, beads[first].position, beads[stop - 1].position))
        chapters.append(chapter)
    totals = {
        "ru_sentences": sum(c.ru_sentences for c in chapters),
        "en_sentences": sum(c.en_sentences for c in chapters),
        "omitted_sentences": sum(c.omitted_sentences for c in chapters),
        "added_sentences": sum(c.added_sentences for c in chapters),
        "omissions": sum(len(c.omissions) for c in chapters),
        "additions": sum(len(c.additions) for c in chapters),
        "outliers": sum(len(c.outliers) for c in chapters),
        "unsure": sum(len(c.unsure) for c in chapters),
    }
    varied = varied_terms(terms)
    totals["varied_terms"] = len(varied)
    return ReportBody(tuple(chapters), model, len(beads), totals, varied)


def _chapter(index: int, beads: Sequence[BeadFacts], model: LengthModel, ru_title: str, en_title: str,
             front: bool) -> ChapterReport:
    omissions, additions, outliers, unsure = [], [], [], []
    for b in beads:
        ru_n, en_n = b.ru_end - b.ru_start, b.en_end - b.en_start
        if ru_n and not en_n:
            _add_to_runs(omissions, OMISSION, b)
            continue
        if en_n and not ru_n:
            _add_to_runs(additions, ADDITION, b)
            continue
        if model.is_far(b.ru_chars, b.en_chars):
            outliers.append(_item(OUTLIER, b, ratio=b.en_chars / model.expected_en(b.ru_chars)))
        if b.unsure:
            unsure.append(_item(UNSURE, b))
    ru_chars, en_chars = sum(b.ru_chars for b in beads), sum(b.en_chars for b in beads)
    expected = model.expected_en(ru_chars)
    return ChapterReport(
        index=index, ru_title=ru_title, en_title=en_title,
        first_bead=beads[0].position if beads else 0, last_bead=beads[-1].position if beads else -1,
        ru_sentences=sum(b.ru_end - b.ru_start for b in beads),
        en_sentences=sum(b.en_end - b.en_start for b in beads),
        omitted_sentences=sum(b.ru_end - b.ru_start for b in beads if b.en_end == b.en_start),
        added_sentences=sum(b.en_end - b.en_start for b in beads if b.ru_end == b.ru_start),
        omissions=tuple(omissions), additions=tuple(additions), outliers=tuple(outliers), unsure=tuple(unsure),
        front=front, ru_chars=ru_chars, en_chars=en_chars,
        # an abridged chapter shows here even where the aligner folded what is missing into neighbours
        length_vs_usual=en_chars / expected if expected >= MIN_CHAPTER_CHARS else None,
    )
