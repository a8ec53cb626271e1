"""Banded dynamic programming over bead costs: fill and traceback, no policy.

The DP grid has a cell (i, j) for "the first i source units and the first j
target units are aligned".  Row i only keeps the cells j in
``[lo[i], lo[i] + width)``, so memory and time grow with n * width, not n * m.
A bead of kind (a, b) goes from cell (i-a, j-b) to (i, j); its cost is read
from ``costs[kind][i, j - lo[i]]`` (inf where the bead is not allowed).
The in-row move (0, 1) is resolved with a prefix-minimum scan, so each row is
a handful of vectorised NumPy operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from alignment.progress import CancelToken, Progress

BeadKind = tuple[int, int]

KINDS: tuple[BeadKind, ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
INSERTION = KINDS.index((0, 1))
NO_BACK = 255


class BandError(RuntimeError):
    """The band does not contain the final cell; widen it and try again."""


@dataclass(frozen=True, slots=True)
class Band:
    """Columns kept in each DP row: ``lo[i] <= j < lo[i] + width``."""

    lo: np.ndarray
    width: int

    @staticmethod
    def full(n: int, m: int) -> Band:
        return Band(np.zeros(n + 1, dtype=np.int64), m + 1)

    @staticmethod
    def around(centre_lo: np.ndarray, centre_hi: np.ndarray, margin: int, m: int) -> Band:
        """Band covering ``[centre_lo[i] - margin, centre_hi[i] + margin]`` in every row."""
        span = int(np.max(centre_hi - centre_lo)) if centre_lo.size else 0
        width = min(m + 1, span + 2 * margin + 1)
        lo = np.clip(centre_lo - margin, 0, m + 1 - width).astype(np.int64)
        return Band(lo, width)

    def columns(self) -> np.ndarray:
        """Target position j of every cell, shape (rows, width)."""
        return self.lo[:, None] + np.arange(self.width)[None, :]


@dataclass(frozen=True, slots=True)
class DPResult:
    total: np.ndarray  # best cost to reach each cell, shape (n+1, width)
    back: np.ndarray  # index into KINDS of the last bead, NO_BACK at the start


def fill(costs: np.ndarray, band: Band, n: int, m: int, *, progress: Progress | None = None,
         cancel: CancelToken | None = None) -> DPResult:
    """Best path cost to every cell. ``costs`` has shape (len(KINDS), n+1, width)."""
    width = band.width
    lo = band.lo.tolist()
    inf = np.inf
    padded = np.full((n + 1, 3 * width), inf)
    back = np.full((n + 1, width), NO_BACK, dtype=np.uint8)
    cols = np.arange(width)
    buf = np.empty((len(KINDS), width))
    valid_kinds = [(t, a, b) for t, (a, b) in enumerate(KINDS) if a > 0]
    for i in range(n + 1):
        if cancel is not None and i % 512 == 0:
            cancel.raise_if_cancelled()
        if progress is not None and i % 1024 == 0:
            progress.update(i, n + 1, "align")
        if i == 0:
            best = np.full(width, inf)
            kind = np.full(width, NO_BACK, dtype=np.uint8)
            if lo[0] == 0:
                best[0] = 0.0
        else:
            buf.fill(inf)
            for t, a, b in valid_kinds:
                if a > i:
                    continue
                shift = min(max(lo[i] - b - lo[i - a], -width), width)
                np.add(padded[i - a, width + shift: 2 * width + shift], costs[t, i], out=buf[t])
            kind = buf.argmin(axis=0).astype(np.uint8)
            best = buf[kind, cols]
            kind[~np.isfinite(best)] = NO_BACK
        # In-row insertions: total[k] = min over k' <= k of best[k'] + sum of insertion costs in (k', k].
        step = costs[INSERTION, i].copy()
        step[0] = 0.0
        step[~np.isfinite(step)] = 1e12
        cum = np.cumsum(step)
        pre = best - cum
        run = np.minimum.accumulate(pre)
        total = cum + run
        origin = np.maximum.accumulate(np.where(pre <= run, cols, 0))
        from_insertion = (origin < cols) & np.isfinite(total) & (total < 1e11)
        kind = np.where(from_insertion, INSERTION, kind).astype(np.uint8)
        total[total >= 1e11] = inf
        padded[i, width: 2 * width] = total
        back[i] = kind
    return DPResult(padded[:, width: 2 * width].copy(), back)


def fill_backward(costs: np.ndarray, band: Band, n: int, m: int) -> np.ndarray:
    """Best cost from every cell to the final cell (n, m): ``fill`` run from the other end.

    With the forward totals, ``total[c] + backward[c]`` is the cost of the best
    path through cell ``c``; the confidence of a bead compares it with the best
    path that avoids the bead (``alignment.aligner.scoring.evidence``).
    """
    width = band.width
    lo = band.lo.tolist()
    inf = np.inf
    # ahead[i]: for each kind, the cost of that bead ending at each cell of row i plus the best
    # cost onward from there, padded on both sides; only the next three rows are kept.
    ahead: dict[int, np.ndarray] = {}
    out = np.full((n + 1, width), inf)
    cols = np.arange(width)
    buf = np.empty((len(KINDS), width))
    valid_kinds = [(t, a, b) for t, (a, b) in enumerate(KINDS) if a > 0]
    for i in range(n, -1, -1):
        if i == n:
            best = np.full(width, inf)
            k = m - lo[n]
            if 0 <= k < width:
                best[k] = 0.0
        else:
            buf.fill(inf)
            for t, a, b in valid_kinds:
                if i + a > n:
                    continue
                shift = min(max(lo[i] + b - lo[i + a], -width), width)
                buf[t] = ahead[i + a][t, width + shift: 2 * width + shift]
            best = buf.min(axis=0)
        # In-row insertions, right to left: out[k] = min over k' >= k of best[k'] + insertions (k, k'].
        step = costs[INSERTION, i].copy()
        step[~np.isfinite(step)] = 1e12
        step[0] = 0.0
        cum = np.cumsum(step)
        run = np.minimum.accumulate((best + cum)[::-1])[::-1]
        total = run - cum
        total[total >= 1e11] = inf
        out[i] = total
        if i > 0:
            row = np.full((len(KINDS), 3 * width), inf)
            row[:, width: 2 * width] = costs[:, i] + total[None, :]
            ahead[i] = row
        ahead.pop(i + 3, None)
    return out


def traceback(result: DPResult, band: Band, n: int, m: int) -> list[tuple[range, range]]:
    """Beads of the best path as (source range, target range), in order."""
    i, j = n, m
    k = j - int(band.lo[i])
    if not 0 <= k < band.width or not np.isfinite(result.total[i, k]):
        raise BandError("the alignment band does not reach the end of both texts")
    beads: list[tuple[range, range]] = []
    while i > 0 or j > 0:
        k = j - int(band.lo[i])
        if not 0 <= k < band.width or result.back[i, k] == NO_BACK:
            raise BandError(f"traceback left the band at cell ({i}, {j})")
        a, b = KINDS[result.back[i, k]]
        beads.append((range(i - a, i), range(j - b, j)))
        i -= a
        j -= b
    beads.reverse()
    return beads


def path_cells(beads: Sequence[tuple[range, range]]) -> list[tuple[int, int]]:
    """DP cells visited by a path, starting at (0, 0)."""
    cells = [(0, 0)]
    for src, tgt in beads:
        cells.append((src.stop, tgt.stop))
    return cells
