"""Sentence alignment of a Russian text with its English translation.

``align()`` runs the passes: features of both texts, a coarse alignment of
blocks of units when the texts are long (coarse to fine, so the work grows
linearly), a banded DP at full resolution, then a second pass with word pairs
learned from the first one (hunalign's realign idea), and finally a
confidence for every bead.  Fixed beads (anchors) split the texts into
stretches that are aligned independently.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from alignment.aligner.beads import Bead
from alignment.aligner.dp import KINDS, Band, BandError, fill, fill_backward, traceback
from alignment.aligner.lexicon import Lexicon, load_lexicon
from alignment.progress import CancelToken, Progress, ProgressShare
from alignment.aligner.scoring import confidence as conf
from alignment.aligner.scoring.features import (
    KIND_LEARNED,
    KeyVocabulary,
    SideFeatures,
    band_pair_matches,
    extract_features,
    key_weights,
    length_cost,
    unit_mass,
)
from alignment.aligner.scoring.evidence import PathTables, bead_evidence
from alignment.aligner.scoring.learned import learn_word_pairs
from alignment.aligner.meaning_path import look_again, realign_doubtful, remembering
from alignment.aligner.scoring.meaning import second_look
from alignment.quotes.semantic import Embedder, embed_units

log = logging.getLogger(__name__)


class AnchorError(ValueError):
    """Fixed beads overlap, are out of order, or name units that do not exist."""

    def __init__(self, anchor: Bead, reason: str) -> None:
        self.anchor = anchor
        super().__init__(f"fixed bead {list(anchor.src)}:{list(anchor.tgt)} cannot be used: {reason}; "
                         "remove it or fix the unit numbers.")


@dataclass(frozen=True, slots=True)
class AlignParams:
    """Tuning of the aligner; the defaults were chosen by measurement on the dev set."""

    # -log prior of each bead kind, in the order of dp.KINDS.  An omission or addition (1-0,
    # 0-1) costs 3.0, not 4.0: at 4.0 a deleted sentence was usually folded into its
    # neighbour as a 2-1 bead, hiding it from the translation report.  Chosen on the fitting
    # split of tests/bench/bench_report.py --omission-costs (planted omissions listed
    # 0.18 -> 0.40, false listings 1.29 -> 1.58 per 100 beads; 2.5 gains a little more and
    # flags more good beads unsure); long dev strict F1 0.971 -> 0.976.
    kind_costs: tuple[float, ...] = (0.0, 3.0, 3.0, 2.5, 2.5, 5.0, 5.0, 5.0)
    length_variance: float = 6.8
    ratio_prior: float = 1.02  # English/Russian characters over the whole dev set
    ratio_prior_chars: float = 1000.0
    # Weight of shared keys by kind: number, name, term, punct, learned.
    kind_weights: tuple[float, ...] = (1.0, 1.0, 1.0, 0.3, 1.0)
    lexical_weight: float = 4.0
    lexical_smoothing: float = 6.0
    max_key_df: float = 0.2
    paragraph_mismatch: float = 2.0
    paragraph_crossing: float = 4.0
    realign: bool = False  # learned word pairs: no gain measured on dev or the 10k case, +1 s
    learn_min_count: int = 2
    learn_min_dice: float = 0.4
    full_dp_cells: int = 250_000
    coarse_units: int = 600
    # Optional meaning similarity (align(..., embedder=...), off by default: see align()):
    # e5 cosines rise above semantic_floor for translations; weighed like the lexical term.
    semantic_weight: float = 2.0
    semantic_floor: float = 0.7


def _gather(values: np.ndarray, band: Band, dx: int, dy: int, fill_value: float) -> np.ndarray:
    """values at cell (i-dx, j-dy) for every cell (i, j) of the band."""
    rows_n, width = values.shape
    rows = np.arange(rows_n) - dx
    ok_rows = rows >= 0
    rows_c = np.clip(rows, 0, None)
    cols = band.lo[:, None] + np.arange(width)[None, :] - dy - band.lo[rows_c][:, None]
    ok = ok_rows[:, None] & (cols >= 0) & (cols < width)
    out = np.take_along_axis(values[rows_c], np.clip(cols, 0, width - 1), axis=1)
    return np.where(ok, out, fill_value)


def _breaks(paragraphs: Sequence[int] | None, size: int) -> np.ndarray | None:
    """1 at cell boundary k when unit k starts a new paragraph (0 and size count as breaks)."""
    if paragraphs is None:
        return None
    if len(paragraphs) != size:
        raise ValueError(f"got {len(paragraphs)} paragraph ids for {size} units; give one id per unit.")
    ids = np.asarray(paragraphs)
    out = np.ones(size + 1, dtype=np.float64)
    if size > 1:
        out[1:size] = (ids[1:] != ids[:-1]).astype(np.float64)
    return out


@dataclass(frozen=True, slots=True)
class _Problem:
    src: SideFeatures
    tgt: SideFeatures
    weights: np.ndarray
    ratio: float
    src_breaks: np.ndarray | None = None
    tgt_breaks: np.ndarray | None = None
    src_vectors: np.ndarray | None = None  # meaning vectors, one row per unit (optional)
    tgt_vectors: np.ndarray | None = None


def _band_dots(src_vectors: np.ndarray, tgt_vectors: np.ndarray, band: Band) -> np.ndarray:
    """Dot product of source unit i-1 with target unit j-1 at every band cell (i, j); 0 on the edges."""
    n, m = len(src_vectors), len(tgt_vectors)
    cols = band.columns()
    out = np.zeros(cols.shape)
    padded = np.vstack([np.zeros((1, tgt_vectors.shape[1])), tgt_vectors]).astype(np.float32)
    chunk = max(1, 2_000_000 // max(1, band.width * tgt_vectors.shape[1]))
    for start in range(1, n + 1, chunk):
        stop = min(n + 1, start + chunk)
        c = cols[start:stop]
        t = padded[np.clip(c, 0, m)]  # (rows, width, dim)
        dots = np.einsum("rd,rwd->rw", src_vectors[start - 1:stop - 1].astype(np.float32), t)
        out[start:stop] = np.where((c >= 1) & (c <= m), dots, 0.0)
    return out


def _semantic_evidence(problem: _Problem, band: Band, params: AlignParams) -> dict[tuple[int, int], np.ndarray]:
    """Meaning similarity, 0..1, of every two-sided bead kind at every cell of the band."""
    assert problem.src_vectors is not None and problem.tgt_vectors is not None
    n, m = len(problem.src_vectors), len(problem.tgt_vectors)
    dots = _band_dots(problem.src_vectors, problem.tgt_vectors, band)
    shifted = {(dx, dy): _gather(dots, band, dx, dy, 0.0) for dx in range(3) for dy in range(3)}
    cum_s = np.vstack([np.zeros((1, problem.src_vectors.shape[1])), np.cumsum(problem.src_vectors, axis=0)])
    cum_t = np.vstack([np.zeros((1, problem.tgt_vectors.shape[1])), np.cumsum(problem.tgt_vectors, axis=0)])
    rows = np.arange(n + 1)
    cols_c = np.minimum(band.columns(), m)
    out: dict[tuple[int, int], np.ndarray] = {}
    for a, b in KINDS:
        if not (a and b):
            continue
        norm_s = np.linalg.norm(cum_s[rows] - cum_s[np.clip(rows - a, 0, None)], axis=1)
        norm_t_all = np.linalg.norm(cum_t - cum_t[np.clip(np.arange(m + 1) - b, 0, None)], axis=1)
        dot = sum(shifted[(dx, dy)] for dx in range(a) for dy in range(b))
        cosine = dot / np.maximum(norm_s[:, None] * norm_t_all[cols_c], 1e-9)
        out[(a, b)] = np.clip((cosine - params.semantic_floor) / (1.0 - params.semantic_floor), 0.0, 1.0)
    return out


def bead_costs(problem: _Problem, band: Band, params: AlignParams,
               base: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Cost of every bead kind ending at every cell of the band, and its lexicon-free part.

    ``base`` (the second value of an earlier call on the same band) saves
    recomputing the length, prior and paragraph terms.
    """
    src, tgt = problem.src, problem.tgt
    n, m = src.size, tgt.size
    cols_c = np.minimum(band.columns(), m)
    rows = np.arange(n + 1)
    pairs = band_pair_matches(src, tgt, problem.weights, band.lo, band.width)
    fs = np.concatenate([[0.0], np.cumsum(unit_mass(src, problem.weights))])
    ft = np.concatenate([[0.0], np.cumsum(unit_mass(tgt, problem.weights))])
    shifted = {(dx, dy): _gather(pairs, band, dx, dy, 0.0) for dx in range(3) for dy in range(3)}
    costs = np.full((len(KINDS), n + 1, band.width), np.inf)
    if base is None:
        base = _base_costs(problem, band, params)
    semantic = (_semantic_evidence(problem, band, params)
                if problem.src_vectors is not None and problem.tgt_vectors is not None else {})
    for t, (a, b) in enumerate(KINDS):
        cost = base[t]
        # Lexical similarity of the bead's two sides, Dice-like, in 0..1; weighed by the
        # number of units so that merging beads neither gains nor loses by itself.
        mass_s = (fs[rows] - fs[np.clip(rows - a, 0, None)])[:, None]
        mass_t = ft[cols_c] - ft[np.clip(cols_c - b, 0, None)]
        shared = np.zeros_like(cost)
        for dx in range(a):
            for dy in range(b):
                shared = shared + shifted[(dx, dy)]
        shared = np.minimum(shared, np.minimum(mass_s, mass_t))
        similarity = 2.0 * shared / (mass_s + mass_t + params.lexical_smoothing)
        costs[t] = cost - params.lexical_weight * (a + b) / 2.0 * similarity
        if (a, b) in semantic:
            costs[t] = costs[t] - params.semantic_weight * (a + b) / 2.0 * semantic[(a, b)]
    return costs, base


