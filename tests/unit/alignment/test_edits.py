"""Alignment edits: every edit keeps the beads consistent and its inverse restores them exactly.

The round-trip property is checked exhaustively: every consistent bead list of
small texts (up to 3 sentences a side), every edit kind with every argument.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from alignment.aligner.beads import Bead
from alignment.aligner.edit_errors import (
    CoverageError,
    EditError,
    EmptySideError,
    ExtentError,
    NoNeighbourError,
    NoSuchBeadError,
    NothingToChangeError,
    SplitPointError,
    StaleEditError,
)
from alignment.aligner.edits import (
    BeadSpan,
    Confirm,
    ConfirmRange,
    Detach,
    Edit,
    ExtendBead,
    MergeNext,
    MergePrevious,
    ReplaceBeads,
    ShiftSentence,
    SplitBead,
    Unconfirm,
    check_coverage,
)
from alignment.aligner.realign import diff_window, realign_unconfirmed, spans_from_beads

STATUSES = ("auto", "confirmed", "edited")


def alignments(n: int, m: int, ru: int = 0, en: int = 0) -> Iterator[list[BeadSpan]]:
    """Every consistent bead list covering RU [ru, n) and EN [en, m), sides of up to 2 sentences."""
    if ru == n and en == m:
        yield []
        return
    for a in range(min(2, n - ru) + 1):
        for b in range(min(2, m - en) + 1):
            if a == b == 0:
                continue
            for rest in alignments(n, m, ru + a, en + b):
                bead = BeadSpan(ru, ru + a, en, en + b, score=0.1 * (ru + en), confidence=0.5)
                yield [bead, *rest]


def with_statuses(beads: list[BeadSpan]) -> list[BeadSpan]:
    return [replace(b, status=STATUSES[(i + b.ru_start) % 3]) for i, b in enumerate(beads)]


def all_edits(count: int, n: int, m: int) -> Iterator[Edit]:
    for i in range(-1, count + 1):
        yield MergeNext(i)
        yield MergePrevious(i)
        yield Confirm(i)
        yield Unconfirm(i)
        for side in ("ru", "en"):
            for edge in ("first", "last"):
                yield ShiftSentence(i, side, edge)  # type: ignore[arg-type]
                yield Detach(i, side, edge)  # type: ignore[arg-type]
        for at_ru in range(n + 1):
            for at_en in range(m + 1):
                yield SplitBead(i, at_ru, at_en)
                yield ExtendBead(i, at_ru, at_en)
        for stop in range(i + 1, count + 1):
            yield ConfirmRange(i, stop)


CASES = [(n, m) for n in range(4) for m in range(4) if n + m > 0]


@pytest.mark.parametrize(("n", "m"), CASES)
def test_every_edit_keeps_coverage_and_its_inverse_restores_exactly(n: int, m: int) -> None:
    applied = 0
    for plain in alignments(n, m):
        for beads in (plain, with_statuses(plain)):
            check_coverage(beads, n, m)
            for edit in all_edits(len(beads), n, m):
                try:
                    exact = edit.resolve(beads)
                except EditError:
                    continue
                after = edit.apply(beads)
                assert after != beads, edit
                check_coverage(after, n, m)
                assert exact.inverse().apply(after) == beads, edit
                assert exact.inverse().inverse() == exact
                applied += 1
    assert applied > 0


def test_merge_next_joins_both_sides_and_marks_the_bead_edited() -> None:
    beads = [BeadSpan(0, 1, 0, 1, 0.9, 0.99), BeadSpan(1, 2, 1, 1, 0.2, 0.3), BeadSpan(2, 3, 1, 2)]
    after = MergeNext(0).apply(beads)
    assert [b.ranges() for b in after] == [(0, 2, 0, 1), (2, 3, 1, 2)]
    assert after[0].status == "edited" and after[1] == beads[2]


def test_merging_the_last_bead_or_before_the_first_is_refused() -> None:
    beads = [BeadSpan(0, 1, 0, 1), BeadSpan(1, 2, 1, 2)]
    with pytest.raises(NoNeighbourError) as info:
        MergeNext(1).apply(beads)
    assert info.value.index == 1 and "Bead 2" in str(info.value)
    with pytest.raises(NoNeighbourError):
        MergePrevious(0).apply(beads)
    with pytest.raises(NoSuchBeadError):
        MergeNext(5).apply(beads)


def test_split_takes_a_point_on_each_side_and_refuses_an_empty_part() -> None:
    bead = BeadSpan(3, 6, 2, 4)
    first, second = SplitBead(0, 5, 3).apply([bead])
    assert (first.ranges(), second.ranges()) == ((3, 5, 2, 3), (5, 6, 3, 4))
    # A part may keep one side only: the last RU sentence has no counterpart.
    assert [b.ranges() for b in SplitBead(0, 5, 4).apply([bead])] == [(3, 5, 2, 4), (5, 6, 4, 4)]
    for at_ru, at_en in ((3, 2), (6, 4), (7, 3)):
        with pytest.raises(SplitPointError):
            SplitBead(0, at_ru, at_en).apply([bead])


def test_extend_bead_absorbs_the_beads_it_covers_and_hands_the_rest_back_to_the_aligner() -> None:
    # EN 1 translates RU 1-2, but the aligner put RU 2 with EN 2 and left RU 3 alone.
    beads = [BeadSpan(0, 1, 0, 1, 0.9, 0.9, "confirmed"), BeadSpan(1, 2, 1, 2), BeadSpan(2, 3, 2, 3),
             BeadSpan(3, 4, 3, 3), BeadSpan(4, 5, 3, 4)]
    exact = ExtendBead(1, 3, 2).resolve(beads)
    after = exact.apply(beads)
    assert [b.ranges() for b in after] == [(0, 1, 0, 1), (1, 3, 1, 2), (3, 3, 2, 3), (3, 4, 3, 3), (4, 5, 3, 4)]
    assert after[1].status == "edited" and after[2].status == "auto"
    assert after[0] == beads[0] and after[3:] == beads[3:]
    assert (exact.start, len(exact.old), len(exact.new)) == (1, 2, 2)
    assert exact.inverse().apply(after) == beads
    # Reaching into the bead after: its sentences past the new ends stay together, as one bead.
    assert [b.ranges() for b in ExtendBead(1, 4, 2).apply(beads)] == [(0, 1, 0, 1), (1, 4, 1, 2), (4, 4, 2, 3),
                                                                     (4, 5, 3, 4)]


def test_extend_bead_can_shrink_a_bead_and_reach_the_end_of_the_texts() -> None:
    beads = [BeadSpan(0, 3, 0, 2), BeadSpan(3, 4, 2, 3)]
    assert [b.ranges() for b in ExtendBead(0, 1, 1).apply(beads)] == [(0, 1, 0, 1), (1, 3, 1, 2), (3, 4, 2, 3)]
    assert [b.ranges() for b in ExtendBead(0, 4, 3).apply(beads)] == [(0, 4, 0, 3)]
    with pytest.raises(NothingToChangeError):
        ExtendBead(0, 3, 2).apply(beads)
    for ru_end, en_end in ((0, 0), (5, 3), (2, 4)):
        with pytest.raises(ExtentError):
            ExtendBead(0, ru_end, en_end).apply(beads)


def test_shifting_the_last_sentence_moves_it_to_the_next_bead() -> None:
    beads = [BeadSpan(0, 2, 0, 1), BeadSpan(2, 3, 1, 2)]
    after = ShiftSentence(0, "ru", "last").apply(beads)
    assert [b.ranges() for b in after] == [(0, 1, 0, 1), (1, 3, 1, 2)]
    assert {b.status for b in after} == {"edited"}


def test_shifting_the_only_sentence_of_an_omission_removes_the_bead() -> None:
    beads = [BeadSpan(0, 1, 0, 1), BeadSpan(1, 1, 1, 2), BeadSpan(1, 2, 2, 3)]
    after = ShiftSentence(1, "en", "first").apply(beads)
    assert [b.ranges() for b in after] == [(0, 1, 0, 2), (1, 2, 2, 3)]
    with pytest.raises(EmptySideError):
        ShiftSentence(1, "ru", "first").apply(beads)


def test_detach_makes_a_sentence_without_counterpart() -> None:
    beads = [BeadSpan(0, 2, 0, 1)]
    assert [b.ranges() for b in Detach(0, "ru", "last").apply(beads)] == [(0, 1, 0, 1), (1, 2, 1, 1)]
    assert [b.ranges() for b in Detach(0, "ru", "first").apply(beads)] == [(0, 1, 0, 0), (1, 2, 0, 1)]
    assert [b.ranges() for b in Detach(0, "en", "first").apply(beads)] == [(0, 0, 0, 1), (0, 2, 1, 1)]
    with pytest.raises(NothingToChangeError):
        Detach(0, "ru", "first").apply([BeadSpan(0, 1, 0, 0)])


def test_confirm_unconfirm_and_confirm_range_keep_edited_beads() -> None:
    beads = [BeadSpan(0, 1, 0, 1), BeadSpan(1, 2, 1, 2, status="edited"), BeadSpan(2, 3, 2, 3)]
    assert [b.status for b in ConfirmRange(0, 3).apply(beads)] == ["confirmed", "edited", "confirmed"]
    confirmed = Confirm(0).apply(beads)
    assert confirmed[0].status == "confirmed"
    with pytest.raises(NothingToChangeError):
        Confirm(0).apply(confirmed)
    assert Unconfirm(0).apply(confirmed) == beads


def test_an_exact_edit_refuses_beads_that_changed_meanwhile() -> None:
    beads = [BeadSpan(0, 1, 0, 1), BeadSpan(1, 2, 1, 2)]
    merge = MergeNext(0).resolve(beads)
    with pytest.raises(StaleEditError):
        merge.apply(Confirm(1).apply(beads))


def test_a_replacement_that_would_lose_a_sentence_is_refused() -> None:
    beads = [BeadSpan(0, 1, 0, 1), BeadSpan(1, 2, 1, 2)]
    with pytest.raises(CoverageError):
        ReplaceBeads(0, (beads[0],), (BeadSpan(0, 1, 0, 0),)).apply(beads)


def test_diff_window_is_the_smallest_differing_stretch() -> None:
    old = [BeadSpan(i, i + 1, i, i + 1) for i in range(5)]
    new = [*old[:2], BeadSpan(2, 4, 2, 4), old[4]]
    window = diff_window(old, new)
    assert window is not None and (window.start, len(window.old), len(window.new)) == (2, 2, 1)
    assert window.apply(old) == new
    assert diff_window(old, list(old)) is None


def test_spans_from_beads_puts_an_empty_side_where_the_text_has_got_to() -> None:
    spans = spans_from_beads([Bead((0,), (0,)), Bead((), (1,)), Bead((1, 2), ())])
    assert [s.ranges() for s in spans] == [(0, 1, 0, 1), (1, 1, 1, 2), (1, 3, 2, 2)]


RU = ["Первое предложение о 1917 году.", "Второе о Ленине и партии.", "Третье: 25 человек пришли.",
      "Четвёртое, очень короткое.", "Пятое — о Сталине в 1924 году."]
EN = ["The first sentence about 1917.", "The second about Lenin and the party.", "Third: 25 people came.",
      "Fourth, very short.", "Fifth, about Stalin in 1924."]


def test_realign_keeps_anchors_exactly_and_repairs_the_rest() -> None:
    truth = [BeadSpan(i, i + 1, i, i + 1) for i in range(5)]
    # Broken: bead 1 holds two RU sentences and the rest is shifted by one.
    broken = [truth[0], BeadSpan(1, 3, 1, 2), BeadSpan(3, 4, 2, 3), BeadSpan(4, 5, 3, 5)]
    fixed = SplitBead(1, 2, 2).apply(broken)  # the user fixes bead 1; its remainder is edited too
    fixed = Unconfirm(2).apply(fixed)
    fixed = Confirm(1).apply(Unconfirm(1).apply(fixed))
    window = realign_unconfirmed(fixed, RU, EN)
    assert window is not None
    result = window.apply(fixed)
    assert [b.ranges() for b in result] == [b.ranges() for b in truth]
    assert result[1] == fixed[1]  # the confirmed bead came back as it was
    assert {b.status for i, b in enumerate(result) if i != 1} == {"auto"}
