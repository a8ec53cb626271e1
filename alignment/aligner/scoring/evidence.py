"""The evidence behind each bead of an alignment, as numbers the confidence model weighs.

For every bead of the best path this measures what a reviewer would check:
the kind of bead, whether the two sides' lengths agree (relative to this
pair of texts' own ratio), whether they share names, numbers and terms, how
close the best alignment that does *not* contain the bead comes (the margin,
from the forward and backward DP tables), and how sure its neighbours are.
``alignment.aligner.scoring.confidence`` turns these rows into a probability
and a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from alignment.aligner.dp import KINDS, Band
from alignment.aligner.scoring.features import SideFeatures, unit_mass

FEATURES: tuple[str, ...] = (
    "one_to_one",  # 1 for a 1-1 bead
    "omission",  # 1 when one side is empty
    "merge",  # 1 for 2-1 and 1-2
    "big_merge",  # 1 for 2-2, 3-1, 1-3
    "length_z",  # English length against the expected one, in standard deviations (signed)
    "length_z_abs",
    "short",  # log(1 + characters of the shorter side): short sentences say little by their length
    "lexical",  # shared names, numbers and terms, 0..1 (Dice over the keys' weights)
    "anchors",  # log(1 + weight of all keys on both sides): how much there was to share
    "unmatched",  # log(1 + weight of keys found on one side only)
    "learned",  # shared word pairs learned from this alignment itself, 0..1 (Dice)
    "learned_anchors",  # log(1 + weight of learned-pair words on both sides)
    "margin",  # cost of the best path without this bead minus the best path's (capped)
    "neighbour_margin",  # the smaller margin of the beads before and after
    "neighbour_irregular",  # the bead before or after is not 1-1
    "cost",  # the bead's own DP cost
)
INDEX = {name: k for k, name in enumerate(FEATURES)}
MARGIN_CAP = 12.0
_REACH = 4  # rows each side of the bead searched for alternatives


@dataclass(frozen=True, slots=True)
class PathTables:
    """What the DP knows about one stretch: bead costs, forward and backward best costs."""

    costs: np.ndarray  # (len(KINDS), n + 1, width)
    forward: np.ndarray  # (n + 1, width) best cost from (0, 0) to each cell
    backward: np.ndarray  # (n + 1, width) best cost from each cell to (n, m)
    band: Band


def _lookup(values: np.ndarray, band: Band, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """values[i, j - lo[i]] where the cell is inside the band and the grid, inf elsewhere."""
    rows, width = values.shape
    ok = (i >= 0) & (i < rows)
    ic = np.clip(i, 0, rows - 1)
    k = j - band.lo[ic]
    ok &= (k >= 0) & (k < width) & (j >= 0)
    return np.where(ok, values[ic, np.clip(k, 0, width - 1)], np.inf)


def path_margins(path: Sequence[tuple[range, range]], tables: PathTables) -> np.ndarray:
    """For each bead, how much worse the best alignment is that does not contain it.

    Every path crosses the "cut" between cells with i + j < d and cells with
    i + j >= d by exactly one bead; a path contains bead k (from cell (i0, j0))
    exactly when it crosses cut d = i0 + j0 + 1 by it.  So the best path
    avoiding the bead is the cheapest other bead crossing that cut, costed as
    forward[start] + its cost + backward[end].  Rows within a few of the bead
    are searched (an alternative far away is not a close one).
    """
    if not path:
        return np.zeros(0)
    starts = np.array([(s.start, t.start) for s, t in path], dtype=np.int64)
    kinds = np.array([KINDS.index((len(s), len(t))) for s, t in path], dtype=np.int64)
    ends = starts + np.array(KINDS, dtype=np.int64)[kinds]
    costs, band = tables.costs, tables.band
    own = (_lookup(tables.forward, band, starts[:, 0], starts[:, 1])
           + costs[kinds, ends[:, 0], np.clip(ends[:, 1] - band.lo[ends[:, 0]], 0, band.width - 1)]
           + _lookup(tables.backward, band, ends[:, 0], ends[:, 1]))
    kind_a = np.array([a for a, _ in KINDS])[None, None, None, :]
    kind_b = np.array([b for _, b in KINDS])[None, None, None, :]
    offsets = np.arange(-_REACH, _REACH + 4)[None, :, None, None]
    deltas = np.arange(4)[None, None, :, None]
    out = np.empty(len(path))
    for lo_k in range(0, len(path), 2048):
        hi_k = min(len(path), lo_k + 2048)
        i0 = starts[lo_k:hi_k, 0][:, None, None, None]
        cut = (starts[lo_k:hi_k, 0] + starts[lo_k:hi_k, 1] + 1)[:, None, None, None]
        i = i0 + offsets + 0 * deltas + 0 * kind_a  # end cell row
        j = cut - (i0 + offsets) + deltas + 0 * kind_a  # end cell column: i + j = cut + delta
        crosses = kind_a + kind_b > deltas  # the bead starts before the cut
        t = np.broadcast_to(np.arange(len(KINDS))[None, None, None, :], i.shape)
        rows, width = costs.shape[1], costs.shape[2]
        ic = np.clip(i, 0, rows - 1)
        k = j - band.lo[ic]
        inside = (i >= 0) & (i < rows) & (j >= 0) & (k >= 0) & (k < width)
        through = np.where(inside, costs[t, ic, np.clip(k, 0, width - 1)], np.inf)
        through = through + _lookup(tables.forward, band, i - kind_a, j - kind_b) + _lookup(
            tables.backward, band, i, j)
        mine = ((i == ends[lo_k:hi_k, 0][:, None, None, None]) & (j == ends[lo_k:hi_k, 1][:, None, None, None])
                & (t == kinds[lo_k:hi_k][:, None, None, None]))
        through = np.where(crosses & ~mine, through, np.inf)
        alternative = through.reshape(hi_k - lo_k, -1).min(axis=1)
        out[lo_k:hi_k] = alternative - own[lo_k:hi_k]
    return np.clip(np.nan_to_num(out, nan=MARGIN_CAP, posinf=MARGIN_CAP), 0.0, MARGIN_CAP)


def _bead_keys(side: SideFeatures, bead_of_unit: np.ndarray, weights: np.ndarray,
               n_keys: int) -> tuple[np.ndarray, np.ndarray]:
    """(bead * n_keys + key) codes of one side and the summed counts, sorted by code."""
    keep = weights[side.key_id] > 0
    codes = bead_of_unit[side.key_unit[keep]] * n_keys + side.key_id[keep]
    unique, inverse = np.unique(codes, return_inverse=True)
    return unique, np.bincount(inverse, weights=side.key_count[keep])


def lexical_agreement(path: Sequence[tuple[range, range]], src: SideFeatures, tgt: SideFeatures,
                      weights: np.ndarray, smoothing: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per bead: Dice-like share of key weight in common (0..1), total key weight, weight on one side only."""
    beads = len(path)
    bead_src = np.zeros(src.size, dtype=np.int64)
    bead_tgt = np.zeros(tgt.size, dtype=np.int64)
    for k, (s, t) in enumerate(path):
        bead_src[s.start:s.stop] = k
        bead_tgt[t.start:t.stop] = k
    mass_s = np.bincount(bead_src, weights=unit_mass(src, weights), minlength=beads)[:beads] if src.size else np.zeros(beads)
    mass_t = np.bincount(bead_tgt, weights=unit_mass(tgt, weights), minlength=beads)[:beads] if tgt.size else np.zeros(beads)
    n_keys = max(int(weights.shape[0]), 1)
    codes_s, count_s = _bead_keys(src, bead_src, weights, n_keys)
    codes_t, count_t = _bead_keys(tgt, bead_tgt, weights, n_keys)
    common, at_s, at_t = np.intersect1d(codes_s, codes_t, assume_unique=True, return_indices=True)
    shared = np.bincount(common // n_keys, weights=weights[common % n_keys] * np.minimum(count_s[at_s], count_t[at_t]),
                         minlength=beads)[:beads]
    total = mass_s + mass_t
    similarity = 2.0 * shared / (total + smoothing)
    return similarity, total, np.maximum(total - 2.0 * shared, 0.0)


