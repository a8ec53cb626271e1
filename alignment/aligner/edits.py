"""Corrections of a sentence alignment, as pure edits on a list of beads.

A bead here is a ``BeadSpan``: Russian sentences ``[ru_start, ru_end)`` with
English ``[en_start, en_end)`` (positions in the two texts, as the library
stores them), the aligner's score, confidence and doubt and a review status.  A list
of spans is *consistent* when it covers both texts exactly once, in order: each
range starts where the one before ended (an empty range sits at that point) and
no bead is empty on both sides (``check_coverage``).

Every edit names beads by their index in the list.  The user's gestures
(``MergeNext``, ``SplitBead``, ``ShiftSentence``, ``Detach``, ``ExtendBead``, ``Confirm``…) are
*intents*: ``resolve(beads)`` checks them (raising a typed ``EditError``) and
turns them into one exact ``ReplaceBeads(start, old, new)``, the only edit that
changes a list.  ``ReplaceBeads.inverse()`` swaps ``old`` and ``new``, so
applying an edit and then its inverse gives back the original list exactly,
statuses and scores included; that is what an undo stack stores.  Because an
undo stack replays edits strictly in order, the index an inverse names is
always the index the bead has at that moment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from alignment.aligner.edit_errors import (
    CoverageError,
    EditError,
    EmptySideError,
    ExtentError,
    NoNeighbourError,
    NoSuchBeadError,
    NothingToChangeError,
    SplitPointError,
    StaleEditError,
)

Side = Literal["ru", "en"]
Edge = Literal["first", "last"]
AUTO, CONFIRMED, EDITED = "auto", "confirmed", "edited"
ANCHOR_STATUSES = frozenset({CONFIRMED, EDITED})
EDITED_SCORE = 1.0  # a bead the user made is as certain as a confirmed one

__all__ = [
    "BeadSpan",
    "Confirm",
    "ConfirmRange",
    "Detach",
    "Edit",
    "EditError",
    "ExtendBead",
    "MergeNext",
    "MergePrevious",
    "ReplaceBeads",
    "ShiftSentence",
    "SplitBead",
    "Unconfirm",
    "check_coverage",
]


@dataclass(frozen=True, slots=True)
class BeadSpan:
    """RU sentences ``[ru_start, ru_end)`` aligned with EN ``[en_start, en_end)``."""

    ru_start: int
    ru_end: int
    en_start: int
    en_end: int
    score: float = 0.0
    confidence: float = 0.0
    status: str = AUTO
    doubt: str | None = None  # why the aligner is unsure of it (scoring.confidence.REASONS)

    def side(self, side: Side) -> tuple[int, int]:
        return (self.ru_start, self.ru_end) if side == "ru" else (self.en_start, self.en_end)

    def ranges(self) -> tuple[int, int, int, int]:
        return self.ru_start, self.ru_end, self.en_start, self.en_end

    @property
    def is_empty(self) -> bool:
        return self.ru_start == self.ru_end and self.en_start == self.en_end

    @property
    def is_anchor(self) -> bool:
        """Confirmed or edited by the user: re-alignment keeps it."""
        return self.status in ANCHOR_STATUSES

    def with_side(self, side: Side, start: int, end: int) -> BeadSpan:
        if side == "ru":
            return replace(self, ru_start=start, ru_end=end)
        return replace(self, en_start=start, en_end=end)


def edited(ru_start: int, ru_end: int, en_start: int, en_end: int) -> BeadSpan:
    """A bead the user made by hand."""
    return BeadSpan(ru_start, ru_end, en_start, en_end, EDITED_SCORE, EDITED_SCORE, EDITED)


def check_coverage(beads: Sequence[BeadSpan], ru_count: int | None = None, en_count: int | None = None,
                   *, ru_from: int = 0, en_from: int = 0) -> None:
    """Raise ``CoverageError`` unless ``beads`` cover RU ``[ru_from, ru_count)`` and EN
    ``[en_from, en_count)`` exactly once, in order (a count of None is not checked)."""
    ru, en = ru_from, en_from
    for i, b in enumerate(beads):
        if b.ru_start != ru or b.en_start != en:
            raise CoverageError(i, f"it starts at RU {b.ru_start}/EN {b.en_start}, not where the bead before "
                                   f"ended (RU {ru}/EN {en})")
        if b.ru_end < b.ru_start or b.en_end < b.en_start:
            raise CoverageError(i, "a range ends before it starts")
        if b.is_empty:
            raise CoverageError(i, "it holds no sentence on either side")
        ru, en = b.ru_end, b.en_end
    if ru_count is not None and ru != ru_count:
        raise CoverageError(len(beads), f"the beads end at RU sentence {ru}, the text has {ru_count}")
    if en_count is not None and en != en_count:
        raise CoverageError(len(beads), f"the beads end at EN sentence {en}, the text has {en_count}")


class Edit:
    """An edit of a bead list: ``resolve`` checks it against the beads and makes it exact."""

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        raise NotImplementedError

    def apply(self, beads: Sequence[BeadSpan]) -> list[BeadSpan]:
        return self.resolve(beads).apply(beads)


def _bead(beads: Sequence[BeadSpan], index: int) -> BeadSpan:
    if not 0 <= index < len(beads):
        raise NoSuchBeadError(index, len(beads))
    return beads[index]


@dataclass(frozen=True, slots=True)
class ReplaceBeads(Edit):
    """Replace the beads ``old`` found at ``start`` by ``new`` (which cover the same sentences)."""

    start: int
    old: tuple[BeadSpan, ...]
    new: tuple[BeadSpan, ...]

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        if not self.old or not self.new:
            raise CoverageError(self.start, "an edit must replace at least one bead by at least one bead")
        found = list(beads[self.start : self.start + len(self.old)]) if self.start >= 0 else []
        if found != list(self.old):
            same = sum(1 for a, b in zip(found, self.old) if a == b)
            raise StaleEditError(self.start, len(self.old), same)
        first, last = self.old[0], self.old[-1]
        check_coverage(self.new, last.ru_end, last.en_end, ru_from=first.ru_start, en_from=first.en_start)
        return self

    def apply(self, beads: Sequence[BeadSpan]) -> list[BeadSpan]:
        self.resolve(beads)
        return [*beads[: self.start], *self.new, *beads[self.start + len(self.old) :]]

    def inverse(self) -> ReplaceBeads:
        return ReplaceBeads(self.start, self.new, self.old)

    @property
    def stop(self) -> int:
        """End of the replaced window after the edit."""
        return self.start + len(self.new)


@dataclass(frozen=True, slots=True)
class MergeNext(Edit):
    """Merge bead ``index`` with the bead after it."""

    index: int

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        a = _bead(beads, self.index)
        if self.index + 1 >= len(beads):
            raise NoNeighbourError(self.index, "next")
        b = beads[self.index + 1]
        return ReplaceBeads(self.index, (a, b), (edited(a.ru_start, b.ru_end, a.en_start, b.en_end),))


@dataclass(frozen=True, slots=True)
class MergePrevious(Edit):
    """Merge bead ``index`` with the bead before it."""

    index: int

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        _bead(beads, self.index)
        if self.index == 0:
            raise NoNeighbourError(self.index, "previous")
        return MergeNext(self.index - 1).resolve(beads)


@dataclass(frozen=True, slots=True)
class SplitBead(Edit):
    """Split bead ``index`` before RU sentence ``at_ru`` and EN sentence ``at_en``.

    The split points are sentence positions in ``[start, end]`` of each side; a
    point at the end of a side gives the second part no sentence of that side.
    """

    index: int
    at_ru: int
    at_en: int

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        b = _bead(beads, self.index)
        ok = b.ru_start <= self.at_ru <= b.ru_end and b.en_start <= self.at_en <= b.en_end
        first = edited(b.ru_start, self.at_ru, b.en_start, self.at_en)
        second = edited(self.at_ru, b.ru_end, self.at_en, b.en_end)
        if not ok or first.is_empty or second.is_empty:
            raise SplitPointError(self.index, self.at_ru, self.at_en, b.side("ru"), b.side("en"))
        return ReplaceBeads(self.index, (b,), (first, second))


@dataclass(frozen=True, slots=True)
class ShiftSentence(Edit):
    """Move the first sentence of ``side`` to the previous bead, or the last one to the next bead.

    A bead left with no sentence at all disappears (its sentence joined its neighbour).
    """

    index: int
    side: Side
    edge: Edge

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        b = _bead(beads, self.index)
        start, end = b.side(self.side)
        if start == end:
            raise EmptySideError(self.index, self.side)
        to_previous = self.edge == "first"
        other_index = self.index - 1 if to_previous else self.index + 1
        if not 0 <= other_index < len(beads):
            raise NoNeighbourError(self.index, "previous" if to_previous else "next")
        other = beads[other_index]
        o_start, o_end = other.side(self.side)
        if to_previous:
            moved = _as_edited(other).with_side(self.side, o_start, o_end + 1)
            rest = _as_edited(b).with_side(self.side, start + 1, end)
            pair = (moved, rest)
        else:
            rest = _as_edited(b).with_side(self.side, start, end - 1)
            moved = _as_edited(other).with_side(self.side, o_start - 1, o_end)
            pair = (rest, moved)
        new = tuple(x for x in pair if not x.is_empty)
        window = (other, b) if to_previous else (b, other)
        return ReplaceBeads(min(self.index, other_index), window, new)


def _as_edited(b: BeadSpan) -> BeadSpan:
    return edited(*b.ranges())


@dataclass(frozen=True, slots=True)
class Detach(Edit):
    """Make the first or last sentence of ``side`` a bead of its own with no counterpart."""

    index: int
    side: Side
    edge: Edge

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        b = _bead(beads, self.index)
        start, end = b.side(self.side)
        if start == end:
            raise EmptySideError(self.index, self.side)
        other_side: Side = "en" if self.side == "ru" else "ru"
        o_start, o_end = b.side(other_side)
        if end - start == 1 and o_start == o_end:
            raise NothingToChangeError(self.index, "already has no counterpart")
        if self.edge == "first":
            alone = edited(*b.ranges()).with_side(self.side, start, start + 1).with_side(other_side, o_start, o_start)
            rest = edited(*b.ranges()).with_side(self.side, start + 1, end)
            return ReplaceBeads(self.index, (b,), (alone, rest))
        rest = edited(*b.ranges()).with_side(self.side, start, end - 1)
        alone = edited(*b.ranges()).with_side(self.side, end - 1, end).with_side(other_side, o_end, o_end)
        return ReplaceBeads(self.index, (b,), (rest, alone))


@dataclass(frozen=True, slots=True)
class ExtendBead(Edit):
    """Make bead ``index`` end before RU sentence ``ru_end`` and EN sentence ``en_end``.

    "Set this bead's extent": the bead grows over the beads after it (those it
    covers entirely disappear) or shrinks; whatever is left of the last bead it
    reaches, or what it gave up, becomes one bead after it, handed back to the
    aligner ("auto") so that "re-align the rest" can place it.  One gesture
    fixes a bead however many sentences the aligner put on the wrong side.
    """

    index: int
    ru_end: int
    en_end: int

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        b = _bead(beads, self.index)
        last = beads[-1]
        fits = (b.ru_start <= self.ru_end <= last.ru_end and b.en_start <= self.en_end <= last.en_end
                and (self.ru_end, self.en_end) != (b.ru_start, b.en_start))
        if not fits:
            raise ExtentError(self.index, self.ru_end, self.en_end, (b.ru_start, last.ru_end),
                              (b.en_start, last.en_end))
        if (self.ru_end, self.en_end) == (b.ru_end, b.en_end):
            raise NothingToChangeError(self.index, "already ends there")
        stop = self.index + 1  # the beads [index, stop) hold both new ends
        while beads[stop - 1].ru_end < self.ru_end or beads[stop - 1].en_end < self.en_end:
            stop += 1
        reach = beads[stop - 1]
        bead = edited(b.ru_start, self.ru_end, b.en_start, self.en_end)
        rest = BeadSpan(self.ru_end, reach.ru_end, self.en_end, reach.en_end)
        new = (bead,) if rest.is_empty else (bead, rest)
        return ReplaceBeads(self.index, tuple(beads[self.index : stop]), new)


@dataclass(frozen=True, slots=True)
class Confirm(Edit):
    """Mark bead ``index`` as checked by the user (re-alignment keeps it)."""

    index: int

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        b = _bead(beads, self.index)
        if b.is_anchor:
            raise NothingToChangeError(self.index, f"is already {b.status}")
        return ReplaceBeads(self.index, (b,), (replace(b, status=CONFIRMED),))


@dataclass(frozen=True, slots=True)
class ConfirmRange(Edit):
    """Confirm beads ``[start, stop)`` (edited beads stay edited): "confirm everything above"."""

    start: int
    stop: int

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        _bead(beads, self.start)
        _bead(beads, self.stop - 1)
        old = tuple(beads[self.start : self.stop])
        if all(b.is_anchor for b in old):
            raise NothingToChangeError(self.start, "and the beads after it are already confirmed")
        new = tuple(b if b.is_anchor else replace(b, status=CONFIRMED) for b in old)
        return ReplaceBeads(self.start, old, new)


@dataclass(frozen=True, slots=True)
class Unconfirm(Edit):
    """Hand bead ``index`` back to the aligner (status "auto")."""

    index: int

    def resolve(self, beads: Sequence[BeadSpan]) -> ReplaceBeads:
        b = _bead(beads, self.index)
        if not b.is_anchor:
            raise NothingToChangeError(self.index, "is not confirmed")
        return ReplaceBeads(self.index, (b,), (replace(b, status=AUTO),))