def _base_costs(problem: _Problem, band: Band, params: AlignParams) -> np.ndarray:
    """Prior, length and paragraph cost of every bead kind at every cell (inf where impossible)."""
    n, m = problem.src.size, problem.tgt.size
    cs = np.concatenate([[0.0], np.cumsum(problem.src.lengths)])
    ct = np.concatenate([[0.0], np.cumsum(problem.tgt.lengths)])
    cols = band.columns()
    rows = np.arange(n + 1)
    in_range = cols <= m
    cols_c = np.minimum(cols, m)
    base = np.empty((len(KINDS), n + 1, band.width))
    for t, (a, b) in enumerate(KINDS):
        ok = in_range & (rows[:, None] >= a) & (cols >= b)
        if a and b:
            ls = (cs[rows] - cs[np.clip(rows - a, 0, None)])[:, None]
            lt = ct[cols_c] - ct[np.clip(cols_c - b, 0, None)]
            cost = params.kind_costs[t] + length_cost(ls, lt, problem.ratio, params.length_variance)
        else:
            # An omission costs its prior only: Gale-Church's length term would make
            # long omitted sentences nearly impossible, and they are the common ones.
            cost = np.full((n + 1, band.width), params.kind_costs[t])
        if problem.src_breaks is not None and problem.tgt_breaks is not None:
            sb, tb = problem.src_breaks, problem.tgt_breaks
            cost = cost + params.paragraph_mismatch * np.abs(sb[rows][:, None] - tb[cols_c])
            for d in range(1, a):
                cost = cost + params.paragraph_crossing * sb[np.clip(rows - d, 0, None)][:, None]
            for d in range(1, b):
                cost = cost + params.paragraph_crossing * tb[np.clip(cols_c - d, 0, None)]
        base[t] = np.where(ok, cost, np.inf)
    return base


