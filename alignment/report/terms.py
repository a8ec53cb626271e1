"""Terms a translation renders in more than one way, in the whole pair or in one chapter.

Input: for each glossary entry, its renderings in the pair (the written form, how
often, the beads), as ``db.services.renderings`` counts them.  A term is listed
when two or more written renderings occur in the range looked at; "not rendered"
is shown beside them but is not a way of rendering.  Within a chapter a
rendering is counted in beads (the renderings service keeps each bead once).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rendering:
    text: str | None  # None: the term is not rendered on the other side
    count: int
    beads: tuple[int, ...]  # bead positions (from 0), ascending


@dataclass(frozen=True, slots=True)
class TermRenderings:
    entry_id: str
    headword: str
    renderings: tuple[Rendering, ...]  # most frequent first, "not rendered" last

    @property
    def ways(self) -> int:
        return sum(1 for r in self.renderings if r.text is not None)

    @property
    def total(self) -> int:
        return sum(r.count for r in self.renderings)


def _within(rendering: Rendering, first: int, last: int) -> Rendering:
    beads = tuple(b for b in rendering.beads if first <= b <= last)
    return Rendering(rendering.text, len(beads), beads)


def varied_terms(terms: Sequence[TermRenderings], first_bead: int | None = None,
                 last_bead: int | None = None) -> tuple[TermRenderings, ...]:
    """The terms rendered in more than one way (within beads ``first_bead``..``last_bead`` when given),
    most frequent first."""
    out = []
    for term in terms:
        renderings = term.renderings
        if first_bead is not None and last_bead is not None:
            renderings = tuple(r for r in (_within(r, first_bead, last_bead) for r in renderings) if r.count)
        narrowed = TermRenderings(term.entry_id, term.headword,
                                  tuple(sorted(renderings, key=lambda r: (r.text is None, -r.count))))
        if narrowed.ways > 1:
            out.append(narrowed)
    return tuple(sorted(out, key=lambda t: (-t.total, t.headword.casefold())))
