"""Doubtful stretches aligned again by meaning, where the words were misled.

When a translator leaves a sentence out, length and shared words often pair
the orphaned Russian sentence with its neighbour's English (a 2-1 bead) or
shift a few pairs by one until the path catches up; an added English sentence
is folded in the same way.  Meaning tells these apart: an omitted sentence
matches nothing on the other side.

So each run of beads the first confidence doubts (``meaning.in_band``),
widened by one aligner-made bead on each side, is aligned again by a small DP
over the meaning vectors alone (the run's own units, kinds 1-1, 1-0, 0-1, 2-1,
1-2, 2-2, 3-1, 1-3).  A two-sided bead costs ``(1 - cosine) * units / 2`` plus
``MERGE_COST`` per unit beyond two, a unit with no counterpart
``OMISSION_COST``; the new path replaces the old one only when it is cheaper by
``MARGIN`` under the same costs.  Fixed beads and beads the aligner did not
weigh (a book's notes) are never touched.  Beads the new path shares with the
old keep their confidence; the others are new, made by meaning against the
words: the second look's model judges them (``NEW_BEAD_FIRST``), and those it
doubts are marked unsure (``aligned_by_meaning``) for the reader to check.

The three constants were chosen on the fitting split of the planted-omission
benchmark (``tests/bench/bench_report.py --meaning-path-grid``): the choice
with the best strict F1 of the unplanted alignments among those that list no
more false omissions and additions than before.  Measured there, omissions
listed 0.42 -> 0.68, additions 0.41 -> 0.86, false listings 1.34 -> 1.16 per
100 beads, strict F1 0.981 -> 0.989; the held-out figures are in the README.
At most ``meaning.BUDGET`` sentences are read for the runs per alignment,
most doubtful runs first (and the few next to a new bead, to judge it); the
second look then reuses their vectors.  On the long development texts that is
3 % more sentences than the second look alone, and the DP takes 0.16 s per
1,000 beads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from alignment.aligner.beads import Bead
from alignment.aligner.scoring import confidence as conf
from alignment.aligner.scoring import meaning as look
from alignment.progress import CancelToken, NullProgress, Progress, ProgressShare
from alignment.quotes.semantic import BATCH, Embedder

OMISSION_COST = 0.09  # per unit left without a counterpart
MERGE_COST = 0.05  # per unit of a bead beyond two (2-1: one, 2-2: two)
MARGIN = 0.05  # the new path must be this much cheaper than the old
MAX_SIDE = 40  # units per side of one run; longer runs are left as they are (the DP is quadratic)
KINDS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
REASON = "aligned_by_meaning"
# A new bead's confidence is the second look's (scoring.meaning), with this standing for the first
# confidence the words never gave it.  New beads are about half right whatever their cosine.  Chosen
# on the fitting split (bench_unsure.py, "as the library aligns"): the value that leaves no more wrong
# beads unflagged than before the meaning path (31) with the fewest right beads flagged (0.01: 18
# wrong unflagged, 203 right flagged; 0.1: 31, 180; 0.3: 41, 152; before the path: 31, 107).
NEW_BEAD_FIRST = 0.1


@dataclass(frozen=True, slots=True)
class _Run:
    start: int  # index of its first bead
    stop: int  # index after its last bead
    doubt: float  # the lowest first confidence in it (most doubtful runs are done first)


def _weighed(bead: Bead) -> bool:
    return not bead.fixed and bool(bead.evidence)


def doubtful_runs(beads: Sequence[Bead]) -> list[_Run]:
    """Runs of doubted beads, each widened by one weighed bead on each side, overlapping ones joined."""
    runs: list[list[int]] = []
    k = 0
    while k < len(beads):
        if not look.in_band(beads[k]):
            k += 1
            continue
        j = k
        while j + 1 < len(beads) and look.in_band(beads[j + 1]):
            j += 1
        start = k - 1 if k > 0 and _weighed(beads[k - 1]) else k
        stop = j + 2 if j + 1 < len(beads) and _weighed(beads[j + 1]) else j + 1
        if runs and start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], stop)
        else:
            runs.append([start, stop])
        k = j + 1
    out = []
    for start, stop in runs:
        doubt = min(look.first_confidence(b) for b in beads[start:stop] if _weighed(b))
        out.append(_Run(start, stop, doubt))
    return out


def _units(beads: Sequence[Bead], run: _Run) -> tuple[list[int], list[int]]:
    return ([i for b in beads[run.start:run.stop] for i in b.src], [j for b in beads[run.start:run.stop] for j in b.tgt])


class _Sides:
    """Cumulative sums of a run's vectors: the vector of any stretch of it in O(1)."""

    def __init__(self, vectors: np.ndarray) -> None:
        self._cum = np.vstack([np.zeros((1, vectors.shape[1])), np.cumsum(vectors, axis=0)])

    def unit(self, lo: int, hi: int) -> np.ndarray:
        v = self._cum[hi] - self._cum[lo]
        return v / max(float(np.linalg.norm(v)), 1e-9)


