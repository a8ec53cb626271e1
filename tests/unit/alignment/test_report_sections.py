"""The translation report's pure part: the pair's length model, what is "far", chapters, listed beads."""

from __future__ import annotations

import math

import pytest

from alignment.progress import Cancelled, CancelToken
from alignment.report.length import FAR_Z, MIN_SCALE, fit_length_model
from alignment.report.sections import BeadFacts, HeadingFact, build_report_body, chapter_level


def _beads(spec: list[tuple[int, int, int, int]], *, unsure: set[int] = frozenset()) -> list[BeadFacts]:
    """Beads from (ru sentences, en sentences, ru chars, en chars), in order."""
    out, rs, es = [], 0, 0
    for k, (nr, ne, rc, ec) in enumerate(spec):
        out.append(BeadFacts(k, rs, rs + nr, es, es + ne, "р" * rc if nr else "", "e" * ec if ne else "",
                             unsure=k in unsure, doubt="weak_match" if k in unsure else None, confidence=0.4))
        rs, es = rs + nr, es + ne
    return out


def test_the_ratio_model_is_the_pairs_own_and_a_few_wild_beads_do_not_move_it() -> None:
    regular = [(100 + 7 * k, round((100 + 7 * k) * 1.3 * (1 + 0.05 * math.sin(k)))) for k in range(40)]
    wild = [(100, 400), (300, 20), (200, 700)]
    model = fit_length_model(regular + wild)
    assert model.ratio == pytest.approx(1.3, rel=0.05)
    assert fit_length_model(regular).ratio == pytest.approx(model.ratio, rel=0.02)
    # a regular pair: the spread is the floor, so "far" is never under exp(3.5 × 0.18) ≈ 1.9 times
    assert model.scale == MIN_SCALE and model.far_factor == pytest.approx(math.exp(FAR_Z * MIN_SCALE))
    assert model.is_far(100, 400) and model.is_far(300, 20)
    assert not model.is_far(100, 200)  # 1.5 times the usual ratio: not far
    assert not model.is_far(10, 40)  # too short to judge, however odd


def test_a_loose_translation_widens_what_counts_as_far() -> None:
    loose = [(100, round(100 * 1.1 * f)) for f in (0.5, 0.7, 0.9, 1.0, 1.1, 1.3, 1.6, 2.0) * 5]
    model = fit_length_model(loose)
    assert model.scale > MIN_SCALE and model.far_factor > 2.5
    assert not model.is_far(100, 250)


def test_too_few_long_beads_fall_back_to_a_wide_typical_model() -> None:
    model = fit_length_model([(100, 110), (5, 5)])
    assert model.beads_used == 1 and model.scale > MIN_SCALE


def test_omissions_additions_outliers_and_unsure_beads_are_listed_once_each() -> None:
    spec = [(1, 1, 100, 110)] * 20 + [(2, 0, 150, 0), (0, 1, 0, 90), (1, 1, 200, 40), (1, 1, 100, 108)]
    beads = _beads(spec, unsure={20, 22, 23})
    body = build_report_body(beads)
    [chapter] = body.chapters
    assert [i.bead for i in chapter.omissions] == [20] and chapter.omissions[0].ru_sentences == (20, 21)
    assert chapter.omissions[0].en_sentences is None and chapter.omitted_sentences == 2
    assert [i.bead for i in chapter.additions] == [21] and chapter.additions[0].en_sentences == (20, 20)
    assert [i.bead for i in chapter.outliers] == [22]
    assert chapter.outliers[0].ratio == pytest.approx(40 / (200 * 1.1), rel=0.02)
    # the unsure omission is not repeated among the unsure beads; the unsure outlier is (another reason)
    assert [i.bead for i in chapter.unsure] == [22, 23] and chapter.unsure[0].doubt == "weak_match"
    assert (chapter.ru_sentences, chapter.en_sentences) == (24, 23)
    assert body.totals == {"ru_sentences": 24, "en_sentences": 23, "omitted_sentences": 2, "added_sentences": 1,
                           "omissions": 1, "additions": 1, "outliers": 1, "unsure": 2,
                           "varied_terms": 0}


def test_consecutive_omissions_are_one_passage_left_out() -> None:
    beads = _beads([(1, 1, 100, 110)] * 10 + [(1, 0, 100, 0), (2, 0, 150, 0), (1, 1, 100, 110), (1, 0, 80, 0)]
                   + [(0, 1, 0, 90)] * 3)
    [chapter] = build_report_body(beads).chapters
    assert [(i.beads, i.ru_sentences) for i in chapter.omissions] == [((10, 11), (10, 12)), ((13, 13), (14, 14))]
    assert chapter.omissions[0].ru_text == "р" * 100 + " " + "р" * 150 and chapter.omitted_sentences == 4
    [added] = chapter.additions  # right after an omission, still a passage of its own kind
    assert added.beads == (14, 16) and added.en_sentences == (11, 13) and added.ru_sentences is None


def test_chapters_start_at_the_repeated_top_heading_level_with_front_matter_apart() -> None:
    beads = _beads([(1, 1, 100, 110)] * 30 + [(1, 0, 100, 0)])
    headings = [
        HeadingFact("ru", 1, 0, "Книга"),  # the book's title: level 1 once
        HeadingFact("ru", 2, 5, "Глава 1"), HeadingFact("en", 2, 5, "Chapter 1"),
        HeadingFact("en", 3, 8, "A section"),  # below chapter level: inside chapter 1
        HeadingFact("ru", 2, 20, "Глава 2"),  # only the Russian has this heading
    ]
    assert chapter_level(headings) == 2
    body = build_report_body(beads, headings)
    titles = [(c.ru_title, c.en_title, c.front, c.first_bead, c.last_bead) for c in body.chapters]
    assert titles == [("Книга", "", True, 0, 4), ("Глава 1", "Chapter 1", False, 5, 19),
                      ("Глава 2", "", False, 20, 30)]
    assert [len(c.omissions) for c in body.chapters] == [0, 0, 1]
    assert sum(c.ru_sentences for c in body.chapters) == 31


def test_an_abridged_chapter_shows_in_its_length_even_without_listed_beads() -> None:
    # chapter 2's English is a third shorter in every bead: not "far" bead by bead, but abridged as a whole
    beads = _beads([(1, 1, 100, 110)] * 30 + [(1, 1, 100, 73)] * 10)
    headings = [HeadingFact("ru", 1, 0, "Глава 1"), HeadingFact("ru", 1, 30, "Глава 2")]
    first, second = build_report_body(beads, headings).chapters
    assert not second.outliers and first.length_vs_usual == pytest.approx(1.0, abs=0.01)
    assert second.length_vs_usual == pytest.approx(73 / 110, rel=0.01)
    assert (second.ru_chars, second.en_chars) == (1000, 730)


def test_a_pair_without_headings_is_one_section() -> None:
    body = build_report_body(_beads([(1, 1, 100, 110)] * 5))
    assert len(body.chapters) == 1 and not body.chapters[0].front
    assert (body.chapters[0].first_bead, body.chapters[0].last_bead) == (0, 4)
    assert build_report_body([]).chapters[0].last_bead == -1


def test_building_stops_when_cancelled() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        build_report_body(_beads([(1, 1, 100, 110)] * 5), cancel=token)
