"""The pair's own English/Russian length ratio, and the beads whose English is far from it.

A translation has its own ratio of English characters to Russian ones (about
1.1 for a close one, less for an abridged one).  It is modelled on the log of
each bead's ratio: the centre is the median, the spread the median absolute
deviation (MAD, scaled by 1.4826 to match a standard deviation), so a few
omissions, merges or misalignments do not move either.  Only beads with enough
characters on both sides are used (a heading "V." against "V. Conclusions."
says nothing).  A bead is *far* when its log ratio lies ``FAR_Z`` spreads or
more from the centre: its English is at least ``far_factor`` times longer or
shorter than the pair's usual.  The spread has a floor (``MIN_SCALE``), so a
very regular pair does not call a 20 % difference "far".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median

FAR_Z = 3.5  # robust z-score from which a bead's length is "far" from the pair's ratio
MIN_SCALE = 0.18  # floor of the spread (natural log): never "far" under exp(3.5 * 0.18) ≈ 1.9 times
MIN_FIT_CHARS = 30  # a bead helps fit the model when both sides have this many characters
MIN_OUTLIER_CHARS = 60  # ... and can be listed when either side (Russian scaled to English) has this many
MAD_TO_SIGMA = 1.4826
FALLBACK_LOG_RATIO = math.log(1.1)  # a pair with too few usable beads: a typical ru→en ratio
MIN_FIT_BEADS = 8


@dataclass(frozen=True, slots=True)
class LengthModel:
    """``centre``: median log(English chars / Russian chars); ``scale``: robust spread (≥ ``MIN_SCALE``)."""

    centre: float
    scale: float
    beads_used: int
    far_z: float = FAR_Z

    @property
    def ratio(self) -> float:
        """English characters per Russian character in this pair, as a rule."""
        return math.exp(self.centre)

    @property
    def far_factor(self) -> float:
        """How many times longer or shorter than expected a bead's English must be to be listed."""
        return math.exp(self.far_z * self.scale)

    def z(self, ru_chars: int, en_chars: int) -> float:
        """Robust z-score of a bead's length ratio (positive: the English is longer)."""
        return (math.log(max(en_chars, 1) / max(ru_chars, 1)) - self.centre) / self.scale

    def expected_en(self, ru_chars: int) -> float:
        return ru_chars * self.ratio

    def eligible(self, ru_chars: int, en_chars: int) -> bool:
        """Whether a bead is long enough for its ratio to mean something."""
        return ru_chars > 0 and en_chars > 0 and max(self.expected_en(ru_chars), en_chars) >= MIN_OUTLIER_CHARS

    def is_far(self, ru_chars: int, en_chars: int) -> bool:
        return self.eligible(ru_chars, en_chars) and abs(self.z(ru_chars, en_chars)) >= self.far_z


def fit_length_model(lengths: Iterable[tuple[int, int]], *, far_z: float = FAR_Z,
                     min_scale: float = MIN_SCALE) -> LengthModel:
    """The model of a pair from its beads' (Russian chars, English chars).  A pair with too few
    usable beads (a short article) gets a wider spread: its own ratio is known less well."""
    logs = [math.log(en / ru) for ru, en in lengths if ru >= MIN_FIT_CHARS and en >= MIN_FIT_CHARS]
    if len(logs) < MIN_FIT_BEADS:
        centre = median(logs) if logs else FALLBACK_LOG_RATIO
        return LengthModel(centre, min_scale * 1.5, len(logs), far_z)
    centre = median(logs)
    mad = median(abs(x - centre) for x in logs)
    return LengthModel(centre, max(MAD_TO_SIGMA * mad, min_scale), len(logs), far_z)


def far_beads(model: LengthModel, lengths: Sequence[tuple[int, int]]) -> list[int]:
    """Indexes of the beads whose English is far longer or shorter than the model expects."""
    return [i for i, (ru, en) in enumerate(lengths) if model.is_far(ru, en)]
