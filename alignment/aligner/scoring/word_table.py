"""A word-translation table learned from an aligned Russian-English document pair.

Words that keep turning up together in aligned beads are probably
translations (the idea behind hunalign's realign and IBM Model 1).  Over the
given beads we count how often a Russian stem and an English stem (Snowball
stems) share a bead, keep pairs with a high Dice coefficient, and let every
English stem keep only its few best Russian partners.  ``locate`` uses the
table to find a quotation in the Russian text whose English translation it
was learned from, even when the quotation is translated differently: the
table knows the document's own vocabulary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from alignment.aligner.beads import Bead
from alignment.language.stemming import stem_word

_WORD = re.compile(r"[^\W\d_]{3,}")


def content_stems(text: str) -> set[str]:
    """Snowball stems of the words of three letters or more in ``text``."""
    return {stem_word(w) for w in _WORD.findall(text)}


@dataclass(frozen=True, slots=True)
class WordTable:
    """English stem -> the Russian stems it was seen to translate, best first."""

    partners: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return sum(len(p) for p in self.partners.values())

    def russian_stems(self) -> set[str]:
        return {r for ps in self.partners.values() for r in ps}

    def translations(self, en_stems: Iterable[str]) -> set[str]:
        """Russian stems that the given English stems can stand for."""
        return {r for e in en_stems for r in self.partners.get(e, ())}


def learn_word_table(ru_units: Sequence[str], en_units: Sequence[str], beads: Iterable[Bead], *,
                     min_count: int = 2, min_dice: float = 0.3, max_partners: int = 3,
                     max_share: float = 0.25) -> WordTable:
    """Word pairs from the beads (any kind, omissions ignored) of an aligned pair.

    A stem found in more than ``max_share`` of the beads is a function word for
    this purpose and left out; a pair must share at least ``min_count`` beads.
    """
    ru_sides: list[set[str]] = []
    en_sides: list[set[str]] = []
    for bead in beads:
        if bead.src and bead.tgt:
            ru_sides.append(set().union(*(content_stems(ru_units[i]) for i in bead.src)))
            en_sides.append(set().union(*(content_stems(en_units[j]) for j in bead.tgt)))
    if not ru_sides:
        return WordTable({})
    ru_count = Counter(s for side in ru_sides for s in side)
    en_count = Counter(s for side in en_sides for s in side)
    limit = max(3.0, max_share * len(ru_sides))
    together: Counter[tuple[str, str]] = Counter()
    for ru, en in zip(ru_sides, en_sides):
        ru_kept = [r for r in ru if ru_count[r] <= limit and ru_count[r] >= min_count]
        en_kept = [e for e in en if en_count[e] <= limit and en_count[e] >= min_count]
        together.update((r, e) for r in ru_kept for e in en_kept)
    scored: dict[str, list[tuple[float, str]]] = {}
    best_ru: dict[str, float] = {}
    for (r, e), n in together.items():
        if n < min_count:
            continue
        dice = 2.0 * n / (ru_count[r] + en_count[e])
        if dice >= min_dice:
            scored.setdefault(e, []).append((dice, r))
            best_ru[r] = max(best_ru.get(r, 0.0), dice)
    partners: dict[str, tuple[str, ...]] = {}
    for e, options in scored.items():
        options.sort(reverse=True)
        top = options[0][0]
        # Competitive linking, loosely: keep partners nearly as good as the best one,
        # on both sides, so a frequent word does not collect every neighbour.
        kept = [r for d, r in options[:max_partners] if d >= 0.7 * top and d >= 0.7 * best_ru[r]]
        if kept:
            partners[e] = tuple(kept)
    return WordTable(partners)
