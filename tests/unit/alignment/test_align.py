"""The aligner on small hand-made cases: every bead kind, paragraphs, anchors, bad input."""

from __future__ import annotations

import pytest
from test_align_data import EN, RU, keys

from alignment.aligner.align import AlignParams, AnchorError, align
from alignment.aligner.beads import Bead
from alignment.progress import CancelToken, Cancelled


def covers_once(beads: list[Bead], n: int, m: int) -> bool:
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    return src == list(range(n)) and tgt == list(range(m))


def test_one_to_one_translation_aligns_each_sentence_with_its_own() -> None:
    beads = align(RU, EN)
    assert keys(beads) == [([i], [i]) for i in range(len(RU))]
    assert all(0.0 <= b.confidence <= 1.0 and not b.fixed for b in beads)


def test_two_russian_sentences_translated_as_one_give_a_2_1_bead() -> None:
    en = EN[:2] + [EN[2] + " " + EN[3]] + EN[4:]
    beads = align(RU, en)
    assert ([2, 3], [2]) in keys(beads)
    assert covers_once(beads, len(RU), len(en))


def test_one_russian_sentence_split_in_two_gives_a_1_2_bead() -> None:
    ru = RU[:4] + [RU[4] + " " + RU[5]] + RU[6:]
    beads = align(ru, EN)
    assert ([4], [4, 5]) in keys(beads)


def test_three_to_one_and_one_to_three() -> None:
    en = EN[:1] + [" ".join(EN[1:4])] + EN[4:]
    assert ([1, 2, 3], [1]) in keys(align(RU, en))
    ru = RU[:5] + [" ".join(RU[5:8])] + RU[8:]
    assert ([5], [5, 6, 7]) in keys(align(ru, EN))


def test_two_to_two_bead() -> None:
    ru = RU[:3] + [RU[3] + " " + RU[4][:20], RU[4][20:]] + RU[5:]
    en = EN[:3] + [EN[3][:15], EN[3][15:] + " " + EN[4]] + EN[5:]
    beads = align(ru, en)
    assert ([3, 4], [3, 4]) in keys(beads)


def test_sentence_missing_from_the_translation_is_a_1_0_bead() -> None:
    en = EN[:5] + EN[6:]
    beads = align(RU, en)
    assert ([5], []) in keys(beads)
    assert ([6], [5]) in keys(beads)


def test_sentence_added_by_the_translator_is_a_0_1_bead() -> None:
    ru = RU[:2] + RU[3:]
    beads = align(ru, EN)
    assert ([], [2]) in keys(beads)


def test_numbers_decide_which_sentence_was_left_out() -> None:
    ru = [f"Это случилось в {year} году, и об этом долго писали газеты всего мира." for year in (1905, 1917, 1921)]
    en = [f"This happened in {year}, and newspapers all over the world wrote about it." for year in (1905, 1921)]
    # Lengths cannot tell which Russian sentence has no translation; the years can.
    assert keys(align(ru, en)) == [([0], [0]), ([1], []), ([2], [1])]


def test_paragraphs_keep_beads_inside_paragraph_boundaries() -> None:
    ru = ["Первое.", "Второе предложение здесь.", "Третье."]
    en = ["First one.", "Second sentence here.", "Third."]
    beads = align(ru, en, src_paragraphs=[0, 0, 1], tgt_paragraphs=[0, 0, 1])
    assert keys(beads) == [([0], [0]), ([1], [1]), ([2], [2])]


def test_mismatched_paragraphs_do_not_break_the_alignment() -> None:
    beads = align(RU, EN, src_paragraphs=[0] * 5 + [1] * 5, tgt_paragraphs=[0] * 3 + [1] * 7)
    assert keys(beads) == [([i], [i]) for i in range(len(RU))]


def test_paragraph_ids_must_match_the_units() -> None:
    with pytest.raises(ValueError, match="paragraph ids"):
        align(RU, EN, src_paragraphs=[0, 1], tgt_paragraphs=[0] * len(EN))


def test_fixed_beads_are_kept_and_the_rest_aligned_around_them() -> None:
    anchors = [Bead((3,), (4,)), Bead((6,), ())]
    beads = align(RU, EN, anchors=anchors)
    assert covers_once(beads, len(RU), len(EN))
    fixed = [b for b in beads if b.fixed]
    assert keys(fixed) == [([3], [4]), ([6], [])]
    assert all(b.confidence == 1.0 for b in fixed)
    assert ([0], [0]) in keys(beads) and ([9], [9]) in keys(beads)


def test_crossing_anchors_are_refused_with_a_clear_error() -> None:
    with pytest.raises(AnchorError, match="crosses"):
        align(RU, EN, anchors=[Bead((3,), (5,)), Bead((4,), (2,))])
    with pytest.raises(AnchorError, match="outside"):
        align(RU, EN, anchors=[Bead((30,), (5,))])


def test_empty_side_gives_omissions_only() -> None:
    assert keys(align(RU[:3], [])) == [([0], []), ([1], []), ([2], [])]
    assert keys(align([], EN[:2])) == [([], [0]), ([], [1])]
    assert align([], []) == []


def test_one_side_much_longer_still_covers_every_unit() -> None:
    en = EN * 20
    beads = align(RU[:3], en)
    assert covers_once(beads, 3, len(en))


def test_one_giant_line_against_many_sentences() -> None:
    beads = align([" ".join(RU * 30)], EN * 30)
    assert covers_once(beads, 1, len(EN) * 30)


def test_long_texts_take_the_coarse_to_fine_path_and_stay_correct() -> None:
    ru, en = RU * 12, EN * 12
    del en[37]
    params = AlignParams(full_dp_cells=400, coarse_units=12)
    beads = align(ru, en, params=params)
    assert covers_once(beads, len(ru), len(en))
    right = sum(1 for b in beads if len(b.src) == 1 and len(b.tgt) == 1 and ru.index(ru[b.src[0]]) % 10 == en.index(en[b.tgt[0]]) % 10)
    assert right >= len(ru) - 6


def test_english_on_both_sides_still_gives_a_sensible_alignment() -> None:
    beads = align(EN, EN)
    assert keys(beads) == [([i], [i]) for i in range(len(EN))]


def test_cancel_stops_the_work() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        align(RU, EN, cancel=token)


def test_progress_is_reported() -> None:
    seen: list[tuple[int, int]] = []

    class Recorder:
        def update(self, done: int, total: int, stage: str = "") -> None:
            seen.append((done, total))

    align(RU, EN, progress=Recorder())
    assert seen and seen[-1][0] == seen[-1][1]


def test_a_confirmed_omission_in_the_middle_is_a_valid_anchor() -> None:
    """A one-sided fixed bead after other text (not only at the start) is accepted and kept."""
    from alignment.aligner.align import align
    from alignment.aligner.beads import Bead

    src = ["Первое предложение о колхозах.", "Второе предложение 1929 года.", "Лишнее предложение без перевода.",
           "Четвертое предложение о Сталине."]
    tgt = ["The first sentence about kolkhozes.", "The second sentence of 1929.", "The fourth sentence about Stalin."]
    beads = align(src, tgt, anchors=[Bead(src=(2,), tgt=(), score=1.0, confidence=1.0, fixed=True)])
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]
