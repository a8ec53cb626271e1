"""Bead data and Vecalign's text format."""

import pytest

from alignment.aligner.beads import Bead, BeadFormatError, read_vecalign, write_vecalign


def test_round_trip_keeps_ids_and_scores() -> None:
    beads = [Bead((0, 1), (0,), 0.5), Bead((2,), ()), Bead((), (1, 2), 0.25)]
    text = write_vecalign(beads)
    assert text.splitlines()[0] == "[0, 1]:[0]:0.500000"
    back = read_vecalign(text.splitlines())
    assert [(b.src, b.tgt, b.score) for b in back] == [(b.src, b.tgt, b.score) for b in beads]


def test_gold_lines_without_score_and_blank_lines_are_read() -> None:
    beads = read_vecalign(["[0]:[0]", "", "[1, 2]:[]"])
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1, 2), ())]


def test_bad_line_names_its_number() -> None:
    with pytest.raises(BeadFormatError, match="line 2"):
        read_vecalign(["[0]:[0]", "0 -> 1"])


def test_bead_is_frozen() -> None:
    bead = Bead((0,), (0,))
    with pytest.raises(AttributeError):
        bead.score = 1.0  # type: ignore[misc]
