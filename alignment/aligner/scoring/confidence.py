"""Confidence of each bead: a calibrated probability that the bead is exactly right.

Platt scaling of the bead's own cost and kind, fitted on the development set
(``tests/bench/bench_align.py`` prints the calibration).  Beads at or above
``SURE_THRESHOLD`` were exactly right 99.6% of the time there; the reader
flags the others for review.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

SURE_THRESHOLD = 0.97

# logit = bias + cost * w_cost + [bead is 1-1] * w_one + [bead is an omission] * w_omission
_BIAS, _W_COST, _W_ONE_TO_ONE, _W_OMISSION = 1.62, -0.795, 1.92, 3.68


def bead_confidences(path: Sequence[tuple[range, range]], bead_cost: np.ndarray) -> np.ndarray:
    """Probability that each bead of ``path`` is exactly right, given its DP cost."""
    one = np.array([len(s) == 1 and len(t) == 1 for s, t in path], dtype=np.float64)
    omission = np.array([len(s) == 0 or len(t) == 0 for s, t in path], dtype=np.float64)
    logit = _BIAS + _W_COST * np.clip(bead_cost, -50, 50) + _W_ONE_TO_ONE * one + _W_OMISSION * omission
    return 1.0 / (1.0 + np.exp(-logit))


def is_sure(confidence: float) -> bool:
    return confidence >= SURE_THRESHOLD
