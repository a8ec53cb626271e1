"""Strict and lax precision, recall and F1 of an alignment against a gold one.

Definitions follow Vecalign's and Bertalign's scorers (Sennrich & Volk 2011):
precision is over predicted beads scored against the whole gold alignment,
recall over gold beads with insertions and deletions removed from both sides;
a lax match shares at least one source and one target unit with a gold bead.
Counts are pooled over all the pairs given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from alignment.aligner.beads import Bead

BeadKey = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Counts:
    tp_strict: int = 0
    fp_strict: int = 0
    tp_lax: int = 0
    fp_lax: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.tp_strict + other.tp_strict,
            self.fp_strict + other.fp_strict,
            self.tp_lax + other.tp_lax,
            self.fp_lax + other.fp_lax,
        )


@dataclass(frozen=True, slots=True)
class Scores:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def _keys(beads: Iterable[Bead | BeadKey]) -> list[BeadKey]:
    keys = []
    for bead in beads:
        src, tgt = (bead.src, bead.tgt) if isinstance(bead, Bead) else bead
        keys.append((tuple(src), tuple(tgt)))
    return keys


def _precision_counts(gold: Sequence[BeadKey], test: Sequence[BeadKey]) -> Counts:
    gold_set = {g for g in gold if g[0] or g[1]}
    target_of_source: dict[int, set[int]] = {}
    for src, tgt in gold_set:
        for i in src:
            target_of_source.setdefault(i, set()).update(tgt)
    tp_s = fp_s = tp_l = fp_l = 0
    for bead in {t for t in test if t[0] or t[1]}:
        if bead in gold_set:
            tp_s += 1
            tp_l += 1
            continue
        fp_s += 1
        linked: set[int] = set()
        for i in bead[0]:
            linked |= target_of_source.get(i, set())
        if linked.intersection(bead[1]):
            tp_l += 1
        else:
            fp_l += 1
    return Counts(tp_s, fp_s, tp_l, fp_l)


def count_pair(gold: Iterable[Bead | BeadKey], test: Iterable[Bead | BeadKey]) -> tuple[Counts, Counts]:
    """Precision counts and recall counts for one aligned pair of texts."""
    gold_keys, test_keys = _keys(gold), _keys(test)
    precision = _precision_counts(gold_keys, test_keys)
    gold_no_del = [b for b in gold_keys if b[0] and b[1]]
    test_no_del = [b for b in test_keys if b[0] and b[1]]
    recall = _precision_counts(test_no_del, gold_no_del)
    return precision, recall


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores_from_counts(precision: Counts, recall: Counts) -> Scores:
    ps = _ratio(precision.tp_strict, precision.tp_strict + precision.fp_strict)
    rs = _ratio(recall.tp_strict, recall.tp_strict + recall.fp_strict)
    pl = _ratio(precision.tp_lax, precision.tp_lax + precision.fp_lax)
    rl = _ratio(recall.tp_lax, recall.tp_lax + recall.fp_lax)
    return Scores(ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl))


def score_alignments(
    golds: Sequence[Iterable[Bead | BeadKey]], tests: Sequence[Iterable[Bead | BeadKey]]
) -> Scores:
    """Pooled strict and lax scores over several (gold, test) pairs."""
    if len(golds) != len(tests):
        raise ValueError(f"got {len(golds)} gold alignments but {len(tests)} test alignments; give one test per gold.")
    p_total, r_total = Counts(), Counts()
    for gold, test in zip(golds, tests):
        p, r = count_pair(gold, test)
        p_total += p
        r_total += r
    return scores_from_counts(p_total, r_total)


def format_scores(scores: Scores) -> str:
    return (
        f"strict  P={scores.precision_strict:.4f} R={scores.recall_strict:.4f} F1={scores.f1_strict:.4f}\n"
        f"lax     P={scores.precision_lax:.4f} R={scores.recall_lax:.4f} F1={scores.f1_lax:.4f}"
    )
