"""Typed errors of alignment edits (``alignment.aligner.edits``).

Each error carries the bead index and the values it is about; its ``str()``
is one sentence saying what went wrong and what to do, ready for a status bar.
"""

from __future__ import annotations


class EditError(ValueError):
    """Base of every error an alignment edit can raise; nothing was changed."""


class NoSuchBeadError(EditError):
    def __init__(self, index: int, count: int) -> None:
        self.index = index
        self.count = count
        super().__init__(f"There is no bead {index + 1} (the alignment has {count}); choose a bead in the text.")


class NoNeighbourError(EditError):
    """Merging the last bead with the next one, shifting a sentence out of the first bead…"""

    def __init__(self, index: int, direction: str) -> None:
        self.index = index
        self.direction = direction
        where = "after" if direction == "next" else "before"
        super().__init__(f"Bead {index + 1} has no bead {where} it; choose a bead with a {direction} neighbour.")


class EmptySideError(EditError):
    def __init__(self, index: int, side: str) -> None:
        self.index = index
        self.side = side
        super().__init__(f"Bead {index + 1} has no {side.upper()} sentence to move; choose the other side.")


class SplitPointError(EditError):
    def __init__(self, index: int, at_ru: int, at_en: int, ru: tuple[int, int], en: tuple[int, int]) -> None:
        self.index = index
        self.at_ru = at_ru
        self.at_en = at_en
        super().__init__(
            f"Bead {index + 1} cannot be split before RU sentence {at_ru} and EN sentence {at_en} "
            f"(it holds RU {ru[0]}–{ru[1]} and EN {en[0]}–{en[1]}): both parts must keep a sentence; "
            "choose split points inside the bead."
        )


class ExtentError(EditError):
    """The new end of a bead lies before its start or past the end of the texts."""

    def __init__(self, index: int, ru_end: int, en_end: int, ru: tuple[int, int], en: tuple[int, int]) -> None:
        self.index = index
        self.ru_end = ru_end
        self.en_end = en_end
        super().__init__(
            f"Bead {index + 1} cannot end before RU sentence {ru_end} and EN sentence {en_end}: the ends must lie "
            f"within RU {ru[0]}–{ru[1]} and EN {en[0]}–{en[1]} and keep a sentence in the bead; choose other ends."
        )


class NothingToChangeError(EditError):
    def __init__(self, index: int, reason: str) -> None:
        self.index = index
        self.reason = reason
        super().__init__(f"Bead {index + 1} {reason}; nothing was changed.")


class StaleEditError(EditError):
    """The beads an exact edit expects are no longer there (the alignment changed meanwhile)."""

    def __init__(self, start: int, expected: int, found: int) -> None:
        self.start = start
        self.expected = expected
        self.found = found
        super().__init__(
            f"The alignment changed at bead {start + 1} since this edit was prepared "
            f"({found} of {expected} beads still match); reopen the text and edit again."
        )


class CoverageError(EditError):
    """Beads do not cover both texts exactly once, in order."""

    def __init__(self, index: int, reason: str) -> None:
        self.index = index
        self.reason = reason
        super().__init__(f"The beads are inconsistent at bead {index + 1}: {reason}; re-align the pair to repair it.")