def _coarsen(side: SideFeatures, factor: int) -> SideFeatures:
    size = side.size
    starts = np.arange(0, size, factor)
    lengths = np.add.reduceat(side.lengths, starts) if size else side.lengths
    unit = side.key_unit // factor
    stride = int(side.key_id.max()) + 1 if side.key_id.size else 1
    codes, inverse = np.unique(unit * stride + side.key_id, return_inverse=True)
    counts = np.bincount(inverse, weights=side.key_count)
    empty = np.zeros(0, dtype=np.int64)
    return SideFeatures(lengths, codes // stride, codes % stride, counts, empty, empty, ())


def _project(coarse: list[tuple[range, range]], factor: int, n: int, m: int, margin: int) -> Band:
    centre_lo = np.full(n + 1, m, dtype=np.int64)
    centre_hi = np.zeros(n + 1, dtype=np.int64)
    for src, tgt in coarse:
        i0, i1 = min(src.start * factor, n), min(src.stop * factor, n)
        j0, j1 = min(tgt.start * factor, m), min(tgt.stop * factor, m)
        if i1 == i0:
            centre_lo[i0] = min(centre_lo[i0], j0)
            centre_hi[i0] = max(centre_hi[i0], j1)
            continue
        rows = np.arange(i0, i1 + 1)
        centre = j0 + (rows - i0) * (j1 - j0) / (i1 - i0)
        centre_lo[rows] = np.minimum(centre_lo[rows], np.floor(centre).astype(np.int64))
        centre_hi[rows] = np.maximum(centre_hi[rows], np.ceil(centre).astype(np.int64))
    return Band.around(centre_lo, centre_hi, margin, m)


@dataclass(frozen=True, slots=True)
class _Solution:
    path: list[tuple[range, range]]
    band: Band
    costs: np.ndarray  # bead costs over the band
    forward: np.ndarray  # best cost to each cell of the band
    base: np.ndarray  # the lexicon-free part of ``costs`` (reused by a second pass)

    @property
    def bead_cost(self) -> np.ndarray:
        return np.array([self.costs[KINDS.index((len(s), len(t))), s.stop, t.stop - self.band.lo[s.stop]]
                         for s, t in self.path])


def _solve(problem: _Problem, params: AlignParams, band: Band | None, progress: Progress | None,
           cancel: CancelToken | None, base: np.ndarray | None = None) -> _Solution:
    n, m = problem.src.size, problem.tgt.size
    if band is None:
        if (n + 1) * (m + 1) <= params.full_dp_cells:
            band = Band.full(n, m)
        else:
            factor = max(2, math.ceil(max(n, m) / params.coarse_units))
            coarse = replace(problem, src=_coarsen(problem.src, factor), tgt=_coarsen(problem.tgt, factor),
                             src_breaks=None, tgt_breaks=None, src_vectors=None, tgt_vectors=None)
            coarse_beads = _solve(coarse, params, None, None, cancel).path
            band = _project(coarse_beads, factor, n, m, margin=factor + 8)
    costs, base = bead_costs(problem, band, params, base)
    result = fill(costs, band, n, m, progress=progress, cancel=cancel)
    try:
        path = traceback(result, band, n, m)
    except BandError:
        log.debug("band too narrow, retrying with the full width")
        band = Band.full(n, m)
        costs, base = bead_costs(problem, band, params)
        result = fill(costs, band, n, m, progress=progress, cancel=cancel)
        path = traceback(result, band, n, m)
    return _Solution(path, band, costs, result.total, base)


def _empty_side_beads(n: int, m: int) -> list[Bead]:
    """Every unit of the only side that has any is an omission (and flagged as such)."""
    if n:
        return [Bead((i,), (), 0.0, 0.0, doubt="omission") for i in range(n)]
    return [Bead((), (j,), 0.0, 0.0, doubt="omission") for j in range(m)]


@dataclass(frozen=True, slots=True)
class _Context:
    """What every stretch of one pair of texts shares: the features of the whole texts,
    the key weights (how rare each key is in the whole texts) and the length ratio.

    Aligning the stretches between fixed beads (anchors) with figures of their own
    made a short stretch judge its keys by a few dozen units: a name found in 5 of
    25 units counted as too common to weigh, and a chapter with a long omission
    skewed its own length ratio.
    """

    src: SideFeatures
    tgt: SideFeatures
    vocab: KeyVocabulary
    weights: np.ndarray
    ratio: float


def _unit_length(unit: str) -> int:
    return len(unit.strip())


def length_ratio(src_units: Sequence[str], tgt_units: Sequence[str], params: AlignParams | None = None) -> float:
    """Characters of English per character of Russian, from the texts themselves but
    pulled toward the usual figure when they are short (an omission in a ten-line
    text would otherwise skew it)."""
    params = params or AlignParams()
    src_chars = sum(_unit_length(u) for u in src_units)
    tgt_chars = sum(_unit_length(u) for u in tgt_units)
    return float((tgt_chars + params.ratio_prior * params.ratio_prior_chars) / (src_chars + params.ratio_prior_chars))


def _context(src_units: Sequence[str], tgt_units: Sequence[str], params: AlignParams, lexicon: Lexicon,
             ratio: float | None = None) -> _Context:
    vocab = KeyVocabulary()
    src = extract_features(src_units, "ru", vocab, lexicon)
    tgt = extract_features(tgt_units, "en", vocab, lexicon)
    if ratio is None:
        ratio = length_ratio(src_units, tgt_units, params)
    weights = key_weights(src, tgt, vocab.kind_array(), params.kind_weights, params.max_key_df)
    return _Context(src, tgt, vocab, weights, ratio)


def _align_stretch(src_units: Sequence[str], tgt_units: Sequence[str], src_par: Sequence[int] | None,
                   tgt_par: Sequence[int] | None, params: AlignParams, lexicon: Lexicon,
                   progress: Progress | None, cancel: CancelToken | None,
                   embedder: Embedder | None = None, context: _Context | None = None,
                   at: tuple[int, int] = (0, 0), ratio: float | None = None) -> list[Bead]:
    """Align one stretch; ``context`` (the whole texts', the stretch starting at unit ``at``) or its own."""
    n, m = len(src_units), len(tgt_units)
    if n == 0 or m == 0:
        return _empty_side_beads(n, m)
    started = time.perf_counter()
    if context is None:
        context = _context(src_units, tgt_units, params, lexicon, ratio)
        src, tgt = context.src, context.tgt
    else:
        src, tgt = context.src.slice(at[0], at[0] + n), context.tgt.slice(at[1], at[1] + m)
    vocab, weights = context.vocab, context.weights
    problem = _Problem(src, tgt, weights, context.ratio, _breaks(src_par, n), _breaks(tgt_par, m))
    if embedder is not None:
        problem = replace(problem, src_vectors=embed_units(embedder, src_units, cancel=cancel),
                          tgt_vectors=embed_units(embedder, tgt_units, cancel=cancel))
    t_features = time.perf_counter()
    solution = _solve(problem, params, None, progress, cancel)
    t_first = time.perf_counter()
    if params.realign:
        vocab = vocab.copy()  # learned keys belong to this stretch
        learned = learn_word_pairs(src, tgt, solution.path, vocab, min_count=params.learn_min_count,
                                   min_dice=params.learn_min_dice, max_df=params.max_key_df)
        if learned is not None:
            src2, tgt2 = learned
            weights = key_weights(src2, tgt2, vocab.kind_array(), params.kind_weights, params.max_key_df)
            problem = replace(problem, src=src2, tgt=tgt2, weights=weights)
            solution = _solve(problem, params, solution.band, progress, cancel, solution.base)
    t_second = time.perf_counter()
    beads = _assess(problem, solution, params, vocab)
    log.debug("aligned %d x %d: features %.2fs, pass 1 %.2fs, pass 2 %.2fs, confidence %.2fs", n, m,
              t_features - started, t_first - t_features, t_second - t_first, time.perf_counter() - t_second)
    return beads


def _assess(problem: _Problem, solution: _Solution, params: AlignParams, vocab: KeyVocabulary) -> list[Bead]:
    """The beads of the best path with their score, confidence and (when unsure) the reason."""
    path, band = solution.path, solution.band
    n, m = problem.src.size, problem.tgt.size
    tables = PathTables(solution.costs, solution.forward, fill_backward(solution.costs, band, n, m), band)
    # Word pairs learned from this alignment: evidence of its beads only (the path stays as it is).
    own = vocab.copy()
    learned = learn_word_pairs(problem.src, problem.tgt, path, own, min_count=params.learn_min_count,
                               min_dice=params.learn_min_dice, max_df=params.max_key_df)
    learned_sides = None
    if learned is not None:
        only_learned = tuple(1.0 if k == KIND_LEARNED else 0.0 for k in range(len(params.kind_weights)))
        l_weights = key_weights(learned[0], learned[1], own.kind_array(), only_learned, params.max_key_df)
        learned_sides = (learned[0], learned[1], l_weights)
    rows = bead_evidence(path, tables, problem.src, problem.tgt, problem.weights, problem.ratio,
                         params.length_variance, params.lexical_smoothing, learned_sides)
    verdicts = conf.assess(rows)
    return [
        Bead(tuple(s), tuple(t), float(1.0 / (1.0 + math.exp(min(c, 50.0)))), v.confidence, doubt=v.doubt,
             evidence=tuple(float(x) for x in row))
        for (s, t), c, v, row in zip(path, solution.bead_cost, verdicts, rows)
    ]


def _shift(beads: list[Bead], ds: int, dt: int) -> list[Bead]:
    return [replace(b, src=tuple(i + ds for i in b.src), tgt=tuple(j + dt for j in b.tgt)) for b in beads]


def _check_anchors(anchors: Sequence[Bead], n: int, m: int) -> list[Bead]:
    """Validate fixed beads; returns them in text order.

    Each side's units may belong to one fixed bead at most, and two-sided fixed
    beads may not cross.  A one-sided fixed bead (a confirmed omission) only
    constrains its own side, so it is checked per side, not in one joint order
    (sorting it with a dummy position on the empty side wrongly flagged it).
    """
    for anchor in anchors:
        if not anchor.src and not anchor.tgt:
            raise AnchorError(anchor, "it is empty on both sides")
        for ids, size in ((anchor.src, n), (anchor.tgt, m)):
            if any(not 0 <= i < size for i in ids):
                raise AnchorError(anchor, f"a unit number is outside 0..{size - 1}")
            if ids and list(ids) != list(range(ids[0], ids[0] + len(ids))):
                raise AnchorError(anchor, "its units are not consecutive")
    for side in (0, 1):
        last = -1
        for anchor in sorted((a for a in anchors if (a.src, a.tgt)[side]), key=lambda a: (a.src, a.tgt)[side][0]):
            ids = (anchor.src, anchor.tgt)[side]
            if ids[0] <= last:
                raise AnchorError(anchor, "it overlaps another fixed bead")
            last = ids[-1]
    two_sided = sorted((a for a in anchors if a.src and a.tgt), key=lambda a: a.src[0])
    for before, after in zip(two_sided, two_sided[1:]):
        if after.tgt[0] <= before.tgt[-1]:
            raise AnchorError(after, "it crosses another fixed bead")
    one_sided = sorted((a for a in anchors if not (a.src and a.tgt)), key=lambda a: (a.src or a.tgt)[0])
    return two_sided + one_sided


def align(
    src_units: Sequence[str],
    tgt_units: Sequence[str],
    *,
    src_paragraphs: Sequence[int] | None = None,
    tgt_paragraphs: Sequence[int] | None = None,
    anchors: Sequence[Bead] = (),
    params: AlignParams | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    lexicon: Lexicon | None = None,
    embedder: Embedder | None = None,
    ratio: float | None = None,
    meaning: Embedder | None = None,
) -> list[Bead]:
    """Align Russian units with English units; beads cover every unit once, in order.

    Paragraph ids (one per unit), when given for both sides, make beads that
    respect paragraph boundaries cheaper without forbidding the others.
    ``anchors`` are beads the user confirmed: they are kept as they are
    (``fixed=True``) and the rest is aligned around them.  ``embedder``
    (optional, ``alignment.quotes.semantic``) adds meaning similarity to the score.
    Measured (``tests/bench/bench_align.py --semantic 2,4,8``, long dev cases)
    it finds the right neighbourhood more often (lax F1 0.996 at weight 2,
    1.000 at 8, against 0.993) but not the exact beads (strict F1 0.970 and
    0.953 against 0.971), and it embeds every unit, a few dozen a second; so
    Sverka does not use it by default.  ``ratio`` (English characters per
    Russian one) is taken from the texts themselves unless given: a book's
    front matter is aligned with the ratio of its chapters (``structure.py``).
    ``meaning`` (the same kind of model) aligns the runs of beads the
    confidence doubts again by meaning where that is clearly better
    (``meaning_path``), then takes a second look at the doubtful beads'
    confidence (``scoring.meaning``), a few hundred sentences at most each;
    progress then gives the DP the first share.
    """
    params = params or AlignParams()
    lexicon = lexicon if lexicon is not None else load_lexicon()
    outer = progress
    if meaning is not None and progress is not None:
        progress = ProgressShare(outer, 0.0, _DP_SHARE)
    n, m = len(src_units), len(tgt_units)
    if src_paragraphs is None or tgt_paragraphs is None:
        src_paragraphs = tgt_paragraphs = None
    else:
        _breaks(src_paragraphs, n), _breaks(tgt_paragraphs, m)  # validate lengths
    ordered = _check_anchors(anchors, n, m)
    one_sided = [a for a in ordered if not (a.src and a.tgt)]
    # Units of one-sided anchors (confirmed omissions) are taken out, the rest is
    # aligned, and the fixed omissions are put back in order.
    gone_src = {i for a in one_sided for i in a.src}
    gone_tgt = {j for a in one_sided for j in a.tgt}
    keep_src = [i for i in range(n) if i not in gone_src]
    keep_tgt = [j for j in range(m) if j not in gone_tgt]
    new_src = {old: new for new, old in enumerate(keep_src)}
    new_tgt = {old: new for new, old in enumerate(keep_tgt)}
    two_sided = [replace(a, src=tuple(new_src[i] for i in a.src), tgt=tuple(new_tgt[j] for j in a.tgt))
                 for a in ordered if a.src and a.tgt]
    reduced = _align_between_anchors(
        [src_units[i] for i in keep_src], [tgt_units[j] for j in keep_tgt],
        [src_paragraphs[i] for i in keep_src] if src_paragraphs is not None else None,
        [tgt_paragraphs[j] for j in keep_tgt] if tgt_paragraphs is not None else None,
        two_sided, params, lexicon, progress, cancel, embedder, ratio,
    )
    beads = [replace(b, src=tuple(keep_src[i] for i in b.src), tgt=tuple(keep_tgt[j] for j in b.tgt))
             for b in reduced]
    for anchor in one_sided:
        fixed = replace(anchor, fixed=True, confidence=1.0, score=max(anchor.score, 1.0), doubt=None)
        side, unit = (0, anchor.src[0]) if anchor.src else (1, anchor.tgt[0])
        at = next((k for k, b in enumerate(beads) if (b.src, b.tgt)[side] and (b.src, b.tgt)[side][0] > unit),
                  len(beads))
        beads.insert(at, fixed)
    if meaning is not None:
        beads = look_again(beads, src_units, tgt_units, meaning, cancel=cancel,
                           progress=ProgressShare(outer, _DP_SHARE, 1.0) if outer is not None else None)
    if outer is not None:
        outer.update(1, 1, "align")
    return beads


# Share of an alignment's progress bar given to the DP when meaning takes a second look (measured: the
# second look takes about as long as the DP on a few hundred beads, much less on a book).
_DP_SHARE = 0.5


def _with_gaps(stretches: Sequence[list[Bead]], bounds: Sequence[tuple[int, int, int, int]],
               n: int, m: int) -> tuple[list[Bead], list[int]]:
    """The stretches' beads in text order with a fixed bead over each gap between them (the fixed
    beads the stretches were cut by), and where each stretch starts in that list."""
    out: list[Bead] = []
    starts = []
    s_at = t_at = 0
    for beads, (s0, s1, t0, t1) in zip(stretches, bounds):
        if s0 > s_at or t0 > t_at:
            out.append(Bead(tuple(range(s_at, s0)), tuple(range(t_at, t0)), fixed=True, confidence=1.0))
        starts.append(len(out))
        out += beads
        s_at, t_at = max(s_at, s1), max(t_at, t1)
    if s_at < n or t_at < m:
        out.append(Bead(tuple(range(s_at, n)), tuple(range(t_at, m)), fixed=True, confidence=1.0))
    return out, starts


def _align_between_anchors(src_units: Sequence[str], tgt_units: Sequence[str], src_par: Sequence[int] | None,
                           tgt_par: Sequence[int] | None, anchors: Sequence[Bead], params: AlignParams,
                           lexicon: Lexicon, progress: Progress | None,
                           cancel: CancelToken | None, embedder: Embedder | None = None,
                           ratio: float | None = None) -> list[Bead]:
    """Align the stretches before, between and after two-sided fixed beads (judged by the whole texts)."""
    if not anchors:
        stretch = _align_stretch(src_units, tgt_units, src_par, tgt_par, params, lexicon, progress, cancel, embedder,
                                 ratio=ratio)
        return stretch
    bounds = []
    s0 = t0 = 0
    for anchor in anchors:
        bounds.append((s0, anchor.src[0], t0, anchor.tgt[0]))
        s0, t0 = anchor.src[-1] + 1, anchor.tgt[-1] + 1
    bounds.append((s0, len(src_units), t0, len(tgt_units)))
    stretches = align_stretches(src_units, tgt_units, bounds, src_paragraphs=src_par, tgt_paragraphs=tgt_par,
                                params=params, lexicon=lexicon, progress=progress, cancel=cancel, embedder=embedder,
                                ratio=ratio)
    beads: list[Bead] = []
    for stretch, anchor in zip(stretches, [*anchors, None]):
        beads += stretch
        if anchor is not None:
            beads.append(replace(anchor, fixed=True, confidence=1.0, score=max(anchor.score, 1.0), doubt=None))
    return beads


def align_stretches(
    src_units: Sequence[str],
    tgt_units: Sequence[str],
    stretches: Sequence[tuple[int, int, int, int]],
    *,
    src_paragraphs: Sequence[int] | None = None,
    tgt_paragraphs: Sequence[int] | None = None,
    params: AlignParams | None = None,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    embedder: Embedder | None = None,
    ratio: float | None = None,
    meaning: Embedder | None = None,
) -> list[list[Bead]]:
    """Align stretches ``(src_start, src_stop, tgt_start, tgt_stop)`` of the same two texts.

    Each stretch is aligned on its own (its beads never leave it), but judged by
    the figures of the whole texts: their length ratio and which keys are rare.
    Returns each stretch's beads, numbered as units of the whole texts.  The
    stretches between fixed beads (``align(..., anchors=)``) and the runs that
    "re-align the rest" aligns again (``realign.py``) go through here.
    ``meaning``: as in ``align``, over all the stretches at once (the units
    between them are their neighbours).
    """
    params = params or AlignParams()
    lexicon = lexicon if lexicon is not None else load_lexicon()
    outer = progress
    if meaning is not None and progress is not None:
        progress = ProgressShare(outer, 0.0, _DP_SHARE)
    context = _context(src_units, tgt_units, params, lexicon, ratio)
    sizes = [(s1 - s0) + (t1 - t0) for s0, s1, t0, t1 in stretches]
    total = max(1, sum(sizes))
    out = []
    done = 0
    for (s0, s1, t0, t1), size in zip(stretches, sizes):
        share = ProgressShare(progress, done / total, (done + size) / total) if progress is not None else None
        beads = _align_stretch(
            src_units[s0:s1], tgt_units[t0:t1],
            src_paragraphs[s0:s1] if src_paragraphs is not None else None,
            tgt_paragraphs[t0:t1] if tgt_paragraphs is not None else None,
            params, lexicon, share, cancel, embedder, context, (s0, t0),
        )
        out.append(_shift(beads, s0, t0))
        done += size
    if meaning is not None and out:
        # Doubtful runs aligned again by meaning within each stretch (their beads never leave it), then the
        # second look over all of them at once.
        meaning = remembering(meaning)
        share = (lambda lo, hi: ProgressShare(outer, lo, hi)) if outer is not None else (lambda lo, hi: None)
        mid = (_DP_SHARE + 1.0) / 2
        out = [realign_doubtful(beads, src_units, tgt_units, meaning, cancel=cancel,
                                progress=share(_DP_SHARE + (mid - _DP_SHARE) * k / len(out),
                                               _DP_SHARE + (mid - _DP_SHARE) * (k + 1) / len(out)))
               for k, beads in enumerate(out)]
        whole, starts = _with_gaps(out, stretches, len(src_units), len(tgt_units))
        whole = second_look(whole, src_units, tgt_units, meaning, cancel=cancel, progress=share(mid, 1.0))
        out = [whole[start:start + len(beads)] for start, beads in zip(starts, out)]
    return out
