"""Terms a translation renders in more than one way, in the whole pair or in one chapter.

Input: for each glossary entry, its renderings in the pair (the written form, how
often, the beads), as ``db.services.renderings`` counts them.  A term is listed
when two or more written renderings occur in the range looked at; "not rendered"
is shown beside them but is not a way of rendering.  Within a chapter a
rendering is counted in beads (the renderings service keeps each bead once).

Two written renderings count as one way when they are the same words in another
part of speech ("centrism" / "centrist", "Social Democracy" / "Social
Democratic": word by word a common beginning of five letters or more, or the
whole shorter word), or when one holds the other ("theory of socialism in one
country" / "socialism in one country"): these follow the original's own
wording (центризм / центрист), not a choice of the translator's.  Reordered or
different words ("dictatorship of the proletariat" / "proletarian
dictatorship", "USSR" / "Soviet Union") stay two ways.
"""

from __future__ import annotations

import os
import re
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
        """How many different ways the term is rendered (variants of one wording count once)."""
        groups: list[list[tuple[str, ...]]] = []
        for r in self.renderings:
            if r.text is None:
                continue
            words = _words(r.text)
            group = next((g for g in groups if any(same_wording(words, w) for w in g)), None)
            if group is None:
                groups.append([words])
            else:
                group.append(words)
        return len(groups)

    @property
    def total(self) -> int:
        return sum(r.count for r in self.renderings)


VARIANT_PREFIX = 5  # letters two forms of one word share at least ("wreck-ers", "wreck-ing")


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W_]+", text.casefold()))


def _same_word(a: str, b: str) -> bool:
    shared = len(os.path.commonprefix([a, b]))
    return shared >= min(VARIANT_PREFIX, len(a), len(b)) and (shared >= VARIANT_PREFIX or a == b)


def same_wording(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two renderings are one wording: word-by-word variants, or one inside the other."""
    if len(a) == len(b):
        return all(_same_word(x, y) for x, y in zip(a, b, strict=True))
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(tuple(long[i:i + len(short)]) == tuple(short) for i in range(len(long) - len(short) + 1))


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