def bead_cost(src: _Sides, tgt: _Sides, s: tuple[int, int], t: tuple[int, int]) -> float:
    """The meaning cost of a bead over run positions ``s`` and ``t`` (half-open ranges)."""
    ns, nt = s[1] - s[0], t[1] - t[0]
    if ns == 0 or nt == 0:
        return OMISSION_COST * (ns + nt)
    cosine = float(src.unit(*s) @ tgt.unit(*t))
    return (1.0 - cosine) * (ns + nt) / 2.0 + MERGE_COST * (ns + nt - 2)


def best_path(vs: np.ndarray, vt: np.ndarray) -> tuple[float, list[tuple[tuple[int, int], tuple[int, int]]]]:
    """The cheapest path by meaning over a run's units (rows of ``vs`` and ``vt``), as position ranges."""
    n, m = len(vs), len(vt)
    src, tgt = _Sides(vs), _Sides(vt)
    cost = np.full((n + 1, m + 1), np.inf)
    back = np.zeros((n + 1, m + 1, 2), dtype=np.int64)
    cost[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i, j]
            if not np.isfinite(here):
                continue
            for di, dj in KINDS:
                if i + di > n or j + dj > m:
                    continue
                c = here + bead_cost(src, tgt, (i, i + di), (j, j + dj))
                if c < cost[i + di, j + dj]:
                    cost[i + di, j + dj] = c
                    back[i + di, j + dj] = (di, dj)
    path = []
    i, j = n, m
    while i or j:
        di, dj = (int(x) for x in back[i, j])
        path.append(((i - di, i), (j - dj, j)))
        i, j = i - di, j - dj
    path.reverse()
    return float(cost[n, m]), path


def _realigned(beads: Sequence[Bead], run: _Run, vs: np.ndarray, vt: np.ndarray) -> list[Bead] | None:
    """The run's beads aligned again by meaning, or None when the words' path is as good."""
    src, tgt = _units(beads, run)
    sides_s, sides_t = _Sides(vs), _Sides(vt)
    at_s = {u: k for k, u in enumerate(src)}
    at_t = {u: k for k, u in enumerate(tgt)}
    old = 0.0
    for b in beads[run.start:run.stop]:
        s = (at_s[b.src[0]], at_s[b.src[-1]] + 1) if b.src else (0, 0)
        t = (at_t[b.tgt[0]], at_t[b.tgt[-1]] + 1) if b.tgt else (0, 0)
        old += bead_cost(sides_s, sides_t, s, t)
    new, path = best_path(vs, vt)
    if new >= old - MARGIN:
        return None
    kept = {b.key(): b for b in beads[run.start:run.stop]}
    out = []
    for (s0, s1), (t0, t1) in path:
        key = (tuple(src[s0:s1]), tuple(tgt[t0:t1]))
        if key in kept:
            out.append(kept[key])
            continue
        score = float(sides_s.unit(s0, s1) @ sides_t.unit(t0, t1)) if s1 > s0 and t1 > t0 else 0.0
        out.append(Bead(src=key[0], tgt=key[1], score=score, confidence=0.0, doubt=REASON))  # judged below
    return out