def bead_evidence(path: Sequence[tuple[range, range]], tables: PathTables, src: SideFeatures, tgt: SideFeatures,
                  weights: np.ndarray, ratio: float, length_variance: float,
                  lexical_smoothing: float,
                  learned: tuple[SideFeatures, SideFeatures, np.ndarray] | None = None) -> np.ndarray:
    """One row of ``FEATURES`` per bead of ``path``.

    ``learned`` is both sides with the word pairs learned from this path added
    as keys, and weights that count those keys only.
    """
    beads = len(path)
    out = np.zeros((beads, len(FEATURES)))
    if not beads:
        return out
    a = np.array([len(s) for s, _ in path])
    b = np.array([len(t) for _, t in path])
    cs = np.concatenate([[0.0], np.cumsum(src.lengths)])
    ct = np.concatenate([[0.0], np.cumsum(tgt.lengths)])
    ls = np.array([cs[s.stop] - cs[s.start] for s, _ in path])
    lt = np.array([ct[t.stop] - ct[t.start] for _, t in path])
    two_sided = (a > 0) & (b > 0)
    mean = (ls * ratio + lt) / 2.0
    z = np.where(two_sided, (lt - ls * ratio) / np.sqrt(length_variance * np.maximum(mean, 1.0)), 0.0)
    similarity, total, unmatched = lexical_agreement(path, src, tgt, weights, lexical_smoothing)
    margins = path_margins(path, tables)
    padded = np.concatenate([[MARGIN_CAP], margins, [MARGIN_CAP]])
    irregular = np.concatenate([[0.0], ((a != 1) | (b != 1)).astype(np.float64), [0.0]])
    kinds = np.array([KINDS.index((len(s), len(t))) for s, t in path])
    ends_i = np.array([s.stop for s, _ in path])
    ends_j = np.array([t.stop for _, t in path])
    cost = tables.costs[kinds, ends_i, np.clip(ends_j - tables.band.lo[ends_i], 0, tables.band.width - 1)]
    out[:, INDEX["one_to_one"]] = (a == 1) & (b == 1)
    out[:, INDEX["omission"]] = ~two_sided
    out[:, INDEX["merge"]] = two_sided & (a + b == 3)
    out[:, INDEX["big_merge"]] = two_sided & (a + b >= 4)
    out[:, INDEX["length_z"]] = z
    out[:, INDEX["length_z_abs"]] = np.abs(z)
    out[:, INDEX["short"]] = np.log1p(np.where(two_sided, np.minimum(ls, lt), np.maximum(ls, lt)))
    out[:, INDEX["lexical"]] = np.where(two_sided, similarity, 0.0)
    out[:, INDEX["anchors"]] = np.log1p(total)
    out[:, INDEX["unmatched"]] = np.log1p(np.where(two_sided, unmatched, 0.0))
    if learned is not None:
        l_similarity, l_total, _ = lexical_agreement(path, learned[0], learned[1], learned[2], lexical_smoothing)
        out[:, INDEX["learned"]] = np.where(two_sided, l_similarity, 0.0)
        out[:, INDEX["learned_anchors"]] = np.log1p(l_total)
    out[:, INDEX["margin"]] = margins
    out[:, INDEX["neighbour_margin"]] = np.minimum(padded[:-2], padded[2:])
    out[:, INDEX["neighbour_irregular"]] = np.maximum(irregular[:-2], irregular[2:])
    out[:, INDEX["cost"]] = np.clip(cost, -50.0, 50.0)
    return out
