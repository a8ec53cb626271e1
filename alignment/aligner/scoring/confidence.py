"""Confidence of each bead: the probability that it is exactly right, and why not.

A small logistic model over the bead's evidence (``scoring.evidence.FEATURES``:
kind, length agreement against the texts' own ratio, shared names, numbers and
terms, the margin over the best alignment without the bead, the neighbours).
It was fitted, with its threshold, by ``tests/bench/bench_unsure.py --fit`` on
the fitting half of the development documents only (split by document); the
other half, the bundled historical pairs and perturbed copies of both were
kept out of the fit to measure it.  The threshold flags 4 % of the right
fitting beads (94 of 2,355) and catches 60 % of the wrong ones (151 of 253);
on the held-out data it flags 1.9 % of the right beads (67 of 3,494; 1 of the
418 beads of the bundled 1931 pair) and 60 % of the wrong ones (172 of 286).
The old model (Platt scaling of cost and kind, threshold 0.97) flagged 25 %
of the right held-out beads and 91 % of the wrong ones.  Where the meaning
model is installed, the beads this model doubts get a second look
(``scoring.meaning``): 1.8 % of right and 84 % of wrong held-out beads flagged.

A bead is *unsure* when the aligner made it (not fixed by the user) and its
confidence is below ``SURE_THRESHOLD``: this is the one definition the
reader, review mode, the command line and the JSON output all use
(``is_unsure``; the library's SQL mirror is ``db.services.unsure``), after the
second look where there was one.  An unsure bead gets a reason code
(``REASONS``): the group of evidence that pulls its confidence down the most.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from alignment.aligner.scoring.evidence import FEATURES, INDEX

# Why a bead is unsure: code -> what it means (English; the app shows its own translations).
REASONS: dict[str, str] = {
    "en_much_shorter": "the English is much shorter than usual",
    "en_much_longer": "the English is much longer than usual",
    "no_shared_anchors": "no shared names, numbers or terms",
    "close_alternative": "another pairing of these sentences is almost as likely",
    "omission": "a sentence with no counterpart",
    "merge": "several sentences paired as one",
    "unsure_neighbours": "the beads around it are uncertain",
    "weak_match": "the two sides match poorly",
    # Given by the second look at doubtful beads, by meaning (scoring.meaning):
    "meaning_differs": "the two sides differ in meaning",
    "belongs_elsewhere": "a sentence reads like the translation of a neighbouring one",
    "extra_sentence": "a sentence of the bead has no counterpart in meaning",
    # Given to the beads a doubtful run was aligned into again by meaning (aligner.meaning_path):
    "aligned_by_meaning": "aligned by meaning where the words pointed elsewhere",
}

# Which features speak for which reason.
_GROUPS: dict[str, tuple[str, ...]] = {
    "length": ("length_z", "length_z_abs", "short"),
    "no_shared_anchors": ("lexical", "anchors", "unmatched", "learned", "learned_anchors"),
    "close_alternative": ("margin",),
    "kind": ("one_to_one", "omission", "merge", "big_merge"),
    "unsure_neighbours": ("neighbour_margin", "neighbour_irregular"),
    "weak_match": ("cost",),
}

# --- the fitted model (tests/bench/bench_unsure.py --fit prints this block) -----------------------
SURE_THRESHOLD = 0.6241
_BIAS = 0.7367
_WEIGHTS: dict[str, float] = {
    "one_to_one": 1.3222,
    "omission": -0.6218,
    "merge": -0.9333,
    "big_merge": -2.2410,
    "length_z": 0.2361,
    "length_z_abs": -1.5060,
    "short": -0.1127,
    "lexical": 5.1970,
    "anchors": -0.2553,
    "unmatched": -0.4767,
    "learned": 1.6614,
    "learned_anchors": 0.0503,
    "margin": 0.4846,
    "neighbour_margin": 0.3170,
    "neighbour_irregular": -0.8933,
    "cost": 0.3022,
}
# Typical values on right beads: a feature's pull is measured from here.
_REFERENCE: dict[str, float] = {
    "one_to_one": 1.0000,
    "omission": 0.0000,
    "merge": 0.0000,
    "big_merge": 0.0000,
    "length_z": 0.0120,
    "length_z_abs": 0.3373,
    "short": 4.6052,
    "lexical": 0.5922,
    "anchors": 2.9289,
    "unmatched": 1.2966,
    "learned": 0.5279,
    "learned_anchors": 2.7465,
    "margin": 3.2398,
    "neighbour_margin": 2.5535,
    "neighbour_irregular": 0.0000,
    "cost": -1.7274,
}
# ---------------------------------------------------------------------------------------------------

_W = np.array([_WEIGHTS.get(name, 0.0) for name in FEATURES])
_REF = np.array([_REFERENCE.get(name, 0.0) for name in FEATURES])
_GROUP_MATRIX = np.array([[name in members for name in FEATURES] for members in _GROUPS.values()], dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Verdict:
    confidence: float
    doubt: str | None  # a code of REASONS when unsure


def is_sure(confidence: float) -> bool:
    return confidence >= SURE_THRESHOLD


def is_unsure(confidence: float, *, fixed: bool = False) -> bool:
    """The one definition of an unsure bead: made by the aligner, confidence below the threshold."""
    return not fixed and not is_sure(confidence)


def probabilities(rows: np.ndarray, weights: np.ndarray = _W, bias: float = _BIAS) -> np.ndarray:
    """P(bead exactly right) for each row of evidence."""
    logit = bias + rows @ weights
    return 1.0 / (1.0 + np.exp(-np.clip(logit, -50.0, 50.0)))


def _reason(group: str, row: np.ndarray) -> str | None:
    """The reason code a group of evidence gives for ``row``, or None when the row does not bear it out."""
    if group == "length":
        z = row[INDEX["length_z"]]
        return None if abs(z) < 1.0 else "en_much_shorter" if z < 0 else "en_much_longer"
    if group == "kind":
        return "omission" if row[INDEX["omission"]] else None if row[INDEX["one_to_one"]] else "merge"
    if group == "no_shared_anchors":
        return group if row[INDEX["lexical"]] < 0.3 and not row[INDEX["omission"]] else None
    if group == "close_alternative":
        return group if row[INDEX["margin"]] < 2.0 else None
    if group == "unsure_neighbours":
        return group if row[INDEX["neighbour_margin"]] < 2.0 or row[INDEX["neighbour_irregular"]] else None
    return group


def reasons(rows: np.ndarray, weights: np.ndarray = _W, reference: np.ndarray = _REF) -> list[str]:
    """For each row, the reason code of the evidence group that lowers its confidence the most
    (among those the row bears out: "the English is much shorter" only when it is)."""
    pulls = ((rows - reference) * weights) @ _GROUP_MATRIX.T
    names = list(_GROUPS)
    out = []
    for row, pull in zip(rows, pulls):
        code = next((c for g in np.argsort(pull, kind="stable") if (c := _reason(names[int(g)], row))), None)
        out.append(code or "weak_match")
    return out


def assess(rows: np.ndarray) -> list[Verdict]:
    """Confidence and, for unsure beads, the reason, for each row of ``scoring.evidence.bead_evidence``."""
    if rows.shape[0] == 0:
        return []
    confidence = probabilities(rows)
    why = reasons(rows)
    return [Verdict(float(p), None if is_sure(float(p)) else code) for p, code in zip(confidence, why)]