def realign_doubtful(beads: Sequence[Bead], src_units: Sequence[str], tgt_units: Sequence[str], embedder: Embedder,
                     *, budget: int = look.BUDGET, progress: Progress | None = None,
                     cancel: CancelToken | None = None) -> list[Bead]:
    """``beads`` with each doubtful run aligned again by meaning where that is clearly better.

    Reads at most ``budget`` sentences the embedder does not know already
    (most doubtful runs first); ``cancel`` is honoured between runs.
    """
    progress = progress or NullProgress()
    runs = [r for r in doubtful_runs(beads)
            if 0 < len(_units(beads, r)[0]) <= MAX_SIDE and 0 < len(_units(beads, r)[1]) <= MAX_SIDE]
    knows_s, knows_t = look.knows_of(embedder, src_units), look.knows_of(embedder, tgt_units)
    chosen: list[_Run] = []
    cost = 0
    seen_s: set[int] = set()
    seen_t: set[int] = set()
    for run in sorted(runs, key=lambda r: (r.doubt, r.start)):
        s, t = _units(beads, run)
        extra = sum(1 for i in s if i not in seen_s and not knows_s(i)) + sum(1 for j in t if j not in seen_t
                                                                              and not knows_t(j))
        if cost + extra > budget:
            continue
        chosen.append(run)
        seen_s.update(s)
        seen_t.update(t)
        cost += extra
    replaced: dict[int, tuple[int, list[Bead]]] = {}
    for done, run in enumerate(sorted(chosen, key=lambda r: r.start)):
        if cancel is not None:
            cancel.raise_if_cancelled()
        s, t = _units(beads, run)
        vs = _vectors(embedder, [src_units[i] for i in s])
        vt = _vectors(embedder, [tgt_units[j] for j in t])
        new = _realigned(beads, run, vs, vt)
        if new is not None:
            replaced[run.start] = (run.stop, new)
        progress.update(done + 1, len(chosen), "Reading the sentences' meaning")
    if not replaced:
        return list(beads)
    out: list[Bead] = []
    k = 0
    while k < len(beads):
        if k in replaced:
            stop, new = replaced[k]
            out += new
            k = stop
        else:
            out.append(beads[k])
            k += 1
    return _judged(out, src_units, tgt_units, embedder)


def _judged(beads: list[Bead], src_units: Sequence[str], tgt_units: Sequence[str], embedder: Embedder) -> list[Bead]:
    """The new beads' confidence from the second look's model, their first confidence standing at
    ``NEW_BEAD_FIRST`` (the words never weighed them); unsure ones say why (``REASON``)."""
    new = [k for k, b in enumerate(beads) if b.doubt == REASON and not b.evidence and not b.fixed]
    places = look.bead_places(beads, len(src_units), len(tgt_units))
    need_s: set[int] = set()
    need_t: set[int] = set()
    for k in new:
        s, t = look.units_needed(places[k], beads)
        need_s |= s
        need_t |= t
    order_s, order_t = sorted(need_s), sorted(need_t)
    vs = dict(zip(order_s, _vectors(embedder, [src_units[i] for i in order_s]))) if order_s else {}
    vt = dict(zip(order_t, _vectors(embedder, [tgt_units[j] for j in order_t]))) if order_t else {}
    out = list(beads)
    for k in new:
        row = look.meaning_row(beads, k, places[k], vs, vt, first=NEW_BEAD_FIRST)
        p = float(look.probabilities(row[None])[0])
        out[k] = replace(beads[k], confidence=p, doubt=None if conf.is_sure(p) else REASON)
    return out


def remembering(embedder: Embedder) -> Embedder:
    """The embedder keeping every vector it computes, so that the second look reads nothing twice."""
    return embedder if isinstance(embedder, look.KnownVectors) else look.KnownVectors(embedder, {})


def look_again(beads: Sequence[Bead], src_units: Sequence[str], tgt_units: Sequence[str], embedder: Embedder, *,
               progress: Progress | None = None, cancel: CancelToken | None = None) -> list[Bead]:
    """The whole look by meaning after the words' DP: doubtful runs aligned again, then the second look
    at the doubtful beads' confidence (``meaning.second_look``)."""
    embedder = remembering(embedder)
    beads = realign_doubtful(beads, src_units, tgt_units, embedder, cancel=cancel,
                             progress=ProgressShare(progress, 0.0, 0.5) if progress is not None else None)
    return look.second_look(beads, src_units, tgt_units, embedder, cancel=cancel,
                            progress=ProgressShare(progress, 0.5, 1.0) if progress is not None else None)


def _vectors(embedder: Embedder, texts: list[str]) -> np.ndarray:
    # Rounded as the library stores vectors (float16), as the second look does: one decision from both.
    rows = [embedder.embed(texts[k:k + BATCH]) for k in range(0, len(texts), BATCH)]
    return np.vstack(rows).astype(np.float16).astype(np.float64)
