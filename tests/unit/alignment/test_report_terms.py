"""Terms rendered in more than one way: in the whole pair (occurrences) and within a chapter (beads)."""

from __future__ import annotations

from alignment.report.sections import BeadFacts, HeadingFact, build_report_body
from alignment.report.terms import Rendering, TermRenderings, varied_terms

USSR = TermRenderings("ussr", "USSR", (Rendering("USSR", 6, (1, 2, 3, 12, 13)), Rendering("Soviet Union", 2, (4, 14)),
                                       Rendering(None, 1, (15,))))
KOLKHOZ = TermRenderings("kolkhoz", "kolkhoz", (Rendering("kolkhoz", 9, (2, 3, 5, 6, 7, 8, 9, 10)),
                                                 Rendering(None, 3, (11, 16, 17))))
NEP = TermRenderings("nep", "NEP", (Rendering("NEP", 2, (12,)), Rendering("New Economic Policy", 1, (13,))))


def test_a_term_is_listed_when_two_written_renderings_occur_not_for_not_rendering_it() -> None:
    assert [t.entry_id for t in varied_terms([KOLKHOZ, USSR, NEP])] == ["ussr", "nep"]  # most frequent first
    assert varied_terms([USSR])[0].ways == 2 and varied_terms([USSR])[0].total == 9


def test_the_same_words_in_another_part_of_speech_are_one_way_of_rendering() -> None:
    """The original's own wording (центризм / центрист) is not a translator's choice."""
    centrism = TermRenderings("centrism", "centrism", (Rendering("centrist", 5, (1, 2)), Rendering("centrism", 2, (3,))))
    social = TermRenderings("sd", "Social Democracy", (Rendering("Social Democracy", 2, (1,)),
                                                       Rendering("Social Democratic", 2, (2,))))
    theory = TermRenderings("sioc", "socialism in one country", (
        Rendering("theory of socialism in one country", 1, (1,)), Rendering("socialism in one country", 1, (2,))))
    dictatorship = TermRenderings("dop", "dictatorship of the proletariat", (
        Rendering("proletarian dictatorship", 3, (1,)), Rendering("dictatorship of the proletariat", 2, (2,)),
        Rendering("proletarian dictatorships", 1, (3,))))
    assert [t.ways for t in (centrism, social, theory, dictatorship, USSR, NEP)] == [1, 1, 1, 2, 2, 2]
    assert [t.entry_id for t in varied_terms([centrism, social, theory, dictatorship, USSR, NEP])] == [
        "ussr", "dop", "nep"]


def test_within_a_chapter_renderings_are_counted_in_its_beads() -> None:
    first = varied_terms([USSR, NEP], 0, 10)
    assert [t.entry_id for t in first] == ["ussr"]
    assert [(r.text, r.count, r.beads) for r in first[0].renderings] == [("USSR", 3, (1, 2, 3)),
                                                                         ("Soviet Union", 1, (4,))]
    second = varied_terms([USSR, NEP], 11, 20)
    assert [t.entry_id for t in second] == ["ussr", "nep"]
    assert [(r.text, r.count) for r in second[0].renderings] == [("USSR", 2), ("Soviet Union", 1), (None, 1)]


def test_the_report_body_lists_terms_per_chapter_and_for_the_pair() -> None:
    beads = [BeadFacts(k, k, k + 1, k, k + 1, "р" * 100, "e" * 110) for k in range(20)]
    body = build_report_body(beads, [HeadingFact("ru", 1, 0, "Глава 1"), HeadingFact("ru", 1, 11, "Глава 2")],
                             terms=[USSR, KOLKHOZ, NEP])
    assert [t.entry_id for t in body.terms] == ["ussr", "nep"] and body.totals["varied_terms"] == 2
    assert [[t.entry_id for t in c.terms] for c in body.chapters] == [["ussr"], ["ussr", "nep"]]
