"""Strict and lax scores with Vecalign's definitions."""

import pytest

from alignment.aligner.evaluate import score_alignments

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2,))]


def test_perfect_alignment_scores_one() -> None:
    s = score_alignments([GOLD], [GOLD])
    assert s.f1_strict == s.f1_lax == 1.0


def test_split_bead_is_wrong_strictly_but_right_laxly() -> None:
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((4,), (2,))]
    s = score_alignments([GOLD], [test])
    # precision: 3 of 5 strict ([0]:[0], [3]:[], [4]:[2]); recall: 2 of 3 gold non-deletions.
    assert s.precision_strict == pytest.approx(3 / 5)
    assert s.recall_strict == pytest.approx(2 / 3)
    # lax: [1]:[1] overlaps gold; the exact deletion [3]:[] counts, the wrong one [2]:[] does not.
    assert s.precision_lax == pytest.approx(4 / 5)
    assert s.recall_lax == pytest.approx(1.0)


def test_counts_are_pooled_over_pairs() -> None:
    s = score_alignments([GOLD, [((0,), (0,))]], [GOLD, [((0,), ()), ((), (0,))]])
    assert s.recall_strict == pytest.approx(3 / 4)


def test_unequal_numbers_of_alignments_are_refused() -> None:
    with pytest.raises(ValueError, match="one test per gold"):
        score_alignments([GOLD], [])
